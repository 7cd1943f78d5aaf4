"""The canvas of layout passes, which only need page breaks and the callbacks' positions."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas


class DraftCanvas(Canvas):
    """Same layout as a real canvas, but images and plain strings are not drawn, pages not
    compressed and the file not assembled: only page breaks and the positions where callbacks
    fire (footnote marks, headings) matter. Flowables may skip drawing anything that fires no
    callback (see ``is_draft``)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs["pageCompression"] = 0
        super().__init__(*args, **kwargs)

    def drawImage(self, *args: object, **kwargs: object) -> tuple[int, int]:  # noqa: N802
        return (0, 0)

    def drawInlineImage(self, *args: object, **kwargs: object) -> tuple[int, int]:  # noqa: N802
        return (0, 0)

    def drawString(self, *args: object, **kwargs: object) -> None:  # noqa: N802
        return None

    def drawRightString(self, *args: object, **kwargs: object) -> None:  # noqa: N802
        return None

    def drawCentredString(self, *args: object, **kwargs: object) -> None:  # noqa: N802
        return None

    def save(self) -> None:
        return None


def is_draft(canvas: Canvas) -> bool:
    """True on a layout pass, whose drawing is thrown away."""
    return isinstance(canvas, DraftCanvas)

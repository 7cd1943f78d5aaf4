"""Contract of briefgen.compat.reportlab: the ReportLab internals it uses exist and behave as
relied upon. A failure here after an upgrade names the private name that moved."""

from __future__ import annotations

import io
import zlib
from importlib.metadata import version

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepTogether, PageTemplate, Paragraph, Spacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus.doctemplate import BaseDocTemplate

from briefgen.compat import reportlab as rl
from briefgen.fonts import font_path


def test_installed_version_is_the_tested_minor() -> None:
    """The pin in pyproject.toml allows only 5.1.x: after moving it, run this file first."""
    assert version("reportlab").split(".")[:2] == ['5', '1'], version("reportlab")

def test_private_names_exist() -> None:
    canvas = Canvas(io.BytesIO())
    for name in ("_doc", "_code", "_formsinuse", "_setXObjects", "_currentPageHasImages"):
        assert hasattr(canvas, name), name
    assert hasattr(canvas._doc, "_timeStamp")
    frame = Frame(0, 0, 100, 100)
    assert hasattr(frame, "_y1p") and hasattr(frame, "_y1")
    assert isinstance(rl_config._FUZZ, float) and rl_config._FUZZ == rl.FUZZ
    for name in ("useA85", "ttfAsciiReadable", "unShapedFontGlob"):
        assert hasattr(rl_config, name), name


def test_binary_streams_drop_ascii85_and_restore_the_setting() -> None:
    before = rl_config.useA85

    def page() -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, pageCompression=1)
        canvas.drawString(10, 10, "x" * 50)
        canvas.save()
        return out.getvalue()

    with rl.binary_streams():
        assert rl_config.useA85 == 0
        assert b"ASCII85Decode" not in page()
    assert rl_config.useA85 == before
    rl_config.useA85 = 1
    try:
        assert b"ASCII85Decode" in page()  # the setting is what decides
    finally:
        rl_config.useA85 = before


def test_draw_xobject_registers_the_image_once() -> None:
    image = PDFImageXObject("img1")
    image.width = image.height = 1
    image.colorSpace, image.bitsPerComponent = "DeviceRGB", 8
    image.streamContent, image.mask = zlib.compress(b"\xff\x00\x00"), None
    image._filters = ("FlateDecode",)
    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=0)
    rl.draw_xobject(canvas, image, 20, 30)
    rl.draw_xobject(canvas, image, 20, 30)
    canvas.save()
    pdf = out.getvalue()
    assert pdf.count(b"/Subtype /Image") == 1
    assert pdf.count(b"20 0 0 30 0 0 cm") == 2 and pdf.count(b" Do\n") == 2


def test_set_creation_time_dates_the_pdf() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, invariant=0)
    rl.set_creation_time(canvas, 1_724_025_600)  # 2024-08-19 00:00 UTC
    canvas.save()
    assert b"D:20240819000000" in out.getvalue()


def test_multibuild_edits_frame_and_keep_together() -> None:
    """``build`` reports the keepWithNext it clears; in a canvas callback the frame being
    filled is reachable and raising its bottom pushes the next flowable to a new page."""
    style = ParagraphStyle("s", keepWithNext=1)
    frames: list[Frame] = []
    pages: list[int] = []

    def on_mark(canv: Canvas, kind: str, label: str) -> None:
        frame = rl.current_frame(canv)
        frames.append(frame)
        rl.raise_frame_bottom(frame, frame._y2 - frame._y1 - 40)

    template = BaseDocTemplate(io.BytesIO(), pagesize=(200, 200))
    template.addPageTemplates([PageTemplate("p", [Frame(0, 0, 200, 200)])])
    edits: list[tuple[object, ...]] = []
    rl.record_multibuild_edits(template, edits.append)

    class Mark(Spacer):
        def draw(self) -> None:
            on_mark(self.canv, "", "")

    class Probe(Spacer):
        def draw(self) -> None:
            pages.append(self.canv.getPageNumber())

    first = Paragraph("a", style)
    template.build([first, Mark(1, 1), Probe(1, 30)])
    assert [edit[2] for edit in edits] == ["keepWithNext", "_postponed"]  # the probe moved on
    for undo, *args in edits:
        undo(*args)
    assert "keepWithNext" not in vars(first) and first.getKeepWithNext()  # from the style
    assert isinstance(frames[0], Frame) and pages == [2]
    keep = KeepTogether([Spacer(1, 1), Spacer(1, 2)])
    assert [f.height for f in rl.keep_together_content(keep)] == [1, 2]


def test_row_heights_of_a_wrapped_table() -> None:
    table = RLTable([["a"], ["b"]], rowHeights=[12, 17])
    table.wrap(100, 100)
    assert rl.row_heights(table) == [12, 17]


def test_ttfont_from_face_is_the_parsed_font() -> None:
    path = str(font_path("NanumGothic"))
    parsed = TTFont("NG", path)
    rebuilt = rl.ttfont_from_face("NG", parsed.face)
    assert set(vars(rebuilt)) == set(vars(parsed))
    for name in vars(parsed):
        if name not in ("encoding", "state"):
            assert getattr(rebuilt, name) == getattr(parsed, name), name
    face = parsed.face
    assert isinstance(getattr(face, rl.FACE_FILE_BYTES), bytes)
    scale = getattr(face, rl.FACE_SCALE)
    assert rl.face_scale(face.unitsPerEm)(517) == scale(517)
    assert rl.face_scale(1000)(517) == 517

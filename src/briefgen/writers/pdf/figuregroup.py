"""A figure kept with its caption, notes and source, shrunk (within a bound) to fit a page.

A chart never splits, so a figure a little taller than the space left on a page moves whole
to the next one and leaves a gap. ``FigureGroup`` first tries the figure smaller: it scales
every image it holds by one factor, down to the theme's ``figures.min_scale``, so that the
group ends at the frame's foot; the caption, notes and source keep their size and stay with
the image. A figure that would need to shrink further moves to the next page at full size.
"""

from __future__ import annotations

import math
from typing import Any

from reportlab.platypus import KeepTogether

from briefgen.compat.reportlab import keep_together_content, keep_together_height
from briefgen.writers.pdf.images import Figure


class FigureGroup(KeepTogether):
    """``flowables`` kept on one page; their images shrink to at least ``min_scale`` of their
    size when that makes the group fit the space left."""

    def __init__(self, flowables: list[Any], min_scale: float) -> None:
        super().__init__(flowables)
        self.min_scale = min_scale

    def with_head(self, head: list[Any]) -> FigureGroup:
        """This group with ``head`` (a heading or item bound to it) in front."""
        return FigureGroup(head + keep_together_content(self), self.min_scale)

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        figures = [f for f in keep_together_content(self) if isinstance(f, Figure)]
        for figure in figures:  # a layout pass starts from the full size
            figure.set_scale(1.0)
        excess = keep_together_height(self, avail_width, avail_height) - avail_height
        scale = fitting_scale(excess, sum(f.full_height for f in figures), self.min_scale)
        if excess <= 0 or scale is None:
            parts: list[Any] = super().split(avail_width, avail_height)
            return parts
        for figure in figures:
            figure.set_scale(scale)
        return keep_together_content(self)


def fitting_scale(excess: float, image_height: float, min_scale: float) -> float | None:
    """The scale (rounded down to 0.001) that takes ``excess`` points off images
    ``image_height`` points tall, or None if it is below ``min_scale`` (or nothing can shrink)."""
    if image_height <= 0 or min_scale >= 1:
        return None
    scale = math.floor((1 - excess / image_height) * 1000) / 1000
    return scale if scale >= min_scale else None

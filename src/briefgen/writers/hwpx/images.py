"""Image files the HWPX embeds (figures, the cover's logo): bytes, format, pixels, resolution."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from briefgen.errors import BriefError


@dataclass(frozen=True)
class ImageFile:
    data: bytes
    kind: str  # png or jpg
    pixels: tuple[int, int]
    dpi: tuple[float, float]  # the file's resolution, (0, 0) when it states none


def read_image(path: Path) -> ImageFile:
    """The PNG or JPEG at ``path`` (a located BriefError for any other file)."""
    try:
        data = path.read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            kind, pixels, dpi = image.format, image.size, image.info.get("dpi", (0, 0))
    except OSError as exc:
        raise BriefError(f"cannot read image: {exc}", source=str(path)) from None
    if kind not in ("PNG", "JPEG"):
        raise BriefError(f"image must be PNG or JPEG, not {kind}", source=str(path))
    # PNG stores whole dots a metre: 150 dpi reads back as 150.0124, 300 as 299.9994
    resolution = (round(float(dpi[0]), 1), round(float(dpi[1]), 1))
    return ImageFile(data, "png" if kind == "PNG" else "jpg", pixels, resolution)

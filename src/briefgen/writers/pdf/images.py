"""Figures as PDF image objects made without ReportLab's slow path (charts are large PNGs).

ReportLab decodes every PNG, hashes its decoded pixels (to name the image), splits off the
alpha channel as a soft mask and compresses both again.
Here an 8-bit RGB or grey PNG goes into the PDF as it is (its zlib data with the PNG
predictor, which PDF readers undo), an RGBA PNG whose alpha is opaque everywhere (as charts
are) is decoded once and stored as RGB without a mask, and the name comes from the file's
bytes. Any other image takes ReportLab's own path. Layout passes draw no image at all, so
they need only each image's pixel size: images still being made (charts drawn in another
process) are laid out at their planned size (``PendingImages``); the final pass waits for
each when it reaches it.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFImageXObject, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from briefgen.compat.reportlab import draw_xobject
from briefgen.writers.pdf.draft import is_draft

_PNG = b"\x89PNG\r\n\x1a\n"
#: PNG colour type → (PDF colour space, components) for images passed through undecoded.
_PASS = {0: ("DeviceGray", 1), 2: ("DeviceRGB", 3)}


class PlanMissed(Exception):
    """An image was made with another pixel size than planned: the layout must be redone."""


@dataclass(frozen=True)
class PendingImages:
    """Image files still being made when the layout starts: ``planned`` pixel size by file;
    ``wait_for(path)`` returns once that file is there (or raises why it is not)."""

    planned: dict[Path, tuple[int, int]]
    wait_for: Callable[[Path], None]

    def wait(self) -> None:
        """Return once every file is there."""
        for path in self.planned:
            self.wait_for(path)


def image_size(path: Path) -> tuple[int, int]:
    """The pixel size of the image file ``path`` (width, height)."""
    width, height = ImageReader(str(path)).getSize()
    return width, height


class Figure(Flowable):
    """The image file ``path`` drawn ``width`` × ``height`` points times ``scale`` (set by a
    ``FigureGroup`` that shrinks it to fit a page), centred in the frame; ``ready(path)`` is
    called before the file is read (it may wait for it to be made)."""

    def __init__(self, path: Path, width: float, height: float,
                 ready: Callable[[Path], None] | None = None) -> None:
        super().__init__()
        self.path, self.full_width, self.full_height, self.ready = path, width, height, ready
        self.width, self.height, self.scale = width, height, 1.0
        self.hAlign = "CENTER"  # as ReportLab's Image

    def set_scale(self, scale: float) -> None:
        """Draw the image at ``scale`` times its full size."""
        self.scale, self.width, self.height = scale, self.full_width * scale, self.full_height * scale

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if not is_draft(self.canv):
            if self.ready is not None:
                self.ready(self.path)
            draw_image(self.canv, self.path, self.width, self.height)


class _ImageObject(PDFImageXObject):
    """An image XObject from ready stream data (``parms``: its /DecodeParms, if any)."""

    def __init__(self, name: str, size: tuple[int, int], space: str, data: bytes,
                 parms: dict[str, Any] | None = None) -> None:
        super().__init__(name)
        self.width, self.height = size
        self.colorSpace, self.bitsPerComponent = space, 8
        self.streamContent, self._filters, self.mask = data, ("FlateDecode",), None
        self.parms = parms

    def format(self, document: Any) -> bytes:
        stream = PDFStream(content=self.streamContent)
        d = stream.dictionary
        d["Type"], d["Subtype"] = PDFName("XObject"), PDFName("Image")
        d["Width"], d["Height"] = self.width, self.height
        d["BitsPerComponent"] = self.bitsPerComponent
        d["ColorSpace"] = PDFName(self.colorSpace)
        d["Filter"] = PDFArray([PDFName(f) for f in self._filters])
        if self.parms:
            d["DecodeParms"] = PDFArray([PDFDictionary(self.parms)])  # one per filter
        d["Length"] = len(self.streamContent)
        data: bytes = stream.format(document)
        return data


def draw_image(canv: Canvas, path: Path, width: float, height: float) -> None:
    """Draw ``path`` at the origin scaled to ``width`` × ``height`` (each image stored once)."""
    data = path.read_bytes()
    made = _image_object(hashlib.md5(data).hexdigest(), data)
    if made is None:  # ReportLab's own path (soft mask, palette, …)
        canv.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width, height, mask="auto")
        return
    draw_xobject(canv, made, width, height)


def _image_object(name: str, data: bytes) -> _ImageObject | None:
    """The fast image object of PNG ``data``, or None when it needs ReportLab's path."""
    png = _png_parts(data)
    if png is None:
        return None
    (width, height, depth, kind, interlace), idat, plain = png
    if depth == 8 and kind in _PASS and not interlace and plain:
        space, colors = _PASS[kind]
        parms = {"Predictor": 15, "Colors": colors, "BitsPerComponent": 8, "Columns": width}
        return _ImageObject(name, (width, height), space, idat, parms)
    if kind != 6 or depth != 8:
        return None
    im = PILImage.open(io.BytesIO(data))
    if im.mode != "RGBA" or im.getchannel("A").getextrema() != (255, 255):
        return None
    rgb = zlib.compress(im.convert("RGB").tobytes())
    return _ImageObject(name, (width, height), "DeviceRGB", rgb)


def _png_parts(data: bytes) -> tuple[tuple[int, ...], bytes, bool] | None:
    """IHDR fields (width, height, bit depth, colour type, interlace), the joined IDAT data,
    and whether no chunk makes pixels transparent; None if ``data`` is not a PNG."""
    if not data.startswith(_PNG):
        return None
    at, header, idat, plain = len(_PNG), None, [], True
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            header = (w, h, depth, colour, interlace)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"tRNS":
            plain = False
        elif kind == b"IEND":
            break
        at += 12 + length
    if header is None or not idat:
        return None
    return header, b"".join(idat), plain

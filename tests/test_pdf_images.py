"""Figures reach the PDF with the pixels of their PNG, by the fast paths of images.py: an RGB
PNG passed through undecoded (PNG predictor), an opaque RGBA PNG as RGB without a mask, any
other image (real transparency) by ReportLab's path with a soft mask."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from briefgen.writers.pdf.images import draw_image


def _picture(mode: str) -> Image.Image:
    """A small chart-like image with rows that every PNG filter type encodes differently."""
    im = Image.new("RGB", (37, 23), "white")
    for x in range(37):
        for y in range(23):
            if (x * y) % 7 < 3 or x == y:
                im.putpixel((x, y), ((x * 7) % 256, (y * 11) % 256, (x * y) % 256))
    if mode == "RGBA":
        im = im.convert("RGBA")
    return im


def _pdf_image(tmp_path: Path, png: Path) -> tuple[dict, bytes]:
    out = tmp_path / "image.pdf"
    canv = Canvas(str(out), pagesize=(200, 200), invariant=1)
    canv.translate(10, 10)
    draw_image(canv, png, 74, 46)
    canv.translate(100, 100)
    draw_image(canv, png, 37, 23)  # the same file again: stored once
    canv.showPage()
    canv.save()
    data = out.read_bytes()
    with pdfplumber.open(out) as pdf:
        images = pdf.pages[0].images
        assert len(images) == 2 and images[0]["stream"].objid == images[1]["stream"].objid
        stream = images[0]["stream"]
        return stream.attrs, stream.get_data() if b"/SMask" not in data else b""


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_png_pixels_reach_the_pdf(tmp_path: Path, mode: str) -> None:
    png = tmp_path / "chart.png"
    picture = _picture(mode)
    picture.save(png)
    attrs, pixels = _pdf_image(tmp_path, png)
    assert (attrs["Width"], attrs["Height"]) == picture.size
    assert "SMask" not in attrs  # opaque: no mask
    assert pixels == picture.convert("RGB").tobytes()


def test_transparent_png_keeps_its_mask(tmp_path: Path) -> None:
    png = tmp_path / "logo.png"
    picture = _picture("RGBA")
    picture.putpixel((0, 0), (0, 0, 0, 0))
    picture.save(png)
    out = tmp_path / "image.pdf"
    canv = Canvas(str(out), pagesize=(200, 200), invariant=1)
    draw_image(canv, png, 74, 46)
    canv.showPage()
    canv.save()
    with pdfplumber.open(out) as pdf:
        assert "SMask" in pdf.pages[0].images[0]["stream"].attrs


def test_same_png_same_bytes(tmp_path: Path) -> None:
    """Names come from the file's bytes, not its path: the PDF does not depend on the folder."""
    pngs = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        pngs.append(tmp_path / folder / "chart.png")
        _picture("RGB").save(pngs[-1])
    outs = []
    for png in pngs:
        buf = io.BytesIO()
        canv = Canvas(buf, pagesize=(200, 200), invariant=1)
        draw_image(canv, png, 74, 46)
        canv.showPage()
        canv.save()
        outs.append(buf.getvalue())
    assert outs[0] == outs[1]

"""An image file a figure names (``image=x.png``), checked before any writer opens it: a
PNG or JPEG that decodes in full, of a bounded pixel count, not too tall for the page."""

from __future__ import annotations

import warnings
from pathlib import Path

from briefgen.theme import Theme

MAX_PIXELS = 50_000_000  # a full-page figure at 600 dpi is 35,000,000
FORMATS = ("PNG", "JPEG")
FRAME_AIR_MM = 5  # the body frame's padding and a little air


def check_image(path: Path, width_ratio: float, theme: Theme) -> None:
    """ValueError (the reason, to follow the image's name) if ``path`` is no complete PNG or
    JPEG of at most MAX_PIXELS pixels, or if at ``width_ratio`` of the text width it is
    taller than the page's text area."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                kind, (width, height) = image.format, image.size
                if kind not in FORMATS:
                    raise ValueError(f"is a {kind} image; use PNG or JPEG")
                if width * height > MAX_PIXELS:
                    raise ValueError(f"has {width:,} × {height:,} pixels; the limit is "
                                     f"{MAX_PIXELS:,} pixels (a decompression bomb?)")
                if image.mode == "CMYK":
                    raise ValueError("is a CMYK image; save it as RGB")
                if kind == "JPEG" and _jpeg_tag(path) not in (b"JFIF", b"Exif"):
                    raise ValueError("is a JPEG without a JFIF or Exif header, which Word cannot "
                                     "place; save it again as JPEG or PNG")
                image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValueError(f"has more than {MAX_PIXELS:,} pixels (a decompression bomb?)") from None
        except UnidentifiedImageError:
            raise ValueError("is not a readable PNG or JPEG image (damaged, empty or another format "
                             "under a .png/.jpg name)") from None
        except (OSError, SyntaxError, EOFError) as error:
            raise ValueError(f"is damaged or cut short ({error})") from None
    page = theme.page
    text_width = page("width") - page("margin_left") - page("margin_right")
    room = page("height") - page("margin_top") - page("margin_bottom") - FRAME_AIR_MM
    tall = width_ratio * text_width * height / width
    if tall > room:
        raise ValueError(f"is {width:,} × {height:,} pixels: at width={width_ratio:g} it is {tall:,.0f} mm "
                         f"tall and the page has {room:,.0f} mm; crop it or give a smaller width")


def _jpeg_tag(path: Path) -> bytes:
    """The identifier of a JPEG's first application segment (``JFIF`` or ``Exif`` normally)."""
    with path.open("rb") as handle:
        return handle.read(10)[6:10]

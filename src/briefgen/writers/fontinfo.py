"""The few facts the DOCX font table and the HWPX face names need from a TrueType file.

Reading them through fontTools would import its table modules, a fixed cost on every build.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

WINDOWS, UNICODE_BMP, FAMILY_NAME = 3, 1, 1
ENGLISH_US, KOREAN = 0x409, 0x412
PANOSE_OFFSET = 32  # in the OS/2 table, 10 bytes


@dataclass(frozen=True)
class FontInfo:
    """Windows family names by language id (``0x409`` English, ``0x412`` Korean), PANOSE."""

    family_names: dict[int, str]
    panose: bytes


def read_font_info(path: Path) -> FontInfo:
    """The Windows Unicode family names (name id 1) and the PANOSE digits of ``path``."""
    tables = _tables(path, (b"name", b"OS/2"))
    name = tables[b"name"]
    count, strings = struct.unpack_from(">HH", name, 2)
    names: dict[int, str] = {}
    for index in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(
            ">6H", name, 6 + 12 * index
        )
        if (platform, encoding, name_id) == (WINDOWS, UNICODE_BMP, FAMILY_NAME):
            raw = name[strings + offset : strings + offset + length]
            names.setdefault(language, raw.decode("utf-16-be"))
    panose = tables[b"OS/2"][PANOSE_OFFSET : PANOSE_OFFSET + 10]
    return FontInfo(names, panose)


def _tables(path: Path, tags: tuple[bytes, ...]) -> dict[bytes, bytes]:
    """The tables ``tags`` of an sfnt file (table directory: tag, checksum, offset, length),
    read alone: a Korean face is megabytes of glyphs around a few kilobytes of them."""
    tables = {}
    with path.open("rb") as font:
        (count,) = struct.unpack(">H", font.read(12)[4:6])
        directory = font.read(16 * count)
        for index in range(count):
            tag, _, offset, length = struct.unpack_from(">4sIII", directory, 16 * index)
            if tag in tags:
                font.seek(offset)
                tables[tag] = font.read(length)
    return tables

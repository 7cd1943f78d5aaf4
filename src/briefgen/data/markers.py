"""Cell texts that a published table uses for numbers and their absence: declared missing
markers (``-``, ``…``, ``x``) read as empty cells, a declared minus mark (``△4.9``, as Korean
government tables write a decrease) reads as ``-``, and numbers written with a thousands
separator (``1,234.5``) lose it."""

from __future__ import annotations

import re

import pandas as pd


def clean_markers(frame: pd.DataFrame, missing: tuple[str, ...], thousands: str | None,
                  minus: str | None = None) -> pd.DataFrame:
    """``frame`` (cells as text) with every cell equal to a ``missing`` marker (spaces around it
    ignored) emptied, a ``minus`` mark before a number written ``-`` and the ``thousands``
    separator taken out of every cell that is a number written with it; other cells are left
    as they are."""
    if not missing and thousands is None and minus is None:
        return frame
    grouped = _grouped(thousands) if thousands is not None else None
    frame = frame.copy()
    for column in frame.columns:
        text = frame[column].astype(str).str.strip()
        if missing:
            frame[column] = frame[column].where(~text.isin(missing), "")
        if minus is not None:
            marked = text.str.fullmatch(rf"{re.escape(minus)}\s*\d[\d,.' \u00a0]*")
            if marked.any():
                text = text.where(~marked, "-" + text.str.slice(len(minus)).str.lstrip())
                frame.loc[marked, column] = text[marked]
        if grouped is not None and thousands is not None:
            hit = text.str.fullmatch(grouped)
            if hit.any():
                frame.loc[hit, column] = text[hit].str.replace(thousands, "", regex=False)
    return frame


def _grouped(separator: str) -> str:
    """A number with ``separator`` between groups of three digits, e.g. ``-12,345.6``."""
    sep = re.escape(separator)
    decimals = r"(?:\.\d+)?" if separator != "." else ""
    return rf"[+-]?\d{{1,3}}(?:{sep}\d{{3}})+{decimals}"

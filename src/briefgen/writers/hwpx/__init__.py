"""HWPX (한/글) writer: ``write_hwpx(doc, theme, out)`` (see ``writer``)."""

from briefgen.writers.hwpx.writer import write_hwpx

__all__ = ["write_hwpx"]

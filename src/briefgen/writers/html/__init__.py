"""HTML writer: one self-contained preview file (inline CSS, images as data URIs, no script)."""

from briefgen.writers.html.writer import render_html, write_html

__all__ = ["render_html", "write_html"]

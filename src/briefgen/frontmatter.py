"""Compose the front matter once from the metadata and the theme: the cover's lines (series
and number, subtitle between dashes, the dotted date, one line per author), the back page,
the running header, the fixed page titles and the file properties' title and authors (S2,
S40, S47, S48). Every writer prints these strings as they are."""

from __future__ import annotations

from briefgen.ir import Author, BackPage, Cover, FrontMatter, Meta
from briefgen.korean.dates import fmt_date
from briefgen.theme import Theme


def compose_front_matter(meta: Meta, theme: Theme) -> FrontMatter:
    """The front matter of a brief with ``meta`` in ``theme``."""
    return FrontMatter(
        cover=_cover(meta),
        back=BackPage(
            organisation=meta.organisation,
            homepage_label=theme.title("homepage_label"),
            homepage=meta.homepage,
            contact=meta.contact,
            address=meta.address,
            disclaimer=meta.disclaimer,
        ),
        running_header=theme.running_header(meta.series, meta.report_number),
        summary_title=theme.title("summary_title"),
        executive_summary_title=theme.title("executive_summary_title"),
        toc_title=theme.title("toc_title"),
        file_title=f"{meta.title} - {meta.subtitle}" if meta.subtitle else meta.title,
        file_authors=", ".join(author.name for author in meta.authors),
    )


def _cover(meta: Meta) -> Cover:
    return Cover(
        series=f"{meta.series} {meta.report_number}",
        title=meta.title,
        subtitle=f"- {meta.subtitle} -" if meta.subtitle else "",
        date=fmt_date(meta.date, "dot"),
        authors=[_author_line(author) for author in meta.authors],
        organisation=meta.organisation,
        series_name=meta.series,
        report_number=meta.report_number,
    )


def _author_line(author: Author) -> str:
    """``이름 소속 직위``, leaving out the parts not given."""
    return " ".join(part for part in (author.name, author.affiliation, author.position) if part)

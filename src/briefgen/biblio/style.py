"""The house forms of a cited work (S21, S33): names and year in the text, one 참고문헌 entry.

In the text: one author ``Kaplan`` / ``안성원``; two ``Kaplan and McCandlish`` /
``안성원·홍길동``; three or more ``Kaplan et al.`` / ``안성원 외``; an organisation as written.
In the 참고문헌: up to three authors (``Kaplan, J. and McCandlish, S.``; ``Kaplan, J.,
McCandlish, S. and Henighan, T.``; Korean names joined by ``·``); with more, the first three
and ``et al.`` / ``외``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from briefgen.biblio.entry import Entry, Name, is_hangul

NO_YEAR = "n.d."
LISTED_AUTHORS = 3
IS_REPORT = ("이슈리포트", "성남", "소프트웨어정책연구소")  # series, place, publisher of IS-NNN


def korean(entry: Entry) -> bool:
    """A work in Korean: its first author (or, without one, its title) is in Hangul."""
    return entry.authors[0].korean if entry.authors else is_hangul(entry.title)


def _display(name: Name) -> str:
    """A name as the text shows it: the family name, a Korean or organisation name whole."""
    if name.literal:
        return name.family
    return name.family + name.given if name.korean else name.family


def _listed(name: Name) -> str:
    """A name as the 참고문헌 lists it: ``Kaplan, J.``, ``안성원``, ``Epoch AI``."""
    if name.literal or name.korean or not name.given:
        return _display(name)
    return f"{name.family}, {initials(name.given)}"


def initials(given: str) -> str:
    """``Jared`` → ``J.``; ``Jean-Baptiste`` → ``J.-B.``; ``Sam R.`` → ``S. R.``."""
    parts = []
    for word in given.replace(".", ". ").split():
        pieces = [p for p in word.split("-") if p]
        parts.append("-".join(f"{p[0]}." for p in pieces))
    return " ".join(parts)


def fallback_author(entry: Entry) -> str:
    """Who stands in for missing authors: the publisher (an organisation), else the title."""
    return entry.publisher or entry.title or entry.key


def text_names(entry: Entry) -> str:
    """The names of a citation in the text (S21)."""
    names = entry.authors
    if not names:
        return fallback_author(entry)
    if len(names) == 1 and not entry.others:
        return _display(names[0])
    if len(names) == 2 and not entry.others:
        joiner = "·" if korean(entry) else " and "
        return joiner.join(_display(n) for n in names)
    return _display(names[0]) + (" 외" if korean(entry) else " et al.")


def listed_names(entry: Entry) -> str:
    """The authors at the head of a 참고문헌 entry (S33)."""
    names = entry.authors
    if not names:
        return fallback_author(entry)
    shown = [_listed(n) for n in names[:LISTED_AUTHORS]]
    more = len(names) > LISTED_AUTHORS or entry.others
    if korean(entry):
        return "·".join(shown) + (" 외" if more else "")
    if more:
        return ", ".join(shown) + ", et al."
    return " and ".join(shown) if len(shown) < 3 else f"{shown[0]}, {shown[1]} and {shown[2]}"


def year_labels(entries: Iterable[Entry]) -> dict[str, str]:
    """The year each entry is cited with: ``2020``, ``n.d.``, and ``2020a``/``2020b`` when one
    author (as the text names them) has several works that year (ordered by title)."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[(text_names(entry), entry.year)].append(entry)
    labels = {}
    for (_, year), group in groups.items():
        group.sort(key=lambda e: (e.title.casefold(), e.key))
        for index, entry in enumerate(group):
            suffix = "abcdefghijklmnopqrstuvwxyz"[index % 26] if len(group) > 1 else ""
            labels[entry.key] = (year or NO_YEAR) + suffix
    return labels


def reference(entry: Entry, year: str) -> str:
    """One 참고문헌 entry without the ``§ `` sign (S33), e.g.
    ``Kaplan, J., McCandlish, S., Henighan, T., et al. (2020). “Scaling Laws …”, arXiv:2001.08361.``"""
    title = entry.title or entry.key
    link = entry.url + (f" (Accessed {dot_date(entry.accessed)})" if entry.url and entry.accessed else "")
    match entry.kind:
        case "book":
            parts = [title, _place(entry.place, entry.publisher), link]
        case "report":
            series, place, publisher = _report_defaults(entry)
            number = " ".join(p for p in (series, entry.number) if p)
            quoted = f"“{title}”" if entry.number else title  # a numbered issue, or report-length
            parts = [quoted, number, _place(place, publisher), link]
        case "web":
            parts = [f"“{title}”", entry.venue, link]
        case _:
            volume = entry.volume + (f"({entry.issue})" if entry.issue else "")
            pages = f"pp. {entry.pages}" if entry.pages else ""
            parts = [f"“{title}”", entry.venue, volume, pages, link]
    head = f"{listed_names(entry)} ({year})."
    return f"{head} {', '.join(p for p in parts if p)}."


def _report_defaults(entry: Entry) -> tuple[str, str, str]:
    """Series, place and publisher; an ``IS-NNN`` number alone means a SPRi 이슈리포트."""
    if entry.number.upper().startswith("IS-") and not entry.publisher:
        return entry.series or IS_REPORT[0], entry.place or IS_REPORT[1], IS_REPORT[2]
    return entry.series, entry.place, entry.publisher


def _place(place: str, publisher: str) -> str:
    return f"{place}: {publisher}" if place and publisher else publisher or place


def dot_date(iso: str) -> str:
    """``2024-08-20`` → ``2024.08.20.`` (S40); other text as written."""
    parts = iso.split("-")
    if all(p.isdigit() for p in parts) and 1 <= len(parts) <= 3:
        return ".".join(parts) + "."
    return iso


def gaps(entry: Entry) -> list[tuple[str, str]]:
    """Fields the house pattern needs but the entry lacks: (field, what is printed instead)."""
    missing = []
    if not entry.authors:
        missing.append(("author", f"'{fallback_author(entry)}' in its place"))
    if not entry.year:
        missing.append(("year", NO_YEAR))
    if not entry.title:
        missing.append(("title", "the key"))
    if entry.kind == "web" and not entry.url:
        missing.append(("url", "no address"))
    return missing

"""Read the bibliography files a brief names: BibTeX (``.bib``, with pybtex) and CSL-JSON
(``.json``, what Zotero exports; checked field by field). Errors name the file and line."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.biblio.entry import Entry, Kind, Name
from briefgen.errors import BriefError

_BIBTEX_KINDS: dict[str, Kind] = {
    "techreport": "report", "report": "report",
    "online": "web", "webpage": "web", "electronic": "web", "www": "web",
    "book": "book", "proceedings": "book", "manual": "book", "phdthesis": "book",
    "mastersthesis": "book", "thesis": "book",
}
_CSL_KINDS: dict[str, Kind] = {
    "report": "report",
    "webpage": "web", "post": "web", "post-weblog": "web", "dataset": "web", "software": "web",
    "book": "book", "thesis": "book",
}
_FONT_COMMAND = re.compile(r"\\(?:emph|text(?:it|bf|sc|rm|tt|sf|up|sl)|mathrm|url)\s*\{")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass
class Bibliography:
    """Every entry of the brief's bibliography files, by key."""

    entries: dict[str, Entry] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        """Add ``entry``; a key already taken (by another file) is an error naming both."""
        first = self.entries.get(entry.key)
        if first is not None:
            raise BriefError(f"bibliography key '{entry.key}' is defined twice (first at {first.where})",
                             source=entry.source, line=entry.line)
        self.entries[entry.key] = entry


def read_bibliography(paths: Iterable[Path], root: Path) -> Bibliography:
    """Read every file of ``paths`` (``.bib`` or ``.json``) into one bibliography."""
    bibliography = Bibliography()
    for path in paths:
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        try:
            text = path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise BriefError(f"cannot read the bibliography: {exc}", source=name) from None
        entries = read_csl_json(text, name) if path.suffix.lower() == ".json" else read_bibtex(text, name)
        for entry in entries:
            bibliography.add(entry)
    return bibliography


# ---------------------------------------------------------------------- BibTeX


def read_bibtex(text: str, source: str) -> list[Entry]:
    """The entries of a BibTeX file (LaTeX accents and braces decoded)."""
    import pybtex.errors
    from pybtex.database.input import bibtex
    from pybtex.exceptions import PybtexError
    from pybtex.scanner import PybtexSyntaxError

    pybtex.errors.set_strict_mode(True)
    try:
        data = bibtex.Parser().parse_string(text)
    except PybtexSyntaxError as exc:
        message = re.sub(r"^syntax error in line \d+: ", "", str(exc))
        raise BriefError(f"cannot read the bibliography: {message}{_entry_before(text, exc.lineno)}",
                         source=source, line=exc.lineno) from None
    except PybtexError as exc:  # e.g. a repeated key, a bad name list
        key = re.search(r"entry:? (\S+)", str(exc))
        raise BriefError(f"cannot read the bibliography: {exc}", source=source,
                         line=_bibtex_line(text, key.group(1)) if key else None) from None
    return [_bibtex_entry(key, entry, source, _bibtex_line(text, key))
            for key, entry in data.entries.items()]


def _entry_before(text: str, line: int | None) -> str:
    """`` (in the entry 'ahn2023' from line 7)``: the last entry that starts before ``line``."""
    starts = [(text.count("\n", 0, m.start()) + 1, m["key"])
              for m in re.finditer(r"@\w+\s*[{(]\s*(?P<key>[^,\s]+)\s*,", text)]
    before = [(number, key) for number, key in starts if line is None or number < line]
    return f" (in the entry '{before[-1][1]}' from line {before[-1][0]})" if before else ""


def _bibtex_line(text: str, key: str) -> int | None:
    found = re.search(r"@\w+\s*[{(]\s*" + re.escape(key) + r"\s*,", text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _latex(value: str) -> str:
    """A field as plain text: accents, braces, ``\\&`` and dashes decoded, font commands
    (``\\emph{…}``) dropped; a bare ``%`` is a percent sign, not a LaTeX comment."""
    from pybtex.backends.plaintext import Backend
    from pybtex.richtext import Text

    value = _FONT_COMMAND.sub("{", re.sub(r"(?<!\\)%", r"\\%", value))
    # Text.render_as("text") would look the backend up among every installed package's entry
    # points, once per field
    return " ".join(Text.from_latex(value).render(Backend()).split())


def _bibtex_entry(key: str, entry: Any, source: str, line: int | None) -> Entry:
    fields = {name.lower(): value for name, value in entry.fields.items()}

    def get(*names: str) -> str:
        return next((_latex(fields[n]) for n in names if fields.get(n, "").strip()), "")

    kind = _BIBTEX_KINDS.get(entry.type.lower(), "article")
    eprint = get("eprint")
    if entry.type.lower() == "misc" and not eprint and fields.get("url"):
        kind = "web"
    archive = get("archiveprefix", "eprinttype") or "arXiv"
    venue = get("journal", "journaltitle", "booktitle") or (f"{archive}:{eprint}" if eprint else "")
    if kind == "web":
        venue = get("organization", "journal", "journaltitle", "publisher")
    persons = list(entry.persons.get("author") or entry.persons.get("editor") or [])
    others = bool(persons) and str(persons[-1]) == "others"
    if others:
        persons.pop()
    year = get("year") or _year(get("date"))
    return Entry(
        key=key, kind=kind, authors=tuple(_bibtex_name(p) for p in persons), year=year,
        title=get("title"), source=source, line=line, venue=venue,
        volume=get("volume"), issue=get("number") if kind == "article" else get("issue"),
        pages=get("pages").replace("--", "-"),
        series=get("series", "type") if kind == "report" else get("series"),
        number=get("number") if kind == "report" else "",
        publisher=get("institution", "organization", "publisher") if kind != "web" else get("publisher"),
        place=get("address", "location"), url=fields.get("url", "").strip(),
        accessed=_iso_date(get("urldate")), others=others,
    )


def _bibtex_name(person: Any) -> Name:
    first = [_latex(p) for p in person.first_names + person.middle_names]
    last = [_latex(p) for p in person.prelast_names + person.last_names]
    raw = " ".join(person.last_names)
    if not first and not person.prelast_names and len(person.last_names) == 1 and raw.startswith("{"):
        return Name(_latex(raw), literal=True)  # {Epoch AI}: an organisation
    return Name(" ".join(last), " ".join(first))


# ---------------------------------------------------------------------- CSL-JSON


def read_csl_json(text: str, source: str) -> list[Entry]:
    """The entries of a CSL-JSON file: a list of objects with ``id``, ``type`` and fields."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BriefError(f"cannot read the bibliography: {exc.msg} (column {exc.colno})", source=source,
                         line=exc.lineno) from None
    if isinstance(data, dict) and "items" in data:
        data = data["items"]
    if not isinstance(data, list):
        raise BriefError("a CSL-JSON bibliography is a list of entries ([{\"id\": …, \"type\": …}])",
                         source=source, line=1)
    return [_csl_entry(item, index, text, source) for index, item in enumerate(data)]


def _csl_entry(item: object, index: int, text: str, source: str) -> Entry:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str | int) or not str(item["id"]):
        raise BriefError(f"entry {index + 1} has no \"id\" (the key you cite)", source=source)
    key = str(item["id"])
    found = re.search(r'"id"\s*:\s*"?' + re.escape(key) + r'"?\s*[,}\n]', text)
    line = text.count("\n", 0, found.start()) + 1 if found else None

    def bad(name: str, expected: str) -> BriefError:
        return BriefError(f"entry '{key}': \"{name}\" must be {expected}", source=source, line=line)

    def get(name: str) -> str:
        value = item.get(name, "")
        if not isinstance(value, str | int):
            raise bad(name, "text")
        return " ".join(str(value).split())

    kind_name = get("type") or "article"
    kind = _CSL_KINDS.get(kind_name, "article")
    authors = item.get("author", item.get("editor", []))
    if not isinstance(authors, list) or not all(isinstance(a, dict) for a in authors):
        raise bad("author", "a list of names ({\"family\": …, \"given\": …} or {\"literal\": …})")
    names = []
    for author in authors:
        if author.get("literal"):
            names.append(Name(str(author["literal"]).strip(), literal=True))
        elif author.get("family"):
            names.append(Name(str(author["family"]).strip(), str(author.get("given", "")).strip()))
        else:
            raise bad("author", "a list of names with \"family\" or \"literal\"")
    number = get("number")
    venue = get("container-title")
    if kind == "article" and not venue and number:
        venue = number  # Zotero's preprints: "number": "arXiv:2001.08361"
    if kind == "web" and not venue:
        venue = get("publisher")
    return Entry(
        key=key, kind=kind, authors=tuple(names), year=_csl_date(item, "issued", bad)[:4],
        title=get("title"), source=source, line=line, venue=venue,
        volume=get("volume"), issue=get("issue"), pages=get("page"),
        series=get("collection-title") or get("genre"), number=number if kind == "report" else "",
        publisher=get("publisher") if kind != "web" else "", place=get("publisher-place"),
        url=get("URL"), accessed=_csl_date(item, "accessed", bad),
    )


def _csl_date(item: dict[str, Any], name: str, bad: Any) -> str:
    """A CSL date (``{"date-parts": [[2024, 8, 20]]}`` or ``{"raw": "2024-08-20"}``) as ISO text."""
    value = item.get(name)
    if value is None:
        return ""
    if not isinstance(value, dict):
        raise bad(name, "a date ({\"date-parts\": [[2024, 8, 20]]})")
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        numbers = parts[0][:3]
        if not all(isinstance(n, int | str) and str(n).isdigit() for n in numbers):
            raise bad(name, "a date with numbers ({\"date-parts\": [[2024, 8, 20]]})")
        return "-".join(f"{int(n):02d}" if i else str(n) for i, n in enumerate(numbers))
    raw = value.get("raw") or value.get("literal") or ""
    return _iso_date(str(raw))


def _year(date: str) -> str:
    match = _DATE.match(date)
    return match.group(1) if match else ""


def _iso_date(date: str) -> str:
    """``2024-8-20`` → ``2024-08-20``; text that is no date is kept as written."""
    match = _DATE.match(date.strip())
    if not match:
        return date.strip()
    return "-".join(f"{int(p):02d}" if i else p for i, p in enumerate(match.groups()) if p)

"""Resolve citations against the bibliography while the markup is read, and list the cited
works as 참고문헌 entries (S21, S31-S33)."""

from __future__ import annotations

import difflib

from briefgen.biblio.entry import Entry
from briefgen.biblio.read import Bibliography
from briefgen.biblio.style import gaps, reference, text_names, year_labels
from briefgen.biblio.syntax import Citation, CiteItem
from briefgen.errors import BriefError
from briefgen.ir import Reference, SourceLoc, Text, plain_text
from briefgen.korean.josa import Josa, leading_particle


class Citer:
    """Citations of one build: their house-form text, the particle after them, the works cited."""

    def __init__(self, bibliography: Bibliography | None, josa: Josa) -> None:
        self.named = bibliography is not None
        self.entries: dict[str, Entry] = bibliography.entries if bibliography else {}
        self.josa = josa
        self.years = year_labels(self.entries.values())
        self.cited: dict[str, SourceLoc] = {}

    def text(self, citation: Citation, loc: SourceLoc) -> str:
        """``(Kaplan et al., 2020; 안성원 외, 2023)``, ``Kaplan et al.(2020, p. 3)``."""
        if citation.narrative:
            item = citation.items[0]
            entry = self.entry(item.key, loc)
            inside = ", ".join(p for p in (self.years[entry.key], item.suffix) if p)
            return f"{text_names(entry)}({inside})"
        return "(" + "; ".join(self._item(item, loc) for item in citation.items) + ")"

    def _item(self, item: CiteItem, loc: SourceLoc) -> str:
        entry = self.entry(item.key, loc)
        core = ", ".join(p for p in (
            "" if item.year_only else text_names(entry), self.years[entry.key], item.suffix) if p)
        return f"{item.prefix} {core}" if item.prefix else core

    def entry(self, key: str, loc: SourceLoc) -> Entry:
        """The entry of a cited key (noted as cited); BriefError at ``loc`` if there is none."""
        if not self.named:
            raise BriefError(f"citation @{key}, but brief.yaml names no bibliography "
                             "(add 'bibliography: refs.bib'; write \\@ for a literal @)",
                             source=loc.file, line=loc.line)
        entry = self.entries.get(key)
        if entry is None:
            close = difflib.get_close_matches(key, self.entries, n=1)
            hint = f" (did you mean '@{close[0]}'?)" if close else ""
            raise BriefError(f"citation @{key} is not in the bibliography{hint}",
                             source=loc.file, line=loc.line)
        self.cited.setdefault(key, loc)
        return entry

    def particle_after(self, before: str, after: str, narrative: bool) -> str:
        """``after`` with the particle it starts with fitted to what is read before it: the
        author of a narrative citation, the word before a bracketed one (S52)."""
        form = leading_particle(after)
        if form is None:
            return after
        try:
            fitted = self.josa.particle(before, form)
        except BriefError:
            if narrative:
                raise
            return after  # the word before is the author's own: keep the particle written
        return fitted + after[len(form):]

    def references(self) -> list[Reference]:
        """The 참고문헌 entries of the cited works (numbering sorts them with any written ones)."""
        cited = [self.entries[key] for key in self.cited]
        return [Reference([Text(reference(e, self.years[e.key]))], SourceLoc(e.source, e.line))
                for e in cited]

    def repeats(self, written: list[Reference]) -> list[str]:
        """A written 참고문헌 line that starts like a cited entry (same authors and year) lists
        the work twice: one warning each, naming the line and the entry."""
        heads = {_head(ref): ref for ref in self.references()}
        return [f"{ref.loc}: the written reference '{_head(ref)}' repeats the cited entry at "
                f"{heads[_head(ref)].loc}; delete the line" for ref in written if _head(ref) in heads]

    def warnings(self) -> list[str]:
        """One line per field a cited entry lacks for its house pattern (S33)."""
        return [f"{entry.where}: bibliography entry '{entry.key}' has no {name} (field '{name}'); "
                f"the 참고문헌 prints {instead}"
                for entry in (self.entries[key] for key in self.cited)
                for name, instead in gaps(entry)]


def _head(ref: Reference) -> str:
    """``Kaplan, J., et al. (2020)``: a reference up to its year."""
    text = plain_text(ref.inlines)
    return text[: text.find(").") + 1] if ")." in text else text

"""The researcher's bibliography: BibTeX and CSL-JSON files read into entries, Pandoc-style
citations by key rendered in the house form (S21), and the 참고문헌 entries of the cited works
(S31-S33)."""

from briefgen.biblio.cite import Citer
from briefgen.biblio.entry import Entry, Name
from briefgen.biblio.read import Bibliography, read_bibliography

__all__ = ["Bibliography", "Citer", "Entry", "Name", "read_bibliography"]

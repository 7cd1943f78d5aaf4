"""Characters no output can hold, shared by every input check (config, data cells, content)."""

from __future__ import annotations

import re

# Control characters other than tab, LF and CR: XML (DOCX, HWPX) cannot store them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

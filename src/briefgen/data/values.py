"""One spreadsheet or JSON value as the text of a cell."""

from __future__ import annotations

import datetime as dt


def cell_text(value: object) -> str:
    """``None`` → ``""``, booleans → ``true``/``false``, dates → ISO, whole floats → ints."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)

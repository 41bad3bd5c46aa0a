"""Which columns of each table the RM has chosen to hide, kept beside the settings file
(table-columns.json in the app's data folder): column keys only, never customer data.

Not in Settings: the window holds one Settings object and writes it back whole from the
Settings dialog, so a choice made in a table header would be overwritten by the next save.
A damaged file counts as no choice (every table shows its default columns).
"""

from __future__ import annotations

import json
import logging

from relmgr.services.files import write_text_atomically
from relmgr.services.paths import data_dir

log = logging.getLogger(__name__)


def _path():
    return data_dir() / "table-columns.json"


def _read_all() -> dict[str, list[str]]:
    path = _path()
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {str(table): [str(c) for c in columns] for table, columns in raw.items()
                if isinstance(columns, list)}
    except (ValueError, AttributeError, TypeError) as error:
        log.warning("table columns file unreadable (%s); default columns", type(error).__name__)
        return {}


def hidden_columns(table: str) -> list[str] | None:
    """The columns the RM hid in `table`, or None when they never chose (use the defaults)."""
    return _read_all().get(table)


def save_hidden_columns(table: str, columns: list[str]) -> None:
    chosen = _read_all()
    chosen[table] = sorted(set(columns))
    write_text_atomically(_path(), json.dumps(chosen, indent=2, sort_keys=True))

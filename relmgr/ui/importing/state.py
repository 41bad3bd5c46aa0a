"""What the import wizard's pages share: the files picked, how each is read, the tables read
from them and the mapping being edited. Plain Python (no widgets), read and changed by the
pages; the reading itself runs off the GUI thread (`read_all`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from relmgr.domain.pii import mask_name
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.services.importer.spec import BY_TABLE
from relmgr.services.mapping.export_files import read_export
from relmgr.services.mapping.model import Mapping, TableMapping
from relmgr.services.mapping.sniff import RawFile, Unreadable
from relmgr.services.mapping.suggest import suggest, suggest_table

PREVIEW_ROWS = 20
# ID, phone and account numbers; not dates (YYYYMMDD) or amounts, which the RM checks here.
_LONG_DIGITS = re.compile(r"[0-9]{9,}")


@dataclass
class Reading:
    """How one picked file is read: the RM's overrides (None: detected)."""
    encoding: str | None = None
    separator: str | None = None
    quote: str | None = None
    header_row: int | None = None


@dataclass
class ReadOutcome:
    raws: dict[str, RawFile]                    # table name in the wizard -> its cells
    origin: dict[str, Path]                     # which picked file each came from
    problems: dict[Path, str]                   # files that could not be read, and why


def read_all(paths: list[Path], readings: dict[Path, Reading], *, progress: Progress = no_progress,
             cancel: CancelCheck = never) -> ReadOutcome:
    """Every picked file read with its overrides (on a worker thread: files can be large)."""
    outcome = ReadOutcome({}, {}, {})
    for i, path in enumerate(paths):
        how = readings.get(path, Reading())
        try:
            for raw in read_export(path, encoding=how.encoding, separator=how.separator,
                                   quote=how.quote, header_row=how.header_row):
                outcome.raws[raw.name] = raw
                outcome.origin[raw.name] = path
        except Unreadable as error:
            outcome.problems[path] = str(error)
        progress((i + 1) / max(1, len(paths)), path.name)
        check_cancel(cancel)
    return outcome


@dataclass
class WizardState:
    paths: list[Path] = field(default_factory=list)
    readings: dict[Path, Reading] = field(default_factory=dict)
    raws: dict[str, RawFile] = field(default_factory=dict)
    origin: dict[str, Path] = field(default_factory=dict)
    problems: dict[Path, str] = field(default_factory=dict)
    # Per table read (a file or a sheet): the relmgr table it feeds, or None (left out).
    table_of: dict[str, str | None] = field(default_factory=dict)
    # Per table read: its mapping, kept while the RM switches the relmgr table back and forth.
    mappings: dict[str, TableMapping] = field(default_factory=dict)
    saved: Mapping | None = None                # a saved mapping the RM chose to start from
    name: str = ""
    mode: str = "upsert"
    save: bool = True
    currency: str | None = None                 # None: the export is in CNY
    exchange_rate: float | None = None

    def clear(self) -> None:
        """Drop everything read (the portfolio locked, or the wizard closed)."""
        self.raws.clear()
        self.origin.clear()
        self.mappings.clear()
        self.table_of.clear()

    def take(self, outcome: ReadOutcome) -> None:
        """The files as read: suggest a table and a mapping for each, or apply the saved one."""
        self.raws, self.origin, self.problems = outcome.raws, outcome.origin, outcome.problems
        previous = dict(self.table_of)
        self.table_of.clear()
        self.mappings.clear()
        raws = list(self.raws.values())
        for found in suggest(raws).files:
            self.table_of[found.file] = found.table
            if found.mapping is not None:
                self.mappings[found.file] = found.mapping
        if self.saved is not None:
            self._apply_saved(self.saved)
        # A re-read keeps the table the RM chose for each file; a file that fed none (often one
        # read wrongly, which is why it was read again) gets the new suggestion.
        for name, table in previous.items():
            if table is not None and name in self.table_of and table != self.table_of[name]:
                self.set_table(name, table)

    def _apply_saved(self, saved: Mapping) -> None:
        import fnmatch

        for table, tm in saved.tables.items():
            for name in self.raws:
                if fnmatch.fnmatch(name.lower(), tm.file.lower()) or len(self.raws) == 1:
                    for other, chosen in self.table_of.items():
                        if chosen == table and other != name:
                            self.table_of[other] = None
                    self.table_of[name] = table
                    self.mappings[name] = TableMapping(
                        table, name, dict(tm.columns), list(tm.not_provided), dict(tm.formats),
                        {k: dict(v) for k, v in tm.codes.items()}, tm.sign, tm.encoding, tm.separator,
                        tm.quote, tm.header_row)
                    break

    def read_as_saved(self) -> None:
        """Files picked with a saved mapping chosen: each file its table reads is read as saved
        (encoding, separator, quote, header row), unless the RM set its reading already."""
        import fnmatch

        if self.saved is None:
            return
        for path in self.paths:
            for tm in self.saved.tables.values():
                pattern = tm.file.split("[", 1)[0] if tm.file.endswith("]") else tm.file
                alone = len(self.paths) == 1 and len(self.saved.tables) == 1
                if path not in self.readings and (alone or fnmatch.fnmatch(path.name.lower(), pattern.lower())):
                    how = Reading(tm.encoding, tm.separator, tm.quote, tm.header_row)
                    if how != Reading():
                        self.readings[path] = how
                    break

    def set_table(self, name: str, table: str | None) -> None:
        self.table_of[name] = table
        current = self.mappings.get(name)
        if table is not None and (current is None or current.table != table):
            self.mappings[name] = suggest_table(self.raws[name], table).mapping  # type: ignore[assignment]

    def chosen(self) -> dict[str, str]:
        """relmgr table -> the table read that feeds it."""
        return {t: name for name, t in self.table_of.items() if t is not None and name in self.raws}

    def duplicate_tables(self) -> list[str]:
        tables = [t for t in self.table_of.values() if t]
        return sorted({t for t in tables if tables.count(t) > 1})

    def mapping(self) -> Mapping:
        """The mapping as the RM edited it, with each file's reading overrides."""
        out = Mapping(self.name or "import")
        for table, name in self.chosen().items():
            tm = self.mappings[name]
            how = self.readings.get(self.origin.get(name, Path()), Reading())
            tm.encoding, tm.separator, tm.quote, tm.header_row = (how.encoding, how.separator, how.quote,
                                                                  how.header_row)
            out.tables[table] = tm
        if self.saved is not None:
            out.century_pivot = self.saved.century_pivot
        out.currency, out.exchange_rate = self.currency, self.exchange_rate
        return out

    def raws_by_table(self) -> dict[str, RawFile]:
        return {table: self.raws[name] for table, name in self.chosen().items()}


def personal_columns(state: WizardState, name: str) -> set[str]:
    """Source columns mapped to a personal field (name, ID number, phone)."""
    tm = state.mappings.get(name)
    if tm is None:
        return set()
    spec = BY_TABLE[tm.table]
    return {source for f, source in tm.columns.items() if spec.column(f).personal}


def masked_cell(value: str, *, personal: bool) -> str:
    """A preview cell as shown: personal columns masked like names, long digit runs (ID,
    phone, account numbers) masked in the middle."""
    if personal:
        return mask_name(value) if value else ""
    return _LONG_DIGITS.sub(lambda m: m.group(0)[:2] + "*" * (len(m.group(0)) - 4) + m.group(0)[-2:], value)


def preview(raw: RawFile, personal: set[str]) -> tuple[list[str], list[list[str]]]:
    personal_at = {i for i, h in enumerate(raw.header) if h in personal}
    rows = [[masked_cell(c, personal=i in personal_at) for i, c in enumerate(r)]
            for r in raw.rows[:PREVIEW_ROWS]]
    return raw.header, rows

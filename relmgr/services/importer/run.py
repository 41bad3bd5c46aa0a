"""`import_folder`: validate a folder of exchange-format CSVs, then write it in one transaction.

Order of work: read and check every file (no database needed), then, inside one
`portfolio.transaction()`, the checks that need the portfolio (foreign keys, ID numbers already
on file, event rows already imported with other content). Any problem raises `ImportRejected`
before the first write, and the transaction rolls back; so do cancel and any error during the
writes. Entity tables are upserted, event tables appended; an event row already imported with
identical content is skipped, which makes re-importing the same folder harmless.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from relmgr.domain.codes import AuditAction
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.services.audit import record as record_audit
from relmgr.services.data_date import usable
from relmgr.services.importer.amend import Deletions, apply_deletions, check_deletions, newest_transaction
from relmgr.services.importer.checks import Collector, check_table, quoted
from relmgr.services.importer.date_range import check_date_range
from relmgr.services.importer.problems import ImportRejected, Problem
from relmgr.services.importer.reading import RawTable, find_files, read_table
from relmgr.services.importer.spec import BY_TABLE, TABLES, Kind, TableSpec
from relmgr.services.loan_months import take_snapshot
from relmgr.storage import Portfolio
from relmgr.storage.exchange import insert_frame, rows_matching, upsert_frame
from relmgr.storage.activity_months import update_activity_months
from relmgr.storage.segment_state import highest_txn_id, note_input_change
from relmgr.storage.summary import rebuild_customer_summary
from relmgr.services.changes import Topic, writes

WRITE_CHUNK_ROWS = 20_000
# Dates that show the data is at least this recent when there are no transactions to tell.
_ACTIVITY_DATES = {"customers": ("opened_on", "closed_on"), "holdings": ("opened_on", "closed_on"),
                   "interactions": ("occurred_at",), "offers": ("offered_on", "responded_on")}


@dataclass(frozen=True)
class TableCounts:
    inserted: int = 0
    updated: int = 0     # entity tables only: existing rows whose content changed
    skipped: int = 0     # rows already in the portfolio with the same content
    deleted: int = 0     # amend mode: events deleted by key


@dataclass(frozen=True)
class ImportReport:
    folder: str
    tables: dict[str, TableCounts] = field(default_factory=dict)
    ignored: tuple[str, ...] = ()
    as_of: dt.date | None = None
    seconds: float = 0.0
    dry_run: bool = False

    def __str__(self) -> str:
        parts = []
        for table, n in self.tables.items():
            if BY_TABLE[table].upsert:
                parts.append(f"{table} {n.inserted:,} new, {n.updated:,} updated, {n.skipped:,} unchanged")
            else:
                amended = f", {n.updated:,} corrected, {n.deleted:,} deleted" if n.updated or n.deleted else ""
                parts.append(f"{table} {n.inserted:,} new{amended}, {n.skipped:,} already imported")
        verb = "dry run, nothing written; would import" if self.dry_run else "imported"
        text = f"{verb} {self.folder}: " + "; ".join(parts)
        if self.as_of is not None:
            text += f"; data as of {self.as_of.isoformat()}"
        if self.ignored:
            text += f"; ignored {len(self.ignored)} other file(s): {', '.join(self.ignored)}"
        return text + f" ({self.seconds:.1f} s)"


@dataclass
class _Table:
    spec: TableSpec
    file: str
    frame: pd.DataFrame               # typed values of every row in the file
    new: np.ndarray | None = None     # rows to insert
    changed: np.ndarray | None = None  # rows to update (entity tables)
    # Per reference column: rows whose value is found neither here nor in the portfolio.
    unresolved: dict[str, np.ndarray] = field(default_factory=dict)


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment (getuser raises OSError or KeyError)
        return "unknown"


def _comparable(series: pd.Series, kind: Kind) -> pd.Series:
    """Values in a form where equal content compares equal, NULL included."""
    if kind in (Kind.INTEGER, Kind.FLAG, Kind.NUMBER):
        return pd.to_numeric(series, errors="coerce").astype("float64").fillna(-np.inf)
    return series.astype(object).where(series.notna(), "\x00").astype(str)


def _key_values(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    keys = frame[list(spec.key)].copy()
    for name in spec.key:
        if spec.column(name).kind is Kind.INTEGER:
            keys[name] = keys[name].astype("int64")
        else:
            keys[name] = keys[name].astype(str)
    return keys


def _compare_with_stored(portfolio: Portfolio, table: _Table, out: Collector, *, amend: bool = False) -> None:
    """Split rows into new, changed and unchanged against what the portfolio holds. An event
    row changed since it was imported is refused, except in amend mode (a correction)."""
    spec = table.spec
    # Rows whose key did not parse are already reported; they take no part in the comparison.
    complete = table.frame[list(spec.key)].notna().all(axis=1).to_numpy()
    frame = table.frame[complete]
    keys = _key_values(spec, frame)
    stored = rows_matching(portfolio, table=spec.table, columns=spec.column_names, match=keys)
    n = len(frame)
    table.new = complete.copy()
    table.changed = np.zeros(len(complete), dtype=bool)
    if stored.empty:
        return
    stored_keys = _key_values(spec, stored)
    stored = stored.assign(**{k: stored_keys[k] for k in spec.key})
    joined = keys.assign(_pos=np.arange(n)).merge(stored, on=list(spec.key), how="left",
                                                  indicator=True)
    joined = joined.sort_values("_pos")
    exists = (joined["_merge"] == "both").to_numpy()
    differs = pd.DataFrame(index=range(n))
    for col in spec.columns:
        if col.name in spec.key:
            continue
        mine = _comparable(frame[col.name].reset_index(drop=True), col.kind)
        theirs = _comparable(joined[col.name].reset_index(drop=True), col.kind)
        differs[col.name] = (mine != theirs).to_numpy() & exists
    changed = differs.any(axis=1).to_numpy()
    table.new[complete] = ~exists
    if spec.upsert or amend:
        table.changed[complete] = changed
        return
    if changed.any():
        which = differs[changed].apply(lambda row: ", ".join(row.index[row]), axis=1)
        key_text = quoted(keys[changed].astype(str).agg(" / ".join, axis=1)).to_numpy()
        out.add(table.file, "+".join(spec.key), np.flatnonzero(complete)[changed],
                np.array([f"{k} was imported before with other content ({w} differ)"
                          for k, w in zip(key_text, which.to_numpy(), strict=True)], dtype=object))


def _check_references(portfolio: Portfolio, tables: dict[str, _Table], broken: set[str],
                      out: Collector) -> None:
    """Foreign keys against this import and the portfolio; holdings of the right customer;
    ID numbers not already on file for another customer."""
    keys_here: dict[str, set] = {t: set(tab.frame[tab.spec.key[0]].dropna())
                                 for t, tab in tables.items() if len(tab.spec.key) == 1}
    for table in tables.values():
        for col in table.spec.columns:
            if col.references is None or col.references in broken:
                continue
            ref = BY_TABLE[col.references]
            values = table.frame[col.name]
            present = values.notna().to_numpy()
            here = values.isin(keys_here.get(col.references, set())).to_numpy()
            ask = pd.Series(values[present & ~here].unique())
            known = set(rows_matching(portfolio, table=ref.table, columns=[ref.key[0]],
                                      match=pd.DataFrame({ref.key[0]: ask}))[ref.key[0]])
            missing = present & ~here & ~values.isin(known).to_numpy()
            table.unresolved[col.name] = missing
            out.add(table.file, col.name, np.flatnonzero(missing),
                    (quoted(values[missing].astype(str)) +
                     f" is not in {ref.file_name} nor in the portfolio").to_numpy())
    if "transactions" in tables and "holdings" not in broken:
        _check_holding_owners(portfolio, tables, out)
    if "customers" in tables:
        _check_id_numbers_on_file(portfolio, tables["customers"], out)


def _check_holding_owners(portfolio: Portfolio, tables: dict[str, _Table], out: Collector) -> None:
    txns = tables["transactions"]
    holding = txns.frame["holding_id"]
    owners = pd.Series(dtype=object)
    if "holdings" in tables:
        holdings = tables["holdings"]
        # A holding whose own customer is unknown is reported once, not again per transaction.
        known_owner = ~holdings.unresolved.get("customer_id", np.zeros(len(holdings.frame), bool))
        h = holdings.frame[known_owner].dropna(subset=["holding_id", "customer_id"])
        owners = pd.Series(h["customer_id"].to_numpy(), index=h["holding_id"].to_numpy())
    ask = pd.Series(holding.dropna()[~holding.dropna().isin(owners.index)].unique())
    stored = rows_matching(portfolio, table="holdings", columns=["holding_id", "customer_id"],
                           match=pd.DataFrame({"holding_id": ask}))
    owners = pd.concat([owners, pd.Series(stored["customer_id"].to_numpy(),
                                          index=stored["holding_id"].to_numpy())])
    owners = owners[~owners.index.duplicated(keep="first")]
    owner = holding.map(owners)
    wrong = (owner.notna() & txns.frame["customer_id"].notna()
             & (owner != txns.frame["customer_id"])).to_numpy(dtype=bool)
    out.add(txns.file, "holding_id", np.flatnonzero(wrong),
            (quoted(holding[wrong].astype(str)) + " belongs to another customer").to_numpy())


def _check_id_numbers_on_file(portfolio: Portfolio, customers: _Table, out: Collector) -> None:
    frame = customers.frame
    ids = frame["id_number"].dropna()
    stored = rows_matching(portfolio, table="customers", columns=["customer_id", "id_number"],
                           match=pd.DataFrame({"id_number": ids.unique()}))
    holder = pd.Series(stored["customer_id"].to_numpy(), index=stored["id_number"].to_numpy())
    other = frame["id_number"].map(holder)
    wrong = (other.notna() & (other != frame["customer_id"])).to_numpy(dtype=bool)
    out.add(customers.file, "id_number", np.flatnonzero(wrong),
            ("this ID number is already on file for customer " + other[wrong].astype(str)).to_numpy())


def _data_date(tables: dict[str, _Table], current: str | None) -> dt.date | None:
    """The later of the stored as_of and the newest transaction imported; without either,
    the newest activity date in the import (never the wall clock)."""
    dates = [current] if usable(current) else []
    if "transactions" in tables:
        dates.append(tables["transactions"].frame["txn_date"].dropna().max())
    dates = [d for d in dates if isinstance(d, str) and d]
    if not dates:
        for table, columns in _ACTIVITY_DATES.items():
            if table in tables:
                for name in columns:
                    newest = tables[table].frame[name].dropna().max()
                    if isinstance(newest, str) and newest:
                        dates.append(newest[:10])
    return dt.date.fromisoformat(max(dates)) if dates else None


def _write(portfolio: Portfolio, table: _Table, *, progress: Progress, cancel: CancelCheck,
           span: tuple[float, float]) -> TableCounts:
    spec = table.spec
    assert table.new is not None and table.changed is not None
    # Entity rows, and event rows corrected in amend mode, are overwritten by key.
    by_key = spec.upsert or bool(table.changed.any())
    rows = table.frame[table.new | table.changed] if by_key else table.frame[table.new]
    chunks = max(1, -(-len(rows) // WRITE_CHUNK_ROWS))
    for i in range(chunks):
        part = rows.iloc[i * WRITE_CHUNK_ROWS:(i + 1) * WRITE_CHUNK_ROWS]
        if by_key:
            upsert_frame(portfolio, table=spec.table, frame=part, key_columns=spec.key)
        else:
            insert_frame(portfolio, table=spec.table, frame=part)
        progress(span[0] + (span[1] - span[0]) * (i + 1) / chunks, spec.table)
        check_cancel(cancel)
    inserted, updated = int(table.new.sum()), int(table.changed.sum())
    return TableCounts(inserted=inserted, updated=updated,
                       skipped=len(table.frame) - inserted - updated)


def _note_backdated_transactions(portfolio: Portfolio, tables: dict[str, _Table]) -> None:
    """Transactions numbered below the highest on file are invisible to the incremental
    segmentation refresh, which finds new ones by txn_id: count them as an input change so
    that it falls back to a full refresh (see migration 0007)."""
    table = tables.get("transactions")
    if table is None or table.new is None or not table.new.any():
        return
    lowest = table.frame.loc[table.new, "txn_id"].min()
    if int(lowest) < highest_txn_id(portfolio):
        note_input_change(portfolio)


def _fold_activity(portfolio: Portfolio, tables: dict[str, _Table]) -> None:
    """Bring the monthly activity and money-flow aggregates (migrations 0014, 0015) up to date in
    the import's own transaction: the customer-months of the transactions written, whatever
    their numbers."""
    table = tables.get("transactions")
    touched: set[tuple[str, str]] = set()
    if table is not None and table.new is not None and table.new.any():
        written = table.frame.loc[table.new, ["customer_id", "txn_date"]]
        touched = set(zip(written["customer_id"].astype(str),
                          written["txn_date"].astype(str).str.slice(0, 7), strict=True))
    update_activity_months(portfolio, touched)


class DryRunDone(Exception):
    """Raised inside the import transaction of a dry run, after every check passed, so that the
    transaction rolls back; `load_tables` turns it into its report."""


@dataclass
class Validated:
    """What the checks found, before anything is written (the data-quality report's input)."""
    tables: dict[str, _Table]
    problems: list[Problem]
    data_date: dt.date | None


def _clear_events(portfolio: Portfolio, tables: dict[str, _Table]) -> None:
    """Replace mode: the event tables this import holds are emptied first, so a corrected
    export replaces the earlier one instead of being refused as "imported before with other
    content" (the only repair for a wrong row already on file)."""
    for name, table in tables.items():
        if not table.spec.upsert:
            portfolio.conn.execute(f"DELETE FROM {table.spec.table}")
            note_input_change(portfolio)


@writes(Topic.CUSTOMERS, Topic.CONTACTS, Topic.TASKS, Topic.SEGMENTS, Topic.SCORES, Topic.RECOMMENDATIONS, Topic.AUDIT)
def load_tables(portfolio: Portfolio, raws: list[RawTable], whole: list[Problem], *, label: str,
                file_order: list[str], broken: frozenset[str] = frozenset(),
                ignored: tuple[str, ...] = (), mode: str = "upsert",
                dry_run: bool = False, inspect: Callable[[Validated], None] | None = None,
                audit_detail: dict | None = None, out: Collector | None = None,
                deletions: tuple[str, Deletions] | None = None,
                progress: Progress = no_progress, cancel: CancelCheck = never) -> ImportReport:
    """Check `raws` (exchange-format text tables, from files or from a mapping) and write them
    in one transaction, all or nothing. `inspect` sees the validated tables and every problem
    before the decision (the data-quality report); `dry_run` rolls back after the checks.
    `out` may already hold problems found while converting the source. `mode="amend"` corrects
    event rows on file by key and deletes the events `deletions` (file name, keys) names
    (relmgr/services/importer/amend.py)."""
    amend = mode == "amend"
    started = time.perf_counter()
    out = out if out is not None else Collector()
    for problem in whole:
        out.add_whole(problem)
    tables: dict[str, _Table] = {}
    for i, raw in enumerate(raws):
        tables[raw.spec.table] = _Table(raw.spec, raw.file, check_table(raw, out))
        progress(0.4 * (i + 1) / max(1, len(raws)), raw.spec.table)
        check_cancel(cancel)
    try:
        with portfolio.transaction():
            stored = portfolio.get_meta("as_of")
            data_date = check_date_range(tables, stored if usable(stored) else None,
                                         dt.date.today(), out)
            _check_references(portfolio, tables, set(broken), out)
            check_cancel(cancel)
            if mode == "replace":
                # Compared against an emptied event table, every row is new; the rollback of
                # a rejected or dry run restores the rows.
                _clear_events(portfolio, tables)
            for table in tables.values():
                _compare_with_stored(portfolio, table, out, amend=amend)
            if deletions is not None:
                for problem in check_deletions(portfolio, deletions[1], deletions[0]):
                    out.add_whole(problem)
            progress(0.5, "checked")
            problems = out.problems(file_order) if out else []
            if inspect is not None:
                inspect(Validated(tables, problems, data_date))
            if problems:
                raise ImportRejected(problems)
            if dry_run:
                raise DryRunDone
            check_cancel(cancel)
            _note_backdated_transactions(portfolio, tables)
            counts: dict[str, TableCounts] = {}
            total_rows = max(1, sum(len(t.frame) for t in tables.values()))
            done = 0
            for table in tables.values():
                start = 0.5 + 0.4 * done / total_rows
                done += len(table.frame)
                counts[table.spec.table] = _write(portfolio, table, progress=progress, cancel=cancel,
                                                  span=(start, 0.5 + 0.4 * done / total_rows))
            deleted = apply_deletions(portfolio, deletions[1]) if deletions is not None else {}
            for name, count in deleted.items():
                before = counts.get(name, TableCounts())
                counts[name] = dataclasses.replace(before, deleted=count)
            # After the deletions: an edit or a deletion marks the aggregates stale (triggers),
            # the new rows are folded here.
            _fold_activity(portfolio, tables)
            corrected = any(counts[t.spec.table].updated for t in tables.values() if not t.spec.upsert)
            stored_as_of = portfolio.get_meta("as_of")
            if amend and (corrected or deleted):
                # Corrections may take back the newest event (a wrong far-future date, say).
                note_input_change(portfolio)
                stored_as_of = newest_transaction(portfolio) or stored_as_of
            as_of = _data_date(tables, stored_as_of)
            progress(0.9, "summary")
            if as_of is not None:
                portfolio.set_meta("as_of", as_of.isoformat())
                rebuild_customer_summary(portfolio, as_of=as_of)
                if "loans" in tables:           # the month's arrears, for the trend (migration 0017)
                    take_snapshot(portfolio, as_of=as_of)
            detail = {"tables": {t: vars(c) for t, c in counts.items()}, "ignored_files": len(ignored),
                      "as_of": as_of.isoformat() if as_of else None, **(audit_detail or {})}
            if mode != "upsert":
                detail["mode"] = mode
            record_audit(portfolio, action=AuditAction.IMPORTED, target=label,
                         detail=json.dumps(detail, sort_keys=True), actor=_actor())
            check_cancel(cancel)
    except DryRunDone:
        counts = {t.spec.table: _planned(t) for t in tables.values()}
        return ImportReport(folder=label, tables=counts, ignored=ignored,
                            as_of=_data_date(tables, portfolio.get_meta("as_of")),
                            seconds=time.perf_counter() - started, dry_run=True)
    progress(1.0, "done")
    return ImportReport(folder=label, tables=counts, ignored=ignored, as_of=as_of,
                        seconds=time.perf_counter() - started)


def _planned(table: _Table) -> TableCounts:
    assert table.new is not None and table.changed is not None
    inserted, updated = int(table.new.sum()), int(table.changed.sum())
    return TableCounts(inserted=inserted, updated=updated,
                       skipped=len(table.frame) - inserted - updated)


def import_folder(portfolio: Portfolio, folder: Path, *, progress: Progress = no_progress,
                  cancel: CancelCheck = never, mode: str = "upsert", dry_run: bool = False,
                  inspect: Callable[[Validated], None] | None = None,
                  deletions: tuple[str, Deletions] | None = None) -> ImportReport:
    """Load the exchange-format CSVs in `folder` into `portfolio`, all or nothing.

    Raises ImportRejected (with every problem found) and changes nothing if any row is invalid;
    raises Cancelled, after rolling back, if `cancel()` turns true.
    """
    folder = Path(folder)
    progress(0.0, "reading")
    paths, ignored, whole = find_files(folder)
    if not paths and not whole:
        whole.append(Problem(folder.name, None, None,
                             "no exchange-format files here (expected any of: "
                             + ", ".join(s.file_name for s in TABLES) + ")"))
    raws: list[RawTable] = []
    broken: set[str] = set()
    for spec in (s for s in TABLES if s.table in paths):
        raw, problems = read_table(spec, paths[spec.table])
        check_cancel(cancel)
        whole.extend(problems)
        if raw is None:
            broken.add(spec.table)
        else:
            raws.append(raw)
    file_order = [paths[s.table].name for s in TABLES if s.table in paths] + [folder.name]
    return load_tables(portfolio, raws, whole, label=folder.name, file_order=file_order,
                       broken=frozenset(broken), ignored=tuple(ignored), mode=mode, dry_run=dry_run, inspect=inspect,
                       deletions=deletions, progress=progress, cancel=cancel)

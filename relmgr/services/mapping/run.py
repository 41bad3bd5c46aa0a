"""`import_mapped`: a bank's raw export files, through a mapping, into a portfolio.

The same all-or-nothing path as the exchange-format import (`load_tables`): files are read
(encoding, separator and header detected), converted by the mapping, validated, reported on in a
data-quality report, and written in one transaction only if nothing is wrong.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.services.importer.checks import Collector
from relmgr.services.importer.problems import ImportRejected, Problem
from relmgr.services.importer.reading import RawTable
from relmgr.services.importer.run import ImportReport, Validated, load_tables
from relmgr.services.importer.spec import TABLES
from relmgr.services.mapping.convert import FileStats, convert_file
from relmgr.services.mapping.model import Mapping, MappingError, TableMapping, load_mapping
from relmgr.services.mapping.quality import QualityReport, build_report
from relmgr.services.mapping.sniff import RawFile, Unreadable, read_raw, read_workbook, sniff
from relmgr.services.mapping.suggest import suggest
from relmgr.services.changes import changes_of, writes
from relmgr.storage import Portfolio

EXPORT_SUFFIXES = (".csv", ".txt", ".tsv", ".dat", ".xlsx")


class MappingIncomplete(Exception):
    """`--mapping auto` could not match every required field unambiguously."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__(f"the columns could not all be matched ({len(lines)} open points)")


@dataclass
class MappedImport:
    report: ImportReport
    quality: QualityReport
    mapping: Mapping


def export_files(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    return sorted(p for p in source.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in EXPORT_SUFFIXES)


def _read(path: Path, mapping: TableMapping | None, whole: list[Problem]) -> list[RawFile]:
    """The tables of one file: one for a text export, one per sheet with data for XLSX."""
    try:
        if path.suffix.lower() == ".xlsx":
            return read_workbook(path)
        dialect = sniff(path, encoding=mapping.encoding if mapping else None,
                        separator=mapping.separator if mapping else None)
        if mapping is not None:
            overrides = {k: v for k, v in (("quote", mapping.quote), ("header_row", mapping.header_row))
                         if v is not None}
            dialect = dataclasses.replace(dialect, **overrides)
        return [read_raw(path, dialect)]
    except Unreadable as error:
        whole.append(Problem(path.name, None, None, str(error)))
    except LookupError:
        whole.append(Problem(path.name, None, None, "the mapping names an unknown encoding"))
    return []


def _base(pattern: str) -> str:
    """'book.xlsx[客户]' -> 'book.xlsx': the file part of a pattern that names a sheet."""
    return pattern.split("[", 1)[0] if pattern.endswith("]") else pattern


def _files_for(mapping: Mapping, files: list[Path]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for table, tm in mapping.tables.items():
        hits = [p for p in files if fnmatch.fnmatch(p.name.lower(), _base(tm.file).lower())]
        if len(files) == 1 and len(mapping.tables) == 1:
            hits = files
        if not hits:
            raise MappingError(f"table {table}: no file matches {tm.file!r} "
                               f"(found: {', '.join(p.name for p in files) or 'none'})")
        if len(hits) > 1:
            raise MappingError(f"table {table}: several files match {tm.file!r} "
                               f"({', '.join(p.name for p in hits)}); name one")
        found[table] = hits[0]
    return found


def _sheet(raws: list[RawFile], pattern: str, table: str) -> RawFile | None:
    if len(raws) <= 1:
        return raws[0] if raws else None
    hits = [r for r in raws if fnmatch.fnmatch(r.name.lower(), pattern.lower())]
    if len(hits) != 1:
        raise MappingError(f"table {table}: {pattern!r} must name one sheet "
                           f"(the workbook has: {', '.join(r.name for r in raws)})")
    return hits[0]


def resolve_mapping(source: Path, ref: str) -> tuple[Mapping, dict[str, RawFile], list[Problem], list[str]]:
    """The mapping (`auto`, a name or PATH.json), the files it reads (already read), problems
    reading them, and the files left out."""
    files = export_files(source)
    if not files:
        raise MappingError(f"{source.name}: no export files here ({', '.join(EXPORT_SUFFIXES)})")
    whole: list[Problem] = []
    if ref == "auto":
        raws = [r for p in files for r in _read(p, None, whole)]
        if whole:
            raise MappingIncomplete([str(p) for p in whole])
        suggestion = suggest(raws, name=source.stem or "auto")
        problems = suggestion.problems()
        if problems:
            raise MappingIncomplete(problems)
        by_name = {r.name: r for r in raws}
        return (suggestion.mapping, {t: by_name[m.file] for t, m in suggestion.mapping.tables.items()},
                [], suggestion.ignored)
    mapping = load_mapping(ref)
    paths = _files_for(mapping, files)
    read: dict[str, RawFile] = {}
    for table, path in paths.items():
        raw = _sheet(_read(path, mapping.tables[table], whole), mapping.tables[table].file, table)
        if raw is not None:
            read[table] = raw
    used = {_base(m.file).lower() for m in mapping.tables.values()}
    ignored = [p.name for p in files if not any(fnmatch.fnmatch(p.name.lower(), u) for u in used)]
    return mapping, read, whole, ignored


def import_mapped(portfolio: Portfolio, source: Path, mapping_ref: str, *, mode: str = "upsert",
                  dry_run: bool = False, deletions: tuple[str, Any] | None = None,
                  progress: Progress = no_progress, cancel: CancelCheck = never) -> MappedImport:
    """Raises MappingError/MappingIncomplete for a mapping that cannot be used, and
    ImportRejected (with `.quality`, the data-quality report) when any row is wrong."""
    progress(0.0, "reading")
    mapping, raws, whole, ignored = resolve_mapping(Path(source), mapping_ref)
    check_cancel(cancel)
    return import_read(portfolio, mapping, raws, label=Path(source).name, whole=whole,
                       ignored=ignored, mode=mode, dry_run=dry_run, deletions=deletions,
                       progress=progress, cancel=cancel, release=True)


def _currency(mapping: Mapping) -> dict | None:
    if not mapping.currency:
        return None
    return {"from": mapping.currency, "to": "CNY", "rate": mapping.exchange_rate}


@writes(*changes_of(load_tables).topics)
def import_read(portfolio: Portfolio, mapping: Mapping, raws: dict[str, RawFile], *, label: str,
                whole: list[Problem] | None = None, ignored: list[str] | tuple[str, ...] = (),
                mode: str = "upsert", dry_run: bool = False, deletions: tuple[str, Any] | None = None,
                progress: Progress = no_progress, cancel: CancelCheck = never,
                release: bool = False) -> MappedImport:
    """Files already read (`raws`: table -> its file), converted by `mapping`, checked and
    written all or nothing: the command line's path after it resolved the mapping, and the
    import wizard's, which reads and maps the files on screen. `release`: the caller needs the
    files' cells no more, so each file's rows are dropped once converted (a file's rows as
    Python lists weigh more than the checked table)."""
    whole = list(whole or [])
    out = Collector()
    tables: list[RawTable] = []
    stats: list[FileStats] = []
    broken: set[str] = set()
    for spec in TABLES:
        if spec.table not in mapping.tables:
            continue
        if spec.table not in raws:
            broken.add(spec.table)
            continue
        table, file_stats = convert_file(raws[spec.table], mapping.tables[spec.table], out,
                                         century_pivot=mapping.century_pivot,
                                         exchange_rate=mapping.exchange_rate)
        stats.append(file_stats)
        if release:
            raws[spec.table].rows, raws[spec.table].line_numbers = [], []
        if table is None:
            broken.add(spec.table)
        else:
            tables.append(table)
        check_cancel(cancel)
    seen: list[Validated] = []
    file_order = [raws[t].name for t in (s.table for s in TABLES) if t in raws] + [label]
    try:
        report = load_tables(portfolio, tables, whole, label=label, file_order=file_order,
                             broken=frozenset(broken), ignored=tuple(ignored), mode=mode,
                             dry_run=dry_run, inspect=seen.append,
                             audit_detail={"mapping": mapping.name}, out=out, deletions=deletions,
                             progress=progress, cancel=cancel)
    except ImportRejected as rejected:
        data_date = seen[0].data_date if seen else None
        rejected.quality = build_report(stats, out, data_date, "rejected",  # type: ignore[attr-defined]
                                        currency=_currency(mapping))
        raise
    outcome = "dry run" if report.dry_run else "imported"
    quality = build_report(stats, out, seen[0].data_date if seen else report.as_of, outcome,
                           currency=_currency(mapping))
    return MappedImport(report, quality, mapping)

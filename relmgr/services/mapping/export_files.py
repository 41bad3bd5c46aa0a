"""Reading export files one by one, with the RM's overrides of what was detected: the import
wizard's step "how the file is written" (the command line reads through `resolve_mapping`)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from relmgr.services.mapping.run import EXPORT_SUFFIXES, export_files
from relmgr.services.mapping.sniff import QUOTES, SEPARATORS, RawFile, Unreadable, read_raw, read_workbook, sniff
from relmgr.services.mapping.values import normalise

ENCODING_CHOICES = ("utf-8-sig", "utf-8", "gb18030", "cp1252")
SEPARATOR_CHOICES = SEPARATORS
QUOTE_CHOICES = QUOTES


def expand(paths: list[Path]) -> list[Path]:
    """Files and folders picked or dropped -> the export files among them, each once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(export_files(path))
        elif path.is_file() and path.suffix.lower() in EXPORT_SUFFIXES:
            found.append(path)
    return list(dict.fromkeys(found))


def read_export(path: Path, *, encoding: str | None = None, separator: str | None = None,
                quote: str | None = None, header_row: int | None = None) -> list[RawFile]:
    """The tables of one file (one per sheet with data for XLSX); raises Unreadable with one
    sentence. The overrides replace what was detected for text files."""
    if path.suffix.lower() == ".xlsx":
        return read_workbook(path)
    try:
        dialect = sniff(path, encoding=encoding, separator=separator)
    except LookupError:
        raise Unreadable(f"{encoding!r} is not an encoding Python knows") from None
    changes = {k: v for k, v in (("quote", quote), ("header_row", header_row)) if v is not None}
    return [read_raw(path, dataclasses.replace(dialect, **changes))]


def distinct_values(raw: RawFile, column: str, *, limit: int = 200) -> list[str]:
    """The distinct (NFKC-normalised, non-empty) values of `column`, most frequent first: the
    codes the RM maps."""
    if column not in raw.header:
        return []
    index = raw.header.index(column)
    values = pd.Series([r[index] for r in raw.rows if len(r) > index], dtype=object).astype(str)
    clean = normalise(values)[0]
    counts = clean[clean.ne("")].value_counts()
    return [str(v) for v in counts.index[:limit]]

"""Finding and reading the CSV files of an exchange-format folder, and checking their headers.

Every cell is read as text (dtype=str, keep_default_na=False): the validator decides what a
value means, so '0012' stays '0012' and an empty cell stays empty instead of becoming NaN.
"""

from __future__ import annotations

import csv
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from relmgr.services.importer.problems import ROWS_LISTED_PER_COLUMN as _ROWS_LISTED
from relmgr.services.importer.problems import Problem
from relmgr.services.importer.spec import BY_FILE, TableSpec

_FIELDS_ERROR = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_NOT_UTF8 = "is not UTF-8 text: save it as 'CSV UTF-8' (Excel) or convert it to UTF-8"
# Separators other exports use; a header that is one column holding one of these was written with it.
_OTHER_SEPARATORS = (";", "\t", "|")


@dataclass(frozen=True)
class RawTable:
    spec: TableSpec
    file: str                 # the file's name as found in the folder
    frame: pd.DataFrame       # text cells, stripped, columns in the spec's order
    # Rows already reported as a whole (too few cells, cut off): their cells are not checked one
    # by one, since they would sit in the wrong columns and could echo personal data.
    broken_rows: np.ndarray | None = None
    # Columns the source does not have at all (a mapped bank export without names, say): they
    # are stored as NULL, shown as "not provided", and never reported as "required, but empty".
    not_provided: frozenset[str] = frozenset()


def find_files(folder: Path) -> tuple[dict[str, Path], list[str], list[Problem]]:
    """Map table names to files (names matched case-insensitively, as Windows does) and list
    what is ignored."""
    found: dict[str, Path] = {}
    ignored: list[str] = []
    problems: list[Problem] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        spec = BY_FILE.get(entry.name.lower())
        if spec is None or not entry.is_file():
            ignored.append(entry.name)
        elif spec.table in found:
            problems.append(Problem(entry.name, None, None,
                                    f"a second file for table {spec.table} "
                                    f"(also {found[spec.table].name}); keep only one"))
        else:
            found[spec.table] = entry
    return found, ignored, problems


def _header(path: Path) -> list[str] | None:
    """The first row's names. Raises csv.Error for a header that is no CSV row (e.g. a field
    over the csv module's 128 KB limit)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = next(csv.reader(handle), None)
    return None if first is None else [name.strip() for name in first]


def _separator_problem(spec: TableSpec, file: str, header: list[str]) -> Problem | None:
    """One line for a file written with another separator, instead of one per missing column."""
    if len(header) != 1:
        return None
    for separator in _OTHER_SEPARATORS:
        if separator in header[0]:
            shown = "tab" if separator == "\t" else f"'{separator}'"
            return Problem(file, 1, None,
                           f"the header is one column: the separator looks like {shown}, but "
                           "exchange-format files are separated by ','")
    return None


class _Unreadable(Exception):
    def __init__(self, row: int) -> None:
        self.row = row


def _fields_per_row(path: Path) -> np.ndarray:
    """Cells in each data row, blank lines skipped as pandas skips them. Raises _Unreadable with
    the spreadsheet row where the csv module gives up (a field over its 128 KB limit)."""
    counts: list[int] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        try:
            counts.extend(len(row) for row in reader if row)
        except csv.Error:
            raise _Unreadable(len(counts) + 2) from None
    return np.array(counts, dtype=np.int64)


def _ends_cut_off(path: Path) -> bool:
    """A file whose last row has no line break may have been cut in the middle of a value."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        if handle.tell() == 0:
            return False
        handle.seek(-1, 2)
        return handle.read(1) not in (b"\n", b"\r")


def _header_problems(spec: TableSpec, file: str, header: list[str]) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    expected = set(spec.column_names)
    for name in header:
        if name in seen:
            problems.append(Problem(file, 1, name, "column appears twice in the header"))
        elif name not in expected:
            problems.append(Problem(file, 1, name or "(empty)",
                                    f"unknown column; {file} has exactly these columns: "
                                    + ", ".join(spec.column_names)))
        seen.add(name)
    for column in spec.columns:
        if column.name not in seen and not column.may_be_absent:
            problems.append(Problem(file, 1, column.name, "column is missing from the header"))
    return problems


def read_table(spec: TableSpec, path: Path) -> tuple[RawTable | None, list[Problem]]:
    """The file's cells as text, or the reasons it cannot be read as this table."""
    file = path.name
    try:
        header = _header(path)
    except UnicodeDecodeError:
        return None, [Problem(file, None, None, _NOT_UTF8)]
    except OSError as error:
        return None, [Problem(file, None, None, f"cannot be read ({error.strerror})")]
    except csv.Error:
        return None, [Problem(file, 1, None,
                              "the header is not a readable CSV row (a field is too long or malformed)")]
    if not header or header == [""]:
        return None, [Problem(file, None, None, "is empty: the first row must be the column names")]
    separator = _separator_problem(spec, file, header)
    if separator is not None:
        return None, [separator]
    problems = _header_problems(spec, file, header)
    if problems:
        return None, problems
    try:
        with warnings.catch_warnings():
            # With index_col=False pandas only warns when every row is longer than the header.
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                                index_col=False, skipinitialspace=False)
    except UnicodeDecodeError:
        return None, [Problem(file, None, None, _NOT_UTF8)]
    except pd.errors.ParserWarning:
        return None, [Problem(file, None, None, "the rows have more fields than the header")]
    except pd.errors.ParserError as error:
        match = _FIELDS_ERROR.search(str(error))
        if match:
            expected, line, saw = (int(g) for g in match.groups())
            return None, [Problem(file, line, None,
                                  f"has {saw} fields, the header has {expected}")]
        return None, [Problem(file, None, None, "is not a readable CSV file")]
    frame.columns = [str(c).strip() for c in frame.columns]
    for column in spec.columns:
        if column.name not in frame.columns:   # a may_be_absent column: every cell empty
            frame[column.name] = ""
    frame = frame[list(spec.column_names)].reset_index(drop=True)
    # pandas fills the cells a short row lacks with "", like a present empty cell; the csv module
    # tells them apart. A short row is rejected, never completed with defaults.
    width = len(header)
    try:
        fields = _fields_per_row(path)
    except _Unreadable as error:
        return None, [Problem(file, error.row, None,
                              f"a field is longer than {csv.field_size_limit():,} characters, or "
                              "its quoting is broken")]
    if len(fields) != len(frame):  # the two parsers disagree: a malformed file, not a guess
        return None, [Problem(file, None, None, "is not a readable CSV file (malformed quoting)")]
    short = fields < width
    problems: list[Problem] = []
    for position in np.flatnonzero(short)[:_ROWS_LISTED]:
        problems.append(Problem(file, int(position) + 2, None,
                                f"has {int(fields[position])} fields, the header has {width}"))
    if short.sum() > _ROWS_LISTED:
        rest = int(short.sum()) - _ROWS_LISTED
        problems.append(Problem(file, None, None, f"and {rest:,} more rows with too few fields",
                                count=rest))
    if len(frame) and _ends_cut_off(path) and not short[-1]:
        short[-1] = True
        problems.append(Problem(file, len(frame) + 1, None,
                                "the file ends inside this row (no line break after it): it may "
                                "have been cut off; export it again"))
    # Surrounding blanks are an artefact of the export, never part of a value.
    frame = frame.apply(lambda column: column.astype(str).str.strip())
    return RawTable(spec, file, frame, broken_rows=short), problems

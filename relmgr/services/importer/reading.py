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

import pandas as pd

from relmgr.services.importer.problems import Problem
from relmgr.services.importer.spec import BY_FILE, TableSpec

_FIELDS_ERROR = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_NOT_UTF8 = "is not UTF-8 text: save it as 'CSV UTF-8' (Excel) or convert it to UTF-8"


@dataclass(frozen=True)
class RawTable:
    spec: TableSpec
    file: str                 # the file's name as found in the folder
    frame: pd.DataFrame       # text cells, stripped, columns in the spec's order


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
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = next(csv.reader(handle), None)
    return None if first is None else [name.strip() for name in first]


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
    for name in spec.column_names:
        if name not in seen:
            problems.append(Problem(file, 1, name, "column is missing from the header"))
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
    if not header or header == [""]:
        return None, [Problem(file, None, None, "is empty: the first row must be the column names")]
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
    frame = frame[list(spec.column_names)]
    # Surrounding blanks are an artefact of the export, never part of a value.
    frame = frame.apply(lambda column: column.astype(str).str.strip())
    return RawTable(spec, file, frame.reset_index(drop=True)), []

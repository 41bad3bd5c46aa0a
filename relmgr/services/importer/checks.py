"""Row validation of one exchange-format table, vectorised with pandas/numpy.

`check_table` turns the text cells of a file into typed values (text, Int64, float64) and
collects a problem for every cell that is empty where required, malformed, not a real date,
not an allowed code, out of range, a bad ID number or phone, a duplicate key, or inconsistent
with another cell of its row. Checks that need the database (foreign keys, existing rows) are in
run.py. Messages quote the value only for columns that are not personal data.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from relmgr.services.importer.problems import ROWS_LISTED_PER_COLUMN, Problem
from relmgr.services.importer.reading import RawTable
from relmgr.services.importer.spec import BY_FILE, DATE_ORDER, Column, Kind, TableSpec

# GB 11643-1999: weights of the first 17 digits and the check character for sum % 11.
_ID_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
_ID_CHECK = np.array(list("10X98765432"))
_DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_QUOTED_MAX = 40
# No exchange-format value is longer; a longer cell is a broken export (or an attack on Excel).
MAX_CELL_CHARS = 1_000
# In a file with personal columns, a value that looks like a name, ID number or phone (CJK
# letters, a run of 11+ digits) is not quoted even in another column: a misaligned row puts it there.
_LOOKS_PERSONAL = r"[\u3400-\u9fff]|[0-9]{11}"


class Collector:
    """Problems of one import, kept as arrays per (file, column) until the end, so that a
    million bad cells cost a few arrays, not a million objects."""

    def __init__(self) -> None:
        self._cells: dict[tuple[str, str | None], list[tuple[np.ndarray, np.ndarray]]] = defaultdict(list)
        self._whole: list[Problem] = []
        self._skip: dict[str, np.ndarray] = {}
        self._skip_cells: dict[tuple[str, str], np.ndarray] = {}
        # Per file: the file line of each data row, when it is not simply position + 2 (a raw
        # export with a title line above the header, or blank lines).
        self._lines: dict[str, np.ndarray] = {}
        self.files_with_problems: set[str] = set()

    def skip_rows(self, file: str, rows: np.ndarray) -> None:
        """Rows of `file` already reported as a whole: no cell problems for them."""
        self._skip[file] = np.asarray(rows, dtype=bool)

    def set_lines(self, file: str, lines: list[int]) -> None:
        self._lines[file] = np.asarray(lines, dtype=np.int64)

    def _row(self, file: str, position: int) -> int:
        lines = self._lines.get(file)
        return int(lines[position]) if lines is not None and position < len(lines) else position + 2

    def skip_cells(self, file: str, column: str, cells: np.ndarray) -> None:
        """Cells of `column` already reported (a value not in the mapping's format): the
        validator's own complaint about the emptied cell would say the same thing again."""
        self._skip_cells[(file, column)] = np.asarray(cells, dtype=bool)

    def add(self, file: str, column: str | None, positions: np.ndarray, reasons: object) -> None:
        """`positions`: 0-based data rows; `reasons`: one string, or one per position."""
        positions = np.asarray(positions, dtype=np.int64)
        if not len(positions):
            return
        if isinstance(reasons, str):
            reasons = np.full(len(positions), reasons, dtype=object)
        skip = self._skip.get(file)
        cells = self._skip_cells.get((file, column)) if column is not None else None
        if cells is not None:
            skip = cells if skip is None else skip | cells
        if skip is not None and skip.any():
            keep = ~skip[positions]
            positions, reasons = positions[keep], np.asarray(reasons, dtype=object)[keep]
            if not len(positions):
                return
        self._cells[(file, column)].append((positions, np.asarray(reasons, dtype=object)))
        self.files_with_problems.add(file)

    def add_whole(self, problem: Problem) -> None:
        self._whole.append(problem)
        self.files_with_problems.add(problem.file)

    def tally(self) -> list[tuple[str, str | None, str, int, list[int], list[str]]]:
        """Per file, column and kind of problem (the reason without the quoted value): how many
        rows, and the first three rows (spreadsheet numbering) with their reasons."""
        rows: list[tuple[str, str | None, str, int, list[int], list[str]]] = []
        for problem in self._whole:
            rows.append((problem.file, problem.column, _kind_of(problem.reason), problem.count,
                         [problem.row] if problem.row else [], [problem.reason]))
        for (file, column), parts in self._cells.items():
            positions = np.concatenate([p for p, _ in parts])
            reasons = np.concatenate([r for _, r in parts])
            unique, inverse = np.unique(reasons.astype(str), return_inverse=True)
            kinds = np.array([_kind_of(r) for r in unique], dtype=object)[inverse]
            for kind in dict.fromkeys(kinds):
                which = np.flatnonzero(kinds == kind)
                order = which[np.argsort(positions[which], kind="stable")][:3]
                rows.append((file, column, kind, len(which), [self._row(file, int(positions[i])) for i in order],
                             [str(reasons[i]) for i in order]))
        return rows

    def rejected_rows(self, file: str) -> int:
        """Data rows of `file` with at least one problem (whole rows included)."""
        marked = [p for (f, _), parts in self._cells.items() if f == file for p, _ in parts]
        skip = self._skip.get(file)
        if skip is not None:
            marked.append(np.flatnonzero(skip))
        return len(np.unique(np.concatenate(marked))) if marked else 0

    def __bool__(self) -> bool:
        return bool(self._whole or self._cells)

    def problems(self, file_order: list[str]) -> list[Problem]:
        rank = {name: i for i, name in enumerate(file_order)}
        listed: list[Problem] = list(self._whole)
        for (file, column), parts in self._cells.items():
            positions = np.concatenate([p for p, _ in parts])
            reasons = np.concatenate([r for _, r in parts])
            order = np.argsort(positions, kind="stable")
            shown = order[:ROWS_LISTED_PER_COLUMN]
            listed += [Problem(file, self._row(file, int(positions[i])), column, str(reasons[i]))
                       for i in shown]
            if len(order) > len(shown):
                rest = len(order) - len(shown)
                listed.append(Problem(file, None, column,
                                      f"and {rest:,} more rows with problems in this column",
                                      count=rest))
        def column_rank(problem: Problem) -> int:
            spec = BY_FILE.get(problem.file.lower())
            names = spec.column_names if spec else ()
            return names.index(problem.column) if problem.column in names else len(names)

        return sorted(listed, key=lambda p: (rank.get(p.file, -1), p.row is None, p.row or 0,
                                             column_rank(p), p.column or "", p.reason))


_QUOTED = re.compile(r"'[^']*'…?")
_NUMBERS = re.compile(r"\b[0-9][0-9,.]*\b")


def _kind_of(reason: str) -> str:
    """A reason without the values it quotes or counts: problems of one kind add up."""
    return _NUMBERS.sub("N", _QUOTED.sub("'…'", reason))


def quoted(values: pd.Series) -> pd.Series:
    """Values for a message, shortened and on one line: 'abc'."""
    short = values.str.slice(0, _QUOTED_MAX).str.replace(r"[\x00-\x1f]", " ", regex=True)
    return "'" + short + "'" + np.where(values.str.len() > _QUOTED_MAX, "…", "")


def _real_date(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    days = _DAYS_IN_MONTH[np.clip(m - 1, 0, 11)] + ((m == 2) & leap)
    return (y >= 1) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= days)


def _ints(text: pd.Series, start: int, stop: int) -> np.ndarray:
    return text.str.slice(start, stop).astype("int64").to_numpy()


def _date_ok(text: pd.Series) -> np.ndarray:
    """For text already matching YYYY-MM-DD (at the start): is it a real calendar date?"""
    if text.empty:
        return np.zeros(0, dtype=bool)
    return _real_date(_ints(text, 0, 4), _ints(text, 5, 7), _ints(text, 8, 10))


def id_number_reasons(ids: pd.Series) -> pd.Series:
    """Per ID number (uppercased, non-empty): the reason it is invalid, or None. The same
    reasons as relmgr.domain.pii.id_number_problem, computed for all rows at once."""
    reasons = pd.Series(np.full(len(ids), None, dtype=object), index=ids.index, dtype=object)
    shaped = ids.str.fullmatch(r"[0-9]{17}[0-9X]").to_numpy(dtype=bool)
    reasons[~shaped] = "must be 17 digits followed by a digit or X"
    ok = ids[shaped]
    if ok.empty:
        return reasons
    born = _real_date(_ints(ok, 6, 10), _ints(ok, 10, 12), _ints(ok, 12, 14))
    digits = (np.frombuffer("".join(ok.str.slice(0, 17)).encode("ascii"), dtype=np.uint8)
              .reshape(-1, 17).astype(np.int64) - ord("0"))
    expected = _ID_CHECK[(digits @ _ID_WEIGHTS) % 11]
    check_ok = expected == ok.str.slice(17, 18).to_numpy(dtype=str)
    reasons[ok.index[~born]] = "birth date in positions 7-14 is not a real date"
    reasons[ok.index[born & ~check_ok]] = "check character does not match"
    return reasons


def _parse(col: Column, text: pd.Series, file: str, out: Collector, *,
           personal_file: bool = False, provided: bool = True) -> pd.Series:
    """Typed values of one column; bad and empty cells become missing (NA/NaN)."""
    name = col.name
    if col.kind is not Kind.TEXT:
        # Full-width digits, letters and spaces are what Chinese input methods type: NFKC makes
        # them ASCII. Any other non-ASCII digit is then rejected by the [0-9] patterns.
        text = text.str.normalize("NFKC").str.strip()
    empty = text.eq("").to_numpy()
    if col.required and provided:
        out.add(file, name, np.flatnonzero(empty), "required, but empty")
    filled = ~empty
    bad = np.zeros(len(text), dtype=bool)

    def reject(mask: np.ndarray, reason: str) -> None:
        nonlocal bad
        mask = mask & ~bad
        if not mask.any():
            return
        bad |= mask
        if col.personal:
            out.add(file, name, np.flatnonzero(mask), reason)
            return
        shown = np.array((quoted(text[mask]) + " " + reason).to_numpy(), dtype=object)
        if personal_file:
            shown[text[mask].str.contains(_LOOKS_PERSONAL, regex=True).to_numpy(dtype=bool)] = reason
        out.add(file, name, np.flatnonzero(mask), shown)

    reject(filled & (text.str.len() > MAX_CELL_CHARS).to_numpy(),
           f"is longer than {MAX_CELL_CHARS:,} characters")
    kind = col.kind
    values = text
    if kind is Kind.CODE:
        values = text.str.upper()
        allowed = [c.value for c in col.codes]  # type: ignore[union-attr]
        reject(filled & ~values.isin(allowed).to_numpy(),
               f"is not a {col.codes.__name__} code (allowed: {', '.join(allowed)})")  # type: ignore[union-attr]
    elif kind in (Kind.DATE, Kind.TIMESTAMP, Kind.MONTH):
        if kind is Kind.TIMESTAMP:
            values = text.str.replace(" ", "T", n=1, regex=False)
            pattern, form = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}", "YYYY-MM-DDTHH:MM:SS"
        elif kind is Kind.MONTH:
            pattern, form = r"[0-9]{4}-[0-9]{2}", "YYYY-MM"
        else:
            pattern, form = r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "YYYY-MM-DD"
        shaped = values.str.fullmatch(pattern).to_numpy(dtype=bool)
        reject(filled & ~shaped, f"is not a {'month' if kind is Kind.MONTH else 'date'} ({form})")
        real = np.zeros(len(text), dtype=bool)
        sub = values[filled & shaped]
        if kind is Kind.MONTH:
            month = _ints(sub, 5, 7)
            real[(filled & shaped).nonzero()[0]] = (month >= 1) & (month <= 12) & (_ints(sub, 0, 4) >= 1)
        else:
            ok = _date_ok(sub)
            if kind is Kind.TIMESTAMP and len(sub):
                ok &= ((_ints(sub, 11, 13) < 24) & (_ints(sub, 14, 16) < 60) & (_ints(sub, 17, 19) < 60))
            real[(filled & shaped).nonzero()[0]] = ok
        reject(filled & shaped & ~real, "is not a real calendar date" if kind is not Kind.TIMESTAMP
               else "is not a real date and time")
    elif kind in (Kind.INTEGER, Kind.FLAG):
        pattern = r"[01]" if kind is Kind.FLAG else r"[+-]?[0-9]{1,15}"
        shaped = values.str.fullmatch(pattern).to_numpy(dtype=bool)
        reject(filled & ~shaped, "is not 0 or 1" if kind is Kind.FLAG else "is not a whole number")
    elif kind is Kind.NUMBER:
        shaped = values.str.fullmatch(_NUMBER).to_numpy(dtype=bool)
        reject(filled & ~shaped,
               "is not a number (use '.' for decimals; no thousands separators or currency signs)")
    elif kind is Kind.ID_NUMBER:
        values = text.str.upper()
        reasons = id_number_reasons(values[filled])
        wrong = reasons.notna()
        for reason in reasons[wrong].unique():
            mask = np.zeros(len(text), dtype=bool)
            mask[reasons.index[reasons.eq(reason).fillna(False).to_numpy(dtype=bool)]] = True
            reject(mask, reason)
    elif kind is Kind.PHONE:
        values = text.str.replace(r"[\s-]", "", regex=True)
        reject(filled & ~values.str.fullmatch(r"1[3-9][0-9]{9}").to_numpy(dtype=bool),
               "must be 11 digits starting 13-19")

    usable = filled & ~bad
    if kind in (Kind.INTEGER, Kind.FLAG, Kind.NUMBER):
        dtype = "float64" if kind is Kind.NUMBER else "Int64"
        typed = pd.Series(pd.NA if dtype == "Int64" else np.nan, index=text.index, dtype=dtype)
        if usable.any():
            parsed = values[usable].astype("float64" if kind is Kind.NUMBER else "int64")
            typed[usable] = parsed.to_numpy()
        if kind is Kind.NUMBER:
            reject(usable & ~np.isfinite(typed.to_numpy(dtype="float64", na_value=np.nan)),
                   "is not a finite number")
            usable = filled & ~bad
        if col.minimum is not None:
            low = usable & (typed.to_numpy(dtype="float64", na_value=np.nan) < col.minimum)
            reject(low, "must not be negative" if col.minimum == 0 else f"must be at least {col.minimum:g}")
            usable = filled & ~bad
        typed[~usable] = pd.NA if dtype == "Int64" else np.nan
        if col.default is not None:
            typed[empty] = col.default
        return typed
    typed = values.astype(object).where(usable, None)
    if col.default is not None and provided:
        typed[empty] = col.default
    return typed


def _first_rows(keyed: pd.DataFrame, positions: np.ndarray) -> np.ndarray:
    """For each row of `keyed` (at data rows `positions`), the data row where its key first occurs."""
    group = keyed.groupby(list(keyed.columns), sort=False).ngroup().to_numpy()
    first = np.full(group.max() + 1 if len(group) else 0, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, group, positions)
    return first[group]


def _duplicate_keys(spec: TableSpec, file: str, frame: pd.DataFrame, out: Collector) -> None:
    key = list(spec.key)
    complete = frame[key].notna().all(axis=1).to_numpy()
    keyed = frame.loc[complete, key]
    dup = keyed.duplicated(keep="first").to_numpy()
    if not dup.any():
        return
    first_pos = _first_rows(keyed, np.flatnonzero(complete))
    positions = np.flatnonzero(complete)[dup]
    shown = quoted(keyed[dup].astype(str).agg(" / ".join, axis=1))
    reasons = ("duplicate " + "+".join(key) + " " + shown + " (first on row "
               + pd.Series(first_pos[dup] + 2, index=shown.index).astype(str) + ")")
    out.add(file, "+".join(key), positions, reasons.to_numpy())


def _customer_checks(file: str, frame: pd.DataFrame, out: Collector) -> None:
    ids = frame["id_number"]
    keyed = ids.notna().to_numpy()
    # One person, one customer: a second row with the same ID number is an error (the value is
    # personal data, so the message points at the other row instead of quoting it).
    present = ids[keyed]
    dup = present.duplicated(keep="first").to_numpy()
    if dup.any():
        first = _first_rows(present.to_frame(), np.flatnonzero(keyed))
        positions = np.flatnonzero(keyed)[dup]
        out.add(file, "id_number", positions,
                np.array([f"the same ID number as row {int(r) + 2}" for r in first[dup]], dtype=object))
    both = keyed & frame["birth_date"].notna().to_numpy()
    if both.any():
        in_id = ids[both].str.slice(6, 14)
        stated = frame.loc[both, "birth_date"].str.replace("-", "", regex=False)
        out.add(file, "birth_date", np.flatnonzero(both)[(in_id != stated).to_numpy()],
                "does not match the birth date in id_number")


def check_table(raw: RawTable, out: Collector) -> pd.DataFrame:
    """The typed frame of one file; its problems go to `out`."""
    spec, file = raw.spec, raw.file
    if raw.broken_rows is not None:
        out.skip_rows(file, raw.broken_rows)
    personal_file = any(col.personal for col in spec.columns)
    frame = pd.DataFrame({col.name: _parse(col, raw.frame[col.name], file, out,
                                           personal_file=personal_file,
                                           provided=col.name not in raw.not_provided)
                          for col in spec.columns}, index=raw.frame.index)
    for early, late in DATE_ORDER.get(spec.table, ()):
        both = frame[early].notna() & frame[late].notna()
        wrong = both & (frame[late].where(both, "") < frame[early].where(both, ""))
        out.add(file, late, np.flatnonzero(wrong.to_numpy()), f"is before {early}")
    if spec.table == "products":
        low, high = frame["min_age"], frame["max_age"]
        wrong = (low.notna() & high.notna() & (high < low)).to_numpy(dtype=bool)
        out.add(file, "max_age", np.flatnonzero(wrong), "is below min_age")
    if spec.table == "customers":
        _customer_checks(file, frame, out)
    _duplicate_keys(spec, file, frame, out)
    return frame

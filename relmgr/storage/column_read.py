"""Reading whole columns fast: SQLite concatenates each column over all rows in one aggregate
query and numpy decodes the few long strings, instead of one Python tuple per row.

At branch scale (a million monthly balances, five million transactions) making a tuple and
several Python objects per row costs more time than SQLite's scan and leaves hundreds of MB in
the allocator's arenas after the rows are gone. Text and code columns come back as
categoricals (each distinct string once), numbers as float64, integers as int64. Whatever the
fast path cannot carry exactly falls back to fetching rows (see `read_columns`).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import sqlcipher3

from relmgr.storage.portfolio import Portfolio

_SEP = "\x1f"      # ASCII unit separator between concatenated text values
_NULL = "\x1e"     # stands for NULL in concatenated text (group_concat skips NULLs)


# Doubles that 15 significant digits do not reproduce (and two extremes).
_PROBE_REALS = (0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 123456789.12345679, 1e-7 / 3.0, 1.7976931348623157e308,
                -9876543.210987654)


def reals_round_trip(portfolio: Portfolio) -> bool:
    """True when REAL values turned into text by this SQLite and read back by numpy are the same
    doubles (SQLite 3.43+ writes enough digits; older versions wrote 15)."""
    rows = ", ".join("(?)" for _ in _PROBE_REALS)
    row = portfolio.query(f"SELECT group_concat(column1, ',') FROM (VALUES {rows})", _PROBE_REALS)
    parsed = _parse_numbers(row[0][0], len(_PROBE_REALS))
    return parsed is not None and parsed.tolist() == list(_PROBE_REALS)


def _parse_numbers(text: str | None, count: int) -> np.ndarray | None:
    """Comma-separated numbers -> float64 array, None if they are not exactly `count` numbers."""
    if count == 0:
        return np.zeros(0)
    if not text:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)   # "could not be read to its end"
        try:
            values = np.fromstring(text, sep=",")
        except (ValueError, DeprecationWarning):
            return None
    return values if len(values) == count else None


# Characters of joined text split at a time: splitting a million-row column at once makes a
# million Python strings (~60 bytes each) before they are factorized, the read's peak memory.
_SPLIT_CHARS = 4_000_000


def _factorize_joined(text: str, count: int) -> tuple[np.ndarray | None, np.ndarray]:
    """(codes, uniques) of the _SEP-joined values, split and factorized a chunk at a time so
    that only one chunk's strings exist at once; (None, _) when there are not `count` values."""
    codes = np.empty(count, dtype="int64")
    index: dict[str, int] = {}
    filled, start = 0, 0
    while True:
        end = text.find(_SEP, start + _SPLIT_CHARS)
        parts = text[start:] if end < 0 else text[start:end]
        chunk_codes, chunk_uniques = pd.factorize(np.array(parts.split(_SEP), dtype=object))
        if filled + len(chunk_codes) > count:
            return None, np.empty(0, dtype=object)
        as_global = np.array([index.setdefault(u, len(index)) for u in chunk_uniques], dtype="int64")
        codes[filled:filled + len(chunk_codes)] = as_global[chunk_codes]
        filled += len(chunk_codes)
        if end < 0:
            break
        start = end + 1
    if filled != count:
        return None, np.empty(0, dtype=object)
    return codes, np.array(list(index), dtype=object)


def _parse_text(text: str | None, count: int) -> pd.Categorical | None:
    """Separator-joined text -> categorical (NULL markers become NaN), None on a count mismatch."""
    if count == 0:
        return pd.Categorical([])
    if text is None:
        return None
    codes, uniques = _factorize_joined(text, count)
    if codes is None:
        return None
    null = np.flatnonzero(uniques == _NULL)
    if len(null):
        # Renumber so that the NULL marker is not a category: its rows get code -1 (NaN).
        keep = np.flatnonzero(uniques != _NULL)
        remap = np.full(len(uniques), -1, dtype="int64")
        remap[keep] = np.arange(len(keep))
        codes, uniques = remap[codes], uniques[keep]
    return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))


_CODE_NULL, _CODE_OTHER = "0", "1"
_CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _coded_sql(expression: str, vocabulary: tuple[str, ...]) -> str:
    """SQL giving one character per row: the value's position in `vocabulary`, _CODE_NULL
    for NULL and _CODE_OTHER for a value outside it."""
    if len(vocabulary) > len(_CODE_CHARS) or any("'" in v for v in vocabulary):
        raise ValueError("vocabulary too long or quoted")
    cases = " ".join(f"WHEN '{v}' THEN '{_CODE_CHARS[i]}'" for i, v in enumerate(vocabulary))
    return f"CASE WHEN ({expression}) IS NULL THEN '{_CODE_NULL}' ELSE CASE {expression} {cases} ELSE '{_CODE_OTHER}' END END"


def _parse_coded(text: str | None, count: int, vocabulary: tuple[str, ...]) -> pd.Categorical | None:
    """One code character per row -> categorical over `vocabulary`; None on a count mismatch
    or a value outside the vocabulary (the caller then reads the text itself)."""
    if count == 0:
        return pd.Categorical([], categories=pd.Index(vocabulary, dtype=object))
    if text is None or len(text) != count or _CODE_OTHER in text:
        return None
    lookup = np.full(128, -2, dtype="int64")
    lookup[ord(_CODE_NULL)] = -1
    lookup[[ord(c) for c in _CODE_CHARS[:len(vocabulary)]]] = np.arange(len(vocabulary))
    codes = lookup[np.frombuffer(text.encode("ascii"), dtype=np.uint8)]
    if (codes == -2).any():
        return None
    return pd.Categorical.from_codes(codes, categories=pd.Index(vocabulary, dtype=object))


def read_columns(portfolio: Portfolio, *, source: str, params: Sequence[Any],
                 columns: dict[str, tuple[str, Any]], round_trip: bool) -> pd.DataFrame:
    """`SELECT <columns> <source>` as a DataFrame, `columns` being {name: (SQL expression,
    "text" | "number" | a tuple of the values a code column holds)}; text and code columns
    come back as categoricals, numbers as float64.

    Why not fetch rows: at branch scale the transactions alone are a million rows, and making
    four Python objects per row, then a DataFrame from them, costs more than SQLite's scan.
    Instead SQLite concatenates each column over all rows (one aggregate query, so every column
    is in the same row order) and numpy / one str.split decode the few long strings; a code
    column arrives as one character per row. Falls back to fetching rows if a text value
    contains the separator, a number does not parse, a code column holds a value outside its
    vocabulary, or REAL values would not survive the trip through text (`round_trip` False)."""
    if not round_trip and any(kind == "number" for _, kind in columns.values()):
        return _read_rows(portfolio, source=source, params=params, columns=columns)
    aggregates = ["count(*)"]
    for expression, kind in columns.values():
        if isinstance(kind, tuple):
            aggregates.append(f"group_concat({_coded_sql(expression, kind)}, '')")
        elif kind == "text":
            aggregates.append(f"group_concat(ifnull({expression}, char(30)), char(31))")
        else:
            aggregates.append(f"group_concat(ifnull({expression}, 'nan'), ',')")
    try:
        row = portfolio.query(f"SELECT {', '.join(aggregates)} {source}", params)[0]
    except sqlcipher3.DataError:     # a column longer than SQLite's string limit (1 GB)
        return _read_rows(portfolio, source=source, params=params, columns=columns)
    count = int(row[0])
    data: dict[str, Any] = {}
    for (name, (_, kind)), text in zip(columns.items(), row[1:], strict=True):
        if isinstance(kind, tuple):
            values = _parse_coded(text, count, kind)
        else:
            values = _parse_text(text, count) if kind == "text" else _parse_numbers(text, count)
        if values is None:
            return _read_rows(portfolio, source=source, params=params, columns=columns)
        data[name] = values
    return pd.DataFrame(data, index=pd.RangeIndex(count))


def _read_rows(portfolio: Portfolio, *, source: str, params: Sequence[Any],
               columns: dict[str, tuple[str, Any]]) -> pd.DataFrame:
    frame = portfolio.read_frame(
        f"SELECT {', '.join(f'{expression} AS {name}' for name, (expression, _) in columns.items())} "
        f"{source}", params)
    return pd.DataFrame({
        name: (frame[name].astype("category") if kind == "text" or isinstance(kind, tuple)
               else pd.to_numeric(frame[name], errors="coerce").astype("float64"))
        for name, (_, kind) in columns.items()}, index=pd.RangeIndex(len(frame)))


def read_plain_columns(portfolio: Portfolio, *, source: str, params: Sequence[Any],
                       columns: dict[str, tuple[str, Any]]) -> pd.DataFrame:
    """`read_columns` with text and code columns as plain strings (missing as NaN), as
    `Portfolio.read_frame` gives them, for code that compares and merges strings. Each
    distinct string is still one object, shared by its rows."""
    frame = read_columns(portfolio, source=source, params=params, columns=columns,
                         round_trip=reals_round_trip(portfolio))
    for name, (_, kind) in columns.items():
        if kind != "number":
            frame[name] = np.asarray(frame[name].array, dtype=object)
    return frame

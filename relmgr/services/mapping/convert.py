"""Applying a table mapping to a raw file: the exchange-format text table the validator checks.

Cells not in the mapping's declared format are reported here (naming the format) and emptied;
the validator is told not to report them again. What was done to the data is counted for the
data-quality report: values cleaned (full-width forms, currency signs, thousands separators),
codes translated, and empty cells per field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from relmgr.services.importer.checks import _LOOKS_PERSONAL, Collector, quoted
from relmgr.services.importer.problems import ROWS_LISTED_PER_COLUMN, Problem
from relmgr.services.importer.reading import RawTable
from relmgr.services.importer.spec import BY_TABLE, Kind
from relmgr.services.mapping.model import MONEY_FIELDS, TableMapping
from relmgr.services.mapping.sniff import Dialect, RawFile
from relmgr.services.mapping.values import convert_amounts, convert_currency, convert_dates, normalise


@dataclass
class FileStats:
    file: str
    table: str
    dialect: Dialect
    rows_read: int = 0
    cleaned: dict[str, int] = field(default_factory=dict)      # field -> cells changed by cleaning
    translated: dict[str, int] = field(default_factory=dict)   # field -> codes mapped
    missing: dict[str, int] = field(default_factory=dict)      # field -> empty cells
    not_provided: list[str] = field(default_factory=list)
    converted: dict[str, int] = field(default_factory=dict)    # field -> amounts in CNY now


def _source_frame(raw: RawFile, out: Collector, table: str) -> tuple[pd.DataFrame, np.ndarray]:
    width = len(raw.header)
    counts = np.array([len(r) for r in raw.rows], dtype=np.int64)
    # Short rows padded, long ones cut, to the header's width; both are reported below.
    cells = [r if len(r) == width else (r + [""] * width)[:width] for r in raw.rows]
    frame = pd.DataFrame(cells, columns=range(width), dtype=object) if cells else \
        pd.DataFrame(columns=range(width), dtype=object)
    broken = counts != width
    for i in np.flatnonzero(broken)[:ROWS_LISTED_PER_COLUMN]:
        out.add_whole(Problem(raw.name, raw.line_numbers[i], None,
                              f"has {counts[i]} fields, the header has {width}"))
    if broken.sum() > ROWS_LISTED_PER_COLUMN:
        rest = int(broken.sum()) - ROWS_LISTED_PER_COLUMN
        out.add_whole(Problem(raw.name, None, None, f"and {rest:,} more rows with the wrong number of fields",
                              count=rest))
    return frame.fillna("").astype(str), broken


def _reject(out: Collector, file: str, name: str, text: pd.Series, mask: np.ndarray, reason: str,
            *, personal: bool, personal_file: bool) -> None:
    if not mask.any():
        return
    if personal:
        out.add(file, name, np.flatnonzero(mask), reason)
        return
    shown = np.array((quoted(text[mask]) + " " + reason).to_numpy(), dtype=object)
    if personal_file:
        looks = text[mask].str.contains(_LOOKS_PERSONAL, regex=True).to_numpy(dtype=bool)
        shown[looks] = reason
    out.add(file, name, np.flatnonzero(mask), shown)


def convert_file(raw: RawFile, mapping: TableMapping, out: Collector, *,
                 century_pivot: int | None, exchange_rate: float | None = None
                 ) -> tuple[RawTable | None, FileStats]:
    """The exchange-format table of `raw` under `mapping`, or None if a mapped column is
    absent from the file (reported as a whole-file problem)."""
    spec = BY_TABLE[mapping.table]
    file = raw.name
    stats = FileStats(file, spec.table, raw.dialect, rows_read=len(raw.rows),
                      not_provided=list(mapping.not_provided))
    position = {name: i for i, name in enumerate(raw.header)}
    wanted = list(mapping.columns.values()) + ([mapping.sign.column] if mapping.sign else [])
    absent = [c for c in dict.fromkeys(wanted) if c not in position]
    if absent:
        for column in absent:
            out.add_whole(Problem(file, 1, column, "this column of the mapping is not in the header "
                                  f"(the header has: {', '.join(raw.header)[:300]})"))
        return None, stats
    source, broken = _source_frame(raw, out, spec.table)
    out.set_lines(file, raw.line_numbers)
    personal_file = any(c.personal for c in spec.columns)
    frame = pd.DataFrame(index=source.index)
    for col in spec.columns:
        name = col.name
        if name not in mapping.columns:
            frame[name] = ""
            continue
        text = source[position[mapping.columns[name]]]
        if col.kind is Kind.TEXT:
            frame[name] = text
            stats.missing[name] = int(text.eq("").sum())
            continue
        clean, changed, other_digit = normalise(text)
        stats.cleaned[name] = int(changed.sum())
        bad = other_digit & ~broken
        _reject(out, file, name, clean, bad, "holds a digit other than 0-9", personal=col.personal,
                personal_file=personal_file)
        form = mapping.formats.get(name)
        if col.kind in (Kind.DATE, Kind.TIMESTAMP, Kind.MONTH):
            form = form or ("YYYY-MM" if col.kind is Kind.MONTH else "YYYY-MM-DD")
            converted, wrong = convert_dates(clean, form, timestamp=col.kind is Kind.TIMESTAMP,
                                             month=col.kind is Kind.MONTH, century_pivot=century_pivot)
            wrong = wrong & ~bad & ~broken
            _reject(out, file, name, clean, wrong, f"is not a date in the format {form}",
                    personal=col.personal, personal_file=personal_file)
            bad |= wrong
            clean = converted
        elif col.kind is Kind.NUMBER:
            converted, wrong = convert_amounts(clean, form or "1,234.56")
            wrong = wrong & ~bad & ~broken
            _reject(out, file, name, clean, wrong, f"is not an amount in the format {form or '1,234.56'}",
                    personal=col.personal, personal_file=personal_file)
            stats.cleaned[name] += int(((converted != clean) & ~wrong & clean.ne("").to_numpy()).sum())
            bad |= wrong
            clean = converted
            if name == "amount" and mapping.sign is not None:
                clean, wrong_sign = _signed(clean, source[position[mapping.sign.column]], mapping)
                wrong_sign = wrong_sign & ~bad & ~broken
                _reject(out, file, name, source[position[mapping.sign.column]], wrong_sign,
                        f"is not a debit/credit indicator of column {mapping.sign.column} "
                        f"(known: {', '.join(mapping.sign.codes)})", personal=False,
                        personal_file=personal_file)
                bad |= wrong_sign
            if exchange_rate is not None and name in MONEY_FIELDS.get(spec.table, ()):
                clean = convert_currency(clean.where(~bad, ""), exchange_rate)
                stats.converted[name] = int((clean.ne("").to_numpy() & ~bad).sum())
        elif col.kind is Kind.CODE and name in mapping.codes:
            table = mapping.codes[name]
            mapped = clean.map(table)
            hit = mapped.notna().to_numpy()
            stats.translated[name] = int(hit.sum())
            clean = clean.where(~hit, mapped)
        clean = clean.where(~bad, "")
        if bad.any():
            out.skip_cells(file, name, bad)
        stats.missing[name] = int((clean.eq("").to_numpy() & ~bad).sum())
        frame[name] = clean.astype(object)
    frame = frame.reset_index(drop=True)
    return RawTable(spec, file, frame, broken_rows=broken,
                    not_provided=frozenset(mapping.not_provided)), stats


def _signed(amount: pd.Series, indicator: pd.Series, mapping: TableMapping) -> tuple[pd.Series, np.ndarray]:
    """|amount| with the indicator's sign (+ money into the bank, − out)."""
    assert mapping.sign is not None
    flag = normalise(indicator)[0]
    sign = flag.map(mapping.sign.codes)
    unknown = (sign.isna() & amount.ne("")).to_numpy()
    magnitude = amount.str.lstrip("-")
    signed = np.where(sign.to_numpy(dtype="float64", na_value=np.nan) < 0, "-", "") + magnitude
    return pd.Series(signed, index=amount.index).where(amount.ne(""), ""), unknown

"""Value formats of bank exports, turned into the exchange format's text (vectorised).

Each converter takes a column of stripped text cells and returns the exchange-format text and
a mask of the cells that do not fit the declared format (those become empty; the caller reports
them naming the format). Empty cells stay empty. Whether a converted value is a real date or a
finite number is then checked by the exchange-format validator, as for any other import.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np
import pandas as pd

DATE_FORMATS = ("YYYY-MM-DD", "YYYYMMDD", "YYMMDD", "YYYY/M/D", "DD.MM.YYYY", "YYYY年M月D日",
                "EXCEL")
MONTH_FORMATS = ("YYYY-MM", "YYYYMM", "YYYY/M")
AMOUNT_FORMATS = ("1,234.56", "1.234,56")
# A date may be followed by a time of day (a date-time column); for a date field it is dropped.
_TIME = r"(?:[ T]+(?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2})(?:\.[0-9]+)?)?)?"
_DATE_PATTERNS = {
    "YYYY-MM-DD": r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})",
    "YYYYMMDD": r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})",
    "YYMMDD": r"(?P<y>[0-9]{2})(?P<m>[0-9]{2})(?P<d>[0-9]{2})",
    "YYYY/M/D": r"(?P<y>[0-9]{4})/(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})",
    "DD.MM.YYYY": r"(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})\.(?P<y>[0-9]{4})",
    "YYYY年M月D日": r"(?P<y>[0-9]{4})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日",
}
_MONTH_PATTERNS = {
    "YYYY-MM": r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})",
    "YYYYMM": r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})",
    "YYYY/M": r"(?P<y>[0-9]{4})/(?P<m>[0-9]{1,2})",
}
_EXCEL_EPOCH = np.datetime64("1899-12-30")
_EXCEL_LAST = 2_958_465          # 9999-12-31
_CURRENCY = r"(?:¥|CNY|RMB|元|\$)"
# Any decimal digit that NFKC does not turn into 0-9 (Arabic-Indic, Devanagari, ...).
NON_ASCII_DIGIT = r"(?![0-9])\d"


def _uniques(text: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """`text` as codes into its distinct values: an export repeats its dates, codes and
    customer numbers, so each distinct value is converted once (and expanded with the codes)."""
    codes, uniques = pd.factorize(text.to_numpy(dtype=object), use_na_sentinel=False)
    return codes, pd.Series(uniques, dtype=object)


def _expand(values: pd.Series | np.ndarray, codes: np.ndarray, index: pd.Index) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=object)[codes], index=index, dtype=object)


def _clean(cell: str) -> str:
    # NFKC changes no ASCII text: only the rest pays for it.
    return cell.strip() if cell.isascii() else unicodedata.normalize("NFKC", cell).strip()


def normalise(text: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """NFKC (full-width digits, letters and spaces become ASCII) and strip. Returns the text,
    which cells changed, and which still hold a non-ASCII digit (to be rejected)."""
    codes, uniques = _uniques(text.astype(str))
    clean = np.array([_clean(cell) for cell in uniques], dtype=object)
    changed = clean != uniques.to_numpy()
    # Digits other than 0-9 (after NFKC) are rare: find which characters they are first.
    wide = [cell for cell in clean if not cell.isascii()]
    odd = {ch for ch in set("".join(wide)) if ch.isdecimal() and not "0" <= ch <= "9"}
    other = np.zeros(len(clean), dtype=bool)
    if odd:
        other = np.fromiter((not cell.isascii() and any(ch in odd for ch in cell) for cell in clean),
                            dtype=bool, count=len(clean))
    return _expand(clean, codes, text.index), changed[codes], other[codes]


def default_century_pivot(today: dt.date | None = None) -> int:
    """Two-digit years up to this one are 20YY, later ones 19YY: no date is in the future."""
    return (today or dt.date.today()).year % 100


def _from_parts(parts: pd.DataFrame, *, month_only: bool = False, timestamp: bool = False,
                pivot: int | None = None) -> pd.Series:
    year = parts["y"]
    if pivot is not None:
        two = year.astype("float64")
        year = np.where(two <= pivot, 2000 + two, 1900 + two).astype("int64").astype(str)
        year = pd.Series(year, index=parts.index)
    text = year.str.zfill(4) + "-" + parts["m"].str.zfill(2)
    if month_only:
        return text
    text = text + "-" + parts["d"].str.zfill(2)
    if timestamp:
        hours = parts["H"].fillna("0").str.zfill(2)
        minutes = parts["M"].fillna("0").str.zfill(2)
        seconds = parts["S"].fillna("0").str.zfill(2)
        text = text + "T" + hours + ":" + minutes + ":" + seconds
    return text


def _excel(text: pd.Series, *, timestamp: bool) -> tuple[pd.Series, np.ndarray]:
    shaped = text.str.fullmatch(r"[0-9]{1,7}(?:\.[0-9]+)?").to_numpy(dtype=bool)
    number = pd.to_numeric(text.where(shaped, "0"), errors="coerce").to_numpy(dtype="float64")
    ok = shaped & (number >= 1) & (number <= _EXCEL_LAST)
    out = pd.Series("", index=text.index, dtype=object)
    if ok.any():
        seconds = np.round(number[ok] * 86_400).astype("int64")
        moment = _EXCEL_EPOCH + seconds.astype("timedelta64[s]")
        unit = "s" if timestamp else "D"
        out[ok] = np.datetime_as_string(moment, unit=unit)
    return out, ~ok


def convert_dates(text: pd.Series, form: str, *, timestamp: bool = False,
                  month: bool = False, century_pivot: int | None = None) -> tuple[pd.Series, np.ndarray]:
    """Cells in `form` as ISO text (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or YYYY-MM); the mask
    marks filled cells that are not in `form`. A year of transactions holds a few hundred
    distinct dates: each is converted once."""
    codes, uniques = _uniques(text)
    if len(uniques) > len(text) // 2:
        return _convert_dates(text, form, timestamp=timestamp, month=month, century_pivot=century_pivot)
    out, bad = _convert_dates(uniques, form, timestamp=timestamp, month=month, century_pivot=century_pivot)
    return _expand(out, codes, text.index), bad[codes]


def _convert_dates(text: pd.Series, form: str, *, timestamp: bool, month: bool,
                   century_pivot: int | None) -> tuple[pd.Series, np.ndarray]:
    filled = text.ne("").to_numpy()
    out = pd.Series("", index=text.index, dtype=object)
    if form == "EXCEL" and not month:
        converted, bad = _excel(text, timestamp=timestamp)
        out[filled] = converted[filled]
        return out, filled & bad
    patterns = _MONTH_PATTERNS if month else _DATE_PATTERNS
    if form not in patterns:
        raise ValueError(form)
    pattern = patterns[form] + ("" if month else _TIME)
    parts = text.str.extract("^" + pattern + "$")
    shaped = parts["y"].notna().to_numpy() & filled
    if shaped.any():
        pivot = (century_pivot if century_pivot is not None else default_century_pivot()) \
            if form == "YYMMDD" else None
        out[shaped] = _from_parts(parts[shaped], month_only=month, timestamp=timestamp, pivot=pivot)
    return out, filled & ~shaped


def guess_date_format(sample: pd.Series, *, month: bool = False) -> str | None:
    """The one format every filled sample cell fits (YYYY-MM-DD preferred), or None."""
    values = sample[sample.ne("")].head(200)
    if values.empty:
        return None
    forms = MONTH_FORMATS if month else DATE_FORMATS
    fitting = [f for f in forms if not convert_dates(values, f, month=month)[1].any()]
    # An eight-digit cell fits YYYYMMDD and (as a number) EXCEL; a date export means the first.
    fitting = [f for f in fitting if f != "EXCEL"] or fitting
    return fitting[0] if len(fitting) == 1 else None


_CURRENCY_SIGN = re.compile(_CURRENCY)
_NEGATIVE = re.compile(r"\(.*\)|.*-|-.*")
_PARENTHESES = re.compile(r"\(.*\)")
_GROUPED = {"1,234.56": re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?"),
            "1.234,56": re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]*)?")}
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")


def _amount(cell: str, form: str) -> str | None:
    """One cell as a plain signed decimal, '' for an empty one, None if it is no amount."""
    if not cell:
        return ""
    if form == "1,234.56" and _PLAIN.fullmatch(cell):
        return cell                                   # already plain: the common case
    work = _CURRENCY_SIGN.sub("", cell).replace(" ", "")
    negative = _NEGATIVE.fullmatch(work) is not None
    if _PARENTHESES.fullmatch(work):             # (1,234.56): negative in accounting style
        work = work[1:-1]
    work = work.strip("+-")
    grouped = _GROUPED[form].fullmatch(work) is not None
    if form == "1.234,56":
        work = (work.replace(".", "") if grouped else work).replace(",", ".")
    elif grouped:
        work = work.replace(",", "")
    if not _PLAIN.fullmatch(work):
        return None
    return "-" + work if negative else work


def convert_amounts(text: pd.Series, form: str = "1,234.56") -> tuple[pd.Series, np.ndarray]:
    """`¥1,234.56`, `(1,234.56)`, `1234.56-`, `1.234,56` (decimal comma) and the like as a
    plain signed decimal; the mask marks cells that are no amount in `form`. One pass of
    Python per cell: a chain of vectorised string operations walked the column seven times."""
    if form not in AMOUNT_FORMATS:
        raise ValueError(form)
    converted = [_amount(cell, form) for cell in text.to_numpy(dtype=object)]
    bad = np.fromiter((value is None for value in converted), dtype=bool, count=len(converted))
    out = pd.Series(converted, index=text.index, dtype=object)
    return out.where(~bad, ""), bad


def convert_currency(text: pd.Series, rate: float) -> pd.Series:
    """Plain decimal amounts (convert_amounts' output) times `rate`, rounded to the fen; empty
    cells stay empty. Called before the validator, which then checks the CNY amounts."""
    filled = text.ne("")
    number = pd.to_numeric(text.where(filled, "0"), errors="coerce") * rate
    out = number.round(2).map(lambda v: f"{v:.2f}").astype(object)
    return out.where(filled & number.notna(), text)

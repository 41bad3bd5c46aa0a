"""Reading a raw export file: its encoding, separator, quoting and header row, then its cells.

No dependency beyond the standard library: the encoding is the first of UTF-8 (with or without
a byte-order mark), GB18030 (a superset of GBK and GB2312) and cp1252 that decodes a sample
strictly, and GB18030 must also *look* Chinese (a Latin-1 file often decodes as GB18030 into
rare characters: see _looks_chinese). The separator is the one of `,` `;` tab `|` that splits the sample's lines
into the same number (>1) of cells most consistently. Every cell is read as text.
"""

from __future__ import annotations

import codecs
import csv
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from relmgr.services.wording import ENGLISH
from relmgr.services.wording.imports import reading

SAMPLE_BYTES = 256 * 1024
SEPARATORS = (",", ";", "\t", "|")
QUOTES = ('"', "'")
MAX_HEADER_ROW = 50           # how far down the RM may say the header is
ENCODINGS = ("utf-8-sig", "utf-8", "gb18030", "cp1252")
# The header is searched for among the first rows: some exports put a title line above it.
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Dialect:
    encoding: str
    separator: str
    quote: str = '"'
    header_row: int = 1          # 1-based line of the header in the file
    line_ending: str = "\n"

    def describe(self, language: str = ENGLISH) -> str:
        return reading(asdict(self), language=language)


class Unreadable(Exception):
    """The file cannot be read as a table; the message is one sentence for the user."""


@dataclass
class RawFile:
    name: str
    dialect: Dialect
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)   # file line of each row (1-based)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _looks_chinese(text: str) -> bool:
    """Most characters of a Chinese export are in GB2312 (both bytes 0xA1-0xFE). Latin-1 text
    misread as GB18030 pairs an accented letter with the next ASCII letter, which gives rare
    GBK-extension characters, or leaves single characters such as ¥ (four bytes in GB18030)."""
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return True
    common = sum(1 for c in wide if _in_gb2312(c))
    return common >= 0.5 * len(wide)


def _decodes(sample: bytes, encoding: str, *, whole: bool) -> str | None:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        # final=False tolerates a character cut by the end of the sample.
        return decoder.decode(sample, final=whole)
    except UnicodeDecodeError:
        return None


def detect_encoding(sample: bytes, *, whole: bool = False) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for encoding in ENCODINGS[1:]:
        text = _decodes(sample, encoding, whole=whole)
        if text is None:
            continue
        if encoding == "gb18030" and not _looks_chinese(text):
            continue
        return encoding
    return "cp1252"   # never reached for bytes: cp1252 leaves only five bytes undefined


def _line_ending(text: str) -> str:
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text and "\n" not in text:
        return "\r"
    return "\n"


def detect_separator(lines: list[str]) -> str:
    best, best_score = ",", (0, 0)
    for separator in SEPARATORS:
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=separator) if row]
        except csv.Error:
            continue
        if not widths:
            continue
        width, agree = Counter(widths).most_common(1)[0]
        if width < 2:
            continue
        score = (agree, width)
        if score > best_score:
            best, best_score = separator, score
    return best


def _header_row(rows: list[list[str]]) -> int:
    """0-based index of the first row as wide as most rows (a title line above is narrower)."""
    widths = [len(r) for r in rows if r]
    if not widths:
        return 0
    width = Counter(widths).most_common(1)[0][0]
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if len(row) == width and all(cell.strip() for cell in row):
            return i
    return 0


def sniff(path: Path, *, encoding: str | None = None, separator: str | None = None) -> Dialect:
    """The dialect of `path`; `encoding`/`separator` given by the user override detection."""
    try:
        with path.open("rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
            whole = not handle.read(1)
    except OSError as error:
        raise Unreadable(f"cannot be read ({error.strerror})") from None
    if not sample.strip():
        raise Unreadable("is empty")
    if b"\x00" in sample:
        raise Unreadable("holds NUL bytes: it is not a text export (UTF-16 or a binary file?)")
    encoding = encoding or detect_encoding(sample, whole=whole)
    text = sample.decode(encoding, errors="ignore")
    lines = text.splitlines()[: 50 if whole else -1] or text.splitlines()
    separator = separator or detect_separator(lines)
    try:
        rows = list(csv.reader(lines[:HEADER_SEARCH_ROWS * 3], delimiter=separator))
    except csv.Error:
        rows = []
    return Dialect(encoding=encoding, separator=separator, header_row=_header_row(rows) + 1,
                   line_ending=_line_ending(text))


def read_raw(path: Path, dialect: Dialect) -> RawFile:
    """Every row's cells as text (stripped), with the file line each row starts on.
    Raises Unreadable with the line for a decode error or a field over csv's size limit."""
    file = RawFile(path.name, dialect, [])
    try:
        handle = path.open(encoding=dialect.encoding, errors="strict", newline="")
    except OSError as error:
        raise Unreadable(f"cannot be read ({error.strerror})") from None
    with handle:
        reader = csv.reader(handle, delimiter=dialect.separator, quotechar=dialect.quote)
        try:
            for row in reader:
                if reader.line_num < dialect.header_row:
                    continue
                if not file.header and reader.line_num >= dialect.header_row:
                    file.header = [cell.strip() for cell in row]
                    continue
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                file.rows.append([cell.strip() for cell in row])
                file.line_numbers.append(reader.line_num)
        except UnicodeDecodeError:
            raise Unreadable(f"line {reader.line_num + 1}: is not {dialect.encoding} text "
                             "(the sample was); is the file a mix of encodings?") from None
        except csv.Error:
            raise Unreadable(f"line {max(1, reader.line_num)}: a field is longer than "
                             f"{csv.field_size_limit():,} characters, or its quoting is broken") from None
    if not file.header or file.header == [""]:
        raise Unreadable("has no header row")
    return file



def _cell(value: object) -> str:
    """An XLSX cell as the text a CSV export would hold: ISO dates, integral numbers without
    '.0', everything else as str."""
    if type(value) is str:           # the common cases first: this runs once per cell
        return value.strip()
    if type(value) is int:
        return str(value)
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_workbook(path: Path) -> list[RawFile]:
    """Every sheet with data as a table: named `book.xlsx` for a one-sheet workbook, else
    `book.xlsx[sheet]`. Dates come as dates, so their format is ISO whatever Excel showed."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from relmgr.services.mapping.xlsx_rows import rows_of

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError):
        raise Unreadable("is not a readable XLSX workbook") from None
    read: list[tuple[str, list[list[str]]]] = []
    try:
        # Every sheet is read: a workbook written in streaming mode records no dimensions, so
        # max_row cannot tell an empty sheet.
        for sheet in book.worksheets:
            rows = [[_cell(v) for v in row] for row in rows_of(book, sheet)]
            while rows and not any(rows[-1]):
                rows.pop()
            if rows:
                read.append((sheet.title, rows))
    finally:
        book.close()
    found: list[RawFile] = []
    for title, rows in read:
        start = _header_row(rows)
        header = rows[start]
        # openpyxl pads rows to the sheet's width: trailing empty header cells are no columns.
        while header and not header[-1]:
            header = header[:-1]
        width = len(header)
        name = path.name if len(read) == 1 else f"{path.name}[{title}]"
        raw = RawFile(name, Dialect(encoding="xlsx", separator=",", header_row=start + 1), header)
        for number, row in enumerate(rows[start + 1:], start=start + 2):
            if not any(row):
                continue
            cells = row[:width] if not any(row[width:]) else row
            raw.rows.append(cells)
            raw.line_numbers.append(number)
        found.append(raw)
    if not found:
        raise Unreadable("has no sheet with data")
    return found

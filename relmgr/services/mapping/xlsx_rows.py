"""A worksheet's cell values, read with expat: openpyxl's read-only reader builds an element and
a dictionary per cell, which for a 100,000-row export took three times the 10 s target (issue
14). openpyxl still opens the workbook (sheets, shared strings, styles, the 1900/1904 epoch);
only the sheet XML is parsed here, giving the values `iter_rows(values_only=True)` gives:
shared and inline strings, numbers (int when written without a point or exponent), booleans,
dates for numbers in a date style, ISO dates, error codes; missing rows and trailing cells as
None. Anything this parser does not expect falls back to openpyxl's own rows.
"""

from __future__ import annotations

from typing import Any
from xml.parsers import expat


def _column(reference: str) -> int:
    """'AB12' -> 28 (1-based)."""
    letters = reference.rstrip("0123456789")
    if len(letters) == 1:
        return ord(letters) - 64
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def _number(text: str) -> int | float:
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


class _Sheet:
    """The expat handlers of one sheet; `rows` maps a row number to {column: value}."""

    def __init__(self, book: Any, strings: Any) -> None:
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        self.from_excel, self.from_iso = from_excel, from_ISO8601
        self.strings = strings
        self.epoch = book.epoch
        self.dates = book._date_formats
        self.durations = book._timedelta_formats
        self.rows: dict[int, dict[int, Any]] = {}
        self.row_number = 0
        self.column = 0
        self.kind = "n"
        self.style = 0
        self.text: list[str] = []
        self.collect = False
        self.inline: list[str] = []
        self.phonetic = 0

    # Handlers test the frequent tags first: they run several times per cell.
    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "c":
            ref = attrs.get("r")
            self.column = _column(ref) if ref else self.column + 1
            self.kind = attrs.get("t", "n")
            style = attrs.get("s")
            self.style = int(style) if style else 0
            self.text, self.inline = [], []
        elif name == "v":
            self.collect, self.text = True, []
        elif name == "row":
            ref = attrs.get("r")
            self.row_number = int(ref) if ref else self.row_number + 1
            self.column = 0
            self.rows.setdefault(self.row_number, {})
        elif name == "t":
            if not self.phonetic:
                self.collect, self.text = True, []
        elif name == "rPh":
            self.phonetic += 1
        elif ":" in name:                             # a prefixed namespace (x:c)
            self.start(name.rpartition(":")[2], attrs)

    def chars(self, data: str) -> None:
        if self.collect:
            self.text.append(data)

    def end(self, name: str) -> None:
        if name == "v":
            self.collect = False
        elif name == "c":
            value = self._value()
            if value is not None:
                self.rows[self.row_number][self.column] = value
        elif name == "t":
            if self.collect:
                self.collect = False
                self.inline.append("".join(self.text))
                self.text = []
        elif name == "rPh":
            self.phonetic -= 1
        elif ":" in name:
            self.end(name.rpartition(":")[2])

    def _value(self) -> Any:
        if self.kind == "inlineStr":
            return "".join(self.inline) if self.inline else None
        if not self.text:
            return None
        text = self.text[0] if len(self.text) == 1 else "".join(self.text)
        if not text:
            return None
        kind = self.kind
        if kind == "s":
            return self.strings[int(text)]
        if kind == "n":
            number = _number(text)
            if self.style in self.dates:
                try:
                    return self.from_excel(number, self.epoch, timedelta=self.style in self.durations)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return self.from_iso(text)
        return text                                   # "str" (a formula's text), "e" (an error)


def sheet_values(book: Any, sheet: Any) -> list[list[Any]]:
    """Every row of `sheet` (an openpyxl read-only worksheet of `book`) as a list of values,
    from row 1, each as wide as the widest row."""
    handlers = _Sheet(book, sheet._shared_strings)
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = handlers.start
    parser.EndElementHandler = handlers.end
    parser.CharacterDataHandler = handlers.chars
    with sheet._get_source() as source:
        parser.ParseFile(source)
    if not handlers.rows:
        return []
    width = max((max(cells) for cells in handlers.rows.values() if cells), default=0)
    last = max(handlers.rows)
    out: list[list[Any]] = []
    for number in range(1, last + 1):
        cells = handlers.rows.get(number)
        row = [None] * width
        if cells:
            for column, value in cells.items():
                row[column - 1] = value
        out.append(row)
    return out


def rows_of(book: Any, sheet: Any) -> list[list[Any]]:
    """The fast reader, or openpyxl's rows when the sheet is not what it expects."""
    try:
        return sheet_values(book, sheet)
    except (expat.ExpatError, AttributeError, KeyError, IndexError, ValueError, TypeError):
        return [list(row) for row in sheet.iter_rows(values_only=True)]

"""Rejected rows as a CSV the RM can work through: file, row, column and reason, one line each.

Never a row's values: the file holds no customer data, so it can be written in plaintext next
to the export (which the RM already has). Reasons quote the offending value ('abc' is not a
date); those quotes are replaced by '…', and a customer number named in a reason is dropped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from relmgr.services.files import write_atomically
from relmgr.services.importer.problems import Problem

HEADER = ("file", "row", "column", "reason", "rows")
_QUOTED = re.compile(r"'[^']*'…?")
_CUSTOMER = re.compile(r"(for customer) \S+")


def value_free(reason: str) -> str:
    """The reason without the value it quotes."""
    return _CUSTOMER.sub(r"\1 on another row", _QUOTED.sub("'…'", reason))


def rejected_rows_text(problems: Sequence[Problem]) -> str:
    """CSV text (UTF-8 with a byte-order mark, so Excel reads it): one line per problem; `rows`
    is 1, or how many rows a summary line stands for."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for p in problems:
        writer.writerow((p.file, "" if p.row is None else p.row, p.column or "",
                         value_free(p.reason), p.count))
    return "\ufeff" + buffer.getvalue()


def write_rejected_rows(problems: Sequence[Problem], path: str | Path) -> Path:
    data = rejected_rows_text(problems).encode("utf-8")
    return write_atomically(Path(path), lambda handle: handle.write(data))

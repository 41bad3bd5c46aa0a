"""Property-based tests of the mapped import (hypothesis; issue 14): a real-shaped export
(tests/services/real_export.py) damaged in the ways real files are — random bytes, truncated
lines, short rows, another encoding, huge fields, NUL bytes, Unicode digits, formula strings,
far-future dates — through the saved mapping of the clean export. Whatever the damage:

- no traceback: the import succeeds, or raises ImportRejected (rows with file and reason) or
  MappingError (one sentence);
- on rejection the portfolio is byte-for-byte the same (a checksum of every table);
- the reasons never hold the damaged cell when it is a personal field's.

Bounded: few examples, each a small export, so the suite stays fast.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from relmgr.services.importer import ImportRejected
from relmgr.services.importer.spec import TABLES
from relmgr.services.mapping import MappingError, import_mapped, save_mapping
from relmgr.services.mapping.run import resolve_mapping
from relmgr.storage import Portfolio, create_portfolio
from tests.services.real_export import write_real_export

PW = "properties-test-pw"
FILES = ("客户信息.csv", "产品信息.csv", "账户信息.csv", "交易流水.txt")
# About a second per example on a busy machine; no shrinking, so a failure stays bounded too
# (the failing example is printed as generated).
BOUNDED = settings(max_examples=20, deadline=None, derandomize=True,
                   phases=[Phase.explicit, Phase.generate],
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# Stored dates that would mean a far-future or garbled date got in (the 9999-12-31 crash).
_DATES = {"transactions": ("txn_date",), "customers": ("birth_date", "opened_on", "closed_on"),
          "holdings": ("opened_on", "closed_on")}   # a maturity may be years ahead


def checksum(portfolio: Portfolio) -> str:
    digest = hashlib.sha256()
    for table in [*(s.table for s in TABLES), "audit_log", "meta"]:
        digest.update(repr(portfolio.query(f"SELECT * FROM {table} ORDER BY 1")).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("props")
    clean = write_real_export(root / "clean", customers=5, seed=3)
    mapping, *_ = resolve_mapping(clean, "auto")
    saved = save_mapping(mapping, str(root / "bank.json"))
    with create_portfolio(root / "p.rmdb", PW) as portfolio:
        import_mapped(portfolio, clean, str(saved))
        yield portfolio, clean, saved, root


def _damage(data: bytes, how: str, where: float, blob: bytes) -> bytes:
    text = data.decode("gb18030")
    lines = text.split("\r\n")
    line = 1 + int(where * max(1, len(lines) - 2))
    cells = lines[line].split(";") if line < len(lines) else [""]
    cell = int(where * 97) % max(1, len(cells))

    def with_cell(value: str) -> bytes:
        cells[cell] = f'"{value}"'
        lines[line] = ";".join(cells)
        return "\r\n".join(lines).encode("gb18030")

    if how == "random bytes":
        return blob
    if how == "bytes spliced":
        cut = int(where * len(data))
        return data[:cut] + blob + data[cut:]
    if how == "truncated":
        return data[: int(where * len(data))]
    if how == "short row":
        lines[line] = ";".join(cells[: max(1, cell)])
        return "\r\n".join(lines).encode("gb18030")
    if how == "long row":
        lines[line] = lines[line] + ';"x"'
        return "\r\n".join(lines).encode("gb18030")
    if how == "utf-16":
        return text.encode("utf-16")
    if how == "latin-1 line":
        return data.replace(lines[line].encode("gb18030"), "café;ñ;ü".encode("latin-1"), 1)
    if how == "huge field":
        return with_cell("9" * 200_000)
    if how == "NUL":
        return with_cell("C0\x0001")
    if how == "Unicode digits":
        return with_cell("٢٠٢٠٠١٠١")            # Arabic-Indic
    if how == "full-width digits":
        return with_cell("２０２００１０１")
    if how == "formula":
        return with_cell("=HYPERLINK(\"http://x\",\"y\")")
    if how == "far future":
        return with_cell("99991231")
    raise AssertionError(how)


HOW = st.sampled_from(["random bytes", "bytes spliced", "truncated", "short row", "long row", "utf-16",
                       "latin-1 line", "huge field", "NUL", "Unicode digits", "full-width digits",
                       "formula", "far future"])


@BOUNDED
@given(file=st.sampled_from(FILES), how=HOW, where=st.floats(0.0, 0.999),
       blob=st.binary(min_size=1, max_size=300))
def test_damaged_exports_are_refused_clearly_or_imported(setup, tmp_path_factory, file: str, how: str,
                                                         where: float, blob: bytes) -> None:
    portfolio, clean, saved, root = setup
    folder = Path(tmp_path_factory.mktemp("case"))
    for name in FILES:
        shutil.copy(clean / name, folder / name)
    (folder / file).write_bytes(_damage((clean / file).read_bytes(), how, where, blob))
    before = checksum(portfolio)
    try:
        import_mapped(portfolio, folder, str(saved))
    except ImportRejected as rejected:
        assert rejected.problems, how
        for problem in rejected.problems:
            assert problem.file and problem.reason and "Traceback" not in problem.reason
            assert "\x00" not in problem.reason
        assert checksum(portfolio) == before, f"{how} in {file}: rejected, but the portfolio changed"
    except MappingError as error:
        assert str(error) and "\n" not in str(error)
        assert checksum(portfolio) == before
    else:
        # Accepted (a formula string is text; a far-future "date" may have hit an amount): no
        # date after the data date, none garbled, and the data date itself sane.
        as_of = portfolio.get_meta("as_of")
        assert as_of is not None and "1900-01-01" <= as_of < "2100-01-01", f"{how} in {file}"
        for table, columns in _DATES.items():
            for column in columns:
                wrong = portfolio.query(f"SELECT COUNT(*) FROM {table} WHERE {column} IS NOT NULL AND "
                                        f"({column} > ? OR {column} < '1900-01-01' OR {column} GLOB '*[^0-9:T -]*')",
                                        (f"{int(as_of[:4]) + 1}-12-31",))[0][0]
                assert wrong == 0, f"{how} in {file}: {table}.{column} holds {wrong} bad dates"
    shutil.rmtree(folder, ignore_errors=True)

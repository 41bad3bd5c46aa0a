"""A saved mapping keeps how each file is written (issue 14): the encoding, separator, quote and
header row the RM chose are saved and applied again to next month's export, and a mapping file
with an impossible reading says what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relmgr.services.importer import ImportRejected
from relmgr.services.mapping import MappingError, import_mapped, load_mapping, save_mapping
from relmgr.services.mapping.model import mapping_from_json
from relmgr.services.mapping.run import resolve_mapping
from relmgr.storage import create_portfolio, open_portfolio
from tests.services.reading_overrides import quote_with_apostrophes_under_a_title
from tests.services.real_export import write_real_export

PASSWORD = "mapping-reading-pw"


@pytest.fixture
def empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RELMGR_HOME", str(tmp_path / "home"))
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PASSWORD).close()
    return path


def test_quote_and_header_row_are_saved_and_read_next_month(tmp_path: Path, empty: Path) -> None:
    mapping = resolve_mapping(write_real_export(tmp_path / "march"), "auto")[0]
    customers = mapping.tables["customers"]
    customers.quote, customers.header_row, customers.encoding = "'", 2, "gb18030"
    saved = save_mapping(mapping, "bank-q")
    stored = json.loads(saved.read_text(encoding="utf-8"))["tables"]["customers"]
    assert (stored["quote"], stored["header_row"], stored["encoding"]) == ("'", 2, "gb18030")
    assert "quote" not in json.loads(saved.read_text(encoding="utf-8"))["tables"]["products"]
    again = load_mapping("bank-q")
    assert again == mapping

    april = write_real_export(tmp_path / "april")
    quote_with_apostrophes_under_a_title(april)
    with open_portfolio(empty, PASSWORD) as portfolio:
        done = import_mapped(portfolio, april, "bank-q")
        genders = {g for (g,) in portfolio.query("SELECT gender FROM customers")}
    assert done.report.tables["customers"].inserted == 40
    assert genders == {"M", "F"}
    files = {f["table"]: f for f in done.quality.as_json()["files"]}
    assert files["customers"]["reading"]["quote"] == "'" and files["customers"]["reading"]["header_row"] == 2
    assert "quote ', header on line 2" in files["customers"]["dialect"]


def test_without_the_saved_overrides_the_same_file_is_refused(tmp_path: Path, empty: Path) -> None:
    save_mapping(resolve_mapping(write_real_export(tmp_path / "march"), "auto")[0], "bank-plain")
    april = write_real_export(tmp_path / "april")
    quote_with_apostrophes_under_a_title(april)
    with open_portfolio(empty, PASSWORD) as portfolio, pytest.raises(ImportRejected) as caught:
        import_mapped(portfolio, april, "bank-plain")
    assert any("not in the header" in p.reason for p in caught.value.problems)


@pytest.mark.parametrize(("reading", "message"), [
    ({"quote": "«"}, "\"quote\" must be"),
    ({"quote": ""}, "\"quote\" must be"),
    ({"header_row": 0}, "\"header_row\" must be a line number from 1 to 50"),
    ({"header_row": "2"}, "\"header_row\" must be"),
    ({"header_row": True}, "\"header_row\" must be"),
    ({"separator": "::"}, "\"separator\" must be one of"),
    ({"encoding": 5}, "\"encoding\" must be"),
])
def test_an_impossible_reading_is_refused(reading: dict, message: str) -> None:
    body = {"tables": {"customers": {"file": "c.csv", **reading}}}
    with pytest.raises(MappingError, match=message):
        mapping_from_json(json.dumps(body), where="m.json")

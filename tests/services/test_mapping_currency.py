"""An export not in CNY: the mapping names its currency and rate, amounts are converted at
import, and the data-quality report says so (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relmgr.services.mapping import MappingError, import_mapped, save_mapping
from relmgr.services.mapping.model import mapping_from_json
from relmgr.services.mapping.run import resolve_mapping
from relmgr.storage import create_portfolio
from tests.services.real_export import frames, write_real_export

PW = "currency-test-pw"


def _mapping_json(clean: Path, **extra) -> str:
    mapping, *_ = resolve_mapping(clean, "auto")
    payload = json.loads(mapping.to_json())
    payload.update(extra)
    return json.dumps(payload, ensure_ascii=False)


def test_amounts_are_converted_at_the_mapping_rate_and_reported(tmp_path: Path) -> None:
    folder = write_real_export(tmp_path / "export", customers=6)
    path = tmp_path / "usd.json"
    path.write_text(_mapping_json(folder, currency="USD", exchange_rate=7.1), encoding="utf-8")
    assert mapping_from_json(path.read_text(encoding="utf-8"), where="usd.json").exchange_rate == 7.1
    with create_portfolio(tmp_path / "p.rmdb", PW) as portfolio:
        done = import_mapped(portfolio, folder, str(path))
        stored = dict(portfolio.query("SELECT txn_id, amount FROM transactions"))
        balances = dict(portfolio.query("SELECT holding_id, balance FROM holdings"))
    demo = frames(6)
    for txn_id, amount in demo["transactions"].set_index("txn_id")["amount"].head(50).items():
        assert stored[int(txn_id)] == pytest.approx(round(round(amount, 2) * 7.1, 2), abs=0.011)
    for holding, balance in demo["holdings"].set_index("holding_id")["balance"].head(20).items():
        assert balances[holding] == pytest.approx(round(round(balance, 2) * 7.1, 2), abs=0.011)
    quality = done.quality.as_json()
    assert quality["currency"] == {"from": "USD", "to": "CNY", "rate": 7.1}
    files = {f["table"]: f for f in quality["files"]}
    assert files["transactions"]["amounts_converted"]["amount"] == files["transactions"]["rows_read"]
    assert any("converted from USD to CNY at 7.1" in line for line in done.quality.lines())
    saved = save_mapping(done.mapping, str(tmp_path / "again.json"))
    assert json.loads(saved.read_text(encoding="utf-8"))["exchange_rate"] == 7.1


@pytest.mark.parametrize(("extra", "message"), [
    ({"currency": "usd", "exchange_rate": 7.1}, "three-letter code"),
    ({"currency": "USD"}, "positive number"),
    ({"currency": "USD", "exchange_rate": -1}, "positive number"),
    ({"currency": "USD", "exchange_rate": float("inf")}, "positive number"),
    ({"currency": "CNY", "exchange_rate": 7.1}, "takes no exchange rate"),
])
def test_a_wrong_currency_option_is_one_sentence(tmp_path: Path, extra: dict, message: str) -> None:
    folder = write_real_export(tmp_path / "export", customers=3)
    with pytest.raises(MappingError, match=message):
        mapping_from_json(_mapping_json(folder, **extra).replace("Infinity", "1e999"), where="m.json")


def test_every_number_field_is_placed_as_money_or_not() -> None:
    """A new number column of the exchange format (a loan's, say) fails here until it is put in
    MONEY_FIELDS or NOT_MONEY; what its meaning says in CNY is money, a percent is not."""
    from relmgr.services.importer.spec import TABLES, Kind
    from relmgr.services.mapping.model import MONEY_FIELDS, NOT_MONEY

    for spec in TABLES:
        numbers = {c.name for c in spec.columns if c.kind is Kind.NUMBER}
        money, other = set(MONEY_FIELDS.get(spec.table, ())), set(NOT_MONEY.get(spec.table, ()))
        assert not money & other, spec.table
        assert money | other == numbers, f"{spec.table}: place {sorted(numbers - money - other)}"
        for column in spec.columns:
            if "CNY" in column.meaning:
                assert column.name in money, (spec.table, column.name)
            if "percent" in column.meaning:
                assert column.name in other, (spec.table, column.name)
    assert {"principal", "outstanding", "amount_due"} <= set(MONEY_FIELDS["loans"])


def test_loan_amounts_are_converted_and_the_rate_is_not() -> None:
    from relmgr.services.importer.checks import Collector
    from relmgr.services.mapping.convert import convert_file
    from relmgr.services.mapping.model import TableMapping
    from relmgr.services.mapping.sniff import Dialect, RawFile

    loans = RawFile("贷款.csv", Dialect("utf-8", ";"),
                    ["合同号", "客户号", "类别", "放款日", "本金", "余额", "利率", "应还金额"],
                    [["L1", "C1", "MORTGAGE", "2020-01-02", "1.000,00", "800,50", "3,85", "12,00"],
                     ["L2", "C1", "CREDIT_CARD", "2020-02-03", "50.000,00", "", "0", "100,00"]],
                    [2, 3])
    mapping = TableMapping("loans", "贷款.csv", {
        "loan_id": "合同号", "customer_id": "客户号", "family": "类别", "opened_on": "放款日",
        "principal": "本金", "outstanding": "余额", "rate": "利率", "amount_due": "应还金额"},
        formats={f: "1.234,56" for f in ("principal", "outstanding", "rate", "amount_due")})
    out = Collector()
    table, stats = convert_file(loans, mapping, out, century_pivot=None, exchange_rate=7.1)
    assert not out and table is not None
    frame = table.frame
    assert list(frame["principal"]) == ["7100.00", "355000.00"]
    assert list(frame["outstanding"]) == ["5683.55", ""]
    assert list(frame["amount_due"]) == ["85.20", "710.00"]
    assert list(frame["rate"]) == ["3.85", "0"]            # percent: the bank's decimal comma only
    assert stats.converted == {"principal": 2, "outstanding": 1, "amount_due": 2}

    income = RawFile("收入.csv", Dialect("utf-8", ","), ["客户号", "月收入"], [["C1", "2,500.00"]], [2])
    table, stats = convert_file(income, TableMapping("credit_profiles", "收入.csv",
                                                     {"customer_id": "客户号", "monthly_income": "月收入"}),
                                out, century_pivot=None, exchange_rate=7.1)
    assert list(table.frame["monthly_income"]) == ["17750.00"] and stats.converted == {"monthly_income": 1}

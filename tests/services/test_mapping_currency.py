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

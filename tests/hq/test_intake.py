"""Verification and exactly-once storage, on SQLite and PostgreSQL: a valid summary stored once
and its copy answered as a duplicate (also when copies arrive at the same moment); tampered,
out-of-order, unknown-branch, unknown-schema and malformed ones refused with a reason that is
logged without the payload; the state survives a restart."""

from __future__ import annotations

import json
import logging
import threading

import pytest

from relmgr.services.sync import signing
from relmgr_hq import intake, store


def _body(envelope: dict) -> bytes:
    return signing.canonical(envelope)


def test_each_check_with_its_reason(engine, db_url, envelopes, caplog) -> None:
    (first, second, third), key = envelopes
    store.enrol(engine, "BR-WEST", key)
    caplog.set_level(logging.INFO, logger="relmgr_hq")

    ok = intake.receive(engine, _body(first), source="test")
    assert ok.status == 200 and ok.answer()["accepted"] is True
    again = intake.receive(engine, _body(first), source="test")
    assert again.status == 409 and again.answer()["duplicate"] is True

    tampered = json.loads(json.dumps(second))
    tampered["payload"]["tables"][0]["cells"][-1]["customers"] = 299
    verdict = intake.receive(engine, _body(tampered), source="test")
    assert verdict.status == 403 and "signature does not match" in verdict.reason

    assert intake.receive(engine, _body(third), source="test").accepted
    late = intake.receive(engine, _body(second), source="test")   # genuine but older
    assert late.status == 422 and "replayed or out of order" in late.reason

    stranger = signing.sign({**first["payload"], "branch_id": "BR-NORTH"}, signing.new_key())
    assert intake.receive(engine, _body(stranger), source="test").reason == "branch BR-NORTH is not enrolled"
    assert intake.receive(engine, b"\xff garbage", source="test").status == 400
    assert intake.receive(engine, b'{"payload": {}}', source="test").status == 400

    private = signing.new_key()
    store.enrol(engine, "BR-NEW", signing.public_key(private))
    old_schema = signing.sign({**first["payload"], "branch_id": "BR-NEW",
                               "schema": "relmgr.sync.summary/0"}, private)
    assert "unknown schema" in intake.receive(engine, _body(old_schema), source="test").reason
    no_sequence = signing.sign({**first["payload"], "branch_id": "BR-NEW", "sequence": "1"}, private)
    assert "sequence" in intake.receive(engine, _body(no_sequence), source="test").reason
    own_id = signing.sign({**first["payload"], "branch_id": "BR-NEW"}, private)
    assert "another branch" in intake.receive(engine, _body(own_id), source="test").reason

    assert store.count_summaries(engine) == {"BR-WEST": 2}
    reasons = [r["reason"] for r in store.list_rejections(engine)]
    assert len(reasons) == 8 and any("signature" in r for r in reasons)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "rejected a summary" in logged and '"cells"' not in logged and "299" not in logged

    restarted = store.open_db(db_url)          # the ledger is the database: a restart keeps it
    assert intake.receive(restarted, _body(third), source="test").duplicate
    assert intake.receive(restarted, _body(second), source="test").status == 422
    restarted.dispose()


def test_copies_arriving_together_are_stored_once(engine, envelopes) -> None:
    """Eight receivers get the same summary at once, and eight others the branch's next two in
    a race: one copy is stored, the others are duplicates; the sequence never goes backwards."""
    (first, second, third), key = envelopes
    store.enrol(engine, "BR-WEST", key)
    start = threading.Barrier(8)
    verdicts: list[intake.Verdict] = []

    def send(body: bytes) -> None:
        start.wait()
        verdicts.append(intake.receive(engine, body, source="race"))

    threads = [threading.Thread(target=send, args=(_body(first),)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(v.status for v in verdicts) == [200] + [409] * 7

    verdicts.clear()
    threads = [threading.Thread(target=send, args=(_body(e),)) for e in [second, third] * 4]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    accepted = sorted(v.sequence for v in verdicts if v.accepted)
    # Third first makes second out of order; second first lets both in. Never a copy twice.
    assert accepted in ([third["payload"]["sequence"]],
                        [second["payload"]["sequence"], third["payload"]["sequence"]])
    assert store.count_summaries(engine) == {"BR-WEST": 1 + len(accepted)}


def test_a_bad_database_url_is_one_sentence() -> None:
    with pytest.raises(ValueError, match="not a database URL"):
        store.open_db("nonsense")
    with pytest.raises(ValueError, match="not supported"):
        store.open_db("mysql://u@h/db")

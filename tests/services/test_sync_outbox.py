"""The outbox inside the portfolio and the HTTPS client, against a stand-in head office on
127.0.0.1 (tests/services/https_stub.py): 200 accepted, 409 duplicate (delivered), 400 refused
with its reason (not retried), 503 and no connection transient (kept, retried after a backoff that
doubles up to a cap), a certificate from the wrong CA a clear message with the summary still
queued; the collector down, then up, gets each summary exactly once; every attempt audited."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
import threading
from pathlib import Path

import pytest

from relmgr.domain.codes import AuditAction, OutboxStatus
from relmgr.services.audit import list_audit
from relmgr.services.sync import branch, outbox, signing, transport
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS
from tests.services.https_stub import DUPLICATE, UNAVAILABLE, make_certificates, refused, serve


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_certificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def stub(certificates):
    with serve(certificates) as running:
        yield running


@pytest.fixture(scope="module")
def branch_file(demo_portfolio_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("outbox") / "branch.rmdb"
    shutil.copy(demo_portfolio_file, path)
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        branch.set_branch_id(portfolio, "BR-OUT")
        outbox.queue_new(portfolio)          # refreshes segments once, for the copies below
        portfolio.conn.execute("DELETE FROM sync_outbox")
    return path


@pytest.fixture
def portfolio(branch_file: Path, tmp_path: Path):
    copy = tmp_path / "b.rmdb"
    shutil.copy(branch_file, copy)
    with open_portfolio(copy, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def _closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"https://127.0.0.1:{probe.getsockname()[1]}/summaries"


def test_the_client_tells_acceptance_duplicate_refusal_and_transient_failure_apart(stub, certificates) -> None:
    ca = str(certificates["ca"])
    stub.answers[:] = [(200, {"accepted": True}), DUPLICATE, refused("schema relmgr.sync.summary/0 unknown"),
                       UNAVAILABLE, (409, {"reason": "sequence 3 after 5"}), (400, {})]
    assert transport.send(b"{}", stub.url, ca_bundle=ca) == {"accepted": True}
    assert transport.send(b"{}", stub.url, ca_bundle=ca)["duplicate"] is True
    with pytest.raises(transport.Refused, match="^schema relmgr.sync.summary/0 unknown$"):
        transport.send(b"{}", stub.url, ca_bundle=ca)
    with pytest.raises(transport.SendFailed, match=r"HTTP 503: collector restarting\); it will be tried again"):
        transport.send(b"{}", stub.url, ca_bundle=ca)
    with pytest.raises(transport.Refused, match="sequence 3 after 5"):   # a 409 that is no duplicate
        transport.send(b"{}", stub.url, ca_bundle=ca)
    with pytest.raises(transport.Refused, match="HTTP 400 without a reason"):
        transport.send(b"{}", stub.url, ca_bundle=ca)
    with pytest.raises(transport.SendFailed, match="certificate is not trusted.*CA bundle in Settings"):
        transport.send(b"{}", stub.url, ca_bundle=str(certificates["other_ca"]))
    with pytest.raises(transport.SendFailed, match="certificate is not trusted"):
        transport.send(b"{}", stub.url)            # the system's CAs do not know the private one
    with pytest.raises(transport.SendFailed, match="cannot connect"):
        transport.send(b"{}", _closed_port(), ca_bundle=ca)


def test_backoff_doubles_up_to_a_cap() -> None:
    assert [outbox.backoff(n).total_seconds() / 60 for n in range(1, 6)] == [1, 2, 4, 8, 16]
    assert outbox.backoff(9) == dt.timedelta(minutes=256)
    assert outbox.backoff(10) == outbox.RETRY_CAP == outbox.backoff(500)   # 6 h, not 512 min


def test_down_then_up_delivers_each_summary_once_in_order(portfolio, stub, certificates) -> None:
    ca = str(certificates["ca"])
    first, second = outbox.queue_new(portfolio), outbox.queue_new(portfolio)
    assert (first.status, second.sequence) == (OutboxStatus.QUEUED, first.sequence + 1)

    down = outbox.flush(portfolio, url=_closed_port(), ca_bundle=ca)
    assert [(o.sequence, o.status) for o in down] == [(first.sequence, OutboxStatus.QUEUED)]
    kept = outbox.item(portfolio, first.summary_id)
    assert kept.attempts == 1 and "cannot connect" in kept.last_error
    tried = dt.datetime.fromisoformat(kept.last_attempt_at)
    assert dt.datetime.fromisoformat(kept.next_attempt_at) - tried == dt.timedelta(minutes=1)
    assert outbox.item(portfolio, second.summary_id).attempts == 0   # never overtakes the first

    # The timer's round (not forced) waits for the backoff; then both go, oldest first.
    assert outbox.read_due(portfolio, url=stub.url, now=tried).parcels == ()
    due = outbox.read_due(portfolio, url=stub.url, now=tried + dt.timedelta(minutes=1))
    assert [p.sequence for p in due.parcels] == [first.sequence, second.sequence]
    stub.answers[:] = [UNAVAILABLE]
    assert [o.message for o in outbox.flush(portfolio, url=stub.url, ca_bundle=ca)] == [
        "127.0.0.1: head office could not take it now (HTTP 503: collector restarting); "
        "it will be tried again"]
    assert outbox.item(portfolio, first.summary_id).attempts == 2
    up = outbox.flush(portfolio, url=stub.url, ca_bundle=ca)
    assert [(o.sequence, o.status, o.message) for o in up] == [
        (first.sequence, OutboxStatus.SENT, "accepted"), (second.sequence, OutboxStatus.SENT, "accepted")]
    assert [json.loads(body)["payload"]["sequence"] for body in stub.received] == \
        [first.sequence, second.sequence]
    stored = portfolio.query("SELECT envelope FROM sync_outbox ORDER BY sequence")
    assert [row[0].encode() for row in stored] == stub.received   # the exact bytes queued
    assert outbox.flush(portfolio, url=stub.url, ca_bundle=ca) == []   # nothing twice
    assert len(stub.received) == 2
    assert outbox.counts(portfolio) == {"QUEUED": 0, "SENT": 2, "REFUSED": 0}
    actions = list(list_audit(portfolio)["action"])
    assert actions.count(AuditAction.SYNC_FAILED) == 2 and actions.count(AuditAction.SYNCED) == 2


def test_duplicate_is_delivered_refusal_is_final_and_the_round_goes_on(portfolio, stub, certificates) -> None:
    ca = str(certificates["ca"])
    a, b, c = (outbox.queue_new(portfolio) for _ in range(3))
    stub.answers[:] = [DUPLICATE, refused("branch BR-OUT is not enrolled")]
    outcomes = outbox.flush(portfolio, url=stub.url, ca_bundle=ca)
    assert [(o.status, o.message) for o in outcomes] == [
        (OutboxStatus.SENT, "already received"), (OutboxStatus.REFUSED, "branch BR-OUT is not enrolled"),
        (OutboxStatus.SENT, "accepted")]
    assert outbox.item(portfolio, a.summary_id).acknowledged == outbox.DUPLICATE
    gone = outbox.item(portfolio, b.summary_id)
    assert (gone.status, gone.last_error) == (OutboxStatus.REFUSED, "branch BR-OUT is not enrolled")
    assert outbox.read_due(portfolio, url=stub.url, force=True).parcels == ()   # not retried
    refusals = list_audit(portfolio, action=AuditAction.SYNC_REFUSED)
    assert list(refusals["target"]) == [b.summary_id]
    assert outbox.item(portfolio, c.summary_id).status is OutboxStatus.SENT


def test_wrong_ca_keeps_the_summary_queued_with_a_clear_message(portfolio, stub, certificates) -> None:
    queued = outbox.queue_new(portfolio)
    [failed] = outbox.flush(portfolio, url=stub.url, ca_bundle=str(certificates["other_ca"]))
    assert failed.status is OutboxStatus.QUEUED
    assert "certificate is not trusted" in failed.message and "CA bundle in Settings" in failed.message
    assert outbox.item(portfolio, queued.summary_id).status is OutboxStatus.QUEUED
    assert stub.received == []
    [sent] = outbox.flush(portfolio, url=stub.url, ca_bundle=str(certificates["ca"]))
    assert sent.delivered and len(stub.received) == 1


def test_the_signed_envelope_in_the_outbox_verifies(portfolio) -> None:
    queued = outbox.queue_new(portfolio)
    [[raw]] = portfolio.query("SELECT envelope FROM sync_outbox WHERE summary_id = ?", (queued.summary_id,))
    payload = signing.verify(json.loads(raw), branch.public_key(portfolio))
    assert payload["summary_id"] == queued.summary_id and payload["period"]["to"] == queued.period_to


def test_stop_between_summaries_sends_nothing_more_and_records_what_went(portfolio, stub, certificates) -> None:
    outbox.queue_new(portfolio)
    outbox.queue_new(portfolio)
    stop = threading.Event()
    batch = outbox.read_due(portfolio, url=stub.url, ca_bundle=str(certificates["ca"]), force=True, stop=stop)
    seen = []

    def progress(fraction: float, step: str = "") -> None:
        seen.append(fraction)
        if fraction > 0:
            stop.set()                     # Cancel pressed while the first one is on its way

    _, outcomes = outbox.deliver_batch(batch, progress=progress)
    stop.set()
    assert len(outcomes) == 1 and len(stub.received) == 1
    outbox.record_batch(portfolio, (batch, outcomes))
    assert outbox.counts(portfolio) == {"QUEUED": 1, "SENT": 1, "REFUSED": 0}


def test_plain_http_is_refused_before_anything_is_read(portfolio) -> None:
    with pytest.raises(transport.SendFailed, match="https://"):
        outbox.read_due(portfolio, url="http://127.0.0.1:9/summaries")

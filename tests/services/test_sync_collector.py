"""Head office's collector and the HTTPS transport, on 127.0.0.1 only: valid summaries stored
once and merged into one CSV; tampered, replayed, out-of-order and unknown-branch ones rejected
with a reason; a send against a server whose certificate the CA bundle does not vouch for fails
and leaves the summary queued, the right CA delivers it (audited)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import list_audit
from relmgr.services.sync import branch, outbox, signing, transport
from relmgr.services.sync.collector import Collector, ingest_folder, make_server
from relmgr.services.sync.summary import build_summary
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


@pytest.fixture(scope="module")
def branch_portfolio(demo_portfolio_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("collect") / "branch.rmdb"
    shutil.copy(demo_portfolio_file, path)
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        branch.set_branch_id(portfolio, "BR-WEST")
    return path


@pytest.fixture(scope="module")
def envelopes(branch_portfolio: Path) -> tuple[list[dict], str]:
    """Three successive signed summaries of one branch, and its public key."""
    with open_portfolio(branch_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        summary = build_summary(portfolio, k=10)
        return [outbox.envelope(portfolio, summary) for _ in range(3)], branch.public_key(portfolio)


def test_valid_tampered_replayed_out_of_order_and_unknown(envelopes, tmp_path: Path) -> None:
    (first, second, third), key = envelopes
    hq = Collector(tmp_path / "hq", {"BR-WEST": key})
    assert hq.receive(signing.canonical(first)).accepted
    again = hq.receive(signing.canonical(first))
    assert not again.accepted and again.duplicate and again.status() == 409

    tampered = json.loads(json.dumps(second))
    tampered["payload"]["tables"][0]["cells"][-1]["customers"] = 299
    verdict = hq.receive(signing.canonical(tampered))
    assert not verdict.accepted and not verdict.duplicate and "signature" in verdict.reason

    assert hq.receive(signing.canonical(third)).accepted
    late = hq.receive(signing.canonical(second))        # genuine, but older than the last one
    assert not late.accepted and "out of order" in late.reason

    stranger = signing.sign({**first["payload"], "branch_id": "BR-NORTH"}, signing.new_key())
    assert "not enrolled" in hq.receive(signing.canonical(stranger)).reason
    assert "not JSON" in hq.receive(b"\xff garbage").reason

    # The ledger survives a restart: the replay is still refused.
    restarted = Collector(tmp_path / "hq", {"BR-WEST": key})
    assert restarted.receive(signing.canonical(third)).duplicate
    assert len(list((tmp_path / "hq" / "BR-WEST").glob("*.json"))) == 2


def test_carried_files_merge_into_one_csv_per_cell(envelopes, tmp_path: Path) -> None:
    (first, _, _), key = envelopes
    carried = tmp_path / "usb"
    carried.mkdir()
    (carried / "a.json").write_bytes(signing.canonical(first))
    other_key = signing.new_key()
    other = signing.sign({**first["payload"], "branch_id": "BR-SOUTH"}, other_key)
    other_key = signing.public_key(other_key)
    (carried / "b.json").write_bytes(signing.canonical(other))
    hq = Collector(tmp_path / "hq", {"BR-WEST": key, "BR-SOUTH": other_key})
    verdicts = ingest_folder(hq, carried)
    assert [v.accepted for _, v in verdicts] == [True, True]
    rows = list(csv.DictReader(io.StringIO(hq.merged_csv())))
    assert {r["branch_id"] for r in rows} == {"BR-WEST", "BR-SOUTH"}
    cells = sum(len(t["cells"]) for t in first["payload"]["tables"])
    assert len(rows) == 2 * cells
    grand = [r for r in rows if r["table"] == "customers_by_tier_and_stage"
             and r["row"] == "TOTAL" and r["column"] == "TOTAL"]
    assert [r["customers"] for r in grand] == ["300", "300"]
    assert all(r["customers"] == "" for r in rows if r["suppressed"] == "yes")


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A private CA that signed localhost's certificate, and an unrelated CA."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make test certificates")
    d = tmp_path_factory.mktemp("tls")
    for ca in ("ca", "other_ca"):
        _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={ca}",
                 "-keyout", str(d / f"{ca}.key"), "-out", str(d / f"{ca}.pem"))
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
             "-keyout", str(d / "server.key"), "-out", str(d / "server.csr"))
    (d / "ext.cnf").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    _openssl("x509", "-req", "-in", str(d / "server.csr"), "-CA", str(d / "ca.pem"),
             "-CAkey", str(d / "ca.key"), "-CAcreateserial", "-days", "2",
             "-extfile", str(d / "ext.cnf"), "-out", str(d / "server.pem"))
    return {"ca": d / "ca.pem", "other_ca": d / "other_ca.pem", "cert": d / "server.pem",
            "key": d / "server.key"}


@pytest.fixture
def https_collector(envelopes, certificates, tmp_path: Path) -> Iterator[tuple[str, Collector]]:
    _, key = envelopes
    hq = Collector(tmp_path / "hq", {"BR-WEST": key})
    server = make_server(hq, "127.0.0.1", 0, tls_cert=str(certificates["cert"]),
                         tls_key=str(certificates["key"]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://localhost:{server.server_address[1]}/summaries", hq
    finally:
        server.shutdown()
        server.server_close()


def test_wrong_ca_fails_and_keeps_the_summary_queued_right_ca_delivers_once(
        branch_portfolio: Path, certificates, https_collector, tmp_path: Path) -> None:
    url, hq = https_collector
    copy = tmp_path / "b.rmdb"
    shutil.copy(branch_portfolio, copy)
    folder = tmp_path / "outbox"
    with open_portfolio(copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        outbox.queue(folder, outbox.envelope(portfolio, build_summary(portfolio, k=10)))
        failed = outbox.flush(portfolio, folder, url=url, ca_bundle=str(certificates["other_ca"]))
        assert [a.delivered for a in failed] == [False]
        assert "not trusted" in failed[0].message and "CA bundle" in failed[0].message
        assert len(outbox.pending(folder)) == 1
        # The system's CAs do not know the private CA either: no silent fallback.
        assert not outbox.flush(portfolio, folder, url=url, ca_bundle=None)[0].delivered
        done = outbox.flush(portfolio, folder, url=url, ca_bundle=str(certificates["ca"]))
        assert [a.delivered for a in done] == [True] and done[0].message == "accepted"
        assert outbox.pending(folder) == [] and len(outbox.sent(folder)) == 1
        assert outbox.flush(portfolio, folder, url=url, ca_bundle=str(certificates["ca"])) == []
        audited = list_audit(portfolio, action=AuditAction.SYNCED)
    assert len(audited) == 3
    assert len(list((hq.store / "BR-WEST").glob("*.json"))) == 1


def test_a_lost_acknowledgement_is_answered_as_duplicate(envelopes, certificates, https_collector) -> None:
    url, _ = https_collector
    (first, _, _), _ = envelopes
    body = signing.canonical(first)
    assert transport.send(body, url, ca_bundle=str(certificates["ca"]))["accepted"] is True
    assert transport.send(body, url, ca_bundle=str(certificates["ca"]))["duplicate"] is True
    tampered = body.replace(b'"sequence":1', b'"sequence":7')
    with pytest.raises(transport.Refused, match="signature"):
        transport.send(tampered, url, ca_bundle=str(certificates["ca"]))


def test_plain_http_is_refused() -> None:
    with pytest.raises(transport.SendFailed, match="https://"):
        transport.send(b"{}", "http://127.0.0.1:9/summaries")


def test_head_office_holds_only_a_key_that_verifies(branch_portfolio: Path) -> None:
    """What head office enrols is the public half: it verifies the branch's summaries, and a
    summary signed with it as if it were a private key (what a shared secret would allow) fails."""
    with open_portfolio(branch_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        private, public = branch.signing_key(portfolio), branch.public_key(portfolio)
    assert private != public
    payload = {"branch_id": "BR-WEST", "n": 1}
    assert signing.verify(signing.sign(payload, private), public) == payload
    with pytest.raises(signing.BadSignature):
        signing.verify(signing.sign(payload, public), public)

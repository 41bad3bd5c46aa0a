"""Delivery with the branch's own transport to a real collector over HTTPS on 127.0.0.1, on
SQLite and PostgreSQL: collector down → the branch's outbox (inside its portfolio) keeps the
summary queued with the reason; up → the outbox delivers it once, a copy is answered 409; tampered, replayed, unknown-branch, malformed and
oversized bodies refused with their reason and status; a CA bundle that does not vouch for the
collector's certificate fails with a clear message."""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import urllib.error
import urllib.request

import pytest

from relmgr.domain.codes import OutboxStatus
from relmgr.services.sync import outbox, signing, transport
from relmgr.storage import open_portfolio
from relmgr_hq import intake, server, store
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _post(url: str, body: bytes, ca: str) -> tuple[int, dict]:
    context = ssl.create_default_context(cafile=ca)
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, context=context, timeout=20) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_down_then_up_delivers_once(engine, envelopes, branch_portfolio, certificates, tmp_path) -> None:
    (first, second, third), key = envelopes
    store.enrol(engine, "BR-WEST", key)
    ca, port = str(certificates["ca"]), _free_port()
    url = f"https://localhost:{port}/summaries"
    body = signing.canonical(first)
    branch_file = tmp_path / "branch.rmdb"
    shutil.copyfile(branch_portfolio, branch_file)
    with open_portfolio(branch_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        queued = outbox.queue(portfolio, first)
        (down,) = outbox.flush(portfolio, url=url, ca_bundle=ca)
        assert down.status is OutboxStatus.QUEUED and "cannot connect" in down.message
        assert outbox.item(portfolio, queued.summary_id).status is OutboxStatus.QUEUED
    assert store.count_summaries(engine) == {}

    with server.running(engine, port=port, tls_cert=str(certificates["cert"]),
                        tls_key=str(certificates["key"])):
        with open_portfolio(branch_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
            (up,) = outbox.flush(portfolio, url=url, ca_bundle=ca)
            assert up.delivered and up.acknowledged == "ACCEPTED"
            assert outbox.item(portfolio, queued.summary_id).status is OutboxStatus.SENT
            assert outbox.flush(portfolio, url=url, ca_bundle=ca) == []      # nothing left to send
        assert store.count_summaries(engine) == {"BR-WEST": 1}
        with pytest.raises(transport.SendFailed, match="not trusted.*CA bundle"):
            transport.send(body, url, ca_bundle=str(certificates["other_ca"]))
        with pytest.raises(transport.SendFailed, match="not trusted"):
            transport.send(body, url, ca_bundle=None)       # no silent fallback to the system CAs

        again = transport.send(body, url, ca_bundle=ca)     # the acknowledgement was lost
        assert again["duplicate"] is True
        assert _post(url, body, ca)[0] == 409
        assert store.count_summaries(engine) == {"BR-WEST": 1}

        tampered = json.loads(json.dumps(second))
        tampered["payload"]["k"] = 1
        with pytest.raises(transport.Refused, match="signature does not match"):
            transport.send(signing.canonical(tampered), url, ca_bundle=ca)
        assert transport.send(signing.canonical(third), url, ca_bundle=ca)["accepted"]
        with pytest.raises(transport.Refused, match="replayed or out of order"):
            transport.send(signing.canonical(second), url, ca_bundle=ca)
        stranger = signing.sign({**first["payload"], "branch_id": "BR-NORTH"}, signing.new_key())
        with pytest.raises(transport.Refused, match="BR-NORTH is not enrolled"):
            transport.send(signing.canonical(stranger), url, ca_bundle=ca)

        assert _post(url, b"not json", ca) == (400, {"accepted": False, "reason": "the body is not JSON"})
        status, answer = _post(url, b"x" * (intake.MAX_BODY + 1), ca)
        assert status == 413 and answer["accepted"] is False and "larger" in answer["reason"]
        assert _post(url, signing.canonical(stranger), ca)[0] == 403

    assert store.count_summaries(engine) == {"BR-WEST": 2}
    reasons = [r["reason"] for r in store.list_rejections(engine)]
    assert any("signature" in r for r in reasons) and any("out of order" in r for r in reasons)
    assert any("not enrolled" in r for r in reasons) and any("larger" in r for r in reasons)

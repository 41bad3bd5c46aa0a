"""Head office's side: verify branches' summaries, store each exactly once, merge them.

Standard library only (http.server for the receiver), so it runs from the same install without
Qt. State lives in a store folder: accepted envelopes under `<branch>/`, and `ledger.json` with
each branch's last sequence number and the ids received. A summary is accepted when its branch is
enrolled (keys file: {"BRANCH": "hex key"}), its signature matches, its schema is known, its id is
new and its sequence number is above the branch's last; a second copy of an accepted summary is
answered as a duplicate (so a branch that lost the acknowledgement can mark it sent), anything
else is rejected with its reason.
"""

from __future__ import annotations

import csv
import dataclasses
import http.server
import io
import json
import logging
import ssl
import threading
from pathlib import Path
from typing import Any

from relmgr.services.files import write_atomically, write_text_atomically
from relmgr.services.sync import signing
from relmgr.services.sync.summary import SCHEMA

log = logging.getLogger("relmgr.collect")
MAX_BODY = 2 * 1024 * 1024
CSV_COLUMNS = ["branch_id", "sequence", "period_from", "period_to", "table", "row", "column",
               "customers", "aum", "suppressed"]


@dataclasses.dataclass(frozen=True)
class Verdict:
    accepted: bool
    duplicate: bool
    reason: str
    branch_id: str = ""
    sequence: int = 0

    def status(self) -> int:
        return 200 if self.accepted else 409 if self.duplicate else 400

    def to_json(self) -> dict[str, Any]:
        return {"accepted": self.accepted, "duplicate": self.duplicate, "reason": self.reason}


def load_keys(path: str | Path) -> dict[str, str]:
    try:
        keys = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError(f"{path}: not a readable JSON file of branch keys") from None
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ValueError(f'{path}: expected {{"BRANCH": "hex key", ...}}')
    return keys


class Collector:
    def __init__(self, store: str | Path, keys: dict[str, str]) -> None:
        self.store = Path(store)
        self.store.mkdir(parents=True, exist_ok=True)
        self.keys = keys
        self._lock = threading.Lock()
        ledger = self.store / "ledger.json"
        self._ledger: dict[str, Any] = json.loads(ledger.read_text("utf-8")) if ledger.exists() else {}

    def receive(self, body: bytes) -> Verdict:
        try:
            envelope = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return self._rejected("not JSON")
        payload = envelope.get("payload") if isinstance(envelope, dict) else None
        if not isinstance(payload, dict):
            return self._rejected("not a signed summary (payload and signature expected)")
        branch_id = str(payload.get("branch_id", ""))
        key = self.keys.get(branch_id)
        if key is None:
            return self._rejected(f"branch {branch_id!r} is not enrolled")
        try:
            signing.verify(envelope, key)
        except (signing.BadSignature, ValueError) as error:
            return self._rejected(str(error), branch_id)
        if payload.get("schema") != SCHEMA:
            return self._rejected(f"unknown schema {payload.get('schema')!r}", branch_id)
        summary_id, sequence = str(payload.get("summary_id", "")), payload.get("sequence")
        if not summary_id or not isinstance(sequence, int):
            return self._rejected("no summary id or sequence number", branch_id)
        with self._lock:
            seen = self._ledger.setdefault(branch_id, {"last_sequence": 0, "ids": []})
            if summary_id in seen["ids"]:
                return Verdict(False, True, "already received", branch_id, sequence)
            if sequence <= seen["last_sequence"]:
                return self._rejected(f"sequence {sequence} is not after {seen['last_sequence']}: "
                                      "replayed or out of order", branch_id)
            folder = self.store / branch_id
            folder.mkdir(exist_ok=True)
            write_atomically(folder / f"{sequence:08d}-{summary_id}.json",
                             lambda handle: handle.write(signing.canonical(envelope)))
            seen["ids"].append(summary_id)
            seen["last_sequence"] = sequence
            write_text_atomically(self.store / "ledger.json", json.dumps(self._ledger, indent=1))
        log.info("accepted summary %s of branch %s", sequence, branch_id)
        return Verdict(True, False, "accepted", branch_id, sequence)

    def _rejected(self, reason: str, branch_id: str = "") -> Verdict:
        log.warning("rejected a summary%s: %s", f" of branch {branch_id}" if branch_id else "", reason)
        return Verdict(False, False, reason, branch_id)

    def latest(self) -> dict[str, dict[str, Any]]:
        """Each branch's newest accepted payload."""
        newest = {}
        for folder in sorted(p for p in self.store.iterdir() if p.is_dir()):
            files = sorted(folder.glob("*.json"))
            if files:
                newest[folder.name] = json.loads(files[-1].read_bytes())["payload"]
        return newest

    def merged_csv(self) -> str:
        """One table of every branch's newest summary: a row per published cell."""
        out = io.StringIO()
        writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for branch_id, payload in self.latest().items():
            for table in payload["tables"]:
                for cell in table["cells"]:
                    writer.writerow({
                        "branch_id": branch_id, "sequence": payload["sequence"],
                        "period_from": payload["period"]["from"], "period_to": payload["period"]["to"],
                        "table": table["table"], "row": cell["row"], "column": cell["column"],
                        "customers": "" if cell["customers"] is None else cell["customers"],
                        "aum": "" if cell.get("aum") is None else cell["aum"],
                        "suppressed": "yes" if cell["suppressed"] else "no"})
        return out.getvalue()


def ingest_folder(collector: Collector, folder: str | Path) -> list[tuple[str, Verdict]]:
    return [(path.name, collector.receive(path.read_bytes()))
            for path in sorted(Path(folder).glob("*.json"))]


def make_server(collector: Collector, host: str, port: int, *, tls_cert: str | None = None,
                tls_key: str | None = None) -> http.server.ThreadingHTTPServer:
    """A receiver for POST /summaries; HTTPS when given a certificate and key."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            if self.path.rstrip("/") != "/summaries":
                return self._reply(404, {"accepted": False, "reason": "POST /summaries"})
            length = int(self.headers.get("Content-Length") or 0)
            if not 0 < length <= MAX_BODY:
                return self._reply(413, {"accepted": False, "reason": "body empty or too large"})
            verdict = collector.receive(self.rfile.read(length))
            self._reply(verdict.status(), verdict.to_json())

        def _reply(self, code: int, answer: dict[str, Any]) -> None:
            body = json.dumps(answer).encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            log.info("%s %s", self.address_string(), format % args)

    server = http.server.ThreadingHTTPServer((host, port), Handler)
    if tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(tls_cert, tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    return server

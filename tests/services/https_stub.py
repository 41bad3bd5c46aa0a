"""A small HTTPS stand-in for head office, for the branch side's tests: it answers POST
/summaries with whatever answers a test scripts (200, 409 duplicate, 400 with a reason, 503),
records every body it received, listens on 127.0.0.1 only, with a certificate from a private CA
made by openssl for the test."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ACCEPTED = (200, {"accepted": True})
DUPLICATE = (409, {"duplicate": True})
UNAVAILABLE = (503, {"reason": "collector restarting"})


def refused(reason: str) -> tuple[int, dict]:
    return 400, {"reason": reason}


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


def make_certificates(folder: Path) -> dict[str, Path]:
    """A private CA that signed a certificate for localhost / 127.0.0.1, and an unrelated CA."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make test certificates")
    for ca in ("ca", "other_ca"):
        _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={ca}",
                 "-keyout", str(folder / f"{ca}.key"), "-out", str(folder / f"{ca}.pem"))
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
             "-keyout", str(folder / "server.key"), "-out", str(folder / "server.csr"))
    (folder / "ext.cnf").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    _openssl("x509", "-req", "-in", str(folder / "server.csr"), "-CA", str(folder / "ca.pem"),
             "-CAkey", str(folder / "ca.key"), "-CAcreateserial", "-days", "2",
             "-extfile", str(folder / "ext.cnf"), "-out", str(folder / "server.pem"))
    return {"ca": folder / "ca.pem", "other_ca": folder / "other_ca.pem",
            "cert": folder / "server.pem", "key": folder / "server.key"}


class Stub:
    """Answers are taken in turn; once they run out, every request is accepted."""

    def __init__(self) -> None:
        self.answers: list[tuple[int, dict]] = []
        self.received: list[bytes] = []
        self.url = ""


@contextmanager
def serve(certificates: dict[str, Path]) -> Iterator[Stub]:
    stub = Stub()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server API)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with lock:
                code, answer = stub.answers.pop(0) if stub.answers else ACCEPTED
                if self.path == "/summaries" and code in (200, 409):
                    stub.received.append(body)
            raw = json.dumps(answer).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(certificates["cert"]), str(certificates["key"]))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stub.url = f"https://127.0.0.1:{server.server_address[1]}/summaries"
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

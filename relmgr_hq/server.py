"""Running the collector on uvicorn: in the foreground for `relmgr-hq serve`, or in a thread on
an already bound socket for the tests and the bench (port 0 picks a free port)."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator

import uvicorn
from sqlalchemy.engine import Engine

from relmgr_hq.app import create_app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def config(engine: Engine, *, host: str, port: int, tls_cert: str | None, tls_key: str | None,
           log_level: str = "info", access_log: bool = True) -> uvicorn.Config:
    return uvicorn.Config(create_app(engine), host=host, port=port, ssl_certfile=tls_cert,
                          ssl_keyfile=tls_key, log_level=log_level, access_log=access_log,
                          log_config=None, timeout_graceful_shutdown=5)


def bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock


@contextlib.contextmanager
def running(engine: Engine, *, host: str = "127.0.0.1", port: int = 0, tls_cert: str | None = None,
            tls_key: str | None = None) -> Iterator[str]:
    """The collector served in a background thread until the block ends; yields its base URL."""
    sock = bind(host, port)
    server = uvicorn.Server(config(engine, host=host, port=port, tls_cert=tls_cert, tls_key=tls_key,
                                   log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name="relmgr-hq-server")
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("the collector did not start")
        time.sleep(0.02)
    scheme = "https" if tls_cert else "http"
    try:
        yield f"{scheme}://{'localhost' if tls_cert else host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()

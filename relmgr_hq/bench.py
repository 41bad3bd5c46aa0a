"""`relmgr-hq bench`: simulated branches send signed summaries concurrently to one collector on
loopback (its own process, over HTTPS with a throw-away CA, through the branches' own transport),
then every summary is checked to be stored exactly once.

Each simulated branch has its own Ed25519 key and enrolment and sends its summaries in sequence
order, as a branch's outbox does; the branches run at once. Signing happens before the clock
starts: what is measured is the collector."""

from __future__ import annotations

import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from relmgr.services.sync import signing, transport
from relmgr.services.sync.summary import SCHEMA
from relmgr_hq import store, tls

TIERS = ["PRIVATE", "WEALTH", "VIP", "MASS"]
STAGES = ["ACQUISITION", "GROWTH", "MATURITY", "DECLINE", "CHURNED"]


def synthetic_payload(branch_id: str, sequence: int, rng: random.Random) -> dict[str, Any]:
    """A payload shaped like a branch's summary (one tier x stage table with totals)."""
    counts = [[rng.choice([0, rng.randint(10, 80)]) for _ in STAGES] for _ in TIERS]
    cells = []
    for tier, row in zip(TIERS + ["TOTAL"], counts + [[sum(c) for c in zip(*counts)]]):
        for stage, n in zip(STAGES + ["TOTAL"], row + [sum(row)]):
            cells.append({"row": tier, "column": stage, "customers": n, "suppressed": False,
                          "aum": n * 300_000})
    day = dt.date(2026, 1, 1) + dt.timedelta(days=sequence)
    return {"schema": SCHEMA, "branch_id": branch_id, "summary_id": str(uuid.uuid4()),
            "sequence": sequence, "period": {"from": day.replace(day=1).isoformat(),
                                             "to": day.isoformat()},
            "k": 10, "aum_rounding": 100_000, "differential_privacy": None,
            "tables": [{"table": "customers_by_tier_and_stage", "rows": "tier", "columns": "stage",
                        "cells": cells}],
            "model_quality": {"published": False, "reason": "benchmark"}}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_collector(url: str, port: int, certs: dict[str, Path]) -> subprocess.Popen[bytes]:
    # The URL goes in the environment: a PostgreSQL password stays off the process list.
    command = [sys.executable, "-m", "relmgr_hq", "serve", "--port", str(port),
               "--tls-cert", str(certs["cert"]), "--tls-key", str(certs["key"])]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "RELMGR_HQ_DB": url,
                                    "PYTHONPATH": str(Path(__file__).parents[1])})
    context = transport.tls_context(str(certs["ca"]))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the collector stopped at start-up")
        try:
            urllib.request.urlopen(f"https://localhost:{port}/health", timeout=2, context=context)
            return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("the collector did not answer within 60 s")


def run(engine: Engine, *, branches: int, summaries: int, workers: int | None = None) -> dict[str, Any]:
    run_id = uuid.uuid4().hex[:8]
    rng = random.Random(run_id)
    names = [f"BENCH-{run_id}-{i:04d}" for i in range(branches)]
    per_branch = [summaries // branches + (i < summaries % branches) for i in range(branches)]
    bodies: dict[str, list[bytes]] = {}
    for name, n in zip(names, per_branch):
        private = signing.new_key()
        store.enrol(engine, name, signing.public_key(private))
        bodies[name] = [signing.canonical(signing.sign(synthetic_payload(name, seq, rng), private))
                        for seq in range(1, n + 1)]

    with tempfile.TemporaryDirectory(prefix="relmgr-hq-bench-") as folder:
        certs = tls.make_test_certificates(Path(folder))
        port = _free_port()
        collector = _start_collector(engine.url.render_as_string(hide_password=False), port, certs)
        url, ca = f"https://localhost:{port}/summaries", str(certs["ca"])

        def branch_sends(name: str) -> list[tuple[float, str]]:
            out = []
            for body in bodies[name]:
                start = time.perf_counter()
                try:
                    answer = transport.send(body, url, ca_bundle=ca, timeout=120)
                    result = "duplicate" if answer.get("duplicate") else "accepted"
                except (transport.SendFailed, transport.Refused) as error:
                    result = f"failed: {error}"
                out.append((time.perf_counter() - start, result))
            return out

        try:
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=workers or branches) as pool:
                results = [r for rs in pool.map(branch_sends, names) for r in rs]
            elapsed = time.perf_counter() - started
        finally:
            collector.terminate()
            collector.wait(timeout=30)

    with engine.connect() as conn:
        stored = dict(conn.execute(
            sa.select(store.summaries.c.branch_id, sa.func.count())
            .where(store.summaries.c.branch_id.in_(names)).group_by(store.summaries.c.branch_id)).all())
    latencies = sorted(seconds for seconds, _ in results)
    failed = [r for _, r in results if r.startswith("failed")]
    exact = all(stored.get(name, 0) == n for name, n in zip(names, per_branch))
    return {
        "database": engine.url.get_backend_name(), "branches": branches, "summaries": summaries,
        "stored": sum(stored.values()), "lost": summaries - sum(stored.values()),
        "failed_sends": len(failed), "first_failure": failed[0] if failed else None,
        "exactly_once": exact and not failed, "seconds": round(elapsed, 2),
        "throughput_per_s": round(summaries / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000, 1),
    }


def describe(result: dict[str, Any]) -> str:
    verdict = "every summary stored exactly once" if result["exactly_once"] else \
        f"NOT exactly once: {result['lost']} lost, {result['failed_sends']} failed " \
        f"({result['first_failure']})"
    return (f"{result['database']}: {result['branches']} branches sent {result['summaries']} "
            f"summaries in {result['seconds']} s: {result['throughput_per_s']}/s, "
            f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms; {verdict}")

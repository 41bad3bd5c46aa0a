"""What SQLCipher's `PRAGMA cipher_memory_security = ON` costs (the README's Security section).

One sample per process, because the setting is process-wide and cannot be switched off again:

    python installer/measure_memory_security.py on|off PORTFOLIO PASSWORD

prints CPU seconds (time.process_time: the host is shared, so wall-clock mostly measures the
neighbours) of unlock + customer table, a customer's 360 pane (mean of 50), a full segments
refresh and SQLCipher's page check. Run on and off interleaved, several times, on a copy of a
`relmgr demo` portfolio, and compare medians.
"""

from __future__ import annotations

import json
import sys
import time

import sqlcipher3


def main(mode: str, path: str, password: str) -> dict[str, object]:
    if mode == "on":
        sqlcipher3.connect(":memory:").execute("PRAGMA cipher_memory_security = ON")
    from relmgr.services.customers import load_customer_360, load_customer_list
    from relmgr.services.segments import refresh_segments
    from relmgr.storage import open_portfolio

    out: dict[str, object] = {}
    started = time.process_time()
    portfolio = open_portfolio(path, password)
    frame = load_customer_list(portfolio)
    out["unlock_table_s"] = time.process_time() - started
    ids = list(frame["customer_id"][:50])
    started = time.process_time()
    for customer_id in ids:
        load_customer_360(portfolio, customer_id)
    out["pane_ms"] = (time.process_time() - started) / len(ids) * 1000
    started = time.process_time()
    refresh_segments(portfolio)
    out["segments_refresh_s"] = time.process_time() - started
    started = time.process_time()
    portfolio.conn.execute("PRAGMA cipher_integrity_check").fetchall()
    out["cipher_integrity_check_s"] = time.process_time() - started
    out["memory_security"] = portfolio.conn.execute("PRAGMA cipher_memory_security").fetchone()[0]
    portfolio.close()
    return out


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("on", "off"):
        sys.exit(__doc__)
    print(json.dumps(main(*sys.argv[1:])))

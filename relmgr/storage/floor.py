"""The benchmark's floor: the customer list read with nothing but sqlcipher3 and pandas.

`relmgr bench` compares the app's unlock-to-table-ready time with this, the least any program
must spend to decrypt and read the same rows (see relmgr/bench.py).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import sqlcipher3

from relmgr.storage.customers import CUSTOMER_LIST_SQL


def read_customer_list_plain(path: Path, password: str) -> pd.DataFrame:
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(password)
        cursor = conn.execute(CUSTOMER_LIST_SQL)
        columns = [d[0] for d in cursor.description]
        return pd.DataFrame.from_records(cursor.fetchall(), columns=columns)
    finally:
        conn.close()

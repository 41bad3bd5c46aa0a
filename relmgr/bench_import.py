"""`relmgr bench --only import`: a bank's transactions export imported through a mapping, against
the raw floor and the strict exchange-format import of the same rows (issue 14).

The export is the shape of a real core-banking file: GB18030, ';', YYMMDD dates, '¥1,234.56'
amounts without sign, a 借/贷 column for the sign and Chinese transaction types. Three imports
of the same rows, each into a fresh copy of one portfolio holding the customers and accounts:

- floor: pandas `read_csv` of the exchange-format file + `executemany` through the portfolio's
  own connection, no checks;
- strict: `import_folder` of the exchange-format file (every check);
- mapped: `import_mapped` of the bank file through the mapping (every check and the conversion).

Each runs in a child process, which reports its own time and peak RSS (so neither the files'
generation nor another run counts). The ratios are throughputs: floor time / mapped time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

PASSWORD = "relmgr-bench-import"
AS_OF = dt.date(2021, 3, 31)
BASE_CUSTOMERS = 300
KINDS = {"SALARY": "代发工资", "DEPOSIT": "存现", "TRANSFER_IN": "转账转入", "TRANSFER_OUT": "转账转出",
         "WITHDRAWAL": "取现", "CARD_SPEND": "消费", "BILL_PAY": "缴费", "INTEREST": "结息", "FEE": "手续费"}
CHANNELS = ("BRANCH", "MOBILE", "ONLINE", "ATM", "POS", "SYSTEM")
BANK_FILE = "交易流水.txt"
IMPORT_TARGETS = {"import_mapped_ratio": ">= 0.5", "import_mapped_peak_rss_mb": "<= 800",
                  "xlsx_read_s": "<= 10 (100,000 rows)"}


def _base_portfolio(folder: Path) -> tuple[Path, pd.DataFrame]:
    """A portfolio with the demo's customers, products and accounts; the accounts it holds."""
    from relmgr.services.demo import generate_demo_frames
    from relmgr.services.importer import import_folder
    from relmgr.services.importer.spec import BY_TABLE
    from relmgr.storage import create_portfolio

    frames = generate_demo_frames(customers=BASE_CUSTOMERS, seed=2026, as_of=AS_OF)
    exchange = folder / "base"
    exchange.mkdir()
    for table in ("customers", "products", "holdings"):
        frames[table].reindex(columns=BY_TABLE[table].column_names).to_csv(exchange / f"{table}.csv", index=False)
    path = folder / "base.rmdb"
    with create_portfolio(path, PASSWORD) as portfolio:
        import_folder(portfolio, exchange)
    return path, frames["holdings"][["holding_id", "customer_id"]]


def _transactions(holdings: pd.DataFrame, rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(14)
    which = rng.integers(0, len(holdings), rows)
    days = rng.integers(0, 365, rows)
    amount = np.round(rng.lognormal(6.5, 1.4, rows), 2) * np.where(rng.random(rows) < 0.45, 1, -1)
    return pd.DataFrame({
        "txn_id": np.arange(1, rows + 1), "customer_id": holdings["customer_id"].to_numpy()[which],
        "holding_id": holdings["holding_id"].to_numpy()[which],
        "txn_date": (np.datetime64(AS_OF) - days.astype("timedelta64[D]")).astype(str),
        "amount": amount, "kind": np.array(list(KINDS))[rng.integers(0, len(KINDS), rows)],
        "channel": np.array(CHANNELS)[rng.integers(0, len(CHANNELS), rows)]})


def _write_files(folder: Path, txns: pd.DataFrame) -> dict[str, Path]:
    """The exchange-format file, the bank's export of the same rows and its mapping."""
    strict = folder / "strict"
    strict.mkdir()
    txns.to_csv(strict / "transactions.csv", index=False)
    bank = folder / "bank"
    bank.mkdir()
    magnitude = txns["amount"].abs()
    pd.DataFrame({
        "交易流水号": txns["txn_id"], "客户号": txns["customer_id"], "账号": txns["holding_id"],
        "交易日期": txns["txn_date"].str.slice(2, 10).str.replace("-", "", regex=False),
        "交易金额": "¥" + magnitude.map("{:,.2f}".format),
        "借贷标志": np.where(txns["amount"] >= 0, "贷", "借"),
        "交易类型": txns["kind"].map(KINDS), "交易渠道": txns["channel"],
    }).to_csv(bank / BANK_FILE, sep=";", index=False, encoding="gb18030", lineterminator="\r\n")
    mapping = folder / "bank-mapping.json"
    mapping.write_text(json.dumps({"name": "bench-bank", "century_pivot": 50, "tables": {"transactions": {
        "file": BANK_FILE, "columns": {"txn_id": "交易流水号", "customer_id": "客户号", "holding_id": "账号",
                                       "txn_date": "交易日期", "amount": "交易金额", "kind": "交易类型",
                                       "channel": "交易渠道"},
        "formats": {"txn_date": "YYMMDD", "amount": "1,234.56"},
        "codes": {"kind": {v: k for k, v in KINDS.items()}},
        "sign": {"column": "借贷标志", "codes": {"贷": 1, "借": -1}}}}}, ensure_ascii=False), encoding="utf-8")
    return {"strict": strict, "bank": bank, "mapping": mapping}


def _write_workbook(path: Path, txns: pd.DataFrame) -> None:
    from openpyxl import Workbook

    # Written as Excel writes a workbook (shared strings, recorded dimensions), not streamed.
    book = Workbook()
    sheet = book.active
    sheet.title = "交易流水"
    sheet.append(["交易流水号", "客户号", "账号", "交易日期", "交易金额", "交易类型"])
    dates = pd.to_datetime(txns["txn_date"]).dt.date
    for row in zip(txns["txn_id"].tolist(), txns["customer_id"], txns["holding_id"], dates,
                   txns["amount"].tolist(), txns["kind"].map(KINDS), strict=True):
        sheet.append(list(row))
    book.save(path)


# -- the timed steps, each in its own process ---------------------------------------------------
def _floor(portfolio: Path, strict: Path) -> None:
    from relmgr.storage import open_portfolio

    frame = pd.read_csv(strict / "transactions.csv")
    columns = ", ".join(frame.columns)
    marks = ", ".join("?" * len(frame.columns))
    # The portfolio's own connection, no migrations and none of the importer's checks.
    with open_portfolio(portfolio, PASSWORD, migrate=False) as opened, opened.transaction() as conn:
        conn.executemany(f"INSERT INTO transactions ({columns}) VALUES ({marks})",
                         frame.astype(object).itertuples(index=False, name=None))


def _strict(portfolio: Path, strict: Path) -> None:
    from relmgr.services.importer import import_folder
    from relmgr.storage import open_portfolio

    with open_portfolio(portfolio, PASSWORD) as opened:
        import_folder(opened, strict)


def _mapped(portfolio: Path, bank: Path, mapping: Path) -> None:
    from relmgr.services.mapping import import_mapped
    from relmgr.storage import open_portfolio

    with open_portfolio(portfolio, PASSWORD) as opened:
        import_mapped(opened, bank, str(mapping))


def _xlsx(path: Path) -> None:
    from relmgr.services.mapping.sniff import read_workbook

    read_workbook(path)


STEPS = {"floor": _floor, "strict": _strict, "mapped": _mapped, "xlsx": _xlsx}


def _child(step: str, *args: Path) -> dict[str, float]:
    code = ("import json, sys, time\n"
            # VmHWM: ru_maxrss would carry over the peak of the bench process that starts the child.
            "from relmgr.services.process_memory import peak_rss_mb\n"
            "from relmgr.bench_import import STEPS\n"
            # Loaded before the clock starts: the steps are timed, not the imports of modules.
            "import openpyxl, relmgr.services.mapping, relmgr.services.importer, relmgr.storage\n"
            "from pathlib import Path\n"
            "t0 = time.perf_counter()\n"
            f"STEPS[{step!r}](*map(Path, sys.argv[1:]))\n"
            "print(json.dumps({'s': time.perf_counter() - t0,"
            " 'rss_mb': peak_rss_mb()}))\n")
    result = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, env=dict(os.environ), check=False)
    if result.returncode != 0:
        raise RuntimeError(f"bench step {step} failed: {result.stderr.strip().splitlines()[-1:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench_import(*, rows: int = 500_000, repeats: int = 3, xlsx_rows: int = 100_000) -> dict[str, Any]:
    """Medians over `repeats` runs, interleaved so that a noisy neighbour hits all three."""
    with tempfile.TemporaryDirectory(prefix="relmgr-bench-import-") as tmp:
        folder = Path(tmp)
        base, holdings = _base_portfolio(folder)
        txns = _transactions(holdings, rows)
        files = _write_files(folder, txns)
        samples: dict[str, list[dict[str, float]]] = {"floor": [], "strict": [], "mapped": []}
        for i in range(repeats):
            for step, args in (("floor", (files["strict"],)), ("strict", (files["strict"],)),
                               ("mapped", (files["bank"], files["mapping"]))):
                copy = folder / f"{step}-{i}.rmdb"
                shutil.copyfile(base, copy)
                samples[step].append(_child(step, copy, *args))
                copy.unlink()
        result: dict[str, Any] = {"import_rows": rows}
        for step, runs in samples.items():
            result[f"import_{step}_s"] = round(statistics.median(r["s"] for r in runs), 2)
        result["import_mapped_peak_rss_mb"] = round(max(r["rss_mb"] for r in samples["mapped"]), 1)
        result["import_strict_peak_rss_mb"] = round(max(r["rss_mb"] for r in samples["strict"]), 1)
        result["import_mapped_ratio"] = round(result["import_floor_s"] / result["import_mapped_s"], 2)
        result["import_strict_ratio"] = round(result["import_floor_s"] / result["import_strict_s"], 2)
        result["import_mapped_vs_strict"] = round(result["import_strict_s"] / result["import_mapped_s"], 2)
        if xlsx_rows:
            workbook = folder / "交易流水.xlsx"
            _write_workbook(workbook, txns.head(xlsx_rows) if xlsx_rows <= rows else
                            _transactions(holdings, xlsx_rows))
            result["xlsx_rows"] = xlsx_rows
            result["xlsx_read_s"] = round(statistics.median(
                _child("xlsx", workbook)["s"] for _ in range(max(1, min(repeats, 3)))), 2)
    result["targets"] = dict(IMPORT_TARGETS)
    return result


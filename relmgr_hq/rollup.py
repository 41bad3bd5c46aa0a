"""Across branches: each enrolled branch's newest summary, added up per table, row and column.

A cell's total is the sum over the branches that published it. A branch that suppressed the cell
(fewer than k customers, or complementary suppression) adds nothing to it and is counted in
`suppressed_in`, so such a total is marked as a lower bound; nothing here tries to recover a
suppressed figure from totals."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from relmgr_hq import store


def _add(total: dict[str, Any], cell: dict[str, Any]) -> None:
    if cell.get("suppressed") or cell.get("customers") is None:
        total["suppressed_in"] += 1
        return
    total["branches"] += 1
    total["customers"] = (total["customers"] or 0) + int(cell["customers"])
    if "aum" in total and cell.get("aum") is not None:
        total["aum"] = (total["aum"] or 0) + int(cell["aum"])


def combine(newest: list[dict[str, Any]]) -> dict[str, Any]:
    """The rollup of the given stored summaries (one per branch)."""
    tables: dict[str, dict[str, Any]] = {}
    for row in newest:
        for table in row["payload"].get("tables", []):
            into = tables.setdefault(table["table"], {
                "table": table["table"], "rows": table.get("rows"), "columns": table.get("columns"),
                "cells": {}})
            for cell in table.get("cells", []):
                key = (str(cell["row"]), str(cell["column"]))
                total = into["cells"].setdefault(key, {
                    "row": key[0], "column": key[1], "customers": None, "branches": 0,
                    "suppressed_in": 0, **({"aum": None} if "aum" in cell else {})})
                _add(total, cell)
    for table in tables.values():
        table["cells"] = list(table["cells"].values())
        for cell in table["cells"]:
            cell["partial"] = cell["suppressed_in"] > 0
    return {
        "branches": [{"branch_id": r["branch_id"], "sequence": r["sequence"],
                      "period": {"from": r["period_from"], "to": r["period_to"]},
                      "k": r["payload"].get("k"),
                      "received_at": r["received_at"].isoformat(timespec="seconds")}
                     for r in newest],
        "tables": list(tables.values()),
    }


def build(engine: Engine) -> dict[str, Any]:
    return combine(store.newest_per_branch(engine))

"""The rollup as one self-contained HTML page: tables and inline SVG bar charts, no scripts and
nothing fetched from elsewhere (head office may be offline). Each figure cell carries its table,
row and column as data attributes, so a test can read the page back against the JSON."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

TITLES = {
    "customers_by_tier_and_stage": "Customers and AUM by tier and lifecycle stage",
    "customers_by_segment": "Customers and AUM by RFM segment",
    "contacts_due_by_tier": "Contacts made against contacts due, by tier",
    "recommendation_answers": "Answers to recommendations",
    "churn_band_by_handling": "Churn risk band by how warnings were handled",
}
STYLE = """
body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#1d2733;background:#fff;font-size:14px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d5dbe3}
p.note{color:#566372;margin:4px 0 12px} table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid #d5dbe3;padding:4px 8px;text-align:right} th{background:#eef2f7}
td.label,th.label{text-align:left} td.partial{background:#fff6e0} td.hidden{color:#8a96a3}
.charts,.grids{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start} svg text{font-size:12px;fill:#1d2733}
"""
BAR = "#2f6db5"
BAR_AUM = "#3a9a6a"


def _figure(value: int | None) -> str:
    return "•" if value is None else f"{value:,}"


def _chart(title: str, bars: list[tuple[str, int | None]], colour: str) -> str:
    bars = [(label, value) for label, value in bars if value is not None]
    if not bars:
        return ""
    top = max(value for _, value in bars) or 1
    height, label_w, bar_w = 24 * len(bars) + 30, 150, 300
    parts = [f'<svg role="img" aria-label="{escape(title)}" width="{label_w + bar_w + 110}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg">',
             f'<text x="0" y="14" font-weight="bold">{escape(title)}</text>']
    for i, (label, value) in enumerate(bars):
        y = 26 + 24 * i
        width = max(1, round(bar_w * value / top))
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{escape(label)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{width}" height="18" fill="{colour}"/>'
                     f'<text x="{label_w + width + 6}" y="{y + 14}">{value:,}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _cell(table: str, cell: dict[str, Any], field: str) -> str:
    value = cell.get(field)
    css = "hidden" if value is None else "partial" if cell["partial"] else ""
    mark = "†" if cell["partial"] and value is not None else ""
    return (f'<td class="{css}" data-table="{escape(table)}" data-row="{escape(cell["row"])}" '
            f'data-column="{escape(cell["column"])}" data-field="{field}" '
            f'data-value="{"" if value is None else value}">{_figure(value)}{mark}</td>')


def _grid(table: dict[str, Any], field: str) -> str:
    rows = list(dict.fromkeys(c["row"] for c in table["cells"]))
    columns = list(dict.fromkeys(c["column"] for c in table["cells"]))
    by_key = {(c["row"], c["column"]): c for c in table["cells"]}
    what = "AUM" if field == "aum" else "Customers"
    if len(rows) == 1:          # a one-row table reads better down the page
        body = "".join(f'<tr><td class="label">{escape(c)}</td>{_cell(table["table"], by_key[(rows[0], c)], field)}</tr>'
                       for c in columns if (rows[0], c) in by_key)
        return (f'<table><tr><th class="label">{escape(str(table["columns"]))}</th><th>{what}</th></tr>'
                f'{body}</table>')
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for row in rows:
        tds = "".join(_cell(table["table"], by_key[(row, c)], field) if (row, c) in by_key
                      else "<td></td>" for c in columns)
        body.append(f'<tr><td class="label">{escape(row)}</td>{tds}</tr>')
    return (f'<table><tr><th class="label">{what}: {escape(str(table["rows"]))} \\ '
            f'{escape(str(table["columns"]))}</th>{head}</tr>{"".join(body)}</table>')


def _bars(table: dict[str, Any], field: str) -> list[tuple[str, int | None]]:
    """Row totals of a grid; the columns of a one-row table."""
    if len({c["row"] for c in table["cells"]}) == 1:
        return [(c["column"], c.get(field)) for c in table["cells"] if c["column"] != "TOTAL"]
    return [(c["row"], c.get(field)) for c in table["cells"]
            if c["column"] == "TOTAL" and c["row"] != "TOTAL"]


def _section(table: dict[str, Any]) -> str:
    name = table["table"]
    title = TITLES.get(name, name)
    has_aum = any("aum" in c for c in table["cells"])
    charts = _chart("Customers", _bars(table, "customers"), BAR)
    if has_aum:
        charts += _chart("AUM", _bars(table, "aum"), BAR_AUM)
    grids = _grid(table, "customers") + (_grid(table, "aum") if has_aum else "")
    grids = f'<div class="grids">{grids}</div>'
    return f'<section id="{escape(name)}"><h2>{escape(title)}</h2><div class="charts">{charts}</div>{grids}</section>'


def render(rollup: dict[str, Any]) -> str:
    branches = rollup["branches"]
    periods = sorted({b["period"]["to"] for b in branches})
    span = f"{periods[0]} to {periods[-1]}" if periods else "none yet"
    listing = "".join(
        f'<tr><td class="label">{escape(b["branch_id"])}</td><td>{b["sequence"]}</td>'
        f'<td>{escape(b["period"]["from"])} – {escape(b["period"]["to"])}</td><td>{b["k"]}</td>'
        f'<td>{escape(b["received_at"])}</td></tr>' for b in branches)
    sections = "".join(_section(t) for t in rollup["tables"])
    made = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>relmgr head office rollup</title>
<style>{STYLE}</style></head><body>
<h1>Head office rollup</h1>
<p class="note"><span id="branch-count">{len(branches)}</span> branches, each one's newest summary;
data dates {escape(span)}; made {made}.</p>
<p class="note">Each figure is the sum over the branches that published the cell.
<b>•</b> no branch published it (each suppressed it: fewer than k customers).
<b>†</b> some branches suppressed it, so the figure is a lower bound.
AUM is rounded by each branch before it leaves.</p>
<table><tr><th class="label">Branch</th><th>Sequence</th><th>Period</th><th>k</th><th>Received</th></tr>
{listing}</table>
{sections}
</body></html>
"""

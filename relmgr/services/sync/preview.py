"""The summary in readable form: exactly the figures that leave, suppressed cells marked."""

from __future__ import annotations

from typing import Any

SUPPRESSED_MARK = "•"


def _figure(cell: dict[str, Any]) -> str:
    if cell["suppressed"]:
        return SUPPRESSED_MARK
    text = f"{cell['customers']}"
    if cell.get("aum") is not None:
        text += f" / {cell['aum'] / 1_000_000:.1f}m"
    return text


def noise_sentence(payload: dict[str, Any]) -> str:
    """Which figures are noisy and by how much (English; the page words its own)."""
    dp = payload.get("differential_privacy")
    if not dp:
        return "differential privacy: off (no figure is noisy)"
    return (f"differential privacy: epsilon {dp['epsilon']:g} over {dp['releases']} releases; "
            f"every cell's customers are noisy by up to ±{dp['counts']['interval_95']} "
            f"({dp['counts']['mechanism']}) and its AUM by up to ±{dp['aum']['interval_95']:,} "
            f"({dp['aum']['mechanism']}, AUM clipped at {dp['aum']['clipped_per_customer']:,} a "
            "customer), 95% of the time; totals are sums of the noisy cells; model quality is "
            "not noisy")


def preview_lines(payload: dict[str, Any]) -> list[str]:
    """Plain-text tables of a payload (signed or not: the payload part is what is read)."""
    lines = [f"branch {payload.get('branch_id', '?')}  period {payload['period']['from']} .. "
             f"{payload['period']['to']}  k = {payload['k']}  AUM rounded to "
             f"{payload['aum_rounding']:,}",
             noise_sentence(payload),
             f"{SUPPRESSED_MARK} = suppressed: fewer than k customers, or hidden so that totals "
             "cannot give a small cell back"]
    for table in payload["tables"]:
        rows = list(dict.fromkeys(c["row"] for c in table["cells"]))
        columns = list(dict.fromkeys(c["column"] for c in table["cells"]))
        by = {(c["row"], c["column"]): _figure(c) for c in table["cells"]}
        has_aum = any("aum" in c for c in table["cells"])
        lines += ["", f"{table['table']} ({table['rows']} x {table['columns']}; customers"
                      f"{' / AUM' if has_aum else ''})"]
        width = max(14, *(len(by[r, c]) for r in rows for c in columns))
        lines.append(" " * 14 + "".join(f"{c[:width]:>{width + 1}}" for c in columns))
        for row in rows:
            lines.append(f"{row[:14]:<14}" + "".join(f"{by[row, c]:>{width + 1}}" for c in columns))
    quality = payload["model_quality"]
    lines.append("")
    if quality.get("published"):
        lines.append(f"model quality ({quality['kind']}): " + ", ".join(
            f"{m} {v} (rule baseline {quality['rule_baseline'].get(m)})"
            for m, v in quality["model"].items()))
    else:
        lines.append(f"model quality: not published ({quality.get('reason')})")
    return lines

"""Plain-text output of `relmgr eval TARGET` (without --json): every figure with its 95% interval,
and the evaluation's sample warning first when there is one, so a figure measured on a handful of
customers is never read without it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _ci(interval: Iterable[float] | None) -> str:
    if not interval:
        return "(95% interval: n/a)"
    lo, hi = interval
    return f"(95% {lo:.3f}–{hi:.3f})"


def _figure(label: str, value: float | None, interval: Iterable[float] | None) -> str:
    shown = "n/a" if value is None else f"{value:.3f}"
    return f"  {label:<34} {shown:>6}  {_ci(interval)}"


def _warnings(result: dict[str, Any]) -> list[str]:
    return [f"WARNING: {result['warning']}"] if result.get("warning") else []


def _ranking(title: str, result: dict[str, Any], methods: Iterable[str]) -> list[str]:
    k = result.get("k", 3)
    lines = [title, *(f"  {w}" for w in _warnings(result))]
    for method in methods:
        numbers = result.get(method)
        if not numbers:
            continue
        lines.append(_figure(f"{method} hit-rate@{k}", numbers["hit_rate"], numbers["hit_rate_ci95"]))
        lines.append(_figure(f"{method} MAP@{k}", numbers["map"], numbers["map_ci95"]))
    lines.append(_figure("blended / popularity hit-rate", result.get("hit_rate_ratio"),
                         result.get("hit_rate_ratio_ci95")) + f"  target ≥ {result.get('target_ratio')}")
    return lines


def recommend_text(result: dict[str, Any]) -> list[str]:
    pit, llo = result["point_in_time"], result["leave_last_out"]
    return [
        f"as of {result['as_of']}, {result['customers']} customers, {result['seconds']} s",
        *_ranking(f"point in time (headline): portfolio as of {pit['cutoff']}, products opened until "
                  f"{pit['truth_until']} as the truth; {pit['evaluated']} customers evaluated, "
                  f"{pit['excluded_unsuitable']} left out (nothing suitable opened)",
                  pit, ("blended", "popularity", "recent_openings")),
        *_ranking(f"leave last out (second figure; leaks the hidden product's balance and later "
                  f"signals): {llo['evaluated']} customers evaluated",
                  llo, ("blended", "popularity", "peers_only", "next_only")),
    ]


def churn_text(result: dict[str, Any]) -> list[str]:
    if "nested" in result or "untuned" in result:           # k-fold on a flat snapshot
        lines = [f"{result['file']}: {result['rows']} rows, {result['positives']} positives, "
                 f"{result['folds']}-fold, {result['seconds']} s", *_warnings(result)]
        for name in ("untuned", "nested", "logistic"):
            part = result.get(name)
            if part:
                lines.append(_figure(f"{name} ROC-AUC (fold mean)", part["roc_auc_mean"],
                                     part.get("roc_auc_ci95")))
        lines.append("  (intervals: ROC-AUC of the pooled out-of-fold predictions, bootstrapped)")
        if result.get("nested", {}).get("chosen"):
            lines.append(f"  hyper-parameters chosen per outer fold (inner CV): {result['nested']['chosen']}")
        return lines
    lines = [f"as of {result['as_of']}: {result['kind']} {result.get('note') or ''}".rstrip(),
             *_warnings(result)]
    for name in ("model", "logistic", "rule"):
        part = result.get(name) or {}
        for metric in ("roc_auc", "pr_auc", "top_decile_lift"):
            if metric in part:
                lines.append(_figure(f"{name} {metric}", part[metric], part.get(f"{metric}_ci95")))
    if result.get("model_minus_rule_roc_auc") is not None:
        lines.append(_figure("model − rule ROC-AUC", result["model_minus_rule_roc_auc"],
                             result.get("model_minus_rule_roc_auc_ci95")))
    return lines


def alerts_text(result: dict[str, Any]) -> list[str]:
    lines = [f"as of {result['as_of']}: {result['planted_events']} planted events, "
             f"{result['alerts']} alerts, {result['customers_alerted']} customers alerted",
             *_warnings(result)]
    for name in ("shown", "top10", "top20"):
        for metric in ("precision", "recall"):
            key = f"{metric}_{name}"
            lines.append(_figure(key, result.get(key), result.get(f"{key}_ci95")))
    return lines


TEXT = {"recommend": recommend_text, "churn": churn_text, "alerts": alerts_text}

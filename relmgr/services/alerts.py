"""Unusual-activity alerts for the RM (issue 18): detection (analytics/unusual.py) over the
portfolio's transactions at the data date, the reason of each in words, marking one checked with
a note, and the evaluation against the demo's planted events.

Checking needs no table of its own: a check is an audit row (action ALERT_CHECKED, target the
alert's key, detail {"note"}), and the audit log is where it must be recorded anyway; an alert
is checked when such a row names its key. The key is customer:signal:txn_id, stable while the
transactions stay as imported.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from relmgr.analytics.uncertainty import bootstrap_draws, mean_interval, sample_warning
from relmgr.analytics.unusual import AlertRules, detect_unusual, quiet_before_window
from relmgr.domain.codes import AuditAction
from relmgr.services import audit, data_date
from relmgr.services.changes import Topic, writes
from relmgr.services.wording import LANGUAGES, say
from relmgr.services.wording.alerts import DISCLAIMER, reason, signal_name
from relmgr.storage import alerts_store as store
from relmgr.storage.portfolio import Portfolio

MAX_NOTE_CHARS = 500


def _keys(alerts: pd.DataFrame) -> pd.Series:
    """customer:signal:txn_id of each alert."""
    if not len(alerts):
        return pd.Series([], index=alerts.index, dtype=object)
    return (alerts["customer_id"].astype(str) + ":" + alerts["signal"].astype(str) + ":"
            + alerts["txn_id"].astype(np.int64).astype(str))


def load_alerts(portfolio: Portfolio, *, today: dt.date | None = None,
                rules: AlertRules = AlertRules()) -> tuple[dt.date, pd.DataFrame]:
    """(data date, alerts with key, checked, note), strongest first."""
    as_of = data_date.as_of(portfolio, today)
    window_start = as_of - dt.timedelta(days=rules.window_days - 1)
    txns = store.read_behaviour(portfolio, since=window_start - dt.timedelta(days=rules.history_days),
                                until=as_of)
    quiet = quiet_before_window(txns, as_of=as_of, rules=rules)
    alerts = detect_unusual(txns, as_of=as_of, last_before=store.last_before(portfolio, window_start, quiet),
                            rules=rules)
    alerts["key"] = _keys(alerts)
    checks = audit.list_audit(portfolio, action=AuditAction.ALERT_CHECKED, limit=None)
    notes = {}
    for _, row in checks.iloc[::-1].iterrows():  # oldest first: the newest note wins
        detail = audit.detail_of(row["detail"])
        notes[row["target"]] = detail.get("note", "") if isinstance(detail, dict) else ""
    alerts["checked"] = alerts["key"].isin(list(notes))
    alerts["note"] = [notes.get(key, "") for key in alerts["key"]]
    return as_of, alerts


def alerts_json(portfolio: Portfolio, *, today: dt.date | None = None) -> dict[str, Any]:
    as_of, alerts = load_alerts(portfolio, today=today)
    rows = []
    for _, row in alerts.iterrows():
        rows.append({"key": row["key"], "customer_id": row["customer_id"], "signal": row["signal"],
                     "txn_id": int(row["txn_id"]), "txn_date": row["txn_date"],
                     "amount": float(row["amount"]), "severity": float(row["severity"]),
                     "checked": bool(row["checked"]),
                     "signal_name": {lang: signal_name(row["signal"], language=lang) for lang in LANGUAGES},
                     "reason": {lang: reason(row, language=lang) for lang in LANGUAGES}})
    return {"as_of": as_of.isoformat(), "alerts": len(rows),
            "customers": int(alerts["customer_id"].nunique()) if len(alerts) else 0,
            "notice": {lang: say(DISCLAIMER, lang) for lang in LANGUAGES}, "rows": rows}


@writes(Topic.AUDIT)
def check_alert(portfolio: Portfolio, *, key: str, note: str, today: dt.date | None = None) -> None:
    """Mark the alert `key` checked with the RM's note (audited). ValueError for an unknown key
    or a note that is empty or too long."""
    note = (note or "").strip()
    if not note:
        raise ValueError("a checked alert needs a note saying what the customer said or did")
    if len(note) > MAX_NOTE_CHARS:
        raise ValueError(f"the note is longer than {MAX_NOTE_CHARS} characters")
    _, alerts = load_alerts(portfolio, today=today)
    if key not in set(alerts["key"]):
        raise ValueError(f"no current alert {key!r}")
    audit.record(portfolio, action=AuditAction.ALERT_CHECKED, target=key, detail={"note": note})


# Below this many customers with a planted event, precision and recall swing by chance.
MIN_PLANTED = 30


def evaluate_alerts(portfolio: Portfolio) -> dict[str, Any]:
    """Precision and recall of the alerts against the events the demo generator planted, per
    customer (an RM calls customers, not transactions), at the alert volume shown (all alerts)
    and at the top 10 and 20 customers by severity. Only for a demo portfolio."""
    from relmgr.services.demo import generate_demo

    seed = portfolio.get_meta("demo_seed")
    if seed is None:
        raise ValueError("eval alerts needs a demo portfolio (relmgr demo): only the demo knows "
                         "which unusual events it planted")
    as_of, alerts = load_alerts(portfolio)
    (customers,), = portfolio.query("SELECT COUNT(*) FROM customers")
    truth = generate_demo(customers=int(customers), seed=int(seed), as_of=as_of).planted_unusual()
    planted = set(truth["customer_id"])
    ranked = list(alerts.sort_values("severity", ascending=False)["customer_id"].drop_duplicates())
    result: dict[str, Any] = {"as_of": as_of.isoformat(), "planted_events": len(truth),
                              "alerts": len(alerts), "customers_alerted": len(ranked)}
    # 95% bootstrap intervals: precision resamples the customers alerted, recall the customers
    # with a planted event.
    planted_list = sorted(planted)
    for name, shown in (("shown", ranked), ("top10", ranked[:10]), ("top20", ranked[:20])):
        hits = len(set(shown) & planted)
        result[f"precision_{name}"] = round(hits / len(shown), 3) if shown else None
        result[f"recall_{name}"] = round(hits / len(planted), 3) if planted else None
        correct = np.array([c in planted for c in shown], dtype=np.float64)
        found = np.array([c in set(shown) for c in planted_list], dtype=np.float64)
        result[f"precision_{name}_ci95"] = mean_interval(correct, bootstrap_draws(len(correct)), digits=3)
        result[f"recall_{name}_ci95"] = mean_interval(found, bootstrap_draws(len(found)), digits=3)
    result["warning"] = sample_warning(count=len(planted), minimum=MIN_PLANTED,
                                       what="customers with a planted unusual event")
    result["recall_by_kind"] = {kind: round(float(group["customer_id"].isin(ranked).mean()), 3)
                                for kind, group in truth.groupby("kind")}
    return result

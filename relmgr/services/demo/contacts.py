"""The demo's relationship side: contact history and open tasks (campaigns: demo/campaigns.py).

Valuable customers are contacted more often; some who drift away got a retention call, and
complaints are more common among those who later leave (a signal, not a verdict). Notes are
short working notes of the kind RMs write, and never contain personal data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from relmgr.domain.codes import ContactChannel, ContactOutcome, ContactPurpose
from relmgr.services.demo.generator import _NEVER, Population

_NOTES = {
    ContactPurpose.SERVICE: ("例行回访，客户对服务满意", "协助办理手机银行开通", "提醒更新身份证件有效期",
                             "客户咨询转账限额", "告知网点营业时间调整"),
    ContactPurpose.SALES: ("介绍大额存单，客户表示考虑", "推荐固收理财产品", "介绍基金定投",
                           "推荐白金信用卡", "介绍年金保险"),
    ContactPurpose.CARE: ("生日问候", "节日问候", "邀请参加客户沙龙", "提醒定期存款即将到期"),
    ContactPurpose.RETENTION: ("了解客户资金转出原因", "客户提到他行利率更高", "挽留沟通，客户未明确表态"),
    ContactPurpose.COMPLAINT: ("客户投诉排队时间过长", "客户投诉手续费", "客户对理财收益不满"),
}
_OUTCOMES = {
    ContactPurpose.SERVICE: ((ContactOutcome.REACHED, 0.8), (ContactOutcome.NO_ANSWER, 0.2)),
    ContactPurpose.SALES: ((ContactOutcome.INTERESTED, 0.25), (ContactOutcome.DECLINED, 0.35),
                           (ContactOutcome.REACHED, 0.2), (ContactOutcome.NO_ANSWER, 0.2)),
    ContactPurpose.CARE: ((ContactOutcome.REACHED, 0.75), (ContactOutcome.NO_ANSWER, 0.25)),
    ContactPurpose.RETENTION: ((ContactOutcome.REACHED, 0.5), (ContactOutcome.DECLINED, 0.3),
                               (ContactOutcome.NO_ANSWER, 0.2)),
    ContactPurpose.COMPLAINT: ((ContactOutcome.COMPLAINT, 1.0),),
}
_CHANNELS = (ContactChannel.PHONE, ContactChannel.WECHAT, ContactChannel.VISIT, ContactChannel.SMS)
_CHANNEL_P = np.array([0.5, 0.3, 0.15, 0.05])


def interactions_frame(rng: np.random.Generator, pop: Population, people: dict) -> pd.DataFrame:
    cal, n = pop.cal, len(pop.ids)
    first, end = people["first_day"], np.minimum(pop.churn_day, cal.last_day + 1)
    span = np.maximum(end - first, 1)
    rate = 0.06 + 0.22 * (pop.wealth >= 50e3) + 0.35 * (pop.wealth >= 600e3) + 0.5 * (pop.wealth >= 6e6)
    counts = rng.poisson(rate * span / 30.44)
    cust = np.repeat(np.arange(n), counts)
    day = first[cust] + (rng.random(len(cust)) * span[cust]).astype(int)
    purpose = rng.choice(np.array([ContactPurpose.SERVICE, ContactPurpose.SALES, ContactPurpose.CARE],
                                  dtype=object), len(cust), p=[0.45, 0.35, 0.2])

    # Retention calls for some drifting leavers; complaints, more often among leavers.
    drifting = np.flatnonzero(people["drifts"] & (people["drift_start"] <= cal.last_day)
                              & (rng.random(n) < 0.3))
    retention_day = np.minimum(people["drift_start"][drifting] + rng.integers(15, 60, len(drifting)),
                               np.minimum(pop.churn_day[drifting] - 1, cal.last_day))
    leaves = pop.churn_day < _NEVER
    complains = np.flatnonzero(rng.random(n) < np.where(leaves, 0.08, 0.025))
    complaint_day = np.where(leaves[complains], pop.churn_day[complains] - rng.integers(20, 180, len(complains)),
                             first[complains] + (rng.random(len(complains)) * span[complains]).astype(int))
    complaint_day = np.clip(complaint_day, first[complains], cal.last_day)
    cust = np.concatenate([cust, drifting, complains])
    day = np.concatenate([day, retention_day, complaint_day])
    purpose = np.concatenate([purpose, np.full(len(drifting), ContactPurpose.RETENTION, dtype=object),
                              np.full(len(complains), ContactPurpose.COMPLAINT, dtype=object)])
    keep = (day >= first[cust]) & (day <= cal.last_day)
    cust, day, purpose = cust[keep], day[keep], purpose[keep]

    outcome = np.empty(len(cust), dtype=object)
    note = np.empty(len(cust), dtype=object)
    for p in _OUTCOMES:
        mask = purpose == p
        codes, probs = zip(*_OUTCOMES[p], strict=True)
        outcome[mask] = rng.choice(np.array([c.value for c in codes], dtype=object), mask.sum(), p=list(probs))
        notes = np.array(_NOTES[p], dtype=object)
        note[mask] = notes[rng.integers(0, len(notes), mask.sum())]
    channel = rng.choice(np.array([c.value for c in _CHANNELS], dtype=object), len(cust), p=_CHANNEL_P)
    channel = np.where(purpose == ContactPurpose.COMPLAINT, ContactChannel.VISIT.value, channel)
    seconds = rng.integers(9 * 3600, 17 * 3600, len(cust))
    occurred = [f"{d}T{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"
                for d, s in zip(cal.iso(day), seconds)]
    frame = pd.DataFrame({"customer_id": pop.ids[cust], "occurred_at": occurred, "channel": channel,
                          "purpose": [str(p) for p in purpose], "outcome": outcome, "note": note})
    frame = frame.sort_values(["customer_id", "occurred_at"], kind="stable").reset_index(drop=True)
    frame.insert(0, "interaction_id", np.arange(1, len(frame) + 1))
    return frame


_TASK_TITLES = ("回访：定期存款到期续存", "跟进理财产品到期", "补充客户风险测评", "邀约面谈资产配置",
                "跟进信用卡申请进度")


def tasks_frame(rng: np.random.Generator, pop: Population) -> pd.DataFrame:
    """A handful of open follow-ups around the data date, some already overdue."""
    cal = pop.cal
    active = np.flatnonzero(pop.churn_day > cal.last_day)
    chosen = active[rng.random(len(active)) < 0.02]
    due = cal.last_day + rng.integers(-10, 15, len(chosen))
    created = due - rng.integers(5, 30, len(chosen))
    frame = pd.DataFrame({
        "customer_id": pop.ids[chosen],
        "title": np.array(_TASK_TITLES, dtype=object)[rng.integers(0, len(_TASK_TITLES), len(chosen))],
        "due_on": cal.iso(due),
        "status": "OPEN",
        "created_at": [f"{d}T09:00:00" for d in cal.iso(np.minimum(created, cal.last_day))],
        "done_at": None,
        "note": "",
    })
    frame.insert(0, "task_id", np.arange(1, len(frame) + 1))
    return frame

"""Follow-up lists by service tier and by lifecycle stage, for export.

One list per tier (`tier-private` … `tier-mass`) and one per stage (`stage-acquisition` …
`stage-churned`), read from the stored segments (services.segments), highest 3-month average AUM
first. Rows carry the full name and phone like every named list: services.export masks them
unless the RM explicitly exports unmasked. Exported files are read outside the app, so tiers,
stages and stage reasons are written out in words (relmgr.services.wording.segments), the reasons
with their numbers, in the export's language.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from relmgr.domain.segments import Stage, Tier
from relmgr.services.segments import load_segments
from relmgr.services.wording import exports, segments
from relmgr.storage import worklist_store
from relmgr.storage.portfolio import Portfolio

TIER_LISTS: dict[str, Tier] = {f"tier-{tier.value.lower()}": tier for tier in Tier}
STAGE_LISTS: dict[str, Stage] = {f"stage-{stage.value.lower()}": stage for stage in Stage}


def is_segment_list(list_name: str) -> bool:
    return list_name in TIER_LISTS or list_name in STAGE_LISTS


def segment_list_title(list_name: str, *, language: str) -> str:
    if list_name in TIER_LISTS:
        return exports.tier_list_title(TIER_LISTS[list_name], language=language)
    return exports.stage_list_title(STAGE_LISTS[list_name], language=language)


def segment_list(portfolio: Portfolio, *, list_name: str, today: dt.date,
                 language: str) -> pd.DataFrame | None:
    """The customers of one tier or stage list (UNMASKED: export masks), or None when the
    segments were never computed. `today` is unused: the list is as of the last refresh."""
    stored = load_segments(portfolio)
    if stored is None:
        return None
    frame = stored.customers
    if list_name in TIER_LISTS:
        chosen = frame[(frame["tier"] == TIER_LISTS[list_name].value).to_numpy()]
    else:
        chosen = frame[(frame["stage"] == STAGE_LISTS[list_name].value).to_numpy()]
    chosen = chosen.sort_values(["avg_aum_3m", "customer_id"], ascending=[False, True])
    people = worklist_store.read_customer_contact_fields(portfolio, chosen["customer_id"])
    chosen = chosen.merge(people[["customer_id", "name", "phone"]], on="customer_id", how="left")
    return pd.DataFrame({
        "customer_id": chosen["customer_id"], "name": chosen["name"], "phone": chosen["phone"],
        "tier": [segments.tier(t, language=language) for t in chosen["tier"]],
        "stage": [segments.stage(s, language=language) for s in chosen["stage"]],
        "stage_since": chosen["stage_since"],
        "stage_reason": [segments.stage_reason(r, d, language=language)
                         for r, d in zip(chosen["stage_reason"], chosen["stage_detail"], strict=True)],
        "avg_aum_3m": chosen["avg_aum_3m"].round(2),
        "last_contact_on": chosen["last_contact_on"],
        "due_on": chosen["due_on"],
    }).reset_index(drop=True)

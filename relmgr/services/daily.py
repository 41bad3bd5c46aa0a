"""Bringing the stored analytics up to the portfolio's data date, as one long operation.

Tiers, RFM segments, clusters and lifecycle stages (services.segments) and churn scores
(services.churn) are stored with the data date they describe. After an import, or on the first
open of a new portfolio, they describe an older date. The Today list stands on both, so the app
refreshes whatever is stale right after unlock, under one progress bar, rather than letting each
page find out on its own. After a day's import within a month, segments are brought forward
incrementally (about a second at branch scale); otherwise that falls back to a full refresh.
"""

from __future__ import annotations

from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.services import data_date
from relmgr.services.churn import score_churn, scores_are_current
from relmgr.services.segment_views import is_current as segments_are_current
from relmgr.services.segments import refresh_segments_incremental
from relmgr.storage.portfolio import Portfolio
from relmgr.services.changes import Topic, writes

SEGMENTS, CHURN = "segments", "churn"
# Rough shares of the work at branch scale for a full refresh (segments ~17 s, churn scoring ~6 s
# plus training when no model is current), so the bar moves at an even pace.
_WEIGHTS = {SEGMENTS: 0.6, CHURN: 0.4}


def stale_analytics(portfolio: Portfolio) -> list[str]:
    """Which stored analytics describe an older data date than the portfolio's (or none; none
    either when the portfolio holds no data yet, so has no data date to bring them to)."""
    if data_date.as_of_or_none(portfolio) is None:
        return []
    stale = []
    if not segments_are_current(portfolio):
        stale.append(SEGMENTS)
    if not scores_are_current(portfolio):
        stale.append(CHURN)
    return stale


@writes(Topic.SEGMENTS, Topic.SCORES, Topic.MODEL)
def refresh_stale_analytics(portfolio: Portfolio, *, progress: Progress = no_progress,
                            cancel: CancelCheck = never) -> list[str]:
    """Refresh what `stale_analytics` names, segments first (churn filters use tier and stage);
    returns what was refreshed. Each part is its own transaction: a cancel keeps what finished."""
    stale = stale_analytics(portfolio)
    total = sum(_WEIGHTS[part] for part in stale) or 1.0
    done = 0.0
    steps = {SEGMENTS: refresh_segments_incremental, CHURN: score_churn}
    for part in stale:
        check_cancel(cancel)
        share = _WEIGHTS[part] / total
        start = done

        def scaled(fraction: float, step: str = "", start: float = start, share: float = share) -> None:
            progress(start + share * fraction, step)

        steps[part](portfolio, progress=scaled, cancel=cancel)
        done += share
    progress(1.0, "done")
    return stale

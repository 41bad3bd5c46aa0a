"""The outbox: signed summaries waiting for head office, kept inside the encrypted portfolio
(table sync_outbox, migration 0013), and how they are sent.

A summary is queued once, with exactly the bytes that will be POSTed. Sending is three stages
(services.staged), so the HTTPS round trips never hold the database thread: `read_due` copies
the queued summaries on the database thread, `deliver` sends them on a worker thread and touches
no connection, `record` writes the outcomes back on the database thread, in one transaction, and
audits every attempt. The window runs them through TaskRunner.run_staged; the command line and
the tests through `FLUSH.run`.

Oldest first, and a transient failure (no network, a 5xx, a certificate not trusted) stops the
round: head office takes each branch's sequence numbers only increasing, so a later summary must
not overtake an earlier one. The failed one is tried again after a backoff that doubles with each
attempt up to a cap. A refusal (any other 4xx) is final: it is not retried, its reason is kept,
and the round goes on with the next summary. A 409 duplicate means head office had it already (a
lost acknowledgement): delivered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import threading
import uuid
from pathlib import Path
from typing import Any

from relmgr.domain.codes import AuditAction, OutboxStatus
from relmgr.domain.progress import CancelCheck, Progress, never, no_progress
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.services.files import write_atomically
from relmgr.services.staged import Staged
from relmgr.services.sync import branch, signing, transport
from relmgr.services.sync.summary import Summary
from relmgr.storage.portfolio import Portfolio

FIRST_RETRY = dt.timedelta(minutes=1)
RETRY_CAP = dt.timedelta(hours=6)
ACCEPTED, DUPLICATE = "ACCEPTED", "DUPLICATE"
_COLUMNS = ("summary_id", "sequence", "period_from", "period_to", "status", "attempts",
            "queued_at", "next_attempt_at", "last_attempt_at", "last_error", "acknowledged")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat()


def backoff(attempts: int) -> dt.timedelta:
    """How long to wait after the `attempts`-th failed attempt: 1, 2, 4, ... minutes, at most
    RETRY_CAP (a branch offline for days tries a few times a day, not every minute)."""
    if attempts < 1:
        return dt.timedelta(0)
    return min(RETRY_CAP, FIRST_RETRY * 2 ** min(attempts - 1, 30))


@dataclasses.dataclass(frozen=True)
class Item:
    """One row of the outbox, without its envelope (what the page and `--status` list)."""

    summary_id: str
    sequence: int
    period_from: str
    period_to: str
    status: OutboxStatus
    attempts: int
    queued_at: str
    next_attempt_at: str
    last_attempt_at: str | None
    last_error: str | None
    acknowledged: str | None

    def to_json(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "status": self.status.value}


def envelope(portfolio: Portfolio, summary: Summary) -> dict[str, Any]:
    """Name, number and sign the summary (takes the next sequence number)."""
    payload = {**summary.body(), "branch_id": branch.branch_id(portfolio),
               "summary_id": str(uuid.uuid4()), "sequence": branch.next_sequence(portfolio),
               "created_at": _stamp(_now())}
    return signing.sign(payload, branch.signing_key(portfolio))


@writes(Topic.OUTBOX)
def queue(portfolio: Portfolio, signed: dict[str, Any], *, now: dt.datetime | None = None) -> Item:
    """Put a signed summary in the outbox, due at once."""
    payload = signed["payload"]
    at = _stamp(now or _now())
    with portfolio.transaction():
        portfolio.conn.execute(
            "INSERT INTO sync_outbox (summary_id, sequence, period_from, period_to, envelope, "
            "status, attempts, queued_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
            (payload["summary_id"], payload["sequence"], payload["period"]["from"],
             payload["period"]["to"], signing.canonical(signed).decode("utf-8"),
             OutboxStatus.QUEUED.value, at, at))
    return item(portfolio, payload["summary_id"])


@writes(Topic.RULES, Topic.OUTBOX)
def queue_new(portfolio: Portfolio, *, as_of: dt.date | None = None) -> Item:
    """Build, sign and queue a fresh summary (the page's Sync now, `relmgr sync FILE`)."""
    from relmgr.services.sync.summary import build_summary

    summary = build_summary(portfolio, k=branch.k_of(portfolio), as_of=as_of,
                            epsilon=branch.epsilon_of(portfolio))
    return queue(portfolio, envelope(portfolio, summary))


def _item(row: tuple) -> Item:
    values = dict(zip(_COLUMNS, row))
    return Item(**{**values, "status": OutboxStatus(values["status"])})


def items(portfolio: Portfolio) -> list[Item]:
    """Every summary in the outbox, newest first."""
    rows = portfolio.query(f"SELECT {', '.join(_COLUMNS)} FROM sync_outbox ORDER BY sequence DESC")
    return [_item(tuple(r)) for r in rows]


def item(portfolio: Portfolio, summary_id: str) -> Item:
    rows = portfolio.query(f"SELECT {', '.join(_COLUMNS)} FROM sync_outbox WHERE summary_id = ?",
                           (summary_id,))
    if not rows:
        raise KeyError(summary_id)
    return _item(tuple(rows[0]))


def counts(portfolio: Portfolio) -> dict[str, int]:
    found = dict(portfolio.query("SELECT status, COUNT(*) FROM sync_outbox GROUP BY status"))
    return {status.value: int(found.get(status.value, 0)) for status in OutboxStatus}


# -- sending: read (database thread), deliver (worker thread), record (database thread) -------
@dataclasses.dataclass(frozen=True)
class Parcel:
    summary_id: str
    sequence: int
    attempts: int
    body: bytes


@dataclasses.dataclass(frozen=True)
class Batch:
    """What the worker sends: copied out of the portfolio, so it needs no connection."""

    url: str
    ca_bundle: str | None
    parcels: tuple[Parcel, ...]
    stop: threading.Event | None = None   # the page's Cancel: stops between summaries


@dataclasses.dataclass(frozen=True)
class Outcome:
    summary_id: str
    sequence: int
    attempts: int               # including this one
    status: OutboxStatus        # QUEUED again (failed, retried later), SENT or REFUSED
    acknowledged: str | None    # ACCEPTED or DUPLICATE when sent
    message: str                # "accepted", "already received", or the reason
    at: str

    @property
    def delivered(self) -> bool:
        return self.status is OutboxStatus.SENT


def read_due(portfolio: Portfolio, *, url: str, ca_bundle: str | None = None, force: bool = False,
             now: dt.datetime | None = None, stop: threading.Event | None = None) -> Batch:
    """The queued summaries, oldest first, when the oldest is due (or `force`: the RM asked);
    none otherwise, since a later one must not overtake it."""
    transport.check_url(url)
    rows = portfolio.query("SELECT summary_id, sequence, attempts, envelope, next_attempt_at "
                           "FROM sync_outbox WHERE status = ? ORDER BY sequence",
                           (OutboxStatus.QUEUED.value,))
    moment = now or _now()
    if not rows or (not force and dt.datetime.fromisoformat(rows[0][4]) > moment):
        return Batch(url, ca_bundle, (), stop)
    parcels = tuple(Parcel(r[0], int(r[1]), int(r[2]), str(r[3]).encode("utf-8")) for r in rows)
    return Batch(url, ca_bundle, parcels, stop)


def deliver(batch: Batch, *, progress: Progress = no_progress, cancel: CancelCheck = never,
            now: Any = None) -> list[Outcome]:
    """Send the batch's summaries in order (no database here). Stops at the first transient
    failure, or between summaries when asked to stop; what was sent is returned either way, so
    that it is recorded (a summary sent but not recorded would only come back as a duplicate)."""
    clock = now or _now
    outcomes: list[Outcome] = []
    progress(0.0, "sending")
    for parcel in batch.parcels:
        if outcomes:
            progress(len(outcomes) / len(batch.parcels), "sending")
        if cancel() or (batch.stop is not None and batch.stop.is_set()):
            break
        attempts = parcel.attempts + 1
        try:
            answer = transport.send(parcel.body, batch.url, ca_bundle=batch.ca_bundle)
        except transport.Refused as refusal:
            outcomes.append(Outcome(parcel.summary_id, parcel.sequence, attempts,
                                    OutboxStatus.REFUSED, None, str(refusal), _stamp(clock())))
            continue
        except transport.SendFailed as failure:
            outcomes.append(Outcome(parcel.summary_id, parcel.sequence, attempts,
                                    OutboxStatus.QUEUED, None, str(failure), _stamp(clock())))
            break
        duplicate = answer.get("duplicate") is True
        outcomes.append(Outcome(parcel.summary_id, parcel.sequence, attempts, OutboxStatus.SENT,
                                DUPLICATE if duplicate else ACCEPTED,
                                "already received" if duplicate else "accepted", _stamp(clock())))
    progress(1.0, "sent")
    return outcomes


@writes(Topic.OUTBOX, Topic.AUDIT)
def record(portfolio: Portfolio, outcomes: list[Outcome], *, url: str | None = None) -> list[Outcome]:
    """Write each attempt's outcome to its outbox row and the audit log, in one transaction.
    A row no longer queued (another round recorded it first) keeps its state; the attempt is
    audited all the same."""
    action = {OutboxStatus.SENT: AuditAction.SYNCED, OutboxStatus.QUEUED: AuditAction.SYNC_FAILED,
              OutboxStatus.REFUSED: AuditAction.SYNC_REFUSED}
    with portfolio.transaction():
        for outcome in outcomes:
            at = dt.datetime.fromisoformat(outcome.at)
            retry = _stamp(at + backoff(outcome.attempts)) if outcome.status is OutboxStatus.QUEUED \
                else outcome.at
            portfolio.conn.execute(
                "UPDATE sync_outbox SET status = ?, attempts = ?, last_attempt_at = ?, "
                "next_attempt_at = ?, last_error = ?, acknowledged = ? "
                "WHERE summary_id = ? AND status = ?",
                (outcome.status.value, outcome.attempts, outcome.at, retry,
                 None if outcome.delivered else outcome.message, outcome.acknowledged,
                 outcome.summary_id, OutboxStatus.QUEUED.value))
            audit.record(portfolio, action=action[outcome.status], target=outcome.summary_id,
                         detail={"sequence": outcome.sequence, "to": url, "attempt": outcome.attempts,
                                 "result": outcome.message})
    return outcomes


@writes(Topic.OUTBOX, Topic.AUDIT)
def record_batch(portfolio: Portfolio, sent: tuple[Batch, list[Outcome]]) -> list[Outcome]:
    return record(portfolio, sent[1], url=sent[0].url)


def deliver_batch(batch: Batch, *, progress: Progress = no_progress,
                   cancel: CancelCheck = never) -> tuple[Batch, list[Outcome]]:
    return batch, deliver(batch, progress=progress, cancel=cancel)


FLUSH = Staged(read=read_due, fit=deliver_batch, write=record_batch)


def flush(portfolio: Portfolio, *, url: str, ca_bundle: str | None = None,
          force: bool = True) -> list[Outcome]:
    """Send what is queued, on this thread (the command line, tests)."""
    return FLUSH.run(portfolio, url=url, ca_bundle=ca_bundle, force=force)


# -- carrying ---------------------------------------------------------------------------------
def write_envelope(path: str | os.PathLike[str], signed: dict[str, Any]) -> Path:
    return write_atomically(path, lambda handle: handle.write(signing.canonical(signed)))


def export(portfolio: Portfolio, signed: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write one signed summary to a file for carrying (audited)."""
    written = write_envelope(path, signed)
    payload = signed["payload"]
    audit.record(portfolio, action=AuditAction.SYNCED, target=payload["summary_id"],
                 detail={"sequence": payload["sequence"], "to": "file", "result": "exported"})
    return written


@writes(Topic.RULES, Topic.AUDIT)
def save_to_file(portfolio: Portfolio, path: str | os.PathLike[str], *,
                 as_of: dt.date | None = None) -> Path:
    """Sign a fresh summary and write it to `path` for carrying (the page's Save to file,
    `relmgr sync FILE --to-file PATH`)."""
    from relmgr.services.sync.summary import build_summary

    summary = build_summary(portfolio, k=branch.k_of(portfolio), as_of=as_of,
                            epsilon=branch.epsilon_of(portfolio))
    return export(portfolio, envelope(portfolio, summary), path)


# -- what the page shows ----------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Preview:
    """What the Sync page shows: the payload body (as it would leave now) and the outbox."""

    body: dict[str, Any]
    items: list[Item]


def preview(portfolio: Portfolio, *, as_of: dt.date | None = None) -> Preview:
    from relmgr.services.sync.summary import build_summary

    branch_id = branch.branch_id(portfolio)
    summary = build_summary(portfolio, k=branch.k_of(portfolio), as_of=as_of,
                            epsilon=branch.epsilon_of(portfolio))
    return Preview(body={**summary.body(), "branch_id": branch_id}, items=items(portfolio))

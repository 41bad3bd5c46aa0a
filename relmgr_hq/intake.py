"""One summary in: verified (enrolled branch, Ed25519 signature, schema, id, sequence) and
stored exactly once, or refused with one sentence that the branch sees and the log keeps.

Answers follow what the branch's transport expects (relmgr/services/sync/transport.py): 200
{"accepted": true} when stored, 409 {"duplicate": true} for an id already stored (the branch lost
the acknowledgement and may mark it sent), another 4xx {"accepted": false, "reason"} otherwise.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from relmgr.services.sync import signing
from relmgr.services.sync.summary import SCHEMA
from relmgr_hq import store

log = logging.getLogger("relmgr_hq")
MAX_BODY = 2 * 1024 * 1024
ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclasses.dataclass(frozen=True)
class Verdict:
    status: int
    reason: str
    branch_id: str | None = None
    sequence: int | None = None

    @property
    def accepted(self) -> bool:
        return self.status == 200

    @property
    def duplicate(self) -> bool:
        return self.status == 409

    def answer(self) -> dict[str, Any]:
        body: dict[str, Any] = {"accepted": self.accepted, "reason": self.reason}
        if self.duplicate:
            body["duplicate"] = True
        if self.accepted or self.duplicate:
            body.update(branch_id=self.branch_id, sequence=self.sequence)
        return body


class _Refused(Exception):
    def __init__(self, status: int, reason: str, branch_id: str | None = None) -> None:
        super().__init__(reason)
        self.status, self.reason, self.branch_id = status, reason, branch_id


def _payload(body: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    if len(body) > MAX_BODY:
        raise _Refused(413, f"the body is larger than {MAX_BODY // 1024} KiB")
    try:
        envelope = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _Refused(400, "the body is not JSON") from None
    if not isinstance(envelope, dict) or not isinstance(envelope.get("payload"), dict) \
            or not isinstance(envelope.get("signature"), dict):
        raise _Refused(400, "not a signed summary (payload and signature expected)")
    return envelope, envelope["payload"]


def _check_fields(payload: dict[str, Any], branch_id: str) -> tuple[str, int, str, str]:
    if payload.get("schema") != SCHEMA:
        raise _Refused(422, f"unknown schema {str(payload.get('schema'))[:40]!r} (expected {SCHEMA})",
                       branch_id)
    summary_id, sequence = payload.get("summary_id"), payload.get("sequence")
    if not isinstance(summary_id, str) or not ID_PATTERN.fullmatch(summary_id):
        raise _Refused(422, "the summary has no valid id", branch_id)
    if not isinstance(sequence, int) or isinstance(sequence, bool) \
            or not 1 <= sequence < 2**31:
        raise _Refused(422, "the summary has no valid sequence number", branch_id)
    period = payload.get("period")
    if not isinstance(period, dict) or not all(isinstance(period.get(k), str) and _DAY.fullmatch(period[k])
                                               for k in ("from", "to")):
        raise _Refused(422, "the summary has no valid period (from, to)", branch_id)
    if not isinstance(payload.get("tables"), list):
        raise _Refused(422, "the summary has no tables", branch_id)
    return summary_id, sequence, period["from"], period["to"]


def _store(engine: Engine, envelope: dict[str, Any], branch_id: str) -> Verdict:
    b, s = store.branches, store.summaries
    with engine.begin() as conn:
        # The branch row is locked until commit: concurrent copies of this branch's summaries
        # are checked and stored one after another. Nothing is written before the last check,
        # so a refusal leaves the transaction empty.
        enrolled = conn.execute(sa.select(b.c.public_key, b.c.last_sequence)
                                .where(b.c.branch_id == branch_id).with_for_update()).first()
        if enrolled is None:
            raise _Refused(403, f"branch {branch_id} is not enrolled", branch_id)
        try:
            payload = signing.verify(envelope, enrolled.public_key)
        except ValueError as error:          # BadSignature, or an unusable enrolled key
            raise _Refused(403, str(error), branch_id) from None
        summary_id, sequence, period_from, period_to = _check_fields(payload, branch_id)
        owner = conn.execute(sa.select(s.c.branch_id).where(s.c.summary_id == summary_id)).scalar()
        if owner == branch_id:
            return Verdict(409, "already received", branch_id, sequence)
        if owner is not None:
            raise _Refused(422, "the summary id is already used by another branch", branch_id)
        last = enrolled.last_sequence
        if sequence <= last:
            raise _Refused(422, f"sequence {sequence} is not after {last}, the last received: "
                                "replayed or out of order", branch_id)
        conn.execute(s.insert().values(summary_id=summary_id, branch_id=branch_id, sequence=sequence,
                                       period_from=period_from, period_to=period_to,
                                       schema=payload["schema"], payload=payload,
                                       received_at=store.now()))
        conn.execute(b.update().where(b.c.branch_id == branch_id).values(last_sequence=sequence))
    return Verdict(200, "accepted", branch_id, sequence)


def receive(engine: Engine, body: bytes, *, source: str) -> Verdict:
    """Check and store one envelope; every refusal is logged (reason only) in the rejections
    table and the collector's log. Database failures propagate: they are the collector's own."""
    branch_id = None
    try:
        envelope, payload = _payload(body)
        branch_id = payload.get("branch_id")
        if not isinstance(branch_id, str) or not ID_PATTERN.fullmatch(branch_id):
            branch_id = None
            raise _Refused(400, "the summary names no valid branch id")
        verdict = _store(engine, envelope, branch_id)
    except _Refused as refused:
        log.warning("rejected a summary from %s%s: %s", source,
                    f" (branch {refused.branch_id})" if refused.branch_id else "", refused.reason)
        store.log_rejection(engine, source, refused.branch_id, refused.reason)
        return Verdict(refused.status, refused.reason, refused.branch_id)
    except sa.exc.IntegrityError:
        # Only a writer racing outside the branch lock gets here; the unique id stopped it.
        return Verdict(409, "already received", branch_id)
    log.info("%s summary %s of branch %s from %s", verdict.reason, verdict.sequence, branch_id, source)
    return verdict

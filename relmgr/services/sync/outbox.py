"""The outbox: signed summaries as files, waiting to be sent or carried.

Summaries are aggregates only (services.sync.summary), so they may sit on disk unencrypted like
any other export; each is written atomically. A pending summary is `<sequence>-<id>.json` in the
folder; once head office acknowledged it, it moves to `sent/`. Sending and exporting are audited
(AuditAction.SYNCED) in the portfolio.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import uuid
from pathlib import Path
from typing import Any

from relmgr.domain.codes import AuditAction
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.services.files import write_atomically
from relmgr.services.paths import data_dir
from relmgr.services.sync import branch, signing, transport
from relmgr.services.sync.summary import Summary
from relmgr.storage.portfolio import Portfolio


def default_folder(branch_id: str) -> Path:
    return data_dir() / "outbox" / branch_id


def envelope(portfolio: Portfolio, summary: Summary) -> dict[str, Any]:
    """Name, number and sign the summary (takes the next sequence number)."""
    payload = {**summary.body(), "branch_id": branch.branch_id(portfolio),
               "summary_id": str(uuid.uuid4()), "sequence": branch.next_sequence(portfolio),
               "created_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()}
    return signing.sign(payload, branch.signing_key(portfolio))


def write_envelope(path: str | os.PathLike[str], signed: dict[str, Any]) -> Path:
    return write_atomically(path, lambda handle: handle.write(signing.canonical(signed)))


def queue(folder: Path, signed: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    payload = signed["payload"]
    return write_envelope(folder / f"{payload['sequence']:08d}-{payload['summary_id']}.json", signed)


def pending(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def sent(folder: Path) -> list[Path]:
    return sorted((folder / "sent").glob("*.json")) if (folder / "sent").is_dir() else []


@dataclasses.dataclass(frozen=True)
class Attempt:
    file: str
    delivered: bool
    message: str


def flush(portfolio: Portfolio, folder: Path, *, url: str, ca_bundle: str | None) -> list[Attempt]:
    """Send every pending summary, oldest first; stop at the first one that cannot be sent (the
    rest keep their order for next time). Each attempt is audited."""
    attempts = []
    for path in pending(folder):
        body = path.read_bytes()
        payload = json.loads(body)["payload"]
        try:
            answer = transport.send(body, url, ca_bundle=ca_bundle)
            delivered, message = True, "duplicate" if answer.get("duplicate") else "accepted"
        except (transport.SendFailed, transport.Refused) as error:
            delivered, message = False, str(error)
        audit.record(portfolio, action=AuditAction.SYNCED, target=payload["summary_id"],
                     detail={"sequence": payload["sequence"], "to": url, "delivered": delivered,
                             "result": message})
        attempts.append(Attempt(path.name, delivered, message))
        if not delivered:
            break
        (folder / "sent").mkdir(exist_ok=True)
        os.replace(path, folder / "sent" / path.name)
    return attempts


def export(portfolio: Portfolio, signed: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write one signed summary to a file for carrying (audited)."""
    written = write_envelope(path, signed)
    payload = signed["payload"]
    audit.record(portfolio, action=AuditAction.SYNCED, target=payload["summary_id"],
                 detail={"sequence": payload["sequence"], "to": "file", "delivered": False,
                         "result": "exported"})
    return written


@dataclasses.dataclass(frozen=True)
class Preview:
    """What the Sync page shows: the payload body, the branch and the outbox's state."""

    body: dict[str, Any]
    folder: Path
    pending: int
    sent: int


def preview(portfolio: Portfolio, *, folder: Path | None = None) -> Preview:
    from relmgr.services.sync.summary import build_summary

    branch_id = branch.branch_id(portfolio)
    body = {**build_summary(portfolio, k=branch.k_of(portfolio)).body(), "branch_id": branch_id}
    folder = folder or default_folder(branch_id)
    return Preview(body=body, folder=folder, pending=len(pending(folder)), sent=len(sent(folder)))


@writes(Topic.RULES, Topic.AUDIT)
def send_now(portfolio: Portfolio, *, url: str, ca_bundle: str | None,
             folder: Path | None = None) -> list[Attempt]:
    """Sign a fresh summary, queue it, and send everything queued (the page's Sync now)."""
    from relmgr.services.sync.summary import build_summary

    transport.check_url(url)
    folder = folder or default_folder(branch.branch_id(portfolio))
    queue(folder, envelope(portfolio, build_summary(portfolio, k=branch.k_of(portfolio))))
    return flush(portfolio, folder, url=url, ca_bundle=ca_bundle)


@writes(Topic.RULES, Topic.AUDIT)
def save_to_file(portfolio: Portfolio, path: str | os.PathLike[str]) -> Path:
    """Sign a fresh summary and write it to `path` for carrying (the page's Save to file)."""
    from relmgr.services.sync.summary import build_summary

    return export(portfolio, envelope(portfolio, build_summary(portfolio, k=branch.k_of(portfolio))), path)

"""`relmgr sync ...`, the branch side of the summaries for head office: the commands over
relmgr.services.sync, registered by relmgr.cli.build_parser. Head office's side is relmgr-hq
(the relmgr_hq package beside this one)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _cli() -> Any:
    from relmgr import cli       # late: relmgr.cli imports this module while building its parser

    return cli


def _summary(portfolio: Any, args: argparse.Namespace) -> Any:
    from relmgr.services.sync import branch
    from relmgr.services.sync.summary import build_summary

    try:
        branch.branch_id(portfolio)
        return build_summary(portfolio, k=branch.k_of(portfolio), as_of=args.today,
                             epsilon=branch.epsilon_of(portfolio))
    except ValueError as error:       # NotSetUp, NoDataDate, a bad team rule: one sentence
        raise _cli().UserError(str(error)) from None


def _setup(cli: Any, args: argparse.Namespace) -> int:
    from relmgr.services.sync import branch

    if not args.more or not args.branch:
        raise cli.UserError("give the portfolio and the branch id: relmgr sync setup FILE --branch ID")
    with cli._open(args.more) as portfolio:
        try:
            branch.set_branch_id(portfolio, args.branch)
        except ValueError as error:
            raise cli.UserError(str(error)) from None
    print(f"branch id set to {args.branch}")
    return cli.EXIT_OK


def _status(cli: Any, portfolio: Any, as_json: bool) -> int:
    from relmgr.services.sync import outbox

    listed = outbox.items(portfolio)
    if as_json:
        cli._print_json({"counts": outbox.counts(portfolio), "items": [i.to_json() for i in listed]})
        return cli.EXIT_OK
    counts = outbox.counts(portfolio)
    print(f"{counts['QUEUED']} waiting, {counts['SENT']} sent and acknowledged, "
          f"{counts['REFUSED']} refused")
    for item in listed:
        note = item.last_error or (item.acknowledged or "").lower()
        print(f"  #{item.sequence} {item.period_from}..{item.period_to} {item.status.value} "
              f"after {item.attempts} attempts{': ' + note if note else ''}")
    return cli.EXIT_OK


def _send(cli: Any, portfolio: Any, args: argparse.Namespace) -> int:
    from relmgr.domain.codes import OutboxStatus
    from relmgr.services.settings import load_settings
    from relmgr.services.sync import outbox, transport

    settings = load_settings()
    url = args.to or settings.head_office_url
    if not url:
        raise cli.UserError("no head-office address: give --to URL or set it in Settings")
    try:
        transport.check_url(url)
    except transport.SendFailed as error:
        raise cli.UserError(str(error)) from None
    signed = outbox.envelope(portfolio, _summary(portfolio, args))
    outbox.queue(portfolio, signed)
    outcomes = outbox.flush(portfolio, url=url, ca_bundle=args.ca_bundle or settings.ca_bundle or None)
    for outcome in outcomes:
        word = {OutboxStatus.SENT: "sent", OutboxStatus.REFUSED: "refused",
                OutboxStatus.QUEUED: "not sent"}[outcome.status]
        print(f"summary #{outcome.sequence}: {word} ({outcome.message})")
    counts = outbox.counts(portfolio)
    refused = [o for o in outcomes if o.status is OutboxStatus.REFUSED]
    if counts["QUEUED"]:
        print(f"relmgr: {counts['QUEUED']} summaries wait in the outbox; they go with the next "
              "relmgr sync, or while the window is open", file=sys.stderr)
    return cli.EXIT_USER_ERROR if counts["QUEUED"] or refused else cli.EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    """One command, its flags choosing what it does (`setup` is the one action word)."""
    from relmgr.services.files import WriteFailed
    from relmgr.services.sync import branch, outbox
    from relmgr.services.sync.preview import preview_lines

    cli = _cli()
    if args.file == "setup":
        return _setup(cli, args)
    if args.more:
        raise cli.UserError(f"unexpected {args.more!r}: relmgr sync FILE [--dry-run | --to URL | "
                            "--to-file PATH | --status | --show-key]")
    with cli._open(args.file) as portfolio:
        if args.status:
            return _status(cli, portfolio, args.json)
        try:
            if args.show_key:
                # For enrolment at head office: the public half only, which cannot sign.
                print(json.dumps({branch.branch_id(portfolio): branch.public_key(portfolio)}))
                return cli.EXIT_OK
            if args.dry_run:
                summary = _summary(portfolio, args)
                body = {**summary.body(), "branch_id": branch.branch_id(portfolio)}
                cli._print_json(body) if args.json else print("\n".join(preview_lines(body)))
                return cli.EXIT_OK
            if args.to_file:
                signed = outbox.envelope(portfolio, _summary(portfolio, args))
                path = outbox.export(portfolio, signed, args.to_file)
                print(f"signed summary #{signed['payload']['sequence']} written to {path}")
                return cli.EXIT_OK
            return _send(cli, portfolio, args)
        except WriteFailed as error:
            raise cli.UserError(str(error)) from None
        except ValueError as error:      # NotSetUp, a bad team rule
            raise cli.UserError(str(error)) from None


def add_parsers(sub: Any, date_type: Any) -> None:
    sync = sub.add_parser(
        "sync", help="anonymised summary for head office: send, carry, preview, outbox",
        description="relmgr sync FILE sends a fresh summary and everything waiting in the outbox; "
                    "--dry-run prints it instead, --to-file writes it for carrying, --status "
                    "lists the outbox, --show-key prints the public key head office enrols. "
                    "relmgr sync setup FILE --branch ID sets the branch id once.")
    sync.add_argument("file", help="portfolio file (or the word setup, then the portfolio file)")
    sync.add_argument("more", nargs="?", help=argparse.SUPPRESS)
    what = sync.add_mutually_exclusive_group()
    what.add_argument("--dry-run", action="store_true", help="print the exact payload, send nothing")
    what.add_argument("--to-file", metavar="PATH", help="write the signed summary to PATH for carrying")
    what.add_argument("--status", action="store_true", help="list the outbox: queued, sent, refused")
    what.add_argument("--show-key", action="store_true", help="print the public key head office enrols")
    sync.add_argument("--json", action="store_true", help="with --dry-run or --status: JSON")
    sync.add_argument("--to", metavar="URL", help="head office's https:// address (default: Settings)")
    sync.add_argument("--ca-bundle", help="PEM CA bundle for head office's certificate (default: Settings)")
    sync.add_argument("--branch", help="setup: this portfolio's branch id")
    sync.add_argument("--today", type=date_type, default=None,
                      help="the day to summarise (default: the portfolio's data date)")
    sync.set_defaults(handler=cmd_sync)

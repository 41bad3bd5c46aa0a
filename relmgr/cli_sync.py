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
        return build_summary(portfolio, k=branch.k_of(portfolio), as_of=args.today)
    except ValueError as error:       # NotSetUp, NoDataDate, a bad team rule: one sentence
        raise _cli().UserError(str(error)) from None


def _folder(args: argparse.Namespace, portfolio: Any) -> Path:
    from relmgr.services.sync import branch, outbox

    return Path(args.outbox) if args.outbox else outbox.default_folder(branch.branch_id(portfolio))


def cmd_sync(args: argparse.Namespace) -> int:
    from relmgr.services.files import WriteFailed
    from relmgr.services.settings import load_settings
    from relmgr.services.sync import branch, outbox, transport
    from relmgr.services.sync.preview import preview_lines

    cli = _cli()
    with cli._open(args.file) as portfolio:
        if args.action == "setup":
            if not args.branch:
                raise cli.UserError("give the branch id: relmgr sync setup FILE --branch ID")
            try:
                branch.set_branch_id(portfolio, args.branch)
            except ValueError as error:
                raise cli.UserError(str(error)) from None
            print(f"branch id set to {args.branch}")
            return cli.EXIT_OK
        if args.action == "key":
            # For enrolment at head office only: whoever holds it can sign as this branch.
            print(json.dumps({branch.branch_id(portfolio): branch.public_key(portfolio)}))
            return cli.EXIT_OK
        if args.action == "status":
            folder = _folder(args, portfolio)
            status = {"outbox": str(folder), "pending": [p.name for p in outbox.pending(folder)],
                      "sent": [p.name for p in outbox.sent(folder)]}
            cli._print_json(status) if args.json else print(
                f"{len(status['pending'])} waiting, {len(status['sent'])} sent ({folder})")
            return cli.EXIT_OK
        summary = _summary(portfolio, args)
        if args.action == "preview":
            body = {**summary.body(), "branch_id": branch.branch_id(portfolio)}
            cli._print_json(body) if args.json else print("\n".join(preview_lines(body)))
            return cli.EXIT_OK
        signed = outbox.envelope(portfolio, summary)
        try:
            if args.action == "export":
                if not args.out:
                    raise cli.UserError("give the file to write: relmgr sync export FILE OUT")
                path = outbox.export(portfolio, signed, args.out)
                print(f"signed summary {signed['payload']['sequence']} written to {path}")
                return cli.EXIT_OK
            settings = load_settings()
            url = args.to or settings.head_office_url
            if not url:
                raise cli.UserError("no head-office address: give --to URL or set it in Settings")
            try:
                transport.check_url(url)
            except transport.SendFailed as error:
                raise cli.UserError(str(error)) from None
            folder = _folder(args, portfolio)
            outbox.queue(folder, signed)
            attempts = outbox.flush(portfolio, folder, url=url,
                                    ca_bundle=args.ca_bundle or settings.ca_bundle or None)
        except WriteFailed as error:
            raise cli.UserError(str(error)) from None
        for attempt in attempts:
            print(f"{attempt.file}: {'sent' if attempt.delivered else 'not sent'} ({attempt.message})")
        waiting = len(outbox.pending(folder))
        if waiting:
            print(f"relmgr: {waiting} summaries wait in {folder}; run relmgr sync send again later",
                  file=sys.stderr)
            return cli.EXIT_USER_ERROR
        return cli.EXIT_OK


def add_parsers(sub: Any, date_type: Any) -> None:
    sync = sub.add_parser("sync", help="anonymised summary for head office: preview, send, export")
    sync.add_argument("action", choices=["preview", "send", "export", "status", "setup", "key"])
    sync.add_argument("file", help="portfolio file")
    sync.add_argument("out", nargs="?", help="export: the file to write")
    sync.add_argument("--json", action="store_true")
    sync.add_argument("--to", help="send: head office's https:// address (default: Settings)")
    sync.add_argument("--ca-bundle", help="send: PEM CA bundle for head office's certificate")
    sync.add_argument("--outbox", help="send/status: the outbox folder (default: in the app's data folder)")
    sync.add_argument("--branch", help="setup: this portfolio's branch id")
    sync.add_argument("--today", type=date_type, default=None,
                      help="the day to summarise (default: the portfolio's data date)")
    sync.set_defaults(handler=cmd_sync)

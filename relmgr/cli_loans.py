"""`relmgr loans FILE [--handle LOAN_ID:REASON] [--json]`: loan prospects per family and the
repayment watch (relmgr/services/loans.py), names masked. Registered by relmgr.cli.build_parser."""

from __future__ import annotations

import argparse


def cmd_loans(args: argparse.Namespace) -> int:
    from relmgr import cli       # late: relmgr.cli imports this module while building its parser
    from relmgr.services import loans

    with cli._open(args.file, command="loans") as portfolio:
        try:
            if args.handle:
                loan_id, _, reason = args.handle.partition(":")
                loans.handle_watch_line(portfolio, loan_id=loan_id, reason=reason, today=args.today)
            payload = loans.loans_json(portfolio, today=args.today, limit=args.limit)
        except ValueError as error:     # no data date, no such watch line
            raise cli.UserError(str(error)) from None
    if args.json:
        cli._print_json(payload)
        return cli.EXIT_OK
    print(f"as of {payload['as_of']}: {len(payload['watch'])} repayment-watch lines")
    for note in payload["missing"]:
        print(f"  note: {note['en']}")
    for row in payload["watch"]:
        state = "handled" if row["handled"] else "open"
        print(f"  {row['loan_id']:<12} {row['customer_id']:<10} {state:<8} {row['reason']['en']}")
    for family, entry in payload["prospects"].items():
        print(f"{family} prospects: {len(entry['lines'])}")
        for line in entry["lines"][:10]:
            print(f"  {line['rank']:>3} {line['customer_id']:<10} {line['probability']:.1%}  {line['reasons']['en']}")
    return cli.EXIT_OK


def _eval_loans(args: argparse.Namespace) -> dict:
    from relmgr import cli
    from relmgr.services.loans import evaluate_prospects

    with cli._open(args.file, command="eval loans") as portfolio:
        try:
            return evaluate_prospects(portfolio)
        except ValueError as error:
            raise cli.UserError(str(error)) from None


def add_parser(sub: argparse._SubParsersAction, date_type) -> None:
    loans = sub.add_parser("loans", help="loan prospects per family and the repayment watch (masked)")
    loans.add_argument("file")
    loans.add_argument("--today", type=date_type, default=None, help="override the data date")
    loans.add_argument("--limit", type=int, default=20, help="prospects per family (default 20)")
    loans.add_argument("--handle", default=None, metavar="LOAN_ID:REASON",
                       help="record a watch line handled (audited), e.g. H00000699:ARREARS")
    loans.add_argument("--json", action="store_true")
    loans.set_defaults(handler=cmd_loans)

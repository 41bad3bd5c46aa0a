"""The `relmgr` command: the GUI by default, and the headless commands tests and automation use.

Exit codes are a contract: 0 success, 2 a user error (one line on stderr naming the problem),
3 a wrong password. The password comes from $RELMGR_PASSWORD, otherwise from a prompt; it is
never echoed, logged or written anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("relmgr.cli")

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_WRONG_PASSWORD = 3

STATS_TABLES = ("customers", "products", "holdings", "transactions", "monthly_balances",
                "interactions", "campaigns", "offers", "tasks", "audit_log")


class UserError(Exception):
    """A mistake in how the command was called or in its input; exits 2 with this message."""


def _password(*, confirm: bool = False) -> str:
    from_env = os.environ.get("RELMGR_PASSWORD")
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UserError("no password: set RELMGR_PASSWORD or run in a terminal")
    password = getpass.getpass("Portfolio password: ")
    if confirm and getpass.getpass("Repeat the password: ") != password:
        raise UserError("the two passwords differ")
    if not password:
        raise UserError("the password is empty")
    return password


def _open(path: str):
    from relmgr.storage import open_portfolio

    return open_portfolio(path, _password())


def _print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _stderr_progress(fraction: float, step: str = "") -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r{fraction:6.1%} {step:<24}")
        sys.stderr.flush()


# -- commands ---------------------------------------------------------------------------------
def cmd_gui(args: argparse.Namespace) -> int:
    from relmgr.ui.app import run_gui

    return run_gui(demo=args.demo, portfolio=args.portfolio)


def cmd_demo(args: argparse.Namespace) -> int:
    from relmgr.services.demo import build_demo_portfolio

    summary = build_demo_portfolio(args.out, _password(confirm=True), customers=args.customers,
                                   seed=args.seed, as_of=args.as_of, progress=_stderr_progress)
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"created {args.out}: {summary}")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    with _open(args.file) as portfolio:
        stats: dict[str, Any] = dict(portfolio.table_counts(STATS_TABLES))
        stats["schema_version"] = portfolio.schema_version
        stats["as_of"] = portfolio.get_meta("as_of")
    if args.json:
        _print_json(stats)
    else:
        for key, value in stats.items():
            print(f"{key:>18}  {value}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from relmgr.services.importer import ImportRejected, format_problems, import_folder

    folder = Path(args.source)
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder")
    with _open(args.file) as portfolio:
        try:
            report = import_folder(portfolio, folder, progress=_stderr_progress)
        except ImportRejected as rejected:
            lines = format_problems(rejected.problems)
            for line in lines[1:]:
                print(line, file=sys.stderr)
            raise UserError(lines[0]) from None
    print(report)
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from relmgr.bench import run_bench

    result = run_bench(customers=args.customers, repeats=args.repeats, rebuild=args.rebuild)
    if args.json:
        _print_json(result)
    else:
        for key, value in result.items():
            print(f"{key:>28}  {value}")
    return EXIT_OK


def cmd_segments(args: argparse.Namespace) -> int:
    # Issue 4: tiers, RFM segments, clusters and lifecycle stages (relmgr/services/segments.py).
    from relmgr.services.segments import segments_report

    with _open(args.file) as portfolio:
        try:
            report = segments_report(portfolio, refresh=args.refresh)
        except ValueError as error:  # e.g. a team rule that does not validate
            raise UserError(str(error)) from None
    if args.json:
        _print_json(report)
    else:
        print(f"as of {report['as_of']} (computed {report['computed_at']}), "
              f"{report['customers']} customers")
        for group, counts in report["totals"].items():
            print(f"{group}: " + ", ".join(f"{code} {n}" for code, n in counts.items()))
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="relmgr", description=__doc__.splitlines()[0])
    parser.add_argument("--demo", action="store_true", help="start the GUI on the demo portfolio")
    parser.set_defaults(handler=cmd_gui, portfolio=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    gui = sub.add_parser("gui", help="start the desktop application (the default)")
    gui.add_argument("portfolio", nargs="?", help="portfolio file to open")
    gui.add_argument("--demo", action="store_true", help="open the demo portfolio")
    gui.set_defaults(handler=cmd_gui)

    demo = sub.add_parser("demo", help="create an encrypted demo portfolio")
    demo.add_argument("--out", required=True, type=Path, help="portfolio file to create")
    demo.add_argument("--customers", type=int, default=300)
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--as-of", type=_date, default=None, help="data date (default: today)")
    demo.set_defaults(handler=cmd_demo)

    stats = sub.add_parser("stats", help="row counts per table and schema version")
    stats.add_argument("file")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(handler=cmd_stats)

    imp = sub.add_parser("import", help="load exchange-format CSV files (docs/exchange-format.md)")
    imp.add_argument("file")
    imp.add_argument("--from", dest="source", required=True, help="folder with the CSV files")
    imp.set_defaults(handler=cmd_import)

    segments = sub.add_parser("segments", help="service tiers, RFM segments, clusters, lifecycle stages")
    segments.add_argument("file")
    segments.add_argument("--refresh", action="store_true", help="recompute even if stored results are current")
    segments.add_argument("--json", action="store_true")
    segments.set_defaults(handler=cmd_segments)

    bench = sub.add_parser("bench", help="measure speed at branch scale")
    bench.add_argument("--customers", type=int, default=50_000)
    bench.add_argument("--repeats", type=int, default=5)
    bench.add_argument("--rebuild", action="store_true", help="rebuild the cached bench portfolio")
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(handler=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from relmgr.domain.progress import Cancelled
    from relmgr.services.logs import configure_logging
    from relmgr.storage import PortfolioError, WrongPassword

    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    configure_logging()
    # The command's name only: arguments can be file names, and files are the RM's business.
    log.info("command %s started", handler.__name__)
    try:
        code = handler(args)
        log.info("command %s finished: exit %d", handler.__name__, code)
        return code
    except WrongPassword as error:
        log.info("command %s: wrong password", handler.__name__)
        print(f"relmgr: {error}", file=sys.stderr)
        return EXIT_WRONG_PASSWORD
    except (UserError, PortfolioError) as error:
        log.info("command %s: user error %s", handler.__name__, type(error).__name__)
        print(f"relmgr: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Cancelled:
        print("relmgr: cancelled", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("relmgr: interrupted", file=sys.stderr)
        return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())

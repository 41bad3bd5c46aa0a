"""`relmgr report FILE [--month YYYY-MM] [--language en|zh] --out PATH.pdf|.xlsx`: the monthly
portfolio review report (relmgr.services.report), registered by relmgr.cli.build_parser."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

LANGUAGES = {"zh": "zh_CN", "zh_CN": "zh_CN", "en": "en"}


def _cli() -> Any:
    from relmgr import cli       # late: relmgr.cli imports this module while building its parser

    return cli


def cmd_report(args: argparse.Namespace) -> int:
    from relmgr.services.audit import current_actor
    from relmgr.services.files import WriteFailed
    from relmgr.services.report import export_report, report_format
    from relmgr.services.settings import load_settings

    cli = _cli()
    language = LANGUAGES.get(args.language)
    if language is None:
        raise cli.UserError(f"unknown language {args.language!r}: choose en or zh")
    try:
        fmt = report_format(None, args.out)
    except ValueError as error:
        raise cli.UserError(str(error)) from None
    if not Path(args.out).parent.is_dir():
        raise cli.UserError(f"{Path(args.out).parent}: no such folder")
    with cli._open(args.file, command="report") as portfolio:
        try:
            result = export_report(portfolio, path=args.out, fmt=fmt, month=args.month, language=language,
                                   settings=load_settings(), branch=args.branch, rm=args.rm,
                                   actor=current_actor(), today=args.today, progress=cli._stderr_progress)
        except (ValueError, WriteFailed) as error:  # no data date, a month after it, the folder
            raise cli.UserError(str(error)) from None
    unit = "pages" if result.fmt == "pdf" else "sheets"
    print(f"wrote the {result.month} review report to {result.path} ({result.fmt}, {result.parts} {unit}, "
          f"masked, {result.seconds:.1f} s)")
    return cli.EXIT_OK


def add_parsers(sub: Any, month_type: Any, date_type: Any) -> None:
    report = sub.add_parser("report", help="the monthly portfolio review report as PDF or XLSX (audited, masked)")
    report.add_argument("file")
    report.add_argument("--month", type=month_type, default=None, help="YYYY-MM (default: the data date's month)")
    report.add_argument("--language", default="zh", help="zh (default) or en")
    report.add_argument("--out", required=True, help="file to write: .pdf or .xlsx")
    report.add_argument("--today", type=date_type, default=None, help="override the data date")
    report.add_argument("--branch", default=None, help="branch printed on every page (default: Settings)")
    report.add_argument("--rm", default=None, help="RM printed on every page (default: Settings)")
    report.set_defaults(handler=cmd_report)

"""`relmgr new`, `passwd`, `backup` and `restore`: the portfolio file's own life on the command
line (issue 13), registered by relmgr.cli.build_parser.

Passwords: `new` and `passwd` ask for the new password twice in a terminal. For scripts and
tests, `--password-stdin` reads lines from standard input instead, each once: `new` reads the
password (line 1); `passwd` reads the current password (line 1) and the new one (line 2).
Otherwise the current password comes from $RELMGR_PASSWORD or a prompt, as for every command.
A new password must pass the window's strength rule (relmgr/services/password.py).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any


def _cli() -> Any:
    from relmgr import cli       # late: relmgr.cli imports this module while building its parser

    return cli


def _stdin_lines(count: int) -> list[str]:
    lines = [sys.stdin.readline().rstrip("\r\n") for _ in range(count)]
    if any(not line for line in lines):
        what = "the password" if count == 1 else "the current and the new password, one a line"
        raise _cli().UserError(f"--password-stdin: expected {what} on standard input")
    return lines


def _new_password(args: argparse.Namespace, stdin_line: str | None = None) -> str:
    from relmgr.services.password import TOO_WEAK, Strength, password_strength

    cli = _cli()
    if stdin_line is not None:
        password = stdin_line
    elif not sys.stdin.isatty():
        raise cli.UserError("no password: run in a terminal, or give --password-stdin")
    else:
        password = getpass.getpass("New password: ")
        if getpass.getpass("Repeat the new password: ") != password:
            raise cli.UserError("the two passwords differ; nothing changed")
    if password_strength(password) is Strength.WEAK:
        raise cli.UserError(TOO_WEAK)
    return password


def cmd_new(args: argparse.Namespace) -> int:
    from relmgr.domain.codes import AuditAction
    from relmgr.services import audit
    from relmgr.storage import SCHEMA_VERSION, create_portfolio

    cli = _cli()
    line = _stdin_lines(1)[0] if args.password_stdin else None
    password = _new_password(args, line)
    with create_portfolio(args.file, password) as portfolio:
        audit.record(portfolio, action=AuditAction.PORTFOLIO_CREATED, detail={"via": "command line"})
    print(f"created {args.file}: an empty portfolio (schema {SCHEMA_VERSION}); "
          "load data with relmgr import")
    return cli.EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    from relmgr.services.password import change_portfolio_password
    from relmgr.storage import WrongPassword

    cli = _cli()
    if args.password_stdin:
        old, new_line = _stdin_lines(2)
    else:
        old, new_line = cli._password(), None
    try:
        portfolio = cli._open(args.file, command="passwd", password=old)
    except WrongPassword:
        raise WrongPassword(f"{args.file}: wrong current password; nothing changed") from None
    with portfolio:
        new = _new_password(args, new_line)
        if new == old:
            raise cli.UserError("the new password is the same as the current one; nothing changed")
        change_portfolio_password(portfolio, old_password=old, new_password=new)
    print(f"{args.file}: password changed (every page re-encrypted; recorded in the audit log)")
    return cli.EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from relmgr.services.backup import back_up

    cli = _cli()
    with cli._open(args.file, command="backup") as portfolio:
        result = back_up(portfolio, args.out, progress=cli._stderr_progress)
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"backed up {args.file} to {result.path} ({result.bytes:,} bytes, {result.rows:,} rows; "
          "every page and every table's rows checked)")
    return cli.EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from relmgr.services.backup import restore_backup

    cli = _cli()
    result = restore_backup(args.backup, args.to, cli._password(), force=args.force)
    kept = f"; the file it replaced is kept as {result.replaced}" if result.replaced else ""
    print(f"restored {args.backup} to {result.path} (checked in full before and after){kept}")
    return cli.EXIT_OK


def add_parsers(sub: Any) -> None:
    new = sub.add_parser("new", help="create an empty encrypted portfolio (password asked twice)")
    new.add_argument("file")
    new.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input (scripts)")
    new.set_defaults(handler=cmd_new)

    passwd = sub.add_parser("passwd", help="change a portfolio's password (re-encrypts every page; audited)")
    passwd.add_argument("file")
    passwd.add_argument("--password-stdin", action="store_true",
                        help="read the current password (line 1) and the new one (line 2) from standard input")
    passwd.set_defaults(handler=cmd_passwd)

    backup = sub.add_parser("backup", help="a checked, encrypted copy of a portfolio (audited)")
    backup.add_argument("file")
    backup.add_argument("--out", required=True, help="the backup file to write, or a folder for a dated one")
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser("restore", help="restore a backup after checking it in full")
    restore.add_argument("backup")
    restore.add_argument("--to", required=True, help="the portfolio file to restore to")
    restore.add_argument("--force", action="store_true",
                         help="replace a portfolio that is newer than the backup or cannot be read "
                              "(it is kept beside it)")
    restore.set_defaults(handler=cmd_restore)

"""`relmgr-hq`: head office's collector. Every subcommand takes --db URL (default: the
RELMGR_HQ_DB environment variable, else sqlite:///relmgr-hq.db in the current folder).
Exit codes: 0 success, 2 a user error (one line on stderr), 1 when the bench finds a summary
not stored exactly once."""

from __future__ import annotations

import argparse
import json
import logging
import os
import ssl
import sys
from pathlib import Path
from typing import Any

from relmgr.services.sync import signing

EXIT_OK, EXIT_USER_ERROR = 0, 2
DEFAULT_DB = "sqlite:///relmgr-hq.db"


class UserError(Exception):
    pass


def _engine(args: argparse.Namespace) -> Any:
    from relmgr_hq import store

    try:
        return store.open_db(args.db)
    except ValueError as error:
        raise UserError(str(error)) from None


def read_public_key(path: str, branch_id: str) -> str:
    """The hex key in FILE, or the branch's entry of the JSON `relmgr sync FILE --show-key` prints."""
    try:
        text = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        raise UserError(f"{path}: cannot be read as a text file") from None
    if text.startswith("{"):
        try:
            keys = json.loads(text)
        except json.JSONDecodeError:
            raise UserError(f"{path}: not valid JSON (expected {{\"BRANCH\": \"hex key\"}})") from None
        if not isinstance(keys, dict) or not isinstance(keys.get(branch_id), str):
            raise UserError(f"{path}: holds no key for branch {branch_id}")
        text = keys[branch_id]
    try:
        key = bytes.fromhex(text)
    except ValueError:
        raise UserError(f"{path}: the public key is not hexadecimal") from None
    if len(key) != signing.KEY_BYTES:
        raise UserError(f"{path}: the public key must be {signing.KEY_BYTES} bytes "
                        f"({2 * signing.KEY_BYTES} hex digits)")
    return key.hex()


def cmd_enrol(args: argparse.Namespace) -> int:
    from relmgr_hq import intake, store

    if not intake.ID_PATTERN.fullmatch(args.branch):
        raise UserError(f"--branch {args.branch!r}: use 1 to 64 letters, digits, '.', '_' or '-'")
    key = read_public_key(args.public_key, args.branch)
    new = store.enrol(_engine(args), args.branch, key)
    print(f"branch {args.branch} {'enrolled' if new else 'key replaced'}")
    return EXIT_OK


def _carried_order(item: tuple[Path, bytes]) -> tuple[int, str]:
    """Carried files go in by sequence number, whatever they are called (a later one first would
    make the earlier one out of order); unreadable ones last, to be refused with their reason."""
    file, body = item
    try:
        sequence = json.loads(body)["payload"]["sequence"]
    except (ValueError, TypeError, KeyError):
        sequence = None
    return (sequence if isinstance(sequence, int) else sys.maxsize, file.name)


def cmd_ingest(args: argparse.Namespace) -> int:
    from relmgr_hq import intake

    path = Path(args.path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path] if path.is_file() else None
    if files is None:
        raise UserError(f"{path}: no such file or folder")
    if not files:
        raise UserError(f"{path}: holds no .json summaries")
    bodies = []
    for file in files:
        try:
            bodies.append((file, file.read_bytes()))
        except OSError as error:
            raise UserError(f"{file}: cannot be read ({error.strerror})") from None
    engine = _engine(args)
    refused = 0
    for file, body in sorted(bodies, key=_carried_order):
        verdict = intake.receive(engine, body, source=f"file {file.name}")
        refused += not (verdict.accepted or verdict.duplicate)
        print(f"{file.name}: {verdict.reason}")
    return EXIT_USER_ERROR if refused else EXIT_OK


def cmd_rollup(args: argparse.Namespace) -> int:
    from relmgr.services.files import WriteFailed, write_text_atomically
    from relmgr_hq import rollup, rollup_page

    if not (args.json or args.html):
        raise UserError("give --json or --html OUT.html")
    result = rollup.build(_engine(args))
    if args.html:
        try:
            write_text_atomically(args.html, rollup_page.render(result))
        except WriteFailed as error:
            raise UserError(str(error)) from None
        print(f"rollup of {len(result['branches'])} branches written to {args.html}",
              file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from relmgr_hq import server

    if bool(args.tls_cert) != bool(args.tls_key):
        raise UserError("give both --tls-cert and --tls-key, or neither")
    if not args.tls_cert and not server.is_loopback(args.host):
        raise UserError(f"--host {args.host}: branches send over https only; give --tls-cert and "
                        "--tls-key (plain http is served on loopback only, e.g. behind a TLS proxy)")
    for path in filter(None, (args.tls_cert, args.tls_key)):
        if not Path(path).is_file():
            raise UserError(f"{path}: no such certificate or key file")
    if args.tls_cert:
        try:
            ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(args.tls_cert, args.tls_key)
        except (ssl.SSLError, OSError):
            raise UserError(f"{args.tls_cert}, {args.tls_key}: not a PEM certificate and its "
                            "private key") from None
    engine = _engine(args)
    try:
        sock = server.bind(args.host, args.port)
    except OSError as error:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}") from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    scheme = "https" if args.tls_cert else "http"
    print(f"collecting on {scheme}://{args.host}:{args.port}/summaries, rollup at /rollup "
          "(Ctrl-C stops)", flush=True)
    try:
        uvicorn.Server(server.config(engine, host=args.host, port=args.port, tls_cert=args.tls_cert,
                                     tls_key=args.tls_key)).run(sockets=[sock])
    finally:
        sock.close()
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from relmgr_hq import bench

    if args.branches < 1 or args.summaries < args.branches:
        raise UserError("--summaries must be at least --branches, and --branches at least 1")
    result = bench.run(_engine(args), branches=args.branches, summaries=args.summaries,
                       workers=args.concurrency)
    print(json.dumps(result, indent=1) if args.json else bench.describe(result))
    return EXIT_OK if result["exactly_once"] else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="relmgr-hq", description=__doc__.split("\n")[0])
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", default=os.environ.get("RELMGR_HQ_DB") or DEFAULT_DB,
                    help="database URL: sqlite:///PATH or postgresql+psycopg://USER:PW@HOST/DB")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", parents=[db], help="receive summaries over HTTPS; serve the rollup")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--tls-cert", help="PEM certificate (chain) of this server")
    serve.add_argument("--tls-key", help="PEM private key of the certificate")
    serve.set_defaults(handler=cmd_serve)

    enrol = sub.add_parser("enrol", parents=[db], help="register a branch's public key")
    enrol.add_argument("--branch", required=True)
    enrol.add_argument("--public-key", required=True,
                       help="file with the hex key, or the JSON `relmgr sync FILE --show-key` prints")
    enrol.set_defaults(handler=cmd_enrol)

    ingest = sub.add_parser("ingest", parents=[db], help="take carried summary files")
    ingest.add_argument("path", help="a .json summary or a folder of them")
    ingest.set_defaults(handler=cmd_ingest)

    roll = sub.add_parser("rollup", parents=[db], help="every branch's newest summary, added up")
    roll.add_argument("--json", action="store_true", help="print the rollup as JSON")
    roll.add_argument("--html", help="write the rollup page (tables and charts) here")
    roll.set_defaults(handler=cmd_rollup)

    bench = sub.add_parser("bench", parents=[db], help="simulated branches send concurrently over loopback")
    bench.add_argument("--branches", type=int, default=200)
    bench.add_argument("--summaries", type=int, default=1000)
    bench.add_argument("--concurrency", type=int, default=None,
                       help="senders at once (default: one per branch)")
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(handler=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except UserError as error:
        print(f"relmgr-hq: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return EXIT_OK

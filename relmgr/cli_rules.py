"""`relmgr rules FILE [--set name=value ...] [--json]`: show the team rules an RM can change, or
change them with the same checks as the Team rules dialog (relmgr/services/team_rules.py).
Registered by relmgr.cli.build_parser."""

from __future__ import annotations

import argparse
from typing import Any


def _assignment(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected name=value, e.g. tiers.vip_min_aum=80000, not {text!r}")
    return name.strip(), value


def cmd_rules(args: argparse.Namespace) -> int:
    from relmgr import cli       # late: relmgr.cli imports this module while building its parser
    from relmgr.services.team_rules import BY_NAME, RuleProblem, current_rules, parse_value, save_rules

    with cli._open(args.file, command="rules") as portfolio:
        saved = None
        if args.set:
            try:
                values = {name: parse_value(name, text) for name, text in args.set}
                saved = save_rules(portfolio, values)
            except RuleProblem as error:      # one sentence naming the rule; nothing written
                raise cli.UserError(str(error)) from None
        rules = current_rules(portfolio)
    if args.json:
        payload: dict[str, Any] = {"rules": rules, "defaults": {n: f.default for n, f in BY_NAME.items()}}
        if saved is not None:
            payload["changed"] = {name: {"before": b, "after": a} for name, (b, a) in saved.changed.items()}
            payload["segments_refresh_needed"] = saved.tiers_changed
            payload["churn_retrain_needed"] = saved.churn_changed
        cli._print_json(payload)
        return cli.EXIT_OK
    width = max(map(len, rules))
    for name, value in rules.items():
        default = BY_NAME[name].default
        note = "" if value == default else f"   (default {_shown(default)})"
        print(f"{name:<{width}}  {_shown(value)}{note}")
    if saved is not None:
        print(f"{len(saved.changed)} rule(s) changed" if saved.changed else "nothing changed")
        if saved.tiers_changed:
            print("tiers and cadences changed: run `relmgr segments FILE --refresh` (or Refresh in the app)")
        if saved.churn_changed:
            print("the churn definition changed: retrain with `relmgr churn FILE --retrain`")
    return cli.EXIT_OK


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, float) and value == int(value):
        return f"{int(value):,}"
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def add_parser(sub: Any) -> None:
    rules = sub.add_parser("rules", help="show or change the team rules (tiers, cadences, churn, Today, k)")
    rules.add_argument("file")
    rules.add_argument("--set", type=_assignment, action="append", default=[], metavar="NAME=VALUE",
                       help="change a rule, e.g. tiers.vip_min_aum=80000, tiers.mass_cadence_days=none, "
                            "today.capacity=25 (checked; audited)")
    rules.add_argument("--json", action="store_true")
    rules.set_defaults(handler=cmd_rules)

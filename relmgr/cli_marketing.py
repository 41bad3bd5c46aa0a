"""`relmgr campaigns FILE [--today DATE] [--json]`: every campaign's conversion per arm, uplift with
its 95% interval, p-value, incremental AUM, cost, revenue and ROI (relmgr/services/campaigns.py);
`relmgr lists FILE [--name NAME] [--save NAME --criteria JSON] [--tasks KIND --due DATE [--note TEXT]]
[--json]`: saved target lists and their members, masked (relmgr/services/target_lists.py); `--tasks`
first makes one follow-up task per customer on the list --name who may be marketed to
(relmgr/services/list_tasks.py). Registered by relmgr.cli.build_parser."""

from __future__ import annotations

import argparse
from typing import Any



def cmd_campaigns(args: argparse.Namespace) -> int:
    from relmgr import cli       # late: relmgr.cli imports this module while building its parser
    from relmgr.services.campaigns import campaigns_json, load_campaign_reports
    from relmgr.services.wording.campaigns import verdict

    with cli._open(args.file, command="campaigns") as portfolio:
        try:
            if args.create is not None:
                from relmgr.services.campaigns import create_campaign
                missing = [f"--{n}" for n in ("name", "list", "product", "start", "end")
                           if getattr(args, n) is None]
                if missing:
                    raise cli.UserError(f"--create needs {', '.join(missing)}")
                create_campaign(portfolio, campaign_id=args.create, name=args.name, list_name=args.list,
                                product_id=args.product, start_on=args.start, end_on=args.end,
                                channel=args.channel, cost_per_contact=args.cost, seed=args.seed)
            payload = campaigns_json(load_campaign_reports(portfolio, today=args.today))
        except ValueError as error:    # no data date, or a campaign refused: nothing written
            raise cli.UserError(str(error)) from None
    if args.json:
        cli._print_json(payload)
        return cli.EXIT_OK
    if not payload["campaigns"]:
        print("no campaigns in this portfolio")
    for c in payload["campaigns"]:
        t = c["arms"]["treatment"]
        line = f"{c['id']}  {c['name']}  treatment {t['converted']}/{t['n']}"
        if "control" in c["arms"]:
            k = c["arms"]["control"]
            line += f"  control {k['converted']}/{k['n']}"
        if c["uplift"] is not None:
            low, high = c["uplift_ci"]
            line += f"  uplift {c['uplift']:+.1%} [{low:+.1%}, {high:+.1%}]"
        print(f"{line}  {verdict(c['verdict'], language='en').lower()}")
    return cli.EXIT_OK


def cmd_lists(args: argparse.Namespace) -> int:
    from relmgr import cli
    from relmgr.services.target_lists import lists_json, save_list

    with cli._open(args.file, command="lists") as portfolio:
        if args.save is not None:
            try:
                save_list(portfolio, name=args.save, criteria=args.criteria or "")
            except ValueError as error:        # a bad name or criteria: nothing was saved
                raise cli.UserError(str(error)) from None
        made = None
        try:
            if args.tasks is not None:
                made = _make_tasks(cli, portfolio, args)
            payload = lists_json(portfolio, name=args.name)
        except KeyError:
            raise cli.UserError("no saved target list of that name (relmgr lists FILE shows them)") from None
    if made is not None:
        payload["tasks"] = {"created": made.created, "skipped_declined": made.declined,
                            "skipped_held_out": made.held_out, "task_ids": made.task_ids}
        if not args.json:
            print(f"{made.created} follow-up tasks made; skipped {made.declined} who declined marketing "
                  f"and {made.held_out} held out in a campaign's control group")
    if args.json:
        cli._print_json(payload)
        return cli.EXIT_OK
    if not payload["lists"]:
        print("no saved target lists")
    for item in payload["lists"]:
        print(f"{item['name']}: {item['count']} customers")
    return cli.EXIT_OK


def _make_tasks(cli: Any, portfolio: Any, args: argparse.Namespace) -> Any:
    from relmgr.services.list_tasks import create_list_tasks

    if args.name is None or args.due is None:
        raise cli.UserError("--tasks needs --name (the saved list) and --due (the tasks' due date)")
    try:
        return create_list_tasks(portfolio, name=args.name, kind=args.tasks.upper(), due_on=args.due,
                                 note=args.note or "", language="en")
    except ValueError as error:            # a bad kind or note, nobody to task: nothing written
        raise cli.UserError(str(error)) from None


def add_parsers(sub: Any, date_type: Any) -> None:
    lists = sub.add_parser("lists", help="saved target lists and their members (masked)")
    lists.add_argument("file")
    lists.add_argument("--name", default=None, help="only this list")
    lists.add_argument("--save", default=None, metavar="NAME",
                       help="first save (or replace) a list of this name with --criteria")
    lists.add_argument("--criteria", default=None, metavar="JSON",
                       help='e.g. {"combine": "AND", "criteria": [{"field": "tier", "op": "in", '
                            '"value": ["VIP"]}, {"field": "products", "op": "not_holds", "value": ["WM-FI"]}]}')
    lists.add_argument("--tasks", default=None, metavar="KIND",
                       help="first make one follow-up task per customer on the list --name who may be "
                            "marketed to: PHONE, VISIT, WECHAT, SMS or EMAIL (needs --due)")
    lists.add_argument("--due", type=date_type, default=None, help="the tasks' due date (YYYY-MM-DD)")
    lists.add_argument("--note", default=None, help="the tasks' note")
    lists.add_argument("--json", action="store_true",
                       help='print {"lists": [{"name", "criteria", "count", "members"}]}, members masked '
                            '(with --tasks also "tasks": {"created", "skipped_declined", "skipped_held_out", '
                            '"task_ids"})')
    lists.set_defaults(handler=cmd_lists)

    campaigns = sub.add_parser("campaigns", help="campaign results: conversion, uplift against the "
                                                 "control group with its 95%% interval, ROI")
    campaigns.add_argument("file")
    campaigns.add_argument("--today", type=date_type, default=None, help="override the data date")
    campaigns.add_argument("--json", action="store_true",
                           help='print {"campaigns": [...]}: id, name, arms, uplift, uplift_ci, p_value, '
                                "incremental_aum, cost, revenue, roi")
    campaigns.add_argument("--create", default=None, metavar="ID",
                           help="first create a campaign from a saved target list, holding out a "
                                "tier-stratified control group (team rule marketing.control_share)")
    campaigns.add_argument("--name", default=None)
    campaigns.add_argument("--list", default=None, help="the saved target list (relmgr lists)")
    campaigns.add_argument("--product", default=None, help="the promoted product id")
    campaigns.add_argument("--start", type=date_type, default=None)
    campaigns.add_argument("--end", type=date_type, default=None)
    campaigns.add_argument("--channel", default="PHONE", help="PHONE, VISIT, WECHAT, SMS or EMAIL")
    campaigns.add_argument("--cost", type=float, default=0.0, help="cost per contact (CNY)")
    campaigns.add_argument("--seed", type=int, default=None,
                           help="seed of the control group's draw (default: from the campaign id, as the dialog)")
    campaigns.set_defaults(handler=cmd_campaigns)

"""The team rules an RM can change in the product (the Team rules dialog and `relmgr rules`):
tier thresholds, the downgrade delay and contact cadences per tier, the churn horizon and risk
bands, Today's daily capacity, head office's k and the summaries' privacy budget (epsilon), and
the loan prospects' eligibility thresholds (age, income, debt-to-income, credit score floor).

Each rule the RM sees is one `RuleField`, named `group.field` (the name `relmgr rules --set`
takes), stored in the team_rules key its feature reads (segments.tiers, churn.rules,
today.capacity, sync_k, sync_epsilon, loans.rules). Only overrides are stored: a value equal to the default removes the
override, so a later relmgr with better defaults reaches every team that kept them.

`check_rules` refuses a set of values with `RuleProblem`, which names the rule and the problem
as a code (relmgr/services/wording/rules.py words it in either language); nothing is written
then. `save_rules` writes the changed rules and one RULES_CHANGED audit row in one transaction.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Collection, Mapping
from enum import StrEnum
from typing import Any

from relmgr.domain.churn import CHURN_RULE_KEY, ChurnRules
from relmgr.domain.codes import AuditAction
from relmgr.domain.loans import LOAN_RULE_KEY, LoanRules, LoanRulesRefused
from relmgr.domain.segments import RULE_KEYS, TierRules, rules_with_overrides
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.services.day_plan import CAPACITY_RULE, DEFAULT_CAPACITY, MAX_CAPACITY
from relmgr.services.sync.branch import MAX_EPSILON, RULE_EPSILON, RULE_K
from relmgr.services.sync.disclosure import DEFAULT_K
from relmgr.storage.portfolio import Portfolio
from relmgr.storage.rules import delete_rule, get_rule, set_rule



class Kind(StrEnum):
    """What a rule's value is, which decides how it is checked and shown."""

    MONEY = "MONEY"              # CNY, >= 0
    MONTHS = "MONTHS"            # whole months
    DAYS = "DAYS"                # whole days
    CADENCE = "CADENCE"          # whole days, or None: no RM call cadence for the tier
    PROBABILITY = "PROBABILITY"  # strictly between 0 and 1
    COUNT = "COUNT"              # a whole number
    EPSILON = "EPSILON"          # a privacy budget above 0, or None: off (no noise)
    RATIO = "RATIO"              # above 0, up to the maximum (a debt-to-income ratio; shown in %)


@dataclasses.dataclass(frozen=True)
class RuleField:
    name: str                    # group.field
    key: str                     # team_rules key
    field: str | None            # the field in that key's JSON object; None: the value is the rule
    kind: Kind
    default: Any
    minimum: float               # inclusive
    maximum: float               # inclusive


_TIERS, _CHURN = RULE_KEYS["tiers"], CHURN_RULE_KEY
_T, _C, _L = TierRules(), ChurnRules(), LoanRules()


def _tier(field: str, kind: Kind, minimum: float, maximum: float) -> RuleField:
    return RuleField(f"tiers.{field}", _TIERS, field, kind, getattr(_T, field), minimum, maximum)


def _churn(field: str, kind: Kind, minimum: float, maximum: float) -> RuleField:
    return RuleField(f"churn.{field}", _CHURN, field, kind, getattr(_C, field), minimum, maximum)


def _loan(field: str, kind: Kind, minimum: float, maximum: float) -> RuleField:
    return RuleField(f"loans.{field}", LOAN_RULE_KEY, field, kind, getattr(_L, field), minimum, maximum)


_MAX_AUM = 1e12
CONTROL_SHARE_RULE = "marketing.control_share"
DEFAULT_CONTROL_SHARE = 0.1
#: In the order the dialog shows them.
FIELDS: tuple[RuleField, ...] = (
    _tier("private_min_aum", Kind.MONEY, 0, _MAX_AUM),
    _tier("wealth_min_aum", Kind.MONEY, 0, _MAX_AUM),
    _tier("vip_min_aum", Kind.MONEY, 0, _MAX_AUM),
    _tier("downgrade_months", Kind.MONTHS, 1, 24),
    _tier("private_cadence_days", Kind.CADENCE, 1, 3650),
    _tier("wealth_cadence_days", Kind.CADENCE, 1, 3650),
    _tier("vip_cadence_days", Kind.CADENCE, 1, 3650),
    _tier("mass_cadence_days", Kind.CADENCE, 1, 3650),
    _churn("horizon_days", Kind.DAYS, 7, 365),
    _churn("high_probability", Kind.PROBABILITY, 0, 1),
    _churn("medium_probability", Kind.PROBABILITY, 0, 1),
    RuleField("today.capacity", CAPACITY_RULE, None, Kind.COUNT, DEFAULT_CAPACITY, 1, MAX_CAPACITY),
    RuleField("sync.k", RULE_K, None, Kind.COUNT, DEFAULT_K, 2, 1000),
    # Differential privacy on head office's summaries: epsilon per summary, unset = no noise.
    RuleField("sync.epsilon", RULE_EPSILON, None, Kind.EPSILON, None, 0, MAX_EPSILON),
    # The share of a new campaign's target list held out as its control group (issue 17).
    RuleField("marketing.control_share", CONTROL_SHARE_RULE, None, Kind.PROBABILITY, DEFAULT_CONTROL_SHARE, 0, 1),
    # Who may be a loan prospect (issue 21, domain/loans.py); `score_required` is kept as stored.
    _loan("min_age", Kind.COUNT, 18, 100),
    _loan("max_age", Kind.COUNT, 18, 100),
    _loan("mortgage_max_age", Kind.COUNT, 18, 100),
    _loan("min_income", Kind.MONEY, 0, 1e8),
    _loan("max_dti", Kind.RATIO, 0, 2),
    _loan("min_score", Kind.COUNT, 0, 1000),
)
BY_NAME: dict[str, RuleField] = {f.name: f for f in FIELDS}
# Kinds whose None is a value: no call cadence, no noise.
_MAY_BE_NONE = frozenset({Kind.CADENCE, Kind.EPSILON})
TIER_FIELDS = frozenset(f.name for f in FIELDS if f.key == _TIERS)
LOAN_FIELDS = frozenset(f.name for f in FIELDS if f.key == LOAN_RULE_KEY)
CHURN_FIELDS = frozenset(f.name for f in FIELDS if f.key == _CHURN)

# Rules that must rise in this order (lower, higher): a threshold or band above the next.
_ORDERED = (("tiers.vip_min_aum", "tiers.wealth_min_aum"), ("tiers.wealth_min_aum", "tiers.private_min_aum"),
            ("churn.medium_probability", "churn.high_probability"),
            ("loans.min_age", "loans.max_age"), ("loans.min_age", "loans.mortgage_max_age"))
# Rules that may be equal but not out of order (lower, higher): a mortgage's oldest age is at most
# the loans' oldest age.
_AT_MOST = (("loans.mortgage_max_age", "loans.max_age"),)


class Problem(StrEnum):
    UNKNOWN = "UNKNOWN"            # no such rule
    NOT_A_NUMBER = "NOT_A_NUMBER"
    NOT_WHOLE = "NOT_WHOLE"
    OUT_OF_RANGE = "OUT_OF_RANGE"  # {minimum}..{maximum}
    NOT_ABOVE = "NOT_ABOVE"        # must be above {other}
    NOT_BELOW = "NOT_BELOW"        # must be below {other}
    ABOVE_OTHER = "ABOVE_OTHER"    # must not be above {other}
    BELOW_OTHER = "BELOW_OTHER"    # must not be below {other}
    REFUSED = "REFUSED"            # the feature's own check refused the combination: {detail}, a
                                   # domain Refusal code where the feature has one (worded), else its text


class RuleProblem(ValueError):
    """One rule's value is refused; `name` is the rule, `problem` the code, `numbers` its figures."""

    def __init__(self, name: str, problem: Problem, **numbers: Any) -> None:
        self.name, self.problem, self.numbers = name, problem, numbers
        super().__init__(_english(name, problem, numbers))


def _english(name: str, problem: Problem, numbers: Mapping[str, Any]) -> str:
    from relmgr.services.wording.rules import problem_sentence      # words live in one place

    return problem_sentence(name, problem, numbers, language="en", label_of=lambda n: n)


# -- reading -----------------------------------------------------------------------------------
def current_rules(portfolio: Portfolio) -> dict[str, Any]:
    """Every rule's value in force (the team's override, else the default), by name."""
    stored = {key: get_rule(portfolio, key) for key in {f.key for f in FIELDS}}
    values: dict[str, Any] = {}
    for field in FIELDS:
        value = stored[field.key]
        if field.field is not None:
            value = value.get(field.field, field.default) if isinstance(value, Mapping) else field.default
        values[field.name] = field.default if value is None and field.kind not in _MAY_BE_NONE else value
    return values


# -- checking ----------------------------------------------------------------------------------
def parse_value(name: str, text: str) -> Any:
    """A value typed on the command line ('none' for no cadence), as the rule's type."""
    field = _field(name)
    text = text.strip()
    if field.kind in _MAY_BE_NONE and text.lower() in {"none", "null", "off", ""}:
        return None
    try:
        number = float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise RuleProblem(name, Problem.NOT_A_NUMBER) from None
    return number


def check_rules(values: Mapping[str, Any], *, changed: Collection[str] = ()) -> dict[str, Any]:
    """`values` (every rule, by name) checked and normalised (whole numbers as int); RuleProblem
    naming the first rule refused, in dialog order. Of two rules out of order, the one named is
    the one in `changed` (what the RM just typed), the higher one when both or neither are."""
    clean: dict[str, Any] = {}
    for name in values:
        _field(name)
    for field in FIELDS:
        if field.name in values:
            clean[field.name] = _checked(field, values[field.name])
    for lower, higher in _ORDERED:
        if lower in clean and higher in clean and not clean[lower] < clean[higher]:
            if lower in changed and higher not in changed:
                raise RuleProblem(lower, Problem.NOT_BELOW, other=higher)
            raise RuleProblem(higher, Problem.NOT_ABOVE, other=lower)
    for lower, higher in _AT_MOST:
        if lower in clean and higher in clean and clean[lower] > clean[higher]:
            if lower in changed and higher not in changed:
                raise RuleProblem(lower, Problem.ABOVE_OTHER, other=higher)
            raise RuleProblem(higher, Problem.BELOW_OTHER, other=lower)
    # The features' own checks, so nothing the analytics would refuse later is ever stored.
    for key, defaults in ((_TIERS, TierRules()), (_CHURN, ChurnRules()), (LOAN_RULE_KEY, LoanRules())):
        fields = {f.field: clean[f.name] for f in FIELDS if f.key == key and f.name in clean}
        try:
            rules_with_overrides(defaults, fields)
        except LoanRulesRefused as error:           # a code, worded in either language
            named = [f"loans.{f}" for f in error.fields]
            raise RuleProblem(next((n for n in named if n in changed), named[0]), Problem.REFUSED,
                              detail=error.code.value) from None
        except ValueError as error:
            first = next(f.name for f in FIELDS if f.key == key)
            raise RuleProblem(first, Problem.REFUSED, detail=str(error)) from None
    return clean


def _field(name: str) -> RuleField:
    if name not in BY_NAME:
        raise RuleProblem(name, Problem.UNKNOWN)
    return BY_NAME[name]


def _checked(field: RuleField, value: Any) -> Any:
    if value is None and field.kind in _MAY_BE_NONE:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise RuleProblem(field.name, Problem.NOT_A_NUMBER)
    if field.kind not in (Kind.MONEY, Kind.PROBABILITY, Kind.EPSILON, Kind.RATIO):
        if value != int(value):
            raise RuleProblem(field.name, Problem.NOT_WHOLE)
        value = int(value)
    else:
        value = float(value)
    if field.kind == Kind.PROBABILITY:
        if not 0 < value < 1:
            raise RuleProblem(field.name, Problem.OUT_OF_RANGE, minimum=0, maximum=1)
    elif field.kind in (Kind.EPSILON, Kind.RATIO):
        if not 0 < value <= field.maximum:
            raise RuleProblem(field.name, Problem.OUT_OF_RANGE, minimum=0, maximum=field.maximum)
    elif not field.minimum <= value <= field.maximum:
        raise RuleProblem(field.name, Problem.OUT_OF_RANGE, minimum=field.minimum, maximum=field.maximum)
    return value


# -- writing -----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class SavedRules:
    changed: dict[str, tuple[Any, Any]]      # name -> (before, after)

    @property
    def tiers_changed(self) -> bool:
        """The stored tiers and contact statuses are out of date: refresh the segments."""
        return not TIER_FIELDS.isdisjoint(self.changed)

    @property
    def churn_changed(self) -> bool:
        """The churn model no longer predicts what the team defines: it must be retrained."""
        return not CHURN_FIELDS.isdisjoint(self.changed)


# MODEL: a changed churn definition makes the model card say the model must be retrained.
@writes(Topic.RULES, Topic.AUDIT, Topic.MODEL)
def save_rules(portfolio: Portfolio, values: Mapping[str, Any]) -> SavedRules:
    """Check `values` (some or all rules, by name) against the rules in force and store those that
    changed, with one audit row naming them (before and after), in one transaction. Nothing is
    written when a value is refused (RuleProblem) or nothing changed."""
    before = current_rules(portfolio)
    typed = {name for name, value in values.items() if name not in before or value != before[name]}
    clean = check_rules({**before, **values}, changed=typed)
    changed = {name: (before[name], clean[name]) for name in clean if clean[name] != before[name]}
    if not changed:
        return SavedRules({})
    with portfolio.transaction():
        for key in {BY_NAME[name].key for name in changed}:
            _store_key(portfolio, key, clean)
        audit.record(portfolio, action=AuditAction.RULES_CHANGED, target="team rules",
                     detail={"changed": {name: list(pair) for name, pair in changed.items()}})
    return SavedRules(changed)


def _store_key(portfolio: Portfolio, key: str, values: Mapping[str, Any]) -> None:
    fields = [f for f in FIELDS if f.key == key]
    if fields[0].field is None:                         # a rule of its own
        value = values[fields[0].name]
        if value == fields[0].default:
            delete_rule(portfolio, key)
        else:
            set_rule(portfolio, key, value)
        return
    stored = get_rule(portfolio, key)
    merged = dict(stored) if isinstance(stored, Mapping) else {}    # keeps rules not shown here
    for field in fields:
        if values[field.name] == field.default:
            merged.pop(field.field, None)
        else:
            merged[field.field] = values[field.name]
    if merged:
        set_rule(portfolio, key, merged)
    else:
        delete_rule(portfolio, key)

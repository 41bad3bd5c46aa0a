"""A column mapping: how a bank's export files become relmgr's exchange-format tables.

Per relmgr table: which source file (a name or glob inside the import folder), which source
column feeds each relmgr field, the fields the bank does not export ("not provided": stored
empty and shown as "—", never invented), the value format of date and amount fields, code maps
(the export's codes → relmgr's) and an optional debit/credit indicator column that gives the
amount's sign. Saved as JSON, by name in the user's mappings folder or as any PATH.json.

The exchange format itself is the native mapping: every field from the column of its own name,
ISO dates, plain amounts, relmgr's codes (`native_mapping`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from relmgr.services.files import write_atomically
from relmgr.services.importer.spec import BY_TABLE, TABLES, Kind
from relmgr.services.mapping.sniff import MAX_HEADER_ROW, QUOTES, SEPARATORS
from relmgr.services.mapping.values import AMOUNT_FORMATS, DATE_FORMATS, MONTH_FORMATS
from relmgr.services.paths import data_dir

FORMAT_VERSION = 1
# Fields a bank export may lack; they are stored empty (NULL) and shown as not provided.
MAY_BE_NOT_PROVIDED = {
    "customers": ("name", "id_number", "phone", "risk_rating", "risk_assessed_on",
                  "preferred_channel", "city", "occupation", "closed_on", "tags"),
    "transactions": ("channel", "holding_id"),
}


# Amount fields in money, converted at the mapping's exchange rate when the export is not in
# CNY. Every number field of the exchange format is here or in NOT_MONEY (a test checks), so a
# new one is placed on purpose.
MONEY_FIELDS = {"products": ("min_amount",), "holdings": ("balance",), "transactions": ("amount",),
                "monthly_balances": ("aum_avg", "aum_end"), "campaigns": ("cost_per_contact",),
                "offers": ("revenue",),
                # A credit card's limit is its principal; amount_due is the next instalment.
                "loans": ("principal", "outstanding", "amount_due"),
                "loan_repayments": ("amount_due", "amount_paid"),
                "credit_profiles": ("monthly_income",)}
# Number fields that are not money: an interest rate in percent stays as exported.
NOT_MONEY = {"loans": ("rate",)}


class MappingError(Exception):
    """A mapping file that cannot be used; the message is one sentence for the user."""


@dataclass
class SignRule:
    """A debit/credit indicator column: the amount's sign comes from it, not from the amount."""
    column: str
    codes: dict[str, int]            # e.g. {"贷": 1, "借": -1}: + money into the bank


@dataclass
class TableMapping:
    table: str
    file: str                                        # file name or glob inside --from
    columns: dict[str, str] = field(default_factory=dict)      # relmgr field -> source column
    not_provided: list[str] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)      # field -> date/amount format
    codes: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> {source: relmgr}
    sign: SignRule | None = None
    # How the file is written, when the RM overrode what relmgr detects (None: detected). Saved
    # with the mapping so next month's export is read the same way.
    encoding: str | None = None
    separator: str | None = None
    quote: str | None = None
    header_row: int | None = None                    # 1-based line of the header

    def missing_required(self) -> list[str]:
        spec = BY_TABLE[self.table]
        return [c.name for c in spec.columns if c.required and c.name not in self.columns
                and c.name not in self.not_provided]


@dataclass
class Mapping:
    name: str
    tables: dict[str, TableMapping] = field(default_factory=dict)
    century_pivot: int | None = None                 # YYMMDD: YY <= pivot is 20YY
    # An export in another currency: its code (ISO 4217) and CNY per unit; amounts are
    # converted at import and the data-quality report says so.
    currency: str | None = None
    exchange_rate: float | None = None

    def to_json(self) -> str:
        payload = {"format": "relmgr-mapping", "version": FORMAT_VERSION, "name": self.name,
                   "century_pivot": self.century_pivot,
                   **({"currency": self.currency, "exchange_rate": self.exchange_rate}
                      if self.currency else {}),
                   "tables": {t: {k: v for k, v in asdict(m).items() if k != "table" and v not in (None, [], {})}
                              for t, m in self.tables.items()}}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _fail(where: str, what: str) -> MappingError:
    return MappingError(f"{where}: {what}")


def _table_from(name: str, raw: object, where: str) -> TableMapping:
    if name not in BY_TABLE:
        raise _fail(where, f"unknown table {name!r} (relmgr has: {', '.join(BY_TABLE)})")
    if not isinstance(raw, dict) or not isinstance(raw.get("file"), str):
        raise _fail(where, f"table {name}: needs a \"file\" (a file name or pattern)")
    spec = BY_TABLE[name]
    fields = set(spec.column_names)
    columns = raw.get("columns", {})
    not_provided = raw.get("not_provided", [])
    formats = raw.get("formats", {})
    codes = raw.get("codes", {})
    if not (isinstance(columns, dict) and all(isinstance(v, str) for v in columns.values())):
        raise _fail(where, f"table {name}: \"columns\" must map relmgr fields to source column names")
    for group, keys in (("columns", columns), ("not_provided", not_provided), ("formats", formats),
                        ("codes", codes)):
        unknown = [k for k in keys if k not in fields]
        if unknown:
            raise _fail(where, f"table {name}, {group}: unknown field {unknown[0]!r} "
                               f"(the fields are: {', '.join(spec.column_names)})")
    allowed = set(MAY_BE_NOT_PROVIDED.get(name, ())) | {c.name for c in spec.columns if not c.required}
    for f in not_provided:
        if f not in allowed:
            raise _fail(where, f"table {name}: {f} cannot be \"not provided\": relmgr needs it")
    for f, form in formats.items():
        kind = spec.column(f).kind
        options = (MONTH_FORMATS if kind is Kind.MONTH else DATE_FORMATS
                   if kind in (Kind.DATE, Kind.TIMESTAMP) else AMOUNT_FORMATS if kind is Kind.NUMBER
                   else ())
        if form not in options:
            raise _fail(where, f"table {name}, field {f}: unknown format {form!r}"
                        + (f" (use one of: {', '.join(options)})" if options else " (not a date or number)"))
    for f, table in codes.items():
        if spec.column(f).kind is not Kind.CODE or not isinstance(table, dict):
            raise _fail(where, f"table {name}, codes: {f} is not a code field with a {{source: code}} map")
        allowed_codes = {c.value for c in spec.column(f).codes}  # type: ignore[union-attr]
        wrong = [v for v in table.values() if v not in allowed_codes]
        if wrong:
            raise _fail(where, f"table {name}, codes for {f}: {wrong[0]!r} is not a relmgr code "
                               f"(allowed: {', '.join(sorted(allowed_codes))})")
    sign = raw.get("sign")
    rule = None
    if sign is not None:
        if not (isinstance(sign, dict) and isinstance(sign.get("column"), str)
                and isinstance(sign.get("codes"), dict)
                and all(v in (1, -1) for v in sign["codes"].values())):
            raise _fail(where, f"table {name}: \"sign\" needs a \"column\" and \"codes\" of 1 or -1")
        rule = SignRule(sign["column"], dict(sign["codes"]))
    return TableMapping(name, raw["file"], dict(columns), list(not_provided), dict(formats),
                        {k: dict(v) for k, v in codes.items()}, rule, *_reading_from(raw, name, where))


def _reading_from(raw: dict, name: str, where: str) -> tuple[str | None, str | None, str | None, int | None]:
    """The saved reading overrides of a table: encoding, separator, quote, header row."""
    encoding, separator = raw.get("encoding"), raw.get("separator")
    quote, header_row = raw.get("quote"), raw.get("header_row")
    if encoding is not None and not (isinstance(encoding, str) and encoding):
        raise _fail(where, f"table {name}: \"encoding\" must be an encoding name such as gb18030")
    if separator is not None and separator not in SEPARATORS:
        raise _fail(where, f"table {name}: \"separator\" must be one of , ; | or a tab")
    if quote is not None and not (isinstance(quote, str) and len(quote) == 1 and quote in QUOTES):
        raise _fail(where, f"table {name}: \"quote\" must be \" or '")
    if header_row is not None and (isinstance(header_row, bool) or not isinstance(header_row, int)
                                   or not 1 <= header_row <= MAX_HEADER_ROW):
        raise _fail(where, f"table {name}: \"header_row\" must be a line number from 1 to {MAX_HEADER_ROW}")
    return encoding, separator, quote, header_row


def mapping_from_json(text: str, *, where: str) -> Mapping:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise _fail(where, f"is not valid JSON (line {error.lineno}: {error.msg})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("tables"), dict):
        raise _fail(where, "is not a relmgr mapping (no \"tables\")")
    if raw.get("version", FORMAT_VERSION) > FORMAT_VERSION:
        raise _fail(where, "was saved by a newer relmgr")
    pivot = raw.get("century_pivot")
    if pivot is not None and not (isinstance(pivot, int) and 0 <= pivot <= 99):
        raise _fail(where, "century_pivot must be a two-digit year (0-99)")
    currency, rate = check_currency(raw.get("currency"), raw.get("exchange_rate"), where=where)
    tables = {name: _table_from(name, body, where) for name, body in raw["tables"].items()}
    return Mapping(str(raw.get("name") or Path(where).stem), tables, pivot, currency, rate)


def check_currency(currency: object, rate: object, *, where: str) -> tuple[str | None, float | None]:
    """A currency other than CNY with a positive finite rate (CNY per unit), or neither."""
    import math

    if currency in (None, "", "CNY") and rate in (None, 1, 1.0):
        return None, None
    if not (isinstance(currency, str) and len(currency) == 3 and currency.isascii() and currency.isalpha()
            and currency.isupper()):
        raise _fail(where, "currency must be a three-letter code such as USD or HKD")
    if currency == "CNY":
        raise _fail(where, "an export in CNY takes no exchange rate")
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not math.isfinite(rate) or rate <= 0:
        raise _fail(where, f"exchange_rate must be a positive number: CNY per {currency}")
    return currency, float(rate)


def mappings_dir() -> Path:
    folder = data_dir() / "mappings"
    folder.mkdir(exist_ok=True)
    return folder


def _named_path(name: str) -> Path:
    if not name or any(c in name for c in "/\\:") or name.startswith("."):
        raise MappingError(f"{name!r} is not a mapping name (letters, digits, '-', '_')")
    return mappings_dir() / f"{name}.json"


def load_mapping(ref: str) -> Mapping:
    """`ref`: a PATH.json, or the name of a mapping saved in the mappings folder."""
    path = Path(ref) if ref.lower().endswith(".json") else _named_path(ref)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        saved = sorted(p.stem for p in mappings_dir().glob("*.json"))
        raise MappingError(f"{ref}: no such mapping" + (f" (saved: {', '.join(saved)})" if saved else "")) from None
    except (OSError, UnicodeDecodeError):
        raise MappingError(f"{ref}: cannot be read as a UTF-8 JSON file") from None
    return mapping_from_json(text, where=path.name)


def save_mapping(mapping: Mapping, ref: str | None = None) -> Path:
    path = Path(ref) if ref and ref.lower().endswith(".json") else _named_path(ref or mapping.name)
    data = mapping.to_json().encode("utf-8")
    return write_atomically(path, lambda handle: handle.write(data))


def native_mapping() -> Mapping:
    """The exchange format, seen as a mapping (docs/exchange-format.md)."""
    return Mapping("exchange-format", {
        spec.table: TableMapping(spec.table, spec.file_name, {c: c for c in spec.column_names})
        for spec in TABLES})

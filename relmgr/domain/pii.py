"""Personal data rules: masking for screen and export, and validation of ID numbers and phones.

Masked forms follow the usual practice of Chinese banks:
ID 110***********1234, phone 138****5678, name 张*明.
"""

from __future__ import annotations

import datetime as dt
import re

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_PATTERN = re.compile(r"^\d{17}[\dX]$")
_PHONE_PATTERN = re.compile(r"^1[3-9]\d{9}$")


def id_check_char(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits of a resident ID number."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def id_number_problem(id_number: str) -> str | None:
    """Why an 18-digit resident ID number is invalid, or None when it is valid."""
    if not _ID_PATTERN.match(id_number):
        return "must be 17 digits followed by a digit or X"
    try:
        dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return "birth date in positions 7-14 is not a real date"
    if id_check_char(id_number[:17]) != id_number[17]:
        return "check character does not match"
    return None


def phone_problem(phone: str) -> str | None:
    """Why a mainland mobile number is invalid, or None when it is valid."""
    return None if _PHONE_PATTERN.match(phone) else "must be 11 digits starting 13-19"


# What a field the bank's export did not provide shows as (migration 0010: stored as NULL).
NOT_PROVIDED = "—"


def provided(value: object) -> bool:
    return isinstance(value, str) and value != ""


def shown(value: object) -> str:
    """An unmasked personal field for display or export: the value, or NOT_PROVIDED."""
    return value if provided(value) else NOT_PROVIDED  # type: ignore[return-value]


def mask_id_number(id_number: str | None) -> str:
    if not provided(id_number):
        return NOT_PROVIDED
    assert id_number is not None
    if len(id_number) <= 7:
        return "*" * len(id_number)
    return id_number[:3] + "*" * (len(id_number) - 7) + id_number[-4:]


def mask_phone(phone: str | None) -> str:
    if not provided(phone):
        return NOT_PROVIDED
    assert phone is not None
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str | None) -> str:
    """张三 -> 张*, 张小明 -> 张*明, 欧阳小明 -> 欧**明; a Latin name keeps its first letter; a
    name not provided -> —."""
    if not provided(name):
        return NOT_PROVIDED
    assert name is not None
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]

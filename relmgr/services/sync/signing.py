"""Canonical JSON and HMAC-SHA256 signatures for summaries.

Canonical form: keys sorted, no spaces, UTF-8, no NaN; the signature covers exactly those bytes,
so the branch and head office compute it over the same text whatever their JSON libraries do with
spacing. HMAC with a per-branch secret key (Ed25519 would need the `cryptography` package, which
relmgr does not ship): head office holds each branch's key, enrolled once, and a summary signed
with another branch's key, or changed after signing, fails verification.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from typing import Any

ALGORITHM = "HMAC-SHA256"
KEY_BYTES = 32


class BadSignature(ValueError):
    """A summary whose signature does not match its content and branch key."""


def canonical(payload: Any) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def new_key() -> str:
    """A fresh branch key as hex."""
    return secrets.token_hex(KEY_BYTES)


def _mac(payload: dict[str, Any], key_hex: str) -> str:
    try:
        key = bytes.fromhex(key_hex)
    except ValueError:
        raise ValueError("the branch key is not hexadecimal") from None
    if len(key) < 16:
        raise ValueError("the branch key is shorter than 16 bytes")
    return hmac.new(key, canonical(payload), hashlib.sha256).hexdigest()


def sign(payload: dict[str, Any], key_hex: str) -> dict[str, Any]:
    """The envelope that leaves the branch: the payload and its signature."""
    return {"payload": payload, "signature": {"algorithm": ALGORITHM, "value": _mac(payload, key_hex)}}


def verify(envelope: Any, key_hex: str) -> dict[str, Any]:
    """The payload of a correctly signed envelope; BadSignature otherwise."""
    if not isinstance(envelope, dict) or not isinstance(envelope.get("payload"), dict) \
            or not isinstance(envelope.get("signature"), dict):
        raise BadSignature("not a signed summary (payload and signature expected)")
    signature = envelope["signature"]
    if signature.get("algorithm") != ALGORITHM:
        raise BadSignature(f"unknown signature algorithm {signature.get('algorithm')!r}")
    expected = _mac(envelope["payload"], key_hex)
    if not hmac.compare_digest(expected, str(signature.get("value", ""))):
        raise BadSignature("the signature does not match: the summary was changed or signed "
                           "with another key")
    return envelope["payload"]

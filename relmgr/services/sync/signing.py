"""Canonical JSON and Ed25519 signatures for summaries.

Canonical form: keys sorted, no spaces, UTF-8, no NaN; the signature covers exactly those bytes,
so the branch and head office compute it over the same text whatever their JSON libraries do with
spacing. Each branch signs with its own Ed25519 private key, which lives only inside its encrypted
portfolio; head office enrols the branch's public key once, so it can check a summary but never
forge one (with a shared secret, anyone at head office holding it could).
"""

from __future__ import annotations

import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ALGORITHM = "Ed25519"
KEY_BYTES = 32


class BadSignature(ValueError):
    """A summary whose signature does not match its content and branch key."""


def canonical(payload: Any) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def _raw(key_hex: str, what: str) -> bytes:
    try:
        key = bytes.fromhex(key_hex)
    except (TypeError, ValueError):
        raise ValueError(f"the {what} is not hexadecimal") from None
    if len(key) != KEY_BYTES:
        raise ValueError(f"the {what} must be {KEY_BYTES} bytes ({2 * KEY_BYTES} hex digits)")
    return key


def new_key() -> str:
    """A fresh branch private key (its 32-byte seed) as hex."""
    from cryptography.hazmat.primitives import serialization

    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption()).hex()


def public_key(private_hex: str) -> str:
    """The public key head office enrols for a branch, as hex."""
    from cryptography.hazmat.primitives import serialization

    private = Ed25519PrivateKey.from_private_bytes(_raw(private_hex, "branch key"))
    return private.public_key().public_bytes(serialization.Encoding.Raw,
                                             serialization.PublicFormat.Raw).hex()


def sign(payload: dict[str, Any], private_hex: str) -> dict[str, Any]:
    """The envelope that leaves the branch: the payload and its signature."""
    private = Ed25519PrivateKey.from_private_bytes(_raw(private_hex, "branch key"))
    return {"payload": payload,
            "signature": {"algorithm": ALGORITHM, "value": private.sign(canonical(payload)).hex()}}


def verify(envelope: Any, public_hex: str) -> dict[str, Any]:
    """The payload of a correctly signed envelope; BadSignature otherwise."""
    if not isinstance(envelope, dict) or not isinstance(envelope.get("payload"), dict) \
            or not isinstance(envelope.get("signature"), dict):
        raise BadSignature("not a signed summary (payload and signature expected)")
    signature = envelope["signature"]
    if signature.get("algorithm") != ALGORITHM:
        raise BadSignature(f"unknown signature algorithm {signature.get('algorithm')!r}")
    public = Ed25519PublicKey.from_public_bytes(_raw(public_hex, "enrolled public key"))
    try:
        public.verify(bytes.fromhex(str(signature.get("value", ""))), canonical(envelope["payload"]))
    except (InvalidSignature, ValueError):
        raise BadSignature("the signature does not match: the summary was changed or signed "
                           "with another key") from None
    return envelope["payload"]

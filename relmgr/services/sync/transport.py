"""Sending one signed summary to head office over HTTPS, certificate always verified.

Plain http is refused, and there is no switch to skip verification: a branch whose head office
uses the bank's own CA sets that CA bundle in Settings instead."""

from __future__ import annotations

import http.client
import json
import ssl
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

TIMEOUT_SECONDS = 20


class SendFailed(Exception):
    """The summary did not reach head office, or head office could not take it just now (a 5xx):
    transient, it stays in the outbox and is tried again later; str() says why."""


class Refused(Exception):
    """Head office received the summary and refused it (a 4xx other than a duplicate): sending
    it again would not help, so it is not retried; str() is head office's reason."""


def tls_context(ca_bundle: str | None) -> ssl.SSLContext:
    try:
        context = ssl.create_default_context(cafile=ca_bundle or None)
    except (FileNotFoundError, ssl.SSLError, OSError):
        raise SendFailed(f"the CA bundle {ca_bundle} cannot be read as PEM certificates") from None
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def check_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url or "")
    if parts.scheme != "https" or not parts.hostname:
        raise SendFailed("the head-office address must be an https:// URL")
    return url


def send(body: bytes, url: str, *, ca_bundle: str | None = None,
         timeout: float = TIMEOUT_SECONDS) -> dict[str, Any]:
    """POST the envelope; head office's answer (JSON) when it accepted it (200) or already had it
    (409 with {"duplicate": true}: delivered before, head office stores each id once).
    Refused for any other 4xx, SendFailed for a 5xx, a timeout or no connection."""
    request = urllib.request.Request(check_url(url), data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    context = tls_context(ca_bundle)
    host = urllib.parse.urlsplit(url).hostname
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=context) as response:
            return _answer(response.read())
    except urllib.error.HTTPError as error:
        answer = _answer(_read(error))
        reason = str(answer.get("reason") or "").strip()
        if error.code == 409 and answer.get("duplicate") is True:
            return {**answer, "duplicate": True}
        if 400 <= error.code < 500:
            raise Refused(reason or f"head office answered HTTP {error.code} without a reason") from None
        raise SendFailed(f"{host}: head office could not take it now (HTTP {error.code}"
                         f"{': ' + reason if reason else ''}); it will be tried again") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, ssl.SSLCertVerificationError):
            raise SendFailed(f"{host}: its certificate is not trusted "
                             f"({reason.verify_message or 'verification failed'}); "
                             "check the CA bundle in Settings") from None
        if isinstance(reason, ssl.SSLError):
            raise SendFailed(f"{host}: the secure connection failed ({reason.reason or reason})") from None
        if isinstance(reason, TimeoutError):
            raise SendFailed(f"{host}: no answer within {timeout:g} s") from None
        raise SendFailed(f"{host}: cannot connect ({getattr(reason, 'strerror', None) or reason})") from None
    except TimeoutError:
        raise SendFailed(f"{host}: no answer within {timeout:g} s") from None
    except (OSError, http.client.HTTPException) as error:
        raise SendFailed(f"{host}: the connection broke off ({type(error).__name__})") from None


def _read(error: urllib.error.HTTPError) -> bytes:
    try:
        return error.read()
    except (OSError, http.client.HTTPException):
        return b""


def _answer(raw: bytes) -> dict[str, Any]:
    try:
        value = json.loads(raw.decode("utf-8") or "{}")
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}

"""The user's settings: one typed object, stored as JSON with a schema version.

Only preferences live here (language, auto-lock, the last portfolio's path), never customer data
or the password. Team rules (tier thresholds, cadences) live inside the encrypted portfolio.
Old settings files are upgraded step by step; a damaged file falls back to defaults rather than
stopping the app from starting.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from typing import Any

from relmgr.services.files import write_text_atomically
from relmgr.services.paths import settings_path

log = logging.getLogger(__name__)

SETTINGS_SCHEMA = 1
LANGUAGES = ("auto", "zh_CN", "en")
MAX_NAME_CHARS = 60


@dataclasses.dataclass(frozen=True)
class Settings:
    language: str = "auto"          # "auto" follows the OS locale
    auto_lock_minutes: int = 10     # 0 = never
    last_portfolio: str | None = None
    # Head office's summary receiver (https:// only) and, when its certificate comes from the
    # bank's own CA, that CA's PEM bundle; empty: the system's CAs. Verification is never off.
    head_office_url: str = ""
    ca_bundle: str = ""
    # The header of printed call sheets and exports (网点 / 客户经理): the RM's own words, not
    # customer data. Empty: the portfolio's own 'branch' / 'rm' entries, if any.
    branch_name: str = ""
    rm_name: str = ""
    # Automatic backups on lock and quit (relmgr/services/backup.py auto_backup): the folder
    # (empty: off) and how many dated backups of each portfolio to keep there.
    backup_folder: str = ""
    backup_keep: int = 5

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
        if not 0 <= self.auto_lock_minutes <= 240:
            raise ValueError("auto-lock must be between 0 and 240 minutes")
        for name in ("branch_name", "rm_name"):
            if not isinstance(getattr(self, name), str) or len(getattr(self, name)) > MAX_NAME_CHARS:
                raise ValueError(f"{name} must be text of at most {MAX_NAME_CHARS} characters")
        if not 1 <= self.backup_keep <= 100:
            raise ValueError("keep between 1 and 100 automatic backups")


# Upgrade steps: _UPGRADES[n] turns a schema-n dict into a schema-(n+1) dict.
_UPGRADES: dict[int, Any] = {}


def load_settings() -> Settings:
    path = settings_path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        schema = int(raw.pop("schema", 1))
        while schema < SETTINGS_SCHEMA:
            raw = _UPGRADES[schema](raw)
            schema += 1
        known = {f.name for f in dataclasses.fields(Settings)}
        return Settings(**{k: v for k, v in raw.items() if k in known})
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        log.warning("settings file unreadable (%s); using defaults", type(error).__name__)
        return Settings()


def save_settings(settings: Settings) -> None:
    payload = {"schema": SETTINGS_SCHEMA, **dataclasses.asdict(settings)}
    write_text_atomically(settings_path(), json.dumps(payload, indent=2, ensure_ascii=False))

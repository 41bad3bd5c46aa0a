"""The app's log file: operations and errors, never customer data.

Code logs codes and counts, not names, ID numbers or phones. As a second line of defence, a
filter masks anything in a log record that looks like an ID number or a mobile number, so a
careless message still cannot put one on disk in plaintext.
"""

from __future__ import annotations

import logging
import logging.handlers
import re

from relmgr.services.paths import log_dir

LOG_FILE_NAME = "relmgr.log"
# 17 digits + check character, or 11-digit mobile numbers starting with 1.
_PII_PATTERN = re.compile(r"(?<!\d)(\d{17}[\dXx]|1[3-9]\d{9})(?!\d)")


class MaskDigitsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = _PII_PATTERN.sub(lambda m: m.group(0)[:3] + "*" * (len(m.group(0)) - 7)
                                  + m.group(0)[-4:], message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def configure_logging(*, level: int = logging.INFO) -> logging.Handler:
    """Send relmgr's log records to a rotating file in the data folder.

    Idempotent for the same folder; a changed data folder (tests) gets a new file handler.
    """
    root = logging.getLogger("relmgr")
    target = str((log_dir() / LOG_FILE_NAME).resolve())
    for handler in list(root.handlers):
        if getattr(handler, "relmgr_file_log", False):
            if getattr(handler, "baseFilename", None) == target:
                return handler
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.relmgr_file_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskDigitsFilter())
    root.addHandler(handler)
    root.setLevel(level)
    return handler

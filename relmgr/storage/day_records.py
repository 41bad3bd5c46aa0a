"""Fixed-width day records of the monthly aggregates (activity_months.days, flow_months.out_days):
ASCII digits read as numbers with numpy, one row per record, without a Python call per record."""

from __future__ import annotations

import numpy as np


def record_bytes(text: str | None, width: int) -> np.ndarray:
    """The records of `text` (concatenated, `width` characters each) as a (n, width) byte array."""
    if not text:
        return np.zeros((0, width), dtype=np.uint8)
    return np.frombuffer(text.encode("ascii"), dtype=np.uint8).reshape(-1, width)


def number_at(raw: np.ndarray, first: int, digits: int) -> np.ndarray:
    """The number written in `digits` digits from column `first` of each record."""
    value = np.zeros(len(raw), dtype=np.int64)
    for i in range(first, first + digits):
        value = value * 10 + (raw[:, i].astype(np.int64) - ord("0"))
    return value

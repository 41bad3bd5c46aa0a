"""Differential privacy for a summary's figures, through diffprivlib's mechanisms (never
hand-written noise). Optional: the team rule `sync_epsilon` (services.sync.branch) turns it on.

What is noisy: every inner cell of every table (customer counts, AUM sums); totals are then the
sums of the noisy cells, so the published figures add up. Counts get the Geometric mechanism
(sensitivity 1: one customer more or less moves one cell of a table by one); AUM sums get the
Laplace mechanism over AUM clipped to CLIP_AUM per customer (so one customer moves a cell's sum by
at most CLIP_AUM, the sensitivity). The budget is split evenly over the noisy releases (each
table's counts, each table's AUM), so by sequential composition a whole summary is
epsilon-differentially private for adding or removing one customer. Noise is applied before
suppression: the k rule is judged on the figures that are published. Negative noisy figures are
clamped at zero (post-processing keeps the guarantee).

The noise is drawn from diffprivlib's secure generator (secrets.SystemRandom, no seed): it must
not be reproducible, or someone could subtract it.
"""

from __future__ import annotations

import importlib.util
import math
import sys
import types
from typing import Any

import numpy as np

CLIP_AUM = 2_000_000          # a customer's AUM counted in a noisy sum at most this much
CONFIDENCE = 0.95
_LIBRARY = "diffprivlib"


def mechanisms() -> Any:
    """diffprivlib.mechanisms, without the package's __init__.

    diffprivlib 0.6.6's __init__ imports its machine-learning models, which fail against
    scikit-learn 1.9 (ImportError on DOUBLE); the mechanisms need none of them. So a bare module
    stands for the package, with the real package folder as its __path__, and only the
    mechanisms subpackage is imported from it. Done once, lazily (the window never pays for it
    while DP is off); a package imported properly before is used as it is."""
    loaded = sys.modules.get(f"{_LIBRARY}.mechanisms")
    if loaded is not None:
        return loaded
    if _LIBRARY not in sys.modules:
        spec = importlib.util.find_spec(_LIBRARY)
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("differential privacy needs the diffprivlib package, which is missing")
        bare = types.ModuleType(_LIBRARY)
        bare.__path__ = list(spec.submodule_search_locations)
        bare.__file__ = spec.origin
        sys.modules[_LIBRARY] = bare
    import diffprivlib.mechanisms as found

    return found


def count_interval(epsilon: float) -> int:
    """Half-width t of the two-sided geometric noise at `epsilon` (sensitivity 1): P(|noise| <= t)
    >= CONFIDENCE. P(|X| > t) = 2 a^(t+1) / (1 + a) with a = exp(-epsilon)."""
    a = math.exp(-epsilon)
    t = math.log((1 - CONFIDENCE) * (1 + a) / 2) / math.log(a) - 1
    return max(0, math.ceil(t))


def sum_interval(epsilon: float, sensitivity: float) -> float:
    """Half-width of Laplace noise of scale sensitivity/epsilon holding CONFIDENCE of its mass."""
    return sensitivity / epsilon * math.log(1 / (1 - CONFIDENCE))


def noisy_counts(counts: np.ndarray, epsilon: float) -> np.ndarray:
    mechanism = mechanisms().Geometric(epsilon=epsilon, sensitivity=1)
    flat = [max(0, int(mechanism.randomise(int(v)))) for v in np.asarray(counts).ravel()]
    return np.array(flat, dtype=np.int64).reshape(np.shape(counts))


def noisy_sums(sums: np.ndarray, epsilon: float, sensitivity: float = CLIP_AUM) -> np.ndarray:
    mechanism = mechanisms().Laplace(epsilon=epsilon, sensitivity=sensitivity)
    flat = [max(0.0, float(mechanism.randomise(float(v)))) for v in np.asarray(sums).ravel()]
    return np.array(flat, dtype=np.float64).reshape(np.shape(sums))


def description(epsilon: float, releases: int) -> dict[str, Any]:
    """What the payload states about the noise (and the preview shows)."""
    share = epsilon / releases
    return {"epsilon": epsilon, "releases": releases, "epsilon_per_release": share,
            "unit": "one customer added or removed",
            "counts": {"mechanism": "Geometric", "library": "diffprivlib", "sensitivity": 1,
                       "interval_95": count_interval(share)},
            "aum": {"mechanism": "Laplace", "library": "diffprivlib", "sensitivity": CLIP_AUM,
                    "clipped_per_customer": CLIP_AUM,
                    "interval_95": round(sum_interval(share, CLIP_AUM))},
            "noisy": "every table cell's customers and aum; totals are sums of the noisy cells",
            "not_noisy": "model_quality"}

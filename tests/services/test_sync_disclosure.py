"""Disclosure control: every published count is 0 or >= k, and an attacker holding every
published cell and total cannot recover any suppressed cell. The attacker here is written apart
from the module (its own constraints and linear programmes), and is shown to succeed against
primary suppression alone, so the test can fail."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from relmgr.services.sync.disclosure import extend, protect


def attacker_ranges(published: np.ndarray) -> dict[tuple[int, int], tuple[float, float]]:
    """For an extended grid with NaN for hidden cells: each hidden cell's smallest and largest
    value consistent with row sums = row totals, column sums = column totals, counts >= 0."""
    rows, cols = published.shape
    hidden = [(i, j) for i in range(rows) for j in range(cols) if np.isnan(published[i, j])]
    index = {cell: n for n, cell in enumerate(hidden)}
    a_eq, b_eq = [], []
    lines = [[(i, j) for j in range(cols - 1)] + [(i, cols - 1, -1)] for i in range(rows)]
    lines += [[(i, j) for i in range(rows - 1)] + [(rows - 1, j, -1)] for j in range(cols)]
    for line in lines:
        coefficients, constant = np.zeros(len(hidden)), 0.0
        for entry in line:
            i, j, sign = (*entry, 1) if len(entry) == 2 else entry
            if (i, j) in index:
                coefficients[index[(i, j)]] += sign
            else:
                constant -= sign * published[i, j]
        a_eq.append(coefficients)
        b_eq.append(constant)
    ranges = {}
    for cell, n in index.items():
        goal = np.zeros(len(hidden))
        goal[n] = 1
        low = linprog(goal, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        high = linprog(-goal, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        ranges[cell] = (low.fun, np.inf if high.status == 3 else -high.fun)
    return ranges


def published_grid(counts: np.ndarray, suppressed: np.ndarray) -> np.ndarray:
    return np.where(suppressed, np.nan, counts.astype(float))


def recovered(counts: np.ndarray, suppressed: np.ndarray) -> list[tuple[int, int]]:
    return [cell for cell, (low, high) in attacker_ranges(published_grid(counts, suppressed)).items()
            if high - low < 0.5]


TABLES = [
    np.array([[40, 3, 12], [25, 30, 2], [1, 0, 50]]),
    np.array([[0, 0, 1, 0, 0], [0, 2, 32, 0, 0], [0, 8, 103, 8, 1], [3, 3, 69, 9, 61]]),
    np.array([[6, 0, 0, 0], [4, 0, 0, 0], [228, 0, 0, 0], [0, 0, 0, 62]]),
    np.array([[66, 30, 5, 24, 44, 15, 16, 75]]),
    np.array([[15, 15], [15, 4]]),
]


def test_the_attacker_recovers_cells_hidden_by_primary_suppression_alone() -> None:
    grid = extend(np.array([[40, 3, 12], [25, 30, 20]]))
    primary_only = (grid > 0) & (grid < 10)
    assert recovered(grid, primary_only) == [(0, 1)]


@pytest.mark.parametrize("inner", TABLES, ids=range(len(TABLES)))
def test_no_suppressed_cell_can_be_recovered_from_the_published_totals(inner: np.ndarray) -> None:
    result = protect(inner, k=10)
    assert result.suppressed[result.primary].all()
    published = result.counts[~result.suppressed]
    assert ((published == 0) | (published >= 10)).all()
    assert recovered(result.counts, result.suppressed) == []


def test_random_tables_stay_protected() -> None:
    rng = np.random.default_rng(15)
    for _ in range(12):
        inner = rng.choice([0, 1, 2, 5, 9, 12, 30, 80], size=(rng.integers(1, 5), rng.integers(2, 6)))
        result = protect(inner, k=10)
        published = result.counts[~result.suppressed]
        assert ((published == 0) | (published >= 10)).all(), inner
        assert recovered(result.counts, result.suppressed) == [], inner


def test_a_table_without_small_cells_is_published_whole() -> None:
    result = protect(np.array([[20, 30], [40, 50]]), k=10)
    assert not result.suppressed.any()
    assert result.counts[-1, -1] == 140

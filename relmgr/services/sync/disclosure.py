"""Disclosure control for the tables a summary publishes: k-anonymity with complementary
suppression.

A table is a grid of customer counts (with a parallel grid of AUM sums) published together with
its row totals, column totals and grand total. Every published count covers at least k customers
or is zero; a cell covering 1..k-1 customers is suppressed (primary suppression). Totals alone
would then give a suppressed cell back (row total minus the other cells), so more cells are
suppressed (complementary suppression) until no suppressed cell is pinned down by the published
figures: for every suppressed cell, the smallest and largest value consistent with all published
cells and totals (non-negative counts, a linear programme) differ. The same pattern hides the AUM
grid: AUM sums obey the same additive constraints, so a count that cannot be solved for leaves its
AUM unsolvable too.

What this does not guarantee: it bounds what one summary reveals. Two summaries that differ by one
customer can still be compared; cells of different tables are protected table by table.
"""

from __future__ import annotations

import dataclasses

import numpy as np

DEFAULT_K = 10


@dataclasses.dataclass(frozen=True)
class Protected:
    """An extended grid ((R+1) x (C+1): the last row and column are totals) and which of its
    cells are suppressed."""

    counts: np.ndarray          # int64, with totals
    suppressed: np.ndarray      # bool, same shape
    primary: np.ndarray         # bool: suppressed because the cell itself covers < k customers


def extend(inner: np.ndarray) -> np.ndarray:
    """The grid with a totals column, a totals row and the grand total."""
    inner = np.asarray(inner, dtype=np.float64 if inner.dtype.kind == "f" else np.int64)
    rows = np.concatenate([inner, inner.sum(axis=1, keepdims=True)], axis=1)
    return np.concatenate([rows, rows.sum(axis=0, keepdims=True)], axis=0)


def constraints(shape: tuple[int, int]) -> np.ndarray:
    """The additive relations an extended grid's cells obey, one row per relation, over the
    grid's cells in row-major order: each row's cells sum to its total, each column's likewise."""
    rows, cols = shape
    relations = []
    for i in range(rows):
        line = np.zeros(shape)
        line[i, :cols - 1] = 1
        line[i, cols - 1] = -1
        relations.append(line.ravel())
    for j in range(cols):
        line = np.zeros(shape)
        line[:rows - 1, j] = 1
        line[rows - 1, j] = -1
        relations.append(line.ravel())
    return np.array(relations)


def feasible_range(grid: np.ndarray, suppressed: np.ndarray, cell: int) -> tuple[float, float]:
    """The smallest and largest value of suppressed cell `cell` (row-major index into the
    extended grid) that agree with every published cell and total, counts non-negative."""
    relations = constraints(grid.shape)
    hidden = np.flatnonzero(suppressed.ravel())
    known = ~suppressed.ravel()
    a_eq = relations[:, hidden]
    b_eq = -relations[:, known] @ grid.ravel()[known].astype(np.float64)
    goal = np.zeros(len(hidden))
    goal[list(hidden).index(cell)] = 1.0
    bounds = [(0, None)] * len(hidden)
    from scipy.optimize import linprog  # lazily: importing it cost the window ~0.5 s of start-up

    low = linprog(goal, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    high = linprog(-goal, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    if low.status != 0 or high.status == 2:
        raise ValueError("the published figures are inconsistent")
    return float(low.fun), (float("inf") if high.status == 3 else float(-high.fun))


def _exposed(grid: np.ndarray, suppressed: np.ndarray) -> list[int]:
    """Suppressed cells whose value the published figures pin down (counts are whole numbers)."""
    exposed = []
    for cell in np.flatnonzero(suppressed.ravel()):
        low, high = feasible_range(grid, suppressed, int(cell))
        if high - low < 0.5:
            exposed.append(int(cell))
    return exposed


def _candidates(grid: np.ndarray, suppressed: np.ndarray) -> list[tuple[int, int]]:
    """Published non-zero cells (a zero hides nothing: it stays published)."""
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(~suppressed & (grid > 0)))]


def _pinned_linearly(grid: np.ndarray, suppressed: np.ndarray) -> int:
    """How many hidden cells the totals alone determine (ignoring that counts are >= 0): a fast
    first measure for choosing what to hide next; `_exposed` has the final word."""
    hidden = np.flatnonzero(suppressed.ravel())
    if not len(hidden):
        return 0
    from scipy.linalg import null_space

    free = null_space(constraints(grid.shape)[:, hidden])
    if free.size == 0:
        return len(hidden)
    return int((np.abs(free).max(axis=1) < 1e-9).sum())


def _cost(grid: np.ndarray, cell: tuple[int, int]) -> tuple[bool, int, tuple[int, int]]:
    """Hide an inner cell before a total, a small one before a large one."""
    rows, cols = grid.shape
    return (cell[0] == rows - 1 or cell[1] == cols - 1, int(grid[cell]), cell)


def _close_lines(grid: np.ndarray, suppressed: np.ndarray) -> None:
    """A line (a row or column with its total) with exactly one hidden cell gives it away: hide
    the cheapest other cell of that line, until no line has exactly one."""
    rows, cols = grid.shape
    changed = True
    while changed:
        changed = False
        for i in range(rows):
            for j in range(cols):
                lone_in_row = suppressed[i, j] and suppressed[i].sum() == 1
                lone_in_column = suppressed[i, j] and suppressed[:, j].sum() == 1
                if not (lone_in_row or lone_in_column):
                    continue
                line = [(i, c) for c in range(cols)] if lone_in_row else [(r, j) for r in range(rows)]
                options = [cell for cell in line if not suppressed[cell] and grid[cell] > 0]
                if options:
                    suppressed[min(options, key=lambda cell: _cost(grid, cell))] = True
                    changed = True


def protect(inner: np.ndarray, k: int = DEFAULT_K) -> Protected:
    """Suppress the cells of `inner` counts (and of its totals) so that every published count is
    0 or >= k and no suppressed cell can be recovered from what is published.

    Greedy: primary suppression, close every line with a lone hidden cell, then while some hidden
    cell is still pinned down by the linear programme, hide the published cell that leaves the
    fewest pinned cells, hiding as little as possible, inner and small cells first."""
    if k < 1:
        raise ValueError("k must be at least 1")
    grid = extend(np.asarray(inner, dtype=np.int64))
    primary = (grid > 0) & (grid < k)
    suppressed = primary.copy()
    _close_lines(grid, suppressed)
    while suppressed.any():
        exposed = _exposed(grid, suppressed)
        if not exposed:
            break
        trials = []
        for cell in _candidates(grid, suppressed):
            trial = suppressed.copy()
            trial[cell] = True
            _close_lines(grid, trial)
            trials.append((_pinned_linearly(grid, trial), int(trial.sum()), _cost(grid, cell), trial))
        if not trials:             # every non-zero cell is hidden already
            break
        trials.sort(key=lambda item: item[:3])
        best = [(len(_exposed(grid, t[3])), *t[:3], t[3]) for t in trials[:3]]
        suppressed = min(best, key=lambda item: item[:4])[4]
    return Protected(counts=grid, suppressed=suppressed, primary=primary)

"""What the importer reports about a rejected folder: `Problem`, `ImportRejected`, `format_problems`.

A problem names the file, the row as the RM sees it in a spreadsheet (the header is row 1, the
first data row is row 2), the column and the reason. Reasons never contain the value of a
personal-data column (name, id_number, phone, note): they say what is wrong, not what was there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Per file and column, this many rows are listed one by one; the rest are summed up in one line,
# so a file that is wrong in every one of its million rows still gives a readable report.
ROWS_LISTED_PER_COLUMN = 50
# format_problems lists at most this many problem lines after the summary.
LINES_LISTED = 200


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int | None          # spreadsheet row (header = 1); None: the whole file or column
    column: str | None       # None: the whole row or file
    reason: str
    count: int = 1           # >1 only for a line standing for several rows not listed one by one

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return ", ".join(where) + f": {self.reason}"


class ImportRejected(Exception):
    """The folder did not pass validation; nothing was written. `.problems` lists why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(format_problems(self.problems)[0])


def problem_total(problems: Sequence[Problem]) -> int:
    return sum(p.count for p in problems)


def format_problems(problems: Sequence[Problem], *, limit: int = LINES_LISTED) -> list[str]:
    """Line 1: a one-line summary (the error message); then one line per problem, at most
    `limit` of them, and a last line saying how many were not listed."""
    total = problem_total(problems)
    files = list(dict.fromkeys(p.file for p in problems))
    if not problems:
        return ["import rejected"]
    first = problems[0]
    noun = "problem" if total == 1 else "problems"
    summary = (f"import rejected, nothing was changed: {total:,} {noun} in {', '.join(files)}"
               + (f" (first: {first})" if total > 1 else f": {first}"))
    shown = _fair_share(problems, limit)
    lines = [summary, *(str(problems[i]) for i in shown)]
    if len(problems) > limit:
        rest = total - sum(problems[i].count for i in shown)
        lines.append(f"… and {rest:,} more problems not listed")
    return lines


def _fair_share(problems: Sequence[Problem], limit: int) -> list[int]:
    """Indexes of at most `limit` problems, taken in turn from each file and column, so that
    one file wrong in every row cannot fill the listing and hide the others; in list order."""
    if len(problems) <= limit:
        return list(range(len(problems)))
    groups: dict[tuple[str, str | None], list[int]] = {}
    for i, problem in enumerate(problems):
        groups.setdefault((problem.file, problem.column), []).append(i)
    queues = list(groups.values())
    chosen: list[int] = []
    depth = 0
    while len(chosen) < limit:
        row = [queue[depth] for queue in queues if depth < len(queue)]
        if not row:
            break
        chosen.extend(row[: limit - len(chosen)])
        depth += 1
    return sorted(chosen)

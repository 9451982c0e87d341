"""Consolidation at the upper committee, as plain data and pure decisions: which file counts, the totals, the receipt.

No I/O: app.services.consolidation reads the files and writes the results; exporters render the workbook.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain import error_text, notices, xlsx_text
from app.domain.vntext import sort_key

#: Figures the consolidated table shows per branch, besides the per-month and per-quarter columns.
TABLE_KEYS = (
    "members_total",
    "months_with_regular_meeting",
    "attendance_pct",
    "absences_unexcused",
    "topics_presented",
)
_MONTH_KEY = re.compile(r"meetings_(\d{4}-\d{2})")
_QUARTER_KEY = re.compile(r"thematic_(\d{4}-Q[1-4])")
#: Figures whose total is not a sum.
_DERIVED = frozenset({"attendance_pct", "months_in_period"})


@dataclass(frozen=True, slots=True)
class BranchFigures:
    """What one branch summary file says, as read from its hidden sheet (already checked against the visible one)."""

    path: str
    branch_code: str
    branch_name: str
    upper_body: str
    upper_body_2: str
    period_key: str
    period_label: str
    period_start: str
    period_end: str
    generated_at: str  # ISO, from the file; decides which of two files of one branch is newer
    app_version: str
    figures: dict[str, Any]
    modified: float = 0.0  # file mtime, only to break a tie of generated_at
    sha256: str = ""


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """The fate of one input file: accepted, rejected (with the reason) or superseded by a newer file."""

    path: str
    status: str  # "accepted" | "rejected" | "superseded"
    code: str = ""
    reason: str = ""  # Vietnamese sentence
    branch_code: str = ""
    branch_name: str = ""
    period_key: str = ""
    superseded_by: str = ""
    sha256: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "path": self.path,
            "status": self.status,
            "code": self.code,
            "reason": self.reason,
            "branch_code": self.branch_code,
            "branch_name": self.branch_name,
            "period_key": self.period_key,
            "superseded_by": self.superseded_by,
            "sha256": self.sha256,
        }


@dataclass(slots=True)
class Consolidation:
    period_key: str
    period_label: str
    branches: list[BranchFigures]  # accepted, in Vietnamese order of branch names
    outcomes: list[FileOutcome]  # every input file, in input order
    months: list[str] = field(default_factory=list)  # "2026-07" …
    quarters: list[str] = field(default_factory=list)  # "2026-Q3" …

    @property
    def rejected(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "rejected"]

    @property
    def superseded(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "superseded"]

    def totals(self) -> dict[str, float]:
        """Sums over the accepted branches; the attendance rate recomputed from present and base, not averaged."""
        out: dict[str, float] = {}
        keys = {k for b in self.branches for k in b.figures}
        for key in keys - _DERIVED:
            out[key] = sum(_number(b.figures.get(key)) for b in self.branches)
        base = out.get("attendance_base", 0)
        out["attendance_pct"] = round(100.0 * out.get("attendance_present", 0) / base, 1) if base else 0.0
        out["months_in_period"] = len(self.months)
        return out

    def upper_names(self) -> tuple[str, str]:
        """(the receiving committee, its superior): the names most branches wrote as their upper bodies."""
        body = Counter(b.upper_body for b in self.branches if b.upper_body).most_common(1)
        body_2 = Counter(b.upper_body_2 for b in self.branches if b.upper_body_2).most_common(1)
        return (body[0][0] if body else "", body_2[0][0] if body_2 else "")


def _number(value: Any) -> float:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else 0


def decide(
    candidates: Sequence[tuple[int, BranchFigures]],
    wanted_period: str | None,
    wanted_label: str = "",
) -> tuple[list[BranchFigures], dict[int, FileOutcome]]:
    """Pick the files that count. *candidates* are (input index, figures) of files that passed every check.

    Without *wanted_period* the first valid file's period is the one. Files of another period are rejected; of
    two files of one branch the newer (generated_at, then file time) stays and the other is superseded.
    """
    outcomes: dict[int, FileOutcome] = {}
    if not candidates:
        return [], outcomes
    period = wanted_period or candidates[0][1].period_key
    label = wanted_label or candidates[0][1].period_label
    in_period: list[tuple[int, BranchFigures]] = []
    for index, fig in candidates:
        if fig.period_key != period:
            outcomes[index] = FileOutcome(
                fig.path,
                "rejected",
                "summary_wrong_period",
                error_text.ERROR["summary_wrong_period"].format(path=fig.path, found=fig.period_label, wanted=label),
                fig.branch_code,
                fig.branch_name,
                fig.period_key,
                sha256=fig.sha256,
            )
        else:
            in_period.append((index, fig))
    groups: dict[str, list[tuple[int, BranchFigures]]] = {}
    for index, fig in in_period:
        groups.setdefault(fig.branch_code, []).append((index, fig))
    newest: dict[str, tuple[int, BranchFigures]] = {}
    for code, files in groups.items():
        # Newest by the time written in the file; the file's own time breaks a tie; then the later in input order.
        newest[code] = winner = max(files, key=lambda item: (item[1].generated_at, item[1].modified, item[0]))
        for index, fig in files:
            if index != winner[0]:
                outcomes[index] = _superseded(fig, winner[1])
    for index, fig in newest.values():
        outcomes[index] = FileOutcome(
            fig.path, "accepted", "", "", fig.branch_code, fig.branch_name, fig.period_key, sha256=fig.sha256
        )
    accepted = sorted((fig for _, fig in newest.values()), key=lambda f: (sort_key(f.branch_name), f.branch_code))
    return accepted, outcomes


def _superseded(loser: BranchFigures, winner: BranchFigures) -> FileOutcome:
    return FileOutcome(
        loser.path,
        "superseded",
        "summary_superseded",
        error_text.ERROR["summary_superseded"].format(branch=loser.branch_name, newer=winner.path),
        loser.branch_code,
        loser.branch_name,
        loser.period_key,
        superseded_by=winner.path,
        sha256=loser.sha256,
    )


def period_columns(branches: Iterable[BranchFigures]) -> tuple[list[str], list[str]]:
    """The month and quarter keys present in the accepted files' figures, in order."""
    months: set[str] = set()
    quarters: set[str] = set()
    for b in branches:
        for key in b.figures:
            if m := _MONTH_KEY.fullmatch(key):
                months.add(m[1])
            elif m := _QUARTER_KEY.fullmatch(key):
                quarters.add(m[1])
    return sorted(months), sorted(quarters)


def receipt_text(result: Consolidation, made_at: str, out: str) -> str:
    """The plain-text receipt: counts, then one line per input file with its fate."""
    lines = [
        notices.CONSOLIDATION_RECEIPT_TITLE.format(period=result.period_label or result.period_key),
        notices.CONSOLIDATION_RECEIPT_MADE.format(at=made_at, out=out),
        notices.CONSOLIDATION_RECEIPT_COUNTS.format(
            accepted=len(result.branches), rejected=len(result.rejected), superseded=len(result.superseded)
        ),
        "",
    ]
    for number, o in enumerate(result.outcomes, start=1):
        fate = xlsx_text.FILE_FATE[o.status]
        who = f" — {o.branch_name}" if o.branch_name else ""
        lines.append(f"{number}. [{fate}] {o.path}{who}")
        if o.reason:
            lines.append(f"   {o.reason}")
    return "\n".join(lines) + "\n"


def receipt_json(result: Consolidation, made_at: str, out: str) -> dict[str, Any]:
    return {
        "period": result.period_key,
        "period_label": result.period_label,
        "made_at": made_at,
        "output": out,
        "accepted": len(result.branches),
        "rejected": len(result.rejected),
        "superseded": len(result.superseded),
        "files": [o.to_dict() for o in result.outcomes],
        "totals": result.totals(),
    }

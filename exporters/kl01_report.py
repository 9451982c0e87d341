"""The KL 01 part of the periodic report (section II.4): counts and rates of plans, learning reports and
reviews, the branch's breakthrough and ethical standards, the lists of models, exemplars and awards.

Counts only where a member fell short: no name is printed beside a commitment not kept."""

from __future__ import annotations

from app.domain import vntext
from app.domain.dates import format_dmy
from app.domain.kl01 import Kl01Figures
from exporters import wording_kl01 as K
from exporters.docx_layout import DocBuilder


def _pct(value: float | None) -> str:
    return vntext.percent(value) if value is not None else "—"


def kl01_section(b: DocBuilder, k: Kl01Figures) -> None:
    others = K.REP_PLANS_OTHERS.format(exempt=k.exempt, away=k.away) if k.exempt or k.away else ""
    b.para(
        K.REP_PLANS.format(
            signed=k.plans_signed, expected=k.expected, pct=_pct(k.plans_pct), target=vntext.percent(k.target_pct),
            others=others,
        )
    )  # fmt: skip
    b.para(K.REP_REPORTS.format(count=k.learning_reports, expected=k.expected, pct=_pct(k.reports_pct)))
    if k.midyear_reviewed or k.year_end_reviewed:
        b.para(K.REP_REVIEWS.format(midyear=k.midyear_reviewed, year_end=k.year_end_reviewed))
    if k.breakthrough:
        b.para(K.REP_BREAKTHROUGH.format(text=k.breakthrough.rstrip(".")))
    if k.ethics:
        b.para(K.REP_ETHICS.format(text=k.ethics.rstrip(".")))
    _list(b, K.REP_MODELS.format(count=len(k.models)),
          [f"{r.title}" + (f" ({r.member_name})" if r.member_name else "") + (f": {r.description}" if r.description else "")
           for r in k.models])  # fmt: skip
    _list(b, K.REP_EXEMPLARS.format(count=len(k.exemplars)),
          [f"{r.member_name or K.REP_BRANCH}: {r.title}" + (f" ({r.recognised_by})" if r.recognised_by else "")
           for r in k.exemplars])  # fmt: skip
    _list(
        b,
        K.REP_AWARDS.format(count=len(k.awards), collective=k.awards_collective, individual=k.awards_individual),
        [
            f"{a.form} của {a.level} tặng {a.member_name or K.REP_BRANCH.lower()}"
            + (
                f" (Quyết định số {a.decision}, ngày {format_dmy(a.on)})"
                if a.decision
                else f" (ngày {format_dmy(a.on)})"
            )
            for a in k.awards
        ],
    )


def _list(b: DocBuilder, lead: str, items: list[str]) -> None:
    if not items:
        b.para(K.REP_NONE_LINE.format(lead=lead.rstrip(":") + ":", none=K.REP_NONE))
        return
    b.para(lead)
    for item in items:
        b.para(K.REP_ITEM.format(text=item), sub=True)

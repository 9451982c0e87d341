"""KL 01 Word documents from the stored branch: the personal plan and commitment forms (one member per
page) and a learning report's cover sheet, written atomically. Never prompts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.domain.errors import NotFoundError, ValidationError
from app.domain.kl01 import PlanState
from app.domain.vntext import fold
from app.services.context import ServiceContext
from app.services.documents import DocumentService
from app.services.kl01 import Kl01Service
from exporters.atomic import atomic_write_bytes
from exporters.kl01_docx import PlanSheet, render_learning_cover, render_plan_forms

_HCM_WORDS = ("ho chi minh", "hoc tap va lam theo")


class Kl01DocumentService:
    def __init__(self, ctx: ServiceContext, documents: DocumentService, kl01: Kl01Service) -> None:
        self._ctx = ctx
        self._documents = documents
        self._kl01 = kl01

    def year_topic(self, year: int) -> str:
        """The year's "học tập và làm theo" topic from the catalogue (the secretary's list), or ""."""
        titles = [t.title for t in self._ctx.topics.catalogue(year)]
        chosen = [t for t in titles if any(w in fold(t) for w in _HCM_WORDS)]
        return (chosen or [""])[0]

    def plan_forms(self, year: int, out: Path, *, member_ids: Sequence[int] | None = None) -> tuple[int, Path]:
        """Write the forms of *year*: every member expected to make a plan (or the chosen ones), pre-filled."""
        rows = self._kl01.grid(year)
        if member_ids:
            known = {r.member.id for r in rows}
            if any(i not in known for i in member_ids):
                raise ValidationError({"members": "unknown_member"})
            chosen = [r for r in rows if r.member.id in set(member_ids)]
        else:
            chosen = [r for r in rows if r.state not in (PlanState.EXEMPT, PlanState.AWAY, PlanState.NOT_EXPECTED)]
        if not chosen:
            raise ValidationError({"members": "required"})
        profile = self._ctx.branch.get()
        data = render_plan_forms(
            profile,
            year,
            [PlanSheet(r.member, r.plan) for r in chosen],
            self._documents.layout(),
            branch_year=self._kl01.year(year).branch,
            topic=self.year_topic(year),
            secretary_name=self._name(profile.secretary_id),
        )
        atomic_write_bytes(out, data)
        return len(chosen), out

    def learning_cover(self, member_id: int, year: int, out: Path) -> Path:
        member = self._ctx.members.get(member_id)
        if member is None:
            raise NotFoundError(id=member_id)
        report = self._kl01.year(year).reports.get(member_id)
        data = render_learning_cover(
            self._ctx.branch.get(),
            year,
            member,
            self._documents.layout(),
            topic=(report.topic if report and report.topic else self.year_topic(year)),
            submitted_on=report.submitted_on if report else None,
        )
        atomic_write_bytes(out, data)
        return out

    def _name(self, member_id: int | None) -> str:
        member = self._ctx.members.get(member_id) if member_id is not None else None
        return member.full_name if member else ""

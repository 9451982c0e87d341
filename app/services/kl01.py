"""Use cases of "học tập và làm theo Bác": plans and commitments, self-reviews, learning reports, the
branch's yearly items, models, exemplars and awards. One transaction each; never prompts."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from app.domain import checks_kl01
from app.domain import kl01 as k
from app.domain.attendance import roll_on
from app.domain.errors import NotFoundError, ValidationError
from app.domain.findings import Finding, RuleId
from app.domain.kl01_rules import Kl01Rules, RuleEntry, entries, parse_month_day, rules_for
from app.domain.membership import Member
from app.domain.periods import Period
from app.domain.vntext import clean, fold
from app.resources import resource_path
from app.services.context import ServiceContext

#: Settings keys of the branch's own deadlines ("MM-DD"), overriding resources/rules/kl01.json.
DEADLINE_KEYS = {"plan_deadline": "kl01.plan_deadline", "review_deadline": "kl01.review_deadline"}
#: A learning report is a few pages; anything much larger is not one (and would bloat every backup copy).
MAX_FILE_BYTES = 20 * 1024 * 1024
REPORTS_FOLDER = "bai-thu-hoach"


def builtin_kl01_entries() -> list[RuleEntry]:
    return entries(json.loads(resource_path("rules", "kl01.json").read_text(encoding="utf-8")))


def kl01_rules(ctx: ServiceContext, year: int, items: Sequence[RuleEntry] | None = None) -> Kl01Rules:
    """The deadlines of *year*: the rule file's entries in force, with the branch's own deadlines over them."""
    overrides = {key: ctx.branch.setting(setting) for key, setting in DEADLINE_KEYS.items()}
    return rules_for(items if items is not None else builtin_kl01_entries(), year, overrides)


def kl01_findings(
    ctx: ServiceContext, year: int, members: Sequence[Member], since: date | None = None
) -> list[Finding]:
    """The KL 01 rule checks of *year* (the check service adds them to the branch's findings).

    *since* is the branch's record start: a deadline that passed before it is not judged (a branch set up in
    December is not told that its plans were due on 31/03); a member who came onto the roll later still is.
    """
    rules = kl01_rules(ctx, year)
    found = checks_kl01.run_all(members, ctx.kl01.year(year), rules, ctx.today())
    if since is None:
        return found
    deadlines = {RuleId.PLAN_MISSING: rules.plan_due(year), RuleId.REVIEW_MISSING: rules.review_due(year)}
    starts = {m.id: m.roll_start for m in members}
    return [
        f
        for f in found
        if f.rule not in deadlines or max(deadlines[f.rule], starts.get(f.member_id, deadlines[f.rule])) >= since
    ]


def _year_ok(year: int) -> bool:
    return 1990 <= year <= 2100


class Kl01Service:
    def __init__(self, ctx: ServiceContext, files_dir: Path) -> None:
        self._ctx = ctx
        self._files = files_dir  # the data folder's "bai-thu-hoach": learning report files, never blobs
        self._entries = builtin_kl01_entries()

    # ------------------------------------------------------------------ reading
    def year(self, year: int) -> k.YearRecord:
        return self._ctx.kl01.year(year)

    def years(self) -> list[int]:
        return self._ctx.kl01.years()

    def grid(self, year: int) -> list[k.PlanRow]:
        return k.grid(self._ctx.members.all(), self.year(year), self._ctx.today())

    def rules(self, year: int) -> Kl01Rules:
        return kl01_rules(self._ctx, year, self._entries)

    def figures(self, period: Period, roll: Sequence[Member], day: date) -> k.Kl01Figures:
        """The indicators of *period* (its end year's plans and reports; its awards by date)."""
        return k.figures(self.year(period.end.year), tuple(roll), day, period.start, period.end)

    def year_figures(self, year: int) -> k.Kl01Figures:
        """The year's indicators on the roll of today (or of 31 December for a past year): the overview's counts."""
        day = min(self._ctx.today(), date(year, 12, 31))
        roll = roll_on(self._ctx.members.all(), day)
        return k.figures(self.year(year), roll, day, date(year, 1, 1), date(year, 12, 31), self.rules(year).target_pct)

    def report_path(self, report: k.LearningReport) -> Path | None:
        return self._files / report.file_name if report.file_name else None

    # ------------------------------------------------------------------ plans
    def set_plan(
        self,
        member_id: int,
        year: int,
        commitments: Sequence[str],
        *,
        breakthrough: str | None = None,
        signed_on: date | None = None,
        committee_comment: str | None = None,
    ) -> k.PersonalPlan:
        """Create or replace a member's plan; reviews of commitments whose text is unchanged are kept."""
        items = [clean(c) for c in commitments if clean(c)]
        errors = self._check_member_year(member_id, year)
        if not items:
            errors["commitments"] = "required"
        if signed_on is not None:
            if signed_on > self._ctx.today():
                errors["signed_on"] = "future"
            elif signed_on.year not in (year - 1, year):
                errors["signed_on"] = "year_mismatch"
        if errors:
            raise ValidationError(errors)
        with self._ctx.db.transaction():
            old = self._ctx.kl01.plan(member_id, year)
            before = {c.text: c for c in old.commitments} if old else {}
            plan = old or k.PersonalPlan(member_id=member_id, year=year)
            plan = replace(
                plan,
                commitments=tuple(before.get(text, k.Commitment(text)) for text in items),
                breakthrough=clean(breakthrough) if breakthrough is not None else plan.breakthrough,
                signed_on=signed_on if signed_on is not None else plan.signed_on,
                committee_comment=clean(committee_comment) if committee_comment is not None else plan.committee_comment,
            )
            plan_id = self._ctx.kl01.save_plan(plan)
            self._ctx.log("kl01_plan", plan_id, "save" if old else "add", f"{year} member={member_id}")
            stored = self._ctx.kl01.plan(member_id, year)
            assert stored is not None
            return stored

    def mark_signed(self, member_id: int, year: int, on: date | None) -> k.PersonalPlan | None:
        """The grid's single key: the member signed on *on* (the commitments may stay on paper); None: not signed."""
        errors = self._check_member_year(member_id, year)
        if on is not None and on > self._ctx.today():
            errors["signed_on"] = "future"
        if errors:
            raise ValidationError(errors)
        with self._ctx.db.transaction():
            plan = self._ctx.kl01.plan(member_id, year)
            if plan is None and on is None:
                return None  # nothing recorded, nothing to clear
            plan = plan or k.PersonalPlan(member_id=member_id, year=year)
            plan_id = self._ctx.kl01.save_plan(replace(plan, signed_on=on))
            self._ctx.log("kl01_plan", plan_id, "sign" if on else "unsign", str(year))
            stored = self._ctx.kl01.plan(member_id, year)
            assert stored is not None
            return stored

    def review(
        self,
        member_id: int,
        year: int,
        stage: k.ReviewStage,
        result: k.ReviewResult | None,
        *,
        note: str | None = None,
        item: int | None = None,
    ) -> k.PersonalPlan:
        """Record a self-review: of the whole plan, or of commitment number *item* (1-based). None clears it."""
        errors = self._check_member_year(member_id, year)
        if errors:
            raise ValidationError(errors)
        with self._ctx.db.transaction():
            plan = self._ctx.kl01.plan(member_id, year)
            if plan is None:
                raise ValidationError({"plan": "no_plan"})
            if item is not None:
                if not 1 <= item <= len(plan.commitments):
                    raise ValidationError({"item": "item_range"})
                items = list(plan.commitments)
                items[item - 1] = replace(items[item - 1], **{stage.value: result})
                plan = replace(plan, commitments=tuple(items))
            elif stage is k.ReviewStage.MIDYEAR:
                plan = replace(
                    plan, midyear=result, midyear_note=clean(note) if note is not None else plan.midyear_note
                )
            else:
                plan = replace(
                    plan, year_end=result, year_end_note=clean(note) if note is not None else plan.year_end_note
                )
            plan_id = self._ctx.kl01.save_plan(plan)
            self._ctx.log("kl01_plan", plan_id, f"review_{stage.value}", result.value if result else "")
            stored = self._ctx.kl01.plan(member_id, year)
            assert stored is not None
            return stored

    # ------------------------------------------------------------------ learning reports
    def add_learning_report(
        self, member_id: int, year: int, submitted_on: date, *, file: Path | None = None, topic: str = ""
    ) -> k.LearningReport:
        """Record a learning report; *file* is copied into the data folder (the database keeps its name)."""
        errors = self._check_member_year(member_id, year)
        if submitted_on > self._ctx.today():
            errors["submitted_on"] = "future"
        if file is not None:
            if not file.is_file():
                errors["file"] = "file_missing"
            elif file.stat().st_size > MAX_FILE_BYTES:
                errors["file"] = "file_too_big"
        if errors:
            raise ValidationError(errors)
        name = ""
        copied: Path | None = None
        if file is not None:
            name = f"{year}/{member_id}-{_safe_name(file.name)}"
            copied = self._files / name
            copied.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, copied)
        try:
            with self._ctx.db.transaction():
                report = k.LearningReport(member_id, year, submitted_on, clean(topic), name)
                report_id = self._ctx.kl01.save_report(report)
                self._ctx.log("kl01_report", report_id, "save", f"{year} member={member_id}")
                return next(r for r in self._ctx.kl01.reports(year) if r.member_id == member_id)
        except BaseException:
            if copied is not None:
                copied.unlink(missing_ok=True)
            raise

    def remove_learning_report(self, member_id: int, year: int) -> None:
        with self._ctx.db.transaction():
            if not self._ctx.kl01.delete_report(member_id, year):
                raise NotFoundError(id=member_id)
            self._ctx.log("kl01_report", member_id, "delete", str(year))

    # ------------------------------------------------------------------ branch register
    def set_branch_year(self, year: int, *, breakthrough: str, ethics: str) -> k.BranchYear:
        if not _year_ok(year):
            raise ValidationError({"year": "year_range"})
        item = k.BranchYear(year, clean(breakthrough), clean(ethics))
        with self._ctx.db.transaction():
            self._ctx.kl01.save_branch_year(item)
            self._ctx.log("kl01_branch", year, "save")
        return item

    def add_recognition(
        self,
        year: int,
        kind: k.RecognitionKind,
        title: str,
        *,
        member_id: int | None = None,
        description: str = "",
        recognised_by: str = "",
    ) -> k.Recognition:
        errors = self._check_member_year(member_id, year) if member_id is not None else {}
        if not _year_ok(year):
            errors["year"] = "year_range"
        if not clean(title):
            errors["title"] = "required"
        if errors:
            raise ValidationError(errors)
        item = k.Recognition(year, kind, clean(title), member_id, clean(description), clean(recognised_by))
        with self._ctx.db.transaction():
            new_id = self._ctx.kl01.add_recognition(item)
            self._ctx.log("kl01_recognition", new_id, "add", f"{kind.value} {item.title}")
            return next(r for r in self._ctx.kl01.recognitions(year) if r.id == new_id)

    def delete_recognition(self, item_id: int) -> None:
        with self._ctx.db.transaction():
            if not self._ctx.kl01.delete_recognition(item_id):
                raise NotFoundError(id=item_id)
            self._ctx.log("kl01_recognition", item_id, "delete")

    def add_award(
        self,
        year: int,
        form: str,
        level: str,
        on: date,
        *,
        member_id: int | None = None,
        decision: str = "",
        note: str = "",
    ) -> k.Award:
        """An award to member *member_id*, or to the branch when it is None."""
        errors = self._check_member_year(member_id, year) if member_id is not None else {}
        if not _year_ok(year):
            errors["year"] = "year_range"
        if not clean(form):
            errors["form"] = "required"
        if not clean(level):
            errors["level"] = "required"
        if on.year != year:
            errors["on"] = "year_mismatch"
        elif on > self._ctx.today():
            errors["on"] = "future"
        if errors:
            raise ValidationError(errors)
        award = k.Award(year, clean(form), clean(level), on, clean(decision), member_id, clean(note))
        with self._ctx.db.transaction():
            new_id = self._ctx.kl01.add_award(award)
            self._ctx.log("kl01_award", new_id, "add", f"{award.form} {award.level}")
            return next(a for a in self._ctx.kl01.awards(year) if a.id == new_id)

    def delete_award(self, award_id: int) -> None:
        with self._ctx.db.transaction():
            if not self._ctx.kl01.delete_award(award_id):
                raise NotFoundError(id=award_id)
            self._ctx.log("kl01_award", award_id, "delete")

    # ------------------------------------------------------------------ deadlines (the branch may change them)
    def set_deadlines(self, *, plan: str | None = None, review: str | None = None) -> Kl01Rules:
        """Store the branch's own deadlines as "dd/mm" (or "MM-DD"); an empty string returns to the default."""
        values: dict[str, str] = {}
        errors: dict[str, str] = {}
        for key, text in (("plan_deadline", plan), ("review_deadline", review)):
            if text is None:
                continue
            try:
                values[key] = _month_day(text) if text.strip() else ""
            except ValueError:
                errors[key] = "month_day"
        if errors:
            raise ValidationError(errors)
        with self._ctx.db.transaction():
            for key, value in values.items():
                self._ctx.branch.set_setting(DEADLINE_KEYS[key], value)
        return self.rules(self._ctx.today().year)

    # ------------------------------------------------------------------ helpers
    def _check_member_year(self, member_id: int | None, year: int) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not _year_ok(year):
            errors["year"] = "year_range"
        if member_id is not None and self._ctx.members.get(member_id) is None:
            errors["member"] = "unknown_member"
        return errors


def _month_day(text: str) -> str:
    """ "31/3", "31/03" or "03-31" -> "03-31"; ValueError otherwise."""
    text = text.strip()
    if "/" in text:
        day, _, month = text.partition("/")
        text = f"{int(month):02d}-{int(day):02d}"
    month, day = parse_month_day(text)
    return f"{month:02d}-{day:02d}"


def _safe_name(name: str) -> str:
    """A file name that every file system accepts, kept readable (accents folded)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", fold(name)).strip("-.")
    return stem[:80] or "bai-thu-hoach"

"""Branch profile, business settings and the rule set in force. One transaction per change."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date

from app.domain.branch_profile import BranchProfile
from app.domain.errors import StorageError, ValidationError
from app.domain.ruleset import RuleSet
from app.domain.vntext import clean
from app.resources import resource_path
from app.services.context import ServiceContext

RULES_SETTING = "rules_json"
#: app_meta key: the day the data file was made (the record's start until the branch sets another).
CREATED_ON = "created_on"


def record_start_of(ctx: ServiceContext) -> date | None:
    """The record's start: the branch's own, else the first day of the month its file was made."""
    stored = ctx.branch.get().record_start
    if stored is not None:
        return stored
    created = ctx.branch.meta(CREATED_ON)
    try:
        return date.fromisoformat(created).replace(day=1) if created else None
    except ValueError:
        return None


def builtin_rules() -> RuleSet:
    path = resource_path("rules", "default.json")
    try:
        return RuleSet.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise StorageError("rules_invalid", path=str(path), detail=str(exc)) from exc


def layout_profiles() -> list[str]:
    return sorted(p.stem for p in resource_path("layouts").glob("*.json"))


class BranchService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def profile(self) -> BranchProfile:
        return self._ctx.branch.get()

    def save_profile(self, profile: BranchProfile) -> BranchProfile:
        """Store the branch profile: the one call of the first-start dialog, Cài đặt and `branch set`.

        Every field error at once (ValidationError); nothing is stored then.
        """
        cleaned = replace(
            profile,
            branch_name=clean(profile.branch_name),
            upper_body=clean(profile.upper_body),
            upper_body_2=clean(profile.upper_body_2),
            place_name=clean(profile.place_name),
            branch_code=profile.branch_code or self._ctx.branch.get().branch_code or uuid.uuid4().hex,
            record_start=profile.record_start or self._ctx.branch.get().record_start or self.default_record_start(),
        )
        errors: dict[str, str] = {}
        if not cleaned.branch_name:
            errors["branch_name"] = "required"
        if cleaned.term_start and cleaned.term_end and cleaned.term_end < cleaned.term_start:
            errors["term_end"] = "invalid"
        if cleaned.record_start is not None and cleaned.record_start > self._ctx.today():
            errors["record_start"] = "future"
        for field in ("secretary_id", "deputy_id"):
            ref = getattr(cleaned, field)
            if ref is not None and self._ctx.members.get(ref) is None:
                errors[field] = "unknown_member"
        if errors:
            raise ValidationError(errors)
        with self._ctx.db.transaction():
            self._ctx.branch.save(cleaned)
            self._ctx.log("branch", 1, "update", cleaned.branch_name)
        return cleaned

    def default_record_start(self) -> date:
        """The first day of the month the data file was made (this month for a file kept before v3)."""
        return record_start_of(self._ctx) or self._ctx.today().replace(day=1)

    def record_start(self) -> date | None:
        """The first day of the branch's record here; no rule judges a period before it. None: a file kept
        before v3 without meetings, whose checks start with its first recorded day."""
        return record_start_of(self._ctx)

    def set_record_start(self, day: date) -> date:
        """Move the record's start (earlier, when history is entered). Never after today."""
        if day > self._ctx.today():
            raise ValidationError({"record_start": "future"})
        with self._ctx.db.transaction():
            self._ctx.branch.set_record_start(day)
            self._ctx.log("branch", 1, "record_start", day.isoformat())
        return day

    def setting(self, key: str, default: str = "") -> str:
        return self._ctx.branch.setting(key, default)

    def set_setting(self, key: str, value: str) -> None:
        with self._ctx.db.transaction():
            self._ctx.branch.set_setting(key, value)

    @property
    def rules(self) -> RuleSet:
        return self._ctx.rules

    def save_rules(self, rules: RuleSet) -> RuleSet:
        """Store the branch's own thresholds (validated through the same JSON shape as the shipped set)."""
        try:
            checked = RuleSet.from_dict(rules.to_dict())
        except ValueError as exc:
            raise ValidationError({"rules": "invalid"}, detail=str(exc)) from exc
        with self._ctx.db.transaction():
            self._ctx.branch.set_setting(RULES_SETTING, json.dumps(checked.to_dict(), ensure_ascii=False))
            self._ctx.log("settings", 1, "rules", checked.id)
        self._ctx.rules = checked
        return checked

    def stored_rules(self) -> RuleSet:
        """The branch's saved rule set, or the shipped one."""
        raw = self._ctx.branch.setting(RULES_SETTING)
        if not raw:
            return builtin_rules()
        try:
            stored = RuleSet.from_dict(json.loads(raw))
        except ValueError:
            return builtin_rules()
        if not stored.citations:  # saved before the rules were dated: the branch's thresholds, the dated citations
            shipped = builtin_rules()
            stored = replace(
                stored,
                regulations={**stored.regulations, **shipped.regulations},
                citations=shipped.citations,
                bases=shipped.bases,
                open_points=shipped.open_points,
            )
        return stored

    def is_empty(self) -> bool:
        return self._ctx.members.count() == 0 and self._ctx.meetings.count() == 0 and not self.profile().is_set_up

    def counts(self) -> dict[str, int]:
        return self._ctx.branch.table_counts()

    def history(self, entity: str | None = None, entity_id: int | None = None) -> list:  # type: ignore[type-arg]
        return self._ctx.branch.history(entity, entity_id)

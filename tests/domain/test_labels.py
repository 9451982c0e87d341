"""Every member of every labelled enum has its Vietnamese label, and every label table is keyed by the enum."""

from __future__ import annotations

import json
from enum import StrEnum

import pytest

from app.domain import finding_text, labels
from app.domain import messages_dues as mdues
from app.domain import messages_kl01 as mk
from app.domain.dues import Channel, DuesKind, ReliefKind
from app.domain.findings import QuorumLevel, RuleId, Severity
from app.domain.kl01 import PlanState, RecognitionKind, ReviewResult, ReviewStage
from app.domain.meeting_record import AttendanceCode, MeetingForm, MeetingKind, MeetingStatus, VoteRule
from app.domain.membership import MemberStatus, StatusEventKind
from app.domain.periods import PeriodKind
from app.domain.rating_rules import RatingRules
from app.domain.ratings import RatingLevel
from app.domain.topic_plan import TopicStatus
from app.resources import resource_path

#: (table name, table, the enum it labels, keys allowed that are not members)
TABLES: list[tuple[str, dict, type[StrEnum], frozenset[str]]] = [
    ("labels.MEETING_KIND", labels.MEETING_KIND, MeetingKind, frozenset()),
    ("labels.MEETING_STATUS", labels.MEETING_STATUS, MeetingStatus, frozenset()),
    ("labels.MEETING_FORM", labels.MEETING_FORM, MeetingForm, frozenset()),
    ("labels.VOTE_RULE", labels.VOTE_RULE, VoteRule, frozenset()),
    ("labels.MEMBER_STATUS", labels.MEMBER_STATUS, MemberStatus, frozenset()),
    ("labels.STATUS_EVENT", labels.STATUS_EVENT, StatusEventKind, frozenset()),
    ("labels.ATTENDANCE_CODE", labels.ATTENDANCE_CODE, AttendanceCode, frozenset()),
    ("labels.ATTENDANCE_LETTER", labels.ATTENDANCE_LETTER, AttendanceCode, frozenset()),
    ("labels.TOPIC_STATUS", labels.TOPIC_STATUS, TopicStatus, frozenset()),
    ("labels.SEVERITY", labels.SEVERITY, Severity, frozenset()),
    ("labels.PERIOD_KIND", labels.PERIOD_KIND, PeriodKind, frozenset()),
    ("labels.RULE_NAME", labels.RULE_NAME, RuleId, frozenset()),
    ("finding_text.QUORUM_BANNER", finding_text.QUORUM_BANNER, QuorumLevel, frozenset()),
    ("messages_kl01.RESULT", mk.RESULT, ReviewResult, frozenset()),
    ("messages_kl01.RESULT_SHORT", mk.RESULT_SHORT, ReviewResult, frozenset()),
    ("messages_kl01.STAGE", mk.STAGE, ReviewStage, frozenset()),
    ("messages_kl01.KIND", mk.KIND, RecognitionKind, frozenset()),
    ("messages_kl01.PLAN_STATE", mk.PLAN_STATE, PlanState, frozenset()),
    ("messages_dues.KIND", mdues.KIND, DuesKind, frozenset({"fixed"})),
    ("messages_dues.KIND_SHORT", mdues.KIND_SHORT, DuesKind, frozenset({"fixed"})),
    ("messages_dues.CHANNEL", mdues.CHANNEL, Channel, frozenset()),
    ("messages_dues.CHANNEL_SHORT", mdues.CHANNEL_SHORT, Channel, frozenset()),
    ("messages_dues.RELIEF", mdues.RELIEF, ReliefKind, frozenset()),
]
IDS = [name for name, *_ in TABLES]


@pytest.mark.parametrize(("name", "table", "enum", "extra"), TABLES, ids=IDS)
def test_every_member_has_a_vietnamese_label(name: str, table: dict, enum: type[StrEnum], extra: frozenset) -> None:
    missing = [m.name for m in enum if not str(table.get(m, "")).strip()]
    assert not missing, f"{name} has no label for {enum.__name__}.{', '.join(missing)}"
    raw = [m.name for m in enum if table[m] == m.value and len(m.value) > 2]
    assert not raw, f"{name} shows the stored code, not a Vietnamese label, for {raw}"


@pytest.mark.parametrize(("name", "table", "enum", "extra"), TABLES, ids=IDS)
def test_label_tables_are_keyed_by_the_enum(name: str, table: dict, enum: type[StrEnum], extra: frozenset) -> None:
    strays = [k for k in table if type(k) is not enum and k not in extra]
    assert not strays, f"{name} is keyed by raw strings {strays}, not by {enum.__name__} members"


def test_every_rule_of_the_checks_is_named_and_ratings_levels_labelled_by_the_rule_set() -> None:
    assert {str(r) for r in labels.RULE_NAME} == {r.value for r in RuleId}
    rules = RatingRules.from_dict(json.loads(resource_path("rules", "ratings.json").read_text(encoding="utf-8")))
    unlabelled = [level.name for level in RatingLevel if rules.label(level) in ("", level.value)]
    assert not unlabelled, f"resources/rules/ratings.json labels no {unlabelled}"


def test_a_stored_value_still_finds_its_label() -> None:
    # Rows read from the database carry the plain stored string; keying by the enum must not lose them.
    assert labels.MEETING_KIND["thuong_ky"] == labels.MEETING_KIND[MeetingKind.REGULAR] == "Sinh hoạt thường kỳ"
    assert labels.RULE_NAME["dues_unpaid"] == labels.RULE_NAME[RuleId.DUES_UNPAID]

"""Search folding, topic assignments and the demo branch, on real temporary databases."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

import pytest

from app.domain.errors import ConflictError, ValidationError
from app.domain.meeting_record import MeetingKind, Section
from app.domain.membership import MemberStatus
from app.domain.topic_plan import TopicStatus
from app.services.members import member_from_fields
from tests.conftest import db_fingerprint


@pytest.fixture
def minutes(services):
    m = services.members.add(member_from_fields(
        {"full_name": "Đặng Thị Hòa", "date_of_birth": "01/01/1970", "joined_on": "01/01/2000", "official_on": "01/01/2001"}
    ))  # fmt: skip
    draft = services.meetings.prepare(MeetingKind.REGULAR, date(2026, 10, 5))
    body = "Quán triệt nghị quyết của Đảng ủy Khối về công tác xây dựng Đảng; đồng chí Hòa phát biểu."
    return services, m, services.meetings.create(replace(draft, sections=(Section("Nội dung", body),)))


@pytest.mark.parametrize(
    "query", ["dang uy", "Đảng ủy", "ĐẢNG ỦY", "đảng uỷ", unicodedata.normalize("NFD", "Đảng ủy"), "DANG UY"]
)
def test_search_ignores_case_diacritics_d_and_tone_placement(minutes, query) -> None:
    services, _, meeting = minutes
    hits = services.search.search(query)
    assert ("meeting", meeting.id) in [(h.kind, h.id) for h in hits]
    hit = next(h for h in hits if h.kind == "meeting")
    assert "[Đảng] [ủy]" in hit.snippet  # the original words, with their diacritics, are highlighted


def test_search_hoa_finds_both_tone_placements_and_members(minutes) -> None:
    services, member, _ = minutes
    for query in ("hoà", "hòa", "HOA"):
        kinds = {h.kind for h in services.search.search(query)}
        assert {"member", "meeting"} <= kinds
    assert services.members.list(search="hoa")[0].id == member.id


def test_search_with_fts_syntax_characters_is_harmless(minutes) -> None:
    services, _, _ = minutes
    for query in ('"', "AND OR NOT", "dang*", "(", "a:b", ""):
        services.search.search(query)  # no exception


def test_topic_assignment_links_to_the_meeting_where_it_was_presented(minutes) -> None:
    services, member, meeting = minutes
    a = services.topics.assign(2026, 4, "  Học tập và làm theo   Bác ", [member.id], due=date(2026, 11, 30))
    assert a.title == "Học tập và làm theo Bác" and a.lead.member_id == member.id
    assert a.status is TopicStatus.PLANNED
    a = services.topics.link_meeting(a.id, meeting.id)
    assert (a.status, a.meeting_id) == (TopicStatus.PRESENTED, meeting.id)
    assert services.topics.never_assigned(services.members.list()) == []
    assert [h.kind for h in services.search.search("lam theo bac")] == ["topic"]


def test_topic_assignment_validation(services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.topics.assign(2026, 5, "", [999])
    assert caught.value.field_errors == {"quarter": "quarter_range", "title": "required", "members": "unknown_member"}
    assert services.topics.list() == []


def test_new_database_has_the_shipped_topic_catalogue(services) -> None:
    assert {t.year for t in services.topics.catalogue()} >= {2024, 2025, 2026}


def test_demo_is_deterministic_and_shows_every_situation(tmp_path) -> None:
    from app.bootstrap import open_services
    from app.config import AppPaths
    from tests.conftest import NOW

    dumps, codes = [], []
    for n in (1, 2):
        s = open_services(AppPaths.under(tmp_path / str(n)), now=lambda: NOW)
        s.demo.fill(members=30, years=2, seed=7)
        statuses = {m.status_on(NOW.date()) for m in s.members.all()}
        rules = {f.rule for f in s.checks.run(2026)}
        codes.append(s.branch.profile().branch_code)
        s.close()
        dumps.append(db_fingerprint(AppPaths.under(tmp_path / str(n)).database).replace(codes[-1].encode(), b"CODE"))
    # Everything is the same but the branch code: two demo files must never consolidate as one branch.
    assert codes[0] != codes[1] and all(c.startswith("demo-") for c in codes)
    assert dumps[0] == dumps[1]
    assert {MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.EXEMPT, MemberStatus.AWAY,
            MemberStatus.VISITING, MemberStatus.TRANSFERRED_OUT, MemberStatus.DECEASED} <= statuses  # fmt: skip
    assert {"unexcused_absences", "monthly_meeting_missing", "meeting_too_short"} <= rules


def test_demo_refuses_a_database_with_data(demo, paths) -> None:
    before = db_fingerprint(paths.database)
    with pytest.raises(ConflictError) as caught:
        demo.demo.fill()
    assert caught.value.code == "database_not_empty"
    assert db_fingerprint(paths.database) == before


def test_demo_minutes_are_sealed_except_the_newest(demo) -> None:
    meetings = demo.meetings.load()
    assert all(demo.meetings.verify_seal(m) for m in meetings[:-1])
    assert meetings[-1].content_hash == "" and meetings[-1].is_editable

"""No save silently overwrites newer data: every edit carries the version it read; a stale one is refused.

Without the window: two copies of the same record are read, one is saved, the other must be refused with
the Vietnamese sentence, carry the stored record, and leave the database exactly as the first save left it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain import error_text
from app.domain.errors import StaleEditError
from app.domain.meeting_record import MeetingKind
from app.domain.membership import MemberStatus, StatusEventKind
from app.domain.topic_plan import TopicStatus
from app.services.members import member_from_fields
from tests.conftest import db_fingerprint


def _secretary(services):
    fields = {"full_name": "Trần Thị Ánh", "date_of_birth": "20/01/1975", "joined_on": "01/09/1997",
              "gender": "Nữ", "party_position": "Bí thư"}  # fmt: skip
    return services.members.add(member_from_fields(fields))


def test_a_member_form_read_before_another_save_is_refused_and_shows_the_stored_member(services) -> None:
    """The finding: the second of two forms put the secretary back to probationary and erased her gender."""
    first_read = _secretary(services)
    second_read = services.members.get(first_read.id)
    assert first_read.version == second_read.version == 1

    # The first form records her full membership and her gender stays; then the second (stale) form is saved.
    services.members.change_status(first_read.id, StatusEventKind.FULL_MEMBERSHIP, date(1998, 9, 1))
    after_status = services.members.get(first_read.id)
    saved = services.members.update(member_from_fields({"job_position": "Hiệu trưởng"}, base=after_status))
    assert saved.version > second_read.version and saved.official_on == date(1998, 9, 1)
    before = db_fingerprint(services.paths.database)

    stale = member_from_fields({"gender": "", "official_on": "", "job_position": "Giáo viên"}, base=second_read)
    with pytest.raises(StaleEditError) as caught:
        services.members.update(stale)

    assert caught.value.current == services.members.get(first_read.id)
    assert caught.value.current.official_on == date(1998, 9, 1)
    sentence = error_text.describe(caught.value)
    assert sentence.startswith("Chưa lưu: thông tin đồng chí Trần Thị Ánh đã được sửa và lưu ở chỗ khác")
    assert db_fingerprint(services.paths.database) == before
    kept = services.members.get(first_read.id)
    assert (kept.gender, kept.job_position) == ("Nữ", "Hiệu trưởng")
    assert kept.status_on(date(2026, 11, 22)) is MemberStatus.FULL
    assert [e.kind for e in kept.events] == [StatusEventKind.FULL_MEMBERSHIP]


def test_the_version_moves_with_every_write_and_a_fresh_read_saves(services) -> None:
    member = _secretary(services)
    member = services.members.update(member_from_fields({"phone": "0912345678"}, base=member))
    assert member.version == 2
    services.members.change_status(member.id, StatusEventKind.FULL_MEMBERSHIP, date(1998, 9, 1))
    with pytest.raises(StaleEditError):
        services.members.update(member_from_fields({"phone": "0900000000"}, base=member))
    fresh = services.members.get(member.id)
    assert fresh.version > 2  # the history is part of the member
    assert services.members.update(member_from_fields({"phone": "0900000000"}, base=fresh)).phone == "0900000000"


def test_stale_meeting_save_is_refused_and_the_stored_minutes_win(services) -> None:
    _secretary(services)
    created = services.meetings.create(services.meetings.prepare(MeetingKind.REGULAR, date(2026, 11, 5)))
    other_window = services.meetings.get(created.id)
    first = services.meetings.update(replace(created, conclusion="Kết luận đã thống nhất."))
    assert first.version == created.version + 1
    before = db_fingerprint(services.paths.database)
    with pytest.raises(StaleEditError) as caught:
        services.meetings.update(replace(other_window, conclusion="Bản cũ ghi đè."))
    assert caught.value.current.conclusion == "Kết luận đã thống nhất."
    assert "biên bản buổi sinh hoạt ngày 05/11/2026" in error_text.describe(caught.value)
    assert db_fingerprint(services.paths.database) == before


def test_adopting_or_numbering_moves_the_meeting_version_and_the_seal_ignores_it(services) -> None:
    _secretary(services)
    created = services.meetings.create(services.meetings.prepare(MeetingKind.REGULAR, date(2026, 11, 5)))
    numbered = services.meetings.assign_number(created.id)
    stored = services.meetings.get(created.id)
    assert stored.version == created.version + 1 and numbered.doc_number == "01"
    with pytest.raises(StaleEditError):
        services.meetings.update(replace(created, place="Hội trường"))
    adopted = services.meetings.adopt(created.id)
    assert services.meetings.verify_seal(adopted)
    corrected = services.meetings.add_correction(created.id, "Ghi nhầm giờ", "Sửa giờ kết thúc thành 16:00.")
    assert corrected.version == adopted.version + 1
    assert services.meetings.verify_seal(corrected)  # bookkeeping, not content


def test_stale_topic_assignment_save_is_refused(services) -> None:
    member = _secretary(services)
    assignment = services.topics.assign(2026, 4, "Học tập và làm theo tư tưởng Hồ Chí Minh", [member.id])
    stale = services.topics.get(assignment.id)
    services.topics.set_status(assignment.id, TopicStatus.DRAFTING)
    before = db_fingerprint(services.paths.database)
    with pytest.raises(StaleEditError) as caught:
        services.topics.update(replace(stale, note="Bản cũ"))
    assert caught.value.current.status is TopicStatus.DRAFTING
    assert "phân công chuyên đề “Học tập và làm theo tư tưởng Hồ Chí Minh”" in error_text.describe(caught.value)
    assert db_fingerprint(services.paths.database) == before


def test_a_draft_kept_before_edit_versions_is_current_unless_the_meeting_was_saved_since(services) -> None:
    _secretary(services)
    created = services.meetings.create(services.meetings.prepare(MeetingKind.REGULAR, date(2026, 11, 5)))
    key = services.drafts.save_meeting(replace(created, conclusion="Đang gõ dở."))
    payload = services.drafts.pending()[0].payload
    del payload["meeting"]["version"]  # as a build before v3 wrote it
    services.drafts.save(key, payload)
    ((_, restored),) = services.drafts.pending_meetings()
    assert restored.version == created.version == 1
    assert services.meetings.update(restored).conclusion == "Đang gõ dở."
    ((_, again),) = services.drafts.pending_meetings()
    with pytest.raises(StaleEditError):  # saved since: the old draft is stale, not silently written
        services.meetings.update(again)

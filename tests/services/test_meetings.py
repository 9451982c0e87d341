"""Meeting use cases: prepare, record, adopt and seal, refuse edits after adoption, addenda, numbering."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from app.domain.errors import ConflictError, ValidationError
from app.domain.meeting_record import AttendanceCode, MeetingKind, MeetingStatus, Opinion, Vote
from app.services.members import member_from_fields


@pytest.fixture
def branch(services):
    for i, name in enumerate(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]):
        services.members.add(member_from_fields(
            {"full_name": name, "date_of_birth": f"01/01/{1960 + i}", "joined_on": "01/01/2000", "official_on": "01/01/2001"}
        ))  # fmt: skip
    return services


def test_prepare_fills_agenda_and_everyone_present(branch) -> None:
    draft = branch.meetings.prepare(MeetingKind.REGULAR, date(2026, 11, 5))
    assert draft.agenda == branch.ctx.rules.agenda_for(MeetingKind.REGULAR) and len(draft.agenda) >= 3
    assert {r.code for r in draft.attendance} == {AttendanceCode.PRESENT} and len(draft.attendance) == 4


def test_record_adopt_and_seal(branch) -> None:
    draft = branch.meetings.prepare(MeetingKind.REGULAR, date(2026, 11, 5))
    rows = list(draft.attendance)
    rows[1] = replace(rows[1], code=AttendanceCode.ABSENT_EXCUSED, reason=" Ốm ")
    rows[2] = replace(rows[2], code=AttendanceCode.ABSENT_UNEXCUSED)
    first = rows[0].member_id
    meeting = branch.meetings.create(
        replace(draft, start=time(14), end=time(16), attendance=tuple(rows),
                opinions=(Opinion("", "Đồng ý với báo cáo.", speaker_id=first),),
                votes=(Vote("Thông qua nghị quyết", 2, 0, 0, 4),))
    )  # fmt: skip
    assert meeting.opinions[0].speaker_name == "Nguyễn Văn An"
    summary = branch.meetings.summary(meeting)
    assert (summary.present, summary.base, summary.absent_excused[0][1]) == (2, 4, "Ốm")
    adopted = branch.meetings.adopt(meeting.id)
    assert adopted.status is MeetingStatus.ADOPTED and len(adopted.content_hash) == 64
    assert branch.meetings.verify_seal(adopted)
    with pytest.raises(ConflictError) as caught:
        branch.meetings.update(replace(adopted, conclusion="sửa lén"))
    assert caught.value.code == "meeting_locked"
    assert branch.meetings.get(meeting.id).conclusion == ""
    corrected = branch.meetings.add_correction(meeting.id, "Ghi nhầm tên", "Đồng chí phát biểu là Nguyễn Văn An.")
    assert corrected.corrections[0].reason == "Ghi nhầm tên"
    assert branch.meetings.verify_seal(corrected)  # addenda do not break the seal


def test_a_tampered_record_no_longer_matches_its_seal(branch) -> None:
    meeting = branch.meetings.create(branch.meetings.prepare(MeetingKind.REGULAR, date(2026, 11, 5)))
    adopted = branch.meetings.adopt(meeting.id)
    assert not branch.meetings.verify_seal(replace(adopted, conclusion="nội dung khác"))


def test_invalid_meetings_are_refused_whole(branch) -> None:
    draft = branch.meetings.prepare(MeetingKind.REGULAR, date(2026, 11, 5))
    with pytest.raises(ValidationError) as caught:
        branch.meetings.create(replace(draft, start=time(16), end=time(14), votes=(Vote("x", 9, 0, 0, 4),)))
    assert caught.value.field_errors == {"end": "end_before_start", "votes": "votes_exceed_base"}
    assert branch.meetings.list() == []


def test_members_not_yet_on_the_roll_cannot_be_marked(branch) -> None:
    newcomer = branch.members.add(member_from_fields(
        {"full_name": "Võ Văn Em", "date_of_birth": "01/01/1990", "joined_on": "10/06/2026"}
    ))  # fmt: skip
    draft = branch.meetings.prepare(MeetingKind.REGULAR, date(2026, 1, 5))
    assert newcomer.id not in {r.member_id for r in draft.attendance}
    bad = replace(draft, attendance=(*draft.attendance, replace(draft.attendance[0], member_id=newcomer.id)))
    with pytest.raises(ValidationError) as caught:
        branch.meetings.create(bad)
    assert caught.value.field_errors == {"attendance": "not_on_roll"}


def test_document_numbers_count_up_per_term_and_are_never_reused(branch) -> None:
    a = branch.meetings.create(branch.meetings.prepare(MeetingKind.REGULAR, date(2026, 3, 5)))
    b = branch.meetings.create(branch.meetings.prepare(MeetingKind.REGULAR, date(2026, 4, 5)))
    assert branch.meetings.assign_number(a.id, "BB").doc_number == "01"
    assert branch.meetings.assign_number(b.id, "BB").doc_number == "02"
    assert branch.meetings.assign_number(a.id, "BB", number=7).doc_number == "07"  # by hand
    assert branch.meetings.assign_number(b.id, "BB").doc_number == "08"  # the counter moved past it
    assert branch.meetings.assign_number(b.id, "NQ").resolution_number == "01"


def test_only_drafts_can_be_deleted(branch) -> None:
    a = branch.meetings.create(branch.meetings.prepare(MeetingKind.REGULAR, date(2026, 3, 5)))
    branch.meetings.adopt(a.id)
    with pytest.raises(ConflictError):
        branch.meetings.delete_draft(a.id)
    b = branch.meetings.create(branch.meetings.prepare(MeetingKind.REGULAR, date(2026, 4, 5)))
    branch.meetings.delete_draft(b.id)
    assert [m.id for m in branch.meetings.list()] == [a.id]

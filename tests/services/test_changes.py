"""What a service call reports it changed (app.domain.changes), on the demo branch: the window routes by it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.bootstrap import Services
from app.domain.changes import EVERYTHING, Area, Change, from_log
from app.domain.dues import Month
from app.domain.errors import ValidationError
from app.domain.meeting_record import MeetingKind


def test_an_edit_of_details_touches_the_member_only(demo: Services) -> None:
    demo.take_changes()
    member = demo.members.list()[0]
    demo.members.update(replace(member, job_position="Giáo viên Văn"))
    change = demo.take_changes()
    assert change.areas == {Area.MEMBERS} and change.ids[Area.MEMBERS] == {member.id}
    assert not demo.take_changes()  # taken once


def test_a_rename_or_a_new_member_touches_the_roll(demo: Services) -> None:
    demo.take_changes()
    member = demo.members.list()[0]
    demo.members.update(replace(member, full_name=member.full_name + " Anh"))
    assert demo.take_changes().areas == {Area.MEMBERS, Area.ROLL}
    added = demo.members.add(replace(member, id=None, full_name="Lê Văn Mới", cccd="", party_card_no="", version=0))
    change = demo.take_changes()
    assert change.areas == {Area.MEMBERS, Area.ROLL} and added.id in change.ids[Area.MEMBERS]


def test_meetings_dues_and_rules_each_say_their_area(demo: Services) -> None:
    demo.take_changes()
    saved = demo.meetings.save(demo.meetings.prepare(MeetingKind.REGULAR, date(2026, 11, 20)))
    assert demo.take_changes() == Change.of(Area.MEETINGS, ids=(saved.id,))
    member = demo.members.list()[0]
    demo.dues.pay(member.id, Month(2026, 11), Month(2026, 11), 1000)
    assert demo.take_changes().areas == {Area.DUES}
    demo.branch.save_rules(replace(demo.branch.rules, unexcused_alert=4))
    change = demo.take_changes()
    assert change.areas == {Area.RULES} and change.touches(set()) and change.touches({Area.DUES})


def test_a_refused_write_reports_nothing(demo: Services) -> None:
    demo.take_changes()
    member = demo.members.list()[0]
    with pytest.raises(ValidationError):
        demo.members.update(replace(member, joined_on=date(2099, 1, 1)))
    assert not demo.take_changes()


def test_the_log_entities_map_to_areas_and_an_unknown_one_to_everything() -> None:
    assert from_log("kl01_plan", 3, "save") == Change.of(Area.KL01, ids=(3,))
    assert from_log("dues_receipt", 9, "pay").areas == {Area.DUES}
    assert from_log("member", 5, "status:mien_sh").areas == {Area.MEMBERS, Area.ROLL}
    assert from_log("settings", 1, "ratings_deadline").areas == {Area.RATINGS}
    assert from_log("branch", 1, "demo") == EVERYTHING
    assert from_log("something_new", 1, "x") == EVERYTHING
    both = Change.of(Area.MEMBERS, ids=(1,)) | Change.of(Area.MEMBERS, Area.ROLL, ids=(2,))
    assert both.areas == {Area.MEMBERS, Area.ROLL} and both.ids[Area.MEMBERS] == {1, 2}
    assert not Change.of(Area.DUES).touches({Area.TOPICS}) and Change.of(Area.DUES).touches({Area.DUES, Area.ROLL})

"""A list in the layout other branch software exports is read whole: status as dated events, addresses, cards.

Issue #16 finding 5: the "File nhập liệu" layout imported names and dates but dropped "Trạng thái hoạt động"
(an exempt member came in as active, counted in every attendance base), warned on every 12-digit card, and
left ethnicity, religion, hometown and residence half-read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.bootstrap import Services
from app.cli.main import main
from app.domain.attendance import default_attendance
from app.domain.membership import MemberStatus, StatusEventKind
from tests.conftest import db_fingerprint
from tests.services.peer_layout import MEMBERS, peer_list


@pytest.fixture
def peer_file(tmp_path: Path) -> Path:
    return peer_list(tmp_path / "File_nhap_lieu_dang_vien.xlsx")


def test_the_whole_peer_list_is_read(services: Services, peer_file: Path) -> None:
    report = services.importer.run(peer_file)
    assert report.ok and report.applied, [p.message for p in report.problems]
    assert report.header_row == 4 and len(report.added) == 4
    by_name = {m.full_name: m for m in services.members.all()}
    an, binh, cuong, dung = (by_name[m[0]] for m in MEMBERS)
    assert an.date_of_birth == date(1975, 2, 5) and an.joined_on == date(2000, 4, 3)
    assert an.official_on == date(2001, 4, 3) and an.gender == "Nam"
    assert an.cccd == "001075012345" and an.party_card_no == "001075012345"  # 12 digits kept as text
    assert (an.ethnicity, an.religion) == ("Kinh", "Không") and (binh.ethnicity, binh.religion) == ("Tày", "Phật giáo")
    assert an.hometown == "Xã Hải Hậu, Nam Định" and an.residence == "Số 5 phố Huế, Hà Nội"
    assert cuong.hometown == "Bản Sisattanak, Viêng Chăn, Lào"  # a foreign country is kept
    today = services.ctx.today()
    # The exempt member is exempt from the date the list gives, not active; the deceased one left the roll.
    assert [(e.kind, e.on) for e in binh.events] == [(StatusEventKind.EXEMPTED, date(2024, 3, 1))]
    assert binh.status_on(today) is MemberStatus.EXEMPT and binh.status_on(date(2024, 2, 1)) is not MemberStatus.EXEMPT
    assert cuong.status_on(today) is MemberStatus.DECEASED and not cuong.status_on(today).on_roll
    assert an.status_on(today) is MemberStatus.FULL and dung.status_on(today) is MemberStatus.FULL
    # ... so the attendance base of a meeting today leaves the exempt member out when absent, and the deceased out.
    roll = [m for m in services.members.list(on=today)]
    assert {m.full_name for m in roll} == {an.full_name, binh.full_name, dung.full_name}
    expected = default_attendance(roll, today)
    assert {a.member_id: a.code.value for a in expected}[binh.id] == "mien_sh"


def test_card_numbers_are_said_once_not_per_row(services: Services, peer_file: Path) -> None:
    report = services.importer.run(peer_file, dry_run=True)
    assert not any(r.warnings for r in report.added)  # no "8 chữ số" on every row
    assert len(report.notices) == 2
    old, unread = report.notices
    assert old.startswith("1 đồng chí còn ghi số thẻ theo mẫu thẻ 2003 (8 chữ số)") and "02/09/2025" in old
    assert "Nơi đăng ký khai sinh" in unread


def test_an_unusual_card_number_is_named_by_row_once(services: Services, tmp_path: Path) -> None:
    odd = [list(m) for m in MEMBERS]
    odd[0][11] = "12AB"
    odd[3][11] = "123456"
    report = services.importer.run(peer_list(tmp_path / "odd.xlsx", [tuple(m) for m in odd]), dry_run=True)
    unusual = [n for n in report.notices if "không giống mẫu thẻ nào" in n]
    assert len(unusual) == 1 and "dòng 6, 9" in unusual[0] and "12 chữ số" in unusual[0]


def test_importing_the_same_list_twice_records_the_status_once(services: Services, peer_file: Path) -> None:
    services.importer.run(peer_file)
    again = services.importer.run(peer_file)
    assert again.ok and not again.added and not again.updated and len(again.unchanged) == 4
    binh = next(m for m in services.members.all() if m.full_name == "Trần Thị Bình")
    assert len(binh.events) == 1


def test_a_status_that_is_not_understood_refuses_the_row_by_name(
    services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = [list(m) for m in MEMBERS]
    odd[1][12] = "Nghỉ hưu"  # not a Party status the program knows
    odd[3][12], odd[3][13] = "Miễn sinh hoạt", ""  # exempt, but from when?
    path = peer_list(tmp_path / "odd.xlsx", [tuple(m) for m in odd])
    before = db_fingerprint(services.paths.database)
    report = services.importer.run(path, dry_run=True)
    messages = [p.message for p in report.problems]
    assert len(messages) == 2
    assert messages[0].startswith("Dòng 7: Đồng chí Trần Thị Bình: trạng thái hoạt động “Nghỉ hưu” không nhận ra")
    assert messages[1].startswith("Dòng 9: Đồng chí Phạm Thị Dung: trạng thái “Miễn sinh hoạt” cần có ngày")
    services.close()
    code = main(["--db", str(services.paths.database), "members", "import", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and "Trần Thị Bình" in out and "Không nhập đảng viên nào" in err
    assert db_fingerprint(services.paths.database) == before  # never silently dropped, nothing written


def test_an_existing_member_gets_the_status_as_an_event(services: Services, peer_file: Path) -> None:
    from app.services.members import member_from_fields

    services.members.add(member_from_fields({"full_name": "Trần Thị Bình", "date_of_birth": "12/08/1950",
                                              "joined_on": "19/05/1975"}))  # fmt: skip
    report = services.importer.run(peer_file)
    assert [r.member.full_name for r in report.updated] == ["Trần Thị Bình"] and "status" in report.updated[0].changed
    binh = next(m for m in services.members.all() if m.full_name == "Trần Thị Bình")
    assert binh.status_on(services.ctx.today()) is MemberStatus.EXEMPT and binh.ethnicity == "Tày"

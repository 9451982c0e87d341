"""Member import from real .xlsx files: header variants, dates, legacy fonts, duplicates, all-or-nothing."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from app.bootstrap import Services
from app.domain.errors import ExportError
from app.domain.legacy_tables import UNICODE_TO_TCVN3, UNICODE_TO_VNI
from app.domain.membership import Member
from app.services.members import member_from_fields
from tests.conftest import db_fingerprint
from tests.exporters import xlsx_samples


@pytest.fixture
def services_factory(now):  # type: ignore[no-untyped-def]
    """Further databases in the same test (each closed at the end)."""
    from app.bootstrap import open_services
    from app.config import AppPaths

    opened: list[Services] = []

    def make(root: Path) -> Services:
        opened.append(open_services(AppPaths.under(root), now=lambda: now))
        return opened[-1]

    yield make
    for s in opened:
        s.close()


HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ", "Số CCCD"]


def tcvn3(text: str) -> str:
    return "".join(UNICODE_TO_TCVN3.get(c, c) for c in text)


def vni(text: str) -> str:
    return "".join(UNICODE_TO_VNI.get(c, c) for c in text)


def _names(services: Services) -> list[str]:
    return [m.full_name for m in services.members.list()]


def test_happy_path_with_excel_dates_typed_dates_and_numbers(services: Services, tmp_path: Path) -> None:
    path = xlsx_samples.member_list(
        tmp_path / "ds.xlsx",
        [
            [1, "Nguyễn Văn An", date(1970, 2, 5), "Nam", "05/02/1995", "5-2-1996", 12345678, 1234567890],
            [
                2,
                unicodedata.normalize("NFD", "Trần Thị Bình"),
                "12.3.1980",
                "nữ",
                date(2001, 3, 12),
                None,
                "23456789",
                None,
            ],
            [3, "  Lê   Văn  Cường ", 30987, "NAM", 5022010, 1012011, None, None],  # serial date, ddmmyyyy numbers
            [None, "Tổng cộng: 3 đồng chí"],
        ],
        HEADER,
    )
    report = services.importer.run(path)
    assert report.applied and report.ok
    assert report.header_row == 3 and report.skipped_rows == [7]
    by_name = {m.full_name: m for m in services.members.list()}
    assert set(by_name) == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}
    an = by_name["Nguyễn Văn An"]
    assert (an.date_of_birth, an.joined_on, an.official_on) == (date(1970, 2, 5), date(1995, 2, 5), date(1996, 2, 5))
    assert an.party_card_no == "12345678" and an.cccd == "001234567890"  # the lost leading zeros are back
    assert (an.ho, an.dem, an.ten, an.gender) == ("Nguyễn", "Văn", "An", "Nam")
    binh = by_name["Trần Thị Bình"]
    assert unicodedata.is_normalized("NFC", binh.full_name) and binh.gender == "Nữ"
    cuong = by_name["Lê Văn Cường"]
    assert cuong.date_of_birth == date(1984, 11, 1) and cuong.joined_on == date(2010, 2, 5)
    assert cuong.official_on == date(2011, 1, 1)
    assert [h.action for h in services.branch.history("member")].count("import") == 3


def test_header_variants_without_diacritics_and_split_names(services: Services, tmp_path: Path) -> None:
    header = ["TT", "Ho va ten dem", "Ten", "NGAY, THANG, NAM SINH", "Ngay ket nap (dd/mm/yyyy)", "So the dang vien"]
    path = xlsx_samples.member_list(
        tmp_path / "khong-dau.xlsx",
        [[1, "Tôn Nữ Thị", "Hoa", "01/06/1980", "01/06/2005", "34567890"]],
        header,
        title_rows=0,
    )
    report = services.importer.run(path)
    assert report.applied and report.header_row == 1
    member = services.members.list()[0]
    assert member.full_name == "Tôn Nữ Thị Hoa" and member.ten == "Hoa" and member.ho == "Tôn"


def test_birth_date_under_nam_nu_columns(services: Services, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Ngày sinh", None, "Ngày vào Đảng"])
    ws.append([None, None, "Nam", "Nữ", None])
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)"])
    ws.append([1, "Phạm Văn Dũng", "02/03/1975", None, "02/03/2000"])
    ws.append([2, "Võ Thị Én", None, "04/05/1982", "04/05/2006"])
    wb.save(tmp_path / "nam-nu.xlsx")
    report = services.importer.run(tmp_path / "nam-nu.xlsx")
    assert report.applied, report.problems
    people = {m.full_name: (m.gender, m.date_of_birth) for m in services.members.list()}
    assert people == {"Phạm Văn Dũng": ("Nam", date(1975, 3, 2)), "Võ Thị Én": ("Nữ", date(1982, 5, 4))}
    assert 3 in report.skipped_rows


@pytest.mark.parametrize(("encode", "font"), [(tcvn3, ".VnTime"), (vni, "VNI-Times")])
def test_legacy_font_text_is_converted(services: Services, tmp_path: Path, encode, font: str) -> None:  # type: ignore[no-untyped-def]
    names = ["Lê Văn Cường", "Đặng Thị Hương"]
    rows = [[i + 1, encode(n), "01/01/1980", "Nam", "01/01/2005", None, None, None] for i, n in enumerate(names)]
    assert all(encode(n) != n for n in names)
    fonts = {(4 + i, 2): font for i in range(len(names))}
    path = xlsx_samples.member_list(tmp_path / "cu.xlsx", rows, HEADER, fonts=fonts)
    report = services.importer.run(path, dry_run=True)
    assert report.legacy_cells == 2
    assert [r.member.full_name for r in report.added] == names


def test_legacy_header_row_in_tcvn3_is_recognised(services: Services, tmp_path: Path) -> None:
    header = [tcvn3(h) for h in ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng"]]
    fonts = {(1, c): ".VnTime" for c in range(1, 5)}
    path = xlsx_samples.member_list(
        tmp_path / "h.xlsx", [[1, "Lê Văn An", "01/01/1980", "01/01/2005"]], header, title_rows=0, fonts=fonts
    )
    report = services.importer.run(path, dry_run=True)
    assert report.columns["joined_on"] == "Ngày vào Đảng" and len(report.added) == 1


def test_bad_rows_are_all_reported_and_nothing_is_written(services: Services, tmp_path: Path) -> None:
    services.importer.run(
        xlsx_samples.member_list(
            tmp_path / "first.xlsx",
            [[1, "Ngô Văn Cũ", "01/01/1970", "Nam", "01/01/2000", None, "11111111", None]],
            HEADER,
        )
    )
    before = db_fingerprint(services.paths.database)
    rows = [
        [1, "Hồ Văn Tốt", "01/01/1980", "Nam", "01/01/2005", None, "22222222", None],
        [2, "Lý Văn Sai", "31/02/1980", "Nam", "01/01/2005", None, None, None],  # no such day
        [3, "Đỗ Văn Trẻ", "01/01/2010", "Nam", "01/01/2020", None, None, None],  # too young
        [4, "Bùi Văn Thiếu", "01/01/1980", "Nam", None, None, None, None],  # no joining date
        [5, "Hồ Văn Tốt", "01/01/1980", "Nam", "01/01/2005", None, "33333333", None],  # same person as row 4
        [6, "Dương Văn Thẻ", "01/01/1981", "Nam", "01/01/2006", None, "22222222", None],  # same card as row 4
        [7, "Mai Văn Giới", "01/01/1981", "Không rõ", "01/01/2006", None, None, None],
        [8, "Lò Văn Số", "01/01/1981", "Nam", "01/01/2006", None, None, "12ab"],
        [9, "Tạ Văn Ngày", "hôm qua", "Nam", "01/01/2006", None, None, None],
    ]
    report = services.importer.run(xlsx_samples.member_list(tmp_path / "bad.xlsx", rows, HEADER))
    assert not report.applied
    problems = {(p.row, p.field, p.code) for p in report.problems}
    assert problems == {
        (5, "date_of_birth", "impossible"),
        (6, "joined_on", "too_young"),
        (7, "joined_on", "required"),
        (8, "full_name", "duplicate_in_file"),
        (9, "party_card_no", "duplicate_in_file"),
        (10, "gender", "invalid"),
        (11, "cccd", "digits"),
        (12, "date_of_birth", "format"),
    }
    messages = {p.row: p.message for p in report.problems}
    assert messages[5].startswith("Dòng 5: Ngày sinh:") and "31/02" in messages[5]
    assert "trùng với dòng 4" in messages[8]
    assert db_fingerprint(services.paths.database) == before
    assert _names(services) == ["Ngô Văn Cũ"]


def test_rows_matching_stored_members_update_them(services: Services, tmp_path: Path) -> None:
    fields = {"full_name": "Ngô Văn Cũ", "date_of_birth": "01/01/1970", "joined_on": "01/01/2000"}
    stored = services.members.add(
        member_from_fields({**fields, "party_card_no": "11111111", "job_position": "Giáo viên"})
    )
    rows = [
        [1, "Ngô Văn Cũ", "01/01/1970", "Nam", "01/01/2000", "01/01/2001", "11111111", None],  # by card: adds data
        [2, "Trịnh Văn Mới", "02/02/1985", "Nam", "02/02/2010", None, None, None],
    ]
    path = xlsx_samples.member_list(tmp_path / "ds.xlsx", rows, HEADER)
    before = db_fingerprint(services.paths.database)
    preview = services.importer.run(path, dry_run=True)
    assert db_fingerprint(services.paths.database) == before
    assert [r.member.full_name for r in preview.added] == ["Trịnh Văn Mới"]
    assert [(r.member.id, set(r.changed)) for r in preview.updated] == [(stored.id, {"official_on", "gender"})]
    report = services.importer.run(path)
    assert report.applied
    again = services.members.get(stored.id)  # type: ignore[arg-type]
    assert again.official_on == date(2001, 1, 1) and again.job_position == "Giáo viên"  # blank cells keep values
    second = services.importer.run(path, dry_run=True)
    assert len(second.unchanged) == 2 and not second.added and not second.updated


def test_a_row_matching_two_different_members_is_refused(services: Services, tmp_path: Path) -> None:
    services.members.add(Member("Ngô Văn A", date(1970, 1, 1), date(2000, 1, 1), party_card_no="11111111"))
    services.members.add(Member("Ngô Văn B", date(1971, 1, 1), date(2000, 1, 1), cccd="001234567890"))
    before = db_fingerprint(services.paths.database)
    rows = [[1, "Ngô Văn A", "01/01/1970", "Nam", "01/01/2000", None, "11111111", "001234567890"]]
    report = services.importer.run(xlsx_samples.member_list(tmp_path / "ds.xlsx", rows, HEADER))
    assert [(p.row, p.code) for p in report.problems] == [(4, "ambiguous")]
    assert "Ngô Văn B" in report.problems[0].message
    assert db_fingerprint(services.paths.database) == before


@pytest.mark.parametrize(
    ("make", "code"),
    [
        ("missing_header", "import_no_header"),
        ("missing_joined", "import_missing_column"),
        ("empty_sheet", "import_no_sheet"),
        ("header_only", "import_empty"),
        ("xls", "xlsx_old_format"),
        ("docx", "xlsx_is_word"),
        ("truncated", "xlsx_not_xlsx"),
    ],
)
def test_file_level_problems(services: Services, tmp_path: Path, make: str, code: str) -> None:
    from openpyxl import Workbook

    path = tmp_path / "ds.xlsx"
    good_rows = [[1, "Lê Văn An", "01/01/1980", "Nam", "01/01/2005", None, None, None]]
    match make:
        case "missing_header":
            xlsx_samples.member_list(path, good_rows, None)
        case "missing_joined":
            xlsx_samples.member_list(path, [["Lê Văn An", "01/01/1980"]], ["Họ và tên", "Ngày sinh"])
        case "empty_sheet":
            Workbook().save(path)
        case "header_only":
            xlsx_samples.member_list(path, [], HEADER)
        case "xls":
            xlsx_samples.xls_file(path)
        case "docx":
            xlsx_samples.docx_file(tmp_path / "a.docx").rename(path)
        case "truncated":
            xlsx_samples.member_list(tmp_path / "full.xlsx", good_rows, HEADER)
            xlsx_samples.truncated(tmp_path / "full.xlsx", path, 0.6)
    before = db_fingerprint(services.paths.database)
    with pytest.raises(ExportError) as caught:
        services.importer.run(path)
    assert caught.value.code == code
    assert db_fingerprint(services.paths.database) == before


def test_exported_roster_imports_back_the_same_members(demo: Services, services_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = demo.summary.export_roster(tmp_path / "ds.xlsx", with_cccd=True, with_phone=True)
    fresh = services_factory(tmp_path / "fresh")
    report = fresh.importer.run(path)
    assert report.applied and report.ok
    original = [
        (m.full_name, m.date_of_birth, m.joined_on, m.official_on, m.party_card_no, m.gender)
        for m in demo.members.list()
    ]
    imported = [
        (m.full_name, m.date_of_birth, m.joined_on, m.official_on, m.party_card_no, m.gender)
        for m in fresh.members.list()
    ]
    assert imported == original


def test_three_name_columns(services: Services, tmp_path: Path) -> None:
    header = ["STT", "Họ", "Tên đệm", "Tên", "Ngày sinh", "Ngày vào Đảng"]
    rows = [
        [1, "Nguyễn Phúc", "Minh", "Châu", "01/06/1980", "01/06/2005"],
        [2, "Lê", "", "Lai", "02/06/1980", "02/06/2005"],
    ]
    report = services.importer.run(xlsx_samples.member_list(tmp_path / "ten.xlsx", rows, header))
    assert report.applied, report.problems
    people = {m.full_name: (m.ho, m.dem, m.ten) for m in services.members.list()}
    assert people == {"Nguyễn Phúc Minh Châu": ("Nguyễn Phúc", "Minh", "Châu"), "Lê Lai": ("Lê", "", "Lai")}


def test_a_column_number_line_with_superscripts_is_data_not_numbering(services: Services, tmp_path: Path) -> None:
    """ "²".isdigit() is True but int("²") raises: such a line must not crash the import (found by hypothesis)."""
    path = xlsx_samples.member_list(
        tmp_path / "ds.xlsx",
        [
            ["(1)", "(²)", "(3)", "(4)", "(5)"],
            [1, "Nguyễn Văn An", date(1970, 2, 5), "Nam", "05/02/1995", "5-2-1996", 12345678, None],
        ],
        HEADER,
    )
    report = services.importer.run(path, dry_run=True)
    assert [r.member.full_name for r in report.added] == ["Nguyễn Văn An"]
    assert not report.applied and services.members.list() == []  # a dry run writes nothing

"""The review documents written from the demo branch and read back: forms, minutes, summary, workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from app.cli.main import main
from app.domain import error_text
from app.domain.errors import AppError
from app.domain.meeting_record import MeetingKind
from tests.conftest import NOW
from tests.exporters.docx_read import full_text, open_docx

LAST = NOW.year - 1


def test_one_form_per_member_prefilled_with_what_the_app_knows(demo, tmp_path: Path) -> None:
    paths = demo.rating_documents.forms(LAST, folder=tmp_path / "forms")
    season = demo.ratings.season(LAST)
    assert len(paths) == len(season.rows) and all(p.suffix == ".docx" for p in paths)
    secretary = demo.members.get(demo.branch.profile().secretary_id)
    row = next(r for r in season.rows if r.member.id == secretary.id)
    index = season.rows.index(row) + 1
    text = full_text(open_docx(paths[index - 1]))
    assert "BẢN KIỂM ĐIỂM CÁ NHÂN" in text and f"Năm {LAST}" in text
    assert secretary.full_name in text and "Mẫu 2A" in text
    assert "buổi sinh hoạt thường kỳ đồng chí phải dự" in text
    assert "\u2612 Hoàn thành xuất sắc nhiệm vụ" in text and "\u2610 Hoàn thành tốt nhiệm vụ" in text
    assert "Tự chấm điểm theo thang 100 điểm:" in text
    assert "Chi bộ đề xuất xếp loại: Hoàn thành xuất sắc nhiệm vụ." in text


def test_all_forms_in_one_file(demo, tmp_path: Path) -> None:
    [path] = demo.rating_documents.forms(LAST, out=tmp_path / "tat-ca")
    assert path.name == "tat-ca.docx"
    text = full_text(open_docx(path))
    assert text.count("BẢN KIỂM ĐIỂM CÁ NHÂN") == len(demo.ratings.season(LAST).rows)
    # the KL 01 plans and their year-end results, where recorded, fill item I.3
    plans = demo.kl01.year(LAST).plans
    reviewed = [r.member.id for r in demo.ratings.season(LAST).rows if r.member.id in plans]
    assert reviewed and text.count("Kế hoạch cá nhân học tập và làm theo Bác (") == len(reviewed)
    assert "Cam kết \u201c" in text


def test_summary_lists_every_member_with_the_vote_and_the_counts(demo, tmp_path: Path) -> None:
    path = demo.rating_documents.summary(LAST, tmp_path / "tong-hop.docx")
    doc = open_docx(path)
    text = full_text(doc)
    assert "kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm" in text
    assert "366-QĐ/TW" in text and "43-HD/BTCTW" in text and "124-QĐ/TW" not in text
    season = demo.ratings.season(LAST)
    table = doc.tables[1]  # the letterhead is table 0
    assert len(table.rows) == len(season.rows) + 1
    first = season.rows[0]
    cells = [c.text for c in table.rows[1].cells]
    assert first.member.full_name in cells[1]
    assert cells[5] == f"{first.rating.votes_for}/{first.rating.votes_total}"
    assert "Khiển trách" in text  # the planted conflict is noted
    assert "vượt tỷ lệ tối đa" in text
    assert "Không xếp loại: 1 đồng chí" in text


def test_minutes_of_the_review_meeting_are_made_from_the_recorded_meeting(demo, tmp_path: Path) -> None:
    [held] = [f for f in demo.meetings.list(year=LAST) if f.kind is MeetingKind.YEARLY_REVIEW]
    meeting = demo.meetings.get(held.id)
    text = full_text(open_docx(demo.rating_documents.minutes(LAST, tmp_path / "bien-ban")))
    assert "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm" in text
    assert f"ngày 10 tháng 12 năm {LAST}" in text and f"ngày 10/12/{LAST}" in text
    assert f"- Địa điểm: {meeting.place}." in text
    assert f"+ Có mặt: {held.present}/{held.base} đồng chí phải dự" in text  # the attendance kernel's figures
    assert f"- Chủ trì: đồng chí {meeting.presider_name}" in text and meeting.recorder_name in text
    assert "Lê Văn Tám" in text  # the guest
    for section in meeting.sections:  # the agenda items and what the secretary wrote under each
        assert section.title in text and section.body in text
    assert meeting.opinions[0].text in text and meeting.conclusion in text
    assert "Hội nghị kết thúc lúc 11 giờ 15 phút cùng ngày." in text
    assert "……/……" not in text  # every vote comes from the ratings
    rating = demo.ratings.season(LAST).rows[0].rating
    assert f"{rating.votes_for}/{rating.votes_total}" in text
    assert "Chi bộ tự đánh giá, xếp loại tập thể: Hoàn thành tốt nhiệm vụ." in text
    assert demo.ratings.branch(LAST).meeting_on == meeting.on  # the branch rating follows the sitting
    # the meetings screen's export of that meeting gives the same document
    again = demo.documents.minutes(held.id, tmp_path / "tu-cuoc-hop.docx")
    assert full_text(open_docx(again.path)) == text


def test_minutes_stay_the_fill_in_template_while_no_review_meeting_is_recorded(demo, tmp_path: Path) -> None:
    assert demo.ratings.review_meeting(NOW.year) is None
    text = full_text(open_docx(demo.rating_documents.minutes(NOW.year, tmp_path / "mau")))
    assert "Vào lúc …… giờ …… phút" in text and "- Thư ký: đồng chí ……" in text
    agenda = demo.ratings.review_agenda(NOW.year)
    assert all(f"{n}. {item}" in text for n, item in enumerate(agenda, start=1))
    assert f"năm {NOW.year}" in agenda[1] and "{year}" not in text
    assert "Biểu quyết đề xuất mức xếp loại" in text and "KẾT QUẢ BIỂU QUYẾT" in text


def test_workbook_holds_numbers_as_numbers(demo, tmp_path: Path) -> None:
    path = demo.rating_documents.workbook(LAST, tmp_path / "xep-loai.xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.title == f"Xếp loại {LAST}"
    rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    season = demo.ratings.season(LAST)
    assert len(rows) == len(season.rows)
    rated = [r for r in rows if r[9]]
    assert rated and all(isinstance(r[6], int | float) and isinstance(r[7], int) for r in rated)
    values = [c for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert any(v.startswith("Hoàn thành xuất sắc nhiệm vụ: ") for v in values)


def test_wrong_targets_are_refused_with_a_sentence(demo, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(AppError) as caught:
        demo.rating_documents.summary(LAST, tmp_path / "tong-hop.pdf")
    assert ".docx" in error_text.describe(caught.value)
    with pytest.raises(AppError) as caught:
        demo.rating_documents.workbook(LAST, tmp_path / "x.docx")
    assert ".xlsx" in error_text.describe(caught.value)
    assert not list(tmp_path.iterdir())


def test_cli_export(demo, tmp_path: Path, capsys) -> None:
    db = str(demo.ctx.db.path)
    demo.close()
    code = main(["--db", db, "ratings", "export", "summary", "--year", str(LAST), "--out", str(tmp_path / "t.docx")])
    out, err = capsys.readouterr()
    assert code == 0, err and "t.docx" in out
    code = main(["--db", db, "ratings", "export", "forms", "--year", str(LAST)])
    assert code == 1 and "--out" in capsys.readouterr().err


def test_the_year_report_states_the_ratings_and_a_quarter_report_does_not(demo, tmp_path: Path) -> None:
    from app.domain import periods

    year = full_text(open_docx(demo.documents.report(periods.year(LAST), tmp_path / "nam.docx").path))
    assert "5. Kiểm điểm, đánh giá, xếp loại chất lượng" in year
    assert (
        "hoàn thành xuất sắc nhiệm vụ 3 đồng chí" in year and "Chi bộ được xếp loại: hoàn thành tốt nhiệm vụ." in year
    )
    quarter = full_text(open_docx(demo.documents.report(periods.quarter(LAST, 3), tmp_path / "q3.docx").path))
    assert "xếp loại chất lượng" not in quarter

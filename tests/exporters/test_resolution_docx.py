"""The resolution writer, read back: number, basis, opening figures, the three parts, vote line, recipients."""

from __future__ import annotations

from docx.oxml.ns import qn

from app.domain import vntext
from app.domain.meeting_record import MeetingStatus, Vote
from exporters import wording as W
from exporters.resolution_docx import render_resolution, resolution_blanks
from tests.exporters import samples
from tests.exporters.docx_read import find, look, open_docx, paragraphs, texts


def render(meeting=None, **kw) -> bytes:
    meeting = meeting or samples.regular()
    kw.setdefault("signer_name", "Nguyễn Văn Số1")
    return render_resolution(meeting, samples.summary(meeting), samples.PROFILE, samples.layout(), **kw)


def test_resolution_reads_back_with_its_parts_and_figures() -> None:
    basis = ("Quy định số 24-QĐ/TW ngày 30/7/2021", "Hướng dẫn số 42-HD/BTCTW ngày 28/10/2025")
    doc = open_docx(render(basis=basis))
    left = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs]
    assert left[-1] == "Số 03-NQ/CB"
    lines = texts(doc)
    assert lines[lines.index("NGHỊ QUYẾT") + 1] == "Chi bộ tháng 2 năm 2026"
    assert look(doc, find(doc, "NGHỊ QUYẾT")).bold
    assert "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;" in lines
    assert "Căn cứ Hướng dẫn số 42-HD/BTCTW ngày 28/10/2025;" in lines
    assert look(doc, find(doc, "Căn cứ Điều lệ")).italic
    opening = find(doc, "Ngày 05/02/2026").text
    s = samples.summary(samples.regular())
    assert "từ 14 giờ 00 phút đến 16 giờ 00 phút (thời lượng 120 phút)" in opening
    assert f"Có mặt {s.present}/{s.base} đồng chí phải dự, đạt {vntext.percent(s.pct)}" in opening
    assert "vắng 2 đồng chí (có lý do: 1; không có lý do: 1)" in opening
    assert "Tình hình nộp đảng phí: 100% đảng viên nộp đảng phí." in lines
    headings = [p.text for p in paragraphs(doc) if p.style.name == "Heading 1"]
    assert headings == ["QUYẾT NGHỊ:", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THỜI GIAN QUA",
                        "II. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", "III. TỔ CHỨC THỰC HIỆN"]  # fmt: skip
    # the forward-looking block goes under II, the review under I
    i_two = lines.index("II. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI")
    assert lines.index("Hoàn thành nhiệm vụ.") < i_two < lines.index("Chuẩn bị chuyên đề quý.")
    assert lines.index("Chi bộ thống nhất các nhiệm vụ tháng tới.") > i_two
    assert [c.text for c in doc.tables[1].rows[1].cells] == ["1", "Hoàn thành hồ sơ đảng viên", "Nguyễn Văn Số3",
                                                             "25/02/2026"]  # fmt: skip
    assert "Nghị quyết được Chi bộ biểu quyết thông qua với 7/9 đồng chí tán thành, đạt tỷ lệ 77,8%." in lines


def test_recipients_and_signature() -> None:
    doc = open_docx(render())
    left, right = doc.tables[-1].rows[0].cells
    label = left.paragraphs[0]
    assert label.text == "Nơi nhận:" and label.runs[0].font.underline
    assert [p.text for p in left.paragraphs[1:]] == [
        "- Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh (để báo cáo);",
        "- Đảng viên trong chi bộ (để thực hiện);",
        "- Lưu Chi bộ.",
    ]
    assert look(doc, left.paragraphs[1]).size == 12
    assert [p.text for p in right.paragraphs if p.text] == ["T/M CHI BỘ", "BÍ THƯ", "Nguyễn Văn Số1"]
    assert all(look(doc, p).bold for p in right.paragraphs if p.text)
    assert doc.tables[-1].rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_deputy_signs_as_deputy_and_a_draft_is_marked() -> None:
    meeting = samples.regular(status=MeetingStatus.DRAFT)
    doc = open_docx(render(meeting, signer_name="Nguyễn Văn Số2", signer_is_deputy=True))
    right = doc.tables[-1].rows[0].cells[1]
    assert [p.text for p in right.paragraphs if p.text] == ["T/M CHI BỘ", "PHÓ BÍ THƯ", "Nguyễn Văn Số2"]
    assert W.DRAFT_MARK in doc.sections[0].first_page_header.paragraphs[0].text


def test_the_resolution_vote_is_the_one_naming_it() -> None:
    votes = (Vote("Kết nạp quần chúng Nguyễn Văn A", 6, 0, 0, 8), Vote("Thông qua nghị quyết", 8, 0, 0, 9))
    doc = open_docx(render(samples.regular(votes=votes)))
    assert "Nghị quyết được Chi bộ biểu quyết thông qua với 8/9 đồng chí tán thành, đạt tỷ lệ 88,9%." in texts(doc)


def test_missing_parts_are_blanks_and_named() -> None:
    meeting = samples.regular(votes=(), tasks=(), recorder_name="", recorder_id=None)
    assert resolution_blanks(meeting, signer_name="") == ("recorder", "tasks", "votes", "signer")
    doc = open_docx(render(meeting, signer_name=""))
    assert W.RES_VOTE_BLANK in texts(doc)
    assert doc.tables[-1].rows[0].cells[1].paragraphs[-1].text == W.BLANK

"""The minutes writer, read back with python-docx: texts, numbers, fonts, sizes, header table, page furniture."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from app.domain import vntext
from app.domain.meeting_record import MeetingKind, MeetingStatus
from exporters import wording as W
from exporters.minutes_docx import minutes_blanks, render_minutes
from tests.exporters import samples
from tests.exporters.docx_read import Look, find, full_text, look, mm, open_docx, paragraphs, texts, xml_parts

FONT = "Times New Roman"


def render(meeting=None, layout_name: str = "HD36-2018", **kw) -> bytes:
    meeting = meeting or samples.regular()
    return render_minutes(
        meeting, samples.summary(meeting), samples.PROFILE, samples.layout(layout_name), titles=samples.TITLES, **kw
    )


@pytest.fixture(scope="module")
def regular_doc():
    data = render()
    return data, open_docx(data)


def test_page_is_a4_with_the_profile_margins(regular_doc) -> None:
    _, doc = regular_doc
    section = doc.sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (210.0, 297.0)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert tuple(mm(m) for m in margins) == (20.0, 20.0, 30.0, 15.0)


def test_header_is_a_borderless_two_column_table(regular_doc) -> None:
    _, doc = regular_doc
    head = doc.tables[0]
    borders = head._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None and {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert [mm(c.width) for c in head.columns] == [78.0, 87.0]
    left, right = head.rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH",  # upper_body_2 is not printed by HD36
        "CHI BỘ TRƯỜNG THPT CHUYÊN VỊ THANH",
        "*",
        "Số 05-BB/CB",
    ]
    upper, branch, star, number = left.paragraphs
    assert look(doc, star).size == 14
    assert look(doc, upper) == Look(FONT, 14, False, False, False)
    assert look(doc, branch).bold and look(doc, branch).size == 14
    assert not look(doc, number).bold
    title, rule, place = right.paragraphs
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert (look(doc, title).size, look(doc, title).bold) == (15, True)
    # the rule under the Party title: a bottom border on an empty paragraph, indented to the title's length
    assert rule.text == "" and rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
    width = 87.0 - mm(rule.paragraph_format.left_indent) - mm(rule.paragraph_format.right_indent)
    assert abs(width - 73) < 0.2
    assert place.text == "Vị Thanh, ngày 05 tháng 02 năm 2026"
    assert look(doc, place).italic and look(doc, place).size == 14


def test_title_subject_and_headings(regular_doc) -> None:
    _, doc = regular_doc
    title = find(doc, "BIÊN BẢN")
    assert (look(doc, title).size, look(doc, title).bold, look(doc, title).font) == (16, True, FONT)
    subject = find(doc, "Sinh hoạt chi bộ")
    assert subject.text == "Sinh hoạt chi bộ thường kỳ tháng 2 năm 2026"
    assert look(doc, subject).bold and look(doc, subject).size == 14
    headings = [p.text for p in paragraphs(doc) if p.style.name == "Heading 1"]
    assert headings == [
        "I. NỘI DUNG SINH HOẠT",
        "II. Ý KIẾN THẢO LUẬN",
        "III. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ",
        "IV. BIỂU QUYẾT",
        "V. PHÂN CÔNG NHIỆM VỤ",
    ]
    for p in paragraphs(doc):
        if p.style.name == "Heading 1":
            assert look(doc, p).bold and look(doc, p).size == 14


def test_attendance_block_prints_the_computed_numbers(regular_doc) -> None:
    _, doc = regular_doc
    s = samples.summary(samples.regular())
    assert (s.total, s.official, s.probationary, s.exempt, s.present, s.base) == (10, 9, 1, 1, 7, 9)
    lines = texts(doc)
    assert "- Thời gian: bắt đầu lúc 14 giờ 00 phút, ngày 05/02/2026." in lines
    assert "- Địa điểm: Phòng họp Hội đồng." in lines
    assert f"+ Tổng số đảng viên của chi bộ: {s.total} đồng chí (chính thức: 9; dự bị: 1)." in lines
    assert "+ Số đảng viên được miễn công tác và sinh hoạt đảng: 1 đồng chí." in lines
    assert "+ Số đảng viên được giới thiệu sinh hoạt tạm thời nơi khác: 0 đồng chí." in lines
    assert f"+ Có mặt: 7/9 đồng chí phải dự (chính thức: 6; dự bị: 1); đạt {vntext.percent(s.pct)}." in lines
    assert vntext.percent(s.pct) == "77,8%"
    assert "+ Vắng mặt: 2 đồng chí, trong đó:" in lines
    assert "Có lý do: 1 đồng chí (đồng chí Lê Thị Vắng – Đi công tác)." in lines
    assert "Không có lý do: 1 đồng chí (đồng chí Phạm Văn Không)." in lines
    assert "+ Đại biểu, khách mời: đồng chí Lê Văn Tám – Đảng ủy viên, Đảng ủy Khối." in lines
    assert "- Chủ trì: đồng chí Nguyễn Văn Số1 – Bí thư chi bộ." in lines
    assert "- Thư ký: đồng chí Nguyễn Văn Số3 – Chi ủy viên." in lines


def test_content_opinions_vote_and_tasks(regular_doc) -> None:
    _, doc = regular_doc
    lines = texts(doc)
    # typed lines stay separate paragraphs
    assert lines.index("Hoàn thành nhiệm vụ.") + 1 == lines.index("Nộp đảng phí đủ.")
    assert "Tình hình nộp đảng phí" in " ".join(lines) and "100% đảng viên nộp đảng phí." in lines
    opinion = find(doc, "Đồng chí Nguyễn Văn Số4: ")
    assert opinion.text == "Đồng chí Nguyễn Văn Số4: Thống nhất với báo cáo."
    assert look(doc, opinion, 0).bold and not look(doc, opinion, 1).bold
    vote = find(doc, "Chi bộ biểu quyết")
    assert vote.text == (
        "Chi bộ biểu quyết thông qua nghị quyết tháng: tán thành 7/9 đồng chí (77,8%); "
        "không tán thành 0 đồng chí; ý kiến khác 0 đồng chí (hình thức: giơ tay)."
    )
    assert W.VOTE_PASSED in lines
    tasks = doc.tables[1]
    rows = [[c.text for c in row.cells] for row in tasks.rows]
    assert rows == [list(W.TASK_HEADER), ["1", "Hoàn thành hồ sơ đảng viên", "Nguyễn Văn Số3", "25/02/2026"]]
    # header row repeats on every page; widths on both the grid and the cells
    assert tasks.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    grid = [mm(c.width) for c in tasks.columns]
    assert grid == list(W.TASK_WIDTHS_MM)
    assert [mm(c.width) for c in tasks.rows[1].cells] == grid
    assert look(doc, tasks.rows[0].cells[0].paragraphs[0]).bold
    assert look(doc, tasks.rows[1].cells[1].paragraphs[0]).size == 13


def test_closing_and_signatures(regular_doc) -> None:
    _, doc = regular_doc
    assert "Buổi sinh hoạt kết thúc lúc 16 giờ 00 phút cùng ngày." in texts(doc)
    sign = doc.tables[-1]
    left, right = sign.rows[0].cells
    assert left.paragraphs[0].text == "THƯ KÝ" and right.paragraphs[0].text == "CHỦ TRÌ"
    assert left.paragraphs[1].text == "(Ký, ghi rõ họ tên)" and look(doc, left.paragraphs[1]).italic
    assert left.paragraphs[-1].text == "Nguyễn Văn Số3" and look(doc, left.paragraphs[-1]).bold
    assert right.paragraphs[-1].text == "Nguyễn Văn Số1"
    assert sign.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None  # never split across pages


def test_times_new_roman_everywhere_with_east_asian_slot(regular_doc) -> None:
    data, doc = regular_doc
    for p in paragraphs(doc):
        for i, _ in enumerate(p.runs):
            assert look(doc, p, i).font == FONT, p.text
    body = [p for p in paragraphs(doc) if p.style.name == "Normal" and p.text.startswith("+ ")]
    assert body and all(look(doc, p).size == 14 for p in body)
    styles = xml_parts(data)["word/styles.xml"]
    assert "Theme" not in "".join(re.findall(r"<w:rFonts[^>]*>", styles))  # theme fonts would override the name
    for tag in re.findall(r"<w:rFonts[^>]*>", styles):
        assert f'w:eastAsia="{FONT}"' in tag and f'w:ascii="{FONT}"' in tag, tag
    assert 'w:lang w:val="vi-VN"' in styles


def test_page_number_centred_from_page_two_and_the_seal_printed_once_after_the_signatures(regular_doc) -> None:
    data, doc = regular_doc
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    parts = xml_parts(data)
    headers = {n: x for n, x in parts.items() if n.startswith("word/header")}
    with_page = [x for x in headers.values() if "PAGE" in x]
    assert len(with_page) == 1 and 'w:fldCharType="begin"' in with_page[0]
    assert "PAGE" not in "".join(p.text for p in section.first_page_header.paragraphs)
    number = section.header.paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER and "<w:tab/>" not in number._p.xml  # HD 36: centred
    # the seal is no page furniture: no footer carries it, the body prints it once, small, under the signatures
    footers = "".join(x for n, x in parts.items() if n.startswith("word/footer"))
    assert "niêm phong" not in footers
    lines = texts(doc)
    seals = [p for p in paragraphs(doc) if p.text.startswith("Mã niêm phong")]
    assert [p.text for p in seals] == ["Mã niêm phong: AB12-CD34-EF56-0000"]
    assert look(doc, seals[0]).size == 9
    body = list(doc.element.body.iterchildren())
    assert body.index(doc.tables[-1]._tbl) < body.index(seals[0]._p)  # after the signature table
    assert lines.count("Mã niêm phong: AB12-CD34-EF56-0000") == 1
    assert W.DRAFT_MARK not in "".join(headers.values())


def test_an_editable_file_no_images_and_only_the_page_field(regular_doc) -> None:
    data, doc = regular_doc
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
    assert not [n for n in names if n.lower().endswith((".jpeg", ".jpg", ".png", ".emf", ".wmf"))]
    assert "word/stylesWithEffects.xml" not in names  # the stock template's 438 KB duplicate is dropped
    # every style a paragraph names exists (the style sheet was pruned to what the documents use)
    ids = {st.style_id for st in doc.styles}
    assert {p.style.style_id for p in paragraphs(doc)} <= ids
    xml = "".join(xml_parts(data).values())
    assert "<w:drawing" not in xml and "<pic:" not in xml and "<w:fldSimple" not in xml
    assert set(re.findall(r"<w:instrText[^>]*>([^<]*)<", xml)) == {" PAGE "}


def test_a_draft_is_marked_on_every_page_and_has_no_seal() -> None:
    doc = open_docx(render(samples.regular(status=MeetingStatus.DRAFT, content_hash="", adopted_on=None)))
    section = doc.sections[0]
    for header in (section.header, section.first_page_header):
        assert W.DRAFT_MARK in "".join(p.text for p in header.paragraphs)
    assert not [p for p in paragraphs(doc) if "niêm phong" in p.text]


def test_missing_recorder_and_end_time_print_visible_blanks() -> None:
    meeting = samples.regular(recorder_id=None, recorder_name="", end=None)
    assert minutes_blanks(meeting) == ("recorder", "end")
    doc = open_docx(render(meeting))
    lines = texts(doc)
    assert f"- Thư ký: đồng chí {W.BLANK}." in lines
    assert f"Buổi sinh hoạt kết thúc lúc {W.BLANK_TIME} cùng ngày." in lines
    assert doc.tables[-1].rows[0].cells[0].paragraphs[-1].text == W.BLANK


def test_an_empty_record_prints_the_agenda_with_lines_to_write_on() -> None:
    meeting = samples.regular(sections=(), opinions=(), conclusion="", votes=(), tasks=(), dues_note="",
                              agenda=("Thông tin thời sự", "Nhiệm vụ tháng tới"))  # fmt: skip
    assert minutes_blanks(meeting) == ("content", "opinions", "conclusion", "votes", "tasks")
    doc = open_docx(render(meeting))
    assert "1. Thông tin thời sự" in texts(doc) and "2. Nhiệm vụ tháng tới" in texts(doc)
    fill = [p for p in paragraphs(doc) if p.style.name == "Fill-in Line"]
    assert len(fill) >= 8 and all(p.text.endswith("\t") for p in fill)
    assert W.VOTE_BLANK in texts(doc)
    tasks = doc.tables[1]
    assert len(tasks.rows) == 4 and all(c.text == "" for row in tasks.rows[1:] for c in row.cells[1:])


def test_thematic_minutes_name_the_topic_and_presenter() -> None:
    meeting = samples.thematic()
    assert minutes_blanks(meeting) == ("topic",)
    assert minutes_blanks(meeting, topic_title="Tự lực, tự cường") == ()
    doc = open_docx(render(meeting, topic_title="Tự lực, tự cường"))
    lines = texts(doc)
    assert "Sinh hoạt chuyên đề quý I năm 2026" in lines
    assert "Chuyên đề: \u201cTự lực, tự cường\u201d" in lines
    assert "Đồng chí Nguyễn Văn Số2 trình bày chuyên đề \u201cTự lực, tự cường\u201d." in lines
    assert "Chuyên đề được chuẩn bị công phu." in lines
    headings = [p.text for p in paragraphs(doc) if p.style.name == "Heading 1"]
    assert headings == ["I. NỘI DUNG SINH HOẠT CHUYÊN ĐỀ", "II. Ý KIẾN THẢO LUẬN, LIÊN HỆ",
                        "III. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ"]  # fmt: skip
    assert len(doc.tables) == 2  # header and signatures: no vote, no task table for a thematic meeting


def test_combined_sitting_has_two_visibly_separate_parts_and_addenda_after_signatures() -> None:
    meeting = samples.combined()
    data = render(meeting)
    doc = open_docx(data)
    lines = texts(doc)
    a, b = lines.index(W.PART_REGULAR), lines.index(W.PART_THEMATIC)
    assert a < lines.index("Đồng chí Nguyễn Văn Số4: Ý kiến phần thường kỳ.") < b
    assert b < lines.index("Đồng chí Nguyễn Văn Số5: Ý kiến phần chuyên đề.")
    assert lines.index("Sinh hoạt chi bộ thường kỳ tháng 6 năm 2026") + 1 == lines.index(
        "kết hợp sinh hoạt chuyên đề quý II năm 2026"
    )
    part_b = find(doc, W.PART_THEMATIC)
    assert part_b.style.name == "Heading 1" and part_b.paragraph_format.alignment == 1  # centred
    body = doc.element.body
    sign_index = list(body).index(doc.tables[-1]._tbl)
    correction = find(doc, "ĐÍNH CHÍNH")
    assert correction.text == "ĐÍNH CHÍNH ngày 02/07/2026"
    assert list(body).index(correction._p) > sign_index
    assert "Lý do: Ghi thiếu ý kiến" in lines and "Nội dung: Bổ sung ý kiến của đồng chí Số6." in lines


def test_hd05_profile_changes_labels_sizes_and_spacing() -> None:
    doc = open_docx(render(layout_name="HD05-2026"))
    assert doc.tables[-1].rows[0].cells[0].paragraphs[0].text == "NGƯỜI GHI BIÊN BẢN"
    assert look(doc, find(doc, "BIÊN BẢN")).size == 15
    assert doc.styles["Normal"].paragraph_format.line_spacing.pt == 19


def test_extraordinary_meeting_subject_with_its_own_title() -> None:
    doc = open_docx(render(samples.regular(kind=MeetingKind.EXTRAORDINARY, title="Về công tác nhân sự")))
    lines = texts(doc)
    assert lines.index("Sinh hoạt chi bộ bất thường ngày 05/02/2026") + 1 == lines.index("Về công tác nhân sự")
    assert find(doc, "Về công tác nhân sự").style.name == "Subtitle"


def test_unnumbered_minutes_have_no_number_line() -> None:
    doc = open_docx(render(samples.regular(doc_number="")))
    assert [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs][-1] == "*"
    assert "Số " not in full_text(doc).split("BIÊN BẢN")[0].replace("Số1", "")


def test_meeting_without_presider_title_prints_just_the_name() -> None:
    doc = open_docx(render(replace(samples.regular(), presider_id=9, presider_name="Phạm Văn Không")))
    assert "- Chủ trì: đồng chí Phạm Văn Không." in texts(doc)

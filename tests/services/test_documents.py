"""DocumentService on the demo branch: files written atomically, numbers from the term counter, blank fields
named, batch names that sort by date, layout overrides; on every failure the old file stays intact."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.bootstrap import Services
from app.domain import error_text, periods, vntext
from app.domain.errors import ExportError, ValidationError
from app.domain.meeting_record import MeetingKind, MeetingStatus
from app.services.documents import DocumentService, period_for
from exporters import wording as W
from tests.conftest import db_fingerprint
from tests.exporters.docx_read import find, open_docx, texts


def first(s: Services, kind: MeetingKind, status: MeetingStatus | None = None):
    found = next(m for m in s.meetings.list(year=2026) if m.kind is kind and (status is None or m.status is status))
    return s.meetings.get(found.id)


def test_minutes_numbers_equal_the_database(demo: Services, tmp_path: Path) -> None:
    meeting = first(demo, MeetingKind.REGULAR, MeetingStatus.ADOPTED)
    before = db_fingerprint(demo.paths.database)
    result = demo.documents.minutes(meeting.id, tmp_path / "bb.docx")
    assert result.path == tmp_path / "bb.docx" and result.blank_fields == () and result.warnings == ()
    assert db_fingerprint(demo.paths.database) == before  # exporting without a number changes nothing
    s = demo.meetings.summary(meeting)
    lines = texts(open_docx(result.path))
    assert f"+ Có mặt: {s.present}/{s.base} đồng chí phải dự (chính thức: {s.present_official}; " \
           f"dự bị: {s.present_probationary}); đạt {vntext.percent(s.pct)}." in lines  # fmt: skip
    assert any(line.startswith(f"+ Tổng số đảng viên của chi bộ: {s.total} đồng chí") for line in lines)
    assert f"- Chủ trì: đồng chí {meeting.presider_name} – Bí thư chi bộ." in lines
    (seal,) = [line for line in lines if line.startswith("Mã niêm phong: ")]  # once, after the signatures
    assert seal.endswith(meeting.content_hash[12:16].upper())
    assert not list(tmp_path.glob(".~tmp-*"))


def test_thematic_minutes_take_the_topic_from_the_assignment(demo: Services, tmp_path: Path) -> None:
    meeting = first(demo, MeetingKind.THEMATIC)
    topic = next(a for a in demo.topics.list(2026) if a.meeting_id == meeting.id)
    result = demo.documents.minutes(meeting.id, tmp_path / "cd.docx")
    assert "topic" not in result.blank_fields
    assert f"Chuyên đề: \u201c{topic.title}\u201d" in texts(open_docx(result.path))


def test_numbers_come_from_the_term_counter_and_stay_with_the_meeting(demo: Services, tmp_path: Path) -> None:
    a, b = [m for m in demo.meetings.list(year=2026) if m.kind is MeetingKind.REGULAR][:2]
    r1 = demo.documents.minutes(a.id, tmp_path / "a.docx", number=True)
    r2 = demo.documents.minutes(b.id, tmp_path / "b.docx", number=True)
    again = demo.documents.minutes(a.id, tmp_path / "a2.docx", number=True)
    assert (r1.number, r2.number, again.number) == ("01", "02", "01")
    assert demo.meetings.get(a.id).doc_number == "01"
    left = open_docx(r2.path).tables[0].rows[0].cells[0].paragraphs
    assert left[-1].text == "Số 02-BB/CB"
    res = demo.documents.resolution(a.id, tmp_path / "nq.docx", number=True)
    assert res.number == "01"  # resolutions have their own counter
    by_hand = demo.documents.minutes(b.id, tmp_path / "b2.docx", number=7)
    assert by_hand.number == "07"
    c = [m for m in demo.meetings.list(year=2026) if m.kind is MeetingKind.REGULAR][2]
    assert demo.documents.minutes(c.id, tmp_path / "c.docx", number=True).number == "08"  # never reused


def test_report_number_is_not_used_up_by_a_failed_write(demo: Services, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "bc.docx"
    target.write_bytes(b"old report")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", locked)
        m.setattr("exporters.atomic.RETRY_DELAY", 0.0)
        with pytest.raises(ExportError) as info:
            demo.documents.report(periods.quarter(2026, 3), target, number=True)
    assert info.value.code == "file_locked"
    assert target.read_bytes() == b"old report"
    assert not list(tmp_path.glob(".~tmp-*"))
    ok = demo.documents.report(periods.quarter(2026, 3), target, number=True)
    assert ok.number == "01"
    assert "Số 01-BC/CB" in [p.text for p in open_docx(target).tables[0].rows[0].cells[0].paragraphs]


def test_minutes_locked_target_keeps_the_old_file(demo: Services, tmp_path: Path, monkeypatch) -> None:
    meeting = first(demo, MeetingKind.REGULAR)
    target = tmp_path / "bb.docx"
    target.write_bytes(b"the old minutes")
    monkeypatch.setattr("exporters.atomic.RETRY_DELAY", 0.0)
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(PermissionError(13, "denied")))
    with pytest.raises(ExportError) as info:
        demo.documents.minutes(meeting.id, target)
    assert info.value.code == "file_locked" and "đang được mở" in error_text.describe(info.value)
    assert target.read_bytes() == b"the old minutes"


def test_blank_fields_for_a_meeting_recorded_in_a_hurry(demo: Services, tmp_path: Path) -> None:
    bare = demo.meetings.create(replace(demo.meetings.prepare(MeetingKind.REGULAR, date(2026, 11, 19)), sections=()))
    result = demo.documents.minutes(bare.id, tmp_path / "bare.docx")
    assert result.blank_fields[:2] == ("start", "recorder")
    assert result.blank_fields[-1] == "end"
    assert set(result.blank_fields) >= {"content", "opinions", "conclusion", "votes", "tasks"}
    assert result.blank_labels[:2] == ["Giờ bắt đầu", "Thư ký"]
    doc = open_docx(result.path)
    assert find(doc, "- Thời gian:").text == f"- Thời gian: bắt đầu lúc {W.BLANK_TIME}, ngày 19/11/2026."
    assert W.DRAFT_MARK in doc.sections[0].first_page_header.paragraphs[0].text


def test_batch_writes_one_file_per_meeting_named_to_sort_by_date(demo: Services, tmp_path: Path) -> None:
    period = periods.year(2026)
    results = demo.documents.minutes_batch(period, tmp_path / "2026")
    meetings = demo.meetings.list(period=period)
    assert len(results) == len(meetings)
    names = [r.path.name for r in results]
    assert names == sorted(names) == sorted(os.listdir(tmp_path / "2026"))
    assert [n[:10] for n in names] == [m.on.isoformat() for m in meetings]
    assert all(n.isascii() and n.endswith(".docx") for n in names)
    assert "2026-03-17_bien-ban_sinh-hoat-chuyen-de-quy-i-nam-2026.docx" in names
    for r, m in zip(results, meetings, strict=True):
        assert r.meeting_id == m.id
        assert r.path.name == DocumentService.file_name(m)


def test_batch_gives_two_sittings_on_one_day_distinct_names(demo: Services, tmp_path: Path) -> None:
    day = date(2026, 11, 19)
    for _ in range(2):
        demo.meetings.create(demo.meetings.prepare(MeetingKind.EXTRAORDINARY, day))
    results = demo.documents.minutes_batch(periods.month(2026, 11), tmp_path)
    names = [r.path.name for r in results]
    first, second = (
        "2026-11-19_bien-ban_sinh-hoat-chi-bo-bat-thuong.docx",
        "2026-11-19_bien-ban_sinh-hoat-chi-bo-bat-thuong-2.docx",
    )
    assert first in names and second in names


def test_batch_into_a_file_is_refused(demo: Services, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "x.docx"
    not_a_folder.write_bytes(b"x")
    with pytest.raises(ExportError) as info:
        demo.documents.minutes_batch(periods.year(2026), not_a_folder)
    assert info.value.code == "folder_is_file"
    assert not_a_folder.read_bytes() == b"x"


def test_target_names(demo: Services, tmp_path: Path) -> None:
    meeting = first(demo, MeetingKind.REGULAR)
    assert demo.documents.minutes(meeting.id, tmp_path / "bien-ban").path == tmp_path / "bien-ban.docx"
    with pytest.raises(ExportError) as folder:
        demo.documents.minutes(meeting.id, tmp_path)
    assert folder.value.code == "target_is_folder" and "bien-ban.docx" in error_text.describe(folder.value)
    with pytest.raises(ExportError) as ext:
        demo.documents.report(periods.year(2026), tmp_path / "bao-cao.doc")
    assert ext.value.code == "wrong_extension" and "bao-cao.docx" in error_text.describe(ext.value)


def test_resolution_signed_by_the_secretary(demo: Services, tmp_path: Path) -> None:
    meeting = first(demo, MeetingKind.REGULAR, MeetingStatus.ADOPTED)
    result = demo.documents.resolution(meeting.id, tmp_path / "nq.docx")
    secretary = demo.members.get(demo.branch.profile().secretary_id)
    doc = open_docx(result.path)
    right = doc.tables[-1].rows[0].cells[1]
    assert [p.text for p in right.paragraphs if p.text] == ["T/M CHI BỘ", "BÍ THƯ", secretary.full_name]
    assert "Căn cứ Hướng dẫn số 42-HD/BTCTW ngày 28/10/2025;" in texts(doc)


def test_layout_overrides_are_checked_then_used(demo: Services, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        demo.documents.save_layout_overrides({"page": {"margin_left_mm": 500}})
    assert demo.documents.layout().margin_left_mm == 30
    demo.documents.save_layout_overrides({"page": {"margin_left_mm": 35}})
    assert demo.documents.layout().margin_left_mm == 35
    result = demo.documents.minutes(first(demo, MeetingKind.REGULAR).id, tmp_path / "x.docx")
    assert round(open_docx(result.path).sections[0].left_margin / 36000) == 35


def test_the_branch_profile_chooses_the_layout(demo: Services, tmp_path: Path) -> None:
    demo.branch.save_profile(replace(demo.branch.profile(), layout_profile="HD05-2026"))
    result = demo.documents.minutes(first(demo, MeetingKind.REGULAR).id, tmp_path / "x.docx")
    assert open_docx(result.path).tables[-1].rows[0].cells[0].paragraphs[0].text == "NGƯỜI GHI BIÊN BẢN"
    demo.branch.save_profile(replace(demo.branch.profile(), layout_profile="KHONG-CO"))
    with pytest.raises(ExportError) as info:
        demo.documents.minutes(first(demo, MeetingKind.REGULAR).id, tmp_path / "y.docx")
    assert info.value.code == "layout_invalid" and not (tmp_path / "y.docx").exists()


def test_a_broken_seal_is_reported(demo: Services, tmp_path: Path) -> None:
    meeting = first(demo, MeetingKind.REGULAR, MeetingStatus.ADOPTED)
    # someone edits the stored record behind the program's back
    with demo.ctx.db.transaction():
        demo.ctx.meetings.update(replace(meeting, conclusion="Nội dung đã bị sửa."))
    result = demo.documents.minutes(meeting.id, tmp_path / "x.docx")
    assert result.warnings and "không còn khớp" in result.warnings[0]


def test_period_for() -> None:
    assert period_for(2026, 3).key == "2026-Q3"
    assert period_for(2026, half=2).key == "2026-H2"
    assert period_for(2026).key == "2026"
    with pytest.raises(ValidationError):
        period_for(2026, 5)
    with pytest.raises(ValidationError):
        period_for(2026, 1, 1)


def test_prepared_jobs_write_on_another_thread_without_the_database(demo: Services, tmp_path: Path) -> None:
    """The window renders off the GUI thread: a job must not touch SQLite (whose connection is thread-bound)."""
    import threading

    jobs = demo.documents.prepare_minutes_batch(periods.quarter(2026, 3), tmp_path / "q3")
    jobs.append(demo.documents.prepare_resolution(jobs[0].meeting_id, tmp_path / "nq.docx"))
    jobs.append(demo.documents.prepare_report(periods.quarter(2026, 3), tmp_path / "bc.docx", number=True))
    assert jobs[-1].number == "01"  # taken when prepared
    results, errors = [], []

    def work() -> None:
        try:
            results.extend(job.write() for job in jobs)
            results.append(jobs[0].write(tmp_path / "staged" / "first.docx"))
        except BaseException as exc:  # reported to the test thread
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert not errors
    assert [r.path for r in results[:-1]] == [j.target for j in jobs]
    assert results[-1].path == tmp_path / "staged" / "first.docx" and results[-1].path.exists()
    assert all(r.path.stat().st_size > 5000 for r in results)

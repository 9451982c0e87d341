"""Wiring of the export buttons to the export services that exist in this build (Word, Excel, USB package).

Each export is two steps: what needs the database is read on the GUI thread (the SQLite connection lives
there: the services' ``prepare_*``), then rendering and writing run in a background task with a
cancellable progress dialog (the jobs' ``write``). Services are imported only when a button is pressed,
so openpyxl and python-docx never slow the start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_NAME
from app.bootstrap import Services
from app.domain import notices, vntext
from app.domain.errors import AppError
from app.domain.meeting_record import Meeting
from ui.errors import plain_message
from ui.folders import documents_folder
from ui.tasks import TaskProgress, run_task
from ui.widgets import prompts


def export_folder() -> Path:
    """Documents/"Sổ Chi bộ", created on first use (a dialog on a missing folder opened in the program's folder)."""
    return documents_folder()


def open_path(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_saved(parent: QWidget | None, text: str, path: Path) -> None:
    """Tell where the file went, with "open the file" and "open the folder" at hand."""
    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    open_file = box.addButton("Mở tệp", QMessageBox.ButtonRole.ActionRole) if path.is_file() else None
    open_folder = box.addButton("Mở thư mục", QMessageBox.ButtonRole.ActionRole)
    close = box.addButton("Đóng", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.exec()
    if open_file is not None and box.clickedButton() is open_file:
        open_path(path)
    elif box.clickedButton() is open_folder:
        open_path(path if path.is_dir() else path.parent)


def result_sentence(what: str, result: Any) -> str:
    lines = [notices.DOC_WRITTEN.format(what=notices.DOC_WHAT.get(what, what), path=result.path)]
    labels = list(getattr(result, "blank_labels", []) or [])
    if labels:
        lines.append(notices.DOC_BLANKS.format(fields=", ".join(labels)))
    lines += [notices.DOC_WARNING.format(text=w) for w in getattr(result, "warnings", ())]
    return "\n".join(lines)


def run_export(
    parent: QWidget,
    title: str,
    prepare: Callable[[], Callable[[TaskProgress], Any]],
    on_done: Callable[[Any], None],
    say: Callable[[str], None],
) -> None:
    """Read on this thread (``prepare``), then write in the background with a cancellable progress dialog."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        work = prepare()
    except AppError as exc:
        QGuiApplication.restoreOverrideCursor()
        prompts.show_error(parent, plain_message(exc))
        return
    finally:
        if QGuiApplication.overrideCursor() is not None:
            QGuiApplication.restoreOverrideCursor()

    def failed(sentence: str) -> None:
        prompts.show_error(parent, sentence)

    parent.export_task = run_task(parent, title, work, on_done, failed, lambda: say("Đã hủy."))  # type: ignore[attr-defined]


def export_meeting_document(
    parent: QWidget, services: Services, meeting: Meeting, which: str, say: Callable[[str], None]
) -> None:
    """Minutes ("minutes") or resolution ("resolution") of one meeting, to a file the user picks."""
    if meeting.id is None:
        return
    docs = services.documents
    name = docs.file_name(meeting, which)
    folder = export_folder()
    path = prompts.choose_save_path(
        parent, f"Lưu {notices.DOC_WHAT.get(which, which)}", folder / name, "Tài liệu Word (*.docx)", kind=which
    )
    if path is None:
        return
    meeting_id = meeting.id

    def prepare() -> Callable[[TaskProgress], Any]:
        job = getattr(docs, f"prepare_{which}")(meeting_id, path)
        return lambda progress: job.write()

    def done(result: Any) -> None:
        say(notices.DOC_WRITTEN.format(what=notices.DOC_WHAT.get(which, which), path=result.path))
        show_saved(parent, result_sentence(which, result), Path(result.path))

    run_export(parent, f"Đang xuất {notices.DOC_WHAT.get(which, which)}…", prepare, done, say)


def export_report(parent: QWidget, services: Services, period: Any, say: Callable[[str], None]) -> None:
    """The periodic report (Word) of *period*."""
    from app.domain import periods

    docs = services.documents
    label = periods.label(period)
    suggested = export_folder() / f"{period.key}_bao-cao.docx"
    path = prompts.choose_save_path(parent, f"Lưu báo cáo {label}", suggested, "Tài liệu Word (*.docx)", kind="report")
    if path is None:
        return

    def prepare() -> Callable[[TaskProgress], Any]:
        job = docs.prepare_report(period, path)
        return lambda progress: job.write()

    def done(result: Any) -> None:
        say(notices.DOC_WRITTEN.format(what="báo cáo", path=result.path))
        show_saved(parent, result_sentence("report", result), Path(result.path))

    run_export(parent, f"Đang xuất báo cáo {label}…", prepare, done, say)


def export_minutes_batch(parent: QWidget, services: Services, period: Any, say: Callable[[str], None]) -> None:
    """Every meeting's minutes of *period* into a folder: written in the background into a staging folder
    and published only when all are done, so Hủy or a failure leaves the folder as it was."""
    from app.domain import periods
    from ui.tasks import staged_folder

    docs = services.documents
    label = periods.label(period)
    if not services.meetings.list(period=period):
        prompts.show_info(parent, notices.DOC_BATCH_EMPTY.format(period=label))
        return
    folder = prompts.choose_folder(parent, f"Chọn thư mục để lưu biên bản {label}", export_folder(), kind="minutes")
    if folder is None:
        return

    def prepare() -> Callable[[TaskProgress], Any]:
        jobs = docs.prepare_minutes_batch(period, folder)

        def work(progress: TaskProgress) -> list[Path]:
            with staged_folder(folder) as scratch:
                for index, job in enumerate(jobs):
                    progress.step(index, len(jobs), f"Đang ghi {job.target.name}…")
                    job.write(scratch / job.target.name)
                progress.step(len(jobs), len(jobs), "Đang chép vào thư mục…")
            return [job.target for job in jobs]

        return work

    def done(written: list[Path]) -> None:
        text = notices.DOC_BATCH_DONE.format(count=len(written), period=label, folder=folder)
        say(text)
        show_saved(parent, text, folder)

    run_export(parent, f"Đang xuất biên bản {label}…", prepare, done, say)


def export_summary(parent: QWidget, services: Services, period: Any, say: Callable[[str], None]) -> None:
    """The summary workbook (Excel) of *period*: figures read here, the workbook rendered and written in the background."""
    from app.domain import periods

    summary = services.summary
    label = periods.label(period)
    try:
        name = summary.file_name(period)
    except AppError as exc:
        prompts.show_error(parent, plain_message(exc))
        return
    path = prompts.choose_save_path(
        parent, f"Lưu bảng tổng hợp {label}", export_folder() / name, "Bảng tính Excel (*.xlsx)", kind="summary"
    )
    if path is None:
        return
    # CCCD and phone numbers stay out of what goes upward unless the user says so (DOMAIN, Decisions).
    private = prompts.ask_yes_no(parent, notices.XLSX_ASK_PRIVATE, yes="Có, ghi cả", no="Không ghi")

    def prepare() -> Callable[[TaskProgress], Any]:
        job = summary.prepare(period, with_cccd=private, with_phone=private)
        return lambda progress: summary.write(job, path)

    def done(written: Path) -> None:
        text = notices.XLSX_SUMMARY_DONE.format(path=written, period=label)
        say(text)
        show_saved(parent, text, Path(written))

    run_export(parent, f"Đang xuất bảng tổng hợp {label}…", prepare, done, say)


def export_package(parent: QWidget, services: Services, period: Any, say: Callable[[str], None]) -> None:
    """The package for the upper committee: rendered here, copied to the stick and read back in the background."""
    from app.domain import periods

    package = services.package
    label = periods.label(period)
    folder = prompts.choose_folder(
        parent, f"Chọn ổ USB (hoặc thư mục) để ghi gói nộp cấp trên {label}", export_folder(), kind="usb"
    )
    if folder is None:
        return
    step_text = {"verify": notices.PACKAGE_STEP_VERIFY, "done": notices.PACKAGE_STEP_VERIFY}

    def prepare() -> Callable[[TaskProgress], Any]:
        job = package.prepare(period)

        def work(progress: TaskProgress) -> Any:
            return package.write(
                job,
                folder,
                progress=lambda i, n, what: progress.report(
                    i, n, step_text.get(what, notices.PACKAGE_STEP_COPY.format(file=what))
                ),
                cancelled=lambda: progress.cancelled,
            )

        return work

    def done(result: Any) -> None:
        text = notices.PACKAGE_DONE.format(
            path=result.folder, count=len(result.files) + 1, size=vntext.file_size(result.total_bytes)
        )
        lines = [text, *(notices.DOC_WARNING.format(text=w) for w in result.warnings)]
        say(text)
        show_saved(parent, "\n".join(lines), Path(result.folder))

    run_export(parent, f"Đang tạo gói nộp cấp trên {label}…", prepare, done, say)


def export_roster(parent: QWidget, services: Services, say: Callable[[str], None]) -> None:
    """The member roster (Excel), importable again: members read here, the workbook written in the background."""
    summary = services.summary
    path = prompts.choose_save_path(
        parent,
        "Lưu danh sách đảng viên",
        export_folder() / "danh-sach-dang-vien.xlsx",
        "Bảng tính Excel (*.xlsx)",
        kind="roster",
    )
    if path is None:
        return
    private = prompts.ask_yes_no(parent, notices.XLSX_ASK_PRIVATE, yes="Có, ghi cả", no="Không ghi")

    def prepare() -> Callable[[TaskProgress], Any]:
        job = summary.prepare_roster(with_cccd=private, with_phone=private)
        return lambda progress: summary.write_roster(job, path)

    def done(written: Path) -> None:
        text = notices.XLSX_ROSTER_DONE.format(path=written)
        say(text)
        show_saved(parent, text, Path(written))

    run_export(parent, "Đang xuất danh sách đảng viên…", prepare, done, say)

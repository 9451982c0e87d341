"""Background work: results come back to the GUI thread, Hủy stops between steps, nothing is left half-written."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from app.domain.errors import ExportError
from ui.tasks import BackgroundTask, TaskCancelled, TaskProgress, staged_folder


def test_work_runs_off_the_gui_thread_and_reports_progress(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[int, int, str]] = []

    def work(progress: TaskProgress) -> str:
        for i in range(3):
            progress.step(i, 3, f"bước {i}")
        return threading.current_thread().name

    task = BackgroundTask(parent, "Thử", work)
    task.progressed.connect(lambda d, t, s: seen.append((d, t, s)))
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        task.start()
    assert blocker.args[0] != threading.main_thread().name
    assert seen == [(0, 3, "bước 0"), (1, 3, "bước 1"), (2, 3, "bước 2")]
    assert not task.running


def test_cancel_stops_the_work_and_its_staged_files_disappear(qtbot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "ra"
    started, release = threading.Event(), threading.Event()

    def work(progress: TaskProgress) -> None:
        with staged_folder(target) as scratch:
            (scratch / "mot.docx").write_bytes(b"1")
            started.set()
            release.wait(5)
            progress.step(1, 2, "")  # raises TaskCancelled: the block never publishes
            (scratch / "hai.docx").write_bytes(b"2")

    task = BackgroundTask(parent, "Thử", work)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.start()
        assert started.wait(5)
        (cancel,) = [b for b in task.dialog.findChildren(QPushButton) if b.text() == "Hủy"]
        cancel.click()  # the user presses Hủy
        release.set()
    assert list(target.iterdir()) == []


def test_a_failure_becomes_a_vietnamese_sentence(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress: TaskProgress) -> None:
        raise ExportError("file_locked", path="C:/bb.docx")

    task = BackgroundTask(parent, "Thử", work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.start()
    assert "đang được mở trong chương trình khác" in blocker.args[0]


def test_staged_folder_publishes_only_complete_work(tmp_path: Path) -> None:
    target = tmp_path / "ra"
    with pytest.raises(TaskCancelled), staged_folder(target) as scratch:
        (scratch / "a.docx").write_bytes(b"a")
        raise TaskCancelled
    assert list(target.iterdir()) == []
    with staged_folder(target) as scratch:
        (scratch / "a.docx").write_bytes(b"a")
    assert [p.name for p in target.iterdir()] == ["a.docx"]

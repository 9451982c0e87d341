"""A window action on a full disk: the member form says the storage sentence, stays open, and nothing is saved.

Issue #16 finding 3, in the window: a real tiny tmpfs filled to the last byte, the member form filled in and
its Lưu button clicked.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.bootstrap import open_services
from app.config import AppPaths
from tests.conftest import db_fingerprint
from tests.safety.test_full_disk import _mount, fill
from ui.main_window import MainWindow

NOW = datetime(2026, 11, 22, 9, 30)


@pytest.fixture
def tiny_branch(tmp_path: Path) -> Iterator[AppPaths]:
    import subprocess

    point = tmp_path / "tiny"
    _mount(point, "6m")
    paths = AppPaths.for_database(point / "sochibo.sqlite3")
    s = open_services(paths, now=lambda: NOW, backup_on_start=False)
    s.demo.fill(members=8, years=1)
    s.close()  # the WAL is checkpointed and removed: the next write needs new room on the disk
    try:
        yield paths
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=20)


def test_saving_a_member_on_a_full_disk_says_so_in_the_form(qtbot, tiny_branch: AppPaths, ui_settings) -> None:
    services = open_services(tiny_branch, now=lambda: NOW, backup_on_start=False)
    window = MainWindow(services, ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        view = window.show_view("members")
        before = len(services.members.all())
        window.new_action.trigger()
        dialog = view.dialog
        assert dialog is not None and dialog.isVisible()
        for name, text in {"full_name": "Lê Văn Mới", "date_of_birth": "01/01/1980", "joined_on": "01/01/2010"}.items():
            getattr(dialog, name).setText(text)  # keyClicks cannot type Vietnamese (TECH-NOTES §1.4)
        filler = fill(tiny_branch.database.parent)
        try:
            dialog.save_button.click()
            assert dialog.isVisible()  # not closed as if saved
            assert "đã đầy nên việc vừa làm chưa được lưu" in dialog.banner.text()
            assert "Traceback" not in dialog.banner.text()
        finally:
            filler.unlink()
        assert len(services.members.all()) == before
        dialog.dirty = False
        dialog.reject()
    finally:
        window.close()
        services.close()
    assert "Lê Văn Mới" not in db_fingerprint(tiny_branch.database).decode()

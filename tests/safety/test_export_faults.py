"""An export target that is read-only, on a full disk, or open in Word/Excel: the previous file stays intact,
no temp file is left, and the error has a code and a Vietnamese sentence that names the file.

The operating system is simulated (we run as root, where chmod does not refuse); the writes are real.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from app.domain.error_text import describe
from app.domain.errors import ExportError
from exporters import atomic
from exporters.atomic import TEMP_PREFIX, atomic_write_bytes

OLD = b"the minutes filed last month" * 1000
NEW = b"new minutes" * 5000


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "xuat" / "bien-ban.docx"
    path.parent.mkdir()
    path.write_bytes(OLD)
    return path


def _assert_untouched(target: Path) -> None:
    assert target.read_bytes() == OLD
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp file left


class _FullDisk:
    """A file object whose writes fail like a full disk (or a full USB stick) does."""

    def __init__(self, fd: int, *args: object, **kwargs: object) -> None:
        os.close(fd)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_full(target: Path, monkeypatch) -> None:
    monkeypatch.setattr(atomic.os, "fdopen", _FullDisk)
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(target, NEW)
    assert caught.value.code == "disk_full"
    assert str(target) in describe(caught.value) and "Tệp cũ vẫn được giữ nguyên" in describe(caught.value)
    _assert_untouched(target)


def test_disk_full_when_flushing_to_the_device(target: Path, monkeypatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(target, NEW)
    assert caught.value.code == "disk_full"
    _assert_untouched(target)


def test_read_only_folder(target: Path, monkeypatch) -> None:
    def mkstemp(*args: object, **kwargs: object):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(target, NEW)
    assert caught.value.code == "read_only"
    assert "chỉ đọc" in describe(caught.value)
    _assert_untouched(target)


def test_open_in_word_the_whole_time(target: Path, monkeypatch) -> None:
    calls = []

    def replace(src: str, dst: str) -> None:
        calls.append(dst)
        error = PermissionError(errno.EACCES, "The process cannot access the file")
        error.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION, as on Windows
        raise error

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(target, NEW, delay=0)
    assert caught.value.code == "file_locked" and len(calls) == atomic.RETRIES
    assert "Hãy đóng tệp" in describe(caught.value)
    _assert_untouched(target)


def test_held_briefly_by_the_antivirus_then_written(target: Path, monkeypatch) -> None:
    real = os.replace
    attempts = []

    def replace(src: str, dst: str) -> None:
        attempts.append(dst)
        if len(attempts) < 3:
            raise PermissionError(errno.EACCES, "busy")
        real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    atomic_write_bytes(target, NEW, delay=0)
    assert target.read_bytes() == NEW and len(attempts) == 3
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_office_owner_file_names_the_cause(target: Path, monkeypatch) -> None:
    (target.parent / f"~${target.name[2:]}").write_bytes(b"Nguyen Van A")

    def replace(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(target, NEW, delay=0)
    assert caught.value.code == "file_locked"
    assert target.read_bytes() == OLD
    assert not list(target.parent.glob(f"{TEMP_PREFIX}*"))


def test_target_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "bien-ban.docx"
    folder.mkdir()
    (folder / "inside.txt").write_text("keep")
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(folder, NEW)
    assert caught.value.code in ("write_failed", "file_locked")
    assert (folder / "inside.txt").read_text() == "keep"
    assert not list(tmp_path.glob(f"{TEMP_PREFIX}*"))


def test_a_real_minutes_export_over_a_locked_file_keeps_the_old_one(demo, tmp_path: Path, monkeypatch) -> None:
    service = demo.documents
    meeting = demo.meetings.list()[-1]
    out = tmp_path / "bien-ban.docx"
    first = service.minutes(meeting.id, out)
    old = first.path.read_bytes()

    def replace(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(ExportError) as caught:
        service.minutes(meeting.id, out)
    assert caught.value.code == "file_locked"
    assert first.path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)] == []


def test_written_files_get_ordinary_permissions_and_keep_the_replaced_files_mode(tmp_path) -> None:
    """mkstemp creates owner-only files; a saved document must look like any other saved file."""
    import os

    from exporters.atomic import atomic_write_bytes

    target = tmp_path / "bien-ban.docx"
    atomic_write_bytes(target, b"first")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    os.chmod(target, 0o640)
    atomic_write_bytes(target, b"second")
    assert target.stat().st_mode & 0o777 == 0o640 and target.read_bytes() == b"second"

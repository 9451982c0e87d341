"""The USB package: contents and manifest, replace in place, and every failure leaving no half-written package."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path

import pytest

from app.bootstrap import Services
from app.cli.main import main
from app.domain import manifest, periods
from app.domain.errors import ExportError
from app.services import package as package_module
from app.services.consolidation import ConsolidationService
from app.services.documents import DocumentService
from exporters.docx_common import adopted_resolution
from tests.conftest import db_fingerprint

Q3 = periods.quarter(2026, 3)
NAME = "chi-bo-truong-thpt-chuyen-vi-thanh_2026-Q3"
REPORT = package_module.package_names(Q3)["report"]
SUMMARY = package_module.package_names(Q3)["summary"]


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_package_contents_and_manifest(demo: Services, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    steps: list[tuple[int, int, str]] = []
    result = demo.package.build(Q3, usb, progress=lambda i, n, what: steps.append((i, n, what)))
    assert result.folder == usb / NAME
    files = _tree(result.folder)
    minutes = sorted(k for k in files if k.startswith("bien-ban/"))
    assert len(minutes) == len(demo.meetings.list(period=Q3)) == 4
    resolutions = sorted(k for k in files if k.startswith("nghi-quyet/"))
    # every sitting that adopted a resolution brings it (the demo's thematic sitting votes on its conclusion only)
    adopted = [m for m in demo.meetings.load(period=Q3) if adopted_resolution(m)]
    assert adopted and len(resolutions) == len(adopted)
    assert [r[len("nghi-quyet/") :] for r in resolutions] == [
        DocumentService.file_name(m, "resolution") for m in adopted
    ]
    assert set(files) == {*minutes, *resolutions, REPORT, SUMMARY, "so-thu-nop-dang-phi_nam-2026.xlsx", "manifest.json"}
    # names a person understands without the manifest: what the document is, and when
    assert REPORT == "bao-cao-ket-qua-sinh-hoat-chi-bo_quy-iii-nam-2026.docx"
    assert "bien-ban/2026-09-17_bien-ban_sinh-hoat-chuyen-de-quy-iii-nam-2026.docx" in files
    assert "nghi-quyet/2026-07-05_nghi-quyet_chi-bo-thang-7-nam-2026.docx" in files
    listing = manifest.parse(files["manifest.json"].decode("utf-8"))
    code = demo.branch.profile().branch_code
    assert listing.meta["period"] == "2026-Q3" and code.startswith("demo-") and listing.meta["branch_code"] == code
    assert {e.path for e in listing.files} == set(files) - {"manifest.json"}
    for entry in listing.files:
        assert manifest.matches(entry, files[entry.path])
    assert result.total_bytes == sum(len(v) for v in files.values())
    assert sorted(os.listdir(usb)) == [NAME]  # no .part, no temp files
    assert steps[-1][2] == "done" and steps[-2][2] == "verify"
    consolidated = ConsolidationService().run([usb])
    assert [o.status for o in consolidated.outcomes] == ["accepted"]


def test_exporting_again_replaces_the_package(demo: Services, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    demo.package.build(Q3, usb)
    (usb / NAME / "rac.txt").write_text("left by hand")
    demo.package.build(Q3, usb)
    assert "rac.txt" not in _tree(usb / NAME)
    assert sorted(os.listdir(usb)) == [NAME]


def test_full_stick_is_refused_before_writing(demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _: usage(8 * 2**30, 8 * 2**30 - 1000, 1000))
    usb = tmp_path / "usb"
    usb.mkdir()
    before = db_fingerprint(demo.paths.database)
    with pytest.raises(ExportError) as caught:
        demo.package.build(Q3, usb)
    assert caught.value.code == "disk_full"
    assert os.listdir(usb) == []
    assert db_fingerprint(demo.paths.database) == before


def test_failure_while_copying_keeps_the_previous_package(
    demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    demo.package.build(Q3, usb)
    old = _tree(usb / NAME)
    real = package_module.atomic_write_bytes
    calls = {"part": 0}

    def stick_fills_up(path: Path, data: bytes, **kw):  # type: ignore[no-untyped-def]
        if ".part" in str(path):
            calls["part"] += 1
            if calls["part"] == 3:
                raise ExportError("disk_full", path=str(path))
        return real(path, data, **kw)

    monkeypatch.setattr(package_module, "atomic_write_bytes", stick_fills_up)
    with pytest.raises(ExportError) as caught:
        demo.package.build(Q3, usb)
    assert caught.value.code == "disk_full"
    assert sorted(os.listdir(usb)) == [NAME]
    assert _tree(usb / NAME) == old


def test_read_only_stick(demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    real = tempfile.mkstemp

    def read_only(*args, **kwargs):  # type: ignore[no-untyped-def]
        if str(kwargs.get("dir", "")).startswith(str(usb)):
            raise OSError(errno.EROFS, "Read-only file system")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(ExportError) as caught:
        demo.package.build(Q3, usb)
    assert caught.value.code == "read_only"
    assert os.listdir(usb) == []


def test_old_package_open_in_word(demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    demo.package.build(Q3, usb)
    old = _tree(usb / NAME)
    real = os.replace

    def locked(src, dst):  # type: ignore[no-untyped-def]
        if Path(src) == usb / NAME:
            raise PermissionError(13, "The process cannot access the file because it is being used", str(src))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        demo.package.build(Q3, usb)
    assert caught.value.code == "package_exists"
    assert sorted(os.listdir(usb)) == [NAME] and _tree(usb / NAME) == old


def test_a_stick_that_reads_back_wrong_loses_the_package(
    demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = package_module._read_back

    def flipped(path: Path) -> bytes:
        data = real(path)
        return data[:-1] + bytes([data[-1] ^ 1]) if path.name == SUMMARY else data

    monkeypatch.setattr(package_module, "_read_back", flipped)
    usb = tmp_path / "usb"
    with pytest.raises(ExportError) as caught:
        demo.package.build(Q3, usb)
    assert caught.value.code == "package_verify_failed" and caught.value.details["file"] == SUMMARY
    assert os.listdir(usb) == []


def test_branch_without_a_name(services: Services, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        services.package.build(Q3, tmp_path / "usb")
    assert caught.value.code == "branch_not_set_up"
    assert not (tmp_path / "usb").exists()


def test_cli_export_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    before = db_fingerprint(db)
    usb = tmp_path / "usb"
    usb.mkdir()
    capsys.readouterr()
    assert main(["--db", str(db), "export", "package", "--year", "2026", "--quarter", "3", "--to", str(usb)]) == 0
    out = capsys.readouterr().out
    assert "Có thể rút USB an toàn" in out and NAME in out
    assert (
        main(["--db", str(db), "export", "package", "--year", "2026", "--full-year", "--to", str(usb), "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["folder"].endswith("_2026") and any(f["path"].startswith("bien-ban/") for f in data["files"])
    (tmp_path / "a-file").write_text("x")
    assert (
        main(["--db", str(db), "export", "package", "--year", "2026", "--half", "1", "--to", str(tmp_path / "a-file")])
        == 1
    )
    assert "là một tệp, không phải thư mục" in capsys.readouterr().err
    assert main(["--db", str(db), "export", "package", "--year", "2026", "--to", str(usb)]) == 1
    assert "Hãy chọn kỳ" in capsys.readouterr().err
    assert db_fingerprint(db) == before


def test_prepare_then_write_in_steps_and_cancel(demo: Services, tmp_path: Path) -> None:
    job = demo.package.prepare(Q3)  # the database part (the window does it on the GUI thread)
    assert job.name == NAME and {rel for rel, _ in job.files} >= {REPORT, SUMMARY}
    usb = tmp_path / "usb"
    calls = {"n": 0}

    def cancel_after_two() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(ExportError) as caught:
        demo.package.write(job, usb, cancelled=cancel_after_two)
    assert caught.value.code == "package_cancelled"
    assert os.listdir(usb) == []
    result = demo.package.write(job, usb)
    assert result.folder == usb / NAME and manifest.parse((usb / NAME / "manifest.json").read_text("utf-8")).files

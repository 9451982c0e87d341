"""Build the real PyInstaller bundle from build.spec and run the frozen program's self-test (opt-in: slow).

Runs only with SOCHIBO_TEST_BUNDLE=1 (CI sets it): the build takes 15-60 s on two cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "SoChiBo.exe" if sys.platform == "win32" else "SoChiBo"

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(os.environ.get("SOCHIBO_TEST_BUNDLE") != "1", reason="set SOCHIBO_TEST_BUNDLE=1 to build"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    pytest.importorskip("PyInstaller")
    out = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    yield out / "dist" / "SoChiBo"


def _bundled_modules(bundle: Path) -> str:
    # The PYZ table of contents PyInstaller leaves in its work folder: module names as Python literals.
    toc = bundle.parents[1] / "build" / "build" / "PYZ-00.toc"
    return toc.read_text(encoding="utf-8")


def frozen_env(tmp_path: Path) -> dict[str, str]:
    # A clean data folder: the frozen program must never touch the developer's own database.
    home = tmp_path / "home"
    home.mkdir()
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_DATA_HOME": str(home),
            "LOCALAPPDATA": str(home), "SOCHIBO_DB": str(tmp_path / "never-used.sqlite3")}  # fmt: skip


def test_frozen_self_test_passes(bundle: Path, tmp_path: Path) -> None:
    report = tmp_path / "selftest.txt"
    result = subprocess.run(
        [str(bundle / EXE_NAME), "--self-test", str(report)], env=frozen_env(tmp_path), timeout=120,
        capture_output=True, text=True,
    )  # fmt: skip
    text = report.read_text(encoding="utf-8") if report.exists() else "(no report)"
    assert result.returncode == 0, text + result.stderr
    assert text.startswith("ok\n")
    assert "đóng gói: có" in text  # really the frozen program, not the source tree
    assert not (tmp_path / "never-used.sqlite3").exists()


def test_bundle_holds_resources_and_docx_templates_and_no_dropped_qt(bundle: Path) -> None:
    internal = bundle / "_internal"
    for needed in ("resources/rules/default.json", "resources/topics.json", "resources/icons/app.png"):
        assert (internal / needed).is_file(), needed
    assert (internal / "docx" / "templates" / "default-footer.xml").is_file()
    if (ROOT / "app" / "services" / "documents.py").exists():
        # The Word service puts python-docx in the bundle; the §5.6 trap needs docx/parts/ on disk so that
        # docx/parts/../templates resolves (the self-test's .docx exports exercise it for real).
        assert (internal / "docx" / "parts").is_dir()
    names = [p.name for p in internal.rglob("*")]
    for gone in ("Qt6Quick", "Qt6Qml", "Qt6Pdf", "opengl32sw", "qtvirtualkeyboard"):
        assert not [n for n in names if gone in n], gone
    # Qt's own catalogues are dropped; ours (Vietnamese standard buttons, ui/i18n.py) must stay.
    catalogues = sorted(p.relative_to(internal).as_posix() for p in internal.rglob("*.qm"))
    assert catalogues == ["resources/i18n/qt_vi.qm"]


def test_every_module_of_ours_is_bundled(bundle: Path) -> None:
    # Screens and exports are imported by name at run time (importlib), which PyInstaller cannot follow.
    toc = _bundled_modules(bundle)
    missing = [
        name
        for package in ("app", "data", "exporters", "ui")
        for path in sorted((ROOT / package).rglob("*.py"))
        if (name := ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"))
        and f"'{name}'" not in toc
    ]
    assert not missing, missing


def test_frozen_window_opens_on_a_demo_branch(bundle: Path, tmp_path: Path) -> None:
    from app.bootstrap import open_services
    from app.config import AppPaths

    database = tmp_path / "branch" / "sochibo.sqlite3"
    services = open_services(AppPaths.for_database(database), backup_on_start=False)
    services.demo.fill()
    services.close()
    env = {**frozen_env(tmp_path), "SOCHIBO_BENCH_EXIT_ON_SHOWN": "1"}  # quit once the main window is shown
    result = subprocess.run(
        [str(bundle / EXE_NAME), "--db", str(database)], env=env, timeout=120, capture_output=True, text=True
    )
    crash_log = database.parent / "nhat-ky-loi.txt"  # ui/errors.py writes unexpected errors there
    assert not crash_log.exists(), crash_log.read_text(encoding="utf-8")
    assert result.returncode == 0, result.stderr[-3000:]

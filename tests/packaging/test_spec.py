"""build.spec sanity: it parses, keeps the python-docx trap fixed, bundles resources/ and drops what Qt does not need.

The spec is executed with recording stand-ins for PyInstaller's build steps (Analysis, PYZ, EXE, COLLECT), so
these checks take milliseconds; the real build is tests/packaging/test_bundle.py (opt-in).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


def _call(tree: ast.AST, name: str) -> ast.Call:
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == name]
    assert len(calls) == 1, f"{name} called {len(calls)} times"
    return calls[0]


def test_spec_parses_and_keeps_the_docx_templates_trap_fixed() -> None:
    source = SPEC.read_text(encoding="utf-8")
    tree = ast.parse(source)
    analysis = _call(tree, "Analysis")
    keywords = {k.arg: k.value for k in analysis.keywords}
    assert ast.literal_eval(keywords["module_collection_mode"]) == {"docx": "pyz+py"}
    assert 'collect_data_files("docx")' in source
    for name in ("EXE", "COLLECT"):
        upx = {k.arg: k.value for k in _call(tree, name).keywords}["upx"]
        assert isinstance(upx, ast.Constant) and upx.value is False


class Recorder:
    """Stand-ins for PyInstaller's spec globals; Analysis returns a TOC with the entries we want filtered."""

    def __init__(self, binaries: list[tuple[str, str, str]], datas: list[tuple[str, str, str]]) -> None:
        self.calls: dict[str, dict[str, Any]] = {}
        self._binaries, self._datas = binaries, datas

    def globals(self) -> dict[str, Any]:
        def record(name: str) -> Any:
            def step(*args: Any, **kwargs: Any) -> SimpleNamespace:
                self.calls[name] = {"args": args, **kwargs}
                toc = SimpleNamespace(binaries=list(self._binaries), datas=list(self._datas), pure=[], scripts=[])
                return toc if name == "Analysis" else SimpleNamespace()

            return step

        names = ("Analysis", "PYZ", "EXE", "COLLECT")
        return {"SPECPATH": str(ROOT), "__file__": str(SPEC), **{n: record(n) for n in names}}


def run_spec(binaries: list[str], datas: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec prepends the repository root
    recorder = Recorder([(d, "/src/" + d, "BINARY") for d in binaries], [(d, "/src/" + d, "DATA") for d in datas])
    namespace = recorder.globals()
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return {"calls": recorder.calls, "ns": namespace}


KEPT = [
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt6Widgets.dll",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/plugins/imageformats/qico.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "resources/rules/default.json",
    "docx/templates/default-footer.xml",
]
DROPPED = [
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6\\translations\\qt_fr.qm",
    "PySide6/opengl32sw.dll",
    "PySide6/Qt6Quick.dll",
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/plugins/platforms/qminimal.dll",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/plugins/imageformats/qpdf.dll",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/plugins/tls/qopensslbackend.dll",
    "PySide6/Qt/plugins/qmltooling/libqmldbg_server.so",
    "resources/translations/sochibo_vi.ts",
]


def test_spec_filter_keeps_what_the_app_needs_and_drops_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_spec(KEPT + DROPPED, KEPT + DROPPED, monkeypatch)
    toc = run["ns"]["a"]
    assert sorted(dest for dest, _, _ in toc.binaries) == sorted(KEPT)
    assert sorted(dest for dest, _, _ in toc.datas) == sorted(KEPT)


def test_spec_bundles_resources_and_docx_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = run_spec([], [], monkeypatch)["calls"]
    analysis = calls["Analysis"]
    assert analysis["args"][0] == [str(ROOT / "ui" / "__main__.py")]
    datas = dict((dest, src) for src, dest in analysis["datas"])
    assert Path(datas["resources"]) == ROOT / "resources"
    assert any(dest.startswith("docx") and "templates" in src for src, dest in analysis["datas"])
    assert analysis["module_collection_mode"] == {"docx": "pyz+py"}
    for needed in ("rules/default.json", "topics.json", "icons/app.ico", "icons/app.png", "layouts"):
        assert (ROOT / "resources" / needed).exists(), needed
    assert calls["COLLECT"]["name"] == "SoChiBo" and calls["EXE"]["console"] is False


def test_windows_version_resource_comes_from_app_version(monkeypatch: pytest.MonkeyPatch) -> None:
    from app import __version__

    ns = run_spec([], [], monkeypatch)["ns"]
    text = Path(ns["VERSION_FILE"]).read_text(encoding="utf-8")
    seen: dict[str, Any] = {}

    def keep_kwargs(name: str) -> Any:
        return lambda *args, **kwargs: seen.setdefault(name, []).append((args, kwargs)) or name

    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    eval(text, {n: keep_kwargs(n) for n in names})  # the same evaluation PyInstaller does on Windows
    fixed = seen["FixedFileInfo"][0][1]
    expected = tuple(int(x) for x in __version__.split(".")) + (0,) * (4 - len(__version__.split(".")))
    assert fixed["filevers"] == expected == fixed["prodvers"]
    strings = dict(args for args, _ in seen["StringStruct"])
    assert strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "SoChiBo.exe"


def test_windows_workflow_builds_self_tests_and_checks_the_size() -> None:
    text = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    for needed in (
        "runs-on: windows-latest",
        'python-version: "3.11.9"',
        ".[build,test]",
        "pyinstaller --noconfirm --clean build.spec",
        "dist\\SoChiBo\\SoChiBo.exe",
        "--self-test",
        "-Wait -PassThru",
        "$p.ExitCode",
        "-ge 90",
        "python -m pytest",
        "upload-artifact",
    ):
        assert needed in text, needed

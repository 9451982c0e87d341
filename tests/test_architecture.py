"""Layer rules (STYLE.md), checked on every test run: direct imports only; keep it boring."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package folder -> module prefixes it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "app": ("PySide6", "ui", "sqlite3", "openpyxl", "docx"),
    "app/domain": ("data", "exporters", "app.services", "app.bootstrap", "app.cli", "app.config", "app.resources"),
    "data": ("PySide6", "ui", "exporters", "app.services", "app.bootstrap", "app.cli", "openpyxl", "docx"),
    "exporters": ("PySide6", "ui", "data", "sqlite3", "app.services", "app.bootstrap", "app.cli"),
    "ui": ("data", "exporters", "sqlite3", "openpyxl", "docx"),
}
#: app/ may touch sqlite3 nowhere (SQL lives in data/); openpyxl/docx only inside exporters/.


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layer_boundaries(package: str) -> None:
    banned = FORBIDDEN[package]
    violations = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in sorted(_imports(path))
        if any(name == b or name.startswith(b + ".") for b in banned)
    ]
    assert not violations, "\n".join(violations)


def test_sql_lives_only_in_data() -> None:
    """No SQL statements outside data/: a cheap textual check on the usual verbs."""
    import re

    sql = re.compile(r"""["'](\s*)(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b""")
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("app", "ui", "exporters")
        for path in (ROOT / package).rglob("*.py")
        if sql.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, offenders


def test_every_module_says_what_it_is_for() -> None:
    missing = [
        str(path.relative_to(ROOT))
        for package in ("app", "data", "exporters", "ui")
        for path in (ROOT / package).rglob("*.py")
        if path.stat().st_size and not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not missing, missing


def test_the_test_itself_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from data.db import Database\nimport PySide6.QtCore\n", encoding="utf-8")
    assert {"data.db", "PySide6.QtCore"} <= _imports(bad)


def _ui_module_imports() -> dict[str, set[str]]:
    """ui.* module name -> the ui.* modules it imports (anywhere in the file, lazily or not)."""
    graph: dict[str, set[str]] = {}
    for path in (ROOT / "ui").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        graph[name] = {n for n in _imports(path) if n == "ui" or n.startswith("ui.")}
    return graph


def _reaches(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in graph.get(todo.pop(), set()) - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def test_the_launcher_breaks_the_circle_between_entry_point_and_window() -> None:
    """ui.main -> ui.launcher and ui.main_window -> ui.launcher; nothing leads back to ui.main or the window."""
    graph = _ui_module_imports()
    assert "ui.launcher" in graph["ui.main"] | graph["ui.main_window"]
    assert "ui.main" not in _reaches(graph, "ui.main_window")
    assert not {"ui.main", "ui.main_window"} & _reaches(graph, "ui.launcher")


def test_the_launch_edge_is_typed() -> None:
    """No `object` or `Any` in the signatures of the launcher, the entry point and the window's constructor."""
    untyped = []
    for rel in ("ui/launcher.py", "ui/main.py", "ui/main_window.py"):
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef) or (rel.endswith("main_window.py") and node.name != "__init__"):
                continue
            args = node.args
            for annotation in [a.annotation for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)] + [
                node.returns
            ]:
                words = {n.id for n in ast.walk(annotation) if isinstance(n, ast.Name)} if annotation else set()
                if words & {"object", "Any"}:
                    untyped.append(f"{rel}:{node.lineno} {node.name}")
    assert not untyped, untyped


def _service_classes() -> set[str]:
    """Every class app/services defines whose name ends in Service."""
    return {
        node.name
        for path in (ROOT / "app" / "services").glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and node.name.endswith("Service")
    }


def _is_super(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def _wiring_faults(path: Path, services: set[str]) -> list[str]:
    """A service constructed, or another object's private method called, in the module at *path*."""
    faults = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in services:
            faults.append(f"{path.name}:{node.lineno} builds {func.id}")
        elif (
            isinstance(func, ast.Attribute)
            and func.attr.startswith("_")
            and not func.attr.startswith("__")
            and not (isinstance(func.value, ast.Name) and func.value.id in {"self", "cls"})
            and not _is_super(func.value)
        ):
            faults.append(f"{path.name}:{node.lineno} calls another object's {func.attr}")
    return faults


def test_services_are_wired_only_in_bootstrap() -> None:
    """STYLE.md "Wire once": no service builds another or calls another's private method; bootstrap passes them in."""
    services = _service_classes()
    assert {"DuesService", "DocumentService", "PackageService"} <= services
    faults = [f for path in sorted((ROOT / "app" / "services").glob("*.py")) for f in _wiring_faults(path, services)]
    assert not faults, "\n".join(faults)


def test_the_wiring_test_catches_a_service_built_inside_another(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "class A:\n    def f(self):\n        return DuesService(self._ctx)._ledger() + self._own()\n", encoding="utf-8"
    )
    assert sorted(_wiring_faults(bad, {"DuesService"})) == [
        "bad.py:3 builds DuesService",
        "bad.py:3 calls another object's _ledger",
    ]


def test_the_window_and_the_cli_never_reach_the_repository_context() -> None:
    """The UI and the CLI get services and a clock (Services.today), never ``services.ctx`` and its repositories."""
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for folder in ("ui", "app/cli")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in {"ctx", "_ctx"}
    ]
    assert not offenders, offenders

"""No network access of any kind: no module imports a network library, and the CLI works with sockets disabled."""

from __future__ import annotations

import ast
import json
import socket
from pathlib import Path

import pytest

from app.cli.main import COMMAND_MODULES, main

ROOT = Path(__file__).resolve().parents[2]
NETWORK_MODULES = (
    "socket", "ssl", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib", "poplib", "imaplib",
    "telnetlib", "xmlrpc", "socketserver", "asyncio", "webbrowser", "urllib3",
    "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets",
)  # fmt: skip


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
    return names


def test_no_module_imports_a_network_library() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for package in ("app", "data", "exporters", "ui")
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in sorted(_imported(path))
        if any(name == banned or name.startswith(banned + ".") for banned in NETWORK_MODULES)
    ]
    assert not offenders, "\n".join(offenders)


def test_the_scan_would_catch_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import urllib.request\nfrom PySide6 import QtNetwork\nfrom http import client\n", encoding="utf-8")
    assert {"urllib.request", "PySide6.QtNetwork", "http"} <= _imported(bad)


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any attempt to open a connection or resolve a name fails loudly (and is recorded)."""
    attempts: list[str] = []

    def refuse(name: str):
        def blocked(*args: object, **kwargs: object):
            attempts.append(name)
            raise OSError(f"network access attempted: {name}")

        return blocked

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_the_command_line_works_without_any_network(no_sockets: list[str], tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "offline.sqlite3")
    commands = [
        ["demo", "--members", "12", "--years", "1"],
        ["members", "list", "--json"],
        ["meetings", "list", "--json"],
        ["check", "--json"],
        ["search", "sinh hoat", "--json"],
        ["backup"],
        ["backup", "--to", str(tmp_path / "usb"), "--no-encrypt"],
        ["backup", "list", "--json"],
    ]
    for command in commands:
        assert main(["--db", db, *command]) == 0, (command, capsys.readouterr().err)
    capsys.readouterr()
    assert main(["--db", db, "meetings", "list", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]["id"]
    if any(m.__name__.endswith("commands_export") for m in COMMAND_MODULES):
        out = tmp_path / "bien-ban.docx"
        assert main(["--db", db, "export", "minutes", str(first), "--out", str(out)]) == 0, capsys.readouterr().err
        assert out.exists()
    assert no_sockets == []

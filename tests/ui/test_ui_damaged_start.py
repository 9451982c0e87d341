"""A damaged database at start-up: the window offers the newest good backup, restores it, keeps the damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bootstrap import open_services
from app.domain.errors import StorageError


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file (the header stays: SQLite still recognises it)."""
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    for offset in range(2 * 4096, 6 * 4096):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(paths, now):
    s = open_services(paths, now=lambda: now)
    s.demo.fill()
    members = len(s.members.all())
    s.backups.snapshot("thu-nghiem")
    s.close()
    _damage(paths.database)
    with pytest.raises(StorageError) as caught:
        open_services(paths)
    assert caught.value.code == "database_damaged"
    return paths, members


def test_the_window_offers_the_newest_good_backup_and_restores_it(qtbot, damaged, monkeypatch) -> None:
    import ui.widgets.prompts as prompts
    from ui.launcher import open_or_recover

    paths, members = damaged
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(prompts, "ask_yes_no", lambda parent, text, **kw: asked.append(text) or True)
    monkeypatch.setattr(prompts, "show_info", lambda parent, text, title="": told.append(text))
    services = open_or_recover(paths)
    assert services is not None
    try:
        assert len(services.members.all()) == members
        assert services.ctx.db.integrity_check() == "ok"
    finally:
        services.close()
    assert "bị hỏng" in asked[0] and f"{members} đảng viên" in asked[0]
    assert "Đã khôi phục" in told[0]
    assert list(paths.backups.glob("*.tep-hong"))  # the damaged file is kept, never deleted


def test_declining_leaves_the_damaged_file_untouched(qtbot, damaged, monkeypatch) -> None:
    import ui.widgets.prompts as prompts
    from ui.launcher import open_or_recover

    paths, _ = damaged
    before = paths.database.read_bytes()
    monkeypatch.setattr(prompts, "ask_yes_no", lambda parent, text, **kw: False)
    assert open_or_recover(paths) is None
    assert paths.database.read_bytes() == before

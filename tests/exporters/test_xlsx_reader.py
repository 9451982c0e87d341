"""Opening foreign .xlsx files: every kind of broken or hostile file gives its own ExportError, fast, handles closed."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import psutil
import pytest
from openpyxl import Workbook

from app.domain import error_text
from app.domain.errors import ExportError
from exporters.xlsx_reader import open_xlsx
from tests.exporters import xlsx_samples


@pytest.fixture
def good(tmp_path: Path) -> Path:
    wb = Workbook()
    wb.active.append(["Họ và tên", "Ngày vào Đảng"])
    wb.active.append(["Nguyễn Văn An", "05/02/1995"])
    path = tmp_path / "good.xlsx"
    wb.save(path)
    return path


def _code(path: Path) -> str:
    with pytest.raises(ExportError) as caught, open_xlsx(path) as wb:
        for ws in wb.worksheets:
            list(ws.iter_rows(values_only=True))
    message = error_text.describe(caught.value)
    assert str(path) in message or caught.value.code == "xlsx_reader_unsafe"
    assert "{" not in message  # every placeholder filled
    return caught.value.code


def _open_files(path: Path) -> list[str]:
    return [f.path for f in psutil.Process().open_files() if Path(f.path).name == path.name]


def test_a_good_file_opens_and_is_closed_afterwards(good: Path) -> None:
    with open_xlsx(good) as wb:
        rows = list(wb.active.iter_rows(values_only=True))
    assert rows == [("Họ và tên", "Ngày vào Đảng"), ("Nguyễn Văn An", "05/02/1995")]
    assert _open_files(good) == []


def test_entity_bomb_is_refused_quickly_without_memory_growth(good: Path, tmp_path: Path) -> None:
    bomb = xlsx_samples.entity_bomb(good, tmp_path / "bomb.xlsx")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    assert _code(bomb) == "xlsx_entities"
    assert time.perf_counter() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB
    assert _open_files(bomb) == []


def test_entities_deep_in_the_sheet_are_caught_by_defusedxml(good: Path, tmp_path: Path) -> None:
    # The prolog scan only looks at the first 4 KB; a DOCTYPE after a long comment reaches the parser.
    part = xlsx_samples.first_sheet_part(good)
    padding = b"<!--" + b"x" * 8000 + b"-->"

    def inject(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        doctype = b'<!DOCTYPE x [<!ENTITY e "boom">]>'
        return (
            b'<?xml version="1.0"?>'
            + padding
            + doctype
            + body.replace(
                b"</sheetData>", b"<row r='9'><c r='A9' t='inlineStr'><is><t>&e;</t></is></c></row></sheetData>"
            )
        )

    sneaky = xlsx_samples.rewrite_part(good, tmp_path / "sneaky.xlsx", part, inject)
    assert _code(sneaky) == "xlsx_entities"


def test_zip_bomb_is_refused_before_parsing(good: Path, tmp_path: Path) -> None:
    bomb = xlsx_samples.zip_bomb(good, tmp_path / "zipbomb.xlsx", megabytes=60)
    assert bomb.stat().st_size < 2**20
    started = time.perf_counter()
    assert _code(bomb) == "xlsx_too_large"
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("fraction", [0.0, 0.5, 0.97])
def test_truncated_files(good: Path, tmp_path: Path, fraction: float) -> None:
    cut = xlsx_samples.truncated(good, tmp_path / "cut.xlsx", fraction)
    assert _code(cut) in ("xlsx_not_xlsx", "xlsx_damaged")
    assert _open_files(cut) == []


def test_truncated_worksheet_inside_a_valid_zip(good: Path, tmp_path: Path) -> None:
    part = xlsx_samples.first_sheet_part(good)
    broken = xlsx_samples.rewrite_part(good, tmp_path / "broken.xlsx", part, lambda d: d[: len(d) // 2])
    assert _code(broken) == "xlsx_damaged"
    assert _open_files(broken) == []


def test_word_document_renamed(tmp_path: Path) -> None:
    docx = xlsx_samples.docx_file(tmp_path / "bien-ban.docx")
    renamed = docx.rename(tmp_path / "bien-ban.xlsx")
    assert _code(renamed) == "xlsx_is_word"


def test_old_xls_or_password_protected(tmp_path: Path) -> None:
    assert _code(xlsx_samples.xls_file(tmp_path / "cu.xlsx")) == "xlsx_old_format"


def test_random_bytes_and_empty_file(tmp_path: Path) -> None:
    (tmp_path / "random.xlsx").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert _code(tmp_path / "random.xlsx") == "xlsx_not_xlsx"
    assert _code(tmp_path / "empty.xlsx") == "xlsx_not_xlsx"


def test_plain_zip_that_is_not_excel(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "photos.xlsx", "w") as z:
        z.writestr("anh.txt", "không phải Excel")
    assert _code(tmp_path / "photos.xlsx") == "xlsx_not_xlsx"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _code(tmp_path / "khong-co.xlsx") == "xlsx_missing"
    (tmp_path / "thu-muc.xlsx").mkdir()
    assert _code(tmp_path / "thu-muc.xlsx") == "xlsx_is_folder"


def test_unreadable_file_is_reported_as_locked(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_open = builtins.open

    def locked(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(str(file)) == good:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", locked)
    assert _code(good) == "xlsx_locked"


def test_without_defusedxml_nothing_is_read(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    assert _code(good) == "xlsx_reader_unsafe"


def test_handle_closed_when_the_caller_fails_inside_the_block(good: Path) -> None:
    with pytest.raises(RuntimeError), open_xlsx(good):
        raise RuntimeError("caller bug")
    assert _open_files(good) == []

"""Hostile files through the member import and the consolidation (hypothesis generates them).

For every file: a clear Vietnamese message (an error code that has a sentence, or per-row problems), nothing
changed in the database, memory bounded, and never an unexpected exception. Files that happen to survive the
damage intact may import, but then only rows that pass every check, and nothing exported later is a formula.
"""

from __future__ import annotations

import io
from pathlib import Path

import psutil
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bootstrap import Services
from app.domain import error_text, periods
from app.domain.errors import AppError, ExportError
from app.services import consolidation, member_import
from tests.conftest import db_fingerprint
from tests.safety import hostile_files as hostile

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
MAX_NAME = 200
tried: dict[str, int] = {"import": 0, "consolidation": 0, "refused": 0, "rejected rows": 0, "imported": 0}


def _importer(services: Services):
    return member_import.MemberImportService(services.ctx, services.members)


def _write(tmp_path: Path, data: bytes, name: str = "danh-sach.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _assert_no_formula_leaves(services: Services) -> None:
    """Whatever was imported, the roster written afterwards holds text, never a formula."""
    import openpyxl

    service = services.summary
    wb = openpyxl.load_workbook(io.BytesIO(service.roster(include_former=True)))
    formulas = [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert not formulas


def _import_and_judge(services: Services, path: Path) -> str:
    """Run the import; check the invariants; return the outcome ("refused", "rejected rows", "imported")."""
    outcome = _judged_import(services, path)
    tried["import"] += 1
    tried[outcome] += 1
    return outcome


def _judged_import(services: Services, path: Path) -> str:
    before = db_fingerprint(services.paths.database)
    members_before = len(services.members.list(include_former=True))
    rss = psutil.Process().memory_info().rss
    try:
        report = _importer(services).run(path)
    except ExportError as error:
        assert error.code in error_text.ERROR, error.code  # a sentence exists for it
        assert error_text.describe(error).strip()
        assert db_fingerprint(services.paths.database) == before
        return "refused"
    finally:
        assert psutil.Process().memory_info().rss - rss < 200 * 2**20  # no bomb went off
    if report.problems:
        assert not report.applied
        assert all(p.message.startswith("Dòng ") for p in report.problems)
        assert db_fingerprint(services.paths.database) == before
        return "rejected rows"
    stored = services.members.list(include_former=True)
    assert len(stored) == members_before + len(report.added)
    assert all(0 < len(m.full_name) <= MAX_NAME for m in stored)
    return "imported"


# --------------------------------------------------------------------------- member import
@SETTINGS
@given(data=hostile.damaged(hostile.good_member_list()))
def test_import_of_damaged_or_foreign_files(services: Services, tmp_path: Path, data: bytes) -> None:
    _import_and_judge(services, _write(tmp_path, data))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=hostile.entity_injections(hostile.good_member_list()))
def test_entity_declarations_anywhere_are_refused(services: Services, tmp_path: Path, data: bytes) -> None:
    before = db_fingerprint(services.paths.database)
    tried["import"] += 1
    tried["refused"] += 1
    with pytest.raises(ExportError) as caught:
        _importer(services).run(_write(tmp_path, data))
    assert caught.value.code == "xlsx_entities"
    assert db_fingerprint(services.paths.database) == before


@SETTINGS
@given(rows=hostile.absurd_rows, as_text=st.booleans())
def test_import_of_absurd_cell_values_and_formulas(services: Services, tmp_path: Path, rows, as_text: bool) -> None:
    _import_and_judge(services, _write(tmp_path, hostile.member_list(rows, as_text=as_text)))
    _assert_no_formula_leaves(services)


@pytest.mark.parametrize(
    "make",
    [
        lambda: hostile.zip_bomb(hostile.good_member_list()),
        lambda: hostile.lying_sizes(hostile.zip_bomb(hostile.good_member_list(), 30 * 2**20)),
        lambda: hostile.with_entities(hostile.good_member_list(), "sheet1.xml", "laughs", 5000),
        lambda: hostile.with_entities(hostile.good_member_list(), "app.xml", "xxe", 0),
        lambda: hostile.member_list([[1, "Ă" * 10_000, "01/01/1970", "01/01/2000", "", ""]]),
        lambda: hostile.member_list([[1, f, "01/01/1970", "01/01/2000", "", ""] for f in hostile.FORMULAS]),
        lambda: hostile.docx_renamed(),
        lambda: b"",
    ],
    ids=["bomb-60MB", "bomb-lying-sizes", "billion-laughs", "xxe", "name-10000", "formulas", "docx", "empty"],
)
def test_import_named_hostile_files(services: Services, tmp_path: Path, make) -> None:
    outcome = _import_and_judge(services, _write(tmp_path, make()))
    assert outcome in ("refused", "rejected rows", "imported")
    if outcome == "imported":
        _assert_no_formula_leaves(services)


def test_the_bomb_and_the_entities_are_refused_with_their_own_message(services: Services, tmp_path: Path) -> None:
    cases = {
        "xlsx_too_large": hostile.zip_bomb(hostile.good_member_list()),
        "xlsx_entities": hostile.with_entities(hostile.good_member_list(), "workbook.xml", "laughs", 5000),
        "xlsx_is_word": hostile.docx_renamed(),
        "xlsx_old_format": hostile.OLE2 + b"\x00" * 600,
    }
    for code, data in cases.items():
        with pytest.raises(AppError) as caught:
            _importer(services).run(_write(tmp_path, data, f"{code}.xlsx"))
        assert caught.value.code == code


def test_a_ten_thousand_character_name_is_a_row_problem_and_nothing_changes(services: Services, tmp_path) -> None:
    path = _write(tmp_path, hostile.member_list([[1, "Ă" * 10_000, "01/01/1970", "01/01/2000", "", ""]]))
    before = db_fingerprint(services.paths.database)
    report = _importer(services).run(path)
    assert not report.applied and any(p.field == "full_name" for p in report.problems)
    assert "quá dài" in report.problems[0].message
    assert db_fingerprint(services.paths.database) == before


# --------------------------------------------------------------------------- consolidation
@pytest.fixture(scope="module")
def summary_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A genuine branch summary workbook (the demo branch, third quarter 2026)."""
    from app.bootstrap import open_services
    from app.config import AppPaths
    from tests.conftest import NOW

    s = open_services(AppPaths.under(tmp_path_factory.mktemp("branch")), now=lambda: NOW)
    try:
        s.demo.fill()
        return s.summary.workbook(periods.quarter(2026, 3))
    finally:
        s.close()


def _consolidate_and_judge(tmp_path: Path, files: list[bytes]) -> list[str]:
    tried["consolidation"] += len(files) - 1  # the first file is the genuine summary
    folder = tmp_path / "nop-len"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    paths = [_write(folder, data, f"chi-bo-{i:02d}.xlsx") for i, data in enumerate(files)]
    result = consolidation.ConsolidationService().run(paths)
    assert len(result.outcomes) == len(files)
    for outcome in result.outcomes:
        assert outcome.status in ("accepted", "rejected", "superseded")
        if outcome.status == "rejected":
            assert outcome.code in error_text.ERROR and outcome.reason.strip(), outcome
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths)  # reading writes nothing
    return [o.status for o in result.outcomes]


def test_a_genuine_summary_is_accepted(summary_bytes: bytes, tmp_path: Path) -> None:
    assert _consolidate_and_judge(tmp_path, [summary_bytes]) == ["accepted"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_consolidation_of_damaged_files_rejects_each_with_a_reason(summary_bytes, tmp_path, data) -> None:
    files = data.draw(st.lists(hostile.damaged(summary_bytes), min_size=1, max_size=3))
    statuses = _consolidate_and_judge(tmp_path, [summary_bytes, *files])
    assert statuses[0] in ("accepted", "superseded")  # one bad file never stops the good one


def test_consolidation_named_hostile_files(summary_bytes: bytes, tmp_path: Path) -> None:
    bad = [
        hostile.zip_bomb(summary_bytes),
        hostile.with_entities(summary_bytes, "sheet1.xml", "laughs", 5000),
        hostile.with_entities(summary_bytes, "workbook.xml", "xxe", 0),
        hostile.docx_renamed(),
        hostile.good_member_list(),  # a real workbook, but not a summary
        b"",
    ]
    statuses = _consolidate_and_judge(tmp_path, [summary_bytes, *bad])
    assert statuses == ["accepted"] + ["rejected"] * len(bad)


def test_how_many_hostile_files_were_tried() -> None:
    """Runs last in this module: the counts for the closing note (printed with -s)."""
    print(f"\nhostile files tried: {tried}")
    assert tried["import"] == 0 or tried["import"] >= 100

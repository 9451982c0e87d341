"""Importing a member list from Excel: every row checked first, then all saved in one transaction or none.

A row that matches a stored member (party card, CCCD, or folded name + birth date) updates that member with the
values the file gives; any other row adds a member. A dry run reports the same without writing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from app.domain import error_text, labels, notices
from app.domain.dates import format_dmy
from app.domain.errors import ExportError, ValidationError
from app.domain.membership import Member
from app.domain.party_card import describe_formats
from app.domain.vntext import clean, fold
from app.services.context import ServiceContext
from app.services.member_import_status import StatusCell, StatusProblem, compose_addresses, read_status, with_status
from app.services.members import (
    DATE_FIELDS,
    TEXT_FIELDS,
    MemberService,
    member_from_fields,
    party_card_formats,
    soft_warnings,
    unusual_card,
)
from exporters.member_sheet import MemberSheet, SheetRow, read_member_sheet

#: Fields compared to tell an update from an unchanged member.
_COMPARED = ("full_name", "ho", "dem", "ten", *DATE_FIELDS, *TEXT_FIELDS)


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int
    field: str
    code: str
    message: str  # "Dòng 12: Ngày sinh: …"


@dataclass(frozen=True, slots=True)
class RowResult:
    row: int
    member: Member  # as it would be saved (id set for updates)
    changed: tuple[str, ...] = ()  # updated fields (empty for additions and unchanged members)
    warnings: tuple[str, ...] = ()


@dataclass(slots=True)
class ImportReport:
    path: str
    sheet: str = ""
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)
    added: list[RowResult] = field(default_factory=list)
    updated: list[RowResult] = field(default_factory=list)
    unchanged: list[RowResult] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)
    legacy_cells: int = 0
    notices: list[str] = field(default_factory=list)  # said once for the whole file (card numbers, unread columns)
    dry_run: bool = False
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        def row(r: RowResult) -> dict[str, Any]:
            m = r.member
            return {
                "row": r.row,
                "id": m.id,
                "full_name": m.full_name,
                "date_of_birth": m.date_of_birth,
                "joined_on": m.joined_on,
                "party_card_no": m.party_card_no,
                "changed": list(r.changed),
                "events": [{"kind": e.kind.value, "on": e.on} for e in m.events if e.id is None],
                "warnings": list(r.warnings),
            }

        return {
            "path": self.path,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "columns": self.columns,
            "dry_run": self.dry_run,
            "applied": self.applied,
            "added": [row(r) for r in self.added],
            "updated": [row(r) for r in self.updated],
            "unchanged": [row(r) for r in self.unchanged],
            "errors": [{"row": p.row, "field": p.field, "code": p.code, "message": p.message} for p in self.problems],
            "skipped_rows": self.skipped_rows,
            "legacy_cells": self.legacy_cells,
            "notices": self.notices,
        }


class MemberImportService:
    def __init__(
        self, ctx: ServiceContext, members: MemberService, before_write: Callable[[str], object] | None = None
    ) -> None:
        self._ctx = ctx
        self._members = members
        # BackupService.snapshot: a verified backup before the import writes; if it fails, nothing is imported.
        self._before_write = before_write

    def run(self, path: Path, *, dry_run: bool = False) -> ImportReport:
        """Check every row; unless *dry_run* and if no row has a problem, save them all in one transaction.

        File-level problems (not an .xlsx, no header, empty sheet) raise ExportError; row problems are listed in
        the report, and nothing is written.
        """
        report = self.check(self.read(path))
        report.dry_run = dry_run
        if dry_run or report.problems:
            return report
        return self.apply(report)

    # The three steps, for a window: read the file off the GUI thread, check and apply on it (the connection's).
    @staticmethod
    def read(path: Path) -> MemberSheet:
        """The file's member rows. File I/O only, no database: safe in a background thread."""
        return read_member_sheet(Path(path))

    def check(self, sheet: MemberSheet) -> ImportReport:
        """What the rows would add or update, and every row's problem. Reads the database, writes nothing."""
        return self._plan(sheet)

    def apply(self, report: ImportReport) -> ImportReport:
        """Save a checked report's additions and updates in one transaction (after the backup, if configured)."""
        if report.problems:
            raise ExportError("import_rejected", count=len({p.row for p in report.problems}))
        changes = [r.member for r in report.added] + [r.member for r in report.updated]
        if changes:
            if self._before_write is not None:
                self._before_write("truoc-nhap")
            try:
                saved = self._members.save_many(changes, action="import")
            except ValidationError as error:  # the stored data changed since the check: nothing was saved
                raise ExportError("import_rejected", count=1, detail=error_text.describe(error)) from error
            by_row = dict(zip([r.row for r in report.added + report.updated], saved, strict=True))
            report.added = [replace(r, member=by_row[r.row]) for r in report.added]
            report.updated = [replace(r, member=by_row[r.row]) for r in report.updated]
        report.dry_run = False
        report.applied = True
        return report

    # ------------------------------------------------------------------ checking
    def _plan(self, sheet: MemberSheet) -> ImportReport:
        report = ImportReport(
            path=sheet.path,
            sheet=sheet.sheet,
            header_row=sheet.header_row,
            columns=dict(sheet.columns),
            skipped_rows=list(sheet.skipped),
            legacy_cells=sheet.legacy_cells,
        )
        stored = self._ctx.members.all()
        by_card = {m.party_card_no: m for m in stored if m.party_card_no}
        by_cccd = {m.cccd: m for m in stored if m.cccd}
        by_person = {(fold(m.full_name), m.date_of_birth): m for m in stored if m.date_of_birth}
        seen: dict[tuple[str, Any], int] = {}
        today = self._ctx.today()
        keys = self._members.unique_keys()  # one read of the stored members, not three queries per row
        for row in sheet.rows:
            fields, problems, status = _fields(row)
            if problems:
                report.problems += problems
                continue
            try:
                parsed = member_from_fields(fields)
            except ValidationError as error:
                report.problems += [_problem(row.number, f, c) for f, c in error.field_errors.items()]
                continue
            duplicate = _duplicate_in_file(parsed, row.number, seen)
            if duplicate is not None:
                report.problems.append(duplicate)
                continue
            matches = {
                m.id: m
                for m in (
                    by_card.get(parsed.party_card_no) if parsed.party_card_no else None,
                    by_cccd.get(parsed.cccd) if parsed.cccd else None,
                    by_person.get((fold(parsed.full_name), parsed.date_of_birth)) if parsed.date_of_birth else None,
                )
                if m is not None
            }
            if len(matches) > 1:
                names = ", ".join(f"{m.full_name} (mã {m.id})" for m in matches.values())
                text = notices.IMPORT_ROW_ERROR.format(
                    row=row.number, reason=notices.IMPORT_AMBIGUOUS.format(names=names)
                )
                report.problems.append(RowProblem(row.number, "full_name", "ambiguous", text))
                continue
            existing = next(iter(matches.values()), None)
            if existing is not None:
                given = {k: v for k, v in fields.items() if v}
                member = member_from_fields(given, base=existing)
            else:
                member = parsed
            try:
                self._members.check(member, keys)
                member = with_status(member, status, today)
            except ValidationError as error:
                report.problems += [_problem(row.number, f, c) for f, c in error.field_errors.items()]
                continue
            except StatusProblem as problem:
                report.problems.append(_status_problem(row.number, member.full_name, problem))
                continue
            warnings = tuple(soft_warnings(member, today, card=False))
            if existing is None:
                report.added.append(RowResult(row.number, member, (), warnings))
                continue
            changed = tuple(k for k in _COMPARED if getattr(member, k) != getattr(existing, k))
            if len(member.events) != len(existing.events):
                changed += ("status",)
            target = report.updated if changed else report.unchanged
            target.append(RowResult(row.number, member, changed, warnings))
        report.notices = _notices(sheet, report, today)
        return report


def _notices(sheet: MemberSheet, report: ImportReport, today: date) -> list[str]:
    """What is said once for the file: unusual card numbers (by row), cards of a replaced format, unread columns."""
    said = []
    rows = report.added + report.updated + report.unchanged
    formats = party_card_formats()
    unusual = sorted(r.row for r in rows if unusual_card(r.member.party_card_no))
    if unusual:
        shown = ", ".join(str(n) for n in unusual[:20]) + (" …" if len(unusual) > 20 else "")
        said.append(notices.CARD_UNUSUAL_ROWS.format(count=len(unusual), rows=shown, formats=describe_formats(formats)))
    for old in (f for f in formats if f.valid_until is not None and f.valid_until < today):
        count = sum(1 for r in rows if r.member.party_card_no and old.fits(r.member.party_card_no))
        if count:
            digits = " hoặc ".join(str(d) for d in old.digits)
            until = format_dmy(old.valid_until)
            said.append(notices.CARD_OLD_FORMAT.format(count=count, name=old.name, digits=digits, until=until))
    if sheet.unread:
        said.append(notices.IMPORT_UNREAD_COLUMNS.format(columns=", ".join(f"\u201c{c}\u201d" for c in sheet.unread)))
    return said


def _status_problem(row: int, name: str, problem: StatusProblem) -> RowProblem:
    reason = notices.IMPORT_STATUS_PROBLEM[problem.code].format(
        name=name or "(chưa có họ tên)", value=problem.text, known=notices.IMPORT_STATUS_KNOWN
    )
    return RowProblem(row, "status", problem.code, notices.IMPORT_ROW_ERROR.format(row=row, reason=reason))


def _fields(row: SheetRow) -> tuple[dict[str, str], list[RowProblem], StatusCell | None]:
    """The row as the member form's text fields (dates as dd/mm/yyyy), with what cannot be read reported,
    and the status the row gives (read_status)."""
    values = dict(row.values)
    compose_addresses(values)
    values.pop("birthplace", None)  # no place-of-birth field in the member record (listed as unread)
    split_given = "full_name" not in values and "ten" in values and ("ho_dem" in values or "ho" in values)
    problems: list[RowProblem] = []
    fields: dict[str, str] = {}
    ho_dem, ten = clean(_text(values.pop("ho_dem", ""))), clean(_text(values.pop("ten", "")))
    ho, dem = clean(_text(values.pop("ho", ""))), clean(_text(values.pop("dem", "")))
    if ho and not ho_dem:
        ho_dem = clean(f"{ho} {dem}")
    full_name = clean(_text(values.pop("full_name", ""))) or clean(f"{ho_dem} {ten}")
    fields["full_name"] = full_name
    if split_given and ten and ho_dem:
        # Separate name columns: the file says where the given name starts; keep that split.
        if ho:
            fields["ho"], fields["dem"] = ho, dem
        else:
            parts = ho_dem.split(" ", 1)
            fields["ho"], fields["dem"] = parts[0], parts[1] if len(parts) > 1 else ""
        fields["ten"] = ten
    male, female = values.pop("born_male", None), values.pop("born_female", None)
    if male is not None and female is not None:
        problems.append(_problem(row.number, "gender", "invalid"))
    elif male is not None or female is not None:
        values.setdefault("date_of_birth", male if male is not None else female)
        values.setdefault("gender", "Nam" if male is not None else "Nữ")
    values.pop("stt", None)
    status = None
    try:
        status = read_status(values)
    except StatusProblem as problem:
        problems.append(_status_problem(row.number, full_name, problem))
    for name, value in values.items():
        if name in DATE_FIELDS:
            fields[name] = format_dmy(value) if isinstance(value, date) else _text(value)
        elif name == "gender":
            gender = _gender(_text(value))
            if gender is None:
                problems.append(_problem(row.number, "gender", "invalid"))
            else:
                fields["gender"] = gender
        elif name in TEXT_FIELDS:
            fields[name] = _text(value)
    return fields, problems, status


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _gender(text: str) -> str | None:
    key = fold(text).strip(" .")
    if key in ("nam", "m", "male"):
        return "Nam"
    if key in ("nu", "f", "female"):
        return "Nữ"
    return "" if not key else None


def _duplicate_in_file(m: Member, row: int, seen: dict[tuple[str, Any], int]) -> RowProblem | None:
    keys: list[tuple[tuple[str, Any], str]] = []
    if m.party_card_no:
        keys.append((("card", m.party_card_no), "party_card_no"))
    if m.cccd:
        keys.append((("cccd", m.cccd), "cccd"))
    if m.date_of_birth:
        keys.append((("person", (fold(m.full_name), m.date_of_birth)), "full_name"))
    for key, field_name in keys:
        other = seen.get(key)
        if other is not None:
            label = labels.FIELD_LABEL.get(field_name, field_name)
            what = label if field_name != "full_name" else f"{label} và {labels.FIELD_LABEL['date_of_birth']}"
            reason = f"{label}: " + notices.IMPORT_DUPLICATE_IN_FILE.format(other=other, what=what)
            return RowProblem(
                row, field_name, "duplicate_in_file", notices.IMPORT_ROW_ERROR.format(row=row, reason=reason)
            )
    for key, _ in keys:
        seen[key] = row
    return None


def _problem(row: int, field_name: str, code: str) -> RowProblem:
    return RowProblem(
        row, field_name, code, notices.IMPORT_ROW_ERROR.format(row=row, reason=error_text.field_error(field_name, code))
    )

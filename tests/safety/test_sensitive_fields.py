"""CCCD and phone numbers never leave the machine unless the user ticks them for an export.

Every document and workbook the program can write for the demo branch is unpacked and searched for every
member's CCCD and phone number (in the raw XML and in the text with the XML tags removed, so that a number
split across Word runs is still found).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from app.bootstrap import Services
from app.domain import periods

_TAG = re.compile(rb"<[^>]+>")


def _texts(data: bytes) -> bytes:
    """Every part of an Office file, raw and with tags removed, as one searchable blob."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [archive.read(name) for name in archive.namelist()]
    return b"\n".join(parts + [_TAG.sub(b"", p) for p in parts])


def _sensitive(demo: Services) -> tuple[set[bytes], set[bytes]]:
    members = demo.members.list(include_former=True)
    cccd = {m.cccd.encode() for m in members if m.cccd}
    phone = {m.phone.encode() for m in members if m.phone}
    assert cccd and phone  # the demo branch has both, so the test means something
    return cccd, phone


def _found(values: set[bytes], blob: bytes) -> set[bytes]:
    return {v for v in values if v in blob}


def test_word_documents_never_carry_cccd_or_phone(demo: Services, tmp_path: Path) -> None:
    service = demo.documents
    cccd, phone = _sensitive(demo)
    written = []
    for meeting in demo.meetings.list()[-6:]:
        written.append(service.minutes(meeting.id, tmp_path / f"bb-{meeting.id}.docx").path)
        written.append(service.resolution(meeting.id, tmp_path / f"nq-{meeting.id}.docx").path)
    written.append(service.report(periods.year(2026), tmp_path / "bao-cao.docx").path)
    for path in written:
        blob = _texts(path.read_bytes())
        assert not _found(cccd | phone, blob), path.name


def test_workbooks_carry_cccd_and_phone_only_when_ticked(demo: Services) -> None:
    service = demo.summary
    cccd, phone = _sensitive(demo)
    period = periods.year(2026)
    for make in (lambda **o: service.workbook(period, **o), lambda **o: service.roster(include_former=True, **o)):
        plain = _texts(make())
        assert not _found(cccd | phone, plain)
        with_cccd = _texts(make(with_cccd=True))
        assert _found(cccd, with_cccd) and not _found(phone, with_cccd)
        with_phone = _texts(make(with_phone=True))
        assert _found(phone, with_phone) and not _found(cccd, with_phone)


def test_the_change_log_and_backup_list_do_not_spell_out_sensitive_values(demo: Services) -> None:
    """The change log is shown on screen and may be printed: it names people, never their CCCD or phone."""
    cccd, phone = _sensitive(demo)
    logged = "\n".join(f"{e.entity} {e.action} {e.summary}" for e in demo.ctx.branch.history(limit=100_000)).encode()
    assert not _found(cccd | phone, logged)


def test_the_usb_package_carries_no_cccd_or_phone(demo: Services, tmp_path: Path) -> None:
    service = demo.package
    cccd, phone = _sensitive(demo)
    result = service.build(periods.quarter(2026, 3), tmp_path / "usb")
    files = [p for p in result.folder.rglob("*") if p.is_file()]
    assert len(files) >= 3
    for path in files:
        data = path.read_bytes()
        blob = _texts(data) if data[:2] == b"PK" else data
        assert not _found(cccd | phone, blob), path.name

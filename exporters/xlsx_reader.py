"""Opening .xlsx files from outside safely: size and content checks first, read-only, handles closed on exit.

Every failure comes out as an ExportError whose code names what is wrong (TECH-NOTES §7.2), ready for a
Vietnamese sentence. No Qt, no SQL.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from app.domain.errors import ExportError

#: Unpacked size above which a file is refused: a real branch summary or member list is far below it.
MAX_UNPACKED = 50 * 1024 * 1024
#: Packed size above which a file is refused without even opening the archive.
MAX_PACKED = 25 * 1024 * 1024
#: Bytes read at a time while looking for DTD/entity declarations (they can only sit in the prolog).
PROLOG_BYTES = 4096
#: A prolog (comments, processing instructions) longer than this is itself hostile: refused as entities.
MAX_PROLOG = 1024 * 1024
#: Parts openpyxl builds whole into objects at load time, even read-only: bounded on their own. A branch list
#: of 5,000 members has under 2 MB of shared strings; millions of tiny strings would cost seconds and gigabytes.
MAX_PART_UNPACKED = {"xl/sharedStrings.xml": 16 * 1024 * 1024, "xl/styles.xml": 8 * 1024 * 1024}
#: Entries in the archive at most (a workbook has a few dozen; each is opened for the entity scan).
MAX_ENTRIES = 2000
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and Office files protected by a password
_FORBIDDEN_XML = (b"<!doctype", b"<!entity")


@contextmanager
def open_xlsx(path: Path, *, max_unpacked: int = MAX_UNPACKED) -> Iterator[Any]:
    """Yield an openpyxl read-only workbook (values, not formulas); the file is closed when the block ends.

    Checks before openpyxl sees a byte: it is a file, a zip, an Excel (not Word) package, unpacked size under
    *max_unpacked*, no DTD or entity declarations. Parse errors while reading rows inside the block are mapped too.
    """
    path = Path(path)
    _require_defusedxml()
    fh = _open(path)
    with fh:
        _precheck(fh, path, max_unpacked)
        fh.seek(0)
        import openpyxl

        try:
            wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
        except ExportError:
            raise
        except Exception as exc:  # every parser failure of a foreign file is "this file is unusable"
            raise map_read_error(exc, path) from exc
        try:
            yield wb
        except _PARSE_ERRORS as exc:
            raise map_read_error(exc, path) from exc
        finally:
            wb.close()


def _require_defusedxml() -> None:
    import openpyxl

    # openpyxl parses worksheets with defusedxml only when it is importable (TECH-NOTES §7.1).
    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise ExportError("xlsx_reader_unsafe")


def _open(path: Path) -> IO[bytes]:
    # Our own handle, closed by open_xlsx's with-block: openpyxl's read-only mode would keep the file open
    # until wb.close(), and an open handle stops Windows from ejecting the USB stick (TECH-NOTES §7.2).
    if path.is_dir():  # Windows reports a folder as PermissionError; say what it is instead
        raise ExportError("xlsx_is_folder", path=str(path))
    try:
        return open(path, "rb")
    except FileNotFoundError as exc:
        raise ExportError("xlsx_missing", path=str(path)) from exc
    except PermissionError as exc:
        raise ExportError("xlsx_locked", path=str(path)) from exc
    except OSError as exc:
        raise ExportError("xlsx_damaged", path=str(path), detail=exc.strerror or str(exc)) from exc


def _precheck(fh: IO[bytes], path: Path, max_unpacked: int) -> None:
    head = fh.read(8)
    fh.seek(0, 2)
    packed = fh.tell()
    fh.seek(0)
    if head.startswith(_OLE2_MAGIC):
        raise ExportError("xlsx_old_format", path=str(path))
    if not head.startswith(b"PK"):
        raise ExportError("xlsx_not_xlsx", path=str(path))
    if packed > MAX_PACKED:
        raise ExportError("xlsx_too_large", path=str(path), size=packed // 2**20, limit=MAX_PACKED // 2**20)
    try:
        with zipfile.ZipFile(fh) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if "word/document.xml" in names:
                raise ExportError("xlsx_is_word", path=str(path))
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
                raise ExportError("xlsx_not_xlsx", path=str(path))
            unpacked = sum(i.file_size for i in infos)
            if unpacked > max_unpacked:
                raise ExportError("xlsx_too_large", path=str(path), size=unpacked // 2**20, limit=max_unpacked // 2**20)
            if len(infos) > MAX_ENTRIES:
                raise ExportError("xlsx_damaged", path=str(path), detail=f"{len(infos)} phần trong tệp")
            for info in infos:
                limit = MAX_PART_UNPACKED.get(info.filename)
                if limit is not None and info.file_size > limit:
                    raise ExportError(
                        "xlsx_too_large", path=str(path), size=info.file_size // 2**20, limit=limit // 2**20
                    )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with archive.open(info) as part:
                        if _declares_dtd(part):
                            raise ExportError("xlsx_entities", path=str(path))
    except ExportError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        # lost central directory, truncation, flipped bytes, encryption or an unknown compression method
        raise ExportError(
            "xlsx_not_xlsx" if isinstance(exc, zipfile.BadZipFile) else "xlsx_damaged", path=str(path)
        ) from exc
    except OSError as exc:
        raise ExportError("xlsx_damaged", path=str(path), detail=str(exc)) from exc


def _declares_dtd(part: IO[bytes]) -> bool:
    """True if the XML prolog holds a DOCTYPE or ENTITY declaration.

    Comments and processing instructions before the root element are skipped whatever their length, so a
    declaration cannot hide behind a long comment; a prolog over MAX_PROLOG bytes counts as hostile.
    """
    pending = b""
    scanned = 0
    while True:
        chunk = part.read(PROLOG_BYTES)
        scanned += len(chunk)
        pending += chunk
        while True:
            pending = pending.lstrip(b" \t\r\n")
            if pending.startswith(b"\xef\xbb\xbf"):  # UTF-8 byte order mark
                pending = pending[3:]
                continue
            opener, closer = (b"<?", b"?>") if pending.startswith(b"<?") else (b"<!--", b"-->")
            if not pending.startswith(opener):
                break
            end = pending.find(closer, len(opener))
            if end == -1:
                break  # the comment or instruction goes on in the next chunk
            pending = pending[end + len(closer) :]
        if pending.lower().startswith(_FORBIDDEN_XML):
            return True
        undecided = not pending or pending.startswith((b"<?", b"<!--")) or (len(pending) < 9 and pending[:1] == b"<")
        if not chunk or not undecided:
            return False
        if scanned > MAX_PROLOG:
            return True


def _parse_error_types() -> tuple[type[BaseException], ...]:
    from xml.etree.ElementTree import ParseError

    types: list[type[BaseException]] = [ParseError, zlib.error, zipfile.BadZipFile, EOFError]
    try:
        from lxml.etree import XMLSyntaxError

        types.append(XMLSyntaxError)
    except ImportError:  # pragma: no cover - lxml ships with python-docx
        pass
    try:
        from defusedxml import DefusedXmlException

        types.append(DefusedXmlException)
    except ImportError:  # pragma: no cover - checked by _require_defusedxml
        pass
    return tuple(types)


_PARSE_ERRORS = _parse_error_types()


def _entities_in_chain(exc: BaseException) -> bool:
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 10:
        if type(current).__module__.startswith("defusedxml"):
            return True
        current = current.__cause__ or current.__context__
        seen += 1
    return False


def map_read_error(exc: BaseException, path: Path) -> ExportError:
    """The user-facing meaning of an exception raised by openpyxl or zipfile while reading *path*."""
    from openpyxl.utils.exceptions import InvalidFileException

    where = str(path)
    if isinstance(exc, ExportError):
        return exc
    if _entities_in_chain(exc):
        return ExportError("xlsx_entities", path=where)
    if isinstance(exc, FileNotFoundError):
        return ExportError("xlsx_missing", path=where)
    if isinstance(exc, PermissionError):
        return ExportError("xlsx_locked", path=where)
    if isinstance(exc, MemoryError):
        return ExportError("xlsx_too_large", path=where, size="?", limit=MAX_UNPACKED // 2**20)
    if isinstance(exc, zipfile.BadZipFile | KeyError | InvalidFileException):
        return ExportError("xlsx_not_xlsx", path=where)
    if isinstance(exc, OSError) and "workbook part" in str(exc):
        return ExportError("xlsx_not_xlsx", path=where)
    return ExportError("xlsx_damaged", path=where, detail=type(exc).__name__)

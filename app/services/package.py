"""The USB package for the upper committee: minutes, periodic report, summary workbook and a manifest, verified.

Built in a local temporary folder first, copied to the stick into "<name>.part" with atomic writes, renamed at the
end, then read back from the stick and checked against the manifest. On any failure nothing half-written stays.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import __version__
from app.domain import manifest, periods
from app.domain.errors import AppError, ExportError
from app.domain.periods import Period
from app.services.context import ProgressCallback, ServiceContext
from app.services.documents import DocumentService
from app.services.dues_documents import DuesDocumentService
from app.services.summary import SummaryService, slug
from exporters.atomic import atomic_write_bytes, map_os_error

#: progress(step, steps, what) — steps: build, copy each file, verify.
#: Room kept free on the stick beyond the package itself (FAT directory entries, the temp file of each write).
SPACE_MARGIN = 1 << 20


#: Folders of the package, in words a person at the committee reads without the manifest (ASCII for any stick).
MINUTES_FOLDER = "bien-ban"
RESOLUTIONS_FOLDER = "nghi-quyet"


def package_names(period: Period) -> dict[str, str]:
    """The report's and the summary's file names: "bao-cao-ket-qua-sinh-hoat-chi-bo_quy-iii-nam-2026.docx" …"""
    when = slug(periods.label(period), 80)
    return {
        "report": f"bao-cao-ket-qua-sinh-hoat-chi-bo_{when}.docx",
        "summary": f"bang-tong-hop-so-lieu_{when}.xlsx",
    }


@dataclass(frozen=True, slots=True)
class PackageJob:
    """A package rendered in memory, ready to copy: folder name, files, manifest."""

    name: str
    files: tuple[tuple[str, bytes], ...]  # (relative POSIX path, content)
    entries: tuple[manifest.ManifestEntry, ...]
    listing: bytes  # manifest.json
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PackageResult:
    folder: Path
    files: tuple[manifest.ManifestEntry, ...]  # manifest.json itself not included
    total_bytes: int
    warnings: tuple[str, ...] = ()


class PackageService:
    def __init__(
        self,
        ctx: ServiceContext,
        documents: DocumentService,
        summary: SummaryService,
        dues_documents: DuesDocumentService,
    ) -> None:
        self._ctx = ctx
        self._documents = documents
        self._summary = summary
        self._dues_documents = dues_documents

    def folder_name(self, period: Period) -> str:
        """ "chi-bo-truong-thpt-chuyen-vi-thanh_2026-Q3": ASCII, so any stick and any PC reads it."""
        return f"{slug(self._summary.profile().branch_name)}_{period.key}"

    def build(self, period: Period, target: Path, progress: ProgressCallback | None = None) -> PackageResult:
        """Write the package for *period* into folder *target* (the stick) and verify it. Raises ExportError."""
        _check_target(Path(target))
        if progress:
            progress(0, 1, "build")
        return self.write(self.prepare(period), target, progress)

    def prepare(self, period: Period) -> PackageJob:
        """Render every file of the package in memory (reads the database: call it on the database's thread)."""
        profile = self._summary.profile()
        name = self.folder_name(period)
        with tempfile.TemporaryDirectory(prefix="sochibo-goi-") as tmp:
            staging = Path(tmp) / name
            warnings = self._stage(period, staging)
            files = tuple(_read_tree(staging))
        meta = {
            "branch_code": profile.branch_code,
            "branch_name": profile.branch_name,
            "upper_body": profile.upper_body,
            "period": period.key,
            "period_label": periods.label(period),
            "period_start": period.start.isoformat(),
            "period_end": period.end.isoformat(),
            "generated_at": self._ctx.now().replace(microsecond=0).isoformat(),
            "app_version": __version__,
        }
        entries = tuple(manifest.ManifestEntry(rel, len(data), manifest.sha256_hex(data)) for rel, data in files)
        return PackageJob(name, files, entries, manifest.build(meta, entries).encode("utf-8"), warnings)

    def write(
        self,
        job: PackageJob,
        target: Path,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> PackageResult:
        """Copy a prepared package onto *target* and verify it. No database: safe in a background thread.

        Cancelling stops between files; the half-copied ".part" folder is removed and the stick keeps what it had.
        """
        target = Path(target)
        _check_target(target)
        total = sum(e.size for e in job.entries) + len(job.listing)
        _check_space(target, total + SPACE_MARGIN * (len(job.entries) + 1))
        final = target / job.name
        steps = len(job.files) + 3

        def step(index: int, what: str) -> None:
            if cancelled is not None and cancelled():
                raise ExportError("package_cancelled")
            if progress:
                progress(1 + index, steps, what)

        self._copy(list(job.files), job.listing, target, final, step)
        if progress:
            progress(steps - 1, steps, "verify")
        _verify(final, job.entries, job.listing)
        if progress:
            progress(steps, steps, "done")
        return PackageResult(final, job.entries, total, job.warnings)

    # ------------------------------------------------------------------ steps
    def _stage(self, period: Period, staging: Path) -> tuple[str, ...]:
        """Render everything into a local staging folder (nothing on the stick yet)."""
        warnings: list[str] = []
        for result in self._documents.minutes_batch(period, staging / MINUTES_FOLDER):
            warnings += result.warnings
        for job in self._documents.prepare_resolution_batch(period, staging / RESOLUTIONS_FOLDER):
            warnings += job.write().warnings
        names = package_names(period)
        report = self._documents.report(period, staging / names["report"])
        warnings += report.warnings
        atomic_write_bytes(staging / names["summary"], self._summary.workbook(period))
        self._dues_documents.stage_books(period, staging)  # the dues book travels with the summary
        return tuple(warnings)

    @staticmethod
    def _copy(
        files: list[tuple[str, bytes]],
        listing: bytes,
        target: Path,
        final: Path,
        step: Callable[[int, str], object],
    ) -> None:
        part = final.with_name(final.name + ".part")
        old = final.with_name(final.name + ".cu")
        try:
            target.mkdir(parents=True, exist_ok=True)
            for leftover in (part, old):  # from an earlier attempt that was interrupted
                if leftover.exists():
                    shutil.rmtree(leftover)
        except OSError as exc:
            raise map_os_error(exc, part) from exc
        try:
            for index, (rel, data) in enumerate(files):
                step(index, rel)
                atomic_write_bytes(part / rel, data)
            atomic_write_bytes(part / manifest.FILE_NAME, listing)  # last: a package with a manifest is complete
        except BaseException:
            shutil.rmtree(part, ignore_errors=True)
            raise
        try:
            if final.exists():
                try:
                    os.replace(final, old)  # fails while a file of the old package is open in Word/Excel
                except OSError as exc:
                    raise ExportError("package_exists", path=str(final)) from exc
            try:
                os.replace(part, final)
            except OSError as exc:
                if old.exists() and not final.exists():
                    os.replace(old, final)  # put the previous package back
                raise map_os_error(exc, final) from exc
        except BaseException:
            shutil.rmtree(part, ignore_errors=True)
            raise
        shutil.rmtree(old, ignore_errors=True)


def _read_tree(root: Path) -> list[tuple[str, bytes]]:
    """Every file under *root* as (relative POSIX path, bytes), in a stable order."""
    return [(p.relative_to(root).as_posix(), p.read_bytes()) for p in sorted(root.rglob("*")) if p.is_file()]


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise ExportError("folder_is_file", path=str(target))


def _check_space(target: Path, needed: int) -> None:
    probe = target if target.exists() else next((p for p in target.parents if p.exists()), target)
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        return  # cannot tell: the writes will say
    if free < needed:
        raise ExportError("disk_full", path=str(target))


def _verify(final: Path, entries: tuple[manifest.ManifestEntry, ...], listing: bytes) -> None:
    """Read every file back from the stick and compare with the manifest; remove the package if any differs."""
    problem: AppError | None = None
    try:
        if _read_back(final / manifest.FILE_NAME) != listing:
            problem = ExportError("package_verify_failed", path=str(final), file=manifest.FILE_NAME)
        for entry in entries:
            if problem is None and not manifest.matches(entry, _read_back(final / entry.path)):
                problem = ExportError("package_verify_failed", path=str(final), file=entry.path)
    except OSError as exc:
        problem = ExportError("package_verify_failed", path=str(final), file=getattr(exc, "filename", "") or "?")
    if problem is not None:
        shutil.rmtree(final, ignore_errors=True)
        raise problem


def _read_back(path: Path) -> bytes:
    with open(path, "rb") as fh:
        if hasattr(os, "posix_fadvise"):
            # Drop the cached copy so the bytes come from the stick, not from memory (Linux; Windows has no such call).
            os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        return fh.read()

"""Consolidation at the upper committee: read many branch summaries, keep the good ones, write one workbook.

Needs no branch database. One bad file never stops the others: each file gets a fate and a reason.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain import error_text, manifest, periods
from app.domain.consolidation import (
    BranchFigures,
    Consolidation,
    FileOutcome,
    decide,
    period_columns,
    receipt_json,
    receipt_text,
)
from app.domain.errors import ExportError
from app.domain.periods import Period
from app.services.context import ProgressCallback
from exporters.atomic import atomic_write_bytes
from exporters.consolidated_xlsx import render_consolidated
from exporters.summary_reader import read_branch_summary
from exporters.xlsx_reader import MAX_PACKED

#: progress(done, total, current file)

_SKIP_PREFIXES = ("~$", ".~tmp-", "._")  # Office owner files, our own temp files, macOS resource forks
_SKIP_PREFIXES += ("so-thu-nop-dang-phi_",)  # the dues book in a package is for reading: its sums are in the summary


@dataclass(frozen=True, slots=True)
class ConsolidationFiles:
    workbook: Path
    receipt_text: Path
    receipt_json: Path


class ConsolidationService:
    def __init__(self, now: Callable[[], datetime] = datetime.now) -> None:
        self._now = now

    # ------------------------------------------------------------------ inputs
    @staticmethod
    def collect(inputs: Sequence[Path], exclude: Sequence[Path] = ()) -> list[Path]:
        """Files as given, folders searched recursively for .xlsx (sorted), each file once, outputs left out."""
        skip = {_resolved(p) for p in exclude}
        found: list[Path] = []
        seen: set[Path] = set()
        for given in inputs:
            path = Path(given)
            if path.is_dir():
                candidates = sorted(
                    (p for p in path.rglob("*") if p.suffix.lower() == ".xlsx" and p.is_file()),
                    key=lambda p: [part.casefold() for part in p.relative_to(path).parts],
                )
                candidates = [p for p in candidates if not p.name.startswith(_SKIP_PREFIXES)]
            else:
                candidates = [path]
            for p in candidates:
                key = _resolved(p)
                if key not in seen and key not in skip:
                    seen.add(key)
                    found.append(p)
        return found

    # ------------------------------------------------------------------ the work
    def run(
        self,
        inputs: Sequence[Path],
        *,
        period: Period | None = None,
        exclude: Sequence[Path] = (),
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Consolidation:
        """Read and judge every file. Raises ExportError("consolidate_no_input") when there is nothing to read."""
        files = self.collect(inputs, exclude)
        if not files:
            raise ExportError("consolidate_no_input")
        manifests: dict[Path, manifest.Manifest | ValueError | None] = {}
        candidates: list[tuple[int, BranchFigures]] = []
        early: dict[int, FileOutcome] = {}
        for index, path in enumerate(files):
            if cancelled is not None and cancelled():
                raise ExportError("consolidate_cancelled")
            if progress is not None:
                progress(index, len(files), str(path))
            try:
                candidates.append((index, self._read_one(path, manifests)))
            except ExportError as error:
                early[index] = FileOutcome(str(path), "rejected", error.code, error_text.describe(error))
            except Exception as error:  # one broken file must not stop the other 299 (TECH-NOTES §7.2)
                unexpected = ExportError("summary_unexpected", path=str(path), detail=type(error).__name__)
                early[index] = FileOutcome(str(path), "rejected", unexpected.code, error_text.describe(unexpected))
        if progress is not None:
            progress(len(files), len(files), "")
        wanted = period.key if period else None
        label = periods.label(period) if period else ""
        accepted, decided = decide(candidates, wanted, label)
        outcomes = {**early, **decided}
        months, quarters = period_columns(accepted)
        if period is not None:
            months = [p.key for p in periods.months_in(period)]
            quarters = [f"{q.year}-Q{q.number}" for q in periods.quarters_in(period)]
        chosen = accepted[0] if accepted else None
        return Consolidation(
            period_key=wanted or (chosen.period_key if chosen else ""),
            period_label=label or (chosen.period_label if chosen else ""),
            branches=accepted,
            outcomes=[outcomes[i] for i in range(len(files))],
            months=months,
            quarters=quarters,
        )

    def _read_one(self, path: Path, manifests: dict[Path, manifest.Manifest | ValueError | None]) -> BranchFigures:
        where = str(path)
        if path.suffix.lower() != ".xlsx":
            raise ExportError("summary_not_xlsx_name", path=where)
        if path.is_file() and path.stat().st_size > MAX_PACKED:  # before hashing a gigabyte off a USB stick
            raise ExportError(
                "xlsx_too_large", path=where, size=path.stat().st_size // 2**20, limit=MAX_PACKED // 2**20
            )
        digest = _sha256_of(path)
        listing = self._manifest_for(path.parent, manifests)
        if isinstance(listing, ValueError):
            raise ExportError("summary_manifest_invalid", path=where)
        if listing is not None:
            entry = listing.entry(path.name)
            if entry is None or entry.sha256 != digest or entry.size != path.stat().st_size:
                raise ExportError("summary_manifest_mismatch", path=where)
        return read_branch_summary(path, sha256=digest)

    @staticmethod
    def _manifest_for(
        folder: Path, cache: dict[Path, manifest.Manifest | ValueError | None]
    ) -> manifest.Manifest | ValueError | None:
        if folder not in cache:
            target = folder / manifest.FILE_NAME
            try:
                cache[folder] = manifest.parse(target.read_text(encoding="utf-8")) if target.is_file() else None
            except (OSError, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
                cache[folder] = exc if isinstance(exc, ValueError) else ValueError(str(exc))
        return cache[folder]

    # ------------------------------------------------------------------ outputs
    def write(self, result: Consolidation, out: Path) -> ConsolidationFiles:
        """The workbook and its receipts (text, JSON), each written atomically. Nothing is written without a branch."""
        if not result.branches:
            raise ExportError("consolidate_nothing", rejected=len(result.rejected))
        made = self._now().replace(microsecond=0)
        out = Path(out)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        text_path = out.with_name(out.stem + "-bien-nhan.txt")
        json_path = out.with_name(out.stem + "-bien-nhan.json")
        stamp = made.strftime("%d/%m/%Y %H:%M")
        atomic_write_bytes(out, render_consolidated(result, made))
        atomic_write_bytes(text_path, receipt_text(result, stamp, str(out)).encode("utf-8"))
        document = receipt_json(result, made.isoformat(), str(out))
        atomic_write_bytes(json_path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        return ConsolidationFiles(out, text_path, json_path)

    def receipt(self, result: Consolidation, out: Path | None = None) -> str:
        made = self._now().replace(microsecond=0).strftime("%d/%m/%Y %H:%M")
        return receipt_text(result, made, str(out) if out else "")


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 16), b""):
                digest.update(block)
    except FileNotFoundError as exc:
        raise ExportError("xlsx_missing", path=str(path)) from exc
    except IsADirectoryError as exc:
        raise ExportError("xlsx_is_folder", path=str(path)) from exc
    except PermissionError as exc:
        raise ExportError("xlsx_locked", path=str(path)) from exc
    return digest.hexdigest()


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(path).absolute()

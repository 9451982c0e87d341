"""The USB package's manifest.json: what it lists and how it is checked. Pure functions over text and bytes; no I/O."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

FORMAT = "sochibo-package"
FORMAT_VERSION = 1
FILE_NAME = "manifest.json"


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    path: str  # relative, with "/" separators
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    meta: dict[str, Any]
    files: tuple[ManifestEntry, ...]

    def entry(self, relative: str) -> ManifestEntry | None:
        wanted = relative.replace("\\", "/")
        return next((f for f in self.files if f.path == wanted), None)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build(meta: Mapping[str, Any], files: Sequence[ManifestEntry]) -> str:
    """The manifest as JSON text (UTF-8, readable by people too)."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        **meta,
        "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in files],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def parse(text: str) -> Manifest:
    """Read a manifest. Raises ValueError if it is not one of ours or is malformed."""
    document = json.loads(text)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("not a Sổ Chi bộ package manifest")
    version = document.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ValueError(f"unsupported manifest version {version!r}")
    entries = []
    for item in document.get("files", []):
        if not isinstance(item, dict):
            raise ValueError("malformed file entry")
        path, size, digest = item.get("path"), item.get("size"), item.get("sha256")
        if not isinstance(path, str) or not isinstance(size, int) or not isinstance(digest, str) or len(digest) != 64:
            raise ValueError("malformed file entry")
        entries.append(ManifestEntry(path, size, digest.lower()))
    meta = {k: v for k, v in document.items() if k != "files"}
    return Manifest(meta, tuple(entries))


def matches(entry: ManifestEntry, data: bytes) -> bool:
    return len(data) == entry.size and sha256_hex(data) == entry.sha256

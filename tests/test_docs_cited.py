"""Every project document the code cites ("TECH-NOTES §1.2", "DOMAIN §4.4") exists in docs/ with that section."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CITATION = re.compile(r"\b(DOMAIN|TECH-NOTES|STYLE-REFERENCE|STYLE|YEARLY-WORK)(?:\.md)?(?: §(\d+(?:\.\d+)*))?")
SKIP = {".venv", ".git", "docs", "build", "dist", "out", "__pycache__"}


def _sources() -> list[Path]:
    files = []
    for path in ROOT.rglob("*"):
        if any(part in SKIP for part in path.relative_to(ROOT).parts):
            continue
        if path.is_file() and (path.suffix in {".py", ".sh", ".md", ".json", ".spec", ".toml"} or path.name == "run"):
            files.append(path)
    return files


def _sections(doc: Path) -> set[str]:
    found = set()
    for line in doc.read_text(encoding="utf-8").splitlines():
        m = re.match(r"#+\s+(\d+(?:\.\d+)*)\.?\s", line)
        if m:
            found.add(m.group(1))
    return found


def test_every_cited_document_and_section_is_in_the_repository() -> None:
    missing = []
    for path in _sources():
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in CITATION.finditer(text):
            name, section = m.group(1), m.group(2)
            doc = DOCS / f"{name}.md"
            where = f"{path.relative_to(ROOT)}: {m.group(0)}"
            if not doc.exists():
                missing.append(where + " (no docs/" + doc.name + ")")
            elif section and section.rstrip(".") not in _sections(doc):
                missing.append(where + " (no such section)")
    assert missing == []

"""scripts/render_documents.py writes every kind of document, from the demo branch and from a branch set up today
(the LibreOffice and pdftoppm steps are the script's own; here: the files it hands them, opened back)."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import docx
from openpyxl import load_workbook

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "render_documents.py"


def test_the_render_script_writes_every_kind_of_document(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("render_documents", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "out"
    out.mkdir()
    files = module.write_documents(out, tmp_path / "demo")
    files += module.write_new_branch(out, tmp_path / "new", date(2026, 12, 1))
    names = [p.name for p in files]
    for kind in ("bien-ban-thuong-ky", "bien-ban-chuyen-de", "bien-ban-ket-hop", "bien-ban-nhap", "nghi-quyet",
                 "bao-cao-quy", "bao-cao-nam", "tong-hop-nam", "danh-sach-dang-vien", "tong-hop-cac-chi-bo",
                 "chi-bo-moi-bien-ban", "chi-bo-moi-nghi-quyet", "chi-bo-moi-bao-cao-nam", "chi-bo-moi-tong-hop"):  # fmt: skip
        assert any(kind in n for n in names), kind
    for path in files:
        assert path.exists() and path.stat().st_size > 0
        if path.suffix == ".docx":
            assert docx.Document(str(path)).paragraphs
        else:
            assert load_workbook(path, read_only=True).sheetnames
    new_report = docx.Document(str(out / "22-chi-bo-moi-bao-cao-nam.docx"))
    text = "\n".join(p.text for p in new_report.paragraphs)
    assert "12/2026" not in text.split("III. HẠN CHẾ")[-1].split("IV.")[0]  # the running month is not missed

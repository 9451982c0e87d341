"""Reading exported .docx files back for assertions: texts in reading order, effective run formatting
(run -> paragraph style chain -> document defaults), headers and footers, and XML part access."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def open_docx(source: bytes | Path) -> Document:
    return docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def paragraphs(doc: Document) -> list[Paragraph]:
    """Every body paragraph in reading order, those inside tables included."""
    return [Paragraph(p, doc) for p in doc.element.body.iter(qn("w:p"))]


def texts(doc: Document) -> list[str]:
    return [p.text for p in paragraphs(doc)]


def full_text(doc: Document) -> str:
    return "\n".join(texts(doc))


def find(doc: Document, startswith: str) -> Paragraph:
    for p in paragraphs(doc):
        if p.text.startswith(startswith):
            return p
    raise AssertionError(f"no paragraph starts with {startswith!r}:\n" + full_text(doc))


@dataclass(frozen=True)
class Look:
    font: str
    size: float
    bold: bool
    italic: bool
    underline: bool


def _defaults(doc: Document) -> tuple[str, float]:
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    size = rpr.find(qn("w:sz"))
    return fonts.get(qn("w:ascii")), int(size.get(qn("w:val"))) / 2


def look(doc: Document, paragraph: Paragraph, run_index: int = 0) -> Look:
    """The formatting a reader sees for one run: run properties first, then the style chain, then defaults."""
    run = paragraph.runs[run_index]
    chain = [run.font]
    style = paragraph.style
    while style is not None:
        chain.append(style.font)
        style = style.base_style
    default_font, default_size = _defaults(doc)

    def first(attr: str, fallback: object) -> object:
        for font in chain:
            value = getattr(font, attr)
            if value is not None:
                return value
        return fallback

    size = first("size", None)
    return Look(
        font=str(first("name", default_font)),
        size=size.pt if size is not None else default_size,  # type: ignore[union-attr]
        bold=bool(first("bold", False)),
        italic=bool(first("italic", False)),
        underline=bool(first("underline", False)),
    )


def xml_parts(data: bytes) -> dict[str, str]:
    """The package's XML parts by name (document, styles, headers, footers …)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist() if name.endswith(".xml")}


def mm(length: int | None) -> float:
    assert length is not None
    return round(length / 36000, 1)

"""Word layout of Party documents (HD 36 / HD 05): a builder for styles, letterhead, tables, signatures and
page furniture, set up from a LayoutProfile.

Knows nothing about meetings or reports. python-docx is imported lazily (start-up speed). Writes no files:
``DocBuilder.to_bytes`` hands the document to the caller, who writes it through exporters.atomic.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from exporters.docx_template import (
    STYLE_BODY,
    STYLE_DOC_TYPE,
    STYLE_FILL,
    STYLE_HEADING,
    STYLE_LETTERHEAD,
    STYLE_RECIPIENTS,
    STYLE_SIGNATURE,
    STYLE_SUBHEADING,
    STYLE_SUBJECT,
    STYLE_TABLE,
    STYLE_TABLE_HEAD,
    template,
)
from exporters.docx_xml import (
    add_page_field,
    bottom_border,
    cant_split,
    cell_margins,
    line_exact,
    no_borders,
    para_align,
    pt,
    repeat_header,
    table_width,
    valign_center,
)
from exporters.layout_profile import LayoutProfile, merged

__all__ = ["Cell", "DocBuilder", "DocLetterhead", "LayoutProfile", "SignBlock", "merged"]


# --------------------------------------------------------------------------- building blocks
@dataclass(frozen=True, slots=True)
class DocLetterhead:
    """The two header blocks: issuing body on the left, Party title and place-date on the right."""

    upper_body: str
    branch: str
    place_date: str
    number: str = ""  # "Số 05-BB/CB"; empty when the document is unnumbered
    upper_body_2: str = ""  # printed only when the profile asks for it


@dataclass(frozen=True, slots=True)
class SignBlock:
    """One signature column: authority and title lines (upper case, bold), a hint, space, the name."""

    lines: tuple[str, ...]
    name: str
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell with more than plain text: several lines, bold, or a non-default alignment."""

    text: str
    bold: bool = False
    align: str = ""  # "", "center", "right"


class DocBuilder:
    """A python-docx document set up for one layout profile, with the few blocks Party documents are made of.

    Paragraph styles are set by id on the XML: python-docx's ``paragraph.style = name`` scans every style of
    the template on each call, which made a page of minutes several times slower (measured in bench/)."""

    def __init__(self, layout: LayoutProfile, *, blank_inline: str = "……………………") -> None:
        from docx import Document
        from docx.shared import Mm

        self.layout = layout
        self.blank_inline = blank_inline
        self._mm = Mm
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        data, self._sid = template(layout)
        self._oxml = OxmlElement
        self._pstyle_tag = qn("w:pStyle")
        self._val_attr = qn("w:val")
        self.doc = Document(io.BytesIO(data))
        self._body = self.doc  # paragraphs are added at the end of the body

    def _new(self, container: Any, style: str, text: str = "") -> Any:
        p = container.add_paragraph()
        self._style(p, style)
        if text:
            p.add_run(text)
        return p

    def _style(self, paragraph: Any, style: str) -> None:
        sid = self._sid[style]
        if sid is not None:
            # pStyle is always pPr's first child; building it directly skips python-docx's generic
            # "find where this child goes" scan, the largest single cost of a page of minutes.
            ppr = paragraph._p.get_or_add_pPr()
            old = ppr.find(self._pstyle_tag)
            if old is not None:
                ppr.remove(old)
            el = self._oxml("w:pStyle")
            el.set(self._val_attr, sid)
            ppr.insert(0, el)

    def set_properties(self, *, title: str, author: str, when: datetime | None) -> None:
        """Core properties: the template's "python-docx" author and 2013 dates would confuse the secretary."""
        props = self.doc.core_properties
        props.title = title
        props.author = author
        props.last_modified_by = author
        props.language = "vi-VN"
        props.comments = ""
        props.keywords = ""
        if when is not None:
            props.created = when
            props.modified = when
            props.revision = 1

    # ------------------------------------------------------------------ paragraphs
    def para(self, text: str = "", style: str = STYLE_BODY, *, keep_next: bool = False, sub: bool = False) -> Any:
        """A paragraph in *style*. ``keep_next`` holds it on the page of what follows (closing lines stay
        with the signatures); ``sub`` indents it one step further (sub-items of a "+" line)."""
        p = self._new(self._body, style, text)
        if keep_next:
            p.paragraph_format.keep_with_next = True
        if sub:
            p.paragraph_format.left_indent = self._mm(self.layout.first_line_indent_mm)
        return p

    def rich(self, parts: Iterable[tuple[str, str]], style: str = STYLE_BODY) -> Any:
        """One paragraph of runs: ``(text, flags)`` where flags holds "b", "i", "u" as needed."""
        p = self._new(self._body, style)
        for text, flags in parts:
            if not text:
                continue
            run = p.add_run(text)
            if "b" in flags:
                run.bold = True
            if "i" in flags:
                run.italic = True
            if "u" in flags:
                run.underline = True
        return p

    def lines(self, text: str, style: str = STYLE_BODY) -> None:
        """Multi-line text typed by the user: one paragraph per non-empty line, the typed words kept."""
        for line in text.splitlines():
            if line.strip():
                self._new(self._body, style, line.strip())

    def fill_lines(self, count: int = 2, lead: str = "") -> None:
        """Dotted lines to fill in by hand (a right tab with a dot leader: typing over it keeps the line).
        A *lead* text starts the first line, indented like body text."""
        for i in range(count):
            p = self._new(self._body, STYLE_FILL, f"{lead if i == 0 else ''}\t")
            if i == 0 and lead:
                p.paragraph_format.first_line_indent = self._mm(self.layout.first_line_indent_mm)

    def heading(self, text: str, level: int = 1, *, center: bool = False, before: float = 18) -> Any:
        """A section heading (Heading 1/2: Word's navigation pane lists them). Centred ones (PHẦN A,
        QUYẾT NGHỊ) stand apart with *before* points of space."""
        p = self._new(self._body, STYLE_HEADING if level == 1 else STYLE_SUBHEADING, text)
        if center:
            p.paragraph_format.alignment = para_align("center")
            p.paragraph_format.first_line_indent = self._mm(0)
            p.paragraph_format.space_before = pt(before)
        return p

    def title(self, doc_type: str, subject_lines: Sequence[str], rule: str = "-----") -> None:
        """Document type name (BIÊN BẢN…), the subject line(s) in bold and the short rule under them."""
        self._new(self._body, STYLE_DOC_TYPE, doc_type)
        for line in subject_lines:
            if line:
                self._new(self._body, STYLE_SUBJECT, line)
        if rule:
            p = self._new(self._body, STYLE_SUBJECT, rule)
            p.paragraph_format.space_after = pt(6)

    # ------------------------------------------------------------------ letterhead
    def letterhead(self, head: DocLetterhead, party_title: str, star: str = "*") -> Any:
        """HD 36 §1.1.2: issuing body left (superior plain, branch bold, a centred star, the number);
        Party title right with a rule of its length under it, then the italic place-and-date line."""
        lay = self.layout
        table = self._table([lay.header_left_mm, lay.header_right_mm], borders=False)
        left, right = table.add_row().cells
        paras: list[tuple[str, str, str]] = []  # (text, flags, size key)
        # Only the letterhead prints the bodies in capitals; everywhere else a name keeps the case it was typed in.
        if lay.show_upper_body_2 and head.upper_body_2:
            paras.append((head.upper_body_2.upper(), "", "upper_body"))
        if head.upper_body:
            paras.append((head.upper_body.upper(), "", "upper_body"))
        paras.append((head.branch.upper() or self.blank_inline, "b", "branch"))
        paras.append((star, "", "upper_body"))
        if head.number:
            paras.append((head.number, "", "number"))
        first = True
        for text, flags, size in paras:
            p = left.paragraphs[0] if first else left.add_paragraph()
            first = False
            self._style(p, STYLE_LETTERHEAD)
            run = p.add_run(text)
            run.bold = "b" in flags or None
            if lay.size(size) != lay.size("upper_body"):
                run.font.size = pt(lay.size(size))
        p = right.paragraphs[0]
        self._style(p, STYLE_LETTERHEAD)
        run = p.add_run(party_title)
        run.bold = True
        run.font.size = pt(lay.size("party_title"))
        rule = self._new(right, STYLE_LETTERHEAD)
        side = max(0.0, (lay.header_right_mm - lay.party_rule_mm) / 2)
        fmt = rule.paragraph_format
        fmt.left_indent = self._mm(side)
        fmt.right_indent = self._mm(side)
        line_exact(rule, 4)
        bottom_border(rule, size_eighths=8)
        place = self._new(right, STYLE_LETTERHEAD)
        place.paragraph_format.space_before = pt(6)
        run = place.add_run(head.place_date)
        run.italic = True
        if lay.size("place_date") != lay.size("upper_body"):
            run.font.size = pt(lay.size("place_date"))
        return table

    # ------------------------------------------------------------------ tables
    def _table(self, widths_mm: Sequence[float], *, borders: bool) -> Any:
        table = self.doc.add_table(rows=0, cols=len(widths_mm))
        tblPr = table._tbl.tblPr
        if borders:
            tblPr.style = self._sid["Table Grid"]
            cell_margins(tblPr, 1.0)
        else:
            no_borders(tblPr)
        table.autofit = False  # w:tblLayout fixed: the widths below are kept as set
        table_width(tblPr, sum(widths_mm))
        # gridCol widths (LibreOffice reads these); add_row copies them into every cell's tcW (Word reads those).
        for column, w in zip(table.columns, widths_mm, strict=True):
            column.width = self._mm(w)
        return table

    def table(
        self,
        widths_mm: Sequence[float],
        header: Sequence[str] | None,
        rows: Iterable[Sequence[str | Cell]],
        *,
        align: Sequence[str] = (),
        repeat: bool = True,
    ) -> Any:
        """A bordered table filled row by row (never ``table.cell()``: TECH-NOTES §3.2), header repeated."""
        table = self._table(widths_mm, borders=True)
        if header:
            cells = table.add_row().cells
            for cell, text in zip(cells, header, strict=True):
                head = cell.paragraphs[0]
                self._style(head, STYLE_TABLE_HEAD)
                head.paragraph_format.keep_with_next = True  # Word: never a header row alone at a page foot
                head.add_run(text)
                cell.vertical_alignment = valign_center()
            if repeat:
                repeat_header(table.rows[0])
        for row in rows:
            new_row = table.add_row()
            cant_split(new_row)  # a row (a topic title, a list of names) stays on one page
            if not any(str(getattr(v, "text", v)).strip() for v in row[1:]):
                new_row.height = self._mm(9)  # an empty row is for handwriting: give it room
            cells = new_row.cells
            for i, (cell, value) in enumerate(zip(cells, row, strict=True)):
                item = value if isinstance(value, Cell) else Cell(str(value))
                how = item.align or (align[i] if i < len(align) else "")
                for n, line in enumerate(item.text.split("\n") or [""]):
                    p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                    self._style(p, STYLE_TABLE)
                    if how:
                        p.alignment = para_align(how)
                    if line:
                        run = p.add_run(line)
                        if item.bold:
                            run.bold = True
        return table

    def signatures(self, blocks: Sequence[SignBlock | None], *, left: Sequence[tuple[str, str]] = ()) -> Any:
        """Borderless signature row. Without ``left``: up to two blocks side by side (None leaves a column
        empty). With ``left``: those (text, flags) lines in the left column (the "Nơi nhận" list; flag
        "label" marks its heading) and the first block on the right."""
        lay = self.layout
        half = lay.text_width_mm / 2
        widths = [lay.header_left_mm, lay.header_right_mm] if left else [half, half]
        table = self._table(widths, borders=False)
        row = table.add_row()
        cant_split(row)  # the signatures never break across pages
        cells = row.cells
        if left:
            for n, (text, flags) in enumerate(left):
                p = cells[0].paragraphs[0] if n == 0 else cells[0].add_paragraph()
                self._style(p, STYLE_RECIPIENTS)
                if n == 0:
                    p.paragraph_format.space_before = pt(12)  # level with the signer's first line
                run = p.add_run(text)
                if "label" in flags:
                    run.underline = lay.recipients_underline or None
                    run.font.size = pt(lay.size("recipients_label"))
            placed = [(cells[1], blocks[0] if blocks else None)]
        else:
            placed = list(zip(cells, blocks, strict=False))
        for cell, block in placed:
            if block is not None:
                self._sign_block(cell, block)
        return table

    def _sign_block(self, cell: Any, block: SignBlock) -> None:
        p = cell.paragraphs[0]
        for n, line in enumerate(block.lines):
            if n:
                p = cell.add_paragraph()
            self._style(p, STYLE_SIGNATURE)
            p.add_run(line).bold = True
            if n == 0:
                p.paragraph_format.space_before = pt(12)
        if block.hint:
            p = self._new(cell, STYLE_SIGNATURE)
            run = p.add_run(block.hint)
            run.italic = True
            run.font.size = pt(self.layout.size("signer_hint"))
        for _ in range(4):  # room for the handwritten signature
            self._new(cell, STYLE_SIGNATURE)
        self._new(cell, STYLE_SIGNATURE).add_run(block.name or self.blank_inline).bold = True

    # ------------------------------------------------------------------ page furniture
    def page_furniture(self, *, mark: str = "") -> None:
        """HD 36: the page number centred at the top from page 2 on (different first page + PAGE field, in a
        centred paragraph: a tab stop drifts with the template and printed 4 cm off-centre), and a mark
        (e.g. "BẢN NHÁP") at the right of every page's header, first page included."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        p = section.header.paragraphs[0]
        self._style(p, "Header")
        p.alignment = para_align("center")
        add_page_field(p)
        first = section.first_page_header.paragraphs[0]
        self._style(first, "Header")
        if mark:
            for line in (first, section.header.add_paragraph()):
                self._style(line, "Header")
                line.alignment = para_align("right")
                self._mark(line, mark)

    def small_note(self, text: str) -> Any:
        """A small line of the document's own (the seal of adopted minutes), printed once where it is put."""
        p = self._new(self._body, STYLE_BODY)
        fmt = p.paragraph_format
        fmt.first_line_indent = 0
        fmt.space_before = pt(6)
        p.alignment = para_align("right")
        run = p.add_run(text)
        run.font.size = pt(self.layout.size("footer"))
        return p

    def _mark(self, paragraph: Any, text: str) -> None:
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = pt(self.layout.size("mark"))

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

"""Low-level WordprocessingML helpers for python-docx: fonts on every script slot, borders, table flags,
the PAGE field. Each function edits one element in place; python-docx is imported lazily. No I/O.
"""

from __future__ import annotations

from typing import Any


def set_fonts(rpr: Any, font: str) -> None:
    """Set the font on an rPr for every script slot (ascii, hAnsi, eastAsia, cs) and drop theme fonts,
    which would otherwise win over the name (TECH-NOTES §3.2: Word substitutes without eastAsia)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), font)


def set_size(rpr: Any, size_pt: float) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        el.set(qn("w:val"), str(round(size_pt * 2)))


def set_lang(rpr: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.attrib.pop(qn("w:bidi"), None)


def reset_style(element: Any) -> None:
    """Drop the template's formatting (theme fonts, colours, borders, numbering) from a built-in style."""
    from docx.oxml.ns import qn

    for tag in ("w:pPr", "w:rPr"):
        el = element.find(qn(tag))
        if el is not None:
            element.remove(el)


def format_style(
    style: Any,
    font: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: Any = None,
    first_indent: float = 0.0,
    line: float | None = None,
    before: float = 0.0,
    after: float = 0.0,
    keep_next: bool = False,
    outline: int | None = None,
) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    f = style.font
    f.name = font
    f.size = pt(size)
    f.bold = bold
    f.italic = italic
    f.color.rgb = None
    set_fonts(style.element.get_or_add_rPr(), font)
    pf = style.paragraph_format
    pf.alignment = align
    pf.first_line_indent = Mm(first_indent)
    pf.left_indent = Mm(0)
    pf.right_indent = Mm(0)
    pf.space_before = pt(before)
    pf.space_after = pt(after)
    if line is None:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = pt(line)
    pf.keep_with_next = keep_next or None
    pf.widow_control = True
    if outline is not None:
        ppr = style.element.get_or_add_pPr()
        lvl = OxmlElement("w:outlineLvl")
        lvl.set(qn("w:val"), str(outline))
        ppr.append(lvl)


def pt(value: float) -> Any:
    from docx.shared import Pt

    return Pt(value)


def tab_align(how: str) -> Any:
    from docx.enum.text import WD_TAB_ALIGNMENT

    return {"right": WD_TAB_ALIGNMENT.RIGHT, "center": WD_TAB_ALIGNMENT.CENTER}[how]


def tab_leader(how: str) -> Any:
    from docx.enum.text import WD_TAB_LEADER

    return {"dots": WD_TAB_LEADER.DOTS}[how]


def para_align(how: str) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT, "left": WD_ALIGN_PARAGRAPH.LEFT}[
        how
    ]


def valign_center() -> Any:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    return WD_CELL_VERTICAL_ALIGNMENT.CENTER


def line_exact(paragraph: Any, points: float) -> None:
    from docx.enum.text import WD_LINE_SPACING

    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = pt(points)
    fmt.space_before = pt(0)
    fmt.space_after = pt(0)


def bottom_border(paragraph: Any, *, size_eighths: int = 6) -> None:
    """A solid rule under a paragraph: an editable paragraph border, not a drawing."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    border.append(bottom)
    # pBdr must precede spacing/ind/jc in pPr (schema order), or Word calls the file damaged.
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(border)
    else:
        ppr.append(border)


#: Child order of w:tblPr in the schema: Word rejects a file whose table properties are out of order.
_TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
                "tblCaption", "tblDescription", "tblPrChange")  # fmt: skip


def set_tbl_property(tblPr: Any, element: Any) -> None:
    """Put *element* into w:tblPr at its schema position, replacing one of the same kind."""
    from docx.oxml.ns import qn

    name = element.tag.rsplit("}", 1)[-1]
    for old in tblPr.findall(qn(f"w:{name}")):
        tblPr.remove(old)
    later = _TBLPR_ORDER[_TBLPR_ORDER.index(name) + 1 :]
    for child in tblPr:
        if child.tag.rsplit("}", 1)[-1] in later:
            child.addprevious(element)
            return
    tblPr.append(element)


def table_width(tblPr: Any, width_mm: float) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:tblW")
    el.set(qn("w:w"), str(round(width_mm * 1440 / 25.4)))
    el.set(qn("w:type"), "dxa")
    set_tbl_property(tblPr, el)


def cell_margins(tblPr: Any, left_right_mm: float) -> None:
    """Narrower left/right cell padding than Word's 1.9 mm, so "STT" and dates fit narrow columns."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(left_right_mm * 1440 / 25.4)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    set_tbl_property(tblPr, mar)


def no_borders(tblPr: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    set_tbl_property(tblPr, borders)


def cant_split(row: Any) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def add_page_field(paragraph: Any) -> None:
    """A PAGE field as begin/instr/separate/result/end runs: Word and LibreOffice both update it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(el)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run("2")
    char("end")

"""The prepared empty Word document of a layout profile: page size and margins, document defaults and the
paragraph styles the Party documents use. Built once per layout and reused as bytes. python-docx lazily; no I/O.
"""

from __future__ import annotations

import io
import json
from typing import Any

from exporters.docx_xml import format_style, reset_style, set_fonts, set_lang, set_size, tab_align, tab_leader
from exporters.layout_profile import LayoutProfile

#: Style names the documents use; the secretary sees them in Word's style list, so they stay few and plain.
STYLE_BODY = "Normal"
STYLE_DOC_TYPE = "Title"
STYLE_SUBJECT = "Subtitle"
STYLE_HEADING = "Heading 1"
STYLE_SUBHEADING = "Heading 2"
STYLE_LETTERHEAD = "Letterhead"
STYLE_TABLE = "Table Text"
STYLE_TABLE_HEAD = "Table Heading"
STYLE_SIGNATURE = "Signature Block"
STYLE_RECIPIENTS = "Recipients"
STYLE_CENTERED = "Centered"
STYLE_FILL = "Fill-in Line"


#: Prepared empty documents (styles and page set up) by layout, as bytes: setting up ~15 styles costs more
#: than writing a whole page of minutes, and a year of minutes uses the same layout twelve times.
_TEMPLATES: dict[str, tuple[bytes, dict[str, str | None]]] = {}
_STYLE_NAMES = (
    STYLE_BODY, STYLE_DOC_TYPE, STYLE_SUBJECT, STYLE_HEADING, STYLE_SUBHEADING, STYLE_LETTERHEAD, STYLE_TABLE,
    STYLE_TABLE_HEAD, STYLE_SIGNATURE, STYLE_RECIPIENTS, STYLE_CENTERED, STYLE_FILL, "Header", "Footer", "Table Grid",
)  # fmt: skip


def template(layout: LayoutProfile) -> tuple[bytes, dict[str, str | None]]:
    key = json.dumps(layout.to_dict(), sort_keys=True, ensure_ascii=False)
    cached = _TEMPLATES.get(key)
    if cached is None:
        from docx import Document

        doc = Document()
        _setup_page(doc, layout)
        _setup_styles(doc, layout)
        ids: dict[str, str | None] = {name: doc.styles[name].style_id for name in _STYLE_NAMES}
        _prune(doc, {sid for sid in ids.values() if sid})
        ids[STYLE_BODY] = None  # the default paragraph style needs no pStyle
        buffer = io.BytesIO()
        doc.save(buffer)
        cached = _TEMPLATES[key] = (buffer.getvalue(), ids)
    return cached


def _setup_page(doc: Any, lay: LayoutProfile) -> None:
    from docx.shared import Mm as mm

    section = doc.sections[0]
    section.page_width = mm(lay.page_width_mm)
    section.page_height = mm(lay.page_height_mm)
    section.top_margin = mm(lay.margin_top_mm)
    section.bottom_margin = mm(lay.margin_bottom_mm)
    section.left_margin = mm(lay.margin_left_mm)
    section.right_margin = mm(lay.margin_right_mm)
    section.header_distance = mm(lay.header_distance_mm)
    section.footer_distance = mm(lay.footer_distance_mm)


def _setup_styles(doc: Any, lay: LayoutProfile) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm

    styles = doc.styles
    # Document defaults: every run without a style of its own is Times New Roman, Vietnamese.
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, lay.font)
    set_size(rpr, lay.size("body"))
    set_lang(rpr)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr):
        ppr.remove(child)
    # The template's other styles (Heading 3, Quote …) name theme fonts (Cambria, Calibri); a secretary who
    # picks one in Word must still get Times New Roman.
    for fonts in styles.element.iter(qn("w:rFonts")):
        set_fonts(fonts.getparent(), lay.font)

    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    left = WD_ALIGN_PARAGRAPH.LEFT
    body_align = justify if lay.justify else left
    indent = lay.first_line_indent_mm
    spacing = {"line": lay.line_spacing_pt, "before": lay.space_before_pt, "after": lay.space_after_pt}
    compact = {"line": None, "before": 0.0, "after": 0.0}

    def define(name: str, base: str | None, size: float, **kw: Any) -> None:
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        reset_style(style.element)
        if base is not None:
            style.base_style = styles[base]
        style.quick_style = True
        format_style(style, lay.font, size, **kw)

    define(STYLE_BODY, None, lay.size("body"), align=body_align, first_indent=indent, **spacing)
    define(STYLE_DOC_TYPE, STYLE_BODY, lay.size("doc_type"), bold=True, align=center, first_indent=0,
           line=None, before=12.0, after=0.0, keep_next=True)  # fmt: skip
    define(STYLE_SUBJECT, STYLE_BODY, lay.size("subject"), bold=True, align=center, first_indent=0,
           line=None, before=0.0, after=0.0, keep_next=True)  # fmt: skip
    define(STYLE_HEADING, STYLE_BODY, lay.size("heading"), bold=True, align=body_align, first_indent=indent,
           keep_next=True, outline=0, **spacing)  # fmt: skip
    define(STYLE_SUBHEADING, STYLE_BODY, lay.size("heading"), bold=True, align=body_align, first_indent=indent,
           keep_next=True, outline=1, **spacing)  # fmt: skip
    define(STYLE_LETTERHEAD, STYLE_BODY, lay.size("upper_body"), align=center, first_indent=0, **compact)
    define(STYLE_CENTERED, STYLE_BODY, lay.size("body"), align=center, first_indent=0, **spacing)
    define(STYLE_TABLE, STYLE_BODY, lay.size("table"), align=left, first_indent=0, line=None, before=1.0, after=1.0)
    define(STYLE_TABLE_HEAD, STYLE_TABLE, lay.size("table"), bold=True, align=center, first_indent=0,
           line=None, before=1.0, after=1.0)  # fmt: skip
    define(STYLE_SIGNATURE, STYLE_BODY, lay.size("signer"), align=center, first_indent=0, **compact)
    define(STYLE_RECIPIENTS, STYLE_BODY, lay.size("recipients"), align=left, first_indent=0, **compact)
    define(STYLE_FILL, STYLE_BODY, lay.size("body"), align=left, first_indent=0, **spacing)
    styles[STYLE_FILL].paragraph_format.tab_stops.add_tab_stop(
        Mm(lay.text_width_mm), tab_align("right"), tab_leader("dots")
    )
    for name in ("Header", "Footer"):
        define(name, STYLE_BODY, lay.size("page_number"), align=center, first_indent=0, **compact)
        tabs = styles[name].paragraph_format.tab_stops
        tabs.add_tab_stop(Mm(lay.text_width_mm / 2), tab_align("center"))
        tabs.add_tab_stop(Mm(lay.text_width_mm), tab_align("right"))


#: Relationship types of the stock template's parts that no Party document needs: Word 2010's duplicate
#: style sheet (438 KB), the template's thumbnail picture and its custom XML.
_DROPPED_PARTS = ("stylesWithEffects", "thumbnail", "customXml")


def _prune(doc: Any, used: set[str]) -> None:
    """Keep only the styles the documents use (and what they are based on or linked to), and drop unneeded
    parts. The stock style sheet is 354 KB of table styles: parsing and re-saving it cost more than the
    minutes themselves. Word's built-in styles stay available through its latent style list."""
    from docx.oxml.ns import qn

    root = doc.styles.element
    by_id = {el.get(qn("w:styleId")): el for el in root.iterchildren(qn("w:style"))}
    keep: set[str] = set()
    todo = [*used, "DefaultParagraphFont", "TableNormal", "NoList"]
    while todo:
        sid = todo.pop()
        if sid in keep or sid not in by_id:
            continue
        keep.add(sid)
        for ref in ("w:basedOn", "w:link", "w:next"):
            el = by_id[sid].find(qn(ref))
            if el is not None:
                todo.append(el.get(qn("w:val")))
    for sid, el in by_id.items():
        if sid not in keep:
            root.remove(el)
        else:
            for color in el.iter(qn("w:color")):  # the template's blue heading colours: documents are black
                color.getparent().remove(color)
    for owner in (doc.part, doc.part.package):
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in _DROPPED_PARTS:
                del owner.rels[r_id]

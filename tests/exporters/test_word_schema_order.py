"""Property elements in schema order: Word calls a file "unreadable" when, say, w:tblLayout precedes w:tblW.

LibreOffice is lenient, so rendering alone would not catch it; this checks every part of every kind of document.
"""

from __future__ import annotations

import pytest
from lxml import etree

from app.domain import periods
from exporters.minutes_docx import render_minutes
from exporters.report_docx import render_report
from exporters.resolution_docx import render_resolution
from tests.exporters import samples
from tests.exporters.docx_read import xml_parts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# ECMA-376 Part 1 sequences (transitional), for the property elements the writers touch.
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
    "lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
    "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
}
SEQUENCES = {tag: {name: i for i, name in enumerate(seq.split())} for tag, seq in ORDER.items()}
# headerReference and footerReference form one choice group at the start of sectPr.
SEQUENCES["sectPr"]["footerReference"] = SEQUENCES["sectPr"]["headerReference"]


def _documents(demo) -> dict[str, bytes]:
    lay = samples.layout()
    out = {}
    for name, meeting in (("regular", samples.regular()), ("thematic", samples.thematic()),
                          ("combined", samples.combined())):  # fmt: skip
        out[f"minutes-{name}"] = render_minutes(meeting, samples.summary(meeting), samples.PROFILE, lay)
    m = samples.regular()
    out["resolution"] = render_resolution(m, samples.summary(m), samples.PROFILE, lay, signer_name="A")
    out["report"] = render_report(demo.reports.period_report(periods.year(2026)), lay, number="01")
    return out


def _violations(xml: str) -> list[str]:
    root = etree.fromstring(xml.encode("utf-8"))
    problems = []
    for tag, seq in SEQUENCES.items():
        for el in root.iter(f"{W}{tag}"):
            last = -1
            for child in el:
                if not isinstance(child.tag, str) or not child.tag.startswith(W):
                    continue
                name = child.tag[len(W) :]
                if name not in seq:
                    problems.append(f"{tag} has unexpected child {name}")
                    continue
                if seq[name] < last:
                    problems.append(f"{tag}: {name} after {[c.tag[len(W) :] for c in el]}")
                last = max(last, seq[name])
    return problems


def test_the_checker_catches_a_misordered_element() -> None:
    bad = f'<w:tbl xmlns:w="{W[1:-1]}"><w:tblPr><w:tblLayout/><w:tblW/></w:tblPr></w:tbl>'
    assert _violations(bad)


@pytest.mark.parametrize("part_prefix", ["word/document", "word/styles", "word/header", "word/footer"])
def test_every_property_element_is_in_schema_order(demo, part_prefix: str) -> None:
    for kind, data in _documents(demo).items():
        for name, xml in xml_parts(data).items():
            if name.startswith(part_prefix):
                problems = _violations(xml)
                assert not problems, f"{kind} {name}: {problems[:5]}"

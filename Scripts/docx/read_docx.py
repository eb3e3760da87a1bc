#!/usr/bin/env python3
"""Reads a .docx with python-docx (an independent reader) and prints what the tests check, as JSON:
the body's paragraphs with their style names, every table's cell texts, the number of pictures,
the sections' page size and margins (mm) and the footer's field codes."""
import json
import sys

import docx
from docx.oxml.ns import qn

document = docx.Document(sys.argv[1])
paragraphs = [{"style": p.style.name, "text": p.text} for p in document.paragraphs]
tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
header_rows = [
    sum(1 for row in table.rows if row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None)
    for table in document.tables
]
sections = [
    {
        "width": round(s.page_width.mm, 1),
        "height": round(s.page_height.mm, 1),
        "margins": [round(m.mm, 1) for m in (s.top_margin, s.right_margin, s.bottom_margin, s.left_margin)],
        "footer": "".join(t.text for t in s.footer._element.iter(qn("w:instrText"))),
        "footerText": "\n".join(p.text for p in s.footer.paragraphs),
    }
    for s in document.sections
]
body = document.element.body
outline = {
    s.name: (s.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) if s.element.pPr is not None
             and s.element.pPr.find(qn("w:outlineLvl")) is not None else None)
    for s in document.styles if s.type == docx.enum.style.WD_STYLE_TYPE.PARAGRAPH
}
print(json.dumps({
    "paragraphs": paragraphs,
    "tables": tables,
    "headerRows": header_rows,
    "pictures": len(document.inline_shapes),
    "pageBreaks": len(body.findall(".//" + qn("w:br") + "[@" + qn("w:type") + "='page']")),
    "toc": any("TOC" in (t.text or "") for t in body.iter(qn("w:instrText"))),
    "sections": sections,
    "outline": outline,
}, ensure_ascii=False))

"""Reads a .docx with python-docx (an independent reader) and prints what the tests check, as JSON.

Usage: docx_facts.py FILE.docx

Fonts, sizes and spacing are resolved as Word resolves them: the paragraph's own properties, then
its style's, then the styles it is based on, then the document defaults.
"""

import json
import sys

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def defaults(document):
    styles = document.styles.element
    return styles.find(qn("w:docDefaults"))


def first(elements):
    for e in elements:
        if e is not None:
            return e
    return None


def resolved(document, paragraph, path, attribute):
    """The first value of `attribute` on the element at `path` (rPr or pPr children) along the
    paragraph, its style chain and the document defaults."""
    candidates = []
    kind, child = path
    own = paragraph._p.pPr
    if kind == "pPr" and own is not None:
        candidates.append(own.find(qn(child)))
    for style in style_chain(paragraph.style):
        holder = style.element.find(qn("w:" + kind))
        if holder is not None:
            candidates.append(holder.find(qn(child)))
    dd = defaults(document)
    if dd is not None:
        holder = dd.find(".//" + qn("w:" + kind))
        if holder is not None:
            candidates.append(holder.find(qn(child)))
    for element in candidates:
        if element is not None and element.get(qn(attribute)) is not None:
            return element.get(qn(attribute))
    return None


def bold(paragraph):
    for style in style_chain(paragraph.style):
        rpr = style.element.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:b")) is not None:
            return True
    return False


def paragraph_facts(document, p):
    size = resolved(document, p, ("rPr", "w:sz"), "w:val")
    line = resolved(document, p, ("pPr", "w:spacing"), "w:line")
    indent = resolved(document, p, ("pPr", "w:ind"), "w:firstLine")
    runs = []
    for r in p.runs:
        rpr = r._r.rPr
        runs.append({
            "text": r.text,
            "underline": bool(rpr is not None and rpr.find(qn("w:u")) is not None),
            "east_asia": (rpr.rFonts.get(qn("w:eastAsia"))
                          if rpr is not None and rpr.rFonts is not None else None),
        })
    ppr = p._p.pPr
    return {
        "text": p.text,
        "style": p.style.name if p.style is not None else None,
        "east_asia": resolved(document, p, ("rPr", "w:rFonts"), "w:eastAsia"),
        "ascii": resolved(document, p, ("rPr", "w:rFonts"), "w:ascii"),
        "size_pt": int(size) / 2 if size else None,
        "bold": bold(p),
        "line_pt": int(line) / 20 if line else None,
        "line_rule": resolved(document, p, ("pPr", "w:spacing"), "w:lineRule"),
        "first_line_pt": int(indent) / 20 if indent else 0,
        "align": resolved(document, p, ("pPr", "w:jc"), "w:val"),
        "page_break_before": (
            resolved(document, p, ("pPr", "w:pageBreakBefore"), "w:val") is not None
            or any(s.element.find(qn("w:pPr")) is not None
                   and s.element.find(qn("w:pPr")).find(qn("w:pageBreakBefore")) is not None
                   for s in style_chain(p.style))
            or (ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None)),
        "runs": runs,
    }


def footer_facts(footer):
    xml = footer._element.xml
    p = footer.paragraphs[0] if footer.paragraphs else None
    instr = [e.text for e in footer._element.iter(qn("w:instrText"))]
    simple = [e.get(qn("w:instr")) for e in footer._element.iter(qn("w:fldSimple"))]
    return {
        "text": footer.paragraphs[0].text if footer.paragraphs else "",
        "fields": [i.strip() for i in instr + simple if i],
        "align": (p._p.pPr.find(qn("w:jc")).get(qn("w:val"))
                  if p is not None and p._p.pPr is not None and p._p.pPr.find(qn("w:jc")) is not None
                  else None),
        "east_asia": (footer.paragraphs[0].style.font.element.rPr.rFonts.get(qn("w:eastAsia"))
                      if p is not None and p.style is not None
                      and p.style.element.rPr is not None
                      and p.style.element.rPr.rFonts is not None else None),
        "size_pt": (p.style.font.size.pt if p is not None and p.style is not None
                    and p.style.font.size is not None else None),
        "has_fldchar": "fldChar" in xml,
    }


def table_facts(table):
    rows = []
    for row in table.rows:
        tr_pr = row._tr.trPr
        cells = []
        for tc in row._tr.tc_lst:
            tc_pr = tc.tcPr
            shd = tc_pr.find(qn("w:shd")) if tc_pr is not None else None
            cells.append({
                "text": "\n".join(Paragraph(p, table).text for p in tc.iter(qn("w:p"))),
                "shaded": shd is not None and shd.get(qn("w:fill")) not in (None, "auto", "FFFFFF"),
                "span": tc.grid_span,
            })
        rows.append({
            "repeats": tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None,
            "cells": cells,
        })
    return {"rows": rows}


def main():
    document = docx.Document(sys.argv[1])
    section = document.sections[0]
    facts = {
        "paragraphs": [paragraph_facts(document, p) for p in document.paragraphs],
        "page": {
            "width_mm": round(section.page_width.mm, 1),
            "height_mm": round(section.page_height.mm, 1),
            "top_mm": round(section.top_margin.mm, 1),
            "bottom_mm": round(section.bottom_margin.mm, 1),
            "left_mm": round(section.left_margin.mm, 1),
            "right_mm": round(section.right_margin.mm, 1),
        },
        "odd_and_even": document.settings.odd_and_even_pages_header_footer,
        "footer": footer_facts(section.footer),
        "even_footer": footer_facts(section.even_page_footer),
        "tables": [table_facts(t) for t in document.tables],
        "title": document.core_properties.title,
    }
    json.dump(facts, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

//! The report as a Word document (`.docx`) laid out after GB/T 9704-2012 《党政机关公文格式》:
//! A4, margins 37/35/28/26 mm; the title in 方正小标宋简体 二号; body 仿宋_GB2312 三号 with fixed
//! 28 pt lines and a two-character first-line indent; 一、 in 黑体, （一） in 楷体_GB2312, 1、 in
//! 仿宋 bold; "— 1 —" page numbers in 宋体 四号 on the outside edge (right on odd pages, left on
//! even); the 落款; the 自评表 as a Word table on a page of its own, header cells shaded, its first
//! row repeated on every page. Fonts a machine lacks fall back (the font table names 仿宋, 楷体,
//! 宋体 as their alternates).
//!
//! The content is [`super::document`]'s, the same as the HTML export's. The package is the few
//! WordprocessingML parts this needs, written here and zipped with the `zip` crate; every entry
//! carries the same fixed time, so two exports of one draft are the same bytes.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::document::{compose, Block, Cell, Level, Run, ScoreTable};
use crate::model::Draft;
use crate::text::is_direction_control;

/// Why no document was written (in practice never: the package is written into memory).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("无法生成 Word 文档：{0}")]
pub struct DocxError(String);

/// A4 and the margins of GB/T 9704, in twentieths of a point (1 mm = 56.69 twips).
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN_TOP: u32 = 2098; // 37 mm
const MARGIN_BOTTOM: u32 = 1984; // 35 mm
const MARGIN_LEFT: u32 = 1587; // 28 mm
const MARGIN_RIGHT: u32 = 1474; // 26 mm
/// The footer's distance from the page's foot: the page number's line stands about 7 mm below
/// the text (35 mm − 7 mm − the 四号 line, about 5 mm = 23 mm).
const FOOTER_DISTANCE: u32 = 1304;
const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/// Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt.
const SIZE_TITLE: u32 = 44;
const SIZE_BODY: u32 = 32;
const SIZE_PAGE_NUMBER: u32 = 28;
const SIZE_TABLE: u32 = 21;
/// The body's fixed line spacing, 28 pt, in twips; the title's, 36 pt.
const LINE_BODY: u32 = 560;
const LINE_TITLE: u32 = 720;

/// The fonts, each with the alternate Word uses where it is missing.
const FONT_TITLE: &str = "方正小标宋简体";
const FONT_BODY: &str = "仿宋_GB2312";
const FONT_SECTION: &str = "黑体";
const FONT_PART: &str = "楷体_GB2312";
const FONT_PAGE_NUMBER: &str = "宋体";
const FONTS: [(&str, &str); 5] = [
    (FONT_TITLE, "宋体"),
    (FONT_BODY, "仿宋"),
    (FONT_PART, "楷体"),
    (FONT_SECTION, "SimHei"),
    (FONT_PAGE_NUMBER, "SimSun"),
];

/// A title longer than this many characters (about one line of 二号 on A4) is set on two lines,
/// broken between the unit and the rest.
const TITLE_LINE_CHARS: usize = 20;

const MAIN_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Renders the report as a `.docx`. This is what the app downloads and `selfeval export --docx`
/// writes.
pub fn render_docx(draft: &Draft) -> Result<Vec<u8>, DocxError> {
    let report = compose(draft);
    let title = report.title.concat();
    let parts: [(&str, String); 11] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_properties(&title)),
        ("docProps/app.xml", app_properties()),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/document.xml", document(&report)),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings()),
        ("word/fontTable.xml", font_table()),
        ("word/footer1.xml", footer("right")),
        ("word/footer2.xml", footer("left")),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let failed = |e: &dyn std::fmt::Display| DocxError(e.to_string());
    for (name, xml) in parts {
        zip.start_file(name, options).map_err(|e| failed(&e))?;
        zip.write_all(xml.as_bytes()).map_err(|e| failed(&e))?;
    }
    let cursor = zip.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}

fn content_types() -> String {
    let mut x = String::from(XML_HEAD);
    x.push_str("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
    x.push_str("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
    x.push_str("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    for (part, kind) in [
        ("/word/document.xml", "document.main"),
        ("/word/styles.xml", "styles"),
        ("/word/settings.xml", "settings"),
        ("/word/fontTable.xml", "fontTable"),
        ("/word/footer1.xml", "footer"),
        ("/word/footer2.xml", "footer"),
    ] {
        let _ = write!(
            x,
            "<Override PartName=\"{part}\" ContentType=\"{wml}.{kind}+xml\"/>"
        );
    }
    x.push_str("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>");
    x.push_str("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>");
    x.push_str("</Types>");
    x
}

fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut x = String::from(XML_HEAD);
    x.push_str(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (id, kind, target) in rels {
        let _ = write!(
            x,
            "<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{target}\"/>"
        );
    }
    x.push_str("</Relationships>");
    x
}

fn package_rels() -> String {
    relationships(&[
        ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"),
    ])
}

/// The footers' relationship ids, used by the section properties.
const FOOTER_ODD: &str = "rId4";
const FOOTER_EVEN: &str = "rId5";

fn document_rels() -> String {
    let rel = |kind: &str| format!("{REL_NS}/{kind}");
    relationships(&[
        ("rId1", &rel("styles"), "styles.xml"),
        ("rId2", &rel("settings"), "settings.xml"),
        ("rId3", &rel("fontTable"), "fontTable.xml"),
        (FOOTER_ODD, &rel("footer"), "footer1.xml"),
        (FOOTER_EVEN, &rel("footer"), "footer2.xml"),
    ])
}

fn core_properties(title: &str) -> String {
    let mut x = String::from(XML_HEAD);
    x.push_str("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>");
    escape_into(&mut x, title);
    x.push_str("</dc:title><dc:creator>selfeval</dc:creator></cp:coreProperties>");
    x
}

fn app_properties() -> String {
    format!("{XML_HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>selfeval</Application></Properties>")
}

/// `w:rFonts` naming one font for every script.
fn fonts(font: &str) -> String {
    format!(
        "<w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\" w:eastAsia=\"{font}\" w:cs=\"{font}\"/>"
    )
}

fn styles() -> String {
    let mut x = String::from(XML_HEAD);
    let _ = write!(x, "<w:styles xmlns:w=\"{MAIN_NS}\">");
    // The body: 仿宋 三号, fixed 28 pt lines, justified, two characters' first-line indent.
    let _ = write!(
        x,
        "<w:docDefaults><w:rPrDefault><w:rPr>{}<w:sz w:val=\"{SIZE_BODY}\"/><w:szCs w:val=\"{SIZE_BODY}\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LINE_BODY}\" w:lineRule=\"exact\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        fonts(FONT_BODY)
    );
    let indent = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>";
    let style = |x: &mut String, id: &str, name: &str, ppr: &str, rpr: &str| {
        let default = if id == "Normal" {
            " w:default=\"1\""
        } else {
            ""
        };
        let _ = write!(
            x,
            "<w:style w:type=\"paragraph\"{default} w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>"
        );
        if id != "Normal" {
            x.push_str("<w:basedOn w:val=\"Normal\"/><w:qFormat/>");
        } else {
            x.push_str("<w:qFormat/>");
        }
        let _ = write!(x, "<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>");
    };
    style(
        &mut x,
        "Normal",
        "Normal",
        &format!("<w:widowControl/>{indent}<w:jc w:val=\"both\"/>"),
        "",
    );
    style(
        &mut x,
        "Title",
        "Title",
        &format!("<w:keepNext/><w:spacing w:after=\"{LINE_BODY}\" w:line=\"{LINE_TITLE}\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>"),
        &format!("{}<w:sz w:val=\"{SIZE_TITLE}\"/><w:szCs w:val=\"{SIZE_TITLE}\"/>", fonts(FONT_TITLE)),
    );
    for (level, font, bold) in [
        (Level::Section, FONT_SECTION, false),
        (Level::Part, FONT_PART, false),
        (Level::Item, FONT_BODY, true),
    ] {
        let n = heading_number(level);
        style(
            &mut x,
            &format!("Heading{n}"),
            &format!("heading {n}"),
            &format!("<w:keepNext/><w:outlineLvl w:val=\"{}\"/>", n - 1),
            &format!(
                "{}{}",
                fonts(font),
                if bold { "<w:b/><w:bCs/>" } else { "" }
            ),
        );
    }
    style(
        &mut x,
        "Signature",
        "Signature",
        "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" w:rightChars=\"400\" w:right=\"1280\"/><w:jc w:val=\"right\"/>",
        "",
    );
    style(
        &mut x,
        "Attachment",
        "Attachment Title",
        &format!("<w:pageBreakBefore/><w:keepNext/><w:spacing w:after=\"{}\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", LINE_BODY / 2),
        &fonts(FONT_SECTION),
    );
    style(
        &mut x,
        "TableText",
        "Table Text",
        "<w:widowControl/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
        &format!("<w:sz w:val=\"{SIZE_TABLE}\"/><w:szCs w:val=\"{SIZE_TABLE}\"/>"),
    );
    style(
        &mut x,
        "Footer",
        "footer",
        "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>",
        &format!("{}<w:sz w:val=\"{SIZE_PAGE_NUMBER}\"/><w:szCs w:val=\"{SIZE_PAGE_NUMBER}\"/>", fonts(FONT_PAGE_NUMBER)),
    );
    x.push_str("</w:styles>");
    x
}

/// `Heading1`…`Heading3`: Word's own heading styles, so the navigation pane shows the outline.
fn heading_number(level: Level) -> u8 {
    match level {
        Level::Section => 1,
        Level::Part => 2,
        Level::Item => 3,
    }
}

/// Odd and even pages get their own footers (the page number on the outside edge).
fn settings() -> String {
    format!("{XML_HEAD}<w:settings xmlns:w=\"{MAIN_NS}\"><w:evenAndOddHeaders/><w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>")
}

fn font_table() -> String {
    let mut x = String::from(XML_HEAD);
    let _ = write!(x, "<w:fonts xmlns:w=\"{MAIN_NS}\">");
    for (font, alternate) in FONTS {
        let _ = write!(
            x,
            "<w:font w:name=\"{font}\"><w:altName w:val=\"{alternate}\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/></w:font>"
        );
    }
    x.push_str("</w:fonts>");
    x
}

/// "— 1 —": the page number as a field, one character in from the outside edge.
fn footer(side: &str) -> String {
    let mut x = String::from(XML_HEAD);
    let _ = write!(
        x,
        "<w:ftr xmlns:w=\"{MAIN_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:ind w:{side}Chars=\"100\" w:{side}=\"280\"/><w:jc w:val=\"{side}\"/></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">— </w:t></w:r>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
         <w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
    );
    x
}

fn document(report: &super::document::Report) -> String {
    let mut x = String::from(XML_HEAD);
    let _ = write!(
        x,
        "<w:document xmlns:w=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><w:body>"
    );
    // The title, on two lines (unit, then the rest) when it does not fit on one.
    x.push_str("<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>");
    let long = report.title.concat().chars().count() > TITLE_LINE_CHARS;
    for (i, part) in report.title.iter().enumerate() {
        if i > 0 && long {
            x.push_str("<w:r><w:br/></w:r>");
        }
        run(&mut x, "", part);
    }
    x.push_str("</w:p>");
    for block in &report.body {
        match block {
            Block::Heading(level, text) => {
                let _ = write!(
                    x,
                    "<w:p><w:pPr><w:pStyle w:val=\"Heading{}\"/></w:pPr>",
                    heading_number(*level)
                );
                run(&mut x, "", text);
                x.push_str("</w:p>");
            }
            Block::Paragraph(runs) => {
                x.push_str("<w:p>");
                for r in runs {
                    match r {
                        Run::Text(text) => run(&mut x, "", text),
                        // A line to fill in: three full-width spaces, underlined.
                        Run::Blank => run(
                            &mut x,
                            "<w:u w:val=\"single\"/>",
                            "\u{3000}\u{3000}\u{3000}",
                        ),
                    }
                }
                x.push_str("</w:p>");
            }
            Block::Signature { text, date } => {
                // One blank line before the unit's name.
                let space = if *date {
                    String::new()
                } else {
                    format!("<w:spacing w:before=\"{LINE_BODY}\"/>")
                };
                let _ = write!(
                    x,
                    "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/>{space}</w:pPr>"
                );
                run(&mut x, "", text);
                x.push_str("</w:p>");
            }
        }
    }
    if let Some(table) = &report.scorecard {
        scorecard(&mut x, table);
    }
    let _ = write!(
        x,
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"{FOOTER_ODD}\"/><w:footerReference w:type=\"even\" r:id=\"{FOOTER_EVEN}\"/>\
         <w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/>\
         <w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" w:header=\"851\" w:footer=\"{FOOTER_DISTANCE}\" w:gutter=\"0\"/>\
         </w:sectPr></w:body></w:document>"
    );
    x
}

/// The 自评表 on a new page: a ruled table of fixed column widths, header cells shaded in 黑体,
/// the repeating rows marked as the table's header.
fn scorecard(x: &mut String, table: &ScoreTable) {
    x.push_str("<w:p><w:pPr><w:pStyle w:val=\"Attachment\"/></w:pPr>");
    run(x, "", &table.title);
    x.push_str("</w:p>");
    let widths: Vec<u32> = table
        .widths
        .iter()
        .map(|&w| TEXT_WIDTH * u32::from(w) / 100)
        .collect();
    x.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/><w:tblBorders>");
    for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            x,
            "<w:{edge} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        );
    }
    x.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for w in &widths {
        let _ = write!(x, "<w:gridCol w:w=\"{w}\"/>");
    }
    x.push_str("</w:tblGrid>");
    // Cells merged down from a row above: (first column, columns spanned, rows still to cover).
    let mut merged: Vec<(usize, usize, u8)> = Vec::new();
    let mut heading_rows = true;
    for row in &table.rows {
        heading_rows &= row.repeats;
        x.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if heading_rows {
            x.push_str("<w:tblHeader/>");
        }
        x.push_str("</w:trPr>");
        let mut cells = row.cells.iter();
        let mut column = 0;
        while column < widths.len() {
            if let Some(m) = merged.iter_mut().find(|m| m.0 == column && m.2 > 0) {
                m.2 -= 1;
                let span = m.1;
                cell_xml(x, &widths, column, span, "<w:vMerge/>", None);
                column += span;
                continue;
            }
            let Some(cell) = cells.next() else { break };
            let span = usize::from(cell.colspan.max(1));
            let vmerge = if cell.rowspan > 1 {
                merged.push((column, span, cell.rowspan - 1));
                "<w:vMerge w:val=\"restart\"/>"
            } else {
                ""
            };
            cell_xml(x, &widths, column, span, vmerge, Some(cell));
            column += span;
        }
        merged.retain(|m| m.2 > 0);
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
}

/// One cell at `column`, `span` columns wide; `None` continues a cell merged from above.
fn cell_xml(
    x: &mut String,
    widths: &[u32],
    column: usize,
    span: usize,
    vmerge: &str,
    cell: Option<&Cell>,
) {
    let width: u32 = widths.iter().skip(column).take(span).sum();
    let _ = write!(x, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
    if span > 1 {
        let _ = write!(x, "<w:gridSpan w:val=\"{span}\"/>");
    }
    x.push_str(vmerge);
    let header = cell.is_some_and(|c| c.header);
    if header {
        x.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>");
    }
    x.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
    // As in the HTML export: a long text cell (wider than two columns) reads from the left.
    let left = !header && span > 2;
    let _ = write!(
        x,
        "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>{}</w:pPr>",
        if left { "<w:jc w:val=\"left\"/>" } else { "" }
    );
    if let Some(cell) = cell {
        let rpr = if header {
            fonts(FONT_SECTION)
        } else {
            String::new()
        };
        run(x, &rpr, &cell.text);
    }
    x.push_str("</w:p></w:tc>");
}

/// A run of text: tabs as `w:tab`, line breaks as `w:br`, the rest escaped.
fn run(x: &mut String, rpr: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    x.push_str("<w:r>");
    if !rpr.is_empty() {
        let _ = write!(x, "<w:rPr>{rpr}</w:rPr>");
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            x.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                x.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                x.push_str("<w:t xml:space=\"preserve\">");
                escape_into(x, piece);
                x.push_str("</w:t>");
            }
        }
    }
    x.push_str("</w:r>");
}

/// Escapes text for XML. What XML 1.0 cannot hold (control characters) and what would reorder
/// the text (direction controls) is shown as `<U+0001>`, as the HTML export shows the latter:
/// nothing typed is dropped.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => {}
            c if (c.is_control() && c != '\t' && c != '\n')
                || is_direction_control(c)
                || c == '\u{FFFE}'
                || c == '\u{FFFF}' =>
            {
                escape_into(out, &crate::text::code_point(c));
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_xml_cannot_hold_is_shown_not_dropped() {
        let mut out = String::new();
        escape_into(&mut out, "a<b>&\"\u{1}\u{202E}\r\u{FFFF}c");
        assert_eq!(
            out,
            "a&lt;b&gt;&amp;&quot;&lt;U+0001&gt;&lt;U+202E&gt;&lt;U+FFFF&gt;c"
        );
    }

    #[test]
    fn merged_cells_fill_every_grid_column() {
        let report = compose(&crate::sample::sample_draft());
        let table = report.scorecard.expect("started");
        let mut x = String::new();
        scorecard(&mut x, &table);
        // Every row covers the eight columns: count the grid columns each row's cells span.
        for row in x.split("<w:tr>").skip(1) {
            let spans: usize = row
                .split("<w:tc>")
                .skip(1)
                .map(|c| {
                    c.split("<w:gridSpan w:val=\"")
                        .nth(1)
                        .and_then(|s| s.split('"').next())
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(1)
                })
                .sum();
            assert_eq!(spans, 8, "{row}");
        }
        assert_eq!(x.matches("<w:vMerge w:val=\"restart\"/>").count(), 1);
        assert_eq!(x.matches("<w:vMerge/>").count(), 1);
        assert_eq!(x.matches("<w:tblHeader/>").count(), 1);
    }
}

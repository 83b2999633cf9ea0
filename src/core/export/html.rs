//! The report as one self-contained HTML document laid out as the official document: no script,
//! no network, inline CSS with A4 print styles and the fonts of GB/T 9704 (小标宋 title, 黑体,
//! 楷体 and 仿宋 headings and body) with fallbacks.
//!
//! The wording is [`super::document`]'s, shared with the Word export. Every text is escaped.

use std::fmt::Write;

use super::document::{compose, Block, Level, Run, ScoreTable};
use crate::model::Draft;

const STYLE: &str = include_str!("report.css");

/// Scripts, frames, forms, network: nothing but inline styles is allowed in the document.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// Renders the report. This is exactly what the app downloads and `selfeval export --html` writes.
pub fn render_html(draft: &Draft) -> String {
    let mut doc = Doc::default();
    let title = draft.title();
    doc.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    doc.raw(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n"
    ));
    doc.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    doc.raw("<meta name=\"generator\" content=\"selfeval\">\n<title>");
    doc.text(&title);
    doc.raw("</title>\n<style>\n");
    doc.raw(STYLE);
    doc.raw("</style>\n</head>\n<body>\n");
    article(&mut doc, draft);
    doc.raw("</body>\n</html>\n");
    doc.out
}

/// What the app puts on its page just before the browser prints it: the report,
/// `<article class="report">` as in the document, with the document's style sheet for print
/// only, so that printing from the form gives the same pages as the downloaded document.
pub fn render_print(draft: &Draft) -> String {
    let mut doc = Doc::default();
    doc.raw("<style media=\"print\">");
    doc.raw(STYLE);
    doc.raw("</style>");
    article(&mut doc, draft);
    doc.out
}

/// What the app prints in place of the report when it cannot print it: `message`, large, on
/// the page.
pub fn print_note(message: &str) -> String {
    let mut doc = Doc::default();
    doc.raw("<p class=\"print-note\">");
    doc.text(message);
    doc.raw("</p>");
    doc.out
}

fn article(doc: &mut Doc, draft: &Draft) {
    let report = compose(draft);
    doc.raw("<article class=\"report\">\n<h1>");
    // Each part on a line of its own when the title does not fit on one.
    for part in &report.title {
        doc.raw("<span class=\"title-part\">");
        doc.text(part);
        doc.raw("</span>");
    }
    doc.raw("</h1>\n");
    for block in &report.body {
        match block {
            Block::Heading(level, text) => {
                let tag = match level {
                    Level::Section => "h2",
                    Level::Part => "h3",
                    Level::Item => "h4",
                };
                let _ = write!(doc.out, "<{tag}>");
                doc.text(text);
                let _ = writeln!(doc.out, "</{tag}>");
            }
            Block::Paragraph(runs) => {
                doc.raw("<p>");
                for run in runs {
                    match run {
                        Run::Text(text) => doc.text(text),
                        Run::Blank => doc.raw(BLANK),
                    }
                }
                doc.raw("</p>\n");
            }
            Block::Signature { text, date } => {
                doc.raw(if *date {
                    "<p class=\"signature date\">"
                } else {
                    "<p class=\"signature\">"
                });
                doc.text(text);
                doc.raw("</p>\n");
            }
        }
    }
    if let Some(table) = &report.scorecard {
        scorecard(doc, table);
    }
    doc.raw("</article>\n");
}

/// A value the draft leaves blank: a line to fill in.
const BLANK: &str = "<span class=\"blank\">\u{3000}\u{3000}\u{3000}</span>";

/// The 自评表 on a page of its own after the report, its columns sized as composed.
fn scorecard(doc: &mut Doc, table: &ScoreTable) {
    doc.raw("<section class=\"scorecard\">\n<h2 class=\"attachment\">");
    doc.text(&table.title);
    doc.raw("</h2>\n<table>\n<colgroup>");
    for width in table.widths {
        let _ = write!(doc.out, "<col style=\"width:{width}%\">");
    }
    doc.raw("</colgroup>\n");
    for row in &table.rows {
        doc.raw("<tr>");
        for cell in &row.cells {
            let tag = if cell.header { "th" } else { "td" };
            let _ = write!(doc.out, "<{tag}");
            if cell.colspan > 1 {
                let _ = write!(doc.out, " colspan=\"{}\"", cell.colspan);
            }
            if cell.rowspan > 1 {
                let _ = write!(doc.out, " rowspan=\"{}\"", cell.rowspan);
            }
            doc.raw(">");
            doc.text(&cell.text);
            let _ = write!(doc.out, "</{tag}>");
        }
        doc.raw("</tr>\n");
    }
    doc.raw("</table>\n</section>\n");
}

/// The HTML being written. [`Doc::text`] escapes.
#[derive(Default)]
struct Doc {
    out: String,
}

impl Doc {
    fn raw(&mut self, html: &str) {
        self.out.push_str(html);
    }

    fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }
}

/// Escapes text for HTML element content and attribute values; direction controls are shown as
/// `<U+202E>` rather than obeyed (see `text::show_direction_controls`).
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in crate::text::show_direction_controls(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

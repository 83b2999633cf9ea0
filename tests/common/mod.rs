//! Helpers the integration tests share: the text of an exported report as a page shows it, and
//! a .docx made with the zip crate (an independent writer of the package, not the reader's code).
#![allow(dead_code)] // each test file uses some of them

use std::io::{Cursor, Write};

/// White space removed and brackets made full-width, as the spec compares a report's sentences.
pub fn normalized(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect()
}

/// The visible text of an HTML document: tags dropped, entities decoded.
pub fn visible_text(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of an HTML export as a browser copies it from the page: one line per heading,
/// paragraph and table row, a tab after each cell.
pub fn copied_text(html: &str) -> String {
    let mut marked = html.to_owned();
    for (end, then) in [
        ("</h1>", "\n"),
        ("</h2>", "\n"),
        ("</h3>", "\n"),
        ("</h4>", "\n"),
        ("</p>", "\n"),
        ("</tr>", "\n"),
        ("</td>", "\t"),
        ("</th>", "\t"),
    ] {
        marked = marked.replace(end, &format!("{end}{then}"));
    }
    visible_text(&marked)
}

/// A minimal .docx of these paragraphs, made with the zip crate as Word lays one out.
pub fn docx_of(paragraphs: &[&str]) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        // Word splits a paragraph into runs; a tab is an element of its own.
        let (a, b) = p.split_at(
            p.char_indices()
                .nth(p.chars().count() / 2)
                .map_or(0, |(i, _)| i),
        );
        let esc = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        body.push_str(&format!(
            "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r></w:p>",
            esc(a),
            esc(b)
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let mut out = Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", options).unwrap();
        zip.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>").unwrap();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        zip.finish().unwrap();
    }
    out.into_inner()
}

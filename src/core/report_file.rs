//! The text of a report file for [`crate::reader`]: a `.txt` (UTF-8, or UTF-16 with its byte
//! order mark, as Notepad saves "Unicode"), or a Word `.docx` (the paragraphs of
//! `word/document.xml` in its zip, read with the `zip` and `quick-xml` crates). An old binary
//! `.doc` or `.wps`, a PDF, a zip that is not a Word document or a damaged one gets a message
//! saying what to do instead.
//!
//! The `.docx` part is native only for now (the command line): the app's first load does not
//! carry the zip and XML readers until they can be loaded on demand (issue 14), and a Word file
//! chosen in the app gets [`SourceError::WordInBrowser`].

#[cfg(not(target_arch = "wasm32"))]
use std::io::{Cursor, Read};

#[cfg(not(target_arch = "wasm32"))]
use quick_xml::events::Event;

use crate::draft_file::FileKind;

/// Larger files are refused before they are read.
pub const MAX_REPORT_BYTES: usize = 20 * 1024 * 1024;
/// `word/document.xml` larger than this (unpacked) is refused: a report is far smaller, a zip
/// bomb is not.
#[cfg(not(target_arch = "wasm32"))]
const MAX_DOCUMENT_XML: u64 = 64 * 1024 * 1024;

/// Why a file gives no report text. The messages are for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    #[error("文件为空")]
    Empty,
    #[error("文件过大（{} MB）：报告文件最大 20 MB", bytes.div_ceil(1024 * 1024))]
    TooLarge { bytes: usize },
    #[error(
        "这是旧版 Word 或 WPS 文件（.doc、.wps），无法直接读取：请在 Word 或 WPS 中“另存为” Word 文档（.docx）后再导入，或打开文件、全选复制正文后粘贴"
    )]
    OldWord,
    #[error("这是{0}，不是报告的文字：请导入 Word 文档（.docx）或文本文件（.txt），或复制报告正文后粘贴")]
    OtherKind(FileKind),
    #[error("Word 文档已损坏或不完整（{0}）：请在 Word 或 WPS 中打开并重新保存为 .docx，或复制报告正文后粘贴")]
    BrokenWord(String),
    #[error(
        "网页版暂不能直接读取 Word 文档：请在 Word 或 WPS 中打开它，全选复制正文后粘贴到上面的框中；或“另存为”纯文本（.txt，UTF-8 编码）后选择那个文件"
    )]
    WordInBrowser,
    #[error("文本文件不是 UTF-8 编码：请用记事本打开，“另存为”时选择 UTF-8 编码后再导入，或复制正文后粘贴")]
    NotUtf8,
}

/// The text of a report file: one line per paragraph.
pub fn report_text(bytes: &[u8]) -> Result<String, SourceError> {
    if bytes.len() > MAX_REPORT_BYTES {
        return Err(SourceError::TooLarge { bytes: bytes.len() });
    }
    if bytes.is_empty() {
        return Err(SourceError::Empty);
    }
    match FileKind::of(bytes) {
        #[cfg(not(target_arch = "wasm32"))]
        Some(FileKind::Word) => return docx_text(bytes),
        #[cfg(target_arch = "wasm32")]
        Some(FileKind::Word) => return Err(SourceError::WordInBrowser),
        Some(FileKind::OldOffice) => return Err(SourceError::OldWord),
        Some(kind) => return Err(SourceError::OtherKind(kind)),
        None => {}
    }
    let text = if let Some(le) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(le, u16::from_le_bytes)?
    } else if let Some(be) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(be, u16::from_be_bytes)?
    } else {
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        std::str::from_utf8(bytes)
            .map_err(|_| SourceError::NotUtf8)?
            .to_owned()
    };
    Ok(text)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, SourceError> {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| SourceError::NotUtf8)
}

/// The paragraphs of a `.docx`, one per line; a tab as a tab, a line break as a new line.
#[cfg(not(target_arch = "wasm32"))]
fn docx_text(bytes: &[u8]) -> Result<String, SourceError> {
    let broken = |what: &str| SourceError::BrokenWord(what.to_owned());
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| broken("不是完整的压缩包"))?;
    let mut part = archive
        .by_name("word/document.xml")
        .map_err(|_| broken("缺少正文 word/document.xml"))?;
    if part.size() > MAX_DOCUMENT_XML {
        return Err(broken("正文过大"));
    }
    let mut xml = Vec::new();
    part.by_ref()
        .take(MAX_DOCUMENT_XML)
        .read_to_end(&mut xml)
        .map_err(|_| broken("正文无法解压"))?;
    paragraphs_of(&xml).map_err(|_| broken("正文不是有效的 XML"))
}

/// The text of WordprocessingML: `w:t` runs, paragraph by paragraph.
#[cfg(not(target_arch = "wasm32"))]
fn paragraphs_of(xml: &[u8]) -> Result<String, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut text = String::new();
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == b"t" => in_text = false,
            Event::End(e) if e.local_name().as_ref() == b"p" => text.push('\n'),
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => text.push('\t'),
                b"br" | b"cr" => text.push('\n'),
                b"p" => text.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => {
                let unescaped = t.unescape()?;
                text.push_str(&unescaped);
            }
            Event::CData(t) if in_text => text.push_str(&String::from_utf8_lossy(&t)),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(text)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx of these paragraphs, made with the zip crate as Word lays one out.
    pub(crate) fn docx_of(paragraphs: &[&str]) -> Vec<u8> {
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

    const SEED_DOCUMENT: &str = include_str!("../../tests/data/seed-2024.txt");

    #[test]
    fn a_docx_of_the_seed_reads_like_its_text() {
        let paragraphs: Vec<&str> = SEED_DOCUMENT.lines().collect();
        let docx = docx_of(&paragraphs);
        let text = report_text(&docx).expect("the .docx reads");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines, paragraphs);
        let reading = crate::reader::read_report(&text);
        assert_eq!(reading.unplaced, []);
        let mut expected = crate::read_draft(crate::sample::SEED_V1_JSON).unwrap();
        expected.meta.extra.clear();
        assert_eq!(reading.draft, expected);
    }

    #[test]
    fn text_files_in_the_encodings_notepad_saves() {
        assert_eq!(
            report_text("一、基本情况\n".as_bytes()).unwrap(),
            "一、基本情况\n"
        );
        assert_eq!(report_text(b"\xEF\xBB\xBFabc").unwrap(), "abc");
        let mut le = vec![0xFF, 0xFE];
        le.extend("一、".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(report_text(&le).unwrap(), "一、");
        let mut be = vec![0xFE, 0xFF];
        be.extend("十、".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(report_text(&be).unwrap(), "十、");
        // GBK (Notepad's "ANSI" on a Chinese Windows) is not UTF-8: said so.
        assert_eq!(
            report_text(&[0xD2, 0xBB, 0xA1, 0xA2]),
            Err(SourceError::NotUtf8)
        );
    }

    #[test]
    fn a_doc_a_wps_a_pdf_a_zip_and_a_damaged_docx_are_told_what_to_do() {
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0];
        assert_eq!(report_text(&ole), Err(SourceError::OldWord));
        assert!(SourceError::OldWord.to_string().contains("另存为"));
        assert!(matches!(
            report_text(b"%PDF-1.7 ..."),
            Err(SourceError::OtherKind(FileKind::Pdf))
        ));
        assert_eq!(report_text(b""), Err(SourceError::Empty));
        // A zip without word/ is an archive, not a report.
        let mut out = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            zip.start_file("a.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"x").unwrap();
            zip.finish().unwrap();
        }
        assert!(matches!(
            report_text(out.get_ref()),
            Err(SourceError::OtherKind(FileKind::Archive))
        ));
        // A .docx cut short, or with its text part damaged.
        let docx = docx_of(&["一、基本情况", "无。"]);
        for cut in [docx.len() / 2, docx.len() - 30, 40] {
            let truncated = docx.get(..cut).unwrap();
            assert!(
                matches!(
                    report_text(truncated),
                    Err(SourceError::BrokenWord(_)) | Err(SourceError::OtherKind(_))
                ),
                "{cut}"
            );
        }
        let mut bad = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut bad);
            zip.start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            zip.write_all(b"<w:document><w:body><w:p><w:t>a</w:x></w:p>")
                .unwrap();
            zip.finish().unwrap();
        }
        assert!(matches!(
            report_text(bad.get_ref()),
            Err(SourceError::BrokenWord(_))
        ));
    }
}

//! The text of a report file for [`crate::reader`]: a `.txt` (UTF-8, or UTF-16 with its byte
//! order mark, as Notepad saves "Unicode"), or a Word `.docx` (the paragraphs of
//! `word/document.xml` in its zip, read with the `zip` and `quick-xml` crates). An old binary
//! `.doc` or `.wps`, a PDF, a zip that is not a Word document or a damaged one gets a message
//! saying what to do instead.
//!
//! [`report_source`] tells a Word file from a text without the zip and XML readers, so the app's
//! first load does not link them: it reads a `.docx` with [`report_text`] in its on-demand module.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use crate::draft_file::FileKind;

/// Larger files are refused before they are read.
pub const MAX_REPORT_BYTES: usize = 20 * 1024 * 1024;
/// `word/document.xml` larger than this (unpacked) is refused: a report is far smaller, a zip
/// bomb is not.
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
    #[error("文本文件不是 UTF-8 编码：请用记事本打开，“另存为”时选择 UTF-8 编码后再导入，或复制正文后粘贴")]
    NotUtf8,
}

/// What a report file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A text file's text.
    Text(String),
    /// A Word document: [`report_text`] reads it.
    Word,
}

/// The text of a report file: one line per paragraph.
pub fn report_text(bytes: &[u8]) -> Result<String, SourceError> {
    match report_source(bytes)? {
        Source::Text(text) => Ok(text),
        Source::Word => docx_text(bytes),
    }
}

/// A text file's text, or that the file is a Word document; the reasons a file is neither.
pub fn report_source(bytes: &[u8]) -> Result<Source, SourceError> {
    if bytes.len() > MAX_REPORT_BYTES {
        return Err(SourceError::TooLarge { bytes: bytes.len() });
    }
    if bytes.is_empty() {
        return Err(SourceError::Empty);
    }
    match FileKind::of(bytes) {
        Some(FileKind::Word) => return Ok(Source::Word),
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
    Ok(Source::Text(text))
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

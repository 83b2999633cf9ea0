//! A report file to text (REPORT.md §8): a .docx of the seed reads like its text, text files in
//! the encodings Notepad saves, and what is not a report is told what to do.
#![cfg(not(target_arch = "wasm32"))] // native: the .docx reader, files

mod common;

use std::io::{Cursor, Write};

use common::docx_of;
use selfeval::draft_file::FileKind;
use selfeval::report_file::{report_text, SourceError};

const SEED_DOCUMENT: &str = include_str!("data/seed-2024.txt");

#[test]
fn a_docx_of_the_seed_reads_like_its_text() {
    let paragraphs: Vec<&str> = SEED_DOCUMENT.lines().collect();
    let docx = docx_of(&paragraphs);
    let text = report_text(&docx).expect("the .docx reads");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines, paragraphs);
    let reading = selfeval::reader::read_report(&text);
    assert_eq!(reading.unplaced, []);
    let mut expected = selfeval::read_draft(selfeval::sample::SEED_V1_JSON).unwrap();
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

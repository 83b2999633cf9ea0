//! Any bytes as an imported draft file: read or refused, never a panic; a draft that reads is
//! checked, exported (HTML and Word) and written, and reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfeval::draft_file::{read_draft, read_draft_bytes, write_draft};
use selfeval::export::{render_docx, render_html};

fuzz_target!(|data: &[u8]| {
    let Ok(draft) = read_draft_bytes(data) else { return };
    let _ = selfeval::check(&draft);
    let _ = selfeval::Figures::of(&draft);
    let html = render_html(&draft);
    assert!(!html.contains("<script"));
    // The Word document unzips and its XML parses.
    let docx = render_docx(&draft).unwrap();
    assert!(selfeval::report_file::report_text(&docx).is_ok());
    assert_eq!(read_draft(&write_draft(&draft).unwrap()).as_ref(), Ok(&draft));
});

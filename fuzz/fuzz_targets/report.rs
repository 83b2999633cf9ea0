//! Any bytes as an imported report (a .txt or a .docx): its text read or refused with a message,
//! never a panic; a text that reads is read into a draft, which is checked and written, and
//! everything not placed is a piece of the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfeval::reader::read_report;
use selfeval::report_file::report_text;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = report_text(data) else { return };
    let reading = read_report(&text);
    for piece in &reading.unplaced {
        assert!(text.contains(piece.text.as_str()));
    }
    let _ = selfeval::check(&reading.draft);
    let _ = selfeval::write_draft(&reading.draft);
});

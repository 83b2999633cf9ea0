//! Any bytes as an imported draft file: read or refused, never a panic; a draft that reads is
//! checked, exported and written, and reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfeval::draft_file::{read_draft, read_draft_bytes, write_draft};
use selfeval::export::render_html;

fuzz_target!(|data: &[u8]| {
    let Ok(draft) = read_draft_bytes(data) else { return };
    let _ = selfeval::check(&draft);
    let _ = selfeval::Figures::of(&draft);
    let html = render_html(&draft);
    assert!(!html.contains("<script"));
    assert_eq!(read_draft(&write_draft(&draft).unwrap()).as_ref(), Ok(&draft));
});

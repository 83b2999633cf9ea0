//! Any text typed into an amount, count or year field: parsed or refused, never a panic, and an
//! accepted amount prints as ASCII digits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfeval::amount::{parse_amount, parse_count, parse_year};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(Some(amount)) = parse_amount(text) {
        let shown = amount.to_string();
        assert!(shown.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-'));
        assert_eq!(parse_amount(&shown).ok().flatten().map(|a| a.value()), Some(amount.value()));
    }
    let _ = parse_count(text);
    let _ = parse_year(text);
});

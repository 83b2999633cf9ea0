//! Any text through our JSON reader (src/core/json.rs) and serde_json's, side by side: never a
//! panic; both accept or both refuse; what both accept prints alike, compact and pretty (but for
//! exponents, which ours keeps as written: `1E5`, where serde_json prints `1e+5`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfeval::json;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = json::parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: {ours:?} / {theirs:?}");
    if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
        if !text.contains(['e', 'E']) {
            assert_eq!(ours.to_string(), theirs.to_string());
            assert_eq!(ours.to_pretty(), serde_json::to_string_pretty(&theirs).unwrap());
        }
        // What ours writes, ours reads back the same.
        assert_eq!(json::parse(&ours.to_pretty()).as_ref(), Ok(&ours));
    }
});

//! Property tests: no input makes the amount parser, the draft reader, the checks or the export
//! panic (in wasm a panic kills the page). A short run here; see README for the long fuzz run.
#![cfg(not(target_arch = "wasm32"))] // native: processes, files, proptest

use proptest::prelude::*;
use selfeval::amount::{parse_amount, parse_count, parse_year};
use selfeval::draft_file::{read_draft, read_draft_bytes};
use selfeval::export::{render_docx, render_html};
use selfeval::sample::sample_draft;
use selfeval::{check, Draft, Figures, Path};

/// Strings made of the characters amounts are made of, so the parser's corners get reached.
fn amountish() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[0-9０-９.．,，\\-－−万元 \u{3000}约+e。]{0,24}").unwrap()
}

/// Text with the characters the checks look at: numbering, quotes, punctuation, new lines.
fn textish() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[0-9一二三四五六七八九十两是、.．（）()“”\"<>&\n 无暂没有，。；：！？a-zX×个项家类所处即分别为包括主要等…字以内请填写第任务目标%零]{0,40}",
    )
    .unwrap()
}

/// Cases per property: a short run in the test suite; `SELFEVAL_FUZZ_CASES=1000000` for the long
/// run (see README).
fn cases() -> u32 {
    std::env::var("SELFEVAL_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000)
}

/// The sample with rows added to its lists and every field set from `values`, in turn.
fn filled(values: &[String], rows: (usize, usize, usize, usize)) -> selfeval::Draft {
    let mut draft = sample_draft();
    for _ in 0..rows.0 {
        draft.insert_row(selfeval::List::Functions, 0);
    }
    for _ in 0..rows.1 {
        draft.insert_row(selfeval::List::Projects, 0);
    }
    for _ in 0..rows.2 {
        draft.insert_row(selfeval::List::Points, 0);
    }
    for _ in 0..rows.3 {
        draft.insert_row(selfeval::List::Funds, 0);
    }
    let paths: Vec<Path> = draft.fields().collect();
    for (path, value) in paths.iter().zip(values.iter().cycle()) {
        draft.set_field(*path, value);
    }
    draft
}

proptest! {
    // A document is a few milliseconds to write and read back in a debug build: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(cases() / 8))]

    #[test]
    fn the_word_export_is_a_well_formed_package_for_any_draft(
        values in proptest::collection::vec(prop_oneof![amountish(), textish()], 80),
        rows in (0usize..4, 0usize..4, 0usize..4, 0usize..4),
    ) {
        let draft = filled(&values, rows);
        // It unzips, and its XML parses: every text was escaped for it.
        let docx = render_docx(&draft).unwrap();
        prop_assert!(selfeval::report_file::report_text(&docx).is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn amount_parsing_never_panics(s in "\\PC*") {
        let _ = parse_amount(&s);
        let _ = parse_count(&s);
        let _ = parse_year(&s);
    }

    #[test]
    fn amountish_text_parses_or_is_refused_with_what_was_typed(s in amountish()) {
        match parse_amount(&s) {
            Ok(Some(a)) => prop_assert!(a.to_string().chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-')),
            Ok(None) => prop_assert!(s.trim().is_empty()),
            Err(e) => prop_assert_eq!(e.typed, s.trim()),
        }
    }

    #[test]
    fn reading_any_text_never_panics(s in "\\PC*") {
        let _ = read_draft(&s);
    }

    #[test]
    fn reading_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = read_draft_bytes(&bytes);
    }

    #[test]
    fn reading_mutated_seed_never_panics(at in 0usize..4000, insert in "[\\[\\]{}\",:0-9a-z\\\\]{1,4}") {
        let seed = selfeval::sample::SAMPLE_JSON;
        let mut at = at.min(seed.len());
        while !seed.is_char_boundary(at) { at -= 1; }
        let text = format!("{}{}{}", &seed[..at], insert, &seed[at..]);
        let _ = read_draft(&text);
    }

    #[test]
    fn checks_figures_and_export_never_panic(
        values in proptest::collection::vec(prop_oneof![amountish(), textish()], 80),
        rows in (0usize..4, 0usize..4, 0usize..4, 0usize..4),
    ) {
        let draft = filled(&values, rows);
        let findings = check(&draft);
        // Every finding points at a field or list that exists.
        for f in &findings {
            prop_assert!(draft.field(f.path).is_some() || f.path.row().is_none());
        }
        let _ = Figures::of(&draft);
        let html = render_html(&draft);
        prop_assert!(!html.contains("<script"));
        let again = read_draft(&selfeval::write_draft(&draft).unwrap()).unwrap();
        prop_assert_eq!(again, draft);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// The text rules (numbering inside paragraphs, label digits, template text, stated lists)
    /// read every paragraph and line field: no text of any kind makes them panic.
    #[test]
    fn text_rules_never_panic(any in "\\PC{0,120}", shaped in textish(), more in textish()) {
        let mut draft = sample_draft();
        let text = format!("{shaped}{any}{more}");
        for path in [Path::Department, Path::Organization, Path::GoalsOverall, Path::Problems] {
            draft.set_field(path, &text);
        }
        draft.performance.overall[0].text = format!("{more}{shaped}");
        let _ = check(&draft);
    }

    /// The byte-level scan the text rules start from finds exactly the numerals that decoding
    /// every character finds.
    #[test]
    fn numerals_are_found_as_decoding_finds_them(any in "\\PC{0,80}", shaped in textish()) {
        let text = format!("{any}{shaped}０９");
        let decoded: Vec<(usize, char)> = text
            .char_indices()
            .filter(|(_, c)| selfeval::text::is_numeral(*c))
            .collect();
        prop_assert_eq!(selfeval::text::numerals(&text).collect::<Vec<_>>(), decoded);
    }
}

#[test]
fn a_blank_draft_is_checked_and_exported() {
    let draft = Draft::default();
    assert!(!check(&draft).is_empty());
    assert!(render_html(&draft).contains("<h1>"));
}

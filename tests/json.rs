//! Our JSON (src/core/json.rs) against an independent reader, serde_json with
//! `preserve_order` and `arbitrary_precision`: both accept and refuse the same texts, and what
//! both accept they print alike, compact and pretty — but for one difference on purpose: a
//! number's exponent stays as written (`1E5`), where serde_json writes it as `1e+5`.
#![cfg(not(target_arch = "wasm32"))] // native: proptest

use proptest::prelude::*;
use selfeval::json;

/// A text printed compact and pretty, or `Err` when refused.
type Printed = Result<(String, String), ()>;

/// What each of the two makes of a text: ours, then serde_json's.
fn both(text: &str) -> (Printed, Printed) {
    let ours = json::parse(text)
        .map(|v| (v.to_string(), v.to_pretty()))
        .map_err(|_| ());
    let theirs = serde_json::from_str::<serde_json::Value>(text)
        .map(|v| (v.to_string(), serde_json::to_string_pretty(&v).unwrap()))
        .map_err(|_| ());
    (ours, theirs)
}

fn space() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "", " ", "\n  ", "\t", "\r\n"]).prop_map(str::to_owned)
}

/// A number; its exponent as serde_json prints one (`e+5`, `e-05`), see the module's note.
fn number() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,6})?(e[+-][0-9]{1,3})?"
}

/// A string literal: plain text, Chinese, quotes, backslashes, control characters written raw
/// (which both must refuse) or escaped, and `\u` escapes including surrogate pairs.
fn string_literal() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z0-9 ]{0,4}",
        Just("株洲".to_owned()),
        Just("\\\"".to_owned()),
        Just("\\\\".to_owned()),
        Just("\\/".to_owned()),
        Just("\\n\\t\\b\\f\\r".to_owned()),
        Just("\\u00e9".to_owned()),
        Just("\\u001F".to_owned()),
        Just("\\uD83D\\uDE00".to_owned()),
        Just("😀\u{202E}\u{7f}".to_owned()),
    ];
    prop::collection::vec(piece, 0..4).prop_map(|p| format!("\"{}\"", p.concat()))
}

fn value_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        number(),
        string_literal(),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            (prop::collection::vec((space(), inner.clone(), space()), 0..6)).prop_map(|items| {
                let items: Vec<String> = items.into_iter().map(|(a, v, b)| a + &v + &b).collect();
                format!("[{}]", items.join(","))
            }),
            // Names from a small set, so that some repeat.
            (prop::collection::vec((space(), "\"[abc]{1,2}\"", space(), inner, space()), 0..6))
                .prop_map(|fields| {
                    let fields: Vec<String> = fields
                        .into_iter()
                        .map(|(a, k, b, v, c)| format!("{a}{k}{b}:{v}{c}"))
                        .collect();
                    format!("{{{}}}", fields.join(","))
                }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn valid_texts_read_and_print_as_serde_json_reads_and_prints_them(
        (before, text, after) in (space(), value_text(), space())
    ) {
        let text = format!("{before}{text}{after}");
        let (ours, theirs) = both(&text);
        prop_assert!(theirs.is_ok(), "the generator made a text serde_json refuses: {text}");
        prop_assert_eq!(ours, theirs, "{}", text);
    }

    #[test]
    fn damaged_texts_are_refused_exactly_when_serde_json_refuses_them(
        text in value_text(),
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), 0..3u8, prop::sample::select(
                vec!['"', '\\', ',', ':', '[', ']', '{', '}', '0', '-', '.', 'e', 'u', 'D', 'x', '\n', '\u{1}', ' ']
            )),
            1..4,
        ),
    ) {
        let mut chars: Vec<char> = text.chars().collect();
        for (at, how, c) in edits {
            let i = at.index(chars.len() + 1);
            match how {
                0 => chars.insert(i, c),
                1 if i < chars.len() => { chars.remove(i); }
                _ if i < chars.len() => chars[i] = c,
                _ => chars.push(c),
            }
        }
        let text: String = chars.into_iter().collect();
        let (ours, theirs) = both(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}", text);
        // An edit can make an exponent serde_json prints otherwise (`1e5` as `1e+5`).
        if !text.contains(['e', 'E']) {
            prop_assert_eq!(ours, theirs, "{:?}", text);
        }
    }
}

#[test]
fn texts_at_the_edges_agree() {
    let cases = [
        "",
        " ",
        "{}",
        "[]",
        "[",
        "]",
        "{\"a\"}",
        "{\"a\":1,}",
        "[1,]",
        "[,1]",
        "01",
        "-",
        "-0",
        "1.",
        ".5",
        "1e",
        "1e+",
        "+1",
        "1e+400",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\uD83D\\uDE00\"",
        "\"\\u12\"",
        "\"\\x\"",
        "\"\t\"",
        "\"\u{7f}\"",
        "nul",
        "nulll",
        "true false",
        "{\"a\":1}x",
        "\u{feff}{}",
        "{\"a\":1,\"a\":{\"b\":[]}}",
        "[1.0, -0.0e-0, 123456789012345678901234567890]",
    ];
    for text in cases {
        let (ours, theirs) = both(text);
        assert_eq!(ours, theirs, "{text:?}");
    }
    // The one difference: the exponent as written.
    let (ours, theirs) = both("[1E5,2e-3]");
    assert_eq!(ours.unwrap().0, "[1E5,2e-3]");
    assert_eq!(theirs.unwrap().0, "[1e+5,2e-3]");
}

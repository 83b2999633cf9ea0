//! Small facts about Chinese text that the checks and the export share.

/// Maps a full-width ASCII variant (`１`, `．`, `，`, `＂`) to its ASCII form and the ideographic
/// space to a space; every other character is returned unchanged.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// True for the invisible characters that change the direction of the text around them
/// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): in a name they can make a report
/// read differently from what was typed.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A character shown by its code point, `<U+202E>`: how the app and its exports show what would
/// otherwise be invisible or reorder the text around it.
pub fn code_point(c: char) -> String {
    format!("<U+{:04X}>", u32::from(c))
}

/// The text with each direction control shown as `<U+202E>`, so that quoting a user's text
/// (in a message, in the exported report) shows it as it is instead of reordering what follows.
pub fn show_direction_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_direction_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_direction_control(c) {
            out.push_str(&code_point(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// True when the text holds nothing but white space.
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// The number of characters that carry meaning: letters, digits and Han characters, not
/// punctuation, symbols or spaces.
pub fn substance_len(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

/// True when the text has at least `n` characters of substance (see [`substance_len`]); stops
/// counting there.
pub fn has_substance(text: &str, n: usize) -> bool {
    text.chars().filter(|c| c.is_alphanumeric()).take(n).count() == n
}

/// A name reduced to what identifies it: trimmed, full-width forms made ASCII, and every kind
/// of quotation mark (“”‘’「」『』"') made the same, so “N合一” and "N合一" are one name.
pub fn name_key(name: &str) -> String {
    name.trim()
        .chars()
        .map(half_width)
        .map(|c| if is_quotation_mark(c) { '"' } else { c })
        .collect()
}

/// A message lists at most this many problems of one field; the rest are counted.
pub const LISTED_PROBLEMS: usize = 5;

/// Problems joined with `；` for one message: the first [`LISTED_PROBLEMS`], then how many there
/// are in all, `count` (`……等共 12 处`), so a pasted document with thousands stays readable.
pub fn listed(problems: &[String], count: usize) -> String {
    let shown = problems
        .get(..LISTED_PROBLEMS)
        .unwrap_or(problems)
        .join("；");
    if count > LISTED_PROBLEMS {
        format!("{shown}……等共 {count} 处")
    } else {
        shown
    }
}

/// True for every kind of quotation mark a name may carry (“”‘’「」『』"'〝〞 and full-width).
pub fn is_quotation_mark(c: char) -> bool {
    matches!(
        half_width(c),
        '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '"' | '\'' | '〝' | '〞'
    )
}

/// A name as a message quotes it: trimmed and in “…”, unless the name already carries quotation
/// marks of its own (“N合一”机制建设经费), which a second pair would only double.
pub fn quoted(name: &str) -> String {
    let name = name.trim();
    if name.chars().any(is_quotation_mark) {
        name.to_owned()
    } else {
        format!("“{name}”")
    }
}

/// True for the characters of a Han numeral from 一 to 九十九 (两 aside: see [`han_value`]).
pub fn is_han_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// True for a character a count or a list number is written with: an ASCII or full-width digit,
/// a Han numeral (一 … 十) or 两.
pub fn is_numeral(c: char) -> bool {
    half_width(c).is_ascii_digit() || is_han_digit(c) || c == '两'
}

/// The characters of `text` for which [`is_numeral`] holds, with their byte offsets.
///
/// Nothing is decoded: a digit is an ASCII byte, and every other numeral is three bytes long and
/// begins with E4, E5 or EF, compared as bytes ([`three_byte_numeral`]); every other character
/// is stepped over by its length, read from its first byte. A long Han text is crossed at a few instructions a
/// character, which is what keeps the text rules fast on a pasted document.
pub fn numerals(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&lead) = bytes.get(at) {
            let from = at;
            // One branch on the first byte: a digit, the first byte of a three-byte numeral, or
            // the length of a character that is neither.
            match lead {
                b'0'..=b'9' => {
                    at += 1;
                    return Some((from, char::from(lead)));
                }
                0xE4 | 0xE5 | 0xEF => {
                    at += 3;
                    if let Some(c) = bytes.get(from..at).and_then(three_byte_numeral) {
                        return Some((from, c));
                    }
                }
                0..=0x7F => at += 1,
                0xE0..=0xEF => at += 3,
                0xF0.. => at += 4,
                _ => at += 2,
            }
        }
        None
    })
}

/// The numeral (一 … 十, 两, ０ … ９) whose UTF-8 encoding these bytes are, if any.
fn three_byte_numeral(bytes: &[u8]) -> Option<char> {
    let c = match *bytes {
        [0xE4, 0xB8, 0x80] => '一',
        [0xE4, 0xBA, 0x8C] => '二',
        [0xE4, 0xB8, 0x89] => '三',
        [0xE5, 0x9B, 0x9B] => '四',
        [0xE4, 0xBA, 0x94] => '五',
        [0xE5, 0x85, 0xAD] => '六',
        [0xE4, 0xB8, 0x83] => '七',
        [0xE5, 0x85, 0xAB] => '八',
        [0xE4, 0xB9, 0x9D] => '九',
        [0xE5, 0x8D, 0x81] => '十',
        [0xE4, 0xB8, 0xA4] => '两',
        // ０ (U+FF10) … ９ (U+FF19).
        [0xEF, 0xBC, last @ 0x90..=0x99] => char::from_u32(0xFF10 + u32::from(last - 0x90))?,
        _ => return None,
    };
    Some(c)
}

/// The value of a Han numeral from 一 to 九十九 (`十一`, `二十`, `三十五`); `None` for anything else.
pub fn han_value(chars: &[char]) -> Option<u32> {
    let digit = |c: &char| {
        "一二三四五六七八九"
            .find(*c)
            .and_then(|byte| u32::try_from(byte / 3 + 1).ok())
    };
    match chars {
        [d] if *d != '十' => digit(d),
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(d)?),
        [d, '十'] if *d != '一' => Some(digit(d)? * 10),
        [d, '十', e] if *d != '一' => Some(digit(d)? * 10 + digit(e)?),
        _ => None,
    }
}

/// Writes a positive number in Chinese numerals as the report numbers things: 一, 十, 十一,
/// 二十, 一百零五, 一千零一十.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const UNITS: [&str; 4] = ["", "十", "百", "千"];
    if n == 0 {
        return DIGITS[0].to_owned();
    }
    // Groups of four digits, from the highest: 亿, 万, then units.
    let groups = [
        (n / 100_000_000, "亿"),
        (n / 10_000 % 10_000, "万"),
        (n % 10_000, ""),
    ];
    let mut out = String::new();
    let mut zero_pending = false;
    for (group, suffix) in groups {
        if group == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending || (!out.is_empty() && group < 1000) {
            out.push_str(DIGITS[0]);
        }
        zero_pending = false;
        let mut group_text = String::new();
        let mut gap = false;
        for place in (0..4).rev() {
            let digit = group / 10_usize.pow(place as u32) % 10;
            if digit == 0 {
                gap = !group_text.is_empty();
                continue;
            }
            if gap {
                group_text.push_str(DIGITS[0]);
                gap = false;
            }
            group_text.push_str(DIGITS[digit]);
            group_text.push_str(UNITS[place]);
        }
        out.push_str(&group_text);
        out.push_str(suffix);
    }
    // 一十 at the very start reads 十 (十一, not 一十一).
    match out.strip_prefix("一十") {
        Some(rest) => format!("十{rest}"),
        None => out,
    }
}

/// True for a character that ends a sentence (full- or half-width), or a line break: where the
/// text rules stop reading a sentence.
pub fn ends_sentence_at(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?' | '\n')
}

/// True when a paragraph already ends a sentence (or a quotation or bracket that does).
pub fn ends_sentence(text: &str) -> bool {
    matches!(
        text.trim_end().chars().last(),
        Some(
            '。' | '！'
                | '？'
                | '；'
                | '：'
                | '.'
                | '!'
                | '?'
                | ';'
                | ':'
                | '…'
                | '”'
                | '’'
                | '）'
                | ')'
                | '」'
                | '』'
                | '】'
                | '》'
        )
    )
}

/// The paragraphs of a text: its non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_read_as_written() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1000, "一千"),
            (1010, "一千零一十"),
            (10_000, "一万"),
            (10_001, "一万零一"),
            (12_345, "一万二千三百四十五"),
            (100_000_000, "一亿"),
        ];
        for (n, text) in cases {
            assert_eq!(chinese_numeral(n), text, "{n}");
        }
    }

    #[test]
    fn names_match_whatever_the_quotation_marks() {
        assert_eq!(name_key(" “N合一”专项 "), name_key("\"N合一\"专项"));
        assert_eq!(name_key("「N合一」专项"), name_key("＂Ｎ合一＂专项"));
        assert_ne!(name_key("“N合一”专项"), name_key("“N合一”机制建设经费"));
    }

    #[test]
    fn long_lists_of_problems_are_cut_and_counted() {
        let problems: Vec<String> = (1..=7).map(|i| i.to_string()).collect();
        assert_eq!(listed(&problems[..2], 2), "1；2");
        assert_eq!(listed(&problems, 7), "1；2；3；4；5……等共 7 处");
        assert_eq!(listed(&problems[..5], 900), "1；2；3；4；5……等共 900 处");
    }

    #[test]
    fn quoted_names_never_double_their_quotation_marks() {
        assert_eq!(quoted(" 信访救助资金 "), "“信访救助资金”");
        assert_eq!(quoted("“N合一”机制建设经费"), "“N合一”机制建设经费");
        assert_eq!(quoted("「N合一」专项"), "「N合一」专项");
        assert_eq!(quoted("\"N合一\"专项"), "\"N合一\"专项");
    }

    #[test]
    fn numerals_are_found_by_their_bytes_as_by_decoding() {
        // Every character of the Basic Multilingual Plane and a few beyond it, each found by
        // comparing bytes exactly when decoding it and asking `is_numeral` finds it.
        let text: String = (0..=0xFFFF_u32)
            .chain([0x1_0000, 0x1_D7D9, 0x2_0000, 0x10_FFFF])
            .filter_map(char::from_u32)
            .collect();
        let decoded: Vec<(usize, char)> = text
            .char_indices()
            .filter(|(_, c)| is_numeral(*c))
            .collect();
        assert_eq!(numerals(&text).collect::<Vec<_>>(), decoded);
        assert_eq!(decoded.len(), 10 + 10 + 11);
    }

    #[test]
    fn han_numerals_read_up_to_ninety_nine() {
        let value = |s: &str| han_value(&s.chars().collect::<Vec<_>>());
        for (text, n) in [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("九十九", 99),
        ] {
            assert_eq!(value(text), Some(n), "{text}");
        }
        for text in ["", "一十", "十十", "二二", "百", "一百"] {
            assert_eq!(value(text), None, "{text}");
        }
    }

    #[test]
    fn direction_controls_are_shown_not_obeyed() {
        assert_eq!(show_direction_controls("信访救助"), "信访救助");
        assert_eq!(
            show_direction_controls("A\u{202E}cba\u{2066}"),
            "A<U+202E>cba<U+2066>"
        );
    }

    #[test]
    fn substance_counts_letters_digits_and_han_only() {
        assert_eq!(substance_len("该专项资金支出。"), 7);
        assert_eq!(substance_len("  ，。、“”…—— "), 0);
        assert_eq!(substance_len("完成2次培训，A级"), 8);
    }
}

//! `text.numbering`: inside one text field, numbered paragraphs or points that skip or repeat a
//! number (`1、2、3、4、4、5`), in any of the four styles reports use:
//!
//! - `1、` `2.` at the start of a paragraph;
//! - `（1）` `(2)` at the start of a paragraph or after punctuation;
//! - `一、` `二、` at the start of a paragraph;
//! - `一是` `二是` inside a paragraph (`二是` and later after punctuation, so that words such as
//!   第二是 are not taken for points; `一是` anywhere, as in 该专项资金支出一是…).
//!
//! A number 1 always starts a new list (lists nest and follow each other), so only a number that
//! is neither 1 nor the previous number plus one is reported.

use crate::finding::{Finding, Rule};
use crate::model::Draft;
use crate::outline::Kind;
use crate::text::half_width;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Arabic,
    Parenthesized,
    Han,
    Shi,
}

const STYLES: [Style; 4] = [Style::Arabic, Style::Parenthesized, Style::Han, Style::Shi];

#[derive(Debug, Clone, PartialEq, Eq)]
struct Marker {
    style: Style,
    number: u32,
    /// The marker as written, for the message: `4、`, `（2）`, `三是`.
    written: String,
}

pub(super) fn check(draft: &Draft, findings: &mut Vec<Finding>) {
    for path in draft.fields().filter(|p| p.kind() == Kind::Paragraphs) {
        let problems = problems(draft.field(path).unwrap_or_default());
        if !problems.is_empty() {
            findings.push(Finding::new(
                Rule::TextNumbering,
                path,
                format!("{}的编号有误：{}", path.describe(), problems.join("；")),
            ));
        }
    }
}

/// What is wrong with the numbering of one text, one sentence per problem.
fn problems(text: &str) -> Vec<String> {
    let mut last: [Option<Marker>; 4] = Default::default();
    let mut problems = Vec::new();
    for marker in text.lines().flat_map(markers) {
        let slot = STYLES.iter().position(|s| *s == marker.style).unwrap_or(0);
        if marker.number != 1 {
            match &last[slot] {
                None => problems.push(format!("从“{}”开始，缺少前面的编号", marker.written)),
                Some(prev) if marker.number == prev.number + 1 => {}
                Some(prev) if marker.number == prev.number => {
                    problems.push(format!("“{}”重复", marker.written))
                }
                Some(prev) if marker.number < prev.number => problems.push(format!(
                    "“{}”之后又是“{}”，编号倒退",
                    prev.written, marker.written
                )),
                Some(prev) => problems.push(format!(
                    "“{}”之后是“{}”，中间缺了编号",
                    prev.written, marker.written
                )),
            }
        }
        if let Some(slot) = last.get_mut(slot) {
            *slot = Some(marker);
        }
    }
    problems
}

/// The numbering markers of one paragraph, in order.
fn markers(line: &str) -> Vec<Marker> {
    // Most paragraphs hold no marker at all: find that out without allocating.
    let starts_numbered = line
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| half_width(c).is_ascii_digit() || is_han_digit(&c));
    if !starts_numbered && !line.chars().any(|c| matches!(c, '是' | '(' | '（')) {
        return Vec::new();
    }
    let chars: Vec<char> = line.chars().map(half_width).collect();
    let original: Vec<char> = line.chars().collect();
    let start = chars.iter().take_while(|c| c.is_whitespace()).count();
    let written = |from: usize, to: usize| span(&original, from, to).iter().collect();
    let mut found = Vec::new();

    // 1、 or 2. at the start of the paragraph (a "2.5万元" is a number, not a marker).
    let digits = count_while(&chars, start, |c| c.is_ascii_digit());
    if (1..=3).contains(&digits) {
        let after = start + digits;
        let is_marker = match chars.get(after) {
            Some('、') => true,
            Some('.') => !chars.get(after + 1).is_some_and(char::is_ascii_digit),
            _ => false,
        };
        if is_marker {
            if let Some(number) = arabic_value(span(&chars, start, after)) {
                found.push((start, Style::Arabic, number, written(start, after + 1)));
            }
        }
    }

    // 一、 at the start of the paragraph.
    let han = count_while(&chars, start, is_han_digit);
    if han > 0 && chars.get(start + han) == Some(&'、') {
        if let Some(number) = han_value(span(&chars, start, start + han)) {
            found.push((start, Style::Han, number, written(start, start + han + 1)));
        }
    }

    for (i, &c) in chars.iter().enumerate() {
        let after_boundary =
            i == start || (i > 0 && chars.get(i - 1).is_some_and(|&p| is_boundary(p)));
        // （1） at the start or after punctuation.
        if c == '(' && after_boundary {
            let digits = count_while(&chars, i + 1, |c| c.is_ascii_digit());
            if (1..=3).contains(&digits) && chars.get(i + 1 + digits) == Some(&')') {
                if let Some(number) = arabic_value(span(&chars, i + 1, i + 1 + digits)) {
                    found.push((i, Style::Parenthesized, number, written(i, i + digits + 2)));
                }
            }
        }
        // 二是: the Han numeral run that ends right before 是.
        if c == '是' {
            let run = span(&chars, 0, i)
                .iter()
                .rev()
                .take_while(|c| is_han_digit(c))
                .count();
            let from = i.saturating_sub(run);
            let boundary =
                from == start || (from > 0 && chars.get(from - 1).is_some_and(|&p| is_boundary(p)));
            if let Some(number) = han_value(span(&chars, from, i)) {
                if number == 1 || boundary {
                    found.push((from, Style::Shi, number, written(from, i + 1)));
                }
            }
        }
    }
    found.sort_by_key(|(at, ..)| *at);
    found
        .into_iter()
        .map(|(_, style, number, written)| Marker {
            style,
            number,
            written,
        })
        .collect()
}

/// `chars[from..to]`, or nothing when that is out of bounds.
fn span(chars: &[char], from: usize, to: usize) -> &[char] {
    chars.get(from..to).unwrap_or_default()
}

fn count_while(chars: &[char], from: usize, pred: impl Fn(&char) -> bool) -> usize {
    chars
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| pred(c))
        .count()
}

fn is_boundary(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '，' | ',' | '。' | '；' | ';' | '：' | ':' | '、' | '！' | '？' | '!' | '?'
        )
}

fn is_han_digit(c: &char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

fn arabic_value(digits: &[char]) -> Option<u32> {
    digits.iter().collect::<String>().parse().ok()
}

/// The value of a Han numeral from 一 to 九十九.
fn han_value(chars: &[char]) -> Option<u32> {
    let digit = |c: &char| {
        "一二三四五六七八九"
            .find(*c)
            .map(|byte| byte as u32 / 3 + 1)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<(Style, u32)> {
        text.lines()
            .flat_map(markers)
            .map(|m| (m.style, m.number))
            .collect()
    }

    #[test]
    fn finds_the_four_styles() {
        use Style::*;
        assert_eq!(
            numbers("1、甲\n2. 乙\n3．丙"),
            [(Arabic, 1), (Arabic, 2), (Arabic, 3)]
        );
        assert_eq!(
            numbers("主要有：（1）甲；(2)乙；（３）丙"),
            [(Parenthesized, 1), (Parenthesized, 2), (Parenthesized, 3)]
        );
        assert_eq!(
            numbers("一、甲\n十一、乙\n二十三、丙"),
            [(Han, 1), (Han, 11), (Han, 23)]
        );
        assert_eq!(
            numbers("支出一是甲；二是乙。三是丙，十是丁"),
            [(Shi, 1), (Shi, 2), (Shi, 3), (Shi, 10)]
        );
    }

    #[test]
    fn ignores_what_only_looks_like_numbering() {
        for text in [
            "2.5万元用于培训",
            "7月-10月开展了“百日攻坚”专项行动",
            "1、2月份完成",
            "详见附件（2）",
            "第二是指",
            "2024年是开局之年",
            "二十届三中全会",
            "一对一辅导、一案一策",
        ] {
            let found = numbers(text);
            assert!(
                problems(text).is_empty(),
                "{text}: {found:?} -> {:?}",
                problems(text)
            );
        }
        assert!(numbers("2.5万元").is_empty());
        assert!(numbers("第二是指").is_empty());
    }

    #[test]
    fn reports_repeats_skips_and_a_missing_start() {
        assert_eq!(
            problems("1、甲\n2、乙\n3、丙\n4、丁\n4、戊\n5、己"),
            ["“4、”重复"]
        );
        assert_eq!(
            problems("（1）甲\n（2）乙\n（4）丁"),
            ["“（2）”之后是“（4）”，中间缺了编号"]
        );
        assert_eq!(
            problems("一是甲；三是丙"),
            ["“一是”之后是“三是”，中间缺了编号"]
        );
        assert_eq!(problems("二、乙\n三、丙"), ["从“二、”开始，缺少前面的编号"]);
        assert_eq!(
            problems("1、甲\n3、乙\n2、丙"),
            [
                "“1、”之后是“3、”，中间缺了编号",
                "“3、”之后又是“2、”，编号倒退"
            ]
        );
    }

    #[test]
    fn nested_and_successive_lists_restart_at_one() {
        let text =
            "一、甲\n1、子\n2、丑\n二、乙\n1、寅\n2、卯\n3、辰\n一是甲，二是乙。一是丙，二是丁";
        assert!(problems(text).is_empty(), "{:?}", problems(text));
    }
}

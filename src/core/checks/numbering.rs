//! `text.numbering`: inside one text field, numbered paragraphs or points that skip or repeat a
//! number (`1、2、3、4、4、5`), in any of the four styles reports use:
//!
//! - `1、` `2.` at the start of a paragraph, or inside it right after a sentence end (`。；！？`, and
//!   a colon, which opens a list: `主要有：1.甲；2.乙`), the way a pasted paragraph or a table cell
//!   holds a list (`…。3.甲。4.乙。4.丙。`);
//! - `（1）` `(2)` at the start of a paragraph or after punctuation;
//! - `一、` `二、` at the start of a paragraph;
//! - `一是` `二是` inside a paragraph (`二是` and later after punctuation, so that words such as
//!   第二是 are not taken for points; `一是` anywhere, as in 该专项资金支出一是…).
//!
//! A number 1 always starts a new list (lists nest and follow each other), so only a number that
//! is neither 1 nor the previous number plus one is reported. A `3.` inside a paragraph with no
//! marker of its style before it is not reported as a list that lacks its start: the list may
//! have begun where no marker can be told from a number (after a comma, in a heading).

use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::Kind;
use crate::text::{half_width, han_value, is_han_digit, listed, numerals, LISTED_PROBLEMS};

rules! {
    /// Numbered paragraphs or points in one text skip or repeat a number.
    TEXT_NUMBERING = "text.numbering", Warning;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Arabic,
    Parenthesized,
    Han,
    Shi,
}

const STYLES: [Style; 4] = [Style::Arabic, Style::Parenthesized, Style::Han, Style::Shi];

#[derive(Debug, Clone, PartialEq, Eq)]
struct Marker<'a> {
    style: Style,
    number: u32,
    /// The marker as written, for the message: `4、`, `（2）`, `三是`.
    written: &'a str,
    /// A `1.` / `1、` inside a paragraph (after a sentence end) rather than at its start.
    inline: bool,
}

impl Marker<'_> {
    /// The number as the sequence in a message shows it: `4`, `（2）`, `三`.
    fn bare(&self) -> String {
        match self.style {
            Style::Parenthesized => format!("（{}）", self.number),
            Style::Arabic => self.number.to_string(),
            Style::Han | Style::Shi => self.written.trim_end_matches(['、', '是']).to_owned(),
        }
    }
}

pub(super) fn check(draft: &Draft, _: &super::Values, findings: &mut Vec<Finding>) {
    for path in draft.fields().filter(|p| p.kind() == Kind::Paragraphs) {
        let (problems, count) = problems(draft.field(path).unwrap_or_default());
        if count > 0 {
            findings.push(Finding::new(
                TEXT_NUMBERING,
                path,
                format!(
                    "{}的编号有误：{}",
                    path.describe(),
                    listed(&problems, count)
                ),
            ));
        }
    }
}

/// What is wrong with the numbering of one text, one sentence per problem, each followed by the
/// numbers around it as the text has them: `“4.”重复（编号依次为 3、4、4、5）`; and how many
/// problems there are. Only the first [`LISTED_PROBLEMS`] are written out.
fn problems(text: &str) -> (Vec<String>, usize) {
    let all = markers(text);
    let mut last: [Option<usize>; 4] = Default::default();
    let mut problems = Vec::new();
    let mut count = 0;
    for (k, marker) in all.iter().enumerate() {
        let slot = STYLES.iter().position(|s| *s == marker.style).unwrap_or(0);
        let prev = last.get(slot).copied().flatten().and_then(|p| all.get(p));
        let wrong = match prev {
            _ if marker.number == 1 => false,
            None => !marker.inline,
            Some(prev) => marker.number != prev.number + 1,
        };
        if wrong {
            count += 1;
            // Only the problems a message lists are worded.
            if problems.len() < LISTED_PROBLEMS {
                problems.push(format!("{}（编号依次为 {}）", slip(prev, marker), around(&all, k)));
            }
        }
        if let Some(slot) = last.get_mut(slot) {
            *slot = Some(k);
        }
    }
    (problems, count)
}

/// What is wrong with `marker` after `prev` (the last marker of its style), which is not 1 less.
fn slip(prev: Option<&Marker<'_>>, marker: &Marker<'_>) -> String {
    match prev {
        None => format!("从“{}”开始，缺少前面的编号", marker.written),
        Some(prev) if marker.number == prev.number => format!("“{}”重复", marker.written),
        Some(prev) if marker.number < prev.number => format!(
            "“{}”之后又是“{}”，编号倒退",
            prev.written, marker.written
        ),
        Some(prev) => format!(
            "“{}”之后是“{}”，中间缺了编号",
            prev.written, marker.written
        ),
    }
}

/// The numbers of marker `k`'s style around it: two before, itself and one after.
fn around(all: &[Marker<'_>], k: usize) -> String {
    let Some(marker) = all.get(k) else {
        return String::new();
    };
    let same = |m: &&Marker<'_>| m.style == marker.style;
    let before: Vec<&Marker<'_>> = all
        .get(..k)
        .unwrap_or_default()
        .iter()
        .rev()
        .filter(same)
        .take(2)
        .collect();
    let after = all.get(k + 1..).unwrap_or_default().iter().find(same);
    let shown: Vec<String> = before
        .into_iter()
        .rev()
        .chain(std::iter::once(marker))
        .chain(after)
        .map(Marker::bare)
        .collect();
    let separator = if marker.style == Style::Parenthesized {
        ""
    } else {
        "、"
    };
    shown.join(separator)
}

/// The numbering markers of a text, in order.
///
/// A marker begins with a number, so the text is crossed by [`numerals`], which decodes almost
/// none of it; at each number, the few characters before it (back to the last one that is not
/// a space) and after it say whether it is a marker. The text is not split into lines or copied,
/// and one without markers allocates nothing.
fn markers(text: &str) -> Vec<Marker<'_>> {
    let mut found = Vec::new();
    // The end of the last number read: numerals inside it are not numbers of their own.
    let mut read_up_to = 0;
    for (at, c) in numerals(text) {
        if at < read_up_to {
            continue;
        }
        let (marker, end) = if half_width(c).is_ascii_digit() {
            arabic_at(text, at)
        } else if is_han_digit(c) {
            han_at(text, at)
        } else {
            continue;
        };
        read_up_to = end;
        found.extend(marker);
    }
    found
}

/// What stands before a number: all a marker needs of the text before it.
struct Before {
    /// The character right before it, full-width forms made half-width.
    prev: Option<char>,
    /// The last character before it on its line that is not a space, made half-width; `None`
    /// when the number is the first thing in its paragraph.
    solid: Option<char>,
}

impl Before {
    fn of(before: &str) -> Self {
        let prev = before.chars().next_back().map(half_width);
        let solid = before
            .trim_end_matches(|c: char| c != '\n' && half_width(c).is_whitespace())
            .chars()
            .next_back()
            .filter(|c| *c != '\n')
            .map(half_width);
        Before { prev, solid }
    }

    fn at_start(&self) -> bool {
        self.solid.is_none()
    }
}

/// The marker, if any, that the ASCII or full-width digits at `at` begin (`1、`, `2.`, `（3）`),
/// and where the digits end.
fn arabic_at(text: &str, at: usize) -> (Option<Marker<'_>>, usize) {
    let (before, from_number) = text.split_at_checked(at).unwrap_or_default();
    let mut digits = 0;
    let mut len = 0;
    let mut number: u32 = 0;
    for digit in from_number.chars().map_while(|c| Some((c, half_width(c).to_digit(10)?))) {
        digits += 1;
        len += digit.0.len_utf8();
        number = number.saturating_mul(10).saturating_add(digit.1);
    }
    let end = at + len;
    let mut after = text.get(end..).unwrap_or_default().chars();
    let Some(raw) = after.next().filter(|_| (1..=3).contains(&digits)) else {
        return (None, end);
    };
    let to = end + raw.len_utf8();
    let before_number = Before::of(before);
    // 1、 or 2. at the start, or right after a sentence end: a "2.5万元" is a number.
    let listed = before_number.at_start() || before_number.solid.is_some_and(is_sentence_end);
    let inline = !before_number.at_start();
    let marker = |from: usize, style: Style, inline: bool| Marker {
        style,
        number,
        written: text.get(from..to).unwrap_or_default(),
        inline,
    };
    let found = match half_width(raw) {
        '、' if listed => Some(marker(at, Style::Arabic, inline)),
        '.' if listed && !after.next().is_some_and(|c| half_width(c).is_ascii_digit()) => {
            Some(marker(at, Style::Arabic, inline))
        }
        // （3） with its bracket at the start or after punctuation: 详见附件（2） is no point.
        ')' if before_number.prev == Some('(') => {
            let paren = before.chars().next_back().map_or(0, char::len_utf8);
            let paren_at = at - paren;
            let before_paren = text.get(..paren_at).unwrap_or_default().chars().next_back();
            before_paren
                .map(half_width)
                .is_none_or(is_boundary)
                .then(|| marker(paren_at, Style::Parenthesized, false))
        }
        _ => None,
    };
    (found, end)
}

/// The marker, if any, that the Han numeral at `at` begins (`一、` at a paragraph's start, `二是`),
/// and where the numeral ends.
fn han_at(text: &str, at: usize) -> (Option<Marker<'_>>, usize) {
    let (before, from_numeral) = text.split_at_checked(at).unwrap_or_default();
    // Only the first three characters are kept: 九十九 is the longest numeral a marker has.
    let mut chars = ['\0'; 3];
    let mut count = 0;
    let mut len = 0;
    for c in from_numeral.chars().take_while(|c| is_han_digit(*c)) {
        if let Some(slot) = chars.get_mut(count) {
            *slot = c;
        }
        count += 1;
        len += c.len_utf8();
    }
    let end = at + len;
    let Some(number) = chars.get(..count).and_then(han_value) else {
        return (None, end);
    };
    let Some(next) = text.get(end..).and_then(|rest| rest.chars().next()) else {
        return (None, end);
    };
    let before_numeral = Before::of(before);
    let at_start = before_numeral.at_start();
    let marker = |style: Style| Marker {
        style,
        number,
        written: text.get(at..end + next.len_utf8()).unwrap_or_default(),
        inline: false,
    };
    let found = match next {
        // 一、 at the start of the paragraph.
        '、' if at_start => Some(marker(Style::Han)),
        // 二是 after punctuation; 一是 anywhere.
        '是' if number == 1 || at_start || before_numeral.prev.is_some_and(is_boundary) => {
            Some(marker(Style::Shi))
        }
        _ => None,
    };
    (found, end)
}

/// The end of a sentence, after which an inline list marker may stand (full-width forms are
/// already half-width here), and the colon that opens a list.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | ':')
}

fn is_boundary(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '，' | ',' | '。' | '；' | ';' | '：' | ':' | '、' | '！' | '？' | '!' | '?'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        super::problems(text).0
    }

    fn numbers(text: &str) -> Vec<(Style, u32)> {
        markers(text)
            .into_iter()
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
            ["“4、”重复（编号依次为 3、4、4、5）"]
        );
        assert_eq!(
            problems("（1）甲\n（2）乙\n（4）丁"),
            ["“（2）”之后是“（4）”，中间缺了编号（编号依次为 （1）（2）（4））"]
        );
        assert_eq!(
            problems("一是甲；三是丙"),
            ["“一是”之后是“三是”，中间缺了编号（编号依次为 一、三）"]
        );
        assert_eq!(
            problems("二、乙\n三、丙"),
            ["从“二、”开始，缺少前面的编号（编号依次为 二、三）"]
        );
        assert_eq!(
            problems("1、甲\n3、乙\n2、丙"),
            [
                "“1、”之后是“3、”，中间缺了编号（编号依次为 1、3、2）",
                "“3、”之后又是“2、”，编号倒退（编号依次为 1、3、2）"
            ]
        );
    }

    #[test]
    fn reads_markers_inside_a_paragraph_after_a_sentence_end() {
        use Style::*;
        assert_eq!(
            numbers("主要工作：1.甲。2.乙；３．丙！4、丁？ 5.戊"),
            [
                (Arabic, 1),
                (Arabic, 2),
                (Arabic, 3),
                (Arabic, 4),
                (Arabic, 5)
            ]
        );
        // The published case: 1. 2. 3. 4. 4. 5. inside one paragraph.
        assert_eq!(
            problems("1.甲。2.乙。3.丙。4.丁。4.戊。5.己。"),
            ["“4.”重复（编号依次为 3、4、4、5）"]
        );
        // A list whose start is not a marker (after a comma) is read from where it can be.
        assert_eq!(
            problems("工作有三，1.甲。3.乙。4.丙。4.丁。"),
            ["“4.”重复（编号依次为 3、4、4）"]
        );
        for text in [
            "1.甲。2.乙。3.丙。",
            "甲。1.乙。2.丙。1.丁。2.戊。",
            "完成时间为2024.1.5。2024.3.1完成验收。",
            "主要措施：一是甲。二是乙。3.5万元用于培训。",
            "会议于5月召开，1.5万元已拨付。",
            "工作有三，3.乙。4.丙。",
        ] {
            assert!(problems(text).is_empty(), "{text}: {:?}", problems(text));
        }
    }

    #[test]
    fn nested_and_successive_lists_restart_at_one() {
        let text =
            "一、甲\n1、子\n2、丑\n二、乙\n1、寅\n2、卯\n3、辰\n一是甲，二是乙。一是丙，二是丁";
        assert!(problems(text).is_empty(), "{:?}", problems(text));
    }
}

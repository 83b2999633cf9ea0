//! `count.stated_list`: a sentence states a count and then names the items, and the number of
//! items named differs from the count ("直属事业单位10个，即……" naming nine).
//!
//! Read narrowly, so that an ordinary sentence is never a finding:
//! - the count is `N个`, `N项`, `N家`, `N类`, `N所` or `N处`, N in digits (ASCII or full-width)
//!   or Han numerals (三个, 十一项, 两家), not an ordinal (第3个) nor an estimate (10余个);
//! - the items follow an introducer right after the count or the noun it counts: `，即`, `分别是`,
//!   `分别为`, `包括` or a colon ("内设机构3个，即办公室、财务室。", "下设股室3个：…",
//!   "下设3个股室，分别是…"). Any other words after the count end the matter: the seed's
//!   "独立编制机构1个，内设办公室、财务室、联席办、信访接待中心" is not a stated list;
//! - the items are separated by `、` and run to the sentence's end (or its first comma); a list
//!   that ends in 等 is open-ended and not counted. 和 / 及 / 与 inside the last item may join two
//!   items or belong to a name (人力资源和社会保障局), so either reading is accepted;
//! - one stated list is read per sentence, which also keeps the check linear in the text.

use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::Kind;
use crate::text::{
    ends_sentence_at, half_width, han_value, is_han_digit, listed, numerals, LISTED_PROBLEMS,
};

rules! {
    /// A stated count differs from the items named after it.
    COUNT_STATED_LIST = "count.stated_list", Warning;
}

/// What a count is counted in.
const UNITS: [char; 6] = ['个', '项', '家', '类', '所', '处'];

/// The noun after a count ("3个股室") is at most this long before its introducer.
const NOUN_LIMIT: usize = 10;

/// A message shows at most this many of the items it counted.
const SHOWN_ITEMS: usize = 12;

/// A quoted piece of the sentence in a message is cut to this many characters.
const QUOTE_LIMIT: usize = 24;

pub(super) fn check(draft: &Draft, _: &super::Values, findings: &mut Vec<Finding>) {
    for path in draft.fields().filter(|p| p.kind() == Kind::Paragraphs) {
        let (problems, count) = problems(draft.field(path).unwrap_or_default());
        if count > 0 {
            findings.push(Finding::new(
                COUNT_STATED_LIST,
                path,
                format!("{}中{}", path.describe(), listed(&problems, count)),
            ));
        }
    }
}

/// One sentence per stated list whose items do not match its count (the first
/// [`LISTED_PROBLEMS`]), and how many there are.
///
/// The text is not split into sentences: the units (个, 项 …) that follow a numeral are found
/// from [`numerals`], and only a sentence whose unit has an introducer after it is read character by
/// character. A sentence is read at most once, so the check is linear.
fn problems(text: &str) -> (Vec<String>, usize) {
    // The units that follow a digit or a Han numeral, found from the numerals.
    let units: Vec<usize> = numerals(text)
        .map(|(at, c)| at + c.len_utf8())
        .filter(|&at| {
            text.get(at..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| UNITS.contains(&c))
        })
        .collect();
    let mut problems = Vec::new();
    let mut count = 0;
    let mut read_up_to = 0;
    for unit in units {
        if unit < read_up_to {
            continue;
        }
        let (Some(head), Some(tail)) = (text.get(..unit), text.get(unit..)) else {
            continue;
        };
        // A cheap look at the few characters after the unit before any sentence is read.
        let introduced = tail
            .chars()
            .take(NOUN_LIMIT + 4)
            .any(|c| matches!(c, '即' | '分' | '包' | ':' | '：'));
        if !introduced {
            continue;
        }
        let start = head
            .rfind(ends_sentence_at)
            .and_then(|at| head.get(at..)?.chars().next().map(|c| at + c.len_utf8()))
            .unwrap_or(0)
            .max(read_up_to);
        let end = unit + tail.find(ends_sentence_at).unwrap_or(tail.len());
        let Some(sentence) = text.get(start..end) else {
            continue;
        };
        // stated_list reads the whole sentence: none of its other units need a look.
        read_up_to = end;
        let mut chars: Vec<char> = Vec::with_capacity(sentence.len() / 3 + 1);
        chars.extend(sentence.chars().map(half_width));
        let Some((at, stated, list)) = stated_list(&chars) else {
            continue;
        };
        if let Some(named) = miscounted(stated, list) {
            count += 1;
            if problems.len() < LISTED_PROBLEMS {
                problems.push(message(&chars, at, list, named));
            }
        }
    }
    (problems, count)
}

/// A stated list up to its first comma: where its 、-separated items are read.
fn first_clause(list: &[char]) -> &[char] {
    list.split(|&c| c == ',').next().unwrap_or_default()
}

/// The items of a stated list, split by 、 in its first clause, blank pieces left out.
fn items(list: &[char]) -> impl Iterator<Item = &[char]> {
    first_clause(list)
        .split(|&c| c == '、')
        .filter(|item| item.iter().any(|c| !c.is_whitespace()))
}

/// How many items the list names, when that differs from `stated`; `None` when it matches or
/// the list is open-ended. Counts without allocating: a long text may hold thousands of lists.
fn miscounted(stated: u32, list: &[char]) -> Option<usize> {
    let (count, last) = items(list).fold((0, None), |(n, _), item| (n + 1, Some(item)));
    let last: String = last?.iter().collect::<String>().trim().to_owned();
    if last.ends_with('等') || last.contains("等单位") {
        return None;
    }
    // 和 / 及 / 与 in the last item may join two items or belong to a name.
    let joined = ["和", "及", "与"]
        .iter()
        .map(|w| last.matches(w).count())
        .sum::<usize>();
    // Items named without 、 may be separated by commas ("即办公室，财务室，信访股"): then any
    // number of items up to the clauses is accepted.
    let commas = if first_clause(list).contains(&'、') {
        0
    } else {
        list.iter().filter(|&&c| c == ',').count()
    };
    let stated = usize::try_from(stated).ok()?;
    (!(count..=count + joined + commas).contains(&stated)).then_some(count)
}

/// The message for a sentence whose stated list (its unit at `unit_at`, its items `list`) names
/// `count` items: the claim quoted, the first [`SHOWN_ITEMS`] items listed.
fn message(sentence: &[char], unit_at: usize, list: &[char], count: usize) -> String {
    let head = sentence.get(..=unit_at).unwrap_or_default();
    let skip = head.len().saturating_sub(QUOTE_LIMIT);
    let quoted: String = head.get(skip..).unwrap_or_default().iter().collect();
    let claim = if skip > 0 {
        format!("…{}", quoted.trim())
    } else {
        quoted.trim().to_owned()
    };
    let shown: Vec<String> = items(list)
        .take(SHOWN_ITEMS)
        .map(|item| item.iter().collect::<String>().trim().to_owned())
        .collect();
    let more = if count > shown.len() { "……" } else { "" };
    format!(
        "“{claim}”，其后列出的却是{count}个：{}{more}",
        shown.join("、")
    )
}

/// The first count in the sentence that is followed by an introducer: the unit's position, the
/// count and the text after the introducer.
fn stated_list(sentence: &[char]) -> Option<(usize, u32, &[char])> {
    for (at, c) in sentence.iter().enumerate() {
        if !UNITS.contains(c) {
            continue;
        }
        let Some(count) = count_before(sentence, at) else {
            continue;
        };
        if let Some(list_from) = introducer_after(sentence, at + 1) {
            return Some((at, count, sentence.get(list_from..).unwrap_or_default()));
        }
    }
    None
}

/// The count written right before `sentence[unit]`, if it is an exact count (not 第3个, 10余个,
/// 2.5个).
fn count_before(sentence: &[char], unit: usize) -> Option<u32> {
    let head = sentence.get(..unit)?;
    let digits = head.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let (from, value) = if digits > 0 {
        let from = unit - digits;
        let text: String = head.get(from..)?.iter().collect();
        (from, text.parse::<u32>().ok()?)
    } else {
        let han = head
            .iter()
            .rev()
            .take_while(|&&c| is_han_digit(c) || c == '两')
            .count();
        let from = unit - han;
        let numeral = head.get(from..)?;
        let value = if numeral == ['两'] {
            2
        } else {
            han_value(numeral)?
        };
        (from, value)
    };
    let before = from.checked_sub(1).and_then(|i| head.get(i));
    if matches!(before, Some('第' | '.')) || value == 0 {
        return None;
    }
    Some(value)
}

/// Where the items start, when an introducer follows the count whose unit ends at `from`
/// (after at most a short noun and a comma).
fn introducer_after(sentence: &[char], from: usize) -> Option<usize> {
    let starts = |at: usize, word: &str| {
        let n = word.chars().count();
        sentence
            .get(at..at + n)
            .is_some_and(|s| s.iter().copied().eq(word.chars()))
    };
    let named = |at: usize| {
        ["分别是", "分别为", "包括"]
            .iter()
            .find(|w| starts(at, w))
            .map(|w| at + w.chars().count())
    };
    for at in from..=from + NOUN_LIMIT {
        if let Some(list) = named(at) {
            return Some(list);
        }
        match sentence.get(at) {
            Some(':') => return Some(at + 1),
            Some(',') => {
                let next = at + 1;
                if starts(next, "即")
                    && !["即将", "即可", "即时", "即便", "即使"]
                        .iter()
                        .any(|w| starts(next, w))
                {
                    return Some(next + 1);
                }
                return named(next);
            }
            Some(c) if c.is_alphanumeric() => {}
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    fn problems(text: &str) -> Vec<String> {
        super::problems(text).0
    }

    #[test]
    fn a_list_that_does_not_match_its_count_is_found() {
        assert_eq!(
            problems("内设机构3个，即办公室、财务室。"),
            ["“内设机构3个”，其后列出的却是2个：办公室、财务室"]
        );
        let nine = "甲、乙、丙、丁、戊、己、庚、辛、壬";
        assert_eq!(
            problems(&format!("直属事业单位10个，即{nine}。")),
            [format!("“直属事业单位10个”，其后列出的却是9个：{nine}")]
        );
        for text in [
            "下设股室三个：办公室、财务室。",
            "下设3个股室，分别是办公室、财务室。",
            "共完成两项，包括培训。",
            "下属单位１１个，分别为甲、乙、丙。",
        ] {
            assert_eq!(problems(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn matching_open_and_unrelated_lists_are_silent() {
        for text in [
            "内设机构3个，即办公室、财务室、信访股。",
            "独立编制机构1个，内设办公室、财务室、联席办、信访接待中心。",
            "下设二个股室：办公室和财务室。",
            "联系单位3个：人力资源和社会保障局、财政局、民政局。",
            "涉及单位4个，包括甲、乙、丙等。",
            "第3个，即办公室、财务室。",
            "完成10余个，即甲、乙。",
            "3个项目即将完工、验收。",
            "召开会议3次，即甲、乙。",
            "内设机构3个，即办公室，财务室，信访股。",
            "开展专项行动3项，成效明显；甲、乙。",
            "",
        ] {
            assert_eq!(problems(text), Vec::<String>::new(), "{text}");
        }
    }
}

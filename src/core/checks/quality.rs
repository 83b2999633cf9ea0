//! `weak.none`, `weak.fund_effect`, `weak.goal_unquantified`: text that is there but says too
//! little for a reviewer.

use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::{FundField, Path};
use crate::text::{half_width, has_substance, is_blank, quoted, substance_len};

rules! {
    /// 七 or 八 says only "无" or the like.
    WEAK_NONE = "weak.none", Warning;
    /// A fund's 绩效情况 has fewer than 12 characters of substance.
    WEAK_FUND_EFFECT = "weak.fund_effect", Warning;
    /// 年度整体支出绩效目标 has no number that is not a label.
    WEAK_GOAL_UNQUANTIFIED = "weak.goal_unquantified", Info;
}

/// A 绩效情况 with fewer letters, digits and Han characters than this says nothing of the effect.
const MIN_EFFECT_SUBSTANCE: usize = 12;

/// What people write in 七 and 八 when they write nothing, after punctuation and spaces go.
const NOTHING_TO_SAY: [&str; 24] = [
    "无",
    "暂无",
    "没有",
    "暂没有",
    "暂时没有",
    "目前没有",
    "无问题",
    "暂无问题",
    "没有问题",
    "未发现问题",
    "暂未发现问题",
    "无明显问题",
    "不存在问题",
    "无相关问题",
    "无此情况",
    "无相关情况",
    "无措施",
    "暂无措施",
    "无改进措施",
    "暂无改进措施",
    "无需改进",
    "不适用",
    "略",
    "同上",
];

pub(super) fn check(draft: &Draft, _: &super::Values, findings: &mut Vec<Finding>) {
    for (path, expected) in [
        (Path::Problems, "评审要求写出实际存在的问题及其原因"),
        (Path::Improvements, "请写出针对问题的具体改进措施"),
    ] {
        let text = draft.field(path).unwrap_or_default();
        if says_nothing(text) {
            findings.push(Finding::new(
                WEAK_NONE,
                path,
                format!("{}只写了“{}”：{expected}", path.label(), text.trim()),
            ));
        }
    }

    for (i, fund) in draft.performance.special_funds.iter().enumerate() {
        if !has_substance(&fund.effect, MIN_EFFECT_SUBSTANCE) {
            let substance = substance_len(&fund.effect);
            let name = quoted(&fund.name);
            let said = if is_blank(&fund.effect) {
                "没有填写".to_owned()
            } else {
                format!("只有{substance}个字（“{}”）", fund.effect.trim())
            };
            findings.push(Finding::new(
                WEAK_FUND_EFFECT,
                Path::Fund(i, FundField::Effect),
                format!("专项资金{name}的绩效情况{said}：请写明资金支出取得的具体效果"),
            ));
        }
    }

    let goal = &draft.goals.overall;
    if !is_blank(goal) && !has_number(goal) {
        findings.push(Finding::new(
            WEAK_GOAL_UNQUANTIFIED,
            Path::GoalsOverall,
            "年度整体支出绩效目标中没有任何数字：目标宜量化（数量、比例、时限）",
        ));
    }
}

/// Words after which a digit only labels an item (任务1：, 目标2、), unless a unit follows it.
const LABEL_WORDS: [&str; 4] = ["任务", "目标", "指标", "措施"];

/// What may follow `第N` when it counts items (第1项) rather than a quantity (第1季度).
const ORDINAL_ITEMS: [&str; 5] = ["项", "条", "点", "部分", "方面"];

/// True when a goal states a quantity: a `%`, a `零`, or a digit that is not only an item's label
/// (任务1、目标2、第1项、（1）、or `1.` / `1、` where a point starts). Reads the text in place and
/// stops at the first quantity.
fn has_number(goal: &str) -> bool {
    if goal.contains(['%', '％', '零']) {
        return true;
    }
    let mut rest = goal;
    while let Some(at) = rest.find(|c: char| half_width(c).is_ascii_digit()) {
        let (before, from) = rest.split_at(at);
        let len: usize = from
            .chars()
            .take_while(|c| half_width(*c).is_ascii_digit())
            .map(char::len_utf8)
            .sum();
        let (_, after) = from.split_at(len);
        let before_start = goal.len() - rest.len();
        if !is_label(
            goal.get(..before_start + before.len()).unwrap_or_default(),
            after,
        ) {
            return true;
        }
        rest = after;
    }
    false
}

/// True when a run of digits, with `before` and `after` it, only labels an item.
fn is_label(before: &str, after: &str) -> bool {
    let mut next_chars = after.chars().map(half_width);
    let next = next_chars.next();
    let after_next = next_chars.next();
    let ends_label = next.is_none_or(|c| {
        c.is_whitespace() || matches!(c, ':' | '、' | ',' | '.' | ')' | '。' | ';')
    });
    let point_start = before
        .chars()
        .rev()
        .map(half_width)
        .find(|c| !c.is_whitespace())
        .is_none_or(|p| matches!(p, '。' | ';' | '!' | '?' | ':' | ','));
    let marker = match next {
        Some('、') => true,
        Some('.') => !after_next.is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    let before_half = |word: &str| {
        let n = word.chars().count();
        before
            .chars()
            .rev()
            .take(n)
            .map(half_width)
            .eq(word.chars().rev())
    };
    let after_is = |word: &str| {
        after
            .chars()
            .map(half_width)
            .take(word.chars().count())
            .eq(word.chars())
    };
    (LABEL_WORDS.iter().any(|w| before_half(w)) && ends_label)
        || (before_half("第") && ORDINAL_ITEMS.iter().any(|w| after_is(w)))
        || (before_half("(") && next == Some(')'))
        || (point_start && marker)
}

/// True for a non-blank text that only says "无" or the like, or holds no word at all ("/").
fn says_nothing(text: &str) -> bool {
    if is_blank(text) {
        return false; // blank is required.section's finding
    }
    let words: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
    words.is_empty() || NOTHING_TO_SAY.contains(&words.as_str())
}

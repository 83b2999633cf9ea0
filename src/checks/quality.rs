//! `weak.none`, `weak.fund_effect`, `weak.goal_unquantified`: text that is there but says too
//! little for a reviewer.

use crate::finding::{Finding, Rule};
use crate::model::Draft;
use crate::outline::{FundField, Path};
use crate::text::{half_width, has_substance, is_blank, quoted, substance_len};

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

pub(super) fn check(draft: &Draft, findings: &mut Vec<Finding>) {
    for (path, expected) in [
        (Path::Problems, "评审要求写出实际存在的问题及其原因"),
        (Path::Improvements, "请写出针对问题的具体改进措施"),
    ] {
        let text = draft.field(path).unwrap_or_default();
        if says_nothing(text) {
            findings.push(Finding::new(
                Rule::WeakNone,
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
                Rule::WeakFundEffect,
                Path::Fund(i, FundField::Effect),
                format!("专项资金{name}的绩效情况{said}：请写明资金支出取得的具体效果"),
            ));
        }
    }

    let goal = &draft.goals.overall;
    if !is_blank(goal) && !has_number(goal) {
        findings.push(Finding::new(
            Rule::WeakGoalUnquantified,
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
/// (任务1、目标2、第1项、（1）、or `1.` / `1、` where a point starts).
fn has_number(goal: &str) -> bool {
    let chars: Vec<char> = goal.chars().map(half_width).collect();
    if chars.iter().any(|c| matches!(c, '%' | '零')) {
        return true;
    }
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let end = i + chars
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if !is_label(&chars, i, end) {
            return true;
        }
        i = end;
    }
    false
}

/// True when the digits `chars[from..to]` only label an item.
fn is_label(chars: &[char], from: usize, to: usize) -> bool {
    let before = |text: &str| {
        let n = text.chars().count();
        from >= n
            && chars
                .get(from - n..from)
                .is_some_and(|s| s.iter().copied().eq(text.chars()))
    };
    let after = |text: &str| {
        chars.get(to..).is_some_and(|rest| {
            rest.iter()
                .copied()
                .take(text.chars().count())
                .eq(text.chars())
        })
    };
    let next = chars.get(to).copied();
    let ends_label = next.is_none_or(|c| {
        c.is_whitespace() || matches!(c, ':' | '、' | ',' | '.' | ')' | '。' | ';')
    });
    let point_start = from == 0
        || chars
            .get(..from)
            .unwrap_or_default()
            .iter()
            .rev()
            .find(|c| !c.is_whitespace())
            .is_none_or(|&p| matches!(p, '。' | ';' | '!' | '?' | ':' | ','));
    let marker = match next {
        Some('、') => true,
        Some('.') => !chars.get(to + 1).is_some_and(char::is_ascii_digit),
        _ => false,
    };
    (LABEL_WORDS.iter().any(|w| before(w)) && ends_label)
        || (before("第") && ORDINAL_ITEMS.iter().any(|w| after(w)))
        || (before("(") && next == Some(')'))
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

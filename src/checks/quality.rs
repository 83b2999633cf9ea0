//! `weak.none`, `weak.fund_effect`, `weak.goal_unquantified`: text that is there but says too
//! little for a reviewer.

use crate::finding::{Finding, Rule};
use crate::model::Draft;
use crate::outline::{FundField, Path};
use crate::text::{has_substance, is_blank, substance_len};

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
            let name = fund.name.trim();
            let said = if is_blank(&fund.effect) {
                "没有填写".to_owned()
            } else {
                format!("只有{substance}个字（“{}”）", fund.effect.trim())
            };
            findings.push(Finding::new(
                Rule::WeakFundEffect,
                Path::Fund(i, FundField::Effect),
                format!("专项资金“{name}”的绩效情况{said}：请写明资金支出取得的具体效果"),
            ));
        }
    }

    let goal = &draft.goals.overall;
    let has_number = goal
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '０'..='９' | '%' | '％' | '零'));
    if !is_blank(goal) && !has_number {
        findings.push(Finding::new(
            Rule::WeakGoalUnquantified,
            Path::GoalsOverall,
            "年度整体支出绩效目标中没有任何数字：目标宜量化（数量、比例、时限）",
        ));
    }
}

/// True for a non-blank text that only says "无" or the like, or holds no word at all ("/").
fn says_nothing(text: &str) -> bool {
    if is_blank(text) {
        return false; // blank is required.section's finding
    }
    let words: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
    words.is_empty() || NOTHING_TO_SAY.contains(&words.as_str())
}

//! The 自评表's rules (`SCORECARD.md` §4), for a started table only. The field-kind rules
//! (`required.field`, `format.*`) are the other families'; here, as there, a value with an error
//! of its own counts as missing, so one mistake yields one finding.

use rust_decimal::Decimal;

use super::Values;
use crate::figures::Figures;
use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::{IndicatorField as F, Path};
use crate::scorecard::{is_started, level2_choices, quantity, wants_quantity, ScoreFigures, CORE_LEVELS};
use crate::text::{is_blank, quoted};

rules! {
    /// 二级指标 is not one of its 一级指标's.
    SCORE_LEVEL_MISMATCH = "score.level_mismatch", Error;
    /// The budget weight and the indicators' weights do not add up to 100.
    SCORE_WEIGHTS_TOTAL = "score.weights_total", Error;
    /// An indicator's score is above its weight.
    SCORE_OVER_WEIGHT = "score.over_weight", Error;
    /// The typed score is above the one the indicator's figures earn.
    SCORE_ABOVE_COMPUTED = "score.above_computed", Warning;
    /// Points are lost and 偏差原因分析及改进措施 is blank.
    SCORE_DEVIATION_MISSING = "score.deviation_missing", Warning;
    /// No row under 产出指标, 效益指标 or 满意度指标.
    SCORE_LEVELS_MISSING = "score.levels_missing", Warning;
    /// A quantity, quality, time or cost indicator whose target is not a figure.
    SCORE_TARGET_UNQUANTIFIED = "score.target_unquantified", Info;
    /// 全年执行数 ≠ 基本支出 + 项目支出.
    SCORE_EXEC_SPLIT = "score.exec_split", Error;
    /// 执行率 below 90 % without an explanation.
    SCORE_EXEC_LOW = "score.exec_low", Warning;
}

/// Below this 执行率 (percent) the table must say why.
const LOW_RATE: u32 = 90;

pub(super) fn check(draft: &Draft, values: &Values, findings: &mut Vec<Finding>) {
    if !is_started(draft) {
        return;
    }
    let figures = ScoreFigures::from_values(draft, values, &Figures::from_values(values));
    let rows = &draft.scorecard.indicators;

    for (i, (row, f)) in rows.iter().zip(&figures.indicators).enumerate() {
        let at = |field| Path::Indicator(i, field);
        let (level1, level2) = (row.level1.trim(), row.level2.trim());
        if !level1.is_empty() && !level2.is_empty() && !level2_choices(level1).contains(&level2) {
            let offered = level2_choices(level1);
            let message = if offered.is_empty() {
                format!(
                    "{}：{}不是一级指标（可选：产出指标、效益指标、满意度指标、成本指标），无法确定二级指标{}是否适用",
                    at(F::Level2).describe(),
                    quoted(level1),
                    quoted(level2)
                )
            } else {
                format!(
                    "{}：{}不属于一级指标{}（可选：{}）",
                    at(F::Level2).describe(),
                    quoted(level2),
                    quoted(level1),
                    offered.join("、")
                )
            };
            findings.push(
                Finding::new(SCORE_LEVEL_MISMATCH, at(F::Level2), message)
                    .involving([at(F::Level1), at(F::Level2)]),
            );
        }
        if let (Some(weight), Some(score)) = (f.weight, f.score) {
            if score > weight {
                findings.push(
                    Finding::new(
                        SCORE_OVER_WEIGHT,
                        at(F::Score),
                        format!(
                            "{} {score} 超过分值 {weight}",
                            at(F::Score).describe()
                        ),
                    )
                    .involving([at(F::Weight), at(F::Score)]),
                );
            } else if let Some(computed) = f.computed.filter(|c| score > *c) {
                findings.push(
                    Finding::new(
                        SCORE_ABOVE_COMPUTED,
                        at(F::Score),
                        format!(
                            "{} {score} 高于按指标值计算的得分 {computed}（年度指标值 {}，实际完成值 {}）：\
                             未完成的指标应按完成比例扣分",
                            at(F::Score).describe(),
                            row.target.trim(),
                            row.actual.trim()
                        ),
                    )
                    .involving([at(F::Target), at(F::Actual), at(F::Score)]),
                );
            }
            if score < weight && is_blank(&row.deviation) {
                findings.push(Finding::new(
                    SCORE_DEVIATION_MISSING,
                    at(F::Deviation),
                    format!(
                        "自评表第{}项指标扣了 {} 分（得分 {score}，分值 {weight}）：请填写偏差原因分析及改进措施",
                        i + 1,
                        weight - score
                    ),
                ));
            }
        }
        if wants_quantity(level2) && !is_blank(&row.target) && quantity(&row.target).is_none() {
            findings.push(Finding::new(
                SCORE_TARGET_UNQUANTIFIED,
                at(F::Target),
                format!(
                    "{}{}不是数值：{}宜写成可衡量的数值，如“≥9次”“100%”“≤30万元”",
                    at(F::Target).describe(),
                    quoted(row.target.trim()),
                    level2
                ),
            ));
        }
    }

    if !rows.is_empty() {
        let missing: Vec<&str> = CORE_LEVELS
            .iter()
            .map(|(level, _)| *level)
            .filter(|level| !rows.iter().any(|r| r.level1.trim() == *level))
            .collect();
        if !missing.is_empty() {
            findings.push(Finding::new(
                SCORE_LEVELS_MISSING,
                Path::Indicators,
                format!(
                    "自评表没有{}下的指标：产出、效益、满意度指标都应至少有一项",
                    missing.join("、")
                ),
            ));
        }
        if let Some(sum) = figures
            .weights_total()
            .filter(|w| *w != Decimal::ONE_HUNDRED)
        {
            findings.push(Finding::new(
                SCORE_WEIGHTS_TOTAL,
                Path::Indicators,
                format!(
                    "预算执行率分值与各指标分值合计为 {sum} 分，应为 100 分（相差 {} 分）",
                    (Decimal::ONE_HUNDRED - sum).abs()
                ),
            ));
        }
    }

    if !figures.executed.from_report {
        if let (Some(executed), Some(basic), Some(project)) = (
            figures.executed.value,
            values.basic_expense,
            values.project_expense,
        ) {
            let (basic, project) = (basic.value(), project.value());
            if executed != basic + project {
                findings.push(
                    Finding::new(
                        SCORE_EXEC_SPLIT,
                        Path::ScoreExecuted,
                        format!(
                            "自评表全年执行数 {executed} ≠ 基本支出 {basic} + 项目支出 {project} = {}（按支出性质分），相差 {} 万元",
                            basic + project,
                            (executed - basic - project).abs()
                        ),
                    )
                    .involving([Path::ScoreExecuted, Path::BasicExpense, Path::ProjectExpense]),
                );
            }
        }
    }

    if let Some(rate) = figures.rate.filter(|r| *r < Decimal::from(LOW_RATE)) {
        if is_blank(&draft.scorecard.budget.explanation) {
            findings.push(Finding::new(
                SCORE_EXEC_LOW,
                Path::ScoreExplanation,
                format!("预算执行率 {rate}% 低于 {LOW_RATE}%：请说明原因"),
            ));
        }
    }
}

//! `sum.expense`, `sum.basic`, `sum.projects`, `sum.staff`, `sum.fund`, `count.special_funds`:
//! totals that must equal the sum of their parts, compared exactly.

use rust_decimal::Decimal;

use super::Values;
use crate::amount::Amount;
use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::{FundField, List, Path, ProjectField};

rules! {
    /// 财政拨款支出 ≠ 基本支出 + 项目支出.
    SUM_EXPENSE = "sum.expense", Error;
    /// 基本支出 ≠ 人员经费 + 公用经费.
    SUM_BASIC = "sum.basic", Error;
    /// 项目支出 ≠ the sum of the 二（二） rows.
    SUM_PROJECTS = "sum.projects", Error;
    /// 实有人数 ≠ 在职 + 退休.
    SUM_STAFF = "sum.staff", Error;
    /// A fund's 年初预算 + 年中调整 ≠ 实际支出 + 结余结转.
    SUM_FUND = "sum.fund", Error;
    /// The stated number of special funds ≠ the number of rows.
    COUNT_SPECIAL_FUNDS = "count.special_funds", Error;
}

/// Up to this many 二（二） rows are spelled out in a `sum.projects` message.
const ROWS_SPELLED_OUT: usize = 5;

pub(super) fn check(draft: &Draft, values: &Values, findings: &mut Vec<Finding>) {
    let v = values;
    if let (Some(total), Some(basic), Some(project)) =
        (v.appropriation_expense, v.basic_expense, v.project_expense)
    {
        if let Some(message) = mismatch(
            ("财政拨款支出", total),
            &[("基本支出", basic), ("项目支出", project)],
        ) {
            findings.push(
                Finding::new(SUM_EXPENSE, Path::AppropriationExpense, message).involving([
                    Path::AppropriationExpense,
                    Path::BasicExpense,
                    Path::ProjectExpense,
                ]),
            );
        }
    }

    if let (Some(total), Some(personnel), Some(public)) =
        (v.basic_expense, v.personnel_expense, v.public_expense)
    {
        if let Some(message) = mismatch(
            ("基本支出", total),
            &[("人员经费", personnel), ("公用经费", public)],
        ) {
            findings.push(Finding::new(SUM_BASIC, Path::BasicExpense, message).involving([
                Path::BasicExpense,
                Path::PersonnelExpense,
                Path::PublicExpense,
            ]));
        }
    }

    // Only when there are rows and every row's amount is readable.
    let rows: Option<Vec<Amount>> = v.projects.iter().copied().collect();
    if let (Some(total), Some(rows)) = (v.project_expense, rows.filter(|r| !r.is_empty())) {
        let sum: Decimal = rows.iter().map(|a| a.value()).sum();
        if sum != total.value() {
            let parts = if rows.len() <= ROWS_SPELLED_OUT {
                let terms: Vec<String> = rows.iter().map(Amount::to_string).collect();
                format!("{} = {sum}", terms.join(" + "))
            } else {
                sum.to_string()
            };
            let row_amounts = (0..rows.len()).map(|r| Path::Project(r, ProjectField::Amount));
            findings.push(
                Finding::new(
                    SUM_PROJECTS,
                    Path::ProjectExpense,
                    format!(
                        "项目支出 {total} ≠ 项目支出明细{}行合计 {parts}，相差 {} 万元",
                        rows.len(),
                        (total.value() - sum).abs()
                    ),
                )
                .involving(std::iter::once(Path::ProjectExpense).chain(row_amounts.take(ROWS_SPELLED_OUT))),
            );
        }
    }

    if let (Some(total), Some(active), Some(retired)) =
        (v.staff_total, v.staff_active, v.staff_retired)
    {
        let sum = u64::from(active) + u64::from(retired);
        if u64::from(total) != sum {
            findings.push(
                Finding::new(
                    SUM_STAFF,
                    Path::StaffTotal,
                    format!(
                        "实有人数 {total} ≠ 在职 {active} + 退休 {retired} = {sum}，相差 {} 人",
                        u64::from(total).abs_diff(sum)
                    ),
                )
                .involving([Path::StaffTotal, Path::StaffActive, Path::StaffRetired]),
            );
        }
    }

    for (i, (fund, fv)) in draft
        .performance
        .special_funds
        .iter()
        .zip(&v.funds)
        .enumerate()
    {
        if let (Some(initial), Some(adjustment), Some(actual), Some(carryover)) =
            (fv.initial_budget, fv.adjustment, fv.actual, fv.carryover)
        {
            let available = initial.value() + adjustment.value();
            let used = actual.value() + carryover.value();
            if available != used {
                findings.push(
                    Finding::new(
                    SUM_FUND,
                    Path::Fund(i, FundField::Carryover),
                    format!(
                        "专项资金{}：年初预算 {initial} + 年中调整 {adjustment} = {available}，\
                         但实际支出 {actual} + 结余结转 {carryover} = {used}，相差 {} 万元",
                        crate::text::quoted(&fund.name),
                        (available - used).abs()
                    ),
                    )
                    .involving(
                        [
                            FundField::InitialBudget,
                            FundField::Adjustment,
                            FundField::Actual,
                            FundField::Carryover,
                        ]
                        .map(|f| Path::Fund(i, f)),
                    ),
                );
            }
        }
    }

    if let Some(stated) = v.stated_fund_count {
        let listed = draft.rows(List::Funds);
        if usize::try_from(stated).ok() != Some(listed) {
            findings.push(Finding::new(
                COUNT_SPECIAL_FUNDS,
                Path::StatedFundCount,
                format!("写明专项资金共{stated}个，但下面列出了{listed}项"),
            ));
        }
    }
}

/// The message for a total that is not the sum of its parts, or `None` when it is:
/// `基本支出 154.15 ≠ 人员经费 122.66 + 公用经费 31.50 = 154.16，相差 0.01 万元`.
pub(super) fn mismatch(total: (&str, Amount), parts: &[(&str, Amount)]) -> Option<String> {
    let sum: Decimal = parts.iter().map(|(_, a)| a.value()).sum();
    if sum == total.1.value() {
        return None;
    }
    let terms: Vec<String> = parts.iter().map(|(l, a)| format!("{l} {a}")).collect();
    Some(format!(
        "{} {} ≠ {} = {sum}，相差 {} 万元",
        total.0,
        total.1,
        terms.join(" + "),
        (total.1.value() - sum).abs()
    ))
}

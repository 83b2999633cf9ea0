//! `balance.income_expense` and `exec.over_budget`: income, spending and the budget.

use super::Values;
use crate::figures::{Figures, FullYearSource};
use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::Path;

rules! {
    /// 财政拨款收入 ≠ 财政拨款支出.
    BALANCE_INCOME_EXPENSE = "balance.income_expense", Warning;
    /// 财政拨款支出 > 全年预算数.
    EXEC_OVER_BUDGET = "exec.over_budget", Warning;
}

pub(super) fn check(_: &Draft, values: &Values, findings: &mut Vec<Finding>) {
    if let (Some(income), Some(expense)) =
        (values.appropriation_income, values.appropriation_expense)
    {
        if income.value() != expense.value() {
            findings.push(Finding::new(
                BALANCE_INCOME_EXPENSE,
                Path::AppropriationIncome,
                format!(
                    "财政拨款收入 {income} ≠ 财政拨款支出 {expense}，相差 {} 万元：请说明结转结余情况",
                    (income.value() - expense.value()).abs()
                ),
            ));
        }
    }

    let figures = Figures::from_values(values);
    if let (Some(expense), Some(budget)) = (values.appropriation_expense, figures.full_year_budget)
    {
        if expense.value() > budget {
            let source = match figures.full_year_source {
                FullYearSource::Entered => "",
                FullYearSource::Computed => "（预算资金 + 专项资金年中调整）",
            };
            let rate = figures
                .execution_rate
                .map_or_else(String::new, |r| format!("，执行率 {r} %"));
            findings.push(Finding::new(
                EXEC_OVER_BUDGET,
                Path::AppropriationExpense,
                format!(
                    "财政拨款支出 {expense} 超过全年预算数 {budget}{source}，超出 {} 万元{rate}：\
                     请说明超预算支出的原因",
                    expense.value() - budget
                ),
            ));
        }
    }
}

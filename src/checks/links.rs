//! `link.fund_amount`, `link.fund_name`, `link.fund_missing`: each special fund of 六（二）
//! should be a row of 二（二） with the same name and amount.

use std::collections::HashSet;

use super::Values;
use crate::finding::{Finding, Rule};
use crate::model::Draft;
use crate::outline::{FundField, Path};
use crate::text::{is_blank, name_key};

pub(super) fn check(draft: &Draft, values: &Values, findings: &mut Vec<Finding>) {
    // Rows with a name (a blank name is a finding of its own and matches nothing).
    let rows: Vec<(String, &str, Option<_>)> = draft
        .general_budget
        .projects
        .iter()
        .zip(&values.projects)
        .filter(|(row, _)| !is_blank(&row.name))
        .map(|(row, amount)| (name_key(&row.name), row.name.trim(), *amount))
        .collect();
    // When a row's name or amount is missing, that row may be the fund's: "no row matches" cannot
    // be said until every row is complete.
    let rows_complete = rows.len() == draft.general_budget.projects.len()
        && rows.iter().all(|(.., amount)| amount.is_some());
    // A row named like one of the funds belongs to that fund; it is no candidate for another.
    let fund_keys: HashSet<String> = draft
        .performance
        .special_funds
        .iter()
        .filter(|f| !is_blank(&f.name))
        .map(|f| name_key(&f.name))
        .collect();

    let funds = draft.performance.special_funds.iter().zip(&values.funds);
    for (i, (fund, fv)) in funds.enumerate() {
        if is_blank(&fund.name) {
            continue;
        }
        let key = name_key(&fund.name);
        let name = fund.name.trim();
        let same_name: Vec<_> = rows.iter().filter(|(k, ..)| *k == key).collect();
        let Some(actual) = fv.actual else { continue };

        if !same_name.is_empty() {
            let amounts: Vec<_> = same_name.iter().filter_map(|(.., a)| *a).collect();
            if let Some(row_amount) = amounts.first() {
                if !amounts.iter().any(|a| a.value() == actual.value()) {
                    findings.push(Finding::new(
                        Rule::LinkFundAmount,
                        Path::Fund(i, FundField::Actual),
                        format!(
                            "专项资金“{name}”实际支出 {actual} ≠ 项目支出明细中“{name}”的金额 {row_amount}，\
                             相差 {} 万元",
                            (actual.value() - row_amount.value()).abs()
                        ),
                    ));
                }
            }
            continue;
        }

        let candidates: Vec<&str> = rows
            .iter()
            .filter(|(k, _, a)| {
                !fund_keys.contains(k) && a.is_some_and(|a| a.value() == actual.value())
            })
            .map(|(_, row_name, _)| *row_name)
            .collect();
        match candidates.as_slice() {
            [row_name] => findings.push(Finding::new(
                Rule::LinkFundName,
                Path::Fund(i, FundField::Name),
                format!(
                    "专项资金“{name}”在项目支出明细中没有同名项目，金额同为 {actual} 的项目叫“{row_name}”：\
                     两处名称应当一致"
                ),
            )),
            [] if rows_complete => findings.push(Finding::new(
                Rule::LinkFundMissing,
                Path::Fund(i, FundField::Name),
                format!(
                    "专项资金“{name}”在项目支出明细中既没有同名项目，也没有金额为 {actual} 的项目"
                ),
            )),
            // Several rows have the amount, or an incomplete row may be the one: say nothing.
            _ => {}
        }
    }
}

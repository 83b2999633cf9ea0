//! `link.fund_amount`, `link.fund_name`, `link.fund_missing`: each special fund of 六（二）
//! should be a row of 二（二） with the same name and amount.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::Values;
use crate::amount::Amount;
use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::{FundField, Path, ProjectField};
use crate::text::{is_blank, name_key, quoted};

rules! {
    /// A 二（二） row has the fund's name but another amount than its 实际支出.
    LINK_FUND_AMOUNT = "link.fund_amount", Error;
    /// No row has the fund's name, but exactly one row has its 实际支出.
    LINK_FUND_NAME = "link.fund_name", Warning;
    /// No row matches the fund by name or amount.
    LINK_FUND_MISSING = "link.fund_missing", Warning;
}

pub(super) fn check(draft: &Draft, values: &Values, findings: &mut Vec<Finding>) {
    let projects = &draft.general_budget.projects;
    // A row named like one of the funds belongs to that fund; it is no candidate for another.
    let fund_keys: HashSet<String> = draft
        .performance
        .special_funds
        .iter()
        .filter(|f| !is_blank(&f.name))
        .map(|f| name_key(&f.name))
        .collect();
    // Rows by name, and the rows no fund claims by amount. A blank name is a finding of its own
    // and matches nothing.
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut unclaimed_by_amount: HashMap<Decimal, Vec<usize>> = HashMap::new();
    for (r, (row, amount)) in projects.iter().zip(&values.projects).enumerate() {
        if is_blank(&row.name) {
            continue;
        }
        let key = name_key(&row.name);
        if let (false, Some(amount)) = (fund_keys.contains(&key), amount) {
            unclaimed_by_amount
                .entry(amount.value().normalize())
                .or_default()
                .push(r);
        }
        by_name.entry(key).or_default().push(r);
    }
    // When a row's name or amount is missing, that row may be the fund's: "no row matches" cannot
    // be said until every row is complete.
    let rows_complete = projects
        .iter()
        .zip(&values.projects)
        .all(|(row, amount)| !is_blank(&row.name) && amount.is_some());

    let funds = draft.performance.special_funds.iter().zip(&values.funds);
    for (i, (fund, fv)) in funds.enumerate() {
        if is_blank(&fund.name) {
            continue;
        }
        let Some(actual) = fv.actual else { continue };
        // Quoted (an allocation) only when a finding names it.
        let name = || quoted(&fund.name);

        if let Some(same_name) = by_name.get(&name_key(&fund.name)) {
            let amounts: Vec<Amount> = same_name
                .iter()
                .filter_map(|&r| values.projects.get(r).copied().flatten())
                .collect();
            if let Some(row_amount) = amounts.first() {
                if !amounts.iter().any(|a| a.value() == actual.value()) {
                    let name = name();
                    let rows = same_name
                        .iter()
                        .map(|&r| Path::Project(r, ProjectField::Amount));
                    findings.push(
                        Finding::new(
                            LINK_FUND_AMOUNT,
                            Path::Fund(i, FundField::Actual),
                            format!(
                                "专项资金{name}实际支出 {actual} ≠ 项目支出明细中{name}的金额 {row_amount}，\
                                 相差 {} 万元",
                                (actual.value() - row_amount.value()).abs()
                            ),
                        )
                        .involving(std::iter::once(Path::Fund(i, FundField::Actual)).chain(rows)),
                    );
                }
            }
            continue;
        }

        let candidates = unclaimed_by_amount
            .get(&actual.value().normalize())
            .map_or(&[][..], Vec::as_slice);
        match candidates {
            [r] => {
                let name = name();
                let row_name = quoted(projects.get(*r).map_or("", |row| row.name.as_str()));
                findings.push(
                    Finding::new(
                        LINK_FUND_NAME,
                        Path::Fund(i, FundField::Name),
                        format!(
                            "专项资金{name}在项目支出明细中没有同名项目，金额同为 {actual} 的项目叫{row_name}：\
                             两处名称应当一致"
                        ),
                    )
                    .involving([Path::Fund(i, FundField::Name), Path::Project(*r, ProjectField::Name)]),
                )
            }
            [] if rows_complete => findings.push(Finding::new(
                LINK_FUND_MISSING,
                Path::Fund(i, FundField::Name),
                format!(
                    "专项资金{}在项目支出明细中既没有同名项目，也没有金额为 {actual} 的项目",
                    name()
                ),
            )),
            // Several rows have the amount, or an incomplete row may be the one: say nothing.
            _ => {}
        }
    }
}

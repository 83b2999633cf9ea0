//! The sample draft: the real 2024 report of 株洲市芦淞区信访局 with an illustrative 自评表 (the
//! spec's version 2 example), shipped as the first draft a new user sees and used throughout
//! the tests.

use crate::draft_file::read_draft;
use crate::model::Draft;

/// The sample draft file, exactly as the spec gives it (`examples/seed-2024-v2.json`).
pub const SAMPLE_JSON: &str = include_str!("sample/seed-2024-v2.json");

/// The same report as a version 1 file (`examples/seed-2024.json`), without the 自评表: the
/// reference of the migration and of the report's four findings.
pub const SEED_V1_JSON: &str = include_str!("sample/seed-2024.json");

/// The sample draft. It is part of the program, so failing to read it is a build defect that the
/// tests catch; should it ever happen, a blank draft is returned rather than a panic.
pub fn sample_draft() -> Draft {
    read_draft(SAMPLE_JSON).unwrap_or_default()
}

/// A large, consistent draft for benchmarks: the seed's text with `projects` rows in 二（二）
/// and `funds` special funds, every fund matching a row by name and amount, and every total
/// right, so each check does its full work.
pub fn large_draft(projects: usize, funds: usize) -> Draft {
    use crate::model::{ProjectRow, SpecialFund};
    use rust_decimal::Decimal;

    let mut draft = sample_draft();
    let amount = |i: usize| Decimal::new(i as i64 % 9_000 + 101, 2); // 1.01 ..= 91.00
    draft.general_budget.projects = (0..projects)
        .map(|i| ProjectRow {
            name: format!("项目{}", i + 1),
            amount: amount(i).to_string(),
            ..ProjectRow::default()
        })
        .collect();
    let template = draft
        .performance
        .special_funds
        .first()
        .cloned()
        .unwrap_or_default();
    draft.performance.special_funds = (0..funds)
        .map(|i| SpecialFund {
            name: format!("项目{}", i + 1),
            initial_budget: "0".to_owned(),
            adjustment: amount(i).to_string(),
            actual: amount(i).to_string(),
            carryover: "0".to_owned(),
            ..template.clone()
        })
        .collect();
    draft.performance.special_funds_stated_count = funds.to_string();
    let project_total: Decimal = (0..projects).map(amount).sum();
    let adjustments: Decimal = (0..funds).map(amount).sum();
    let basic = Decimal::new(15_415, 2);
    let expense = basic + project_total;
    draft.general_budget.project_expense = project_total.to_string();
    draft.general_budget.appropriation_expense = expense.to_string();
    draft.general_budget.appropriation_income = expense.to_string();
    draft.general_budget.annual_budget = (expense - adjustments).max(Decimal::ZERO).to_string();
    // The sample's one finding of the 自评表 (宣传资料 scored above its figures) put right.
    if let Some(row) = draft.scorecard.indicators.get_mut(6) {
        "10".clone_into(&mut row.score);
        "印刷经费压减，改为线上宣传。".clone_into(&mut row.deviation);
    }
    draft
}

/// `draft` with `indicators` rows in its 自评表 in place of its own, consistent (weights adding
/// up to 100 with the budget's 10, every target met and scored in full) so each check of the
/// table does its full work, and each 一级指标 represented.
pub fn with_indicators(mut draft: Draft, indicators: usize) -> Draft {
    use crate::model::Indicator;
    use crate::scorecard::LEVELS;
    use rust_decimal::Decimal;

    let Some(n) = i64::try_from(indicators).ok().filter(|n| *n > 0) else {
        draft.scorecard.indicators.clear();
        return draft;
    };
    let total = Decimal::new(9_000, 2);
    let each = Decimal::new(9_000 / n, 2);
    let last = total - each * Decimal::from(n - 1);
    draft.scorecard.indicators = (0..indicators)
        .map(|i| {
            let (level1, level2) = LEVELS.get(i % 3).map_or(("", ""), |(l1, l2)| {
                (*l1, l2.first().copied().unwrap_or_default())
            });
            let weight = if i + 1 == indicators { last } else { each }.to_string();
            Indicator {
                level1: level1.to_owned(),
                level2: level2.to_owned(),
                name: format!("指标{}", i + 1),
                target: format!("≥{}次", i % 50 + 1),
                actual: format!("{}次", i % 50 + 2),
                score: weight.clone(),
                weight,
                ..Indicator::default()
            }
        })
        .collect();
    draft
}

/// A long report's text for the benchmarks: `text` (a report) with its own long paragraphs
/// (over 40 characters) added at its end, in turn, until it has at least `chars` characters.
/// A 200-page report is about 120,000 (some 600 characters a page).
pub fn grown_report(text: &str, chars: usize) -> String {
    let paragraphs: Vec<&str> = text.lines().filter(|l| l.chars().count() > 40).collect();
    let mut grown = text.to_owned();
    let mut count = text.chars().count();
    for paragraph in paragraphs.iter().cycle() {
        if count >= chars {
            break;
        }
        grown.push_str(paragraph);
        grown.push('\n');
        count += paragraph.chars().count() + 1;
    }
    grown
}

//! The computed figures shown beside the form (spec §5, "Computed figures").

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Draft;
use crate::outline::List;
use crate::values::Values;

/// Where 全年预算数 came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FullYearSource {
    /// Typed into the 全年预算数 field.
    Entered,
    /// 预算资金 + the special funds' 年中调整.
    Computed,
}

/// The figures; `None` where a value they need is blank, invalid, or a divisor is zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub full_year_budget: Option<Decimal>,
    pub full_year_source: FullYearSource,
    /// 财政拨款支出 ÷ 全年预算数, in percent, two decimals.
    pub execution_rate: Option<Decimal>,
    /// 基本支出 as a share of 财政拨款支出, in percent.
    pub basic_share: Option<Decimal>,
    /// 项目支出 as a share of 财政拨款支出, in percent.
    pub project_share: Option<Decimal>,
    /// 人员经费 as a share of 基本支出, in percent.
    pub personnel_share: Option<Decimal>,
    /// The 二（二） rows' amounts, added up.
    pub projects_total: Total,
    /// The special funds' 年初预算, 年中调整, 实际支出 and 结余结转, each added up.
    pub funds_totals: [Total; 4],
}

/// A column of rows added up: shown under the rows, never typed and never exported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Total {
    /// The rows.
    pub rows: usize,
    /// The sum of the amounts that parse.
    pub sum: Decimal,
    /// Rows whose amount is blank or does not parse: not in `sum`.
    pub left_out: usize,
}

impl Total {
    /// (Not generic: one copy of the exact addition in the wasm for the five columns.)
    fn of(amounts: &mut dyn Iterator<Item = Option<crate::amount::Amount>>) -> Total {
        amounts.fold(Total::default(), |mut t, amount| {
            t.rows += 1;
            match amount.and_then(|a| t.sum.checked_add(a.value())) {
                Some(sum) => t.sum = sum,
                None => t.left_out += 1,
            }
            t
        })
    }
}

/// One line of the figures panel, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureLine {
    pub label: &'static str,
    pub value: String,
    pub note: String,
}

impl Figures {
    pub fn of(draft: &Draft) -> Self {
        Figures::from_values(&Values::of(draft))
    }

    pub(crate) fn from_values(v: &Values) -> Self {
        let (full_year_budget, full_year_source) = if v.full_year_budget_entered {
            (
                v.full_year_budget.map(|a| a.value()),
                FullYearSource::Entered,
            )
        } else {
            let adjustments: Option<Decimal> = v
                .funds
                .iter()
                .map(|f| f.adjustment.map(|a| a.value()))
                .sum();
            let computed = v
                .annual_budget
                .zip(adjustments)
                .map(|(budget, adjustments)| budget.value() + adjustments);
            (computed, FullYearSource::Computed)
        };
        let value = |a: Option<crate::amount::Amount>| a.map(|a| a.value());
        let expense = value(v.appropriation_expense);
        let basic = value(v.basic_expense);
        Figures {
            full_year_budget,
            full_year_source,
            execution_rate: percent(expense, full_year_budget),
            basic_share: percent(basic, expense),
            project_share: percent(value(v.project_expense), expense),
            personnel_share: percent(value(v.personnel_expense), basic),
            projects_total: Total::of(&mut v.projects.iter().copied()),
            funds_totals: [
                Total::of(&mut v.funds.iter().map(|f| f.initial_budget)),
                Total::of(&mut v.funds.iter().map(|f| f.adjustment)),
                Total::of(&mut v.funds.iter().map(|f| f.actual)),
                Total::of(&mut v.funds.iter().map(|f| f.carryover)),
            ],
        }
    }

    /// The figures as the panel beside the form shows them.
    pub fn lines(&self) -> Vec<FigureLine> {
        let amount = |d: Option<Decimal>| d.map_or_else(|| "—".to_owned(), |d| format!("{d} 万元"));
        let pct = |d: Option<Decimal>| d.map_or_else(|| "—".to_owned(), |d| format!("{d} %"));
        let source = match self.full_year_source {
            FullYearSource::Entered => "按填写的全年预算数",
            FullYearSource::Computed => "预算资金 + 专项资金年中调整",
        };
        vec![
            FigureLine {
                label: "全年预算数",
                value: amount(self.full_year_budget),
                note: source.to_owned(),
            },
            FigureLine {
                label: "预算执行率",
                value: pct(self.execution_rate),
                note: "财政拨款支出 ÷ 全年预算数".to_owned(),
            },
            FigureLine {
                label: "基本支出占比",
                value: pct(self.basic_share),
                note: "基本支出 ÷ 财政拨款支出".to_owned(),
            },
            FigureLine {
                label: "项目支出占比",
                value: pct(self.project_share),
                note: "项目支出 ÷ 财政拨款支出".to_owned(),
            },
            FigureLine {
                label: "人员经费占比",
                value: pct(self.personnel_share),
                note: "人员经费 ÷ 基本支出".to_owned(),
            },
        ]
    }
}

impl Figures {
    /// The running total shown under a list's rows, for the lists of amounts (项目支出明细 and
    /// the special funds); `None` for the others and for a list without rows.
    pub fn row_total(&self, list: List) -> Option<String> {
        let note = |left_out: usize| {
            if left_out == 0 {
                String::new()
            } else {
                format!("（{left_out} 个金额未填或无法识别，未计入）")
            }
        };
        match list {
            List::Projects if self.projects_total.rows > 0 => {
                let t = self.projects_total;
                Some(format!(
                    "{} 个项目合计 {} 万元{}",
                    t.rows,
                    t.sum,
                    note(t.left_out)
                ))
            }
            List::Funds if self.funds_totals[0].rows > 0 => {
                let [initial, adjustment, actual, carryover] = self.funds_totals;
                let left_out = self.funds_totals.iter().map(|t| t.left_out).sum();
                Some(format!(
                    "{} 项专项资金合计：年初预算 {} 万元，年中调整 {} 万元，实际支出 {} 万元，结余结转 {} 万元{}",
                    initial.rows,
                    initial.sum,
                    adjustment.sum,
                    actual.sum,
                    carryover.sum,
                    note(left_out)
                ))
            }
            _ => None,
        }
    }
}

/// `part ÷ whole` in percent, rounded half away from zero to two decimals.
fn percent(part: Option<Decimal>, whole: Option<Decimal>) -> Option<Decimal> {
    let (part, whole) = (part?, whole?);
    let ratio = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    Some(ratio.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rows_are_added_up_exactly_and_what_does_not_parse_is_named() {
        let seed = crate::sample::sample_draft();
        let figures = Figures::of(&seed);
        let projects = figures.row_total(List::Projects).unwrap_or_default();
        assert_eq!(projects, "3 个项目合计 118.29 万元");
        assert_eq!(
            figures.projects_total.sum.to_string(),
            seed.general_budget.project_expense
        );
        let funds = figures.row_total(List::Funds).unwrap_or_default();
        assert!(funds.starts_with("3 项专项资金合计：年初预算 "), "{funds}");
        assert!(!funds.contains("未计入"), "{funds}");
        assert_eq!(figures.row_total(List::Functions), None);

        let mut draft = Draft::default();
        for amount in ["0.1", "0.2", "", "3元"] {
            draft
                .general_budget
                .projects
                .push(crate::model::ProjectRow {
                    name: "x".into(),
                    amount: amount.into(),
                    ..Default::default()
                });
        }
        assert_eq!(
            Figures::of(&draft).row_total(List::Projects).as_deref(),
            Some("4 个项目合计 0.3 万元（2 个金额未填或无法识别，未计入）")
        );
        assert_eq!(Figures::of(&draft).row_total(List::Funds), None);
    }
}

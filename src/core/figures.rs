//! The computed figures shown beside the form (spec §5, "Computed figures").

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Draft;
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

/// `part ÷ whole` in percent, rounded half away from zero to two decimals.
fn percent(part: Option<Decimal>, whole: Option<Decimal>) -> Option<Decimal> {
    let (part, whole) = (part?, whole?);
    let ratio = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    Some(ratio.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

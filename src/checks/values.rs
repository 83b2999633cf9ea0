//! The draft's numbers, read once for the checks and the figures.

use crate::amount::{parse_amount, parse_count, Amount};
use crate::finding::{Finding, Rule};
use crate::model::Draft;
use crate::outline::{FundField, Kind, Path, ProjectField};

/// Every number of the draft; `None` where the field is blank or has an error finding.
#[derive(Debug, Clone, Default)]
pub(crate) struct Values {
    pub staff_total: Option<u32>,
    pub staff_active: Option<u32>,
    pub staff_retired: Option<u32>,
    pub stated_fund_count: Option<u32>,
    pub annual_budget: Option<Amount>,
    pub full_year_budget: Option<Amount>,
    /// True when the 全年预算数 field is filled in (valid or not): it then replaces the computed one.
    pub full_year_budget_entered: bool,
    pub appropriation_income: Option<Amount>,
    pub appropriation_expense: Option<Amount>,
    pub project_expense: Option<Amount>,
    pub basic_expense: Option<Amount>,
    pub personnel_expense: Option<Amount>,
    pub public_expense: Option<Amount>,
    pub projects: Vec<Option<Amount>>,
    pub funds: Vec<FundValues>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct FundValues {
    pub initial_budget: Option<Amount>,
    pub adjustment: Option<Amount>,
    pub actual: Option<Amount>,
    pub carryover: Option<Amount>,
}

impl Values {
    pub fn of(draft: &Draft) -> Self {
        let amount = |path: Path| {
            read_amount(path, draft.field(path).unwrap_or_default())
                .ok()
                .flatten()
        };
        let count = |path: Path| {
            read_count(path, draft.field(path).unwrap_or_default())
                .ok()
                .flatten()
        };
        let projects = (0..draft.general_budget.projects.len())
            .map(|i| amount(Path::Project(i, ProjectField::Amount)))
            .collect();
        let funds = (0..draft.performance.special_funds.len())
            .map(|i| FundValues {
                initial_budget: amount(Path::Fund(i, FundField::InitialBudget)),
                adjustment: amount(Path::Fund(i, FundField::Adjustment)),
                actual: amount(Path::Fund(i, FundField::Actual)),
                carryover: amount(Path::Fund(i, FundField::Carryover)),
            })
            .collect();
        Values {
            staff_total: count(Path::StaffTotal),
            staff_active: count(Path::StaffActive),
            staff_retired: count(Path::StaffRetired),
            stated_fund_count: count(Path::StatedFundCount),
            annual_budget: amount(Path::AnnualBudget),
            full_year_budget: amount(Path::FullYearBudget),
            full_year_budget_entered: !crate::text::is_blank(
                &draft.general_budget.full_year_budget,
            ),
            appropriation_income: amount(Path::AppropriationIncome),
            appropriation_expense: amount(Path::AppropriationExpense),
            project_expense: amount(Path::ProjectExpense),
            basic_expense: amount(Path::BasicExpense),
            personnel_expense: amount(Path::PersonnelExpense),
            public_expense: amount(Path::PublicExpense),
            projects,
            funds,
        }
    }
}

/// Reads an amount field: `Err` with its finding (`format.amount`, `format.negative`) when the
/// value has an error of its own, `Ok(None)` when blank.
pub(crate) fn read_amount(path: Path, text: &str) -> Result<Option<Amount>, Finding> {
    match parse_amount(text) {
        Err(e) => Err(Finding::new(
            Rule::FormatAmount,
            path,
            format!("{}：{e}", path.describe()),
        )),
        Ok(Some(amount)) if amount.is_negative() && path.kind() != Kind::SignedAmount => {
            Err(Finding::new(
                Rule::FormatNegative,
                path,
                format!(
                    "{} 为负数（{amount}）：只有专项资金的年中调整（调减）可以为负",
                    path.describe()
                ),
            ))
        }
        Ok(amount) => Ok(amount),
    }
}

/// Reads a count field: `Err` with its `format.count` finding when it is not a whole count.
pub(crate) fn read_count(path: Path, text: &str) -> Result<Option<u32>, Finding> {
    parse_count(text)
        .map_err(|e| Finding::new(Rule::FormatCount, path, format!("{}：{e}", path.describe())))
}

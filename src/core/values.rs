//! The draft's numbers, read once for the checks and the figures. A value that cannot be used
//! (blank, not a number, negative where it may not be) is `None` here; why it cannot is the
//! `format.*` checks' to say.

use crate::amount::{parse_amount, parse_count, parse_score, Amount, AmountError, ScoreError};
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
            amount(path, draft.field(path).unwrap_or_default())
                .ok()
                .flatten()
        };
        let count = |path: Path| {
            parse_count(draft.field(path).unwrap_or_default())
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

/// Why a typed amount cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unusable {
    NotAnAmount(AmountError),
    NotAScore(ScoreError),
    /// Negative in a field that may not be (only 年中调整 may: 调减).
    Negative(Amount),
}

/// The amount typed in the field at `path`: `Ok(None)` when blank.
pub(crate) fn amount(path: Path, text: &str) -> Result<Option<Amount>, Unusable> {
    let parsed = if path.kind() == Kind::Score {
        parse_score(text).map_err(Unusable::NotAScore)?
    } else {
        parse_amount(text).map_err(Unusable::NotAnAmount)?
    };
    match parsed {
        Some(amount) if amount.is_negative() && path.kind() != Kind::SignedAmount => {
            Err(Unusable::Negative(amount))
        }
        amount => Ok(amount),
    }
}

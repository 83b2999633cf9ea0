//! The report as the user typed it: every value is the text that was typed, numbers included.
//!
//! Nothing here parses or judges a value; that is the checks' job (`crate::checks`). Keeping the
//! raw text is what lets a draft with a typo survive a save and a reload unchanged.

use crate::json::Map;

/// Fields of a draft file that this version of the program does not know. They are kept so a
/// newer colleague's file survives a round trip through an older program.
pub type Extra = Map;

/// One 部门整体支出绩效自评报告 draft with its 自评表 (format version 2 of `docs/draft-format.md`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub meta: Meta,
    pub basic: Basic,
    pub goals: Goals,
    pub general_budget: GeneralBudget,
    pub gov_fund_budget: TextSection,
    pub state_capital_budget: TextSection,
    pub social_insurance_budget: TextSection,
    pub performance: Performance,
    pub problems: String,
    pub improvements: String,
    pub result_use: String,
    pub other: String,
    /// The 自评表 (`SCORECARD.md`); not started in a version 1 file.
    pub scorecard: Scorecard,
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub department: String,
    pub short_name: String,
    pub year: String,
    /// 落款日期 (version 2): the date under the unit's name at the report's end.
    pub date: String,
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Basic {
    pub functions: Vec<String>,
    pub organization: String,
    pub staff: Staff,
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Staff {
    pub as_of: String,
    pub total: String,
    pub active: String,
    pub retired: String,
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Goals {
    pub overall: String,
    pub special_funds: String,
    pub other_projects: String,
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct GeneralBudget {
    pub annual_budget: String,
    pub full_year_budget: String,
    pub appropriation_income: String,
    pub appropriation_expense: String,
    pub basic_expense: String,
    pub personnel_expense: String,
    pub public_expense: String,
    pub project_expense: String,
    pub projects: Vec<ProjectRow>,
    pub extra: Extra,
}

/// A row of 二（二） 项目支出明细.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectRow {
    pub name: String,
    pub amount: String,
    pub extra: Extra,
}

/// Sections 三, 四 and 五: one text each ("无" when there is nothing to say).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextSection {
    pub text: String,
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Performance {
    pub overall: Vec<PerformancePoint>,
    pub special_funds_stated_count: String,
    pub special_funds: Vec<SpecialFund>,
    pub extra: Extra,
}

/// A point of 六（一） 部门整体支出绩效情况.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PerformancePoint {
    pub title: String,
    pub text: String,
    pub extra: Extra,
}

/// A special fund of 六（二）.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpecialFund {
    pub name: String,
    pub initial_budget: String,
    pub adjustment: String,
    pub actual: String,
    pub carryover: String,
    pub effect: String,
    pub extra: Extra,
}

/// The 部门整体支出绩效自评表.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scorecard {
    pub budget: ScoreBudget,
    pub income: ScoreIncome,
    pub goal: ScoreGoal,
    pub indicators: Vec<Indicator>,
    pub extra: Extra,
}

/// 年度预算申请: the budget's line of the table, and the weight of its execution rate.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreBudget {
    pub initial: String,
    pub full_year: String,
    pub executed: String,
    pub weight: String,
    pub explanation: String,
    pub extra: Extra,
}

/// 按收入性质分.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreIncome {
    pub general: String,
    pub gov_fund: String,
    pub special_account: String,
    pub other: String,
    pub extra: Extra,
}

/// 年度总体目标: 预期目标 and 实际完成情况.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreGoal {
    pub expected: String,
    pub actual: String,
    pub extra: Extra,
}

/// One scored indicator (三级指标) of the table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Indicator {
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub target: String,
    pub actual: String,
    pub weight: String,
    pub score: String,
    pub deviation: String,
    pub extra: Extra,
}

impl Draft {
    /// The report's title: `{department}{year}年度部门整体支出绩效自评报告`.
    pub fn title(&self) -> String {
        let (unit, rest) = self.title_parts();
        format!("{unit}{rest}")
    }

    /// The title in the two parts a long title breaks between: the unit, then the year and the
    /// kind of report (so its last character never stands alone on a line).
    pub fn title_parts(&self) -> (&str, String) {
        (
            self.meta.department.trim(),
            format!("{}年度部门整体支出绩效自评报告", self.meta.year.trim()),
        )
    }

    /// The name the report uses for the department in its headings: the short name when given.
    pub fn display_name(&self) -> &str {
        let short = self.meta.short_name.trim();
        if short.is_empty() {
            self.meta.department.trim()
        } else {
            short
        }
    }

    /// The number of rows in all the lists together; the draft reader refuses files with too many.
    pub fn row_count(&self) -> usize {
        self.basic.functions.len()
            + self.general_budget.projects.len()
            + self.performance.overall.len()
            + self.performance.special_funds.len()
            + self.scorecard.indicators.len()
    }
}

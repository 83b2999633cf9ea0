//! The report's outline: every field's path, label, kind and section, as `docs/draft-format.md`
//! lists them. Findings, the form and the export all name fields through [`Path`], so a label or
//! an address is written once, here.

use std::fmt;
use std::str::FromStr;

use crate::model::{Draft, PerformancePoint, ProjectRow, SpecialFund};

/// The address of one field (or of a whole list, for "the list is empty" findings).
///
/// Variants are declared in document order, so sorting paths sorts them as the report reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Path {
    Department,
    ShortName,
    Year,
    Functions,
    Function(usize),
    Organization,
    StaffAsOf,
    StaffTotal,
    StaffActive,
    StaffRetired,
    GoalsOverall,
    GoalsSpecialFunds,
    GoalsOtherProjects,
    AnnualBudget,
    FullYearBudget,
    AppropriationIncome,
    AppropriationExpense,
    ProjectExpense,
    BasicExpense,
    PersonnelExpense,
    PublicExpense,
    Projects,
    Project(usize, ProjectField),
    GovFundBudget,
    StateCapitalBudget,
    SocialInsuranceBudget,
    Points,
    Point(usize, PointField),
    StatedFundCount,
    Funds,
    Fund(usize, FundField),
    Problems,
    Improvements,
    ResultUse,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProjectField {
    Name,
    Amount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PointField {
    Title,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FundField {
    Name,
    InitialBudget,
    Adjustment,
    Actual,
    Carryover,
    Effect,
}

impl ProjectField {
    pub const ALL: [ProjectField; 2] = [ProjectField::Name, ProjectField::Amount];
}

impl PointField {
    pub const ALL: [PointField; 2] = [PointField::Title, PointField::Text];
}

impl FundField {
    pub const ALL: [FundField; 6] = [
        FundField::Name,
        FundField::InitialBudget,
        FundField::Adjustment,
        FundField::Actual,
        FundField::Carryover,
        FundField::Effect,
    ];
    pub const AMOUNTS: [FundField; 4] = [
        FundField::InitialBudget,
        FundField::Adjustment,
        FundField::Actual,
        FundField::Carryover,
    ];
}

/// What a field holds, which decides how it is typed, checked and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A short line of text: names, titles, dates.
    Line,
    /// Paragraphs of text.
    Paragraphs,
    /// An amount in 万元 (spec §4); never negative.
    Amount,
    /// An amount that may be negative: only 年中调整 (调减).
    SignedAmount,
    /// A whole, non-negative count.
    Count,
    /// A four-digit year.
    Year,
    /// A list of rows, not a field of its own.
    List,
}

/// The report's sections, in order, as the form and the findings panel group them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Meta,
    Basic,
    GeneralBudget,
    GovFundBudget,
    StateCapitalBudget,
    SocialInsuranceBudget,
    Performance,
    Problems,
    Improvements,
    ResultUse,
    Other,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Meta,
        Section::Basic,
        Section::GeneralBudget,
        Section::GovFundBudget,
        Section::StateCapitalBudget,
        Section::SocialInsuranceBudget,
        Section::Performance,
        Section::Problems,
        Section::Improvements,
        Section::ResultUse,
        Section::Other,
    ];

    /// The section's Chinese numeral, as the report numbers it ("" for the cover data).
    pub fn numeral(self) -> &'static str {
        match self {
            Section::Meta => "",
            Section::Basic => "一",
            Section::GeneralBudget => "二",
            Section::GovFundBudget => "三",
            Section::StateCapitalBudget => "四",
            Section::SocialInsuranceBudget => "五",
            Section::Performance => "六",
            Section::Problems => "七",
            Section::Improvements => "八",
            Section::ResultUse => "九",
            Section::Other => "十",
        }
    }

    /// The section's heading without its numeral.
    pub fn title(self) -> &'static str {
        match self {
            Section::Meta => "单位与年度",
            Section::Basic => "基本情况",
            Section::GeneralBudget => "一般公共预算支出情况",
            Section::GovFundBudget => "政府性基金预算支出情况",
            Section::StateCapitalBudget => "国有资本经营预算支出情况",
            Section::SocialInsuranceBudget => "社会保险基金预算支出情况",
            Section::Performance => "资金使用及绩效情况",
            Section::Problems => "存在的问题及原因分析",
            Section::Improvements => "下一步改进措施",
            Section::ResultUse => "绩效自评结果拟应用和公开情况",
            Section::Other => "其他需要说明的情况",
        }
    }

    /// The heading as the report prints it: `二、一般公共预算支出情况`.
    pub fn heading(self) -> String {
        match self.numeral() {
            "" => self.title().to_owned(),
            numeral => format!("{numeral}、{}", self.title()),
        }
    }

    /// A stable, ASCII anchor for the section (used for in-page links).
    pub fn anchor(self) -> &'static str {
        match self {
            Section::Meta => "meta",
            Section::Basic => "basic",
            Section::GeneralBudget => "general_budget",
            Section::GovFundBudget => "gov_fund_budget",
            Section::StateCapitalBudget => "state_capital_budget",
            Section::SocialInsuranceBudget => "social_insurance_budget",
            Section::Performance => "performance",
            Section::Problems => "problems",
            Section::Improvements => "improvements",
            Section::ResultUse => "result_use",
            Section::Other => "other",
        }
    }
}

/// The lists whose rows can be added, removed and moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    Functions,
    Projects,
    Points,
    Funds,
}

impl List {
    pub fn path(self) -> Path {
        match self {
            List::Functions => Path::Functions,
            List::Projects => Path::Projects,
            List::Points => Path::Points,
            List::Funds => Path::Funds,
        }
    }

    /// The first field of row `i`, where focus goes when the row is added.
    pub fn first_field(self, i: usize) -> Path {
        match self {
            List::Functions => Path::Function(i),
            List::Projects => Path::Project(i, ProjectField::Name),
            List::Points => Path::Point(i, PointField::Title),
            List::Funds => Path::Fund(i, FundField::Name),
        }
    }

    /// What one row is called, for buttons and messages ("项目", "专项资金").
    pub fn row_noun(self) -> &'static str {
        match self {
            List::Functions => "职能",
            List::Projects => "项目",
            List::Points => "要点",
            List::Funds => "专项资金",
        }
    }
}

impl Path {
    /// The fields of the report that are not rows of a list, in document order.
    pub const SINGLE_FIELDS: [Path; 27] = [
        Path::Department,
        Path::ShortName,
        Path::Year,
        Path::Organization,
        Path::StaffAsOf,
        Path::StaffTotal,
        Path::StaffActive,
        Path::StaffRetired,
        Path::GoalsOverall,
        Path::GoalsSpecialFunds,
        Path::GoalsOtherProjects,
        Path::AnnualBudget,
        Path::FullYearBudget,
        Path::AppropriationIncome,
        Path::AppropriationExpense,
        Path::ProjectExpense,
        Path::BasicExpense,
        Path::PersonnelExpense,
        Path::PublicExpense,
        Path::GovFundBudget,
        Path::StateCapitalBudget,
        Path::SocialInsuranceBudget,
        Path::StatedFundCount,
        Path::Problems,
        Path::Improvements,
        Path::ResultUse,
        Path::Other,
    ];

    /// The seven amounts of 二（一） that every report must fill in (全年预算数 is optional).
    pub const REQUIRED_BUDGET_AMOUNTS: [Path; 7] = [
        Path::AnnualBudget,
        Path::AppropriationIncome,
        Path::AppropriationExpense,
        Path::ProjectExpense,
        Path::BasicExpense,
        Path::PersonnelExpense,
        Path::PublicExpense,
    ];

    /// The sections that must not be blank; they take "无" when there is nothing to say.
    pub const REQUIRED_SECTIONS: [Path; 7] = [
        Path::GovFundBudget,
        Path::StateCapitalBudget,
        Path::SocialInsuranceBudget,
        Path::Problems,
        Path::Improvements,
        Path::ResultUse,
        Path::Other,
    ];

    /// The field's label, as the form and the messages show it.
    pub fn label(self) -> &'static str {
        match self {
            Path::Department => "单位名称",
            Path::ShortName => "单位简称",
            Path::Year => "年度",
            Path::Functions | Path::Function(_) => "主要职能",
            Path::Organization => "机构情况",
            Path::StaffAsOf => "截止时间",
            Path::StaffTotal => "实有人数",
            Path::StaffActive => "在职人数",
            Path::StaffRetired => "退休人数",
            Path::GoalsOverall => "年度整体支出绩效目标",
            Path::GoalsSpecialFunds => "部门专项资金绩效目标",
            Path::GoalsOtherProjects => "其他项目支出（除省级专项资金以外）绩效目标",
            Path::AnnualBudget => "预算资金",
            Path::FullYearBudget => "全年预算数",
            Path::AppropriationIncome => "一般公共预算财政拨款收入",
            Path::AppropriationExpense => "一般公共预算财政拨款支出",
            Path::ProjectExpense => "项目支出",
            Path::BasicExpense => "基本支出",
            Path::PersonnelExpense => "人员经费",
            Path::PublicExpense => "公用经费",
            Path::Projects => "项目支出明细",
            Path::Project(_, ProjectField::Name) => "项目名称",
            Path::Project(_, ProjectField::Amount) => "金额",
            Path::GovFundBudget => "政府性基金预算支出情况",
            Path::StateCapitalBudget => "国有资本经营预算支出情况",
            Path::SocialInsuranceBudget => "社会保险基金预算支出情况",
            Path::Points => "部门整体支出绩效情况",
            Path::Point(_, PointField::Title) => "要点标题",
            Path::Point(_, PointField::Text) => "内容",
            Path::StatedFundCount => "专项资金个数",
            Path::Funds => "专项资金",
            Path::Fund(_, FundField::Name) => "名称",
            Path::Fund(_, FundField::InitialBudget) => "年初预算",
            Path::Fund(_, FundField::Adjustment) => "年中调整",
            Path::Fund(_, FundField::Actual) => "实际支出",
            Path::Fund(_, FundField::Carryover) => "结余结转",
            Path::Fund(_, FundField::Effect) => "绩效情况",
            Path::Problems => "存在的问题及原因分析",
            Path::Improvements => "下一步改进措施",
            Path::ResultUse => "绩效自评结果拟应用和公开情况",
            Path::Other => "其他需要说明的情况",
        }
    }

    /// The label with the row it belongs to, for messages: `项目支出明细第3行 金额`.
    pub fn describe(self) -> String {
        match self {
            Path::Function(i) => format!("主要职能第{}项", i + 1),
            Path::Project(i, _) => format!("项目支出明细第{}行 {}", i + 1, self.label()),
            Path::Point(i, _) => format!("绩效要点第{}条 {}", i + 1, self.label()),
            Path::Fund(i, _) => format!("专项资金第{}项 {}", i + 1, self.label()),
            _ => self.label().to_owned(),
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Path::Year => Kind::Year,
            Path::StaffTotal | Path::StaffActive | Path::StaffRetired | Path::StatedFundCount => {
                Kind::Count
            }
            Path::AnnualBudget
            | Path::FullYearBudget
            | Path::AppropriationIncome
            | Path::AppropriationExpense
            | Path::ProjectExpense
            | Path::BasicExpense
            | Path::PersonnelExpense
            | Path::PublicExpense
            | Path::Project(_, ProjectField::Amount)
            | Path::Fund(_, FundField::InitialBudget | FundField::Actual | FundField::Carryover) => {
                Kind::Amount
            }
            Path::Fund(_, FundField::Adjustment) => Kind::SignedAmount,
            Path::Department
            | Path::ShortName
            | Path::StaffAsOf
            | Path::Project(_, ProjectField::Name)
            | Path::Point(_, PointField::Title)
            | Path::Fund(_, FundField::Name) => Kind::Line,
            Path::Functions | Path::Projects | Path::Points | Path::Funds => Kind::List,
            Path::Function(_)
            | Path::Organization
            | Path::GoalsOverall
            | Path::GoalsSpecialFunds
            | Path::GoalsOtherProjects
            | Path::GovFundBudget
            | Path::StateCapitalBudget
            | Path::SocialInsuranceBudget
            | Path::Point(_, PointField::Text)
            | Path::Fund(_, FundField::Effect)
            | Path::Problems
            | Path::Improvements
            | Path::ResultUse
            | Path::Other => Kind::Paragraphs,
        }
    }

    pub fn section(self) -> Section {
        match self {
            Path::Department | Path::ShortName | Path::Year => Section::Meta,
            Path::Functions
            | Path::Function(_)
            | Path::Organization
            | Path::StaffAsOf
            | Path::StaffTotal
            | Path::StaffActive
            | Path::StaffRetired
            | Path::GoalsOverall
            | Path::GoalsSpecialFunds
            | Path::GoalsOtherProjects => Section::Basic,
            Path::AnnualBudget
            | Path::FullYearBudget
            | Path::AppropriationIncome
            | Path::AppropriationExpense
            | Path::ProjectExpense
            | Path::BasicExpense
            | Path::PersonnelExpense
            | Path::PublicExpense
            | Path::Projects
            | Path::Project(..) => Section::GeneralBudget,
            Path::GovFundBudget => Section::GovFundBudget,
            Path::StateCapitalBudget => Section::StateCapitalBudget,
            Path::SocialInsuranceBudget => Section::SocialInsuranceBudget,
            Path::Points
            | Path::Point(..)
            | Path::StatedFundCount
            | Path::Funds
            | Path::Fund(..) => Section::Performance,
            Path::Problems => Section::Problems,
            Path::Improvements => Section::Improvements,
            Path::ResultUse => Section::ResultUse,
            Path::Other => Section::Other,
        }
    }

    /// The list this path is a row field of, with the row's index.
    pub fn row(self) -> Option<(List, usize)> {
        match self {
            Path::Function(i) => Some((List::Functions, i)),
            Path::Project(i, _) => Some((List::Projects, i)),
            Path::Point(i, _) => Some((List::Points, i)),
            Path::Fund(i, _) => Some((List::Funds, i)),
            _ => None,
        }
    }
}

impl fmt::Display for Path {
    /// The path exactly as the spec writes it, e.g. `general_budget.projects[2].amount`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Path::Department => f.write_str("meta.department"),
            Path::ShortName => f.write_str("meta.short_name"),
            Path::Year => f.write_str("meta.year"),
            Path::Functions => f.write_str("basic.functions"),
            Path::Function(i) => write!(f, "basic.functions[{i}]"),
            Path::Organization => f.write_str("basic.organization"),
            Path::StaffAsOf => f.write_str("basic.staff.as_of"),
            Path::StaffTotal => f.write_str("basic.staff.total"),
            Path::StaffActive => f.write_str("basic.staff.active"),
            Path::StaffRetired => f.write_str("basic.staff.retired"),
            Path::GoalsOverall => f.write_str("goals.overall"),
            Path::GoalsSpecialFunds => f.write_str("goals.special_funds"),
            Path::GoalsOtherProjects => f.write_str("goals.other_projects"),
            Path::AnnualBudget => f.write_str("general_budget.annual_budget"),
            Path::FullYearBudget => f.write_str("general_budget.full_year_budget"),
            Path::AppropriationIncome => f.write_str("general_budget.appropriation_income"),
            Path::AppropriationExpense => f.write_str("general_budget.appropriation_expense"),
            Path::ProjectExpense => f.write_str("general_budget.project_expense"),
            Path::BasicExpense => f.write_str("general_budget.basic_expense"),
            Path::PersonnelExpense => f.write_str("general_budget.personnel_expense"),
            Path::PublicExpense => f.write_str("general_budget.public_expense"),
            Path::Projects => f.write_str("general_budget.projects"),
            Path::Project(i, field) => write!(f, "general_budget.projects[{i}].{}", field.key()),
            Path::GovFundBudget => f.write_str("gov_fund_budget.text"),
            Path::StateCapitalBudget => f.write_str("state_capital_budget.text"),
            Path::SocialInsuranceBudget => f.write_str("social_insurance_budget.text"),
            Path::Points => f.write_str("performance.overall"),
            Path::Point(i, field) => write!(f, "performance.overall[{i}].{}", field.key()),
            Path::StatedFundCount => f.write_str("performance.special_funds_stated_count"),
            Path::Funds => f.write_str("performance.special_funds"),
            Path::Fund(i, field) => write!(f, "performance.special_funds[{i}].{}", field.key()),
            Path::Problems => f.write_str("problems"),
            Path::Improvements => f.write_str("improvements"),
            Path::ResultUse => f.write_str("result_use"),
            Path::Other => f.write_str("other"),
        }
    }
}

impl ProjectField {
    /// The field's key in the draft file.
    pub fn key(self) -> &'static str {
        match self {
            ProjectField::Name => "name",
            ProjectField::Amount => "amount",
        }
    }
}

impl PointField {
    /// The field's key in the draft file.
    pub fn key(self) -> &'static str {
        match self {
            PointField::Title => "title",
            PointField::Text => "text",
        }
    }
}

impl FundField {
    /// The field's key in the draft file.
    pub fn key(self) -> &'static str {
        match self {
            FundField::Name => "name",
            FundField::InitialBudget => "initial_budget",
            FundField::Adjustment => "adjustment",
            FundField::Actual => "actual",
            FundField::Carryover => "carryover",
            FundField::Effect => "effect",
        }
    }
}

/// A string that is not a path of the outline.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}”不是报告中的字段路径")]
pub struct UnknownPath(pub String);

impl FromStr for Path {
    type Err = UnknownPath;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownPath(s.to_owned());
        // Row paths: `prefix[i]` or `prefix[i].field`.
        if let Some((prefix, rest)) = s.split_once('[') {
            let (index, field) = rest.split_once(']').ok_or_else(unknown)?;
            if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
                return Err(unknown());
            }
            let i: usize = index.parse().map_err(|_| unknown())?;
            let field = match field {
                "" => None,
                f => Some(f.strip_prefix('.').ok_or_else(unknown)?),
            };
            return match (prefix, field) {
                ("basic.functions", None) => Ok(Path::Function(i)),
                ("general_budget.projects", Some(f)) => ProjectField::ALL
                    .into_iter()
                    .find(|pf| pf.key() == f)
                    .map(|pf| Path::Project(i, pf))
                    .ok_or_else(unknown),
                ("performance.overall", Some(f)) => PointField::ALL
                    .into_iter()
                    .find(|pf| pf.key() == f)
                    .map(|pf| Path::Point(i, pf))
                    .ok_or_else(unknown),
                ("performance.special_funds", Some(f)) => FundField::ALL
                    .into_iter()
                    .find(|ff| ff.key() == f)
                    .map(|ff| Path::Fund(i, ff))
                    .ok_or_else(unknown),
                _ => Err(unknown()),
            };
        }
        [Path::Functions, Path::Projects, Path::Points, Path::Funds]
            .into_iter()
            .chain(Path::SINGLE_FIELDS)
            .find(|p| p.to_string() == s)
            .ok_or_else(unknown)
    }
}

/// The field a path names, as `&String` (`get`) or `&mut String` (`get_mut`, `mut`): one mapping
/// from paths to the model serves reading and writing.
macro_rules! field_of {
    ($draft:expr, $path:expr, $get:ident $(, $mut_:tt)?) => {{
        let d = $draft;
        let text = match $path {
            Path::Department => &$($mut_)? d.meta.department,
            Path::ShortName => &$($mut_)? d.meta.short_name,
            Path::Year => &$($mut_)? d.meta.year,
            Path::Function(i) => d.basic.functions.$get(i)?,
            Path::Organization => &$($mut_)? d.basic.organization,
            Path::StaffAsOf => &$($mut_)? d.basic.staff.as_of,
            Path::StaffTotal => &$($mut_)? d.basic.staff.total,
            Path::StaffActive => &$($mut_)? d.basic.staff.active,
            Path::StaffRetired => &$($mut_)? d.basic.staff.retired,
            Path::GoalsOverall => &$($mut_)? d.goals.overall,
            Path::GoalsSpecialFunds => &$($mut_)? d.goals.special_funds,
            Path::GoalsOtherProjects => &$($mut_)? d.goals.other_projects,
            Path::AnnualBudget => &$($mut_)? d.general_budget.annual_budget,
            Path::FullYearBudget => &$($mut_)? d.general_budget.full_year_budget,
            Path::AppropriationIncome => &$($mut_)? d.general_budget.appropriation_income,
            Path::AppropriationExpense => &$($mut_)? d.general_budget.appropriation_expense,
            Path::ProjectExpense => &$($mut_)? d.general_budget.project_expense,
            Path::BasicExpense => &$($mut_)? d.general_budget.basic_expense,
            Path::PersonnelExpense => &$($mut_)? d.general_budget.personnel_expense,
            Path::PublicExpense => &$($mut_)? d.general_budget.public_expense,
            Path::Project(i, field) => {
                let row = d.general_budget.projects.$get(i)?;
                match field {
                    ProjectField::Name => &$($mut_)? row.name,
                    ProjectField::Amount => &$($mut_)? row.amount,
                }
            }
            Path::GovFundBudget => &$($mut_)? d.gov_fund_budget.text,
            Path::StateCapitalBudget => &$($mut_)? d.state_capital_budget.text,
            Path::SocialInsuranceBudget => &$($mut_)? d.social_insurance_budget.text,
            Path::Point(i, field) => {
                let row = d.performance.overall.$get(i)?;
                match field {
                    PointField::Title => &$($mut_)? row.title,
                    PointField::Text => &$($mut_)? row.text,
                }
            }
            Path::StatedFundCount => &$($mut_)? d.performance.special_funds_stated_count,
            Path::Fund(i, field) => {
                let row = d.performance.special_funds.$get(i)?;
                match field {
                    FundField::Name => &$($mut_)? row.name,
                    FundField::InitialBudget => &$($mut_)? row.initial_budget,
                    FundField::Adjustment => &$($mut_)? row.adjustment,
                    FundField::Actual => &$($mut_)? row.actual,
                    FundField::Carryover => &$($mut_)? row.carryover,
                    FundField::Effect => &$($mut_)? row.effect,
                }
            }
            Path::Problems => &$($mut_)? d.problems,
            Path::Improvements => &$($mut_)? d.improvements,
            Path::ResultUse => &$($mut_)? d.result_use,
            Path::Other => &$($mut_)? d.other,
            Path::Functions | Path::Projects | Path::Points | Path::Funds => return None,
        };
        Some(text)
    }};
}

impl Draft {
    /// The text of a field, or `None` when the path names a list or a row that does not exist.
    pub fn field(&self, path: Path) -> Option<&str> {
        field_of!(self, path, get).map(String::as_str)
    }

    /// The text of a field to change, or `None` when the path names a list or a missing row.
    pub fn field_mut(&mut self, path: Path) -> Option<&mut String> {
        field_of!(self, path, get_mut, mut)
    }

    /// Sets a field's text; returns false (and changes nothing) when the path does not exist.
    pub fn set_field(&mut self, path: Path, text: &str) -> bool {
        match self.field_mut(path) {
            Some(field) => {
                text.clone_into(field);
                true
            }
            None => false,
        }
    }

    /// Every field of the draft, rows included, in document order.
    pub fn fields(&self) -> impl Iterator<Item = Path> + '_ {
        let singles = |from: Path, to: Path| {
            Path::SINGLE_FIELDS
                .into_iter()
                .filter(move |p| (from..=to).contains(p))
        };
        singles(Path::Department, Path::Year)
            .chain((0..self.basic.functions.len()).map(Path::Function))
            .chain(singles(Path::Organization, Path::PublicExpense))
            .chain((0..self.general_budget.projects.len()).flat_map(|i| {
                ProjectField::ALL
                    .into_iter()
                    .map(move |f| Path::Project(i, f))
            }))
            .chain(singles(Path::GovFundBudget, Path::SocialInsuranceBudget))
            .chain(
                (0..self.performance.overall.len())
                    .flat_map(|i| PointField::ALL.into_iter().map(move |f| Path::Point(i, f))),
            )
            .chain(singles(Path::StatedFundCount, Path::StatedFundCount))
            .chain(
                (0..self.performance.special_funds.len())
                    .flat_map(|i| FundField::ALL.into_iter().map(move |f| Path::Fund(i, f))),
            )
            .chain(singles(Path::Problems, Path::Other))
    }

    pub fn rows(&self, list: List) -> usize {
        match list {
            List::Functions => self.basic.functions.len(),
            List::Projects => self.general_budget.projects.len(),
            List::Points => self.performance.overall.len(),
            List::Funds => self.performance.special_funds.len(),
        }
    }

    /// Inserts a blank row at `at` (clamped to the end of the list).
    pub fn insert_row(&mut self, list: List, at: usize) {
        let at = at.min(self.rows(list));
        match list {
            List::Functions => self.basic.functions.insert(at, String::new()),
            List::Projects => self
                .general_budget
                .projects
                .insert(at, ProjectRow::default()),
            List::Points => self
                .performance
                .overall
                .insert(at, PerformancePoint::default()),
            List::Funds => self
                .performance
                .special_funds
                .insert(at, SpecialFund::default()),
        }
    }

    /// Removes row `at`; returns false when there is no such row.
    pub fn remove_row(&mut self, list: List, at: usize) -> bool {
        if at >= self.rows(list) {
            return false;
        }
        match list {
            List::Functions => drop(self.basic.functions.remove(at)),
            List::Projects => drop(self.general_budget.projects.remove(at)),
            List::Points => drop(self.performance.overall.remove(at)),
            List::Funds => drop(self.performance.special_funds.remove(at)),
        }
        true
    }

    /// Swaps row `at` with its neighbour `at + 1`; returns false when either does not exist.
    pub fn swap_with_next(&mut self, list: List, at: usize) -> bool {
        if at.checked_add(1).is_none_or(|next| next >= self.rows(list)) {
            return false;
        }
        match list {
            List::Functions => self.basic.functions.swap(at, at + 1),
            List::Projects => self.general_budget.projects.swap(at, at + 1),
            List::Points => self.performance.overall.swap(at, at + 1),
            List::Funds => self.performance.special_funds.swap(at, at + 1),
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_as_the_spec_writes_them_and_parse_back() {
        let cases = [
            (Path::Department, "meta.department"),
            (Path::Function(0), "basic.functions[0]"),
            (Path::StaffTotal, "basic.staff.total"),
            (
                Path::Project(2, ProjectField::Amount),
                "general_budget.projects[2].amount",
            ),
            (Path::GovFundBudget, "gov_fund_budget.text"),
            (
                Path::Point(4, PointField::Title),
                "performance.overall[4].title",
            ),
            (
                Path::StatedFundCount,
                "performance.special_funds_stated_count",
            ),
            (
                Path::Fund(1, FundField::Effect),
                "performance.special_funds[1].effect",
            ),
            (
                Path::Fund(12, FundField::Carryover),
                "performance.special_funds[12].carryover",
            ),
            (Path::Funds, "performance.special_funds"),
            (Path::Problems, "problems"),
        ];
        for (path, text) in cases {
            assert_eq!(path.to_string(), text);
            assert_eq!(text.parse::<Path>(), Ok(path));
        }
    }

    #[test]
    fn malformed_paths_are_refused_without_panicking() {
        for text in [
            "",
            "meta",
            "basic.functions[",
            "basic.functions[]",
            "basic.functions[-1]",
            "basic.functions[1x]",
            "basic.functions[99999999999999999999999]",
            "general_budget.projects[0]",
            "general_budget.projects[0].nope",
            "general_budget.projects[0]amount",
            "performance.special_funds[0].",
            "问题",
        ] {
            assert!(text.parse::<Path>().is_err(), "{text}");
        }
    }

    #[test]
    fn fields_come_in_document_order() {
        let mut draft = Draft::default();
        draft.insert_row(List::Functions, 0);
        draft.insert_row(List::Projects, 0);
        draft.insert_row(List::Points, 0);
        draft.insert_row(List::Funds, 0);
        let fields: Vec<Path> = draft.fields().collect();
        let mut sorted = fields.clone();
        sorted.sort();
        assert_eq!(fields, sorted);
        assert_eq!(fields.len(), Path::SINGLE_FIELDS.len() + 1 + 2 + 2 + 6);
        assert!(fields.iter().all(|p| draft.field(*p).is_some()));
    }

    #[test]
    fn row_operations_stay_in_bounds() {
        let mut draft = Draft::default();
        assert!(!draft.remove_row(List::Projects, 0));
        assert!(!draft.swap_with_next(List::Projects, usize::MAX));
        draft.insert_row(List::Projects, 99);
        draft.insert_row(List::Projects, 0);
        assert!(draft.set_field(Path::Project(1, ProjectField::Name), "B"));
        assert!(draft.swap_with_next(List::Projects, 0));
        assert_eq!(draft.field(Path::Project(0, ProjectField::Name)), Some("B"));
        assert!(!draft.swap_with_next(List::Projects, 1));
        assert!(!draft.set_field(Path::Project(2, ProjectField::Name), "C"));
        assert!(draft.remove_row(List::Projects, 1));
        assert_eq!(draft.rows(List::Projects), 1);
        assert_eq!(draft.field(Path::Projects), None);
    }
}

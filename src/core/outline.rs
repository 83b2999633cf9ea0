//! The report's outline: every field's path, label, kind and section, as `docs/draft-format.md`
//! lists them. Findings, the form and the export all name fields through [`Path`], so a label or
//! an address is written once, here.

use std::fmt;
use std::str::FromStr;

use crate::model::{Draft, Indicator, PerformancePoint, ProjectRow, SpecialFund};

/// The address of one field (or of a whole list, for "the list is empty" findings).
///
/// Variants are declared in document order, so sorting paths sorts them as the report reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Path {
    Department,
    ShortName,
    Year,
    Date,
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
    ScoreInitial,
    ScoreFullYear,
    ScoreExecuted,
    ScoreWeight,
    ScoreExplanation,
    IncomeGeneral,
    IncomeGovFund,
    IncomeSpecialAccount,
    IncomeOther,
    GoalExpected,
    GoalActual,
    Indicators,
    Indicator(usize, IndicatorField),
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

/// A column of the 自评表's indicator rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IndicatorField {
    Level1,
    Level2,
    Name,
    Target,
    Actual,
    Weight,
    Score,
    Deviation,
}

impl IndicatorField {
    pub const ALL: [IndicatorField; 8] = [
        IndicatorField::Level1,
        IndicatorField::Level2,
        IndicatorField::Name,
        IndicatorField::Target,
        IndicatorField::Actual,
        IndicatorField::Weight,
        IndicatorField::Score,
        IndicatorField::Deviation,
    ];
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
    /// 分值 or 得分 of the 自评表: a non-negative number of points.
    Score,
    /// One of a fixed list of choices (the 自评表's 一级 and 二级指标); a value from a file that
    /// is not one of them is kept as typed.
    Choice,
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
    /// 附：部门整体支出绩效自评表 (`SCORECARD.md`).
    Scorecard,
}

impl Section {
    pub const ALL: [Section; 12] = [
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
        Section::Scorecard,
    ];

    /// The section's Chinese numeral, as the report numbers it ("" for the cover data).
    pub fn numeral(self) -> &'static str {
        match self {
            Section::Meta | Section::Scorecard => "",
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
            Section::Scorecard => "部门整体支出绩效自评表",
        }
    }

    /// The heading as the report prints it: `二、一般公共预算支出情况`.
    pub fn heading(self) -> String {
        match self.numeral() {
            "" if self == Section::Scorecard => format!("附：{}", self.title()),
            "" => self.title().to_owned(),
            numeral => format!("{numeral}、{}", self.title()),
        }
    }

    /// A stable, ASCII anchor for the section (used for in-page links): the draft file's key
    /// of the object its fields are in (`general_budget`).
    pub fn anchor(self) -> &'static str {
        Path::SINGLE_FIELDS
            .into_iter()
            .chain(List::ALL.map(List::path))
            .filter(|p| p.section() == self)
            .filter_map(Path::key)
            .map(|key| key.split('.').next().unwrap_or(key))
            .next()
            .unwrap_or_default()
    }
}

/// The lists whose rows can be added, removed and moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    Functions,
    Projects,
    Points,
    Funds,
    Indicators,
}

/// Whether a field must be filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Optional,
    /// Blank is a `required.field` error (for a list: having no row is).
    Required,
    /// A section that takes "无" when there is nothing to say: blank is a `required.section` error.
    Section,
}

/// What the outline declares of one field: where it is in the draft file and in the model, its
/// label, kind and whether it is required. Fields of the report are declared in [`Path::single`],
/// the fields of a row in its field type's `def` (e.g. [`ProjectField::def`]); everything else
/// about a field (its path's text and parsing, the draft file's reader and writer, the required
/// check, the form's inputs) is derived from these.
#[derive(Clone, Copy)]
pub struct Def<T: 'static> {
    /// The key in the draft file: the dotted path from the top for a field of the report
    /// (`general_budget.basic_expense`), the key within the row for a row's field (`amount`).
    pub key: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub need: Need,
    /// The field in the model.
    pub get: fn(&T) -> &String,
    pub get_mut: fn(&mut T) -> &mut String,
}

/// A [`Def`] from its key, label, kind, need and its place in the model (`meta.department`).
macro_rules! def {
    ($key:literal, $label:literal, $kind:ident, $need:ident, $($place:ident).+) => {
        Def {
            key: $key,
            label: $label,
            kind: Kind::$kind,
            need: Need::$need,
            get: |d| &d.$($place).+,
            get_mut: |d| &mut d.$($place).+,
        }
    };
}

/// What the outline declares of a list of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListDef {
    /// The list's key in the draft file, from the top.
    pub key: &'static str,
    pub label: &'static str,
    pub section: Section,
    /// `Required`: the list must have a row.
    pub need: Need,
    /// What one row is called, for buttons and messages ("项目", "专项资金").
    pub row_noun: &'static str,
}

impl List {
    /// The lists in document order.
    pub const ALL: [List; 5] = [
        List::Functions,
        List::Projects,
        List::Points,
        List::Funds,
        List::Indicators,
    ];

    /// The outline's declaration of the list.
    pub fn def(self) -> ListDef {
        let (key, label, section, need, row_noun) = match self {
            List::Functions => (
                "basic.functions",
                "主要职能",
                Section::Basic,
                Need::Required,
                "职能",
            ),
            List::Projects => (
                "general_budget.projects",
                "项目支出明细",
                Section::GeneralBudget,
                Need::Optional,
                "项目",
            ),
            List::Points => (
                "performance.overall",
                "部门整体支出绩效情况",
                Section::Performance,
                Need::Required,
                "要点",
            ),
            List::Funds => (
                "performance.special_funds",
                "专项资金",
                Section::Performance,
                Need::Optional,
                "专项资金",
            ),
            List::Indicators => (
                "scorecard.indicators",
                "绩效指标",
                Section::Scorecard,
                Need::Required,
                "指标",
            ),
        };
        ListDef {
            key,
            label,
            section,
            need,
            row_noun,
        }
    }

    pub fn path(self) -> Path {
        match self {
            List::Functions => Path::Functions,
            List::Projects => Path::Projects,
            List::Points => Path::Points,
            List::Funds => Path::Funds,
            List::Indicators => Path::Indicators,
        }
    }

    /// The first field of row `i`, where focus goes when the row is added.
    pub fn first_field(self, i: usize) -> Path {
        match self {
            List::Functions => Path::Function(i),
            List::Projects => Path::Project(i, ProjectField::Name),
            List::Points => Path::Point(i, PointField::Title),
            List::Funds => Path::Fund(i, FundField::Name),
            List::Indicators => Path::Indicator(i, IndicatorField::Level1),
        }
    }

    /// Every field of row `i`, in order.
    pub fn row_fields(self, i: usize) -> Vec<Path> {
        match self {
            List::Functions => vec![Path::Function(i)],
            List::Projects => ProjectField::ALL.map(|f| Path::Project(i, f)).to_vec(),
            List::Points => PointField::ALL.map(|f| Path::Point(i, f)).to_vec(),
            List::Funds => FundField::ALL.map(|f| Path::Fund(i, f)).to_vec(),
            List::Indicators => IndicatorField::ALL.map(|f| Path::Indicator(i, f)).to_vec(),
        }
    }

    /// What one row is called, for buttons and messages ("项目", "专项资金").
    pub fn row_noun(self) -> &'static str {
        self.def().row_noun
    }
}

impl ProjectField {
    /// The outline's declaration of the field in a 二（二） row.
    pub fn def(self) -> Def<ProjectRow> {
        match self {
            ProjectField::Name => def!("name", "项目名称", Line, Required, name),
            ProjectField::Amount => def!("amount", "金额", Amount, Required, amount),
        }
    }
}

impl PointField {
    /// The outline's declaration of the field in a 六（一） point. 要点标题 is optional: a point
    /// may be a paragraph without a heading.
    pub fn def(self) -> Def<PerformancePoint> {
        match self {
            PointField::Title => def!("title", "要点标题", Line, Optional, title),
            PointField::Text => def!("text", "内容", Paragraphs, Required, text),
        }
    }
}

impl FundField {
    /// The outline's declaration of the field in a special fund's row.
    pub fn def(self) -> Def<SpecialFund> {
        match self {
            FundField::Name => def!("name", "名称", Line, Required, name),
            FundField::InitialBudget => {
                def!(
                    "initial_budget",
                    "年初预算",
                    Amount,
                    Required,
                    initial_budget
                )
            }
            FundField::Adjustment => {
                def!("adjustment", "年中调整", SignedAmount, Required, adjustment)
            }
            FundField::Actual => def!("actual", "实际支出", Amount, Required, actual),
            FundField::Carryover => def!("carryover", "结余结转", Amount, Required, carryover),
            FundField::Effect => def!("effect", "绩效情况", Paragraphs, Optional, effect),
        }
    }
}

impl IndicatorField {
    /// The outline's declaration of a column of the 自评表's indicator rows.
    pub fn def(self) -> Def<Indicator> {
        match self {
            IndicatorField::Level1 => def!("level1", "一级指标", Choice, Required, level1),
            IndicatorField::Level2 => def!("level2", "二级指标", Choice, Required, level2),
            IndicatorField::Name => def!("name", "三级指标", Line, Required, name),
            IndicatorField::Target => def!("target", "年度指标值", Line, Required, target),
            IndicatorField::Actual => def!("actual", "实际完成值", Line, Required, actual),
            IndicatorField::Weight => def!("weight", "分值", Score, Required, weight),
            IndicatorField::Score => def!("score", "得分", Score, Required, score),
            IndicatorField::Deviation => {
                def!(
                    "deviation",
                    "偏差原因分析及改进措施",
                    Paragraphs,
                    Optional,
                    deviation
                )
            }
        }
    }

    /// The field's key in a row of the draft file.
    pub fn key(self) -> &'static str {
        self.def().key
    }
}

impl Path {
    /// The fields of the report that are not rows of a list, in document order.
    pub const SINGLE_FIELDS: [Path; 39] = [
        Path::Department,
        Path::ShortName,
        Path::Year,
        Path::Date,
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
        Path::ScoreInitial,
        Path::ScoreFullYear,
        Path::ScoreExecuted,
        Path::ScoreWeight,
        Path::ScoreExplanation,
        Path::IncomeGeneral,
        Path::IncomeGovFund,
        Path::IncomeSpecialAccount,
        Path::IncomeOther,
        Path::GoalExpected,
        Path::GoalActual,
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

    /// **The outline of the report's fields**: each field that is not a row of a list, with its
    /// section and its [`Def`]. `None` for lists and their rows (see [`List::def`] and the row
    /// fields' `def`). To add a field, see `docs/adding-a-field.md`.
    #[rustfmt::skip]
    pub fn single(self) -> Option<(Section, Def<Draft>)> {
        use Section as S;
        let declared: (Section, Def<Draft>) = match self {
            Path::Department => (S::Meta, def!("meta.department", "单位名称", Line, Required, meta.department)),
            Path::ShortName => (S::Meta, def!("meta.short_name", "单位简称", Line, Optional, meta.short_name)),
            Path::Year => (S::Meta, def!("meta.year", "年度", Year, Required, meta.year)),
            Path::Date => (S::Meta, def!("meta.date", "落款日期", Line, Optional, meta.date)),
            Path::Organization => (S::Basic, def!("basic.organization", "机构情况", Paragraphs, Required, basic.organization)),
            Path::StaffAsOf => (S::Basic, def!("basic.staff.as_of", "截止时间", Line, Optional, basic.staff.as_of)),
            Path::StaffTotal => (S::Basic, def!("basic.staff.total", "实有人数", Count, Required, basic.staff.total)),
            Path::StaffActive => (S::Basic, def!("basic.staff.active", "在职人数", Count, Required, basic.staff.active)),
            Path::StaffRetired => (S::Basic, def!("basic.staff.retired", "退休人数", Count, Required, basic.staff.retired)),
            Path::GoalsOverall => (S::Basic, def!("goals.overall", "年度整体支出绩效目标", Paragraphs, Required, goals.overall)),
            Path::GoalsSpecialFunds => (S::Basic, def!("goals.special_funds", "部门专项资金绩效目标", Paragraphs, Optional, goals.special_funds)),
            Path::GoalsOtherProjects => (S::Basic, def!("goals.other_projects", "其他项目支出（除省级专项资金以外）绩效目标", Paragraphs, Optional, goals.other_projects)),
            Path::AnnualBudget => (S::GeneralBudget, def!("general_budget.annual_budget", "预算资金", Amount, Required, general_budget.annual_budget)),
            Path::FullYearBudget => (S::GeneralBudget, def!("general_budget.full_year_budget", "全年预算数", Amount, Optional, general_budget.full_year_budget)),
            Path::AppropriationIncome => (S::GeneralBudget, def!("general_budget.appropriation_income", "一般公共预算财政拨款收入", Amount, Required, general_budget.appropriation_income)),
            Path::AppropriationExpense => (S::GeneralBudget, def!("general_budget.appropriation_expense", "一般公共预算财政拨款支出", Amount, Required, general_budget.appropriation_expense)),
            Path::ProjectExpense => (S::GeneralBudget, def!("general_budget.project_expense", "项目支出", Amount, Required, general_budget.project_expense)),
            Path::BasicExpense => (S::GeneralBudget, def!("general_budget.basic_expense", "基本支出", Amount, Required, general_budget.basic_expense)),
            Path::PersonnelExpense => (S::GeneralBudget, def!("general_budget.personnel_expense", "人员经费", Amount, Required, general_budget.personnel_expense)),
            Path::PublicExpense => (S::GeneralBudget, def!("general_budget.public_expense", "公用经费", Amount, Required, general_budget.public_expense)),
            Path::GovFundBudget => (S::GovFundBudget, def!("gov_fund_budget.text", "政府性基金预算支出情况", Paragraphs, Section, gov_fund_budget.text)),
            Path::StateCapitalBudget => (S::StateCapitalBudget, def!("state_capital_budget.text", "国有资本经营预算支出情况", Paragraphs, Section, state_capital_budget.text)),
            Path::SocialInsuranceBudget => (S::SocialInsuranceBudget, def!("social_insurance_budget.text", "社会保险基金预算支出情况", Paragraphs, Section, social_insurance_budget.text)),
            Path::StatedFundCount => (S::Performance, def!("performance.special_funds_stated_count", "专项资金个数", Count, Optional, performance.special_funds_stated_count)),
            Path::Problems => (S::Problems, def!("problems", "存在的问题及原因分析", Paragraphs, Section, problems)),
            Path::Improvements => (S::Improvements, def!("improvements", "下一步改进措施", Paragraphs, Section, improvements)),
            Path::ResultUse => (S::ResultUse, def!("result_use", "绩效自评结果拟应用和公开情况", Paragraphs, Section, result_use)),
            Path::Other => (S::Other, def!("other", "其他需要说明的情况", Paragraphs, Section, other)),
            Path::ScoreInitial => (S::Scorecard, def!("scorecard.budget.initial", "年初预算数", Amount, Optional, scorecard.budget.initial)),
            Path::ScoreFullYear => (S::Scorecard, def!("scorecard.budget.full_year", "全年预算数（自评表）", Amount, Optional, scorecard.budget.full_year)),
            Path::ScoreExecuted => (S::Scorecard, def!("scorecard.budget.executed", "全年执行数", Amount, Optional, scorecard.budget.executed)),
            Path::ScoreWeight => (S::Scorecard, def!("scorecard.budget.weight", "预算执行率分值", Score, Required, scorecard.budget.weight)),
            Path::ScoreExplanation => (S::Scorecard, def!("scorecard.budget.explanation", "执行率未达 90% 的原因", Paragraphs, Optional, scorecard.budget.explanation)),
            Path::IncomeGeneral => (S::Scorecard, def!("scorecard.income.general", "一般公共预算", Amount, Optional, scorecard.income.general)),
            Path::IncomeGovFund => (S::Scorecard, def!("scorecard.income.gov_fund", "政府性基金拨款", Amount, Optional, scorecard.income.gov_fund)),
            Path::IncomeSpecialAccount => (S::Scorecard, def!("scorecard.income.special_account", "纳入专户管理的非税收入拨款", Amount, Optional, scorecard.income.special_account)),
            Path::IncomeOther => (S::Scorecard, def!("scorecard.income.other", "其他资金", Amount, Optional, scorecard.income.other)),
            Path::GoalExpected => (S::Scorecard, def!("scorecard.goal.expected", "预期目标", Paragraphs, Optional, scorecard.goal.expected)),
            Path::GoalActual => (S::Scorecard, def!("scorecard.goal.actual", "实际完成情况", Paragraphs, Required, scorecard.goal.actual)),
            Path::Functions
            | Path::Function(_)
            | Path::Projects
            | Path::Project(..)
            | Path::Points
            | Path::Point(..)
            | Path::Funds
            | Path::Fund(..)
            | Path::Indicators
            | Path::Indicator(..) => return None,
        };
        Some(declared)
    }

    /// The key of a field of the report, or of a list, in the draft file (`basic.staff.total`):
    /// `None` for a row's field.
    pub fn key(self) -> Option<&'static str> {
        match (self.single(), self.list()) {
            (Some((_, def)), _) => Some(def.key),
            (None, Some(list)) if self.row().is_none() => Some(list.def().key),
            _ => None,
        }
    }

    /// The list this path is, or is a row field of.
    pub fn list(self) -> Option<List> {
        match self {
            Path::Functions | Path::Function(_) => Some(List::Functions),
            Path::Projects | Path::Project(..) => Some(List::Projects),
            Path::Points | Path::Point(..) => Some(List::Points),
            Path::Funds | Path::Fund(..) => Some(List::Funds),
            Path::Indicators | Path::Indicator(..) => Some(List::Indicators),
            _ => None,
        }
    }

    /// The field's label, as the form and the messages show it.
    pub fn label(self) -> &'static str {
        match self {
            Path::Project(_, f) => f.def().label,
            Path::Point(_, f) => f.def().label,
            Path::Fund(_, f) => f.def().label,
            Path::Indicator(_, f) => f.def().label,
            _ => match (self.single(), self.list()) {
                (Some((_, def)), _) => def.label,
                (None, Some(list)) => list.def().label,
                (None, None) => "",
            },
        }
    }

    /// The label with the row it belongs to, for messages: `项目支出明细第3行 金额`.
    pub fn describe(self) -> String {
        match self {
            Path::Function(i) => format!("主要职能第{}项", i + 1),
            Path::Project(i, _) => format!("项目支出明细第{}行 {}", i + 1, self.label()),
            Path::Point(i, _) => format!("绩效要点第{}条 {}", i + 1, self.label()),
            Path::Fund(i, _) => format!("专项资金第{}项 {}", i + 1, self.label()),
            Path::Indicator(i, _) => format!("自评表第{}项指标 {}", i + 1, self.label()),
            _ => self.label().to_owned(),
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Path::Function(_) => Kind::Paragraphs,
            Path::Project(_, f) => f.def().kind,
            Path::Point(_, f) => f.def().kind,
            Path::Fund(_, f) => f.def().kind,
            Path::Indicator(_, f) => f.def().kind,
            Path::Functions | Path::Projects | Path::Points | Path::Funds | Path::Indicators => {
                Kind::List
            }
            _ => self.single().map_or(Kind::Line, |(_, def)| def.kind),
        }
    }

    /// Whether the field must be filled in (for a list: have a row).
    pub fn need(self) -> Need {
        match self {
            Path::Function(_) => Need::Required,
            Path::Project(_, f) => f.def().need,
            Path::Point(_, f) => f.def().need,
            Path::Fund(_, f) => f.def().need,
            Path::Indicator(_, f) => f.def().need,
            Path::Functions | Path::Projects | Path::Points | Path::Funds | Path::Indicators => {
                self.list().map_or(Need::Optional, |l| l.def().need)
            }
            _ => self.single().map_or(Need::Optional, |(_, def)| def.need),
        }
    }

    pub fn section(self) -> Section {
        match (self.single(), self.list()) {
            (Some((section, _)), _) => section,
            (None, Some(list)) => list.def().section,
            (None, None) => Section::Meta,
        }
    }

    /// The list this path is a row field of, with the row's index.
    pub fn row(self) -> Option<(List, usize)> {
        match self {
            Path::Function(i) => Some((List::Functions, i)),
            Path::Project(i, _) => Some((List::Projects, i)),
            Path::Point(i, _) => Some((List::Points, i)),
            Path::Fund(i, _) => Some((List::Funds, i)),
            Path::Indicator(i, _) => Some((List::Indicators, i)),
            _ => None,
        }
    }

    /// The same field of row `i` (a row moved: its fields are the same, at another place);
    /// other paths stay as they are.
    pub fn in_row(self, i: usize) -> Path {
        match self {
            Path::Function(_) => Path::Function(i),
            Path::Project(_, f) => Path::Project(i, f),
            Path::Point(_, f) => Path::Point(i, f),
            Path::Fund(_, f) => Path::Fund(i, f),
            Path::Indicator(_, f) => Path::Indicator(i, f),
            other => other,
        }
    }

    /// The key of a row's field within its row (`amount`); `None` for other paths and for a
    /// 主要职能 row, which is a text of its own.
    fn row_key(self) -> Option<&'static str> {
        match self {
            Path::Project(_, f) => Some(f.def().key),
            Path::Point(_, f) => Some(f.def().key),
            Path::Fund(_, f) => Some(f.def().key),
            Path::Indicator(_, f) => Some(f.def().key),
            _ => None,
        }
    }
}

impl fmt::Display for Path {
    /// The path exactly as the spec writes it, e.g. `general_budget.projects[2].amount`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((_, def)) = self.single() {
            return f.write_str(def.key);
        }
        let Some(list) = self.list() else {
            return Ok(());
        };
        let key = list.def().key;
        match (self.row(), self.row_key()) {
            (None, _) => f.write_str(key),
            (Some((_, i)), None) => write!(f, "{key}[{i}]"),
            (Some((_, i)), Some(field)) => write!(f, "{key}[{i}].{field}"),
        }
    }
}

impl ProjectField {
    /// The field's key in a row of the draft file.
    pub fn key(self) -> &'static str {
        self.def().key
    }
}

impl PointField {
    /// The field's key in a row of the draft file.
    pub fn key(self) -> &'static str {
        self.def().key
    }
}

impl FundField {
    /// The field's key in a row of the draft file.
    pub fn key(self) -> &'static str {
        self.def().key
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
            let list = List::ALL
                .into_iter()
                .find(|l| l.def().key == prefix)
                .ok_or_else(unknown)?;
            return list
                .row_fields(i)
                .into_iter()
                .find(|p| p.row_key() == field)
                .ok_or_else(unknown);
        }
        List::ALL
            .map(List::path)
            .into_iter()
            .chain(Path::SINGLE_FIELDS)
            .find(|p| p.to_string() == s)
            .ok_or_else(unknown)
    }
}

impl Draft {
    /// The text of a field, or `None` when the path names a list or a row that does not exist.
    pub fn field(&self, path: Path) -> Option<&str> {
        if let Some((_, def)) = path.single() {
            return Some((def.get)(self));
        }
        match path {
            Path::Function(i) => self.basic.functions.get(i),
            Path::Project(i, f) => self.general_budget.projects.get(i).map(f.def().get),
            Path::Point(i, f) => self.performance.overall.get(i).map(f.def().get),
            Path::Fund(i, f) => self.performance.special_funds.get(i).map(f.def().get),
            Path::Indicator(i, f) => self.scorecard.indicators.get(i).map(f.def().get),
            _ => None,
        }
        .map(String::as_str)
    }

    /// The text of a field to change, or `None` when the path names a list or a missing row.
    pub fn field_mut(&mut self, path: Path) -> Option<&mut String> {
        if let Some((_, def)) = path.single() {
            return Some((def.get_mut)(self));
        }
        match path {
            Path::Function(i) => self.basic.functions.get_mut(i),
            Path::Project(i, f) => self.general_budget.projects.get_mut(i).map(f.def().get_mut),
            Path::Point(i, f) => self.performance.overall.get_mut(i).map(f.def().get_mut),
            Path::Fund(i, f) => self
                .performance
                .special_funds
                .get_mut(i)
                .map(f.def().get_mut),
            Path::Indicator(i, f) => self.scorecard.indicators.get_mut(i).map(f.def().get_mut),
            _ => None,
        }
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
        singles(Path::Department, Path::Date)
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
            .chain(singles(Path::Problems, Path::GoalActual))
            .chain((0..self.scorecard.indicators.len()).flat_map(|i| {
                IndicatorField::ALL
                    .into_iter()
                    .map(move |f| Path::Indicator(i, f))
            }))
    }

    pub fn rows(&self, list: List) -> usize {
        match list {
            List::Functions => self.basic.functions.len(),
            List::Projects => self.general_budget.projects.len(),
            List::Points => self.performance.overall.len(),
            List::Funds => self.performance.special_funds.len(),
            List::Indicators => self.scorecard.indicators.len(),
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
            List::Indicators => self.scorecard.indicators.insert(at, Indicator::default()),
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
            List::Indicators => drop(self.scorecard.indicators.remove(at)),
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
            List::Indicators => self.scorecard.indicators.swap(at, at + 1),
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_field_moves_to_another_row_and_other_paths_stay() {
        for list in List::ALL {
            for path in list.row_fields(3) {
                let moved = path.in_row(7);
                assert_eq!(moved.row(), Some((list, 7)), "{path}");
                assert_eq!(moved.in_row(3), path);
                assert_eq!(moved.label(), path.label());
            }
            assert_eq!(list.path().in_row(2), list.path());
        }
        for path in Path::SINGLE_FIELDS {
            assert_eq!(path.in_row(5), path);
        }
    }

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
            (Path::Date, "meta.date"),
            (Path::ScoreWeight, "scorecard.budget.weight"),
            (
                Path::IncomeSpecialAccount,
                "scorecard.income.special_account",
            ),
            (Path::GoalActual, "scorecard.goal.actual"),
            (Path::Indicators, "scorecard.indicators"),
            (
                Path::Indicator(6, IndicatorField::Score),
                "scorecard.indicators[6].score",
            ),
            (
                Path::Indicator(0, IndicatorField::Level2),
                "scorecard.indicators[0].level2",
            ),
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
        draft.insert_row(List::Indicators, 0);
        let fields: Vec<Path> = draft.fields().collect();
        let mut sorted = fields.clone();
        sorted.sort();
        assert_eq!(fields, sorted);
        assert_eq!(fields.len(), Path::SINGLE_FIELDS.len() + 1 + 2 + 2 + 6 + 8);
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

//! What the checks report: a rule with a stable id, the field it belongs to, and a message.

use std::fmt;

use crate::outline::{Path, Section};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The word the UI shows.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The rules of spec §5. Ids are stable: tests, the command line and users' notes refer to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    RequiredField,
    RequiredSection,
    FormatAmount,
    FormatNegative,
    FormatPrecision,
    FormatCount,
    FormatYear,
    SumExpense,
    SumBasic,
    SumProjects,
    SumStaff,
    SumFund,
    CountSpecialFunds,
    LinkFundAmount,
    LinkFundName,
    LinkFundMissing,
    BalanceIncomeExpense,
    ExecOverBudget,
    WeakNone,
    WeakFundEffect,
    TextNumbering,
    WeakGoalUnquantified,
    WeakTemplateText,
    CountStatedList,
}

impl Rule {
    pub const ALL: [Rule; 24] = [
        Rule::RequiredField,
        Rule::RequiredSection,
        Rule::FormatAmount,
        Rule::FormatNegative,
        Rule::FormatPrecision,
        Rule::FormatCount,
        Rule::FormatYear,
        Rule::SumExpense,
        Rule::SumBasic,
        Rule::SumProjects,
        Rule::SumStaff,
        Rule::SumFund,
        Rule::CountSpecialFunds,
        Rule::LinkFundAmount,
        Rule::LinkFundName,
        Rule::LinkFundMissing,
        Rule::BalanceIncomeExpense,
        Rule::ExecOverBudget,
        Rule::WeakNone,
        Rule::WeakFundEffect,
        Rule::TextNumbering,
        Rule::WeakGoalUnquantified,
        Rule::WeakTemplateText,
        Rule::CountStatedList,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rule::RequiredField => "required.field",
            Rule::RequiredSection => "required.section",
            Rule::FormatAmount => "format.amount",
            Rule::FormatNegative => "format.negative",
            Rule::FormatPrecision => "format.precision",
            Rule::FormatCount => "format.count",
            Rule::FormatYear => "format.year",
            Rule::SumExpense => "sum.expense",
            Rule::SumBasic => "sum.basic",
            Rule::SumProjects => "sum.projects",
            Rule::SumStaff => "sum.staff",
            Rule::SumFund => "sum.fund",
            Rule::CountSpecialFunds => "count.special_funds",
            Rule::LinkFundAmount => "link.fund_amount",
            Rule::LinkFundName => "link.fund_name",
            Rule::LinkFundMissing => "link.fund_missing",
            Rule::BalanceIncomeExpense => "balance.income_expense",
            Rule::ExecOverBudget => "exec.over_budget",
            Rule::WeakNone => "weak.none",
            Rule::WeakFundEffect => "weak.fund_effect",
            Rule::TextNumbering => "text.numbering",
            Rule::WeakGoalUnquantified => "weak.goal_unquantified",
            Rule::WeakTemplateText => "weak.template_text",
            Rule::CountStatedList => "count.stated_list",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::RequiredField
            | Rule::RequiredSection
            | Rule::FormatAmount
            | Rule::FormatNegative
            | Rule::FormatCount
            | Rule::FormatYear
            | Rule::SumExpense
            | Rule::SumBasic
            | Rule::SumProjects
            | Rule::SumStaff
            | Rule::SumFund
            | Rule::CountSpecialFunds
            | Rule::LinkFundAmount => Severity::Error,
            Rule::FormatPrecision
            | Rule::LinkFundName
            | Rule::LinkFundMissing
            | Rule::BalanceIncomeExpense
            | Rule::ExecOverBudget
            | Rule::WeakNone
            | Rule::WeakFundEffect
            | Rule::TextNumbering
            | Rule::WeakTemplateText
            | Rule::CountStatedList => Severity::Warning,
            Rule::WeakGoalUnquantified => Severity::Info,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One thing the checker found, on one field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Finding {
    pub rule: Rule,
    pub path: Path,
    /// Chinese, says what is wrong and shows the numbers.
    pub message: String,
}

impl Finding {
    pub fn new(rule: Rule, path: Path, message: impl Into<String>) -> Self {
        Finding {
            rule,
            path,
            message: message.into(),
        }
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }
}

/// How many findings of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Tally {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Self {
        findings
            .into_iter()
            .fold(Tally::default(), |mut tally, finding| {
                match finding.severity() {
                    Severity::Error => tally.errors += 1,
                    Severity::Warning => tally.warnings += 1,
                    Severity::Info => tally.infos += 1,
                }
                tally
            })
    }
}

impl std::ops::Add for Tally {
    type Output = Tally;

    fn add(self, other: Tally) -> Tally {
        Tally {
            errors: self.errors + other.errors,
            warnings: self.warnings + other.warnings,
            infos: self.infos + other.infos,
        }
    }
}

/// Findings grouped by the report's sections, in section order; inside a section errors first,
/// then warnings, then infos, each in document order. This is how the findings panel lists them.
/// `findings` must be in document order, as [`crate::check`] returns them.
pub fn by_section(findings: &[Finding]) -> Vec<(Section, Vec<Finding>)> {
    let mut groups: Vec<(Section, Vec<Finding>)> = Vec::new();
    // Sections follow document order, so a section's findings are next to each other.
    for chunk in findings.chunk_by(|a, b| a.path.section() == b.path.section()) {
        let Some(first) = chunk.first() else { continue };
        let items = [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .flat_map(|severity| chunk.iter().filter(move |f| f.severity() == severity))
            .cloned()
            .collect();
        groups.push((first.path.section(), items));
    }
    groups
}

/// The findings on one field: `findings` must be in document order, as [`crate::check`]
/// returns them.
pub fn on_path(findings: &[Finding], path: Path) -> &[Finding] {
    let start = findings.partition_point(|f| f.path < path);
    let len = findings
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|f| f.path == path)
        .count();
    findings.get(start..start + len).unwrap_or_default()
}

/// The paths whose findings differ between two results of [`crate::check`] (both in document
/// order). The app uses it to update only the fields whose messages changed.
pub fn changed_paths(before: &[Finding], after: &[Finding]) -> Vec<Path> {
    let run = |findings: &[Finding], from: usize, path: Path| {
        findings
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|f| f.path == path)
            .count()
    };
    let (mut i, mut j) = (0, 0);
    let mut changed = Vec::new();
    loop {
        let path = match (before.get(i), after.get(j)) {
            (Some(a), Some(b)) => a.path.min(b.path),
            (Some(a), None) => a.path,
            (None, Some(b)) => b.path,
            (None, None) => return changed,
        };
        let (n, m) = (run(before, i, path), run(after, j, path));
        if before.get(i..i + n) != after.get(j..j + m) {
            changed.push(path);
        }
        i += n;
        j += m;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::FundField;

    #[test]
    fn findings_group_by_section_errors_first() {
        let findings = [
            Finding::new(Rule::RequiredField, Path::Department, "d"),
            Finding::new(Rule::WeakFundEffect, Path::Fund(1, FundField::Effect), "b"),
            Finding::new(Rule::SumFund, Path::Fund(2, FundField::Carryover), "c"),
            Finding::new(Rule::WeakNone, Path::Problems, "a"),
        ];
        let groups = by_section(&findings);
        let shape: Vec<(Section, Vec<&str>)> = groups
            .iter()
            .map(|(s, items)| (*s, items.iter().map(|f| f.message.as_str()).collect()))
            .collect();
        assert_eq!(
            shape,
            [
                (Section::Meta, vec!["d"]),
                (Section::Performance, vec!["c", "b"]),
                (Section::Problems, vec!["a"]),
            ]
        );
    }

    #[test]
    fn changed_paths_are_those_whose_findings_differ() {
        let seed = crate::sample::sample_draft();
        let before = crate::check(&seed);
        let mut edited = seed.clone();
        edited.general_budget.personnel_expense = "122.67".into();
        edited.problems = "暂无。".into(); // same rule, another message
        edited.improvements = "细化绩效目标。".into(); // finding gone
        let after = crate::check(&edited);
        assert_eq!(
            changed_paths(&before, &after),
            [Path::BasicExpense, Path::Problems, Path::Improvements]
        );
        assert!(changed_paths(&after, &after).is_empty());
        assert_eq!(changed_paths(&[], &after).len(), after.len());
    }

    #[test]
    fn findings_on_a_path() {
        let draft = crate::sample::sample_draft();
        let findings = crate::check(&draft);
        assert_eq!(on_path(&findings, Path::Problems).len(), 1);
        assert_eq!(on_path(&findings, Path::Problems)[0].rule, Rule::WeakNone);
        assert!(on_path(&findings, Path::Department).is_empty());
        assert!(on_path(&[], Path::Other).is_empty());
        let mut blank = crate::model::Draft::default();
        blank.insert_row(crate::outline::List::Funds, 0);
        let findings = crate::check(&blank);
        let on_fund = on_path(&findings, Path::Fund(0, FundField::Name));
        assert_eq!(on_fund.len(), 1);
        assert_eq!(on_fund[0].rule, Rule::RequiredField);
    }
}

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

/// A rule of spec §5: its stable id and its severity. Ids are stable: tests, the command line
/// and users' notes refer to them.
///
/// Rules are declared by the file of their family, next to the code that raises them, with
/// [`rules!`]; `checks/mod.rs` lists the families, and [`crate::checks::rules`] gives every rule
/// in that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule {
    id: &'static str,
    severity: Severity,
}

impl Rule {
    pub const fn new(id: &'static str, severity: Severity) -> Rule {
        Rule { id, severity }
    }

    pub fn id(self) -> &'static str {
        self.id
    }

    pub fn severity(self) -> Severity {
        self.severity
    }
}

/// Declares a family's rules beside its code: a [`Rule`] constant for each, and `RULES`, the
/// family's rules in the order they are listed (which is also the order of their findings on
/// one field, after severity).
///
/// ```ignore
/// rules! {
///     /// 基本支出 ≠ 人员经费 + 公用经费.
///     SUM_BASIC = "sum.basic", Error;
/// }
/// ```
macro_rules! rules {
    ($($(#[$doc:meta])* $name:ident = $id:literal, $severity:ident;)+) => {
        $(
            $(#[$doc])*
            pub(crate) const $name: $crate::finding::Rule =
                $crate::finding::Rule::new($id, $crate::finding::Severity::$severity);
        )+
        /// This family's rules, in order.
        pub(super) const RULES: &[$crate::finding::Rule] = &[$($name),+];
    };
}
pub(crate) use rules;

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
    /// Every field a comparison involves, in the order the message names them (基本支出 · 人员经费
    /// · 公用经费), `path` among them; empty when the finding is about its field alone. The
    /// mistake may be in any of them: the findings panel links each one.
    pub involves: Vec<Path>,
}

impl Finding {
    pub fn new(rule: Rule, path: Path, message: impl Into<String>) -> Self {
        Finding {
            rule,
            path,
            message: message.into(),
            involves: Vec::new(),
        }
    }

    /// The finding with the fields it compares (see [`Finding::involves`]).
    pub fn involving(mut self, paths: impl IntoIterator<Item = Path>) -> Self {
        self.involves = paths.into_iter().collect();
        self
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
    use crate::checks::quality::{WEAK_FUND_EFFECT, WEAK_NONE};
    use crate::checks::required::REQUIRED_FIELD;
    use crate::checks::sums::SUM_FUND;
    use crate::outline::FundField;

    #[test]
    fn findings_group_by_section_errors_first() {
        let findings = [
            Finding::new(REQUIRED_FIELD, Path::Department, "d"),
            Finding::new(WEAK_FUND_EFFECT, Path::Fund(1, FundField::Effect), "b"),
            Finding::new(SUM_FUND, Path::Fund(2, FundField::Carryover), "c"),
            Finding::new(WEAK_NONE, Path::Problems, "a"),
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
        assert_eq!(on_path(&findings, Path::Problems)[0].rule, WEAK_NONE);
        assert!(on_path(&findings, Path::Department).is_empty());
        assert!(on_path(&[], Path::Other).is_empty());
        let mut blank = crate::model::Draft::default();
        blank.insert_row(crate::outline::List::Funds, 0);
        let findings = crate::check(&blank);
        let on_fund = on_path(&findings, Path::Fund(0, FundField::Name));
        assert_eq!(on_fund.len(), 1);
        assert_eq!(on_fund[0].rule, REQUIRED_FIELD);
    }
}

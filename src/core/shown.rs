//! What the form shows of `check()`'s findings while the user works ("reward early, punish
//! late", as GOV.UK's form guidance puts it):
//!
//! - a blank required field (`required.field`, `required.section`) is a **to-do**, counted and
//!   listed compactly, not an error, until the user has been in the field and left it, or asks to
//!   download (which shows every blank as the error it is);
//! - a finding that appears on the field being typed in waits until the user leaves the field:
//!   an unfinished "31." is not an error yet. A finding that was showing when the user entered
//!   the field keeps showing, and one that goes away goes at once.
//!
//! Everything else shows as `check()` finds it, on every keystroke. The command line and the
//! exports see every finding as it is.

use std::collections::BTreeSet;

use crate::checks::required::{REQUIRED_FIELD, REQUIRED_SECTION};
use crate::finding::{Finding, Rule};
use crate::outline::{Path, Section};

/// Whether a finding says only that something is still blank.
pub fn is_todo(finding: &Finding) -> bool {
    finding.rule == REQUIRED_FIELD || finding.rule == REQUIRED_SECTION
}

/// Where the user's attention has been on the open draft (see the module's text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attention {
    /// Every blank shows as an error: the user asked to download.
    all: bool,
    /// Fields the user has left.
    left: BTreeSet<Path>,
    /// The field the user is in, and the rules that showed on it when they entered it.
    typing: Option<(Path, Vec<Rule>)>,
}

/// The findings as the form shows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shown {
    /// Shown as they are, in document order.
    pub findings: Vec<Finding>,
    /// Blank required fields not (yet) shown as errors, in document order.
    pub todo: Vec<Finding>,
}

impl Shown {
    /// The to-dos of one section.
    pub fn todo_in(&self, section: Section) -> usize {
        self.todo
            .iter()
            .filter(|f| f.path.section() == section)
            .count()
    }
}

impl Attention {
    /// The user entered `path`; `findings` are `check()`'s at that moment.
    pub fn enter(&mut self, path: Path, findings: &[Finding]) {
        self.typing = None;
        let shown = self.show(findings);
        let rules = crate::finding::on_path(&shown.findings, path)
            .iter()
            .map(|f| f.rule)
            .collect();
        self.typing = Some((path, rules));
    }

    /// The user left `path`.
    pub fn leave(&mut self, path: Path) {
        if self.typing.as_ref().is_some_and(|(p, _)| *p == path) {
            self.typing = None;
        }
        self.left.insert(path);
    }

    /// The user asked for the report as it is: every blank is an error from now on.
    pub fn show_all(&mut self) {
        self.all = true;
    }

    pub fn shows_all(&self) -> bool {
        self.all
    }

    /// Splits `findings` (`check()`'s, in document order) into what shows and what is a to-do.
    pub fn show(&self, findings: &[Finding]) -> Shown {
        let mut shown = Shown::default();
        for finding in findings {
            if let Some((path, rules)) = &self.typing {
                // New since the user entered the field: a blank is a to-do while they are in
                // it (unless every blank is to show), anything else waits.
                if finding.path == *path && !rules.contains(&finding.rule) {
                    match (is_todo(finding), self.all) {
                        (true, true) => shown.findings.push(finding.clone()),
                        (true, false) => shown.todo.push(finding.clone()),
                        (false, _) => {}
                    }
                    continue;
                }
            }
            if is_todo(finding) && !self.all && !self.left.contains(&finding.path) {
                shown.todo.push(finding.clone());
            } else {
                shown.findings.push(finding.clone());
            }
        }
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::check;
    use crate::checks::format::FORMAT_AMOUNT;
    use crate::checks::sums::SUM_BASIC;
    use crate::model::Draft;

    fn rules_on(findings: &[Finding], path: Path) -> Vec<&'static str> {
        findings
            .iter()
            .filter(|f| f.path == path)
            .map(|f| f.rule.id())
            .collect()
    }

    #[test]
    fn a_blank_draft_is_a_list_of_to_dos_not_errors() {
        let findings = check(&Draft::default());
        let shown = Attention::default().show(&findings);
        assert!(shown.findings.is_empty(), "{:?}", shown.findings);
        assert_eq!(shown.todo, findings);
        assert!(shown.todo.len() > 20);
        assert_eq!(shown.todo_in(Section::Meta), 2);
    }

    #[test]
    fn a_blank_field_left_is_an_error_and_download_makes_every_blank_one() {
        let findings = check(&Draft::default());
        let mut attention = Attention::default();
        attention.enter(Path::Department, &findings);
        attention.leave(Path::Department);
        // The field the user is in now stays a to-do.
        attention.enter(Path::Year, &findings);
        let shown = attention.show(&findings);
        assert_eq!(
            rules_on(&shown.findings, Path::Department),
            ["required.field"]
        );
        assert!(rules_on(&shown.findings, Path::Year).is_empty());
        assert_eq!(shown.todo.len(), findings.len() - 1);

        attention.show_all();
        let shown = attention.show(&findings);
        assert_eq!(shown.findings, findings);
        assert!(shown.todo.is_empty());
    }

    #[test]
    fn a_finding_that_appears_while_typing_waits_until_the_field_is_left() {
        let mut draft = crate::sample::sample_draft();
        let path = Path::PersonnelExpense;
        let mut attention = Attention::default();
        attention.enter(path, &check(&draft));
        draft.general_budget.personnel_expense = "31.".into();
        let typing = check(&draft);
        assert_eq!(rules_on(&typing, path), ["format.amount"]);
        let shown = attention.show(&typing);
        assert!(rules_on(&shown.findings, path).is_empty());
        // Other fields' findings show at once: 基本支出 no longer adds up.
        assert_eq!(
            rules_on(&shown.findings, Path::BasicExpense),
            rules_on(&typing, Path::BasicExpense)
        );
        attention.leave(path);
        assert_eq!(
            rules_on(&attention.show(&typing).findings, path),
            ["format.amount"]
        );
    }

    #[test]
    fn a_finding_showing_on_entry_keeps_showing_and_a_fixed_one_goes_at_once() {
        let mut draft = crate::sample::sample_draft();
        draft.general_budget.personnel_expense = "12x".into();
        draft.general_budget.basic_expense = "1".into();
        let path = Path::PersonnelExpense;
        let mut attention = Attention::default();
        let before = check(&draft);
        assert_eq!(rules_on(&before, path), [FORMAT_AMOUNT.id()]);
        attention.enter(path, &before);
        draft.general_budget.personnel_expense = "12xy".into();
        assert_eq!(
            rules_on(&attention.show(&check(&draft)).findings, path),
            [FORMAT_AMOUNT.id()]
        );
        draft.general_budget.personnel_expense = "12".into();
        let fixed = attention.show(&check(&draft));
        assert!(rules_on(&fixed.findings, path).is_empty());
        // 基本支出 is the typed-in field's neighbour: its sum finding shows while typing.
        assert_eq!(
            rules_on(&fixed.findings, Path::BasicExpense),
            [SUM_BASIC.id()]
        );
    }

    #[test]
    fn a_required_field_emptied_while_typing_stays_a_to_do_until_left() {
        let mut draft = crate::sample::sample_draft();
        let mut attention = Attention::default();
        attention.enter(Path::Department, &check(&draft));
        draft.meta.department.clear();
        let shown = attention.show(&check(&draft));
        assert!(rules_on(&shown.findings, Path::Department).is_empty());
        assert_eq!(rules_on(&shown.todo, Path::Department), ["required.field"]);
        attention.leave(Path::Department);
        let shown = attention.show(&check(&draft));
        assert_eq!(
            rules_on(&shown.findings, Path::Department),
            ["required.field"]
        );
        assert!(shown.todo.is_empty());
    }
}

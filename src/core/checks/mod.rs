//! The rules of spec §5, one file per family. [`check`] runs them all.
//!
//! A value with an error finding of its own (blank, unparseable, negative where not allowed, not
//! a whole count) counts as missing: [`Values`] holds `None` for it, and every check that needs it
//! stays silent, so one mistake yields one finding.
//!
//! Each family's file declares its rules with [`crate::finding::rules!`] next to the code that
//! raises them and has one `check(draft, values, findings)`. A new rule is one declaration and
//! its code in its family's file, and its test in `tests.rs`; a new family is a file and its name
//! in the list below.

pub(crate) use crate::values::Values;

use crate::finding::{Finding, Rule};
use crate::model::Draft;

/// The families of rules, in the order their rules are listed (and, on one field and severity,
/// their findings come).
macro_rules! families {
    ($($family:ident),+ $(,)?) => {
        $(pub(crate) mod $family;)+

        /// Every family's rules, in the order of the list.
        const FAMILIES: &[&[Rule]] = &[$($family::RULES),+];

        fn run_families(draft: &Draft, values: &Values, findings: &mut Vec<Finding>) {
            $($family::check(draft, values, findings);)+
        }
    };
}

families![
    required,
    format,
    sums,
    links,
    budget,
    quality,
    numbering,
    template,
    stated_list,
    scorecard,
];

/// Every rule of the checker, family by family.
pub fn rules() -> impl Iterator<Item = Rule> {
    FAMILIES.iter().flat_map(|family| family.iter().copied())
}

/// A rule's place in [`rules`]: on one field and severity, findings come in this order.
fn rank(rule: Rule) -> usize {
    rules().position(|r| r == rule).unwrap_or(usize::MAX)
}

/// Checks a draft. Findings come in document order; on one field, errors come first.
pub fn check(draft: &Draft) -> Vec<Finding> {
    let values = Values::of(draft);
    let mut findings = Vec::new();
    run_families(draft, &values, &mut findings);
    crate::order::sort_by_key(&mut findings, |f| (f.path, f.severity(), rank(f.rule)));
    // Messages quote what was typed; a direction control in it must not reorder the message.
    for f in &mut findings {
        if let std::borrow::Cow::Owned(shown) = crate::text::show_direction_controls(&f.message) {
            f.message = shown;
        }
    }
    findings
}

#[cfg(test)]
mod tests;

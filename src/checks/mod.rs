//! The rules of spec §5, one file per family. [`check`] runs them all.
//!
//! A value with an error finding of its own (blank, unparseable, negative where not allowed, not
//! a whole count) counts as missing: [`Values`] holds `None` for it, and every check that needs it
//! stays silent, so one mistake yields one finding.

mod budget;
mod format;
mod links;
mod numbering;
mod quality;
mod required;
mod stated_list;
mod sums;
mod template;
mod values;

pub(crate) use values::Values;

use crate::finding::Finding;
use crate::model::Draft;

/// Checks a draft. Findings come in document order; on one field, errors come first.
pub fn check(draft: &Draft) -> Vec<Finding> {
    let values = Values::of(draft);
    let mut findings = Vec::new();
    required::check(draft, &mut findings);
    format::check(draft, &mut findings);
    sums::check(draft, &values, &mut findings);
    links::check(draft, &values, &mut findings);
    budget::check(&values, &mut findings);
    quality::check(draft, &mut findings);
    numbering::check(draft, &mut findings);
    template::check(draft, &mut findings);
    stated_list::check(draft, &mut findings);
    findings.sort_by_key(|f| (f.path, f.severity(), f.rule));
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

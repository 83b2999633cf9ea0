//! `format.amount`, `format.negative`, `format.precision`, `format.count`, `format.year`:
//! values that are typed but are not what their field takes.

use super::values::{read_amount, read_count};
use crate::amount::parse_year;
use crate::finding::{Finding, Rule};
use crate::model::Draft;
use crate::outline::Kind;

/// More decimals than this earns a `format.precision` warning: these reports keep 万元 amounts to
/// two decimals (0.01 万元 is 100 元).
const USUAL_DECIMALS: u32 = 2;

pub(super) fn check(draft: &Draft, findings: &mut Vec<Finding>) {
    for path in draft.fields() {
        let text = draft.field(path).unwrap_or_default();
        match path.kind() {
            Kind::Amount | Kind::SignedAmount => match read_amount(path, text) {
                Err(finding) => findings.push(finding),
                Ok(Some(amount)) if amount.decimals() > USUAL_DECIMALS => {
                    findings.push(Finding::new(
                        Rule::FormatPrecision,
                        path,
                        format!(
                            "{} {amount} 有{}位小数：万元金额保留两位小数（到百元）",
                            path.describe(),
                            amount.decimals()
                        ),
                    ))
                }
                Ok(_) => {}
            },
            Kind::Count => {
                if let Err(finding) = read_count(path, text) {
                    findings.push(finding);
                }
            }
            Kind::Year => {
                if let Err(e) = parse_year(text) {
                    findings.push(Finding::new(Rule::FormatYear, path, e.to_string()));
                }
            }
            Kind::Line | Kind::Paragraphs | Kind::List => {}
        }
    }
}

//! `format.amount`, `format.negative`, `format.precision`, `format.count`, `format.year`:
//! values that are typed but are not what their field takes.

use super::Values;
use crate::amount::{parse_count, parse_year, Amount};
use crate::values::{self, Unusable};
use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::{Kind, Path};

rules! {
    /// An amount does not parse (spec §4).
    FORMAT_AMOUNT = "format.amount", Error;
    /// An amount is negative; only 年中调整 (调减) may be.
    FORMAT_NEGATIVE = "format.negative", Error;
    /// An amount has more than two decimals.
    FORMAT_PRECISION = "format.precision", Warning;
    /// A count is not a non-negative whole number.
    FORMAT_COUNT = "format.count", Error;
    /// The year is not a four-digit year from 2000 to 2100.
    FORMAT_YEAR = "format.year", Error;
}

/// More decimals than this earns a `format.precision` warning: these reports keep 万元 amounts to
/// two decimals (0.01 万元 is 100 元).
const USUAL_DECIMALS: u32 = 2;

pub(super) fn check(draft: &Draft, _: &Values, findings: &mut Vec<Finding>) {
    for path in draft.fields() {
        let text = draft.field(path).unwrap_or_default();
        match path.kind() {
            Kind::Amount | Kind::SignedAmount | Kind::Score => match read_amount(path, text) {
                Err(finding) => findings.push(finding),
                Ok(Some(amount)) if amount.decimals() > USUAL_DECIMALS => {
                    let usual = if path.kind() == Kind::Score {
                        "分值和得分保留两位小数"
                    } else {
                        "万元金额保留两位小数（到百元）"
                    };
                    findings.push(Finding::new(
                        FORMAT_PRECISION,
                        path,
                        format!(
                            "{} {amount} 有{}位小数：{usual}",
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
                    findings.push(Finding::new(FORMAT_YEAR, path, e.to_string()));
                }
            }
            Kind::Line | Kind::Paragraphs | Kind::Choice | Kind::List => {}
        }
    }
}

/// Reads an amount field: `Err` with its finding (`format.amount`, `format.negative`) when the
/// value has an error of its own, `Ok(None)` when blank.
pub(crate) fn read_amount(path: Path, text: &str) -> Result<Option<Amount>, Finding> {
    values::amount(path, text).map_err(|unusable| match unusable {
        Unusable::NotAnAmount(e) => {
            Finding::new(FORMAT_AMOUNT, path, format!("{}：{e}", path.describe()))
        }
        Unusable::NotAScore(e) => {
            Finding::new(FORMAT_AMOUNT, path, format!("{}：{e}", path.describe()))
        }
        Unusable::Negative(amount) => Finding::new(
            FORMAT_NEGATIVE,
            path,
            if path.kind() == Kind::Score {
                format!("{} 为负数（{amount}）：分值和得分不能为负", path.describe())
            } else {
                format!(
                    "{} 为负数（{amount}）：只有专项资金的年中调整（调减）可以为负",
                    path.describe()
                )
            },
        ),
    })
}

/// Reads a count field: `Err` with its `format.count` finding when it is not a whole count.
pub(crate) fn read_count(path: Path, text: &str) -> Result<Option<u32>, Finding> {
    parse_count(text)
        .map_err(|e| Finding::new(FORMAT_COUNT, path, format!("{}：{e}", path.describe())))
}

//! `required.field` and `required.section`: what every report must fill in.

use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::{List, Need, Section};
use crate::scorecard::is_started;
use crate::text::is_blank;

rules! {
    /// A required field is blank (or a list that needs a row is empty).
    REQUIRED_FIELD = "required.field", Error;
    /// Section 三, 四, 五, 七, 八, 九 or 十 is blank (they take "无").
    REQUIRED_SECTION = "required.section", Error;
}

/// Every field the outline declares required (`Need::Required`, rows included) and every
/// section that takes "无" (`Need::Section`), from the outline's declarations. The 自评表's fields
/// are required only once the table is started.
pub(super) fn check(draft: &Draft, _: &super::Values, findings: &mut Vec<Finding>) {
    let table = is_started(draft);
    let applies = |section: Section| table || section != Section::Scorecard;
    for path in draft.fields() {
        if !applies(path.section()) || !is_blank(draft.field(path).unwrap_or_default()) {
            continue;
        }
        match path.need() {
            Need::Optional => {}
            // Every row that exists must be filled in: a blank row prints as an empty item.
            Need::Required => findings.push(Finding::new(
                REQUIRED_FIELD,
                path,
                format!("{}未填写", path.describe()),
            )),
            Need::Section => findings.push(Finding::new(
                REQUIRED_SECTION,
                path,
                format!(
                    "{}、{}未填写：没有内容时请填写“无”",
                    path.section().numeral(),
                    path.label()
                ),
            )),
        }
    }
    for list in List::ALL {
        if list.def().need != Need::Required || draft.rows(list) > 0 || !applies(list.def().section)
        {
            continue;
        }
        let message = match list {
            List::Points => "部门整体支出绩效情况至少要填写一条要点".to_owned(),
            List::Indicators => "自评表至少要填写一项绩效指标".to_owned(),
            _ => format!("{}至少要填写一项", list.def().label),
        };
        findings.push(Finding::new(REQUIRED_FIELD, list.path(), message));
    }
}

//! `required.field` and `required.section`: what every report must fill in.

use crate::finding::{rules, Finding};
use crate::model::Draft;
use crate::outline::{FundField, List, Path, PointField, ProjectField};
use crate::text::is_blank;

rules! {
    /// A required field is blank (or a list that needs a row is empty).
    REQUIRED_FIELD = "required.field", Error;
    /// Section 三, 四, 五, 七, 八, 九 or 十 is blank (they take "无").
    REQUIRED_SECTION = "required.section", Error;
}

pub(super) fn check(draft: &Draft, _: &super::Values, findings: &mut Vec<Finding>) {
    let mut require = |path: Path| {
        if is_blank(draft.field(path).unwrap_or_default()) {
            findings.push(Finding::new(
                REQUIRED_FIELD,
                path,
                format!("{}未填写", path.describe()),
            ));
        }
    };

    for path in [
        Path::Department,
        Path::Year,
        Path::Organization,
        Path::StaffTotal,
        Path::StaffActive,
        Path::StaffRetired,
        Path::GoalsOverall,
    ]
    .into_iter()
    .chain(Path::REQUIRED_BUDGET_AMOUNTS)
    {
        require(path);
    }
    // Every row that exists must be filled in: a blank row prints as an empty item in the report.
    // 要点标题 is optional: a point may be a paragraph without a heading.
    for i in 0..draft.rows(List::Functions) {
        require(Path::Function(i));
    }
    for i in 0..draft.rows(List::Projects) {
        require(Path::Project(i, ProjectField::Name));
        require(Path::Project(i, ProjectField::Amount));
    }
    for i in 0..draft.rows(List::Points) {
        require(Path::Point(i, PointField::Text));
    }
    for i in 0..draft.rows(List::Funds) {
        require(Path::Fund(i, FundField::Name));
        for field in FundField::AMOUNTS {
            require(Path::Fund(i, field));
        }
    }

    if draft.rows(List::Functions) == 0 {
        findings.push(Finding::new(
            REQUIRED_FIELD,
            Path::Functions,
            "主要职能至少要填写一项",
        ));
    }
    if draft.rows(List::Points) == 0 {
        findings.push(Finding::new(
            REQUIRED_FIELD,
            Path::Points,
            "部门整体支出绩效情况至少要填写一条要点",
        ));
    }

    for path in Path::REQUIRED_SECTIONS {
        if is_blank(draft.field(path).unwrap_or_default()) {
            findings.push(Finding::new(
                REQUIRED_SECTION,
                path,
                format!(
                    "{}、{}未填写：没有内容时请填写“无”",
                    path.section().numeral(),
                    path.label()
                ),
            ));
        }
    }
}

//! 生成下一年度草稿: next year's draft from this year's. The texts stay (most of a report's
//! wording carries over), every amount and count is emptied (they are next year's to fill in),
//! and the year moves on by one. Of the 自评表 (REPORT.md §8: "the scorecard's values are
//! emptied") only what is measured stays: each indicator row's 一级, 二级 and 三级指标.

use crate::amount::parse_year;
use crate::model::Draft;
use crate::outline::{IndicatorField, Kind, Path, Section};

/// Next year's draft: `draft` with every amount and count blank and the year plus one. A year
/// that does not read as one stays as typed (the checker says what is wrong with it); rows,
/// texts and fields this version does not know are kept.
pub fn next_year(draft: &Draft) -> Draft {
    let mut next = draft.clone();
    let numbers: Vec<Path> = draft.fields().filter(|p| is_this_years(*p)).collect();
    for path in numbers {
        next.set_field(path, "");
    }
    if let Ok(Some(year)) = parse_year(&draft.meta.year) {
        next.meta.year = (year + 1).to_string();
    }
    next
}

/// A value that belongs to the year reported on: every amount and count, and every value of the
/// 自评表 but the indicators' names and levels.
fn is_this_years(path: Path) -> bool {
    let kept_in_table = matches!(
        path,
        Path::Indicator(
            _,
            IndicatorField::Level1 | IndicatorField::Level2 | IndicatorField::Name
        )
    );
    matches!(path.kind(), Kind::Amount | Kind::SignedAmount | Kind::Count)
        || (path.section() == Section::Scorecard && !kept_in_table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::{FundField, ProjectField};
    use crate::sample::sample_draft;

    #[test]
    fn texts_stay_numbers_go_and_the_year_moves_on() {
        let seed = sample_draft();
        let next = next_year(&seed);
        assert_eq!(next.meta.year, "2025");
        assert_eq!(next.meta.department, seed.meta.department);
        assert_eq!(next.basic.functions, seed.basic.functions);
        assert_eq!(next.problems, seed.problems);
        for path in next.fields() {
            let (was, now) = (
                seed.field(path).unwrap_or_default(),
                next.field(path).unwrap_or_default(),
            );
            match path.kind() {
                _ if is_this_years(path) => assert_eq!(now, "", "{path}"),
                Kind::Year => {}
                _ => assert_eq!(now, was, "{path}"),
            }
        }
        // Rows stay, with their names.
        assert_eq!(next.rows(crate::outline::List::Projects), 3);
        assert_eq!(
            next.field(Path::Project(0, ProjectField::Name)),
            seed.field(Path::Project(0, ProjectField::Name))
        );
        assert_eq!(next.field(Path::Fund(1, FundField::Adjustment)), Some(""));
        assert_eq!(next.basic.staff.total, "");
        assert_eq!(next.basic.staff.as_of, seed.basic.staff.as_of);
        // Of the 自评表, what is measured stays; its values go.
        let (row, was) = (&next.scorecard.indicators[6], &seed.scorecard.indicators[6]);
        assert_eq!(
            (&row.level1, &row.level2, &row.name),
            (&was.level1, &was.level2, &was.name)
        );
        let values = [&row.target, &row.actual, &row.weight, &row.score];
        assert!(values.iter().all(|v| v.is_empty()), "{values:?}");
        assert_eq!(next.scorecard.budget.weight, "");
        assert_eq!(next.scorecard.goal.actual, "");
        assert_eq!(
            next.scorecard.indicators.len(),
            seed.scorecard.indicators.len()
        );
        assert!(!seed.scorecard.goal.actual.is_empty());
    }

    #[test]
    fn a_year_that_does_not_read_stays_as_typed() {
        let mut draft = Draft::default();
        draft.meta.year = "二〇二四".into();
        assert_eq!(next_year(&draft).meta.year, "二〇二四");
        draft.meta.year = "２０２４年".into();
        assert_eq!(next_year(&draft).meta.year, "2025");
    }
}

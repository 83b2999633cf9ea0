//! Reading a report's text (REPORT.md §8): the text of a draft's HTML export, as a browser copies
//! it, reads back into the same draft (the 自评表 aside) for generated drafts of every field kind,
//! with rows in every list and names with quotes and brackets; and no text makes it panic.
#![cfg(not(target_arch = "wasm32"))] // native: proptest

mod common;

use common::{copied_text, docx_of};
use proptest::prelude::*;
use selfeval::export::render_html;
use selfeval::model::{PerformancePoint, ProjectRow, SpecialFund};
use selfeval::reader::read_report;
use selfeval::Draft;

/// Words of a name: Han characters, with quotation marks and brackets.
fn name() -> impl Strategy<Value = String> {
    "[信访局财政教育卫生“”（）《》\"A-Z]{1,6}[局办所室金费项目中心]"
}

/// One paragraph of text ending as a sentence does.
fn paragraph() -> impl Strategy<Value = String> {
    "[信访工作落实会议精神完成任务提升水平][信访工作落实会议精神完成任务提升水平“”（）、，；：0-9%]{0,30}[。！？]"
}

/// A text of one to three paragraphs.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(paragraph(), 1..=3).prop_map(|p| p.join("\n"))
}

fn amount() -> impl Strategy<Value = String> {
    prop_oneof![
        "[1-9][0-9]{0,4}",
        "[1-9][0-9]{0,3}\\.[0-9]{1,2}",
        Just("0".to_owned()),
    ]
}

fn count() -> impl Strategy<Value = String> {
    "[1-9][0-9]{0,2}"
}

prop_compose! {
    fn project()(name in name(), amount in amount()) -> ProjectRow {
        ProjectRow { name, amount, ..ProjectRow::default() }
    }
}

prop_compose! {
    fn point()(title in "[高站位落实上级会议精神完成任务]{2,12}", text in text()) -> PerformancePoint {
        PerformancePoint { title, text, ..PerformancePoint::default() }
    }
}

prop_compose! {
    fn fund()(
        name in name(),
        initial in amount(),
        adjustment in amount(),
        down in any::<bool>(),
        actual in amount(),
        carryover in amount(),
        effect in text(),
    ) -> SpecialFund {
        let adjustment = if down && adjustment != "0" { format!("-{adjustment}") } else { adjustment };
        SpecialFund { name, initial_budget: initial, adjustment, actual, carryover, effect, ..SpecialFund::default() }
    }
}

prop_compose! {
    fn draft()(
        unit in "[株洲市芦淞区信访局财政教育]{2,8}局",
        short in prop_oneof![Just(String::new()), "[区信访教育]{2,4}局"],
        year in 2000u16..=2100,
        date in prop_oneof![Just(String::new()), Just("2025年3月15日".to_owned())],
        functions in prop::collection::vec(text(), 1..=4),
        organization in text(),
        staff in (count(), count(), count(), prop_oneof![Just(String::new()), Just("2024年12月底".to_owned())]),
        goals in (text(), prop_oneof![Just(String::new()), text()], prop_oneof![Just(String::new()), text()]),
        budget in (amount(), prop_oneof![Just(String::new()), amount()], amount(), amount()),
        expenses in (amount(), amount(), amount(), amount()),
        projects in prop::collection::vec(project(), 0..=4),
        texts in prop::collection::vec(prop_oneof![Just("无".to_owned()), text()], 7),
        points in prop::collection::vec(point(), 1..=4),
        stated in prop_oneof![Just(String::new()), count()],
        funds in prop::collection::vec(fund(), 0..=3),
    ) -> Draft {
        let mut d = Draft::default();
        d.meta.department = unit;
        // A short name that is the unit's name is exported exactly as none is (the report names
        // the unit either way), so a reading cannot tell the two apart: it reads none.
        d.meta.short_name = if short == d.meta.department { String::new() } else { short };
        d.meta.year = year.to_string();
        d.meta.date = date;
        d.basic.functions = functions;
        d.basic.organization = organization;
        (d.basic.staff.total, d.basic.staff.active, d.basic.staff.retired, d.basic.staff.as_of) = staff;
        (d.goals.overall, d.goals.special_funds, d.goals.other_projects) = goals;
        let gb = &mut d.general_budget;
        (gb.annual_budget, gb.full_year_budget, gb.appropriation_income, gb.appropriation_expense) = budget;
        (gb.project_expense, gb.basic_expense, gb.personnel_expense, gb.public_expense) = expenses;
        gb.projects = projects;
        let [a, b, c, e, f, g, h] = <[String; 7]>::try_from(texts).unwrap_or_default();
        d.gov_fund_budget.text = a;
        d.state_capital_budget.text = b;
        d.social_insurance_budget.text = c;
        d.problems = e;
        d.improvements = f;
        d.result_use = g;
        d.other = h;
        d.performance.overall = points;
        d.performance.special_funds_stated_count = stated;
        d.performance.special_funds = funds;
        d
    }
}

fn cases() -> u32 {
    std::env::var("SELFEVAL_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(500)
}

/// The seed's export reads back into it, the 自评表 aside (its lines are listed), and so does a
/// 落款日期.
#[test]
fn the_exported_seed_reads_back_into_the_seed_the_table_aside() {
    let sample = selfeval::sample::sample_draft();
    let text = copied_text(&selfeval::export::render_html(&sample));
    let reading = read_report(&text);
    let mut expected = sample.clone();
    expected.scorecard = Default::default();
    expected.meta.extra.clear();
    assert_eq!(reading.draft, expected);
    // The table's lines are listed, none of the report's.
    assert!(!reading.unplaced.is_empty());
    assert!(
        reading
            .unplaced
            .iter()
            .all(|u| u.under.starts_with("附件：")),
        "{:?}",
        reading.unplaced
    );
    // A 落款日期 comes back too.
    let mut dated = expected.clone();
    dated.meta.date = "2025年3月15日".into();
    let reading = read_report(&copied_text(&selfeval::export::render_html(&dated)));
    assert_eq!(reading.draft, dated);
    assert_eq!(reading.unplaced, []);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn the_export_of_a_filled_draft_reads_back_into_it(draft in draft()) {
        let text = copied_text(&render_html(&draft));
        let reading = read_report(&text);
        prop_assert_eq!(&reading.unplaced, &vec![], "text:\n{}", text);
        for path in draft.fields() {
            prop_assert_eq!(reading.draft.field(path), draft.field(path), "{}\n{}", path, text);
        }
        prop_assert_eq!(reading.draft, draft);
    }

    #[test]
    fn reading_any_text_never_panics(s in "\\PC*(\n\\PC*){0,8}") {
        let reading = read_report(&s);
        // Whatever is not placed is listed as it was.
        for u in &reading.unplaced {
            prop_assert!(s.contains(u.text.as_str()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// A .docx damaged anywhere (bytes changed, cut short): read or refused, never a panic.
    #[test]
    fn a_damaged_docx_never_panics(at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<prop::sample::Index>()) {
        let docx = docx_of_seed();
        let mut changed = docx.clone();
        let i = at.index(changed.len());
        changed[i] = byte;
        let _ = selfeval::report_file::report_text(&changed).map(|t| read_report(&t));
        let end = cut.index(docx.len());
        let _ = selfeval::report_file::report_text(&docx[..end]).map(|t| read_report(&t));
    }
}

fn docx_of_seed() -> Vec<u8> {
    static DOCX: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    DOCX.get_or_init(|| {
        let paragraphs: Vec<&str> = include_str!("data/seed-2024.txt").lines().collect();
        docx_of(&paragraphs)
    })
    .clone()
}

#[test]
fn a_title_set_on_two_lines_reads_and_a_stray_line_before_it_stays_unplaced() {
    let text = "株洲市芦淞区信访局\n2024年度部门整体支出绩效自评报告\n一、基本情况\n";
    let reading = read_report(text);
    assert_eq!(reading.draft.meta.department, "株洲市芦淞区信访局");
    assert_eq!(reading.draft.meta.year, "2024");
    assert_eq!(reading.unplaced, []);

    let reading = read_report("内部资料\n株洲市芦淞区信访局\n2024年度部门整体支出绩效自评报告\n");
    assert_eq!(reading.draft.meta.department, "株洲市芦淞区信访局");
    let texts: Vec<(&str, usize)> = reading
        .unplaced
        .iter()
        .map(|u| (u.text.as_str(), u.line))
        .collect();
    assert_eq!(texts, [("内部资料", 1)]);

    let reading = read_report("只有一行\n");
    assert_eq!(reading.unplaced.len(), 1, "kept at the end too");
}

#[test]
fn a_reading_passes_through_json_whole() {
    let text = format!(
        "内部资料\n{}\n附注：\"引号\" <b>",
        include_str!("data/seed-2024.txt")
    );
    let reading = read_report(&text);
    assert_eq!(reading.unplaced.len(), 1, "the line before the title");
    let json = reading.to_json().unwrap();
    assert_eq!(selfeval::reader::Reading::from_json(&json), Some(reading));
    assert_eq!(selfeval::reader::Reading::from_json("{}"), None);
    assert_eq!(selfeval::reader::Reading::from_json("not json"), None);
}

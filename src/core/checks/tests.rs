//! One test per rule id, written against spec §5: each rule fires with its exact severity and
//! path, stays silent when the input is right, and a blank or invalid value yields only its own
//! finding. Most cases change one thing in the seed and compare with the seed's own findings.

use super::check;
use crate::finding::Severity::{self, Error, Info, Warning};
use crate::model::{Draft, PerformancePoint, ProjectRow};
use crate::outline::{FundField, Path};
use crate::sample::{sample_draft, SEED_V1_JSON};

type Row = (String, Severity, String);

fn row(rule: &str, severity: Severity, path: &str) -> Row {
    (rule.to_owned(), severity, path.to_owned())
}

fn rows(draft: &Draft) -> Vec<Row> {
    check(draft)
        .into_iter()
        .map(|f| (f.rule.id().to_owned(), f.severity(), f.path.to_string()))
        .collect()
}

/// The seed report as the version 1 example (no 自评表).
fn seed() -> Draft {
    crate::read_draft(SEED_V1_JSON).unwrap_or_default()
}

/// The version 2 example: the seed with its illustrative 自评表 (the app's sample).
fn seed_v2() -> Draft {
    sample_draft()
}

/// Findings of `draft` that the seed does not have, and findings of the seed that `draft` lost.
fn diff(draft: &Draft) -> (Vec<Row>, Vec<Row>) {
    diff_from(&seed(), draft)
}

/// Findings of `draft` that `base` does not have, and findings of `base` that `draft` lost.
fn diff_from(base: &Draft, draft: &Draft) -> (Vec<Row>, Vec<Row>) {
    let (mut now, mut before) = (rows(draft), rows(base));
    let mut added = Vec::new();
    for r in now.drain(..) {
        match before.iter().position(|b| *b == r) {
            Some(i) => drop(before.remove(i)),
            None => added.push(r),
        }
    }
    (added, before)
}

fn added(draft: &Draft) -> Vec<Row> {
    diff(draft).0
}

/// Asserts that the change adds exactly `expected` to the seed's findings and removes none.
#[track_caller]
fn assert_adds_only(draft: &Draft, expected: &[Row]) {
    let (added, removed) = diff(draft);
    assert_eq!(added, expected, "added findings");
    assert!(removed.is_empty(), "the change also removed {removed:?}");
}

fn message(draft: &Draft, rule: &str) -> String {
    check(draft)
        .into_iter()
        .find(|f| f.rule.id() == rule)
        .map(|f| f.message)
        .unwrap_or_default()
}

#[test]
fn the_seed_yields_exactly_the_four_warnings_of_the_spec() {
    assert_eq!(
        rows(&seed()),
        [
            row(
                "weak.fund_effect",
                Warning,
                "performance.special_funds[1].effect"
            ),
            row(
                "link.fund_name",
                Warning,
                "performance.special_funds[2].name"
            ),
            row("weak.none", Warning, "problems"),
            row("weak.none", Warning, "improvements"),
        ]
    );
}

#[test]
fn required_field() {
    let required: Vec<Path> = [
        Path::Department,
        Path::Year,
        Path::Organization,
        Path::StaffTotal,
        Path::StaffActive,
        Path::StaffRetired,
        Path::GoalsOverall,
        Path::Function(3),
        Path::Project(1, crate::outline::ProjectField::Name),
        Path::Project(1, crate::outline::ProjectField::Amount),
        Path::Point(2, crate::outline::PointField::Text),
    ]
    .into_iter()
    .chain(Path::REQUIRED_BUDGET_AMOUNTS)
    .chain(FundField::AMOUNTS.map(|f| Path::Fund(0, f)))
    .chain([Path::Fund(0, FundField::Name)])
    .collect();
    for path in required {
        for blank in ["", "  \u{3000}\n"] {
            let mut d = seed();
            assert!(d.set_field(path, blank));
            assert_eq!(
                added(&d),
                [row("required.field", Error, &path.to_string())],
                "blanking {path}"
            );
        }
    }

    let mut d = seed();
    d.basic.functions.clear();
    assert_adds_only(&d, &[row("required.field", Error, "basic.functions")]);

    let mut d = seed();
    d.performance.overall.clear();
    assert_adds_only(&d, &[row("required.field", Error, "performance.overall")]);

    // Optional fields may stay blank.
    let mut d = seed();
    for path in [
        Path::ShortName,
        Path::StaffAsOf,
        Path::GoalsSpecialFunds,
        Path::GoalsOtherProjects,
        Path::FullYearBudget,
        Path::Point(0, crate::outline::PointField::Title),
    ] {
        d.set_field(path, "");
    }
    assert_adds_only(&d, &[]);
}

#[test]
fn required_section() {
    for path in Path::REQUIRED_SECTIONS {
        let mut d = seed();
        d.set_field(path, " ");
        assert_eq!(
            added(&d),
            [row("required.section", Error, &path.to_string())],
            "{path}"
        );
    }
    let mut d = seed();
    d.other = String::new();
    assert_eq!(
        message(&d, "required.section"),
        "十、其他需要说明的情况未填写：没有内容时请填写“无”"
    );
}

#[test]
fn format_amount() {
    let mut d = seed();
    d.general_budget.appropriation_income = "272.44元".into();
    assert_adds_only(
        &d,
        &[row(
            "format.amount",
            Error,
            "general_budget.appropriation_income",
        )],
    );
    assert!(message(&d, "format.amount").contains("272.44元"));

    // An unparseable fund amount silences the fund's sum and link checks.
    let mut d = seed();
    d.performance.special_funds[2].actual = "1.2.3".into();
    let (added, removed) = diff(&d);
    assert_eq!(
        added,
        [row(
            "format.amount",
            Error,
            "performance.special_funds[2].actual"
        )]
    );
    assert_eq!(
        removed,
        [row(
            "link.fund_name",
            Warning,
            "performance.special_funds[2].name"
        )]
    );

    // Full-width digits and a unit are an amount, and the same amount.
    let mut d = seed();
    d.general_budget.appropriation_income = "２７２．４４万元".into();
    d.general_budget.basic_expense = " 154.15 万 ".into();
    assert_adds_only(&d, &[]);
}

#[test]
fn format_negative() {
    let mut d = seed();
    d.general_budget.basic_expense = "-154.15".into();
    assert_adds_only(
        &d,
        &[row(
            "format.negative",
            Error,
            "general_budget.basic_expense",
        )],
    );

    // Only 年中调整 may be negative (调减).
    let mut d = seed();
    d.general_budget.full_year_budget = "273.83".into();
    let fund = &mut d.performance.special_funds[0];
    fund.initial_budget = "6".into();
    fund.adjustment = "-3".into();
    assert_adds_only(&d, &[]);
}

#[test]
fn format_precision() {
    // Same value with a third decimal: a warning, and the value is used (no sum error).
    let mut d = seed();
    d.general_budget.personnel_expense = "122.660".into();
    assert_adds_only(
        &d,
        &[row(
            "format.precision",
            Warning,
            "general_budget.personnel_expense",
        )],
    );

    // A value with only a warning is used as it is.
    let mut d = seed();
    d.general_budget.personnel_expense = "122.665".into();
    assert_adds_only(
        &d,
        &[
            row("sum.basic", Error, "general_budget.basic_expense"),
            row(
                "format.precision",
                Warning,
                "general_budget.personnel_expense",
            ),
        ],
    );
}

#[test]
fn format_count() {
    let mut d = seed();
    d.basic.staff.total = "11.5".into();
    assert_adds_only(&d, &[row("format.count", Error, "basic.staff.total")]);

    let mut d = seed();
    d.performance.special_funds_stated_count = "三".into();
    assert_adds_only(
        &d,
        &[row(
            "format.count",
            Error,
            "performance.special_funds_stated_count",
        )],
    );

    let mut d = seed();
    d.basic.staff.retired = "-2".into();
    assert_adds_only(&d, &[row("format.count", Error, "basic.staff.retired")]);

    let mut d = seed();
    d.basic.staff.total = "１１人".into();
    assert_adds_only(&d, &[]);
}

#[test]
fn format_year() {
    for bad in ["24", "1999", "2101", "二〇二四"] {
        let mut d = seed();
        d.meta.year = bad.into();
        assert_eq!(added(&d), [row("format.year", Error, "meta.year")], "{bad}");
    }
    let mut d = seed();
    d.meta.year = "2024年".into();
    assert_adds_only(&d, &[]);
}

#[test]
fn sum_expense() {
    let mut d = seed();
    d.general_budget.appropriation_income = "272.45".into();
    d.general_budget.appropriation_expense = "272.45".into();
    assert_adds_only(
        &d,
        &[row(
            "sum.expense",
            Error,
            "general_budget.appropriation_expense",
        )],
    );
    assert_eq!(
        message(&d, "sum.expense"),
        "财政拨款支出 272.45 ≠ 基本支出 154.15 + 项目支出 118.29 = 272.44，相差 0.01 万元"
    );
}

#[test]
fn sum_basic() {
    let mut d = seed();
    d.general_budget.personnel_expense = "122.67".into();
    assert_adds_only(
        &d,
        &[row("sum.basic", Error, "general_budget.basic_expense")],
    );
    assert_eq!(
        message(&d, "sum.basic"),
        "基本支出 154.15 ≠ 人员经费 122.67 + 公用经费 31.49 = 154.16，相差 0.01 万元"
    );
    // Typing the right value back removes it.
    d.general_budget.personnel_expense = "122.66".into();
    assert_adds_only(&d, &[]);
}

#[test]
fn sum_projects() {
    let mut d = seed();
    d.general_budget.projects.push(ProjectRow {
        name: "办公设备购置".into(),
        amount: "1".into(),
        ..ProjectRow::default()
    });
    assert_adds_only(
        &d,
        &[row("sum.projects", Error, "general_budget.project_expense")],
    );
    assert_eq!(
        message(&d, "sum.projects"),
        "项目支出 118.29 ≠ 项目支出明细4行合计 3 + 0.24 + 115.05 + 1 = 119.29，相差 1.00 万元"
    );

    // A row without an amount is its own finding; the sum waits for it.
    d.general_budget.projects[3].amount = String::new();
    assert_adds_only(
        &d,
        &[row(
            "required.field",
            Error,
            "general_budget.projects[3].amount",
        )],
    );

    // No rows: nothing to compare.
    let mut d = seed();
    d.general_budget.projects.clear();
    assert!(!rows(&d).iter().any(|r| r.0 == "sum.projects"));
}

#[test]
fn sum_staff() {
    let mut d = seed();
    d.basic.staff.retired = "3".into();
    assert_adds_only(&d, &[row("sum.staff", Error, "basic.staff.total")]);
    assert_eq!(
        message(&d, "sum.staff"),
        "实有人数 11 ≠ 在职 9 + 退休 3 = 12，相差 1 人"
    );
}

#[test]
fn sum_fund() {
    let mut d = seed();
    d.performance.special_funds[0].carryover = "1".into();
    assert_adds_only(
        &d,
        &[row(
            "sum.fund",
            Error,
            "performance.special_funds[0].carryover",
        )],
    );
    assert_eq!(
        message(&d, "sum.fund"),
        "专项资金“信访救助”：年初预算 0 + 年中调整 3 = 3，但实际支出 3 + 结余结转 1 = 4，相差 1 万元"
    );
}

#[test]
fn count_special_funds() {
    let mut d = seed();
    d.performance.special_funds_stated_count = "4".into();
    assert_adds_only(
        &d,
        &[row(
            "count.special_funds",
            Error,
            "performance.special_funds_stated_count",
        )],
    );
    assert_eq!(
        message(&d, "count.special_funds"),
        "写明专项资金共4个，但下面列出了3项"
    );

    let mut d = seed();
    d.performance.special_funds_stated_count = String::new();
    assert_adds_only(&d, &[]);
}

#[test]
fn link_fund_amount() {
    let mut d = seed();
    let fund = &mut d.performance.special_funds[0];
    fund.actual = "2.5".into();
    fund.carryover = "0.5".into();
    assert_adds_only(
        &d,
        &[row(
            "link.fund_amount",
            Error,
            "performance.special_funds[0].actual",
        )],
    );
    assert_eq!(
        message(&d, "link.fund_amount"),
        "专项资金“信访救助”实际支出 2.5 ≠ 项目支出明细中“信访救助”的金额 3，相差 0.5 万元"
    );
}

#[test]
fn link_fund_name() {
    // The seed's own case: “N合一”机制建设经费 (115.05) vs the row “N合一”专项 (115.05).
    let seed_rows = rows(&seed());
    assert!(seed_rows.contains(&row(
        "link.fund_name",
        Warning,
        "performance.special_funds[2].name"
    )));

    // The same name, whatever the quotation marks: silent.
    for name in ["“N合一”专项", "\"N合一\"专项", " 「N合一」专项 "] {
        let mut d = seed();
        d.performance.special_funds[2].name = name.into();
        let (added, removed) = diff(&d);
        assert!(added.is_empty(), "{name}: {added:?}");
        assert_eq!(
            removed,
            [row(
                "link.fund_name",
                Warning,
                "performance.special_funds[2].name"
            )]
        );
    }
}

#[test]
fn link_fund_missing() {
    let mut d = seed();
    let fund = &mut d.performance.special_funds[2];
    fund.actual = "100".into();
    fund.carryover = "15.05".into();
    let (added, removed) = diff(&d);
    assert_eq!(
        added,
        [row(
            "link.fund_missing",
            Warning,
            "performance.special_funds[2].name"
        )]
    );
    assert_eq!(
        removed,
        [row(
            "link.fund_name",
            Warning,
            "performance.special_funds[2].name"
        )]
    );
}

#[test]
fn balance_income_expense() {
    let mut d = seed();
    d.general_budget.appropriation_income = "280".into();
    assert_adds_only(
        &d,
        &[row(
            "balance.income_expense",
            Warning,
            "general_budget.appropriation_income",
        )],
    );
    assert_eq!(
        message(&d, "balance.income_expense"),
        "财政拨款收入 280 ≠ 财政拨款支出 272.44，相差 7.56 万元：请说明结转结余情况"
    );
}

#[test]
fn exec_over_budget() {
    // 全年预算数 computed: 预算资金 150 + 年中调整 118.29 = 268.29 < 272.44.
    let mut d = seed();
    d.general_budget.annual_budget = "150".into();
    assert_adds_only(
        &d,
        &[row(
            "exec.over_budget",
            Warning,
            "general_budget.appropriation_expense",
        )],
    );
    assert!(message(&d, "exec.over_budget").contains("超过全年预算数 268.29"));

    // 全年预算数 typed in replaces the computed one.
    let mut d = seed();
    d.general_budget.full_year_budget = "270".into();
    assert_adds_only(
        &d,
        &[row(
            "exec.over_budget",
            Warning,
            "general_budget.appropriation_expense",
        )],
    );
    d.general_budget.full_year_budget = "272.44".into();
    assert_adds_only(&d, &[]);
}

#[test]
fn weak_none() {
    for said in ["暂无。", "没有", " 无 ", "/"] {
        let mut d = seed();
        d.problems = said.into();
        assert_adds_only(&d, &[]);
    }
    let mut d = seed();
    d.problems = "部分项目绩效目标设置不够细化，量化指标偏少。".into();
    d.improvements = "细化绩效目标，增加可量化的指标。".into();
    assert_eq!(
        diff(&d).1,
        [
            row("weak.none", Warning, "problems"),
            row("weak.none", Warning, "improvements")
        ]
    );
    // Sections 三 to 五 and 九 to 十 take "暂无" without a warning (only 七 and 八 need content).
    let mut d = seed();
    for path in [
        Path::GovFundBudget,
        Path::StateCapitalBudget,
        Path::SocialInsuranceBudget,
        Path::ResultUse,
        Path::Other,
    ] {
        assert_ne!(d.field(path), Some("暂无。"));
        assert!(d.set_field(path, "暂无。"));
    }
    assert_adds_only(&d, &[]);
}

#[test]
fn weak_fund_effect() {
    let mut d = seed();
    d.performance.special_funds[1].effect = "该专项资金支出保障了基层党建活动的正常开展。".into();
    assert_eq!(
        diff(&d).1,
        [row(
            "weak.fund_effect",
            Warning,
            "performance.special_funds[1].effect"
        )]
    );
    let mut d = seed();
    d.performance.special_funds[0].effect = String::new();
    assert_adds_only(
        &d,
        &[row(
            "weak.fund_effect",
            Warning,
            "performance.special_funds[0].effect",
        )],
    );
}

#[test]
fn text_numbering() {
    let mut d = seed();
    d.problems = "1、预算编制不够精细。\n2、绩效目标不够量化。\n2、资金支付进度偏慢。".into();
    let (added, _) = diff(&d);
    assert_eq!(added, [row("text.numbering", Warning, "problems")]);
    assert_eq!(
        message(&d, "text.numbering"),
        "存在的问题及原因分析的编号有误：“2、”重复（编号依次为 1、2、2）"
    );

    let mut d = seed();
    d.performance.overall[0].text = "一是加强学习；二是压实责任；四是强化督办。".into();
    assert_adds_only(
        &d,
        &[row(
            "text.numbering",
            Warning,
            "performance.overall[0].text",
        )],
    );
}

#[test]
fn text_numbering_inside_a_paragraph() {
    // The way a table cell or a pasted paragraph holds a list: 1. 2. 3. 4. 4. 5.
    let mut d = seed();
    d.performance.overall[1].text =
        "全年工作如下。1.接待来访。2.办理网信。3.化解积案。4.开展培训。4.督查督办。5.宣传引导。"
            .into();
    assert_adds_only(
        &d,
        &[row(
            "text.numbering",
            Warning,
            "performance.overall[1].text",
        )],
    );
    assert_eq!(
        message(&d, "text.numbering"),
        "绩效要点第2条 内容的编号有误：“4.”重复（编号依次为 3、4、4、5）"
    );
    // A correct inline list, a second list starting at 1, and dates stay silent.
    for text in [
        "全年工作如下。1.接待来访。2.办理网信。3.化解积案。",
        "一季度：1.接待。2.办理。二季度：1.化解。2.督查。",
        "2024.1.5启动。2024.3.1完成验收。",
    ] {
        let mut d = seed();
        d.performance.overall[1].text = text.into();
        assert_adds_only(&d, &[]);
    }
}

#[test]
fn weak_goal_unquantified() {
    let mut d = seed();
    d.goals.overall = "信访形势总体平稳，群众满意度进一步提高。".into();
    assert_adds_only(&d, &[row("weak.goal_unquantified", Info, "goals.overall")]);
    // 零 counts as a number (“零集访”), as does a percentage.
    d.goals.overall = "群众满意度达到百分之九十五以上，办结率％".into();
    assert_adds_only(&d, &[]);
    // Digits that only label items are not numbers.
    for labels_only in [
        "任务1：化解积案。任务2：规范办理。",
        "目标１、信访秩序平稳；目标2、群众满意。",
        "第1项，畅通渠道；第2条，压实责任。",
        "（1）畅通渠道；（2）压实责任。",
        "1.畅通渠道。2.压实责任。",
        "主要目标：1、畅通渠道；2、压实责任。",
    ] {
        d.goals.overall = labels_only.into();
        assert_adds_only(&d, &[row("weak.goal_unquantified", Info, "goals.overall")]);
    }
    // A number beside labels, or an ordinal that is a quantity, is a number.
    for quantified in [
        "任务1：化解积案30件。",
        "第1季度完成排查。",
        "目标1000人次接访。",
        "1.信访事项按期办结率达到95%。",
        "2024年全面完成任务。",
        "１.５万份宣传资料。",
    ] {
        d.goals.overall = quantified.into();
        assert_adds_only(&d, &[]);
    }
}

#[test]
fn weak_template_text() {
    let mut d = seed();
    d.gov_fund_budget.text = "主要包括资金到位、资金使用、资金管理…等。".into();
    assert_adds_only(
        &d,
        &[row("weak.template_text", Warning, "gov_fund_budget.text")],
    );
    assert_eq!(
        message(&d, "weak.template_text"),
        "政府性基金预算支出情况中还留着模板文字“主要包括资金到位、资金使用、资金管理…等”：\
         请换成本单位的实际内容"
    );

    let mut d = seed();
    d.basic.organization = "本单位内设XX个股室（100字以内）".into();
    d.performance.overall[0].text = "对照年度目标，说明完成情况。".into();
    d.meta.department = "20XX年XX局".into();
    assert_adds_only(
        &d,
        &[
            row("weak.template_text", Warning, "meta.department"),
            row("weak.template_text", Warning, "basic.organization"),
            row("weak.template_text", Warning, "performance.overall[0].text"),
        ],
    );
    assert_eq!(
        message(&d, "weak.template_text"),
        "单位名称中还留着模板文字“20XX”、“XX”：请换成本单位的实际内容"
    );

    // 主要包括 in an ordinary sentence, and a real list ending in 等, are content.
    let mut d = seed();
    d.basic.organization = "主要职责主要包括信访接待、矛盾调处等工作。".into();
    d.improvements = "主要包括：健全制度、加强培训。".into();
    // (The seed's weak.none on 八 goes, as 八 now says something: only additions are compared.)
    assert_eq!(added(&d), []);
}

#[test]
fn count_stated_list() {
    let nine = "甲中心、乙中心、丙中心、丁中心、戊中心、己中心、庚中心、辛中心、壬中心";
    let mut d = seed();
    d.basic.organization = format!("直属事业单位10个，即{nine}。");
    assert_adds_only(
        &d,
        &[row("count.stated_list", Warning, "basic.organization")],
    );
    assert_eq!(
        message(&d, "count.stated_list"),
        format!("机构情况中“直属事业单位10个”，其后列出的却是9个：{nine}")
    );
    // Counts in Han numerals are read too.
    let mut d = seed();
    d.performance.overall[2].text = "共开展专项行动三项，分别是甲、乙。".into();
    assert_adds_only(
        &d,
        &[row(
            "count.stated_list",
            Warning,
            "performance.overall[2].text",
        )],
    );
    // The seed's sentence (a count followed by an unrelated list), a matching list, an open one.
    for organization in [
        "独立编制机构1个，内设办公室、财务室、联席办、信访接待中心。",
        "内设机构三个，即办公室、财务室、信访股。",
        "联系单位4个，包括甲、乙、丙等。",
    ] {
        let mut d = seed();
        d.basic.organization = organization.into();
        assert_adds_only(&d, &[]);
    }
}

/// Asserts that the change to the version 2 example adds exactly `expected` to its findings
/// and removes exactly `removed`.
#[track_caller]
fn assert_v2_changes(draft: &Draft, expected: &[Row], removed: &[Row]) {
    let (added, lost) = diff_from(&seed_v2(), draft);
    assert_eq!(added, expected, "added findings");
    assert_eq!(lost, removed, "removed findings");
}

const ABOVE_COMPUTED_6: (&str, Severity, &str) = (
    "score.above_computed",
    Warning,
    "scorecard.indicators[6].score",
);

fn above_computed_6() -> Row {
    let (rule, severity, path) = ABOVE_COMPUTED_6;
    row(rule, severity, path)
}

#[test]
fn the_v2_example_yields_exactly_its_five_findings() {
    let mut expected = rows(&seed());
    expected.push(above_computed_6());
    assert_eq!(rows(&seed_v2()), expected);
    assert!(message(&seed_v2(), "score.above_computed").contains("10.00"));
}

#[test]
fn a_table_not_started_is_silent() {
    // A report whose budget would score badly, without a table: nothing of the table.
    let mut d = seed();
    d.general_budget.full_year_budget = "400".into();
    d.scorecard.budget.explanation = " \n".into();
    assert!(rows(&d).iter().all(|r| !r.0.starts_with("score.")));
    assert!(check(&d)
        .iter()
        .all(|f| f.path.section() != crate::Section::Scorecard));
    // Started by one field: its required fields are asked for.
    d.scorecard.goal.actual = "完成".into();
    let findings = rows(&d);
    assert!(findings.contains(&row("required.field", Error, "scorecard.budget.weight")));
    assert!(findings.contains(&row("required.field", Error, "scorecard.indicators")));
    assert!(!findings
        .iter()
        .any(|r| r.0 == "score.levels_missing" || r.0 == "score.weights_total"));
}

#[test]
fn required_fields_of_the_table() {
    use crate::outline::IndicatorField as F;
    let paths = [
        Path::ScoreWeight,
        Path::GoalActual,
        Path::Indicator(2, F::Level1),
        Path::Indicator(2, F::Level2),
        Path::Indicator(2, F::Name),
        Path::Indicator(2, F::Target),
        Path::Indicator(2, F::Actual),
        Path::Indicator(2, F::Weight),
        Path::Indicator(2, F::Score),
    ];
    for path in paths {
        let mut d = seed_v2();
        assert!(d.set_field(path, " "));
        let (added, _) = diff_from(&seed_v2(), &d);
        assert_eq!(
            added,
            [row("required.field", Error, &path.to_string())],
            "blanking {path}"
        );
    }
    let mut d = seed_v2();
    d.scorecard.indicators.clear();
    assert_v2_changes(
        &d,
        &[row("required.field", Error, "scorecard.indicators")],
        &[above_computed_6()],
    );
    // The optional fields are optional.
    let mut d = seed_v2();
    d.scorecard.indicators[0].deviation = String::new();
    d.scorecard.goal.expected = String::new();
    assert_v2_changes(&d, &[], &[]);
}

#[test]
fn the_field_kind_rules_apply_to_the_table() {
    let mut d = seed_v2();
    d.scorecard.budget.weight = "-10".into();
    assert_v2_changes(
        &d,
        &[row("format.negative", Error, "scorecard.budget.weight")],
        &[],
    );
    let mut d = seed_v2();
    d.scorecard.indicators[0].score = "15分".into();
    d.scorecard.indicators[1].weight = "１０".into();
    assert_v2_changes(&d, &[], &[]);
    let mut d = seed_v2();
    d.scorecard.indicators[1].score = "10万元".into();
    assert_v2_changes(
        &d,
        &[row("format.amount", Error, "scorecard.indicators[1].score")],
        &[],
    );
    assert!(
        message(&d, "format.amount").contains("不是有效分值"),
        "{}",
        message(&d, "format.amount")
    );
    let mut d = seed_v2();
    d.scorecard.indicators[1].score = "9.999".into();
    assert_v2_changes(
        &d,
        &[
            row("format.precision", Warning, "scorecard.indicators[1].score"),
            row(
                "score.deviation_missing",
                Warning,
                "scorecard.indicators[1].deviation",
            ),
        ],
        &[],
    );
    let mut d = seed_v2();
    d.scorecard.budget.initial = "一百万".into();
    assert_v2_changes(
        &d,
        &[row("format.amount", Error, "scorecard.budget.initial")],
        &[],
    );
}

#[test]
fn score_level_mismatch() {
    let mut d = seed_v2();
    d.scorecard.indicators[0].level2 = "社会效益指标".into();
    assert_v2_changes(
        &d,
        &[row(
            "score.level_mismatch",
            Error,
            "scorecard.indicators[0].level2",
        )],
        &[],
    );
    assert!(message(&d, "score.level_mismatch").contains("数量指标、质量指标、时效指标、成本指标"));
    // A 一级指标 that is not one: the 二级 cannot match.
    let mut d = seed_v2();
    d.scorecard.indicators[1].level1 = "产出".into();
    assert_v2_changes(
        &d,
        &[row(
            "score.level_mismatch",
            Error,
            "scorecard.indicators[1].level2",
        )],
        &[],
    );
    // Right, and with spaces around: silent.
    let mut d = seed_v2();
    d.scorecard.indicators[7].level2 = " 服务对象满意度指标 ".into();
    assert_v2_changes(&d, &[], &[]);
    // 成本指标 is a 二级 of 产出 and a 一级 of its own.
    let mut d = seed_v2();
    d.scorecard.indicators[1].level2 = "成本指标".into();
    d.scorecard.indicators[1].target = "≤40件".into();
    assert_v2_changes(&d, &[], &[]);
}

#[test]
fn score_weights_total() {
    let mut d = seed_v2();
    d.scorecard.budget.weight = "11".into();
    assert_v2_changes(
        &d,
        &[row("score.weights_total", Error, "scorecard.indicators")],
        &[],
    );
    assert!(
        message(&d, "score.weights_total").contains("101"),
        "{}",
        message(&d, "score.weights_total")
    );
    // An invalid weight is its own finding only.
    let mut d = seed_v2();
    d.scorecard.indicators[4].weight = "五".into();
    assert_v2_changes(
        &d,
        &[row(
            "format.amount",
            Error,
            "scorecard.indicators[4].weight",
        )],
        &[],
    );
    // Exactly 100 in another split: silent.
    let mut d = seed_v2();
    d.scorecard.budget.weight = "5".into();
    d.scorecard.indicators[4].weight = "10.00".into();
    d.scorecard.indicators[4].score = "10".into();
    assert_v2_changes(&d, &[], &[]);
}

#[test]
fn score_over_weight() {
    let mut d = seed_v2();
    d.scorecard.indicators[1].score = "12".into();
    assert_v2_changes(
        &d,
        &[row(
            "score.over_weight",
            Error,
            "scorecard.indicators[1].score",
        )],
        &[],
    );
    // Over the weight and over the computed score: one finding, the error.
    let mut d = seed_v2();
    d.scorecard.indicators[6].score = "16".into();
    assert_v2_changes(
        &d,
        &[row(
            "score.over_weight",
            Error,
            "scorecard.indicators[6].score",
        )],
        &[above_computed_6()],
    );
}

#[test]
fn score_above_computed() {
    // The example's: 宣传资料 ≥3万份, 2万余份, computed 10.00, typed 15.
    assert!(rows(&seed_v2()).contains(&above_computed_6()));
    // Scored as computed, with the reason: silent.
    let mut d = seed_v2();
    d.scorecard.indicators[6].score = "10".into();
    d.scorecard.indicators[6].deviation = "印刷经费压减，改为线上宣传。".into();
    assert_v2_changes(&d, &[], &[above_computed_6()]);
    // A missed target scored in full.
    let mut d = seed_v2();
    d.scorecard.indicators[0].actual = "8次".into();
    assert_v2_changes(
        &d,
        &[row(
            "score.above_computed",
            Warning,
            "scorecard.indicators[0].score",
        )],
        &[],
    );
    assert!(message(&d, "score.above_computed").contains("13.33"));
    // Units that differ, or a qualitative value: a judgement, silent.
    d.scorecard.indicators[0].actual = "8件".into();
    assert_v2_changes(&d, &[], &[]);
    d.scorecard.indicators[0].actual = "基本完成".into();
    assert_v2_changes(&d, &[], &[]);
}

#[test]
fn score_deviation_missing() {
    let mut d = seed_v2();
    d.scorecard.indicators[1].score = "8".into();
    assert_v2_changes(
        &d,
        &[row(
            "score.deviation_missing",
            Warning,
            "scorecard.indicators[1].deviation",
        )],
        &[],
    );
    assert!(message(&d, "score.deviation_missing").contains("扣了 2 分"));
    d.scorecard.indicators[1].deviation = "部分积案转入司法程序。".into();
    assert_v2_changes(&d, &[], &[]);
}

#[test]
fn score_levels_missing() {
    let mut d = seed_v2();
    d.scorecard.indicators.remove(7);
    d.scorecard.budget.weight = "20".into();
    assert_v2_changes(
        &d,
        &[row("score.levels_missing", Warning, "scorecard.indicators")],
        &[],
    );
    assert!(message(&d, "score.levels_missing").contains("满意度指标"));
    // Every missing level in one finding.
    d.scorecard.indicators.retain(|i| i.level1 != "效益指标");
    d.scorecard.budget.weight = "50".into();
    let (added, _) = diff_from(&seed_v2(), &d);
    assert_eq!(
        added,
        [row("score.levels_missing", Warning, "scorecard.indicators")]
    );
    assert!(message(&d, "score.levels_missing").contains("效益指标、满意度指标"));
}

#[test]
fn score_target_unquantified() {
    let mut d = seed_v2();
    d.scorecard.indicators[4].target = "按时发放".into();
    assert_v2_changes(
        &d,
        &[row(
            "score.target_unquantified",
            Info,
            "scorecard.indicators[4].target",
        )],
        &[],
    );
    // A benefit indicator may be qualitative.
    let mut d = seed_v2();
    d.scorecard.indicators[5].target = "社会秩序稳定".into();
    assert_v2_changes(&d, &[], &[]);
}

#[test]
fn score_exec_split() {
    let mut d = seed_v2();
    d.scorecard.budget.executed = "272.44".into();
    assert_v2_changes(&d, &[], &[]);
    d.scorecard.budget.executed = "282.44".into();
    assert_v2_changes(
        &d,
        &[row("score.exec_split", Error, "scorecard.budget.executed")],
        &[],
    );
    assert!(message(&d, "score.exec_split").contains("154.15 + 项目支出 118.29 = 272.44"));
}

#[test]
fn score_exec_low() {
    let mut d = seed_v2();
    d.scorecard.budget.full_year = "400".into();
    assert_v2_changes(
        &d,
        &[row(
            "score.exec_low",
            Warning,
            "scorecard.budget.explanation",
        )],
        &[],
    );
    assert!(message(&d, "score.exec_low").contains("68.11%"));
    d.scorecard.budget.explanation = "年底集中支付未完成。".into();
    assert_v2_changes(&d, &[], &[]);
    // Exactly 90 %: silent.
    d.scorecard.budget.explanation = String::new();
    d.scorecard.budget.full_year = "302.71".into();
    d.scorecard.budget.executed = "272.44".into();
    assert_v2_changes(&d, &[], &[]);
}

#[test]
fn quoted_names_never_double_their_quotation_marks() {
    // The seed's own fund “N合一”机制建设经费 already carries quotes.
    assert_eq!(
        message(&seed(), "link.fund_name"),
        "专项资金“N合一”机制建设经费在项目支出明细中没有同名项目，金额同为 115.05 的项目叫\
         “N合一”专项：两处名称应当一致"
    );
    let mut d = seed();
    d.performance.special_funds[2].effect = "完成。".into();
    d.performance.special_funds[2].carryover = "1".into();
    for f in check(&d) {
        assert!(
            !f.message.contains("““") && !f.message.contains("””"),
            "{}",
            f.message
        );
    }
    assert!(message(&d, "weak.fund_effect").starts_with("专项资金“基层党建补助经费”的"));
}

#[test]
fn every_rule_has_a_test_above() {
    // Keeps this file honest when a rule is added: each id must appear in a test name.
    let source = include_str!("tests.rs");
    for rule in super::rules() {
        let test_name = format!("fn {}()", rule.id().replace('.', "_"));
        assert!(source.contains(&test_name), "no test for {}", rule.id());
    }
}

#[test]
fn rule_ids_are_unique_and_the_families_come_in_spec_order() {
    let ids: Vec<&str> = super::rules().map(|r| r.id()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        ids.len(),
        "a rule id is declared twice: {ids:?}"
    );
    assert_eq!(ids.len(), 33);
    assert_eq!(ids.first(), Some(&"required.field"));
    assert_eq!(ids.last(), Some(&"score.exec_low"));
}

#[test]
fn a_blank_draft_yields_required_findings_only_and_no_panic() {
    let findings = check(&Draft::default());
    assert!(findings.iter().all(|f| f.severity() == Error));
    assert!(findings
        .iter()
        .all(|f| f.rule.id().starts_with("required.")));
    let mut d = Draft::default();
    d.performance.overall.push(PerformancePoint::default());
    assert!(check(&d)
        .iter()
        .any(|f| f.path.to_string() == "performance.overall[0].text"));
}

#[test]
fn the_large_benchmark_draft_is_clean_so_every_check_does_its_full_work() {
    let large = crate::sample::large_draft(50, 40);
    let findings: Vec<Row> = rows(&large)
        .into_iter()
        .filter(|r| r.0 != "weak.none")
        .collect();
    assert_eq!(findings, []);
    for n in [1, 3, 7, 500] {
        let large = crate::sample::with_indicators(crate::sample::large_draft(50, 40), n);
        assert_eq!(large.scorecard.indicators.len(), n);
        let findings: Vec<Row> = rows(&large)
            .into_iter()
            .filter(|r| r.0 != "weak.none" && (n >= 3 || r.0 != "score.levels_missing"))
            .collect();
        assert_eq!(findings, [], "{n} indicators");
    }
}

/// A comparison names every field it involves, so that the user can go to the one mistyped
/// (issue 12, defect 4); the finding's own path stays as the spec says.
#[test]
fn comparisons_name_every_field_they_involve() {
    let involves = |d: &Draft, rule: &str| -> Vec<String> {
        check(d)
            .into_iter()
            .find(|f| f.rule.id() == rule)
            .map(|f| f.involves.iter().map(Path::to_string).collect())
            .unwrap_or_default()
    };
    let mut d = seed();
    d.general_budget.personnel_expense = "122.67".into();
    assert_eq!(
        involves(&d, "sum.basic"),
        [
            "general_budget.basic_expense",
            "general_budget.personnel_expense",
            "general_budget.public_expense"
        ]
    );
    assert_eq!(
        involves(&seed(), "link.fund_name"),
        [
            "performance.special_funds[2].name",
            "general_budget.projects[2].name"
        ]
    );
    let mut d = seed();
    d.general_budget.projects[0].amount = "4".into();
    let projects = involves(&d, "sum.projects");
    assert_eq!(
        projects.first().map(String::as_str),
        Some("general_budget.project_expense")
    );
    assert!(projects.contains(&"general_budget.projects[0].amount".to_owned()));
    // A finding about one field alone involves nothing else.
    assert!(involves(&seed(), "weak.none").is_empty());
}

//! Issue 9: the 自评表 in the browser — the table drawn for the sample with its computed figures,
//! a missed target scored in full caught as it is typed, 总分 following the scores, the 二级指标
//! offered by the 一级, 按模板新建, a version 1 draft stored before the app loads opened and stored
//! as version 2, and the table in the exported HTML.

use e2e::{json, Harness, Locator};
use selfeval::sample::{sample_draft, SEED_V1_JSON};

/// Every field of the table, as SCORECARD.md writes its path.
const HEADER_PATHS: [&str; 11] = [
    "scorecard.budget.initial",
    "scorecard.budget.full_year",
    "scorecard.budget.executed",
    "scorecard.budget.weight",
    "scorecard.budget.explanation",
    "scorecard.income.general",
    "scorecard.income.gov_fund",
    "scorecard.income.special_account",
    "scorecard.income.other",
    "scorecard.goal.expected",
    "scorecard.goal.actual",
];

const ROW_FIELDS: [&str; 8] = [
    "level1",
    "level2",
    "name",
    "target",
    "actual",
    "weight",
    "score",
    "deviation",
];

#[tokio::test]
async fn the_sample_table_is_drawn_and_a_missed_target_scored_in_full_is_caught() {
    let h = Harness::start().await;
    h.open().await;
    for path in HEADER_PATHS {
        h.wait_for_field(path).await;
    }
    for i in 0..8 {
        for field in ROW_FIELDS {
            h.wait_for_field(&format!("scorecard.indicators[{i}].{field}"))
                .await;
        }
    }
    // Every control of the table is labelled and carries its path.
    let unlabelled = h
        .js("return [...document.querySelector('section[aria-labelledby=\"s-scorecard\"]')
                .querySelectorAll('input, select, textarea')]
                .filter(e => !e.dataset.path || !document.querySelector('label[for=\"' + e.id + '\"]'))
                .map(e => e.id || e.outerHTML.slice(0, 80));")
        .await;
    assert_eq!(unlabelled, json!([]));
    assert_eq!(h.value("scorecard.indicators[6].actual").await, "2万余份");
    assert_eq!(h.text_of("#score-total").await, "总分 99.95　自评等级 优");
    assert_eq!(h.text_of(".score-budget").await, "执行率 99.49%，得分 9.95");
    assert_eq!(
        h.js("return document.querySelector('[data-path=\"scorecard.budget.initial\"]').placeholder;")
            .await,
        json!("155.54（同预算资金）")
    );
    assert_eq!(
        h.text_of(".score-computed[data-row='6']").await,
        "按指标值计算得分 10.00"
    );
    h.wait_finding("score.above_computed", "scorecard.indicators[6].score")
        .await;
    assert_eq!(
        h.field_findings("scorecard.indicators[6].score").await,
        ["score.above_computed"]
    );

    // A missed target, scored in full: the finding once the field is left, inline and in the
    // summary, with the computed score beside the typed one.
    h.type_into("scorecard.indicators[0].actual", "8次\u{E004}")
        .await;
    h.wait_finding("score.above_computed", "scorecard.indicators[0].score")
        .await;
    assert_eq!(
        h.field_findings("scorecard.indicators[0].score").await,
        ["score.above_computed"]
    );
    let summary = h
        .text_of("#findings a[data-rule='score.above_computed'][href='#f-scorecard.indicators[0].score']")
        .await;
    assert!(summary.contains("13.33"), "{summary}");
    assert_eq!(
        h.text_of(".score-computed[data-row='0']").await,
        "按指标值计算得分 13.33"
    );
    assert_eq!(h.text_of("#score-total").await, "总分 99.95　自评等级 优");
    // Scored as computed: the warning goes, 总分 follows, the deviation is asked for.
    h.type_into("scorecard.indicators[0].score", "13.33\u{E004}")
        .await;
    h.eventually("总分 follows the score", || async {
        h.text_of("#score-total").await == "总分 98.28　自评等级 优"
    })
    .await;
    h.wait_finding(
        "score.deviation_missing",
        "scorecard.indicators[0].deviation",
    )
    .await;
    assert!(
        !h.has_finding("score.above_computed", "scorecard.indicators[0].score")
            .await
    );
    // A score that does not read counts as 0 and says so.
    h.type_into("scorecard.indicators[1].score", "十分\u{E004}")
        .await;
    h.eventually("the total is incomplete", || async {
        h.text_of("#score-total").await == "总分 88.28（不完整）　自评等级 良"
    })
    .await;
    h.wait_finding("format.amount", "scorecard.indicators[1].score")
        .await;
    h.close().await;
}

#[tokio::test]
async fn the_second_level_offers_only_its_first_levels_choices() {
    let h = Harness::start().await;
    h.open().await;
    let options = |path: &'static str| {
        let h = &h;
        async move {
            h.js_with(
                "return Array.from(document.querySelector('select[data-path=\"' + arguments[0] + '\"]').options, o => o.text);",
                vec![json!(path)],
            )
            .await
        }
    };
    assert_eq!(
        options("scorecard.indicators[0].level2").await,
        json!(["请选择", "数量指标", "质量指标", "时效指标", "成本指标"])
    );
    let level1 =
        h.c.find(Locator::Css(
            "select[data-path='scorecard.indicators[0].level1']",
        ))
        .await
        .unwrap();
    level1.select_by_value("满意度指标").await.unwrap();
    h.eventually("the 二级 choices follow", || async {
        options("scorecard.indicators[0].level2").await
            == json!(["请选择", "数量指标（不在可选范围内）", "服务对象满意度指标"])
    })
    .await;
    // The value chosen before stays, and is an error until put right.
    assert_eq!(h.value("scorecard.indicators[0].level2").await, "数量指标");
    h.wait_finding("score.level_mismatch", "scorecard.indicators[0].level2")
        .await;
    let level2 =
        h.c.find(Locator::Css(
            "select[data-path='scorecard.indicators[0].level2']",
        ))
        .await
        .unwrap();
    level2.select_by_value("服务对象满意度指标").await.unwrap();
    h.eventually("the mismatch goes", || async {
        !h.has_finding("score.level_mismatch", "scorecard.indicators[0].level2")
            .await
    })
    .await;
    h.wait_saved("the levels saved").await;
    let stored = h
        .stored_drafts()
        .await
        .into_iter()
        .find_map(|(_, raw)| e2e::stored_draft(&raw))
        .expect("the draft is stored");
    assert_eq!(stored.scorecard.indicators[0].level1, "满意度指标");
    assert_eq!(stored.scorecard.indicators[0].level2, "服务对象满意度指标");
    h.close().await;
}

#[tokio::test]
async fn a_blank_draft_starts_its_table_from_the_template() {
    let h = Harness::start().await;
    h.open().await;
    h.click("#draft-new").await;
    h.eventually("the blank draft", || async {
        h.value("meta.department").await.is_empty()
    })
    .await;
    // Not started: no row, no finding of the table, the template offered.
    assert_eq!(
        h.js("return document.querySelectorAll('[data-path^=\"scorecard.indicators[\"]').length;")
            .await,
        json!(0)
    );
    assert!(h
        .findings()
        .await
        .iter()
        .all(|(_, p)| !p.starts_with("scorecard")));
    h.click("#score-template").await;
    for (i, level) in ["产出指标", "效益指标", "满意度指标"]
        .into_iter()
        .enumerate()
    {
        let path = format!("scorecard.indicators[{i}].level1");
        h.wait_for_field(&path).await;
        assert_eq!(h.value(&path).await, level);
    }
    assert_eq!(h.value("scorecard.budget.weight").await, "10");
    assert!(h
        .text_if_present("[data-path='scorecard.indicators[3].level1']")
        .await
        .is_none());
    h.eventually("focus on the first row's 二级指标", || async {
        h.focused_path().await.as_deref() == Some("scorecard.indicators[0].level2")
    })
    .await;
    assert_eq!(
        h.js("return document.querySelector('.score-start').hidden;")
            .await,
        json!(true)
    );
    h.close().await;
}

#[tokio::test]
async fn a_version_1_draft_stored_before_the_app_loads_opens_and_is_stored_as_version_2() {
    let h = Harness::start().await;
    h.open().await;
    let v1 = format!(
        "selfeval-entry 1 {{\"name\":\"去年的草稿\",\"saved_at\":1700000000000,\"rev\":4}}\n{SEED_V1_JSON}"
    );
    h.js_with(
        "localStorage.clear(); localStorage.setItem('selfeval:draft:old', arguments[0]);",
        vec![json!(v1)],
    )
    .await;
    h.reload().await;
    assert_eq!(h.selected_draft().await, "去年的草稿");
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    // Its table is not started: the report's four findings, nothing of the table.
    h.eventually("the report's four findings", || async {
        h.findings().await.len() == 4
    })
    .await;
    assert!(h
        .findings()
        .await
        .iter()
        .all(|(_, p)| !p.starts_with("scorecard")));
    // Stored again as version 2 without the user doing anything: same draft, name, revision.
    let raw = h
        .js("return localStorage.getItem('selfeval:draft:old');")
        .await;
    let raw = raw.as_str().unwrap_or_default();
    assert!(
        raw.starts_with("selfeval-entry 1 {\"name\":\"去年的草稿\""),
        "{raw}"
    );
    assert!(raw.contains("\"rev\":4"), "{raw}");
    assert!(raw.contains("\"version\": 2"), "{raw}");
    let mut expected = sample_draft();
    expected.scorecard = Default::default();
    assert_eq!(e2e::stored_draft(raw), Some(expected));
    h.close().await;
}

#[tokio::test]
async fn the_exported_html_carries_the_table() {
    let h = Harness::start().await;
    h.open().await;
    h.click("#download-html").await;
    let file = h.downloaded("自评报告.html").await;
    let html = std::fs::read_to_string(&file).unwrap();
    assert_eq!(html, selfeval::export::render_html(&sample_draft()));
    assert!(html.contains("附件：株洲市芦淞区信访局2024年度部门整体支出绩效自评表"));
    assert!(html.contains("<td>99.95</td><td>自评等级：优</td>"));
    h.close().await;
}

//! Issue 10 in the browser: 从往年报告导入 — last year's report pasted or chosen as a .txt opens
//! as a new draft (the open one untouched), and 未识别的内容 lists what could not be placed, to
//! dismiss piece by piece; a Word file gets a message saying what to do.

use e2e::{json, Harness};
use selfeval::sample::SEED_V1_JSON;

const SEED_DOCUMENT: &str = include_str!("../../data/seed-2024.txt");

async fn paste(h: &Harness, text: &str) {
    h.click("#report-import-open").await;
    h.js_with(
        "const a = document.getElementById('report-text'); a.value = arguments[0];",
        vec![json!(text)],
    )
    .await;
    h.click("#report-read").await;
}

#[tokio::test]
async fn a_pasted_report_opens_as_a_new_draft_and_the_open_one_is_untouched() {
    let h = Harness::start().await;
    h.open().await;
    // The open draft, changed and saved.
    h.type_into("meta.short_name", "原草稿").await;
    h.wait_saved("the open draft saved").await;
    let before = h.stored_drafts().await;
    assert_eq!(before.len(), 1);

    paste(&h, SEED_DOCUMENT).await;
    h.eventually("the new draft", || async {
        h.draft_names().await.len() == 2
    })
    .await;
    assert_eq!(h.selected_draft().await, "株洲市芦淞区信访局 2024年度");
    assert_eq!(h.value("meta.short_name").await, "区信访局");
    assert_eq!(h.value("general_budget.projects[2].amount").await, "115.05");
    assert_eq!(
        h.value("performance.special_funds[1].effect").await,
        "该专项资金支出。"
    );
    // Everything placed: no panel; the report's four findings, no table.
    assert_eq!(
        h.js("return document.getElementById('unplaced').hidden;")
            .await,
        json!(true)
    );
    h.eventually("the seed's four findings", || async {
        h.findings().await.len() == 4
    })
    .await;
    assert!(h.text_of("#notice").await.contains("全部内容已识别"));
    // The draft it was made from is stored as it was.
    let stored = h.stored_drafts().await;
    let (id, raw) = &before[0];
    assert_eq!(
        stored.iter().find(|(k, _)| k == id).map(|(_, r)| r),
        Some(raw)
    );
    let mut expected = selfeval::read_draft(SEED_V1_JSON).unwrap();
    expected.meta.extra.clear();
    h.wait_saved("the new draft saved").await;
    let new = h
        .stored_drafts()
        .await
        .into_iter()
        .filter(|(k, _)| k != id)
        .find_map(|(_, raw)| e2e::stored_draft(&raw));
    assert_eq!(new, Some(expected));
    h.close().await;
}

#[tokio::test]
async fn what_cannot_be_placed_is_listed_and_dismissed_piece_by_piece() {
    let h = Harness::start().await;
    h.open().await;
    let damaged = format!(
        "芦淞区某局2024年度部门整体支出绩效自评报告\n\n{}",
        SEED_DOCUMENT
            .replacen(
                "二、一般公共预算支出情况\n",
                "二、一般公共预算支出情况\n（此页无正文）\n",
                1
            )
            .replacen("八、下一步改进措施\n", "", 1)
            .replacen(
                "（二）项目支出情况\n",
                "（二）项目支出情况\n附注：本报告经局务会审议。\n",
                1
            )
            .replace('（', "(")
            .replace('）', ")")
    );
    paste(&h, &damaged).await;
    h.eventually("the panel", || async {
        h.text_if_present("#unplaced-title").await.as_deref() == Some("未识别的内容（2 段）")
    })
    .await;
    let listed = h.text_of("#unplaced").await;
    assert!(listed.contains("(此页无正文)"), "{listed}");
    assert!(listed.contains("二、一般公共预算支出情况"), "{listed}");
    assert!(listed.contains("附注：本报告经局务会审议。"), "{listed}");
    // The missing section is blank, and its finding says so.
    assert_eq!(h.value("improvements").await, "");
    // (A blank section is a to-do until the field has been visited.)
    h.type_into("improvements", "\u{E004}").await;
    h.wait_finding("required.section", "improvements").await;
    // Dismissed one by one.
    h.click("#unplaced li:first-child button[data-action='dismiss']")
        .await;
    h.eventually("one left", || async {
        h.text_if_present("#unplaced-title").await.as_deref() == Some("未识别的内容（1 段）")
    })
    .await;
    assert!(h.text_of("#unplaced").await.contains("附注"));
    h.click("#unplaced li:first-child button[data-action='dismiss']")
        .await;
    h.eventually("the panel goes", || async {
        h.js("return document.getElementById('unplaced').hidden;")
            .await
            == json!(true)
    })
    .await;
    h.close().await;
}

#[tokio::test]
async fn a_txt_is_read_and_a_word_file_is_told_what_to_do() {
    let h = Harness::start().await;
    h.open().await;
    let dir = e2e::scratch("report-import");
    let txt = dir.join("2024年报告.txt");
    std::fs::write(&txt, SEED_DOCUMENT).unwrap();
    h.click("#report-import-open").await;
    let input = h.c.find(e2e::Locator::Css("#report-file")).await.unwrap();
    input.send_keys(txt.to_str().unwrap()).await.unwrap();
    h.eventually("the new draft", || async {
        h.draft_names().await.len() == 2
    })
    .await;
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    assert!(h.text_of("#notice").await.contains("2024年报告.txt"));

    let doc = dir.join("旧报告.doc");
    std::fs::write(&doc, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    h.click("#report-import-open").await;
    let input = h.c.find(e2e::Locator::Css("#report-file")).await.unwrap();
    input.send_keys(doc.to_str().unwrap()).await.unwrap();
    h.eventually("the message", || async {
        h.text_if_present("#notice")
            .await
            .is_some_and(|t| t.contains("另存为"))
    })
    .await;
    assert_eq!(h.draft_names().await.len(), 2);
    h.close().await;
}

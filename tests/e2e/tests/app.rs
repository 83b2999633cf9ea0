//! The app in headless Chromium: issue 3's acceptance tests (a)–(h).

use e2e::{json, Harness};
use selfeval::sample::sample_draft;
use selfeval::{read_draft, write_draft};

fn seed_findings() -> Vec<(String, String)> {
    [
        ("weak.fund_effect", "performance.special_funds[1].effect"),
        ("link.fund_name", "performance.special_funds[2].name"),
        ("weak.none", "problems"),
        ("weak.none", "improvements"),
        ("score.above_computed", "scorecard.indicators[6].score"),
    ]
    .map(|(r, p)| (r.to_owned(), p.to_owned()))
    .to_vec()
}

/// (a) A first visit shows the sample draft (the version 2 example) and exactly its five
/// warnings: the report's four and the 自评表's one.
#[tokio::test]
async fn first_visit_shows_the_sample_and_its_five_warnings() {
    let h = Harness::start().await;
    h.open().await;
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    assert_eq!(h.value("general_budget.projects[2].amount").await, "115.05");
    assert_eq!(
        h.value("performance.special_funds[1].effect").await,
        "该专项资金支出。"
    );
    h.eventually("the seed's findings", || async {
        h.findings().await == seed_findings()
    })
    .await;
    assert_eq!(
        h.text_of("#findings-title").await,
        "发现 0 个错误、5 个警告、0 个提示"
    );
    // The same message is next to the field.
    assert_eq!(h.field_findings("problems").await, ["weak.none"]);
    // The computed figures.
    let figures = h.text_of(".figures").await;
    assert!(figures.contains("273.83 万元"), "{figures}");
    assert!(figures.contains("99.49 %"), "{figures}");
    // The sample is stored as the first draft.
    let stored = h.stored().await;
    assert!(stored
        .iter()
        .any(|(k, v)| k.starts_with("selfeval:draft:")
            && e2e::stored_draft(v) == Some(sample_draft())));
    h.close().await;
}

/// (b) Typing 122.67 into 人员经费 shows sum.basic; typing 122.66 back removes it.
#[tokio::test]
async fn typing_a_wrong_amount_shows_the_sum_finding_and_the_right_one_removes_it() {
    let h = Harness::start().await;
    h.open().await;
    h.type_into("general_budget.personnel_expense", "122.67")
        .await;
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    assert_eq!(
        h.field_findings("general_budget.basic_expense").await,
        ["sum.basic"]
    );
    let message = h.text_of("#findings a[data-rule='sum.basic']").await;
    assert!(
        message.contains("基本支出 154.15 ≠ 人员经费 122.67 + 公用经费 31.49 = 154.16"),
        "{message}"
    );
    assert!(h
        .text_of("#findings-title")
        .await
        .starts_with("发现 1 个错误"));

    h.type_into("general_budget.personnel_expense", "122.66")
        .await;
    h.eventually("sum.basic goes", || async {
        h.findings().await == seed_findings()
    })
    .await;
    assert!(h
        .field_findings("general_budget.basic_expense")
        .await
        .is_empty());

    // What is typed stays as typed, also when it is not an amount.
    h.type_into("general_budget.personnel_expense", "122.66元\u{E004}")
        .await;
    h.wait_finding("format.amount", "general_budget.personnel_expense")
        .await;
    assert_eq!(
        h.value("general_budget.personnel_expense").await,
        "122.66元"
    );
    h.close().await;
}

/// (c) Clicking a finding, or activating it with the keyboard, focuses its field.
#[tokio::test]
async fn clicking_a_finding_focuses_its_field() {
    let h = Harness::start().await;
    h.open().await;
    h.eventually("findings", || async { !h.findings().await.is_empty() })
        .await;
    h.click("#findings a[data-rule='weak.none'][data-path='improvements']")
        .await;
    assert_eq!(h.focused_path().await.as_deref(), Some("improvements"));

    // Keyboard: focus the link, press Enter.
    h.js("document.querySelector(\"#findings a[data-rule='link.fund_name']\").focus();")
        .await;
    h.c.active_element()
        .await
        .expect("focused link")
        .send_keys("\u{E007}")
        .await
        .expect("enter");
    h.eventually("focus moves to the fund name", || async {
        h.focused_path().await.as_deref() == Some("performance.special_funds[2].name")
    })
    .await;
    h.close().await;
}

/// (d) After a reload the edited draft is back, unchanged.
#[tokio::test]
async fn a_reload_brings_the_edited_draft_back() {
    let h = Harness::start().await;
    h.open().await;
    h.type_into("problems", "部分项目绩效目标不够量化。\n资金支付进度偏慢。")
        .await;
    h.type_into("general_budget.public_expense", "31.5").await;
    h.wait_saved("saved").await;
    let before: Vec<(String, String)> = h.stored().await;

    h.reload().await;
    assert_eq!(
        h.value("problems").await,
        "部分项目绩效目标不够量化。\n资金支付进度偏慢。"
    );
    assert_eq!(h.value("general_budget.public_expense").await, "31.5");
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    // The reload itself changed nothing in storage.
    let after = h.stored().await;
    let drafts = |s: &[(String, String)]| {
        s.iter()
            .filter(|(k, _)| k.starts_with("selfeval:draft:"))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(drafts(&after), drafts(&before));
    h.close().await;
}

/// (e) A bad file gets a message and leaves the draft as it was; a good one opens as a new draft.
#[tokio::test]
async fn importing_bad_and_good_files() {
    let h = Harness::start().await;
    h.open().await;
    h.type_into("meta.short_name", "信访局").await;
    let dir = e2e::scratch("import");
    let cases = [
        ("not-json.json", "这不是 JSON".to_owned(), "不是有效的 JSON"),
        (
            "other.json",
            r#"{"format":"other","version":1}"#.to_owned(),
            "format 为“other”",
        ),
        (
            "newer.json",
            r#"{"format":"selfeval-draft","version":3}"#.to_owned(),
            "第 3 版",
        ),
        (
            "trailing-comma.json",
            r#"{"format":"selfeval-draft",}"#.to_owned(),
            "最后一项后面多了一个逗号",
        ),
        (
            "another-program.json",
            r#"{"name":"张三","items":[]}"#.to_owned(),
            "其他程序",
        ),
    ];
    // A Word file picked by mistake (the start of a .docx: a zip with word/ parts).
    let mut word = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    word.extend_from_slice(&[0; 22]);
    word.extend_from_slice(b"word/document.xml");
    let cases = cases
        .into_iter()
        .map(|(name, content, says)| (name, content.into_bytes(), says))
        .chain([("去年的报告.docx", word, "Word 文档")]);
    for (name, content, says) in cases {
        let file = dir.join(name);
        std::fs::write(&file, content).unwrap();
        h.import_file(&file).await;
        h.eventually("the refusal", || async {
            h.text_if_present("#notice")
                .await
                .is_some_and(|t| t.contains(says))
        })
        .await;
        let notice = h.text_of("#notice").await;
        assert!(notice.contains(name), "{notice}");
        assert_eq!(h.value("meta.short_name").await, "信访局", "after {name}");
        assert_eq!(
            h.draft_names().await.len(),
            1,
            "no draft was added by {name}"
        );
    }

    let mut colleague = sample_draft();
    colleague.meta.department = "株洲市芦淞区财政局".into();
    colleague.general_budget.personnel_expense = "100".into();
    let file = dir.join("财政局草稿.json");
    std::fs::write(&file, write_draft(&colleague).unwrap()).unwrap();
    h.import_file(&file).await;
    h.eventually("the imported draft", || async {
        h.value("meta.department").await == "株洲市芦淞区财政局"
    })
    .await;
    assert_eq!(h.draft_names().await.len(), 2);
    assert_eq!(h.selected_draft().await, "财政局草稿");
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    // Dropping a file on the page imports it too.
    let dropped = write_draft(&{
        let mut d = sample_draft();
        d.meta.department = "株洲市芦淞区审计局".into();
        d
    })
    .unwrap();
    h.js_with(
        "const dt = new DataTransfer();\
         dt.items.add(new File([arguments[0]], '审计局草稿.json', { type: 'application/json' }));\
         const target = document.querySelector('main');\
         target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));\
         target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));",
        vec![json!(dropped)],
    )
    .await;
    h.eventually("the dropped draft", || async {
        h.value("meta.department").await == "株洲市芦淞区审计局"
    })
    .await;
    assert_eq!(h.draft_names().await.len(), 3);
    assert_eq!(h.selected_draft().await, "审计局草稿");

    // The earlier draft is still there, unchanged.
    let first = h
        .js("return [...document.querySelectorAll('#draft-select option')].pop().value;")
        .await;
    h.c.find(e2e::Locator::Css("#draft-select"))
        .await
        .unwrap()
        .select_by_value(first.as_str().unwrap())
        .await
        .unwrap();
    h.eventually("back on the first draft", || async {
        h.value("meta.short_name").await == "信访局"
    })
    .await;
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    h.close().await;
}

/// (f) 下载 JSON gives the draft; 下载 HTML the report, with typed <script> escaped; a draft
/// with errors asks first and says how many.
#[tokio::test]
async fn downloads_give_the_draft_and_the_report() {
    let h = Harness::start().await;
    h.open().await;
    h.type_into(
        "basic.organization",
        "<script>window.pwned = 1</script>本部门",
    )
    .await;
    h.click("#download-json").await;
    let file = h.downloaded("-绩效自评-草稿.json").await;
    assert!(file.ends_with("株洲市芦淞区信访局-2024-绩效自评-草稿.json"));
    let downloaded = std::fs::read_to_string(&file).unwrap();
    let mut expected = sample_draft();
    expected.basic.organization = "<script>window.pwned = 1</script>本部门".into();
    assert_eq!(read_draft(&downloaded), Ok(expected.clone()));
    assert_eq!(downloaded, write_draft(&expected).unwrap());

    h.click("#download-html").await;
    let file = h.downloaded("自评报告.html").await;
    let html = std::fs::read_to_string(&file).unwrap();
    assert_eq!(html, selfeval::export::render_html(&expected));
    assert!(html.contains("株洲市芦淞区信访局2024年度部门整体支出绩效自评报告"));
    assert!(html.contains("&lt;script&gt;window.pwned = 1&lt;/script&gt;本部门"));
    assert!(!html.contains("<script>"));

    // With errors: asked first, with the count.
    std::fs::remove_file(&file).unwrap();
    h.type_into("meta.department", "").await;
    // Left with Tab: a finding on the field being typed in waits until it is left.
    h.type_into("general_budget.public_expense", "x\u{E004}")
        .await;
    h.eventually("two errors", || async {
        h.text_of("#findings-title")
            .await
            .starts_with("发现 2 个错误")
    })
    .await;
    h.click("#download-html").await;
    h.wait_question("2 个错误").await;
    h.click("#confirm-no").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(!std::fs::read_dir(&h.downloads)
        .unwrap()
        .flatten()
        .any(|e| e.path().extension().is_some_and(|x| x == "html")));
    h.click("#download-html").await;
    h.click("#confirm-yes").await;
    let file = h.downloaded("2024年度部门整体支出绩效自评报告.html").await;
    assert!(std::fs::read_to_string(file)
        .unwrap()
        .contains("<h1><span class=\"title-part\">2024年度部门整体支出绩效自评报告</span></h1>"));
    h.close().await;
}

/// (g) Adding and removing a 项目支出 row updates sum.projects.
#[tokio::test]
async fn adding_and_removing_a_project_row_updates_the_sum() {
    let h = Harness::start().await;
    h.open().await;
    h.click("button[data-add='general_budget.projects']").await;
    // The new row's name field has focus.
    h.eventually("focus on the new row", || async {
        h.focused_path().await.as_deref() == Some("general_budget.projects[3].name")
    })
    .await;
    h.type_into("general_budget.projects[3].name", "办公设备购置")
        .await;
    h.type_into("general_budget.projects[3].amount", "1").await;
    h.wait_finding("sum.projects", "general_budget.project_expense")
        .await;
    let message = h.text_of("#findings a[data-rule='sum.projects']").await;
    assert!(message.contains("119.29"), "{message}");

    h.click(".rows[data-path='general_budget.projects'] fieldset[data-row='3'] button.danger")
        .await;
    h.eventually("sum.projects goes", || async {
        h.findings().await == seed_findings()
    })
    .await;
    assert_eq!(
        h.js("return document.querySelectorAll('input[data-path$=\"].amount\"][data-path^=\"general_budget.projects\"]').length;").await,
        json!(3)
    );
    // Removal can be undone.
    h.click("#undo-remove").await;
    h.wait_finding("sum.projects", "general_budget.project_expense")
        .await;
    assert_eq!(
        h.value("general_budget.projects[3].name").await,
        "办公设备购置"
    );

    // Moving a row keeps its content with it.
    h.click(".rows[data-path='general_budget.projects'] fieldset[data-row='3'] .row-actions button:first-child")
        .await;
    h.eventually("moved up", || async {
        h.value("general_budget.projects[2].name").await == "办公设备购置"
    })
    .await;
    assert_eq!(
        h.value("general_budget.projects[3].name").await,
        "“N合一”专项"
    );
    h.close().await;
}

/// (h) Two drafts can be created, renamed, switched and deleted.
#[tokio::test]
async fn drafts_are_created_renamed_switched_and_deleted() {
    let h = Harness::start().await;
    h.open().await;
    assert_eq!(h.draft_names().await.len(), 1);

    h.click("#draft-new").await;
    h.eventually("a blank draft", || async {
        h.value("meta.department").await.is_empty()
    })
    .await;
    h.type_into("meta.department", "甲局").await;
    h.click("#draft-rename").await;
    h.type_into_css("#draft-name", "甲局草稿").await;
    h.click("#draft-name-ok").await;
    h.eventually("renamed", || async {
        h.selected_draft().await == "甲局草稿"
    })
    .await;

    h.click("#draft-new-sample").await;
    h.eventually("a sample draft", || async {
        h.value("meta.department").await == "株洲市芦淞区信访局"
    })
    .await;
    h.type_into("meta.department", "乙局").await;
    h.click("#draft-rename").await;
    h.type_into_css("#draft-name", "乙局草稿").await;
    h.click("#draft-name-ok").await;
    h.eventually("renamed", || async {
        h.selected_draft().await == "乙局草稿"
    })
    .await;
    assert_eq!(h.draft_names().await.len(), 3);

    // Duplicate: a copy under a name of its own, with the same text.
    h.click("#draft-duplicate").await;
    h.eventually("the copy", || async {
        h.selected_draft().await == "乙局草稿 副本"
    })
    .await;
    assert_eq!(h.value("meta.department").await, "乙局");
    assert_eq!(h.draft_names().await.len(), 4);
    h.click("#draft-delete").await;
    h.click("#confirm-yes").await;
    h.eventually("the copy deleted", || async {
        h.draft_names().await.len() == 3
    })
    .await;

    // Switch to 甲局草稿 and back.
    let value_of = |name: &'static str| {
        format!(
            "return [...document.querySelectorAll('#draft-select option')]\
             .find(o => o.textContent.startsWith('{name}')).value;"
        )
    };
    let jia = h.js(&value_of("甲局草稿")).await;
    let select = h.c.find(e2e::Locator::Css("#draft-select")).await.unwrap();
    select.select_by_value(jia.as_str().unwrap()).await.unwrap();
    h.eventually("甲局 open", || async {
        h.value("meta.department").await == "甲局"
    })
    .await;
    let yi = h.js(&value_of("乙局草稿")).await;
    let select = h.c.find(e2e::Locator::Css("#draft-select")).await.unwrap();
    select.select_by_value(yi.as_str().unwrap()).await.unwrap();
    h.eventually("乙局 open", || async {
        h.value("meta.department").await == "乙局"
    })
    .await;

    // Names and contents survive a reload.
    h.reload().await;
    assert_eq!(h.selected_draft().await, "乙局草稿");
    assert_eq!(h.value("meta.department").await, "乙局");

    // Delete asks first; cancel keeps it.
    h.click("#draft-delete").await;
    h.wait_question("乙局草稿").await;
    h.click("#confirm-no").await;
    assert_eq!(h.draft_names().await.len(), 3);
    h.click("#draft-delete").await;
    h.click("#confirm-yes").await;
    h.eventually("deleted", || async { h.draft_names().await.len() == 2 })
        .await;
    assert!(!h.draft_names().await.contains(&"乙局草稿".to_owned()));
    assert_eq!(
        h.stored()
            .await
            .iter()
            .filter(|(k, _)| k.starts_with("selfeval:draft:"))
            .count(),
        2
    );
    h.close().await;
}

#[tokio::test]
async fn the_draft_menu_shows_the_open_draft_after_a_failed_open() {
    let h = Harness::start().await;
    h.open().await;
    h.click("#draft-new").await;
    h.eventually("a blank draft", || async {
        h.value("meta.department").await.is_empty() && h.draft_names().await.len() == 2
    })
    .await;
    let open = h.selected_draft().await;
    // The sample's entry disappears behind the page's back (in this tab: no storage event).
    let other = h
        .js("return [...document.querySelectorAll('#draft-select option')].find(o => !o.selected).value;")
        .await;
    let other = other
        .as_str()
        .expect("another draft in the menu")
        .to_owned();
    h.js_with(
        "localStorage.removeItem('selfeval:draft:' + arguments[0]);",
        vec![json!(other)],
    )
    .await;
    let select = h.c.find(e2e::Locator::Css("#draft-select")).await.unwrap();
    select.select_by_value(&other).await.unwrap();
    h.eventually("the failed open is told", || async {
        h.text_if_present("#notice")
            .await
            .is_some_and(|t| t.contains("已不在本地存储中"))
    })
    .await;
    // The menu names the draft that is still open, not the one that could not be opened.
    assert_eq!(h.selected_draft().await, open);
    assert!(h.value("meta.department").await.is_empty());
    h.close().await;
}

//! Issue 5 in the page: payloads render as text everywhere and execute nowhere; oversized, deep
//! and huge imports are refused with a message and leave the draft as it was.

use e2e::{json, Harness};
use selfeval::draft_file::{MAX_FILE_BYTES, MAX_ROWS};
use selfeval::write_draft;

/// Nothing that a payload would create or set: the sentinel, and the elements.
const INJECTED: &str = "return { pwned: window.__pwned === undefined ? null : window.__pwned, \
    elements: document.body.querySelectorAll('img, svg, iframe:not([title]), script, style, a[href^=\"javascript\"], link').length };";

#[tokio::test]
async fn payloads_render_as_text_and_never_run() {
    let h = Harness::start().await;
    h.open().await;
    let dir = e2e::scratch("payloads");
    let file = dir.join("payloads.json");
    let draft = e2e::payload_draft();
    std::fs::write(&file, write_draft(&draft).unwrap()).unwrap();
    h.import_file(&file).await;
    h.eventually("the payload draft", || async {
        h.value("meta.department").await == e2e::payloads()[0]
    })
    .await;

    // The form shows every field exactly as typed.
    for path in draft.fields() {
        assert_eq!(
            h.value(&path.to_string()).await,
            draft.field(path).unwrap_or_default(),
            "{path}"
        );
    }
    // Findings quote payloads as text.
    h.eventually("findings", || async { h.findings().await.len() > 5 })
        .await;
    let panel = h.text_of("#findings").await;
    assert!(
        panel.contains("<script>window.__pwned = 1</script>") || panel.contains("<img src=x"),
        "{panel}"
    );
    assert!(
        !panel.contains('\u{202E}'),
        "direction controls are shown, not obeyed"
    );
    assert_eq!(
        h.js(INJECTED).await,
        json!({ "pwned": null, "elements": 0 })
    );

    // The preview: the rendered report, in a sandbox without scripts.
    h.open_preview().await;
    let inside = h
        .js("const d = document.querySelector('#preview iframe').contentDocument;\
             return { text: d.body.innerText.includes('<script>window.__pwned = 1</script>'),\
                      elements: d.querySelectorAll('script, img, svg, iframe, a, link').length,\
                      pwned: document.querySelector('#preview iframe').contentWindow.__pwned === undefined };")
        .await;
    assert_eq!(
        inside,
        json!({ "text": true, "elements": 0, "pwned": true })
    );
    assert_eq!(
        h.js(INJECTED).await,
        json!({ "pwned": null, "elements": 0 })
    );

    // The exported report, opened in the browser as a user would open the file.
    h.click("#preview-toggle").await;
    h.click("#download-html").await;
    h.click("#confirm-yes").await;
    let report = h.downloaded(".html").await;
    h.c.goto(&format!("file://{}", report.display()))
        .await
        .unwrap();
    h.eventually("the report", || async {
        h.text_of("h1")
            .await
            .contains("年度部门整体支出绩效自评报告")
    })
    .await;
    assert_eq!(
        h.js(INJECTED).await,
        json!({ "pwned": null, "elements": 0 })
    );
    assert!(h
        .text_of("body")
        .await
        .contains("<img src=x onerror=\"window.__pwned = 2\">"));
    h.close().await;
}

#[tokio::test]
async fn oversized_deep_and_huge_imports_are_refused_and_change_nothing() {
    let h = Harness::start().await;
    h.open().await;
    h.type_into("meta.short_name", "未改动").await;
    let dir = e2e::scratch("limits");
    let mut big = b"{\"format\":\"selfeval-draft\",\"version\":1,\"other\":\"".to_vec();
    big.resize(MAX_FILE_BYTES + 1024, b'a');
    big.extend_from_slice(b"\"}");
    let rows = vec!["\"甲\""; MAX_ROWS + 1].join(",");
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("oversized.json", big, "文件过大"),
        (
            "deep.json",
            format!(
                "{{\"format\":\"selfeval-draft\",\"version\":1,\"x\":{}{}}}",
                "[".repeat(5000),
                "]".repeat(5000)
            )
            .into_bytes(),
            "嵌套超过 64 层",
        ),
        (
            "rows.json",
            format!("{{\"format\":\"selfeval-draft\",\"version\":1,\"basic\":{{\"functions\":[{rows}]}}}}")
                .into_bytes(),
            "行数过多",
        ),
    ];
    for (name, bytes, says) in cases {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        h.import_file(&file).await;
        h.eventually(says, || async {
            h.text_if_present("#notice")
                .await
                .is_some_and(|t| t.contains(says))
        })
        .await;
        assert_eq!(h.value("meta.short_name").await, "未改动", "{name}");
        assert_eq!(h.draft_names().await.len(), 1, "{name}");
        h.click("#notice button").await;
    }
    // The page still works.
    h.type_into("general_budget.personnel_expense", "122.67")
        .await;
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    h.close().await;
}

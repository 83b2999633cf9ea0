//! Issues 11, 10 and 14 in the browser: 下载 Word and reading a .docx, both in the on-demand
//! module (`src/office.rs`), which the page fetches only when asked, which works offline after
//! one visit and from the single file, and which says what to do when it cannot be loaded.

use std::path::PathBuf;

use e2e::{json, Harness, Site, Value};
use selfeval::export::render_docx;
use selfeval::sample::{sample_draft, SEED_V1_JSON};
use selfeval::Draft;

/// Clicks 下载 Word and checks that the download is `draft`'s document as the command line
/// writes it; returns the downloaded file.
async fn downloads_word_of(h: &Harness, draft: &Draft) -> PathBuf {
    h.click("#download-docx").await;
    let file = h.downloaded("自评报告.docx").await;
    assert_eq!(
        std::fs::read(&file).unwrap(),
        render_docx(draft).unwrap(),
        "the page's .docx is the command line's"
    );
    file
}

async fn fetched(h: &Harness, part: &str) -> Value {
    h.js_with(
        "return performance.getEntriesByType('resource').filter(e => e.name.includes(arguments[0])).length;",
        vec![json!(part)],
    )
    .await
}

#[tokio::test]
async fn word_is_fetched_on_first_use_and_downloads_the_command_lines_document() {
    let h = Harness::start().await;
    h.open().await;
    // The page starts without the module.
    assert_eq!(
        h.js("return typeof wasm_bindgen;").await,
        json!("undefined")
    );
    assert_eq!(fetched(&h, "office").await, json!(0));

    let file = downloads_word_of(&h, &sample_draft()).await;
    let facts = e2e::python_reads("docx_facts.py", &file);
    assert_eq!(
        facts["paragraphs"][0]["text"],
        "株洲市芦淞区信访局\n2024年度部门整体支出绩效自评报告"
    );
    assert_eq!(
        facts["tables"][0]["rows"].as_array().map(Vec::len),
        Some(17)
    );
    assert_eq!(fetched(&h, "office_bg.wasm").await, json!(1));

    // Again, after an edit: the loaded module is used (no second fetch), the edit is in it.
    std::fs::remove_file(&file).unwrap();
    h.type_into("problems", "<script>alert(1)</script>存在的问题")
        .await;
    let mut edited = sample_draft();
    edited.problems = "<script>alert(1)</script>存在的问题".into();
    downloads_word_of(&h, &edited).await;
    assert_eq!(fetched(&h, "office_bg.wasm").await, json!(1));
    h.close().await;
}

#[tokio::test]
async fn a_docx_chosen_or_dropped_on_the_page_opens_as_a_new_draft() {
    let h = Harness::start().await;
    h.open().await;
    let seed = selfeval::read_draft(SEED_V1_JSON).unwrap();
    let docx = render_docx(&seed).unwrap();
    let dir = e2e::scratch("word-import");
    let file = dir.join("2024年报告.docx");
    std::fs::write(&file, &docx).unwrap();

    h.click("#report-import-open").await;
    let input = h.c.find(e2e::Locator::Css("#report-file")).await.unwrap();
    input.send_keys(file.to_str().unwrap()).await.unwrap();
    h.eventually("the new draft", || async {
        h.draft_names().await.len() == 2
    })
    .await;
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    assert_eq!(h.value("general_budget.projects[2].amount").await, "115.05");
    h.eventually("the seed's four findings", || async {
        h.findings().await.len() == 4
    })
    .await;
    assert!(h.text_of("#notice").await.contains("全部内容已识别"));

    // Dropped on the page: a report by its name, read as a report, not as a draft file.
    let drop = "const file = new File([new Uint8Array(arguments[0])], arguments[1]);\
                const dt = new DataTransfer(); dt.items.add(file);\
                document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));";
    h.js_with(drop, vec![json!(docx), json!("拖入的报告.DOCX")])
        .await;
    h.eventually("a third draft", || async {
        h.draft_names().await.len() == 3
    })
    .await;
    assert!(h.text_of("#notice").await.contains("拖入的报告.DOCX"));

    // A damaged one, and an old .doc: a message saying what to do, no draft.
    let cut = docx.get(..docx.len() / 2).unwrap().to_vec();
    h.js_with(drop, vec![json!(cut), json!("坏的.docx")]).await;
    h.eventually("the damaged file's message", || async {
        h.text_if_present("#notice")
            .await
            .is_some_and(|t| t.contains("坏的.docx") && t.contains("重新保存为 .docx"))
    })
    .await;
    let ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    h.js_with(drop, vec![json!(ole), json!("旧报告.doc")]).await;
    h.eventually("the old file's message", || async {
        h.text_if_present("#notice")
            .await
            .is_some_and(|t| t.contains("旧报告.doc") && t.contains("另存为"))
    })
    .await;
    assert_eq!(h.draft_names().await.len(), 3);
    h.close().await;
}

#[tokio::test]
async fn word_and_the_preview_work_offline_after_one_visit() {
    let h = Harness::start().await;
    h.open().await;
    h.eventually("this version cached, the module with it", || async {
        h.js(
            "return (async () => {\
               if (!navigator.serviceWorker.controller) return false;\
               for (const key of await caches.keys()) {\
                 const cache = await caches.open(key);\
                 if (await cache.match('./office_bg.wasm') && await cache.match('./office.js')) return true;\
               }\
               return false;\
             })();",
        )
        .await
            == json!(true)
    })
    .await;
    h.site.stop();
    h.reload().await;
    downloads_word_of(&h, &sample_draft()).await;
    // The HTML export is in the module too.
    h.open_preview().await;
    h.close().await;
}

#[tokio::test]
async fn the_single_file_carries_the_module_for_word_and_the_preview() {
    let dir = e2e::scratch("word-single-file");
    let copy = dir.join("selfeval.html");
    std::fs::copy(e2e::dist().join("selfeval.html"), &copy).unwrap();
    let h = Harness::start().await;
    h.open_url(&format!("file://{}", copy.display())).await;
    assert_eq!(
        h.js("return typeof wasm_bindgen;").await,
        json!("undefined")
    );
    downloads_word_of(&h, &sample_draft()).await;
    h.open_preview().await;
    h.close().await;
}

#[tokio::test]
async fn a_module_that_cannot_be_fetched_is_said_so_and_can_be_retried() {
    // A deployment whose on-demand module is missing (or a network that drops it).
    let dir = e2e::scratch("word-missing");
    for entry in std::fs::read_dir(e2e::dist()).unwrap().flatten() {
        let name = entry.file_name();
        if name != "office.js" && name != "office_bg.wasm" {
            std::fs::copy(entry.path(), dir.join(&name)).unwrap();
        }
    }
    let h = Harness::start_on(Site::serve(dir.clone())).await;
    h.open().await;
    h.click("#download-docx").await;
    h.wait_text("#notice", &["无法下载 Word 文档", "无法加载报告读写组件"])
        .await;
    // The HTML export lives in the module too: its download and the preview say so.
    h.click("#download-html").await;
    h.wait_text("#notice", &["无法下载 HTML 报告", "无法加载报告读写组件"])
        .await;
    h.click("#preview-toggle").await;
    h.wait_text(
        "#preview .preview-status",
        &["无法显示报告预览", "无法加载报告读写组件"],
    )
    .await;
    assert_eq!(
        h.js("const b = document.getElementById('print'); return b.disabled;")
            .await,
        json!(true)
    );
    h.click("#preview-toggle").await;
    // The form is still there and working.
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");

    // Back on the server: the next try loads it.
    for name in ["office.js", "office_bg.wasm"] {
        std::fs::copy(e2e::dist().join(name), dir.join(name)).unwrap();
    }
    downloads_word_of(&h, &sample_draft()).await;
    h.open_preview().await;
    h.close().await;
}

//! Offline: issue 4's acceptance tests (a)–(c), and a new deployment announced, not mixed in.

use std::time::Duration;

use e2e::{json, Harness, Site};
use selfeval::read_draft;
use selfeval::sample::sample_draft;

/// Waits until a service worker controls the page and has cached this version.
async fn wait_for_service_worker(h: &Harness) {
    h.eventually("a service worker controls the page", || async {
        h.js("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);")
            .await
            == json!(true)
    })
    .await;
}

/// (a) Visit once, stop the server, reload: the app renders, an edit is checked and autosaved,
/// and drafting makes no network request at all.
#[tokio::test]
async fn after_one_visit_the_app_works_with_the_server_gone() {
    let h = Harness::start().await;
    h.open().await;
    wait_for_service_worker(&h).await;

    h.site.stop();
    h.reload().await;
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    h.eventually("the sample's five findings", || async {
        h.findings().await.len() == 5
    })
    .await;

    h.js("performance.clearResourceTimings();").await;
    h.type_into("general_budget.personnel_expense", "122.67")
        .await;
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    h.wait_saved("the edit is saved").await;
    let stored = h.stored().await;
    assert!(stored.iter().any(|(k, v)| k.starts_with("selfeval:draft:")
        && e2e::stored_draft(v).is_some_and(|d| d.general_budget.personnel_expense == "122.67")));
    assert_eq!(
        h.js("return performance.getEntriesByType('resource').length;")
            .await,
        json!(0),
        "drafting made network requests"
    );

    // And again, with the server still gone: the edit is back.
    h.reload().await;
    assert_eq!(h.value("general_budget.personnel_expense").await, "122.67");
    h.close().await;
}

/// A new deployment: the page says a new version is ready and switches only when asked.
#[tokio::test]
async fn a_new_deployment_is_announced_and_taken_on_request() {
    let old = e2e::dist();
    let new = e2e::scratch("new-deployment");
    for entry in std::fs::read_dir(&old).unwrap().flatten() {
        std::fs::copy(entry.path(), new.join(entry.file_name())).unwrap();
    }
    let sw = std::fs::read_to_string(new.join("sw.js")).unwrap();
    // The version as the (minified) worker holds it: `VERSION="…"`.
    let (before, after) = sw.split_once("VERSION=\"").unwrap();
    let (old_version, rest) = after.split_once('"').unwrap();
    std::fs::write(
        new.join("sw.js"),
        format!("{before}VERSION=\"next-{old_version}\"{rest}"),
    )
    .unwrap();

    let h = Harness::start_on(Site::serve(old)).await;
    h.open().await;
    wait_for_service_worker(&h).await;
    // The page has no banner while the version is current.
    h.reload().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        h.text_if_present("#update-banner")
            .await
            .unwrap_or_default(),
        ""
    );

    h.site.switch_to(new);
    h.reload().await;
    h.eventually("the new version is announced", || async {
        h.text_if_present("#update-banner")
            .await
            .is_some_and(|t| t.contains("新版本已就绪"))
    })
    .await;
    // Until asked, the old version keeps running.
    let caches =
        h.c.execute_async("caches.keys().then(arguments[0]);", vec![])
            .await
            .unwrap();
    assert!(caches.to_string().contains(old_version), "{caches}");

    h.click("#update-now").await;
    h.eventually("the page reloaded on the new version", || async {
        let keys =
            h.c.execute_async("caches.keys().then(arguments[0]);", vec![])
                .await
                .unwrap_or_default()
                .to_string();
        keys.contains(&format!("next-{old_version}"))
            && !keys.contains(&format!("\"selfeval-{old_version}\""))
    })
    .await;
    h.wait_ready().await;
    assert_eq!(
        h.text_if_present("#update-banner")
            .await
            .unwrap_or_default(),
        ""
    );
    h.close().await;
}

/// (b) The single-file edition from file://: the sample, a finding while typing, the edit kept
/// over a reload, and 下载 JSON.
#[tokio::test]
async fn the_single_file_works_from_a_file_url() {
    let built = e2e::dist().join("selfeval.html");
    assert!(
        built.exists(),
        "the release build writes dist/selfeval.html"
    );

    // The hosted page offers it (下载离线版), as a user would carry it away on a USB stick.
    let h = Harness::start().await;
    h.open().await;
    h.click("#download-offline").await;
    let file = h.downloaded("离线版.html").await;
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&built).unwrap()
    );
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(!html.contains("src=\"./"), "the single file loads nothing");
    assert!(
        !html.contains("href=\"./selfeval-"),
        "the single file loads nothing"
    );

    // A fresh browser opens the downloaded file by file://.
    let dir = e2e::scratch("single-file");
    let copy = dir.join("selfeval.html");
    std::fs::copy(&file, &copy).unwrap();
    h.close().await;
    let h = Harness::start().await;
    let url = format!("file://{}", copy.display());
    h.open_url(&url).await;
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    h.eventually("the sample's five findings", || async {
        h.findings().await.len() == 5
    })
    .await;
    assert_eq!(
        h.text_if_present("#download-offline")
            .await
            .unwrap_or_default(),
        "",
        "no offline link in the offline file"
    );

    h.type_into("general_budget.personnel_expense", "122.67")
        .await;
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    h.wait_saved("saved").await;
    h.reload().await;
    assert_eq!(h.value("general_budget.personnel_expense").await, "122.67");

    // The edit is an error (sum.basic), so the download asks first.
    h.click("#download-json").await;
    h.wait_question("1 个错误").await;
    h.click("#confirm-yes").await;
    let downloaded = h.downloaded("-绩效自评-草稿.json").await;
    let mut expected = sample_draft();
    expected.general_budget.personnel_expense = "122.67".into();
    assert_eq!(
        read_draft(&std::fs::read_to_string(downloaded).unwrap()),
        Ok(expected)
    );
    // Its keys are prefixed: all file:// pages share one storage origin.
    assert!(h
        .stored()
        .await
        .iter()
        .all(|(k, _)| k.starts_with("selfeval:")));
    h.close().await;
}

/// (c) Without WebAssembly the page says, in Chinese, which browsers work, instead of staying blank.
#[tokio::test]
async fn without_webassembly_the_page_says_which_browsers_work() {
    let index = std::fs::read_to_string(e2e::dist().join("index.html")).unwrap();
    let site = Site::serve(e2e::dist());
    for (page, stub) in [
        ("no-wasm.html", "delete window.WebAssembly;"),
        (
            "old-wasm.html",
            "WebAssembly.validate = function () { return false; };",
        ),
    ] {
        let stubbed = index.replacen("<head>", &format!("<head><script>{stub}</script>"), 1);
        site.add_page(page, stubbed.into_bytes());
    }
    let h = Harness::start_on(site).await;
    for page in ["no-wasm.html", "old-wasm.html"] {
        h.c.goto(&h.site.url(page)).await.unwrap();
        h.eventually("the message", || async {
            h.js("const el = document.getElementById('unsupported'); return !!el && el.offsetHeight > 0;")
                .await
                == json!(true)
        })
        .await;
        let message = h.text_of("#unsupported").await;
        assert!(
            message.contains("此浏览器无法运行本工具"),
            "{page}: {message}"
        );
        assert!(message.contains("Chrome"), "{message}");
        assert!(message.contains("Firefox"), "{message}");
        assert!(message.contains("极速模式"), "{message}");
        assert_eq!(
            h.js("return !!document.querySelector('.toolbar');").await,
            json!(false),
            "{page}: the app should not have started"
        );
    }
    // The real page, same browser: no message.
    h.open().await;
    assert_eq!(
        h.js("return document.getElementById('unsupported').offsetHeight;")
            .await,
        json!(0)
    );
    h.close().await;
}

//! Issue 5: storage faults, each visible to the user, nothing lost, and what is on screen always
//! downloadable: a full store, no store at all, corrupt and newer stored drafts, a failing save,
//! and two tabs on one draft.

use e2e::{json, Harness, Site};
use selfeval::read_draft;
use selfeval::sample::sample_draft;

/// The stored draft the page has open.
async fn stored_open_draft(h: &Harness) -> String {
    h.js("return localStorage.getItem('selfeval:draft:' + localStorage.getItem('selfeval:current'));")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn draft_part(entry: &str) -> selfeval::Draft {
    e2e::stored_draft(entry).expect("a readable stored draft")
}

/// Downloads what is on screen (asking past errors) and returns it.
async fn download_screen(h: &Harness) -> selfeval::Draft {
    let has_errors = !h.text_of("#findings-title").await.contains(" 0 个错误")
        && h.text_of("#findings-title").await.contains("个错误");
    h.click("#download-json").await;
    if has_errors {
        h.click("#confirm-yes").await;
    }
    let file = h.downloaded("-绩效自评-草稿.json").await;
    let draft = read_draft(&std::fs::read_to_string(&file).unwrap()).unwrap();
    std::fs::remove_file(file).unwrap();
    draft
}

#[tokio::test]
async fn a_full_store_is_reported_and_the_draft_stays_on_screen() {
    let h = Harness::start().await;
    h.open().await;
    h.wait_saved("saved").await;
    // Fill the store to the last byte: big pieces, then smaller ones.
    let filled = h
        .js("let n = 0, last = '';\
             for (let size = 1 << 20; size >= 1; size >>= 1) {\
               const chunk = 'x'.repeat(size);\
               for (;;) { try { localStorage.setItem('filler:' + n, chunk); n++; } catch (e) { last = e.name; break; } }\
             }\
             return [n, last];")
        .await;
    assert_eq!(filled[1], json!("QuotaExceededError"), "{filled}");

    let problems = "预算编制不够精细，部分项目执行进度偏慢。".repeat(10);
    h.type_into("problems", &problems).await;
    h.eventually("the failure is shown", || async {
        h.text_of("#save-state-text")
            .await
            .contains("本地存储空间已满")
    })
    .await;
    assert_eq!(h.value("problems").await, problems);
    // The stored draft is the last complete save, not a broken one.
    assert_eq!(draft_part(&stored_open_draft(&h).await), sample_draft());
    // What is on screen can still be downloaded.
    let mut expected = sample_draft();
    expected.problems = problems.clone();
    assert_eq!(download_screen(&h).await, expected);

    // Space freed: the next edit saves.
    h.js("Object.keys(localStorage).filter(k => k.startsWith('filler:')).forEach(k => localStorage.removeItem(k));")
        .await;
    h.type_into("other", "无。").await;
    h.wait_saved("saved again").await;
    expected.other = "无。".into();
    assert_eq!(draft_part(&stored_open_draft(&h).await), expected);
    h.close().await;
}

#[tokio::test]
async fn without_local_storage_the_app_works_and_says_it_cannot_save() {
    let index = std::fs::read_to_string(e2e::dist().join("index.html")).unwrap();
    let site = Site::serve(e2e::dist());
    let blocked = "Object.defineProperty(window, 'localStorage', { configurable: true, \
                   get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });";
    site.add_page(
        "blocked.html",
        index
            .replacen("<head>", &format!("<head><script>{blocked}</script>"), 1)
            .into_bytes(),
    );
    let h = Harness::start_on(site).await;
    h.open_url(&h.site.url("blocked.html")).await;
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    let state = h.text_of("#save-state-text").await;
    assert!(
        state.contains("无法自动保存") && state.contains("不允许"),
        "{state}"
    );
    h.type_into("general_budget.personnel_expense", "122.67")
        .await;
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    let mut expected = sample_draft();
    expected.general_budget.personnel_expense = "122.67".into();
    assert_eq!(download_screen(&h).await, expected);
    h.close().await;
}

#[tokio::test]
async fn corrupt_and_newer_stored_drafts_are_kept_as_they_are_and_offered() {
    let h = Harness::start().await;
    h.open().await;
    let corrupt = "selfeval-entry 1 {\"name\":\"坏草稿\",\"saved_at\":1,\"rev\":3}\n{\"format\":\"selfeval-draft\",";
    let garbage = "不是草稿";
    let newer = "selfeval-entry 1 {\"name\":\"新版草稿\",\"saved_at\":2,\"rev\":1}\n{\"format\":\"selfeval-draft\",\"version\":9}";
    h.js_with(
        "localStorage.setItem('selfeval:draft:corrupt', arguments[0]);\
         localStorage.setItem('selfeval:draft:garbage', arguments[1]);\
         localStorage.setItem('selfeval:draft:newer', arguments[2]);",
        vec![json!(corrupt), json!(garbage), json!(newer)],
    )
    .await;
    h.reload().await;
    assert!(h
        .text_of("#notice")
        .await
        .contains("3 份本地保存的草稿无法读取"));
    // The sample is still open and editable.
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    h.click("#broken-drafts summary").await;
    let listed = h.text_of("#broken-drafts").await;
    assert!(listed.contains("坏草稿"), "{listed}");
    assert!(listed.contains("第 9 版"), "{listed}");
    assert!(listed.contains("已损坏"), "{listed}");

    // 下载原文 gives the stored text byte for byte.
    h.click("#broken-drafts li[data-draft='newer'] button")
        .await;
    let file = h.downloaded("无法读取的原文.json").await;
    assert_eq!(std::fs::read_to_string(file).unwrap(), newer);

    // Edits and saves of other drafts never touch them.
    h.type_into("meta.short_name", "信访局").await;
    h.wait_saved("saved").await;
    h.click("#draft-new").await;
    h.reload().await;
    let stored = h.stored().await;
    for (key, raw) in [
        ("selfeval:draft:corrupt", corrupt),
        ("selfeval:draft:garbage", garbage),
        ("selfeval:draft:newer", newer),
    ] {
        assert!(
            stored.contains(&(key.to_owned(), raw.to_owned())),
            "{key} changed"
        );
    }
    h.close().await;
}

/// A save replaces the stored draft in one step: a save that fails half-way (here the write
/// throws) leaves the previous complete draft.
#[tokio::test]
async fn a_failing_save_leaves_the_previous_draft_whole() {
    let h = Harness::start().await;
    h.open().await;
    h.type_into("meta.short_name", "第一次").await;
    h.wait_saved("saved").await;
    let before = stored_open_draft(&h).await;
    assert_eq!(draft_part(&before).meta.short_name, "第一次");

    h.js("const real = Storage.prototype.setItem;\
          Storage.prototype.setItem = function (k, v) {\
            if (k.startsWith('selfeval:draft:')) { throw new DOMException('write failed', 'UnknownError'); }\
            return real.call(this, k, v); };")
        .await;
    h.type_into("meta.short_name", "第二次").await;
    h.eventually("the failure is shown", || async {
        h.text_if_present("#save-state-text")
            .await
            .is_some_and(|t| t.starts_with("保存失败"))
    })
    .await;
    assert_eq!(
        stored_open_draft(&h).await,
        before,
        "the stored draft is the previous save, whole"
    );
    assert_eq!(h.value("meta.short_name").await, "第二次");
    assert_eq!(download_screen(&h).await.meta.short_name, "第二次");
    h.close().await;
}

/// Two tabs on one draft: the other tab is told, and neither silently overwrites the other's
/// newer text.
#[tokio::test]
async fn two_tabs_never_overwrite_each_other() {
    let h = Harness::start().await;
    h.open().await;
    let first = h.c.window().await.unwrap();
    let second = h.c.new_window(false).await.unwrap().handle;
    h.c.switch_to_window(second.clone()).await.unwrap();
    h.open().await;

    // An edit saved in the first tab reaches the second, which had no edits of its own.
    h.c.switch_to_window(first.clone()).await.unwrap();
    h.type_into("meta.short_name", "甲").await;
    h.wait_saved("saved").await;
    h.c.switch_to_window(second.clone()).await.unwrap();
    h.eventually("the second tab took the newer text", || async {
        h.value("meta.short_name").await == "甲"
    })
    .await;
    assert!(h.text_of("#notice").await.contains("另一个标签页"));

    // Both edit: the second tab's edit is not saved yet when the first one saves. The second
    // tab saves 600 ms after its last keystroke; when the switch to the first tab takes longer
    // (a loaded machine), the saves do not overlap, each tab takes the other's text in turn and
    // there is rightly no conflict: then the round is tried again, with new texts.
    let mut conflicted = None;
    for round in 0..4 {
        let again = if round == 0 {
            String::new()
        } else {
            format!("（第{round}次重试）")
        };
        let texts = [
            format!("{again}第二个标签页写的问题"),
            format!("{again}第一个标签页写的问题"),
        ];
        h.type_into("problems", &texts[0]).await;
        h.c.switch_to_window(first.clone()).await.unwrap();
        h.type_into("problems", &texts[1]).await;

        // Exactly one tab ends in a conflict, and storage holds the other tab's text.
        for _ in 0..40 {
            for (window, text) in [(&first, &texts[1]), (&second, &texts[0])] {
                h.c.switch_to_window(window.clone()).await.unwrap();
                if h.text_if_present("#conflict")
                    .await
                    .is_some_and(|t| t.contains("另一个标签页"))
                {
                    conflicted = Some((window.clone(), text.clone()));
                }
            }
            if conflicted.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        if conflicted.is_some() {
            break;
        }
        h.c.switch_to_window(second.clone()).await.unwrap();
    }
    let (loser, loser_text) = conflicted.expect("one tab reports the conflict");
    let loser_text = loser_text.as_str();
    h.c.switch_to_window(loser.clone()).await.unwrap();
    let stored = draft_part(&stored_open_draft(&h).await);
    assert_ne!(
        stored.problems, loser_text,
        "the conflicted tab did not overwrite"
    );
    assert!(stored.problems.ends_with("标签页写的问题"));
    assert_eq!(
        h.value("problems").await,
        loser_text,
        "its text is still on screen"
    );
    assert!(h.text_of("#save-state-text").await.contains("另一个标签页"));

    // It keeps its text as a new draft; the original stays as the other tab saved it.
    h.click("#conflict-keep").await;
    h.wait_saved("saved as a new draft").await;
    assert!(h.selected_draft().await.ends_with("（本页副本）"));
    let drafts = h.stored_drafts().await;
    let texts: Vec<String> = drafts.iter().map(|(_, e)| draft_part(e).problems).collect();
    assert!(texts.contains(&loser_text.to_owned()));
    assert!(texts.contains(&stored.problems));
    h.close().await;
}

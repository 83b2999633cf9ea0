//! Issue 15: nothing lost when the browser forgets — a backup of every draft and its restore,
//! asking the browser to keep the data, the reminder to download a backup, and storage cleared
//! under the page.

use std::path::PathBuf;

use e2e::{json, Harness, Locator};
use selfeval::backup::{read_backup_bytes, write_backup, Entry};
use selfeval::sample::sample_draft;
use selfeval::stored::entry_text;

/// A stored entry of the sample with its department changed, so that drafts differ.
fn entry(id: &str, name: &str, rev: u64, department: &str) -> Entry {
    let mut draft = sample_draft();
    draft.meta.department = department.to_owned();
    Entry {
        id: id.to_owned(),
        raw: entry_text(name, 1.7e12, rev, &draft).unwrap(),
    }
}

fn put_js(entries: &[Entry]) -> (String, Vec<e2e::Value>) {
    let mut script = String::new();
    let mut args = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        script.push_str(&format!(
            "localStorage.setItem('selfeval:draft:' + arguments[{}], arguments[{}]);",
            2 * i,
            2 * i + 1
        ));
        args.push(json!(e.id));
        args.push(json!(e.raw));
    }
    (script, args)
}

/// Downloads the backup (by `button`) and returns the file.
async fn download_backup(h: &Harness, button: &str) -> PathBuf {
    let today = h
        .js("const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') \
             + '-' + String(d.getDate()).padStart(2, '0');")
        .await;
    h.click(button).await;
    h.downloaded(&format!(
        "草稿备份-{}.json",
        today.as_str().unwrap_or_default()
    ))
    .await
}

async fn restore(h: &Harness, file: &std::path::Path) {
    let input =
        h.c.find(Locator::Css("#restore-file"))
            .await
            .expect("restore input");
    input
        .send_keys(file.to_str().expect("path"))
        .await
        .expect("choose file");
}

/// True when the reminder to download a backup is shown.
async fn reminder_shown(h: &Harness) -> bool {
    h.js("const r = document.getElementById('backup-reminder'); return !!r && !r.hidden;")
        .await
        == json!(true)
}

async fn raw_of(h: &Harness, key: &str) -> Option<String> {
    h.js_with(
        "return localStorage.getItem(arguments[0]);",
        vec![json!(key)],
    )
    .await
    .as_str()
    .map(str::to_owned)
}

fn write_file(name: &str, text: &str) -> PathBuf {
    let path = e2e::scratch("backup").join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[tokio::test]
async fn a_backup_restored_onto_a_cleared_browser_gives_back_every_draft_byte_for_byte() {
    let h = Harness::start().await;
    h.open().await;
    h.type_into("meta.short_name", "信访局").await;
    h.wait_saved("the sample is saved").await;
    h.click("#draft-new").await;
    h.type_into("meta.department", "第二个单位").await;
    h.wait_saved("the second draft is saved").await;
    let unreadable =
        "selfeval-entry 1 {\"name\":\"坏草稿\",\"rev\":3}\n{\"format\":\"selfeval-draft\",\r\n ☃";
    h.js_with(
        "localStorage.setItem('selfeval:draft:bad-1', arguments[0]);",
        vec![json!(unreadable)],
    )
    .await;
    h.reload().await;
    let before = h.stored_drafts().await;
    assert_eq!(before.len(), 3);

    let file = download_backup(&h, "#backup-all").await;
    let backup = read_backup_bytes(&std::fs::read(&file).unwrap()).expect("a backup");
    let mut in_file: Vec<(String, String)> = backup
        .entries
        .iter()
        .map(|e| (format!("selfeval:draft:{}", e.id), e.raw.clone()))
        .collect();
    in_file.sort();
    assert_eq!(in_file, before);

    // The browser forgets everything; the page starts as on a first visit.
    h.js("localStorage.clear();").await;
    h.reload().await;
    assert_eq!(h.stored_drafts().await.len(), 1);

    restore(&h, &file).await;
    h.eventually("the restore is reported", || async {
        h.text_if_present("#notice")
            .await
            .is_some_and(|n| n.contains("恢复 3 份草稿"))
    })
    .await;
    let after = h.stored_drafts().await;
    for kept in &before {
        assert!(after.contains(kept), "{} is not back as it was", kept.0);
    }
    // Nothing was deleted: the draft of the fresh start is still there.
    assert_eq!(after.len(), 4);
    assert!(h.draft_names().await.contains(&"新草稿 2".to_owned()));
    h.click("#broken-drafts summary").await;
    assert!(h.text_of("#broken-drafts").await.contains("坏草稿"));
    h.close().await;
}

#[tokio::test]
async fn a_restore_replaces_older_drafts_only_when_confirmed_and_never_newer_ones() {
    let h = Harness::start().await;
    h.open().await;
    let here = [
        entry("old-1", "旧版本草稿", 2, "本机旧版"),
        entry("newer-1", "较新草稿", 7, "本机新版"),
    ];
    let (script, args) = put_js(&here);
    h.js_with(&script, args).await;
    h.reload().await;
    let backup = [
        entry("old-1", "旧版本草稿", 4, "备份版"),
        entry("newer-1", "较新草稿", 2, "备份旧版"),
        entry("add-1", "新增草稿", 1, "新增"),
    ];
    let file = write_file("备份.json", &write_backup(&backup, 0.0).unwrap());

    restore(&h, &file).await;
    h.wait_question("替换本机较旧的 1 份草稿：旧版本草稿").await;
    let question = h.text_of("#confirm-question").await;
    assert!(!question.contains("较新草稿"), "{question}");
    // Nothing is written before the user chooses.
    assert_eq!(raw_of(&h, "selfeval:draft:add-1").await, None);
    assert_eq!(
        raw_of(&h, "selfeval:draft:old-1").await,
        Some(here[0].raw.clone())
    );

    h.click("#confirm-yes").await;
    h.eventually("the restore is reported", || async {
        h.text_if_present("#notice")
            .await
            .is_some_and(|n| n.contains("本机较新的 1 份保留未动：较新草稿"))
    })
    .await;
    assert_eq!(
        raw_of(&h, "selfeval:draft:old-1").await,
        Some(backup[0].raw.clone())
    );
    assert_eq!(
        raw_of(&h, "selfeval:draft:newer-1").await,
        Some(here[1].raw.clone())
    );
    assert_eq!(
        raw_of(&h, "selfeval:draft:add-1").await,
        Some(backup[2].raw.clone())
    );
    // The sample draft of the first visit is still there.
    assert_eq!(h.stored_drafts().await.len(), 4);

    // Refusing the replacement still restores the rest.
    let again = [
        entry("old-1", "旧版本草稿", 9, "更新的备份版"),
        entry("add-2", "再新增", 1, "再新增"),
    ];
    let file = write_file("第二份备份.json", &write_backup(&again, 0.0).unwrap());
    restore(&h, &file).await;
    h.wait_question("旧版本草稿").await;
    h.click("#confirm-others").await;
    h.eventually("the rest is restored", || async {
        h.text_if_present("#notice")
            .await
            .is_some_and(|n| n.contains("本机较旧的 1 份未替换"))
    })
    .await;
    assert_eq!(
        raw_of(&h, "selfeval:draft:old-1").await,
        Some(backup[0].raw.clone())
    );
    assert_eq!(
        raw_of(&h, "selfeval:draft:add-2").await,
        Some(again[1].raw.clone())
    );
    h.close().await;
}

#[tokio::test]
async fn a_backup_of_a_newer_version_or_a_draft_file_is_refused() {
    let h = Harness::start().await;
    h.open().await;
    h.wait_saved("the sample is stored").await;
    let before = h.stored().await;
    let newer = write_file(
        "newer.json",
        r#"{"format":"selfeval-backup","version":2,"drafts":[]}"#,
    );
    restore(&h, &newer).await;
    h.eventually("the refusal", || async {
        h.text_if_present("#notice")
            .await
            .is_some_and(|n| n.contains("第 2 版") && n.contains("本机的草稿没有改动"))
    })
    .await;
    let draft = write_file(
        "draft.json",
        &selfeval::write_draft(&sample_draft()).unwrap(),
    );
    restore(&h, &draft).await;
    h.eventually("a draft file is not a backup", || async {
        h.text_if_present("#notice")
            .await
            .is_some_and(|n| n.contains("这是一份草稿文件，不是备份"))
    })
    .await;
    assert_eq!(h.stored().await, before);
    h.close().await;
}

#[tokio::test]
async fn storage_cleared_under_the_page_is_noticed_and_the_screen_stored_again() {
    let h = Harness::start().await;
    h.open().await;
    h.type_into("meta.short_name", "第一页写的").await;
    h.wait_saved("saved").await;
    let first = h.c.window().await.unwrap();
    let second = h.c.new_window(false).await.unwrap().handle;
    h.c.switch_to_window(second).await.unwrap();
    h.open().await;
    h.js("localStorage.clear();").await;
    h.c.switch_to_window(first).await.unwrap();
    h.eventually("the first tab notices", || async {
        h.text_if_present("#conflict-question")
            .await
            .is_some_and(|q| q.contains("已被清除"))
    })
    .await;
    assert_eq!(h.value("meta.short_name").await, "第一页写的");
    h.click("#conflict-store-again").await;
    h.eventually("stored again", || async {
        h.stored_drafts()
            .await
            .iter()
            .any(|(_, v)| e2e::stored_draft(v).is_some_and(|d| d.meta.short_name == "第一页写的"))
    })
    .await;
    assert!(h.text_if_present("#conflict").await.is_none());
    assert_eq!(h.draft_names().await.len(), 1);

    // Cleared in this tab (no event here): the next save notices.
    h.js("localStorage.clear();").await;
    h.type_into("meta.short_name", "又改了").await;
    h.eventually("the save notices", || async {
        h.text_if_present("#conflict-question")
            .await
            .is_some_and(|q| q.contains("已被清除"))
    })
    .await;
    assert!(h.stored_drafts().await.is_empty());
    h.click("#conflict-store-again").await;
    h.eventually("stored again", || async {
        h.stored_drafts()
            .await
            .iter()
            .any(|(_, v)| e2e::stored_draft(v).is_some_and(|d| d.meta.short_name == "又改了"))
    })
    .await;
    h.close().await;
}

#[tokio::test]
async fn the_reminder_appears_after_days_without_a_download_and_goes_with_one() {
    let h = Harness::start().await;
    h.open().await;
    // Fresh edits: no reminder.
    h.type_into("meta.short_name", "信访局").await;
    h.wait_saved("saved").await;
    assert!(!reminder_shown(&h).await);
    let key = "'selfeval:unexported:' + localStorage.getItem('selfeval:current')";
    assert!(h
        .js(&format!("return localStorage.getItem({key});"))
        .await
        .is_string());

    // The first edit in no file, six days ago.
    let days_ago = |days: u32| {
        format!("localStorage.setItem({key}, String(Date.now() - {days} * 86400000 - 60000));")
    };
    h.js(&days_ago(6)).await;
    h.reload().await;
    h.eventually("the reminder", || async {
        reminder_shown(&h).await
            && h.text_of("#backup-reminder-text").await
                == "本草稿只保存在本浏览器中，已 6 天未下载备份"
    })
    .await;
    let file = download_backup(&h, "#reminder-backup").await;
    assert!(read_backup_bytes(&std::fs::read(file).unwrap()).is_ok());
    h.eventually("the reminder goes", || async { !reminder_shown(&h).await })
        .await;
    assert!(h
        .js(&format!("return localStorage.getItem({key});"))
        .await
        .is_null());

    // Dismissed, it stays away on this page; a JSON download also counts as one.
    h.js(&days_ago(4)).await;
    h.reload().await;
    h.eventually("the reminder again", || async { reminder_shown(&h).await })
        .await;
    h.click("#reminder-dismiss").await;
    assert!(!reminder_shown(&h).await);
    h.reload().await;
    h.eventually("the reminder after a reload", || async {
        reminder_shown(&h).await
    })
    .await;
    h.click("#download-json").await;
    h.eventually("the reminder goes with a JSON download", || async {
        !reminder_shown(&h).await
    })
    .await;
    h.close().await;
}

#[tokio::test]
async fn the_drafts_menu_says_whether_storage_is_persistent() {
    let h = Harness::start().await;
    h.open().await;
    h.eventually("the persistence is known", || async {
        !h.js("return document.getElementById('storage-persistence').dataset.state;")
            .await
            .as_str()
            .unwrap_or_default()
            .is_empty()
    })
    .await;
    let persisted = h
        .c
        .execute_async(
            "const done = arguments[arguments.length - 1]; navigator.storage.persisted().then(done);",
            vec![],
        )
        .await
        .expect("persisted()");
    let expected = if persisted == json!(true) {
        "persistent"
    } else {
        "best-effort"
    };
    let shown = h
        .js("return document.getElementById('storage-persistence').dataset.state;")
        .await;
    assert_eq!(shown, json!(expected));
    assert!(h
        .text_of("#storage-persistence")
        .await
        .starts_with("本机存储："));
    h.close().await;
}

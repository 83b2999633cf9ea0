//! The header: the draft menu, the save state, import and the downloads, and the bars that ask
//! for confirmation or report what happened.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{
    clock_time, date_stamp, download, download_bytes, is_hosted, now_ms, short_date_time,
};
use super::import::{ImportButton, RestoreButton};
use super::state::{AppState, Conflict, DownloadKind, Pending, SaveState};
use super::storage::Persistence;
use crate::backup::backup_file_name;
use crate::export::{docx_file_name, html_file_name, json_file_name, render_json};
use crate::stored::{reminder_days, reminder_text};

#[component]
pub fn Toolbar(preview_open: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ask_download = move |kind: DownloadKind| {
        state.show_all();
        let errors = state.tally().get_untracked().errors;
        if errors > 0 {
            state.ask(Pending::Download { kind, errors });
        } else {
            download_now(state, kind);
        }
    };
    view! {
        <header class="toolbar">
            <div class="brand">
                <h1>"部门整体支出绩效自评报告"</h1>
                <p class="tagline">"填报 · 检查 · 导出（数据只保存在本机浏览器中）"</p>
            </div>
            <DraftMenu />
        </header>
        // Stays at the top when the form is scrolled (the style sheet keeps a focused field
        // clear of it with scroll-padding).
        <section class="actionbar" aria-label="保存、导入与导出">
            <SaveIndicator />
            <div class="actions">
                <ImportButton />
                <button type="button" id="download-json" on:click=move |_| ask_download(DownloadKind::Json)>
                    "下载 JSON"
                </button>
                <button type="button" id="download-html" on:click=move |_| ask_download(DownloadKind::Html)>
                    "下载 HTML"
                </button>
                <button
                    type="button"
                    id="download-docx"
                    title="正式公文格式的 Word 文档，可在 Word 或 WPS 中修改、盖章"
                    on:click=move |_| ask_download(DownloadKind::Word)
                >
                    "下载 Word"
                </button>
                <button
                    type="button"
                    id="preview-toggle"
                    aria-pressed=move || preview_open.get().to_string()
                    on:click=move |_| preview_open.update(|open| *open = !*open)
                >
                    {Signal::derive(move || {
                        if preview_open.get() { "返回填写" } else { "预览与打印" }.to_owned()
                    })}
                </button>
                {is_hosted()
                    .then(|| {
                        view! {
                            <a
                                class="button"
                                id="download-offline"
                                href="./selfeval.html"
                                download="部门整体支出绩效自评报告-离线版.html"
                                title="单个 HTML 文件：可拷到 U 盘，在没有网络的电脑上双击打开"
                            >
                                "下载离线版"
                            </a>
                        }
                    })}
            </div>
        </section>
    }
}

/// Downloads the open draft as it is now.
pub fn download_now(state: AppState, kind: DownloadKind) {
    if kind != DownloadKind::Json {
        return download_from_office(state, kind);
    }
    let result = state.draft().with_untracked(|d| {
        render_json(d)
            .map_err(|e| e.to_string())
            .and_then(|json| download(&json_file_name(d), "application/json", &json))
    });
    match result {
        Ok(()) => state.downloaded(),
        Err(e) => state.notify(true, e),
    }
}

/// The HTML document and the `.docx` come from the on-demand module, fetched on the first use:
/// the draft as it is now goes to it as its draft file, so the files are those of
/// `selfeval export --html` and `--docx`.
fn download_from_office(state: AppState, kind: DownloadKind) {
    let draft = state.draft().get_untracked();
    let json = match render_json(&draft) {
        Ok(json) => json,
        Err(e) => return state.notify(true, e.to_string()),
    };
    leptos::task::spawn_local(async move {
        let result = if kind == DownloadKind::Word {
            super::office::docx_of_draft(&json)
                .await
                .and_then(|bytes| download_bytes(&docx_file_name(&draft), DOCX_TYPE, &bytes))
        } else {
            super::office::html_of_draft(&json)
                .await
                .and_then(|html| download(&html_file_name(&draft), "text/html", &html))
        };
        match result {
            Ok(()) => state.downloaded(),
            Err(e) => state.notify(true, format!("无法下载{}：{e}", kind.noun())),
        }
    });
}

const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Downloads a backup of every stored draft.
pub fn download_backup(state: AppState) {
    let result = state.backup().and_then(|(text, ids)| {
        let name = backup_file_name(&date_stamp(now_ms()));
        download(&name, "application/json", &text).map(|()| ids)
    });
    match result {
        Ok(ids) => state.backed_up(&ids),
        Err(e) => state.notify(true, format!("无法备份：{e}")),
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = Signal::derive(move || match state.save_view() {
        SaveState::Saved(at) => format!("已保存 {}", clock_time(at)),
        SaveState::Pending => "有修改，即将保存…".to_owned(),
        SaveState::Failed(reason) => format!("保存失败：{reason}"),
        SaveState::NoStorage(reason) => format!("无法自动保存：{reason}"),
        SaveState::Conflict => match state.conflict().get() {
            Some(Conflict::Cleared) => "未保存：本浏览器的草稿存储已被清除".to_owned(),
            _ => "未保存：这份草稿在另一个标签页中被改动".to_owned(),
        },
    });
    let failed = move || {
        matches!(
            state.save_view(),
            SaveState::Failed(_) | SaveState::NoStorage(_) | SaveState::Conflict
        )
    };
    // Re-read every minute, so a page left open for days shows the reminder when it is due.
    let minute = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || minute.update(|m| *m = m.wrapping_add(1)),
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || handle.clear());
    }
    let reminder = Memo::new(move |_| {
        minute.track();
        if state.reminder_dismissed().get() {
            return None;
        }
        state
            .unexported_since()
            .with(|since| reminder_days(since.as_deref(), now_ms()))
            .map(reminder_text)
    });
    view! {
        <div class="save-state" class:save-failed=failed id="save-state" role="status">
            <span class="reminder" id="backup-reminder" hidden=move || reminder.with(Option::is_none)>
                    <span id="backup-reminder-text">{move || reminder.get().unwrap_or_default()}</span>
                    <button type="button" class="small" id="reminder-backup" on:click=move |_| download_backup(state)>
                        "下载备份"
                    </button>
                    <button
                        type="button"
                        class="small"
                        id="reminder-dismiss"
                        aria-label="不再提醒"
                        on:click=move |_| state.dismiss_reminder()
                    >
                        "×"
                    </button>
            </span>
            <span id="save-state-text">{text}</span>
            {move || {
                failed()
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="small"
                                on:click=move |_| download_now(state, DownloadKind::Json)
                            >
                                "立即下载 JSON"
                            </button>
                        }
                    })
            }}
        </div>
    }
}

#[component]
fn DraftMenu() -> impl IntoView {
    let state = expect_context::<AppState>();
    let super::report_import::ReportImportOpen(report_import) = expect_context();
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let on_select = move |ev: web_sys::Event| {
        let id = event_target_value(&ev);
        state.open(&id);
        // When the draft cannot be opened, `current` does not change and nothing re-renders:
        // put the menu back on the draft that is open instead of the one that was picked.
        if let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            select.set_value(&state.current().get_untracked().unwrap_or_default());
        }
    };
    let name_input = NodeRef::<leptos::html::Input>::new();
    let start_rename = move |_| {
        new_name.set(state.current_name());
        renaming.set(true);
    };
    // The name field takes the focus when it opens, its text selected, so typing replaces it.
    Effect::new(move |_| {
        if renaming.get() {
            if let Some(input) = name_input.get() {
                // The value first: this may run before the field's own `prop:value` does.
                input.set_value(&new_name.get_untracked());
                let _ = input.focus();
                input.select();
            }
        }
    });
    let finish_rename = move || {
        state.rename(&new_name.get_untracked());
        renaming.set(false);
    };
    let ask_delete = move |_| {
        if let Some(id) = state.current().get_untracked() {
            let name = state.current_name();
            state.ask(Pending::DeleteDraft { id, name });
        }
    };
    let no_storage = move || state.current().get().is_none();
    // Whether the browser will keep the drafts when it runs short of space.
    let persistence = move || match state.persistence().get() {
        Some(Persistence::Persistent) => {
            ("persistent", "本机存储：已设为持久保存，浏览器不会自动清除")
        }
        Some(Persistence::BestEffort) => (
            "best-effort",
            "本机存储：未设为持久保存，浏览器空间不足或清理数据时可能清除，请定期备份",
        ),
        Some(Persistence::Unsupported) => (
            "unsupported",
            "本机存储：此浏览器无法设为持久保存，请定期备份",
        ),
        None => ("", ""),
    };
    view! {
        <div class="draft-menu">
            <label for="draft-select">"草稿"</label>
            <select
                id="draft-select"
                on:change=on_select
                disabled=no_storage
                prop:value=move || state.current().get().unwrap_or_default()
                title=move || state.current_name()
            >
                {move || {
                    let current = state.current().get();
                    state
                        .drafts()
                        .get()
                        .into_iter()
                        .filter(|e| e.broken.is_none())
                        .map(|e| {
                            // `selected` places the menu when its options are drawn anew;
                            // `prop:value` on the select keeps it on the open draft after that.
                            let selected = current.as_deref() == Some(e.id.as_str());
                            view! {
                                <option value=e.id.clone() selected=selected>
                                    {format!("{}（{}）", e.name, short_date_time(e.saved_at))}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <Show
                when=move || renaming.get()
                fallback=move || {
                    view! {
                        <button type="button" id="draft-new" on:click=move |_| state.new_blank()>"新建空白"</button>
                        <button type="button" id="draft-new-sample" on:click=move |_| state.new_from_sample()>"从示例新建"</button>
                        <button type="button" id="draft-duplicate" on:click=move |_| state.duplicate() disabled=no_storage>"复制"</button>
                        <button
                            type="button"
                            id="draft-next-year"
                            on:click=move |_| state.new_next_year()
                            disabled=no_storage
                            title="新建一份草稿：保留文字，清空金额、人数和自评表的数值，年度加一"
                        >
                            "生成下一年度草稿"
                        </button>
                        <button
                            type="button"
                            id="report-import-open"
                            on:click=move |_| report_import.set(true)
                            title="把往年报告的文字（粘贴或 .txt 文件）读成一份新草稿"
                        >
                            "从往年报告导入…"
                        </button>
                        <button type="button" id="draft-rename" on:click=start_rename disabled=no_storage>"重命名"</button>
                        <button type="button" id="draft-delete" class="danger" on:click=ask_delete disabled=no_storage>"删除"</button>
                        <button
                            type="button"
                            id="backup-all"
                            on:click=move |_| download_backup(state)
                            disabled=no_storage
                            title="把本浏览器中的全部草稿下载为一个文件，可在另一台电脑上恢复"
                        >
                            "备份全部草稿"
                        </button>
                        <RestoreButton />
                    }
                }
            >
                <form
                    class="rename"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        finish_rename();
                    }
                >
                    <label for="draft-name">"新名称"</label>
                    <input
                        id="draft-name"
                        type="text"
                        node_ref=name_input
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                        on:keydown=move |ev: web_sys::KeyboardEvent| {
                            if ev.key() == "Escape" {
                                renaming.set(false);
                            }
                        }
                    />
                    <button type="submit" id="draft-name-ok">"确定"</button>
                    <button type="button" on:click=move |_| renaming.set(false)>"取消"</button>
                </form>
            </Show>
            <BrokenDrafts />
            <p class="persistence" id="storage-persistence" data-state=move || persistence().0>
                {move || persistence().1}
            </p>
        </div>
    }
}

/// Stored drafts that do not read: kept as they are, offered for download, deleted only on request.
#[component]
fn BrokenDrafts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let broken = Memo::new(move |_| {
        state.drafts().with(|list| {
            list.iter()
                .filter_map(|e| e.broken.clone().map(|b| (e.id.clone(), e.name.clone(), b)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || broken.with(|b| !b.is_empty())>
            <details class="broken-drafts" id="broken-drafts">
                <summary>
                    {Signal::derive(move || format!("{} 份草稿无法读取", broken.with(Vec::len)))}
                </summary>
                <ul>
                    {move || {
                        broken
                            .get()
                            .into_iter()
                            .map(|(id, name, b)| {
                                let raw = b.raw.clone();
                                let file = format!("{name}-无法读取的原文.json");
                                let delete_id = id.clone();
                                view! {
                                    <li data-draft=id>
                                        <strong>{name}</strong>
                                        <span class="reason">{b.reason}</span>
                                        <button
                                            type="button"
                                            class="small"
                                            on:click=move |_| {
                                                if let Err(e) = download(&file, "application/json", &raw) {
                                                    state.notify(true, e);
                                                }
                                            }
                                        >
                                            "下载原文"
                                        </button>
                                        <button
                                            type="button"
                                            class="small danger"
                                            on:click=move |_| {
                                                state.ask(Pending::DeleteDraft {
                                                    id: delete_id.clone(),
                                                    name: "无法读取的草稿".to_owned(),
                                                })
                                            }
                                        >
                                            "删除"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </details>
        </Show>
    }
}

/// Asks before a deletion or a download of a draft with errors.
#[component]
pub fn ConfirmBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let question = Signal::derive(move || match state.pending().get() {
        Some(Pending::DeleteDraft { name, .. }) => {
            format!("确定删除草稿“{name}”吗？删除后无法恢复（可先下载 JSON 备份）。")
        }
        Some(Pending::Restore { file, plan }) => {
            let names: Vec<String> = plan.replace.iter().map(|e| e.name()).collect();
            format!(
                "从“{file}”恢复会用备份中的版本替换本机较旧的 {} 份草稿：{}。要替换吗？（本机较新的草稿不会被覆盖，任何草稿都不会被删除。）",
                names.len(),
                names.join("、")
            )
        }
        Some(Pending::Download { kind, errors }) => {
            format!("这份草稿还有 {errors} 个错误。仍要下载{}吗？", kind.noun())
        }
        None => String::new(),
    });
    let confirm_label = Signal::derive(move || {
        match state.pending().get() {
            Some(Pending::DeleteDraft { .. }) => "删除",
            Some(Pending::Restore { .. }) => "替换并恢复",
            _ => "仍然下载",
        }
        .to_owned()
    });
    let confirm = move |_| {
        let Some(pending) = state.pending().get_untracked() else {
            return;
        };
        state.settle_pending();
        match pending {
            Pending::DeleteDraft { id, .. } => state.delete(&id),
            Pending::Download { kind, .. } => download_now(state, kind),
            Pending::Restore { file, plan } => state.apply_restore(&file, plan, true),
        }
    };
    let restore_others = move |_| {
        if let Some(Pending::Restore { file, plan }) = state.pending().get_untracked() {
            state.settle_pending();
            state.apply_restore(&file, plan, false);
        }
    };
    let restoring = move || matches!(state.pending().get(), Some(Pending::Restore { .. }));
    let button = NodeRef::<leptos::html::Button>::new();
    let cancel = NodeRef::<leptos::html::Button>::new();
    // Move focus to the question when it appears, so the keyboard user is there: on 取消 when
    // the action destroys or replaces something (an Enter too many then does nothing).
    Effect::new(move |_| {
        let target = match state.pending().get() {
            None => return,
            Some(Pending::Download { .. }) => button,
            Some(Pending::DeleteDraft { .. } | Pending::Restore { .. }) => cancel,
        };
        if let Some(b) = target.get() {
            let _ = b.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
    view! {
        <Show when=move || state.pending().with(Option::is_some)>
            <div class="confirm" role="alertdialog" aria-labelledby="confirm-question" id="confirm">
                <p id="confirm-question">{question}</p>
                <button type="button" id="confirm-yes" class="danger" node_ref=button on:click=confirm>
                    {confirm_label}
                </button>
                <button type="button" id="confirm-others" hidden=move || !restoring() on:click=restore_others>
                    "不替换，只恢复其余的"
                </button>
                <button type="button" id="confirm-no" node_ref=cancel on:click=move |_| state.settle_pending()>
                    "取消"
                </button>
            </div>
        </Show>
    }
}

/// Another tab changed or deleted the open draft: nothing is overwritten until the user chooses.
#[component]
pub fn ConflictBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let changed = move || state.conflict().get() == Some(Conflict::ChangedElsewhere);
    let cleared = move || state.conflict().get() == Some(Conflict::Cleared);
    let question = Signal::derive(move || {
        match state.conflict().get() {
        Some(Conflict::ChangedElsewhere) => {
            "另一个标签页也修改并保存了这份草稿。本页的修改没有保存，也没有覆盖对方的内容。请选择："
                .to_owned()
        }
        Some(Conflict::DeletedElsewhere) => {
            "这份草稿已在另一个标签页中删除。本页内容仍在屏幕上，尚未保存。请选择：".to_owned()
        }
        Some(Conflict::Cleared) => {
            "本浏览器中保存的草稿已被清除（可能是清除了浏览数据，或在另一个标签页中清除）。本页内容仍在屏幕上，尚未保存。请选择："
                .to_owned()
        }
        None => String::new(),
    }
    });
    view! {
        <Show when=move || state.conflict().with(Option::is_some)>
            <div class="confirm" role="alertdialog" aria-labelledby="conflict-question" id="conflict">
                <p id="conflict-question">{question}</p>
                // Cleared: store it again under its own name; deleted elsewhere: keep it as a
                // new draft beside what the other tab left.
                <button
                    type="button"
                    id=move || if cleared() { "conflict-store-again" } else { "conflict-keep" }
                    on:click=move |_| if cleared() { state.store_again() } else { state.keep_as_new() }
                >
                    {move || if cleared() { "重新保存本页内容" } else { "把本页内容另存为新草稿" }}
                </button>
                <Show when=changed>
                    <button type="button" id="conflict-take" class="danger" on:click=move |_| state.take_stored()>
                        "载入另一标签页的版本（放弃本页修改）"
                    </button>
                </Show>
                <button type="button" on:click=move |_| download_now(state, DownloadKind::Json)>
                    "下载本页内容（JSON）"
                </button>
            </div>
        </Show>
    }
}

/// Import results and storage problems.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || state.notice().with(Option::is_some)>
            <div
                id="notice"
                class="notice"
                class:notice-error=move || state.notice().with(|n| n.as_ref().is_some_and(|n| n.is_error))
                role="alert"
            >
                <p>
                    {Signal::derive(move || {
                        state.notice().with(|n| n.as_ref().map(|n| n.text.clone()).unwrap_or_default())
                    })}
                </p>
                <button type="button" class="small" on:click=move |_| state.dismiss_notice()>"知道了"</button>
            </div>
        </Show>
    }
}

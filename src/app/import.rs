//! Importing a colleague's draft file: by the file picker or by dropping it on the page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::dom::js_error_text;
use super::state::AppState;
use crate::backup::{BackupError, MAX_BACKUP_BYTES};
use crate::draft_file::{ReadError, MAX_FILE_BYTES};

#[component]
pub fn ImportButton() -> impl IntoView {
    view! { <FileButton id="import" label="导入草稿…" on_files=import_files /> }
}

/// 从备份恢复: a backup file restored into storage.
#[component]
pub fn RestoreButton() -> impl IntoView {
    let restore = |state: AppState, files: &web_sys::FileList| {
        if let Some(file) = files.get(0) {
            let too_large = |bytes| BackupError::TooLarge { bytes }.to_string();
            read_file(
                state,
                file,
                MAX_BACKUP_BYTES,
                too_large,
                |state, name, read| match read {
                    Ok(bytes) => state.restore(name, &bytes),
                    Err(reason) => state.refuse_restore(name, &reason),
                },
            );
        }
    };
    view! { <FileButton id="restore" label="从备份恢复…" on_files=restore /> }
}

/// A button that opens a picker for `.json` files (the hidden input `{id}-file`, the button
/// `{id}-button`) and hands the chosen files to `on_files`.
#[component]
fn FileButton(
    id: &'static str,
    label: &'static str,
    on_files: fn(AppState, &web_sys::FileList),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |ev: web_sys::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(files) = el.files() {
            on_files(state, &files);
        }
        // Choosing the same file again must read it again.
        el.set_value("");
    };
    view! {
        <button
            type="button"
            id=format!("{id}-button")
            on:click=move |_| {
                if let Some(el) = input.get() {
                    el.click();
                }
            }
        >
            {label}
        </button>
        <input
            type="file"
            id=format!("{id}-file")
            accept=".json,application/json"
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            node_ref=input
            on:change=on_change
        />
    }
}

/// Imports every file of a list (each opens as a new draft): draft files, and reports
/// (`.docx`, `.txt`…) dropped on the page, which are read as 从往年报告导入 reads them.
pub fn import_files(state: AppState, files: &web_sys::FileList) {
    for i in 0..files.length() {
        if let Some(file) = files.get(i) {
            if super::report_import::is_report_file(&file.name()) {
                super::report_import::read_report_file(state, file);
                continue;
            }
            let too_large = |bytes| ReadError::TooLarge { bytes }.to_string();
            read_file(
                state,
                file,
                MAX_FILE_BYTES,
                too_large,
                |state, name, read| match read {
                    Ok(bytes) => state.import(name, &bytes),
                    Err(reason) => state.refuse_import(name, &reason),
                },
            );
        }
    }
}

/// Reads a chosen file's bytes and hands them, or why they could not be read, to `then`; a
/// file over `limit` is refused (`too_large`) before a byte of it is read.
pub(super) fn read_file(
    state: AppState,
    file: web_sys::File,
    limit: usize,
    too_large: fn(usize) -> String,
    then: fn(AppState, &str, Result<Vec<u8>, String>),
) {
    let name = file.name();
    let size = file.size();
    if size > limit as f64 {
        then(state, &name, Err(too_large(size as usize)));
        return;
    }
    spawn_local(async move {
        let read = JsFuture::from(file.array_buffer())
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .map_err(|e| format!("无法读取文件（{}）", js_error_text(&e)));
        then(state, &name, read);
    });
}

/// Listens for files dragged onto the page; `dragging` is true while they hover over it.
pub fn listen_for_drops(state: AppState, dragging: RwSignal<bool>) {
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer()
            .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
    };
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window, not just moving between elements.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|dt| dt.files()) {
            if files.length() > 0 {
                ev.prevent_default();
                import_files(state, &files);
            }
        }
    });
    // The listeners live as long as the page.
    std::mem::forget((over, leave, drop));
}

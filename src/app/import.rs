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
            import_files(state, &files);
        }
        // Choosing the same file again must import it again.
        el.set_value("");
    };
    view! {
        <button
            type="button"
            id="import-button"
            on:click=move |_| {
                if let Some(el) = input.get() {
                    el.click();
                }
            }
        >
            "导入草稿…"
        </button>
        <input
            type="file"
            id="import-file"
            accept=".json,application/json"
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            node_ref=input
            on:change=on_change
        />
    }
}

/// 从备份恢复: a file picker for a backup file.
#[component]
pub fn RestoreButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |ev: web_sys::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = el.files().and_then(|files| files.get(0)) {
            restore_file(state, file);
        }
        el.set_value("");
    };
    view! {
        <button
            type="button"
            id="restore-button"
            on:click=move |_| {
                if let Some(el) = input.get() {
                    el.click();
                }
            }
        >
            "从备份恢复…"
        </button>
        <input
            type="file"
            id="restore-file"
            accept=".json,application/json"
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            node_ref=input
            on:change=on_change
        />
    }
}

fn restore_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let size = file.size();
    if size > MAX_BACKUP_BYTES as f64 {
        let bytes = size as usize;
        state.refuse_restore(&name, &BackupError::TooLarge { bytes }.to_string());
        return;
    }
    spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                state.restore(&name, &bytes);
            }
            Err(e) => {
                state.refuse_restore(&name, &format!("无法读取文件（{}）", js_error_text(&e)))
            }
        }
    });
}

/// Imports every file of a list (each opens as a new draft).
pub fn import_files(state: AppState, files: &web_sys::FileList) {
    for i in 0..files.length() {
        if let Some(file) = files.get(i) {
            import_file(state, file);
        }
    }
}

fn import_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    // Refuse an oversized file before reading a byte of it.
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        let bytes = size as usize;
        state.refuse_import(&name, &ReadError::TooLarge { bytes }.to_string());
        return;
    }
    spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                state.import(&name, &bytes);
            }
            Err(e) => state.refuse_import(&name, &format!("无法读取文件（{}）", js_error_text(&e))),
        }
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

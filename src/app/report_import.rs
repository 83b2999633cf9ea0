//! 从往年报告导入 (REPORT.md §8): last year's report, pasted, or a `.txt` or `.docx` chosen or
//! dropped on the page, read into a new draft by the core's reader in the on-demand module (which
//! also unpacks a `.docx`); and the panel 未识别的内容 that lists what it could not place, to copy
//! into a field or dismiss, piece by piece.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::import::read_file;
use super::state::AppState;
use crate::report_file::{report_source, Source, SourceError, MAX_REPORT_BYTES};

/// Files dropped on the page with these endings are reports to read, not draft files.
const REPORT_ENDINGS: [&str; 4] = [".docx", ".doc", ".wps", ".txt"];

/// Whether a file of this name is a report (by its ending, in any case) rather than a draft
/// file. ASCII case only: `str::to_lowercase` would bring Unicode's case tables (13 KB) into
/// the first load.
pub fn is_report_file(name: &str) -> bool {
    let name = name.as_bytes();
    REPORT_ENDINGS.iter().any(|ending| {
        name.len()
            .checked_sub(ending.len())
            .and_then(|start| name.get(start..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(ending.as_bytes()))
    })
}

/// Reads a report file into a new draft: a text file at once, a Word document through the
/// on-demand module.
pub fn read_report_file(state: AppState, file: web_sys::File) {
    let too_large = |bytes| SourceError::TooLarge { bytes }.to_string();
    read_file(
        state,
        file,
        MAX_REPORT_BYTES,
        too_large,
        |state, name, read| {
            let bytes = match read {
                Ok(bytes) => bytes,
                Err(reason) => return state.refuse_report(name, &reason),
            };
            match report_source(&bytes) {
                Ok(Source::Text(text)) => state.new_from_report(name, &text),
                Ok(Source::Word) => state.open_reading_when_read(name, async move {
                    super::office::read_report_file(&bytes).await
                }),
                Err(reason) => state.refuse_report(name, &reason.to_string()),
            }
        },
    );
}

/// Whether the 从往年报告导入 panel is open.
#[derive(Clone, Copy)]
pub struct ReportImportOpen(pub RwSignal<bool>);

#[component]
pub fn ReportImport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ReportImportOpen(open) = expect_context::<ReportImportOpen>();
    let area = NodeRef::<leptos::html::Textarea>::new();
    let file = NodeRef::<leptos::html::Input>::new();
    let read = move |_| {
        let Some(el) = area.get() else { return };
        let text = el.value();
        state.new_from_report("粘贴的报告", &text);
        if !crate::text::is_blank(&text) {
            el.set_value("");
            open.set(false);
        }
    };
    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(chosen) = input.files().and_then(|f| f.get(0)) {
            read_report_file(state, chosen);
            open.set(false);
        }
        input.set_value("");
    };
    view! {
        <section class="report-import" id="report-import" hidden=move || !open.get() aria-labelledby="report-import-title">
            <h2 id="report-import-title">"从往年报告导入"</h2>
            <p>
                "在 Word 或 WPS 中打开往年的报告，全选、复制，粘贴到下面；或选择报告的 Word 文档（.docx）或文本文件（.txt），也可以直接拖到本页面上。"
                "将按报告的十个部分新建一份草稿，当前草稿不会改动；没能识别的内容会列出来，不会丢失。"
            </p>
            <label for="report-text">"报告全文"</label>
            <textarea id="report-text" rows="8" node_ref=area></textarea>
            <div class="actions">
                <button type="button" id="report-read" on:click=read>"读取并新建草稿"</button>
                <button
                    type="button"
                    id="report-file-button"
                    on:click=move |_| {
                        if let Some(el) = file.get() {
                            el.click();
                        }
                    }
                >
                    "选择文件（.docx、.txt）…"
                </button>
                <input
                    type="file"
                    id="report-file"
                    accept=".txt,.docx,text/plain"
                    class="visually-hidden"
                    tabindex="-1"
                    aria-hidden="true"
                    node_ref=file
                    on:change=on_file
                />
                <button type="button" id="report-close" on:click=move |_| open.set(false)>"关闭"</button>
            </div>
        </section>
    }
}

/// 未识别的内容: what reading the report could not place, each piece with where it stood.
#[component]
pub fn UnplacedPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.unplaced().with(Vec::len));
    view! {
        <section class="unplaced" id="unplaced" hidden=move || { count.get() == 0 } aria-labelledby="unplaced-title">
            <h2 id="unplaced-title">{move || format!("未识别的内容（{} 段）", count.get())}</h2>
            <p>"以下内容没能放进表单的字段：请复制到合适的字段中，或确认不需要后移除。"</p>
            <ol>
                <For
                    each=move || state.unplaced().get()
                    key=|piece| piece.line
                    children=move |piece| {
                        let line = piece.line;
                        let text = piece.text.clone();
                        let copy = move |_| {
                            if !super::dom::copy_text(&text) {
                                state.notify(true, "无法复制：请选中这段文字后按 Ctrl+C。".to_owned());
                            }
                        };
                        view! {
                            <li data-line=line>
                                <p class="place">{piece.place()}</p>
                                <p class="unplaced-text">{piece.text.clone()}</p>
                                <button type="button" class="small" data-action="copy" on:click=copy>"复制"</button>
                                <button
                                    type="button"
                                    class="small"
                                    data-action="dismiss"
                                    on:click=move |_| state.dismiss_unplaced(line)
                                >
                                    "不需要，移除"
                                </button>
                            </li>
                        }
                    }
                />
            </ol>
        </section>
    }
}

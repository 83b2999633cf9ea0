//! 从往年报告导入 (REPORT.md §8): last year's report, pasted or from a `.txt`, read into a new
//! draft by the core's reader; and the panel 未识别的内容 that lists what it could not place, to
//! copy into a field or dismiss, piece by piece.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::import::read_file;
use super::state::AppState;
use crate::report_file::{report_text, SourceError, MAX_REPORT_BYTES};

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
            let too_large = |bytes| SourceError::TooLarge { bytes }.to_string();
            read_file(
                state,
                chosen,
                MAX_REPORT_BYTES,
                too_large,
                |state, name, read| match read
                    .and_then(|bytes| report_text(&bytes).map_err(|e| e.to_string()))
                {
                    Ok(text) => state.new_from_report(name, &text),
                    Err(reason) => state.notify(true, format!("无法读取“{name}”：{reason}")),
                },
            );
            open.set(false);
        }
        input.set_value("");
    };
    view! {
        <section class="report-import" id="report-import" hidden=move || !open.get() aria-labelledby="report-import-title">
            <h2 id="report-import-title">"从往年报告导入"</h2>
            <p>
                "在 Word 或 WPS 中打开往年的报告，全选、复制，粘贴到下面；或选择报告的文本文件（.txt）。"
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
                    "选择文件（.txt）…"
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
    let count = Memo::new(move |_| state.unplaced.with(Vec::len));
    view! {
        <section class="unplaced" id="unplaced" hidden=move || { count.get() == 0 } aria-labelledby="unplaced-title">
            <h2 id="unplaced-title">{move || format!("未识别的内容（{} 段）", count.get())}</h2>
            <p>"以下内容没能放进表单的字段：请复制到合适的字段中，或确认不需要后移除。"</p>
            <ol>
                <For
                    each=move || state.unplaced.get()
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

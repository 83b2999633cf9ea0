//! The browser app: a thin Leptos shell over the core. Components turn events into calls on
//! [`state::AppState`] and the core's results (`check()`, `Figures`, the exports) into DOM;
//! no rule, arithmetic or report formatting lives here.

mod dom;
mod field;
mod findings;
mod form;
mod import;
mod later;
mod office;
mod preview;
mod report_import;
mod rescue;
mod rows;
mod scorecard;
mod state;
mod storage;
mod toolbar;
#[cfg(test)]
mod wasm_tests;

use leptos::prelude::*;

use crate::export::{print_note, render_json};
use findings::{FiguresPanel, FindingsSummary, SectionNav};
use form::ReportForm;
use preview::Preview;
use state::AppState;
use toolbar::{ConfirmBar, ConflictBar, NoticeBar, Toolbar};

/// Mounts the app on the page, unless the start-up guard (web/guard.js) found the browser
/// unable to run it and shows its message instead.
pub fn start() {
    rescue::install_panic_hook();
    if dom::guard_says_unsupported() {
        return;
    }
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::start();
    provide_context(state);
    let preview_open = RwSignal::new(false);
    provide_context(PreviewOpen(preview_open));
    provide_context(report_import::ReportImportOpen(RwSignal::new(false)));
    let dragging = RwSignal::new(false);
    import::listen_for_drops(state, dragging);
    listen_for_leaving(state);
    listen_for_keys(state, preview_open);

    view! {
        <a class="skip-link" href="#findings">"跳到检查结果"</a>
        <Toolbar preview_open=preview_open />
        <ConfirmBar />
        <ConflictBar />
        <NoticeBar />
        <report_import::ReportImport />
        // The rail holds the navigation and the figures: on a wide screen they are the left and
        // right columns; narrower (1024 px), one sticky column on the left, so both stay reachable.
        <div class="layout">
            <div class="rail">
                <SectionNav />
                <aside class="side">
                    <FiguresPanel />
                </aside>
            </div>
            <main id="main">
                <Show when=move || preview_open.get()>
                    <Preview open=preview_open />
                </Show>
                // The form stays mounted while the preview shows: a large draft is not redrawn.
                <div class="editor" hidden=move || preview_open.get()>
                    <report_import::UnplacedPanel />
                    <FindingsSummary />
                    <ReportForm />
                </div>
            </main>
        </div>
        // What the page prints: the report, put here just before printing (see print_the_report).
        <div id="print-report"></div>
        <Show when=move || dragging.get()>
            <div class="drop-overlay" aria-hidden="true">
                <p>"松开鼠标，把草稿文件作为新草稿导入"</p>
            </div>
        </Show>
    }
}

/// Whether the report preview shows in place of the form (the toolbar's 预览与打印).
#[derive(Clone, Copy)]
pub struct PreviewOpen(pub RwSignal<bool>);

/// Esc closes the preview, back to the form; Ctrl+P prints the report (see [`print_the_report`]).
fn listen_for_keys(state: AppState, preview_open: RwSignal<bool>) {
    print_the_report(state);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && preview_open.get_untracked() {
            preview_open.set(false);
        }
        // The printed report comes from the on-demand module, which `beforeprint` cannot wait
        // for: until it is loaded, Ctrl+P loads it first, then prints.
        let print = (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("p");
        if print && !office::is_loaded() {
            ev.prevent_default();
            leptos::task::spawn_local(async move {
                let printed = office::load().await.and_then(|()| {
                    let window = web_sys::window().ok_or_else(String::new)?;
                    window.print().map_err(|e| dom::js_error_text(&e))
                });
                if let Err(e) = printed {
                    state.notify(true, format!("无法打印报告：{e}"));
                }
            });
        }
    });
    std::mem::forget(keys);
}

/// Printing from anywhere in the app (Ctrl+P, the browser's menu, the preview) prints the
/// report, not the form: just before printing, the report and its style sheet are put into
/// `#print-report`, the only thing the app's print style shows; after printing they go again.
/// They come from the on-demand module; printed before it is loaded (from the browser's menu,
/// which the app cannot hold back), the page says so and the module starts loading.
fn print_the_report(state: AppState) {
    let fill = |html: &str| {
        if let Some(el) = dom::document().and_then(|d| d.get_element_by_id("print-report")) {
            el.set_inner_html(html);
        }
    };
    let before = window_event_listener_untyped("beforeprint", move |_| {
        let json = state.draft().with_untracked(render_json);
        let report = json
            .map_err(|e| e.to_string())
            .map(|json| office::print_of_draft_now(&json));
        fill(&match report {
            Ok(Some(Ok(report))) => report,
            Ok(None) => print_note(PRINT_NOT_READY),
            Ok(Some(Err(e))) | Err(e) => print_note(&format!("无法打印报告：{e}")),
        });
    });
    let after = window_event_listener_untyped("afterprint", move |_| fill(""));
    std::mem::forget((before, after));
}

/// What prints while the report is not ready yet.
const PRINT_NOT_READY: &str = "报告的打印内容正在加载，这次打印不含报告。\
请取消这次打印，稍候按 Ctrl+P 或点“预览与打印”再打印。";

/// Saves when the page is hidden or left, and warns before leaving when the draft could not be
/// saved.
fn listen_for_leaving(state: AppState) {
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if dom::document().is_some_and(|d| d.hidden()) {
            state.save_now();
        }
    });
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| state.save_now());
    let beforeunload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        state.save_now();
        if state.has_unsaved_edits() {
            ev.prevent_default();
            ev.set_return_value("草稿没有保存到本机，离开前请先下载 JSON。");
        }
    });
    // Another tab wrote to storage: a draft there may be the one open here.
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        state.storage_changed(ev.key(), ev.new_value());
    });
    // These listeners live as long as the page.
    std::mem::forget((hidden, pagehide, beforeunload, storage));
}

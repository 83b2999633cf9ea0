//! The report as it will be downloaded, shown in the page, with a print button (A4 styles).

use leptos::prelude::*;

use super::state::AppState;
use crate::export::render_html;

#[component]
pub fn Preview(open: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let print = move |_| {
        if let Some(window) = frame.get().and_then(|f| f.content_window()) {
            if let Err(e) = window.print() {
                state.notify(true, format!("无法打印：{}", super::dom::js_error_text(&e)));
            }
        }
    };
    view! {
        <section class="preview" id="preview" aria-labelledby="preview-title">
            <div class="preview-bar">
                <h2 id="preview-title">"报告预览"</h2>
                <button type="button" id="print" on:click=print>"打印"</button>
                <button type="button" on:click=move |_| open.set(false)>"返回填写"</button>
            </div>
            // The exported document has no script; the sandbox keeps it that way and still lets it
            // print. allow-same-origin (without allow-scripts) lets this page call print().
            <iframe
                node_ref=frame
                title="报告预览"
                sandbox="allow-modals allow-same-origin"
                srcdoc=move || state.draft().with(render_html)
            ></iframe>
        </section>
    }
}

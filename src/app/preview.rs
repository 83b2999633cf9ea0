//! The report as it will be downloaded, shown in the page, with a print button (A4 styles). The
//! document comes from the on-demand module (the HTML export lives there), loaded the first
//! time the preview opens; until then the preview says so.

use leptos::prelude::*;

use super::state::AppState;
use crate::export::render_json;

#[component]
pub fn Preview(open: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let frame = NodeRef::<leptos::html::Iframe>::new();
    // The document of the draft as it is now: None while it is being made.
    let document = RwSignal::new(None::<Result<String, String>>);
    // Only the latest request's answer is shown: the draft may change while one is under way.
    let asked = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let json = state.draft().with(render_json).map_err(|e| e.to_string());
        let this = asked.try_get_value().unwrap_or(0).wrapping_add(1);
        asked.try_set_value(this);
        leptos::task::spawn_local(async move {
            let result = match json {
                Ok(json) => super::office::html_of_draft(&json).await,
                Err(e) => Err(e),
            };
            if asked.try_get_value() == Some(this) {
                document.try_set(Some(result));
            }
        });
    });
    let shown = move || document.with(|d| matches!(d, Some(Ok(_))));
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
                <button type="button" id="print" disabled=move || !shown() on:click=print>"打印"</button>
                <button type="button" on:click=move |_| open.set(false)>"返回填写"</button>
            </div>
            <p class="preview-status" role="status" hidden=shown>
                {move || {
                    document.with(|d| match d {
                        None => "正在准备报告预览……".to_owned(),
                        Some(Err(e)) => format!("无法显示报告预览：{e}"),
                        Some(Ok(_)) => String::new(),
                    })
                }}
            </p>
            // The exported document has no script; the sandbox keeps it that way and still lets it
            // print. allow-same-origin (without allow-scripts) lets this page call print().
            <iframe
                node_ref=frame
                title="报告预览"
                hidden=move || !shown()
                sandbox="allow-modals allow-same-origin"
                srcdoc=move || {
                    document.with(|d| match d {
                        Some(Ok(html)) => html.clone(),
                        _ => String::new(),
                    })
                }
            ></iframe>
        </section>
    }
}

//! Calls into the on-demand module (`src/office.rs`, loaded by `web/office.js` on first use): the
//! Word writer, the `.docx` reader, the reader of a report's text and the HTML export, which the
//! first load does not carry.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::dom::js_error_text;
use crate::reader::Reading;

#[wasm_bindgen]
extern "C" {
    /// `window.selfevalOffice(name, argument)`: a promise of the module function's result.
    #[wasm_bindgen(js_name = selfevalOffice, catch)]
    fn office(name: &str, argument: &JsValue) -> Result<js_sys::Promise, JsValue>;

    /// `window.selfevalOffice.now(name, argument)`: the result once the module is loaded; until
    /// then null, and the module starts loading.
    #[wasm_bindgen(js_namespace = selfevalOffice, js_name = now, catch)]
    fn office_now(name: &str, argument: &JsValue) -> Result<JsValue, JsValue>;

    /// `window.selfevalOffice.load()`: a promise that the module is loaded.
    #[wasm_bindgen(js_namespace = selfevalOffice, js_name = load, catch)]
    fn office_load() -> Result<js_sys::Promise, JsValue>;

    /// `window.selfevalOffice.loaded()`.
    #[wasm_bindgen(js_namespace = selfevalOffice, js_name = loaded, catch)]
    fn office_loaded() -> Result<bool, JsValue>;
}

async fn call(name: &str, argument: JsValue) -> Result<JsValue, String> {
    settled(office(name, &argument)).await
}

/// What a promise of the loader's came to; its failures told as [`failed`].
async fn settled(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(promise.map_err(|e| failed(&e))?)
        .await
        .map_err(|e| failed(&e))
}

/// The module's own messages (and the loader's) are strings for the user; anything else is a
/// fault, told in Chinese with the browser's detail.
fn failed(e: &JsValue) -> String {
    e.as_string()
        .unwrap_or_else(|| format!("报告读写组件出错（{}）：请刷新页面后重试", js_error_text(e)))
}

/// The report of the draft file `draft_json` as a `.docx`.
pub async fn docx_of_draft(draft_json: &str) -> Result<Vec<u8>, String> {
    let bytes = call("docxOfDraft", JsValue::from_str(draft_json)).await?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// The report of the draft file `draft_json` as one HTML document.
pub async fn html_of_draft(draft_json: &str) -> Result<String, String> {
    text(call("htmlOfDraft", JsValue::from_str(draft_json)).await?)
}

/// Loads the module (once; a failed load is tried again next time).
pub async fn load() -> Result<(), String> {
    settled(office_load()).await.map(drop)
}

/// What printing puts on the page for the draft file `draft_json`
/// ([`crate::export::render_print`]), at once, for the browser's `beforeprint`, which cannot
/// wait: `None` while the module is not loaded yet (this starts loading it).
pub fn print_of_draft_now(draft_json: &str) -> Option<Result<String, String>> {
    match office_now("printOfDraft", &JsValue::from_str(draft_json)) {
        Ok(result) if result.is_null() => None,
        Ok(result) => Some(text(result)),
        Err(e) => Some(Err(failed(&e))),
    }
}

/// Whether the module is loaded, so that its results come at once.
pub fn is_loaded() -> bool {
    office_loaded().unwrap_or(false)
}

fn text(result: JsValue) -> Result<String, String> {
    result.as_string().ok_or_else(unusable)
}

fn unusable() -> String {
    "报告读写组件没有返回可用的结果：请刷新页面后重试".to_owned()
}

/// A report's text read into a draft.
pub async fn read_report(text: &str) -> Result<Reading, String> {
    reading(call("readReport", JsValue::from_str(text)).await?)
}

/// A report file (a `.docx`) read into a draft.
pub async fn read_report_file(bytes: &[u8]) -> Result<Reading, String> {
    reading(call("readReportFile", js_sys::Uint8Array::from(bytes).into()).await?)
}

fn reading(json: JsValue) -> Result<Reading, String> {
    json.as_string()
        .and_then(|json| Reading::from_json(&json))
        .ok_or_else(unusable)
}

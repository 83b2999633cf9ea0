//! Calls into the on-demand module (`src/office.rs`, loaded by `web/office.js` on first use): the
//! Word writer, the `.docx` reader and the reader of a report's text, which the first load does
//! not carry.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::dom::js_error_text;
use crate::reader::Reading;

#[wasm_bindgen]
extern "C" {
    /// `window.selfevalOffice(name, argument)`: a promise of the module function's result.
    #[wasm_bindgen(js_name = selfevalOffice, catch)]
    fn office(name: &str, argument: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

async fn call(name: &str, argument: JsValue) -> Result<JsValue, String> {
    let promise = office(name, &argument).map_err(|e| failed(&e))?;
    JsFuture::from(promise).await.map_err(|e| failed(&e))
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
        .ok_or_else(|| "报告读写组件没有返回可用的结果：请刷新页面后重试".to_owned())
}

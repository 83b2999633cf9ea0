//! Calls into the on-demand module (`src/office.rs`, loaded by `web/office.js` on first use): the
//! Word writer and the `.docx` reader, which the first load does not carry.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::dom::js_error_text;

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
        .unwrap_or_else(|| format!("Word 组件出错（{}）：请刷新页面后重试", js_error_text(e)))
}

/// The report of the draft file `draft_json` as a `.docx`.
pub async fn docx_of_draft(draft_json: &str) -> Result<Vec<u8>, String> {
    let bytes = call("docxOfDraft", JsValue::from_str(draft_json)).await?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// The text of a report file (a `.docx`).
pub async fn report_text_of(bytes: &[u8]) -> Result<String, String> {
    let text = call("reportTextOf", js_sys::Uint8Array::from(bytes).into()).await?;
    text.as_string()
        .ok_or_else(|| "Word 组件没有返回文字：请刷新页面后重试".to_owned())
}

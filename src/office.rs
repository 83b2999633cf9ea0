//! `office`: the on-demand module of the browser app (issue 14). The Word writer, the `.docx`
//! reader (the `zip`, `flate2` and `quick-xml` crates), the reader of a report's text and the
//! HTML export (the download, the preview and what printing puts on the page) are rarely used,
//! so they live in this second wasm module, which trunk builds beside the app
//! (`data-type="worker"`, wasm-bindgen's `no-modules` glue) and `web/office.js` fetches the
//! first time the user asks for one of them; the service worker caches it with the rest, and
//! the single-file edition carries it inline.
//!
//! It exports functions over the core, nothing else: no state, no DOM.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// The draft file's text → the report as a `.docx`: the bytes `selfeval export --docx`
    /// writes for that draft. Errors are the user's messages.
    #[wasm_bindgen(js_name = docxOfDraft)]
    pub fn docx_of_draft(draft_json: &str) -> Result<Vec<u8>, String> {
        selfeval::export::render_docx(&draft_of(draft_json)?).map_err(|e| e.to_string())
    }

    /// The draft file's text → the report as one HTML document: what `selfeval export --html`
    /// writes for that draft, downloaded and shown in the preview.
    #[wasm_bindgen(js_name = htmlOfDraft)]
    pub fn html_of_draft(draft_json: &str) -> Result<String, String> {
        Ok(selfeval::export::render_html(&draft_of(draft_json)?))
    }

    /// The draft file's text → what the app prints ([`selfeval::export::render_print`]).
    #[wasm_bindgen(js_name = printOfDraft)]
    pub fn print_of_draft(draft_json: &str) -> Result<String, String> {
        Ok(selfeval::export::render_print(&draft_of(draft_json)?))
    }

    /// The draft the app sent, as its draft file's text; a read error is the user's message.
    fn draft_of(draft_json: &str) -> Result<selfeval::Draft, String> {
        selfeval::read_draft(draft_json).map_err(|e| e.to_string())
    }

    /// A report file (a `.docx`, or a text file) → its text, one line per paragraph.
    #[wasm_bindgen(js_name = reportTextOf)]
    pub fn report_text_of(bytes: &[u8]) -> Result<String, String> {
        selfeval::report_file::report_text(bytes).map_err(|e| e.to_string())
    }

    /// A report's text → the draft it reads into and what could not be placed, as
    /// [`selfeval::reader::Reading::to_json`] writes them.
    #[wasm_bindgen(js_name = readReport)]
    pub fn read_report(text: &str) -> Result<String, String> {
        selfeval::reader::read_report(text)
            .to_json()
            .map_err(|e| e.to_string())
    }

    /// A report file (a `.docx`, or a text file) → its reading, as [`read_report`].
    #[wasm_bindgen(js_name = readReportFile)]
    pub fn read_report_file(bytes: &[u8]) -> Result<String, String> {
        read_report(&report_text_of(bytes)?)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("office: the browser app's on-demand module; the command line is `selfeval`");
    std::process::ExitCode::from(2)
}

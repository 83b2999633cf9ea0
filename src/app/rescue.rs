//! The last line of defence: should the app ever panic (in wasm that stops it for good), a banner
//! tells the user and offers what is on screen as a draft file to download, built from the
//! fields themselves, so nothing typed is lost.

use wasm_bindgen::JsCast;

use super::dom::{blob_url, document};
use crate::draft_file::{write_draft, MAX_ROWS};
use crate::export::json_file_name;
use crate::model::Draft;
use crate::outline::Path;

/// The draft as the fields on screen show it (each input carries `data-path`).
pub fn draft_on_screen() -> Draft {
    let mut draft = Draft::default();
    let Some(nodes) = document().and_then(|d| d.query_selector_all("[data-path]").ok()) else {
        return draft;
    };
    for i in 0..nodes.length() {
        let Some(node) = nodes.item(i) else { continue };
        let (path, value) = if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            (input.get_attribute("data-path"), input.value())
        } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            (area.get_attribute("data-path"), area.value())
        } else if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            (select.get_attribute("data-path"), select.value())
        } else {
            continue;
        };
        let Some(path) = path.and_then(|p| p.parse::<Path>().ok()) else {
            continue;
        };
        if let Some((list, row)) = path.row() {
            if row >= MAX_ROWS {
                continue;
            }
            while draft.rows(list) <= row {
                draft.insert_row(list, usize::MAX);
            }
        }
        draft.set_field(path, &value);
    }
    draft
}

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_recovery_banner();
    }));
}

pub(super) fn show_recovery_banner() {
    let Some(doc) = document() else { return };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("crash-banner").is_some() {
        return;
    }
    let draft = draft_on_screen();
    let Ok(banner) = doc.create_element("div") else {
        return;
    };
    banner.set_id("crash-banner");
    let _ = banner.set_attribute("role", "alert");
    let Ok(text) = doc.create_element("p") else {
        return;
    };
    text.set_text_content(Some(
        "程序出错，页面已停止工作。请先下载屏幕上的草稿保存，再刷新页面。",
    ));
    let _ = banner.append_child(&text);
    match write_draft(&draft) {
        Ok(json) => {
            if let Some(link) = download_link(&doc, &json_file_name(&draft), &json) {
                let _ = banner.append_child(&link);
            }
        }
        Err(e) => {
            if let Ok(reason) = doc.create_element("p") {
                reason.set_text_content(Some(&e.to_string()));
                let _ = banner.append_child(&reason);
            }
        }
    }
    let _ = body.insert_before(&banner, body.first_child().as_ref());
}

/// A plain link with the file in a Blob URL: it works after the wasm has stopped.
fn download_link(
    doc: &web_sys::Document,
    file_name: &str,
    content: &str,
) -> Option<web_sys::Element> {
    let url = blob_url(content, "application/json").ok()?;
    let link: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_id("crash-download");
    link.set_text_content(Some("下载当前草稿（JSON）"));
    Some(link.into())
}

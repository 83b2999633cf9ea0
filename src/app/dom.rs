//! Small browser helpers: focusing a field, downloading a file, the clock. None of them panics:
//! a missing window or element is simply nothing done.

use wasm_bindgen::{JsCast, JsValue};

use crate::outline::Path;

pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The element id of a field: `f-` and its path (`f-general_budget.projects[2].amount`).
pub fn field_id(path: Path) -> String {
    format!("f-{path}")
}

/// The id of a section's heading, for the section navigation.
pub fn section_id(section: crate::outline::Section) -> String {
    format!("s-{}", section.anchor())
}

/// Moves focus to a field (or a list's first control) and brings it into view, drawing the
/// sections not drawn yet first.
pub fn focus_field(path: Path) -> bool {
    super::later::draw_the_rest();
    let Some(el) = document().and_then(|d| d.get_element_by_id(&field_id(path))) else {
        return false;
    };
    bring_into_view(
        el.clone(),
        web_sys::ScrollLogicalPosition::Center,
        WATCHED_FRAMES,
    );
    el.dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|el| el.focus().is_ok())
}

/// How many frames [`bring_into_view`] keeps an element in view: the browser draws the rows and
/// sections that come near only a few frames after the scroll (seen: the third).
const WATCHED_FRAMES: u8 = 12;

/// Scrolls an element to `block` of the screen (its middle, or its top under the sticky bars),
/// and again in the next `frames` frames whenever it has moved from there: rows and sections off
/// the screen are drawn only when they come near (`content-visibility`), and what they turn out
/// to measure moves it. The user's own scroll ends the watch.
fn bring_into_view(el: web_sys::Element, block: web_sys::ScrollLogicalPosition, frames: u8) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    let top = el.get_bounding_client_rect().top();
    watch(el, block, frames, (scroll_y(), top));
}

/// [`bring_into_view`]'s watch: `at` is the scroll and the element's top it left.
fn watch(el: web_sys::Element, block: web_sys::ScrollLogicalPosition, frames: u8, at: (f64, f64)) {
    if frames == 0 {
        return;
    }
    leptos::prelude::request_animation_frame(move || {
        if (scroll_y() - at.0).abs() > 1.0 {
            return;
        }
        if (el.get_bounding_client_rect().top() - at.1).abs() > 1.0 {
            bring_into_view(el, block, frames - 1);
        } else {
            watch(el, block, frames - 1, at);
        }
    });
}

/// How far the page is scrolled down.
fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or_default()
}

/// Moves focus to the first element matching a CSS selector, if there is one that takes it.
pub fn focus_css(selector: &str) -> bool {
    let Some(el) = document().and_then(|d| d.query_selector(selector).ok().flatten()) else {
        return false;
    };
    el.dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|el| el.focus().is_ok())
}

/// The field an event happened in, by its `data-path`.
pub fn path_of(target: Option<web_sys::EventTarget>) -> Option<Path> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .get_attribute("data-path")?
        .parse()
        .ok()
}

/// The element an event happened on.
pub fn target_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into().ok()
}

/// Runs `change`, then keeps `element` where it was on the screen: a message appearing above
/// the field being typed in (or the one just entered) must not move the box under the cursor.
/// The page is scrolled by what the change moved the element within the document, in the next
/// animation frame, after the change is drawn and before it is painted. (The browser's own scroll
/// anchoring is off in the style sheet, so the two do not both correct; a scroll the browser
/// makes to bring a newly focused field into view moves nothing within the document and stays.)
pub fn keep_in_place(element: Option<web_sys::Element>, change: impl FnOnce()) {
    hold(element, false, change);
}

/// [`keep_in_place`] for a keystroke: while the user types in one field, the place measured in
/// the frame after the last keystroke is the place before this one, so a keystroke forces no
/// layout of its own. (Entering a field measures afresh.)
pub fn keep_in_place_typing(element: Option<web_sys::Element>, change: impl FnOnce()) {
    hold(element, true, change);
}

fn hold(element: Option<web_sys::Element>, typing: bool, change: impl FnOnce()) {
    let kept = element.is_some();
    if let Some(element) = element {
        // The place held is the one before this change when the element is the one held and
        // either a frame is still to come that puts it back (a change just before this one
        // measured it: leaving one field, then entering the next) or the user is typing on in it.
        let same = HELD.with_borrow(|held| held.as_ref().is_some_and(|(el, _)| el == &element));
        if !(same && (typing || SETTLING.get())) {
            let offset = document_offset(&element);
            HELD.set(Some((element, offset)));
        }
    }
    // After the place is measured: a summary let go to its own height is part of the change.
    hold_summary(typing);
    change();
    if kept && !SETTLING.replace(true) {
        leptos::prelude::request_animation_frame(settle);
    }
}

thread_local! {
    /// The element kept in place, and its offset in the document when last measured.
    static HELD: std::cell::RefCell<Option<(web_sys::Element, f64)>> = const { std::cell::RefCell::new(None) };
    /// A frame is coming that puts it back.
    static SETTLING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// In the frame after a change: scrolls by what the held element moved within the document.
fn settle() {
    SETTLING.set(false);
    HELD.with_borrow_mut(|held| {
        let Some((element, offset)) = held.as_mut() else {
            return;
        };
        let now = document_offset(element);
        let moved = now - *offset;
        if moved.abs() >= 0.5 {
            if let Some(window) = web_sys::window() {
                window.scroll_by_with_x_and_y(0.0, moved);
            }
        }
        *offset = now;
    });
    // While typing, the summary is held at the height it has reached, measured after the layout
    // `document_offset` just did (reading it costs none of its own).
    if let Some(held) = SUMMARY_HELD.get() {
        if let Some(summary) = summary() {
            let height = summary.get_bounding_client_rect().height().ceil();
            if height > held {
                SUMMARY_HELD.set(Some(height));
                // Whole pixels: formatting an f64 would link 7 KB of float printing. (The
                // summary has no style of its own to keep.)
                let style = format!("min-height:{}px", height as u32);
                let _ = summary.set_attribute("style", &style);
            }
        }
    }
}

/// The id of the findings summary, at the top of the form above every field.
pub const SUMMARY_ID: &str = "findings";

thread_local! {
    /// While the last change kept in place was a keystroke, the least height the findings summary
    /// is held at (0 until the frame after the first keystroke measured it); `None` otherwise.
    static SUMMARY_HELD: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}

fn summary() -> Option<web_sys::Element> {
    document()?.get_element_by_id(SUMMARY_ID)
}

/// While the user types in one field, the findings summary does not shrink: it keeps the height
/// it reached (held in the frame after a keystroke), so a finding elsewhere that comes and goes
/// with the keystrokes (基本支出 no longer matching while 人员经费 is retyped) does not move the
/// whole form under the cursor; with no move, the browser neither lays out nor repaints it again
/// (measured at CPU ×4 on the seed: about 6 ms of a keystroke's 37). Entering or leaving a field
/// lets it take its own height.
fn hold_summary(typing: bool) {
    if typing {
        SUMMARY_HELD.set(Some(SUMMARY_HELD.get().unwrap_or_default()));
    } else if SUMMARY_HELD.take().is_some_and(|held| held > 0.0) {
        if let Some(summary) = summary() {
            let _ = summary.remove_attribute("style");
        }
    }
}

/// An element's top within the document (not the screen: scrolling does not change it).
fn document_offset(element: &web_sys::Element) -> f64 {
    element.get_bounding_client_rect().top() + scroll_y()
}

/// Scrolls a section into view and focuses its heading (which has tabindex -1), drawing the
/// sections not drawn yet first.
pub fn go_to_section(section: crate::outline::Section) {
    super::later::draw_the_rest();
    if let Some(el) = document().and_then(|d| d.get_element_by_id(&section_id(section))) {
        bring_into_view(
            el.clone(),
            web_sys::ScrollLogicalPosition::Start,
            WATCHED_FRAMES,
        );
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// A `blob:` URL holding `content`; it stays valid without the wasm (the crash banner uses it).
pub fn blob_url(content: &str, mime: &str) -> Result<String, JsValue> {
    blob_url_of(&JsValue::from_str(content), mime)
}

/// A `blob:` URL holding one part: a string or bytes.
fn blob_url_of(part: &JsValue, mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// Offers `content` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    download_part(file_name, mime, &JsValue::from_str(content))
}

/// Offers `bytes` as a file download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_part(file_name, mime, &js_sys::Uint8Array::from(bytes).into())
}

fn download_part(file_name: &str, mime: &str, part: &JsValue) -> Result<(), String> {
    let fail = |e: JsValue| format!("浏览器无法生成下载文件：{}", js_error_text(&e));
    let doc = document().ok_or("找不到页面")?;
    let url = blob_url_of(part, mime).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "浏览器无法生成下载链接".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = doc.body().ok_or("找不到页面")?;
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    anchor.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// True when the page is served over http(s), not opened as a file (the single-file edition).
pub fn is_hosted() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p.starts_with("http"))
}

/// True when web/guard.js decided this browser cannot run the app (`window.selfevalSupported`).
pub fn guard_says_unsupported() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("selfevalSupported")).ok())
        .and_then(|v| v.as_bool())
        == Some(false)
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A date as `2026-12-01`, local time (for file names).
pub fn date_stamp(ms: f64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms));
    format!(
        "{}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A time of day as `14:03:22`, local time.
pub fn clock_time(ms: f64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms));
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// A date and time as `11月30日 14:03`, local time.
pub fn short_date_time(ms: f64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms));
    format!(
        "{}月{}日 {:02}:{:02}",
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The text of a JavaScript error value, for messages.
pub fn js_error_text(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return format!(
            "{}: {}",
            String::from(err.name()),
            String::from(err.message())
        );
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// The `name` of a DOMException or Error (`QuotaExceededError`, `SecurityError`).
pub fn js_error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// Puts text on the clipboard (`navigator.clipboard.writeText`); false when the browser offers
/// no clipboard to the page.
pub fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window, &"navigator".into())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"clipboard".into()))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    write.is_some_and(|f| f.call1(&clipboard, &text.into()).is_ok())
}

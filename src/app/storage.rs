//! Drafts in localStorage, every key prefixed `selfeval:` (all `file://` pages share one origin).
//!
//! - `selfeval:draft:<id>`: one stored draft, as one value: a header line
//!   `selfeval-entry 1 {"name":…,"saved_at":…,"rev":…}` and then the draft file's JSON, exactly
//!   what 下载 JSON gives;
//! - `selfeval:current`: the id of the draft that was open last.
//!
//! **Crash-safe**: a save is one `setItem` of the whole entry (draft, name and revision
//! together). The browser replaces a value whole or, failing (the store is full), not at all, so
//! a failure half-way leaves the previous entry complete, never a mix or a broken draft.
//!
//! **Two tabs**: `rev` counts the saves of an entry. A tab saves only over the revision its text
//! is based on; a newer one means another tab saved in between (see `AppState::save_now`).
//!
//! There is no index to get out of step: the drafts are the keys. A stored entry that does not
//! read is listed as broken with its raw text, never overwritten or removed without the user.
//!
//! This talks to `web_sys::Storage` directly rather than through gloo-storage: gloo-storage 0.4
//! reaches the store through `LocalStorage::raw()`, which `expect_throw`s when the browser blocks
//! localStorage (a policy, a privacy mode), throwing out of the middle of an update and killing
//! the page; and its typed get/set re-encode values, where a broken entry must be kept byte for
//! byte.

use serde_json::{json, Value};
use wasm_bindgen::JsValue;

use super::dom::{js_error_name, js_error_text};
use crate::draft_file::{read_draft, write_draft};
use crate::model::Draft;

pub const DRAFT_PREFIX: &str = "selfeval:draft:";
const CURRENT_KEY: &str = "selfeval:current";
const HEADER: &str = "selfeval-entry 1 ";

/// Why storage did not work, for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("浏览器不允许本页面使用本地存储（{0}），草稿不会自动保存：请用“下载 JSON”保存")]
    Unavailable(String),
    #[error("本地存储空间已满，草稿没有保存：请删除不用的草稿，或用“下载 JSON”保存")]
    Full,
    #[error("草稿没有保存：{0}")]
    Failed(String),
}

/// A stored draft: readable, or kept raw with the reason it does not read.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDraft {
    pub id: String,
    pub name: String,
    pub saved_at: f64,
    pub rev: u64,
    pub content: Result<Draft, Broken>,
}

/// A stored entry that does not read as a draft; its text is kept as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub raw: String,
    pub reason: String,
}

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("没有窗口".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StorageError::Unavailable("浏览器未提供本地存储".into())),
        Err(e) => Err(StorageError::Unavailable(js_error_text(&e))),
    }
}

fn write_error(e: JsValue) -> StorageError {
    match js_error_name(&e).as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Unavailable(js_error_text(&e)),
        _ => StorageError::Failed(js_error_text(&e)),
    }
}

/// Every stored draft, newest first.
pub fn list() -> Result<Vec<StoredDraft>, StorageError> {
    let s = storage()?;
    let len = s
        .length()
        .map_err(|e| StorageError::Unavailable(js_error_text(&e)))?;
    let mut drafts = Vec::new();
    for i in 0..len {
        let Ok(Some(key)) = s.key(i) else { continue };
        let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
            continue;
        };
        let raw = s.get_item(&key).ok().flatten().unwrap_or_default();
        drafts.push(parse_entry(id, raw));
    }
    drafts.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
    Ok(drafts)
}

/// One stored draft, if it is still there.
pub fn get(id: &str) -> Result<Option<StoredDraft>, StorageError> {
    let raw = storage()?.get_item(&draft_key(id)).ok().flatten();
    Ok(raw.map(|raw| parse_entry(id, raw)))
}

/// The revision stored for a draft (`None` when there is no readable entry), without reading the
/// draft itself.
pub fn stored_rev(id: &str) -> Result<Option<u64>, StorageError> {
    let raw = storage()?.get_item(&draft_key(id)).ok().flatten();
    Ok(raw.and_then(|raw| header(&raw).map(|h| h.rev)))
}

/// Reads a stored entry (also the `newValue` of a `storage` event).
pub fn parse_entry(id: &str, raw: String) -> StoredDraft {
    let Some(head) = header(&raw) else {
        return StoredDraft {
            id: id.to_owned(),
            name: format!("草稿 {id}"),
            saved_at: 0.0,
            rev: 0,
            content: Err(Broken {
                raw,
                reason: "本地保存的记录已损坏".to_owned(),
            }),
        };
    };
    let text = raw.split_once('\n').map_or("", |(_, draft)| draft);
    let content = read_draft(text).map_err(|e| Broken {
        raw: raw.clone(),
        reason: e.to_string(),
    });
    StoredDraft {
        id: id.to_owned(),
        name: head.name,
        saved_at: head.saved_at,
        rev: head.rev,
        content,
    }
}

struct Header {
    name: String,
    saved_at: f64,
    rev: u64,
}

fn header(raw: &str) -> Option<Header> {
    let (line, _) = raw.split_once('\n')?;
    let value: Value = serde_json::from_str(line.strip_prefix(HEADER)?).ok()?;
    Some(Header {
        name: value.get("name")?.as_str()?.to_owned(),
        saved_at: value.get("saved_at").and_then(Value::as_f64).unwrap_or(0.0),
        rev: value.get("rev")?.as_u64()?,
    })
}

/// Stores a draft with its name as revision `rev`, in one `setItem`.
pub fn save(
    id: &str,
    name: &str,
    draft: &Draft,
    saved_at: f64,
    rev: u64,
) -> Result<(), StorageError> {
    let head = json!({ "name": name, "saved_at": saved_at, "rev": rev });
    // Nothing is written when the draft cannot be: an empty entry would replace a good one.
    let body = write_draft(draft).map_err(|e| StorageError::Failed(e.to_string()))?;
    let entry = format!("{HEADER}{head}\n{body}");
    storage()?
        .set_item(&draft_key(id), &entry)
        .map_err(write_error)
}

pub fn remove(id: &str) -> Result<(), StorageError> {
    storage()?.remove_item(&draft_key(id)).map_err(write_error)
}

pub fn current_id() -> Option<String> {
    storage().ok()?.get_item(CURRENT_KEY).ok().flatten()
}

pub fn set_current_id(id: &str) {
    if let Ok(s) = storage() {
        let _ = s.set_item(CURRENT_KEY, id);
    }
}

/// A new draft id: the time and a random part, so two tabs never pick the same one.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 1_679_616.0) as u32; // 36^4
    format!(
        "{}-{}",
        radix36(super::dom::now_ms() as u64),
        radix36(u64::from(random))
    )
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

//! Drafts in localStorage, every key prefixed `selfeval:` (all `file://` pages share one origin).
//!
//! - `selfeval:draft:<id>`: the draft file's JSON text, exactly what 下载 JSON gives;
//! - `selfeval:meta:<id>`: `{"name": …, "saved_at": …}`, the name the user gave it;
//! - `selfeval:current`: the id of the draft that was open last.
//!
//! There is no index to get out of step: the drafts are the keys. A stored draft that does not
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

const DRAFT_PREFIX: &str = "selfeval:draft:";
const META_PREFIX: &str = "selfeval:meta:";
const CURRENT_KEY: &str = "selfeval:current";

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

/// A draft as stored: readable, or kept raw with the reason it does not read.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDraft {
    pub id: String,
    pub name: String,
    pub saved_at: f64,
    pub content: Result<Draft, Broken>,
}

/// A stored entry that does not read as a draft; its text is kept as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub raw: String,
    pub reason: String,
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
    let name = js_error_name(&e);
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::Full
    } else if name == "SecurityError" {
        StorageError::Unavailable(js_error_text(&e))
    } else {
        StorageError::Failed(js_error_text(&e))
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
        drafts.push(stored(&s, id, raw));
    }
    drafts.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
    Ok(drafts)
}

/// One stored draft, if it is still there.
pub fn get(id: &str) -> Result<Option<StoredDraft>, StorageError> {
    let s = storage()?;
    let Some(raw) = s.get_item(&format!("{DRAFT_PREFIX}{id}")).ok().flatten() else {
        return Ok(None);
    };
    Ok(Some(stored(&s, id, raw)))
}

fn stored(s: &web_sys::Storage, id: &str, raw: String) -> StoredDraft {
    let (name, saved_at) = meta(s, id);
    let content = read_draft(&raw).map_err(|e| Broken {
        raw: raw.clone(),
        reason: e.to_string(),
    });
    StoredDraft {
        id: id.to_owned(),
        name,
        saved_at,
        content,
    }
}

fn meta(s: &web_sys::Storage, id: &str) -> (String, f64) {
    let value: Value = s
        .get_item(&format!("{META_PREFIX}{id}"))
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    let name = value
        .get("name")
        .and_then(Value::as_str)
        .map_or_else(|| format!("草稿 {id}"), str::to_owned);
    let saved_at = value.get("saved_at").and_then(Value::as_f64).unwrap_or(0.0);
    (name, saved_at)
}

/// Stores a draft under its id. `setItem` replaces a value whole or not at all, so a failed save
/// leaves the previous text in place.
pub fn save(id: &str, name: &str, draft: &Draft, saved_at: f64) -> Result<(), StorageError> {
    let s = storage()?;
    s.set_item(&format!("{DRAFT_PREFIX}{id}"), &write_draft(draft))
        .map_err(write_error)?;
    save_meta(&s, id, name, saved_at)
}

/// Renames a stored draft.
pub fn rename(id: &str, name: &str, saved_at: f64) -> Result<(), StorageError> {
    save_meta(&storage()?, id, name, saved_at)
}

fn save_meta(
    s: &web_sys::Storage,
    id: &str,
    name: &str,
    saved_at: f64,
) -> Result<(), StorageError> {
    let meta = json!({ "name": name, "saved_at": saved_at });
    s.set_item(&format!("{META_PREFIX}{id}"), &meta.to_string())
        .map_err(write_error)
}

pub fn remove(id: &str) -> Result<(), StorageError> {
    let s = storage()?;
    s.remove_item(&format!("{DRAFT_PREFIX}{id}"))
        .map_err(write_error)?;
    let _ = s.remove_item(&format!("{META_PREFIX}{id}"));
    Ok(())
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

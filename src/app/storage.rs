//! Drafts in localStorage: the few calls on `web_sys::Storage`. What an entry holds, how it
//! reads and what a save or another tab's write means are the core's (`crate::stored`); this
//! module moves those strings in and out and turns every browser error into a message.
//!
//! There is no index to get out of step: the drafts are the keys. A stored entry that does not
//! read is listed as broken with its raw text, never overwritten or removed without the user.
//!
//! This talks to `web_sys::Storage` directly rather than through gloo-storage: gloo-storage 0.4
//! reaches the store through `LocalStorage::raw()`, which `expect_throw`s when the browser blocks
//! localStorage (a policy, a privacy mode), throwing out of the middle of an update and killing
//! the page; and its typed get/set re-encode values, where a broken entry must be kept byte for
//! byte.

use wasm_bindgen::{JsCast, JsValue};

use super::dom::{js_error_name, js_error_text};
use crate::backup::Entry;
use crate::model::Draft;
use crate::stored::{
    self, draft_id, draft_key, entry_rev, entry_text, parse_entry, unexported_key, StoredDraft,
    CURRENT_KEY,
};

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
    let mut drafts: Vec<StoredDraft> = entries()?
        .into_iter()
        .map(|e| {
            // A draft stored by an older version is stored again in the current format (the
            // same draft, name and revision). Should that write fail, the old entry still reads
            // and the next save stores it in the current format.
            let (stored, migrated) = stored::parse_migrating(&e.id, e.raw);
            if let Some(now) = migrated {
                let _ = put_raw(&stored.id, &now);
            }
            stored
        })
        .collect();
    crate::order::sort_by(&mut drafts, |a, b| b.saved_at.total_cmp(&a.saved_at));
    Ok(drafts)
}

/// The storage keys of every stored draft.
fn draft_keys(s: &web_sys::Storage) -> Result<Vec<String>, StorageError> {
    let len = s
        .length()
        .map_err(|e| StorageError::Unavailable(js_error_text(&e)))?;
    Ok((0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|key| draft_id(key).is_some())
        .collect())
}

/// Every stored entry as storage holds it (for a backup, and the draft menu).
pub fn entries() -> Result<Vec<Entry>, StorageError> {
    let s = storage()?;
    Ok(draft_keys(&s)?
        .into_iter()
        .filter_map(|key| {
            let id = draft_id(&key)?.to_owned();
            let raw = s.get_item(&key).ok().flatten().unwrap_or_default();
            Some(Entry { id, raw })
        })
        .collect())
}

/// True when storage holds at least one draft.
pub fn has_drafts() -> Result<bool, StorageError> {
    Ok(!draft_keys(&storage()?)?.is_empty())
}

/// The stored entry of a draft exactly as stored, if it is there.
pub fn raw(id: &str) -> Result<Option<String>, StorageError> {
    Ok(storage()?.get_item(&draft_key(id)).ok().flatten())
}

/// Stores an entry exactly as given (a restored one), in one `setItem`.
pub fn put_raw(id: &str, raw: &str) -> Result<(), StorageError> {
    storage()?
        .set_item(&draft_key(id), raw)
        .map_err(write_error)
}

/// When the draft's edits stopped being in a downloaded file (see `stored::unexported_key`).
pub fn unexported_since(id: &str) -> Option<String> {
    storage().ok()?.get_item(&unexported_key(id)).ok().flatten()
}

/// Notes the first edit of a draft that is in no downloaded file. Best effort: when it cannot
/// be stored, the reminder is only not shown.
pub fn set_unexported_since(id: &str, at: &str) {
    if let Ok(s) = storage() {
        let _ = s.set_item(&unexported_key(id), at);
    }
}

/// Notes that every edit of these drafts is in a downloaded file.
pub fn clear_unexported(ids: &[String]) {
    if let Ok(s) = storage() {
        for id in ids {
            let _ = s.remove_item(&unexported_key(id));
        }
    }
}

/// Whether the browser keeps this site's storage when it runs short of space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    Persistent,
    BestEffort,
    /// The browser has no `navigator.storage.persist` (an old one, or a `file://` page).
    Unsupported,
}

/// Asks the browser to keep the data (`navigator.storage.persist()`), where it can be asked;
/// never an error where the API is missing or refuses.
pub async fn persist() -> Persistence {
    let call = |name: &str| -> Option<js_sys::Promise> {
        let window = web_sys::window()?;
        let navigator = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
        let manager = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
        let method: js_sys::Function = js_sys::Reflect::get(&manager, &name.into())
            .ok()?
            .dyn_into()
            .ok()?;
        method.call0(&manager).ok()?.dyn_into().ok()
    };
    let granted = |promise: js_sys::Promise| async move {
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
    };
    let Some(persisted) = call("persisted") else {
        return Persistence::Unsupported;
    };
    let already = granted(persisted).await.unwrap_or(false);
    let now = match (already, call("persist")) {
        (true, _) => true,
        (false, Some(asked)) => granted(asked).await.unwrap_or(false),
        (false, None) => false,
    };
    if now {
        Persistence::Persistent
    } else {
        Persistence::BestEffort
    }
}

/// One stored draft, if it is still there.
pub fn get(id: &str) -> Result<Option<StoredDraft>, StorageError> {
    Ok(raw(id)?.map(|raw| parse_entry(id, raw)))
}

/// The revision stored for a draft (`None` when there is no readable entry), without reading the
/// draft itself.
pub fn stored_rev(id: &str) -> Result<Option<u64>, StorageError> {
    Ok(raw(id)?.and_then(|raw| entry_rev(&raw)))
}

/// Stores a draft with its name as revision `rev`, in one `setItem`.
pub fn save(
    id: &str,
    name: &str,
    draft: &Draft,
    saved_at: f64,
    rev: u64,
) -> Result<(), StorageError> {
    let entry =
        entry_text(name, saved_at, rev, draft).map_err(|e| StorageError::Failed(e.to_string()))?;
    storage()?
        .set_item(&draft_key(id), &entry)
        .map_err(write_error)
}

pub fn remove(id: &str) -> Result<(), StorageError> {
    let s = storage()?;
    s.remove_item(&draft_key(id)).map_err(write_error)?;
    let _ = s.remove_item(&unexported_key(id));
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

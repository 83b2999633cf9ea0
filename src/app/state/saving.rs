//! Saving the open draft, and what another tab's change to storage does to it (the
//! decisions are the core's `stored::on_save`, `on_change` and `on_clear`).

use super::menu::entry;
use super::*;

/// Where the open draft stands with storage, as the header shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Stored, at this time.
    Saved(f64),
    /// Edited since the last save; a save is coming.
    Pending,
    /// The last save failed, for this reason; the text is still on screen.
    Failed(String),
    /// Storage cannot be used at all in this browser.
    NoStorage(String),
    /// Another tab changed or deleted this draft; saving waits for the user (see [`Conflict`]).
    Conflict,
}

impl AppState {
    pub(super) fn changed(&self) {
        if self.removed.with_untracked(Option::is_some) {
            self.removed.set(None);
        }
        self.dirty.set_value(true);
        if self.unexported_since.with_untracked(Option::is_none) {
            if let Some(id) = self.current.get_untracked() {
                let at = stored::time_text(now_ms());
                storage::set_unexported_since(&id, &at);
                self.unexported_since.set(Some(at));
            }
        }
        if !matches!(self.save_state.get_untracked(), SaveState::NoStorage(_)) {
            self.save_state.set(SaveState::Pending);
        }
        if let Some(timer) = self.save_timer.get_value() {
            timer.clear();
        }
        if self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let state = *self;
        let timer = set_timeout_with_handle(move || state.save_now(), AUTOSAVE_DELAY).ok();
        self.save_timer.set_value(timer);
    }

    /// Saves the open draft now if it has unsaved edits (also called when the page is left).
    /// It saves only over the revision its text is based on: when another tab saved in between,
    /// or deleted the draft, nothing is overwritten and the user is asked (a [`Conflict`]).
    pub fn save_now(&self) {
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        let dirty = self.dirty.get_value();
        let in_conflict = self.conflict.with_untracked(Option::is_some);
        let base = self.base_rev.get_value();
        let found = || match storage::stored_rev(&id) {
            Ok(Some(rev)) => Found::Rev(rev),
            Ok(None) if matches!(storage::has_drafts(), Ok(false)) => Found::NoDrafts,
            Ok(None) => Found::Nothing,
            Err(_) => Found::Unknown,
        };
        let rev = match stored::on_save(dirty, in_conflict, base, found) {
            Save::Write { rev } => rev,
            Save::Conflict(conflict) => return self.enter_conflict(conflict),
            Save::Skip => return,
        };
        self.write_open(&id, rev);
    }

    /// Stores the open draft (`id`) as revision `rev` and notes it saved; a failure is shown in
    /// the save state. True when it was stored.
    pub(super) fn write_open(&self, id: &str, rev: u64) -> bool {
        let name = self.name_of(id);
        let saved_at = now_ms();
        let result = self
            .draft
            .with_untracked(|d| storage::save(id, &name, d, saved_at, rev));
        match result {
            Ok(()) => {
                self.base_rev.set_value(rev);
                self.dirty.set_value(false);
                self.save_state.set(SaveState::Saved(saved_at));
                self.drafts
                    .update(|list| match list.iter_mut().find(|e| e.id == id) {
                        Some(e) => e.saved_at = saved_at,
                        // Stored again after the list lost it (storage cleared under the page).
                        None => list.insert(
                            0,
                            DraftEntry {
                                id: id.to_owned(),
                                name,
                                saved_at,
                                broken: None,
                            },
                        ),
                    });
                true
            }
            Err(e) => {
                self.save_state.set(SaveState::Failed(e.to_string()));
                false
            }
        }
    }

    pub(super) fn enter_conflict(&self, conflict: Conflict) {
        self.conflict.set(Some(conflict));
    }

    /// Another tab changed storage (the browser's `storage` event; never for this tab's writes).
    pub fn storage_changed(&self, key: Option<String>, new_value: Option<String>) {
        let Some(key) = key else {
            // localStorage was cleared elsewhere: the draft menu shows what is left, and the open
            // draft, if it went with it, is offered to be stored again.
            if let Ok(stored) = storage::list() {
                self.drafts.set(stored.iter().map(entry).collect());
                let open = self.current.get_untracked();
                let open_stored = stored.iter().any(|s| Some(&s.id) == open.as_ref());
                let base = self.base_rev.get_value();
                if let Some(conflict) = stored::on_clear(base, open_stored, !stored.is_empty()) {
                    self.enter_conflict(conflict);
                }
            }
            return;
        };
        if let Some(id) = stored::unexported_id(&key) {
            // Another tab downloaded this draft, or edited it first.
            if self.current.get_untracked().as_deref() == Some(id) {
                self.unexported_since.set(new_value);
            }
            return;
        }
        let Some(id) = stored::draft_id(&key) else {
            return;
        };
        // The one entry that changed, read once: for the draft menu and, if open, for the page.
        let stored = new_value.map(|raw| stored::parse_entry(id, raw));
        self.drafts.update(|list| {
            let at = list.iter().position(|e| e.id == id);
            match (&stored, at) {
                (Some(s), Some(at)) => list[at] = entry(s),
                (Some(s), None) => list.insert(0, entry(s)),
                (None, Some(at)) => drop(list.remove(at)),
                (None, None) => {}
            }
        });
        if self.current.get_untracked().as_deref() != Some(id) {
            return;
        }
        let base = self.base_rev.get_value();
        match stored::on_change(self.dirty.get_value(), base, stored.as_ref()) {
            Change::Nothing => {}
            Change::Conflict(conflict) => self.enter_conflict(conflict),
            Change::Load => {
                if let Some(StoredDraft {
                    content: Ok(draft),
                    rev,
                    saved_at,
                    ..
                }) = stored
                {
                    // Nothing typed here since: take the other tab's newer text.
                    self.load_saved(id, draft, rev, saved_at);
                    self.notify(false, "另一个标签页保存了这份草稿，已载入最新内容。".into());
                }
            }
        }
    }

    /// Resolves a conflict by taking the stored version (this tab's edits are dropped; the user
    /// was offered to keep them as a new draft or download them first).
    pub fn take_stored(&self) {
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        match storage::get(&id) {
            Ok(Some(StoredDraft {
                content: Ok(draft),
                rev,
                saved_at,
                ..
            })) => {
                self.load_saved(&id, draft, rev, saved_at);
            }
            _ => self.notify(true, "另一个标签页的版本已无法读取。".into()),
        }
    }

    /// Resolves a conflict by keeping this tab's text as a new draft; the stored one stays as
    /// the other tab left it.
    pub fn keep_as_new(&self) {
        let name = match self.current.get_untracked() {
            Some(id) => format!("{}（本页副本）", self.name_of(&id)),
            None => "本页副本".to_owned(),
        };
        self.conflict.set(None);
        self.dirty.set_value(false);
        self.create(self.draft.get_untracked(), name);
    }

    /// Resolves a cleared or deleted draft by storing what is on screen again, under its own
    /// id and name, as a revision newer than any tab has seen.
    pub fn store_again(&self) {
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        if self.write_open(&id, self.base_rev.get_value() + 1) {
            self.conflict.set(None);
            storage::set_current_id(&id);
            self.relist();
            self.notify(false, "已重新保存本页内容。".into());
        }
    }

    /// True when edits on screen are not in storage (the last save failed, or there is none).
    pub fn has_unsaved_edits(&self) -> bool {
        self.dirty.get_value()
    }

    /// Once drafts exist, asks the browser to keep them, and notes whether it will.
    pub(super) fn ask_to_persist(&self) {
        if !matches!(storage::has_drafts(), Ok(true)) {
            return;
        }
        let persistence = self.persistence;
        leptos::task::spawn_local(async move {
            persistence.set(Some(storage::persist().await));
        });
    }
}

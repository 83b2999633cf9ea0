//! The stored-drafts menu: opening, creating, naming and deleting drafts, and the drafts made
//! from a file (a colleague's draft, last year's report).

use super::*;

/// A stored draft as the draft menu lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftEntry {
    pub id: String,
    pub name: String,
    pub saved_at: f64,
    /// Set when the stored text does not read as a draft; it is kept as it is.
    pub broken: Option<Broken>,
}

impl AppState {
    pub(super) fn open_initial(&self) {
        let stored = match storage::list() {
            Ok(stored) => stored,
            Err(e) => {
                self.show_without_storage(sample_draft(), &e);
                return;
            }
        };
        self.drafts.set(stored.iter().map(entry).collect());
        let readable = |s: &&StoredDraft| s.content.is_ok();
        let last = storage::current_id();
        let pick = stored
            .iter()
            .filter(readable)
            .find(|s| Some(&s.id) == last.as_ref())
            .or_else(|| stored.iter().find(readable));
        match pick {
            Some(StoredDraft {
                id,
                content: Ok(draft),
                saved_at,
                rev,
                ..
            }) => {
                self.load_saved(id, draft.clone(), *rev, *saved_at);
            }
            _ => self.new_from_sample(),
        }
        let broken = stored.iter().filter(|s| s.content.is_err()).count();
        if broken > 0 {
            self.notify(
                true,
                format!("有 {broken} 份本地保存的草稿无法读取，已原样保留：可在“草稿”中下载原文或删除。"),
            );
        }
    }

    pub(super) fn show_without_storage(&self, draft: Draft, e: &StorageError) {
        self.put_on_screen(draft);
        self.current.set(None);
        self.save_state.set(SaveState::NoStorage(e.to_string()));
    }

    /// Puts a stored draft (revision `rev`) on screen as the open one.
    pub(super) fn load(&self, id: &str, draft: Draft, rev: u64) {
        self.removed.set(None);
        if self.unplaced.with_untracked(|u| !u.is_empty()) {
            self.unplaced.set(Vec::new());
        }
        self.conflict.set(None);
        self.put_on_screen(draft);
        self.current.set(Some(id.to_owned()));
        self.base_rev.set_value(rev);
        self.dirty.set_value(false);
        self.unexported_since.set(storage::unexported_since(id));
        self.reminder_dismissed.set(false);
        storage::set_current_id(id);
    }

    /// Puts a draft as it is stored on screen, shown as saved at `saved_at`.
    pub(super) fn load_saved(&self, id: &str, draft: Draft, rev: u64, saved_at: f64) {
        self.load(id, draft, rev);
        self.save_state.set(SaveState::Saved(saved_at));
    }

    /// Stores a new draft and opens it.
    pub(super) fn create(&self, draft: Draft, name: String) {
        self.save_now();
        if matches!(self.save_state.get_untracked(), SaveState::NoStorage(_)) {
            self.put_on_screen(draft);
            return;
        }
        let id = storage::new_id();
        let name = self.drafts.with_untracked(|list| {
            stored::unique_name(&name, |n| list.iter().any(|e| e.name == n))
        });
        let saved_at = now_ms();
        let result = storage::save(&id, &name, &draft, saved_at, 1);
        self.drafts.update(|list| {
            list.insert(
                0,
                DraftEntry {
                    id: id.clone(),
                    name,
                    saved_at,
                    broken: None,
                },
            )
        });
        match result {
            Ok(()) => self.load_saved(&id, draft, 1, saved_at),
            Err(e) => {
                // Not stored: on screen all the same, saved at the next chance.
                self.load(&id, draft, 0);
                self.dirty.set_value(true);
                self.save_state.set(SaveState::Failed(e.to_string()));
            }
        }
    }

    /// Reads the draft menu again from storage.
    pub(super) fn relist(&self) {
        if let Ok(stored) = storage::list() {
            self.drafts.set(stored.iter().map(entry).collect());
        }
    }

    pub(super) fn name_of(&self, id: &str) -> String {
        self.drafts.with_untracked(|list| {
            list.iter()
                .find(|e| e.id == id)
                .map_or_else(|| "草稿".to_owned(), |e| e.name.clone())
        })
    }

    /// The open draft's name.
    pub fn current_name(&self) -> String {
        match self.current.get() {
            Some(id) => self.drafts.with(|list| {
                list.iter()
                    .find(|e| e.id == id)
                    .map_or_else(String::new, |e| e.name.clone())
            }),
            None => String::new(),
        }
    }

    pub fn open(&self, id: &str) {
        if self.current.get_untracked().as_deref() == Some(id) {
            return;
        }
        self.save_now();
        match storage::get(id) {
            Ok(Some(StoredDraft {
                content: Ok(draft),
                saved_at,
                rev,
                ..
            })) => {
                self.load_saved(id, draft, rev, saved_at);
                self.notice.set(None);
            }
            Ok(Some(StoredDraft {
                content: Err(broken),
                ..
            })) => self.notify(
                true,
                format!(
                    "这份草稿无法读取（{}），已原样保留：可下载原文。",
                    broken.reason
                ),
            ),
            Ok(None) => self.notify(
                true,
                "这份草稿已不在本地存储中（可能已在另一个标签页删除）。".into(),
            ),
            Err(e) => self.notify(true, e.to_string()),
        }
    }

    pub fn new_blank(&self) {
        let n = self.drafts.with_untracked(Vec::len) + 1;
        self.create(Draft::default(), stored::blank_name(n));
    }

    pub fn new_from_sample(&self) {
        let (sample, name) = sample();
        self.create(sample, name);
    }

    pub fn duplicate(&self) {
        let name = match self.current.get_untracked() {
            Some(id) => format!("{} 副本", self.name_of(&id)),
            None => "副本".to_owned(),
        };
        self.create(self.draft.get_untracked(), name);
    }

    /// 生成下一年度草稿: a new draft from the open one, its texts kept, its amounts and counts
    /// emptied and its year one on (`rollover::next_year`); the open draft stays as it is.
    pub fn new_next_year(&self) {
        let next = self.draft.with_untracked(crate::rollover::next_year);
        let name = stored::unit_year_name(&next).unwrap_or_else(|| {
            let open = self.current.get_untracked().map(|id| self.name_of(&id));
            format!("{} 下一年度", open.unwrap_or_else(|| "草稿".to_owned()))
        });
        self.create(next, name.clone());
        self.notify(
            false,
            format!("已生成“{name}”：文字保留，金额、人数和自评表的数值已清空，请填写新一年度的数字。原草稿没有改动。"),
        );
    }

    pub fn rename(&self, name: &str) {
        let name = name.trim();
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        if name.is_empty() {
            return;
        }
        self.drafts.update(|list| {
            if let Some(e) = list.iter_mut().find(|e| e.id == id) {
                e.name = name.to_owned();
            }
        });
        // The name is stored with the draft: saving stores it (and any pending edit).
        self.dirty.set_value(true);
        self.save_now();
    }

    /// Deletes a stored draft (after the user confirmed) and opens another one.
    pub fn delete(&self, id: &str) {
        if let Err(e) = storage::remove(id) {
            self.notify(true, e.to_string());
            return;
        }
        self.drafts.update(|list| list.retain(|e| e.id != id));
        if self.current.get_untracked().as_deref() != Some(id) {
            return;
        }
        self.dirty.set_value(false);
        self.conflict.set(None);
        self.current.set(None);
        let next = self.drafts.with_untracked(|list| {
            list.iter()
                .find(|e| e.broken.is_none())
                .map(|e| e.id.clone())
        });
        match next {
            Some(next) => self.open(&next),
            None => self.create(Draft::default(), stored::blank_name(1)),
        }
    }

    /// Opens a colleague's draft file as a new draft; a bad file leaves everything as it was.
    pub fn import(&self, file_name: &str, bytes: &[u8]) {
        match read_draft_bytes(bytes) {
            Ok(draft) => {
                let name = file_name
                    .trim_end_matches(".json")
                    .trim_end_matches(".JSON")
                    .to_owned();
                self.create(draft, name);
                self.notify(false, format!("已导入“{file_name}”，作为新草稿打开。"));
            }
            Err(e) => self.refuse_import(file_name, &e.to_string()),
        }
    }

    pub fn refuse_import(&self, file_name: &str, reason: &str) {
        self.notify(
            true,
            format!("无法导入“{file_name}”：{reason}。当前草稿没有改动。"),
        );
    }

    /// 从往年报告导入: a report's text read into a new draft (REPORT.md §8) by the on-demand
    /// module; what could not be placed is listed with it. The open draft is not touched.
    pub fn new_from_report(&self, source: &str, text: &str) {
        if crate::text::is_blank(text) {
            self.notify(true, format!("“{source}”中没有可读取的文字。"));
            return;
        }
        let text = text.to_owned();
        self.open_reading_when_read(source, async move {
            crate::app::office::read_report(&text).await
        });
    }

    /// Opens the reading `read` gives as a new draft when it is ready, or says why `source`
    /// could not be read.
    pub fn open_reading_when_read(
        &self,
        source: &str,
        read: impl std::future::Future<Output = Result<Reading, String>> + 'static,
    ) {
        let (state, source) = (*self, source.to_owned());
        leptos::task::spawn_local(async move {
            match read.await {
                Ok(reading) => state.open_reading(&source, reading),
                Err(reason) => state.refuse_report(&source, &reason),
            }
        });
    }

    /// A report that could not be read: why, and nothing else changes.
    pub fn refuse_report(&self, source: &str, reason: &str) {
        self.notify(true, format!("无法读取“{source}”：{reason}"));
    }

    /// Opens what reading a report gave as a new draft, and says what could not be placed.
    pub fn open_reading(&self, source: &str, reading: Reading) {
        let name =
            stored::unit_year_name(&reading.draft).unwrap_or_else(|| "往年报告导入".to_owned());
        self.create(reading.draft, name.clone());
        let left = reading.unplaced.len();
        self.unplaced.set(reading.unplaced);
        let message = if left == 0 {
            format!("已读取“{source}”，作为新草稿“{name}”打开：全部内容已识别。原草稿没有改动。")
        } else {
            format!(
                "已读取“{source}”，作为新草稿“{name}”打开；有 {left} 段内容未能识别，列在表单上方，请复制到合适的字段或移除。原草稿没有改动。"
            )
        };
        self.notify(false, message);
    }

    /// A piece of 未识别的内容 is not needed (or was copied into a field).
    pub fn dismiss_unplaced(&self, line: usize) {
        self.unplaced
            .update(|u| u.retain(|piece| piece.line != line));
    }
}

pub(super) fn entry(s: &StoredDraft) -> DraftEntry {
    DraftEntry {
        id: s.id.clone(),
        name: s.name.clone(),
        saved_at: s.saved_at,
        broken: s.content.as_ref().err().cloned(),
    }
}

/// The sample, read once, and the name it is stored under.
fn sample() -> (Draft, String) {
    let sample = sample_draft();
    let name = format!("示例草稿（{}{}）", sample.display_name(), sample.meta.year);
    (sample, name)
}

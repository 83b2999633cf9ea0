//! The app's state: the open draft, what the core says of it, and the stored drafts.
//!
//! Every change goes through a method here, so saving, the "never lose what was typed" rule and
//! the storage errors live in one place; components only call these methods and read
//! the signals. Nothing here checks or formats the report: that is the core's `check()`,
//! `Figures` and exports.

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::prelude::*;

use super::dom::now_ms;
use super::storage::{self, Persistence, StorageError};
use crate::backup::{plan_restore, read_backup_bytes, write_backup, Entry, Plan};
use crate::draft_file::read_draft_bytes;
use crate::figures::Figures;
use crate::finding::{changed_paths, on_path, Finding, Tally};
use crate::model::Draft;
use crate::outline::{List, Path};
use crate::reader::{Reading, Unplaced};
use crate::sample::sample_draft;
use crate::scorecard::ScoreFigures;
use crate::shown::{Attention, Shown};
use crate::stored::{self, Broken, Change, Found, Save, StoredDraft};

/// Autosave waits this long after the last edit (the issue asks for "within one second").
const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);

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

pub use crate::stored::Conflict;

/// A stored draft as the draft menu lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftEntry {
    pub id: String,
    pub name: String,
    pub saved_at: f64,
    /// Set when the stored text does not read as a draft; it is kept as it is.
    pub broken: Option<Broken>,
}

/// A message at the top of the page (import results, storage problems).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub is_error: bool,
    pub text: String,
}

/// An action waiting for the user to confirm it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    DeleteDraft {
        id: String,
        name: String,
    },
    Download {
        kind: DownloadKind,
        errors: usize,
    },
    /// A restore that would replace older drafts stored here: which, by name.
    Restore {
        file: String,
        plan: Plan,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadKind {
    Json,
    Html,
    /// The `.docx`, written by the on-demand module.
    Word,
}

/// The draft as it was before a row was removed, so the removal can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub what: String,
    /// Where the row was: its list and place, for the undo offered there.
    pub list: List,
    pub at: usize,
    pub before: Draft,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The open draft, exactly as typed.
    pub draft: RwSignal<Draft>,
    /// Bumped when the draft changes other than by typing into a field (another draft opened,
    /// an import, rows added, removed or moved). Fields read their text again only then, so a
    /// keystroke does not make every field of a large draft re-read itself.
    pub loaded: RwSignal<u64>,
    /// Bumped when a choice (一级 or 二级指标) is changed: the selects read the draft again then
    /// (a 二级 offers its 一级's choices), not on every keystroke elsewhere.
    pub choices_changed: RwSignal<u64>,
    /// The stored id of the open draft; `None` when storage cannot be used.
    pub current: RwSignal<Option<String>>,
    pub drafts: RwSignal<Vec<DraftEntry>>,
    pub save_state: RwSignal<SaveState>,
    pub notice: RwSignal<Option<Notice>>,
    pub pending: RwSignal<Option<Pending>>,
    /// The last removed row, until the next change.
    pub removed: RwSignal<Option<Removed>>,
    /// What reading last year's report could not place, for the draft it made (until another
    /// draft is opened, or each piece is dismissed).
    pub unplaced: RwSignal<Vec<Unplaced>>,
    /// Set when another tab changed or deleted the open draft under this one.
    pub conflict: RwSignal<Option<Conflict>>,
    /// When the open draft's edits stopped being in a downloaded file (as stored; `None` when
    /// every edit is in one).
    pub unexported_since: RwSignal<Option<String>>,
    /// The reminder to download a backup was dismissed on this page.
    pub reminder_dismissed: RwSignal<bool>,
    /// Whether the browser keeps the drafts when it runs short of space; `None` until known.
    pub persistence: RwSignal<Option<Persistence>>,
    /// `check()`'s findings, in document order.
    pub findings: Memo<Vec<Finding>>,
    /// Their tally: what a download is asked about.
    pub tally: Memo<Tally>,
    /// Where the user has been on the open draft: what of the findings shows (see `shown`).
    attention: RwSignal<Attention>,
    /// The findings as the form shows them: blanks not yet left are to-dos, and a finding new on
    /// the field being typed in waits until it is left.
    pub shown: Memo<Shown>,
    pub figures: Memo<Figures>,
    /// The 自评表's figures (执行率, computed scores, 总分, 等级).
    pub score: Memo<ScoreFigures>,
    /// Each field's findings as a signal of its own, set only when they change: a keystroke then
    /// wakes the few fields whose messages changed, not every field of a large draft.
    field_findings: StoredValue<BTreeMap<Path, ArcRwSignal<Vec<Finding>>>>,
    /// The stored revision the text on screen is based on: a save goes over that one only.
    base_rev: StoredValue<u64>,
    dirty: StoredValue<bool>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
}

impl AppState {
    /// Where the open draft stands with storage, as the header shows it (a tracked read): in
    /// conflict while another tab's change waits for the user, derived from the conflict rather
    /// than kept in step by hand.
    pub fn save_view(&self) -> SaveState {
        if self.conflict.with(Option::is_some) {
            SaveState::Conflict
        } else {
            self.save_state.get()
        }
    }

    // Components change the state only through methods like these (they read the signals).

    /// Asks the user to confirm an action (the confirm bar).
    pub fn ask(&self, pending: Pending) {
        self.pending.set(Some(pending));
    }

    /// The confirm bar is answered or closed.
    pub fn settle_pending(&self) {
        self.pending.set(None);
    }

    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    /// The reminder to download a backup is not shown again on this page.
    pub fn dismiss_reminder(&self) {
        self.reminder_dismissed.set(true);
    }

    /// Opens the last open draft, or on a first visit the sample draft.
    pub fn start() -> Self {
        let draft = RwSignal::new(Draft::default());
        let findings = Memo::new(move |_| draft.with(crate::checks::check));
        let attention = RwSignal::new(Attention::default());
        // The report's figures and the table's come from one reading of the draft's numbers.
        let sheet = Memo::new(move |_| draft.with(crate::scorecard::figures_of));
        let state = AppState {
            draft,
            loaded: RwSignal::new(0),
            choices_changed: RwSignal::new(0),
            current: RwSignal::new(None),
            drafts: RwSignal::new(Vec::new()),
            save_state: RwSignal::new(SaveState::Pending),
            notice: RwSignal::new(None),
            pending: RwSignal::new(None),
            removed: RwSignal::new(None),
            unplaced: RwSignal::new(Vec::new()),
            conflict: RwSignal::new(None),
            unexported_since: RwSignal::new(None),
            reminder_dismissed: RwSignal::new(false),
            persistence: RwSignal::new(None),
            findings,
            tally: Memo::new(move |_| findings.with(|fs| Tally::of(fs))),
            attention,
            shown: Memo::new(move |_| findings.with(|fs| attention.with(|a| a.show(fs)))),
            figures: Memo::new(move |_| sheet.with(|(f, _)| f.clone())),
            score: Memo::new(move |_| sheet.with(|(_, s)| s.clone())),
            field_findings: StoredValue::new(BTreeMap::new()),
            base_rev: StoredValue::new(0),
            dirty: StoredValue::new(false),
            save_timer: StoredValue::new(None),
        };
        state.fan_out_findings();
        state.open_initial();
        state.ask_to_persist();
        state
    }

    /// Once drafts exist, asks the browser to keep them, and notes whether it will.
    fn ask_to_persist(&self) {
        if !matches!(storage::has_drafts(), Ok(true)) {
            return;
        }
        let persistence = self.persistence;
        leptos::task::spawn_local(async move {
            persistence.set(Some(storage::persist().await));
        });
    }

    /// Passes each change of the shown findings on to the fields it concerns.
    ///
    /// This is the one `Effect` that writes signals, and it is needed: measured with
    /// `cargo bench -p e2e --bench keystroke` (2026-12-01), a memo per field instead (each
    /// reading `shown`) takes a keystroke to the findings on screen from p50 5.0 ms to 195 ms on
    /// the 500 + 500-row draft (every one of its 3,500 fields recomputes), and from 2.2 to 3.0 ms
    /// on the sample.
    fn fan_out_findings(&self) {
        let state = *self;
        let shown = StoredValue::new(Vec::<Finding>::new());
        Effect::new(move |_| {
            state.shown.with(|Shown { findings: now, .. }| {
                for path in shown.with_value(|before| changed_paths(before, now)) {
                    if let Some(signal) = state.field_findings.with_value(|m| m.get(&path).cloned())
                    {
                        signal.set(on_path(now, path).to_vec());
                    }
                }
                shown.set_value(now.clone());
            });
        });
    }

    /// The findings of one field (or list), as a signal that changes only when they do.
    pub fn findings_on(&self, path: Path) -> ArcRwSignal<Vec<Finding>> {
        if let Some(signal) = self.field_findings.with_value(|m| m.get(&path).cloned()) {
            return signal;
        }
        let signal = ArcRwSignal::new(
            self.shown
                .with_untracked(|s| on_path(&s.findings, path).to_vec()),
        );
        self.field_findings.update_value(|m| {
            m.insert(path, signal.clone());
        });
        signal
    }

    /// The number of rows of a list; it changes only with rows added, removed or a draft loaded,
    /// so typing does not wake every row.
    pub fn row_count(&self, list: List) -> Memo<usize> {
        let state = *self;
        Memo::new(move |_| {
            state.loaded.track();
            state.draft.with_untracked(|d| d.rows(list))
        })
    }

    fn open_initial(&self) {
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
            _ => self.create(sample_draft(), sample_name()),
        }
        let broken = stored.iter().filter(|s| s.content.is_err()).count();
        if broken > 0 {
            self.notify(
                true,
                format!("有 {broken} 份本地保存的草稿无法读取，已原样保留：可在“草稿”中下载原文或删除。"),
            );
        }
    }

    fn show_without_storage(&self, draft: Draft, e: &StorageError) {
        self.attention.set(Attention::default());
        self.draft.set(draft);
        self.loaded.update(|n| *n += 1);
        self.current.set(None);
        self.save_state.set(SaveState::NoStorage(e.to_string()));
    }

    /// Puts a stored draft (revision `rev`) on screen as the open one.
    fn load(&self, id: &str, draft: Draft, rev: u64) {
        self.removed.set(None);
        if self.unplaced.with_untracked(|u| !u.is_empty()) {
            self.unplaced.set(Vec::new());
        }
        self.conflict.set(None);
        self.attention.set(Attention::default());
        self.draft.set(draft);
        self.loaded.update(|n| *n += 1);
        self.current.set(Some(id.to_owned()));
        self.base_rev.set_value(rev);
        self.dirty.set_value(false);
        self.unexported_since.set(storage::unexported_since(id));
        self.reminder_dismissed.set(false);
        storage::set_current_id(id);
    }

    /// Puts a draft as it is stored on screen, shown as saved at `saved_at`.
    fn load_saved(&self, id: &str, draft: Draft, rev: u64, saved_at: f64) {
        self.load(id, draft, rev);
        self.save_state.set(SaveState::Saved(saved_at));
    }

    /// Stores a new draft and opens it.
    fn create(&self, draft: Draft, name: String) {
        self.save_now();
        if matches!(self.save_state.get_untracked(), SaveState::NoStorage(_)) {
            self.attention.set(Attention::default());
            self.draft.set(draft);
            self.loaded.update(|n| *n += 1);
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

    // ----- editing -----

    /// The user typed into a field.
    pub fn edit(&self, path: Path, text: String) {
        let unit_and_year = |d: &Draft| Draft {
            meta: d.meta.clone(),
            ..Draft::default()
        };
        let before = matches!(path, Path::Department | Path::Year)
            .then(|| self.draft.with_untracked(unit_and_year));
        self.draft.update(|d| {
            d.set_field(path, &text);
        });
        if path.kind() == crate::outline::Kind::Choice {
            self.choices_changed.update(|n| *n += 1);
        }
        if let Some(before) = before {
            self.follow_unit_and_year(&before);
        }
        self.changed();
    }

    /// Names the open draft after its unit and year while its name is one the app gave it
    /// (`stored::follows_unit_and_year`); the next save stores the name.
    fn follow_unit_and_year(&self, before: &Draft) {
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        let name = self.name_of(&id);
        let Some(next) = self
            .draft
            .with_untracked(|after| stored::follows_unit_and_year(&name, before, after))
        else {
            return;
        };
        self.drafts.update(|list| {
            let next =
                stored::unique_name(&next, |n| list.iter().any(|e| e.id != id && e.name == n));
            if let Some(e) = list.iter_mut().find(|e| e.id == id) {
                e.name = next;
            }
        });
    }

    /// Puts `text` into a field for the user (a button that fills it in), shown at once.
    pub fn fill(&self, path: Path, text: String) {
        self.edit(path, text);
        self.loaded.update(|n| *n += 1);
    }

    /// The user entered a field.
    pub fn enter(&self, path: Path) {
        let attention = self.attention;
        self.findings
            .with_untracked(|fs| attention.update(|a| a.enter(path, fs)));
    }

    /// The user left a field.
    pub fn leave(&self, path: Path) {
        self.attention.update(|a| a.leave(path));
    }

    /// The user asked for the report as it is: every blank required field shows as an error.
    pub fn show_all(&self) {
        if !self.attention.with_untracked(Attention::shows_all) {
            self.attention.update(Attention::show_all);
        }
    }

    /// 按模板新建: the 自评表 started from the standard template.
    pub fn start_scorecard(&self) {
        self.draft
            .update(|d| crate::scorecard::start_from_template(&mut d.scorecard));
        self.rows_changed();
    }

    pub fn add_row(&self, list: List) {
        self.draft.update(|d| d.insert_row(list, usize::MAX));
        self.rows_changed();
    }

    pub fn remove_row(&self, list: List, at: usize) {
        let before = self.draft.get_untracked();
        if !self
            .draft
            .try_update(|d| d.remove_row(list, at))
            .unwrap_or(false)
        {
            return;
        }
        self.rows_changed();
        self.removed.set(Some(Removed {
            what: format!("{} {}", list.row_noun(), at + 1),
            list,
            at,
            before,
        }));
    }

    /// Puts back the row removed last (only until the next change).
    pub fn undo_remove(&self) {
        if let Some(removed) = self.removed.get_untracked() {
            self.draft.set(removed.before);
            self.rows_changed();
        }
    }

    /// Moves a row one place up (`up`) or down.
    pub fn move_row(&self, list: List, at: usize, up: bool) {
        let first = if up { at.checked_sub(1) } else { Some(at) };
        if let Some(first) = first {
            self.draft.update(|d| {
                d.swap_with_next(list, first);
            });
            self.rows_changed();
        }
    }

    fn rows_changed(&self) {
        self.loaded.update(|n| *n += 1);
        self.changed();
    }

    fn changed(&self) {
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

    // ----- saving -----

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
    fn write_open(&self, id: &str, rev: u64) -> bool {
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

    fn enter_conflict(&self, conflict: Conflict) {
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

    /// Reads the draft menu again from storage.
    fn relist(&self) {
        if let Ok(stored) = storage::list() {
            self.drafts.set(stored.iter().map(entry).collect());
        }
    }

    // ----- files downloaded, backups -----

    /// The open draft was downloaded (JSON or HTML): its edits are in a file now.
    pub fn downloaded(&self) {
        if let Some(id) = self.current.get_untracked() {
            storage::clear_unexported(&[id]);
        }
        self.unexported_since.set(None);
    }

    /// The text of a backup of every stored draft (after saving the open one), and the ids it
    /// holds; the caller downloads it and then calls [`AppState::backed_up`].
    pub fn backup(&self) -> Result<(String, Vec<String>), String> {
        self.save_now();
        let entries = storage::entries().map_err(|e| e.to_string())?;
        let text = write_backup(&entries, now_ms()).map_err(|e| e.to_string())?;
        Ok((text, entries.into_iter().map(|e| e.id).collect()))
    }

    /// A backup of these drafts was downloaded.
    pub fn backed_up(&self, ids: &[String]) {
        storage::clear_unexported(ids);
        self.unexported_since.set(None);
        self.notify(false, format!("已下载 {} 份草稿的备份文件。", ids.len()));
    }

    /// Restores a backup file: adds what is not here at once, and asks before replacing older
    /// drafts here. A file that is not a backup leaves everything as it was.
    pub fn restore(&self, file_name: &str, bytes: &[u8]) {
        let backup = match read_backup_bytes(bytes) {
            Ok(backup) => backup,
            Err(e) => return self.refuse_restore(file_name, &e.to_string()),
        };
        // The open draft's edits are stored first, so that its revision here is current.
        self.save_now();
        let plan = plan_restore(backup, |id| storage::raw(id).ok().flatten());
        if plan.needs_confirmation() {
            self.pending.set(Some(Pending::Restore {
                file: file_name.to_owned(),
                plan,
            }));
        } else {
            self.apply_restore(file_name, plan, false);
        }
    }

    pub fn refuse_restore(&self, file_name: &str, reason: &str) {
        self.notify(
            true,
            format!("无法从“{file_name}”恢复：{reason}。本机的草稿没有改动。"),
        );
    }

    /// Writes a restore: the drafts to add and the copies, and the older ones here replaced
    /// when `replace` (the user confirmed). Reports what was done, and what could not be.
    pub fn apply_restore(&self, file_name: &str, plan: Plan, replace: bool) {
        let mut writes: Vec<&Entry> = plan.add.iter().chain(&plan.copies).collect();
        if replace {
            writes.extend(&plan.replace);
        }
        let mut failed: Vec<String> = Vec::new();
        let mut written = 0;
        for e in &writes {
            match storage::put_raw(&e.id, &e.raw) {
                Ok(()) => written += 1,
                Err(err) => failed.push(format!("“{}”（{err}）", e.name())),
            }
        }
        self.relist();
        // The open draft replaced by the backup's version: show that one.
        let open = self.current.get_untracked();
        if replace && plan.replace.iter().any(|e| Some(&e.id) == open.as_ref()) {
            if let Some(id) = open {
                if let Ok(Some(StoredDraft {
                    content: Ok(draft),
                    rev,
                    saved_at,
                    ..
                })) = storage::get(&id)
                {
                    self.load_saved(&id, draft, rev, saved_at);
                }
            }
        }
        let report = plan.report(file_name, replace, written, &failed);
        self.notify(!failed.is_empty(), report);
    }

    /// True when edits on screen are not in storage (the last save failed, or there is none).
    pub fn has_unsaved_edits(&self) -> bool {
        self.dirty.get_value()
    }

    fn name_of(&self, id: &str) -> String {
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

    // ----- the draft menu -----

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
        self.create(sample_draft(), sample_name());
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

    /// 从往年报告导入: a report's text read into a new draft (REPORT.md §8) by the on-demand
    /// module; what could not be placed is listed with it. The open draft is not touched.
    pub fn new_from_report(&self, source: &str, text: &str) {
        if crate::text::is_blank(text) {
            self.notify(true, format!("“{source}”中没有可读取的文字。"));
            return;
        }
        let text = text.to_owned();
        self.open_reading_when_read(
            source,
            async move { super::office::read_report(&text).await },
        );
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

    // ----- import -----

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

    pub fn notify(&self, is_error: bool, text: String) {
        self.notice.set(Some(Notice { is_error, text }));
    }
}

fn entry(s: &StoredDraft) -> DraftEntry {
    DraftEntry {
        id: s.id.clone(),
        name: s.name.clone(),
        saved_at: s.saved_at,
        broken: s.content.as_ref().err().cloned(),
    }
}

fn sample_name() -> String {
    let sample = sample_draft();
    format!("示例草稿（{}{}）", sample.display_name(), sample.meta.year)
}

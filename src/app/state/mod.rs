//! The app's state: the open draft, what the core says of it, and the stored drafts.
//!
//! Every change goes through a method here, so saving, the "never lose what was typed" rule and
//! the storage errors live in one place; components only call these methods and read the
//! signals, which they get read-only (`draft()`, `drafts()`, …). The methods are split by
//! concern: the open draft ([`open_draft`]: typing, rows, findings), saving it ([`saving`]),
//! the stored-drafts menu ([`menu`]), notices and the confirm bar ([`notices`]), and backups
//! ([`backups`]). Nothing here checks or formats the report: that is the core's `check()`,
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

mod backups;
mod menu;
mod notices;
mod open_draft;
mod saving;

pub use menu::DraftEntry;
pub use notices::{DownloadKind, Notice, Pending};
use open_draft::LISTS;
pub use open_draft::{At, Removed, RowKey};
pub use saving::SaveState;

/// Autosave waits this long after the last edit (the issue asks for "within one second").
const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);

pub use crate::stored::Conflict;

/// A signal of the state as components get it: they can read and track it, not set it (that is
/// what the state's methods are for). It is the state's own signal behind an opaque type, so
/// reading it costs no code of its own (`ReadSignal`s cost wasm of their own: see the size
/// budget's comment in `tests/e2e/tests/size.rs`).
pub trait Reads<T>: With<Value = T> + WithUntracked<Value = T> + Copy + 'static {}

impl<T, S: With<Value = T> + WithUntracked<Value = T> + Copy + 'static> Reads<T> for S {}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The open draft, exactly as typed.
    draft: RwSignal<Draft>,
    /// Notified when the draft on screen is replaced other than by typing into its fields
    /// (another draft opened, another tab's version taken, a field filled in for the user):
    /// fields show its text again then. A keystroke does not notify it, so typing does not make
    /// every field of a large draft re-read itself; nor do rows added, removed or moved, whose
    /// fields move with them (they are keyed by `row_keys`).
    replaced: Trigger,
    /// Each list's rows as keys, in the draft's order (indexed as `List::ALL`).
    row_keys: [RwSignal<Vec<RowKey>>; LISTS],
    /// The next row key.
    next_row_key: StoredValue<RowKey>,
    /// Bumped when a choice (一级 or 二级指标) is changed: the selects read the draft again then
    /// (a 二级 offers its 一级's choices), not on every keystroke elsewhere.
    choices_changed: RwSignal<u64>,
    /// The stored id of the open draft; `None` when storage cannot be used.
    current: RwSignal<Option<String>>,
    drafts: RwSignal<Vec<DraftEntry>>,
    save_state: RwSignal<SaveState>,
    notice: RwSignal<Option<Notice>>,
    pending: RwSignal<Option<Pending>>,
    /// The last removed row, until the next change.
    removed: RwSignal<Option<Removed>>,
    /// What reading last year's report could not place, for the draft it made (until another
    /// draft is opened, or each piece is dismissed).
    unplaced: RwSignal<Vec<Unplaced>>,
    /// Set when another tab changed or deleted the open draft under this one.
    conflict: RwSignal<Option<Conflict>>,
    /// When the open draft's edits stopped being in a downloaded file (as stored; `None` when
    /// every edit is in one).
    unexported_since: RwSignal<Option<String>>,
    /// The reminder to download a backup was dismissed on this page.
    reminder_dismissed: RwSignal<bool>,
    /// Whether the browser keeps the drafts when it runs short of space; `None` until known.
    persistence: RwSignal<Option<Persistence>>,
    /// `check()`'s findings, in document order.
    findings: Memo<Vec<Finding>>,
    /// Their tally: what a download is asked about.
    tally: Memo<Tally>,
    /// Where the user has been on the open draft: what of the findings shows (see `shown`).
    attention: RwSignal<Attention>,
    /// The findings as the form shows them: blanks not yet left are to-dos, and a finding new on
    /// the field being typed in waits until it is left.
    shown: Memo<Shown>,
    figures: Memo<Figures>,
    /// The 自评表's figures (执行率, computed scores, 总分, 等级).
    score: Memo<ScoreFigures>,
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

    // What components read: the signals, read-only (every change is a method of this module).

    /// The open draft, exactly as typed.
    pub fn draft(&self) -> impl Reads<Draft> {
        self.draft
    }

    /// The stored id of the open draft; `None` when storage cannot be used.
    pub fn current(&self) -> impl Reads<Option<String>> {
        self.current
    }

    /// The stored drafts, as the draft menu lists them.
    pub fn drafts(&self) -> impl Reads<Vec<DraftEntry>> {
        self.drafts
    }

    pub fn notice(&self) -> impl Reads<Option<Notice>> {
        self.notice
    }

    /// The action the confirm bar asks about.
    pub fn pending(&self) -> impl Reads<Option<Pending>> {
        self.pending
    }

    /// The last removed row, until the next change.
    pub fn removed(&self) -> impl Reads<Option<Removed>> {
        self.removed
    }

    /// What reading last year's report could not place.
    pub fn unplaced(&self) -> impl Reads<Vec<Unplaced>> {
        self.unplaced
    }

    /// Another tab's change to the open draft, waiting for the user.
    pub fn conflict(&self) -> impl Reads<Option<Conflict>> {
        self.conflict
    }

    /// When the open draft's edits stopped being in a downloaded file; `None` when every edit
    /// is in one.
    pub fn unexported_since(&self) -> impl Reads<Option<String>> {
        self.unexported_since
    }

    pub fn reminder_dismissed(&self) -> impl Reads<bool> {
        self.reminder_dismissed
    }

    pub fn persistence(&self) -> impl Reads<Option<Persistence>> {
        self.persistence
    }

    /// The findings' tally: what a download is asked about.
    pub fn tally(&self) -> Memo<Tally> {
        self.tally
    }

    /// The findings as the form shows them.
    pub fn shown(&self) -> Memo<Shown> {
        self.shown
    }

    pub fn figures(&self) -> Memo<Figures> {
        self.figures
    }

    /// The 自评表's figures.
    pub fn score(&self) -> Memo<ScoreFigures> {
        self.score
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
            replaced: Trigger::new(),
            row_keys: std::array::from_fn(|_| RwSignal::new(Vec::new())),
            next_row_key: StoredValue::new(0),
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
}

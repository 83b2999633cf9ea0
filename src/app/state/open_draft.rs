//! The open draft: typing into it, its rows, and what of its findings each field shows.

use super::*;

/// The draft as it was before a row was removed, so the removal can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub what: String,
    /// Where the row was: its list and place, for the undo offered there.
    pub list: List,
    pub at: usize,
    pub before: Draft,
    /// The list's row keys before: an undo puts the row back under its own key, and the rows
    /// around it stay as they are drawn.
    keys: Vec<RowKey>,
}

/// A row's key: it stays with the row while rows are added, removed and moved, so the form's
/// rows are keyed by it and a moved row's fields move with it (their text, caret and findings).
pub type RowKey = u64;

/// Where a field is: its path, which for a field of a row follows the row's place (rows move,
/// and their fields with them).
#[derive(Clone, Copy)]
pub struct At {
    /// The path; for a row's field, the field in any row.
    path: Path,
    /// The row's place, for a row's field.
    row: Option<Memo<usize>>,
}

impl At {
    /// `path`'s field in the row at place `row`.
    pub fn in_row(path: Path, row: Memo<usize>) -> At {
        At {
            path,
            row: Some(row),
        }
    }

    /// Whether the path can change: a row's field.
    pub fn moves(self) -> bool {
        self.row.is_some()
    }

    /// The path now (tracked: it changes when the row moves).
    pub fn get(self) -> Path {
        match self.row {
            Some(row) => self.path.in_row(row.get()),
            None => self.path,
        }
    }

    pub fn get_untracked(self) -> Path {
        match self.row {
            Some(row) => self.path.in_row(row.get_untracked()),
            None => self.path,
        }
    }
}

impl From<Path> for At {
    fn from(path: Path) -> At {
        At { path, row: None }
    }
}

/// How many lists there are (`List::ALL`).
pub(super) const LISTS: usize = List::ALL.len();

/// Where a list's row keys are kept in `AppState::row_keys`.
fn slot(list: List) -> usize {
    List::ALL.iter().position(|l| *l == list).unwrap_or(0)
}

impl AppState {
    /// Passes each change of the shown findings on to the fields it concerns.
    ///
    /// This is the one `Effect` that writes signals, and it is needed: measured with
    /// `cargo bench -p e2e --bench keystroke` (2026-12-01), a memo per field instead (each
    /// reading `shown`) takes a keystroke to the findings on screen from p50 5.0 ms to 195 ms on
    /// the 500 + 500-row draft (every one of its 3,500 fields recomputes), and from 2.2 to 3.0 ms
    /// on the sample.
    pub(super) fn fan_out_findings(&self) {
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
    fn findings_on(&self, path: Path) -> ArcRwSignal<Vec<Finding>> {
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

    /// The findings of the field (or list) at `at`, which for a row's field follows its row
    /// (tracked when called).
    pub fn findings_at(&self, at: At) -> impl Fn() -> Vec<Finding> + Copy {
        let state = *self;
        move || state.findings_on(at.get()).get()
    }

    /// The selects read the draft again when a choice changes (tracked).
    pub fn track_choices(&self) {
        self.choices_changed.track();
    }

    /// The keys of a list's rows, in order (see [`RowKey`]).
    pub fn row_keys(&self, list: List) -> impl Reads<Vec<RowKey>> {
        self.keys_of(list)
    }

    /// The number of rows of a list; it changes only with rows added, removed or a draft loaded,
    /// so typing does not wake every row.
    pub fn row_count(&self, list: List) -> Memo<usize> {
        let keys = self.keys_of(list);
        Memo::new(move |_| keys.with(Vec::len))
    }

    fn keys_of(&self, list: List) -> RwSignal<Vec<RowKey>> {
        self.row_keys[slot(list)]
    }

    /// `n` keys not given to any row yet.
    fn new_keys(&self, n: usize) -> Vec<RowKey> {
        let first = self.next_row_key.get_value();
        self.next_row_key.set_value(first + n as RowKey);
        (first..first + n as RowKey).collect()
    }

    /// A list's keys follow rows added at its end (or dropped from it), the others keep theirs.
    fn fit_row_keys(&self, list: List) {
        let rows = self.draft.with_untracked(|d| d.rows(list));
        let have = self.keys_of(list).with_untracked(Vec::len);
        if have == rows {
            return;
        }
        let more = self.new_keys(rows.saturating_sub(have));
        self.keys_of(list).update(|keys| {
            keys.truncate(rows);
            keys.extend(more);
        });
    }

    /// Puts a draft on screen in place of the open one: every field shows its text, and nothing
    /// of the other draft's focus history stays. The rows on screen are kept for the new
    /// draft's rows at the same places (their fields read the new text), and only the rows one
    /// draft has beyond the other are drawn or taken away: opening the sample's reading this
    /// way takes 21 ms from the click to the frame, against 42–52 ms when every row was drawn
    /// afresh under new keys (the keystroke benchmark, 2026-12-02).
    pub(super) fn put_on_screen(&self, draft: Draft) {
        self.attention.set(Attention::default());
        self.draft.set(draft);
        for list in List::ALL {
            self.fit_row_keys(list);
        }
        self.replaced.notify();
    }

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
    pub(super) fn follow_unit_and_year(&self, before: &Draft) {
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
        self.replaced.notify();
    }

    /// Fields read their text again when the draft on screen is replaced (tracked).
    pub fn track_replaced(&self) {
        self.replaced.track();
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

    /// 按模板新建: the 自评表 started from the standard template (its 分值 too, when blank).
    pub fn start_scorecard(&self) {
        self.draft
            .update(|d| crate::scorecard::start_from_template(&mut d.scorecard));
        self.fit_row_keys(List::Indicators);
        self.replaced.notify();
        self.changed();
    }

    pub fn add_row(&self, list: List) {
        self.draft.update(|d| d.insert_row(list, usize::MAX));
        self.fit_row_keys(list);
        self.changed();
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
        let keys = self.keys_of(list).get_untracked();
        self.keys_of(list).update(|keys| {
            if at < keys.len() {
                keys.remove(at);
            }
        });
        self.fit_row_keys(list);
        self.changed();
        self.removed.set(Some(Removed {
            what: format!("{} {}", list.row_noun(), at + 1),
            list,
            at,
            before,
            keys,
        }));
    }

    /// Puts back the row removed last (only until the next change).
    pub fn undo_remove(&self) {
        if let Some(removed) = self.removed.get_untracked() {
            self.draft.set(removed.before);
            self.keys_of(removed.list).set(removed.keys);
            self.fit_row_keys(removed.list);
            self.changed();
        }
    }

    /// Moves a row one place up (`up`) or down.
    pub fn move_row(&self, list: List, at: usize, up: bool) {
        let Some(first) = (if up { at.checked_sub(1) } else { Some(at) }) else {
            return;
        };
        if !self
            .draft
            .try_update(|d| d.swap_with_next(list, first))
            .unwrap_or(false)
        {
            return;
        }
        self.keys_of(list).update(|keys| {
            if first + 1 < keys.len() {
                keys.swap(first, first + 1);
            }
        });
        self.changed();
    }
}

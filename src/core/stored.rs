//! Drafts as the browser stores them, and the revision protocol between tabs: pure data and
//! decisions, no web API (the app's `storage.rs` only moves these strings in and out of
//! `localStorage`).
//!
//! - `selfeval:draft:<id>` holds one stored draft as one value: a header line
//!   `selfeval-entry 1 {"name":…,"saved_at":…,"rev":…}` and then the draft file's JSON, exactly
//!   what 下载 JSON gives. Keys are prefixed `selfeval:` since every `file://` page shares one
//!   storage origin.
//! - `selfeval:current` holds the id of the draft that was open last.
//! - `selfeval:unexported:<id>` holds the time (ms since 1970) of the draft's first edit that is
//!   in no downloaded file (JSON, HTML or a backup), absent when every edit is: what the reminder
//!   to download a backup counts from ([`reminder_days`]). It is kept apart from the entry, so
//!   that a download is not a save another tab would see as a change.
//!
//! **Crash-safe**: a save is one write of the whole entry (draft, name and revision together),
//! so a failure half-way leaves the previous entry complete, never a mix.
//!
//! **Two tabs**: `rev` counts the saves of an entry. A tab saves only over the revision its text
//! is based on ([`on_save`]); a newer one means another tab saved in between, and what the page
//! does about another tab's write is [`on_change`].

use crate::json::{self, Value};

use crate::draft_file::{read_draft_versioned, write_draft, WriteError, VERSION};
use crate::model::Draft;

pub const DRAFT_PREFIX: &str = "selfeval:draft:";
pub const CURRENT_KEY: &str = "selfeval:current";
pub const UNEXPORTED_PREFIX: &str = "selfeval:unexported:";
const HEADER: &str = "selfeval-entry 1 ";

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

/// The storage key of a draft.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The draft id a storage key belongs to, or `None` for any other key.
pub fn draft_id(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_PREFIX)
}

/// The stored text of a draft with its name, time and revision.
pub fn entry_text(
    name: &str,
    saved_at: f64,
    rev: u64,
    draft: &Draft,
) -> Result<String, WriteError> {
    let head = header_line(name, saved_at, rev);
    // Nothing is written when the draft cannot be: an empty entry would replace a good one.
    let body = write_draft(draft)?;
    Ok(format!("{HEADER}{head}\n{body}"))
}

/// The key that holds when a draft's edits stopped being in a downloaded file.
pub fn unexported_key(id: &str) -> String {
    format!("{UNEXPORTED_PREFIX}{id}")
}

/// The draft a key of [`unexported_key`] belongs to, or `None` for any other key.
pub fn unexported_id(key: &str) -> Option<&str> {
    key.strip_prefix(UNEXPORTED_PREFIX)
}

/// The reminder to download a backup waits this many days after the first edit that is in no
/// downloaded file.
pub const REMIND_AFTER_DAYS: u64 = 3;

/// How many whole days the draft's edits have been in no downloaded file (`unexported_since`,
/// as [`unexported_key`] holds it), when that is long enough for the reminder; `None` otherwise.
pub fn reminder_days(unexported_since: Option<&str>, now: f64) -> Option<u64> {
    let since: u64 = unexported_since?.trim().parse().ok()?;
    let days = ((now - since as f64) / 86_400_000.0).floor();
    (days.is_finite() && days >= REMIND_AFTER_DAYS as f64).then_some(days as u64)
}

/// A time (ms since 1970) as [`unexported_key`] holds it: whole milliseconds, written without
/// the float formatting a fraction would need.
pub fn time_text(ms: f64) -> String {
    whole_ms(ms).to_string()
}

/// The reminder the save state shows, for [`reminder_days`].
pub fn reminder_text(days: u64) -> String {
    format!("本草稿只保存在本浏览器中，已 {days} 天未下载备份")
}

/// The same stored entry under another name: its header rewritten, the draft's text kept byte
/// for byte. `None` when the header does not read.
pub fn renamed(raw: &str, name: &str) -> Option<String> {
    let head = header(raw)?;
    let (_, body) = raw.split_once('\n')?;
    let line = header_line(name, head.saved_at, head.rev);
    Some(format!("{HEADER}{line}\n{body}"))
}

/// `name`, or when a draft here is already called that (`taken`), `name（2）`, `name（3）` …:
/// two drafts made the same way (从示例新建 twice, one file imported twice) can be told apart.
pub fn unique_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_owned();
    }
    (2..)
        .map(|n| format!("{name}（{n}）"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| name.to_owned())
}

/// The name of a new blank draft: `新草稿 3`.
pub fn blank_name(n: usize) -> String {
    format!("新草稿 {n}")
}

/// The name a draft takes from its unit and year once both are filled: `甲局 2024年度`.
pub fn unit_year_name(draft: &Draft) -> Option<String> {
    let (unit, year) = (draft.meta.department.trim(), draft.meta.year.trim());
    (!unit.is_empty() && !year.is_empty()).then(|| format!("{unit} {year}年度"))
}

/// The draft's new name after an edit of its unit or year (`before` → `after`), while its name is
/// one the app gave it rather than one the user typed: a new draft's `新草稿 N`, the sample's,
/// an imported file's, or its unit and year as they were (each perhaps a copy, `… 副本`, and
/// numbered `…（2）` by [`unique_name`]). `None` when the name stays.
pub fn follows_unit_and_year(name: &str, before: &Draft, after: &Draft) -> Option<String> {
    let next = unit_year_name(after)?;
    let was = unit_year_name(before);
    if was.as_deref() == Some(next.as_str()) {
        return None;
    }
    let mut base = name.trim();
    if let Some(numbered) = base.strip_suffix('）') {
        if let Some((stem, n)) = numbered.rsplit_once('（') {
            if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
                base = stem;
            }
        }
    }
    let base = base.strip_suffix(" 副本").unwrap_or(base);
    let given = base == "新草稿"
        || base
            .strip_prefix("新草稿 ")
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        || base.starts_with("示例草稿（")
        || Some(base) == was.as_deref()
        || base == crate::export::json_file_name(before).trim_end_matches(".json");
    given.then_some(next)
}

/// The name and revision a stored entry's header gives, without reading the draft; `None` when
/// the header does not read.
pub fn entry_name_rev(raw: &str) -> Option<(String, u64)> {
    header(raw).map(|h| (h.name, h.rev))
}

/// Reads a stored entry (also the new value of another tab's write). An entry that does not
/// read is kept byte for byte, with the reason.
pub fn parse_entry(id: &str, raw: String) -> StoredDraft {
    parse_migrating(id, raw).0
}

/// Reads a stored entry as [`parse_entry`] does and, when its draft was stored in an older
/// format (a version 1 draft, from before the 自评表), also gives the entry as it is to be
/// stored now: the same draft, name, time and revision, in the current format. The draft is
/// read once for both.
pub fn parse_migrating(id: &str, raw: String) -> (StoredDraft, Option<String>) {
    let Some(head) = header(&raw) else {
        let broken = StoredDraft {
            id: id.to_owned(),
            name: format!("草稿 {id}"),
            saved_at: 0.0,
            rev: 0,
            content: Err(Broken {
                raw,
                reason: "本地保存的记录已损坏".to_owned(),
            }),
        };
        return (broken, None);
    };
    let text = raw.split_once('\n').map_or("", |(_, draft)| draft);
    let (content, migrated) = match read_draft_versioned(text) {
        Ok((draft, version)) => {
            let migrated = (version < VERSION)
                .then(|| entry_text(&head.name, head.saved_at, head.rev, &draft).ok())
                .flatten();
            (Ok(draft), migrated)
        }
        Err(e) => (
            Err(Broken {
                raw: raw.clone(),
                reason: e.to_string(),
            }),
            None,
        ),
    };
    let stored = StoredDraft {
        id: id.to_owned(),
        name: head.name,
        saved_at: head.saved_at,
        rev: head.rev,
        content,
    };
    (stored, migrated)
}

/// The revision of a stored entry, read from its header alone (`None` when the header does not
/// read).
pub fn entry_rev(raw: &str) -> Option<u64> {
    header(raw).map(|h| h.rev)
}

struct Header {
    name: String,
    saved_at: f64,
    rev: u64,
}

/// The header's JSON, `{"name":…,"saved_at":…,"rev":…}`, its time in whole milliseconds.
/// (Entries saved while the core used serde_json have `1733100000000.0`; both read.)
fn header_line(name: &str, saved_at: f64, rev: u64) -> Value {
    json::object([
        ("name", name.into()),
        ("saved_at", whole_ms(saved_at).into()),
        ("rev", rev.into()),
    ])
}

/// A time (ms since 1970) in whole milliseconds, as the stored entries, their headers and
/// backups write it.
pub(crate) fn whole_ms(ms: f64) -> u64 {
    ms.max(0.0) as u64
}

fn header(raw: &str) -> Option<Header> {
    let (line, _) = raw.split_once('\n')?;
    let value = json::parse(line.strip_prefix(HEADER)?).ok()?;
    Some(Header {
        name: value.get("name")?.as_str()?.to_owned(),
        saved_at: value.get("saved_at").and_then(Value::as_f64).unwrap_or(0.0),
        rev: value.get("rev")?.as_u64()?,
    })
}

/// Why this tab's edits cannot simply be saved: the user has to choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// Another tab saved a newer version while this tab has unsaved edits.
    ChangedElsewhere,
    /// Another tab deleted the draft.
    DeletedElsewhere,
    /// Every stored draft is gone: the browser's data was cleared, here or in another tab.
    Cleared,
}

/// What storage holds for the open draft when this tab is about to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// An entry with this revision.
    Rev(u64),
    /// No readable entry.
    Nothing,
    /// No stored draft at all, this one's or any other.
    NoDrafts,
    /// Storage could not be read: the save is tried, and its failure shown.
    Unknown,
}

/// What a save does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Save {
    /// Nothing to save, or a conflict is waiting for the user.
    Skip,
    /// Write the entry as this revision.
    Write { rev: u64 },
    /// Write nothing: another tab changed or deleted the draft since `base_rev`.
    Conflict(Conflict),
}

/// Decides a save of the open draft, whose text is based on revision `base_rev` (0: never
/// stored). It saves only over that revision. `found` reads what storage holds; it is called
/// only when there is something to save.
pub fn on_save(
    dirty: bool,
    in_conflict: bool,
    base_rev: u64,
    found: impl FnOnce() -> Found,
) -> Save {
    if !dirty || in_conflict {
        return Save::Skip;
    }
    match found() {
        Found::Rev(rev) if rev != base_rev => Save::Conflict(Conflict::ChangedElsewhere),
        Found::Nothing if base_rev > 0 => Save::Conflict(Conflict::DeletedElsewhere),
        Found::NoDrafts if base_rev > 0 => Save::Conflict(Conflict::Cleared),
        _ => Save::Write { rev: base_rev + 1 },
    }
}

/// What the page does when storage was cleared under it (a `storage` event without a key):
/// `open_stored` says whether the open draft's entry is still there, `any_stored` whether any
/// draft is. Nothing when the draft is still stored or was never stored (`base_rev` 0).
pub fn on_clear(base_rev: u64, open_stored: bool, any_stored: bool) -> Option<Conflict> {
    match (open_stored, any_stored) {
        _ if base_rev == 0 => None,
        (true, _) => None,
        (false, false) => Some(Conflict::Cleared),
        (false, true) => Some(Conflict::DeletedElsewhere),
    }
}

/// What the page does when another tab wrote the open draft's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Nothing: the write is not newer than what the page shows.
    Nothing,
    /// Show the other tab's text: nothing was typed here since the last save.
    Load,
    /// Ask the user.
    Conflict(Conflict),
}

/// Decides what another tab's write (`stored`: the entry as it is now, `None` when deleted)
/// means for the open draft, based on revision `base_rev`, with or without unsaved edits.
pub fn on_change(dirty: bool, base_rev: u64, stored: Option<&StoredDraft>) -> Change {
    match stored {
        None => Change::Conflict(Conflict::DeletedElsewhere),
        Some(s) if s.rev <= base_rev => Change::Nothing,
        Some(s) if s.content.is_ok() && !dirty => Change::Load,
        Some(_) => Change::Conflict(Conflict::ChangedElsewhere),
    }
}

#[cfg(test)]
mod tests {
    /// Entries saved while the core wrote JSON with serde_json carry the time as a float
    /// (`1796130000000.0`); they read as before, and a save or rename writes whole milliseconds.
    #[test]
    fn headers_with_a_float_time_read_and_are_written_as_whole_milliseconds() {
        let draft = crate::sample::sample_draft();
        let body = crate::write_draft(&draft).unwrap();
        let old =
            format!("{HEADER}{{\"name\":\"旧\",\"saved_at\":1796130000000.0,\"rev\":3}}\n{body}");
        let read = super::parse_entry("a", old.clone());
        assert_eq!(
            (read.name.as_str(), read.saved_at, read.rev),
            ("旧", 1_796_130_000_000.0, 3)
        );
        assert_eq!(read.content, Ok(draft.clone()));
        let renamed = super::renamed(&old, "新").unwrap();
        assert!(renamed.starts_with(&format!(
            "{HEADER}{{\"name\":\"新\",\"saved_at\":1796130000000,\"rev\":3}}\n"
        )));
        assert!(renamed.ends_with(&body));
        let saved = super::entry_text("新", 1_796_130_000_000.0, 4, &draft).unwrap();
        assert!(saved.contains("\"saved_at\":1796130000000,"), "{saved}");
    }

    #[test]
    fn a_version_1_entry_is_migrated_to_version_2_and_a_current_one_is_left() {
        let v1 = format!(
            "{HEADER}{{\"name\":\"旧\",\"saved_at\":5,\"rev\":7}}\n{}",
            crate::sample::SEED_V1_JSON
        );
        let v1_draft = crate::draft_file::read_draft(crate::sample::SEED_V1_JSON).unwrap();
        let (read, now) = parse_migrating("a", v1);
        assert_eq!(read.content, Ok(v1_draft.clone()));
        let now = now.expect("a version 1 entry is rewritten");
        let (entry, again) = parse_migrating("a", now.clone());
        assert_eq!(
            (entry.name.as_str(), entry.saved_at, entry.rev),
            ("旧", 5.0, 7)
        );
        assert_eq!(entry.content, Ok(v1_draft.clone()));
        assert!(now.contains("\"version\": 2"));
        assert_eq!(again, None);
        let current = entry_text("x", 1.0, 1, &v1_draft).unwrap();
        assert_eq!(parse_migrating("b", current).1, None);
        // What does not read is left as it is.
        let cut = "selfeval-entry 1 {\"name\":\"x\",\"rev\":1}\n{\"version\":1,";
        assert_eq!(parse_migrating("c", cut.to_owned()).1, None);
        assert_eq!(parse_migrating("d", "garbage".to_owned()).1, None);
    }

    use super::*;
    use crate::sample::sample_draft;

    #[test]
    fn an_entry_reads_back_as_it_was_stored() {
        let draft = sample_draft();
        let text = entry_text("信访局“2024”", 1.5e12, 7, &draft).unwrap();
        assert!(text.starts_with("selfeval-entry 1 {"));
        assert!(
            text.ends_with(&write_draft(&draft).unwrap()),
            "the body is the draft file"
        );
        let stored = parse_entry("abc", text.clone());
        assert_eq!(
            stored,
            StoredDraft {
                id: "abc".into(),
                name: "信访局“2024”".into(),
                saved_at: 1.5e12,
                rev: 7,
                content: Ok(draft),
            }
        );
        assert_eq!(entry_rev(&text), Some(7));
    }

    #[test]
    fn an_entry_that_does_not_read_is_kept_byte_for_byte() {
        let cases = [
            ("不是草稿", "本地保存的记录已损坏"),
            ("selfeval-entry 1 {\"name\":1,\"rev\":1}\n{}", "本地保存的记录已损坏"),
            ("selfeval-entry 1 {\"name\":\"坏\",\"rev\":3}\n{\"format\":\"selfeval-draft\",", "不是有效的 JSON"),
            ("selfeval-entry 1 {\"name\":\"新\",\"rev\":1}\n{\"format\":\"selfeval-draft\",\"version\":9}", "第 9 版"),
        ];
        for (raw, reason) in cases {
            let stored = parse_entry("x", raw.to_owned());
            let broken = stored.content.expect_err(raw);
            assert_eq!(broken.raw, raw);
            assert!(broken.reason.contains(reason), "{raw}: {}", broken.reason);
        }
        assert_eq!(parse_entry("x", "不是草稿".into()).name, "草稿 x");
        assert_eq!(entry_rev("不是草稿"), None);
    }

    #[test]
    fn keys_name_drafts() {
        assert_eq!(draft_key("k1"), "selfeval:draft:k1");
        assert_eq!(draft_id("selfeval:draft:k1"), Some("k1"));
        assert_eq!(draft_id(CURRENT_KEY), None);
        assert_eq!(draft_id("other:draft:k1"), None);
        assert_eq!(unexported_id(&unexported_key("k1")), Some("k1"));
        assert_eq!(unexported_id(&draft_key("k1")), None);
    }

    #[test]
    fn a_save_writes_only_over_the_revision_it_is_based_on() {
        use Found::*;
        let cases = [
            // (dirty, in conflict, base, found) -> save
            (false, false, 3, Rev(3), Save::Skip),
            (true, true, 3, Rev(3), Save::Skip),
            (true, false, 3, Rev(3), Save::Write { rev: 4 }),
            (true, false, 0, Nothing, Save::Write { rev: 1 }),
            (true, false, 3, Unknown, Save::Write { rev: 4 }),
            (
                true,
                false,
                3,
                Rev(4),
                Save::Conflict(Conflict::ChangedElsewhere),
            ),
            (
                true,
                false,
                3,
                Rev(2),
                Save::Conflict(Conflict::ChangedElsewhere),
            ),
            (
                true,
                false,
                3,
                Nothing,
                Save::Conflict(Conflict::DeletedElsewhere),
            ),
            (true, false, 3, NoDrafts, Save::Conflict(Conflict::Cleared)),
            (true, false, 0, NoDrafts, Save::Write { rev: 1 }),
        ];
        for (dirty, in_conflict, base, found, expected) in cases {
            assert_eq!(
                on_save(dirty, in_conflict, base, || found),
                expected,
                "{dirty} {in_conflict} {base} {found:?}"
            );
        }
        // Without anything to save, storage is not even read.
        assert_eq!(
            on_save(false, false, 3, || unreachable!("storage read")),
            Save::Skip
        );
    }

    #[test]
    fn another_tabs_write_loads_asks_or_is_ignored() {
        let at = |rev: u64| StoredDraft {
            id: "x".into(),
            name: "x".into(),
            saved_at: 0.0,
            rev,
            content: Ok(sample_draft()),
        };
        let broken = StoredDraft {
            content: Err(Broken {
                raw: "?".into(),
                reason: "?".into(),
            }),
            ..at(5)
        };
        let cases = [
            // (dirty, base, stored) -> change
            (false, 3, None, Change::Conflict(Conflict::DeletedElsewhere)),
            (true, 3, None, Change::Conflict(Conflict::DeletedElsewhere)),
            (false, 3, Some(at(3)), Change::Nothing),
            (true, 3, Some(at(2)), Change::Nothing),
            (false, 3, Some(at(4)), Change::Load),
            (
                true,
                3,
                Some(at(4)),
                Change::Conflict(Conflict::ChangedElsewhere),
            ),
            (
                false,
                3,
                Some(broken),
                Change::Conflict(Conflict::ChangedElsewhere),
            ),
        ];
        for (dirty, base, stored, expected) in cases {
            assert_eq!(
                on_change(dirty, base, stored.as_ref()),
                expected,
                "{dirty} {base} {stored:?}"
            );
        }
    }

    #[test]
    fn clearing_storage_under_the_page_is_noticed() {
        assert_eq!(on_clear(3, false, false), Some(Conflict::Cleared));
        assert_eq!(on_clear(3, false, true), Some(Conflict::DeletedElsewhere));
        assert_eq!(on_clear(3, true, true), None);
        assert_eq!(on_clear(0, false, false), None);
    }

    #[test]
    fn the_reminder_counts_whole_days_from_the_first_edit_in_no_file() {
        let day = 86_400_000.0;
        let now = 1.8e12;
        assert_eq!(reminder_days(None, now), None);
        let since = |days: f64| time_text(now - days * day);
        assert_eq!(reminder_days(Some(&since(2.9)), now), None);
        assert_eq!(reminder_days(Some(&since(3.0)), now), Some(3));
        assert_eq!(reminder_days(Some(&since(5.5)), now), Some(5));
        // A clock set back, or a value that is not a time, shows nothing.
        assert_eq!(reminder_days(Some(&since(-1.0)), now), None);
        assert_eq!(reminder_days(Some("soon"), now), None);
        assert_eq!(
            reminder_text(5),
            "本草稿只保存在本浏览器中，已 5 天未下载备份"
        );
    }

    #[test]
    fn a_renamed_entry_keeps_its_draft_byte_for_byte() {
        let raw = entry_text("甲", 1.0, 4, &sample_draft()).unwrap();
        let copy = renamed(&raw, "甲（备份中的版本）").unwrap();
        assert_eq!(
            entry_name_rev(&copy),
            Some(("甲（备份中的版本）".to_owned(), 4))
        );
        assert_eq!(
            copy.split_once('\n').unwrap().1,
            raw.split_once('\n').unwrap().1
        );
        assert_eq!(renamed("not an entry", "x"), None);
    }

    #[test]
    fn a_draft_is_named_after_its_unit_and_year_until_the_user_names_it() {
        let blank = Draft::default();
        let mut unit = blank.clone();
        unit.meta.department = "甲局".into();
        let mut both = unit.clone();
        both.meta.year = "2024".into();
        // Not before both are filled.
        assert_eq!(follows_unit_and_year("新草稿 2", &blank, &unit), None);
        for given in [
            "新草稿 2",
            "新草稿 2（3）",
            "新草稿 2 副本",
            "示例草稿（区信访局2024）",
        ] {
            assert_eq!(
                follows_unit_and_year(given, &unit, &both).as_deref(),
                Some("甲局 2024年度"),
                "{given}"
            );
        }
        // A name the user typed stays.
        for typed in ["甲局草稿", "新草稿的草稿", "新草稿 x"] {
            assert_eq!(follows_unit_and_year(typed, &unit, &both), None, "{typed}");
        }
        // The name follows the year on; an imported file's name does too.
        let mut next = both.clone();
        next.meta.year = "2025".into();
        assert_eq!(
            follows_unit_and_year("甲局 2024年度（2）", &both, &next).as_deref(),
            Some("甲局 2025年度")
        );
        assert_eq!(
            follows_unit_and_year("甲局-2024-绩效自评-草稿", &both, &next).as_deref(),
            Some("甲局 2025年度")
        );
        // An edit that leaves unit and year as they were renames nothing.
        assert_eq!(
            follows_unit_and_year("新草稿 2", &both, &both.clone()),
            None
        );
    }

    #[test]
    fn a_second_draft_of_the_same_name_gets_a_number() {
        let here = ["示例草稿", "示例草稿（2）", "甲"];
        let taken = |n: &str| here.contains(&n);
        assert_eq!(unique_name("乙", taken), "乙");
        assert_eq!(unique_name("甲", taken), "甲（2）");
        assert_eq!(unique_name("示例草稿", taken), "示例草稿（3）");
    }
}

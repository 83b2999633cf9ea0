//! The backup file of 备份全部草稿 / 从备份恢复: every draft one browser stores, in one file,
//! and how a restore merges it with the drafts stored here. Pure data and decisions: the app's
//! storage moves the strings, and `selfeval check` reads a backup as it reads a draft.
//!
//! A backup holds each stored entry exactly as storage holds it (`selfeval-entry 1 {header}` and
//! the draft's JSON, see [`crate::stored`]), so a restore gives back every draft equal and an
//! unreadable one byte for byte; its name, revision and time are repeated beside it for a person
//! reading the file. The format is documented in `docs/backup-format.md`.

use crate::json::{self, Value};
use crate::stored::whole_ms;

use crate::draft_file::{
    object_of, text_of, version_against, FileKind, ReadError, VersionProblem, WriteError,
    MAX_FILE_BYTES,
};
use crate::stored::{entry_name_rev, parse_entry, renamed};

pub const FORMAT: &str = "selfeval-backup";
pub const VERSION: u64 = 1;
/// A backup is refused above this size (a browser stores a few megabytes in all).
pub const MAX_BACKUP_BYTES: usize = 32 * 1024 * 1024;
/// A backup holds at most this many drafts.
pub const MAX_DRAFTS: usize = 1_000;
/// One stored entry in a backup: a draft file and its header line.
const MAX_ENTRY_BYTES: usize = MAX_FILE_BYTES + 4 * 1024;

/// One stored draft: its id and its stored entry exactly as storage holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub raw: String,
}

impl Entry {
    /// The draft's name for a message: from its header, or its id when the header does not read.
    pub fn name(&self) -> String {
        entry_name_rev(&self.raw).map_or_else(|| format!("草稿 {}", self.id), |(name, _)| name)
    }

    /// The stored revision; 0 when the header does not read.
    pub fn rev(&self) -> u64 {
        entry_name_rev(&self.raw).map_or(0, |(_, rev)| rev)
    }
}

/// A backup file as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// When it was made (ms since 1970; 0 when the file does not say).
    pub created_at: f64,
    pub entries: Vec<Entry>,
}

/// Why a file is not a backup this program can restore.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("文件过大（{} MB）：备份文件最大 {} MB", bytes.div_ceil(1024 * 1024), MAX_BACKUP_BYTES / 1024 / 1024)]
    TooLarge { bytes: usize },
    #[error("这是{0}，不是草稿备份：备份文件是用“备份全部草稿”保存的 .json 文件")]
    OtherKind(FileKind),
    #[error("{0}")]
    File(ReadError),
    #[error("不是草稿备份文件：{0}")]
    NotABackup(&'static str),
    #[error("这是一份草稿文件，不是备份：请用“导入草稿…”打开它")]
    IsDraft,
    #[error("这是另一种文件（format 为“{0}”），不是草稿备份（format 应为“selfeval-backup”）")]
    OtherFormat(String),
    #[error("这份备份是第 {0} 版格式，比本程序能读的第 {VERSION} 版新：请使用新版本的程序恢复")]
    NewerVersion(String),
    #[error("备份的版本号“{0}”无效")]
    BadVersion(String),
    #[error("备份中的草稿过多（共 {0} 份）：一份备份最多 {MAX_DRAFTS} 份")]
    TooManyDrafts(usize),
    #[error("备份中第 {at} 份草稿{problem}")]
    BadEntry { at: usize, problem: &'static str },
}

/// The name a backup is downloaded as, for its date (`2026-12-01`).
pub fn backup_file_name(date: &str) -> String {
    format!("草稿备份-{date}.json")
}

/// Writes a backup of `entries` made at `created_at`: pretty-printed JSON, one object per draft.
pub fn write_backup(entries: &[Entry], created_at: f64) -> Result<String, WriteError> {
    let drafts: Vec<Value> = entries
        .iter()
        .map(|e| {
            let stored = parse_entry(&e.id, e.raw.clone());
            json::object([
                ("id", e.id.as_str().into()),
                ("name", stored.name.into()),
                ("rev", stored.rev.into()),
                ("saved_at", whole_ms(stored.saved_at).into()),
                ("readable", stored.content.is_ok().into()),
                ("entry", e.raw.as_str().into()),
            ])
        })
        .collect();
    let root = json::object([
        ("format", FORMAT.into()),
        ("version", VERSION.into()),
        ("created_at", whole_ms(created_at).into()),
        ("drafts", drafts.into()),
    ]);
    let mut text = root.to_pretty();
    text.push('\n');
    Ok(text)
}

/// Reads a backup file's bytes, with the same limits and messages as a draft file (size, kind of
/// file, encoding, nesting, format, version) and its own (drafts, their ids and sizes).
pub fn read_backup_bytes(bytes: &[u8]) -> Result<Backup, BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge { bytes: bytes.len() });
    }
    let text = text_of(bytes).map_err(|e| match e {
        ReadError::OtherKind(kind) => BackupError::OtherKind(kind),
        other => BackupError::File(other),
    })?;
    let root = object_of(text).map_err(|e| match e {
        ReadError::NotADraft(_) => BackupError::NotABackup("文件内容不是一个 JSON 对象"),
        other => BackupError::File(other),
    })?;
    match root.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) if f == crate::draft_file::FORMAT => {
            return Err(BackupError::IsDraft)
        }
        Some(Value::String(f)) => return Err(BackupError::OtherFormat(f.clone())),
        Some(other) => return Err(BackupError::OtherFormat(other.to_string())),
        None => return Err(BackupError::NotABackup("这个 JSON 文件没有 format 字段")),
    }
    version_against(root.get("version"), VERSION).map_err(|p| match p {
        VersionProblem::Missing => BackupError::NotABackup("缺少 version 字段"),
        VersionProblem::Invalid(v) => BackupError::BadVersion(v),
        VersionProblem::Newer(v) => BackupError::NewerVersion(v),
    })?;
    let Some(Value::Array(drafts)) = root.get("drafts") else {
        return Err(BackupError::NotABackup("缺少草稿列表（drafts）"));
    };
    if drafts.len() > MAX_DRAFTS {
        return Err(BackupError::TooManyDrafts(drafts.len()));
    }
    let mut entries: Vec<Entry> = Vec::with_capacity(drafts.len());
    for (i, item) in drafts.iter().enumerate() {
        let entry =
            entry_of(item).map_err(|problem| BackupError::BadEntry { at: i + 1, problem })?;
        if entries.iter().any(|e| e.id == entry.id) {
            return Err(BackupError::BadEntry {
                at: i + 1,
                problem: "的编号（id）与前面的一份重复",
            });
        }
        entries.push(entry);
    }
    Ok(Backup {
        created_at: root
            .get("created_at")
            .and_then(Value::as_f64)
            .unwrap_or(0.0),
        entries,
    })
}

fn entry_of(item: &Value) -> Result<Entry, &'static str> {
    let item = item.as_object().ok_or("不是一个 JSON 对象")?;
    let id = item
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| is_valid_id(id))
        .ok_or("缺少编号（id），或编号含有字母、数字、- 和 _ 以外的字符")?;
    let raw = item
        .get("entry")
        .and_then(Value::as_str)
        .ok_or("缺少保存的内容（entry）")?;
    if raw.len() > MAX_ENTRY_BYTES {
        return Err("过大：一份草稿最大 5 MB");
    }
    Ok(Entry {
        id: id.to_owned(),
        raw: raw.to_owned(),
    })
}

/// An id this program makes (time and a random part in base 36) or could: it becomes part of a
/// storage key, so nothing else is taken from a file.
fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// What a restore does, decided before anything is written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Drafts not stored here: added.
    pub add: Vec<Entry>,
    /// Drafts stored here at an older revision: replaced only when the user confirms.
    pub replace: Vec<Entry>,
    /// Drafts stored here at the same revision with other content: added beside them under a
    /// new id and name, so that neither is lost.
    pub copies: Vec<Entry>,
    /// The names of drafts stored here at a newer revision: never overwritten.
    pub newer_here: Vec<String>,
    /// How many drafts are stored here exactly as in the backup.
    pub same: usize,
}

impl Plan {
    /// True when the restore writes nothing without asking.
    pub fn needs_confirmation(&self) -> bool {
        !self.replace.is_empty()
    }

    /// What a restore from `file` did, for the user: `written` drafts stored, the older ones
    /// here replaced or not (`replaced`), and the writes that `failed` (each named, with why).
    pub fn report(&self, file: &str, replaced: bool, written: usize, failed: &[String]) -> String {
        let mut parts = vec![format!("已从“{file}”恢复 {written} 份草稿")];
        if self.same > 0 {
            parts.push(format!("{} 份与本机相同", self.same));
        }
        if !self.newer_here.is_empty() {
            parts.push(format!(
                "本机较新的 {} 份保留未动：{}",
                self.newer_here.len(),
                self.newer_here.join("、")
            ));
        }
        if !self.copies.is_empty() {
            parts.push(format!(
                "{} 份与本机同版本但内容不同，已另存为“备份中的版本”",
                self.copies.len()
            ));
        }
        if !replaced && !self.replace.is_empty() {
            parts.push(format!("本机较旧的 {} 份未替换", self.replace.len()));
        }
        if !failed.is_empty() {
            parts.push(format!(
                "{} 份未能恢复：{}",
                failed.len(),
                failed.join("、")
            ));
        }
        format!("{}。", parts.join("；"))
    }
}

/// Merges a backup with the drafts stored here (`stored(id)`: the entry stored under `id`).
/// Nothing is deleted; a newer draft here is never overwritten.
pub fn plan_restore(backup: Backup, stored: impl Fn(&str) -> Option<String>) -> Plan {
    let mut plan = Plan::default();
    let ids: Vec<String> = backup.entries.iter().map(|e| e.id.clone()).collect();
    for entry in backup.entries {
        let Some(here) = stored(&entry.id) else {
            plan.add.push(entry);
            continue;
        };
        let here_rev = entry_name_rev(&here).map_or(0, |(_, rev)| rev);
        match entry.rev().cmp(&here_rev) {
            _ if here == entry.raw => plan.same += 1,
            std::cmp::Ordering::Greater => plan.replace.push(entry),
            std::cmp::Ordering::Less => plan.newer_here.push(entry.name()),
            std::cmp::Ordering::Equal => {
                let taken = |id: &str| stored(id).is_some() || ids.iter().any(|i| i == id);
                let id = (1..)
                    .map(|n| format!("{}-r{n}", entry.id))
                    .find(|id| !taken(id) && is_valid_id(id))
                    .unwrap_or_else(|| entry.id.clone());
                let name = format!("{}（备份中的版本）", entry.name());
                let raw = renamed(&entry.raw, &name).unwrap_or(entry.raw);
                plan.copies.push(Entry { id, raw });
            }
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_draft;
    use crate::stored::entry_text;

    fn entry(id: &str, name: &str, rev: u64) -> Entry {
        let mut draft = sample_draft();
        draft.meta.department = format!("{name} r{rev}");
        Entry {
            id: id.into(),
            raw: entry_text(name, 1.7e12, rev, &draft).unwrap(),
        }
    }

    fn broken() -> Entry {
        Entry {
            id: "bad-1".into(),
            raw: "selfeval-entry 1 {\"name\":\"坏\"}\n{ \"format\": 不是 JSON \u{1F600}\r\n".into(),
        }
    }

    #[test]
    fn a_backup_reads_back_every_entry_byte_for_byte() {
        let entries = vec![entry("a-1", "甲", 3), entry("b-2", "乙“引号”", 1), broken()];
        let text = write_backup(&entries, 1.8e12).unwrap();
        let back = read_backup_bytes(text.as_bytes()).unwrap();
        assert_eq!(back.entries, entries);
        assert_eq!(back.created_at, 1.8e12);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], FORMAT);
        assert_eq!(value["drafts"][0]["name"], "甲");
        assert_eq!(value["drafts"][0]["rev"], 3);
        assert_eq!(value["drafts"][2]["readable"], false);
    }

    #[test]
    fn files_that_are_not_backups_are_refused_with_the_reason() {
        let newer = r#"{"format":"selfeval-backup","version":2,"drafts":[]}"#;
        assert_eq!(
            read_backup_bytes(newer.as_bytes()),
            Err(BackupError::NewerVersion("2".into()))
        );
        assert!(read_backup_bytes(newer.as_bytes())
            .unwrap_err()
            .to_string()
            .contains("第 2 版"));
        let draft = crate::write_draft(&sample_draft()).unwrap();
        assert_eq!(
            read_backup_bytes(draft.as_bytes()),
            Err(BackupError::IsDraft)
        );
        // And the other way round: a backup given as a draft says what it is.
        let backup = write_backup(&[entry("a-1", "甲", 1)], 0.0).unwrap();
        assert_eq!(crate::read_draft(&backup), Err(ReadError::IsBackup));
        let cases: [(&str, &str); 7] = [
            ("", "文件为空"),
            ("[1]", "不是一个 JSON 对象"),
            (r#"{"format":"x","version":1}"#, "format 为“x”"),
            (r#"{"format":"selfeval-backup"}"#, "缺少 version"),
            (r#"{"format":"selfeval-backup","version":1}"#, "drafts"),
            (
                r#"{"format":"selfeval-backup","version":1,"drafts":[{"id":"../x","entry":""}]}"#,
                "第 1 份草稿缺少编号",
            ),
            (
                r#"{"format":"selfeval-backup","version":1,"drafts":[{"id":"a","entry":""},{"id":"a","entry":""}]}"#,
                "第 2 份草稿的编号（id）与前面的一份重复",
            ),
        ];
        for (text, reason) in cases {
            let e = read_backup_bytes(text.as_bytes()).unwrap_err().to_string();
            assert!(e.contains(reason), "{text}: {e}");
        }
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(read_backup_bytes(deep.as_bytes())
            .unwrap_err()
            .to_string()
            .contains("嵌套"));
        let big = vec![b' '; MAX_BACKUP_BYTES + 1];
        assert!(matches!(
            read_backup_bytes(&big),
            Err(BackupError::TooLarge { .. })
        ));
        let many: Vec<serde_json::Value> = (0..=MAX_DRAFTS)
            .map(|i| serde_json::json!({"id": format!("d{i}"), "entry": ""}))
            .collect();
        let many = serde_json::json!({"format": FORMAT, "version": 1, "drafts": many}).to_string();
        assert_eq!(
            read_backup_bytes(many.as_bytes()),
            Err(BackupError::TooManyDrafts(MAX_DRAFTS + 1))
        );
        assert!(matches!(
            read_backup_bytes(b"PK\x03\x04 word/document.xml"),
            Err(BackupError::OtherKind(FileKind::Word))
        ));
    }

    #[test]
    fn a_restore_adds_replaces_older_keeps_newer_and_deletes_nothing() {
        let backup = Backup {
            created_at: 0.0,
            entries: vec![
                entry("new-1", "新", 1),
                entry("old-1", "旧", 4),
                entry("newer-1", "较新", 2),
                entry("same-1", "相同", 5),
                entry("fork-1", "分叉", 3),
            ],
        };
        let here = [
            entry("old-1", "旧", 2),
            entry("newer-1", "较新", 7),
            entry("same-1", "相同", 5),
            Entry {
                raw: entry_text("分叉", 1.0, 3, &crate::Draft::default()).unwrap(),
                ..entry("fork-1", "分叉", 3)
            },
            entry("fork-1-r1", "已占用", 1),
            entry("only-here", "本机", 1),
        ];
        let stored = |id: &str| here.iter().find(|e| e.id == id).map(|e| e.raw.clone());
        let plan = plan_restore(backup.clone(), stored);
        let ids = |list: &[Entry]| list.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&plan.add), ["new-1"]);
        assert_eq!(ids(&plan.replace), ["old-1"]);
        assert_eq!(plan.replace[0], backup.entries[1]);
        assert_eq!(plan.newer_here, ["较新"]);
        assert_eq!(plan.same, 1);
        // The same revision with other content: the backup's is added beside it.
        assert_eq!(ids(&plan.copies), ["fork-1-r2"]);
        assert_eq!(plan.copies[0].name(), "分叉（备份中的版本）");
        assert!(plan.needs_confirmation());
        assert_eq!(
            plan.report("备份.json", false, 2, &["“新”（空间已满）".to_owned()]),
            "已从“备份.json”恢复 2 份草稿；1 份与本机相同；本机较新的 1 份保留未动：较新；\
             1 份与本机同版本但内容不同，已另存为“备份中的版本”；本机较旧的 1 份未替换；\
             1 份未能恢复：“新”（空间已满）。"
        );
        let nothing_older = plan_restore(backup, |_| None);
        assert!(!nothing_older.needs_confirmation());
        assert_eq!(nothing_older.add.len(), 5);
    }
}

//! The draft file (spec §3): reading a colleague's JSON into a [`Draft`] and writing one back.
//!
//! Reading never panics and never guesses: a file that is not JSON, is another kind of file, is
//! from a newer version, or holds a value of the wrong type is refused with a message that names
//! the problem and where it is. Numbers where text is expected are kept as the text they were
//! written as (`155.540` stays `155.540`: `crate::json` keeps a number's text), and unknown
//! fields are kept so they survive a round trip.

use crate::json::{self, Map, SyntaxError, Value};

use crate::model::{Draft, Extra, Indicator, PerformancePoint, ProjectRow, SpecialFund};
use crate::outline::{Def, FundField, IndicatorField, List, Path, PointField, ProjectField};

/// The `format` every draft file carries.
pub const FORMAT: &str = "selfeval-draft";
/// The newest version this program reads and the one it writes. Version 1 (the report without
/// the 自评表 and 落款日期) reads as a version 2 draft whose table is not started.
pub const VERSION: u64 = 2;
/// Larger files are refused before they are parsed.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Deeper JSON nesting is refused before it is parsed (a draft needs four levels).
pub const MAX_DEPTH: usize = 64;
/// More rows than this, all lists together, are refused.
pub const MAX_ROWS: usize = 10_000;

/// Why a file could not be read as a draft. The messages are for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("文件过大（{} MB）：草稿文件最大 5 MB", bytes.div_ceil(1024 * 1024))]
    TooLarge { bytes: usize },
    #[error("文件是 UTF-16 编码：请用记事本“另存为”UTF-8 编码后再导入")]
    Utf16,
    #[error("文件不是文本（不是 UTF-8 编码）")]
    NotText,
    #[error("文件为空")]
    Empty,
    #[error("JSON 嵌套超过 {MAX_DEPTH} 层")]
    TooDeep,
    #[error("不是有效的 JSON：第 {line} 行第 {column} 列，{reason}")]
    BadJson {
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("不是绩效自评草稿文件：{0}")]
    NotADraft(&'static str),
    #[error("这是另一种文件（format 为“{0}”），不是绩效自评草稿（format 应为“selfeval-draft”）")]
    OtherFormat(String),
    #[error("这份草稿是第 {0} 版格式，比本程序能读的第 {VERSION} 版新：请使用新版本的程序打开")]
    NewerVersion(String),
    #[error("草稿的版本号“{0}”无效")]
    BadVersion(String),
    #[error("字段 {path} 应为{expected}，文件中却是{found}")]
    WrongType {
        path: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("行数过多（共 {0} 行）：一份草稿最多 {MAX_ROWS} 行")]
    TooManyRows(usize),
    #[error("这是{0}，不是草稿文件：草稿文件是用本工具“下载 JSON”保存的 .json 文件，请让同事发送那个文件")]
    OtherKind(FileKind),
    #[error(
        "这是草稿备份文件（用“备份全部草稿”保存的），不是单份草稿：请用“草稿”旁的“从备份恢复…”打开"
    )]
    IsBackup,
}

/// A kind of file that people pick by mistake, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Word,
    Spreadsheet,
    Presentation,
    Archive,
    /// An old binary Office or WPS file (.doc, .xls, .wps, .et).
    OldOffice,
    Pdf,
    Image,
    Rtf,
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileKind::Word => "一个 Word 文档（.docx）",
            FileKind::Spreadsheet => "一个 Excel 表格（.xlsx）",
            FileKind::Presentation => "一个 PowerPoint 演示文稿（.pptx）",
            FileKind::Archive => "一个压缩文件（.zip）",
            FileKind::OldOffice => "一个旧版 Word、Excel 或 WPS 文件（.doc、.xls、.wps）",
            FileKind::Pdf => "一个 PDF 文件",
            FileKind::Image => "一张图片",
            FileKind::Rtf => "一个 RTF 文档",
        })
    }
}

impl FileKind {
    /// The kind of a file by its first bytes, when it is one of the kinds above.
    pub fn of(bytes: &[u8]) -> Option<FileKind> {
        let head = bytes.get(..bytes.len().min(8)).unwrap_or_default();
        let kind = match head {
            [b'P', b'K', 3, 4, ..] => {
                // An Office file is a zip whose part names tell its kind; they stand near the
                // start (the first entries), so a look at the first kilobytes is enough.
                let start = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or_default();
                let has = |name: &[u8]| start.windows(name.len()).any(|w| w == name);
                if has(b"word/") {
                    FileKind::Word
                } else if has(b"xl/") {
                    FileKind::Spreadsheet
                } else if has(b"ppt/") {
                    FileKind::Presentation
                } else {
                    FileKind::Archive
                }
            }
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] => FileKind::OldOffice,
            [b'%', b'P', b'D', b'F', ..] => FileKind::Pdf,
            [0x89, b'P', b'N', b'G', ..]
            | [0xFF, 0xD8, 0xFF, ..]
            | [b'G', b'I', b'F', b'8', ..] => FileKind::Image,
            [b'{', b'\\', b'r', b't', b'f', ..] => FileKind::Rtf,
            _ => return None,
        };
        Some(kind)
    }
}

/// Reads a draft file's bytes (as a file picker or the command line gives them).
pub fn read_draft_bytes(bytes: &[u8]) -> Result<Draft, ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    read_draft(text_of(bytes)?)
}

/// The text of a JSON file's bytes: refused when the bytes are another kind of file, UTF-16 or
/// not UTF-8; a UTF-8 byte order mark is dropped. (The size is the caller's to check.)
pub(crate) fn text_of(bytes: &[u8]) -> Result<&str, ReadError> {
    if let Some(kind) = FileKind::of(bytes) {
        return Err(ReadError::OtherKind(kind));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Utf16);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| ReadError::NotText)
}

/// The JSON object a file's text holds, refused when it is empty, nests too deep (checked
/// before parsing), is not JSON or not an object.
pub(crate) fn object_of(text: &str) -> Result<Map, ReadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    if nesting_depth_exceeds(text.as_bytes(), MAX_DEPTH) {
        return Err(ReadError::TooDeep);
    }
    match json::parse(text).map_err(|e| bad_json(text, e))? {
        Value::Object(root) => Ok(root),
        _ => Err(ReadError::NotADraft("文件内容不是一个 JSON 对象")),
    }
}

/// Reads a draft from its JSON text.
pub fn read_draft(text: &str) -> Result<Draft, ReadError> {
    read_draft_versioned(text).map(|(draft, _)| draft)
}

/// Reads a draft from its JSON text, with the format version it was written in (older than
/// [`VERSION`] when it is to be written again in the current one).
pub fn read_draft_versioned(text: &str) -> Result<(Draft, u64), ReadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: text.len() });
    }
    let root = object_of(text)?;
    match root.get("format") {
        None => {
            return Err(ReadError::NotADraft(
                "这个 JSON 文件没有 format 字段，可能是其他程序导出的；请导入用本工具“下载 JSON”保存的草稿",
            ))
        }
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) if f == crate::backup::FORMAT => return Err(ReadError::IsBackup),
        Some(Value::String(f)) => return Err(ReadError::OtherFormat(f.clone())),
        Some(other) => return Err(ReadError::OtherFormat(other.to_string())),
    }
    let version = check_version(root.get("version"))?;
    let rows = count_rows(&root);
    if rows > MAX_ROWS {
        return Err(ReadError::TooManyRows(rows));
    }
    Ok((draft_from(&root)?, version))
}

/// The draft could not be written as a file. Writing JSON into memory does not fail today; the
/// error stays in the writers' signatures so that every caller already says so, rather than
/// store or hand out an empty file in place of the draft, should a writer ever fail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("无法生成草稿文件（{0}）：请稍后重试，或复制页面上的内容另行保存")]
pub struct WriteError(pub(crate) String);

/// Writes a draft as its JSON file: pretty-printed, known fields in the spec's order, unknown
/// fields after them, every value as typed.
pub fn write_draft(draft: &Draft) -> Result<String, WriteError> {
    let mut text = draft_to_value(draft).to_pretty();
    text.push('\n');
    Ok(text)
}

fn check_version(version: Option<&Value>) -> Result<u64, ReadError> {
    match version_against(version, VERSION) {
        Ok(v) => Ok(v),
        Err(VersionProblem::Missing) => Err(ReadError::NotADraft("缺少 version 字段")),
        Err(VersionProblem::Invalid(written)) => Err(ReadError::BadVersion(written)),
        Err(VersionProblem::Newer(written)) => Err(ReadError::NewerVersion(written)),
    }
}

/// What is wrong with a file's `version` compared with the one this program writes.
pub(crate) enum VersionProblem {
    Missing,
    /// Not a whole number, as written.
    Invalid(String),
    /// Newer than this program, as written.
    Newer(String),
}

/// Compares a file's `version` (a number, or a string of digits) with `current`: every version
/// from 1 to `current` is read, and given back.
pub(crate) fn version_against(
    version: Option<&Value>,
    current: u64,
) -> Result<u64, VersionProblem> {
    let written = match version {
        None => return Err(VersionProblem::Missing),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(other) => return Err(VersionProblem::Invalid(other.to_string())),
    };
    if written.is_empty() || !written.bytes().all(|b| b.is_ascii_digit()) {
        return Err(VersionProblem::Invalid(written));
    }
    let digits = written.trim_start_matches('0');
    match digits.parse::<u64>() {
        Ok(v) if (1..=current).contains(&v) => Ok(v),
        Ok(0) | Err(_) if digits.is_empty() => Err(VersionProblem::Invalid(written)),
        // Anything else is newer (including numbers too big for u64).
        _ => Err(VersionProblem::Newer(written)),
    }
}

/// True when `[` / `{` nest deeper than `limit` outside strings. Runs before parsing so that a
/// hostile file cannot make the parser recurse deeply.
fn nesting_depth_exceeds(bytes: &[u8], limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// A JSON syntax error with its position counted in characters, as an editor shows it.
fn bad_json(text: &str, e: SyntaxError) -> ReadError {
    let before = text.get(..e.at).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    ReadError::BadJson {
        line: before.matches('\n').count() + 1,
        column: before.get(line_start..).unwrap_or_default().chars().count() + 1,
        reason: e.syntax.reason().to_owned(),
    }
}

fn count_rows(root: &Map) -> usize {
    List::ALL
        .into_iter()
        .map(|list| {
            at(root, list.def().key)
                .ok()
                .flatten()
                .and_then(Value::as_array)
                .map_or(0, Vec::len)
        })
        .sum()
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "空值",
        Value::Bool(_) => "真假值",
        Value::Number(_) => "数字",
        Value::String(_) => "文本",
        Value::Array(_) => "列表",
        Value::Object(_) => "对象",
    }
}

fn wrong_type(path: &str, expected: &'static str, found: &Value) -> ReadError {
    ReadError::WrongType {
        path: path.to_owned(),
        expected,
        found: kind_of(found),
    }
}

fn text_value(value: Option<&Value>, path: &str) -> Result<String, ReadError> {
    match value {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(other) => Err(wrong_type(path, "文本", other)),
    }
}

/// The object at a dotted path of the file (`basic.staff`; `""` is the top): `None` when it is
/// missing or null, an error when something else stands there.
fn object_at<'a>(root: &'a Map, path: &str) -> Result<Option<&'a Map>, ReadError> {
    let mut map = root;
    let mut walked = 0;
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        walked += segment.len() + usize::from(walked > 0);
        match map.get(segment) {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Object(inner)) => map = inner,
            Some(other) => {
                return Err(wrong_type(
                    path.get(..walked).unwrap_or(path),
                    "对象",
                    other,
                ))
            }
        }
    }
    Ok(Some(map))
}

/// The value at a field's key (`basic.staff.total`), through the objects above it.
fn at<'a>(root: &'a Map, key: &str) -> Result<Option<&'a Value>, ReadError> {
    let (parent, last) = key.rsplit_once('.').unwrap_or(("", key));
    Ok(object_at(root, parent)?.and_then(|m| m.get(last)))
}

/// The file's layout, from the outline, worked out once: the report's fields and lists in
/// document order (what the reader reads and the writer writes), and the file's objects (`""`
/// for the top, `meta`, `basic.staff` …: every prefix of a key) with the keys the outline
/// gives inside each.
struct Layout {
    entries: Vec<Path>,
    objects: Vec<(&'static str, Vec<&'static str>)>,
}

fn layout() -> &'static Layout {
    static LAYOUT: std::sync::OnceLock<Layout> = std::sync::OnceLock::new();
    LAYOUT.get_or_init(|| {
        let mut entries: Vec<Path> = Path::SINGLE_FIELDS
            .into_iter()
            .chain(List::ALL.map(List::path))
            .collect();
        crate::order::sort_by(&mut entries, Ord::cmp);
        let mut objects = vec![""];
        for &path in &entries {
            let key = path.key().unwrap_or_default();
            for (i, _) in key.match_indices('.') {
                let object = key.get(..i).unwrap_or(key);
                if !objects.contains(&object) {
                    objects.push(object);
                }
            }
        }
        let objects = objects
            .into_iter()
            .map(|object| (object, known_keys(&entries, object)))
            .collect();
        Layout { entries, objects }
    })
}

/// The keys the outline gives inside one of the file's objects.
fn known_keys(entries: &[Path], object: &str) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = if object.is_empty() {
        vec!["format", "version"]
    } else {
        Vec::new()
    };
    for &path in entries {
        let key = path.key().unwrap_or_default();
        let rest = if object.is_empty() {
            Some(key)
        } else {
            key.strip_prefix(object).and_then(|r| r.strip_prefix('.'))
        };
        if let Some(rest) = rest {
            let child = rest.split('.').next().unwrap_or(rest);
            if !keys.contains(&child) {
                keys.push(child);
            }
        }
    }
    keys
}

/// Where the model keeps the unknown fields of each of the file's objects (`extra_mut` and
/// `extra_ref`). A test checks that every object of the outline has a place here, so no unknown
/// field is ever dropped.
macro_rules! extras {
    ($($object:literal => $($place:ident).*;)+) => {
        fn extra_mut<'a>(d: &'a mut Draft, object: &str) -> Option<&'a mut Extra> {
            Some(match object {
                $($object => &mut d.$($place.)*extra,)+
                _ => return None,
            })
        }

        fn extra_ref<'a>(d: &'a Draft, object: &str) -> Option<&'a Extra> {
            Some(match object {
                $($object => &d.$($place.)*extra,)+
                _ => return None,
            })
        }
    };
}

extras! {
    "" => ;
    "meta" => meta;
    "basic" => basic;
    "basic.staff" => basic.staff;
    "goals" => goals;
    "general_budget" => general_budget;
    "gov_fund_budget" => gov_fund_budget;
    "state_capital_budget" => state_capital_budget;
    "social_insurance_budget" => social_insurance_budget;
    "performance" => performance;
    "scorecard" => scorecard;
    "scorecard.budget" => scorecard.budget;
    "scorecard.income" => scorecard.income;
    "scorecard.goal" => scorecard.goal;
}

/// The fields of a row or an object other than the outline's (`known`): kept as they are.
fn unknown_fields(row: &Map, known: &[&str]) -> Extra {
    row.iter()
        .filter(|(k, _)| !known.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// The rows of a list of records, each field from its declaration.
fn read_rows<T: Default>(
    items: &[Value],
    path: &str,
    fields: &[Def<T>],
    extra: fn(&mut T) -> &mut Extra,
) -> Result<Vec<T>, ReadError> {
    let keys: Vec<&str> = fields.iter().map(|f| f.key).collect();
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("{path}[{i}]");
            let mut row = T::default();
            let map = match item {
                Value::Null => return Ok(row),
                Value::Object(map) => map,
                other => return Err(wrong_type(&at, "对象", other)),
            };
            for field in fields {
                *(field.get_mut)(&mut row) =
                    text_value(map.get(field.key), &format!("{at}.{}", field.key))?;
            }
            *extra(&mut row) = unknown_fields(map, &keys);
            Ok(row)
        })
        .collect()
}

fn draft_from(root: &Map) -> Result<Draft, ReadError> {
    let mut draft = Draft::default();
    let layout = layout();
    for &path in &layout.entries {
        if let Some((_, def)) = path.single() {
            *(def.get_mut)(&mut draft) = text_value(at(root, def.key)?, def.key)?;
            continue;
        }
        let Some(list) = path.list() else { continue };
        let key = list.def().key;
        let items = match at(root, key)? {
            None | Some(Value::Null) => &[][..],
            Some(Value::Array(items)) => items.as_slice(),
            Some(other) => return Err(wrong_type(key, "列表", other)),
        };
        match list {
            List::Functions => {
                draft.basic.functions = items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| text_value(Some(v), &format!("{key}[{i}]")))
                    .collect::<Result<_, _>>()?;
            }
            List::Projects => {
                let fields = ProjectField::ALL.map(ProjectField::def);
                draft.general_budget.projects =
                    read_rows(items, key, &fields, |r: &mut ProjectRow| &mut r.extra)?;
            }
            List::Points => {
                let fields = PointField::ALL.map(PointField::def);
                draft.performance.overall =
                    read_rows(items, key, &fields, |r: &mut PerformancePoint| &mut r.extra)?;
            }
            List::Funds => {
                let fields = FundField::ALL.map(FundField::def);
                draft.performance.special_funds =
                    read_rows(items, key, &fields, |r: &mut SpecialFund| &mut r.extra)?;
            }
            List::Indicators => {
                let fields = IndicatorField::ALL.map(IndicatorField::def);
                draft.scorecard.indicators =
                    read_rows(items, key, &fields, |r: &mut Indicator| &mut r.extra)?;
            }
        }
    }
    for (object, known) in &layout.objects {
        let Some(map) = object_at(root, object)? else {
            continue;
        };
        if let Some(extra) = extra_mut(&mut draft, object) {
            *extra = unknown_fields(map, known);
        }
    }
    Ok(draft)
}

fn s(text: &str) -> Value {
    Value::String(text.to_owned())
}

/// The object at a dotted path of the value being written, made when it is not there yet
/// (`None` only if something other than an object stood there, which the writer never puts).
fn object_mut<'a>(root: &'a mut Map, path: &str) -> Option<&'a mut Map> {
    let mut map = root;
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        if !map.contains_key(segment) {
            map.insert(segment.to_owned(), Value::Object(Map::new()));
        }
        map = map.get_mut(segment)?.as_object_mut()?;
    }
    Some(map)
}

fn put(root: &mut Map, key: &str, value: Value) {
    let (parent, last) = key.rsplit_once('.').unwrap_or(("", key));
    if let Some(map) = object_mut(root, parent) {
        map.insert(last.to_owned(), value);
    }
}

/// The rows of a list of records as the file writes them, each with its fields in the
/// outline's order, then its unknown ones (the writer's side of [`read_rows`]).
fn rows_value<T>(rows: &[T], fields: &[Def<T>], extra: fn(&T) -> &Extra) -> Vec<Value> {
    rows.iter()
        .map(|row| {
            let mut map: Map = fields
                .iter()
                .map(|f| (f.key.to_owned(), s((f.get)(row))))
                .collect();
            map.extend_absent(extra(row));
            Value::Object(map)
        })
        .collect()
}

fn draft_to_value(d: &Draft) -> Value {
    let mut root = Map::new();
    root.insert("format".to_owned(), s(FORMAT));
    root.insert("version".to_owned(), Value::from(VERSION));
    let layout = layout();
    for &path in &layout.entries {
        if let Some((_, def)) = path.single() {
            put(&mut root, def.key, s((def.get)(d)));
            continue;
        }
        let Some(list) = path.list() else { continue };
        let rows: Vec<Value> = match list {
            List::Functions => d.basic.functions.iter().map(|f| s(f)).collect(),
            List::Projects => rows_value(
                &d.general_budget.projects,
                &ProjectField::ALL.map(ProjectField::def),
                |r: &ProjectRow| &r.extra,
            ),
            List::Points => rows_value(
                &d.performance.overall,
                &PointField::ALL.map(PointField::def),
                |r: &PerformancePoint| &r.extra,
            ),
            List::Funds => rows_value(
                &d.performance.special_funds,
                &FundField::ALL.map(FundField::def),
                |r: &SpecialFund| &r.extra,
            ),
            List::Indicators => rows_value(
                &d.scorecard.indicators,
                &IndicatorField::ALL.map(IndicatorField::def),
                |r: &Indicator| &r.extra,
            ),
        };
        put(&mut root, list.def().key, Value::Array(rows));
    }
    // Unknown fields after the known ones of their object.
    for (object, _) in &layout.objects {
        let (Some(extra), Some(map)) = (extra_ref(d, object), object_mut(&mut root, object)) else {
            continue;
        };
        map.extend_absent(extra);
    }
    Value::Object(root)
}

//! The command line of spec §7, for checking many drafts at once:
//!
//! ```text
//! selfeval check [--format text|json] FILE...
//! selfeval export --html|--json|--docx FILE [-o OUT]
//! selfeval import FILE [-o OUT]
//! ```
//!
//! Exit status: 0 when no file has an error finding, 1 when any does, 2 when a file cannot be
//! read or is not a draft, or the command line is wrong. `import` (REPORT.md §8): 0 when all of
//! the report's text was placed, 1 when some was not (listed on standard error), 2 when the file
//! cannot be read.

use std::ffi::OsString;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path as FsPath, PathBuf};
use std::process::ExitCode;

use crate::backup::{read_backup_bytes, MAX_BACKUP_BYTES};
use crate::checks::check;
use crate::draft_file::{read_draft_bytes, ReadError, MAX_FILE_BYTES};
use crate::export::{render_docx, render_html, render_json};
use crate::finding::{Finding, Tally};
use crate::json::{self, Value};
use crate::model::Draft;
use crate::stored::parse_entry;

const USAGE: &str = "\
用法：
  selfeval check [--format text|json] 文件...
      检查一个或多个草稿文件（或草稿备份文件中的每份草稿），每条发现一行：
      文件: 级别 规则 路径: 说明（备份中的草稿写作 文件#草稿名）
  selfeval export --html|--json|--docx 文件 [-o 输出文件]
      导出报告（HTML 或 Word .docx）或草稿文件（JSON）；不给 -o 时写到标准输出
  selfeval import 文件 [-o 输出文件]
      读取往年报告的文字（.txt 或 .docx），生成草稿文件（JSON）；不给 -o 时写到标准输出，
      未识别的内容列在标准错误上
  文件写作 - 表示标准输入。

退出状态：0 没有错误；1 有文件存在错误级别的发现；2 有文件无法读取或不是草稿，或命令行有误。
import 的退出状态：0 全部内容已识别；1 有未识别的内容；2 文件无法读取。
";

/// Exit statuses.
const OK: u8 = 0;
const FOUND_ERRORS: u8 = 1;
const FAILED: u8 = 2;

pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let stdout = io::stdout();
    let stderr = io::stderr();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = stderr.lock();
    let status = run(&args, &mut out, &mut err);
    if out.flush().is_err() {
        return ExitCode::from(FAILED);
    }
    ExitCode::from(status)
}

/// Runs one command line; returns the exit status.
pub fn run(args: &[OsString], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut args = args.iter();
    match args.next().and_then(|a| a.to_str()) {
        Some("check") => match CheckArgs::parse(args) {
            Ok(a) => check_files(&a, out, err),
            Err(e) => usage_error(err, &e),
        },
        Some("export") => match ExportArgs::parse(args) {
            Ok(a) => export(&a, out, err),
            Err(e) => usage_error(err, &e),
        },
        Some("import") => match ImportArgs::parse(args) {
            Ok(a) => import(&a, out, err),
            Err(e) => usage_error(err, &e),
        },
        Some("-h" | "--help" | "help") => {
            let _ = out.write_all(USAGE.as_bytes());
            OK
        }
        Some("-V" | "--version") => {
            let _ = writeln!(out, "selfeval {}", env!("CARGO_PKG_VERSION"));
            OK
        }
        Some(other) => usage_error(err, &format!("未知命令“{other}”")),
        None => usage_error(err, "缺少命令"),
    }
}

fn usage_error(err: &mut dyn Write, message: &str) -> u8 {
    let _ = writeln!(err, "selfeval: {message}\n\n{USAGE}");
    FAILED
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OutputFormat {
    Text,
    Json,
}

struct CheckArgs {
    format: OutputFormat,
    files: Vec<PathBuf>,
}

impl CheckArgs {
    fn parse<'a>(mut args: impl Iterator<Item = &'a OsString>) -> Result<Self, String> {
        let mut format = OutputFormat::Text;
        let mut files = Vec::new();
        while let Some(arg) = args.next() {
            let format_value = match arg.to_str() {
                Some("--format") => Some(
                    args.next()
                        .and_then(|v| v.to_str())
                        .ok_or("--format 后面要写 text 或 json")?
                        .to_owned(),
                ),
                Some(a) if a.starts_with("--format=") => {
                    Some(a.trim_start_matches("--format=").to_owned())
                }
                Some(a) if a.starts_with('-') && a != "-" => return Err(format!("未知选项“{a}”")),
                _ => None,
            };
            match format_value.as_deref() {
                Some("text") => format = OutputFormat::Text,
                Some("json") => format = OutputFormat::Json,
                Some(other) => return Err(format!("--format 只能是 text 或 json，不是“{other}”")),
                None => files.push(PathBuf::from(arg)),
            }
        }
        if files.is_empty() {
            return Err("check 需要至少一个文件".to_owned());
        }
        Ok(CheckArgs { format, files })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportKind {
    Html,
    Json,
    Docx,
}

struct ExportArgs {
    kind: ExportKind,
    file: PathBuf,
    output: Option<PathBuf>,
}

impl ExportArgs {
    fn parse<'a>(mut args: impl Iterator<Item = &'a OsString>) -> Result<Self, String> {
        let (mut kind, mut file, mut output) = (None, None, None);
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--html" | "--json" | "--docx") if kind.is_some() => {
                    return Err("--html、--json 和 --docx 只能选一个".to_owned())
                }
                Some("--html") => kind = Some(ExportKind::Html),
                Some("--json") => kind = Some(ExportKind::Json),
                Some("--docx") => kind = Some(ExportKind::Docx),
                Some("-o" | "--output") => {
                    output = Some(PathBuf::from(args.next().ok_or("-o 后面要写输出文件")?))
                }
                Some(a) if a.starts_with('-') && a != "-" => return Err(format!("未知选项“{a}”")),
                _ if file.is_some() => return Err("export 一次只导出一个文件".to_owned()),
                _ => file = Some(PathBuf::from(arg)),
            }
        }
        Ok(ExportArgs {
            kind: kind.ok_or("export 需要 --html、--json 或 --docx")?,
            file: file.ok_or("export 需要一个草稿文件")?,
            output,
        })
    }
}

struct ImportArgs {
    file: PathBuf,
    output: Option<PathBuf>,
}

impl ImportArgs {
    fn parse<'a>(mut args: impl Iterator<Item = &'a OsString>) -> Result<Self, String> {
        let (mut file, mut output) = (None, None);
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("-o" | "--output") => {
                    output = Some(PathBuf::from(args.next().ok_or("-o 后面要写输出文件")?))
                }
                Some(a) if a.starts_with('-') && a != "-" => return Err(format!("未知选项“{a}”")),
                _ if file.is_some() => return Err("import 一次只读一个文件".to_owned()),
                _ => file = Some(PathBuf::from(arg)),
            }
        }
        Ok(ImportArgs {
            file: file.ok_or("import 需要一个报告文件（.txt 或 .docx）")?,
            output,
        })
    }
}

/// Reads a report's text into a draft (REPORT.md §8).
fn import(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let name = args.file.display();
    let text = read_bytes(&args.file, crate::report_file::MAX_REPORT_BYTES)
        .and_then(|bytes| crate::report_file::report_text(&bytes).map_err(|e| e.to_string()));
    let text = match text {
        Ok(text) => text,
        Err(reason) => {
            let _ = writeln!(err, "selfeval: {name}: {reason}");
            return FAILED;
        }
    };
    let reading = crate::reader::read_report(&text);
    let json = match render_json(&reading.draft) {
        Ok(json) => json,
        Err(e) => {
            let _ = writeln!(err, "selfeval: {name}：{e}");
            return FAILED;
        }
    };
    if let Err(reason) = write_output(args.output.as_deref(), json.as_bytes(), out) {
        let _ = writeln!(err, "selfeval: {reason}");
        return FAILED;
    }
    for u in &reading.unplaced {
        let _ = writeln!(err, "{name}: 未识别的内容 {}：{}", u.place(), u.text);
    }
    if reading.unplaced.is_empty() {
        OK
    } else {
        let _ = writeln!(
            err,
            "selfeval: {name}: 有 {} 段内容未能识别，请在草稿中手工填入",
            reading.unplaced.len()
        );
        FOUND_ERRORS
    }
}

/// Writes a command's output to `-o`'s file, or to standard output.
fn write_output(path: Option<&FsPath>, bytes: &[u8], out: &mut dyn Write) -> Result<(), String> {
    match path {
        Some(path) if path.as_os_str() != "-" => std::fs::write(path, bytes)
            .map_err(|e| format!("无法写入 {}：{}", path.display(), io_reason(&e))),
        _ => out
            .write_all(bytes)
            .map_err(|e| format!("无法写到标准输出：{e}")),
    }
}

/// Reads a file's bytes (`-` is standard input), at most `limit` and one more (so that a larger
/// file is refused without reading it all into memory).
fn read_bytes(path: &FsPath, limit: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = limit as u64 + 1;
    let read = if path.as_os_str() == "-" {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("无法读取：{}", io_reason(&e)))?;
    Ok(bytes)
}

/// Reads a draft file.
fn load(path: &FsPath) -> Result<Draft, String> {
    let bytes = read_bytes(path, MAX_FILE_BYTES)?;
    read_draft_bytes(&bytes).map_err(|e: ReadError| e.to_string())
}

/// A draft read from a file, with the name its findings are shown under; or why it does not read.
type Loaded = (String, Result<Draft, String>);

/// The drafts a file holds, each with the name its findings are shown under: a draft file holds
/// one (shown as the file), a backup every stored draft (shown as `FILE#name`), each readable or
/// with the reason it is not.
fn load_drafts(path: &FsPath) -> Result<Vec<Loaded>, String> {
    let file = path.display().to_string();
    let bytes = read_bytes(path, MAX_BACKUP_BYTES)?;
    let backup = match read_draft_bytes(&bytes) {
        Ok(draft) => return Ok(vec![(file, Ok(draft))]),
        Err(ReadError::IsBackup) => read_backup_bytes(&bytes).map_err(|e| e.to_string())?,
        // Too large for a draft: a backup may still be this large.
        Err(e @ ReadError::TooLarge { .. }) => {
            read_backup_bytes(&bytes).map_err(|_| e.to_string())?
        }
        Err(e) => return Err(e.to_string()),
    };
    Ok(backup
        .entries
        .into_iter()
        .map(|entry| {
            let stored = parse_entry(&entry.id, entry.raw);
            let content = stored
                .content
                .map_err(|broken| format!("备份中的这份草稿无法读取：{}", broken.reason));
            (format!("{file}#{}", stored.name), content)
        })
        .collect())
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "文件不存在".to_owned(),
        io::ErrorKind::PermissionDenied => "没有读取权限".to_owned(),
        io::ErrorKind::IsADirectory => "这是一个文件夹".to_owned(),
        _ => e.to_string(),
    }
}

fn check_files(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut status = OK;
    let mut tally = Tally::default();
    let mut json_rows = Vec::new();
    let mut drafts = 0;
    for path in &args.files {
        let loaded = load_drafts(path)
            .unwrap_or_else(|reason| vec![(path.display().to_string(), Err(reason))]);
        for (name, draft) in loaded {
            drafts += 1;
            let findings: Vec<Finding> = match draft {
                Ok(draft) => check(&draft),
                Err(reason) => {
                    let _ = writeln!(err, "selfeval: {name}: {reason}");
                    status = FAILED;
                    continue;
                }
            };
            let file_tally = Tally::of(&findings);
            if file_tally.errors > 0 && status == OK {
                status = FOUND_ERRORS;
            }
            tally = tally + file_tally;
            for f in &findings {
                match args.format {
                    OutputFormat::Text => {
                        let _ = writeln!(
                            out,
                            "{name}: {} {} {}: {}",
                            f.severity(),
                            f.rule,
                            f.path,
                            f.message
                        );
                    }
                    OutputFormat::Json => json_rows.push(json::object([
                        ("file", Value::from(name.as_str())),
                        ("rule", f.rule.id().into()),
                        ("severity", f.severity().id().into()),
                        ("path", f.path.to_string().into()),
                        ("message", f.message.as_str().into()),
                    ])),
                }
            }
        }
    }
    if args.format == OutputFormat::Json {
        let text = Value::from(json_rows).to_pretty();
        let _ = writeln!(out, "{text}");
    }
    if drafts > 1 {
        let _ = writeln!(
            err,
            "selfeval: 共 {} 份草稿：{} 个错误，{} 个警告，{} 个提示",
            drafts, tally.errors, tally.warnings, tally.infos
        );
    }
    status
}

fn export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let name = args.file.display();
    let draft = match load(&args.file) {
        Ok(draft) => draft,
        Err(reason) => {
            let _ = writeln!(err, "selfeval: {name}: {reason}");
            return FAILED;
        }
    };
    let errors = Tally::of(&check(&draft)).errors;
    if errors > 0 {
        let _ = writeln!(
            err,
            "selfeval: 注意：{name} 有 {errors} 个错误，仍然导出（用 selfeval check 查看）"
        );
    }
    let bytes = match args.kind {
        ExportKind::Html => Ok(render_html(&draft).into_bytes()),
        ExportKind::Json => render_json(&draft)
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        ExportKind::Docx => render_docx(&draft).map_err(|e| e.to_string()),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => {
            let _ = writeln!(err, "selfeval: {name}：{e}");
            return FAILED;
        }
    };
    match write_output(args.output.as_deref(), &bytes, out) {
        Ok(()) => OK,
        Err(reason) => {
            let _ = writeln!(err, "selfeval: {reason}");
            FAILED
        }
    }
}

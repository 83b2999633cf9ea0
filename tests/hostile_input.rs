//! Drafts come from colleagues as files: untrusted input. Issue 5, natively: payloads in every
//! field come out as text, oversized, deep and huge files are refused, and nothing panics.
#![cfg(not(target_arch = "wasm32"))] // native: processes, files, proptest

use std::process::Command;
use std::time::Instant;

use selfeval::draft_file::{read_draft, write_draft, ReadError, MAX_FILE_BYTES, MAX_ROWS};
use selfeval::export::render_html;
use selfeval::sample::sample_draft;
use selfeval::{check, Draft, List, Path};

const PAYLOADS: &str = include_str!("data/payloads.txt");

fn payloads() -> Vec<&'static str> {
    PAYLOADS.lines().filter(|l| !l.is_empty()).collect()
}

/// The seed with two rows in every list and a payload in every field.
fn payload_draft() -> Draft {
    let mut draft = sample_draft();
    draft.basic.functions.truncate(2);
    draft.general_budget.projects.truncate(2);
    draft.performance.overall.truncate(2);
    draft.performance.special_funds.truncate(2);
    draft.insert_row(List::Functions, 0);
    let paths: Vec<Path> = draft.fields().collect();
    for (path, payload) in paths.iter().zip(payloads().into_iter().cycle()) {
        draft.set_field(*path, payload);
    }
    draft
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn payloads_in_every_field_export_as_text() {
    let draft = payload_draft();
    let html = render_html(&draft);
    // Every tag in the document is one the export writes itself.
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "article", "h1", "h2", "h3",
        "h4", "p", "span", "section", "table", "colgroup", "col", "tr", "th", "td",
    ];
    for tag in html.split('<').skip(1) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_lowercase();
        assert!(
            allowed.contains(&name.as_str()),
            "<{name} came through as markup"
        );
    }
    // The only <style> is the document's own.
    assert_eq!(html.matches("<style>").count(), 1);
    // The CSP forbids scripts (and everything else but inline styles).
    assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'"));
    // Shown as typed, escaped.
    assert!(html.contains("&lt;script&gt;window.__pwned = 1&lt;/script&gt;"));
    assert!(html.contains("&amp;lt;已经转义&amp;gt;"));
    // Direction controls are shown, not obeyed.
    assert!(!html.contains('\u{202E}'));
    assert!(html.contains("&lt;U+202E&gt;报告.exe"));
}

#[test]
fn payloads_in_findings_are_plain_text_with_direction_controls_shown() {
    let draft = payload_draft();
    let findings = check(&draft);
    assert!(findings.iter().any(|f| f.rule.id() == "format.amount"));
    assert!(findings
        .iter()
        .all(|f| !f.message.chars().any(selfeval::text::is_direction_control)));
    // A payload in a draft round-trips unchanged: nothing typed is rewritten.
    assert_eq!(read_draft(&write_draft(&draft).unwrap()), Ok(draft));
}

#[test]
fn the_command_line_refuses_oversized_deep_and_huge_files_and_checks_payloads() {
    let dir = scratch("cli");
    let write = |name: &str, bytes: Vec<u8>| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let mut big = b"{\"format\":\"selfeval-draft\",\"version\":1,\"other\":\"".to_vec();
    big.resize(MAX_FILE_BYTES + 10, b'a');
    big.extend_from_slice(b"\"}");
    let oversized = write("oversized.json", big);
    let deep = write(
        "deep.json",
        format!(
            "{{\"format\":\"selfeval-draft\",\"version\":1,\"x\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        )
        .into_bytes(),
    );
    let rows = vec!["\"甲\""; MAX_ROWS + 1].join(",");
    let huge = write(
        "rows.json",
        format!(
            "{{\"format\":\"selfeval-draft\",\"version\":1,\"basic\":{{\"functions\":[{rows}]}}}}"
        )
        .into_bytes(),
    );
    let payload = write(
        "payload.json",
        write_draft(&payload_draft()).unwrap().into_bytes(),
    );

    for (file, says) in [
        (&oversized, "文件过大"),
        (&deep, "嵌套超过 64 层"),
        (&huge, "行数过多"),
    ] {
        let started = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_selfeval"))
            .args(["check", file])
            .output()
            .unwrap();
        let took = started.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
        assert!(stderr.contains(says), "{file}: {stderr}");
        eprintln!("{file}: refused in {took:?}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_selfeval"))
        .args(["check", &payload])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "errors, not a crash");
    let out = Command::new(env!("CARGO_BIN_EXE_selfeval"))
        .args(["export", "--html", &payload])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("<script>"));
}

#[test]
fn refusals_name_the_limit() {
    assert!(ReadError::TooLarge {
        bytes: 6 * 1024 * 1024
    }
    .to_string()
    .contains("最大 5 MB"));
    assert!(ReadError::TooManyRows(10_001).to_string().contains("10000"));
}

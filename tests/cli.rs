//! The `selfeval` command line (spec §7), run as a real process.
#![cfg(not(target_arch = "wasm32"))] // native: processes, files, proptest

use std::path::PathBuf;
use std::process::{Command, Output};

mod common;

use selfeval::sample::{SAMPLE_JSON, SEED_V1_JSON};

fn selfeval(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_selfeval"))
        .args(args)
        .output()
        .expect("run selfeval")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn seed_with(change: &str, to: &str) -> String {
    assert!(SEED_V1_JSON.contains(change));
    SEED_V1_JSON.replacen(change, to, 1)
}

#[test]
fn check_prints_the_seeds_four_warnings_and_exits_0() {
    let dir = scratch("seed");
    let seed = write(&dir, "seed.json", SEED_V1_JSON);
    let o = selfeval(&["check", &seed]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(str::to_owned).collect();
    let heads: Vec<String> = lines
        .iter()
        .map(|l| l.split(": ").take(2).collect::<Vec<_>>().join(": "))
        .collect();
    assert_eq!(
        heads,
        [
            format!("{seed}: warning weak.fund_effect performance.special_funds[1].effect"),
            format!("{seed}: warning link.fund_name performance.special_funds[2].name"),
            format!("{seed}: warning weak.none problems"),
            format!("{seed}: warning weak.none improvements"),
        ]
    );
    assert!(lines[1].contains("“N合一”专项"), "{}", lines[1]);
}

#[test]
fn check_covers_the_scorecard_of_a_version_2_draft() {
    let dir = scratch("v2");
    let v2 = write(&dir, "v2.json", SAMPLE_JSON);
    let o = selfeval(&["check", &v2]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 5, "{out}");
    assert!(
        out.lines().last().unwrap_or_default().starts_with(&format!(
            "{v2}: warning score.above_computed scorecard.indicators[6].score: "
        )),
        "{out}"
    );
    // An error of the table exits 1, like one of the report.
    let over = write(
        &dir,
        "over.json",
        &SAMPLE_JSON.replacen("\"score\": \"10\"", "\"score\": \"11\"", 1),
    );
    let o = selfeval(&["check", "--format", "json", &over]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("\"rule\": \"score.over_weight\""),
        "{}",
        stdout(&o)
    );
    // The export carries the table.
    let o = selfeval(&["export", "--html", &v2]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("年度部门整体支出绩效自评表"));
}

#[test]
fn an_error_finding_exits_1_and_an_unreadable_file_exits_2() {
    let dir = scratch("statuses");
    let good = write(&dir, "good.json", SEED_V1_JSON);
    let bad_sum = write(
        &dir,
        "bad-sum.json",
        &seed_with(
            "\"personnel_expense\": \"122.66\"",
            "\"personnel_expense\": \"122.67\"",
        ),
    );
    let not_json = write(&dir, "not-json.json", "{ this is not json");
    let other = write(
        &dir,
        "other.json",
        r#"{"format":"something-else","version":1}"#,
    );
    let newer = write(
        &dir,
        "newer.json",
        r#"{"format":"selfeval-draft","version":7}"#,
    );
    let missing = dir.join("missing.json").to_str().unwrap().to_owned();

    let o = selfeval(&["check", &good, &bad_sum]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains(&format!(
        "{bad_sum}: error sum.basic general_budget.basic_expense: 基本支出 154.15 ≠ 人员经费 122.67 + 公用经费 31.49 = 154.16，相差 0.01 万元"
    )));

    for (file, says) in [
        (&not_json, "不是有效的 JSON：第 1 行"),
        (&other, "format 为“something-else”"),
        (&newer, "第 7 版"),
        (&missing, "文件不存在"),
    ] {
        let o = selfeval(&["check", &good, file, &bad_sum]);
        assert_eq!(o.status.code(), Some(2), "{file}");
        assert!(stderr(&o).contains(&format!("{file}: ")), "{}", stderr(&o));
        assert!(stderr(&o).contains(says), "{file}: {}", stderr(&o));
        // The readable files are still checked.
        assert!(stdout(&o).contains("sum.basic"));
    }
}

#[test]
fn check_json_output_is_one_array_of_findings() {
    let dir = scratch("json");
    let seed = write(&dir, "seed.json", SEED_V1_JSON);
    let o = selfeval(&["check", "--format", "json", &seed]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
    let rows = v.as_array().expect("an array");
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["file"], seed.as_str());
    assert_eq!(rows[0]["rule"], "weak.fund_effect");
    assert_eq!(rows[0]["severity"], "warning");
    assert_eq!(rows[0]["path"], "performance.special_funds[1].effect");
    assert!(rows[0]["message"]
        .as_str()
        .unwrap()
        .contains("该专项资金支出。"));

    let o = selfeval(&["check", "--format=json", &seed, &seed]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 8);
}

#[test]
fn bad_command_lines_exit_2_with_usage() {
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["check"],
        vec!["check", "--format", "xml", "a.json"],
        vec!["check", "--verbose", "a.json"],
        vec!["export", "a.json"],
        vec!["export", "--html"],
        vec!["export", "--html", "--json", "a.json"],
    ] {
        let o = selfeval(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("用法"), "{args:?}");
    }
    let o = selfeval(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("selfeval check"));
}

#[test]
fn export_writes_the_html_and_json_the_core_renders() {
    let dir = scratch("export");
    let seed = write(&dir, "seed.json", SEED_V1_JSON);
    let out = dir.join("report.html");
    let o = selfeval(&["export", "--html", &seed, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        html,
        selfeval::export::render_html(&selfeval::read_draft(SEED_V1_JSON).unwrap())
    );

    let o = selfeval(&["export", "--json", &seed]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        selfeval::write_draft(&selfeval::read_draft(SEED_V1_JSON).unwrap()).unwrap()
    );

    // A draft with errors still exports, with a note on stderr.
    let bad = write(
        &dir,
        "bad.json",
        &seed_with(
            "\"department\": \"株洲市芦淞区信访局\"",
            "\"department\": \"\"",
        ),
    );
    let o = selfeval(&["export", "--html", &bad]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("1 个错误"), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("<!DOCTYPE html>"));

    let o = selfeval(&["export", "--html", "no-such-file.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn script_in_a_field_exports_escaped() {
    let dir = scratch("escape");
    let file = write(
        &dir,
        "payload.json",
        &seed_with(
            "\"organization\": \"",
            "\"organization\": \"<script>alert(1)</script>",
        ),
    );
    let o = selfeval(&["export", "--html", &file]);
    let html = stdout(&o);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn check_reads_every_draft_of_a_backup() {
    use selfeval::backup::{write_backup, Entry};
    use selfeval::stored::entry_text;
    let dir = scratch("backup");
    let seed = selfeval::read_draft(SEED_V1_JSON).unwrap();
    let mut wrong = seed.clone();
    wrong.general_budget.personnel_expense = "122.67".into();
    let entries = [
        Entry {
            id: "a-1".into(),
            raw: entry_text("信访局", 1.0, 2, &seed).unwrap(),
        },
        Entry {
            id: "b-2".into(),
            raw: entry_text("算错了", 1.0, 1, &wrong).unwrap(),
        },
        Entry {
            id: "c-3".into(),
            raw: "selfeval-entry 1 {\"name\":\"坏\",\"rev\":1}\n{ 坏".into(),
        },
    ];
    let backup = write(&dir, "备份.json", &write_backup(&entries, 0.0).unwrap());
    let o = selfeval(&["check", &backup]);
    // The unreadable draft makes it 2; the readable ones are checked all the same.
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with(&format!("{backup}#信访局: warning ")))
            .count(),
        4,
        "{out}"
    );
    assert!(out.contains(&format!(
        "{backup}#算错了: error sum.basic general_budget.basic_expense"
    )));
    assert!(stderr(&o).contains(&format!("{backup}#坏: 备份中的这份草稿无法读取")));
    assert!(stderr(&o).contains("共 3 份草稿"), "{}", stderr(&o));

    // A backup without the unreadable draft: the error finding decides the status.
    let two = write(
        &dir,
        "两份.json",
        &write_backup(&entries[..2], 0.0).unwrap(),
    );
    assert_eq!(selfeval(&["check", &two]).status.code(), Some(1));
    // A backup is one file of many drafts, not a draft to export.
    let o = selfeval(&["export", "--html", &two]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("从备份恢复"), "{}", stderr(&o));
}

/// REPORT.md §8: `selfeval import FILE [-o OUT]` — the seed document (as .txt, from standard
/// input, and as a .docx) gives the seed example and exit 0; a paragraph it cannot place is
/// listed on standard error with exit 1; a .doc or a missing file exits 2.
#[test]
fn import_reads_a_report_into_a_draft_and_lists_what_it_cannot_place() {
    let dir = scratch("import");
    let seed_text = include_str!("data/seed-2024.txt");
    let txt = write(&dir, "报告.txt", seed_text);
    let out = dir.join("草稿.json");
    let o = selfeval(&["import", &txt, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let mut expected = selfeval::read_draft(SEED_V1_JSON).unwrap();
    expected.meta.extra.clear();
    let draft = selfeval::read_draft(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(draft, expected);

    // Standard input, and one paragraph nobody expects.
    let damaged = seed_text.replacen(
        "二、一般公共预算支出情况\n",
        "二、一般公共预算支出情况\n（此页无正文）\n",
        1,
    );
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_selfeval"))
        .args(["import", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(damaged.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("未识别的内容 第 24 行（二、一般公共预算支出情况）：（此页无正文）"),
        "{}",
        stderr(&o)
    );
    assert_eq!(selfeval::read_draft(&stdout(&o)).unwrap(), expected);

    // A .docx made of the seed's paragraphs.
    let docx = dir.join("报告.docx");
    let paragraphs: Vec<&str> = seed_text.lines().collect();
    std::fs::write(&docx, common::docx_of(&paragraphs)).unwrap();
    let o = selfeval(&["import", docx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(selfeval::read_draft(&stdout(&o)).unwrap(), expected);

    // What cannot be read at all.
    let doc = dir.join("旧报告.doc");
    std::fs::write(&doc, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let o = selfeval(&["import", doc.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("另存为"), "{}", stderr(&o));
    let o = selfeval(&["import", dir.join("没有.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("文件不存在"), "{}", stderr(&o));
    let o = selfeval(&["import"]);
    assert_eq!(o.status.code(), Some(2));
}

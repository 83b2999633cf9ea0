//! The Word export (issue 11), read back with an independent reader: python-docx, which
//! `scripts/setup` installs into `tools/venv` (`SELFEVAL_PYTHON` names another interpreter that
//! has it). `tests/docx_facts.py` prints what python-docx sees; these tests check it.
#![cfg(not(target_arch = "wasm32"))] // native: processes, files

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use selfeval::export::{docx_file_name, render_docx};
use selfeval::reader::read_report;
use selfeval::report_file::report_text;
use selfeval::sample::{sample_draft, SEED_V1_JSON};
use selfeval::{read_draft, Draft};

mod common;

use common::normalized;

const SEED_DOCUMENT: &str = include_str!("data/seed-2024.txt");

fn python() -> PathBuf {
    std::env::var_os("SELFEVAL_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tools/venv/bin/python"))
}

/// What python-docx reads in the document.
fn facts(docx: &[u8], name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, docx).expect("write the .docx");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/docx_facts.py");
    let out = Command::new(python())
        .arg(script)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {} ({e}): run scripts/setup, which installs python-docx into tools/venv",
                python().display()
            )
        });
    assert!(
        out.status.success(),
        "python-docx could not read the document: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("facts as JSON")
}

fn paragraphs(facts: &Value) -> &Vec<Value> {
    facts["paragraphs"].as_array().expect("paragraphs")
}

fn paragraph<'a>(facts: &'a Value, text: &str) -> &'a Value {
    paragraphs(facts)
        .iter()
        .find(|p| p["text"] == text)
        .unwrap_or_else(|| panic!("no paragraph {text}"))
}

fn table_text(facts: &Value) -> Vec<Vec<String>> {
    facts["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["rows"].as_array().cloned().unwrap_or_default())
        .map(|row| {
            row["cells"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| c["text"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn every_line_of_the_seed_document_appears_in_the_word_document() {
    let f = facts(&render_docx(&sample_draft()).unwrap(), "seed.docx");
    let text: String = paragraphs(&f)
        .iter()
        .map(|p| normalized(p["text"].as_str().unwrap_or_default()))
        .collect();
    for line in SEED_DOCUMENT
        .lines()
        .map(normalized)
        .filter(|l| !l.is_empty())
    {
        assert!(text.contains(&line), "line missing: {line}");
    }
    assert_eq!(
        f["title"],
        "株洲市芦淞区信访局2024年度部门整体支出绩效自评报告"
    );
}

#[test]
fn title_headings_and_body_carry_the_official_fonts_and_sizes() {
    let f = facts(&render_docx(&sample_draft()).unwrap(), "fonts.docx");
    let title = &paragraphs(&f)[0];
    assert_eq!(
        title["text"], "株洲市芦淞区信访局\n2024年度部门整体支出绩效自评报告",
        "a long title on two lines"
    );
    assert_eq!(title["east_asia"], "方正小标宋简体");
    assert_eq!(title["size_pt"], 22.0);
    assert_eq!(title["align"], "center");
    let expect = |text: &str, font: &str, bold: bool| {
        let p = paragraph(&f, text);
        assert_eq!(p["east_asia"], font, "{text}");
        assert_eq!(p["ascii"], font, "{text}");
        assert_eq!(p["size_pt"], 16.0, "{text}: 三号");
        assert_eq!(p["bold"], bold, "{text}");
        assert_eq!(p["line_pt"], 28.0, "{text}");
        assert_eq!(p["line_rule"], "exact", "{text}");
        assert_eq!(p["first_line_pt"], 32.0, "{text}: two characters");
    };
    expect("一、基本情况", "黑体", false);
    expect("（一）区信访局基本情况", "楷体_GB2312", false);
    expect("1、主要职能。", "仿宋_GB2312", true);
    expect("本部门主要职能是：", "仿宋_GB2312", false);
    expect("无。", "仿宋_GB2312", false);
    let signature = paragraph(&f, "株洲市芦淞区信访局");
    assert_eq!(signature["align"], "right");
    assert_eq!(signature["style"], "Signature");
}

#[test]
fn a4_with_the_margins_of_gbt_9704_and_page_numbers_on_the_outside_edge() {
    let f = facts(&render_docx(&sample_draft()).unwrap(), "page.docx");
    let page = &f["page"];
    assert_eq!(page["width_mm"], 210.0);
    assert_eq!(page["height_mm"], 297.0);
    assert_eq!(page["top_mm"], 37.0);
    assert_eq!(page["bottom_mm"], 35.0);
    assert_eq!(page["left_mm"], 28.0);
    assert_eq!(page["right_mm"], 26.0);
    assert_eq!(f["odd_and_even"], true);
    for (footer, side) in [(&f["footer"], "right"), (&f["even_footer"], "left")] {
        assert_eq!(footer["fields"], serde_json::json!(["PAGE"]));
        assert_eq!(footer["text"], "— 1 —");
        assert_eq!(footer["align"], side);
        assert_eq!(footer["east_asia"], "宋体");
        assert_eq!(footer["size_pt"], 14.0, "四号");
    }
}

#[test]
fn the_scorecard_is_a_word_table_on_a_new_page_with_the_v2_figures() {
    let f = facts(&render_docx(&sample_draft()).unwrap(), "table.docx");
    let attachment = paragraph(&f, "附件：株洲市芦淞区信访局2024年度部门整体支出绩效自评表");
    assert_eq!(attachment["page_break_before"], true);
    let tables = f["tables"].as_array().expect("tables");
    assert_eq!(tables.len(), 1);
    let rows = tables[0]["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 17);
    assert_eq!(
        rows[0]["repeats"], true,
        "the first row repeats on every page"
    );
    assert!(rows[1..].iter().all(|r| r["repeats"] == false));
    assert_eq!(rows[1]["cells"][0]["shaded"], true, "a header cell");
    assert_eq!(rows[2]["cells"][1]["shaded"], false, "a value cell");
    let text = table_text(&f);
    // One entry per cell: 自评得分 spans two columns.
    assert_eq!(
        text[2],
        [
            "年度资金总额",
            "155.54",
            "273.83",
            "272.44",
            "10",
            "99.49%",
            "9.95"
        ]
    );
    assert_eq!(rows[2]["cells"][6]["span"], 2);
    assert_eq!(
        text[8],
        [
            "产出指标",
            "数量指标",
            "特护节点信访维稳安保任务",
            "≥9次",
            "9次",
            "15",
            "15",
            ""
        ]
    );
    assert_eq!(text[5][0], "年度总体目标");
    // The next row continues it (merged down): an empty cell, then the two goals.
    assert_eq!(text[6].len(), 3);
    assert_eq!(text[6][0], "");
    assert!(text[6][1].starts_with("信访形势总体平稳"));
    assert_eq!(text[7][0], "一级指标");
    let last = text.last().expect("the total row");
    assert_eq!(last[1..], ["100", "99.95", "自评等级：优"]);
    // A version 1 draft has no table started: no table, no attachment.
    let v1 = read_draft(SEED_V1_JSON).unwrap();
    let f = facts(&render_docx(&v1).unwrap(), "v1.docx");
    assert_eq!(f["tables"], serde_json::json!([]));
    assert!(!paragraphs(&f)
        .iter()
        .any(|p| p["text"].as_str().unwrap_or_default().starts_with("附件")));
}

#[test]
fn user_text_stays_text_and_a_blank_value_is_a_line_to_fill_in() {
    let mut d: Draft = sample_draft();
    d.basic.organization = "<script>alert(1)</script> & \"引号\" \u{1}".into();
    d.basic.staff.total = String::new();
    d.scorecard.indicators[0].deviation = "<b>x</b>".into();
    let f = facts(&render_docx(&d).unwrap(), "hostile.docx");
    paragraph(&f, "<script>alert(1)</script> & \"引号\" <U+0001>。");
    let staff = paragraphs(&f)
        .iter()
        .find(|p| {
            p["text"]
                .as_str()
                .unwrap_or_default()
                .starts_with("本部门截止")
        })
        .expect("the staff sentence");
    let runs = staff["runs"].as_array().expect("runs");
    assert!(runs
        .iter()
        .any(|r| r["underline"] == true && r["text"] == "\u{3000}\u{3000}\u{3000}"));
    assert_eq!(table_text(&f)[8][7], "<b>x</b>");
}

#[test]
fn two_exports_of_one_draft_are_the_same_bytes_and_the_command_line_writes_them() {
    let d = sample_draft();
    let a = render_docx(&d).unwrap();
    assert_eq!(a, render_docx(&d).unwrap());
    assert_eq!(
        docx_file_name(&d),
        "株洲市芦淞区信访局2024年度部门整体支出绩效自评报告.docx"
    );
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let draft = dir.join("cli-draft.json");
    std::fs::write(&draft, selfeval::sample::SAMPLE_JSON).unwrap();
    let out = dir.join("cli.docx");
    let status = Command::new(env!("CARGO_BIN_EXE_selfeval"))
        .args(["export", "--docx"])
        .arg(&draft)
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read(&out).unwrap(), a);
}

#[test]
fn our_word_document_reads_back_into_the_same_report() {
    let mut expected = read_draft(SEED_V1_JSON).unwrap();
    let text = report_text(&render_docx(&expected).unwrap()).expect("our .docx reads");
    let reading = read_report(&text);
    assert_eq!(reading.unplaced, []);
    expected.meta.extra.clear();
    assert_eq!(reading.draft, expected);
}

//! Reading and writing the draft file (spec §3).
#![cfg(not(target_arch = "wasm32"))] // native: processes, files, proptest

use selfeval::draft_file::{read_draft, read_draft_bytes, write_draft, ReadError, MAX_ROWS};
use selfeval::sample::{sample_draft, SAMPLE_JSON, SEED_V1_JSON};
use serde_json::Value;

fn err(text: &str) -> ReadError {
    match read_draft(text) {
        Err(e) => e,
        Ok(_) => panic!("{text:?} should be refused"),
    }
}

#[test]
fn the_seed_reads_with_every_value_as_text() {
    let d = sample_draft();
    assert_eq!(d.meta.department, "株洲市芦淞区信访局");
    // The seed writes the year as a JSON number: it is accepted as its text.
    assert_eq!(d.meta.year, "2024");
    assert_eq!(d.basic.functions.len(), 9);
    assert_eq!(d.general_budget.projects[2].amount, "115.05");
    assert_eq!(d.performance.special_funds[1].effect, "该专项资金支出。");
    // An unknown field (meta.unit) is kept.
    assert_eq!(
        d.meta.extra.get("unit"),
        Some(&selfeval::json::Value::from("万元"))
    );
}

#[test]
fn the_seed_round_trips_losslessly() {
    let first = sample_draft();
    let written = write_draft(&first).unwrap();
    let again = read_draft(&written).expect("written draft reads back");
    assert_eq!(again, first);
    assert_eq!(write_draft(&again).unwrap(), written, "writing is stable");

    // The same JSON as the seed, but for the year now written as text and the blank 落款日期
    // that version 2 writes.
    let mut original: Value = serde_json::from_str(SAMPLE_JSON).unwrap();
    original["meta"]["year"] = Value::String("2024".into());
    original["meta"]["date"] = Value::String(String::new());
    let ours: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(ours, original);
}

/// A version 1 file (SCORECARD.md §5): reads as a draft whose table is not started, writes as
/// version 2, and reads back equal, its unknown fields kept.
#[test]
fn a_version_1_file_migrates_losslessly_to_version_2() {
    let v1 = read_draft(SEED_V1_JSON).expect("the version 1 example reads");
    assert!(!selfeval::scorecard::is_started(&v1));
    assert_eq!(v1.scorecard, Default::default());
    let written = write_draft(&v1).unwrap();
    let json: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["scorecard"]["indicators"], Value::Array(vec![]));
    let again = read_draft(&written).unwrap();
    assert_eq!(again, v1);
    assert!(!selfeval::scorecard::is_started(&again));
    // Every version 1 field as it was (the year as its text), nothing lost.
    let mut original: Value = serde_json::from_str(SEED_V1_JSON).unwrap();
    original["meta"]["year"] = Value::String("2024".into());
    for (key, value) in original.as_object().unwrap() {
        if key == "version" {
            continue;
        }
        let ours = &json[key];
        let merged: Value = match (value, ours) {
            (Value::Object(theirs), Value::Object(mine)) => Value::Object(
                theirs
                    .iter()
                    .map(|(k, _)| (k.clone(), mine[k].clone()))
                    .collect(),
            ),
            _ => ours.clone(),
        };
        assert_eq!(&merged, value, "{key}");
    }
    // The v2 example is the v1 example plus its table.
    let mut v2 = sample_draft();
    assert!(selfeval::scorecard::is_started(&v2));
    v2.scorecard = Default::default();
    assert_eq!(v2, v1);

    // Unknown fields of a version 1 file survive, beside and inside the new objects too.
    let text = r#"{"format":"selfeval-draft","version":1,"meta":{"department":"甲局","x":1},
        "scorecard":{"future":true,"budget":{"weight":"10","y":[1]},
        "indicators":[{"level1":"产出指标","z":"kept"}]}}"#;
    let d = read_draft(text).unwrap();
    assert_eq!(d.scorecard.budget.weight, "10");
    assert_eq!(d.scorecard.indicators.len(), 1);
    let back: Value = serde_json::from_str(&write_draft(&d).unwrap()).unwrap();
    assert_eq!(back["scorecard"]["future"], true);
    assert_eq!(back["scorecard"]["budget"]["y"][0], 1);
    assert_eq!(back["scorecard"]["indicators"][0]["z"], "kept");
    assert_eq!(back["meta"]["x"], 1);
    assert_eq!(read_draft(&write_draft(&d).unwrap()).unwrap(), d);
    // Version 2 is read; a wrong type in the table is refused by its path.
    assert!(read_draft(r#"{"format":"selfeval-draft","version":"2"}"#).is_ok());
    match read_draft(r#"{"format":"selfeval-draft","version":2,"scorecard":{"indicators":{}}}"#) {
        Err(ReadError::WrongType { path, .. }) => assert_eq!(path, "scorecard.indicators"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn numbers_keep_the_text_they_were_written_as() {
    let text = r#"{"format":"selfeval-draft","version":1,
        "general_budget":{"annual_budget":155.540,"projects":[{"name":"甲","amount":0.10}]},
        "basic":{"staff":{"total":11,"active":1E1,"retired":-0}}}"#;
    let d = read_draft(text).unwrap();
    assert_eq!(d.general_budget.annual_budget, "155.540");
    assert_eq!(d.general_budget.projects[0].amount, "0.10");
    assert_eq!(d.basic.staff.total, "11");
    // The exponent as written too (serde_json's arbitrary_precision gave "1e+1").
    assert_eq!(d.basic.staff.active, "1E1");
    assert_eq!(d.basic.staff.retired, "-0");
}

#[test]
fn missing_fields_read_as_empty_and_unknown_fields_survive() {
    let text = r#"{"format":"selfeval-draft","version":1,"future":{"x":[1,2.50]},
        "meta":{"department":"甲局","color":"red"},
        "performance":{"special_funds":[{"name":"乙","note":"kept"}]}}"#;
    let d = read_draft(text).unwrap();
    assert_eq!(d.meta.year, "");
    assert!(d.basic.functions.is_empty());
    let again = read_draft(&write_draft(&d).unwrap()).unwrap();
    assert_eq!(again, d);
    let written: Value = serde_json::from_str(&write_draft(&d).unwrap()).unwrap();
    assert_eq!(written["future"]["x"].to_string(), "[1,2.50]");
    assert_eq!(written["meta"]["color"], "red");
    assert_eq!(written["performance"]["special_funds"][0]["note"], "kept");
}

#[test]
fn bad_json_names_line_and_column_in_characters() {
    let text = "{\n  \"format\": \"selfeval-draft\",\n  \"meta\": {\"department\": \"株洲\" \"year\": 1}\n}";
    match err(text) {
        ReadError::BadJson { line, column, .. } => {
            assert_eq!(line, 3);
            // `"year"` starts at character 31 of line 3 (株洲 counts as two characters, not six bytes).
            assert_eq!(column, 31);
        }
        other => panic!("{other:?}"),
    }
    assert!(err("{\"format\":").to_string().contains("第 1 行"));
    assert!(matches!(err("not json"), ReadError::BadJson { .. }));
    assert!(matches!(err(""), ReadError::Empty));
}

#[test]
fn another_format_or_a_newer_version_is_refused_by_name() {
    assert_eq!(
        err(r#"{"format":"other-tool","version":1}"#),
        ReadError::OtherFormat("other-tool".into())
    );
    assert_eq!(
        err(r#"{"format":"selfeval-draft","version":3}"#),
        ReadError::NewerVersion("3".into())
    );
    assert_eq!(
        err(r#"{"format":"selfeval-draft","version":99999999999999999999999}"#),
        ReadError::NewerVersion("99999999999999999999999".into())
    );
    assert!(err(r#"{"format":"selfeval-draft","version":3}"#)
        .to_string()
        .contains("新版本"));
    assert!(matches!(
        err(r#"{"format":"selfeval-draft","version":0}"#),
        ReadError::BadVersion(_)
    ));
    assert!(matches!(
        err(r#"{"format":"selfeval-draft","version":1.5}"#),
        ReadError::BadVersion(_)
    ));
    assert!(matches!(
        err(r#"{"format":"selfeval-draft"}"#),
        ReadError::NotADraft(_)
    ));
    assert!(matches!(err(r#"{"version":1}"#), ReadError::NotADraft(_)));
    assert!(matches!(err("[1,2,3]"), ReadError::NotADraft(_)));
    assert!(matches!(err("\"text\""), ReadError::NotADraft(_)));
}

#[test]
fn wrong_types_are_errors_that_name_the_field() {
    let cases = [
        (
            r#""meta":{"department":{"a":1}}"#,
            "meta.department",
            "对象",
        ),
        (r#""meta":"甲局""#, "meta", "文本"),
        (r#""basic":{"functions":"甲"}"#, "basic.functions", "文本"),
        (
            r#""basic":{"functions":["甲",["乙"]]}"#,
            "basic.functions[1]",
            "列表",
        ),
        (
            r#""general_budget":{"projects":[{"amount":true}]}"#,
            "general_budget.projects[0].amount",
            "真假值",
        ),
        (
            r#""performance":{"special_funds":[1]}"#,
            "performance.special_funds[0]",
            "数字",
        ),
        (r#""problems":["无"]"#, "problems", "列表"),
    ];
    for (field, path, found) in cases {
        let text = format!(r#"{{"format":"selfeval-draft","version":1,{field}}}"#);
        match err(&text) {
            ReadError::WrongType {
                path: p, found: f, ..
            } => {
                assert_eq!((p.as_str(), f), (path, found), "{text}")
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    // null reads as empty.
    let d = read_draft(r#"{"format":"selfeval-draft","version":1,"problems":null,"meta":null}"#)
        .unwrap();
    assert_eq!(d.problems, "");
}

#[test]
fn bytes_in_other_encodings_are_refused_clearly() {
    assert_eq!(
        read_draft_bytes(&[0xFF, 0xFE, b'{', 0]),
        Err(ReadError::Utf16)
    );
    assert_eq!(
        read_draft_bytes(&[b'{', 0xC3, 0x28, b'}']),
        Err(ReadError::NotText)
    );
    // A UTF-8 byte order mark (Windows Notepad) is fine.
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(SAMPLE_JSON.as_bytes());
    assert_eq!(read_draft_bytes(&with_bom), Ok(sample_draft()));
}

#[test]
fn oversized_deep_and_huge_files_are_refused_before_parsing() {
    let big = vec![b' '; 5 * 1024 * 1024 + 1];
    assert!(matches!(
        read_draft_bytes(&big),
        Err(ReadError::TooLarge { .. })
    ));

    let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
    assert_eq!(read_draft(&deep), Err(ReadError::TooDeep));
    let deep_in_draft = format!(
        r#"{{"format":"selfeval-draft","version":1,"x":{}{}}}"#,
        "[".repeat(70),
        "]".repeat(70)
    );
    assert_eq!(read_draft(&deep_in_draft), Err(ReadError::TooDeep));
    // Brackets inside strings do not count.
    let brackets_in_text = format!(
        r#"{{"format":"selfeval-draft","version":1,"problems":"{}"}}"#,
        "[".repeat(100)
    );
    assert!(read_draft(&brackets_in_text).is_ok());

    let rows = vec!["\"甲\""; MAX_ROWS + 1].join(",");
    let many =
        format!(r#"{{"format":"selfeval-draft","version":1,"basic":{{"functions":[{rows}]}}}}"#);
    assert_eq!(read_draft(&many), Err(ReadError::TooManyRows(MAX_ROWS + 1)));
}

#[test]
fn files_of_another_kind_are_named_for_what_they_are() {
    use selfeval::draft_file::FileKind;
    let zip_with = |name: &[u8]| {
        let mut bytes = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
        bytes.extend_from_slice(&[0; 22]);
        bytes.extend_from_slice(name);
        bytes
    };
    let cases: [(Vec<u8>, FileKind, &str); 8] = [
        (zip_with(b"word/document.xml"), FileKind::Word, "Word 文档"),
        (
            zip_with(b"xl/workbook.xml"),
            FileKind::Spreadsheet,
            "Excel 表格",
        ),
        (
            zip_with(b"ppt/presentation.xml"),
            FileKind::Presentation,
            "PowerPoint",
        ),
        (zip_with(b"readme.txt"), FileKind::Archive, "压缩文件"),
        (
            vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0],
            FileKind::OldOffice,
            "WPS",
        ),
        (b"%PDF-1.7\n".to_vec(), FileKind::Pdf, "PDF"),
        (b"\x89PNG\r\n\x1a\n".to_vec(), FileKind::Image, "图片"),
        (br"{\rtf1\ansi".to_vec(), FileKind::Rtf, "RTF"),
    ];
    for (bytes, kind, says) in cases {
        let err = read_draft_bytes(&bytes).unwrap_err();
        assert_eq!(err, ReadError::OtherKind(kind));
        let message = err.to_string();
        assert!(message.contains(says), "{message}");
        assert!(
            message.contains("下载 JSON"),
            "says what to do instead: {message}"
        );
    }
}

#[test]
fn json_errors_and_other_json_are_told_in_chinese() {
    let broken = [
        "这不是 JSON",
        r#"{"format": "selfeval-draft",}"#,
        r#"{"format" "selfeval-draft"}"#,
        r#"{format: 1}"#,
        r#"{"a": [1 2]}"#,
        r#"{"a": 1} x"#,
        r#"{"a": "\q"}"#,
        r#"{"a": 01}"#,
        "{\"a\": \"line\nbreak\"}",
        r#"{"a": "\ud800"}"#,
        r#"{"a": tru}"#,
        r#"{"a": "#,
    ];
    for text in broken {
        let message = read_draft(text).unwrap_err().to_string();
        let english: String = message
            .replace("JSON", "")
            .chars()
            .filter(|c| c.is_ascii_alphabetic() && *c != 'n' && *c != 'u')
            .collect();
        assert!(english.is_empty(), "{text}: {message}");
        assert!(
            message.starts_with("不是有效的 JSON：第 "),
            "{text}: {message}"
        );
    }
    let other = read_draft(r#"{"name": "张三", "items": []}"#).unwrap_err();
    assert!(matches!(other, ReadError::NotADraft(_)));
    assert!(other.to_string().contains("其他程序"), "{other}");
}

/// Every kind of draft the tests use, written as version 1 (no table, no 落款日期), reads as the
/// same draft without its table, writes as version 2 and reads back equal.
#[test]
fn version_1_files_of_every_test_draft_migrate_losslessly() {
    let mut drafts = vec![
        sample_draft(),
        selfeval::sample::large_draft(40, 30),
        selfeval::Draft::default(),
    ];
    let mut odd = sample_draft();
    odd.meta.department = "“引号”<b>局</b>\u{202E}".into();
    odd.general_budget.projects[0].amount = "１２，３４５．６".into();
    odd.meta
        .extra
        .insert("future".into(), selfeval::json::parse("1.50").unwrap());
    drafts.push(odd);
    for draft in drafts {
        let mut json: Value = serde_json::from_str(&write_draft(&draft).unwrap()).unwrap();
        json["version"] = Value::from(1);
        let root = json.as_object_mut().unwrap();
        root.shift_remove("scorecard");
        root["meta"].as_object_mut().unwrap().shift_remove("date");
        let v1 = serde_json::to_string_pretty(&json).unwrap();
        let read = read_draft(&v1).expect("a version 1 file reads");
        let mut expected = draft.clone();
        expected.scorecard = Default::default();
        expected.meta.date = String::new();
        assert_eq!(read, expected);
        let v2 = write_draft(&read).unwrap();
        assert!(v2.contains("\"version\": 2"));
        assert_eq!(read_draft(&v2).unwrap(), expected);
    }
}

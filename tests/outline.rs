//! The outline is declared once (issue 8): each field's key is written once in the sources, and
//! every object of the draft file keeps its unknown fields, so a field added to the outline is
//! read, written and kept without further edits.

use selfeval::outline::{FundField, List, Path, PointField, ProjectField};
use selfeval::{read_draft, write_draft};
use serde_json::{json, Value};

/// The sources of `src/` without their test modules (and test files).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("src/") {
            let path = entry.expect("an entry of src/").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.display().to_string();
                if name.ends_with("tests.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("a source file");
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                out.push((name, code.to_owned()));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

/// The value at a dotted key of a JSON file (`basic.staff`), made when missing.
fn at_key<'a>(file: &'a mut Value, key: &str) -> &'a mut Value {
    key.split('.').fold(file, |at, segment| &mut at[segment])
}

fn keys() -> Vec<&'static str> {
    Path::SINGLE_FIELDS
        .into_iter()
        .chain(List::ALL.map(List::path))
        .filter_map(Path::key)
        .collect()
}

#[test]
fn each_field_key_is_written_once_in_the_sources() {
    let sources = sources();
    let count = |literal: &str, only: &dyn Fn(&str) -> bool| -> Vec<String> {
        sources
            .iter()
            .filter(|(name, _)| only(name))
            .flat_map(|(name, code)| {
                std::iter::repeat_n(name.clone(), code.matches(literal).count())
            })
            .collect()
    };
    for key in keys() {
        let places = count(&format!("\"{key}\""), &|_| true);
        assert_eq!(places.len(), 1, "{key}: {places:?}");
        // Nor is its last part written out by the draft file's reader or writer.
        let last = key.rsplit('.').next().unwrap_or(key);
        let in_file_code = count(&format!("\"{last}\""), &|name| {
            name.ends_with("draft_file.rs")
        });
        assert!(in_file_code.is_empty(), "{last} in the draft file's code");
    }
    // A row's keys (`name`, `amount`) are short words other code uses too (a stored entry's
    // `name`): they must be written once in the outline and never in the draft file's code.
    let row_keys: Vec<&str> = ProjectField::ALL
        .map(ProjectField::key)
        .into_iter()
        .chain(PointField::ALL.map(PointField::key))
        .chain(FundField::ALL.map(FundField::key))
        .collect();
    for key in row_keys {
        let literal = format!("\"{key}\"");
        let in_file_code = count(&literal, &|name| name.ends_with("draft_file.rs"));
        assert!(in_file_code.is_empty(), "{key} in the draft file's code");
        let in_outline = count(&literal, &|name| name.ends_with("outline.rs"));
        assert!(!in_outline.is_empty(), "{key} not in the outline");
    }
}

#[test]
fn every_object_of_the_file_keeps_its_unknown_fields() {
    for key in keys() {
        let Some((object, _)) = key.rsplit_once('.') else {
            continue;
        };
        let mut file = json!({"format": "selfeval-draft", "version": 1});
        at_key(&mut file, object)["zz_unknown"] = json!("kept");
        let draft = read_draft(&file.to_string()).expect("a draft with an unknown field");
        let mut written: Value =
            serde_json::from_str(&write_draft(&draft).expect("written")).unwrap();
        assert_eq!(
            at_key(&mut written, object)["zz_unknown"],
            json!("kept"),
            "in {object}"
        );
    }
}

#[test]
fn every_field_is_read_and_written_from_its_key() {
    let mut file = json!({"format": "selfeval-draft", "version": 1});
    for key in keys() {
        *at_key(&mut file, key) = json!(key);
    }
    // Lists were given a text: read as such they are refused, so give them one row each.
    for list in List::ALL {
        *at_key(&mut file, list.def().key) = json!([]);
    }
    let draft = read_draft(&file.to_string()).expect("every field at its key");
    for path in Path::SINGLE_FIELDS {
        assert_eq!(draft.field(path), path.key(), "{path}");
    }
}

#[test]
fn the_worked_example_of_the_docs_is_the_code() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/adding-a-field.md")).expect("the docs page");
    let outline = std::fs::read_to_string(root.join("src/core/outline.rs")).expect("the outline");
    let example = docs
        .split("```rust\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a rust block in docs/adding-a-field.md");
    for line in example.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            outline.contains(line.trim()),
            "not in src/core/outline.rs: {line}"
        );
    }
}

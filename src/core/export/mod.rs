//! The exports of spec §6: the draft file (JSON), the report as one HTML document, and the
//! report as a Word document (issue 11), the last two from one composition ([`document`]).

pub mod document;
mod docx;
mod html;

pub use docx::{render_docx, DocxError};
pub use html::{print_note, render_html, render_print};

use crate::draft_file::{write_draft, WriteError};
use crate::model::Draft;

/// The draft file's text; the same as [`write_draft`].
pub fn render_json(draft: &Draft) -> Result<String, WriteError> {
    write_draft(draft)
}

/// `{department}-{year}-绩效自评-草稿.json`, made safe for any file system.
pub fn json_file_name(draft: &Draft) -> String {
    format!(
        "{}-{}-绩效自评-草稿.json",
        file_safe(&draft.meta.department, "未命名单位"),
        file_safe(&draft.meta.year, "年度未填")
    )
}

/// `{title}.html`, made safe for any file system.
pub fn html_file_name(draft: &Draft) -> String {
    format!("{}.html", file_safe(&draft.title(), "绩效自评报告"))
}

/// `{title}.docx`, made safe for any file system.
pub fn docx_file_name(draft: &Draft) -> String {
    format!("{}.docx", file_safe(&draft.title(), "绩效自评报告"))
}

/// Replaces what Windows, macOS or Linux refuse in a file name; `fallback` when nothing is left.
fn file_safe(text: &str, fallback: &str) -> String {
    let safe: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(80)
        .collect();
    let safe = safe.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if safe.is_empty() {
        fallback.to_owned()
    } else {
        safe.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_follow_the_spec_and_are_safe() {
        let mut draft = Draft::default();
        draft.meta.department = "株洲市芦淞区信访局".into();
        draft.meta.year = "2024".into();
        assert_eq!(
            json_file_name(&draft),
            "株洲市芦淞区信访局-2024-绩效自评-草稿.json"
        );
        assert_eq!(
            html_file_name(&draft),
            "株洲市芦淞区信访局2024年度部门整体支出绩效自评报告.html"
        );
        draft.meta.department = "../a/b:c".into();
        draft.meta.year = String::new();
        assert_eq!(json_file_name(&draft), "_a_b_c-年度未填-绩效自评-草稿.json");
    }
}

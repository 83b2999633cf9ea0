//! The HTML export (spec §6).
#![cfg(not(target_arch = "wasm32"))] // native: processes, files, proptest

use selfeval::export::render_html;
use selfeval::outline::Path;
use selfeval::sample::sample_draft;
use selfeval::Draft;

mod common;

use common::{normalized, visible_text};

const SEED_DOCUMENT: &str = include_str!("data/seed-2024.txt");

fn sentences(document: &str) -> Vec<String> {
    document
        .split(['。', '\n'])
        .map(normalized)
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn every_sentence_of_the_seed_document_appears_in_the_export() {
    let html = render_html(&sample_draft());
    let text = normalized(&visible_text(&html));
    let missing: Vec<String> = sentences(SEED_DOCUMENT)
        .into_iter()
        .filter(|s| !text.contains(s.as_str()))
        .collect();
    assert!(missing.is_empty(), "missing from the export: {missing:#?}");
    // Whole lines too, punctuation included (e.g. "无。", "1、主要职能。").
    for line in SEED_DOCUMENT
        .lines()
        .map(normalized)
        .filter(|l| !l.is_empty())
    {
        assert!(text.contains(&line), "line missing: {line}");
    }
}

#[test]
fn the_export_is_self_contained_with_no_script() {
    let html = render_html(&sample_draft());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>株洲市芦淞区信访局2024年度部门整体支出绩效自评报告</title>"));
    // The title breaks, when it must, between the unit and the rest.
    assert!(html.contains(
        "<h1><span class=\"title-part\">株洲市芦淞区信访局</span>\
         <span class=\"title-part\">2024年度部门整体支出绩效自评报告</span></h1>"
    ));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"));
    assert!(!lower.contains("src="));
    assert!(!lower.contains("href="));
    assert!(!lower.contains("url("));
    assert!(lower.contains("content-security-policy"));
    assert!(lower.contains("default-src 'none'"));
    assert!(lower.contains("@page"));
    assert!(lower.contains("size: a4"));
    assert!(html.contains("FangSong"));
    for heading in [
        "一、基本情况",
        "二、一般公共预算支出情况",
        "六、资金使用及绩效情况",
        "十、其他需要说明的情况",
    ] {
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }
}

#[test]
fn user_text_is_escaped_everywhere() {
    let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    let mut draft = sample_draft();
    let paths: Vec<Path> = draft.fields().collect();
    for path in paths {
        draft.set_field(path, payload);
    }
    let html = render_html(&draft);
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a <script> tag got through");
    assert!(!lower.contains("<img"), "an <img> tag got through");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&#39;&amp;"));
    // And it shows as the text typed.
    assert!(visible_text(&html).contains(payload));
}

#[test]
fn amounts_print_normalized_and_a_negative_adjustment_as_a_decrease() {
    let mut draft = sample_draft();
    draft.general_budget.annual_budget = "１５５．５４万元".into();
    let fund = &mut draft.performance.special_funds[0];
    fund.initial_budget = "6".into();
    fund.adjustment = "-3".into();
    let text = visible_text(&render_html(&draft));
    assert!(text.contains("2024年预算资金155.54万元。"));
    assert!(text.contains("一是信访救助，年初预算资金6万元，年中执行调减3万元，实际支出3万元"));
}

#[test]
fn a_blank_draft_exports_with_blanks_to_fill_in() {
    let html = render_html(&Draft::default());
    assert!(html.contains("class=\"blank\""));
    assert!(html.contains("年度部门整体支出绩效自评报告"));
}

/// SCORECARD.md §6: a started table ends the report, on a page of its own, laid out as §1 with
/// the computed figures; a draft without a table exports none.
#[test]
fn the_scorecard_ends_the_export_on_its_own_page() {
    let html = render_html(&sample_draft());
    let text = visible_text(&html);
    let table_at = html
        .find("<section class=\"scorecard\">")
        .expect("the table is exported");
    assert!(html[..table_at].contains("十、其他需要说明的情况"));
    assert!(html.contains(".scorecard { break-before: page;"));
    assert!(text.contains("附件：株洲市芦淞区信访局2024年度部门整体支出绩效自评表"));
    for figure in [
        "155.54",
        "273.83",
        "272.44",
        "99.49%",
        "9.95",
        "99.95",
        "自评等级：优",
    ] {
        assert!(text.contains(figure), "{figure} missing");
    }
    // Every indicator row, with its values as typed.
    assert_eq!(html[table_at..].matches("<tr>").count(), 9 + 8);
    assert!(text.contains("信访工作法治化宣传资料发放≥3万份2万余份1515"));
    // The blank 预期目标 prints 年度整体支出绩效目标.
    let goal = sample_draft().goals.overall;
    assert!(html[table_at..].contains(goal.trim()));

    let v1 = selfeval::read_draft(selfeval::sample::SEED_V1_JSON).unwrap();
    assert!(!render_html(&v1).contains("scorecard\">"));
    // User text in the table is text.
    let mut d = sample_draft();
    d.scorecard.indicators[0].name = "<script>alert(1)</script>".into();
    assert!(render_html(&d).contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

/// What the app prints from the form: the document's report and style sheet, for print only,
/// with nothing else of the document (no script, no head).
#[test]
fn the_print_rendering_is_the_documents_article_with_its_print_style() {
    let draft = sample_draft();
    let html = render_html(&draft);
    let print = selfeval::export::render_print(&draft);
    let article = |s: &str| {
        let from = s.find("<article class=\"report\">").expect("an article");
        let to = s.find("</article>").expect("its end") + "</article>".len();
        s[from..to].to_owned()
    };
    assert_eq!(article(&print), article(&html));
    let style = print
        .strip_prefix("<style media=\"print\">")
        .and_then(|rest| rest.split_once("</style>"))
        .map(|(style, _)| style)
        .expect("a print-only style sheet first");
    assert!(html.contains(style), "the document's style sheet");
    assert!(style.contains("@page"), "A4 pages");
    for absent in ["<script", "<head", "<meta", "<title"] {
        assert!(!print.contains(absent), "{absent} in the print rendering");
    }
}

/// What prints in place of the report when it cannot be printed: the message, as text.
#[test]
fn a_print_note_is_its_message_escaped() {
    assert_eq!(
        selfeval::export::print_note("无法打印：<b>&"),
        "<p class=\"print-note\">无法打印：&lt;b&gt;&amp;</p>"
    );
}

//! In-browser tests of what only a browser has: the core under wasm, and the crash rescue.
//! Run by `cargo test --target wasm32-unknown-unknown --lib` (scripts/test).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use super::dom::document;
use super::rescue;
use crate::draft_file::read_draft;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_core_checks_the_sample_in_wasm_as_natively() {
    let findings = crate::check(&crate::sample::sample_draft());
    let rules: Vec<(&str, String)> = findings
        .iter()
        .map(|f| (f.rule.id(), f.path.to_string()))
        .collect();
    assert_eq!(
        rules,
        [
            (
                "weak.fund_effect",
                "performance.special_funds[1].effect".to_owned()
            ),
            (
                "link.fund_name",
                "performance.special_funds[2].name".to_owned()
            ),
            ("weak.none", "problems".to_owned()),
            ("weak.none", "improvements".to_owned()),
            (
                "score.above_computed",
                "scorecard.indicators[6].score".to_owned()
            ),
        ]
    );
    let score = crate::scorecard::ScoreFigures::of(&crate::sample::sample_draft());
    assert_eq!(score.summary(), "总分 99.95　自评等级 优");
}

/// After a panic the page shows a banner whose link downloads the fields on screen as a draft.
#[wasm_bindgen_test]
async fn the_crash_banner_offers_what_is_on_screen() {
    let doc = document().expect("document");
    let body = doc.body().expect("body");
    // Added beside the test runner's own output, which must stay.
    let form = doc.create_element("div").expect("div");
    body.append_child(&form).expect("append");
    form.set_inner_html(
        "<input data-path=\"meta.department\" value=\"甲局\">\
         <textarea data-path=\"problems\">预算编制不够细。</textarea>\
         <input data-path=\"general_budget.projects[1].amount\" value=\"3万元\">\
         <input data-path=\"not.a.path\" value=\"x\">\
         <select data-path=\"scorecard.indicators[0].level1\"><option value=\"效益指标\" selected>效益指标</option></select>",
    );
    rescue::show_recovery_banner();

    let banner = doc.get_element_by_id("crash-banner").expect("the banner");
    assert!(banner
        .text_content()
        .unwrap_or_default()
        .contains("程序出错"));
    let link: web_sys::HtmlAnchorElement = doc
        .get_element_by_id("crash-download")
        .expect("the download link")
        .dyn_into()
        .expect("a link");
    assert_eq!(link.download(), "甲局-年度未填-绩效自评-草稿.json");

    let window = web_sys::window().expect("window");
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&link.href()))
        .await
        .expect("fetch the blob")
        .dyn_into()
        .expect("a response");
    let text = JsFuture::from(response.text().expect("text"))
        .await
        .expect("the text")
        .as_string()
        .expect("a string");
    let draft = read_draft(&text).expect("a draft file");
    assert_eq!(draft.meta.department, "甲局");
    assert_eq!(draft.problems, "预算编制不够细。");
    assert_eq!(draft.general_budget.projects.len(), 2);
    assert_eq!(draft.general_budget.projects[1].amount, "3万元");
    assert_eq!(draft.scorecard.indicators[0].level1, "效益指标");
}

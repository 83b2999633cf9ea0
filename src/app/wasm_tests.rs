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

/// The open draft's state, started as the app starts it (inside a mounted owner, so that its
/// effects run).
fn started_state() -> super::state::AppState {
    let doc = super::dom::document().expect("document");
    let host: web_sys::HtmlElement = doc
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("an element");
    doc.body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let state = std::rc::Rc::new(std::cell::Cell::new(None));
    let keep = state.clone();
    leptos::mount::mount_to(host, move || {
        keep.set(Some(super::state::AppState::start()));
    })
    .forget();
    state.get().expect("the state")
}

/// Each row keeps its key while rows are added, removed, put back and moved; a draft put on
/// screen keeps the rows at the places both drafts have.
#[wasm_bindgen_test]
fn rows_keep_their_keys_and_a_draft_put_on_screen_keeps_the_places_both_have() {
    use crate::outline::List;
    use leptos::prelude::*;
    let state = started_state();
    let keys = |list| state.row_keys(list).get_untracked();
    let names = || {
        state.draft().with_untracked(|d| {
            d.general_budget
                .projects
                .iter()
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
        })
    };
    for list in List::ALL {
        assert_eq!(
            keys(list).len(),
            state.draft().with_untracked(|d| d.rows(list)),
            "{list:?}"
        );
    }
    let (k, n) = (keys(List::Projects), names());
    assert!(k.len() >= 3, "{k:?}");

    state.move_row(List::Projects, 0, false);
    assert_eq!(
        keys(List::Projects),
        [vec![k[1], k[0]], k[2..].to_vec()].concat()
    );
    assert_eq!(
        names(),
        [vec![n[1].clone(), n[0].clone()], n[2..].to_vec()].concat()
    );
    // Nothing to move past the ends.
    state.move_row(List::Projects, 0, true);
    state.move_row(List::Projects, k.len() - 1, false);
    assert_eq!(
        keys(List::Projects),
        [vec![k[1], k[0]], k[2..].to_vec()].concat()
    );

    state.move_row(List::Projects, 1, true);
    state.remove_row(List::Projects, 1);
    assert_eq!(keys(List::Projects), [vec![k[0]], k[2..].to_vec()].concat());
    state.undo_remove();
    assert_eq!(keys(List::Projects), k);
    assert_eq!(names(), n);

    state.add_row(List::Projects);
    let added = keys(List::Projects);
    assert_eq!(&added[..k.len()], &k[..]);
    assert_eq!(added.len(), k.len() + 1);
    assert!(!k.contains(&added[k.len()]));

    // Another draft on screen: the rows at the places both have keep their keys (their fields
    // read the new text), the others go or come under keys no row had.
    state.new_blank();
    for list in List::ALL {
        assert_eq!(
            keys(list).len(),
            state.draft().with_untracked(|d| d.rows(list))
        );
    }
    let blank = keys(List::Projects);
    assert_eq!(&blank[..], &added[..blank.len()]);
    state.new_from_sample();
    let sample = keys(List::Projects);
    assert_eq!(sample.len(), k.len());
    assert_eq!(&sample[..blank.len()], &blank[..]);
    assert!(sample[blank.len()..].iter().all(|key| !added.contains(key)));
    assert_eq!(names(), n);

    // 按模板新建 on a draft without a table: keys for its new rows.
    state.new_blank();
    assert!(keys(List::Indicators).is_empty());
    state.start_scorecard();
    assert_eq!(
        keys(List::Indicators).len(),
        state.draft().with_untracked(|d| d.rows(List::Indicators))
    );
    assert!(!keys(List::Indicators).is_empty());
}

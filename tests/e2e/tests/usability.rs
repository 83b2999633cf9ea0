//! Issue 12: the form's rough edges a first-time user hits, one test per defect fixed.

use e2e::{json, Harness, Locator, Value};

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

/// The height of an element in CSS pixels, over its font size: a label or button on one line
/// stays under about two.
async fn lines_tall(h: &Harness, css: &str) -> f64 {
    h.js_with(
        "const e = document.querySelector(arguments[0]);\
         return e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).fontSize);",
        vec![json!(css)],
    )
    .await
    .as_f64()
    .unwrap_or(f64::MAX)
}

/// Defect 1: renaming a draft is readable, focused on open, Enter confirms and Esc cancels, at
/// every width.
#[tokio::test]
async fn renaming_a_draft_is_readable_focused_and_keyboard_driven_at_every_width() {
    let h = Harness::start().await;
    for (width, height) in [(1024, 768), (1366, 768), (1920, 1080)] {
        h.c.set_window_size(width, height).await.unwrap();
        h.open().await;
        let before = h.selected_draft().await;
        h.click("#draft-rename").await;
        h.eventually("the name field has the focus", || async {
            focused(&h).await.2 == "draft-name"
        })
        .await;
        let colors = h
            .js(
                "const s = getComputedStyle(document.getElementById('draft-name'));\
                 return [s.color, s.backgroundColor];",
            )
            .await;
        assert_ne!(
            colors[0], colors[1],
            "{width}: text and field are one colour"
        );
        for css in [
            ".rename label",
            "#draft-name-ok",
            ".rename button[type=button]",
        ] {
            let tall = lines_tall(&h, css).await;
            assert!(tall < 3.0, "{width}: {css} wraps ({tall} font sizes tall)");
        }
        // The whole name is selected: typing replaces it; Esc leaves it as it was.
        let field = h.c.find(Locator::Css("#draft-name")).await.unwrap();
        field
            .send_keys(&format!("不要的名字{ESCAPE}"))
            .await
            .unwrap();
        h.eventually("Esc closes the field", || async {
            h.text_if_present("#draft-name").await.is_none()
        })
        .await;
        assert_eq!(h.selected_draft().await, before);

        h.click("#draft-rename").await;
        let field = h.c.find(Locator::Css("#draft-name")).await.unwrap();
        let name = format!("宽 {width} 的草稿");
        h.eventually("focused again", || async {
            focused(&h).await.2 == "draft-name"
        })
        .await;
        field.send_keys(&format!("{name}{ENTER}")).await.unwrap();
        h.eventually("Enter renames", || async {
            h.selected_draft().await == name
        })
        .await;
    }
    h.close().await;
}

/// The focused element's row, action and id, as the page has them.
async fn focused(h: &Harness) -> (String, String, String) {
    let v = h
        .js("const e = document.activeElement; const row = e && e.closest('fieldset[data-row]');\
             return [row ? row.dataset.row : '', (e && e.dataset.action) || '', (e && e.id) || ''];")
        .await;
    let s = |i: usize| v[i].as_str().unwrap_or_default().to_owned();
    (s(0), s(1), s(2))
}

/// Defect 2: row actions keep the user's place; destructive confirmations focus 取消.
#[tokio::test]
async fn row_actions_keep_the_users_place_and_destructive_questions_focus_cancel() {
    let h = Harness::start().await;
    h.open().await;
    let list = ".rows[data-path='general_budget.projects']";
    let names: Vec<String> = {
        let mut names = Vec::new();
        for i in 0..3 {
            names.push(h.value(&format!("general_budget.projects[{i}].name")).await);
        }
        names
    };

    // 下移 twice by keyboard moves the row two places down, not back and forth.
    h.click(&format!(
        "{list} fieldset[data-row='0'] button[data-action='down']"
    ))
    .await;
    h.eventually("focus follows the moved row", || async {
        focused(&h).await == ("1".into(), "down".into(), String::new())
    })
    .await;
    let active = h.c.active_element().await.unwrap();
    active.send_keys(ENTER).await.unwrap();
    h.eventually("moved on", || async {
        h.value("general_budget.projects[2].name").await == names[0]
    })
    .await;
    // At the bottom 下移 is disabled: the focus is on the row's 上移.
    h.eventually("focus on the last row", || async {
        focused(&h).await == ("2".into(), "up".into(), String::new())
    })
    .await;

    // 删除 leaves the focus on the row before, not on another 删除, and the undo where it was.
    h.click(&format!(
        "{list} fieldset[data-row='1'] button[data-action='remove']"
    ))
    .await;
    h.eventually("focus on the row before", || async {
        let (row, action, _) = focused(&h).await;
        row == "0" && action.is_empty()
    })
    .await;
    assert_eq!(
        h.focused_path().await.as_deref(),
        Some("general_budget.projects[0].name")
    );
    let undo_in_list = h
        .js_with(
            "const u = document.getElementById('undo'); return !!u && !!u.closest(arguments[0]) && u.getAttribute('role');",
            vec![json!(list)],
        )
        .await;
    assert_eq!(undo_in_list, json!("status"));
    h.click("#undo-remove").await;
    h.eventually("the row is back and focused", || async {
        h.focused_path().await.as_deref() == Some("general_budget.projects[1].name")
    })
    .await;

    // Deleting a draft asks with the focus on 取消: Enter keeps the draft.
    let drafts = h.draft_names().await.len();
    h.click("#draft-delete").await;
    h.eventually("取消 has the focus", || async {
        focused(&h).await.2 == "confirm-no"
    })
    .await;
    h.c.active_element()
        .await
        .unwrap()
        .send_keys(ENTER)
        .await
        .unwrap();
    h.eventually("the question goes", || async {
        h.text_if_present("#confirm").await.is_none()
    })
    .await;
    assert_eq!(h.draft_names().await.len(), drafts);
    h.close().await;
}

/// Defect 4: a sum finding names and links every field it involves, so the user goes to the
/// typo, not only to the total.
#[tokio::test]
async fn a_sum_finding_links_every_field_it_involves() {
    let h = Harness::start().await;
    h.open().await;
    h.type_into("general_budget.personnel_expense", "122.67")
        .await;
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    let involved = h
        .js("const f = document.querySelector('#findings a[data-rule=\"sum.basic\"]');\
             return [...f.parentElement.querySelectorAll('.involves a')].map(a => [a.dataset.path, a.textContent]);")
        .await;
    assert_eq!(
        involved,
        json!([
            ["general_budget.basic_expense", "基本支出"],
            ["general_budget.personnel_expense", "人员经费"],
            ["general_budget.public_expense", "公用经费"]
        ])
    );
    h.click("#findings .involves a[data-path='general_budget.personnel_expense']")
        .await;
    h.eventually("the typo has the focus", || async {
        h.focused_path().await.as_deref() == Some("general_budget.personnel_expense")
    })
    .await;
    h.close().await;
}

/// Defect 9 (part): Esc closes the preview, section links work while it is open, and the page
/// has an icon of its own instead of a request for /favicon.ico.
#[tokio::test]
async fn the_preview_closes_with_esc_and_section_links_leave_it() {
    let h = Harness::start().await;
    h.open().await;
    let icon = h
        .js("const l = document.querySelector('link[rel=icon]'); return l ? l.getAttribute('href') : '';")
        .await;
    assert!(
        icon.as_str()
            .unwrap_or_default()
            .starts_with("data:image/svg+xml,"),
        "{icon}"
    );

    h.click("#preview-toggle").await;
    h.eventually("the preview", || async {
        h.text_if_present("#preview").await.is_some()
    })
    .await;
    h.c.active_element()
        .await
        .unwrap()
        .send_keys(ESCAPE)
        .await
        .unwrap();
    h.eventually("Esc closes it", || async {
        h.text_if_present("#preview").await.is_none()
    })
    .await;

    h.click("#preview-toggle").await;
    h.eventually("the preview again", || async {
        h.text_if_present("#preview").await.is_some()
    })
    .await;
    // The last section's link, clicked while the preview shows.
    let last = h
        .js("const a = [...document.querySelectorAll('.section-nav a[data-section]')].pop(); a.click(); return 's-' + a.dataset.section;")
        .await;
    h.eventually("the section is shown and focused", || async {
        h.text_if_present("#preview").await.is_none()
            && h.js("return document.activeElement && document.activeElement.id;")
                .await
                == last
    })
    .await;
    h.close().await;
}

/// Defect 9 (part): an amount typed in 元 is offered in 万元.
#[tokio::test]
async fn an_amount_in_yuan_is_offered_in_wan() {
    let h = Harness::start().await;
    h.open().await;
    h.type_into(
        "general_budget.personnel_expense",
        &format!("1226600元{TAB}"),
    )
    .await;
    h.wait_finding("format.amount", "general_budget.personnel_expense")
        .await;
    let message = h
        .text_of(
            "#findings a[data-rule='format.amount'][data-path='general_budget.personnel_expense']",
        )
        .await;
    assert!(
        message.contains("即 122.66 万元，请填写 122.66"),
        "{message}"
    );
    h.close().await;
}

/// Defect 7 (part): drafts made the same way can be told apart, and the menu shows the open
/// draft's full name.
#[tokio::test]
async fn drafts_made_the_same_way_get_names_of_their_own() {
    let h = Harness::start().await;
    h.open().await;
    h.click("#draft-new-sample").await;
    h.eventually("a second sample", || async {
        h.draft_names().await.len() == 2
    })
    .await;
    h.click("#draft-new-sample").await;
    h.eventually("a third sample", || async {
        h.draft_names().await.len() == 3
    })
    .await;
    let mut names = h.draft_names().await;
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 3, "{names:?}");
    let selected = h.selected_draft().await;
    assert!(selected.ends_with("（3）"), "{selected}");
    let title = h
        .js("return document.getElementById('draft-select').title;")
        .await;
    assert_eq!(title, json!(selected));
    h.close().await;
}

const TAB: &str = "\u{E004}";

/// The top of an element on the screen, in CSS pixels.
async fn screen_top(h: &Harness, css: &str) -> f64 {
    h.js_with(
        "return document.querySelector(arguments[0]).getBoundingClientRect().top;",
        vec![json!(css)],
    )
    .await
    .as_f64()
    .unwrap_or(f64::NAN)
}

/// Defect 3: a blank draft is a to-do list, not a wall of red, until a field is left or a
/// download asked for.
#[tokio::test]
async fn a_blank_draft_is_a_to_do_list_until_a_field_is_left_or_a_download_asked_for() {
    let h = Harness::start().await;
    h.open().await;
    h.click("#draft-new").await;
    h.eventually("a blank draft", || async {
        h.value("meta.department").await.is_empty()
    })
    .await;
    let todo_links = || async {
        h.js("return document.querySelectorAll('#todo a[data-path]').length;")
            .await
            .as_u64()
            .unwrap_or(0)
    };
    h.eventually("the to-do list", || async { todo_links().await > 20 })
        .await;
    let todo = todo_links().await;
    let title = h.text_of("#findings-title").await;
    assert_eq!(title, format!("还有 {todo} 项待填写"));
    assert!(h.findings().await.is_empty(), "{:?}", h.findings().await);
    assert!(h.field_findings("meta.department").await.is_empty());
    let red = h
        .js("return document.querySelectorAll('[aria-invalid=true], .field-error').length;")
        .await;
    assert_eq!(red, json!(0));
    // The navigation counts each section's to-dos: 单位名称 and 年度 in the first.
    assert_eq!(
        h.text_of(".section-nav a[data-section=meta] .count-todo")
            .await,
        "2"
    );
    // A to-do is a link to its field.
    h.click("#todo a[data-path='basic.organization']").await;
    assert_eq!(
        h.focused_path().await.as_deref(),
        Some("basic.organization")
    );

    // Typed into, emptied and left: now it is an error. The field the focus went on to is not.
    h.type_into("meta.department", "甲").await;
    h.type_into("meta.department", "").await;
    assert!(h.field_findings("meta.department").await.is_empty());
    let field = h.wait_for_field("meta.department").await;
    field.send_keys(&format!("{TAB}{TAB}")).await.unwrap();
    h.wait_finding("required.field", "meta.department").await;
    assert_eq!(
        h.field_findings("meta.department").await,
        ["required.field"]
    );
    assert!(!h.has_finding("required.field", "meta.year").await);
    // 机构情况, entered from its to-do link and left, is one too.
    assert!(h.has_finding("required.field", "basic.organization").await);
    assert_eq!(todo_links().await, todo - 2);

    // Asking to download shows every blank as the error it is.
    h.click("#download-json").await;
    h.wait_finding("required.field", "meta.year").await;
    assert_eq!(todo_links().await, 0);
    assert!(h
        .text_of("#findings-title")
        .await
        .starts_with(&format!("发现 {todo} 个错误")));
    h.close().await;
}

/// Defect 3: an unfinished number is not an error while the user is still in the field, and a
/// message appearing does not move the field the focus goes to.
#[tokio::test]
async fn an_unfinished_number_waits_until_the_field_is_left_and_nothing_jumps() {
    let h = Harness::start().await;
    h.open().await;
    // Live checking goes on elsewhere: with 31.5, 基本支出 no longer adds up; with "31." it cannot
    // be added up, and that finding goes.
    h.type_into("general_budget.personnel_expense", "31.5")
        .await;
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    h.type_into("general_budget.personnel_expense", "31.").await;
    h.eventually("sum.basic goes", || async {
        !h.has_finding("sum.basic", "general_budget.basic_expense")
            .await
    })
    .await;
    assert!(h
        .field_findings("general_budget.personnel_expense")
        .await
        .is_empty());
    assert!(!h
        .findings()
        .await
        .iter()
        .any(|(_, p)| p == "general_budget.personnel_expense"));
    let field = h.wait_for_field("general_budget.personnel_expense").await;
    field.send_keys(TAB).await.unwrap();
    h.wait_finding("format.amount", "general_budget.personnel_expense")
        .await;
    assert_eq!(
        h.field_findings("general_budget.personnel_expense").await,
        ["format.amount"]
    );

    // 财政拨款支出 is in the row above 项目支出: its message appears when the user tabs down.
    let above = "general_budget.appropriation_expense";
    let below = "input[data-path='general_budget.project_expense']";
    h.js_with(
        "document.querySelector(arguments[0]).scrollIntoView({block: 'center'});",
        vec![json!(format!("input[data-path='{above}']"))],
    )
    .await;
    h.type_into(above, "27x").await;
    let before = screen_top(&h, below).await;
    h.wait_for_field(above).await.send_keys(TAB).await.unwrap();
    h.wait_finding("format.amount", above).await;
    assert_eq!(h.field_findings(above).await, ["format.amount"]);
    // Two frames: the correction is made in the next one.
    h.frames(2).await;
    assert_eq!(
        h.focused_path().await.as_deref(),
        Some("general_budget.project_expense")
    );
    let after = screen_top(&h, below).await;
    assert!(
        (after - before).abs() < 1.0,
        "moved from {before} to {after}"
    );
    h.close().await;
}

/// While the user types in one field, a finding elsewhere that comes and goes with the keystrokes
/// (基本支出 no longer adding up while 人员经费 is retyped) does not move the form: the findings
/// summary above it keeps the height it reached. Leaving the field lets it take its own height.
#[tokio::test]
async fn the_findings_summary_does_not_shrink_under_the_field_being_typed_in() {
    let h = Harness::start().await;
    h.open().await;
    let path = "general_budget.personnel_expense";
    let css = "input[data-path='general_budget.personnel_expense']";
    // The field, its place in the document, the summary's height and the scroll.
    let measure = || async {
        let v = h
            .js_with(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();\
                 return [r.top + scrollY, document.getElementById('findings').offsetHeight, scrollY];",
                vec![json!(css)],
            )
            .await;
        let at = |i: usize| v.get(i).and_then(Value::as_f64).unwrap_or(f64::NAN);
        (at(0), at(1), at(2))
    };
    h.type_into(path, "122.67").await;
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    h.frames(2).await;
    let (top, height, scroll) = measure().await;
    // On from 122.67 to 122.66, in the field as it is (`type_into` would bring it into view).
    let field = h.wait_for_field(path).await;
    field.send_keys("\u{E003}6").await.unwrap();
    h.eventually("sum.basic goes", || async {
        !h.has_finding("sum.basic", "general_budget.basic_expense")
            .await
    })
    .await;
    h.frames(2).await;
    let held = measure().await;
    assert_eq!(
        held,
        (top, height, scroll),
        "the form moved as the finding went"
    );
    // Left: the summary is its own size again, and the field the focus went to stays in place.
    let next = "input[data-path='general_budget.project_expense']";
    let next_top = screen_top(&h, next).await;
    field.send_keys(TAB).await.unwrap();
    h.frames(2).await;
    let (_, own, _) = measure().await;
    assert!(
        own < height,
        "the summary kept {height} px, not its own {own} px"
    );
    let after = screen_top(&h, next).await;
    assert!(
        (after - next_top).abs() < 1.0,
        "moved from {next_top} to {after}"
    );
    h.close().await;
}

/// The pages of a PDF.
fn pdf_pages(pdf: &[u8]) -> usize {
    let marker = b"/Type /Page";
    pdf.windows(marker.len() + 1)
        .filter(|w| w.starts_with(marker) && w.last() != Some(&b's'))
        .count()
}

/// The text of each page of a PDF, read by pypdf.
fn pdf_texts(pdf: &[u8]) -> Vec<String> {
    let file = e2e::scratch("print").join("printed.pdf");
    std::fs::write(&file, pdf).unwrap();
    let texts = e2e::python_reads("pdf_text.py", &file);
    texts
        .as_array()
        .expect("pages")
        .iter()
        .map(|t| t.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Defect 5: printing from the form or from the preview prints the report alone: the same
/// pages as the exported document printed by itself. The printed report comes from the
/// on-demand module: printed before it is loaded (the browser's menu, which the page cannot
/// hold back), the page says what to do and the module starts loading.
#[tokio::test]
async fn printing_from_the_form_or_the_preview_prints_the_report_alone() {
    let h = Harness::start().await;
    h.open().await;
    let print = || async {
        h.c.print(Default::default())
            .await
            .expect("the page printed to PDF")
    };
    assert_eq!(h.js("return selfevalOffice.loaded();").await, json!(false));
    let too_soon = pdf_texts(&print().await);
    assert_eq!(too_soon.len(), 1, "{too_soon:?}");
    // The note (pypdf reads its Latin letters; the page's CJK font carries no text mapping).
    assert!(too_soon[0].contains("Ctrl+P"), "{too_soon:?}");
    assert!(
        !too_soon[0].contains("Word"),
        "the form printed: {too_soon:?}"
    );
    h.eventually("the module, loading since the first print", || async {
        h.js("return selfevalOffice.loaded();").await == json!(true)
    })
    .await;
    let from_form = print().await;
    h.open_preview().await;
    let from_preview = print().await;
    // Nothing of the app is left on the page after printing.
    assert_eq!(
        h.js("return document.getElementById('print-report').innerHTML;")
            .await,
        json!("")
    );
    h.site.add_page(
        "/report-alone.html",
        selfeval::export::render_html(&selfeval::sample::sample_draft()).into_bytes(),
    );
    h.c.goto(&h.site.url("/report-alone.html")).await.unwrap();
    let alone = print().await;
    let pages = pdf_pages(&alone);
    assert!(pages > 2, "the report alone prints {pages} pages");
    assert_eq!(pdf_pages(&from_form), pages, "printed from the form");
    assert_eq!(pdf_pages(&from_preview), pages, "printed from the preview");
    // Every page carries its number, "— n —" (CSS margin boxes), and nothing of the form.
    for (pdf, from) in [(&alone, "alone"), (&from_form, "from the form")] {
        let texts = pdf_texts(pdf);
        assert_eq!(texts.len(), pages);
        for (i, text) in texts.iter().enumerate() {
            assert!(
                text.contains(&format!("— {} —", i + 1)),
                "page {} printed {from} has no page number: {text}",
                i + 1
            );
            assert!(
                !text.contains("下载 Word"),
                "the form's buttons printed {from}"
            );
        }
    }
    h.close().await;
}

/// Ctrl+P before the on-demand module is loaded: the page loads it first, then prints the
/// report (the browser's own print is held back, so nothing prints without the report).
#[tokio::test]
async fn ctrl_p_waits_for_the_report_then_prints() {
    let h = Harness::start().await;
    h.open().await;
    let pressed = h
        .js("window.__printed = [];\
             window.print = () => window.__printed.push(1);\
             const e = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true, cancelable: true });\
             document.body.dispatchEvent(e);\
             return { held: e.defaultPrevented, loaded: selfevalOffice.loaded() };")
        .await;
    assert_eq!(pressed, json!({ "held": true, "loaded": false }));
    h.eventually("the print, once the module is loaded", || async {
        h.js("return window.__printed.length;").await == json!(1)
    })
    .await;
    assert_eq!(h.js("return selfevalOffice.loaded();").await, json!(true));
    // Loaded, Ctrl+P is the browser's own again (its beforeprint fills the page at once).
    let again = h
        .js("const e = new KeyboardEvent('keydown', { key: 'P', ctrlKey: true, bubbles: true, cancelable: true });\
             document.body.dispatchEvent(e);\
             return e.defaultPrevented;")
        .await;
    assert_eq!(again, json!(false));
    h.close().await;
}

/// Defect 8: at 1024 × 768 the section navigation and the figures stay on the screen (or one
/// scroll of their own column away) wherever the form is scrolled to.
#[tokio::test]
async fn at_1024_wide_the_navigation_and_the_figures_stay_reachable() {
    let h = Harness::start().await;
    h.c.set_window_size(1024, 768).await.unwrap();
    h.open().await;
    let probe = h
        .js(
            "window.scrollTo(0, document.documentElement.scrollHeight * 0.6);\
             const on = el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight && r.width > 0; };\
             const nav = on(document.querySelector('.section-nav a[data-section=other]'));\
             const y = scrollY;\
             document.querySelector('.figures').scrollIntoView({block: 'nearest'});\
             return [y > 1000, nav, scrollY === y, on(document.querySelector('.figures'))];",
        )
        .await;
    assert_eq!(
        probe,
        json!([true, true, true, true]),
        "[scrolled, 十 in the navigation on screen, figures reached without moving the page, figures on screen]"
    );
    h.close().await;
}

/// Defect 9: the toolbar stays on the screen when the form is scrolled, and a field the focus
/// moves to is never under it.
#[tokio::test]
async fn the_toolbar_stays_on_screen_and_never_covers_the_focused_field() {
    let h = Harness::start().await;
    h.c.set_window_size(1366, 768).await.unwrap();
    h.open().await;
    let visible = h
        .js("window.scrollTo(0, document.documentElement.scrollHeight);\
             const r = document.getElementById('download-json').getBoundingClientRect();\
             return scrollY > 1000 && r.top >= 0 && r.bottom <= innerHeight;")
        .await;
    assert_eq!(
        visible,
        json!(true),
        "下载 JSON on the screen at the bottom of the form"
    );
    // 机构情况 just above the screen; Shift+Tab from the field after it brings it back.
    h.js(
        "const org = document.querySelector('[data-path=\"basic.organization\"]');\
         const next = document.querySelector('[data-path=\"basic.staff.as_of\"]');\
         next.focus({preventScroll: true});\
         window.scrollTo(0, org.getBoundingClientRect().bottom + scrollY + 5);",
    )
    .await;
    let active = h.c.active_element().await.unwrap();
    active.send_keys("\u{E008}\u{E004}").await.unwrap();
    assert_eq!(
        h.focused_path().await.as_deref(),
        Some("basic.organization")
    );
    let clear = h
        .js(
            "const bar = document.querySelector('.actionbar').getBoundingClientRect();\
             const f = document.activeElement.getBoundingClientRect();\
             return [f.top >= bar.bottom, f.top, bar.bottom];",
        )
        .await;
    assert_eq!(clear[0], json!(true), "field top, bar bottom: {clear}");
    h.close().await;
}

/// Defect 9: running totals under 项目支出明细 and the special funds, and 按行数填入 beside 专项资金个数
/// when it differs from the rows.
#[tokio::test]
async fn rows_show_their_totals_and_the_fund_count_can_be_filled_from_the_rows() {
    let h = Harness::start().await;
    h.open().await;
    let projects = "[data-total='general_budget.projects']";
    assert_eq!(h.text_of(projects).await, "3 个项目合计 118.29 万元");
    let funds = h.text_of("[data-total='performance.special_funds']").await;
    assert!(funds.starts_with("3 项专项资金合计：年初预算 "), "{funds}");
    h.type_into("general_budget.projects[0].amount", "4").await;
    h.eventually("the total follows the rows", || async {
        h.text_of(projects).await == "3 个项目合计 119.29 万元"
    })
    .await;

    let fill = ".fill-from-rows";
    let shown = || async {
        h.js_with(
            "const b = document.querySelector(arguments[0]); return !!b && !b.hidden;",
            vec![json!(fill)],
        )
        .await
            == json!(true)
    };
    assert!(!shown().await, "offered while the count agrees");
    h.type_into("performance.special_funds_stated_count", &format!("5{TAB}"))
        .await;
    h.eventually("按行数填入 offered", shown).await;
    assert_eq!(h.text_of(fill).await, "按行数填入（3）");
    h.click(fill).await;
    h.eventually("filled in", || async {
        h.value("performance.special_funds_stated_count").await == "3"
    })
    .await;
    h.eventually("the finding and the button go", || async {
        !shown().await
            && !h
                .has_finding(
                    "count.special_funds",
                    "performance.special_funds_stated_count",
                )
                .await
    })
    .await;
    h.close().await;
}

/// Defect 9: the preview's title never leaves its last character alone on a line.
#[tokio::test]
async fn the_report_title_does_not_leave_its_last_character_alone() {
    let h = Harness::start().await;
    for (width, height) in [(1024, 768), (1366, 768), (1920, 1080)] {
        h.c.set_window_size(width, height).await.unwrap();
        h.open().await;
        h.open_preview().await;
        let lines = h
            .js(
                "const doc = document.querySelector('#preview iframe').contentDocument;\
                 const h1 = doc && doc.querySelector('h1');\
                 if (!h1) return null;\
                 const walker = doc.createTreeWalker(h1, NodeFilter.SHOW_TEXT);\
                 let last = null; while (walker.nextNode()) last = walker.currentNode;\
                 const top = (from, to) => { const r = doc.createRange(); r.setStart(last, from); r.setEnd(last, to); return r.getBoundingClientRect().top; };\
                 const n = last.length;\
                 return [top(n - 2, n - 1), top(n - 1, n), h1.getClientRects().length];",
            )
            .await;
        assert!(lines.is_array(), "{width}: no title in the preview");
        assert_eq!(
            lines[0], lines[1],
            "{width}: the last character alone ({lines})"
        );
        h.click("#preview-toggle").await;
    }
    h.close().await;
}

/// Defect 7: a new draft takes its unit's name and year once both are filled, and keeps a name
/// the user gave it.
#[tokio::test]
async fn a_new_draft_is_named_after_its_unit_and_year_until_renamed() {
    let h = Harness::start().await;
    h.open().await;
    h.click("#draft-new").await;
    h.eventually("a blank draft", || async {
        h.selected_draft().await.starts_with("新草稿")
    })
    .await;
    h.type_into("meta.department", "甲局").await;
    assert!(h.selected_draft().await.starts_with("新草稿"));
    h.type_into("meta.year", "2024").await;
    h.eventually("named after unit and year", || async {
        h.selected_draft().await == "甲局 2024年度"
    })
    .await;
    h.type_into("meta.year", "2025").await;
    h.eventually("the name follows the year", || async {
        h.selected_draft().await == "甲局 2025年度"
    })
    .await;
    h.wait_saved("the new name").await;
    h.reload().await;
    assert_eq!(h.selected_draft().await, "甲局 2025年度");

    h.click("#draft-rename").await;
    h.type_into_css("#draft-name", &format!("我的草稿{ENTER}"))
        .await;
    h.eventually("renamed", || async {
        h.selected_draft().await == "我的草稿"
    })
    .await;
    h.type_into("meta.year", "2026").await;
    h.wait_saved("the year").await;
    assert_eq!(h.selected_draft().await, "我的草稿");
    h.close().await;
}

/// Also: axe-core's default rules find nothing on the sample, a blank draft, a draft with an
/// error showing, the preview and a confirm bar; and no contrast failure on row buttons under
/// the sticky toolbar.
#[tokio::test]
async fn axe_finds_no_accessibility_violations() {
    let h = Harness::start().await;
    h.c.set_window_size(1366, 768).await.unwrap();
    h.open().await;
    let mut found = Vec::new();
    let mut check = |state: &'static str, v: Vec<(String, Vec<String>)>| {
        if !v.is_empty() {
            found.push((state, v));
        }
    };
    check("the sample", h.axe_violations().await);

    // Row buttons under the sticky toolbar.
    h.js(
        "const b = document.querySelector('fieldset.row [data-action=remove]');\
         window.scrollTo(0, b.getBoundingClientRect().top + scrollY - 20);",
    )
    .await;
    check("row buttons under the toolbar", h.axe_violations().await);

    h.type_into("general_budget.personnel_expense", &format!("122.67{TAB}"))
        .await;
    h.wait_finding("sum.basic", "general_budget.basic_expense")
        .await;
    check("an error showing", h.axe_violations().await);

    h.click("#draft-delete").await;
    h.wait_for_css("#confirm").await;
    check("a confirm bar", h.axe_violations().await);
    h.click("#confirm-no").await;

    h.open_preview().await;
    check("the preview", h.axe_violations().await);
    h.click("#preview-toggle").await;

    h.click("#draft-new").await;
    h.eventually("a blank draft", || async {
        h.value("meta.department").await.is_empty()
    })
    .await;
    check("a blank draft", h.axe_violations().await);
    assert!(found.is_empty(), "{found:#?}");
    h.close().await;
}

/// 生成下一年度草稿 (issue 10, build 3): a new draft with the texts kept, the amounts and counts
/// emptied, the year one on and a name after unit and year; the open draft is not touched.
#[tokio::test]
async fn next_years_draft_keeps_the_texts_and_empties_the_numbers() {
    let h = Harness::start().await;
    h.open().await;
    let before = h.selected_draft().await;
    h.click("#draft-next-year").await;
    h.eventually("the new draft open", || async {
        h.selected_draft().await == "株洲市芦淞区信访局 2025年度"
    })
    .await;
    assert_eq!(h.value("meta.year").await, "2025");
    assert_eq!(h.value("meta.department").await, "株洲市芦淞区信访局");
    assert_eq!(h.value("general_budget.projects[0].name").await, "信访救助");
    for path in [
        "general_budget.annual_budget",
        "general_budget.projects[0].amount",
        "basic.staff.total",
        "performance.special_funds[0].actual",
    ] {
        assert_eq!(h.value(path).await, "", "{path}");
    }
    assert!(h.text_of("#notice").await.contains("原草稿没有改动"));
    h.wait_saved("the new draft").await;
    let drafts = h.stored_drafts().await;
    assert_eq!(drafts.len(), 2);
    assert!(drafts
        .iter()
        .any(|(_, v)| e2e::stored_draft(v) == Some(selfeval::sample::sample_draft())));
    assert!(h.draft_names().await.contains(&before));
    h.close().await;
}

/// What each project row of the page is: its element's mark (set by the test on the element
/// itself, so it is kept only by the same element), its place, its name field's path, id and
/// text, and the rules in its amount's message box, in page order.
async fn project_rows(h: &Harness) -> Vec<Value> {
    h.js(
        "return [...document.querySelectorAll(\".rows[data-path='general_budget.projects'] fieldset.row\")]\
           .sort((a, b) => parseInt(getComputedStyle(a).order) - parseInt(getComputedStyle(b).order))\
           .map(f => { const name = f.querySelector('input[data-path$=\".name\"]');\
                       const amount = f.querySelector('input[data-path$=\".amount\"]');\
                       const msg = document.getElementById(amount.getAttribute('aria-describedby'));\
                       return [f.__mark || null, f.dataset.row, name.dataset.path, name.id, name.value,\
                               msg && msg.closest('fieldset') === f\
                                 ? [...msg.querySelectorAll('[data-rule]')].map(p => p.dataset.rule) : null]; });",
    )
    .await
    .as_array()
    .cloned()
    .unwrap_or_default()
}

/// Rows are keyed: moving, removing and putting back a row keeps every row's elements, so a
/// moved row's fields go with it (its text, its messages), and only its place changes.
#[tokio::test]
async fn a_moved_or_removed_row_keeps_the_elements_of_every_row() {
    let h = Harness::start().await;
    h.open().await;
    // A finding of its own on the first row: an amount that is not a number, left.
    h.type_into("general_budget.projects[0].amount", "十二")
        .await;
    h.click("#f-general_budget\\.projects\\[1\\]\\.name").await;
    h.wait_finding("format.amount", "general_budget.projects[0].amount")
        .await;
    h.js(
        "document.querySelectorAll(\".rows[data-path='general_budget.projects'] fieldset.row\")\
            .forEach((f, i) => { f.__mark = 'row ' + i; });",
    )
    .await;
    let before = project_rows(&h).await;
    let names: Vec<Value> = before.iter().map(|r| r[4].clone()).collect();
    assert_eq!(before.len(), 3, "{before:?}");
    assert_eq!(before[0][5], json!(["format.amount"]), "{before:?}");

    h.click(".rows[data-path='general_budget.projects'] fieldset[data-row='0'] button[data-action='down']")
        .await;
    h.eventually("the first row moved down", || async {
        project_rows(&h).await.first().map(|r| r[0].clone()) == Some(json!("row 1"))
    })
    .await;
    let moved = project_rows(&h).await;
    let path = |i: usize| format!("general_budget.projects[{i}].name");
    for (at, (mark, name)) in [
        ("row 1", &names[1]),
        ("row 0", &names[0]),
        ("row 2", &names[2]),
    ]
    .into_iter()
    .enumerate()
    {
        let row = &moved[at];
        assert_eq!(row[0], json!(mark), "place {at}: {moved:?}");
        assert_eq!(row[1], json!(at.to_string()), "place {at}: {moved:?}");
        assert_eq!(row[2], json!(path(at)), "place {at}: {moved:?}");
        assert_eq!(
            row[3],
            json!(format!("f-{}", path(at))),
            "place {at}: {moved:?}"
        );
        assert_eq!(&row[4], name, "place {at}: {moved:?}");
    }
    // The message went with its row, and the checker's finding with it.
    assert_eq!(moved[1][5], json!(["format.amount"]), "{moved:?}");
    assert_eq!(moved[0][5], json!([]), "{moved:?}");
    assert!(
        h.has_finding("format.amount", "general_budget.projects[1].amount")
            .await
    );

    // Removing the first row leaves the others' elements; the undo puts it back as it was.
    h.click(".rows[data-path='general_budget.projects'] fieldset[data-row='0'] button[data-action='remove']")
        .await;
    h.eventually("removed", || async { project_rows(&h).await.len() == 2 })
        .await;
    let left: Vec<Value> = project_rows(&h)
        .await
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(left, vec![json!("row 0"), json!("row 2")]);
    h.click("#undo-remove").await;
    h.eventually("put back", || async { project_rows(&h).await.len() == 3 })
        .await;
    let back = project_rows(&h).await;
    let marks: Vec<Value> = back.iter().map(|r| r[0].clone()).collect();
    // The row put back is drawn anew (its element went with the removal); the others stayed.
    assert_eq!(
        marks,
        vec![Value::Null, json!("row 0"), json!("row 2")],
        "{back:?}"
    );
    assert_eq!(back[0][4], names[1]);
    assert_eq!(back[1][5], json!(["format.amount"]), "{back:?}");

    // Another draft opened over these rows: the rows on screen show its text, selects included.
    let mut other = selfeval::sample::sample_draft();
    other.general_budget.projects[0].name = "另一份草稿的项目".into();
    other.general_budget.projects.truncate(2);
    other.scorecard.indicators[0].level1 = "效益指标".into();
    other.scorecard.indicators[0].level2 = "社会效益指标".into();
    let file = e2e::scratch("rows").join("另一份.json");
    std::fs::write(&file, selfeval::write_draft(&other).expect("a draft file"))
        .expect("write the draft");
    h.import_file(&file).await;
    h.eventually("the other draft is open", || async {
        h.value("general_budget.projects[0].name").await == "另一份草稿的项目"
    })
    .await;
    let opened = project_rows(&h).await;
    assert_eq!(opened.len(), 2, "{opened:?}");
    assert_eq!(opened[1][4], json!(other.general_budget.projects[1].name));
    assert_eq!(opened[1][5], json!([]), "{opened:?}");
    assert_eq!(h.value("scorecard.indicators[0].level1").await, "效益指标");
    assert_eq!(
        h.value("scorecard.indicators[0].level2").await,
        "社会效益指标"
    );
    assert!(
        !h.has_finding("format.amount", "general_budget.projects[1].amount")
            .await
    );
    h.close().await;
}

/// Imports `draft` from the file 大草稿.json (in a scratch folder named `tag`), which opens it
/// in place of the draft on screen.
async fn import_as_larger_draft(h: &Harness, tag: &str, draft: &selfeval::Draft) {
    let file = e2e::scratch(tag).join("大草稿.json");
    std::fs::write(&file, selfeval::write_draft(draft).unwrap()).unwrap();
    h.import_file(&file).await;
}

/// Page script helpers for bringing things into view with the page at its top: `bar` is where
/// the sticky bars end; `fromTheTop(items, bring, frames, lands)` scrolls to the top (and waits
/// a frame) for each item, brings its element into view (`bring` returns the element), waits
/// `frames` frames (each two animation frames) and lists where the elements whose bounding box
/// `lands` refuses came to be.
const FROM_THE_TOP: &str = "\
    const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));\
    const bar = document.querySelector('.actionbar').getBoundingClientRect().bottom;\
    const fromTheTop = async (items, bring, frames, lands) => {\
      const missed = [];\
      for (const item of items) {\
        window.scrollTo(0, 0);\
        await frame();\
        const el = bring(item);\
        for (let i = 0; i < frames; i++) await frame();\
        const r = el.getBoundingClientRect();\
        if (!lands(r)) missed.push((el.dataset.path || el.id) + ' at ' + Math.round(r.top));\
      }\
      return missed;\
    };";

/// Waits until the form's sections have been drawn once and are left to the browser
/// (`content-visibility: auto`).
async fn sections_drawn_once(h: &Harness) {
    h.eventually("the sections drawn once, then left to the browser", || async {
        h.js("const f = document.querySelector('.report-form');\
             return f.classList.contains('sized') &&\
               [...f.querySelectorAll('.report-section')].every(s => getComputedStyle(s).contentVisibility === 'auto');")
            .await
            == json!(true)
    })
    .await;
}

/// Each section's last field outside its rows (a row off the screen is not drawn until it is
/// near, drawn once or not), last section first, brought into view from the top of the page
/// as a finding's link or the browser does it, lands on the screen below the sticky bars.
async fn every_section_lands_in_view(h: &Harness, draft: &str) {
    let missed = h
        .js(&format!(
            "{FROM_THE_TOP} return fromTheTop(\
               [...document.querySelectorAll('.report-section')].reverse(),\
               s => {{\
                 const field = [...s.querySelectorAll('input, textarea, select')].filter(f => !f.closest('.row')).pop();\
                 field.scrollIntoView({{ block: 'center' }});\
                 return field;\
               }},\
               1, r => r.top >= bar && r.bottom <= innerHeight);"
        ))
        .await;
    assert_eq!(
        missed,
        json!([]),
        "{draft}: fields brought into view off the screen"
    );
}

/// Sections off the screen are left undrawn while the user types (issue 14), once each has been
/// drawn for the draft on screen, so that its size is known: on the sample, on a larger draft
/// opened in its place and on the sample again, every section's last field brought into view
/// lands on the screen, clear of the sticky bars.
#[tokio::test]
async fn undrawn_sections_keep_their_size_so_fields_land_in_view() {
    let h = Harness::start().await;
    h.open().await;
    sections_drawn_once(&h).await;
    every_section_lands_in_view(&h, "the sample").await;

    import_as_larger_draft(
        &h,
        "undrawn-sections",
        &selfeval::sample::large_draft(120, 120),
    )
    .await;
    h.eventually("the larger draft", || async {
        h.selected_draft().await.starts_with("大草稿")
    })
    .await;
    sections_drawn_once(&h).await;
    every_section_lands_in_view(&h, "a larger draft").await;

    h.js("const s = document.getElementById('draft-select');\
         s.value = s.options[1].value; s.dispatchEvent(new Event('change', { bubbles: true }));")
        .await;
    h.eventually("the sample again", || async {
        h.value("general_budget.projects[0].name").await != "项目1"
    })
    .await;
    sections_drawn_once(&h).await;
    every_section_lands_in_view(&h, "the sample again").await;
    h.close().await;
}

/// Every finding's link and every section's link, each clicked with the page at its top, lands
/// on the screen: the field clear of the sticky bars, the heading just under them.
async fn every_link_lands(h: &Harness, draft: &str) {
    let missed = h
        .js(&format!(
            "{FROM_THE_TOP} const links = [...document.querySelectorAll('#findings a[data-rule]')];\
             return fromTheTop(links, a => {{ a.click(); return document.activeElement; }},\
               3, r => r.top >= bar && r.top <= innerHeight - 20)\
               .then(missed => [links.length, missed]);"
        ))
        .await;
    let count = missed[0].as_u64().unwrap_or_default();
    assert!(count >= 5, "{draft}: {count} findings");
    assert_eq!(missed[1], json!([]), "{draft}: fields left off the screen");
    // The section links, last section first: each heading at the top, under the bars.
    let missed = h
        .js(&format!(
            "{FROM_THE_TOP} return fromTheTop(\
               [...document.querySelectorAll('.section-nav a[data-section]')].reverse(),\
               a => {{ a.click(); return document.activeElement; }},\
               3, r => r.top >= bar && r.top <= bar + 40);"
        ))
        .await;
    assert_eq!(
        missed,
        json!([]),
        "{draft}: section headings not at the top"
    );
}

/// Every finding's link, clicked with the page at its top, lands its field on the screen (clear
/// of the sticky bars), and every section's link its heading at the top of the screen, on the
/// sample and on a larger draft with findings in rows far down:
/// the rows and sections in between are drawn only as they come near, so the app brings the
/// field into view again until it is there.
#[tokio::test]
async fn finding_and_section_links_land_on_the_screen() {
    let h = Harness::start().await;
    h.open().await;
    every_link_lands(&h, "the sample").await;

    let mut large = selfeval::sample::large_draft(120, 120);
    large.scorecard = selfeval::sample::sample_draft().scorecard;
    large.general_budget.projects[110].amount = "一百".into();
    if let Some(fund) = large.performance.special_funds.get_mut(100) {
        fund.actual = "若干".into();
    }
    import_as_larger_draft(&h, "finding-links", &large).await;
    h.eventually("the larger draft's findings", || async {
        h.findings()
            .await
            .iter()
            .any(|(_, path)| path == "general_budget.projects[110].amount")
    })
    .await;
    every_link_lands(&h, "a larger draft").await;
    h.close().await;
}

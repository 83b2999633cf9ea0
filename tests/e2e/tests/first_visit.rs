//! Issue 14: a first visit puts the shell, the findings and the first section on the screen
//! before it builds the other sections (one per task after the frame that shows the one before),
//! and whatever goes to a field not built yet builds the rest first.

use e2e::{json, Harness, Value};

/// Set up before the page's own scripts: the moment the first finding enters the DOM, what of the
/// form is built; then, once it is on the screen, a click on a finding's link whose field is not
/// built yet, as a quick user (or a slow PC) can do it, or on the last section's link in the
/// navigation.
const AT_FIRST_FINDING: &str = r#"
new MutationObserver((_, observer) => {
  if (!document.querySelector('#findings a[data-rule]')) return;
  observer.disconnect();
  const sections = [...document.querySelectorAll('.report-form .report-section')];
  const built = sections.filter((s) => s.querySelector('[data-path]'));
  window.__atFirstFinding = {
    sections: sections.length,
    built: built.map((s) => s.getAttribute('aria-labelledby')),
  };
  // The first moment a user could click: once the finding is on the screen.
  requestAnimationFrame(() => setTimeout(() => {
    const seen = window.__atFirstFinding;
    const undrawn = [...document.querySelectorAll('#findings a[data-path]')]
      .find((a) => !document.getElementById('f-' + a.dataset.path));
    seen.undrawn = undrawn ? undrawn.dataset.path : null;
    if (window.__click === 'finding' && undrawn) undrawn.click();
    if (window.__click === 'section') {
      const last = [...document.querySelectorAll('nav a[data-section]')].pop();
      seen.section = last.getAttribute('href').slice(1);
      seen.sectionBuilt = !!document.getElementById(seen.section).parentElement.querySelector('[data-path]');
      last.click();
    }
  }));
}).observe(document, { childList: true, subtree: true });
"#;

/// Opens the app on a first visit with [`AT_FIRST_FINDING`] watching, clicking `click`
/// (`finding`, `section` or nothing) at the first finding; what it saw.
async fn first_visit(h: &Harness, click: &str) -> Value {
    h.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": format!("window.__click = '{click}';{AT_FIRST_FINDING}") }),
    )
    .await;
    h.open().await;
    h.js("return window.__atFirstFinding").await
}

#[tokio::test]
async fn the_first_finding_comes_before_the_other_sections_are_built() {
    let h = Harness::start().await;
    let seen = first_visit(&h, "").await;
    let sections = seen["sections"].as_u64().unwrap_or_default();
    assert!(sections >= 10, "the form's sections: {seen}");
    assert_eq!(
        seen["built"],
        json!(["s-meta"]),
        "at the first finding only the first section is built: {seen}"
    );
    // Then every section is.
    let built = h
        .js(
            "return [...document.querySelectorAll('.report-form .report-section')]\
               .filter((s) => s.querySelector('[data-path]')).length",
        )
        .await;
    assert_eq!(built, json!(sections), "every section built in the end");
    for path in [
        "problems",
        "improvements",
        "performance.special_funds[1].effect",
    ] {
        h.wait_for_field(path).await;
    }
    h.close().await;
}

#[tokio::test]
async fn going_to_a_field_or_section_not_built_yet_builds_the_rest_first() {
    let h = Harness::start().await;
    let seen = first_visit(&h, "finding").await;
    let path = seen["undrawn"].as_str().unwrap_or_default().to_owned();
    assert!(
        !path.is_empty(),
        "a finding of the sample is in a section built later: {seen}"
    );
    assert_eq!(
        h.focused_path().await.as_deref(),
        Some(path.as_str()),
        "the finding's link took the focus to its field"
    );
    let on_screen = h
        .js_with(
            "const r = document.getElementById('f-' + arguments[0]).getBoundingClientRect();\
             return r.top >= 0 && r.bottom <= innerHeight;",
            vec![json!(path)],
        )
        .await;
    assert_eq!(on_screen, json!(true), "the field {path} is on the screen");
    h.close().await;

    let h = Harness::start().await;
    let seen = first_visit(&h, "section").await;
    let heading = seen["section"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        seen["sectionBuilt"],
        json!(false),
        "clicked before the last section was built: {seen}"
    );
    let landed = h
        .js_with(
            "const el = document.getElementById(arguments[0]);\
             const r = el.getBoundingClientRect();\
             return [document.activeElement === el, r.top >= 0 && r.top < innerHeight,\
                     !!el.parentElement.querySelector('[data-path]')];",
            vec![json!(heading)],
        )
        .await;
    assert_eq!(
        landed,
        json!([true, true, true]),
        "the last section's heading {heading} has the focus, is on the screen and its fields are built"
    );
    h.close().await;
}

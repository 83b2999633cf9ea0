//! Issue 12: the form's rough edges a first-time user hits, one test per defect fixed.

use e2e::{json, Harness, Locator};

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
            h.js("return document.activeElement && document.activeElement.id;")
                .await
                == json!("draft-name")
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
            h.js("return document.activeElement && document.activeElement.id;")
                .await
                == json!("draft-name")
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

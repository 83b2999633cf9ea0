//! The README's pictures of the app, taken in headless Chromium from the release build in
//! `dist/` (or `E2E_DIST`): the sample draft with its findings, its 自评表, and the first page of
//! the report it exports and the table's page. `scripts/screenshots` builds the app and runs this; rerun it when the UI changes.

use std::path::PathBuf;

use e2e::{root, Harness};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let out = root().join("docs/screenshots");
    std::fs::create_dir_all(&out).expect("docs/screenshots");
    let h = Harness::start().await;
    h.c.set_window_size(1366, 900).await.expect("window size");

    // The sample as a first visit opens it, with its findings.
    h.open().await;
    h.frames(3).await;
    save(&h, out.join("app.png")).await;

    // The 自评表, at the indicator whose typed score is above its figures'. Rows off screen are
    // laid out when scrolled to (content-visibility), so the scroll is repeated until it holds.
    for _ in 0..4 {
        h.js("document.querySelector('.rows[data-path=\"scorecard.indicators\"] fieldset[data-row=\"6\"]')\
              .scrollIntoView(); window.scrollBy(0, -70);")
            .await;
        h.frames(3).await;
    }
    save(&h, out.join("scorecard.png")).await;

    // The exported report, as the browser shows the downloaded file.
    let sample = selfeval::sample::sample_draft();
    h.site.add_page(
        "/report.html",
        selfeval::export::render_html(&sample).into_bytes(),
    );
    h.c.goto(&h.site.url("/report.html"))
        .await
        .expect("the report");
    h.frames(3).await;
    save(&h, out.join("report.png")).await;
    h.js("document.querySelector('.scorecard').scrollIntoView();")
        .await;
    h.frames(3).await;
    save(&h, out.join("report-scorecard.png")).await;
    h.close().await;
}

async fn save(h: &Harness, path: PathBuf) {
    let png = h.c.screenshot().await.expect("a screenshot");
    std::fs::write(&path, png).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    println!("{}", path.display());
}

//! The size budget (issue 14): what a first visit to the hosted app transfers, brotli at the
//! highest quality as a server or CDN sends it, must stay within the budget. This is the one test
//! about numbers: it is a fact about the build, not a timing.
//!
//! The goal is 160 KB with every feature present, reached by loading rarely used code
//! on demand. Until then the budget is a ratchet just above today's build (so nothing grows it
//! unnoticed); lower it whenever the build shrinks, never raise it without saying why.

use std::io::Write;

/// The on-demand module (`src/office.rs`: the Word writer, the .docx reader, the report reader,
/// the HTML export): fetched when the user first asks for Word, HTML, the preview or printing,
/// or reads a report, or by the service worker in the background once the page has loaded,
/// never by the page to start.
const ON_DEMAND: [&str; 2] = ["office.js", "office_bg.wasm"];

/// A text only the HTML export carries: the exported document's content security policy.
const HTML_EXPORT_MARK: &[u8] = b"form-action 'none'";

/// Bytes, brotli -q 11, of index.html, the JS, the wasm, the CSS and the service worker.
///
/// Raised, from 246,000, by the features issues 9 and 10 added to the first load, each measured on
/// the build that added it: the 自评表 (its form section, selects and computed lines, the nine
/// rules, the figures, the table in the HTML export and the larger version 2 sample) 243,638 →
/// 265,118 bytes; 从往年报告导入 (the text reader, the panel and 未识别的内容) → 277,820 bytes.
/// Raised to 282,500 for 下载 Word, dropping a report on the page and the on-demand module's loader:
/// the first load grew by 3,813 bytes to 282,144, while the Word writer and the .docx reader
/// themselves (about 136 KB) stay in the on-demand module. Leptos' `erase_components` would take
/// 10.1 KB off, but made typing slower: over three runs each of the keystroke benchmark, the
/// sample's keystroke → findings p50 at CPU ×4 was 13.2–15.3 ms with it and 11.9–13.5 ms without
/// (at ×1, 3.0–3.5 against 2.7–3.0 ms); not taken while issue 14's keystroke goal is missed.
/// Lowered to 277,500: the report reader moved into the on-demand module (277,093 bytes).
/// Raised to 281,500 for issue 8's keyed rows (280,988 bytes, +3,895): a row's fields follow
/// its place (their ids, `data-path` and messages change when rows move, rather than every
/// field of the form reading its text again), and the state's signals reach components
/// read-only. Tried and larger: `ReadSignal` accessors with `Signal<Path>` paths (283,956) and
/// `Signal<Path>` alone (281,470), against the opaque `Reads` and the `At` in use (280,514
/// before the one effect per row field that renames it, +474); one closure type for a row's
/// place texts (+188).
/// Lowered to 260,500: the core's own JSON reader and writer (`src/core/json.rs`) in place of
/// serde_json with `preserve_order` and `arbitrary_precision` (281,286 → 260,094 bytes; the
/// on-demand module 146,473 → 138,190). Then 259,841 with the repeated names of a JSON object
/// found by an unstable sort (−253), and 256,824 with the hosted JavaScript minified by terser
/// (tools/bundle: the glue 7,435 → 5,737, index.html's inline scripts 3,228 → 2,230, sw.js
/// 703 → 382; the on-demand glue 4,239 → 2,745); 255,801 with the style sheet minified by csso
/// (3,690 → 2,673).
/// Lowered to 252,000: one sort for the whole program (`core::order`), in place of five copies
/// of the standard library's sorting code (255,697 → 251,880 bytes; the on-demand module
/// 136,922 → 135,417).
/// Lowered to 248,000: the HTML export (the download, the preview's document and what printing
/// puts on the page) moved into the on-demand module (251,880 → 247,850 bytes; the on-demand
/// module 135,417 → 135,122, its document composition shared with the Word writer).
/// Raised to 248,500 for the form's sections left undrawn off the screen once drawn for the
/// draft on screen (`content-visibility`; 247,850 → 248,257 bytes): on the 500 + 500 draft at
/// CPU ×4 it took keystroke → tasks done p95 from 101–115 ms to 56 ms and the long frames of 100
/// keystrokes from 86–89 to 9.
/// A finding's link and a section's link bring their field or heading into view again while the
/// rows and sections drawn as they come near move it (on main, 2 of the sample's 5 finding links
/// left the field off the screen, and 2 of the 12 section links their heading): 248,257 →
/// 248,474 bytes, within the budget.
/// Raised to 248,600 for the findings summary held at its height while the user types in a
/// field (src/app/dom.rs, `hold_summary`), so a finding elsewhere that comes and goes does not
/// move the form: at CPU ×4 on the sample, main-thread time per keystroke 36–43 → 31–34 ms
/// (`Performance.getMetrics`, four runs of 60 keystrokes each), +481 bytes; the section
/// navigation's three counts as one pair of closure types took 186 of them back (248,585).
/// Tried and not kept: the figures panel drawing only its texts anew with a memo per section for
/// the navigation's counts (+509 together, no change measured); the select's value and choices
/// in one memo (+132).
/// Lowered to 238,500: Leptos' `erase_components` for wasm32 after all (.cargo/config.toml;
/// 248,585 → 238,420 bytes). Measured again in three interleaved pairs of the keystroke benchmark
/// at CPU ×4 (without / with): the sample's main-thread time per keystroke 38.8, 35.3, 39.5 /
/// 36.4, 39.8, 36.4 ms and its keystroke → next frame p95 62.0, 61.8, 49.4 / 46.7, 53.7, 44.0 ms;
/// the 500 + 500 draft's 50.3, 55.2, 54.7 / 43.3, 52.3, 46.1 ms and 67.8, 65.3, 66.3 / 59.0, 61.4,
/// 55.7 ms. Only the sample's keystroke → findings p50 may be a little later (11.5, 10.3, 12.2 /
/// 12.3, 14.0, 12.2 ms), within the runs' spread.
/// Raised to 239,500 for a first visit that shows the first section before building the others
/// (src/app/form.rs, `Later`: one section per task after the frame that shows the one before,
/// all at once when anything goes to a field), with the sample's JSON read once at start:
/// 238,383 → 239,380 bytes. In eight interleaved pairs at CPU ×4 (before / after) the first
/// finding reached the screen at a median of 1,727 / 1,343 ms and the DOM at 1,238 / 960 ms,
/// with 1,356 / 282 elements on the page by then. Tried: each section's fields behind a `Show`
/// (239,098) or a closure on a signal per section (239,225–239,487); kept the direct mount,
/// which needs no signal or effect per section, for the 282 bytes.
/// Lowered to 239,300: the later drawing in its own module (src/app/later.rs), which a field's
/// focus and a section's link call themselves in place of wrapping their callers (239,281).
const FIRST_LOAD_BUDGET: usize = 239_300;

fn brotli_size(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 24);
        w.write_all(bytes).expect("compressing in memory");
    }
    out.len()
}

#[test]
fn the_first_load_stays_within_the_size_budget() {
    let dist = e2e::dist();
    let mut total = 0;
    let mut lines = Vec::new();
    let mut on_demand = Vec::new();
    for entry in std::fs::read_dir(&dist).expect("dist/ (run trunk build --release)") {
        let path = entry.expect("a file of dist/").path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        // The single-file edition is a separate download, not part of the first load.
        if !path.is_file() || name == "selfeval.html" {
            continue;
        }
        let bytes = std::fs::read(&path).expect("a file of dist/");
        let size = brotli_size(&bytes);
        if ON_DEMAND.contains(&name.as_str()) {
            on_demand.push(format!("{name}: {size}"));
            continue;
        }
        // The zip and XML code stays in the on-demand module: the app's wasm does not name the
        // part of a .docx that they read and write.
        if name.ends_with("_bg.wasm") {
            assert!(
                !contains(&bytes, b"word/document.xml"),
                "{name} carries the .docx reader or writer: they belong in the on-demand module"
            );
            // Nor the report reader (its name for the place before the first heading).
            assert!(
                !contains(&bytes, "标题前".as_bytes()),
                "{name} carries the report reader: it belongs in the on-demand module"
            );
            // Nor the HTML export (its document's content security policy).
            assert!(
                !contains(&bytes, HTML_EXPORT_MARK),
                "{name} carries the HTML export: it belongs in the on-demand module"
            );
        }
        lines.push(format!("{name}: {size}"));
        total += size;
    }
    assert!(
        lines.iter().any(|l| l.contains(".wasm")),
        "no wasm in {}",
        dist.display()
    );
    assert_eq!(
        on_demand.len(),
        ON_DEMAND.len(),
        "the on-demand module is missing from {}: {on_demand:?}",
        dist.display()
    );
    let office = std::fs::read(dist.join("office_bg.wasm")).expect("office_bg.wasm");
    assert!(contains(&office, b"word/document.xml"));
    assert!(contains(&office, "标题前".as_bytes()));
    assert!(contains(&office, HTML_EXPORT_MARK));
    assert!(
        total <= FIRST_LOAD_BUDGET,
        "first load {total} bytes (brotli) is over the budget of {FIRST_LOAD_BUDGET}: {lines:?}"
    );
    println!("first load {total} bytes (brotli), budget {FIRST_LOAD_BUDGET}: {lines:?}");
    println!("on demand: {on_demand:?}");
}

/// The hosted JavaScript and CSS are minified after trunk wrote them (tools/bundle), so the page's
/// Subresource Integrity values are the bundle's to keep right: each is that of the file it
/// names, or the browser refuses the file.
#[test]
fn the_hosted_javascript_and_css_are_minified_and_every_integrity_is_that_of_its_file() {
    use base64::Engine;
    use sha2::{Digest, Sha384};
    let dist = e2e::dist();
    let index = std::fs::read_to_string(dist.join("index.html")).expect("index.html");
    let mut checked = Vec::new();
    for tag in index.split('<').filter(|t| t.contains("integrity=\"")) {
        let attribute = |name: &str| {
            let start = tag.find(&format!("{name}=\"")).expect("the attribute") + name.len() + 2;
            let len = tag[start..].find('"').expect("a closed value");
            tag[start..start + len].to_owned()
        };
        let file = attribute("href");
        let bytes = std::fs::read(dist.join(file.trim_start_matches("./"))).expect("the file");
        let digest = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes));
        assert_eq!(attribute("integrity"), format!("sha384-{digest}"), "{file}");
        checked.push(file);
    }
    assert!(
        checked.iter().any(|f| f.ends_with(".js")) && checked.iter().any(|f| f.ends_with(".wasm")),
        "{checked:?}"
    );
    // wasm-bindgen writes its glue in about 1,500 lines, with comments; terser in a few.
    for name in [
        &checked
            .iter()
            .find(|f| f.ends_with(".js"))
            .expect("the glue")[2..],
        "office.js",
        "sw.js",
    ] {
        let js = std::fs::read_to_string(dist.join(name)).expect("the script");
        assert!(
            js.lines().count() < 10 && !js.contains("/*"),
            "{name} is not minified"
        );
    }
    assert!(
        !index.contains("/*"),
        "the page's inline scripts are not minified"
    );
    let css = checked
        .iter()
        .find(|f| f.ends_with(".css"))
        .expect("the style sheet");
    let css = std::fs::read_to_string(dist.join(&css[2..])).expect("the style sheet");
    assert!(
        css.lines().count() < 3 && !css.contains("/*"),
        "the style sheet is not minified"
    );
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

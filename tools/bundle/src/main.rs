//! Run by trunk after each build (a `post_build` hook, `$TRUNK_STAGING_DIR` is the build):
//!
//! 1. writes `selfeval.html`, the single-file edition: the page with its CSS, JS and wasm inlined
//!    (the wasm as base64), and the on-demand module `office` inlined as text for
//!    `web/office.js` to start when asked, which works when opened from `file://`;
//! 2. minifies the hosted page's JavaScript and CSS (`minify`), their integrity recomputed;
//! 3. fills `sw.js` with the build's files and a version that changes with any of them, so the
//!    service worker caches exactly one version at a time, and minifies it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod minify;
mod single_file;

use minify::Kind;

fn main() -> ExitCode {
    let dir = match std::env::var_os("TRUNK_STAGING_DIR").or_else(|| std::env::args_os().nth(1)) {
        Some(dir) => PathBuf::from(dir),
        None => {
            eprintln!("bundle: give the build folder ($TRUNK_STAGING_DIR or the first argument)");
            return ExitCode::from(2);
        }
    };
    match run(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bundle: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &Path) -> Result<(), String> {
    let build = Build::read(dir)?;
    fs::write(dir.join(single_file::NAME), single_file::render(&build)?)
        .map_err(|e| format!("cannot write {}: {e}", single_file::NAME))?;
    minify_hosted(dir, &build)?;
    fill_service_worker(dir)
}

fn write(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
}

/// The hosted page's JS glue, the on-demand module's, the page's inline scripts and its style
/// sheet, minified (the single-file edition is already written from trunk's files).
fn minify_hosted(dir: &Path, build: &Build) -> Result<(), String> {
    let js = minify::minified(&build.js, Kind::Module)?;
    write(dir, &build.js_name, &js)?;
    write(
        dir,
        OFFICE_JS,
        &minify::minified(&build.office_js, Kind::Classic)?,
    )?;
    let css = minify::minified_css(&build.css)?;
    write(dir, &build.css_name, &css)?;
    let html = minify::inline_scripts(&build.index_html, |js| minify::minified(js, Kind::Classic))?;
    let html = minify::with_integrity(&html, &build.js_name, js.as_bytes())?;
    let html = minify::with_integrity(&html, &build.css_name, css.as_bytes())?;
    write(dir, "index.html", &html)
}

/// The files trunk made.
pub struct Build {
    pub index_html: String,
    pub js_name: String,
    pub js: String,
    pub wasm: Vec<u8>,
    pub css_name: String,
    pub css: String,
    /// The on-demand module: its wasm-bindgen glue (no-modules) and wasm.
    pub office_js: String,
    pub office_wasm: Vec<u8>,
}

/// The on-demand module's files, named by trunk after the `office` binary (no hash: the page
/// fetches them by these names).
pub const OFFICE_JS: &str = "office.js";
pub const OFFICE_WASM: &str = "office_bg.wasm";

impl Build {
    fn read(dir: &Path) -> Result<Build, String> {
        let read =
            |name: &str| fs::read(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"));
        let text =
            |name: &str| String::from_utf8(read(name)?).map_err(|_| format!("{name} is not UTF-8"));
        let names = file_names(dir)?;
        // The app's files carry trunk's hash after the binary's name.
        let find = |prefix: &str, suffix: &str| {
            names
                .iter()
                .find(|n| n.starts_with(prefix) && n.ends_with(suffix))
                .cloned()
                .ok_or_else(|| format!("no {prefix}*{suffix} in the build"))
        };
        let js_name = find("selfeval-", ".js")?;
        let wasm_name = find("selfeval-", "_bg.wasm")?;
        let css_name = find("", ".css")?;
        Ok(Build {
            index_html: text("index.html")?,
            js: text(&js_name)?,
            js_name,
            wasm: read(&wasm_name)?,
            css: text(&css_name)?,
            css_name,
            office_js: text(OFFICE_JS)?,
            office_wasm: read(OFFICE_WASM)?,
        })
    }
}

fn file_names(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    Ok(names)
}

/// Puts the build's file list and version into `sw.js`, minified. The single-file edition is left
/// out of the cache: it is a download, not part of the page.
fn fill_service_worker(dir: &Path) -> Result<(), String> {
    let template =
        fs::read_to_string(dir.join("sw.js")).map_err(|e| format!("cannot read sw.js: {e}"))?;
    let files: Vec<String> = file_names(dir)?
        .into_iter()
        .filter(|n| n != "sw.js" && n != single_file::NAME)
        .collect();
    let assets: Vec<String> = std::iter::once("./".to_owned())
        .chain(files.iter().map(|n| format!("./{n}")))
        .map(|n| format!("\"{n}\""))
        .collect();
    // The version changes with any cached file: the on-demand module's included.
    let mut hash = Fnv::default();
    for name in &files {
        hash.write(name.as_bytes());
        hash.write(&fs::read(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?);
    }
    let filled = template
        .replace("/*ASSETS*/", &assets.join(", "))
        .replace("/*VERSION*/", &format!("{:016x}", hash.0));
    if filled == template {
        return Err("sw.js has no /*ASSETS*/ or /*VERSION*/ to fill".to_owned());
    }
    write(dir, "sw.js", &minify::minified(&filled, Kind::Classic)?)
}

/// FNV-1a, 64 bits: a version tag, not security.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

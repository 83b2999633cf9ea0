//! The harness for the end-to-end tests: the built app (`dist/`) served on 127.0.0.1 by a tiny
//! static server, Debian's Chromium driven headless through chromedriver, and helpers that read
//! the page the way a user sees it (fields by `data-path`, findings by `data-rule`).
//!
//! Each test gets its own browser profile and download folder; chromedriver runs in its own
//! process group, killed when the harness drops, so a failing test leaves no Chromium behind.

use std::future::Future;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use fantoccini::{elements::Element, Client, Locator};
pub use serde_json::{json, Value};

/// How long a condition may take to come true in the page.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// The project's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("project root")
}

/// The built app: `$E2E_DIST`, or `dist/` of the project (built by `scripts/test`).
pub fn dist() -> PathBuf {
    let dist = std::env::var_os("E2E_DIST").map_or_else(|| root().join("dist"), PathBuf::from);
    assert!(
        dist.join("index.html").exists(),
        "no built app in {}: run scripts/test (or `trunk build --release`) first",
        dist.display()
    );
    dist
}

/// What one of the tests' independent readers (`tests/docx_facts.py` with python-docx,
/// `tests/pdf_text.py` with pypdf, both installed into tools/venv by scripts/setup;
/// `SELFEVAL_PYTHON` names another interpreter) reads in `file`, as JSON.
pub fn python_reads(script: &str, file: &Path) -> Value {
    let python = std::env::var_os("SELFEVAL_PYTHON")
        .map_or_else(|| root().join("tools/venv/bin/python"), PathBuf::from);
    let out = std::process::Command::new(&python)
        .arg(root().join("tests").join(script))
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} ({e}): run scripts/setup", python.display()));
    assert!(
        out.status.success(),
        "{script} could not read {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reader's JSON")
}

/// A folder of this test's own under `$TMPDIR` (scripts/test points it into target/ and removes it).
pub fn scratch(tag: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("e2e-{tag}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// A static file server for one folder; `stop()` takes it off the network (for offline tests),
/// `switch_to()` serves another folder (a new deployment), `add_page()` serves extra pages.
pub struct Site {
    pub port: u16,
    running: Arc<AtomicBool>,
    content: Arc<Mutex<Content>>,
    requests: Arc<AtomicUsize>,
}

struct Content {
    dir: PathBuf,
    pages: Vec<(String, Vec<u8>)>,
}

impl Site {
    pub fn serve(dir: PathBuf) -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("port").port();
        listener.set_nonblocking(true).expect("nonblocking");
        let running = Arc::new(AtomicBool::new(true));
        let content = Arc::new(Mutex::new(Content {
            dir,
            pages: Vec::new(),
        }));
        let requests = Arc::new(AtomicUsize::new(0));
        let (alive, shared, counter) = (running.clone(), content.clone(), requests.clone());
        std::thread::spawn(move || {
            while alive.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        counter.fetch_add(1, Ordering::SeqCst);
                        let shared = shared.clone();
                        std::thread::spawn(move || respond(stream, &shared));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Site {
            port,
            running,
            content,
            requests,
        }
    }

    /// Serves `body` at `/path`, besides the folder.
    pub fn add_page(&self, path: &str, body: Vec<u8>) {
        let mut content = self.content.lock().unwrap_or_else(|e| e.into_inner());
        content
            .pages
            .push((path.trim_start_matches('/').to_owned(), body));
    }

    /// From now on serves another folder (as a new deployment would).
    pub fn switch_to(&self, dir: PathBuf) {
        self.content.lock().unwrap_or_else(|e| e.into_inner()).dir = dir;
    }

    /// How many connections the server has accepted so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    pub fn url(&self, path: &str) -> String {
        format!(
            "http://127.0.0.1:{}/{}",
            self.port,
            path.trim_start_matches('/')
        )
    }

    /// Stops answering: the listener closes, so connections are refused.
    pub fn stop(&self) {
        self.running.store(false, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.running.store(false, Ordering::SeqCst);
    }
}

fn respond(stream: TcpStream, content: &Mutex<Content>) {
    let _ = stream.set_nonblocking(false);
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
            break;
        }
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let target = target.split(['?', '#']).next().unwrap_or("/");
    let rel = match target.trim_start_matches('/') {
        "" => "index.html",
        rel => rel,
    };
    let (file, page) = {
        let content = content.lock().unwrap_or_else(|e| e.into_inner());
        let page = content
            .pages
            .iter()
            .find(|(path, _)| path == rel)
            .map(|(_, body)| body.clone());
        (content.dir.join(rel), page)
    };
    // A file with a brotli copy beside it (`name.br`, as the slow-network benchmark writes them)
    // is sent compressed, as a server with precompressed files would send it.
    let brotli = (page.is_none() && !rel.contains(".."))
        .then(|| std::fs::read(content_dir(content).join(format!("{rel}.br"))).ok())
        .flatten();
    let encoding = if brotli.is_some() {
        "Content-Encoding: br\r\n"
    } else {
        ""
    };
    let (status, body) = match (page, brotli, rel.contains(".."), std::fs::read(&file)) {
        (Some(body), ..) => ("200 OK", body),
        (None, Some(body), ..) => ("200 OK", body),
        (None, None, false, Ok(bytes)) => ("200 OK", bytes),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let content_type = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    };
    let mut stream = stream;
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{encoding}Content-Length: {}\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}

fn content_dir(content: &Mutex<Content>) -> PathBuf {
    content
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .dir
        .clone()
}

/// chromedriver in its own process group, killed with all its Chromiums on drop.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let group = self.0.id() as libc::pid_t;
        for signal in [libc::SIGTERM, libc::SIGKILL] {
            // SAFETY: signals the process group chromedriver leads (process_group(0) below).
            unsafe { libc::kill(-group, signal) };
            for _ in 0..30 {
                if let Ok(Some(_)) = self.0.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

/// A port nobody listens on, never the same twice in this process (tests run in parallel).
fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

fn start_chromedriver() -> (Driver, u16) {
    use std::os::unix::process::CommandExt;
    let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    // A port picked here may be taken meanwhile (a Chromium's DevTools port, say): then this
    // chromedriver exits or something else answers, and we try another port.
    for _ in 0..5 {
        let port = free_port();
        let child = Command::new(&bin)
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver not found: run scripts/setup");
        let mut driver = Driver(child);
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            if let Ok(Some(_)) = driver.0.try_wait() {
                break;
            }
            if is_chromedriver(port) {
                return (driver, port);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    panic!("chromedriver did not start");
}

/// True when chromedriver answers its status request on `port`.
fn is_chromedriver(port: u16) -> bool {
    use std::io::Read;
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.contains("\"ready\"")
}

/// WebDriver keys: Control (held until Null), Null, Backspace.
const CONTROL: &str = "\u{E009}";
const NULL: &str = "\u{E000}";
const BACKSPACE: &str = "\u{E003}";

/// Clicks an element as a user would: first brought to the middle of the screen, clear of the
/// sticky toolbar (WebDriver itself scrolls it only just into view, under the toolbar).
async fn click_in_view(el: &Element) -> Result<(), fantoccini::error::CmdError> {
    let arg = serde_json::to_value(el).expect("an element reference");
    el.clone()
        .client()
        .execute(
            "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});",
            vec![arg],
        )
        .await?;
    el.click().await
}

async fn replace_text(field: &Element, text: &str) {
    click_in_view(field).await.expect("focus the field");
    field
        .send_keys(&format!("{CONTROL}a{NULL}"))
        .await
        .expect("select all");
    let keys = if text.is_empty() { BACKSPACE } else { text };
    field.send_keys(keys).await.expect("type");
}

/// One browser on the app.
pub struct Harness {
    pub c: Client,
    pub site: Site,
    pub downloads: PathBuf,
    pub profile: PathBuf,
    _driver: Driver,
}

impl Harness {
    /// A fresh browser (empty profile, so a first visit) on the app served from `dist()`.
    pub async fn start() -> Harness {
        Harness::start_on(Site::serve(dist())).await
    }

    pub async fn start_on(site: Site) -> Harness {
        let (driver, port) = start_chromedriver();
        let profile = scratch("profile");
        let downloads = scratch("downloads");
        let caps = json!({
            "goog:chromeOptions": {
                "binary": std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000",
                    format!("--user-data-dir={}", profile.display())
                ],
                "prefs": {
                    "download.default_directory": downloads.to_str(),
                    "download.prompt_for_download": false
                }
            }
        });
        let Value::Object(caps) = caps else {
            unreachable!("capabilities are an object")
        };
        let c = fantoccini::ClientBuilder::new(
            hyper_util::client::legacy::connect::HttpConnector::new(),
        )
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("connect to chromedriver");
        Harness {
            c,
            site,
            downloads,
            profile,
            _driver: driver,
        }
    }

    /// Opens the app and waits until it has drawn the form.
    pub async fn open(&self) {
        self.open_url(&self.site.url("/")).await;
    }

    pub async fn open_url(&self, url: &str) {
        self.c.goto(url).await.expect("goto");
        self.wait_ready().await;
    }

    pub async fn wait_ready(&self) {
        self.c
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css("#findings-title"))
            .await
            .expect("the app did not render");
        self.wait_for_field("meta.department").await;
        // The sections after the first are drawn in the tasks after the first frame; the form
        // is complete once it is sized (see `form.rs`).
        self.wait_for_css(".report-form.sized").await;
    }

    pub async fn reload(&self) {
        self.c.refresh().await.expect("refresh");
        self.wait_ready().await;
    }

    /// Runs a Chrome DevTools command on the page (the benchmarks' CPU throttling, slow network
    /// and profiler) and returns its result.
    pub async fn cdp(&self, cmd: &'static str, params: Value) -> Value {
        self.c
            .issue_cmd(Cdp(cmd, params))
            .await
            .unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    pub async fn js(&self, script: &str) -> Value {
        self.c.execute(script, vec![]).await.expect("script")
    }

    pub async fn js_with(&self, script: &str, args: Vec<Value>) -> Value {
        self.c.execute(script, args).await.expect("script")
    }

    /// What axe-core (tools/node_modules, installed by scripts/setup) finds on the page as it
    /// is now, with its default rules: each violation's rule id and the first elements it names.
    pub async fn axe_violations(&self) -> Vec<(String, Vec<String>)> {
        let axe = root().join("tools/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&axe)
            .unwrap_or_else(|e| panic!("{}: {e} (run scripts/setup)", axe.display()));
        self.js(&format!("if (!window.axe) {{ {source}\n }} return true;"))
            .await;
        let found = self
            .c
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, {resultTypes: ['violations']})\
                   .then(r => done(r.violations.map(v => [v.id, v.nodes.slice(0, 4).map(n => n.target.join(' '))])))\
                   .catch(e => done([['axe failed', [String(e)]]]));",
                vec![],
            )
            .await
            .expect("axe ran");
        serde_json::from_value(found).expect("axe's violations")
    }

    /// Waits until the page has drawn `n` animation frames.
    pub async fn frames(&self, n: u32) {
        self.c
            .execute_async(
                "const [n, done] = arguments; let left = n;\
                 const step = () => (--left > 0 ? requestAnimationFrame(step) : done(true));\
                 requestAnimationFrame(step);",
                vec![json!(n)],
            )
            .await
            .expect("animation frames");
    }

    /// Waits until `check` is true, failing with `what` after [`PATIENCE`].
    pub async fn eventually<F, Fut>(&self, what: &str, mut check: F)
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = bool>,
    {
        let started = Instant::now();
        loop {
            if check().await {
                return;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "timed out waiting for: {what}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the save state says 已保存 (`what` names the moment for a failure message).
    pub async fn wait_saved(&self, what: &str) {
        self.eventually(what, || async {
            self.text_if_present("#save-state-text")
                .await
                .is_some_and(|t| t.starts_with("已保存"))
        })
        .await;
    }

    /// Waits until the confirm question is shown and says `text`.
    pub async fn wait_question(&self, text: &str) {
        self.eventually(&format!("the question “{text}”"), || async {
            self.text_if_present("#confirm")
                .await
                .is_some_and(|t| t.contains(text))
        })
        .await;
    }

    /// Waits until the element `css` says every one of `parts`.
    pub async fn wait_text(&self, css: &str, parts: &[&str]) {
        self.eventually(&format!("{css} saying {parts:?}"), || async {
            self.text_if_present(css)
                .await
                .is_some_and(|t| parts.iter().all(|part| t.contains(part)))
        })
        .await;
    }

    /// Waits until the findings panel shows `rule` on `path`.
    pub async fn wait_finding(&self, rule: &str, path: &str) {
        self.eventually(&format!("{rule} on {path}"), || async {
            self.has_finding(rule, path).await
        })
        .await;
    }

    /// The findings panel as (rule, path) pairs, in the order shown.
    pub async fn findings(&self) -> Vec<(String, String)> {
        let v = self
            .js(
                "return [...document.querySelectorAll('#findings a[data-rule]')]\
                 .map(a => [a.dataset.rule, a.dataset.path]);",
            )
            .await;
        serde_json::from_value(v).unwrap_or_default()
    }

    pub async fn has_finding(&self, rule: &str, path: &str) -> bool {
        self.findings()
            .await
            .iter()
            .any(|(r, p)| r == rule && p == path)
    }

    /// The findings shown next to a field, as rule ids.
    pub async fn field_findings(&self, path: &str) -> Vec<String> {
        let v = self
            .js_with(
                "const id = 'f-' + arguments[0] + '-msg'; const el = document.getElementById(id);\
                 return el ? [...el.querySelectorAll('[data-rule]')].map(p => p.dataset.rule) : null;",
                vec![json!(path)],
            )
            .await;
        // A missing message box is a broken page, not a field without findings.
        serde_json::from_value::<Option<Vec<String>>>(v)
            .expect("the message box's rule ids")
            .unwrap_or_else(|| panic!("no message box for {path} (#f-{path}-msg)"))
    }

    fn field_selector(path: &str) -> String {
        format!("input[data-path=\"{path}\"], textarea[data-path=\"{path}\"], select[data-path=\"{path}\"]")
    }

    /// Opens the preview (预览与打印) and waits until the report is drawn in its frame.
    pub async fn open_preview(&self) {
        self.click("#preview-toggle").await;
        self.eventually("the report in the preview", || async {
            self.js("const f = document.querySelector('#preview iframe');\
                 return !!(f && f.contentDocument && f.contentDocument.querySelector('h1'));")
                .await
                == json!(true)
        })
        .await;
    }

    /// Waits for an element matched by a CSS selector.
    pub async fn wait_for_css(&self, css: &str) -> Element {
        self.c
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    pub async fn wait_for_field(&self, path: &str) -> Element {
        self.c
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(&Harness::field_selector(path)))
            .await
            .unwrap_or_else(|e| panic!("no field {path}: {e}"))
    }

    pub async fn value(&self, path: &str) -> String {
        self.wait_for_field(path)
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    /// Replaces a field's text by typing, as a user would: select all, then type over it (or
    /// delete it). Every keystroke is a real input event.
    pub async fn type_into(&self, path: &str, text: &str) {
        replace_text(&self.wait_for_field(path).await, text).await;
    }

    /// Replaces the text of the input matched by a CSS selector.
    pub async fn type_into_css(&self, css: &str, text: &str) {
        let field = self
            .c
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no input at {css}: {e}"));
        replace_text(&field, text).await;
    }

    /// Clicks the element matched by a CSS selector.
    pub async fn click(&self, css: &str) {
        let el = self
            .c
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing to click at {css}: {e}"));
        click_in_view(&el)
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// The text of the element `css`; fails the test when there is no such element.
    pub async fn text_of(&self, css: &str) -> String {
        self.text_if_present(css)
            .await
            .unwrap_or_else(|| panic!("no element {css} on the page"))
    }

    /// The text of the element `css`, or `None` when there is none (yet): for waits, and for
    /// what must be absent.
    pub async fn text_if_present(&self, css: &str) -> Option<String> {
        let el = self.c.find(Locator::Css(css)).await.ok()?;
        Some(el.text().await.expect("the text of an element on the page"))
    }

    /// `data-path` of the focused element.
    pub async fn focused_path(&self) -> Option<String> {
        self.js("return document.activeElement && document.activeElement.dataset.path || null;")
            .await
            .as_str()
            .map(str::to_owned)
    }

    /// Every localStorage entry of the app.
    pub async fn stored(&self) -> Vec<(String, String)> {
        let v = self
            .js(
                "return Object.keys(localStorage).filter(k => k.startsWith('selfeval:'))\
                 .sort().map(k => [k, localStorage.getItem(k)]);",
            )
            .await;
        serde_json::from_value(v).unwrap_or_default()
    }

    /// The stored drafts' entries (`selfeval:draft:<id>`), by key.
    pub async fn stored_drafts(&self) -> Vec<(String, String)> {
        self.stored()
            .await
            .into_iter()
            .filter(|(k, _)| selfeval::stored::draft_id(k).is_some())
            .collect()
    }

    /// Waits for a finished download whose name ends with `suffix`; returns its path.
    pub async fn downloaded(&self, suffix: &str) -> PathBuf {
        let started = Instant::now();
        loop {
            let found = std::fs::read_dir(&self.downloads)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .find(|p| p.to_string_lossy().ends_with(suffix));
            // Chromium may show the final name before the last bytes are written: wait until the
            // size is the same twice.
            if let Some(path) = found {
                let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                tokio::time::sleep(Duration::from_millis(150)).await;
                let again = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                if size > 0 && size == again {
                    return path;
                }
            }
            assert!(
                started.elapsed() < PATIENCE,
                "no download ending in {suffix} in {}",
                self.downloads.display()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Chooses a file in the import picker.
    pub async fn import_file(&self, path: &Path) {
        let input = self
            .c
            .find(Locator::Css("#import-file"))
            .await
            .expect("import input");
        input
            .send_keys(path.to_str().expect("path"))
            .await
            .expect("choose file");
    }

    /// The names of the drafts in the draft menu, in order.
    pub async fn draft_names(&self) -> Vec<String> {
        let v = self
            .js("return [...document.querySelectorAll('#draft-select option')].map(o => o.textContent);")
            .await;
        let names: Vec<String> = serde_json::from_value(v).unwrap_or_default();
        // Each option reads "name（saved time）".
        names
            .into_iter()
            .map(|n| {
                n.rsplit_once('（')
                    .map_or(n.clone(), |(name, _)| name.to_owned())
            })
            .collect()
    }

    pub async fn selected_draft(&self) -> String {
        self.js("const s = document.getElementById('draft-select');\
             return s.options[s.selectedIndex] ? s.options[s.selectedIndex].textContent : '';")
            .await
            .as_str()
            .and_then(|n| n.rsplit_once('（').map(|(name, _)| name.to_owned()))
            .unwrap_or_default()
    }

    pub async fn close(self) {
        let _ = self.c.clone().close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
        let _ = std::fs::remove_dir_all(&self.downloads);
    }
}

/// The injection corpus of `tests/data/payloads.txt`, one payload a line.
pub fn payloads() -> Vec<&'static str> {
    include_str!("../../data/payloads.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .collect()
}

/// The seed with two rows in every list and a payload in every field.
pub fn payload_draft() -> selfeval::Draft {
    use selfeval::List;
    let mut draft = selfeval::sample::sample_draft();
    draft.basic.functions.truncate(2);
    draft.general_budget.projects.truncate(2);
    draft.performance.overall.truncate(2);
    draft.performance.special_funds.truncate(2);
    draft.insert_row(List::Functions, 0);
    let paths: Vec<selfeval::Path> = draft.fields().collect();
    for (path, payload) in paths.iter().zip(payloads().into_iter().cycle()) {
        draft.set_field(*path, payload);
    }
    draft
}

/// The draft in a stored entry, read as the app reads it (`selfeval::stored`).
pub fn stored_draft(entry: &str) -> Option<selfeval::Draft> {
    selfeval::stored::parse_entry("", entry.to_owned())
        .content
        .ok()
}

/// A Chrome DevTools command, through chromedriver's `goog/cdp/execute` ([`Harness::cdp`]).
#[derive(Debug)]
struct Cdp(&'static str, Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.0, "params": self.1 });
        (http::Method::POST, Some(body.to_string()))
    }
}

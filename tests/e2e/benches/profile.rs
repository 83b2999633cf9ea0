//! Where a keystroke's time goes: a V8 CPU profile (Chrome DevTools' `Profiler`) of 100
//! keystrokes in 人员经费 at CPU ×4, as `keystroke.rs` types them, summed by function: the
//! functions with the most time of their own, and the app's own functions with what they and
//! what they call took. Run with `scripts/profile`, which builds the app with the wasm's function
//! names kept (`wasm-opt -g`); on a build without them the wasm functions show as numbers.
//! `LARGE=1` profiles the 500 + 500-row draft instead of the seed; `FIRST=1` profiles a first
//! visit instead (navigation to the first finding in the DOM and the frame that draws it, the
//! sums then in ms for the whole visit). The whole profile is written to
//! `target/profile/keystroke.cpuprofile` or `first-visit.cpuprofile` (DevTools' Performance
//! panel opens it).
//!
//! The sampler costs time of its own (it samples every 50 µs), so the sums are larger than the
//! keystroke benchmark's: read them as shares, not as times.

use std::collections::{HashMap, HashSet};

use e2e::{json, Harness, Value};

const KEYSTROKES: usize = 100;

const TYPE: &str = r#"
const [path, n, done] = arguments;
const el = document.querySelector(`input[data-path="${path}"]`);
const nextFrame = () => new Promise(r => requestAnimationFrame(() => r()));
(async () => {
  for (let i = 0; i < n; i++) {
    el.value = i % 2 === 0 ? '122.67' : '122.66';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await nextFrame();
    await nextFrame();
  }
  done(1);
})();
"#;

/// A function's name without its Rust hash (`::h0123…`) and crate disambiguator (`[0123…]`).
fn short(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(at) = rest.find(['[', ':']) {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let hex = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
        if let Some(h) = tail
            .strip_prefix("::h")
            .filter(|t| t.get(..16).is_some_and(hex))
        {
            rest = &h[16..];
        } else if let Some(d) = tail
            .strip_prefix('[')
            .filter(|t| t.get(..16).is_some_and(hex))
        {
            rest = d.get(17..).unwrap_or_default();
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Self and inclusive time per function name (µs), from the profile's samples.
fn sums(profile: &Value) -> (HashMap<String, f64>, HashMap<String, f64>, f64) {
    let nodes = profile["nodes"].as_array().cloned().unwrap_or_default();
    let mut name = HashMap::new();
    let mut parent = HashMap::new();
    for node in &nodes {
        let id = node["id"].as_i64().unwrap_or_default();
        let frame = &node["callFrame"];
        let function = frame["functionName"].as_str().unwrap_or_default();
        name.insert(
            id,
            if function.is_empty() {
                format!(
                    "({})",
                    frame["url"]
                        .as_str()
                        .unwrap_or_default()
                        .rsplit('/')
                        .next()
                        .unwrap_or_default()
                )
            } else {
                short(function)
            },
        );
        for child in node["children"].as_array().into_iter().flatten() {
            parent.insert(child.as_i64().unwrap_or_default(), id);
        }
    }
    let (mut own, mut within, mut busy) = (HashMap::new(), HashMap::new(), 0.0);
    let samples = profile["samples"].as_array().cloned().unwrap_or_default();
    let deltas = profile["timeDeltas"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for (sample, delta) in samples.iter().zip(&deltas) {
        let (id, dt) = (
            sample.as_i64().unwrap_or_default(),
            delta.as_f64().unwrap_or_default(),
        );
        let Some(leaf) = name.get(&id) else { continue };
        if leaf != "(idle)" {
            busy += dt;
        }
        *own.entry(leaf.clone()).or_insert(0.0) += dt;
        let mut seen = HashSet::new();
        let mut at = Some(id);
        while let Some(node) = at {
            if let Some(n) = name.get(&node) {
                if seen.insert(n) {
                    *within.entry(n.clone()).or_insert(0.0) += dt;
                }
            }
            at = parent.get(&node).copied();
        }
    }
    (own, within, busy)
}

/// The `n` largest of `sums` that `keep` keeps, in ms divided by `per` (the keystrokes, or 1).
fn top(
    title: &str,
    sums: &HashMap<String, f64>,
    keep: impl Fn(&str) -> bool,
    n: usize,
    per: usize,
) {
    let mut rows: Vec<_> = sums.iter().filter(|(k, _)| keep(k)).collect();
    rows.sort_by(|a, b| b.1.total_cmp(a.1));
    let unit = if per == 1 { "ms" } else { "ms per keystroke" };
    println!("== {title} ({unit})");
    for (name, us) in rows.into_iter().take(n) {
        let name: String = name.chars().take(110).collect();
        println!("{:8.2}  {name}", us / 1000.0 / per as f64);
    }
}

/// Set up before the page's own scripts run: the frame that draws the first finding has been
/// painted once `window.__firstFinding` is set.
const FIRST_FINDING: &str = r#"
new MutationObserver((_, observer) => {
  if (!document.querySelector('#findings a[data-rule]')) return;
  observer.disconnect();
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { window.__firstFinding = performance.now(); };
    channel.port2.postMessage(0);
  });
}).observe(document, { childList: true, subtree: true });
"#;

/// A first visit at CPU ×4, profiled from the navigation to the first finding on screen (the
/// profiler is started on a page of the same site, so the app's page runs in the same renderer).
async fn first_visit(h: &Harness) -> Value {
    h.c.goto(&h.site.url("/no-such-page")).await.expect("goto");
    h.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": FIRST_FINDING }),
    )
    .await;
    h.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
    h.cdp("Performance.enable", json!({})).await;
    h.cdp("Profiler.enable", json!({})).await;
    h.cdp("Profiler.setSamplingInterval", json!({ "interval": 50 }))
        .await;
    h.cdp("Profiler.start", json!({})).await;
    h.c.goto(&h.site.url("/")).await.expect("goto");
    let shown = loop {
        let v = h.js("return window.__firstFinding ?? null;").await;
        if !v.is_null() {
            break v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    let metrics = h.cdp("Performance.getMetrics", json!({})).await;
    let metric = |name: &str| {
        metrics["metrics"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|m| m["name"] == name)
            .and_then(|m| m["value"].as_f64())
            .unwrap_or(f64::NAN)
            * 1000.0
    };
    println!(
        "first visit at CPU ×4: the first finding on screen at {:.0} ms (sampler included); tasks {:.0} ms: script {:.0}, style {:.0}, layout {:.0}",
        shown.as_f64().unwrap_or(f64::NAN),
        metric("TaskDuration"),
        metric("ScriptDuration"),
        metric("RecalcStyleDuration"),
        metric("LayoutDuration"),
    );
    h.cdp("Profiler.stop", json!({})).await
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let large = std::env::var_os("LARGE").is_some();
    let first = std::env::var_os("FIRST").is_some();
    let h = Harness::start().await;
    let stopped = if first {
        first_visit(&h).await
    } else {
        keystrokes(&h, large).await
    };
    h.close().await;
    let profile = stopped.get("profile").cloned().unwrap_or(stopped);
    let dir = e2e::root().join("target/profile");
    std::fs::create_dir_all(&dir).expect("target/profile");
    let file = if first { "first-visit" } else { "keystroke" };
    std::fs::write(dir.join(format!("{file}.cpuprofile")), profile.to_string())
        .expect("write the profile");

    let (own, within, busy) = sums(&profile);
    let per = if first { 1 } else { KEYSTROKES };
    if first {
        println!(
            "{:.1} ms busy (the page's main thread, sampler included)",
            busy / 1000.0
        );
    } else {
        println!(
            "{} at CPU ×4: {KEYSTROKES} keystrokes, {:.1} ms busy per keystroke (the page's main thread, sampler included)",
            if large { "500 + 500 rows" } else { "seed" },
            busy / 1000.0 / KEYSTROKES as f64
        );
    }
    top("own time", &own, |n| n != "(idle)", 30, per);
    top(
        "the app's functions, with what they call",
        &within,
        |n| n.starts_with("selfeval::") || n.contains("<selfeval::"),
        25,
        per,
    );
}

/// 100 keystrokes in 人员经费 at CPU ×4, profiled.
async fn keystrokes(h: &Harness, large: bool) -> Value {
    h.open().await;
    h.eventually("the sample's five findings", || async {
        h.findings().await.len() == 5
    })
    .await;
    if large {
        let file = e2e::scratch("profile").join("large.json");
        let draft = selfeval::write_draft(&selfeval::sample::large_draft(500, 500))
            .expect("the large draft's file");
        std::fs::write(&file, draft).expect("write the large draft");
        h.import_file(&file).await;
        h.eventually("the large draft", || async {
            h.js("return document.querySelectorAll('input[data-path^=\"performance.special_funds\"][data-path$=\".actual\"]').length;")
                .await
                == json!(500)
        })
        .await;
    }
    h.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
    h.cdp("Profiler.enable", json!({})).await;
    h.cdp("Profiler.setSamplingInterval", json!({ "interval": 50 }))
        .await;
    h.cdp("Profiler.start", json!({})).await;
    h.c.execute_async(
        TYPE,
        vec![json!("general_budget.personnel_expense"), json!(KEYSTROKES)],
    )
    .await
    .expect("typing");
    h.cdp("Profiler.stop", json!({})).await
}

//! The single-file edition: trunk's page with the stylesheet, the JS glue and the wasm inlined.

use crate::Build;

pub const NAME: &str = "selfeval.html";

/// The page as one self-contained file.
pub fn render(build: &Build) -> Result<String, String> {
    let mut html = build.index_html.clone();
    // trunk's loader fetches the JS and wasm by URL: it goes, with the preload hints.
    remove_element(
        &mut html,
        "<script type=\"module\">",
        "</script>",
        "TrunkApplicationStarted",
    )?;
    remove_tag(&mut html, "<link rel=\"modulepreload\"")?;
    remove_tag(&mut html, "<link rel=\"preload\"")?;
    let stylesheet = format!("<link rel=\"stylesheet\" href=\"./{}\"", build.css_name);
    let at = html
        .find(&stylesheet)
        .ok_or("no stylesheet link in index.html")?;
    let end = tag_end(&html, at)?;
    html.replace_range(at..end, &format!("<style>\n{}\n</style>", build.css));
    html = html.replacen("</title>", "（离线版）</title>", 1);

    let script = format!(
        "<script type=\"module\">\n{}\nconst wasmBase64 = \"{}\";\n\
         if (window.selfevalSupported !== false) {{\n\
         \x20 const bytes = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));\n\
         \x20 await __wbg_init({{ module_or_path: bytes }});\n\
         }}\n</script>\n",
        script_safe(&without_exports(&build.js)?),
        base64(&build.wasm)
    );
    let head_end = html.find("</head>").ok_or("no </head> in index.html")?;
    html.insert_str(head_end, &script);
    // The on-demand module as text, inert until `web/office.js` starts it.
    let office = format!(
        "<script type=\"text/plain\" id=\"selfeval-office-js\">\n{}\n</script>\n\
         <script type=\"text/plain\" id=\"selfeval-office-wasm\">{}</script>\n",
        script_safe(&build.office_js),
        base64(&build.office_wasm)
    );
    let body_end = html.rfind("</body>").ok_or("no </body> in index.html")?;
    html.insert_str(body_end, &office);
    Ok(html)
}

/// Removes the first element that starts with `open`, ends with `close` and contains `marker`.
fn remove_element(html: &mut String, open: &str, close: &str, marker: &str) -> Result<(), String> {
    let mut from = 0;
    while let Some(start) = html
        .get(from..)
        .and_then(|h| h.find(open))
        .map(|i| i + from)
    {
        let end = html
            .get(start..)
            .and_then(|h| h.find(close))
            .map(|i| start + i + close.len())
            .ok_or_else(|| format!("unclosed {open}"))?;
        if html.get(start..end).is_some_and(|e| e.contains(marker)) {
            html.replace_range(start..end, "");
            return Ok(());
        }
        from = end;
    }
    Err(format!("no {open} with {marker} in index.html"))
}

/// Removes every tag that starts with `start`.
fn remove_tag(html: &mut String, start: &str) -> Result<(), String> {
    while let Some(at) = html.find(start) {
        let end = tag_end(html, at)?;
        html.replace_range(at..end, "");
    }
    Ok(())
}

/// Where the tag that starts at `at` ends: just after its `>`.
pub fn tag_end(html: &str, at: usize) -> Result<usize, String> {
    html.get(at..)
        .and_then(|h| h.find('>'))
        .map(|i| at + i + 1)
        .ok_or_else(|| "unclosed tag in index.html".to_owned())
}

/// wasm-bindgen's ES module as a plain module script body: its `export`s dropped.
fn without_exports(js: &str) -> Result<String, String> {
    let mut out = String::with_capacity(js.len());
    for line in js.lines() {
        let line = if line.starts_with("export {") {
            continue;
        } else if let Some(rest) = line.strip_prefix("export ") {
            rest
        } else {
            line
        };
        out.push_str(line);
        out.push('\n');
    }
    if out
        .lines()
        .any(|l| l.trim_start().starts_with("export ") || l.starts_with("import "))
    {
        return Err("the JS glue has exports or imports this tool does not know".to_owned());
    }
    Ok(out)
}

/// Text that cannot end the script element early.
fn script_safe(js: &str) -> String {
    js.replace("</script", "<\\/script")
        .replace("<!--", "<\\!--")
}

pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0, 255, 254]), "AP/+");
    }

    #[test]
    fn the_page_is_made_self_contained() {
        let build = Build {
            index_html: "<html><head><title>T</title>\n<script type=\"module\">\nimport init from './a.js';\n\
                         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\"));\n</script>\n\
                         <link rel=\"stylesheet\" href=\"./app.css\" integrity=\"x\"/>\n\
                         <link rel=\"modulepreload\" href=\"./a.js\"><link rel=\"preload\" href=\"./a_bg.wasm\" as=\"fetch\">\
                         </head><body></body></html>"
                .to_owned(),
            js_name: "a.js".to_owned(),
            js: "export function start() {}\nexport class X {}\nasync function __wbg_init(m) {}\n\
                 export { initSync, __wbg_init as default };\nconst s = '</script>';\n"
                .to_owned(),
            wasm: vec![0, 97, 115, 109],
            css_name: "app.css".to_owned(),
            css: "body{}".to_owned(),
            office_js: "let wasm_bindgen; const t = '</script>';".to_owned(),
            office_wasm: vec![0, 97, 115, 109, 1],
        };
        let html = render(&build).unwrap();
        assert!(html.contains("<style>\nbody{}\n</style>"));
        assert!(html.contains("<title>T（离线版）</title>"));
        assert!(!html.contains("TrunkApplicationStarted"));
        assert!(!html.contains("modulepreload"));
        assert!(!html.contains("rel=\"preload\""));
        assert!(!html.contains("./a.js"));
        assert!(html.contains("function start() {}"));
        assert!(html.contains("class X {}"));
        assert!(!html.contains("export "));
        assert!(html.contains("'<\\/script>'"));
        assert!(html.contains("const wasmBase64 = \"AGFzbQ==\";"));
        assert!(html.contains(
            "<script type=\"text/plain\" id=\"selfeval-office-js\">\nlet wasm_bindgen; const t = '<\\/script>';\n</script>"
        ));
        assert!(html.contains(
            "<script type=\"text/plain\" id=\"selfeval-office-wasm\">AGFzbQE=</script>\n</body>"
        ));
    }
}

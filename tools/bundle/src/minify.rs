//! The hosted page's JavaScript and CSS, minified with terser and csso (npm, `tools/node_modules`,
//! which `scripts/setup` installs): wasm-bindgen's glue, the on-demand module's glue, the page's
//! own inline scripts, the service worker and the style sheet carry comments, white space and
//! long names that a first visit would pay for (issue 14: about 3.7 KB brotli). The single-file
//! edition is made from the build as trunk wrote it, before this step: it takes the glue apart
//! line by line and calls its entry point by name.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use sha2::{Digest, Sha384};

/// How a script is read: as an ES module (its top-level names are its own) or a classic script
/// (its top-level names are the page's, kept).
#[derive(Clone, Copy)]
pub enum Kind {
    Module,
    Classic,
}

/// A tool of `tools/node_modules/.bin` as `scripts/setup` installs it.
fn tool(name: &str) -> Result<Command, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../node_modules/.bin")
        .join(name);
    if path.exists() {
        Ok(Command::new(path))
    } else {
        Err(format!(
            "{} is missing: run scripts/setup (it installs {name} from npm)",
            path.display()
        ))
    }
}

/// A script minified: compressed and its local names shortened.
pub fn minified(js: &str, kind: Kind) -> Result<String, String> {
    let mut command = tool("terser")?;
    command.args(["--compress", "--mangle"]);
    if let Kind::Module = kind {
        command.arg("--module");
    }
    filtered(command, js, "terser")
}

/// A style sheet minified: comments and white space gone, values shortened; its rules are not
/// merged or moved (`--no-restructure`), so the cascade stays as written.
pub fn minified_css(css: &str) -> Result<String, String> {
    let mut command = tool("csso")?;
    command.arg("--no-restructure");
    filtered(command, css, "csso")
}

/// What `command` writes for `input` given on its standard input.
fn filtered(mut command: Command, input: &str, name: &str) -> Result<String, String> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {name}: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no input to the minifier")?;
    let input = input.to_owned();
    // Written from another thread: terser's output could fill the pipe before it reads it all.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("{name} failed: {e}"))?;
    writer
        .join()
        .map_err(|_| format!("writing to {name} failed"))?
        .map_err(|e| format!("writing to {name} failed: {e}"))?;
    if !out.status.success() || out.stdout.is_empty() {
        return Err(format!(
            "{name} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|_| format!("{name} wrote no UTF-8"))
}

/// The page with each inline classic script (`<script>` without attributes) passed through
/// `minify`; scripts with attributes (trunk's module loader) are left as they are.
pub fn inline_scripts(
    html: &str,
    minify: impl Fn(&str) -> Result<String, String>,
) -> Result<String, String> {
    const OPEN: &str = "<script>";
    const CLOSE: &str = "</script>";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let body = start + OPEN.len();
        let end = rest
            .get(body..)
            .and_then(|r| r.find(CLOSE))
            .map(|i| body + i)
            .ok_or("an inline script is not closed")?;
        out.push_str(rest.get(..body).unwrap_or_default());
        let js = minify(rest.get(body..end).unwrap_or_default())?;
        out.push_str(&js.replace("</script", "<\\/script"));
        rest = rest.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

/// The page with the `integrity` of the tag that names `file_name` set to that of `content`
/// (Subresource Integrity, sha384 in base64, as trunk writes it).
pub fn with_integrity(html: &str, file_name: &str, content: &[u8]) -> Result<String, String> {
    let href = format!("href=\"./{file_name}\"");
    let at = html
        .find(&href)
        .ok_or_else(|| format!("index.html does not name {file_name}"))?;
    let tag_end = crate::single_file::tag_end(html, at)?;
    const ATTRIBUTE: &str = "integrity=\"";
    let value = html
        .get(at..tag_end)
        .and_then(|tag| tag.find(ATTRIBUTE))
        .map(|i| at + i + ATTRIBUTE.len())
        .ok_or_else(|| format!("the tag of {file_name} has no integrity"))?;
    let value_end = html
        .get(value..)
        .and_then(|h| h.find('"'))
        .map(|i| value + i)
        .ok_or("an unclosed integrity value")?;
    let digest = crate::single_file::base64(&Sha384::digest(content));
    let mut out = html.to_owned();
    out.replace_range(value..value_end, &format!("sha384-{digest}"));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_classic_scripts_are_minified_and_others_kept() {
        let html = "<head><script>var a = 1; // one\n</script>\
                    <script type=\"module\">import x from './x.js';</script>\
                    <script>b()</script></head>";
        let out = inline_scripts(html, |js| Ok(format!("[{}]", js.trim()))).unwrap();
        assert_eq!(
            out,
            "<head><script>[var a = 1; // one]</script>\
             <script type=\"module\">import x from './x.js';</script>\
             <script>[b()]</script></head>"
        );
        assert!(inline_scripts("<script>x", |js| Ok(js.to_owned())).is_err());
    }

    #[test]
    fn the_integrity_is_that_of_the_new_content() {
        let html = "<link rel=\"modulepreload\" href=\"./app.js\" crossorigin=\"anonymous\" \
                    integrity=\"sha384-old\"><link href=\"./b.css\" integrity=\"sha384-b\">";
        let out = with_integrity(html, "app.js", b"abc").unwrap();
        // sha384("abc"), from FIPS 180-2's test vectors.
        assert!(out.contains(
            "integrity=\"sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn\""
        ));
        assert!(out.ends_with("integrity=\"sha384-b\">"));
        assert!(with_integrity(html, "c.js", b"").is_err());
    }
}

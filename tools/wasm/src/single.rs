//! The single-file build (`make single`): `rungs.html`, one page that holds
//! the whole app, to open from disk, a mail attachment or a USB stick, or
//! in a sandboxed frame on a host that allows nothing else.
//!
//! It holds the app's one module (unsplit, optimised), gzipped then in
//! base64 (half the size of base64 alone; the browser unpacks it), the start
//! script (`single.js`) bundled with wasm-bindgen's, every stylesheet (the
//! shell's, then the one the surfaces share, then each surface's, as a
//! debug build links them), the page's icon, and the content files the app
//! fetches by name: the start script answers those fetches from the page.
//! A Content Security Policy in the page allows exactly these inline
//! scripts and styles, and no request of any kind.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::{at, minified_css, read, read_bytes, replace_once, run, Build};

/// The start script of the single file.
const START: &str = include_str!("single.js");

/// Everything the single file holds besides `index.html` itself.
pub struct Parts {
    /// Stylesheets in the order they apply, by name.
    pub styles: Vec<(String, String)>,
    /// The page's icon, an SVG.
    pub icon: Vec<u8>,
    /// The start script, bundled with what it imports.
    pub script: String,
    /// The app's WebAssembly, gzipped.
    pub wasm: Vec<u8>,
    /// The content files, by the name the app fetches each by.
    pub content: Vec<(String, String)>,
}

/// Writes `rungs.html` into the build's output folder, from the optimised
/// module at `wasm` and wasm-bindgen's script `glue`; `scratch` is for the
/// files made on the way.
pub fn write(build: &Build, wasm: &Path, glue: &str, scratch: &Path) -> Result<(), String> {
    let index = read(&build.root.join("index.html"))?;
    let esbuild = build.tool("esbuild");

    let mut styles = Vec::new();
    let mut icon = None;
    for link in trunk_links(&index)? {
        let file = || build.root.join(&link.href);
        match link.rel.as_str() {
            "css" => styles.push((stem(&link.href), read(&file())?)),
            "icon" => icon = Some(read_bytes(&file())?),
            "rust" => {}
            other => {
                return Err(format!(
                    "index.html links a {other:?} the single file cannot hold"
                ))
            }
        }
    }
    styles.extend(build.surface_styles()?);
    let styles = styles
        .into_iter()
        .map(|(name, css)| Ok((name, minified_css(&esbuild, &css)?)))
        .collect::<Result<_, String>>()?;

    let scripts = scratch.join("scripts");
    std::fs::create_dir_all(&scripts).map_err(at(&scripts))?;
    crate::write(&scripts.join("rungs.js"), glue)?;
    crate::write(&scripts.join("single.js"), START)?;
    let script = build.bundled(&scripts.join("single.js"))?;

    let parts = Parts {
        styles,
        icon: icon.ok_or("index.html has no icon")?,
        script,
        wasm: gzipped(wasm)?,
        content: content(build, &scratch.join("content"))?,
    };
    let html = page(&index, &parts)?;
    std::fs::create_dir_all(&build.out).map_err(at(&build.out))?;
    let path = build.out.join("rungs.html");
    crate::write(&path, &html)?;
    eprintln!(
        "rungs-wasm: wrote {} ({} bytes)",
        path.display(),
        html.len()
    );
    Ok(())
}

/// The content files as `tools/content` writes them into a build, by name.
pub fn content(build: &Build, dir: &Path) -> Result<Vec<(String, String)>, String> {
    std::fs::create_dir_all(dir).map_err(at(dir))?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(Command::new(cargo)
        .current_dir(&build.root)
        .args(["run", "--quiet", "--package", "rungs-content", "--"])
        .arg(dir))?;
    let mut files = Vec::new();
    for (name, path) in crate::entries(dir)? {
        files.push((name, read(&path)?));
    }
    files.sort();
    Ok(files)
}

/// `file` compressed by gzip, as the browser's `DecompressionStream`
/// unpacks it.
fn gzipped(file: &Path) -> Result<Vec<u8>, String> {
    let done = Command::new("gzip")
        .args(["-9", "--no-name", "--stdout"])
        .arg(file)
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    if !done.status.success() {
        return Err(format!("gzip failed ({})", done.status));
    }
    Ok(done.stdout)
}

/// `index.html` made into the single file: Trunk's links and the comments
/// about them taken out, and `parts` put in, under a policy that allows
/// nothing else.
pub fn page(index: &str, parts: &Parts) -> Result<String, String> {
    let mut html = index.to_owned();
    for link in trunk_links(index)?.iter().rev() {
        html.replace_range(link.start..link.end, "");
    }
    while let Some(start) = html.find("<!--") {
        let end = start
            + html[start..]
                .find("-->")
                .ok_or("index.html has a comment that does not end")?
            + 3;
        html.replace_range(start..end, "");
    }

    let script = inline_script(&parts.script)?;
    let mut styles = String::new();
    let mut style_hashes = String::new();
    for (name, css) in &parts.styles {
        let css = inline_style(css);
        let _ = write!(styles, r#"<style data-sheet="{name}">{css}</style>"#);
        let _ = write!(style_hashes, " '{}'", csp_hash(&css));
    }
    let policy = format!(
        "default-src 'none'; script-src '{}' 'wasm-unsafe-eval'; style-src{style_hashes}; \
         img-src data: blob:; base-uri 'none'; form-action 'none'",
        csp_hash(&script)
    );
    let head = format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{policy}"><link rel="icon" href="data:image/svg+xml;base64,{}">{styles}</head>"#,
        base64(&parts.icon)
    );
    let html = replace_once(&html, "</head>", &head)?;

    let mut body = String::new();
    for (name, text) in &parts.content {
        let _ = write!(
            body,
            r#"<script type="application/json" data-file="{name}">{}</script>"#,
            inline_json(text)
        );
    }
    let _ = write!(
        body,
        r#"<script type="application/octet-stream" id="rungs-wasm">{}</script>"#,
        base64(&parts.wasm)
    );
    let _ = write!(body, r#"<script type="module">{script}</script></body>"#);
    replace_once(&html, "</body>", &body)
}

/// A `<link data-trunk …>` in `index.html`: where it stands, and what it
/// links.
struct TrunkLink {
    start: usize,
    end: usize,
    rel: String,
    href: String,
}

/// Every `<link data-trunk …>` in `html`, in order.
fn trunk_links(html: &str) -> Result<Vec<TrunkLink>, String> {
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<link data-trunk") {
        let start = from + at;
        let end = start
            + html[start..]
                .find('>')
                .ok_or("index.html has a <link> that does not end")?
            + 1;
        let tag = &html[start..end];
        links.push(TrunkLink {
            start,
            end,
            rel: attribute(tag, "rel").ok_or("a Trunk link in index.html has no rel")?,
            href: attribute(tag, "href").unwrap_or_default(),
        });
        from = end;
    }
    Ok(links)
}

/// The value of the double-quoted attribute `name` in `tag`.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + tag[start..].find('"')?;
    Some(tag[start..end].to_owned())
}

/// `style/main.css` is the sheet `main`.
fn stem(href: &str) -> String {
    let file = href.rsplit('/').next().unwrap_or(href);
    file.strip_suffix(".css").unwrap_or(file).to_owned()
}

/// Script text that cannot end its `<script>` element early. `</script`
/// can only stand in a string, a regular expression or a comment, where
/// `<\/script` means the same; `<!--` would change how the page is parsed
/// from there on, and no build tool writes it, so it is refused.
fn inline_script(js: &str) -> Result<String, String> {
    if js.contains("<!--") {
        return Err("the start script holds \"<!--\", which a page cannot inline".into());
    }
    Ok(replace_ignoring_case(js, "</script", r"<\/script"))
}

/// A stylesheet that cannot end its `<style>` element early: `</style` can
/// only stand in a string or a comment, where `<\/style` means the same.
fn inline_style(css: &str) -> String {
    replace_ignoring_case(css, "</style", r"<\/style")
}

/// JSON that cannot end its `<script>` element: in JSON a `<` can only
/// stand in a string, where `\u003c` means the same.
fn inline_json(json: &str) -> String {
    json.replace('<', r"\u003c")
}

/// `text` with every `from` (ASCII, in any case) replaced by `to`.
fn replace_ignoring_case(text: &str, from: &str, to: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in lower.match_indices(from) {
        out.push_str(&text[last..at]);
        out.push_str(to);
        last = at + from.len();
    }
    out.push_str(&text[last..]);
    out
}

/// How a Content Security Policy names an inline script or style.
fn csp_hash(text: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(text.as_bytes())))
}

fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<!doctype html><html><head><title>Rungs</title><!-- Trunk adds the app here. --><link data-trunk rel="css" href="style/main.css" crossorigin="anonymous" /><link data-trunk rel="icon" href="style/favicon.svg" /><link data-trunk rel="rust" data-trunk-skip /></head><body><div id="app"></div></body></html>"#;

    fn parts() -> Parts {
        Parts {
            styles: vec![
                ("main".into(), "body{color:red}".into()),
                ("pages".into(), r#"a::after{content:"</style>"}"#.into()),
            ],
            icon: b"<svg/>".to_vec(),
            script: r#"const end="</SCRIPT>";fetch("rubric.json")"#.into(),
            wasm: vec![0, 97, 115, 109],
            content: vec![
                ("rubric.json".into(), r#"{"text":"</script><b>"}"#.into()),
                ("rungs.config.json".into(), "{}\n".into()),
            ],
        }
    }

    #[test]
    fn finds_the_links_trunk_would_build() {
        let links = trunk_links(INDEX).unwrap();
        let rels: Vec<_> = links.iter().map(|l| (&l.rel[..], &l.href[..])).collect();
        assert_eq!(
            rels,
            [
                ("css", "style/main.css"),
                ("icon", "style/favicon.svg"),
                ("rust", "")
            ]
        );
        assert_eq!(stem("style/main.css"), "main");
    }

    #[test]
    fn the_page_links_nothing_outside_itself() {
        let html = page(INDEX, &parts()).unwrap();
        assert!(!html.contains("data-trunk"), "{html}");
        assert!(!html.contains("Trunk adds"), "{html}");
        assert!(!html.contains(" src="), "{html}");
        for (at, _) in html.match_indices("href=\"") {
            let rest = &html[at + 6..];
            assert!(rest.starts_with("data:"), "{rest}");
        }
        assert!(html.contains("default-src 'none'"), "{html}");
    }

    #[test]
    fn holds_the_content_the_styles_and_the_module_in_order() {
        let html = page(INDEX, &parts()).unwrap();
        assert!(html.contains(
            r#"<script type="application/json" data-file="rubric.json">{"text":"\u003c/script>\u003cb>"}</script>"#
        ));
        assert!(html.contains(r#"data-file="rungs.config.json">{}"#));
        assert!(html.contains(
            r#"<script type="application/octet-stream" id="rungs-wasm">AGFzbQ==</script>"#
        ));
        let main = html.find(r#"data-sheet="main""#).unwrap();
        let pages = html.find(r#"data-sheet="pages""#).unwrap();
        assert!(main < pages && pages < html.find("</head>").unwrap());
        // The policy allows exactly the script and the styles as written.
        let script = r#"const end="<\/script>";fetch("rubric.json")"#;
        assert!(html.contains(&format!(
            r#"<script type="module">{script}</script></body>"#
        )));
        assert!(html.contains(&csp_hash(script)));
        assert!(html.contains(&csp_hash(r#"a::after{content:"<\/style>"}"#)));
    }

    #[test]
    fn nothing_inlined_ends_its_element_early() {
        let html = page(INDEX, &parts()).unwrap();
        assert_eq!(html.matches("</script>").count(), 4, "{html}");
        assert_eq!(html.matches("</style>").count(), 2, "{html}");
        assert_eq!(html.to_ascii_lowercase().matches("</script").count(), 4);
        assert!(inline_script("a<!--b").is_err());
    }

    #[test]
    fn json_stays_the_same_json() {
        let text = r#"{"a":"<\/script> <b> </SCRIPT"}"#;
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let inlined: serde_json::Value = serde_json::from_str(&inline_json(text)).unwrap();
        assert_eq!(value, inlined);
    }
}

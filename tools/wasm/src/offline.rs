//! What makes a release build installable and usable offline: the web app
//! manifest and its icons (`style/app/`), the script that registers the
//! service worker and offers new versions (`offline.js`), and the worker
//! itself (`sw.js`), which keeps every file of the build.
//!
//! The worker is written last, once every other file is in the build: it
//! names them all, and its version is a hash of all of them, so that any
//! change to any file makes a new worker, which the browser installs as an
//! update.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::{entries, read_bytes, replace_once, short, write, Build};

/// The service worker, filled in by [`worker`].
const WORKER: &str = include_str!("sw.js");

/// The script that registers it, fetched once the first page is on screen.
pub const REGISTER: &str = include_str!("offline.js");

/// The worker's file: a fixed name, which the browser checks for updates.
pub const WORKER_FILE: &str = "sw.js";

/// The folder of the manifest and its icons, copied as they are.
const APP_FILES: &str = "style/app";

/// The manifest's file, linked from the page.
pub const MANIFEST: &str = "manifest.webmanifest";

/// Files the worker leaves to the network: the host's configuration,
/// which it keeps apart (the host replaces it without a new build).
const HOST_FILES: &[&str] = &["rungs.config.json"];

/// Copies the manifest and its icons into the build.
pub fn copy_app_files(build: &Build) -> Result<(), String> {
    for (name, path) in entries(&build.root.join(APP_FILES))? {
        write(&build.out.join(name), read_bytes(&path)?)?;
    }
    Ok(())
}

/// Writes `sw.js`, naming every file in the build and `content` (the
/// content files, by name: the hook that writes them into the build may
/// still be running).
pub fn write_worker(build: &Build, content: &[(String, String)]) -> Result<(), String> {
    let mut files = Vec::new();
    list(&build.out, "", &mut files)?;
    for (name, text) in content {
        files.retain(|(file, _)| file != name);
        files.push((name.clone(), text.clone().into_bytes()));
    }
    files.retain(|(name, _)| name != WORKER_FILE && !HOST_FILES.contains(&name.as_str()));
    files.sort();
    let text = crate::minified_js(&build.tool("esbuild"), &worker(&files)?)?;
    write(&build.out.join(WORKER_FILE), text)
}

/// The worker for `files`, by name and content.
fn worker(files: &[(String, Vec<u8>)]) -> Result<String, String> {
    let mut hash = Sha256::new();
    for (name, bytes) in files {
        // Lengths first, so that no two lists hash alike.
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    }
    let build = serde_json::json!({
        "version": short(&hash.finalize()),
        "files": files.iter().map(|(name, _)| name).collect::<Vec<_>>(),
    });
    replace_once(WORKER, "/* BUILD */ {}", &build.to_string())
}

/// Every file under `dir`, by its path from the build's root, with `/`.
fn list(dir: &Path, prefix: &str, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    for (name, path) in entries(dir)? {
        let name = format!("{prefix}{name}");
        if path.is_dir() {
            list(&path, &format!("{name}/"), files)?;
        } else {
            files.push((name, read_bytes(&path)?));
        }
    }
    Ok(())
}

/// The page's manifest link.
pub fn manifest_link() -> String {
    format!(r#"<link rel="manifest" href="{MANIFEST}">"#)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        list.iter()
            .map(|(name, text)| (name.to_string(), text.as_bytes().to_vec()))
            .collect()
    }

    fn version(worker: &str) -> String {
        let start = worker.find(r#""version":""#).unwrap() + 11;
        worker[start..start + 16].to_owned()
    }

    #[test]
    fn names_every_file_and_changes_its_version_with_any_of_them() {
        let one = worker(&files(&[("index.html", "<p>"), ("a.wasm", "1")])).unwrap();
        assert!(one.contains(r#""files":["index.html","a.wasm"]"#), "{one}");
        assert!(!one.contains("/* BUILD */"));
        let same = worker(&files(&[("index.html", "<p>"), ("a.wasm", "1")])).unwrap();
        assert_eq!(version(&one), version(&same));
        let changed = worker(&files(&[("index.html", "<p>"), ("a.wasm", "2")])).unwrap();
        assert_ne!(version(&one), version(&changed));
        // Moving a byte from a name to the content is a change too.
        let moved = worker(&files(&[("index.html", "<p>"), ("a.wasm1", "")])).unwrap();
        assert_ne!(version(&one), version(&moved));
    }

    #[test]
    fn the_script_asks_for_the_worker_by_its_file_name() {
        assert!(REGISTER.contains(&format!("new URL('{WORKER_FILE}'")));
        assert!(WORKER.contains(&format!("'{}'", HOST_FILES[0])));
    }

    #[test]
    fn the_manifest_is_relative_so_the_app_works_under_any_path() {
        let text = crate::read(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../style/app")
                .join(MANIFEST),
        )
        .unwrap();
        let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
        for key in ["start_url", "scope", "id"] {
            assert_eq!(manifest[key], "./", "{key}");
        }
        let icons = manifest["icons"].as_array().unwrap();
        assert!(icons.iter().any(|icon| icon["purpose"] == "maskable"));
        for icon in icons {
            let src = icon["src"].as_str().unwrap();
            assert!(!src.contains('/'), "{src} is beside the manifest");
            assert!(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../style/app")
                    .join(src)
                    .exists(),
                "{src}"
            );
        }
    }
}

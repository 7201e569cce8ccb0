//! Trunk runs this after every build (see `Trunk.toml`): it builds the app's
//! WebAssembly and the scripts that start it into Trunk's staging folder and
//! names them in its `index.html`. Trunk builds everything else.
//!
//! A release build is split by surface (see `docs/ARCHITECTURE.md`):
//! 1. cargo builds the wasm with the `split` feature, linked with its
//!    relocations kept, which the splitter needs;
//! 2. `wasm-split-cli` cuts it into the main module, one module per split
//!    point and chunks of code that several split points share, plus the
//!    script that loads them;
//! 3. `wasm-bindgen` binds the main module alone, keeping the linker's
//!    exports (memory, table, globals) that the other modules link against;
//! 4. the main module's imports get short names, and `wasm-opt` shrinks
//!    every module;
//! 5. the shared chunks are merged into a few files (`merge.rs`), so that a
//!    deep link fetches a handful of modules rather than dozens;
//! 6. each surface's stylesheet (`style/<split>.css`) is minified, to be
//!    loaded with its split's code;
//! 7. `esbuild` bundles the start script (`boot.js`), the split loader and
//!    wasm-bindgen's script into one module;
//! 8. every file is named after a hash of its content, and `index.html`
//!    loads that module, which holds integrity hashes for all the others,
//!    after `fallback.js`, which says why if the app cannot start.
//!
//! A debug build (`trunk serve`) is one module, bound but not optimised, so
//! that rebuilding while editing stays quick; it links every stylesheet.
//!
//! A single-file build (`make single`) is one module too, optimised as a
//! release build is, and writes `rungs.html` with everything in it: the
//! module, the scripts, every stylesheet and the content (`single.rs`).
//!
//! Usage: `rungs-wasm` from a Trunk hook, or `rungs-wasm release|debug DIR`,
//! or `rungs-wasm single DIR` (run outside Trunk).

mod imports;
mod loader;
mod merge;
mod offline;
mod single;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use base64::Engine as _;
use sha2::{Digest, Sha256};

use loader::Loader;

/// The script that starts the app, filled in by [`boot_script`].
const BOOT: &str = include_str!("boot.js");

/// The script that says why, when the app cannot start.
const FALLBACK: &str = include_str!("fallback.js");

/// How wasm-opt shrinks every module.
const WASM_OPT: &[&str] = &[
    "-Oz",
    "--converge",
    "--strip-debug",
    "--strip-producers",
    "--strip-target-features",
];

fn main() -> ExitCode {
    match Build::from_env().and_then(|build| build.run()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("rungs-wasm: {problem}");
            ExitCode::FAILURE
        }
    }
}

/// Which build.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Profile {
    /// One module, not optimised, for `trunk serve`.
    Debug,
    /// Split by surface and optimised, for `trunk build --release`.
    Release,
    /// One module, optimised, in one HTML file with everything else.
    Single,
}

impl Profile {
    /// Optimised and minified.
    fn release(self) -> bool {
        self != Profile::Debug
    }

    /// Cut into a module per split point.
    fn split(self) -> bool {
        self == Profile::Release
    }
}

/// What to build, and where.
struct Build {
    profile: Profile,
    /// Trunk's staging folder, which becomes `dist/`; for a single-file
    /// build, the folder `rungs.html` is written into.
    out: PathBuf,
    /// The repository.
    root: PathBuf,
    /// cargo's target folder; the build's scratch files go in it too.
    target: PathBuf,
}

/// A file of the build: its name in `out` and its integrity hash.
struct Written {
    path: String,
    integrity: String,
}

impl Build {
    fn from_env() -> Result<Build, String> {
        let mut args = std::env::args().skip(1);
        let (profile, out) = match (args.next(), args.next()) {
            (Some(profile), Some(out)) => (profile, PathBuf::from(out)),
            _ => (
                std::env::var("TRUNK_PROFILE").map_err(|_| {
                    "name the profile and the output folder, or run it from a Trunk hook"
                })?,
                std::env::var_os("TRUNK_STAGING_DIR")
                    .map(PathBuf::from)
                    .ok_or("TRUNK_STAGING_DIR is not set")?,
            ),
        };
        let profile = match profile.as_str() {
            "release" => Profile::Release,
            "debug" => Profile::Debug,
            "single" => Profile::Single,
            other => {
                return Err(format!(
                    "unknown profile {other:?}: release, debug or single"
                ))
            }
        };
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let root = root.canonicalize().map_err(at(&root))?;
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target"));
        Ok(Build {
            profile,
            out,
            root,
            target,
        })
    }

    fn run(&self) -> Result<(), String> {
        let wasm = self.compile()?;
        let scratch = self.target.join(match self.profile {
            Profile::Single => "rungs-wasm-single",
            _ => "rungs-wasm",
        });
        let _ = std::fs::remove_dir_all(&scratch);
        let (main, mut loader) = if self.profile.split() {
            let split = scratch.join("split");
            run(Command::new(self.tool("wasm-split-cli"))
                .arg(&wasm)
                .arg(&split)
                .args(["--out-name", "rungs"]))?;
            let loader = read(&split.join("__wasm_split.js"))?;
            (split.join("rungs.wasm"), Some(Loader::parse(&loader)?))
        } else {
            (wasm, None)
        };

        let bound = scratch.join("bound");
        let mut bindgen = Command::new(self.tool("wasm-bindgen"));
        bindgen
            .args(["--target", "web", "--no-typescript", "--out-name", "rungs"])
            .arg("--out-dir")
            .arg(&bound)
            .arg(&main);
        if loader.is_some() {
            bindgen.arg("--keep-lld-exports");
        }
        run(&mut bindgen)?;
        if bound.join("snippets").exists() {
            return Err("wasm-bindgen wrote JS snippets, which this build does not serve".into());
        }

        let mut glue = read(&bound.join("rungs.js"))?;
        if self.profile.release() {
            let main = bound.join("rungs_bg.wasm");
            let (wasm, shortened) = imports::shorten(&read_bytes(&main)?, &glue)?;
            write(&main, wasm)?;
            glue = shortened;
        }

        // Every module, by the name the loader calls it: the main module
        // first.
        let mut modules = vec![("rungs".to_owned(), bound.join("rungs_bg.wasm"))];
        if let Some(loader) = &loader {
            for name in loader.files() {
                modules.push((
                    name.clone(),
                    scratch.join("split").join(format!("{name}.wasm")),
                ));
            }
        }
        if self.profile.release() {
            modules = self.optimise(modules, &scratch.join("opt"))?;
        }
        if self.profile == Profile::Single {
            return single::write(self, &modules[0].1, &glue, &scratch);
        }
        if let Some(loader) = &mut loader {
            modules = merge_shared(modules, loader, &scratch.join("merged"))?;
        }
        let mut files = Vec::new();
        for (name, path) in &modules {
            files.push((
                name.clone(),
                self.write_hashed(name, "wasm", &read_bytes(path)?)?,
            ));
        }

        let styles = self.styles(loader.as_ref())?;
        // Installable and offline: a split build, which is what a host serves.
        let register = match self.profile.split() {
            true => Some(self.write_hashed(
                "offline",
                "js",
                minified_js(&self.tool("esbuild"), offline::REGISTER)?.as_bytes(),
            )?),
            false => None,
        };

        // The start script, the split loader and wasm-bindgen's script
        // import each other: bundled, they are one file to fetch.
        let scripts = scratch.join("scripts");
        std::fs::create_dir_all(&scripts).map_err(at(&scripts))?;
        let boot = boot_script(&files, &styles, loader.as_ref(), register.as_ref())?;
        let glue = match &loader {
            Some(loader) => {
                write(
                    &scripts.join("split.js"),
                    &loader.patched("./rungs.js", "./boot.js")?,
                )?;
                // Its imports only: the module keeps the name the wasm
                // imports it by.
                replace_all(&glue, "from \"./__wasm_split.js\"", "from \"./split.js\"")?
            }
            None => glue,
        };
        write(&scripts.join("rungs.js"), &glue)?;
        write(&scripts.join("boot.js"), &boot)?;
        let bundle = self.bundled(&scripts.join("boot.js"))?;
        let script = self.write_hashed("rungs", "js", bundle.as_bytes())?;
        // A debug build has no split points to load them with.
        let linked = if loader.is_none() { &styles[..] } else { &[] };
        let fallback = match self.profile.release() {
            true => minified_js(&self.tool("esbuild"), FALLBACK)?,
            false => FALLBACK.to_owned(),
        };
        let fallback = self.write_hashed("fallback", "js", fallback.as_bytes())?;
        self.add_to_page(&fallback, &script, &files[0].1, linked, register.is_some())?;
        if register.is_some() {
            offline::copy_app_files(self)?;
            let content = single::content(self, &scratch.join("content"))?;
            offline::write_worker(self, &content)?;
        }
        Ok(())
    }

    /// The module `entry` with everything it imports, as one script;
    /// minified in a release build.
    fn bundled(&self, entry: &Path) -> Result<String, String> {
        let mut esbuild = Command::new(self.tool("esbuild"));
        esbuild
            .arg(entry)
            .args(["--bundle", "--format=esm", "--log-level=warning"])
            // wasm-bindgen names the loader once per import it binds.
            .arg("--log-override:duplicate-object-key=silent");
        if self.profile.release() {
            esbuild.arg("--minify");
        }
        output(&mut esbuild, "")
    }

    /// Builds the app's wasm; returns its path.
    fn compile(&self) -> Result<PathBuf, String> {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut command = Command::new(cargo);
        command.current_dir(&self.root);
        if self.profile.release() {
            // Panic messages name the source file of the code that panicked:
            // for a dependency, its path in cargo's registry, the same long
            // prefix dozens of times in the first load. Each crate is named
            // from its own folder instead.
            let remaps: Vec<String> = registry_sources()
                .iter()
                .map(|dir| format!("{:?}", format!("--remap-path-prefix={}/=", dir.display())))
                .collect();
            if !remaps.is_empty() {
                command.arg("--config").arg(format!(
                    "target.wasm32-unknown-unknown.rustflags = [{}]",
                    remaps.join(", ")
                ));
            }
            command.args([
                "rustc",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "--bin",
                "rungs",
            ]);
            // The relocations are for the final link only: the splitter
            // reads them from the app's module.
            if self.profile.split() {
                command.args(["--features", "split", "--", "-Clink-arg=--emit-relocs"]);
            }
        } else {
            command.args([
                "build",
                "--target",
                "wasm32-unknown-unknown",
                "--bin",
                "rungs",
            ]);
        }
        run(&mut command)?;
        let profile = if self.profile.release() {
            "release"
        } else {
            "debug"
        };
        Ok(self
            .target
            .join("wasm32-unknown-unknown")
            .join(profile)
            .join("rungs.wasm"))
    }

    /// Runs wasm-opt on every module, side by side, into `dir`; returns the
    /// modules optimised.
    fn optimise(
        &self,
        modules: Vec<(String, PathBuf)>,
        dir: &Path,
    ) -> Result<Vec<(String, PathBuf)>, String> {
        std::fs::create_dir_all(dir).map_err(at(dir))?;
        let wasm_opt = self.tool("wasm-opt");
        let jobs = std::thread::available_parallelism().map_or(2, |n| n.get());
        for batch in modules.chunks(jobs) {
            let results: Vec<Result<(), String>> = std::thread::scope(|scope| {
                let running: Vec<_> = batch
                    .iter()
                    .map(|(name, path)| {
                        let wasm_opt = &wasm_opt;
                        scope.spawn(move || {
                            run(Command::new(wasm_opt)
                                .args(WASM_OPT)
                                .arg(path)
                                .arg("-o")
                                .arg(dir.join(format!("{name}.wasm"))))
                        })
                    })
                    .collect();
                running
                    .into_iter()
                    .map(|job| {
                        job.join()
                            .unwrap_or_else(|_| Err("wasm-opt panicked".into()))
                    })
                    .collect()
            });
            results.into_iter().collect::<Result<(), String>>()?;
        }
        Ok(modules
            .into_iter()
            .map(|(name, _)| {
                let path = dir.join(format!("{name}.wasm"));
                (name, path)
            })
            .collect())
    }

    /// Writes `bytes`, the file `name`, into the build as
    /// `<name without split_ and underscores>-<hash>.<extension>`. The start
    /// script derives that path from the name and the integrity hash: keep
    /// the two in step (`path` in boot.js).
    fn write_hashed(&self, name: &str, extension: &str, bytes: &[u8]) -> Result<Written, String> {
        let digest = Sha256::digest(bytes);
        let stem = name.strip_prefix("split_").unwrap_or(name).replace('_', "");
        let path = format!("./{stem}-{}.{extension}", short(&digest));
        write(&self.out.join(&path), bytes)?;
        Ok(Written {
            path,
            integrity: format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ),
        })
    }

    /// Every surface's stylesheet, `style/<name>.css` beside `main.css`
    /// (which Trunk builds), by name: minified in a release build, where
    /// each must belong to the split point of the same name, except
    /// `pages.css`, which every split point with a stylesheet loads first.
    fn styles(&self, loader: Option<&Loader>) -> Result<Vec<(String, Written)>, String> {
        let mut styles = Vec::new();
        for (name, css) in self.surface_styles()? {
            let css = match loader {
                Some(loader) if name != PAGES && !loader.has_split(&name) => {
                    return Err(format!(
                        "style/{name}.css belongs to no split point: name it after one ({})",
                        loader.split_names().join(", ")
                    ))
                }
                Some(_) => minified_css(&self.tool("esbuild"), &css)?,
                None => css,
            };
            styles.push((
                name.clone(),
                self.write_hashed(&name, "css", css.as_bytes())?,
            ));
        }
        Ok(styles)
    }

    /// Every surface's stylesheet, `style/<name>.css` beside `main.css`, by
    /// name, in the order they apply: `pages.css` first.
    fn surface_styles(&self) -> Result<Vec<(String, String)>, String> {
        let dir = self.root.join("style");
        let mut names = Vec::new();
        for entry in std::fs::read_dir(&dir).map_err(at(&dir))? {
            let path = entry.map_err(at(&dir))?.path();
            match path.file_stem().and_then(|s| s.to_str()) {
                Some(name) if path.extension().is_some_and(|e| e == "css") && name != "main" => {
                    names.push(name.to_owned());
                }
                _ => {}
            }
        }
        // The shared stylesheet first, so that in a debug build, which links
        // them all, each surface's own rules come after it as they do in a
        // release build.
        names.sort_by_key(|name| (name != PAGES, name.clone()));
        names
            .into_iter()
            .map(|name| {
                let css = read(&dir.join(format!("{name}.css")))?;
                Ok((name, css))
            })
            .collect()
    }

    /// Loads `script` from `index.html`, with the main module fetched
    /// alongside it, `styles` linked, and `fallback` first: a classic
    /// script, without `crossorigin` or `integrity`, so that it runs where
    /// the module cannot (see fallback.js).
    fn add_to_page(
        &self,
        fallback: &Written,
        script: &Written,
        main: &Written,
        styles: &[(String, Written)],
        installable: bool,
    ) -> Result<(), String> {
        let page = self.out.join("index.html");
        let html = read(&page)?;
        let mut tags = format!(r#"<script src="{}"></script>"#, fallback.path);
        if installable {
            tags += &offline::manifest_link();
        }
        for (_, style) in styles {
            let _ = write!(
                tags,
                r#"<link rel="stylesheet" href="{}" crossorigin integrity="{}">"#,
                style.path, style.integrity
            );
        }
        // Browsers do not check integrity on a preload; the script's fetch of
        // the same file does.
        let _ = write!(
            tags,
            r#"<link rel="preload" as="fetch" type="application/wasm" href="{}" crossorigin>"#,
            main.path
        );
        let _ = write!(
            tags,
            // async: it runs as soon as it arrives, not after the stylesheet,
            // so that a deep link's code is fetched alongside the main module.
            r#"<script type="module" async src="{}" integrity="{}"></script>"#,
            script.path, script.integrity
        );
        let html = replace_once(
            &without_trunk_rust(&html)?,
            "</head>",
            &format!("{tags}</head>"),
        )?;
        write(&page, html)
    }

    /// A build tool: from the npm packages the Makefile installs, or on the
    /// PATH.
    fn tool(&self, name: &str) -> PathBuf {
        let local = self.root.join("tests/e2e/node_modules/.bin").join(name);
        if local.exists() {
            local
        } else {
            PathBuf::from(name)
        }
    }
}

/// The classic script `js`, minified by esbuild.
fn minified_js(esbuild: &Path, js: &str) -> Result<String, String> {
    output(
        Command::new(esbuild).args(["--minify", "--loader=js", "--log-level=warning"]),
        js,
    )
}

/// The stylesheet `css`, minified by esbuild.
fn minified_css(esbuild: &Path, css: &str) -> Result<String, String> {
    output(
        Command::new(esbuild).args(["--minify", "--loader=css", "--log-level=warning"]),
        css,
    )
}

/// `html` without the `<link data-trunk rel="rust" data-trunk-skip>` that
/// keeps Trunk from building the app itself.
fn without_trunk_rust(html: &str) -> Result<String, String> {
    let at = html
        .find("data-trunk-skip")
        .ok_or("index.html has no <link data-trunk rel=\"rust\" data-trunk-skip>")?;
    let start = html[..at].rfind('<').ok_or("index.html is not HTML")?;
    let end = at + html[at..].find('>').ok_or("index.html is not HTML")? + 1;
    Ok(format!("{}{}", &html[..start], &html[end..]))
}

/// The stylesheet every page shares (see `styles`).
const PAGES: &str = "pages";

/// The start script with the build's files filled in: each file by its
/// name and integrity hash, from which the script derives its path.
fn boot_script(
    files: &[(String, Written)],
    styles: &[(String, Written)],
    loader: Option<&Loader>,
    register: Option<&Written>,
) -> Result<String, String> {
    let table = |files: &[(String, Written)]| {
        files
            .iter()
            .map(|(name, file)| (name.clone(), serde_json::json!(file.integrity)))
            .collect::<serde_json::Map<_, _>>()
    };
    // A debug build links its stylesheets in the page instead.
    let styles = if loader.is_some() {
        table(styles)
    } else {
        Default::default()
    };
    let mut build = serde_json::json!({
        "main": files[0].0,
        "files": table(files),
        "styles": styles,
        "splits": loader.map_or_else(|| serde_json::json!({}), Loader::splits),
    });
    if let Some(register) = register {
        build["offline"] = serde_json::json!(register.path);
    }
    replace_once(BOOT, "/* BUILD */ {}", &build.to_string())
}

/// The folders cargo unpacks registry crates into
/// (`$CARGO_HOME/registry/src/<registry>`).
fn registry_sources() -> Vec<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    let Some(sources) = home.map(|home| home.join("registry/src")) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&sources)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// `text` with its one `from` replaced by `to`; an error if `from` is not
/// there exactly once, which means a tool's output changed shape.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!(
            "expected {from:?} once in a generated file, found it {n} times"
        )),
    }
}

/// `text` with every `from` replaced by `to`; an error if there is none.
fn replace_all(text: &str, from: &str, to: &str) -> Result<String, String> {
    if text.contains(from) {
        Ok(text.replace(from, to))
    } else {
        Err(format!("expected {from:?} in a generated file"))
    }
}

/// The first 16 hex digits of a digest: enough to tell builds apart.
fn short(digest: &[u8]) -> String {
    digest[..8].iter().fold(String::new(), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

/// Turns an I/O error at `path` into plain words that name the file.
/// `modules` with the split points' shared chunks merged into fewer files
/// (see `merge.rs`), which `loader` then loads.
fn merge_shared(
    modules: Vec<(String, PathBuf)>,
    loader: &mut Loader,
    dir: &Path,
) -> Result<Vec<(String, PathBuf)>, String> {
    let shared = loader.shared();
    let size = |name: &str| {
        modules
            .iter()
            .find(|(module, _)| module == name)
            .and_then(|(_, path)| std::fs::metadata(path).ok())
            .map_or(0, |file| file.len())
    };
    let groups: BTreeMap<String, Vec<String>> = merge::groups(&shared, size)
        .into_iter()
        .enumerate()
        .map(|(n, chunks)| (format!("shared_{}", n + 1), chunks))
        .collect();
    std::fs::create_dir_all(dir).map_err(at(dir))?;
    let (chunks, mut kept): (Vec<_>, Vec<_>) = modules
        .into_iter()
        .partition(|(name, _)| shared.contains_key(name));
    for (group, members) in &groups {
        let wasm = members
            .iter()
            .map(|member| {
                let (_, path) = chunks
                    .iter()
                    .find(|(name, _)| name == member)
                    .ok_or_else(|| format!("the chunk {member} was not built"))?;
                read_bytes(path)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let path = dir.join(format!("{group}.wasm"));
        write(&path, merge::merge(&wasm)?)?;
        kept.push((group.clone(), path));
    }
    loader.regroup(&groups);
    Ok(kept)
}

/// What `dir` holds, by file name.
fn entries(dir: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(at(dir))? {
        let path = entry.map_err(at(dir))?.path();
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .ok_or_else(|| format!("{}: not a file name", path.display()))?;
        entries.push((name.to_owned(), path));
    }
    Ok(entries)
}

fn at(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |error| format!("{}: {error}", path.display())
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, contents).map_err(at(path))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(at(path))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(at(path))
}

/// Runs `command`, naming it when it fails.
fn run(command: &mut Command) -> Result<(), String> {
    let status = command.status().map_err(|e| {
        format!(
            "{}: {e} (run `make tools`)",
            command.get_program().to_string_lossy()
        )
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} failed ({status})",
            command.get_program().to_string_lossy()
        ))
    }
}

/// Runs `command` with `input` on its standard input; returns its output.
fn output(command: &mut Command, input: &str) -> Result<String, String> {
    use std::io::Write as _;
    use std::process::Stdio;
    let name = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{name}: {e} (run `make tools`)"))?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(input.as_bytes())
        .map_err(|e| format!("{name}: {e}"))?;
    let done = child
        .wait_with_output()
        .map_err(|e| format!("{name}: {e}"))?;
    if !done.status.success() {
        return Err(format!("{name} failed ({})", done.status));
    }
    String::from_utf8(done.stdout).map_err(|e| format!("{name}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(path: &str) -> Written {
        Written {
            path: path.to_owned(),
            integrity: format!("sha256-{path}"),
        }
    }

    #[test]
    fn a_debug_build_starts_with_no_split_points_and_links_its_styles() {
        let files = [("rungs".to_owned(), written("./rungs-1.wasm"))];
        let styles = [("plan".to_owned(), written("./plan-2.css"))];
        let boot = boot_script(&files, &styles, None, None).unwrap();
        assert!(boot.contains(r#""splits":{}"#), "{boot}");
        assert!(boot.contains(r#""styles":{}"#), "{boot}");
        assert!(boot.contains(r#""main":"rungs""#), "{boot}");
        // Nor a service worker, which would keep serving an old build.
        assert!(!boot.contains(r#""offline":"#), "{boot}");
        assert!(
            boot.contains(r#""rungs":"sha256-./rungs-1.wasm""#),
            "{boot}"
        );
        assert!(!boot.contains("/* BUILD */"));
    }

    #[test]
    fn removes_only_the_link_that_keeps_trunk_from_building_rust() {
        let html = r#"<head><link rel=icon href=a.svg><link data-trunk data-trunk-id=2 data-trunk-skip rel=rust></head>"#;
        assert_eq!(
            without_trunk_rust(html).unwrap(),
            "<head><link rel=icon href=a.svg></head>"
        );
        assert!(without_trunk_rust("<head></head>").is_err());
    }

    #[test]
    fn replaces_exactly_once_or_says_the_output_changed_shape() {
        assert_eq!(replace_once("a-b-c", "b", "x").unwrap(), "a-x-c");
        assert!(replace_once("a-b-b", "b", "x").is_err());
        assert!(replace_once("a", "b", "x").is_err());
        assert_eq!(replace_all("b-b", "b", "x").unwrap(), "x-x");
        assert!(replace_all("a", "b", "x").is_err());
    }
}

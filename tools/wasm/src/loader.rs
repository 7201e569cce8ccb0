//! The script `wasm-split-cli` writes to load the split modules: which files
//! each split point needs, and the same script written again to fetch them
//! through the start script (which may have fetched them already, for a deep
//! link), once shared chunks are merged (see `merge.rs`).
//!
//! The splitter is pinned (see the Makefile), and reading its script checks
//! that it has the shape expected, so that a new version fails the build
//! instead of loading nothing.

use std::collections::{BTreeMap, BTreeSet};

/// The loader script, read.
pub struct Loader {
    /// The script up to its first module: the functions that load one.
    preamble: String,
    /// Every split point, with the files it needs.
    splits: BTreeMap<String, Split>,
}

/// The files one split point needs.
struct Split {
    /// Modules shared with other split points, loaded first.
    shared: Vec<String>,
    /// Its own module; none when the split point holds no code of its own.
    own: Option<String>,
}

const EXPORT: &str = "export const __wasm_split_load_";
const CHUNK: &str = "const __chunk_";
const MAIN_IMPORT: &str = r#"import { initSync } from "./rungs.js";"#;
const INSTANTIATE: &str = "WebAssembly.instantiateStreaming(src, imports)";
/// What the preamble must define for the modules written after it.
const PREAMBLE_NEEDS: &[&str] = &[MAIN_IMPORT, "function makeLoad(", "function wrapAsyncCb("];

impl Loader {
    pub fn parse(text: &str) -> Result<Loader, String> {
        let first = [CHUNK, EXPORT, "/* "]
            .iter()
            .filter_map(|start| text.find(&format!("\n{start}")))
            .min()
            .ok_or("the splitter's loader names no split point: is the `split` feature on?")?;
        let (preamble, modules) = text.split_at(first + 1);
        if let Some(missing) = PREAMBLE_NEEDS
            .iter()
            .find(|&&needed| !preamble.contains(needed))
        {
            return Err(format!(
                "the splitter's loader has no {missing:?}: its shape changed"
            ));
        }
        let mut splits = BTreeMap::new();
        for statement in modules.split(EXPORT).skip(1) {
            let (name, rest) = statement
                .split_once(" = ")
                .ok_or("a split point's loader has no name")?;
            // Its own module, then the chunks it depends on, in
            // `[__chunk_1, …]`.
            let own = wasm_files(rest);
            let deps = rest.rfind('[').map_or("", |at| &rest[at..]);
            let shared = deps
                .split("__chunk_")
                .skip(1)
                .map(|n| {
                    format!(
                        "chunk_{}",
                        n.split(|c: char| !c.is_ascii_digit())
                            .next()
                            .unwrap_or_default()
                    )
                })
                .collect();
            let own = match own.as_slice() {
                [] => None,
                [own] => Some(own.clone()),
                _ => {
                    return Err(format!(
                        "the split point {name} loads {} modules of its own",
                        own.len()
                    ))
                }
            };
            splits.insert(name.to_owned(), Split { shared, own });
        }
        if splits.is_empty() {
            return Err(
                "the splitter's loader names no split point: is the `split` feature on?".into(),
            );
        }
        let loader = Loader {
            preamble: preamble.to_owned(),
            splits,
        };
        // Every module it fetches is one this has read, each fetched once,
        // and it exports nothing but the split points' loaders.
        let fetched = wasm_files(modules);
        if modules.matches("export ").count() != loader.splits.len() {
            return Err(
                "the splitter's loader exports more than its split points: its shape changed"
                    .into(),
            );
        }
        let instantiated = modules.matches(INSTANTIATE).count();
        let files = loader.files();
        if fetched.len() != files.len()
            || instantiated != files.len()
            || fetched.iter().any(|f| !files.contains(f))
        {
            return Err(format!(
                "the splitter's loader fetches {} modules and instantiates {instantiated}, of {} read: its shape changed",
                fetched.len(),
                files.len()
            ));
        }
        Ok(loader)
    }

    /// Every split point by name, with the files it needs in the order it
    /// loads them: shared ones first, then its own module.
    pub fn splits(&self) -> serde_json::Value {
        let splits: BTreeMap<&str, Vec<&String>> = self
            .splits
            .iter()
            .map(|(name, split)| {
                (
                    name.as_str(),
                    split.shared.iter().chain(&split.own).collect(),
                )
            })
            .collect();
        serde_json::json!(splits)
    }

    /// Whether there is a split point called `name`.
    pub fn has_split(&self, name: &str) -> bool {
        self.splits.contains_key(name)
    }

    /// The names of the split points.
    pub fn split_names(&self) -> Vec<&str> {
        self.splits.keys().map(String::as_str).collect()
    }

    /// Every split module and shared file, by name, each once.
    pub fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = self
            .splits
            .values()
            .flat_map(|split| split.shared.iter().chain(&split.own))
            .cloned()
            .collect();
        files.sort();
        files.dedup();
        files
    }

    /// Every shared file, with the split points that need it.
    pub fn shared(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut shared: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (name, split) in &self.splits {
            for file in &split.shared {
                shared.entry(file.clone()).or_default().insert(name.clone());
            }
        }
        shared
    }

    /// Loads the shared files in `groups` as one each, named by the key:
    /// a split point that needed any file of a group now loads the group.
    pub fn regroup(&mut self, groups: &BTreeMap<String, Vec<String>>) {
        for split in self.splits.values_mut() {
            split.shared = groups
                .iter()
                .filter(|(_, files)| files.iter().any(|file| split.shared.contains(file)))
                .map(|(group, _)| group.clone())
                .collect();
        }
    }

    /// The loader, importing the main script from `glue` and fetching every
    /// module through the start script at `boot`.
    pub fn patched(&self, glue: &str, boot: &str) -> Result<String, String> {
        let mut text = super::replace_once(
            &self.preamble,
            MAIN_IMPORT,
            &format!("import {{ initSync }} from \"{glue}\";\nimport {{ chunk }} from \"{boot}\";"),
        )?;
        let shared: BTreeSet<&String> = self.splits.values().flat_map(|s| &s.shared).collect();
        let variable = |file: &str| {
            format!(
                "__shared_{}",
                file.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
            )
        };
        for file in shared {
            text += &format!(
                "const {} = makeLoad({}, []);\n",
                variable(file),
                load(Some(file))
            );
        }
        for (name, split) in &self.splits {
            let deps: Vec<String> = split.shared.iter().map(|file| variable(file)).collect();
            text += &format!(
                "{EXPORT}{name} = wrapAsyncCb(makeLoad({}, [{}]));\n",
                load(split.own.as_deref()),
                deps.join(", ")
            );
        }
        Ok(text)
    }
}

/// The function that starts fetching `file` (through the start script's
/// `chunk`) and returns the function that instantiates it: a function that
/// instantiates nothing for no file.
fn load(file: Option<&str>) -> String {
    match file {
        Some(file) => format!(
            "() => {{ const src = chunk(\"{file}\"); src.catch(() => {{}}); \
             return async (imports) => WebAssembly.instantiate(await src, imports); }}"
        ),
        None => "() => async () => ({})".to_owned(),
    }
}

/// The modules `text` fetches, by name: `"./chunk_3.wasm"` is `chunk_3`.
fn wasm_files(text: &str) -> Vec<String> {
    text.split("\"./")
        .skip(1)
        .filter_map(|rest| rest.split_once(".wasm\"").map(|(name, _)| name))
        .filter(|name| name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape wasm-split-cli 0.2.4 writes, cut down.
    const SAMPLE: &str = r#"import { initSync } from "./rungs.js";

let sharedImports = undefined;
function wrapAsyncCb(callee) {}
function makeLoad(fetcher, deps) {}
/* assess, cards */
const __chunk_4 = makeLoad(() => {
    const src = fetch(new URL("./chunk_4.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* cards, plan */
const __chunk_12 = makeLoad(() => {
    const src = fetch(new URL("./chunk_12.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_plan = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_plan.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_12]));
export const __wasm_split_load_empty = wrapAsyncCb(makeLoad(() => async (_imp) => ({}), []));
export const __wasm_split_load_cards = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_cards.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_4, __chunk_12]));
"#;

    #[test]
    fn reads_the_files_each_split_point_needs() {
        let loader = Loader::parse(SAMPLE).unwrap();
        assert_eq!(
            loader.splits(),
            serde_json::json!({
                "cards": ["chunk_4", "chunk_12", "split_cards"],
                "empty": [],
                "plan": ["chunk_12", "split_plan"],
            })
        );
        assert_eq!(
            loader.files(),
            ["chunk_12", "chunk_4", "split_cards", "split_plan"]
        );
        assert_eq!(
            serde_json::json!(loader.shared()),
            serde_json::json!({"chunk_12": ["cards", "plan"], "chunk_4": ["cards"]})
        );
    }

    #[test]
    fn fetches_every_module_through_the_start_script() {
        let patched = Loader::parse(SAMPLE)
            .unwrap()
            .patched("./rungs-ab.js", "./boot-ab.js")
            .unwrap();
        assert!(patched.starts_with(
            "import { initSync } from \"./rungs-ab.js\";\nimport { chunk } from \"./boot-ab.js\";\n"
        ));
        assert!(patched.contains("function makeLoad("), "{patched}");
        assert!(!patched.contains("fetch("), "{patched}");
        assert!(!patched.contains("instantiateStreaming"), "{patched}");
        for name in ["chunk_4", "chunk_12", "split_plan", "split_cards"] {
            assert_eq!(
                patched.matches(&format!("chunk(\"{name}\")")).count(),
                1,
                "{name}"
            );
        }
        for name in ["plan", "empty", "cards"] {
            assert_eq!(
                patched.matches(&format!("{EXPORT}{name} =")).count(),
                1,
                "{name}"
            );
        }
        assert!(
            patched.contains("makeLoad(() => async () => ({}), [])"),
            "{patched}"
        );
        assert!(
            patched.contains("[__shared_chunk_4, __shared_chunk_12]"),
            "{patched}"
        );
    }

    #[test]
    fn merged_files_load_for_every_split_point_that_needed_a_part() {
        let mut loader = Loader::parse(SAMPLE).unwrap();
        let groups = BTreeMap::from([(
            "shared_1".to_owned(),
            vec!["chunk_12".to_owned(), "chunk_4".to_owned()],
        )]);
        loader.regroup(&groups);
        assert_eq!(
            loader.splits(),
            serde_json::json!({
                "cards": ["shared_1", "split_cards"],
                "empty": [],
                "plan": ["shared_1", "split_plan"],
            })
        );
        let patched = loader.patched("./a.js", "./b.js").unwrap();
        assert_eq!(
            patched.matches("chunk(\"shared_1\")").count(),
            1,
            "{patched}"
        );
        assert!(!patched.contains("chunk_4"), "{patched}");
    }

    #[test]
    fn a_loader_of_another_shape_fails_the_build() {
        assert!(Loader::parse("export default 1;").is_err());
        let renamed = SAMPLE.replace("./rungs.js", "./main.js");
        assert!(Loader::parse(&renamed).is_err());
        let streaming_elsewhere =
            SAMPLE.replacen("instantiateStreaming(src, imports)", "instantiate(src)", 1);
        assert!(Loader::parse(&streaming_elsewhere).is_err());
        let more_exports = format!("{SAMPLE}export const other = 1;\n");
        assert!(Loader::parse(&more_exports).is_err());
    }
}

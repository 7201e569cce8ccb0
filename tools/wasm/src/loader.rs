//! The script `wasm-split-cli` writes to load the split modules: which files
//! each split point needs, and the changes that make it fetch them through
//! the start script (which may have fetched them already, for a deep link).
//!
//! The splitter is pinned (see the Makefile), and every change here checks
//! that the script has the shape it expects, so that a new version fails the
//! build instead of loading nothing.

use std::collections::BTreeMap;

/// The loader script, read.
pub struct Loader {
    text: String,
    /// Every split point, with the files it needs: shared chunks first, then
    /// its own module.
    splits: BTreeMap<String, Vec<String>>,
}

const EXPORT: &str = "export const __wasm_split_load_";
const MAIN_IMPORT: &str = r#"import { initSync } from "./rungs.js";"#;
const INSTANTIATE: &str = "WebAssembly.instantiateStreaming(src, imports)";

impl Loader {
    pub fn parse(text: &str) -> Result<Loader, String> {
        let mut splits = BTreeMap::new();
        for statement in text.split(EXPORT).skip(1) {
            let (name, rest) = statement
                .split_once(" = ")
                .ok_or("a split point's loader has no name")?;
            // Its own module (none when the split point holds no code of its
            // own), after the chunks it depends on, in `[__chunk_1, …]`.
            let own = wasm_files(rest);
            let deps = rest.rfind('[').map_or("", |at| &rest[at..]);
            let mut files: Vec<String> = deps
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
            files.extend(own);
            splits.insert(name.to_owned(), files);
        }
        if splits.is_empty() {
            return Err(
                "the splitter's loader names no split point: is the `split` feature on?".into(),
            );
        }
        Ok(Loader {
            text: text.to_owned(),
            splits,
        })
    }

    /// Every split point by name, with the files it needs.
    pub fn splits(&self) -> serde_json::Value {
        serde_json::json!(self.splits)
    }

    /// Whether there is a split point called `name`.
    pub fn has_split(&self, name: &str) -> bool {
        self.splits.contains_key(name)
    }

    /// The names of the split points.
    pub fn split_names(&self) -> Vec<&str> {
        self.splits.keys().map(String::as_str).collect()
    }

    /// Every split module and chunk file, by name, each once.
    pub fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = self.splits.values().flatten().cloned().collect();
        files.sort();
        files.dedup();
        files
    }

    /// The loader, importing the main script from `glue` and fetching every
    /// module through the start script at `boot`.
    pub fn patched(&self, glue: &str, boot: &str) -> Result<String, String> {
        let text = super::replace_once(
            &self.text,
            MAIN_IMPORT,
            &format!("import {{ initSync }} from \"{glue}\";\nimport {{ chunk }} from \"{boot}\";"),
        )?;
        let files = wasm_files(&text);
        let instantiations = text.matches(INSTANTIATE).count();
        if files.is_empty() || instantiations != files.len() {
            return Err(format!(
                "the splitter's loader fetches {} modules and instantiates {instantiations}: its shape changed",
                files.len()
            ));
        }
        let mut text = text.replace(INSTANTIATE, "WebAssembly.instantiate(await src, imports)");
        for name in files {
            text = super::replace_once(
                &text,
                &format!(r#"fetch(new URL("./{name}.wasm", import.meta.url))"#),
                &format!(r#"chunk("{name}")"#),
            )?;
        }
        Ok(text)
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
        assert!(!patched.contains("fetch("), "{patched}");
        assert!(!patched.contains("instantiateStreaming"), "{patched}");
        for name in ["chunk_4", "chunk_12", "split_plan", "split_cards"] {
            assert_eq!(
                patched.matches(&format!("chunk(\"{name}\")")).count(),
                1,
                "{name}"
            );
        }
        assert_eq!(
            patched
                .matches("WebAssembly.instantiate(await src, imports)")
                .count(),
            4
        );
    }

    #[test]
    fn a_loader_of_another_shape_fails_the_build() {
        assert!(Loader::parse("export default 1;").is_err());
        let renamed = SAMPLE.replace("./rungs.js", "./main.js");
        assert!(Loader::parse(&renamed).unwrap().patched("a", "b").is_err());
        let streaming_elsewhere =
            SAMPLE.replacen("instantiateStreaming(src, imports)", "instantiate(src)", 1);
        assert!(Loader::parse(&streaming_elsewhere)
            .unwrap()
            .patched("a", "b")
            .is_err());
    }
}

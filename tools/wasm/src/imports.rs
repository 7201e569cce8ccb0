//! Short names for what the main module imports from its script.
//!
//! wasm-bindgen names each JavaScript function the app calls after its Rust
//! path and a hash (`__wbg_setAttribute_f20d3b966749ab64`), and each name
//! stands twice in the first load: in the module's imports and in the script
//! that provides them. Hashes do not compress, so about 150 of them cost
//! kilobytes. This gives each a short name (`a`, `b`, … `aa`) in both.
//!
//! Only imports from the script wasm-bindgen wrote are renamed; those from
//! the split loader keep the names the loader exports.

use wasm_encoder::{EntityType, ImportSection, Module, RawSection};
use wasmparser::{Parser, Payload};

/// The module wasm-bindgen's imports come from.
const BINDGEN: &str = "./rungs_bg.js";

/// `wasm` and its script `glue` with every wasm-bindgen import renamed.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let error = |e: wasmparser::BinaryReaderError| format!("the main module: {e}");
    let mut module = Module::new();
    let mut glue = glue.to_owned();
    let mut renamed = 0;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(error)?;
        if let Payload::ImportSection(reader) = &payload {
            let mut imports = ImportSection::new();
            for import in reader.clone().into_imports() {
                let import = import.map_err(error)?;
                let ty = EntityType::try_from(import.ty)
                    .map_err(|e| format!("the main module's imports: {e:?}"))?;
                if import.module == BINDGEN {
                    let short = short_name(renamed);
                    renamed += 1;
                    glue = rename_key(&glue, import.name, &short)?;
                    imports.import(import.module, &short, ty);
                } else {
                    imports.import(import.module, import.name, ty);
                }
            }
            module.section(&imports);
        } else if let Some((id, range)) = payload.as_section() {
            module.section(&RawSection {
                id,
                data: &wasm[range.start as usize..range.end as usize],
            });
        }
    }
    if renamed == 0 {
        return Err(format!("the main module imports nothing from {BINDGEN}"));
    }
    Ok((module.finish(), glue))
}

/// The `n`th short name: `a` … `z`, `A` … `Z`, then `aa`, `ab`, ….
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

/// `glue` with the object key `name:` renamed to `short:`: the key must
/// stand there exactly once, as wasm-bindgen writes its imports.
fn rename_key(glue: &str, name: &str, short: &str) -> Result<String, String> {
    let key = format!("{name}:");
    let found: Vec<usize> =
        glue.match_indices(&key)
            .map(|(at, _)| at)
            .filter(|&at| {
                glue[..at].chars().next_back().is_none_or(|c| {
                    !(c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '.')
                })
            })
            .collect();
    match found[..] {
        [at] => Ok(format!(
            "{}{short}:{}",
            &glue[..at],
            &glue[at + key.len()..]
        )),
        _ => Err(format!(
            "the script binding the main module names its import {name} {} times, not once",
            found.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_unique_and_short() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[51], "Z");
        assert_eq!(names[52], "aa");
        assert_eq!(names[53], "ab");
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names.iter().all(|n| n.len() <= 3));
    }

    #[test]
    fn renames_an_import_key_only() {
        let glue =
            "const import0 = { __wbg_a_1: function() { return x.__wbg_a_1; }, __wbg_ab_2: f };";
        assert_eq!(
            rename_key(glue, "__wbg_a_1", "q").unwrap(),
            "const import0 = { q: function() { return x.__wbg_a_1; }, __wbg_ab_2: f };"
        );
        assert!(rename_key(glue, "__wbg_missing", "q").is_err());
        assert!(rename_key("{ a_b: 1, a_b: 2 }", "a_b", "q").is_err());
    }

    #[test]
    fn renames_every_import_from_the_bindings_in_module_and_script() {
        let mut imports = ImportSection::new();
        imports.import(
            BINDGEN,
            "__wbg_now_0123456789abcdef",
            EntityType::Function(0),
        );
        imports.import(
            "./__wasm_split.js",
            "__wasm_split_load_plan",
            EntityType::Function(0),
        );
        imports.import(
            BINDGEN,
            "__wbg_mark_fedcba9876543210",
            EntityType::Function(0),
        );
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        let mut module = Module::new();
        module.section(&types).section(&imports);
        let wasm = module.finish();
        let glue = "{ __wbg_now_0123456789abcdef: () => 1, __wbg_mark_fedcba9876543210: () => 2 }";

        let (wasm, glue) = shorten(&wasm, glue).unwrap();
        assert_eq!(glue, "{ a: () => 1, b: () => 2 }");
        let names: Vec<(String, String)> = Parser::new(0)
            .parse_all(&wasm)
            .filter_map(|payload| match payload.unwrap() {
                Payload::ImportSection(reader) => Some(reader),
                _ => None,
            })
            .flat_map(|reader| reader.into_imports())
            .map(|import| {
                let import = import.unwrap();
                (import.module.to_owned(), import.name.to_owned())
            })
            .collect();
        assert_eq!(
            names,
            [
                (BINDGEN.to_owned(), "a".to_owned()),
                (
                    "./__wasm_split.js".to_owned(),
                    "__wasm_split_load_plan".to_owned()
                ),
                (BINDGEN.to_owned(), "b".to_owned()),
            ]
        );
    }
}

//! Trunk runs this after every build (see `Trunk.toml`): it checks the
//! built-in content in `src/content/` (the rubric, the glossary and the
//! conversations) and writes it as compact JSON into the build, where the
//! app fetches it when a page first needs it, beside an empty
//! `rungs.config.json`. Keeping the content out of the wasm keeps the first
//! load small, and the app parses it with the serde_json it links anyway.
//!
//! Usage: `rungs-content [OUT_DIR]`; without an argument it writes into
//! `$TRUNK_STAGING_DIR`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::de::DeserializeOwned;
use serde::Serialize;

use rungs::core::config::CONFIG_FILE;
use rungs::core::glossary::{Glossary, GLOSSARY_FILE};
use rungs::core::rubric::{Rubric, RUBRIC_FILE};
use rungs::core::talk::{Talk, TALK_FILE};

/// Every area of the built-in rubric has at least this many criteria at
/// every level.
const CRITERIA_PER_LEVEL: usize = 3;

fn main() -> ExitCode {
    let out = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from);
    let Some(out) = out else {
        eprintln!("rungs-content: name the output folder, or run it from a Trunk hook");
        return ExitCode::FAILURE;
    };
    let written = write::<Rubric>(&out, "rubric.toml", RUBRIC_FILE, |rubric| {
        rubric.problems(CRITERIA_PER_LEVEL)
    })
    .and_then(|()| write::<Glossary>(&out, "glossary.toml", GLOSSARY_FILE, Glossary::problems))
    .and_then(|()| write::<Talk>(&out, "talk.toml", TALK_FILE, Talk::problems))
    .and_then(|()| {
        // The empty configuration: the built-in rubric, no organisation's
        // name. A site that hosts Rungs replaces it (see the README).
        let target = out.join(CONFIG_FILE);
        std::fs::write(&target, "{}\n")
            .map_err(|e| format!("cannot write {}: {e}", target.display()))
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("rungs-content: {problem}");
            ExitCode::FAILURE
        }
    }
}

/// Reads `src/content/{source}`, checks it with `problems` and writes it as
/// compact JSON to `out/{file}`.
fn write<T: DeserializeOwned + Serialize>(
    out: &Path,
    source: &str,
    file: &str,
    problems: impl Fn(&T) -> Vec<String>,
) -> Result<(), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../src/content")
        .join(source);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let content: T = toml::from_str(&text).map_err(|e| format!("{source}: {e}"))?;
    let problems = problems(&content);
    if !problems.is_empty() {
        return Err(format!(
            "{source} is not valid:\n- {}",
            problems.join("\n- ")
        ));
    }
    let json = serde_json::to_string(&content).map_err(|e| e.to_string())?;
    let target = out.join(file);
    std::fs::write(&target, json).map_err(|e| format!("cannot write {}: {e}", target.display()))
}

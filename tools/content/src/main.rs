//! Trunk runs this after every build (see `Trunk.toml`): it checks the
//! built-in content in `src/content/` and writes it as compact JSON into the
//! build, where the app fetches it when a page first needs it. Keeping the
//! content out of the wasm keeps the first load small, and the app parses
//! it with the serde_json it links anyway.
//!
//! Usage: `rungs-content [OUT_DIR]`; without an argument it writes into
//! `$TRUNK_STAGING_DIR`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rungs::core::rubric::{Rubric, RUBRIC_FILE};

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
    match write_rubric(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("rungs-content: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn write_rubric(out: &Path) -> Result<(), String> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src/content/rubric.toml");
    let text = std::fs::read_to_string(&source)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let rubric: Rubric = toml::from_str(&text).map_err(|e| format!("rubric.toml: {e}"))?;
    let problems = rubric.problems(CRITERIA_PER_LEVEL);
    if !problems.is_empty() {
        return Err(format!(
            "rubric.toml is not valid:\n- {}",
            problems.join("\n- ")
        ));
    }
    let json = serde_json::to_string(&rubric).map_err(|e| e.to_string())?;
    let target = out.join(RUBRIC_FILE);
    std::fs::write(&target, json).map_err(|e| format!("cannot write {}: {e}", target.display()))
}

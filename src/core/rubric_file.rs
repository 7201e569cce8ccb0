//! Rungs' own rubric file: a leveling guide as JSON, versioned, that
//! exports and imports without loss. `docs/rubric-format.md` describes it
//! for people and `docs/rubric.schema.json` for tools.
//!
//! ```json
//! {"format": "rungs-rubric", "version": 1, "id": "acme", "name": "Acme ladder",
//!  "levels": [{"id": "l1", "name": "Engineer"}, {"id": "l2", "name": "Senior"}],
//!  "areas": [{"id": "craft", "name": "Craft", "criteria": [
//!    {"id": "craft-1", "level": "l1", "text": "Writes tested code."}]}]}
//! ```
//!
//! A file gives either `tracks`, each with its `areas`, or `areas` alone for
//! a ladder with one track. Importing checks everything before anything is
//! used, and says what is wrong in plain words with the line it is on.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::rubric::{Area, Level, Rubric, Track};
use super::transfer::{check_depth, MAX_FILE_BYTES};
use super::{first_letter, Case};

/// What `"format"` says in every rubric file.
pub const FORMAT: &str = "rungs-rubric";
/// The version of the format this build writes and reads.
pub const VERSION: u32 = 1;

/// One thing wrong with a file, and the line it is on when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    fn new(line: Option<usize>, message: impl Into<String>) -> Problem {
        Problem {
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "Line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// `rubric` as a rubric file, indented for people to read.
pub fn export(rubric: &Rubric) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        format: &'static str,
        version: u32,
        #[serde(flatten)]
        rubric: &'a Rubric,
    }
    let file = File {
        format: FORMAT,
        version: VERSION,
        rubric,
    };
    serde_json::to_string_pretty(&file).expect("a rubric always serialises") + "\n"
}

/// Only what says what the file is, read first so that a file of another
/// kind is named as such rather than by its first unknown field.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

/// The file as written: tracks, or areas for a ladder with one track.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "format")]
    _format: String,
    #[serde(rename = "version")]
    _version: u32,
    id: String,
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    licence: String,
    #[serde(default)]
    cumulative: bool,
    levels: Vec<Level>,
    #[serde(default)]
    tracks: Vec<Track>,
    #[serde(default)]
    areas: Vec<Area>,
}

/// Reads a rubric file. Every problem is listed, each with its line where
/// it has one; nothing is returned unless the whole file is usable.
pub fn import(text: &str) -> Result<Rubric, Vec<Problem>> {
    let fail = |line, message: &str| Err(vec![Problem::new(line, message)]);
    let text = opened(text)?;
    if let Err(error) = check_depth(text) {
        return fail(None, &error.to_string());
    }
    let header: Header = match serde_json::from_str(text) {
        Ok(header) => header,
        Err(error) => return fail(Some(error.line()), &json_problem(&error)),
    };
    match (header.format.as_deref(), header.version) {
        (Some(FORMAT), Some(version)) if version > VERSION => {
            return fail(
                None,
                &format!("A newer Rungs made this rubric file (version {version}; this one reads up to {VERSION}). Import it with the newest Rungs."),
            );
        }
        (Some(FORMAT), Some(_)) => {}
        (Some(FORMAT), None) => return fail(
            None,
            "This rubric file does not say which version of the format it is in (\"version\": 1).",
        ),
        _ => return fail(
            None,
            "This is not a Rungs rubric file: it does not start with \"format\": \"rungs-rubric\".",
        ),
    }
    let file: File = match serde_json::from_str(text) {
        Ok(file) => file,
        Err(error) => return fail(Some(error.line()), &json_problem(&error)),
    };
    let tracks = match (file.tracks.is_empty(), file.areas.is_empty()) {
        (false, false) => {
            return fail(
                None,
                "A rubric lists either tracks, each with its areas, or areas alone, not both.",
            )
        }
        (true, false) => vec![Track {
            id: "main".to_owned(),
            name: file.name.clone(),
            summary: String::new(),
            areas: file.areas,
        }],
        _ => file.tracks,
    };
    let rubric = Rubric {
        id: file.id,
        name: file.name,
        description: file.description,
        source: file.source,
        licence: file.licence,
        cumulative: file.cumulative,
        levels: file.levels,
        tracks,
    };
    let mut problems = Vec::new();
    if rubric.id.trim().is_empty() || rubric.name.trim().is_empty() {
        problems.push(Problem::new(None, "The rubric needs an id and a name."));
    }
    checked(rubric, problems, |id, last| line_of(text, id, last))
}

/// The text of a file to import, without a byte order mark; refused when
/// it is too large to be a leveling guide, or empty. Shared by every
/// importer.
pub(crate) fn opened(text: &str) -> Result<&str, Vec<Problem>> {
    let refuse = |message: &str| Err(vec![Problem::new(None, message)]);
    if text.len() as u64 > MAX_FILE_BYTES {
        return refuse("This file is over 10 MB: no leveling guide is that long.");
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return refuse("This file is empty.");
    }
    Ok(text)
}

/// `rubric`, when neither `problems` (found while reading it) nor the
/// rubric's own checks find anything wrong; otherwise every problem, each
/// placed with `line(id, last)`: the line of the id it is about, its last
/// line for an id that repeats. Shared by every importer.
pub(crate) fn checked(
    rubric: Rubric,
    mut problems: Vec<Problem>,
    line: impl Fn(&str, bool) -> Option<usize>,
) -> Result<Rubric, Vec<Problem>> {
    problems.extend(rubric.located_problems(0).into_iter().map(|(id, message)| {
        let at = id.and_then(|id| line(&id, message.contains("twice")));
        Problem::new(at, first_letter(&message, Case::Upper) + ".")
    }));
    let criteria: usize = (rubric.tracks.iter())
        .flat_map(|t| &t.areas)
        .map(|a| a.criteria.len())
        .sum();
    if criteria == 0 {
        problems.push(Problem::new(None, "The rubric has no criteria to grade."));
    }
    if problems.is_empty() {
        Ok(rubric)
    } else {
        Err(problems)
    }
}

/// A JSON error in plain words, without serde's position (the line is
/// given apart).
fn json_problem(error: &serde_json::Error) -> String {
    let detail = error.to_string();
    let detail = detail.split(" at line ").next().unwrap_or(&detail);
    match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("This is not valid JSON ({detail}).")
        }
        _ => format!("This does not fit the rubric format: {detail}."),
    }
}

/// The line where `id` is first written as a JSON string, or the last
/// when `last`.
fn line_of(text: &str, id: &str, last: bool) -> Option<usize> {
    let quoted = serde_json::to_string(id).ok()?;
    let at = if last {
        text.rfind(&quoted)
    } else {
        text.find(&quoted)
    }?;
    Some(text[..at].matches('\n').count() + 1)
}

//! One door for every ladder file the app imports: Rungs' own JSON, a
//! spreadsheet, Markdown, or YAML (a job family, topics in Markdown's
//! front matter, or snowflake's tracks). The file's extension chooses the importer; without one
//! that says, its first characters do. Only the chosen importer's problems
//! are told, not every other importer's.

use super::rubric::Rubric;
use super::rubric_file::Problem;
use super::rubric_yaml::Shape;
use super::{rubric_csv, rubric_file, rubric_markdown, rubric_yaml};

/// The kinds of file a ladder can come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    RungsJson,
    Csv,
    Markdown,
    YamlJobFamily,
    FrontMatter,
    Snowflake,
}

impl Format {
    /// The format's name, as people call it.
    pub fn label(self) -> &'static str {
        match self {
            Format::RungsJson => "Rungs JSON",
            Format::Csv => "CSV",
            Format::Markdown => "Markdown",
            Format::YamlJobFamily => "YAML job family",
            Format::FrontMatter => "Markdown with front matter",
            Format::Snowflake => "snowflake tracks",
        }
    }
}

/// A ladder read from a file, with the format it was in and what did not
/// come across.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub rubric: Rubric,
    pub format: Format,
    pub warnings: Vec<String>,
}

/// Which importer reads a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reader {
    Json,
    Csv,
    Markdown,
    Yaml,
}

/// The importer for `file_name`'s extension, else for what `text` starts
/// with.
fn reader(file_name: &str, text: &str) -> Reader {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default();
    let starts_front_matter =
        rubric_yaml::front_matter(text.trim_start_matches('\u{feff}')).is_some();
    match extension.as_str() {
        "json" => Reader::Json,
        "csv" | "tsv" | "txt" => Reader::Csv,
        "md" | "markdown" if starts_front_matter => Reader::Yaml,
        "md" | "markdown" => Reader::Markdown,
        "yaml" | "yml" => Reader::Yaml,
        _ => sniffed(text),
    }
}

/// The importer for a file whose name does not say: `{` is JSON, `---` or
/// a line starting with a ladder's YAML key is YAML, a heading is
/// Markdown, and anything else a spreadsheet.
fn sniffed(text: &str) -> Reader {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let starts = |key: &str| {
        text.lines()
            .any(|line| line.starts_with(key) && line[key.len()..].starts_with(':'))
    };
    if text.starts_with('{') {
        Reader::Json
    } else if text.starts_with("---")
        || ["competencies", "topics", "tracks"].into_iter().any(starts)
    {
        Reader::Yaml
    } else if text
        .lines()
        .any(|line| line.starts_with('#') && line.trim_start_matches('#').starts_with(' '))
    {
        Reader::Markdown
    } else {
        Reader::Csv
    }
}

/// The ladder's name made from its file's: without folders and extension,
/// with spaces for `-` and `_`.
fn name_of(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    stem.replace(['-', '_'], " ").trim().to_owned()
}

/// Reads the ladder in `text`, the content of the file called
/// `file_name`, with the importer its extension or content calls for.
/// The ladder is named after the file when the file names none.
pub fn import(file_name: &str, text: &str) -> Result<Imported, Vec<Problem>> {
    let name = name_of(file_name);
    let plain = |rubric: Rubric, format| Imported {
        rubric,
        format,
        warnings: Vec::new(),
    };
    match reader(file_name, text) {
        Reader::Json => rubric_file::import(text).map(|r| plain(r, Format::RungsJson)),
        Reader::Csv => rubric_csv::import(text, &name).map(|r| plain(r, Format::Csv)),
        Reader::Markdown => {
            rubric_markdown::import(text, &name).map(|r| plain(r, Format::Markdown))
        }
        Reader::Yaml => rubric_yaml::import(text, &name).map(|read| Imported {
            rubric: read.rubric,
            format: match read.shape {
                Shape::JobFamily => Format::YamlJobFamily,
                Shape::FrontMatter => Format::FrontMatter,
                Shape::Snowflake => Format::Snowflake,
            },
            warnings: read.warnings,
        }),
    }
}

//! A leveling guide kept as a spreadsheet: one row per criterion, with its
//! track, level, area and text, and optionally an id and examples.
//!
//! The importer takes what spreadsheets write: a header row or none,
//! quoted cells with commas and line breaks in them, commas, semicolons
//! (Excel in much of Europe) or tabs between cells, a byte order mark, and
//! Windows line endings. Levels, tracks and areas come in the order they
//! first appear. A row without an id gets one made from its area, level and
//! text, numbered when two rows would share one, so the same file imports
//! with the same ids every time.

use std::collections::HashMap;

use super::rubric::{Area, Criterion, Level, Rubric, Track};
use super::rubric_file::{checked, opened, Problem};
use super::{counted, first_letter, Case};

/// Which column holds what.
#[derive(Clone, Copy, Debug, Default)]
struct Columns {
    track: Option<usize>,
    level: usize,
    area: usize,
    text: usize,
    id: Option<usize>,
    examples: Option<usize>,
}

impl Columns {
    /// The columns a header row names, when it names at least a level, an
    /// area and a criterion.
    fn from_header(cells: &[String]) -> Option<Columns> {
        let find = |names: &[&str]| {
            cells.iter().position(|cell| {
                let cell = cell.trim().to_ascii_lowercase();
                names.iter().any(|name| cell == *name)
            })
        };
        Some(Columns {
            track: find(&["track", "job family", "family"]),
            level: find(&["level", "rung", "grade"])?,
            area: find(&["area", "competency", "theme", "category", "topic"])?,
            text: find(&[
                "criterion",
                "criteria",
                "text",
                "behaviour",
                "behavior",
                "description",
            ])?,
            id: find(&["id"]),
            examples: find(&["examples", "example"]),
        })
    }

    /// Without a header: level, area, criterion; or track, level, area,
    /// criterion, then id and examples when there are more cells.
    fn by_position(width: usize) -> Columns {
        if width <= 3 {
            return Columns {
                level: 0,
                area: 1,
                text: 2,
                ..Columns::default()
            };
        }
        Columns {
            track: Some(0),
            level: 1,
            area: 2,
            text: 3,
            id: (width > 4).then_some(4),
            examples: (width > 5).then_some(5),
        }
    }
}

/// The line a record starts on. The reader's own count is one short after
/// a Windows line ending, whose `\n` it counts as part of the next record,
/// so the line is counted from the record's first byte instead.
fn line_at(text: &str, position: &csv::Position) -> usize {
    let bytes = text.as_bytes();
    let mut start = usize::try_from(position.byte()).map_or(bytes.len(), |b| b.min(bytes.len()));
    while bytes.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
        start += 1;
    }
    bytes[..start].iter().filter(|b| **b == b'\n').count() + 1
}

/// The separator the first line with text uses most: a comma (also when
/// none is used more), a semicolon or a tab.
fn separator(text: &str) -> u8 {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    // Of equals, `max_by_key` takes the last: the comma.
    [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|&sep| first.bytes().filter(|&b| b == sep).count())
        .unwrap_or(b',')
}

/// `text` as an id: lowercase letters and digits, words joined by hyphens,
/// at most 40 characters; `fallback` when nothing is left.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut slug = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() >= 40 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() {
        fallback.to_owned()
    } else {
        slug
    }
}

/// Reads a spreadsheet of criteria into a rubric named `name` (the file's
/// name, say). Every problem is listed with its line; nothing is returned
/// unless the whole file is usable.
pub fn import(text: &str, name: &str) -> Result<Rubric, Vec<Problem>> {
    let fail = |message: &str| {
        Err(vec![Problem {
            line: None,
            message: message.to_owned(),
        }])
    };
    let text = opened(text)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(text))
        .from_reader(text.as_bytes());
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| line_at(text, p));
                let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
                if cells.iter().any(|c| !c.is_empty()) {
                    rows.push((line, cells));
                }
            }
            Err(error) => {
                let line = error.position().map(|p| line_at(text, p));
                return Err(vec![Problem {
                    line,
                    message: "This line cannot be read as spreadsheet cells.".to_owned(),
                }]);
            }
        }
    }
    let Some((_, first)) = rows.first() else {
        return fail("This file has no rows.");
    };
    let (columns, rows) = match Columns::from_header(first) {
        Some(columns) => (columns, &rows[1..]),
        None => (Columns::by_position(first.len()), &rows[..]),
    };
    let needed = [
        Some(columns.level),
        Some(columns.area),
        Some(columns.text),
        columns.track,
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0)
        + 1;

    let mut problems = Vec::new();
    let mut builder = Builder::default();
    for (line, cells) in rows {
        let cell = |at: Option<usize>| at.and_then(|at| cells.get(at)).map_or("", String::as_str);
        if cells.len() < needed {
            problems.push(Problem {
                line: Some(*line),
                message: format!(
                    "This row has {}; a criterion needs {needed}: its level, area and text.",
                    counted(cells.len(), "cell", "cells")
                ),
            });
            continue;
        }
        let (level, area, text) = (
            cell(Some(columns.level)),
            cell(Some(columns.area)),
            cell(Some(columns.text)),
        );
        let missing: Vec<&str> = [("level", level), ("area", area), ("criterion", text)]
            .into_iter()
            .filter(|(_, value)| value.is_empty())
            .map(|(what, _)| what)
            .collect();
        if !missing.is_empty() {
            problems.push(Problem {
                line: Some(*line),
                message: first_letter(
                    &format!("this row has no {}.", missing.join(" and no ")),
                    Case::Upper,
                ),
            });
            continue;
        }
        let examples = cell(columns.examples)
            .split(['\n', '|'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned)
            .collect();
        builder.add(
            *line,
            cell(columns.track),
            level,
            area,
            text,
            cell(columns.id),
            examples,
        );
    }
    let lines = std::mem::take(&mut builder.lines);
    // The last row with an id is the line for every problem about it.
    checked(builder.rubric(name), problems, |id, _| {
        lines.get(id).copied()
    })
}

/// Where the item called `name` is in `items`, added at the end with
/// `make(its number, from 1)` when there is none yet.
pub(crate) fn named<T>(
    items: &mut Vec<T>,
    name: &str,
    name_of: impl Fn(&T) -> &String,
    make: impl FnOnce(usize) -> T,
) -> usize {
    items
        .iter()
        .position(|item| name_of(item) == name)
        .unwrap_or_else(|| {
            items.push(make(items.len() + 1));
            items.len() - 1
        })
}

/// The rubric as rows add to it, in the order things first appear. Every
/// importer that makes up ids builds its rubric with one.
#[derive(Default)]
pub(crate) struct Builder {
    pub(crate) levels: Vec<Level>,
    pub(crate) tracks: Vec<Track>,
    /// The line each criterion's id came from, for the problems.
    pub(crate) lines: HashMap<String, usize>,
    /// How often each made-up id was made, to number repeats.
    made: HashMap<String, usize>,
}

impl Builder {
    /// The level called `name`, added after the others when new, so that
    /// levels keep the order they first appear in.
    pub(crate) fn level(&mut self, name: &str) -> &mut Level {
        let at = named(
            &mut self.levels,
            name,
            |l| &l.name,
            |id| Level {
                id: slug(name, &format!("level-{id}")),
                name: name.to_owned(),
                summary: String::new(),
            },
        );
        &mut self.levels[at]
    }

    /// The track called `name` ("Main" when empty), added when new.
    pub(crate) fn track(&mut self, name: &str) -> &mut Track {
        let name = if name.is_empty() { "Main" } else { name };
        let at = named(
            &mut self.tracks,
            name,
            |t| &t.name,
            |id| Track {
                id: slug(name, &format!("track-{id}")),
                name: name.to_owned(),
                ..Track::default()
            },
        );
        &mut self.tracks[at]
    }

    /// The area called `name` in the track called `track`, both added when
    /// new.
    pub(crate) fn area(&mut self, track: &str, name: &str) -> &mut Area {
        let track = self.track(track);
        let at = named(
            &mut track.areas,
            name,
            |a| &a.name,
            |id| Area {
                id: slug(name, &format!("area-{id}")),
                name: name.to_owned(),
                ..Area::default()
            },
        );
        &mut track.areas[at]
    }

    /// Adds the criterion `text` of `area` at `level` (adding them when
    /// new), read at `line`. Without an `id`, it gets one made from its
    /// area, level and text, numbered when another has the same.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn add(
        &mut self,
        line: usize,
        track: &str,
        level: &str,
        area: &str,
        text: &str,
        id: &str,
        examples: Vec<String>,
    ) {
        let level_id = self.level(level).id.clone();
        let area_id = self.area(track, area).id.clone();
        let id = if id.is_empty() {
            let made = format!("{area_id}.{level_id}.{}", slug(text, "criterion"));
            let count = self.made.entry(made.clone()).or_default();
            *count += 1;
            match *count {
                1 => made,
                n => format!("{made}-{n}"),
            }
        } else {
            id.to_owned()
        };
        // The last row with an id: where a repeated id repeats.
        self.lines.insert(id.clone(), line);
        self.area(track, area).criteria.push(Criterion {
            id,
            level: level_id,
            text: text.to_owned(),
            examples,
            weight: None,
        });
    }

    /// The rubric built, named `name` ("Imported ladder" when empty).
    pub(crate) fn rubric(self, name: &str) -> Rubric {
        let name = name.trim();
        let name = if name.is_empty() {
            "Imported ladder"
        } else {
            name
        };
        Rubric {
            id: slug(name, "imported"),
            name: name.to_owned(),
            levels: self.levels,
            tracks: self.tracks,
            ..Rubric::default()
        }
    }
}

/// `rubric` as a spreadsheet the importer reads back: a header row, then
/// one row per criterion, level by level, quoted where needed. Levels read
/// back in order; an area with nothing at the first levels may come back
/// later in its track, and summaries have no column.
pub fn export(rubric: &Rubric) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let level_name = |id: &str| {
        rubric
            .levels
            .iter()
            .find(|l| l.id == id)
            .map_or(id, |l| l.name.as_str())
            .to_owned()
    };
    let _ = writer.write_record(["track", "level", "area", "criterion", "id", "examples"]);
    // Level by level, so that the levels read back in their order.
    for level in &rubric.levels {
        for track in &rubric.tracks {
            for area in &track.areas {
                for criterion in area.at(&level.id) {
                    let _ = writer.write_record([
                        track.name.clone(),
                        level_name(&criterion.level),
                        area.name.clone(),
                        criterion.text.clone(),
                        criterion.id.clone(),
                        criterion.examples.join("\n"),
                    ]);
                }
            }
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

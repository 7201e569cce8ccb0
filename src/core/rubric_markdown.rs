//! A leveling guide written as Markdown: headings for levels and areas,
//! list items for criteria.
//!
//! ```markdown
//! # Acme ladder
//!
//! ## Engineer
//!
//! ### Craft
//!
//! - Writes tested code.
//!   - Adds a test with every bug fix.
//!
//! ## Senior Engineer
//!
//! ### Craft
//!
//! - Sets the team's testing strategy.
//! ```
//!
//! How the headings are read:
//!
//! - A single top heading that comes first, above at least two more depths
//!   of headings, is the ladder's name; text under it is its description.
//! - The two deepest depths of headings are levels and areas, in either
//!   order. A comment `<!-- rungs: levels contain areas -->` (or `areas
//!   contain levels`) says which; without one, the depth whose headings
//!   look more like levels (a digit, or a word such as "Senior", "Staff",
//!   "Level", "Engineer") holds the levels, and on a tie the outer one.
//! - A depth above those two, when there is one, holds tracks; otherwise
//!   the file is one track, named after the ladder.
//! - Each list item (`-`, `*`, `+` or `1.`) is a criterion of the area and
//!   level above it, and the items indented under it are its examples.
//! - Text right under a heading is the summary of what it names.
//!
//! Levels come in the order their headings first appear; a level first
//! met inside a later area goes before the levels that follow it there.
//! Fenced code blocks, HTML comments and horizontal rules are skipped;
//! headings underlined with `===` are not read as headings. Criteria get
//! ids made from their area, level and text, as in the spreadsheet
//! importer, so the same file imports with the same ids every time.

use std::collections::HashMap;

use super::rubric::Rubric;
use super::rubric_csv::Builder;
use super::rubric_file::{checked, opened, Problem};

/// The comment by which a file says that levels are the outer headings.
const LEVELS_OUTSIDE: &str = "levels contain areas";
/// The comment by which a file says that areas are the outer headings.
const AREAS_OUTSIDE: &str = "areas contain levels";

/// Words that say a heading names a level rather than an area.
const LEVEL_WORDS: &[&str] = &[
    "level",
    "levels",
    "junior",
    "senior",
    "staff",
    "principal",
    "distinguished",
    "fellow",
    "associate",
    "intern",
    "graduate",
    "apprentice",
    "lead",
    "mid",
    "entry",
    "engineer",
    "developer",
    "manager",
    "director",
    "architect",
    "grade",
    "band",
    "rung",
];

/// One line of Markdown, as far as a ladder is concerned.
#[derive(Debug, PartialEq)]
enum Line {
    Heading { depth: usize, text: String },
    Item { indent: usize, text: String },
    Text { indent: usize, text: String },
    Blank,
}

/// Columns of leading white space, a tab counting four.
fn indent_of(line: &str) -> usize {
    line.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// `text` with its runs of white space as one space.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` without the backslash that keeps Markdown from reading its start
/// as markup: before its first character, or after its first digits
/// (`1\. `).
fn unescaped(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let mut chars = text[digits..].chars();
    match (chars.next(), chars.next()) {
        (Some('\\'), Some(c)) if digits == 0 && c.is_ascii_punctuation() => text[1..].to_owned(),
        (Some('\\'), Some('.' | ')')) if digits > 0 => {
            format!("{}{}", &text[..digits], &text[digits + 1..])
        }
        _ => text.to_owned(),
    }
}

/// The text of a list item's line after its marker (`-`, `*`, `+`, `1.`
/// or `1)` and a space), when it is one.
fn item_text(trimmed: &str) -> Option<&str> {
    let rest = match trimmed.strip_prefix(['-', '*', '+']) {
        Some(rest) => rest,
        None => {
            let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits > 9 {
                return None;
            }
            trimmed[digits..].strip_prefix(['.', ')'])?
        }
    };
    if rest.is_empty() {
        Some(rest)
    } else if rest.starts_with([' ', '\t']) {
        Some(rest.trim())
    } else {
        None
    }
}

/// A heading's depth and text (without a closing run of `#`), when the
/// line is one.
fn heading(trimmed: &str) -> Option<(usize, String)> {
    let depth = trimmed.bytes().take_while(|b| *b == b'#').count();
    let rest = trimmed.get(depth..)?;
    if !(1..=6).contains(&depth) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = rest.trim();
    let closing = text.trim_end_matches('#');
    if closing.is_empty() || closing.ends_with([' ', '\t']) {
        text = closing.trim_end();
    }
    Some((depth, unescaped(&squeezed(text))))
}

/// Three or more of the same `-`, `*` or `_`, alone on a line.
fn is_rule(trimmed: &str) -> bool {
    let marks: Vec<char> = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|mark| marks.iter().all(|c| c == mark))
}

/// What one line is, `None` for a line that is not part of the ladder.
fn classify(line: &str) -> Line {
    let indent = indent_of(line);
    let trimmed = line.trim();
    if trimmed.is_empty() || is_rule(trimmed) {
        return Line::Blank;
    }
    if indent < 4 {
        if let Some((depth, text)) = heading(trimmed) {
            return Line::Heading { depth, text };
        }
    }
    match item_text(trimmed) {
        Some(text) => Line::Item {
            indent,
            text: unescaped(&squeezed(text)),
        },
        None => Line::Text {
            indent,
            text: unescaped(&squeezed(trimmed)),
        },
    }
}

/// The lines of `text` that matter, each with its number from 1: without
/// fenced code blocks and HTML comments, whose hints about which headings
/// hold levels are returned too.
fn lines(text: &str) -> (Vec<(usize, Line)>, Option<bool>) {
    let (mut kept, mut levels_outside) = (Vec::new(), None);
    let (mut fence, mut comment): (Option<&str>, bool) = (None, false);
    for (at, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if comment || trimmed.starts_with("<!--") {
            if trimmed.contains(LEVELS_OUTSIDE) {
                levels_outside = Some(true);
            } else if trimmed.contains(AREAS_OUTSIDE) {
                levels_outside = Some(false);
            }
            comment = !trimmed.contains("-->");
            continue;
        }
        if let Some(mark) = fence {
            if trimmed.starts_with(mark) {
                fence = None;
            }
            continue;
        }
        if let Some(mark) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
            fence = Some(mark);
            continue;
        }
        kept.push((at + 1, classify(line)));
    }
    (kept, levels_outside)
}

/// Whether `name` reads like the name of a level: it has a digit or a word
/// such as "Senior".
fn looks_like_level(name: &str) -> bool {
    name.bytes().any(|b| b.is_ascii_digit())
        || name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| LEVEL_WORDS.contains(&word.to_ascii_lowercase().as_str()))
}

/// The share of the distinct names of headings at `depth` that read like
/// levels, in hundredths.
fn level_likeness(lines: &[(usize, Line)], depth: usize) -> usize {
    let mut names: Vec<&str> = lines
        .iter()
        .filter_map(|(_, line)| match line {
            Line::Heading { depth: d, text } if *d == depth => Some(text.as_str()),
            _ => None,
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    let like = names.iter().filter(|name| looks_like_level(name)).count();
    like * 100 / names.len().max(1)
}

/// What the headings at each depth name.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Title,
    Track,
    Level,
    Area,
}

/// What the text under the last heading describes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Described {
    Rubric,
    Track(String),
    Level(String),
    Area(String, String),
}

/// A criterion as read, before the rubric is built.
struct Item {
    line: usize,
    track: String,
    level: String,
    area: String,
    text: String,
    examples: Vec<String>,
}

/// Which role each depth of heading has, and whether level headings are
/// inside area headings; or the problem with the headings.
fn roles(
    lines: &[(usize, Line)],
    hint: Option<bool>,
) -> Result<(HashMap<usize, Role>, bool), Problem> {
    let headings: Vec<(usize, usize)> = lines
        .iter()
        .filter_map(|(at, line)| match line {
            Line::Heading { depth, .. } => Some((*at, *depth)),
            _ => None,
        })
        .collect();
    let mut depths: Vec<usize> = headings.iter().map(|(_, depth)| *depth).collect();
    depths.sort_unstable();
    depths.dedup();
    let mut roles = HashMap::new();
    let lone_first = match (headings.first(), depths.first()) {
        (Some((_, first)), Some(top)) => {
            first == top && headings.iter().filter(|(_, d)| d == top).count() == 1
        }
        _ => false,
    };
    if lone_first && depths.len() >= 3 {
        roles.insert(depths.remove(0), Role::Title);
    }
    let (outer, inner) = match depths.as_slice() {
        [] => {
            return Err(Problem {
                line: None,
                message: "This Markdown has no headings: write a heading for each level and one for each area above its criteria.".into(),
            })
        }
        [_] => {
            return Err(Problem {
                line: None,
                message: "This Markdown has one kind of heading: criteria need a heading for their level and, under it or above it, one for their area.".into(),
            })
        }
        [outer, inner] => (*outer, *inner),
        [track, outer, inner] => {
            roles.insert(*track, Role::Track);
            (*outer, *inner)
        }
        [_, _, _, deeper, ..] => {
            let line = headings.iter().find(|(_, d)| d == deeper).map(|(at, _)| *at);
            return Err(Problem {
                line,
                message: "This heading is one depth too many: headings go at most three deep below the title (track, then level and area).".into(),
            });
        }
    };
    let levels_outside =
        hint.unwrap_or_else(|| level_likeness(lines, outer) >= level_likeness(lines, inner));
    let (outer_role, inner_role) = if levels_outside {
        (Role::Level, Role::Area)
    } else {
        (Role::Area, Role::Level)
    };
    roles.insert(outer, outer_role);
    roles.insert(inner, inner_role);
    Ok((roles, !levels_outside))
}

/// Adds `text` to `to`: in the same paragraph, or a new one after a blank
/// line.
fn add_text(to: &mut String, text: &str, new_paragraph: bool) {
    if !to.is_empty() {
        to.push_str(if new_paragraph { "\n\n" } else { " " });
    }
    to.push_str(text);
}

/// Reads a ladder written in Markdown into a rubric named `name` (the
/// file's name, say) unless the file has a title. Every problem is listed
/// with its line; nothing is returned unless the whole file is usable.
pub fn import(text: &str, name: &str) -> Result<Rubric, Vec<Problem>> {
    let text = opened(text)?;
    let (lines, hint) = lines(text);
    if !lines.iter().any(|(_, l)| matches!(l, Line::Item { .. })) {
        return Err(vec![Problem {
            line: None,
            message: "This Markdown has no list items: write each criterion as one (\"- Writes tested code.\") under the headings of its level and area.".into(),
        }]);
    }
    let (roles, levels_inside) = roles(&lines, hint).map_err(|problem| vec![problem])?;
    let problem = |line: usize, message: String| Problem {
        line: Some(line),
        message,
    };

    let mut problems = Vec::new();
    let mut title = None;
    let (mut track, mut level, mut area) = (String::new(), None::<String>, None::<String>);
    // Headings above the current one with no text: what is under them is
    // skipped, its problem told once.
    let mut broken = false;
    let mut described = Described::Rubric;
    let mut summaries: HashMap<Described, String> = HashMap::new();
    let mut new_paragraph = false;
    // The order of the levels, and the last level met under the current
    // parent heading, to place a level first met later.
    let (mut order, mut previous): (Vec<String>, Option<String>) = (Vec::new(), None);
    let mut areas: Vec<(String, String)> = Vec::new();
    let mut level_lines: HashMap<String, usize> = HashMap::new();
    let mut items: Vec<Item> = Vec::new();
    // The indent of the current criterion, and whether the last line
    // added to one of its examples; `None` out of a list.
    let mut list: Option<(usize, bool)> = None;

    for (at, line) in &lines {
        let at = *at;
        match line {
            Line::Blank => new_paragraph = true,
            Line::Heading { depth, text } => {
                list = None;
                new_paragraph = false;
                let role = roles.get(depth).copied().unwrap_or(Role::Title);
                if text.is_empty() {
                    problems.push(problem(at, "This heading has no text.".into()));
                }
                match role {
                    Role::Title => {
                        title = Some(text.clone());
                        described = Described::Rubric;
                        broken = text.is_empty();
                    }
                    Role::Track => {
                        track = text.clone();
                        (level, area, previous) = (None, None, None);
                        described = Described::Track(text.clone());
                        broken = text.is_empty();
                    }
                    Role::Level => {
                        if !levels_inside {
                            (area, broken) = (None, false);
                        } else if area.is_none() {
                            problems.push(problem(at, format!("This heading for a level, \u{201c}{text}\u{201d}, has no heading for an area above it.")));
                            broken = true;
                        }
                        broken |= text.is_empty();
                        level = Some(text.clone());
                        described = Described::Level(text.clone());
                        if !text.is_empty() {
                            level_lines.entry(text.clone()).or_insert(at);
                            if !order.contains(text) {
                                let to = match &previous {
                                    Some(p) => {
                                        order.iter().position(|l| l == p).map_or(0, |i| i + 1)
                                    }
                                    None if levels_inside => 0,
                                    None => order.len(),
                                };
                                order.insert(to.min(order.len()), text.clone());
                            }
                            previous = Some(text.clone());
                        }
                    }
                    Role::Area => {
                        if levels_inside {
                            (level, broken, previous) = (None, false, None);
                        } else if level.is_none() {
                            problems.push(problem(at, format!("This heading for an area, \u{201c}{text}\u{201d}, has no heading for a level above it.")));
                            broken = true;
                        }
                        broken |= text.is_empty();
                        area = Some(text.clone());
                        described = Described::Area(track.clone(), text.clone());
                        let key = (track.clone(), text.clone());
                        if !text.is_empty() && !areas.contains(&key) {
                            areas.push(key);
                        }
                    }
                }
            }
            Line::Text { indent, text } => {
                let continues =
                    list.filter(|(criterion, _)| !new_paragraph || *indent > *criterion);
                match (continues, items.last_mut()) {
                    (Some((_, true)), Some(item)) => {
                        if let Some(example) = item.examples.last_mut() {
                            add_text(example, text, false);
                        }
                    }
                    (Some((_, false)), Some(item)) => add_text(&mut item.text, text, false),
                    _ => {
                        list = None;
                        let summary = summaries.entry(described.clone()).or_default();
                        add_text(summary, text, new_paragraph);
                    }
                }
                new_paragraph = false;
            }
            Line::Item { indent, text } => {
                new_paragraph = false;
                if broken {
                    continue;
                }
                let (Some(level), Some(area)) = (&level, &area) else {
                    let under = match (&level, &area) {
                        (Some(level), None) => format!("is under the level \u{201c}{level}\u{201d} but under no heading for an area"),
                        (None, Some(area)) => format!("is under the area \u{201c}{area}\u{201d} but under no heading for a level"),
                        _ => "comes before any heading for a level and an area".to_owned(),
                    };
                    problems.push(problem(at, format!("This list item {under}: put each criterion under the headings of its level and area.")));
                    continue;
                };
                match (list, items.last_mut()) {
                    (Some((criterion, _)), Some(item)) if *indent > criterion => {
                        if !text.is_empty() {
                            item.examples.push(text.clone());
                        }
                        list = Some((criterion, true));
                    }
                    _ => {
                        if text.is_empty() {
                            problems.push(problem(at, "This list item has no text.".into()));
                            list = None;
                            continue;
                        }
                        items.push(Item {
                            line: at,
                            track: track.clone(),
                            level: level.clone(),
                            area: area.clone(),
                            text: text.clone(),
                            examples: Vec::new(),
                        });
                        list = Some((*indent, false));
                    }
                }
            }
        }
    }

    let name = title
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| name.trim().to_owned());
    // A file without track headings is one track, named after the ladder.
    let one_track = |track: &str| {
        if track.is_empty() {
            name.clone()
        } else {
            track.to_owned()
        }
    };
    let mut builder = Builder::default();
    for level in &order {
        builder.level(level);
    }
    for (track, area) in &areas {
        builder.area(&one_track(track), area);
    }
    for item in items {
        let track = one_track(&item.track);
        builder.add(
            item.line,
            &track,
            &item.level,
            &item.area,
            &item.text,
            "",
            item.examples,
        );
    }
    let mut description = String::new();
    for (described, summary) in summaries {
        match described {
            Described::Rubric => description = summary,
            Described::Track(track) => builder.track(&track).summary = summary,
            Described::Level(level) => builder.level(&level).summary = summary,
            Described::Area(track, area) => {
                builder.area(&one_track(&track), &area).summary = summary
            }
        }
    }
    // Each id's first and last line: a repeated id is placed at its last.
    let mut lines_of: HashMap<String, (usize, usize)> = std::mem::take(&mut builder.lines)
        .into_iter()
        .map(|(id, at)| (id, (at, at)))
        .collect();
    for (level, at) in &level_lines {
        if let Some(level) = builder.levels.iter().find(|l| &l.name == level) {
            let (first, last) = lines_of.entry(level.id.clone()).or_insert((*at, *at));
            (*first, *last) = ((*first).min(*at), (*last).max(*at));
        }
    }
    let mut rubric = builder.rubric(&name);
    rubric.description = description;
    checked(rubric, problems, |id, last| {
        let (first, at_last) = lines_of.get(id)?;
        Some(if last { *at_last } else { *first })
    })
}

/// `text` on one line, its runs of white space as one space, with a
/// backslash before a first character that Markdown would read as markup.
fn escaped(text: &str) -> String {
    let text = squeezed(text);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && text[digits..].starts_with(['.', ')']);
    if numbered {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else if text.starts_with([
        '\\', '#', '-', '*', '+', '>', '<', '=', '`', '~', '|', '_', '[', '!',
    ]) {
        format!("\\{text}")
    } else {
        text
    }
}

/// `text`'s paragraphs, each on one line, separated by blank lines.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(escaped)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A heading of `depth` for `text`, with a closing `#` when the text ends
/// with one so that it is kept.
fn heading_line(depth: usize, text: &str) -> String {
    let text = escaped(text);
    let close = if text.ends_with('#') { " #" } else { "" };
    format!("{} {text}{close}\n\n", "#".repeat(depth))
}

/// `rubric` as Markdown that [`import`] reads back: the name as the title,
/// then level headings each holding area headings, under a heading per
/// track when there are several. Levels, tracks, areas, criteria texts,
/// examples and summaries come back the same (texts on one line); ids are
/// made again from the texts, and weights, source, licence and whether the
/// ladder is cumulative are not written.
pub fn export(rubric: &Rubric) -> String {
    let mut out = heading_line(1, &rubric.name);
    let description = paragraphs(&rubric.description);
    if !description.is_empty() {
        out.push_str(&description);
        out.push_str("\n\n");
    }
    out.push_str(&format!("<!-- rungs: {LEVELS_OUTSIDE} -->\n\n"));
    let one_track = matches!(rubric.tracks.as_slice(), [track] if track.name == rubric.name);
    let depth = if one_track { 2 } else { 3 };
    let summary = |out: &mut String, text: &str| {
        let text = paragraphs(text);
        if !text.is_empty() {
            out.push_str(&text);
            out.push_str("\n\n");
        }
    };
    for (t, track) in rubric.tracks.iter().enumerate() {
        if !one_track {
            out.push_str(&heading_line(2, &track.name));
            summary(&mut out, &track.summary);
        }
        for (l, level) in rubric.levels.iter().enumerate() {
            out.push_str(&heading_line(depth, &level.name));
            if t == 0 {
                summary(&mut out, &level.summary);
            }
            for area in &track.areas {
                // Every area under the first level, so that areas keep
                // their order; after it, only those with criteria.
                if l > 0 && area.at(&level.id).next().is_none() {
                    continue;
                }
                out.push_str(&heading_line(depth + 1, &area.name));
                if l == 0 {
                    summary(&mut out, &area.summary);
                }
                let mut any = false;
                for criterion in area.at(&level.id) {
                    out.push_str(&format!("- {}\n", escaped(&criterion.text)));
                    for example in &criterion.examples {
                        out.push_str(&format!("  - {}\n", escaped(example)));
                    }
                    any = true;
                }
                if any {
                    out.push('\n');
                }
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

//! Leveling guides kept as YAML, in the two shapes that published ladders
//! use.
//!
//! A **job family** file lists levels, themes (areas) and competencies,
//! each competency naming its level and theme:
//!
//! ```yaml
//! title: Acme engineering
//! levels:
//!   - {id: l1, name: Engineer, summary: Delivers with help.}
//!   - {id: l2, name: Senior Engineer}
//! themes:
//!   - {id: craft, name: Craft}
//! competencies:
//!   - {level: l1, theme: craft, summary: Writes tested code., examples: [Adds a test with every fix.]}
//!   - {level: l2, theme: craft, summary: Sets the testing strategy.}
//! ```
//!
//! `name` or `title` name things; `levels` and `themes` may be lists or
//! maps keyed by id, their entries maps or plain names; `themes` may be
//! called `areas`, and without it a competency's theme is its area's name.
//!
//! A file with **front matter** is Markdown that starts with YAML between
//! two `---` lines, holding `topics` (areas), each with its per-level
//! `content`:
//!
//! ```yaml
//! ---
//! title: Backend engineering
//! topics:
//!   - title: Technical skills
//!     content:
//!       - level: 1
//!         criteria: [Writes tested code.]
//!         exampleCriteria:
//!           - criteria: Reviews code kindly.
//!             examples: [Leaves a reason with each request.]
//! ---
//! ```
//!
//! Its levels are the numbers found, lowest first, named "Level 1" and so
//! on; the Markdown after the front matter is not imported.
//!
//! **Snowflake** tracks each hold five milestones with a `summary`,
//! `signals` and `examples`; a track is an area here, milestone `n` the
//! level "Milestone n", and the summary and each signal are criteria. The
//! import warns that milestones are not job levels. Criteria
//! without an `id` get one made from their area, level and text, so the
//! same file imports with the same ids every time.

use saphyr::{LoadableYamlNode, MarkedYaml, YamlData};

use super::rubric::Rubric;
use super::rubric_csv::Builder;
use super::rubric_file::{checked, opened, Problem};
use super::transfer::MAX_DEPTH;

/// The two shapes of YAML ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Levels, themes and competencies.
    JobFamily,
    /// Topics with per-level content, in Markdown's front matter.
    FrontMatter,
    /// Snowflake's tracks, each with its milestones.
    Snowflake,
}

/// A ladder read from YAML, with the shape it was in and what was left
/// out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub rubric: Rubric,
    pub shape: Shape,
    pub warnings: Vec<String>,
}

/// What a snowflake import warns of.
const MILESTONES: &str = "Snowflake's milestones are steps within one skill, not job levels: each milestone is imported as a level. Check that they match your ladder's levels.";

/// How far block nesting may reach: leading spaces and `- ` on one line.
/// Each depth takes at least one, so with [`MAX_DEPTH`] brackets this
/// bounds how deep the parser and the tree it builds may nest.
const MAX_INDENT: usize = 1000;

/// Reads a YAML ladder of either shape into a rubric named `name` (the
/// file's name, say) unless the file names it. Every problem is listed,
/// with its line where the parser gives one; nothing is returned unless
/// the whole file is usable.
pub fn import(text: &str, name: &str) -> Result<Read, Vec<Problem>> {
    let text = opened(text)?;
    let (yaml, body) = match front_matter(text) {
        Some((yaml, body)) => (yaml, Some(body)),
        None => (text, None),
    };
    let root = parsed(yaml)?;
    let has = |key: &str| get(&root, &[key]).is_some();
    let mut warnings = Vec::new();
    let (rubric, shape) = if has("topics") {
        (topics(&root, name)?, Shape::FrontMatter)
    } else if has("competencies") {
        (job_family(&root, name)?, Shape::JobFamily)
    } else if get(&root, &["tracks"]).is_some_and(|tracks| {
        entries(tracks)
            .iter()
            .any(|(_, track)| get(track, &["milestones"]).is_some())
    }) {
        warnings.push(MILESTONES.to_owned());
        (snowflake(&root, name)?, Shape::Snowflake)
    } else {
        let what = if body.is_some() {
            "This front matter has no `topics`: Rungs reads a ladder from front matter as topics, each with its content per level."
        } else {
            "This YAML is not a ladder Rungs reads: it has neither `competencies` (with `levels` and `themes`) nor `topics`."
        };
        return Err(vec![problem(None, what)]);
    };
    if body.is_some_and(|body| !body.trim().is_empty()) {
        warnings.push("The Markdown after the front matter is not imported.".to_owned());
    }
    Ok(Read {
        rubric,
        shape,
        warnings,
    })
}

fn problem(line: Option<usize>, message: &str) -> Problem {
    Problem {
        line,
        message: message.to_owned(),
    }
}

/// The front matter of `text` (from its opening `---` to before the
/// closing one) and the body after it, when `text` starts with one.
pub fn front_matter(text: &str) -> Option<(&str, &str)> {
    let first = text.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut at = first.len() + 1;
    for line in text.get(at..)?.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Some((text.get(..at)?, text.get(at + line.len()..).unwrap_or("")));
        }
        at += line.len();
    }
    None
}

/// Refuses YAML nested deeper than a ladder could need, before the parser
/// sees it: flow brackets past [`MAX_DEPTH`], or a line indented past
/// [`MAX_INDENT`].
fn check_depth(text: &str) -> Result<(), Problem> {
    let mut brackets = 0usize;
    for (at, line) in text.lines().enumerate() {
        let lead = line.trim_start_matches([' ', '-', '?', ':']).len();
        let indent = line.len() - lead;
        for byte in line.bytes() {
            match byte {
                b'[' | b'{' => brackets += 1,
                b']' | b'}' => brackets = brackets.saturating_sub(1),
                _ => {}
            }
            if brackets > MAX_DEPTH {
                return Err(problem(
                    Some(at + 1),
                    &format!(
                        "This YAML nests lists and maps more than {MAX_DEPTH} deep: no ladder does."
                    ),
                ));
            }
        }
        if indent > MAX_INDENT {
            return Err(problem(
                Some(at + 1),
                &format!("This line is indented more than {MAX_INDENT} places: no ladder is."),
            ));
        }
    }
    Ok(())
}

/// The first document in `text`, or its syntax error with its line.
fn parsed(text: &str) -> Result<MarkedYaml<'_>, Vec<Problem>> {
    check_depth(text).map_err(|p| vec![p])?;
    match MarkedYaml::load_from_str(text) {
        Ok(documents) => documents
            .into_iter()
            .next()
            .ok_or_else(|| vec![problem(None, "This YAML holds nothing.")]),
        Err(error) => Err(vec![problem(
            Some(error.marker().line()),
            &format!("This is not valid YAML: {}.", error.info()),
        )]),
    }
}

/// The node itself, without a tag (`!!str`) in front.
fn bare<'a, 'i>(node: &'a MarkedYaml<'i>) -> &'a MarkedYaml<'i> {
    match &node.data {
        YamlData::Tagged(_, inner) => inner,
        _ => node,
    }
}

/// The line `node` starts on.
fn line(node: &MarkedYaml) -> Option<usize> {
    Some(node.span.start.line()).filter(|line| *line > 0)
}

/// The value of the first of `keys` that the map `node` has.
fn get<'a, 'i>(node: &'a MarkedYaml<'i>, keys: &[&str]) -> Option<&'a MarkedYaml<'i>> {
    let map = bare(node).data.as_mapping()?;
    keys.iter().find_map(|key| {
        map.iter()
            .find(|(k, _)| text(k).is_some_and(|k| k.eq_ignore_ascii_case(key)))
            .map(|(_, value)| value)
    })
}

/// A scalar as text, trimmed: strings, and numbers and booleans as
/// written; `None` for null, lists and maps.
fn text(node: &MarkedYaml) -> Option<String> {
    let data = &bare(node).data;
    let text = if let Some(text) = data.as_str() {
        text.to_owned()
    } else if let Some(number) = data.as_integer() {
        number.to_string()
    } else if let Some(number) = data.as_floating_point() {
        number.to_string()
    } else if let Some(truth) = data.as_bool() {
        truth.to_string()
    } else {
        return None;
    };
    Some(text.trim().to_owned())
}

/// The text of the first of `keys` in the map `node`, empty when none.
fn field(node: &MarkedYaml, keys: &[&str]) -> String {
    get(node, keys).and_then(text).unwrap_or_default()
}

/// The entries of a list, or the values of a map each with its key.
fn entries<'a, 'i>(node: &'a MarkedYaml<'i>) -> Vec<(Option<String>, &'a MarkedYaml<'i>)> {
    let node = bare(node);
    if let Some(list) = node.data.as_sequence() {
        list.iter().map(|entry| (None, entry)).collect()
    } else if let Some(map) = node.data.as_mapping() {
        map.iter().map(|(key, value)| (text(key), value)).collect()
    } else {
        Vec::new()
    }
}

/// The texts of a list of scalars, or of one scalar alone.
fn texts(node: Option<&MarkedYaml>) -> Vec<String> {
    let Some(node) = node else {
        return Vec::new();
    };
    match text(node) {
        Some(one) => vec![one],
        None => entries(node)
            .into_iter()
            .filter_map(|(_, entry)| text(entry))
            .collect(),
    }
    .into_iter()
    .filter(|text| !text.is_empty())
    .collect()
}

/// A level or theme as listed: its key, name and summary.
struct Named {
    key: String,
    name: String,
    summary: String,
}

/// The entries of `levels` or `themes`: a list or a map keyed by id, each
/// entry a map or a plain name.
fn named_list(node: &MarkedYaml, what: &str, problems: &mut Vec<Problem>) -> Vec<Named> {
    let listed = entries(node);
    if listed.is_empty() {
        problems.push(problem(
            line(node),
            &format!("`{what}` should be a list of {what}, each with an id and a name."),
        ));
    }
    let mut named = Vec::new();
    for (key, entry) in listed {
        let (id, name, summary) = match text(entry) {
            Some(name) => (key.unwrap_or_else(|| name.clone()), name, String::new()),
            None => (
                key.unwrap_or_else(|| field(entry, &["id", "key", "slug", "code", "level"])),
                field(entry, &["name", "title"]),
                field(entry, &["summary", "description"]),
            ),
        };
        let name = if name.is_empty() { id.clone() } else { name };
        if name.is_empty() {
            problems.push(problem(
                line(entry),
                &format!("This entry of `{what}` has no id and no name."),
            ));
            continue;
        }
        named.push(Named {
            key: if id.is_empty() { name.clone() } else { id },
            name,
            summary,
        });
    }
    named
}

/// The name of the listed entry whose key (or else name) is `value`.
fn find<'a>(listed: &'a [Named], value: &str) -> Option<&'a Named> {
    listed
        .iter()
        .find(|n| n.key == value)
        .or_else(|| listed.iter().find(|n| n.name == value))
}

/// The ladder's name: its `title` or `name`, else `fallback`.
fn ladder_name(root: &MarkedYaml, fallback: &str) -> String {
    let name = field(root, &["title", "name"]);
    if name.is_empty() {
        fallback.trim().to_owned()
    } else {
        name
    }
}

/// A job family: levels, themes and competencies.
fn job_family(root: &MarkedYaml, name: &str) -> Result<Rubric, Vec<Problem>> {
    let name = ladder_name(root, name);
    let mut problems = Vec::new();
    let levels = get(root, &["levels"]).map(|node| named_list(node, "levels", &mut problems));
    let themes =
        get(root, &["themes", "areas"]).map(|node| named_list(node, "themes", &mut problems));
    let mut builder = Builder::default();
    for level in levels.iter().flatten() {
        builder.level(&level.name).summary = level.summary.clone();
    }
    for theme in themes.iter().flatten() {
        builder.area(&name, &theme.name).summary = theme.summary.clone();
    }
    let competencies = get(root, &["competencies"]).map_or_else(Vec::new, entries);
    for (_, entry) in competencies {
        let at = line(entry);
        if bare(entry).data.as_mapping().is_none() {
            problems.push(problem(
                at,
                "This competency should be a map with its level, theme and summary.",
            ));
            continue;
        }
        let level = field(entry, &["level", "rung"]);
        let theme = field(entry, &["theme", "area", "category"]);
        let summary = field(entry, &["summary", "text", "criterion", "description"]);
        let missing: Vec<&str> = [("level", &level), ("theme", &theme), ("summary", &summary)]
            .into_iter()
            .filter(|(_, value)| value.is_empty())
            .map(|(what, _)| what)
            .collect();
        if !missing.is_empty() {
            problems.push(problem(
                at,
                &format!("This competency has no {}.", missing.join(" and no ")),
            ));
            continue;
        }
        let level = match &levels {
            Some(levels) => match find(levels, &level) {
                Some(found) => found.name.clone(),
                None => {
                    problems.push(problem(
                        at,
                        &format!("This competency's level {level:?} is not among the `levels`."),
                    ));
                    continue;
                }
            },
            None => level,
        };
        let theme = match &themes {
            Some(themes) => match find(themes, &theme) {
                Some(found) => found.name.clone(),
                None => {
                    problems.push(problem(
                        at,
                        &format!("This competency's theme {theme:?} is not among the `themes`."),
                    ));
                    continue;
                }
            },
            None => theme,
        };
        let examples = texts(get(entry, &["examples", "example"]));
        let id = field(entry, &["id"]);
        builder.add(
            at.unwrap_or(0),
            &name,
            &level,
            &theme,
            &summary,
            &id,
            examples,
        );
    }
    finish(builder, root, &name, problems)
}

/// The rubric built, named `name`, with the root's description, source
/// and licence, when nothing is wrong with it.
fn finish(
    mut builder: Builder,
    root: &MarkedYaml,
    name: &str,
    problems: Vec<Problem>,
) -> Result<Rubric, Vec<Problem>> {
    let lines = std::mem::take(&mut builder.lines);
    let mut rubric = builder.rubric(name);
    rubric.description = field(root, &["description", "summary"]);
    rubric.source = field(root, &["source", "url"]);
    rubric.licence = field(root, &["licence", "license"]);
    checked(rubric, problems, |id, _| {
        lines.get(id).copied().filter(|l| *l > 0)
    })
}

/// A level number as written: `1`, `"1"`, `1.0`.
fn level_number(node: &MarkedYaml) -> Option<u32> {
    let text = text(node)?;
    let number: f64 = text.parse().ok()?;
    (number.fract() == 0.0 && (0.0..=1000.0).contains(&number)).then_some(number as u32)
}

/// Topics, each with its content per numbered level.
fn topics(root: &MarkedYaml, name: &str) -> Result<Rubric, Vec<Problem>> {
    let name = ladder_name(root, name);
    let mut problems = Vec::new();
    // (line, level, topic, criterion, examples), in the order written.
    let mut found: Vec<(usize, u32, String, String, Vec<String>)> = Vec::new();
    let mut builder = Builder::default();
    let topics_node = get(root, &["topics"]);
    let topics = topics_node.map_or_else(Vec::new, entries);
    if topics.is_empty() {
        problems.push(problem(
            topics_node.and_then(line),
            "`topics` should be a list of topics, each with a title and its content per level.",
        ));
    }
    for (_, topic) in topics {
        let title = field(topic, &["title", "name"]);
        if title.is_empty() {
            problems.push(problem(line(topic), "This topic has no title or name."));
            continue;
        }
        builder.area(&name, &title).summary = field(topic, &["description", "summary"]);
        for (_, content) in get(topic, &["content"]).map_or_else(Vec::new, entries) {
            let at = line(content);
            let Some(level) = get(content, &["level"]) else {
                problems.push(problem(at, "This content has no level."));
                continue;
            };
            let Some(level) = level_number(level) else {
                problems.push(problem(at, "This content's level is not a number."));
                continue;
            };
            for (_, criterion) in get(content, &["criteria"]).map_or_else(Vec::new, entries) {
                if let Some(text) = text(criterion).filter(|t| !t.is_empty()) {
                    let at = line(criterion).unwrap_or(0);
                    found.push((at, level, title.clone(), text, Vec::new()));
                }
            }
            for (_, example) in get(content, &["exampleCriteria", "example_criteria"])
                .map_or_else(Vec::new, entries)
            {
                let text = field(example, &["criteria", "criterion", "text", "summary"]);
                if text.is_empty() {
                    problems.push(problem(
                        line(example),
                        "This entry of `exampleCriteria` has no `criteria`.",
                    ));
                    continue;
                }
                let examples = texts(get(example, &["examples", "example"]));
                found.push((
                    line(example).unwrap_or(0),
                    level,
                    title.clone(),
                    text,
                    examples,
                ));
            }
        }
    }
    let mut numbers: Vec<u32> = found.iter().map(|(_, level, ..)| *level).collect();
    numbers.sort_unstable();
    numbers.dedup();
    for number in numbers {
        builder.level(&format!("Level {number}"));
    }
    for (at, level, topic, text, examples) in found {
        builder.add(
            at,
            &name,
            &format!("Level {level}"),
            &topic,
            &text,
            "",
            examples,
        );
    }
    finish(builder, root, &name, problems)
}

/// Snowflake's tracks (areas here), each with its milestones: milestone
/// `n` is the level "Milestone n"; its summary is a criterion with the
/// milestone's examples, and each of its signals a criterion too.
fn snowflake(root: &MarkedYaml, name: &str) -> Result<Rubric, Vec<Problem>> {
    let name = ladder_name(root, name);
    let mut problems = Vec::new();
    let mut builder = Builder::default();
    let tracks = get(root, &["tracks"]).map_or_else(Vec::new, entries);
    let most = tracks
        .iter()
        .filter_map(|(_, track)| get(track, &["milestones"]))
        .map(|milestones| entries(milestones).len())
        .max()
        .unwrap_or(0);
    for number in 1..=most {
        builder.level(&format!("Milestone {number}"));
    }
    for (key, track) in tracks {
        let title = field(track, &["displayName", "title", "name"]);
        let Some(title) = Some(title)
            .filter(|title| !title.is_empty())
            .or(key.filter(|key| !key.is_empty()))
        else {
            problems.push(problem(line(track), "This track has no name."));
            continue;
        };
        builder.area(&name, &title).summary = field(track, &["description", "summary"]);
        let milestones = get(track, &["milestones"]).map_or_else(Vec::new, entries);
        for (number, (_, milestone)) in milestones.into_iter().enumerate() {
            let level = format!("Milestone {}", number + 1);
            let at = line(milestone).unwrap_or(0);
            let summary = field(milestone, &["summary"]);
            let signals = texts(get(milestone, &["signals"]));
            let examples = texts(get(milestone, &["examples"]));
            if summary.is_empty() && signals.is_empty() {
                problems.push(problem(
                    line(milestone),
                    "This milestone has no summary and no signals.",
                ));
                continue;
            }
            if !summary.is_empty() {
                builder.add(at, &name, &level, &title, &summary, "", examples);
            }
            for signal in signals {
                builder.add(at, &name, &level, &title, &signal, "", Vec::new());
            }
        }
    }
    finish(builder, root, &name, problems)
}

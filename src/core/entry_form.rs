//! An accomplishment as a form holds it: text as typed, one box per field,
//! read into an [`Entry`] only when every box says something that can be
//! saved. A form that is wrong keeps what was typed and changes nothing
//! stored; [`EntryText::read`] says what to fix, field by field.

use super::evidence::{Confirmer, Entry, Field, Kind, Outcome, Problem};
use super::time::Date;

/// Which kind of result the form asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResultKind {
    #[default]
    None,
    Metric,
    Sentence,
}

impl ResultKind {
    pub const ALL: [ResultKind; 3] = [ResultKind::None, ResultKind::Metric, ResultKind::Sentence];

    pub fn id(self) -> &'static str {
        match self {
            ResultKind::None => "none",
            ResultKind::Metric => "metric",
            ResultKind::Sentence => "sentence",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ResultKind::None => "Not yet",
            ResultKind::Metric => "A number that moved",
            ResultKind::Sentence => "In a sentence",
        }
    }
}

/// Every field of an entry as text, the way a form shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryText {
    /// `None` while the date box is empty or not a date.
    pub date: Option<Date>,
    pub title: String,
    pub story: String,
    pub kind: Kind,
    pub result: ResultKind,
    pub metric: String,
    pub before: String,
    pub after: String,
    pub unit: String,
    pub sentence: String,
    /// One link per line.
    pub links: String,
    /// One person per line: "Dana, engineering manager".
    pub confirm: String,
    /// Separated by commas.
    pub tags: String,
}

impl EntryText {
    /// The form for `entry`. A metric's numbers and a sentence are both
    /// kept, so that switching the kind of result back and forth loses
    /// neither.
    pub fn of(entry: &Entry) -> EntryText {
        let mut text = EntryText {
            date: Some(entry.date),
            title: entry.title.clone(),
            story: entry.story.clone(),
            kind: entry.kind,
            links: entry.links.join("\n"),
            confirm: entry
                .confirm
                .iter()
                .map(|person| match person.role.trim() {
                    "" => person.name.clone(),
                    role => format!("{}, {role}", person.name),
                })
                .collect::<Vec<_>>()
                .join("\n"),
            tags: entry.tags.join(", "),
            ..EntryText::default()
        };
        match &entry.result {
            Outcome::None => {}
            Outcome::Sentence(sentence) => {
                text.result = ResultKind::Sentence;
                text.sentence = sentence.clone();
            }
            Outcome::Metric {
                name,
                before,
                after,
                unit,
            } => {
                text.result = ResultKind::Metric;
                text.metric = name.clone();
                text.before = number_text(*before);
                text.after = number_text(*after);
                text.unit = unit.clone();
            }
        }
        text
    }

    /// The entry the form describes, keeping `stored`'s id and linked
    /// criteria (a blank or repeated one dropped); or, when anything is
    /// wrong, every problem, in the order of the fields.
    pub fn read(&self, stored: &Entry) -> Result<Entry, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut number = |text: &str, which: &str| match parse_number(text) {
            Some(value) => value,
            None => {
                problems.push(Problem {
                    field: Field::Result,
                    item: None,
                    message: if text.trim().is_empty() {
                        format!("Give the number {which}.")
                    } else {
                        format!("The number {which}, “{}”, is not a number.", text.trim())
                    },
                });
                0.0
            }
        };
        let result = match self.result {
            ResultKind::None => Outcome::None,
            ResultKind::Sentence if self.sentence.trim().is_empty() => Outcome::None,
            ResultKind::Sentence => Outcome::Sentence(self.sentence.trim().to_owned()),
            ResultKind::Metric => Outcome::Metric {
                name: self.metric.trim().to_owned(),
                before: number(&self.before, "before"),
                after: number(&self.after, "after"),
                unit: self.unit.trim().to_owned(),
            },
        };
        if self.date.is_none() {
            problems.push(Problem {
                field: Field::Date,
                item: None,
                message: "Give the day it happened.".to_owned(),
            });
        }
        let entry = Entry {
            id: stored.id.clone(),
            date: self.date.unwrap_or(stored.date),
            title: self.title.trim().to_owned(),
            story: self.story.trim_end().to_owned(),
            result,
            kind: self.kind,
            links: lines(&self.links).map(str::to_owned).collect(),
            confirm: lines(&self.confirm).map(person).collect(),
            criteria: linked(&stored.criteria),
            tags: self
                .tags
                .split(',')
                .map(str::trim)
                .filter(|tag| !tag.is_empty())
                .map(str::to_owned)
                .collect(),
        };
        problems.extend(entry.problems());
        problems.sort_by_key(|problem| problem.field as u8);
        if problems.is_empty() {
            Ok(entry)
        } else {
            Err(problems)
        }
    }
}

/// `criteria` without blank ids and without repeats, in their order: a
/// hand-edited file may hold either, which nothing in the form could
/// otherwise fix.
fn linked(criteria: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    criteria
        .iter()
        .filter(|id| !id.trim().is_empty() && seen.insert(id.as_str()))
        .cloned()
        .collect()
}

/// The lines of `text` that say something, trimmed.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty())
}

/// "Dana, engineering manager": a name, and after the first comma a role.
fn person(line: &str) -> Confirmer {
    let (name, role) = line.split_once(',').unwrap_or((line, ""));
    Confirmer {
        name: name.trim().to_owned(),
        role: role.trim().to_owned(),
    }
}

/// A number as typed: digits with a point or a comma for decimals, a minus
/// sign (or the real one), spaces and thousands separators aside ("1 200";
/// "1,200" and "1,200.5" with commas between groups of three, "2,5" with a
/// decimal comma). `None` for
/// anything else, or a number too large to be finite.
pub fn parse_number(text: &str) -> Option<f64> {
    let text: String = text
        .trim()
        .replace('\u{2212}', "-")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect();
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let thousands = |whole: &str| {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        let first = first.strip_prefix('-').unwrap_or(first);
        (1..=3).contains(&first.len())
            && groups.all(|group| group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit()))
    };
    let text = match (whole.contains(','), fraction) {
        (false, _) => text.clone(),
        // "1,200", "1,200,300" and "1,200.5": thousands.
        (true, _) if thousands(whole) => text.replace(',', ""),
        // "2,5": a decimal comma.
        (true, None) if whole.matches(',').count() == 1 => text.replace(',', "."),
        (true, _) => return None,
    };
    let plain = text
        .strip_prefix('-')
        .unwrap_or(&text)
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.');
    if !plain || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// A number as a form shows it: as short as it can be while exact.
fn number_text(value: f64) -> String {
    if value.is_finite() {
        value.to_string()
    } else {
        String::new()
    }
}

//! The accomplishment log: what the user did, when, with what result, who
//! can confirm it and which rubric criteria it proves. From it come the
//! evidence behind each criterion, where the case is still thin
//! ([`coverage`]) and a brag document to hand over ([`brag_markdown`]).
//!
//! Nothing here is enforced on the stored data: [`Entry::problems`] says
//! what a form should fix before saving, and every reader copes with an
//! entry that has problems (a link that is not a web address is shown as
//! text, an unknown criterion is skipped), so that a log read from an old
//! or hand-edited file never makes a page fail.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

use serde::{Deserialize, Serialize, Serializer};

use super::assessment::Assessment;
use super::counted;
use super::fold::{spaced, words};
use super::markdown::{inline, paragraph};
pub use super::part::Item;
use super::rubric::{Area, Criterion, Level, Rubric, Track};
use super::schema::{Change, Document, Restore};
use super::time::{Date, Millis, FIRST_YEAR, LAST_YEAR};
use super::{put, replace};

/// The longest title, in characters: it is a one-line name for a list.
pub const MAX_TITLE: usize = 200;
/// The longest any other text of an entry may be, in characters.
pub const MAX_TEXT: usize = 10_000;
/// The most links, people, criteria or tags one entry may hold.
pub const MAX_ITEMS: usize = 50;

/// One accomplishment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// "e1", "e2"…: see [`Log::free_id`].
    pub id: String,
    /// The day it happened (or was finished).
    pub date: Date,
    /// A one-line name for it.
    pub title: String,
    /// What happened, and the user's part in it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub story: String,
    /// What came of it.
    #[serde(default, skip_serializing_if = "Outcome::is_none")]
    pub result: Outcome,
    #[serde(default, skip_serializing_if = "Kind::is_other")]
    pub kind: Kind,
    /// Where it shows: pull requests, documents, dashboards (http and
    /// https only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Who can confirm it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confirm: Vec<Confirmer>,
    /// The ids of the rubric criteria it proves; one entry may prove
    /// several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<String>,
    /// The user's own words to file it under.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// Someone who can confirm an entry: "Dana", "my manager".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Confirmer {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

/// What came of an accomplishment: nothing said yet, a number that moved,
/// or a sentence.
///
/// Two outcomes are equal when their numbers are the same bit for bit, so
/// that putting the same entry again is always a no-op, even one holding a
/// number that is not finite (which [`Entry::problems`] refuses and which
/// is never written).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Outcome {
    #[default]
    None,
    /// "p95 latency" went from 900 to 300 "ms".
    Metric {
        name: String,
        #[serde(serialize_with = "finite")]
        before: f64,
        #[serde(serialize_with = "finite")]
        after: f64,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        unit: String,
    },
    Sentence(String),
}

impl PartialEq for Outcome {
    fn eq(&self, other: &Outcome) -> bool {
        match (self, other) {
            (Outcome::None, Outcome::None) => true,
            (
                Outcome::Metric {
                    name,
                    before,
                    after,
                    unit,
                },
                Outcome::Metric {
                    name: other_name,
                    before: other_before,
                    after: other_after,
                    unit: other_unit,
                },
            ) => {
                name == other_name
                    && before.to_bits() == other_before.to_bits()
                    && after.to_bits() == other_after.to_bits()
                    && unit == other_unit
            }
            (Outcome::Sentence(a), Outcome::Sentence(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Outcome {}

/// Writes a number as a JSON number, and refuses one that is not finite
/// rather than let serde_json write it as `null`, which would not read back.
fn finite<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.is_finite() {
        serializer.serialize_f64(*value)
    } else {
        Err(serde::ser::Error::custom(
            "a result's number is not finite, so it cannot be saved",
        ))
    }
}

impl Outcome {
    pub fn is_none(&self) -> bool {
        matches!(self, Outcome::None)
    }

    /// The outcome in a few words: "p95 latency 900 → 300 ms (−67%)" (the
    /// change in percent only when `before` is not zero, rounded, against
    /// the size of `before`; a unit of "%" follows the number with no
    /// space), or the sentence itself, trimmed. `None` when there is
    /// nothing to say.
    pub fn summary(&self) -> Option<String> {
        match self {
            Outcome::None => None,
            Outcome::Sentence(text) => match text.trim() {
                "" => None,
                text => Some(text.to_owned()),
            },
            Outcome::Metric {
                name,
                before,
                after,
                unit,
            } => {
                let unit = match unit.trim() {
                    "" => String::new(),
                    "%" => "%".to_owned(),
                    unit => format!(" {unit}"),
                };
                let mut out = match name.trim() {
                    "" => String::new(),
                    name => format!("{name} "),
                };
                let _ = write!(out, "{} → {}{unit}", figure(*before), figure(*after));
                let change = (after - before) / before.abs() * 100.0;
                if *before != 0.0 && change.is_finite() {
                    let rounded = change.round();
                    let sign = match rounded {
                        r if r > 0.0 => "+",
                        r if r < 0.0 => "−",
                        _ => "",
                    };
                    let _ = write!(out, " ({sign}{:.0}%)", rounded.abs());
                }
                Some(out)
            }
        }
    }
}

/// `value` as a person reads it: as short as it can be while exact
/// ("300", "99.95"), with a real minus sign.
fn figure(value: f64) -> String {
    let text = value.to_string();
    match text.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => text,
    }
}

/// What sort of accomplishment an entry is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Project,
    /// A metric moved.
    Metric,
    Leadership,
    Mentoring,
    Visibility,
    /// An incident, or keeping things running.
    Operations,
    Learning,
    #[default]
    Other,
}

impl Kind {
    /// Every kind, in the order a form offers them.
    pub const ALL: [Kind; 8] = [
        Kind::Project,
        Kind::Metric,
        Kind::Leadership,
        Kind::Mentoring,
        Kind::Visibility,
        Kind::Operations,
        Kind::Learning,
        Kind::Other,
    ];

    /// The stable id, as stored ("operations").
    pub fn id(self) -> &'static str {
        match self {
            Kind::Project => "project",
            Kind::Metric => "metric",
            Kind::Leadership => "leadership",
            Kind::Mentoring => "mentoring",
            Kind::Visibility => "visibility",
            Kind::Operations => "operations",
            Kind::Learning => "learning",
            Kind::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// The kind, for people ("Incident and operations").
    pub fn label(self) -> &'static str {
        match self {
            Kind::Project => "Project",
            Kind::Metric => "Metric moved",
            Kind::Leadership => "Leadership",
            Kind::Mentoring => "Mentoring",
            Kind::Visibility => "Visibility",
            Kind::Operations => "Incident and operations",
            Kind::Learning => "Learning",
            Kind::Other => "Other",
        }
    }

    pub fn is_other(&self) -> bool {
        *self == Kind::Other
    }
}

/// The part of an entry a [`Problem`] is about, so that a form can say it
/// beside that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Date,
    Title,
    Story,
    Result,
    Links,
    Confirm,
    Criteria,
    Tags,
}

impl Field {
    /// A stable name for the field ("links"), for element ids.
    pub fn id(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Date => "date",
            Field::Title => "title",
            Field::Story => "story",
            Field::Result => "result",
            Field::Links => "links",
            Field::Confirm => "confirm",
            Field::Criteria => "criteria",
            Field::Tags => "tags",
        }
    }
}

/// Something wrong with an entry, said in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    /// Which item of a list field it is about (0 for the first link), when
    /// it is about one.
    pub item: Option<usize>,
    pub message: String,
}

impl Entry {
    /// A one-line quick add: `title` (trimmed), dated `today`, of kind
    /// Other, to be told more about later.
    pub fn quick(id: impl Into<String>, title: &str, today: Date) -> Entry {
        Entry {
            id: id.into(),
            date: today,
            title: title.trim().to_owned(),
            story: String::new(),
            result: Outcome::None,
            kind: Kind::Other,
            links: Vec::new(),
            confirm: Vec::new(),
            criteria: Vec::new(),
            tags: Vec::new(),
        }
    }

    /// Everything a form should fix before this entry is saved, in the
    /// order of the fields; empty when it can be saved.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Problems::default();
        if self.id.trim().is_empty() {
            out.add(Field::Id, None, "The entry has no id.".to_owned());
        }
        out.text(Field::Id, None, "The id", &self.id);
        let (year, _, _) = self.date.ymd();
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            out.add(
                Field::Date,
                None,
                format!("Give a date from {FIRST_YEAR} to {LAST_YEAR}."),
            );
        }

        let title = self.title.trim();
        if title.is_empty() {
            out.add(Field::Title, None, "Give it a title.".to_owned());
        } else if longer_than(title, MAX_TITLE) {
            out.add(
                Field::Title,
                None,
                format!(
                    "Keep the title to {MAX_TITLE} characters; it has {}. The story can hold the rest.",
                    title.chars().count()
                ),
            );
        }
        out.text(Field::Story, None, "The story", &self.story);

        match &self.result {
            Outcome::None => {}
            Outcome::Sentence(text) => out.text(Field::Result, None, "The result", text),
            Outcome::Metric {
                name,
                before,
                after,
                unit,
            } => {
                if name.trim().is_empty() {
                    out.add(
                        Field::Result,
                        None,
                        "Say what the number measures.".to_owned(),
                    );
                }
                out.text(Field::Result, None, "The measure's name", name);
                for (which, value) in [("before", before), ("after", after)] {
                    if !value.is_finite() {
                        out.add(
                            Field::Result,
                            None,
                            format!("The number {which} is not a number that can be saved."),
                        );
                    }
                }
                out.text(Field::Result, None, "The unit", unit);
            }
        }

        out.count(Field::Links, "links", self.links.len());
        for (at, link) in self.links.iter().enumerate() {
            if let Err(why) = check_link(link) {
                out.add(Field::Links, Some(at), format!("Link {}: {why}", at + 1));
            }
            out.text(Field::Links, Some(at), &format!("Link {}", at + 1), link);
        }

        out.count(
            Field::Confirm,
            "people who can confirm it",
            self.confirm.len(),
        );
        for (at, person) in self.confirm.iter().enumerate() {
            if person.name.trim().is_empty() {
                out.add(
                    Field::Confirm,
                    Some(at),
                    format!("Give the name of person {} who can confirm it.", at + 1),
                );
            }
            out.text(Field::Confirm, Some(at), "A name", &person.name);
            out.text(Field::Confirm, Some(at), "A role", &person.role);
        }

        out.count(Field::Criteria, "criteria", self.criteria.len());
        let mut seen = HashSet::new();
        for (at, criterion) in self.criteria.iter().enumerate() {
            if criterion.trim().is_empty() {
                out.add(
                    Field::Criteria,
                    Some(at),
                    "A linked criterion has no id.".to_owned(),
                );
            } else if !seen.insert(criterion.as_str()) {
                out.add(
                    Field::Criteria,
                    Some(at),
                    format!("The criterion {} is linked twice.", quoted(criterion)),
                );
            }
            out.text(Field::Criteria, Some(at), "A criterion's id", criterion);
        }

        out.count(Field::Tags, "tags", self.tags.len());
        let mut seen = HashSet::new();
        for (at, tag) in self.tags.iter().enumerate() {
            // Tags that differ only in case, accents or punctuation are
            // the same tag to search, so they are the same tag here too.
            let folded = words(tag).join(" ");
            if folded.is_empty() {
                out.add(
                    Field::Tags,
                    Some(at),
                    format!("Tag {} has no letters or digits.", at + 1),
                );
            } else if !seen.insert(folded) {
                out.add(
                    Field::Tags,
                    Some(at),
                    format!("The tag {} is given twice.", quoted(tag)),
                );
            }
            out.text(Field::Tags, Some(at), &format!("Tag {}", at + 1), tag);
        }
        out.problems
    }

    /// The text search looks in, folded: the title, story, result, tags
    /// and the names of who can confirm it, each word after a space (see
    /// [`spaced`]).
    fn searched(&self) -> String {
        let mut text = spaced(&self.title);
        text += &spaced(&self.story);
        if let Some(summary) = self.result.summary() {
            text += &spaced(&summary);
        }
        for tag in &self.tags {
            text += &spaced(tag);
        }
        for person in &self.confirm {
            text += &spaced(&person.name);
        }
        text
    }
}

/// Collects an entry's problems.
#[derive(Default)]
struct Problems {
    problems: Vec<Problem>,
}

impl Problems {
    fn add(&mut self, field: Field, item: Option<usize>, message: String) {
        self.problems.push(Problem {
            field,
            item,
            message,
        });
    }

    /// A problem when `text` is longer than [`MAX_TEXT`] characters.
    fn text(&mut self, field: Field, item: Option<usize>, what: &str, text: &str) {
        if longer_than(text, MAX_TEXT) {
            self.add(
                field,
                item,
                format!("{what} is longer than 10,000 characters; shorten it."),
            );
        }
    }

    /// A problem when a list holds more than [`MAX_ITEMS`].
    fn count(&mut self, field: Field, what: &str, count: usize) {
        if count > MAX_ITEMS {
            self.add(
                field,
                None,
                format!("An entry can have at most {MAX_ITEMS} {what}; this one has {count}."),
            );
        }
    }
}

/// Whether `text` has more than `max` characters, counted no further than
/// needed.
fn longer_than(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().nth(max).is_some()
}

/// `text` in quotes for a message, cut short past 40 characters.
fn quoted(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("“{}…”", &text[..at]),
        None => format!("“{text}”"),
    }
}

/// Whether `link` is a web address a page may link to: `http://` or
/// `https://` (in any case) and a host, with no spaces and none of the
/// characters a web address cannot hold. Anything else (`javascript:`,
/// `data:`, `mailto:`, a relative path) is said why not, in plain words.
pub fn check_link(link: &str) -> Result<(), &'static str> {
    if link.trim().is_empty() {
        return Err("the link is empty.");
    }
    if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("a web address has no spaces or line breaks in it.");
    }
    if link.contains(['<', '>', '"', '`', '\\']) {
        return Err("a web address cannot hold <, >, \", ` or \\.");
    }
    let scheme_end = link.find("://").filter(|at| {
        let scheme = &link[..*at];
        scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
    });
    let Some(scheme_end) = scheme_end else {
        return Err("a link must start with http:// or https://.");
    };
    let rest = &link[scheme_end + 3..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_and_port = authority.rsplit('@').next().unwrap_or_default();
    let host = if host_and_port.starts_with('[') {
        // An IPv6 address: "[::1]:8080".
        match host_and_port.find(']') {
            Some(end) => &host_and_port[..=end],
            None => "",
        }
    } else {
        host_and_port.split(':').next().unwrap_or_default()
    };
    let valid_host = if host.starts_with('[') {
        host.len() > 2
    } else {
        !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.' || !c.is_ascii())
    };
    if valid_host {
        Ok(())
    } else {
        Err("the link has no site's name after http:// or https://.")
    }
}

/// The user's log of accomplishments, in the order they were added, with
/// what they wrote for their promotion packet and when they last sent an
/// update on their work.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Log {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Item<Entry>>,
    /// The parts of the promotion packet the user writes; never drafted
    /// over.
    #[serde(skip_serializing_if = "Narrative::is_empty")]
    pub narrative: Narrative,
    /// The visibility updates: how often, and the last one sent.
    #[serde(skip_serializing_if = "Updates::is_default")]
    pub updates: Updates,
}

/// What the user wrote for their promotion packet: an opening summary and
/// a line per area of the target level (keyed by area id).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Narrative {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub areas: BTreeMap<String, String>,
}

impl Narrative {
    pub fn is_empty(&self) -> bool {
        self.summary.is_empty() && self.areas.is_empty()
    }
}

/// The user's short updates on their work, to their manager or team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Updates {
    /// Weeks between two updates: 1 or 2.
    pub every: u8,
    /// The day the last one was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_sent: Option<Date>,
}

impl Default for Updates {
    fn default() -> Updates {
        Updates {
            every: 1,
            last_sent: None,
        }
    }
}

impl Updates {
    fn is_default(&self) -> bool {
        *self == Updates::default()
    }

    /// The weeks between two updates, as stored or else weekly.
    pub fn weeks(&self) -> u8 {
        if self.every == 2 {
            2
        } else {
            1
        }
    }
}

/// An intent to change the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogEdit {
    /// Add an entry; nothing changes if its id is taken.
    Add(Entry),
    /// Replace the entry with the same id; nothing changes for an unknown
    /// id.
    Put(Entry),
    Remove(String),
    /// Link a criterion the entry proves (once).
    LinkCriterion {
        entry: String,
        criterion: String,
    },
    UnlinkCriterion {
        entry: String,
        criterion: String,
    },
    /// Replace the packet's opening summary.
    Summary(String),
    /// Replace the packet's line for an area (by id); empty removes it.
    AreaLine {
        area: String,
        text: String,
    },
    /// Send updates every 1 or 2 weeks (anything else is ignored).
    UpdateEvery(u8),
    /// Note the day an update was sent; `None` forgets it.
    UpdateSent(Option<Date>),
}

/// Filters on the log; the default keeps every entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words that must all start a word of the title, story, result, tags
    /// or the names of who can confirm it (case, accents and punctuation
    /// aside).
    pub text: String,
    pub kind: Option<Kind>,
    /// The id of a rubric area: entries linked to any of its criteria.
    pub area: Option<String>,
    /// The id of a criterion: entries linked to it.
    pub criterion: Option<String>,
    /// The first and last day to keep, both included.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Only entries linked to no criterion the rubric has.
    pub unlinked: bool,
}

impl Change for LogEdit {
    fn apply_to(&self, document: &mut Document) -> Option<Restore> {
        document
            .evidence
            .edit(|log| log.apply(self.clone()))
            .map(Restore::Evidence)
    }

    /// Deleting an entry, unlinking it from a criterion, and noting an
    /// update sent (which replaces the date of the last) are offered back.
    fn undo_label(&self, before: &Document) -> Option<String> {
        let log = before.evidence.value();
        match self {
            LogEdit::Remove(id) => Some(format!("Deleted “{}”.", log.entry(id)?.title)),
            LogEdit::UnlinkCriterion { entry, .. } => Some(format!(
                "Unlinked “{}” from the criterion.",
                log.entry(entry)?.title
            )),
            LogEdit::UpdateSent(Some(day)) => {
                Some(format!("Noted an update sent on {}.", day.label()))
            }
            _ => None,
        }
    }
}

impl Log {
    /// Applies `edit`; returns whether anything changed.
    pub fn apply(&mut self, edit: LogEdit) -> bool {
        match edit {
            LogEdit::Add(entry) => {
                if self.entry(&entry.id).is_some() {
                    return false;
                }
                self.entries.push(Item::new(entry));
                true
            }
            LogEdit::Put(entry) => match self.entry_mut(&entry.id) {
                Some(slot) => replace(slot, entry),
                None => false,
            },
            LogEdit::Remove(id) => {
                let before = self.entries.len();
                self.entries.retain(|entry| entry.id != id);
                self.entries.len() != before
            }
            LogEdit::LinkCriterion { entry, criterion } => match self.entry_mut(&entry) {
                Some(entry)
                    if !criterion.trim().is_empty() && !entry.criteria.contains(&criterion) =>
                {
                    entry.criteria.push(criterion);
                    true
                }
                _ => false,
            },
            LogEdit::UnlinkCriterion { entry, criterion } => match self.entry_mut(&entry) {
                Some(entry) => {
                    let before = entry.criteria.len();
                    entry.criteria.retain(|c| *c != criterion);
                    entry.criteria.len() != before
                }
                None => false,
            },
            LogEdit::Summary(text) => replace(&mut self.narrative.summary, text),
            LogEdit::AreaLine { area, text } if text.trim().is_empty() => {
                self.narrative.areas.remove(&area).is_some()
            }
            LogEdit::AreaLine { area, text } => put(&mut self.narrative.areas, area, text),
            LogEdit::UpdateEvery(weeks @ (1 | 2)) => replace(&mut self.updates.every, weeks),
            LogEdit::UpdateEvery(_) => false,
            LogEdit::UpdateSent(day) => replace(&mut self.updates.last_sent, day),
        }
    }

    /// Every entry, in the order they were added.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &Entry> + ExactSizeIterator + Clone {
        self.entries.iter().map(|entry| &**entry)
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries().find(|entry| entry.id == id)
    }

    fn entry_mut(&mut self, id: &str) -> Option<&mut Entry> {
        self.entries
            .iter_mut()
            .find(|entry| entry.id == id)
            .map(Item::make_mut)
    }

    /// An id no entry has: "e" and the time `now` in milliseconds, or the
    /// smallest number above every number used so far if that is larger
    /// ("e1" for an empty log at time 0). The id of a removed entry is not
    /// given again while later ones exist, and two tabs adding an entry
    /// each give them different ids (unless in the same millisecond), so
    /// that combining the two keeps both.
    pub fn free_id(&self, now: Millis) -> String {
        let highest = self.entries().filter_map(|e| number(&e.id)).max();
        match highest {
            None => format!("e{}", now.max(1)),
            Some(n) if n < u64::MAX => format!("e{}", now.max(n + 1)),
            // Only a hand-made file gets here: take the first free number.
            Some(_) => (1..)
                .map(|n: u64| format!("e{n}"))
                .find(|id| self.entry(id).is_none())
                .unwrap_or_default(),
        }
    }

    /// Every entry, newest first (see [`newest_first`]).
    pub fn newest_first(&self) -> Vec<&Entry> {
        let mut entries: Vec<&Entry> = self.entries().collect();
        entries.sort_by(|a, b| newest_first(a, b));
        entries
    }

    /// The entries that pass `filter`, newest first. `rubric` says which
    /// area each criterion is in; it is read once per call, so a search
    /// costs one pass over the entries.
    pub fn find<'a>(&'a self, filter: &Filter, rubric: &Rubric) -> Vec<&'a Entry> {
        let areas = area_of(rubric);
        let needles: Vec<String> = words(&filter.text)
            .into_iter()
            .map(|word| format!(" {word}"))
            .collect();
        let area = filter.area.as_deref();
        let mut found: Vec<&Entry> = self
            .entries()
            .filter(|e| filter.kind.is_none_or(|kind| e.kind == kind))
            .filter(|e| filter.from.is_none_or(|from| e.date >= from))
            .filter(|e| filter.to.is_none_or(|to| e.date <= to))
            .filter(|e| {
                filter
                    .criterion
                    .as_ref()
                    .is_none_or(|criterion| e.criteria.contains(criterion))
            })
            .filter(|e| {
                area.is_none_or(|area| {
                    e.criteria
                        .iter()
                        .any(|c| areas.get(c.as_str()) == Some(&area))
                })
            })
            .filter(|e| {
                !filter.unlinked || !e.criteria.iter().any(|c| areas.contains_key(c.as_str()))
            })
            .filter(|e| {
                needles.is_empty() || {
                    let text = e.searched();
                    needles.iter().all(|needle| text.contains(needle.as_str()))
                }
            })
            .collect();
        found.sort_by(|a, b| newest_first(a, b));
        found
    }

    /// The entries that prove `criterion`, newest first.
    pub fn linked_to(&self, criterion: &str) -> Vec<&Entry> {
        let mut entries: Vec<&Entry> = self
            .entries()
            .filter(|entry| entry.criteria.iter().any(|c| c == criterion))
            .collect();
        entries.sort_by(|a, b| newest_first(a, b));
        entries
    }

    /// How many entries prove each criterion that any entry links (an
    /// entry that lists a criterion twice counts once).
    pub fn count_by_criterion(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for entry in &self.entries {
            let mut seen = HashSet::new();
            for criterion in &entry.criteria {
                if seen.insert(criterion.as_str()) {
                    *counts.entry(criterion.as_str()).or_insert(0) += 1;
                }
            }
        }
        counts
    }

    /// The ids of the entries that prove each criterion, newest first.
    fn ids_by_criterion(&self) -> HashMap<&str, Vec<&str>> {
        let mut ids: HashMap<&str, Vec<&str>> = HashMap::new();
        for entry in self.newest_first() {
            let mut seen = HashSet::new();
            for criterion in &entry.criteria {
                if seen.insert(criterion.as_str()) {
                    ids.entry(criterion.as_str())
                        .or_default()
                        .push(entry.id.as_str());
                }
            }
        }
        ids
    }
}

/// How many days without a new entry before the dashboard nudges.
pub const NUDGE_AFTER_DAYS: i32 = 14;

/// The log at a glance, for the dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Activity {
    /// Entries dated in the calendar month of `today`.
    pub this_month: usize,
    /// The date of the latest entry dated on or before today.
    pub latest: Option<Date>,
    /// Whether to nudge: nothing dated in the last
    /// [`NUDGE_AFTER_DAYS`] days, and something was logged before (a log
    /// not yet started is invited, not nudged).
    pub nudge: bool,
}

impl Log {
    /// The log at a glance on `today`.
    pub fn activity(&self, today: Date) -> Activity {
        let (year, month, _) = today.ymd();
        let this_month = self
            .entries()
            .filter(|entry| {
                let (y, m, _) = entry.date.ymd();
                (y, m) == (year, month) && entry.date <= today
            })
            .count();
        let latest = self
            .entries()
            .map(|entry| entry.date)
            .filter(|date| *date <= today)
            .max();
        let nudge = !self.entries.is_empty()
            && latest.is_none_or(|latest| today.0 - latest.0 >= NUDGE_AFTER_DAYS);
        Activity {
            this_month,
            latest,
            nudge,
        }
    }
}

/// The order entries are listed in: the latest date first, and on the same
/// day the later added first (the higher number of "e12"), then by id.
pub fn newest_first(a: &Entry, b: &Entry) -> Ordering {
    b.date
        .cmp(&a.date)
        .then_with(|| number(&b.id).cmp(&number(&a.id)))
        .then_with(|| b.id.cmp(&a.id))
}

/// The number of an id [`Log::free_id`] gave: 12 for "e12"; `None` for an
/// id of another form.
fn number(id: &str) -> Option<u64> {
    let digits = id.strip_prefix('e')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The id of the area each criterion of `rubric` is in, across its tracks.
fn area_of(rubric: &Rubric) -> HashMap<&str, &str> {
    rubric
        .tracks
        .iter()
        .flat_map(|track| &track.areas)
        .flat_map(|area| {
            area.criteria
                .iter()
                .map(move |criterion| (criterion.id.as_str(), area.id.as_str()))
        })
        .collect()
}

/// How well one area's criteria at a level are backed by entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaCoverage<'a> {
    pub area: &'a Area,
    /// Its criteria at the level, in the rubric's order.
    pub criteria: Vec<CriterionCoverage<'a>>,
}

/// One criterion and the entries that prove it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionCoverage<'a> {
    pub criterion: &'a Criterion,
    /// The ids of the entries linked to it, newest first.
    pub entries: Vec<&'a str>,
}

impl AreaCoverage<'_> {
    /// How many of its criteria have at least one entry.
    pub fn covered(&self) -> usize {
        self.criteria
            .iter()
            .filter(|c| !c.entries.is_empty())
            .count()
    }

    /// The share of its criteria with at least one entry, in whole percent
    /// rounded down (so 100 only when every one has).
    pub fn percent(&self) -> usize {
        (self.covered() * 100)
            .checked_div(self.criteria.len())
            .unwrap_or(0)
    }
}

/// Where the case is thin: for each area of `track` (the first track for
/// an unknown id) that has criteria at `level`, those criteria with the
/// entries that prove them. The thinnest area comes first (the smallest
/// share of criteria with at least one entry), ties in the rubric's order.
/// An area with no criteria at `level` is left out rather than shown as
/// empty, since there is nothing to prove there; so is a criterion the
/// user marked in `assessment` as not applying to their role.
pub fn coverage<'a>(
    rubric: &'a Rubric,
    track: &str,
    level: &str,
    log: &'a Log,
    assessment: &Assessment,
) -> Vec<AreaCoverage<'a>> {
    let Some(track) = rubric.track(track) else {
        return Vec::new();
    };
    let ids = log.ids_by_criterion();
    let mut areas: Vec<AreaCoverage<'a>> = track
        .areas
        .iter()
        .map(|area| AreaCoverage {
            area,
            criteria: area
                .criteria
                .iter()
                .filter(|criterion| criterion.level == level)
                .filter(|criterion| {
                    !assessment
                        .rating(&criterion.id)
                        .is_some_and(|rating| rating.not_applicable)
                })
                .map(|criterion| CriterionCoverage {
                    criterion,
                    entries: ids.get(criterion.id.as_str()).cloned().unwrap_or_default(),
                })
                .collect(),
        })
        .filter(|area| !area.criteria.is_empty())
        .collect();
    // covered / total, compared without division; the sort is stable.
    let share = |area: &AreaCoverage| (area.covered() as u128, area.criteria.len() as u128);
    areas.sort_by(|a, b| {
        let ((a_covered, a_total), (b_covered, b_total)) = (share(a), share(b));
        (a_covered * b_total).cmp(&(b_covered * a_total))
    });
    areas
}

/// Why there is no target level to show coverage of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoTarget {
    /// No current level is chosen yet.
    NoLevels,
    /// The current level is the ladder's top one.
    TopLevel,
}

/// [`coverage`] of the level `assessment` aims at, with that level and its
/// track: where the user's case is thin.
pub fn target_coverage<'a>(
    rubric: &'a Rubric,
    assessment: &Assessment,
    log: &'a Log,
) -> Result<(&'a Track, &'a Level, Vec<AreaCoverage<'a>>), NoTarget> {
    let selection = assessment.selection(rubric).ok_or(NoTarget::NoLevels)?;
    let target = selection.target.ok_or(NoTarget::TopLevel)?;
    let areas = coverage(rubric, &selection.track.id, &target.id, log, assessment);
    Ok((selection.track, target, areas))
}

/// Every entry as a Markdown brag document: grouped by calendar quarter
/// ("## 2026 Q3"), the latest quarter first and the newest entry first
/// within it, each with its date, kind, result, story, the criteria it
/// proves (by their text; ids the rubric does not have are skipped), who
/// can confirm it and its links.
///
/// Text typed by the user or taken from the rubric goes through
/// [`inline`], or [`paragraph`] where it starts a line, so it cannot break
/// the layout. Links that pass [`check_link`] become links; any other is
/// shown as text.
pub fn brag_markdown(log: &Log, rubric: &Rubric) -> String {
    let mut out = String::from("# Brag document\n\n");
    if log.entries.is_empty() {
        out += "Nothing is logged yet.\n";
        return out;
    }
    let texts: HashMap<&str, &str> = rubric
        .tracks
        .iter()
        .flat_map(|track| &track.areas)
        .flat_map(|area| &area.criteria)
        .map(|criterion| (criterion.id.as_str(), criterion.text.as_str()))
        .collect();
    let _ = writeln!(
        out,
        "{}, by quarter, the newest first.",
        counted(log.entries.len(), "accomplishment", "accomplishments")
    );
    let mut quarter = None;
    for entry in log.newest_first() {
        let (year, month, _) = entry.date.ymd();
        let this = (year, (month - 1) / 3 + 1);
        if quarter != Some(this) {
            let _ = write!(out, "\n## {} Q{}\n", this.0, this.1);
            quarter = Some(this);
        }
        brag_entry(&mut out, entry, &texts);
    }
    out
}

/// One entry of the brag document.
fn brag_entry(out: &mut String, entry: &Entry, texts: &HashMap<&str, &str>) {
    let _ = write!(out, "\n### {}\n\n", heading(&entry.title));
    let _ = writeln!(out, "{} · {}", entry.date.label(), entry.kind.label());
    if let Some(summary) = entry.result.summary() {
        let _ = write!(out, "\n**Result:** {}\n", inline(&summary));
    }
    for line in entry.story.lines().filter(|line| !line.trim().is_empty()) {
        let _ = write!(out, "\n{}\n", paragraph(line));
    }
    let mut seen = HashSet::new();
    let proves: Vec<&str> = entry
        .criteria
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .filter_map(|id| texts.get(id.as_str()).copied())
        .collect();
    if !proves.is_empty() {
        out.push_str("\n**Proves:**\n\n");
        for text in proves {
            let _ = writeln!(out, "- {}", paragraph(text));
        }
    }
    let people = confirmers(entry);
    if !people.is_empty() {
        let _ = write!(out, "\n**Can confirm:** {}\n", people.join(", "));
    }
    let links: Vec<&String> = entry
        .links
        .iter()
        .filter(|link| !link.trim().is_empty())
        .collect();
    if !links.is_empty() {
        out.push_str("\n**Links:**\n\n");
        for link in links {
            let _ = writeln!(out, "- {}", link_text(link));
        }
    }
}

/// Who can confirm `entry`, each as "Dana (manager)" in Markdown, leaving
/// out anyone without a name.
pub(crate) fn confirmers(entry: &Entry) -> Vec<String> {
    entry
        .confirm
        .iter()
        .filter(|person| !person.name.trim().is_empty())
        .map(|person| match person.role.trim() {
            "" => inline(&person.name),
            role => format!("{} ({})", inline(&person.name), inline(role)),
        })
        .collect()
}

/// `link` in Markdown: a link when it passes [`check_link`], or else the
/// address as text ([`paragraph`]), so that it can start a list item.
pub(crate) fn link_text(link: &str) -> String {
    match check_link(link) {
        // An autolink's text is taken as it is, and a valid link holds no
        // space or angle bracket to end it early.
        Ok(()) => format!("<{link}>"),
        Err(_) => paragraph(link),
    }
}

/// `title` as a heading's text: [`inline`], with a stand-in when blank,
/// and a closing run of `#` escaped, which Markdown would otherwise drop.
/// The same text reads as it should mid-line too.
pub(crate) fn heading(title: &str) -> String {
    let mut text = inline(title);
    if text.is_empty() {
        return "Untitled".to_owned();
    }
    if text.ends_with('#') {
        let at = text.trim_end_matches('#').len();
        text.insert(at, '\\');
    }
    text
}

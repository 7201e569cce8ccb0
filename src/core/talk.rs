//! Conversation prep (`#/talk`): the promotion process types and what each
//! needs, and the conversations to have, each a script whose placeholders
//! are filled from the user's own data.
//!
//! The words are `src/content/talk.toml`, checked here ([`Talk::problems`])
//! and written into the build as JSON by `tools/content`, like the rubric
//! and the glossary. A placeholder (`{target_level}`, …) is a [`Slot`]:
//! [`Facts::gather`] finds what the user's assessment, plan and log say for
//! each, and [`fill`] puts that in, or marks the slot as missing with where
//! to fill it in.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::evidence::Log;
use super::markdown::{inline, paragraph};
use super::packet::strongest_first;
use super::plan::Plan;
use super::route::Route;
use super::rubric::Rubric;
use super::schema::{Change, Document, Restore};
use super::{put, replace};

/// The conversation content's file in the build, next to `index.html`.
pub const TALK_FILE: &str = "talk.json";

/// The process types, in the order the page offers them.
pub const PROCESSES: [&str; 4] = ["informal", "semi-formal", "formal", "not-sure"];

/// The conversations, in the order the page lists them.
pub const CONVERSATIONS: [&str; 4] = ["ask", "early-and-often", "relationship", "passed-over"];

/// The reasons a promotion does not come that are outside the user's
/// control.
pub const REASONS: [&str; 3] = ["budget", "calibration", "advocacy"];

/// Everything the conversation pages say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Talk {
    pub processes: Vec<Process>,
    pub conversations: Vec<Conversation>,
    pub reasons: Vec<Reason>,
    pub elsewhere: Elsewhere,
    pub rehearse: Rehearse,
    /// The checklist for after the meeting.
    pub after: Vec<Step>,
}

/// A kind of promotion process, and how to prepare for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Process {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// How to recognise it.
    pub signs: Vec<String>,
    /// For "not sure": what to ask the manager to find out.
    pub questions: Vec<String>,
    pub checklist: Vec<Step>,
}

/// One thing to do, and the part of Rungs that helps with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub text: String,
    pub link: Link,
}

/// The part of Rungs a step points to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Link {
    Assess,
    Evidence,
    Packet,
    Plan,
    Checkins,
    Talk,
    #[serde(rename = "")]
    #[default]
    Nowhere,
}

impl Link {
    pub fn is_nowhere(&self) -> bool {
        *self == Link::Nowhere
    }

    /// Where it leads, and what the link says.
    pub fn target(self) -> Option<(Route, &'static str)> {
        match self {
            Link::Assess => Some((Route::Assess, "Grade yourself")),
            Link::Evidence => Some((Route::Evidence, "Your accomplishment log")),
            Link::Packet => Some((Route::Packet, "Your promotion packet")),
            Link::Plan => Some((Route::Plan, "Your plan")),
            Link::Checkins => Some((Route::CheckIns, "Your check-ins")),
            Link::Talk => Some((Route::Talk, "Conversation prep")),
            Link::Nowhere => None,
        }
    }
}

/// A conversation to prepare: a script, and what the manager may answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conversation {
    pub id: String,
    pub name: String,
    /// When to have it.
    pub when: String,
    /// What to keep in mind going in.
    pub before: Vec<String>,
    /// Questions to answer for yourself first (after being passed over).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reflection: Vec<Question>,
    pub lines: Vec<Line>,
    pub responses: Vec<Response>,
}

/// A question to answer for yourself; the answer is kept by its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub ask: String,
}

/// A line of a script: what to say, and perhaps a note on saying it. The
/// user's own copy of it is kept by its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub id: String,
    pub say: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tip: String,
    /// The part of Rungs that helps with the tip, if any.
    #[serde(default, skip_serializing_if = "Link::is_nowhere")]
    pub link: Link,
}

/// Something the manager may say, and a good answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub they: String,
    pub you: String,
}

/// A reason a promotion does not come despite good work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    pub id: String,
    pub name: String,
    pub what: String,
    #[serde(rename = "do")]
    pub action: String,
}

/// When it may be time to look elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Elsewhere {
    pub intro: String,
    pub signs: Vec<String>,
}

/// On saying a script aloud.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rehearse {
    pub intro: String,
}

impl Talk {
    pub fn process(&self, id: &str) -> Option<&Process> {
        self.processes.iter().find(|process| process.id == id)
    }

    pub fn conversation(&self, id: &str) -> Option<&Conversation> {
        self.conversations.iter().find(|c| c.id == id)
    }

    /// What is wrong with the content, in plain words; empty when it is
    /// fine.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut fixed = |found: Vec<&str>, expected: &[&str], what: &str| {
            if found != expected {
                problems.push(format!(
                    "the {what} must be exactly {} in that order, not {}",
                    expected.join(", "),
                    found.join(", ")
                ));
            }
        };
        fixed(
            self.processes.iter().map(|p| p.id.as_str()).collect(),
            &PROCESSES,
            "processes",
        );
        fixed(
            self.conversations.iter().map(|c| c.id.as_str()).collect(),
            &CONVERSATIONS,
            "conversations",
        );
        fixed(
            self.reasons.iter().map(|r| r.id.as_str()).collect(),
            &REASONS,
            "reasons",
        );

        // Every text with where it is: `said` is what the user says or
        // hears, the only text whose placeholders are filled in.
        let mut texts: Vec<(String, &str)> = Vec::new();
        let mut said: Vec<(String, &str)> = Vec::new();
        for process in &self.processes {
            let at = format!("process {}", process.id);
            texts.push((format!("{at}: name"), &process.name));
            texts.push((format!("{at}: summary"), &process.summary));
            texts.extend(
                process
                    .signs
                    .iter()
                    .map(|s| (format!("{at}: a sign"), s.as_str())),
            );
            texts.extend(
                process
                    .questions
                    .iter()
                    .map(|q| (format!("{at}: a question"), q.as_str())),
            );
            if (process.id == "not-sure") == process.questions.is_empty() {
                problems.push(format!(
                    "{at}: only \"not-sure\" has questions to ask, and it must have some"
                ));
            }
            if process.checklist.is_empty() {
                problems.push(format!("{at} has no checklist"));
            }
            steps(&at, &process.checklist, &mut texts, &mut problems);
        }
        for conversation in &self.conversations {
            let at = format!("conversation {}", conversation.id);
            let own = said.len();
            texts.push((format!("{at}: name"), &conversation.name));
            texts.push((format!("{at}: when"), &conversation.when));
            texts.extend(
                conversation
                    .before
                    .iter()
                    .map(|b| (format!("{at}: before"), b.as_str())),
            );
            if (conversation.id == "passed-over") == conversation.reflection.is_empty() {
                problems.push(format!(
                    "{at}: only \"passed-over\" has reflection questions, and it must have some"
                ));
            }
            ids(
                &at,
                conversation.reflection.iter().map(|q| q.id.as_str()),
                &mut problems,
            );
            texts.extend(
                conversation
                    .reflection
                    .iter()
                    .map(|q| (format!("{at}: reflection {}", q.id), q.ask.as_str())),
            );
            if conversation.lines.is_empty() || conversation.responses.is_empty() {
                problems.push(format!("{at} needs lines to say and responses"));
            }
            ids(
                &at,
                conversation.lines.iter().map(|l| l.id.as_str()),
                &mut problems,
            );
            for line in &conversation.lines {
                said.push((format!("{at}: line {}", line.id), &line.say));
                if !line.tip.is_empty() {
                    texts.push((format!("{at}: line {}: tip", line.id), &line.tip));
                } else if !line.link.is_nowhere() {
                    problems.push(format!(
                        "{at}: line {}: a link needs a tip to go with",
                        line.id
                    ));
                }
            }
            for response in &conversation.responses {
                said.push((format!("{at}: a response"), &response.they));
                said.push((format!("{at}: an answer"), &response.you));
            }
            let slots: HashSet<Slot> = said[own..]
                .iter()
                .flat_map(|(_, text)| slots_in(text))
                .collect();
            if slots.len() < 2 {
                problems.push(format!("{at} fills in fewer than two placeholders"));
            }
        }
        for reason in &self.reasons {
            let at = format!("reason {}", reason.id);
            texts.push((format!("{at}: name"), &reason.name));
            texts.push((format!("{at}: what"), &reason.what));
            texts.push((format!("{at}: do"), &reason.action));
        }
        texts.push(("elsewhere: intro".into(), &self.elsewhere.intro));
        texts.extend(
            self.elsewhere
                .signs
                .iter()
                .map(|s| ("elsewhere: a sign".into(), s.as_str())),
        );
        texts.push(("rehearse: intro".into(), &self.rehearse.intro));
        steps("after", &self.after, &mut texts, &mut problems);
        if self.after.is_empty() {
            problems.push("the after-meeting checklist is empty".into());
        }

        for (at, text) in &said {
            for piece in pieces(text) {
                if let Piece::Unknown(token) = piece {
                    problems.push(format!(
                        "{at}: {token} is not a placeholder (use one of {})",
                        Slot::ALL
                            .map(|slot| format!("{{{}}}", slot.token()))
                            .join(", ")
                    ));
                }
            }
        }
        for (at, text) in &texts {
            if slots_in(text).next().is_some() {
                problems.push(format!(
                    "{at}: a placeholder is filled in only in lines to say and responses"
                ));
            }
        }
        for (at, text) in texts.iter().chain(&said) {
            if text.trim().is_empty() {
                problems.push(format!("{at} is empty"));
            }
        }
        problems
    }
}

/// Checks a checklist's ids and gathers its texts.
fn steps<'a>(
    at: &str,
    steps: &'a [Step],
    texts: &mut Vec<(String, &'a str)>,
    problems: &mut Vec<String>,
) {
    ids(at, steps.iter().map(|step| step.id.as_str()), problems);
    texts.extend(
        steps
            .iter()
            .map(|step| (format!("{at}: {}", step.id), step.text.as_str())),
    );
}

/// Checks that each of a list's ids is one (a-z, 0-9 and hyphens), once.
fn ids<'a>(at: &str, ids: impl Iterator<Item = &'a str>, problems: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for id in ids {
        let valid = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            problems.push(format!("{at}: {id:?} is not an id (a-z, 0-9 and hyphens)"));
        }
        if !seen.insert(id) {
            problems.push(format!("{at}: the id {id} is used twice"));
        }
    }
}

/// A placeholder in a script, filled from the user's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    TargetLevel,
    CurrentLevel,
    Timeframe,
    Gap,
    SecondGap,
    Strength,
    Entry,
    Manager,
}

impl Slot {
    pub const ALL: [Slot; 8] = [
        Slot::TargetLevel,
        Slot::CurrentLevel,
        Slot::Timeframe,
        Slot::Gap,
        Slot::SecondGap,
        Slot::Strength,
        Slot::Entry,
        Slot::Manager,
    ];

    /// The name between braces in a script: `{target_level}`.
    pub fn token(self) -> &'static str {
        match self {
            Slot::TargetLevel => "target_level",
            Slot::CurrentLevel => "current_level",
            Slot::Timeframe => "timeframe",
            Slot::Gap => "gap",
            Slot::SecondGap => "second_gap",
            Slot::Strength => "strength",
            Slot::Entry => "entry",
            Slot::Manager => "manager",
        }
    }

    fn from_token(token: &str) -> Option<Slot> {
        Slot::ALL.into_iter().find(|slot| slot.token() == token)
    }

    /// What goes there, as shown while it is missing.
    pub fn label(self) -> &'static str {
        match self {
            Slot::TargetLevel => "the level you aim for",
            Slot::CurrentLevel => "your current level",
            Slot::Timeframe => "your timeframe",
            Slot::Gap => "your biggest gap",
            Slot::SecondGap => "your next gap",
            Slot::Strength => "a strength at the next level",
            Slot::Entry => "your strongest accomplishment",
            Slot::Manager => "your manager's name",
        }
    }

    /// Where the user fills it in, and what to do there.
    pub fn fill_at(self) -> (Route, &'static str) {
        match self {
            Slot::TargetLevel | Slot::CurrentLevel => (Route::Assess, "choose your levels"),
            Slot::Timeframe => (Route::Plan, "set your promotion date in your plan"),
            Slot::Gap | Slot::SecondGap | Slot::Strength => (Route::Assess, "grade yourself"),
            Slot::Entry => (Route::Evidence, "log an accomplishment"),
            Slot::Manager => (Route::CheckIns, "schedule check-ins with your manager"),
        }
    }
}

/// A piece of a script's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Slot(Slot),
    /// Something in braces that is not a placeholder, kept as written.
    Unknown(&'a str),
}

/// `text` cut into plain text and placeholders. A brace that opens no
/// placeholder is text; braces around anything else are kept as they are
/// (a user's own edit may well contain them).
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    // Each "}" closes the nearest "{" before it, so that a stray brace
    // ("see {x {gap}") leaves the placeholder after it whole.
    while let Some(close) = rest.find('}') {
        let Some(open) = rest[..close].rfind('{') else {
            pieces.push(Piece::Text(&rest[..=close]));
            rest = &rest[close + 1..];
            continue;
        };
        if open > 0 {
            pieces.push(Piece::Text(&rest[..open]));
        }
        let token = &rest[open..=close];
        pieces.push(match Slot::from_token(&token[1..token.len() - 1]) {
            Some(slot) => Piece::Slot(slot),
            None => Piece::Unknown(token),
        });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

fn slots_in(text: &str) -> impl Iterator<Item = Slot> + '_ {
    pieces(text).into_iter().filter_map(|piece| match piece {
        Piece::Slot(slot) => Some(slot),
        _ => None,
    })
}

/// What the user's data says for each placeholder it can fill.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts(BTreeMap<Slot, String>);

impl Facts {
    /// The levels chosen in the assessment, its two largest gaps at the
    /// target level and a strength, the promotion date of the plan, the
    /// strongest entry of the log and the name of whom check-ins are with.
    pub fn gather(rubric: &Rubric, assessment: &Assessment, plan: &Plan, log: &Log) -> Facts {
        let mut facts = BTreeMap::new();
        let mut put = |slot: Slot, value: &str| {
            // A criterion is quoted mid-sentence, without its full stop.
            let value = value.trim().trim_end_matches('.');
            if !value.is_empty() {
                facts.insert(slot, value.to_owned());
            }
        };
        if let Some(report) = assessment.report(rubric, log) {
            put(Slot::CurrentLevel, &report.current.name);
            if let Some(target) = &report.target {
                put(Slot::TargetLevel, &target.name);
                // Met at the level aimed at, as the scripts say it is.
                let strength = report
                    .strengths
                    .iter()
                    .find(|item| item.level == target.name);
                if let Some(strength) = strength {
                    put(Slot::Strength, &strength.text);
                }
            }
            let mut gaps = report.gaps.iter();
            if let Some(gap) = gaps.next() {
                put(Slot::Gap, &gap.text);
            }
            if let Some(gap) = gaps.next() {
                put(Slot::SecondGap, &gap.text);
            }
        }
        if let Some(date) = plan.target {
            put(Slot::Timeframe, &format!("by {}", date.label()));
        }
        if let Some(entry) = log.entries().min_by(|a, b| strongest_first(a, b)) {
            put(Slot::Entry, &entry.title);
        }
        if let Some(schedule) = &plan.schedule {
            // "Dana, my manager": the name is what comes before a comma.
            put(Slot::Manager, schedule.with.split(',').next().unwrap_or(""));
        }
        Facts(facts)
    }

    pub fn get(&self, slot: Slot) -> Option<&str> {
        self.0.get(&slot).map(String::as_str)
    }
}

/// A piece of a script, filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filled<'a> {
    Text(&'a str),
    /// A placeholder with the user's value.
    Value(Slot, &'a str),
    /// A placeholder the user's data has no value for yet.
    Missing(Slot),
}

/// `text` with its placeholders filled from `facts`.
pub fn fill<'a>(text: &'a str, facts: &'a Facts) -> Vec<Filled<'a>> {
    pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) | Piece::Unknown(text) => Filled::Text(text),
            Piece::Slot(slot) => match facts.get(slot) {
                Some(value) => Filled::Value(slot, value),
                None => Filled::Missing(slot),
            },
        })
        .collect()
}

/// `text` filled in as plain text, a missing value shown in brackets
/// ("[your timeframe]").
pub fn filled_text(text: &str, facts: &Facts) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in fill(text, facts) {
        match piece {
            Filled::Text(text) | Filled::Value(_, text) => out.push_str(text),
            Filled::Missing(slot) => {
                let _ = write!(out, "[{}]", slot.label());
            }
        }
    }
    out
}

/// The one-page card to take into a conversation, filled in: when to have
/// it, what to keep in mind, the lines to say and the likely responses
/// with what to answer. Downloaded as Markdown and printed as a sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub title: String,
    pub when: String,
    pub before: Vec<String>,
    /// The lines to say, each the user's own copy where they reworded it.
    pub say: Vec<String>,
    /// What they may say, and what to answer.
    pub responses: Vec<(String, String)>,
}

impl Card {
    /// The card of `conversation`, its `lines` (the user's own copy of
    /// each) and responses filled from `facts`.
    pub fn new(conversation: &Conversation, lines: &[&str], facts: &Facts) -> Card {
        Card {
            title: conversation.name.clone(),
            when: conversation.when.clone(),
            before: conversation.before.clone(),
            say: lines.iter().map(|line| filled_text(line, facts)).collect(),
            responses: conversation
                .responses
                .iter()
                .map(|r| (filled_text(&r.they, facts), filled_text(&r.you, facts)))
                .collect(),
        }
    }

    /// The card as Markdown.
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n\n", inline(&self.title));
        let _ = writeln!(out, "{}\n", paragraph(&self.when));
        if !self.before.is_empty() {
            out.push_str("## Going in\n\n");
            for point in &self.before {
                let _ = writeln!(out, "- {}", inline(point));
            }
            out.push('\n');
        }
        out.push_str("## What to say\n\n");
        for (n, line) in self.say.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", n + 1, inline(line));
        }
        if !self.responses.is_empty() {
            out.push_str("\n## If they say\n\n");
            for (they, you) in &self.responses {
                let _ = writeln!(out, "- **{}**  \n  {}", inline(they), inline(you));
            }
        }
        out
    }
}

/// What the user keeps of their conversation prep: the process their
/// company runs, the checklist items done, their own copy of a script's
/// lines, and their private answers to the reflection questions.
///
/// Checklist items are keyed `<process>/<item>` (and `after/<item>`), a
/// line `<conversation>/<line>` and an answer `<conversation>/<question>`,
/// each by the id the content gives it, never by its place: maps
/// rather than lists, so that two tabs ticking different items, or
/// editing different lines, combine item by item (see `core::merge`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Prep {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub ticked: BTreeMap<String, bool>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub lines: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, String>,
}

/// The key of the line or question `item` of a conversation, or of the
/// item `item` of the checklist `list` (a process id, or "after").
pub fn key(list: &str, item: impl std::fmt::Display) -> String {
    format!("{list}/{item}")
}

/// A change to the conversation prep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrepEdit {
    /// The process the user's company runs; `None`: not chosen yet.
    Process(Option<String>),
    /// Ticks or unticks a checklist item.
    Done { key: String, done: bool },
    /// The user's own copy of a line; `None` puts the original back.
    Line { key: String, text: Option<String> },
    /// A private answer to a reflection question; empty removes it.
    Answer { key: String, text: String },
}

impl Prep {
    /// Applies `edit`; returns whether anything changed.
    pub fn apply(&mut self, edit: PrepEdit) -> bool {
        match edit {
            PrepEdit::Process(process) => replace(&mut self.process, process),
            PrepEdit::Done { key, done: true } => self.ticked.insert(key, true).is_none(),
            PrepEdit::Done { key, done: false } => self.ticked.remove(&key).is_some(),
            PrepEdit::Line {
                key,
                text: Some(text),
            } => put(&mut self.lines, key, text),
            PrepEdit::Line { key, text: None } => self.lines.remove(&key).is_some(),
            PrepEdit::Answer { key, text } if text.trim().is_empty() => {
                self.answers.remove(&key).is_some()
            }
            PrepEdit::Answer { key, text } => put(&mut self.answers, key, text),
        }
    }

    pub fn is_done(&self, key: &str) -> bool {
        self.ticked.contains_key(key)
    }

    /// The lines of `conversation` as the user will say them: their own
    /// copy where they made one.
    pub fn lines<'a>(&'a self, conversation: &'a Conversation) -> Vec<&'a str> {
        conversation
            .lines
            .iter()
            .map(|line| {
                self.lines
                    .get(&key(&conversation.id, &line.id))
                    .map_or(line.say.as_str(), String::as_str)
            })
            .collect()
    }
}

impl Change for PrepEdit {
    fn apply_to(&self, document: &mut Document) -> Option<Restore> {
        document
            .talk
            .edit(|prep| prep.apply(self.clone()))
            .map(Restore::Talk)
    }

    /// Putting a line back takes away the user's own words, so it is
    /// offered back.
    fn undo_label(&self, before: &Document) -> Option<String> {
        match self {
            PrepEdit::Line { key, text: None } if before.talk.value().lines.contains_key(key) => {
                Some("Put the original line back.".to_owned())
            }
            _ => None,
        }
    }
}

//! Grades from a manager or a peer, with no server: two files.
//!
//! 1. The engineer makes a **request** for a named reviewer: the criteria
//!    of their current and target levels (a small rubric of its own, so
//!    that a reviewer without the engineer's ladder can grade it), a
//!    message and, if they choose, their own grades. It names itself with
//!    an id and a hash of its criteria, and the engineer's assessment keeps
//!    both ([`Asked`]).
//! 2. The reviewer opens the request in their own Rungs, grades what they
//!    can ([`Draft`], kept in their browser apart from their own data) and
//!    sends back a **response**: the request's id and hash, their grades,
//!    and a check over all of it.
//! 3. The engineer adds the response: it must answer a request made here
//!    (or, from another browser, the very criteria in use), on the ladder
//!    in use, and be unchanged since it was made ([`receive`]). Its grades
//!    are kept as that reviewer's ([`Review`]), beside the engineer's own.
//!
//! The hashes catch a file that was edited, cut short or meant for someone
//! else; they are not signatures, and nothing here pretends a file cannot
//! be forged by someone who sets out to.
//!
//! Reading a file never panics, whatever it holds (`tests/review.rs`
//! throws arbitrary input at both readers).

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::assessment::{Assessment, Grade, Perspective, Selection};
use super::persist::{Backend, BackendError, Store};
use super::rubric::{Rubric, Track};
use super::time::Millis;
use super::transfer::{self, ImportError};

/// What a request file says it is.
pub const REQUEST_FORMAT: &str = "rungs-review-request";
/// What a response file says it is.
pub const RESPONSE_FORMAT: &str = "rungs-review-response";
/// The version of both files that this build writes and reads.
pub const FILE_VERSION: u32 = 1;
/// The longest name, in characters.
pub const MAX_NAME: usize = 100;
/// The longest message or comment, in characters.
pub const MAX_NOTE: usize = 5_000;
/// The most criteria one request may hold: far more than two levels of
/// any ladder.
pub const MAX_CRITERIA: usize = 1_000;
/// The longest criterion text, in characters.
const MAX_CRITERION: usize = 5_000;

/// Who grades.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[default]
    Manager,
    Peer,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Manager, Role::Peer];

    pub fn id(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::Peer => "peer",
        }
    }

    /// "Manager", "Peer".
    pub fn label(self) -> &'static str {
        match self {
            Role::Manager => "Manager",
            Role::Peer => "Peer",
        }
    }
}

/// A reviewer, as the engineer named them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub role: Role,
}

impl Person {
    /// "Dana (manager)".
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.role.id())
    }

    /// Whether `other` is the same person: the same name, whatever the
    /// case and spacing.
    fn same_as(&self, other: &Person) -> bool {
        let key = |name: &str| {
            name.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        key(&self.name) == key(&other.name)
    }
}

/// What a reviewer said about one criterion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Given {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// The reviewer says the criterion does not apply to the engineer's
    /// role; any grade beside it is not read.
    #[serde(skip_serializing_if = "is_false")]
    pub not_applicable: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Given {
    /// The grade, unless the criterion does not apply.
    pub fn grade(&self) -> Option<Grade> {
        self.grade.filter(|_| !self.not_applicable)
    }

    pub fn is_empty(&self) -> bool {
        self.grade.is_none() && !self.not_applicable && self.comment.trim().is_empty()
    }

    /// Whether the criterion has a grade or is said not to apply: what
    /// counts as done.
    pub fn answered(&self) -> bool {
        self.grade.is_some() || self.not_applicable
    }

    /// "Consistently", "Does not apply", or "—" with nothing given.
    pub fn label(&self) -> &'static str {
        match (self.not_applicable, self.grade) {
            (true, _) => "Does not apply",
            (false, Some(grade)) => grade.label(),
            (false, None) => "—",
        }
    }
}

/// A request the user made, kept in their assessment to match its
/// response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Asked {
    pub id: String,
    pub at: Millis,
    pub reviewer: Person,
    /// The id of the ladder the request is on.
    pub rubric: String,
    /// The hash of the request's criteria.
    pub hash: String,
}

/// Grades a reviewer sent back, as the user added them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The id of the request it answers.
    pub id: String,
    pub reviewer: Person,
    /// When the reviewer sent it.
    pub at: Millis,
    /// When the user added it.
    pub added: Millis,
    /// By criterion id.
    pub grades: BTreeMap<String, Given>,
}

/// What the user fills in to ask for grades.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ask {
    /// The user's own name, as the reviewer knows them.
    pub from: String,
    pub reviewer: Person,
    pub message: String,
    /// Whether the user's own grades go in the file.
    pub share_own: bool,
}

/// A request for grades, as a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub format: String,
    pub version: u32,
    /// What the file is, for a person who opens it.
    #[serde(default)]
    pub about: String,
    pub id: String,
    pub made_at: Millis,
    /// The engineer's name.
    pub from: String,
    pub reviewer: Person,
    #[serde(default)]
    pub message: String,
    /// The criteria to grade: one track, and the current and target levels
    /// (or only the current one, at the top of the ladder), in order.
    pub rubric: Rubric,
    /// The hash of `rubric`.
    pub hash: String,
    /// The engineer's own grades, when they chose to share them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub own: BTreeMap<String, Grade>,
}

/// A reviewer's grades, as a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub about: String,
    /// The id of the request it answers.
    pub request: String,
    /// The hash of that request's criteria.
    pub hash: String,
    /// The id of the request's ladder.
    pub rubric: String,
    /// The engineer's name, from the request.
    pub to: String,
    pub reviewer: Person,
    pub made_at: Millis,
    pub grades: BTreeMap<String, Given>,
    /// The hash of everything above, to tell an edited file.
    #[serde(default)]
    pub check: String,
}

/// Why a file was not taken. Nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a file Rungs reads at all: too large, empty, too deep, not JSON.
    File(ImportError),
    /// Another kind of Rungs file, or JSON that is no Rungs file.
    Kind {
        wanted: Kind,
        found: Option<Kind>,
    },
    TooNew {
        version: u32,
    },
    /// The file says it is the right kind, but a field is wrong.
    Invalid(String),
    /// Its contents do not match the hash it carries.
    Changed {
        wanted: Kind,
    },
    /// Another ladder than the one in use.
    OtherRubric {
        rubric: String,
    },
    /// A response to a request this browser has no record of, for other
    /// criteria than those in use.
    NotAsked,
    /// A response for other criteria than the request it names.
    OtherCriteria,
    /// No grade, no "does not apply", no comment, on any criterion still in
    /// the ladder.
    Empty,
}

/// The kinds of file Rungs writes, as they are named to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Request,
    Response,
    Data,
}

impl Kind {
    fn of(format: &str) -> Option<Kind> {
        match format {
            REQUEST_FORMAT => Some(Kind::Request),
            RESPONSE_FORMAT => Some(Kind::Response),
            transfer::FORMAT => Some(Kind::Data),
            _ => None,
        }
    }

    fn words(self) -> &'static str {
        match self {
            Kind::Request => "a request for grades",
            Kind::Response => "a reviewer's response",
            Kind::Data => "a copy of someone's Rungs data",
        }
    }

    /// Where a file of this kind goes.
    fn place(self) -> &'static str {
        match self {
            Kind::Request => "Open it under \u{201c}Grade a colleague\u{201d}.",
            Kind::Response => "Add it under \u{201c}Grades you received\u{201d}.",
            Kind::Data => "Import it on the Your data page.",
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::File(error) => error.fmt(f),
            Refusal::Kind {
                wanted,
                found: Some(found),
            } => write!(
                f,
                "This file is {}, not {}. {}",
                found.words(),
                wanted.words(),
                found.place()
            ),
            Refusal::Kind {
                wanted,
                found: None,
            } => write!(f, "This file is not {} from Rungs.", wanted.words()),
            Refusal::TooNew { version } => write!(
                f,
                "A newer version of Rungs made this file (format {version}; this one reads format {FILE_VERSION}). Open it with the newest Rungs."
            ),
            Refusal::Invalid(detail) => write!(
                f,
                "This file says it is from Rungs, but it cannot be read: {detail}. It may have been cut short or changed by hand."
            ),
            Refusal::Changed {
                wanted: Kind::Request,
            } => f.write_str(
                "This request was changed after Rungs made it: its criteria no longer match its check. Ask for the file again, sent as it was saved.",
            ),
            Refusal::Changed { .. } => f.write_str(
                "This response was changed after the reviewer's Rungs made it: its grades no longer match its check, so they cannot be trusted. Ask the reviewer to send the file again, as it was saved.",
            ),
            Refusal::OtherRubric { rubric } => write!(
                f,
                "This response grades you on another ladder (\u{201c}{rubric}\u{201d}) than the one in use. Choose that ladder on the Rubric page, then add it again."
            ),
            Refusal::NotAsked => f.write_str(
                "This response answers a request this browser has no record of, for other criteria than the levels you have chosen. If you asked from another browser, add it there.",
            ),
            Refusal::OtherCriteria => f.write_str(
                "This response is for other criteria than the request it names: the request was changed on its way. Send a new request.",
            ),
            Refusal::Empty => f.write_str(
                "This response holds no grade or comment on any criterion of your ladder.",
            ),
        }
    }
}

/// The criteria a request asks about: the chosen track's areas, with
/// their criteria at the current and target levels, as a rubric of its
/// own. Areas with none are left out.
pub fn criteria(rubric: &Rubric, selection: &Selection) -> Rubric {
    let levels: Vec<_> = selection.levels().cloned().collect();
    let track = selection.track;
    let areas = track
        .areas
        .iter()
        .filter_map(|area| {
            let criteria: Vec<_> = area
                .criteria
                .iter()
                .filter(|c| levels.iter().any(|level| level.id == c.level))
                .cloned()
                .collect();
            (!criteria.is_empty()).then(|| super::rubric::Area {
                id: area.id.clone(),
                name: area.name.clone(),
                summary: area.summary.clone(),
                criteria,
            })
        })
        .collect();
    Rubric {
        id: rubric.id.clone(),
        name: rubric.name.clone(),
        levels,
        tracks: vec![Track {
            id: track.id.clone(),
            name: track.name.clone(),
            summary: String::new(),
            areas,
        }],
        ..Rubric::default()
    }
}

/// SHA-256 of `value`'s JSON, in hex. Serde writes a struct's fields in
/// their declared order and a map's keys sorted, so the same value always
/// has the same hash.
fn hash_of<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    Sha256::digest(json.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Why a request cannot be made yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AskError {
    NoLevel,
    NoName,
    NoReviewer,
    /// The chosen track has no criteria at the chosen levels.
    NoCriteria,
    TooLong {
        what: &'static str,
        most: usize,
    },
}

impl fmt::Display for AskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AskError::NoLevel => {
                f.write_str("Choose your current level in the assessment first: a request asks about its criteria.")
            }
            AskError::NoName => f.write_str("Write your name, so that the reviewer knows who is asking."),
            AskError::NoReviewer => f.write_str("Write the name of the person you are asking."),
            AskError::NoCriteria => f.write_str("Your track has no criteria at these levels, so there is nothing to grade. Choose another track or level in the assessment."),
            AskError::TooLong { what, most } => write!(f, "{what} is too long: keep it to {most} characters."),
        }
    }
}

/// A request from `ask`, on the levels chosen in `assessment` against
/// `rubric`, and what the assessment keeps of it. `id` should be unique
/// (the page makes it from the time and a random number). The file holds
/// nothing else: not even where this Rungs is hosted, which the user did
/// not choose to share.
pub fn ask(
    assessment: &Assessment,
    rubric: &Rubric,
    ask: &Ask,
    id: String,
    now: Millis,
) -> Result<(Request, Asked), AskError> {
    let selection = assessment.selection(rubric).ok_or(AskError::NoLevel)?;
    let from = ask.from.trim();
    let reviewer = Person {
        name: ask.reviewer.name.trim().to_owned(),
        role: ask.reviewer.role,
    };
    if from.is_empty() {
        return Err(AskError::NoName);
    }
    if reviewer.name.is_empty() {
        return Err(AskError::NoReviewer);
    }
    if too_long(from, MAX_NAME) || too_long(&reviewer.name, MAX_NAME) {
        return Err(AskError::TooLong {
            what: "A name",
            most: MAX_NAME,
        });
    }
    if too_long(ask.message.trim(), MAX_NOTE) {
        return Err(AskError::TooLong {
            what: "The message",
            most: MAX_NOTE,
        });
    }
    let criteria = criteria(rubric, &selection);
    if criteria.tracks[0].areas.is_empty() {
        return Err(AskError::NoCriteria);
    }
    let own = if ask.share_own {
        criteria.tracks[0]
            .areas
            .iter()
            .flat_map(|area| &area.criteria)
            .filter_map(|c| {
                let grade = assessment.rating(&c.id)?.grade(Perspective::Mine)?;
                Some((c.id.clone(), grade))
            })
            .collect()
    } else {
        BTreeMap::new()
    };
    let hash = hash_of(&criteria);
    let request = Request {
        format: REQUEST_FORMAT.to_owned(),
        version: FILE_VERSION,
        about: format!(
            "{from} asks you to grade them against their career ladder. Open Rungs, choose Review, and pick this file. Your grades stay in your browser until you send a response back."
        ),
        id,
        made_at: now,
        from: from.to_owned(),
        reviewer: reviewer.clone(),
        message: ask.message.trim().to_owned(),
        rubric: criteria,
        hash: hash.clone(),
        own,
    };
    let asked = Asked {
        id: request.id.clone(),
        at: now,
        reviewer,
        rubric: rubric.id.clone(),
        hash,
    };
    Ok((request, asked))
}

impl Request {
    /// The file's text.
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every criterion, in order, with its area's name and its level's.
    pub fn criteria(&self) -> impl Iterator<Item = RequestCriterion<'_>> + '_ {
        self.rubric.tracks.iter().flat_map(move |track| {
            track.areas.iter().flat_map(move |area| {
                area.criteria.iter().map(move |criterion| RequestCriterion {
                    area: &area.name,
                    level: self
                        .rubric
                        .levels
                        .iter()
                        .find(|l| l.id == criterion.level)
                        .map_or("", |l| l.name.as_str()),
                    criterion,
                })
            })
        })
    }

    /// "Senior Engineer and Staff Engineer".
    pub fn levels_label(&self) -> String {
        let names: Vec<&str> = self.rubric.levels.iter().map(|l| l.name.as_str()).collect();
        names.join(" and ")
    }
}

/// One criterion of a request, with the names of its area and level.
#[derive(Clone, Copy, Debug)]
pub struct RequestCriterion<'a> {
    pub area: &'a str,
    pub level: &'a str,
    pub criterion: &'a super::rubric::Criterion,
}

/// What a file says it is, read before the rest.
#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    format: String,
    #[serde(default)]
    version: u32,
}

/// The checks every file passes before it is parsed in full: size, depth,
/// JSON, and what it says it is.
fn envelope(text: &str, wanted: Kind) -> Result<&str, Refusal> {
    transfer::check_size(text.len() as u64).map_err(Refusal::File)?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(Refusal::File(ImportError::Empty));
    }
    transfer::check_depth(text).map_err(Refusal::File)?;
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            Refusal::File(ImportError::NotJson(e.to_string()))
        } else {
            Refusal::Kind {
                wanted,
                found: None,
            }
        }
    })?;
    let found = Kind::of(&envelope.format);
    if found != Some(wanted) {
        return Err(Refusal::Kind { wanted, found });
    }
    if envelope.version > FILE_VERSION {
        return Err(Refusal::TooNew {
            version: envelope.version,
        });
    }
    Ok(text)
}

fn too_long(text: &str, most: usize) -> bool {
    text.chars().count() > most
}

fn check_person(person: &Person, what: &str) -> Result<(), Refusal> {
    if person.name.trim().is_empty() || too_long(&person.name, MAX_NAME) {
        return Err(Refusal::Invalid(format!(
            "{what} has no name, or too long a one"
        )));
    }
    Ok(())
}

/// Reads a request file, checked in full.
pub fn read_request(text: &str) -> Result<Request, Refusal> {
    let text = envelope(text, Kind::Request)?;
    let request: Request =
        serde_json::from_str(text).map_err(|e| Refusal::Invalid(e.to_string()))?;
    let invalid = |detail: &str| Err(Refusal::Invalid(detail.to_owned()));
    if request.id.trim().is_empty() || too_long(&request.id, MAX_NAME) {
        return invalid("its id is empty or too long");
    }
    if too_long(&request.rubric.id, MAX_NOTE) || too_long(&request.rubric.name, MAX_NOTE) {
        return invalid("its ladder's id or name is too long");
    }
    if request.from.trim().is_empty() || too_long(&request.from, MAX_NAME) {
        return invalid("it names no one as asking, or too long a name");
    }
    check_person(&request.reviewer, "the reviewer")?;
    if too_long(&request.message, MAX_NOTE) {
        return invalid("its message is too long");
    }
    let rubric = &request.rubric;
    if rubric.tracks.len() != 1 || !(1..=2).contains(&rubric.levels.len()) {
        return invalid("it should hold one track and one or two levels");
    }
    let mut ids = std::collections::BTreeSet::new();
    let mut count = 0;
    for c in request.criteria() {
        count += 1;
        if count > MAX_CRITERIA {
            return invalid("it holds too many criteria");
        }
        if c.level.is_empty() {
            return invalid("a criterion is at a level the request does not name");
        }
        if c.criterion.id.is_empty() || !ids.insert(c.criterion.id.as_str()) {
            return invalid("two criteria share an id, or one has none");
        }
        if too_long(&c.criterion.text, MAX_CRITERION) {
            return invalid("a criterion's text is too long");
        }
    }
    if count == 0 {
        return invalid("it holds no criteria");
    }
    if request.own.keys().any(|id| !ids.contains(id.as_str())) {
        return invalid("it gives a grade for a criterion it does not hold");
    }
    if hash_of(&request.rubric) != request.hash {
        return Err(Refusal::Changed {
            wanted: Kind::Request,
        });
    }
    Ok(request)
}

/// A reviewer's grades in progress, kept in their browser under a key of
/// its own until they remove it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub request: Request,
    #[serde(default)]
    pub grades: BTreeMap<String, Given>,
    /// When each criterion's grade last changed, to combine two tabs.
    #[serde(default)]
    pub changed: BTreeMap<String, Millis>,
    /// When a response was last downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<Millis>,
}

impl Draft {
    pub fn new(request: Request) -> Draft {
        Draft {
            request,
            grades: BTreeMap::new(),
            changed: BTreeMap::new(),
            sent: None,
        }
    }

    /// Reads what a browser stored; None when it is not a draft.
    pub fn read(text: &str) -> Option<Draft> {
        serde_json::from_str(text).ok()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What is given for `criterion` so far.
    pub fn given(&self, criterion: &str) -> Given {
        self.grades.get(criterion).cloned().unwrap_or_default()
    }

    /// Sets what is given for `criterion`; whether that changed anything.
    /// A comment longer than [`MAX_NOTE`] is cut to it, so that the
    /// response always reads back.
    pub fn set(&mut self, criterion: &str, mut given: Given, now: Millis) -> bool {
        if let Some((cut, _)) = given.comment.char_indices().nth(MAX_NOTE) {
            given.comment.truncate(cut);
        }
        if self.given(criterion) == given {
            return false;
        }
        if given.is_empty() {
            self.grades.remove(criterion);
        } else {
            self.grades.insert(criterion.to_owned(), given);
        }
        self.changed.insert(criterion.to_owned(), now);
        true
    }

    /// This draft and `other` (the same request, saved by another tab)
    /// combined: for each criterion, whichever changed it last.
    pub fn combine(mut self, other: &Draft) -> Draft {
        for (id, at) in &other.changed {
            if self.changed.get(id).is_none_or(|mine| at > mine) {
                match other.grades.get(id) {
                    Some(given) => self.grades.insert(id.clone(), given.clone()),
                    None => self.grades.remove(id),
                };
                self.changed.insert(id.clone(), *at);
            }
        }
        self.sent = self.sent.max(other.sent);
        self
    }

    /// How many criteria have a grade or "does not apply", of how many.
    pub fn progress(&self) -> (usize, usize) {
        let total = self.request.criteria().count();
        let done = self
            .request
            .criteria()
            .filter(|c| {
                self.grades
                    .get(&c.criterion.id)
                    .is_some_and(Given::answered)
            })
            .count();
        (done, total)
    }

    /// The response to send back.
    pub fn respond(&self, now: Millis) -> Response {
        let grades = self
            .request
            .criteria()
            .filter_map(|c| {
                let mut given = self.grades.get(&c.criterion.id)?.clone();
                given.comment = given.comment.trim().to_owned();
                if given.not_applicable {
                    given.grade = None;
                }
                (!given.is_empty()).then(|| (c.criterion.id.clone(), given))
            })
            .collect();
        let request = &self.request;
        let mut response = Response {
            format: RESPONSE_FORMAT.to_owned(),
            version: FILE_VERSION,
            about: format!(
                "{}'s grades for {}. Send this file back to {}, who adds it in Rungs under Review.",
                request.reviewer.name, request.from, request.from
            ),
            request: request.id.clone(),
            hash: request.hash.clone(),
            rubric: request.rubric.id.clone(),
            to: request.from.clone(),
            reviewer: request.reviewer.clone(),
            made_at: now,
            grades,
            check: String::new(),
        };
        response.check = hash_of(&response);
        response
    }
}

impl Response {
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Reads a response file, checked in full.
pub fn read_response(text: &str) -> Result<Response, Refusal> {
    let text = envelope(text, Kind::Response)?;
    let mut response: Response =
        serde_json::from_str(text).map_err(|e| Refusal::Invalid(e.to_string()))?;
    let invalid = |detail: &str| Err(Refusal::Invalid(detail.to_owned()));
    if response.request.trim().is_empty() || too_long(&response.request, MAX_NAME) {
        return invalid("it names no request");
    }
    check_person(&response.reviewer, "the reviewer")?;
    if too_long(&response.to, MAX_NAME) || too_long(&response.rubric, MAX_NOTE) {
        return invalid("a name in it is too long");
    }
    if response.grades.len() > MAX_CRITERIA {
        return invalid("it holds too many grades");
    }
    if response
        .grades
        .values()
        .any(|g| too_long(&g.comment, MAX_NOTE))
    {
        return invalid("a comment is too long");
    }
    let check = std::mem::take(&mut response.check);
    if hash_of(&response) != check {
        return Err(Refusal::Changed {
            wanted: Kind::Response,
        });
    }
    response.check = check;
    Ok(response)
}

/// A response that passed every check, ready to add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub review: Review,
    /// How many criteria it grades, says do not apply, and comments on.
    pub graded: usize,
    pub not_applicable: usize,
    pub comments: usize,
    /// Criteria it is about that the ladder no longer has (ids): left out.
    pub gone: Vec<String>,
    /// The same reviewer's earlier grades, which these would replace.
    pub replaces: Option<Rc<Review>>,
    /// Whether this browser has no record of the request: it was made in
    /// another, and the criteria match those in use.
    pub unasked: bool,
}

/// Checks `response` against `assessment` and `rubric` (the ladder in
/// use), and what adding it would do; `now` is when it is added.
pub fn receive(
    assessment: &Assessment,
    rubric: &Rubric,
    response: Response,
    now: Millis,
) -> Result<Incoming, Refusal> {
    if response.rubric != rubric.id {
        return Err(Refusal::OtherRubric {
            rubric: response.rubric,
        });
    }
    let unasked = match assessment.asked.iter().find(|a| a.id == response.request) {
        Some(asked) if asked.hash == response.hash => false,
        Some(_) => return Err(Refusal::OtherCriteria),
        None => {
            let matches = assessment
                .selection(rubric)
                .is_some_and(|selection| hash_of(&criteria(rubric, &selection)) == response.hash);
            if !matches {
                return Err(Refusal::NotAsked);
            }
            true
        }
    };
    let known = |id: &str| {
        rubric
            .tracks
            .iter()
            .flat_map(|t| &t.areas)
            .flat_map(|a| &a.criteria)
            .any(|c| c.id == id)
    };
    let (grades, gone): (BTreeMap<_, _>, BTreeMap<_, _>) = response
        .grades
        .into_iter()
        .filter(|(_, given)| !given.is_empty())
        .partition(|(id, _)| known(id));
    if grades.is_empty() {
        return Err(Refusal::Empty);
    }
    let review = Review {
        id: response.request,
        reviewer: response.reviewer,
        at: response.made_at,
        added: now,
        grades,
    };
    let replaces = assessment
        .reviews
        .iter()
        .find(|r| r.id == review.id || r.reviewer.same_as(&review.reviewer))
        .cloned();
    Ok(Incoming {
        graded: review
            .grades
            .values()
            .filter(|g| g.grade().is_some())
            .count(),
        not_applicable: review.grades.values().filter(|g| g.not_applicable).count(),
        comments: review
            .grades
            .values()
            .filter(|g| !g.comment.trim().is_empty())
            .count(),
        gone: gone.into_keys().collect(),
        replaces,
        unasked,
        review,
    })
}

/// Adds `review` to `reviews`, in place of any from the same request or
/// the same reviewer; whether anything changed.
pub(crate) fn add(reviews: &mut Vec<Rc<Review>>, review: Rc<Review>) -> bool {
    if reviews.iter().any(|r| **r == *review) {
        return false;
    }
    reviews.retain(|r| r.id != review.id && !r.reviewer.same_as(&review.reviewer));
    reviews.push(review);
    true
}

/// What this browser keeps for one request a reviewer opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kept {
    Draft(Box<Draft>),
    /// Text under the key that is not a draft this build reads (damaged,
    /// or from a newer Rungs): left as it is, for the reviewer to download
    /// or remove.
    Unreadable {
        id: String,
        text: String,
    },
}

impl Kept {
    pub fn id(&self) -> &str {
        match self {
            Kept::Draft(draft) => &draft.request.id,
            Kept::Unreadable { id, .. } => id,
        }
    }
}

/// Every request this browser keeps grades in progress for, oldest
/// first.
pub fn drafts<B: Backend>(store: &Store<B>) -> Result<Vec<Kept>, BackendError> {
    let keys = store.keys();
    let mut kept = Vec::new();
    for key in store.backend().keys()? {
        if let Some(id) = keys.review_id(&key) {
            kept.extend(draft(store, id)?);
        }
    }
    kept.sort_by_key(|kept| match kept {
        Kept::Draft(draft) => draft.request.made_at,
        Kept::Unreadable { .. } => 0,
    });
    Ok(kept)
}

/// What this browser keeps for the request `id`, if anything.
pub fn draft<B: Backend>(store: &Store<B>, id: &str) -> Result<Option<Kept>, BackendError> {
    let Some(text) = store.backend().read(&store.keys().review(id))? else {
        return Ok(None);
    };
    Ok(Some(match Draft::read(&text) {
        Some(draft) if draft.request.id == id => Kept::Draft(Box::new(draft)),
        _ => Kept::Unreadable {
            id: id.to_owned(),
            text,
        },
    }))
}

/// Keeps `draft`, combined first with what another tab may have kept for
/// the same request since (each criterion as it was changed last), and
/// returns what was kept. Refuses to write over text it cannot read.
pub fn keep<B: Backend>(store: &mut Store<B>, draft: Draft) -> Result<Draft, BackendError> {
    let id = draft.request.id.clone();
    let draft = match self::draft(store, &id)? {
        None => draft,
        Some(Kept::Draft(stored)) => draft.combine(&stored),
        Some(Kept::Unreadable { .. }) => {
            return Err(BackendError::Other(
                "this browser already keeps something for this request that Rungs cannot read; download or remove it on the Review page first".into(),
            ))
        }
    };
    let key = store.keys().review(&id);
    store.backend_mut().write(&key, &draft.to_json())?;
    Ok(draft)
}

/// Removes what this browser keeps for the request `id`.
pub fn forget<B: Backend>(store: &mut Store<B>, id: &str) -> Result<(), BackendError> {
    let key = store.keys().review(id);
    store.backend_mut().remove(&key)
}

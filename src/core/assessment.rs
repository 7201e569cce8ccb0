//! The readiness self-assessment: grades against the rubric, and the
//! readiness, gaps, strengths, honesty check, level diff and comparison of
//! perspectives computed from them.
//!
//! # Readiness
//!
//! Readiness is computed from your own grades ([`Perspective::Mine`]) only;
//! manager and peer grades are compared, never scored. Each criterion you
//! grade earns credit in whole quarters, so no floats are involved:
//!
//! | Your grade                                 | Credit |
//! |--------------------------------------------|--------|
//! | "not yet"                                  | 0 / 4  |
//! | "sometimes"                                | 2 / 4  |
//! | "consistently" or "beyond", no evidence    | 3 / 4  |
//! | "consistently" or "beyond", with evidence  | 4 / 4  |
//!
//! A top grade counts fully only once evidence backs it: readiness comes
//! from evidence, not checkboxes. A [`Score`] is the credit earned over the
//! credit possible for the criteria *graded*, as a whole percent rounded
//! half up: a criterion not graded yet is left out rather than counted as
//! unmet, so a figure never judges work the user has not assessed. Every
//! score carries its coverage (graded / total), shown beside the figure,
//! and gives a verdict only once at least [`VERDICT_COVERAGE`] percent of
//! its criteria are graded; before that it says how many are left
//! ([`Score::standing`]). The overall readiness at a level counts every
//! criterion of the track at that level, so each criterion weighs the same.
//! [`FORMULA`] says the same in the words the page shows.

use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::evidence::Log;
use super::review::{self, Asked, Given, Review};
use super::rubric::{Area, Criterion, Level, Rubric, Track};
use super::schema::{Change, Document, Restore};
use super::time::{DateTime, Millis};
use super::{counted, replace};

/// How readiness is computed, in plain words, one sentence per entry.
pub const FORMULA: &[&str] = &[
    "Readiness is worked out from your own grades; manager and peer grades are shown beside it but never change it.",
    "Each criterion you grade is worth one point: \u{201c}not yet\u{201d} earns nothing, \u{201c}sometimes\u{201d} half a point, and \u{201c}consistently\u{201d} or \u{201c}beyond\u{201d} three quarters, rising to the full point once you write down evidence.",
    "A score is the points earned out of the points possible for the criteria you have graded. Criteria you have not graded yet, and those that do not apply to your role, are left out, neither raising nor lowering it, and the coverage beside each score says how much of the level it rests on.",
    "A verdict such as \u{201c}Close: a few gaps left\u{201d} appears only once you have graded at least three quarters of a level's criteria.",
    "The overall score counts every criterion of the level equally, whichever area it is in.",
];

/// The share of a level's criteria, in percent, that must be graded before
/// its score gives a verdict.
pub const VERDICT_COVERAGE: u32 = 75;

/// How often a criterion is met, from the bottom up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grade {
    /// Rarely or never.
    NotYet,
    /// Some of the time, or with help.
    Sometimes,
    /// Nearly every time: the criterion is met.
    Consistently,
    /// Well past the level.
    Beyond,
}

impl Grade {
    /// Every grade, from the bottom up.
    pub const ALL: [Grade; 4] = [
        Grade::NotYet,
        Grade::Sometimes,
        Grade::Consistently,
        Grade::Beyond,
    ];

    /// The stable id, as stored.
    pub fn id(self) -> &'static str {
        match self {
            Grade::NotYet => "not-yet",
            Grade::Sometimes => "sometimes",
            Grade::Consistently => "consistently",
            Grade::Beyond => "beyond",
        }
    }

    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Grade::NotYet => "Not yet",
            Grade::Sometimes => "Sometimes",
            Grade::Consistently => "Consistently",
            Grade::Beyond => "Beyond",
        }
    }

    /// One short sentence saying what the grade means.
    pub fn hint(self) -> &'static str {
        match self {
            Grade::NotYet => "Rarely or never, so far.",
            Grade::Sometimes => "Some of the time, or with help.",
            Grade::Consistently => "Nearly every time, without being asked.",
            Grade::Beyond => "Well past this level; others learn from you.",
        }
    }

    /// The grade with this [`id`](Grade::id).
    pub fn from_id(id: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|grade| grade.id() == id)
    }

    /// Whether the criterion is met: "consistently" or "beyond".
    pub fn meets(self) -> bool {
        self >= Grade::Consistently
    }

    /// Steps from the bottom, 0..=3.
    fn step(self) -> u8 {
        self as u8
    }
}

/// Whose grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Perspective {
    /// Your own.
    Mine,
    /// Your manager's, as you recorded it.
    Manager,
    /// A peer's, as you recorded it.
    Peer,
}

impl Perspective {
    /// Every perspective, yours first.
    pub const ALL: [Perspective; 3] = [Perspective::Mine, Perspective::Manager, Perspective::Peer];

    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Perspective::Mine => "You",
            Perspective::Manager => "Manager",
            Perspective::Peer => "Peer",
        }
    }
}

/// Everything recorded about one criterion. Stored keyed by criterion id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rating {
    /// Your own grade, the only one readiness is computed from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mine: Option<Grade>,
    /// Your manager's grade, as you recorded it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manager: Option<Grade>,
    /// A peer's grade, as you recorded it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peer: Option<Grade>,
    /// Private notes.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Examples that show the criterion met.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// You said the criterion does not apply to your role: it is left out
    /// of readiness, and your own grade, if one is stored beside it (two
    /// tabs combined), is not read.
    #[serde(skip_serializing_if = "is_false")]
    pub not_applicable: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Rating {
    /// The grade given from `perspective`; your own is None while the
    /// criterion does not apply.
    pub fn grade(&self, perspective: Perspective) -> Option<Grade> {
        match perspective {
            Perspective::Mine => self.mine.filter(|_| !self.not_applicable),
            Perspective::Manager => self.manager,
            Perspective::Peer => self.peer,
        }
    }

    /// Whether any evidence is written (whitespace does not count).
    pub fn has_evidence(&self) -> bool {
        !self.evidence.trim().is_empty()
    }

    /// Whether nothing at all is recorded.
    pub fn is_empty(&self) -> bool {
        *self == Rating::default()
    }

    fn grade_mut(&mut self, perspective: Perspective) -> &mut Option<Grade> {
        match perspective {
            Perspective::Mine => &mut self.mine,
            Perspective::Manager => &mut self.manager,
            Perspective::Peer => &mut self.peer,
        }
    }
}

/// One dated record of readiness, kept for the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// When it was taken.
    pub at: Millis,
    /// Track id.
    pub track: String,
    /// Current level id.
    pub current: String,
    /// Target level id; None when the current level was the top one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Overall readiness.
    pub overall: Percents,
    /// Readiness per area, in rubric order; an area with nothing graded at
    /// either level is left out. A level with nothing graded in an area
    /// that is kept records 0.
    pub areas: Vec<AreaPercents>,
    /// The user's name for it, such as "After the Q3 check-in".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

/// Readiness at the current and the target level, in percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Percents {
    /// At the current level.
    pub current: u8,
    /// At the target level, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u8>,
}

/// One area's readiness in a [`Snapshot`]. The fields of [`Percents`] are
/// spelt out rather than flattened in, because serde cannot combine
/// `flatten` with `deny_unknown_fields`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaPercents {
    /// Area id.
    pub area: String,
    /// At the current level.
    pub current: u8,
    /// At the target level, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u8>,
}

/// The user's self-assessment. Stored inside the document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assessment {
    /// Track id; None means the rubric's first track.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    /// Current level id; None until the user chooses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// Target level id; None means the level after the current one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Keyed by criterion id, so rewording a criterion keeps its grades.
    /// Shared between copies of the assessment until a grade changes, so
    /// that the history is not copied with it, nor the grades with a
    /// snapshot.
    #[serde(skip_serializing_if = "no_ratings")]
    pub ratings: Rc<BTreeMap<String, Rating>>,
    /// Readiness history, in the order taken.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Rc<Snapshot>>,
    /// Requests for grades the user made, in the order made.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub asked: Vec<Rc<Asked>>,
    /// Grades reviewers sent back, one set per reviewer, in the order
    /// added.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Rc<Review>>,
}

fn no_ratings(ratings: &Rc<BTreeMap<String, Rating>>) -> bool {
    ratings.is_empty()
}

/// An intent to change the assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Choose the track (by id).
    Track(String),
    /// Choose the current level (by id). A stored target at or below it is
    /// kept but ignored: [`Assessment::selection`] then uses the next level.
    Current(String),
    /// Choose the target level (by id); None = the next level.
    Target(Option<String>),
    /// Grade a criterion from one perspective; None clears the grade.
    Grade {
        criterion: String,
        perspective: Perspective,
        grade: Option<Grade>,
    },
    /// Replace a criterion's note.
    Note { criterion: String, text: String },
    /// Replace a criterion's evidence.
    Evidence { criterion: String, text: String },
    /// Say that a criterion does not apply to your role (which clears your
    /// grade), or that it does after all. Your own grade, even none ("not
    /// assessed"), also says it applies.
    NotApplicable {
        criterion: String,
        not_applicable: bool,
    },
    /// Append a snapshot to the history.
    AddSnapshot(Snapshot),
    /// Name the snapshot taken at `at` (an empty label removes the name).
    LabelSnapshot { at: Millis, label: String },
    /// Remove the snapshot taken at `at` from the history.
    DeleteSnapshot { at: Millis },
    /// Keep a request for grades, to match its response.
    Ask(Rc<Asked>),
    /// Forget the request with this id.
    ForgetAsked { id: String },
    /// Add a reviewer's grades, in place of any earlier ones of theirs.
    AddReview(Rc<Review>),
    /// Remove the grades that answer the request with this id.
    RemoveReview { id: String },
}

impl Change for Edit {
    fn apply_to(&self, document: &mut Document) -> Option<Restore> {
        document
            .assessment
            .edit(|assessment| assessment.apply(self.clone()))
            .map(Restore::Assessment)
    }

    /// Saving a snapshot, which nothing else takes away, and deleting one
    /// are offered back.
    fn undo_label(&self, before: &Document) -> Option<String> {
        let reviewer = |id: &str| {
            let reviews = &before.assessment.value().reviews;
            reviews
                .iter()
                .find(|r| r.id == id)
                .map_or_else(|| "a reviewer".to_owned(), |r| r.reviewer.name.clone())
        };
        match self {
            Edit::AddSnapshot(_) => Some("Saved a snapshot of your readiness.".to_owned()),
            Edit::DeleteSnapshot { .. } => Some("Deleted a snapshot.".to_owned()),
            Edit::AddReview(review) => {
                Some(format!("Added {}\u{2019}s grades.", review.reviewer.name))
            }
            Edit::RemoveReview { id } => Some(format!("Removed {}\u{2019}s grades.", reviewer(id))),
            Edit::ForgetAsked { .. } => Some("Forgot a request for grades.".to_owned()),
            _ => None,
        }
    }
}

impl Assessment {
    /// Applies `edit`; returns whether anything changed. Needs no rubric, so
    /// unknown ids are stored as given and resolved by
    /// [`selection`](Assessment::selection). A rating left empty is removed
    /// from the map.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Track(id) => replace(&mut self.track, Some(id)),
            Edit::Current(id) => replace(&mut self.current, Some(id)),
            Edit::Target(id) => replace(&mut self.target, id),
            Edit::Grade {
                criterion,
                perspective,
                grade,
            } => self.update(criterion, |rating| {
                // Your own grade, or "not assessed", says the criterion
                // applies.
                let applies =
                    perspective == Perspective::Mine && replace(&mut rating.not_applicable, false);
                replace(rating.grade_mut(perspective), grade) | applies
            }),
            Edit::NotApplicable {
                criterion,
                not_applicable,
            } => self.update(criterion, |rating| {
                let cleared = not_applicable && replace(&mut rating.mine, None);
                replace(&mut rating.not_applicable, not_applicable) | cleared
            }),
            Edit::Note { criterion, text } => {
                self.update(criterion, |rating| replace(&mut rating.note, text))
            }
            Edit::Evidence { criterion, text } => {
                self.update(criterion, |rating| replace(&mut rating.evidence, text))
            }
            Edit::AddSnapshot(snapshot) => {
                self.snapshots.push(Rc::new(snapshot));
                true
            }
            Edit::LabelSnapshot { at, label } => {
                let label = label.trim();
                match self.snapshots.iter_mut().find(|s| s.at == at) {
                    Some(snapshot) if snapshot.label != label => {
                        Rc::make_mut(snapshot).label = label.to_owned();
                        true
                    }
                    _ => false,
                }
            }
            Edit::DeleteSnapshot { at } => {
                let index = self.snapshots.iter().position(|s| s.at == at);
                index.map(|i| self.snapshots.remove(i)).is_some()
            }
            Edit::Ask(asked) => {
                let fresh = !self.asked.iter().any(|a| a.id == asked.id);
                if fresh {
                    self.asked.push(asked);
                }
                fresh
            }
            Edit::ForgetAsked { id } => {
                let before = self.asked.len();
                self.asked.retain(|a| a.id != id);
                self.asked.len() != before
            }
            Edit::AddReview(review) => review::add(&mut self.reviews, review),
            Edit::RemoveReview { id } => {
                let before = self.reviews.len();
                self.reviews.retain(|r| r.id != id);
                self.reviews.len() != before
            }
        }
    }

    /// Changes the rating of `criterion`, dropping it if it ends up empty.
    fn update(&mut self, criterion: String, change: impl FnOnce(&mut Rating) -> bool) -> bool {
        let ratings = Rc::make_mut(&mut self.ratings);
        let mut rating = ratings.remove(&criterion).unwrap_or_default();
        let changed = change(&mut rating);
        if !rating.is_empty() {
            ratings.insert(criterion, rating);
        }
        changed
    }

    /// What is recorded about `criterion`, if anything.
    pub fn rating(&self, criterion: &str) -> Option<&Rating> {
        self.ratings.get(criterion)
    }

    /// The track, current and target levels chosen, resolved against
    /// `rubric`. None while no valid current level is chosen (unknown ids
    /// count as not chosen) or the rubric has no tracks. An unknown track id
    /// falls back to the first track. The target is the chosen one if it is
    /// strictly above the current level, else the next level; None only when
    /// current is the top level.
    pub fn selection<'r>(&self, rubric: &'r Rubric) -> Option<Selection<'r>> {
        let chosen_track = self.track.as_deref();
        let track = rubric
            .tracks
            .iter()
            .find(|track| Some(track.id.as_str()) == chosen_track)
            .or_else(|| rubric.tracks.first())?;
        let index = |id: Option<&str>| rubric.levels.iter().position(|l| Some(&*l.id) == id);
        let current = index(self.current.as_deref())?;
        let target = index(self.target.as_deref())
            .filter(|&target| target > current)
            .unwrap_or(current + 1);
        Some(Selection {
            track,
            current: &rubric.levels[current],
            target: rubric.levels.get(target),
        })
    }

    /// The full report for the selection (None when there is no selection).
    /// The entries of `log` linked to a criterion back its grade, as
    /// written evidence does.
    pub fn report(&self, rubric: &Rubric, log: &Log) -> Option<Report> {
        let selection = self.selection(rubric)?;
        let linked = log.count_by_criterion();
        let areas: Vec<AreaReport> = selection
            .track
            .areas
            .iter()
            .map(|area| AreaReport {
                id: area.id.clone(),
                name: area.name.clone(),
                current: self.score(area, selection.current, &linked),
                target: selection
                    .target
                    .map(|level| self.score(area, level, &linked)),
            })
            .collect();
        let overall_current = areas
            .iter()
            .map(|a| a.current)
            .fold(Score::default(), Score::plus);
        let overall_target = selection.target.map(|_| {
            areas
                .iter()
                .filter_map(|a| a.target)
                .fold(Score::default(), Score::plus)
        });

        let entries = self.entries(&selection, &linked);
        let mut gaps: Vec<Item> = entries
            .iter()
            .filter(|e| e.is_target && e.grade().is_some_and(|g| !g.meets()))
            .map(Entry::item)
            .collect();
        // Stable, so rubric order holds within each grade.
        gaps.sort_by_key(|item| item.grade);
        let unassessed_target = count(
            entries
                .iter()
                .filter(|e| e.is_target && e.applies() && e.grade().is_none()),
        );
        let beyond = entries.iter().filter(|e| e.grade() == Some(Grade::Beyond));
        let proven = entries
            .iter()
            .filter(|e| e.is_target && e.grade() == Some(Grade::Consistently) && e.has_evidence());
        let strengths = beyond.chain(proven).map(Entry::item).collect();
        let by_hand = |p: Perspective| {
            entries
                .iter()
                .any(|e| e.rating.is_some_and(|r| r.grade(p).is_some()))
                .then_some(Column::ByHand(p))
        };
        let columns: Vec<Column> = [by_hand(Perspective::Manager), by_hand(Perspective::Peer)]
            .into_iter()
            .flatten()
            // A reviewer with nothing to say on these levels gets no column.
            .chain(
                self.reviews
                    .iter()
                    .filter(|r| {
                        entries
                            .iter()
                            .any(|e| r.grades.get(&e.criterion.id).is_some_and(|g| !g.is_empty()))
                    })
                    .map(|r| Column::Review(r)),
            )
            .collect();
        let mut comparisons: Vec<Comparison> = entries
            .iter()
            .filter_map(|e| e.comparison(&columns))
            .collect();
        // Stable, so ties stay in rubric order.
        comparisons.sort_by_key(|c| Reverse(c.spread));
        let flags = flags(&entries, &areas, &comparisons);

        Some(Report {
            track_id: selection.track.id.clone(),
            track_name: selection.track.name.clone(),
            current: selection.current.clone(),
            target: selection.target.cloned(),
            areas,
            overall_current,
            overall_target,
            gaps,
            unassessed_target,
            strengths,
            flags,
            others: columns.iter().map(Column::label).collect(),
            comparisons,
            ratings: self.ratings.clone(),
        })
    }

    /// Your readiness for `area` at `level`; `linked` counts the log's
    /// entries for each criterion.
    fn score(&self, area: &Area, level: &Level, linked: &Linked) -> Score {
        let mut score = Score::default();
        for criterion in area.at(&level.id) {
            let rating = self.rating(&criterion.id);
            if rating.is_some_and(|r| r.not_applicable) {
                score.excluded += 1;
                continue;
            }
            let grade = rating.and_then(|r| r.mine);
            score.total += 1;
            score.graded += u32::from(grade.is_some());
            let backed = rating.is_some_and(Rating::has_evidence)
                || linked.contains_key(criterion.id.as_str());
            score.earned += credit(grade, backed);
        }
        score
    }

    /// Every criterion of the selection with what is recorded about it:
    /// current level first, then target, each in rubric order.
    fn entries<'a>(&'a self, selection: &Selection<'a>, linked: &Linked) -> Vec<Entry<'a>> {
        let mut entries = Vec::new();
        for (index, level) in selection.levels().enumerate() {
            for area in &selection.track.areas {
                entries.extend(area.at(&level.id).map(|criterion| Entry {
                    level,
                    is_target: index > 0,
                    area,
                    criterion,
                    rating: self.rating(&criterion.id),
                    linked: linked.get(criterion.id.as_str()).copied().unwrap_or(0),
                }));
            }
        }
        entries
    }
}

/// How many of the log's entries are linked to each criterion (by id).
type Linked<'a> = BTreeMap<&'a str, usize>;

/// Credit in quarters for your grade of one criterion.
fn credit(grade: Option<Grade>, has_evidence: bool) -> u32 {
    match grade {
        None | Some(Grade::NotYet) => 0,
        Some(Grade::Sometimes) => 2,
        Some(Grade::Consistently | Grade::Beyond) if has_evidence => 4,
        Some(Grade::Consistently | Grade::Beyond) => 3,
    }
}

/// How many `items` there are.
fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    items.count() as u32
}

/// The smallest number of criteria you must grade before
/// [`Flag::MostlyTop`] can fire.
const MOSTLY_TOP_MIN_GRADED: u32 = 8;
/// The share of top grades, in percent, at which [`Flag::MostlyTop`] fires.
const MOSTLY_TOP_PERCENT: u32 = 90;

/// The honesty check over the selected levels. `comparisons` are in the
/// report's order, largest disagreement first.
fn flags(entries: &[Entry], areas: &[AreaReport], comparisons: &[Comparison]) -> Vec<Flag> {
    let mut flags = Vec::new();
    let graded = count(entries.iter().filter(|e| e.grade().is_some()));
    let top = count(
        entries
            .iter()
            .filter(|e| e.grade().is_some_and(Grade::meets)),
    );
    if graded >= MOSTLY_TOP_MIN_GRADED && top * 100 >= graded * MOSTLY_TOP_PERCENT {
        flags.push(Flag::MostlyTop { top, graded });
    }
    let unbacked = count(
        entries
            .iter()
            .filter(|e| e.grade() == Some(Grade::Beyond) && !e.has_evidence()),
    );
    if unbacked > 0 {
        flags.push(Flag::BeyondWithoutEvidence { count: unbacked });
    }
    let unlinked: Vec<Item> = entries
        .iter()
        .filter(|e| e.is_target && e.grade().is_some_and(Grade::meets) && e.linked == 0)
        .map(Entry::item)
        .collect();
    if !unlinked.is_empty() {
        flags.push(Flag::TopWithoutEntries { criteria: unlinked });
    }
    let inverted: Vec<String> = areas
        .iter()
        .filter(|area| {
            area.target.is_some_and(|target| {
                area.current.graded > 0
                    && target.graded > 0
                    && target.percent() > area.current.percent()
            })
        })
        .map(|area| area.name.clone())
        .collect();
    if !inverted.is_empty() {
        flags.push(Flag::TargetAboveCurrent { areas: inverted });
    }
    let apart: Vec<Comparison> = comparisons
        .iter()
        .filter(|c| c.far_apart())
        .cloned()
        .collect();
    if !apart.is_empty() {
        flags.push(Flag::FarApart { criteria: apart });
    }
    flags
}

/// One criterion of the selection and what is recorded about it.
struct Entry<'a> {
    level: &'a Level,
    is_target: bool,
    area: &'a Area,
    criterion: &'a Criterion,
    rating: Option<&'a Rating>,
    /// How many of the log's entries are linked to it.
    linked: usize,
}

impl Entry<'_> {
    fn grade(&self) -> Option<Grade> {
        self.rating.and_then(|r| r.grade(Perspective::Mine))
    }

    fn applies(&self) -> bool {
        !self.rating.is_some_and(|r| r.not_applicable)
    }

    /// Whether written evidence or an entry of the log backs it.
    fn has_evidence(&self) -> bool {
        self.linked > 0 || self.rating.is_some_and(Rating::has_evidence)
    }

    fn item(&self) -> Item {
        Item {
            criterion: self.criterion.id.clone(),
            area: self.area.name.clone(),
            level: self.level.name.clone(),
            text: self.criterion.text.clone(),
            grade: self.grade(),
            has_evidence: self.has_evidence(),
            entries: self.linked,
        }
    }

    /// Present only when someone else graded or commented on it: a
    /// grade recorded by hand, or one a reviewer sent. `columns` are the
    /// report's.
    fn comparison(&self, columns: &[Column]) -> Option<Comparison> {
        let others: Vec<Given> = columns.iter().map(|column| column.given(self)).collect();
        if others.iter().all(Given::is_empty) {
            return None;
        }
        let steps = || {
            std::iter::once(self.grade())
                .chain(others.iter().map(Given::grade))
                .flatten()
                .map(Grade::step)
        };
        let spread = steps().max().unwrap_or(0) - steps().min().unwrap_or(0);
        Some(Comparison {
            criterion: self.criterion.id.clone(),
            area: self.area.name.clone(),
            level: self.level.name.clone(),
            text: self.criterion.text.clone(),
            mine: self.grade(),
            others,
            spread,
        })
    }
}

/// Whose grades a column of the comparison holds.
enum Column<'a> {
    /// Recorded by hand from a manager's or a peer's perspective.
    ByHand(Perspective),
    Review(&'a Review),
}

impl Column<'_> {
    fn label(&self) -> String {
        match self {
            Column::ByHand(perspective) => perspective.label().to_owned(),
            Column::Review(review) => review.reviewer.label(),
        }
    }

    fn given(&self, entry: &Entry) -> Given {
        match self {
            Column::ByHand(perspective) => Given {
                grade: entry.rating.and_then(|r| r.grade(*perspective)),
                ..Given::default()
            },
            Column::Review(review) => review
                .grades
                .get(&entry.criterion.id)
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// The chosen track and levels, resolved against a rubric.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Selection<'r> {
    /// The chosen track, or the first.
    pub track: &'r Track,
    /// The level you are at.
    pub current: &'r Level,
    /// None only when the current level is the top one.
    pub target: Option<&'r Level>,
}

impl<'r> Selection<'r> {
    /// The levels being graded: current, then target when there is one.
    pub fn levels(&self) -> impl Iterator<Item = &'r Level> {
        std::iter::once(self.current).chain(self.target)
    }
}

/// Readiness over some criteria: credit in quarters, and coverage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// Credit earned, in quarters of a criterion.
    pub earned: u32,
    /// Criteria you graded, "not yet" included.
    pub graded: u32,
    /// Criteria that apply to your role, graded or not.
    pub total: u32,
    /// Criteria you said do not apply to your role, left out of the rest.
    pub excluded: u32,
}

/// Which of the two levels a score is for, which decides the words of its
/// verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The level you are at: how solid you are at it.
    Current,
    /// The level you aim for: how much of it you already meet.
    Target,
}

impl Score {
    /// Earned over possible for the graded criteria, as a whole percent
    /// rounded half up; None while nothing is graded.
    pub fn percent(&self) -> Option<u8> {
        if self.graded == 0 {
            return None;
        }
        let (earned, possible) = (u64::from(self.earned), u64::from(self.graded) * 4);
        Some(((earned * 200 + possible) / (possible * 2)).min(100) as u8)
    }

    /// The percent as shown: "75%", or "–" while nothing is graded.
    pub fn percent_label(&self) -> String {
        self.percent()
            .map_or_else(|| "\u{2013}".to_owned(), |p| format!("{p}%"))
    }

    /// "3 of 5 graded", "3 of 5 graded, 1 does not apply", or what there
    /// is when nothing at the level applies.
    pub fn coverage(&self) -> String {
        match (self.total, self.excluded) {
            (0, 0) => "nothing at this level".to_owned(),
            (0, _) => "none apply to your role".to_owned(),
            (total, 0) => format!("{} of {total} graded", self.graded),
            (total, 1) => format!("{} of {total} graded, 1 does not apply", self.graded),
            (total, n) => format!("{} of {total} graded, {n} do not apply", self.graded),
        }
    }

    /// Whether every criterion is graded.
    pub fn complete(&self) -> bool {
        self.graded == self.total
    }

    /// How many more criteria to grade before the score gives a verdict:
    /// 0 once [`VERDICT_COVERAGE`] percent are graded.
    pub fn left_for_verdict(&self) -> u32 {
        let needed = (self.total * VERDICT_COVERAGE).div_ceil(100);
        needed.saturating_sub(self.graded)
    }

    /// Plain words for the score at `stage`, once enough is graded.
    pub fn verdict(&self, stage: Stage) -> Option<&'static str> {
        let percent = self.percent().filter(|_| self.left_for_verdict() == 0)?;
        Some(match (stage, percent) {
            (Stage::Current, 85..) => "Solid: you work at this level.",
            (Stage::Current, 60..) => "Mostly there: a few things to shore up.",
            (Stage::Current, _) => "Not yet solid: start here before the next level.",
            (Stage::Target, 85..) => "Ready to make the case.",
            (Stage::Target, 60..) => "Close: a few gaps left.",
            (Stage::Target, 30..) => "On the way.",
            (Stage::Target, _) => "Early days.",
        })
    }

    /// The verdict, or until there is one, how many criteria are left to
    /// grade for it.
    pub fn standing(&self, stage: Stage) -> String {
        match self.verdict(stage) {
            Some(verdict) => verdict.to_owned(),
            None => match self.left_for_verdict() {
                // Nothing at the level applies: there is nothing to judge.
                0 => "No verdict: there is nothing to grade here.".to_owned(),
                1 => "Grade 1 more criterion for a verdict.".to_owned(),
                n => format!("Grade {n} more criteria for a verdict."),
            },
        }
    }

    /// Both scores together, as if one.
    pub fn plus(self, other: Score) -> Score {
        Score {
            earned: self.earned + other.earned,
            graded: self.graded + other.graded,
            total: self.total + other.total,
            excluded: self.excluded + other.excluded,
        }
    }
}

/// Everything the readiness page shows, computed from an [`Assessment`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Track id.
    pub track_id: String,
    /// Track name.
    pub track_name: String,
    /// The level you are at.
    pub current: Level,
    /// None when the current level is the top one.
    pub target: Option<Level>,
    /// In rubric order.
    pub areas: Vec<AreaReport>,
    /// Readiness over every criterion of the track at the current level.
    pub overall_current: Score,
    /// Some exactly when `target` is.
    pub overall_target: Option<Score>,
    /// Target-level criteria you graded below "consistently": "not yet"
    /// first, then "sometimes", each in rubric order.
    pub gaps: Vec<Item>,
    /// Target-level criteria not graded yet.
    pub unassessed_target: u32,
    /// Criteria of either level graded "beyond", then target-level criteria
    /// graded "consistently" with evidence; rubric order within each
    /// (current level first).
    pub strengths: Vec<Item>,
    /// The honesty check, in the order of [`Flag`]'s variants.
    pub flags: Vec<Flag>,
    /// Whose grades the comparisons hold beside yours, in order: "Manager"
    /// and "Peer" for grades recorded by hand, when there are any, then
    /// each reviewer who sent grades, "Dana (manager)".
    pub others: Vec<String>,
    /// Criteria of both levels that someone else graded or commented on;
    /// largest disagreement first, ties in rubric order (current level
    /// first).
    pub comparisons: Vec<Comparison>,
    /// Everything recorded, for the evidence and notes of the report.
    pub ratings: Rc<BTreeMap<String, Rating>>,
}

/// One area's readiness at the current and the target level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaReport {
    /// Area id.
    pub id: String,
    /// Area name.
    pub name: String,
    /// Readiness at the current level.
    pub current: Score,
    /// Some exactly when the report has a target level.
    pub target: Option<Score>,
}

/// One criterion in a list of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Criterion id.
    pub criterion: String,
    /// Area name.
    pub area: String,
    /// Level name.
    pub level: String,
    /// Criterion text.
    pub text: String,
    /// Your grade.
    pub grade: Option<Grade>,
    /// Whether written evidence or an entry of the log backs it.
    pub has_evidence: bool,
    /// How many entries of the log are linked to it.
    pub entries: usize,
}

/// One criterion graded from more than your perspective.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Criterion id.
    pub criterion: String,
    /// Area name.
    pub area: String,
    /// Level name.
    pub level: String,
    /// Criterion text.
    pub text: String,
    /// Your grade.
    pub mine: Option<Grade>,
    /// What each of the report's [`others`](Report::others) gave, in
    /// order.
    pub others: Vec<Given>,
    /// Highest minus lowest of the grades present, in steps (0..=3).
    pub spread: u8,
}

impl Comparison {
    /// Whether your grade and anyone else's are two steps or more apart.
    pub fn far_apart(&self) -> bool {
        let Some(mine) = self.mine else {
            return false;
        };
        self.others
            .iter()
            .filter_map(Given::grade)
            .any(|theirs| mine.step().abs_diff(theirs.step()) >= 2)
    }
}

/// What the honesty check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// At least 8 criteria graded by you and at least 90% of them
    /// "consistently" or "beyond".
    MostlyTop { top: u32, graded: u32 },
    /// Criteria graded "beyond" with no evidence (count >= 1).
    BeyondWithoutEvidence { count: u32 },
    /// Criteria of the target level graded "consistently" or "beyond"
    /// that no entry of the log is linked to, in the rubric's order.
    TopWithoutEntries { criteria: Vec<Item> },
    /// Areas (names) where your target-level readiness is higher than your
    /// current-level readiness, both with at least one graded criterion:
    /// usually a sign that the two levels were graded by different
    /// standards.
    TargetAboveCurrent { areas: Vec<String> },
    /// Criteria where your grade and your manager's or a peer's are two
    /// steps or more apart, largest disagreement first.
    FarApart { criteria: Vec<Comparison> },
}

impl Flag {
    /// Plain words for the user, with what to do next.
    pub fn message(&self) -> String {
        match self {
            Flag::MostlyTop { top, graded } => format!(
                "You graded {top} of {graded} criteria \u{201c}consistently\u{201d} or better. \
                 That may be true, but it is rare: ask your manager to grade the same criteria, \
                 and write evidence for each top grade."
            ),
            Flag::BeyondWithoutEvidence { count: 1 } => {
                "One criterion graded \u{201c}beyond\u{201d} has no evidence yet. \
                 Write down an example that shows it, or lower the grade."
                    .to_owned()
            }
            Flag::BeyondWithoutEvidence { count } => format!(
                "{count} criteria graded \u{201c}beyond\u{201d} have no evidence yet. \
                 Write down an example for each, or lower the grade."
            ),
            Flag::TopWithoutEntries { criteria } if criteria.len() == 1 => {
                "One criterion of your target level graded \u{201c}consistently\u{201d} or \u{201c}beyond\u{201d} \
                 has no entry of your accomplishment log linked to it. \
                 Link the work that shows it, or lower the grade."
                    .to_owned()
            }
            Flag::TopWithoutEntries { criteria } => format!(
                "{} criteria of your target level graded \u{201c}consistently\u{201d} or \u{201c}beyond\u{201d} \
                 have no entry of your accomplishment log linked to them. \
                 Link the work that shows each, or lower the grade.",
                criteria.len()
            ),
            Flag::TargetAboveCurrent { areas } => format!(
                "In {}, you look more ready for your target level than for your current one. \
                 The two levels were probably graded by different standards: grade them again side by side.",
                natural_list(areas)
            ),
            Flag::FarApart { criteria } => format!(
                "You and your manager or a peer are two steps or more apart on {}. \
                 Before you make your case, talk each one through: ask what they have seen, \
                 and show what they may have missed.",
                counted(criteria.len(), "criterion", "criteria")
            ),
        }
    }

    /// The same finding in the first person, for the report to a manager.
    /// None for a finding about the user's own records (entries not yet
    /// linked), which is no question for the manager.
    pub fn for_manager(&self) -> Option<String> {
        Some(match self {
            Flag::MostlyTop { top, graded } => format!(
                "I graded {top} of {graded} criteria \u{201c}consistently\u{201d} or better. \
                 I know that is a lot, so your grades on the same criteria would help me calibrate."
            ),
            Flag::BeyondWithoutEvidence { count } => format!(
                "{} I graded \u{201c}beyond\u{201d} {} no written evidence yet; \
                 I would like to talk through what shows {}.",
                if *count == 1 {
                    "One criterion"
                } else {
                    "Some criteria"
                },
                if *count == 1 { "has" } else { "have" },
                if *count == 1 { "it" } else { "them" },
            ),
            Flag::TopWithoutEntries { .. } => return None,
            Flag::TargetAboveCurrent { areas } => format!(
                "In {}, my grades look more ready for the next level than for my current one, \
                 which suggests I held the two levels to different standards.",
                natural_list(areas)
            ),
            Flag::FarApart { criteria } => format!(
                "On {}, my grade and yours or a peer's are two steps or more apart \
                 (listed under \u{201c}Where we see it differently\u{201d}).",
                counted(criteria.len(), "criterion", "criteria")
            ),
        })
    }
}

/// "A", "A and B", "A, B and C".
fn natural_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl Report {
    /// Criteria of both levels you graded.
    pub fn graded(&self) -> u32 {
        self.overall_current.graded + self.overall_target.map_or(0, |t| t.graded)
    }

    /// What the honesty check says when it flags nothing: nothing at all
    /// before there is enough to judge, then that nothing stands out.
    /// None when there are flags.
    pub fn honesty_summary(&self) -> Option<String> {
        if !self.flags.is_empty() {
            return None;
        }
        let graded = self.graded();
        Some(if graded < MOSTLY_TOP_MIN_GRADED {
            format!(
                "The check looks at how your grades are spread once you have graded {MOSTLY_TOP_MIN_GRADED} criteria; {} to go.",
                MOSTLY_TOP_MIN_GRADED - graded
            )
        } else {
            "Nothing stands out: your grades are spread the way an honest self-assessment usually is.".to_owned()
        })
    }

    /// The snapshot of this report at `at`.
    pub fn snapshot(&self, at: Millis) -> Snapshot {
        Snapshot {
            at,
            track: self.track_id.clone(),
            current: self.current.id.clone(),
            target: self.target.as_ref().map(|level| level.id.clone()),
            overall: Percents {
                current: recorded(self.overall_current),
                target: self.overall_target.map(recorded),
            },
            areas: self
                .areas
                .iter()
                .filter(|area| area.current.graded + area.target.map_or(0, |t| t.graded) > 0)
                .map(|area| AreaPercents {
                    area: area.id.clone(),
                    current: recorded(area.current),
                    target: area.target.map(recorded),
                })
                .collect(),
            label: String::new(),
        }
    }
}

/// What to call each of `snapshots` where they are shown together: its
/// date, with the time of day when another of them falls on the same day,
/// after its label when it has one ("After the Q3 check-in, 29 Nov 2026"),
/// and numbered when even that is the same as an earlier one's.
/// Times are `offset_minutes` east of UTC.
pub fn snapshot_names(snapshots: &[Rc<Snapshot>], offset_minutes: i64) -> Vec<String> {
    let times: Vec<DateTime> = snapshots
        .iter()
        .map(|s| DateTime::at(s.at, offset_minutes))
        .collect();
    let same_day =
        |a: &DateTime, b: &DateTime| (a.year, a.month, a.day) == (b.year, b.month, b.day);
    snapshots
        .iter()
        .zip(&times)
        .enumerate()
        .map(|(i, (snapshot, time))| {
            let shared = times
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && same_day(time, other));
            let when = if shared {
                time.label()
            } else {
                time.date_label()
            };
            match snapshot.label.as_str() {
                "" => when,
                label => format!("{label}, {when}"),
            }
        })
        .scan(Vec::<String>::new(), |seen, name| {
            // Taken in the same minute: numbered from the second on.
            let earlier = seen.iter().filter(|n| **n == name).count();
            seen.push(name.clone());
            Some(match earlier {
                0 => name,
                n => format!("{name} ({})", n + 1),
            })
        })
        .collect()
}

/// A score as a snapshot records it: 0 while nothing is graded.
fn recorded(score: Score) -> u8 {
    score.percent().unwrap_or(0)
}

/// One area of a track: its criteria at two levels side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaDiff<'r> {
    /// The area.
    pub area: &'r Area,
    /// The area's criteria at the current level, in rubric order.
    pub current: Vec<&'r Criterion>,
    /// The area's criteria at the target level, in rubric order.
    pub target: Vec<&'r Criterion>,
}

/// What changes between two levels, generated from any rubric: every area of
/// `track`, in order, with its criteria at `current` and at `target`.
pub fn level_diff<'r>(track: &'r Track, current: &Level, target: &Level) -> Vec<AreaDiff<'r>> {
    let at = |area: &'r Area, level: &Level| -> Vec<&'r Criterion> {
        area.criteria
            .iter()
            .filter(|criterion| criterion.level == level.id)
            .collect()
    };
    track
        .areas
        .iter()
        .map(|area| AreaDiff {
            area,
            current: at(area, current),
            target: at(area, target),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_is_in_quarters() {
        assert_eq!(credit(None, true), 0);
        assert_eq!(credit(Some(Grade::NotYet), true), 0);
        assert_eq!(credit(Some(Grade::Sometimes), true), 2);
        assert_eq!(credit(Some(Grade::Consistently), false), 3);
        assert_eq!(credit(Some(Grade::Beyond), false), 3);
        assert_eq!(credit(Some(Grade::Consistently), true), 4);
        assert_eq!(credit(Some(Grade::Beyond), true), 4);
    }

    #[test]
    fn lists_read_naturally() {
        let names = |n: &[&str]| natural_list(&n.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(names(&["A"]), "A");
        assert_eq!(names(&["A", "B"]), "A and B");
        assert_eq!(names(&["A", "B", "C"]), "A, B and C");
    }
}

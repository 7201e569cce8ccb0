//! The ladders a user works with: the default rubric (built in, or the one
//! an organisation set with `rungs.config.json`), the rubrics they imported
//! or edited, which one is in use, and what each keeps while another is.
//!
//! The document's assessment is always the one of the rubric in use. The
//! assessments of the others wait in [`Ladders::shelved`], by rubric id, so
//! switching ladders loses no grade: it swaps them.
//!
//! A stored rubric with the default's id stands in for it: that is how the
//! default is edited, and how a newer version of it is brought in.
//!
//! A new version of a rubric may drop criteria the user graded or linked a
//! goal to. Nothing keyed to them is dropped: the grades stay in the
//! assessment under their old ids (readiness reads only the rubric's own
//! criteria), and what the criterion said is kept in [`Ladders::retired`],
//! so the page can list it under "No longer in the rubric" and move its
//! grades to a criterion of the new version.
//!
//! A new release of the app may bring a built-in rubric that drops
//! criteria too. The app has no earlier release to compare with, so what
//! those criteria said is shipped with it, in [`retired::RETIRED`], and
//! they are listed and moved the same way.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::assessment::{Assessment, Rating};
use super::plan::Plan;
use super::retired;
use super::rubric::Rubric;
use super::rubric_edit::{numbered, numbered_as, RubricEdit};
use super::schema::{Change, Document, Restore};
use super::{counted, first_letter, Case};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Ladders {
    /// The id of the rubric in use; `None` for the default one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<String>,
    /// Rubrics the user imported or edited, in the order they came.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rubrics: Vec<Rc<Rubric>>,
    /// The assessment of each rubric not in use, by rubric id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub shelved: BTreeMap<String, Assessment>,
    /// Criteria that left a rubric while something of the user's was kept
    /// on them, by rubric id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub retired: BTreeMap<String, Vec<Retired>>,
}

/// A criterion a rubric no longer has, as it read when it left.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Retired {
    pub id: String,
    pub text: String,
    /// The names of its level and area, for the reader.
    pub level: String,
    pub area: String,
}

/// A rubric the user can choose.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub rubric: Rc<Rubric>,
    /// The default one, or the user's version of it.
    pub is_default: bool,
    /// Stored by the user (imported or edited), so it can be removed.
    pub stored: bool,
    pub active: bool,
}

impl Ladders {
    /// The id of the rubric in use.
    pub fn active_id<'a>(&'a self, default: &'a Rubric) -> &'a str {
        self.active.as_deref().unwrap_or(&default.id)
    }

    /// The user's copy of the rubric with `id`, if they have one.
    pub fn stored(&self, id: &str) -> Option<&Rc<Rubric>> {
        self.rubrics.iter().find(|rubric| rubric.id == id)
    }

    /// The rubric with `id`: the user's copy, else the default when it has
    /// that id.
    pub fn rubric(&self, id: &str, default: &Rc<Rubric>) -> Option<Rc<Rubric>> {
        self.stored(id)
            .cloned()
            .or_else(|| (default.id == id).then(|| default.clone()))
    }

    /// The rubric in use: the default when the one chosen is gone.
    pub fn active(&self, default: &Rc<Rubric>) -> Rc<Rubric> {
        self.rubric(self.active_id(default), default)
            .unwrap_or_else(|| default.clone())
    }

    /// Every rubric the user can choose, the default first.
    pub fn choices(&self, default: &Rc<Rubric>) -> Vec<Choice> {
        let active = self.active(default).id.clone();
        let first = Choice {
            rubric: self
                .rubric(&default.id, default)
                .unwrap_or_else(|| default.clone()),
            is_default: true,
            stored: self.stored(&default.id).is_some(),
            active: active == default.id,
        };
        let others = self
            .rubrics
            .iter()
            .filter(|rubric| rubric.id != default.id)
            .map(|rubric| Choice {
                rubric: rubric.clone(),
                is_default: false,
                stored: true,
                active: rubric.id == active,
            });
        std::iter::once(first).chain(others).collect()
    }

    /// A rubric already here that `incoming` is a version of: the same id,
    /// or the same name.
    pub fn version_of(&self, incoming: &Rubric, default: &Rc<Rubric>) -> Option<Rc<Rubric>> {
        let choices = self.choices(default);
        let by = |same: &dyn Fn(&Rubric) -> bool| {
            choices
                .iter()
                .find(|choice| same(&choice.rubric))
                .map(|choice| choice.rubric.clone())
        };
        by(&|rubric| rubric.id == incoming.id).or_else(|| {
            by(&|rubric| {
                rubric
                    .name
                    .trim()
                    .eq_ignore_ascii_case(incoming.name.trim())
            })
        })
    }

    /// A name no ladder here has: `name` when free, else numbered
    /// ("Acme ladder (2)"), so that two ladders can be told apart.
    pub fn free_name(&self, name: &str, default: &Rc<Rubric>) -> String {
        let choices = self.choices(default);
        numbered_as(
            name,
            |name, n| format!("{name} ({n})"),
            |candidate| {
                choices
                    .iter()
                    .any(|c| c.rubric.name.trim().eq_ignore_ascii_case(candidate.trim()))
            },
        )
    }

    /// An id for `rubric` that no rubric here has: its own when free,
    /// else numbered.
    pub fn free_id(&self, id: &str, default: &Rubric) -> String {
        numbered(id, |id| id == default.id || self.stored(id).is_some())
    }
}

/// The criteria of `rubric`, by id, with where each sits.
fn placed(rubric: &Rubric) -> HashMap<&str, Placed<'_>> {
    let level_names: HashMap<&str, &str> = rubric
        .levels
        .iter()
        .map(|level| (level.id.as_str(), level.name.as_str()))
        .collect();
    let mut placed = HashMap::new();
    for track in &rubric.tracks {
        for area in &track.areas {
            for criterion in &area.criteria {
                placed.entry(criterion.id.as_str()).or_insert(Placed {
                    text: &criterion.text,
                    level: level_names
                        .get(criterion.level.as_str())
                        .copied()
                        .unwrap_or(&criterion.level),
                    area: &area.name,
                });
            }
        }
    }
    placed
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Placed<'a> {
    text: &'a str,
    level: &'a str,
    area: &'a str,
}

impl Placed<'_> {
    fn owned(&self, id: &str) -> Retired {
        Retired {
            id: id.to_owned(),
            text: self.text.to_owned(),
            level: self.level.to_owned(),
            area: self.area.to_owned(),
        }
    }
}

/// What a new version of a rubric changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<Retired>,
    pub removed: Vec<Retired>,
    /// The same criterion (by id) saying something else: (before, after).
    pub reworded: Vec<(Retired, Retired)>,
    /// The same criterion at another level or in another area.
    pub moved: Vec<(Retired, Retired)>,
    pub levels_added: Vec<String>,
    pub levels_removed: Vec<String>,
}

impl Changes {
    /// Between two versions of a rubric, criteria matched by id, each list
    /// in the order of the rubric it comes from.
    pub fn between(before: &Rubric, after: &Rubric) -> Changes {
        let old = placed(before);
        let new = placed(after);
        let in_order = |rubric: &Rubric| -> Vec<String> {
            let mut seen = HashSet::new();
            rubric
                .tracks
                .iter()
                .flat_map(|track| &track.areas)
                .flat_map(|area| &area.criteria)
                .filter(|criterion| seen.insert(criterion.id.clone()))
                .map(|criterion| criterion.id.clone())
                .collect()
        };
        let mut changes = Changes::default();
        for id in in_order(before) {
            let was = old[id.as_str()];
            match new.get(id.as_str()) {
                None => changes.removed.push(was.owned(&id)),
                Some(now) => {
                    if now.text != was.text {
                        changes.reworded.push((was.owned(&id), now.owned(&id)));
                    }
                    if now.level != was.level || now.area != was.area {
                        changes.moved.push((was.owned(&id), now.owned(&id)));
                    }
                }
            }
        }
        for id in in_order(after) {
            if !old.contains_key(id.as_str()) {
                changes.added.push(new[id.as_str()].owned(&id));
            }
        }
        let names = |rubric: &Rubric| -> Vec<String> {
            rubric
                .levels
                .iter()
                .map(|level| level.name.clone())
                .collect()
        };
        let (was, now) = (names(before), names(after));
        changes.levels_added = now.iter().filter(|n| !was.contains(n)).cloned().collect();
        changes.levels_removed = was.iter().filter(|n| !now.contains(n)).cloned().collect();
        changes
    }

    pub fn is_empty(&self) -> bool {
        self == &Changes::default()
    }

    /// The changes in a line each: "3 criteria added", …
    pub fn summary(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let mut count = |n: usize, what: &str| {
            if n > 0 {
                lines.push(format!("{} {what}", counted(n, "criterion", "criteria")));
            }
        };
        count(self.added.len(), "added");
        count(self.removed.len(), "removed");
        count(self.reworded.len(), "reworded");
        count(self.moved.len(), "moved to another level or area");
        for (names, what) in [
            (&self.levels_added, "New level"),
            (&self.levels_removed, "Level removed"),
        ] {
            if !names.is_empty() {
                let s = if names.len() == 1 { "" } else { "s" };
                lines.push(format!("{what}{s}: {}", names.join(", ")));
            }
        }
        if lines.is_empty() {
            lines.push("Nothing changed in the criteria".to_owned());
        }
        lines
    }

    /// What the changes mean for what the user keeps on the removed
    /// criteria: their grades, notes and evidence in `assessment`, and the
    /// goals in `plan` that prove them.
    pub fn impact(&self, assessment: &Assessment, plan: &Plan) -> Vec<String> {
        let removed: HashSet<&str> = self.removed.iter().map(|r| r.id.as_str()).collect();
        let kept = self
            .removed
            .iter()
            .filter(|r| assessment.rating(&r.id).is_some())
            .count();
        let goals = plan
            .goals
            .iter()
            .filter(|goal| goal.criteria.iter().any(|c| removed.contains(c.as_str())))
            .count();
        let mut lines = Vec::new();
        if kept > 0 {
            lines.push(format!(
                "{} on criteria this version removes. Nothing is deleted: {} under “No longer in the rubric”, where you can move {} to a new criterion.",
                first_letter(&counted(kept, "grade or note is", "grades or notes are"), Case::Upper),
                if kept == 1 { "it is kept" } else { "they are kept" },
                if kept == 1 { "it" } else { "each" },
            ));
        }
        if goals > 0 {
            lines.push(format!(
                "{} to a removed criterion; {} the link until you move it.",
                first_letter(
                    &counted(goals, "plan goal is linked", "plan goals are linked"),
                    Case::Upper
                ),
                if goals == 1 { "it keeps" } else { "they keep" },
            ));
        }
        let graded_reworded = self
            .reworded
            .iter()
            .filter(|(before, _)| assessment.rating(&before.id).is_some())
            .count();
        if graded_reworded > 0 {
            lines.push(format!(
                "{} reworded; {} stay with {}.",
                first_letter(
                    &counted(
                        graded_reworded,
                        "graded criterion is",
                        "graded criteria are"
                    ),
                    Case::Upper
                ),
                if graded_reworded == 1 {
                    "its grades"
                } else {
                    "their grades"
                },
                if graded_reworded == 1 { "it" } else { "them" },
            ));
        }
        if lines.is_empty() {
            lines.push(
                "None of your grades, notes or goals are on a criterion this version removes."
                    .to_owned(),
            );
        }
        lines
    }
}

/// For each retired criterion in `retired`, the added criterion at the
/// same level and area whose words it shares most (at least half), as a
/// first guess at where its grades belong.
pub fn likely_successor<'a>(retired: &Retired, rubric: &'a Rubric) -> Option<&'a str> {
    let words = |text: &str| -> HashSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let mine = words(&retired.text);
    let placed = placed(rubric);
    placed
        .iter()
        .filter(|(_, at)| at.level == retired.level && at.area == retired.area)
        .map(|(id, at)| {
            let theirs = words(at.text);
            let shared = mine.intersection(&theirs).count();
            let all = mine.union(&theirs).count().max(1);
            (shared * 100 / all, *id)
        })
        .filter(|(score, _)| *score >= 50)
        .max()
        .map(|(_, id)| id)
}

/// A change to the ladders. Each may touch the assessment and the plan
/// too, so each is undone by putting the whole document back.
#[derive(Clone, Debug, PartialEq)]
pub enum LadderEdit {
    /// Keep `rubric`: a new one, or a new version of the one with its id
    /// (replacing the user's copy, or standing in for the default). With
    /// `use_it`, it becomes the rubric in use.
    Put {
        rubric: Rc<Rubric>,
        default: Rc<Rubric>,
        use_it: bool,
    },
    /// Use the rubric with id `to`.
    Switch { to: String, default: Rc<Rubric> },
    /// Remove the user's copy of a rubric, and the grades kept for it. For
    /// the default's id, the default as shipped comes back, with the grades.
    Remove { id: String, default: Rc<Rubric> },
    /// Move what is kept on the retired criterion `from` of rubric
    /// `rubric` to its criterion `to`, and the goals that prove it.
    Map {
        rubric: String,
        from: String,
        to: String,
        default: Rc<Rubric>,
    },
    /// Edit the rubric with `id` (the default's id edits the user's
    /// version of it, made on the first edit). What a removal drops is
    /// kept as for a new version.
    EditRubric {
        id: String,
        edit: RubricEdit,
        default: Rc<Rubric>,
    },
    /// Delete what is kept on the retired criterion `id`.
    Forget {
        rubric: String,
        id: String,
        default: Rc<Rubric>,
    },
}

impl Change for LadderEdit {
    fn apply_to(&self, document: &mut Document) -> Option<Restore> {
        let before = document.clone();
        let changed = match self {
            LadderEdit::Put {
                rubric,
                default,
                use_it,
            } => put(document, rubric, default, *use_it),
            LadderEdit::Switch { to, default } => switch(document, to, default),
            LadderEdit::Remove { id, default } => remove(document, id, default),
            LadderEdit::Map {
                rubric,
                from,
                to,
                default,
            } => map(document, rubric, from, Some(to), default),
            LadderEdit::Forget {
                rubric,
                id,
                default,
            } => map(document, rubric, id, None, default),
            LadderEdit::EditRubric { id, edit, default } => {
                match document.ladders.value().rubric(id, default) {
                    Some(rubric) => {
                        let mut edited = (*rubric).clone();
                        edited.edit(edit.clone()) && put(document, &Rc::new(edited), default, false)
                    }
                    None => false,
                }
            }
        };
        changed.then(|| Restore::Document(Box::new(before)))
    }

    fn undo_label(&self, before: &Document) -> Option<String> {
        let ladders = before.ladders.value();
        let name = |id: &str, default: &Rc<Rubric>| {
            ladders
                .rubric(id, default)
                .map_or_else(|| id.to_owned(), |rubric| rubric.name.clone())
        };
        Some(match self {
            LadderEdit::Put {
                rubric, default, ..
            } => match ladders.rubric(&rubric.id, default) {
                Some(_) => format!("Updated the ladder “{}”.", rubric.name),
                None => format!("Added the ladder “{}”.", rubric.name),
            },
            LadderEdit::Switch { to, default } => format!("Switched to “{}”.", name(to, default)),
            LadderEdit::Remove { id, default } if *id == default.id => {
                format!("Put back “{}” as shipped.", default.name)
            }
            LadderEdit::Remove { id, default } => {
                format!("Removed the ladder “{}”.", name(id, default))
            }
            LadderEdit::Map { .. } => "Moved grades to a new criterion.".to_owned(),
            LadderEdit::Forget { .. } => "Deleted what was kept on a removed criterion.".to_owned(),
            // Removals are offered back; the rest is undone by editing.
            LadderEdit::EditRubric { id, edit, default } => {
                let rubric = ladders.rubric(id, default)?;
                match edit {
                    RubricEdit::RemoveLevel(level) => format!(
                        "Removed the level “{}” and its criteria.",
                        rubric.level_name(level)
                    ),
                    RubricEdit::RemoveTrack(_) => "Removed a track.".to_owned(),
                    RubricEdit::RemoveArea { .. } => "Removed an area.".to_owned(),
                    RubricEdit::RemoveCriterion(criterion) => format!(
                        "Removed the criterion “{}”.",
                        rubric.criterion(criterion).map_or("", |c| &c.text)
                    ),
                    _ => return None,
                }
            }
        })
    }
}

/// The assessment kept for the rubric with `id`: the document's when it
/// is the one in use, else the shelved one, if it has one.
pub fn assessment_of<'d>(
    document: &'d Document,
    id: &str,
    default: &Rubric,
) -> Option<&'d Assessment> {
    if document.ladders.value().active_id(default) == id {
        Some(document.assessment.value())
    } else {
        document.ladders.value().shelved.get(id)
    }
}

/// Edits the assessment of the rubric with `id`: the document's when it
/// is the one in use, else the shelved one.
fn edit_assessment_of(
    document: &mut Document,
    id: &str,
    default: &Rubric,
    change: impl FnOnce(&mut Assessment) -> bool,
) -> bool {
    if document.ladders.value().active_id(default) == id {
        return document.assessment.edit(change).is_some();
    }
    document
        .ladders
        .edit(|ladders| {
            let mut assessment = ladders.shelved.get(id).cloned().unwrap_or_default();
            let changed = change(&mut assessment);
            if changed {
                ladders.shelved.insert(id.to_owned(), assessment);
            }
            changed
        })
        .is_some()
}

fn put(document: &mut Document, rubric: &Rc<Rubric>, default: &Rc<Rubric>, use_it: bool) -> bool {
    let ladders = document.ladders.value();
    let before = ladders.rubric(&rubric.id, default);
    if before.as_deref() == Some(&**rubric) && (!use_it || ladders.active_id(default) == rubric.id)
    {
        return false;
    }
    if let Some(before) = before {
        retire(document, &before, rubric, default);
    }
    document.ladders.edit(|ladders| {
        match ladders.rubrics.iter_mut().find(|r| r.id == rubric.id) {
            Some(slot) => *slot = rubric.clone(),
            None => ladders.rubrics.push(rubric.clone()),
        }
        true
    });
    if use_it {
        switch(document, &rubric.id, default);
    }
    true
}

/// Keeps, as retired, the criteria of `before` that `after` (a new version
/// of the same rubric) drops while something is kept on them; forgets the
/// retired ones `after` has again.
fn retire(document: &mut Document, before: &Rubric, after: &Rubric, default: &Rubric) {
    let id = after.id.clone();
    let in_use = document.ladders.value().active_id(default) == id;
    let leaving: Vec<Retired> = {
        let assessment = assessment_of(document, &id, default);
        Changes::between(before, after)
            .removed
            .into_iter()
            .filter(|r| {
                assessment.is_some_and(|a| a.rating(&r.id).is_some())
                    || (in_use && kept_in_plan(document.plan.value(), &r.id))
            })
            .collect()
    };
    let now: HashSet<String> = placed(after).into_keys().map(str::to_owned).collect();
    document.ladders.edit(|ladders| {
        let retired = ladders.retired.entry(id.clone()).or_default();
        let count = retired.len();
        retired.retain(|r| !now.contains(&r.id));
        let mut changed = retired.len() != count;
        for leaving in leaving {
            if !retired.iter().any(|r| r.id == leaving.id) {
                retired.push(leaving);
                changed = true;
            }
        }
        if retired.is_empty() {
            ladders.retired.remove(&id);
        }
        changed
    });
}

fn kept_in_plan(plan: &Plan, criterion: &str) -> bool {
    plan.goals
        .iter()
        .any(|goal| goal.criteria.iter().any(|c| c == criterion))
}

fn switch(document: &mut Document, to: &str, default: &Rc<Rubric>) -> bool {
    let ladders = document.ladders.value();
    let from = ladders.active_id(default).to_owned();
    if from == to || ladders.rubric(to, default).is_none() {
        return false;
    }
    let incoming = ladders.shelved.get(to).cloned().unwrap_or_default();
    let outgoing = document.assessment.value().clone();
    document.assessment.edit(|assessment| {
        *assessment = incoming;
        true
    });
    document.ladders.edit(|ladders| {
        ladders.shelved.remove(to);
        if outgoing != Assessment::default() {
            ladders.shelved.insert(from, outgoing);
        }
        ladders.active = (to != default.id).then(|| to.to_owned());
        true
    });
    true
}

fn remove(document: &mut Document, id: &str, default: &Rc<Rubric>) -> bool {
    let Some(stored) = document.ladders.value().stored(id).cloned() else {
        return false;
    };
    let is_default = id == default.id;
    if is_default {
        // The default as shipped comes back in place of the user's
        // version, which is kept from like any earlier version.
        retire(document, &stored, default, default);
    } else if document.ladders.value().active_id(default) == id {
        switch(document, &default.id, default);
    }
    document.ladders.edit(|ladders| {
        ladders.rubrics.retain(|rubric| rubric.id != id);
        if !is_default {
            ladders.shelved.remove(id);
            ladders.retired.remove(id);
        }
        true
    });
    true
}

/// Moves what is kept on the retired criterion `from` to `to` (or deletes
/// it with `None`), in the rubric's assessment and in the plan's goals.
fn map(
    document: &mut Document,
    rubric: &str,
    from: &str,
    to: Option<&String>,
    default: &Rc<Rubric>,
) -> bool {
    let ladders = document.ladders.value();
    let stored = ladders
        .retired
        .get(rubric)
        .is_some_and(|list| list.iter().any(|r| r.id == from));
    let built_in = ladders
        .rubric(rubric, default)
        .is_some_and(|rubric| built_in_retired(&rubric).iter().any(|r| r.id == from));
    if !(stored || built_in) || to.is_some_and(|to| to == from) {
        return false;
    }
    let mut changed = edit_assessment_of(document, rubric, default, |assessment| {
        let ratings = Rc::make_mut(&mut assessment.ratings);
        let Some(moving) = ratings.remove(from) else {
            return false;
        };
        if let Some(to) = to {
            let merged = match ratings.remove(to) {
                Some(there) => combine(there, moving),
                None => moving,
            };
            ratings.insert(to.clone(), merged);
        }
        true
    });
    if rubric == document.ladders.value().active_id(default) {
        changed |= document
            .plan
            .edit(|plan| {
                let mut changed = false;
                for goal in &mut plan.goals {
                    if let Some(at) = goal.criteria.iter().position(|c| c == from) {
                        let goal = goal.make_mut();
                        goal.criteria.remove(at);
                        if let Some(to) = to {
                            if !goal.criteria.contains(to) {
                                goal.criteria.insert(at, to.clone());
                            }
                        }
                        changed = true;
                    }
                }
                changed
            })
            .is_some();
    }
    if stored {
        document.ladders.edit(|ladders| {
            if let Some(list) = ladders.retired.get_mut(rubric) {
                list.retain(|r| r.id != from);
                if list.is_empty() {
                    ladders.retired.remove(rubric);
                }
            }
            true
        });
        changed = true;
    }
    changed
}

/// A rating moved onto a criterion that already has one: the grades
/// already there stay, the moved ones fill the gaps, and notes and
/// evidence are both kept.
fn combine(there: Rating, moving: Rating) -> Rating {
    let join = |a: String, b: String| match (a.trim().is_empty(), b.trim().is_empty()) {
        (true, _) => b,
        (_, true) => a,
        _ => format!("{a}\n\n{b}"),
    };
    Rating {
        mine: there.mine.or(moving.mine),
        manager: there.manager.or(moving.manager),
        peer: there.peer.or(moving.peer),
        note: join(there.note, moving.note),
        evidence: join(there.evidence, moving.evidence),
        not_applicable: there.not_applicable || (there.mine.is_none() && moving.not_applicable),
    }
}

/// What the user keeps on the criteria `rubric` no longer has, each with
/// what it said, and how many goals of `plan` are linked to it: the "No
/// longer in the rubric" list. Those kept when a version of the rubric
/// dropped them come first; then, for the built-in rubric, those an
/// earlier release of it had ([`retired::RETIRED`]) that something is
/// kept on.
pub fn no_longer<'a>(
    ladders: &Ladders,
    rubric: &Rubric,
    assessment: &'a Assessment,
    plan: &Plan,
) -> Vec<(Retired, Option<&'a Rating>, usize)> {
    let goals = |id: &str| {
        plan.goals
            .iter()
            .filter(|goal| goal.criteria.iter().any(|c| c == id))
            .count()
    };
    let stored = ladders
        .retired
        .get(&rubric.id)
        .map_or(&[][..], Vec::as_slice);
    let built_in = built_in_retired(rubric).into_iter().filter(|r| {
        !stored.iter().any(|s| s.id == r.id)
            && (assessment.rating(&r.id).is_some() || goals(&r.id) > 0)
    });
    stored
        .iter()
        .cloned()
        .chain(built_in)
        .map(|retired| {
            let (rating, goals) = (assessment.rating(&retired.id), goals(&retired.id));
            (retired, rating, goals)
        })
        .collect()
}

/// The criteria the built-in rubric dropped in an earlier release that
/// `rubric` (the built-in one, or the user's version of it) does not have,
/// placed by the names of their level and area in it; none for any other
/// rubric.
fn built_in_retired(rubric: &Rubric) -> Vec<Retired> {
    if rubric.id != retired::BUILT_IN {
        return Vec::new();
    }
    let now = placed(rubric);
    retired::RETIRED
        .iter()
        .filter(|(id, _)| !now.contains_key(id))
        .map(|&(id, text)| {
            // An id names its track, area and level: "software.craft.e1.…".
            let mut parts = id.split('.');
            let (track, area, level) = (
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
            );
            let area = rubric
                .tracks
                .iter()
                .filter(|t| t.id == track)
                .flat_map(|t| &t.areas)
                .find(|a| a.id == area)
                .map_or(area, |a| a.name.as_str());
            Retired {
                id: id.to_owned(),
                text: text.to_owned(),
                level: rubric.level_name(level).to_owned(),
                area: area.to_owned(),
            }
        })
        .collect()
}

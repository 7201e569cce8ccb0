//! Editing a leveling rubric in place, one change at a time, as a person
//! does in a web page: renaming its levels, adding a track, rewording a
//! criterion, moving it to another area.
//!
//! Every change is a [`RubricEdit`] given to [`Rubric::edit`], which says
//! whether anything changed. An edit naming a level, track, area or
//! criterion the rubric does not have changes nothing, and so does moving
//! the first item up or the last one down.
//!
//! Ids are made once, when something is added, from its name or text with
//! [`slug`], and numbered when taken. Renaming or rewording never changes
//! an id: grades are kept by criterion id.
//!
//! Edits may leave the rubric unusable for a while (a level without a
//! name, a track without areas). What to show beside the editor as the
//! person types is [`Rubric::located_problems`] with a minimum of 0: every
//! problem with the id of what it is about, without the summaries and the
//! criteria per level that only the built-in rubric must have.

use std::collections::HashSet;

use super::replace;
use super::rubric::{Area, Criterion, Level, Rubric, Track};
use super::rubric_csv::slug;

/// Which way to move an item among its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// Towards the start of the list (a lower level, an earlier track).
    Up,
    /// Towards the end of the list.
    Down,
}

/// An intent to change a rubric. Texts set "as typed" are kept as given;
/// names and texts of new items are trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RubricEdit {
    /// The rubric's name (its id stays).
    Rename(String),
    SetDescription(String),
    SetSource(String),
    SetLicence(String),
    SetCumulative(bool),

    /// Add a level called `name` after the level with id `after`, or last
    /// when `after` is `None`. A blank name adds nothing.
    AddLevel {
        name: String,
        after: Option<String>,
    },
    RenameLevel {
        level: String,
        name: String,
    },
    SetLevelSummary {
        level: String,
        summary: String,
    },
    MoveLevel {
        level: String,
        way: Way,
    },
    /// Remove a level and every criterion at it; ask
    /// [`Rubric::level_use`] how many that is first.
    RemoveLevel(String),

    /// Add a track called `name`, last, with no areas yet. A blank name
    /// adds nothing.
    AddTrack(String),
    RenameTrack {
        track: String,
        name: String,
    },
    SetTrackSummary {
        track: String,
        summary: String,
    },
    MoveTrack {
        track: String,
        way: Way,
    },
    /// Remove a track with its areas and criteria, unless it is the only
    /// one.
    RemoveTrack(String),

    /// Add an area called `name` last in `track`. A blank name adds
    /// nothing.
    AddArea {
        track: String,
        name: String,
    },
    RenameArea {
        track: String,
        area: String,
        name: String,
    },
    SetAreaSummary {
        track: String,
        area: String,
        summary: String,
    },
    MoveArea {
        track: String,
        area: String,
        way: Way,
    },
    /// Remove an area with its criteria.
    RemoveArea {
        track: String,
        area: String,
    },

    /// Add a criterion last in an area at a level. Blank text adds
    /// nothing.
    AddCriterion {
        track: String,
        area: String,
        level: String,
        text: String,
    },
    SetCriterionText {
        criterion: String,
        text: String,
    },
    /// Replace the examples: each trimmed, blank ones dropped.
    SetExamples {
        criterion: String,
        examples: Vec<String>,
    },
    /// How much the criterion counts; `Some(1)` is the same as `None`.
    SetWeight {
        criterion: String,
        weight: Option<u32>,
    },
    /// Move a criterion past the previous or next criterion of the same
    /// area at the same level; those of other levels stay where they are.
    MoveCriterion {
        criterion: String,
        way: Way,
    },
    /// Move a criterion to another area (last in it) or another level, or
    /// both. Its id stays.
    PlaceCriterion {
        criterion: String,
        track: String,
        area: String,
        level: String,
    },
    RemoveCriterion(String),
}

impl Rubric {
    /// Applies `edit`; returns whether anything changed. Never panics:
    /// unknown ids and moves past either end change nothing.
    pub fn edit(&mut self, edit: RubricEdit) -> bool {
        use RubricEdit as E;
        match edit {
            E::Rename(name) => replace(&mut self.name, name),
            E::SetDescription(text) => replace(&mut self.description, text),
            E::SetSource(text) => replace(&mut self.source, text),
            E::SetLicence(text) => replace(&mut self.licence, text),
            E::SetCumulative(cumulative) => replace(&mut self.cumulative, cumulative),

            E::AddLevel { name, after } => self.add_level(&name, after.as_deref()),
            E::RenameLevel { level, name } => self
                .level_mut(&level)
                .is_some_and(|level| replace(&mut level.name, name)),
            E::SetLevelSummary { level, summary } => self
                .level_mut(&level)
                .is_some_and(|level| replace(&mut level.summary, summary)),
            E::MoveLevel { level, way } => shift(&mut self.levels, |l| l.id == level, way),
            E::RemoveLevel(level) => {
                let removed = remove(&mut self.levels, |l| l.id == level);
                if removed {
                    for area in self.areas_mut() {
                        area.criteria.retain(|c| c.level != level);
                    }
                }
                removed
            }

            E::AddTrack(name) => {
                let name = name.trim();
                if name.is_empty() {
                    return false;
                }
                let id = self.free_id(&slug(name, "track"));
                self.tracks.push(Track {
                    id,
                    name: name.to_owned(),
                    ..Track::default()
                });
                true
            }
            E::RenameTrack { track, name } => self
                .track_mut(&track)
                .is_some_and(|track| replace(&mut track.name, name)),
            E::SetTrackSummary { track, summary } => self
                .track_mut(&track)
                .is_some_and(|track| replace(&mut track.summary, summary)),
            E::MoveTrack { track, way } => shift(&mut self.tracks, |t| t.id == track, way),
            E::RemoveTrack(track) => {
                self.tracks.len() > 1 && remove(&mut self.tracks, |t| t.id == track)
            }

            E::AddArea { track, name } => {
                let name = name.trim();
                let Some(track) = self.track_mut(&track).filter(|_| !name.is_empty()) else {
                    return false;
                };
                let base = slug(name, "area");
                let id = numbered(&base, |id| track.areas.iter().any(|a| a.id == id));
                track.areas.push(Area {
                    id,
                    name: name.to_owned(),
                    ..Area::default()
                });
                true
            }
            E::RenameArea { track, area, name } => self
                .area_mut(&track, &area)
                .is_some_and(|area| replace(&mut area.name, name)),
            E::SetAreaSummary {
                track,
                area,
                summary,
            } => self
                .area_mut(&track, &area)
                .is_some_and(|area| replace(&mut area.summary, summary)),
            E::MoveArea { track, area, way } => self
                .track_mut(&track)
                .is_some_and(|track| shift(&mut track.areas, |a| a.id == area, way)),
            E::RemoveArea { track, area } => self
                .track_mut(&track)
                .is_some_and(|track| remove(&mut track.areas, |a| a.id == area)),

            E::AddCriterion {
                track,
                area,
                level,
                text,
            } => self.add_criterion(&track, &area, &level, text.trim()),
            E::SetCriterionText { criterion, text } => self
                .criterion_mut(&criterion)
                .is_some_and(|criterion| replace(&mut criterion.text, text)),
            E::SetExamples {
                criterion,
                examples,
            } => {
                let examples = examples
                    .iter()
                    .map(|e| e.trim())
                    .filter(|e| !e.is_empty())
                    .map(str::to_owned)
                    .collect();
                self.criterion_mut(&criterion)
                    .is_some_and(|criterion| replace(&mut criterion.examples, examples))
            }
            E::SetWeight { criterion, weight } => {
                let weight = weight.filter(|&w| w != 1);
                self.criterion_mut(&criterion)
                    .is_some_and(|criterion| replace(&mut criterion.weight, weight))
            }
            E::MoveCriterion { criterion, way } => self.move_criterion(&criterion, way),
            E::PlaceCriterion {
                criterion,
                track,
                area,
                level,
            } => self.place_criterion(&criterion, &track, &area, &level),
            E::RemoveCriterion(criterion) => self
                .areas_mut()
                .any(|area| remove(&mut area.criteria, |c| c.id == criterion)),
        }
    }

    /// How many criteria are at the level with `id`: what removing it
    /// would remove too.
    pub fn level_use(&self, id: &str) -> usize {
        self.tracks
            .iter()
            .flat_map(|t| &t.areas)
            .map(|a| a.at(id).count())
            .sum()
    }

    /// The criterion with `id`, if the rubric has it.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.area_of(id)
            .and_then(|(_, area)| area.criteria.iter().find(|c| c.id == id))
    }

    /// The track and area that hold the criterion with `id`.
    pub fn area_of(&self, id: &str) -> Option<(&Track, &Area)> {
        self.tracks.iter().find_map(|track| {
            track
                .areas
                .iter()
                .find(|area| area.criteria.iter().any(|c| c.id == id))
                .map(|area| (track, area))
        })
    }

    fn level_mut(&mut self, id: &str) -> Option<&mut Level> {
        self.levels.iter_mut().find(|l| l.id == id)
    }

    fn track_mut(&mut self, id: &str) -> Option<&mut Track> {
        self.tracks.iter_mut().find(|t| t.id == id)
    }

    fn area_mut(&mut self, track: &str, area: &str) -> Option<&mut Area> {
        self.track_mut(track)?
            .areas
            .iter_mut()
            .find(|a| a.id == area)
    }

    fn areas_mut(&mut self) -> impl Iterator<Item = &mut Area> {
        self.tracks.iter_mut().flat_map(|t| t.areas.iter_mut())
    }

    fn criterion_mut(&mut self, id: &str) -> Option<&mut Criterion> {
        self.areas_mut()
            .flat_map(|a| a.criteria.iter_mut())
            .find(|c| c.id == id)
    }

    /// `base`, or `base-2`, `base-3`… whichever no level, track or
    /// criterion has as its id yet: the ids the rubric keeps unique.
    fn free_id(&self, base: &str) -> String {
        let taken: HashSet<&str> = self
            .levels
            .iter()
            .map(|l| l.id.as_str())
            .chain(self.tracks.iter().map(|t| t.id.as_str()))
            .chain(
                self.tracks
                    .iter()
                    .flat_map(|t| &t.areas)
                    .flat_map(|a| &a.criteria)
                    .map(|c| c.id.as_str()),
            )
            .collect();
        numbered(base, |id| taken.contains(id))
    }

    fn add_level(&mut self, name: &str, after: Option<&str>) -> bool {
        let name = name.trim();
        let at = match after {
            None => Some(self.levels.len()),
            Some(after) => self
                .levels
                .iter()
                .position(|l| l.id == after)
                .map(|at| at + 1),
        };
        let Some(at) = at.filter(|_| !name.is_empty()) else {
            return false;
        };
        let level = Level {
            id: self.free_id(&slug(name, "level")),
            name: name.to_owned(),
            summary: String::new(),
        };
        self.levels.insert(at, level);
        true
    }

    fn add_criterion(&mut self, track: &str, area: &str, level: &str, text: &str) -> bool {
        if text.is_empty() || !self.levels.iter().any(|l| l.id == level) {
            return false;
        }
        let Some(area_id) = self.area_mut(track, area).map(|a| a.id.clone()) else {
            return false;
        };
        let id = self.free_id(&format!("{area_id}.{level}.{}", slug(text, "criterion")));
        let criterion = Criterion {
            id,
            level: level.to_owned(),
            text: text.to_owned(),
            ..Criterion::default()
        };
        self.area_mut(track, area)
            .map(|area| area.criteria.push(criterion))
            .is_some()
    }

    fn move_criterion(&mut self, id: &str, way: Way) -> bool {
        let Some(area) = self
            .areas_mut()
            .find(|area| area.criteria.iter().any(|c| c.id == id))
        else {
            return false;
        };
        let criteria = &mut area.criteria;
        let Some((at, level)) = criteria
            .iter()
            .enumerate()
            .find(|(_, c)| c.id == id)
            .map(|(at, c)| (at, c.level.clone()))
        else {
            return false;
        };
        let same = |c: &Criterion| c.level == level;
        let (before, after) = criteria.split_at(at);
        let other = match way {
            Way::Up => before.iter().rposition(same),
            // `after` starts with the criterion itself.
            Way::Down => after.iter().skip(1).position(same).map(|n| at + 1 + n),
        };
        match other {
            Some(other) => {
                criteria.swap(at, other);
                true
            }
            None => false,
        }
    }

    fn place_criterion(&mut self, id: &str, track: &str, area: &str, level: &str) -> bool {
        let known_level = self.levels.iter().any(|l| l.id == level);
        let Some((from_track, from_area)) =
            self.area_of(id).map(|(t, a)| (t.id.clone(), a.id.clone()))
        else {
            return false;
        };
        if !known_level || self.area_mut(track, area).is_none() {
            return false;
        }
        if from_track == track && from_area == area {
            return self
                .criterion_mut(id)
                .is_some_and(|c| replace(&mut c.level, level.to_owned()));
        }
        let Some(from) = self.area_mut(&from_track, &from_area) else {
            return false;
        };
        let Some(at) = from.criteria.iter().position(|c| c.id == id) else {
            return false;
        };
        let mut criterion = from.criteria.remove(at);
        criterion.level = level.to_owned();
        if let Some(to) = self.area_mut(track, area) {
            to.criteria.push(criterion);
        }
        true
    }
}

/// `base`, or `base-2`, `base-3`… the first that is not `taken`.
pub(crate) fn numbered(base: &str, taken: impl Fn(&str) -> bool) -> String {
    numbered_as(base, |base, n| format!("{base}-{n}"), taken)
}

/// `base`, or `base` marked with 2, 3… by `mark`: the first that is not
/// `taken`.
pub(crate) fn numbered_as(
    base: &str,
    mark: impl Fn(&str, usize) -> String,
    taken: impl Fn(&str) -> bool,
) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| mark(base, n))
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

/// Swaps the first item that `is` with its neighbour `way`; returns
/// whether there was one to swap with.
fn shift<T>(items: &mut [T], is: impl Fn(&T) -> bool, way: Way) -> bool {
    let Some(at) = items.iter().position(is) else {
        return false;
    };
    let other = match way {
        Way::Up => at.checked_sub(1),
        Way::Down => Some(at + 1).filter(|&next| next < items.len()),
    };
    match other {
        Some(other) => {
            items.swap(at, other);
            true
        }
        None => false,
    }
}

/// Removes the items that match; returns whether there were any.
fn remove<T>(items: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> bool {
    let before = items.len();
    items.retain(|i| !matches(i));
    items.len() != before
}

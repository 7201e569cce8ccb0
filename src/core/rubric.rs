//! A leveling rubric: levels, tracks, competency areas and the observable
//! criteria of each area at each level. The built-in one is
//! `src/content/rubric.toml`; a company can bring its own.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The built-in rubric's file in the build, next to `index.html`. The build
/// writes it from `src/content/rubric.toml` (see `tools/content`), and the
/// app fetches it when a page first needs it.
pub const RUBRIC_FILE: &str = "rubric.json";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub id: String,
    pub name: String,
    pub description: String,
    /// From the first rung to the last.
    pub levels: Vec<Level>,
    pub tracks: Vec<Track>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub areas: Vec<Area>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub criteria: Vec<Criterion>,
}

/// One observable behaviour expected at one level. Grades are keyed by `id`,
/// so rewording `text` keeps them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub level: String,
    pub text: String,
}

impl Area {
    /// The criteria of this area at `level`.
    pub fn at<'a>(&'a self, level: &'a str) -> impl Iterator<Item = &'a Criterion> + 'a {
        self.criteria.iter().filter(move |c| c.level == level)
    }
}

impl Rubric {
    /// The levels above the level with `id`, lowest first; none for an
    /// unknown id.
    pub fn levels_above<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Level> + 'a {
        let at = self.levels.iter().position(|level| level.id == id);
        self.levels
            .iter()
            .skip(at.map_or(self.levels.len(), |at| at + 1))
    }

    /// Everything wrong with this rubric, in plain words; empty when it can
    /// be used. Every area needs at least `min_per_level` criteria at every
    /// level.
    pub fn problems(&self, min_per_level: usize) -> Vec<String> {
        let mut check = Checker::default();
        if self.levels.len() < 2 {
            check.problem("a rubric needs at least two levels".into());
        }
        if self.tracks.is_empty() {
            check.problem("a rubric needs at least one track".into());
        }
        for level in &self.levels {
            check.unique_id("level", &level.id);
            check.filled(
                "level",
                &level.id,
                &[("name", &level.name), ("summary", &level.summary)],
            );
        }
        for track in &self.tracks {
            check.unique_id("track", &track.id);
            check.filled(
                "track",
                &track.id,
                &[("name", &track.name), ("summary", &track.summary)],
            );
            if track.areas.is_empty() {
                check.problem(format!("track {} has no areas", track.id));
            }
            let mut area_ids = HashSet::new();
            for area in &track.areas {
                if !area_ids.insert(&area.id) {
                    check.problem(format!(
                        "area {} appears twice in track {}",
                        area.id, track.id
                    ));
                }
                check.filled(
                    "area",
                    &area.id,
                    &[("name", &area.name), ("summary", &area.summary)],
                );
                for criterion in &area.criteria {
                    check.unique_id("criterion", &criterion.id);
                    check.filled("criterion", &criterion.id, &[("text", &criterion.text)]);
                    if !self.levels.iter().any(|l| l.id == criterion.level) {
                        check.problem(format!(
                            "criterion {} names level {:?}, which the rubric does not have",
                            criterion.id, criterion.level
                        ));
                    }
                }
                for level in &self.levels {
                    let count = area.at(&level.id).count();
                    if count < min_per_level {
                        check.problem(format!(
                            "{} / {} has {count} criteria at {}, fewer than {min_per_level}",
                            track.name, area.name, level.name
                        ));
                    }
                }
            }
        }
        check.problems
    }
}

/// Collects problems while walking a rubric.
#[derive(Default)]
struct Checker {
    ids: HashSet<String>,
    problems: Vec<String>,
}

impl Checker {
    fn problem(&mut self, problem: String) {
        self.problems.push(problem);
    }

    /// Ids of levels, tracks and criteria are unique across the rubric.
    fn unique_id(&mut self, kind: &str, id: &str) {
        if id.trim().is_empty() {
            self.problem(format!("a {kind} has no id"));
        } else if !self.ids.insert(id.to_owned()) {
            self.problem(format!("the id {id:?} is used twice"));
        }
    }

    fn filled(&mut self, kind: &str, id: &str, fields: &[(&str, &str)]) {
        for (field, text) in fields {
            if text.trim().is_empty() {
                self.problem(format!("the {field} of {kind} {id} is empty"));
            }
        }
    }
}

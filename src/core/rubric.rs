//! A leveling rubric: levels, tracks, competency areas and the observable
//! criteria of each area at each level. The built-in one is
//! `src/content/rubric.toml`; a company can bring its own.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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
    /// Everything wrong with this rubric, in plain words; empty when it can
    /// be used. Every area needs at least `min_per_level` criteria at every
    /// level.
    pub fn problems(&self, min_per_level: usize) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        let mut unique = |kind: &str, id: &str, problems: &mut Vec<String>| {
            if id.trim().is_empty() {
                problems.push(format!("a {kind} has no id"));
            } else if !ids.insert(id.to_owned()) {
                problems.push(format!("the id {id:?} is used twice"));
            }
        };
        let blank = |what: String, text: &str, problems: &mut Vec<String>| {
            if text.trim().is_empty() {
                problems.push(format!("{what} is empty"));
            }
        };
        if self.levels.len() < 2 {
            problems.push("a rubric needs at least two levels".into());
        }
        if self.tracks.is_empty() {
            problems.push("a rubric needs at least one track".into());
        }
        for level in &self.levels {
            unique("level", &level.id, &mut problems);
            blank(
                format!("the name of level {}", level.id),
                &level.name,
                &mut problems,
            );
            blank(
                format!("the summary of level {}", level.id),
                &level.summary,
                &mut problems,
            );
        }
        for track in &self.tracks {
            unique("track", &track.id, &mut problems);
            blank(
                format!("the name of track {}", track.id),
                &track.name,
                &mut problems,
            );
            if track.areas.is_empty() {
                problems.push(format!("track {} has no areas", track.id));
            }
            let mut area_ids = HashSet::new();
            for area in &track.areas {
                if !area_ids.insert(&area.id) {
                    problems.push(format!(
                        "area {} appears twice in track {}",
                        area.id, track.id
                    ));
                }
                blank(
                    format!("the name of area {}", area.id),
                    &area.name,
                    &mut problems,
                );
                for criterion in &area.criteria {
                    unique("criterion", &criterion.id, &mut problems);
                    blank(
                        format!("criterion {}", criterion.id),
                        &criterion.text,
                        &mut problems,
                    );
                    if !self.levels.iter().any(|l| l.id == criterion.level) {
                        problems.push(format!(
                            "criterion {} names level {:?}, which the rubric does not have",
                            criterion.id, criterion.level
                        ));
                    }
                }
                for level in &self.levels {
                    let count = area.at(&level.id).count();
                    if count < min_per_level {
                        problems.push(format!(
                            "{} / {} has {count} criteria at {}, fewer than {min_per_level}",
                            track.name, area.name, level.name
                        ));
                    }
                }
            }
        }
        problems
    }
}

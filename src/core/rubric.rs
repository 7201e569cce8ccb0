//! A leveling rubric: levels, tracks, competency areas and the observable
//! criteria of each area at each level. The built-in one is
//! `src/content/rubric.toml`; a company can bring its own.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The built-in rubric's file in the build, next to `index.html`. The build
/// writes it from `src/content/rubric.toml` (see `tools/content`), and the
/// app fetches it when a page first needs it.
pub const RUBRIC_FILE: &str = "rubric.json";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Where the ladder comes from (a URL or an organisation).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The terms it may be used under.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub licence: String,
    /// Whether a level expects the criteria of the levels below it too.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cumulative: bool,
    /// From the first rung to the last.
    pub levels: Vec<Level>,
    pub tracks: Vec<Track>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    pub areas: Vec<Area>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    pub criteria: Vec<Criterion>,
}

/// One observable behaviour expected at one level. Grades are keyed by `id`,
/// so rewording `text` keeps them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub level: String,
    pub text: String,
    /// What meeting it looks like in practice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// How much it counts against the others, when not 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
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
    /// level, and with `min_per_level` above 0 (the built-in rubric's
    /// rule) every level, track and area needs a summary.
    pub fn problems(&self, min_per_level: usize) -> Vec<String> {
        self.located_problems(min_per_level)
            .into_iter()
            .map(|(_, problem)| problem)
            .collect()
    }

    /// [`problems`](Rubric::problems), each with the id of what it is
    /// about, when it is about one, so that an importer can say where.
    pub fn located_problems(&self, min_per_level: usize) -> Vec<(Option<String>, String)> {
        let summaries = min_per_level > 0;
        let mut check = Checker::default();
        if self.levels.len() < 2 {
            check.problem("a rubric needs at least two levels".into());
        }
        if self.tracks.is_empty() {
            check.problem("a rubric needs at least one track".into());
        }
        for level in &self.levels {
            check.unique_id("level", &level.id);
            check.filled("level", &level.id, &[("name", &level.name)]);
            if summaries {
                check.filled("level", &level.id, &[("summary", &level.summary)]);
            }
        }
        for track in &self.tracks {
            check.unique_id("track", &track.id);
            check.filled("track", &track.id, &[("name", &track.name)]);
            if summaries {
                check.filled("track", &track.id, &[("summary", &track.summary)]);
            }
            if track.areas.is_empty() {
                check.problem_at(&track.id, format!("track {} has no areas", track.id));
            }
            let mut area_ids = HashSet::new();
            for area in &track.areas {
                if !area_ids.insert(&area.id) {
                    check.problem_at(
                        &area.id,
                        format!("area {} appears twice in track {}", area.id, track.id),
                    );
                }
                check.filled("area", &area.id, &[("name", &area.name)]);
                if summaries {
                    check.filled("area", &area.id, &[("summary", &area.summary)]);
                }
                for criterion in &area.criteria {
                    check.unique_id("criterion", &criterion.id);
                    check.filled("criterion", &criterion.id, &[("text", &criterion.text)]);
                    if !self.levels.iter().any(|l| l.id == criterion.level) {
                        check.problem_at(
                            &criterion.id,
                            format!(
                                "criterion {} names level {:?}, which the rubric does not have",
                                criterion.id, criterion.level
                            ),
                        );
                    }
                }
                for level in self.levels.iter().filter(|_| min_per_level > 0) {
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

/// What the reader shows of one area: its criteria that match.
#[derive(Debug, PartialEq, Eq)]
pub struct Shown<'r> {
    pub area: &'r Area,
    pub criteria: Vec<&'r Criterion>,
}

impl Rubric {
    /// The areas of track `track` (the first track for an unknown id) with
    /// their criteria at `level` (every level with `None`) whose text or
    /// examples hold every word of `query`, ignoring case. Every area is
    /// listed while nothing is searched, so that an area with nothing at a
    /// level shows as such; a search lists only the areas it found in.
    pub fn read(&self, track: &str, level: Option<&str>, query: &str) -> Vec<Shown<'_>> {
        let Some(track) = self.track(track) else {
            return Vec::new();
        };
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let matches = |criterion: &Criterion| {
            let text = std::iter::once(&criterion.text)
                .chain(&criterion.examples)
                .map(|t| t.to_lowercase())
                .collect::<Vec<_>>()
                .join("\n");
            words.iter().all(|word| text.contains(word.as_str()))
        };
        track
            .areas
            .iter()
            .map(|area| Shown {
                area,
                criteria: area
                    .criteria
                    .iter()
                    .filter(|c| level.is_none_or(|level| c.level == level) && matches(c))
                    .collect(),
            })
            .filter(|shown| words.is_empty() || !shown.criteria.is_empty())
            .collect()
    }

    /// The track with `id`, or the first for an unknown one; `None` only
    /// for a rubric with no tracks.
    pub fn track(&self, id: &str) -> Option<&Track> {
        self.tracks
            .iter()
            .find(|track| track.id == id)
            .or_else(|| self.tracks.first())
    }

    /// The name of the level with `id`, or the id itself.
    pub fn level_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.levels
            .iter()
            .find(|level| level.id == id)
            .map_or(id, |level| level.name.as_str())
    }

    /// How many criteria it has, in all tracks.
    pub fn criteria_count(&self) -> usize {
        self.tracks
            .iter()
            .flat_map(|track| &track.areas)
            .map(|area| area.criteria.len())
            .sum()
    }
}

/// Collects problems while walking a rubric, each with the id of what it
/// is about when there is one.
#[derive(Default)]
struct Checker {
    ids: HashSet<String>,
    problems: Vec<(Option<String>, String)>,
}

impl Checker {
    fn problem(&mut self, problem: String) {
        self.problems.push((None, problem));
    }

    fn problem_at(&mut self, id: &str, problem: String) {
        self.problems.push((Some(id.to_owned()), problem));
    }

    /// Ids of levels, tracks and criteria are unique across the rubric.
    fn unique_id(&mut self, kind: &str, id: &str) {
        if id.trim().is_empty() {
            self.problem(format!("a {kind} has no id"));
        } else if !self.ids.insert(id.to_owned()) {
            self.problem_at(id, format!("the id {id:?} is used twice"));
        }
    }

    fn filled(&mut self, kind: &str, id: &str, fields: &[(&str, &str)]) {
        for (field, text) in fields {
            if text.trim().is_empty() {
                self.problem_at(id, format!("the {field} of {kind} {id} is empty"));
            }
        }
    }
}

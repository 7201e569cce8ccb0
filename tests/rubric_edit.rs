//! Native tests of editing a rubric in place: `Rubric::edit` and its
//! helpers in `rungs::core::rubric_edit`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashSet;

use proptest::prelude::*;
use rungs::core::rubric::{Area, Criterion, Level, Rubric, Track};
use rungs::core::rubric_edit::{RubricEdit as E, Way};

fn criterion(id: &str, level: &str) -> Criterion {
    Criterion {
        id: id.into(),
        level: level.into(),
        text: format!("Does {id}"),
        ..Criterion::default()
    }
}

fn area(id: &str, criteria: &[(&str, &str)]) -> Area {
    Area {
        id: id.into(),
        name: format!("Area {id}"),
        summary: String::new(),
        criteria: criteria.iter().map(|(id, l)| criterion(id, l)).collect(),
    }
}

/// Levels a and b; track t with areas x (criteria of both levels mixed)
/// and y; track u with an area also called x.
fn rubric() -> Rubric {
    let level = |id: &str, name: &str| Level {
        id: id.into(),
        name: name.into(),
        summary: String::new(),
    };
    Rubric {
        id: "mine".into(),
        name: "My ladder".into(),
        levels: vec![level("a", "Engineer"), level("b", "Senior")],
        tracks: vec![
            Track {
                id: "t".into(),
                name: "Engineering".into(),
                summary: String::new(),
                areas: vec![
                    area(
                        "x",
                        &[
                            ("x1", "a"),
                            ("x2", "b"),
                            ("x3", "a"),
                            ("x4", "b"),
                            ("x5", "a"),
                        ],
                    ),
                    area("y", &[("y1", "a"), ("y2", "b")]),
                ],
            },
            Track {
                id: "u".into(),
                name: "Management".into(),
                summary: String::new(),
                areas: vec![area("x", &[("u1", "a"), ("u2", "b")])],
            },
        ],
        ..Rubric::default()
    }
}

fn level_ids(rubric: &Rubric) -> Vec<&str> {
    rubric.levels.iter().map(|l| l.id.as_str()).collect()
}

fn track_ids(rubric: &Rubric) -> Vec<&str> {
    rubric.tracks.iter().map(|t| t.id.as_str()).collect()
}

/// The ids of the criteria in area `area` of track `track`, in order.
fn criteria_of<'a>(rubric: &'a Rubric, track: &str, area: &str) -> Vec<&'a str> {
    rubric
        .tracks
        .iter()
        .filter(|t| t.id == track)
        .flat_map(|t| &t.areas)
        .filter(|a| a.id == area)
        .flat_map(|a| &a.criteria)
        .map(|c| c.id.as_str())
        .collect()
}

fn all_criteria(rubric: &Rubric) -> Vec<&Criterion> {
    rubric
        .tracks
        .iter()
        .flat_map(|t| &t.areas)
        .flat_map(|a| &a.criteria)
        .collect()
}

#[test]
fn the_fixture_has_no_problems_as_typed() {
    assert_eq!(rubric().located_problems(0), vec![]);
}

#[test]
fn the_rubric_is_renamed_described_and_made_cumulative() {
    let mut r = rubric();
    assert!(r.edit(E::Rename("Acme ladder".into())));
    assert!(r.edit(E::SetDescription("How we grow".into())));
    assert!(r.edit(E::SetSource("https://acme.example/ladder".into())));
    assert!(r.edit(E::SetLicence("CC BY 4.0".into())));
    assert!(r.edit(E::SetCumulative(true)));
    assert_eq!(
        (
            r.id.as_str(),
            r.name.as_str(),
            r.description.as_str(),
            r.source.as_str(),
            r.licence.as_str(),
            r.cumulative
        ),
        (
            "mine",
            "Acme ladder",
            "How we grow",
            "https://acme.example/ladder",
            "CC BY 4.0",
            true
        )
    );
    // The same again changes nothing.
    assert!(!r.edit(E::Rename("Acme ladder".into())));
    assert!(!r.edit(E::SetCumulative(true)));
}

#[test]
fn a_level_is_added_last_or_after_another() {
    let mut r = rubric();
    assert!(r.edit(E::AddLevel {
        name: " Staff Engineer ".into(),
        after: None,
    }));
    assert!(r.edit(E::AddLevel {
        name: "Engineer II".into(),
        after: Some("a".into()),
    }));
    assert_eq!(level_ids(&r), ["a", "engineer-ii", "b", "staff-engineer"]);
    assert_eq!(r.levels[3].name, "Staff Engineer");
    assert_eq!(r.located_problems(0), vec![]);
}

#[test]
fn new_ids_are_numbered_when_taken_by_a_level_track_or_criterion() {
    let mut r = rubric();
    // "T" would be the id of track t, "X1" that of criterion x1.
    for name in ["T", "X1", "Senior", "senior!", "A"] {
        assert!(r.edit(E::AddLevel {
            name: name.into(),
            after: None,
        }));
    }
    assert!(r.edit(E::AddTrack("senior".into())));
    assert_eq!(
        level_ids(&r),
        ["a", "b", "t-2", "x1-2", "senior", "senior-2", "a-2"]
    );
    assert_eq!(track_ids(&r), ["t", "u", "senior-3"]);
}

#[test]
fn blank_names_and_texts_add_nothing() {
    let mut r = rubric();
    let before = r.clone();
    assert!(!r.edit(E::AddLevel {
        name: "  ".into(),
        after: None,
    }));
    assert!(!r.edit(E::AddTrack(String::new())));
    assert!(!r.edit(E::AddArea {
        track: "t".into(),
        name: "\t".into(),
    }));
    assert!(!r.edit(E::AddCriterion {
        track: "t".into(),
        area: "x".into(),
        level: "a".into(),
        text: " ".into(),
    }));
    assert_eq!(r, before);
}

#[test]
fn a_level_is_renamed_summarised_and_moved() {
    let mut r = rubric();
    assert!(r.edit(E::RenameLevel {
        level: "b".into(),
        name: "Senior Engineer".into(),
    }));
    assert!(r.edit(E::SetLevelSummary {
        level: "b".into(),
        summary: "Leads projects.".into(),
    }));
    assert!(r.edit(E::MoveLevel {
        level: "b".into(),
        way: Way::Up,
    }));
    assert_eq!(level_ids(&r), ["b", "a"]);
    assert_eq!(r.levels[0].name, "Senior Engineer");
    assert_eq!(r.levels[0].summary, "Leads projects.");
    assert!(r.edit(E::MoveLevel {
        level: "b".into(),
        way: Way::Down,
    }));
    assert_eq!(level_ids(&r), ["a", "b"]);
}

#[test]
fn moves_past_either_end_change_nothing() {
    let mut r = rubric();
    let before = r.clone();
    let edges = [
        E::MoveLevel {
            level: "a".into(),
            way: Way::Up,
        },
        E::MoveLevel {
            level: "b".into(),
            way: Way::Down,
        },
        E::MoveTrack {
            track: "t".into(),
            way: Way::Up,
        },
        E::MoveTrack {
            track: "u".into(),
            way: Way::Down,
        },
        E::MoveArea {
            track: "t".into(),
            area: "x".into(),
            way: Way::Up,
        },
        E::MoveArea {
            track: "t".into(),
            area: "y".into(),
            way: Way::Down,
        },
        E::MoveArea {
            track: "u".into(),
            area: "x".into(),
            way: Way::Down,
        },
        // The first and last of their level in area x, with criteria of
        // the other level around them.
        E::MoveCriterion {
            criterion: "x1".into(),
            way: Way::Up,
        },
        E::MoveCriterion {
            criterion: "x2".into(),
            way: Way::Up,
        },
        E::MoveCriterion {
            criterion: "x4".into(),
            way: Way::Down,
        },
        E::MoveCriterion {
            criterion: "x5".into(),
            way: Way::Down,
        },
    ];
    for edit in edges {
        assert!(!r.edit(edit.clone()), "{edit:?} changed something");
    }
    assert_eq!(r, before);
}

#[test]
fn removing_a_level_removes_the_criteria_level_use_counted() {
    let mut r = rubric();
    assert_eq!(r.level_use("a"), 5);
    assert_eq!(r.level_use("b"), 4);
    assert_eq!(r.level_use("nope"), 0);
    assert!(r.edit(E::RemoveLevel("b".into())));
    assert_eq!(level_ids(&r), ["a"]);
    assert_eq!(all_criteria(&r).len(), 9 - 4);
    assert!(all_criteria(&r).iter().all(|c| c.level == "a"));
    assert_eq!(criteria_of(&r, "t", "x"), ["x1", "x3", "x5"]);
    assert!(!r.edit(E::RemoveLevel("b".into())));
}

#[test]
fn tracks_are_added_renamed_moved_and_removed_but_not_the_last() {
    let mut r = rubric();
    assert!(r.edit(E::AddTrack("Data Science".into())));
    assert!(r.edit(E::RenameTrack {
        track: "data-science".into(),
        name: "Data".into(),
    }));
    assert!(r.edit(E::SetTrackSummary {
        track: "data-science".into(),
        summary: "Models and pipelines.".into(),
    }));
    assert!(r.edit(E::MoveTrack {
        track: "data-science".into(),
        way: Way::Up,
    }));
    assert_eq!(track_ids(&r), ["t", "data-science", "u"]);
    let added = &r.tracks[1];
    assert_eq!(
        (
            added.name.as_str(),
            added.summary.as_str(),
            added.areas.len()
        ),
        ("Data", "Models and pipelines.", 0)
    );
    // A track without areas is a problem, said about it.
    assert_eq!(
        r.located_problems(0),
        vec![(
            Some("data-science".to_owned()),
            "track data-science has no areas".to_owned()
        )]
    );
    assert!(r.edit(E::RemoveTrack("t".into())));
    assert!(r.edit(E::RemoveTrack("data-science".into())));
    assert_eq!(track_ids(&r), ["u"]);
    assert!(!r.edit(E::RemoveTrack("u".into())));
    assert_eq!(track_ids(&r), ["u"]);
}

#[test]
fn areas_are_added_renamed_moved_and_removed() {
    let mut r = rubric();
    assert!(r.edit(E::AddArea {
        track: "t".into(),
        name: "Impact".into(),
    }));
    // Another track's area ids do not count; this track's do.
    assert!(r.edit(E::AddArea {
        track: "u".into(),
        name: "Impact".into(),
    }));
    assert!(r.edit(E::AddArea {
        track: "u".into(),
        name: "impact".into(),
    }));
    let areas = |r: &Rubric, track: usize| -> Vec<String> {
        r.tracks[track].areas.iter().map(|a| a.id.clone()).collect()
    };
    assert_eq!(areas(&r, 0), ["x", "y", "impact"]);
    assert_eq!(areas(&r, 1), ["x", "impact", "impact-2"]);
    assert!(r.edit(E::RenameArea {
        track: "t".into(),
        area: "impact".into(),
        name: "Reach".into(),
    }));
    assert!(r.edit(E::SetAreaSummary {
        track: "t".into(),
        area: "impact".into(),
        summary: "Who it helps.".into(),
    }));
    assert!(r.edit(E::MoveArea {
        track: "t".into(),
        area: "impact".into(),
        way: Way::Up,
    }));
    assert_eq!(areas(&r, 0), ["x", "impact", "y"]);
    assert_eq!(
        (
            r.tracks[0].areas[1].name.as_str(),
            r.tracks[0].areas[1].summary.as_str()
        ),
        ("Reach", "Who it helps.")
    );
    // Only track u's area x goes, with its criteria.
    assert!(r.edit(E::RemoveArea {
        track: "u".into(),
        area: "x".into(),
    }));
    assert_eq!(areas(&r, 1), ["impact", "impact-2"]);
    assert_eq!(r.criterion("u1"), None);
    assert_eq!(criteria_of(&r, "t", "x").len(), 5);
}

#[test]
fn a_criterion_gets_an_id_from_its_area_level_and_text() {
    let mut r = rubric();
    let add = |r: &mut Rubric, track: &str, text: &str| {
        r.edit(E::AddCriterion {
            track: track.into(),
            area: "x".into(),
            level: "b".into(),
            text: text.into(),
        })
    };
    assert!(add(&mut r, "t", "  Writes clear code. "));
    assert!(add(&mut r, "t", "Writes clear code!"));
    // Area x of track u makes the same id.
    assert!(add(&mut r, "u", "Writes clear code"));
    assert_eq!(
        criteria_of(&r, "t", "x")[5..],
        ["x.b.writes-clear-code", "x.b.writes-clear-code-2"]
    );
    assert_eq!(criteria_of(&r, "u", "x")[2..], ["x.b.writes-clear-code-3"]);
    let added = r.criterion("x.b.writes-clear-code").expect("added");
    assert_eq!(
        (added.level.as_str(), added.text.as_str()),
        ("b", "Writes clear code.")
    );
    assert_eq!(r.located_problems(0), vec![]);
}

#[test]
fn rewording_a_criterion_keeps_its_id() {
    let mut r = rubric();
    assert!(r.edit(E::AddCriterion {
        track: "t".into(),
        area: "y".into(),
        level: "a".into(),
        text: "Reviews code".into(),
    }));
    assert!(r.edit(E::SetCriterionText {
        criterion: "y.a.reviews-code".into(),
        text: "Reviews code kindly".into(),
    }));
    assert_eq!(criteria_of(&r, "t", "y"), ["y1", "y2", "y.a.reviews-code"]);
    assert_eq!(
        r.criterion("y.a.reviews-code").map(|c| c.text.as_str()),
        Some("Reviews code kindly")
    );
    // Typed text is kept as typed, even empty for a moment.
    assert!(r.edit(E::SetCriterionText {
        criterion: "x1".into(),
        text: String::new(),
    }));
    assert_eq!(r.criterion("x1").map(|c| c.text.as_str()), Some(""));
    assert_eq!(
        r.located_problems(0),
        vec![(
            Some("x1".to_owned()),
            "the text of criterion x1 is empty".to_owned()
        )]
    );
}

#[test]
fn examples_are_trimmed_and_blank_ones_dropped() {
    let mut r = rubric();
    let examples = vec![
        "  Wrote the RFC ".to_owned(),
        String::new(),
        "   ".to_owned(),
        "Ran the review".to_owned(),
    ];
    assert!(r.edit(E::SetExamples {
        criterion: "x2".into(),
        examples: examples.clone(),
    }));
    assert_eq!(
        r.criterion("x2").map(|c| c.examples.clone()),
        Some(vec![
            "Wrote the RFC".to_owned(),
            "Ran the review".to_owned()
        ])
    );
    assert!(!r.edit(E::SetExamples {
        criterion: "x2".into(),
        examples,
    }));
    assert!(r.edit(E::SetExamples {
        criterion: "x2".into(),
        examples: vec![" ".into()],
    }));
    assert_eq!(r.criterion("x2").map(|c| c.examples.len()), Some(0));
}

#[test]
fn a_weight_of_one_is_no_weight() {
    let mut r = rubric();
    let weigh = |r: &mut Rubric, weight| {
        r.edit(E::SetWeight {
            criterion: "y1".into(),
            weight,
        })
    };
    assert!(!weigh(&mut r, Some(1)));
    assert!(weigh(&mut r, Some(3)));
    assert_eq!(r.criterion("y1").and_then(|c| c.weight), Some(3));
    assert!(weigh(&mut r, Some(1)));
    assert_eq!(r.criterion("y1").and_then(|c| c.weight), None);
    assert!(weigh(&mut r, Some(0)));
    assert_eq!(r.criterion("y1").and_then(|c| c.weight), Some(0));
}

#[test]
fn criteria_move_past_their_neighbours_at_the_same_level() {
    let mut r = rubric();
    // Area x: x1 a, x2 b, x3 a, x4 b, x5 a.
    assert!(r.edit(E::MoveCriterion {
        criterion: "x5".into(),
        way: Way::Up,
    }));
    assert_eq!(criteria_of(&r, "t", "x"), ["x1", "x2", "x5", "x4", "x3"]);
    assert!(r.edit(E::MoveCriterion {
        criterion: "x5".into(),
        way: Way::Up,
    }));
    assert_eq!(criteria_of(&r, "t", "x"), ["x5", "x2", "x1", "x4", "x3"]);
    assert!(r.edit(E::MoveCriterion {
        criterion: "x2".into(),
        way: Way::Down,
    }));
    assert_eq!(criteria_of(&r, "t", "x"), ["x5", "x4", "x1", "x2", "x3"]);
    let at_a: Vec<&str> = r.tracks[0].areas[0]
        .at("a")
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(at_a, ["x5", "x1", "x3"]);
}

#[test]
fn a_criterion_moves_to_another_area_or_level_keeping_its_id() {
    let mut r = rubric();
    assert!(r.edit(E::PlaceCriterion {
        criterion: "x3".into(),
        track: "u".into(),
        area: "x".into(),
        level: "b".into(),
    }));
    assert_eq!(criteria_of(&r, "t", "x"), ["x1", "x2", "x4", "x5"]);
    assert_eq!(criteria_of(&r, "u", "x"), ["u1", "u2", "x3"]);
    assert_eq!(r.criterion("x3").map(|c| c.level.as_str()), Some("b"));
    let (track, area) = r.area_of("x3").expect("placed");
    assert_eq!((track.id.as_str(), area.id.as_str()), ("u", "x"));
    // Only the level, in the same area: it keeps its place.
    assert!(r.edit(E::PlaceCriterion {
        criterion: "x3".into(),
        track: "u".into(),
        area: "x".into(),
        level: "a".into(),
    }));
    assert_eq!(criteria_of(&r, "u", "x"), ["u1", "u2", "x3"]);
    assert_eq!(r.criterion("x3").map(|c| c.level.as_str()), Some("a"));
    // Where it already is.
    assert!(!r.edit(E::PlaceCriterion {
        criterion: "x3".into(),
        track: "u".into(),
        area: "x".into(),
        level: "a".into(),
    }));
}

#[test]
fn a_criterion_is_removed() {
    let mut r = rubric();
    assert!(r.edit(E::RemoveCriterion("x4".into())));
    assert_eq!(criteria_of(&r, "t", "x"), ["x1", "x2", "x3", "x5"]);
    assert_eq!(r.criterion("x4"), None);
    assert_eq!(r.area_of("x4"), None);
    assert!(!r.edit(E::RemoveCriterion("x4".into())));
}

#[test]
fn unknown_ids_change_nothing() {
    let mut r = rubric();
    let before = r.clone();
    let no = || "nope".to_owned();
    let text = || "Text".to_owned();
    let edits = [
        E::AddLevel {
            name: text(),
            after: Some(no()),
        },
        E::RenameLevel {
            level: no(),
            name: text(),
        },
        E::SetLevelSummary {
            level: no(),
            summary: text(),
        },
        E::MoveLevel {
            level: no(),
            way: Way::Up,
        },
        E::RemoveLevel(no()),
        E::RenameTrack {
            track: no(),
            name: text(),
        },
        E::SetTrackSummary {
            track: no(),
            summary: text(),
        },
        E::MoveTrack {
            track: no(),
            way: Way::Down,
        },
        E::RemoveTrack(no()),
        E::AddArea {
            track: no(),
            name: text(),
        },
        // An area id of another track.
        E::RenameArea {
            track: "u".into(),
            area: "y".into(),
            name: text(),
        },
        E::SetAreaSummary {
            track: "t".into(),
            area: no(),
            summary: text(),
        },
        E::MoveArea {
            track: no(),
            area: "x".into(),
            way: Way::Down,
        },
        E::RemoveArea {
            track: "u".into(),
            area: "y".into(),
        },
        E::AddCriterion {
            track: "t".into(),
            area: "x".into(),
            level: no(),
            text: text(),
        },
        E::AddCriterion {
            track: "u".into(),
            area: "y".into(),
            level: "a".into(),
            text: text(),
        },
        E::SetCriterionText {
            criterion: no(),
            text: text(),
        },
        E::SetExamples {
            criterion: no(),
            examples: vec![text()],
        },
        E::SetWeight {
            criterion: no(),
            weight: Some(2),
        },
        E::MoveCriterion {
            criterion: no(),
            way: Way::Up,
        },
        E::PlaceCriterion {
            criterion: no(),
            track: "t".into(),
            area: "y".into(),
            level: "a".into(),
        },
        E::PlaceCriterion {
            criterion: "x1".into(),
            track: "t".into(),
            area: "y".into(),
            level: no(),
        },
        E::PlaceCriterion {
            criterion: "x1".into(),
            track: "u".into(),
            area: "y".into(),
            level: "a".into(),
        },
        E::RemoveCriterion(no()),
        // An area's id is not a criterion's.
        E::RemoveCriterion("x".into()),
    ];
    for edit in edits {
        assert!(!r.edit(edit.clone()), "{edit:?} changed something");
    }
    assert_eq!(r, before);
}

/// Texts to type, clashing with each other and with ids.
const TEXTS: &[&str] = &[
    "Senior",
    "senior",
    "  Senior  ",
    "",
    "   ",
    "x",
    "t",
    "a",
    "x1",
    "Élan",
    "Writes clear code",
    "Writes clear code!",
    "A very long name that goes on and on past the forty characters of a slug",
];

/// One random edit before it is pointed at the rubric: which kind, and
/// numbers that pick ids, texts and a way.
type Step = (u8, [usize; 4], bool);

/// Picks from `items`, or, one time in a few, from ids no rubric has.
fn pick(items: Vec<String>, n: usize) -> String {
    let junk = ["nope", ""];
    let all: Vec<String> = items
        .into_iter()
        .chain(junk.iter().map(|j| j.to_string()))
        .collect();
    all.get(n % all.len()).cloned().unwrap_or_default()
}

fn text(n: usize) -> String {
    TEXTS
        .get(n % TEXTS.len())
        .copied()
        .unwrap_or_default()
        .to_owned()
}

/// The edit `step` makes of the rubric as it is now.
fn edit_of(r: &Rubric, (kind, [i, j, k, l], up): Step) -> E {
    let level = |n| pick(r.levels.iter().map(|l| l.id.clone()).collect(), n);
    let track = |n| pick(r.tracks.iter().map(|t| t.id.clone()).collect(), n);
    // Any track's area ids, so that some pairs do not go together.
    let area = |n| {
        pick(
            r.tracks
                .iter()
                .flat_map(|t| &t.areas)
                .map(|a| a.id.clone())
                .collect(),
            n,
        )
    };
    let criterion = |n| pick(all_criteria(r).iter().map(|c| c.id.clone()).collect(), n);
    let way = if up { Way::Up } else { Way::Down };
    match kind % 27 {
        0 => E::Rename(text(i)),
        1 => E::SetDescription(text(i)),
        2 => E::SetSource(text(i)),
        3 => E::SetLicence(text(i)),
        4 => E::SetCumulative(up),
        5 => E::AddLevel {
            name: text(i),
            after: (j % 3 != 0).then(|| level(k)),
        },
        6 => E::RenameLevel {
            level: level(i),
            name: text(j),
        },
        7 => E::SetLevelSummary {
            level: level(i),
            summary: text(j),
        },
        8 => E::MoveLevel {
            level: level(i),
            way,
        },
        9 => E::RemoveLevel(level(i)),
        10 => E::AddTrack(text(i)),
        11 => E::RenameTrack {
            track: track(i),
            name: text(j),
        },
        12 => E::SetTrackSummary {
            track: track(i),
            summary: text(j),
        },
        13 => E::MoveTrack {
            track: track(i),
            way,
        },
        14 => E::RemoveTrack(track(i)),
        15 => E::AddArea {
            track: track(i),
            name: text(j),
        },
        16 => E::RenameArea {
            track: track(i),
            area: area(j),
            name: text(k),
        },
        17 => E::SetAreaSummary {
            track: track(i),
            area: area(j),
            summary: text(k),
        },
        18 => E::MoveArea {
            track: track(i),
            area: area(j),
            way,
        },
        19 => E::RemoveArea {
            track: track(i),
            area: area(j),
        },
        20 => E::AddCriterion {
            track: track(i),
            area: area(j),
            level: level(k),
            text: text(l),
        },
        21 => E::SetCriterionText {
            criterion: criterion(i),
            text: text(j),
        },
        22 => E::SetExamples {
            criterion: criterion(i),
            examples: vec![text(j), text(k), text(l)],
        },
        23 => E::SetWeight {
            criterion: criterion(i),
            weight: match j % 4 {
                0 => None,
                1 => Some(1),
                _ => Some((k % 5) as u32),
            },
        },
        24 => E::MoveCriterion {
            criterion: criterion(i),
            way,
        },
        25 => E::PlaceCriterion {
            criterion: criterion(i),
            track: track(j),
            area: area(k),
            level: level(l),
        },
        _ => E::RemoveCriterion(criterion(i)),
    }
}

/// What must hold after any edit: ids unique where the rubric needs them
/// to be, every criterion at a level the rubric has, and a track left.
fn check(r: &Rubric) -> Result<(), TestCaseError> {
    let mut ids = HashSet::new();
    let criteria = all_criteria(r);
    for id in r
        .levels
        .iter()
        .map(|l| &l.id)
        .chain(r.tracks.iter().map(|t| &t.id))
        .chain(criteria.iter().map(|c| &c.id))
    {
        prop_assert!(ids.insert(id), "the id {id} is used twice");
    }
    for track in &r.tracks {
        let mut areas = HashSet::new();
        for area in &track.areas {
            prop_assert!(areas.insert(&area.id), "area {} twice", area.id);
        }
    }
    for c in criteria {
        prop_assert!(
            r.levels.iter().any(|l| l.id == c.level),
            "{} is at level {}, which is gone",
            c.id,
            c.level
        );
    }
    prop_assert!(!r.tracks.is_empty());
    Ok(())
}

proptest! {
    #![proptest_config(common::bounded(300))]

    #[test]
    fn random_edits_keep_ids_unique_and_say_whether_they_changed_anything(
        steps in prop::collection::vec((any::<u8>(), any::<[usize; 4]>(), any::<bool>()), 0..60)
    ) {
        let mut r = rubric();
        for step in steps {
            let edit = edit_of(&r, step);
            let before = r.clone();
            let changed = r.edit(edit.clone());
            prop_assert_eq!(changed, r != before, "{:?}", edit);
            check(&r)?;
        }
    }
}

//! The built-in content in `src/content/` is valid and complete.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use rungs::core::glossary::Glossary;
use rungs::core::retired::{BUILT_IN, RETIRED};
use rungs::core::rubric::{Criterion, Rubric};

fn rubric() -> Rubric {
    toml::from_str(include_str!("../src/content/rubric.toml")).expect("rubric.toml parses")
}

fn glossary() -> Glossary {
    toml::from_str(include_str!("../src/content/glossary.toml")).expect("glossary.toml parses")
}

#[test]
fn the_rubric_is_valid_with_three_criteria_per_area_and_level() {
    let rubric = rubric();
    assert_eq!(rubric.problems(3), Vec::<String>::new());
}

#[test]
fn the_rubric_has_five_levels_and_a_devops_track() {
    let rubric = rubric();
    let levels: Vec<&str> = rubric.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        levels,
        [
            "Engineer I",
            "Engineer II",
            "Senior Engineer",
            "Staff Engineer",
            "Principal Engineer"
        ]
    );
    let tracks: Vec<&str> = rubric.tracks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(tracks, ["software", "devops"]);
    for track in &rubric.tracks {
        let areas: Vec<&str> = track.areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            areas,
            [
                "craft",
                "delivery",
                "scope",
                "ownership",
                "collaboration",
                "leadership",
                "communication",
                "impact"
            ],
            "{}",
            track.id
        );
    }
}

#[test]
fn criterion_ids_name_their_track_area_and_level() {
    for track in rubric().tracks {
        for area in track.areas {
            for Criterion {
                id, level, text, ..
            } in area.criteria
            {
                let prefix = format!("{}.{}.{}.", track.id, area.id, level);
                assert!(id.starts_with(&prefix), "{id} should start with {prefix}");
                assert!(text.len() <= 180 && text.ends_with('.'), "{id}: {text}");
            }
        }
    }
}

#[test]
fn a_broken_rubric_is_described_in_plain_words() {
    let mut rubric = rubric();
    rubric.tracks[0].areas[0].criteria.truncate(1);
    rubric.tracks[1].areas[0].criteria[0].id = rubric.tracks[1].areas[0].criteria[1].id.clone();
    let problems = rubric.problems(3);
    assert!(
        problems.iter().any(|p| p.contains("fewer than 3")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("is used twice")),
        "{problems:?}"
    );
}

#[test]
fn the_glossary_is_valid_and_has_at_least_two_hundred_terms() {
    let glossary = glossary();
    assert_eq!(glossary.problems(), Vec::<String>::new());
    assert!(
        glossary.terms.len() >= 200,
        "{} terms",
        glossary.terms.len()
    );
}

#[test]
fn the_glossary_has_the_terms_other_glossaries_lack() {
    let glossary = glossary();
    let ids: HashSet<&str> = glossary.terms.iter().map(|t| t.id.as_str()).collect();
    let words: HashSet<String> = glossary
        .terms
        .iter()
        .flat_map(|t| std::iter::once(&t.name).chain(&t.aliases))
        .map(|w| w.to_lowercase())
        .collect();
    for id in ["error-budget", "slo", "sli", "sla"] {
        assert!(ids.contains(id), "missing {id}");
    }
    for word in [
        "k8s",
        "golden signals",
        "calibration",
        "promotion packet",
        "brag document",
        "smart goal",
    ] {
        assert!(
            words.iter().any(|w| w.contains(word)),
            "no term or alias mentions {word:?}"
        );
    }
}

#[test]
fn a_broken_glossary_is_described_in_plain_words() {
    let mut glossary = glossary();
    glossary.terms[0].related.push("no-such-term".into());
    let alias = glossary.terms[1].name.to_uppercase();
    glossary.terms[2].aliases.push(alias);
    glossary.terms[3].tags = vec!["astrology".into()];
    let problems = glossary.problems();
    assert!(
        problems.iter().any(|p| p.contains("does not exist")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("claimed by both")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("unknown tag")),
        "{problems:?}"
    );
}

/// Every criterion id the rubric has, and the ids it ever had.
fn ids_now_and_ever() -> (HashSet<String>, Vec<String>) {
    let now = rubric()
        .tracks
        .into_iter()
        .flat_map(|t| t.areas)
        .flat_map(|a| a.criteria)
        .map(|c| c.id)
        .collect();
    let ever = include_str!("fixtures/rubric-ids.txt")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(str::to_owned)
        .collect();
    (now, ever)
}

#[test]
fn a_criterion_id_that_leaves_the_rubric_is_retired_with_its_text_and_never_comes_back() {
    let (now, ever) = ids_now_and_ever();
    let retired: HashSet<&str> = RETIRED.iter().map(|(id, _)| *id).collect();
    assert_eq!(retired.len(), RETIRED.len(), "an id is retired twice");
    for id in &now {
        assert!(
            ever.contains(id),
            "{id} is new: add it at the end of tests/fixtures/rubric-ids.txt"
        );
    }
    for id in &ever {
        assert!(
            now.contains(id) || retired.contains(id.as_str()),
            "{id} left the rubric: add it with its old text to src/core/retired.rs"
        );
    }
    for id in &retired {
        assert!(
            !now.contains(*id),
            "{id} is retired and may not be used again"
        );
        assert!(ever.iter().any(|e| e == id), "{id} was never in the rubric");
    }
}

#[test]
fn each_retired_criterion_names_a_track_area_and_level_of_the_rubric() {
    let rubric = rubric();
    assert_eq!(rubric.id, BUILT_IN);
    for (id, text) in RETIRED {
        let parts: Vec<&str> = id.split('.').collect();
        assert_eq!(parts.len(), 4, "{id}");
        let track = rubric.tracks.iter().find(|t| t.id == parts[0]);
        let area = track.and_then(|t| t.areas.iter().find(|a| a.id == parts[1]));
        assert!(area.is_some(), "{id}: no such track and area");
        assert!(rubric.levels.iter().any(|l| l.id == parts[2]), "{id}");
        assert!(text.ends_with('.') && !text.contains('"'), "{id}: {text}");
    }
}

//! Rungs' own rubric file (`rungs::core::rubric_file`): the built-in rubric
//! round trips through it, a ladder of one track can leave tracks out, and
//! every kind of broken file is refused in plain words with its line, and
//! never panics.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use rungs::core::rubric::Rubric;
use rungs::core::rubric_file::{export, import, Problem, FORMAT, VERSION};

fn built_in() -> Rubric {
    toml::from_str(include_str!("../src/content/rubric.toml")).expect("rubric.toml parses")
}

/// A small ladder of one track, written as a person would.
const SMALL: &str = r#"{
  "format": "rungs-rubric",
  "version": 1,
  "id": "acme",
  "name": "Acme engineering ladder",
  "source": "Acme wiki",
  "licence": "CC BY 4.0",
  "cumulative": true,
  "levels": [
    {"id": "1", "name": "1"},
    {"id": "2", "name": "Senior Engineer 2 (People Manager)", "summary": "Leads a team."}
  ],
  "areas": [
    {"id": "craft", "name": "Craft", "criteria": [
      {"id": "craft-1", "level": "1", "text": "Writes tested code.", "examples": ["Adds tests with every fix."]},
      {"id": "craft-2", "level": "2", "text": "Sets the testing strategy.", "weight": 2}
    ]},
    {"id": "people", "name": "People", "criteria": [
      {"id": "people-2", "level": "2", "text": "Runs one-to-ones."}
    ]}
  ]
}"#;

fn refused(text: &str) -> Vec<Problem> {
    import(text).expect_err("refused")
}

#[test]
fn the_built_in_rubric_exports_and_imports_identically() {
    let rubric = built_in();
    let file = export(&rubric);
    assert!(file.starts_with(&format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n"
    )));
    assert_eq!(import(&file), Ok(rubric.clone()));
    // And the export of the import is the same file.
    assert_eq!(export(&import(&file).unwrap()), file);
}

#[test]
fn a_ladder_of_one_track_can_list_its_areas_alone() {
    let rubric = import(SMALL).unwrap();
    assert_eq!(rubric.tracks.len(), 1);
    assert_eq!(rubric.tracks[0].name, "Acme engineering ladder");
    let counts: Vec<usize> = rubric.tracks[0]
        .areas
        .iter()
        .map(|a| a.criteria.len())
        .collect();
    assert_eq!(counts, [2, 1]);
    assert_eq!(
        (
            rubric.source.as_str(),
            rubric.licence.as_str(),
            rubric.cumulative
        ),
        ("Acme wiki", "CC BY 4.0", true)
    );
    let craft = &rubric.tracks[0].areas[0];
    assert_eq!(craft.criteria[0].examples, ["Adds tests with every fix."]);
    assert_eq!(craft.criteria[1].weight, Some(2));
    // People has nothing at level 1: allowed, as in real ladders.
    assert_eq!(rubric.tracks[0].areas[1].at("1").count(), 0);
    // Round trip.
    assert_eq!(import(&export(&rubric)), Ok(rubric));
    // A byte order mark is fine.
    assert!(import(&format!("\u{feff}{SMALL}")).is_ok());
}

#[test]
fn broken_files_are_refused_in_plain_words_with_their_line() {
    let with = |from: &str, to: &str| {
        assert!(SMALL.contains(from), "{from}");
        SMALL.replacen(from, to, 1)
    };
    let cases: Vec<(String, Option<usize>, &str)> = vec![
        (String::new(), None, "This file is empty."),
        ("[".repeat(100), None, "levels deep"),
        (SMALL[..200].to_owned(), Some(10), "This is not valid JSON"),
        ("{\"hello\": 1}".into(), None, "This is not a Rungs rubric file"),
        (with("\"version\": 1", "\"version\": 9"), None, "A newer Rungs made this rubric file (version 9"),
        (with("\"version\": 1,\n", ""), None, "does not say which version"),
        (with("\"licence\"", "\"license\""), Some(7), "unknown field `license`"),
        (with("\"weight\": 2", "\"weight\": \"heavy\""), Some(16), "This does not fit the rubric format: invalid type"),
        (with("\"id\": \"people-2\"", "\"id\": \"craft-1\""), Some(19), "The id \"craft-1\" is used twice."),
        (with("\"level\": \"2\", \"text\": \"Runs", "\"level\": \"3\", \"text\": \"Runs"), Some(19), "Criterion people-2 names level \"3\", which the rubric does not have."),
        (with("\"text\": \"Writes tested code.\"", "\"text\": \" \""), Some(15), "The text of criterion craft-1 is empty."),
        (with("{\"id\": \"2\", \"name\": \"Senior Engineer 2 (People Manager)\", \"summary\": \"Leads a team.\"}", "").replace("},\n    \n  ]", "}\n  ]"), None, "A rubric needs at least two levels."),
        (with("\"areas\": [", "\"tracks\": [{\"id\": \"t\", \"name\": \"T\", \"areas\": []}], \"areas\": ["), None, "either tracks, each with its areas, or areas alone"),
    ];
    for (text, line, words) in cases {
        let problems = refused(&text);
        let found = problems.iter().find(|p| p.message.contains(words));
        let found = found.unwrap_or_else(|| panic!("no {words:?} in {problems:?}"));
        assert_eq!(found.line, line, "{words}: {problems:?}");
    }
    assert_eq!(
        Problem {
            line: Some(3),
            message: "X.".into()
        }
        .to_string(),
        "Line 3: X."
    );
}

#[test]
fn every_problem_is_listed_at_once() {
    let text = SMALL
        .replacen("\"text\": \"Writes tested code.\"", "\"text\": \"\"", 1)
        .replacen(
            "\"level\": \"2\", \"text\": \"Runs",
            "\"level\": \"9\", \"text\": \"Runs",
            1,
        );
    assert_eq!(refused(&text).len(), 2);
}

proptest! {
    #![proptest_config(common::bounded(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = import(&text);
    }

    #[test]
    fn a_valid_file_cut_or_changed_anywhere_never_panics(at in 0usize..1200, len in 0usize..40, with in "\\PC{0,8}") {
        let at = SMALL.floor_char_boundary(at.min(SMALL.len()));
        let end = SMALL.floor_char_boundary((at + len).min(SMALL.len()));
        let text = format!("{}{with}{}", &SMALL[..at], &SMALL[end..]);
        if let Ok(rubric) = import(&text) {
            prop_assert_eq!(import(&export(&rubric)), Ok(rubric));
        }
    }
}

#[test]
fn the_schema_describes_every_field_the_format_writes() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../docs/rubric.schema.json"))
            .expect("the schema is JSON");
    let exported: serde_json::Value =
        serde_json::from_str(&export(&import(SMALL).unwrap())).unwrap();
    let properties = &schema["properties"];
    for key in exported.as_object().unwrap().keys() {
        assert!(properties.get(key).is_some(), "{key} is not in the schema");
    }
    let criterion = &schema["$defs"]["criterion"]["properties"];
    for key in ["id", "level", "text", "examples", "weight"] {
        assert!(criterion.get(key).is_some(), "{key}");
    }
    assert_eq!(schema["properties"]["version"]["const"], VERSION);
    assert_eq!(schema["properties"]["format"]["const"], FORMAT);
}

//! Ladders kept as YAML (`rungs::core::rubric_yaml`): job families with
//! their variations, topics in front matter with levels in numeric order,
//! broken files named with their line, and no input panics.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use rungs::core::rubric::Rubric;
use rungs::core::rubric_file;
use rungs::core::rubric_yaml::{import, Shape};

const FIFTEEN: &str = include_str!("fixtures/ladders/fifteen-levels.yaml");
const MAP: &str = include_str!("fixtures/ladders/job-family-map.yml");
const FRONT: &str = include_str!("fixtures/ladders/front-matter.md");
const SNOWFLAKE: &str = include_str!("fixtures/ladders/snowflake.yaml");

/// A small job family, for changing in the tests.
const FAMILY: &str = "title: Acme
levels:
  - {id: l1, name: Engineer, summary: Delivers with help.}
  - {id: l2, title: Senior Engineer}
themes:
  - {id: craft, name: Craft}
  - {id: people, name: People}
competencies:
  - level: l1
    theme: craft
    summary: Writes tested code.
    examples: [Adds a test with every fix.]
  - level: l2
    theme: craft
    summary: Sets the testing strategy.
    id: craft-strategy
  - level: l2
    theme: people
    summary: Runs one-to-ones.
";

fn rubric(text: &str) -> Rubric {
    import(text, "x").unwrap_or_else(|p| panic!("{p:?}")).rubric
}

fn names<T>(items: &[T], name: impl Fn(&T) -> &str) -> Vec<&str> {
    items.iter().map(name).collect()
}

#[test]
fn a_job_family_is_read_with_its_levels_themes_and_ids() {
    let read = import(FAMILY, "ignored").unwrap();
    assert_eq!(read.shape, Shape::JobFamily);
    let rubric = read.rubric;
    assert_eq!(rubric.name, "Acme");
    assert_eq!(
        names(&rubric.levels, |l| &l.name),
        ["Engineer", "Senior Engineer"]
    );
    assert_eq!(rubric.levels[0].summary, "Delivers with help.");
    let areas = &rubric.tracks[0].areas;
    assert_eq!(names(areas, |a| &a.name), ["Craft", "People"]);
    let craft: Vec<(&str, &str, &[String])> = (areas[0].criteria.iter())
        .map(|c| (c.id.as_str(), c.level.as_str(), c.examples.as_slice()))
        .collect();
    assert_eq!(
        craft,
        [
            (
                "craft.engineer.writes-tested-code",
                "engineer",
                &["Adds a test with every fix.".to_owned()][..]
            ),
            ("craft-strategy", "senior-engineer", &[][..]),
        ]
    );
    // The same file gives the same ids.
    assert_eq!(rubric_of(FAMILY), rubric);
    // And goes through Rungs' own file unchanged.
    assert_eq!(
        rubric_file::import(&rubric_file::export(&rubric)),
        Ok(rubric)
    );
}

fn rubric_of(text: &str) -> Rubric {
    import(text, "ignored").unwrap().rubric
}

#[test]
fn sensible_variations_of_a_job_family_are_read() {
    let map = rubric(MAP);
    assert_eq!(map.name, "Platform family");
    assert_eq!(map.source, "Written for Rungs' tests");
    assert_eq!(
        names(&map.levels, |l| &l.name),
        ["Junior", "Senior Engineer 2 (People Manager)"]
    );
    assert_eq!(map.levels[1].summary, "Leads a small team.");
    // Without themes, a competency's theme is its area's name.
    assert_eq!(
        names(&map.tracks[0].areas, |a| &a.name),
        ["Reliability", "People"]
    );
    assert_eq!(
        map.tracks[0].areas[0].criteria[1].examples,
        ["Keeps it next to the alert."]
    );
    let fifteen = rubric(FIFTEEN);
    assert_eq!(fifteen.levels.len(), 15);
    assert_eq!(fifteen.levels[14].name, "IC15");
    assert_eq!(fifteen.tracks[0].areas[1].name, "Impact");
    assert_eq!(fifteen.tracks[0].areas[2].summary, "Growing others.");
    // Plain level names, and competencies that name a level by its name.
    let plain = rubric("name: P\nlevels: [One, Two]\ncompetencies:\n  - {level: One, theme: A, summary: a}\n  - {level: Two, theme: A, summary: b}\n");
    assert_eq!(names(&plain.levels, |l| &l.id), ["one", "two"]);
    // Without levels, the levels are those the competencies name.
    let bare = rubric("competencies:\n  - {level: 1, theme: A, summary: a}\n  - {level: 2, theme: A, summary: b}\n");
    assert_eq!((bare.name.as_str(), bare.levels.len()), ("x", 2));
}

#[test]
fn front_matter_topics_are_read_with_levels_in_numeric_order() {
    let read = import(FRONT, "x").unwrap();
    assert_eq!(read.shape, Shape::FrontMatter);
    assert_eq!(read.warnings.len(), 1);
    let rubric = read.rubric;
    assert_eq!(rubric.name, "Backend engineering");
    assert_eq!(
        names(&rubric.levels, |l| &l.name),
        ["Level 1", "Level 2", "Level 3"]
    );
    let skills = &rubric.tracks[0].areas[0];
    assert_eq!(skills.name, "Technical skills");
    assert_eq!(skills.criteria[2].text, "Reviews code kindly.");
    assert_eq!(skills.criteria[2].examples.len(), 2);
    // Technical skills has nothing at level 2.
    assert_eq!(skills.at("level-2").count(), 0);
    // Ten after nine, not after one; topics in plain YAML read the same.
    let text = "topics:\n  - title: A\n    content:\n      - {level: 10, criteria: [c]}\n      - {level: 9, criteria: [b]}\n      - {level: 1, criteria: [a]}\n";
    let read = import(text, "x").unwrap();
    assert_eq!(
        names(&read.rubric.levels, |l| &l.name),
        ["Level 1", "Level 9", "Level 10"]
    );
    assert!(read.warnings.is_empty());
}

#[test]
fn snowflake_milestones_are_read_as_levels_with_a_warning() {
    let read = import(SNOWFLAKE, "Growth").unwrap();
    assert_eq!(read.shape, Shape::Snowflake);
    assert!(read.warnings[0].contains("milestones are steps within one skill, not job levels"));
    let rubric = read.rubric;
    assert_eq!(rubric.name, "Growth");
    assert_eq!(rubric.levels.len(), 5);
    assert_eq!(rubric.levels[4].name, "Milestone 5");
    let testing = &rubric.tracks[0].areas[0];
    assert_eq!(
        (testing.name.as_str(), testing.summary.as_str()),
        ("Testing", "Checks that software works.")
    );
    let first: Vec<(&str, usize)> = testing
        .at("milestone-1")
        .map(|c| (c.text.as_str(), c.examples.len()))
        .collect();
    assert_eq!(
        first,
        [
            ("Tests at milestone 1.", 1),
            ("Writes a test of kind 1.", 0),
            ("Reviews tests of kind 1.", 0)
        ]
    );
    // Tracks as a list, named by `name`.
    let list = rubric_of(
        "tracks:\n  - name: A\n    milestones:\n      - {summary: a}\n      - {signals: [b, c]}\n",
    );
    assert_eq!(list.tracks[0].areas[0].criteria.len(), 3);
}

#[test]
fn broken_files_are_named_with_their_line() {
    let with = |from: &str, to: &str| {
        assert!(FAMILY.contains(from), "{from}");
        FAMILY.replacen(from, to, 1)
    };
    let cases: Vec<(String, Option<usize>, &str)> = vec![
        (String::new(), None, "This file is empty."),
        (
            "title: [a\nlevels: b\n".into(),
            Some(2),
            "This is not valid YAML",
        ),
        (
            with(
                "  - {id: craft, name: Craft}",
                "  - {id: craft, name: Craft",
            ),
            Some(8), // where the parser finds the map unclosed
            "This is not valid YAML",
        ),
        (
            "- a\n- b\n".into(),
            None,
            "This YAML is not a ladder Rungs reads",
        ),
        (
            "---\ntitle: x\n---\nBody\n".into(),
            None,
            "This front matter has no `topics`",
        ),
        (
            with("    theme: people\n", ""),
            Some(17),
            "This competency has no theme.",
        ),
        (
            with(
                "  - level: l1\n    theme: craft\n    summary: Writes tested code.\n",
                "  - theme: craft\n",
            ),
            Some(9),
            "This competency has no level and no summary.",
        ),
        (
            with(
                "level: l2\n    theme: people",
                "level: l9\n    theme: people",
            ),
            Some(17),
            "This competency's level \"l9\" is not among the `levels`.",
        ),
        (
            with("theme: people", "theme: ops"),
            Some(17),
            "This competency's theme \"ops\" is not among the `themes`.",
        ),
        (
            with("levels:\n", "levels: 3\nx:\n"),
            Some(2),
            "`levels` should be a list of levels",
        ),
        (
            with(
                "  - level: l2\n    theme: people",
                "  - just text\n  - level: l2\n    theme: people",
            ),
            Some(17),
            "This competency should be a map",
        ),
        (
            with(
                "id: craft-strategy",
                "id: craft.engineer.writes-tested-code",
            ),
            Some(13),
            "The id \"craft.engineer.writes-tested-code\" is used twice.",
        ),
        (
            with("  - {id: l2, title: Senior Engineer}\n", ""),
            None,
            "A rubric needs at least two levels.",
        ),
        (
            "topics:\n  - content: []\n".into(),
            Some(2),
            "This topic has no title or name.",
        ),
        (
            "topics:\n  - title: A\n    content:\n      - {level: one, criteria: [a]}\n".into(),
            Some(4),
            "This content's level is not a number.",
        ),
        (
            "topics:\n  - title: A\n    content:\n      - {criteria: [a]}\n".into(),
            Some(4),
            "This content has no level.",
        ),
        (
            "topics: {}\n".into(),
            Some(1),
            "`topics` should be a list of topics",
        ),
        (
            format!("a: {}", "[".repeat(100)),
            Some(1),
            "more than 64 deep",
        ),
        (
            format!("a:\n{}b: 1\n", " ".repeat(2000)),
            Some(2),
            "indented more than 1000 places",
        ),
        (
            "tracks:\n  - name: A\n    milestones:\n      - {summary: a}\n      - {examples: [b]}\n".into(),
            Some(5),
            "This milestone has no summary and no signals.",
        ),
        (
            "tracks:\n  - milestones:\n      - {summary: a}\n      - {summary: b}\n".into(),
            Some(2),
            "This track has no name.",
        ),
    ];
    for (text, line, words) in cases {
        let problems = import(&text, "x").expect_err(words);
        let found = problems.iter().find(|p| p.message.contains(words));
        let found = found.unwrap_or_else(|| panic!("no {words:?} in {problems:?}"));
        assert_eq!(found.line, line, "{words}: {problems:?}");
    }
}

#[test]
fn hostile_yaml_neither_hangs_nor_overflows() {
    // Aliases that multiply: refused or read, but quickly.
    let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for n in 1..12 {
        laughs.push_str(&format!(
            "{}: &{} [*{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}]\n",
            (b'a' + n) as char,
            (b'a' + n) as char,
            (b'a' + n - 1) as char,
            (b'a' + n - 1) as char,
            (b'a' + n - 1) as char,
            (b'a' + n - 1) as char,
            (b'a' + n - 1) as char,
            (b'a' + n - 1) as char,
            (b'a' + n - 1) as char,
            (b'a' + n - 1) as char,
            (b'a' + n - 1) as char,
            (b'a' + n - 1) as char
        ));
    }
    laughs.push_str("topics: *l\n");
    let started = std::time::Instant::now();
    assert!(import(&laughs, "x").is_err());
    // Block nesting as deep as the limit lets through.
    let deep = format!("topics:\n{}x\n", "- ".repeat(450));
    assert!(import(&deep, "x").is_err());
    let deeper = format!("topics:\n{}x\n", "- ".repeat(600));
    assert!(import(&deeper, "x").is_err());
    assert!(started.elapsed().as_secs() < 10);
}

proptest! {
    #![proptest_config(common::bounded(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "[a-z0-9:\\-\\[\\]{}&*!|>'\" \n]{0,300}|\\PC{0,200}") {
        let _ = import(&text, "x");
    }

    #[test]
    fn a_valid_file_cut_or_changed_anywhere_never_panics(which in 0usize..3, at in 0usize..700, len in 0usize..30, with in "[a-z0-9:\\- \n\\[{]{0,8}") {
        let text = [FAMILY, FRONT, SNOWFLAKE][which];
        let at = text.floor_char_boundary(at.min(text.len()));
        let end = text.floor_char_boundary((at + len).min(text.len()));
        let text = format!("{}{with}{}", &text[..at], &text[end..]);
        if let Ok(read) = import(&text, "x") {
            let rubric = read.rubric;
            prop_assert_eq!(rubric_file::import(&rubric_file::export(&rubric)), Ok(rubric));
        }
    }
}

//! The one door for ladder files (`rungs::core::rubric_import`): each of
//! our test ladders under `tests/fixtures/ladders/` is read by the right
//! importer with the counts it holds, the same file gives the same ids
//! twice, whatever is imported goes through Rungs' own file unchanged, a
//! broken file is told by its own importer only, and nothing panics.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use rungs::core::rubric::Rubric;
use rungs::core::rubric_file;
use rungs::core::rubric_import::{import, Format};

/// Levels, tracks, areas over all tracks, and criteria.
type Counts = (usize, usize, usize, usize);

/// Our test ladders: file name, content, format, and what each holds.
const LADDERS: &[(&str, &str, Format, Counts)] = &[
    (
        "two-levels.md",
        include_str!("fixtures/ladders/two-levels.md"),
        Format::Markdown,
        (2, 1, 2, 5),
    ),
    (
        "areas-first.md",
        include_str!("fixtures/ladders/areas-first.md"),
        Format::Markdown,
        (3, 1, 3, 8),
    ),
    (
        "tracks.md",
        include_str!("fixtures/ladders/tracks.md"),
        Format::Markdown,
        (3, 2, 4, 6),
    ),
    (
        "fifteen-levels.yaml",
        include_str!("fixtures/ladders/fifteen-levels.yaml"),
        Format::YamlJobFamily,
        (15, 1, 3, 28),
    ),
    (
        "job-family-map.yml",
        include_str!("fixtures/ladders/job-family-map.yml"),
        Format::YamlJobFamily,
        (2, 1, 2, 3),
    ),
    (
        "front-matter.md",
        include_str!("fixtures/ladders/front-matter.md"),
        Format::FrontMatter,
        (3, 1, 2, 6),
    ),
    (
        "snowflake.yaml",
        include_str!("fixtures/ladders/snowflake.yaml"),
        Format::Snowflake,
        (5, 1, 2, 20),
    ),
    (
        "ladder.csv",
        include_str!("fixtures/ladders/ladder.csv"),
        Format::Csv,
        (2, 1, 2, 3),
    ),
    (
        "rungs.json",
        include_str!("fixtures/ladders/rungs.json"),
        Format::RungsJson,
        (2, 1, 1, 2),
    ),
];

fn counts(rubric: &Rubric) -> Counts {
    let areas = rubric.tracks.iter().map(|t| t.areas.len()).sum();
    let criteria = (rubric.tracks.iter())
        .flat_map(|t| &t.areas)
        .map(|a| a.criteria.len())
        .sum();
    (rubric.levels.len(), rubric.tracks.len(), areas, criteria)
}

#[test]
fn every_test_ladder_imports_with_its_counts() {
    for (file, text, format, expected) in LADDERS {
        let imported = import(file, text).unwrap_or_else(|p| panic!("{file}: {p:?}"));
        assert_eq!(imported.format, *format, "{file}");
        assert_eq!(counts(&imported.rubric), *expected, "{file}");
        // The same file twice: the same ids, the same everything.
        assert_eq!(import(file, text), Ok(imported.clone()), "{file}");
        // Through Rungs' own file and back, unchanged.
        let back = rubric_file::import(&rubric_file::export(&imported.rubric));
        assert_eq!(back, Ok(imported.rubric), "{file}");
    }
}

#[test]
fn the_content_chooses_when_the_name_does_not() {
    for (file, text, format, expected) in LADDERS {
        let imported = import("pasted", text).unwrap_or_else(|p| panic!("{file}: {p:?}"));
        assert_eq!(imported.format, *format, "{file}");
        assert_eq!(counts(&imported.rubric), *expected, "{file}");
    }
}

#[test]
fn the_ladder_is_named_after_its_file_when_it_names_none() {
    let text = LADDERS[1].1;
    let rubric = import("C:\\ladders\\acme_staff-ladder.md", text)
        .unwrap()
        .rubric;
    assert_eq!(
        (rubric.id.as_str(), rubric.name.as_str()),
        ("acme-staff-ladder", "acme staff ladder")
    );
    // A title in the file wins.
    assert_eq!(
        import("x.md", LADDERS[0].1).unwrap().rubric.name,
        "Tiny ladder"
    );
    assert_eq!(
        import("x.yaml", LADDERS[3].1).unwrap().rubric.name,
        "Fifteen rungs"
    );
    assert_eq!(Format::FrontMatter.label(), "Markdown with front matter");
    assert_eq!(Format::YamlJobFamily.label(), "YAML job family");
    assert_eq!(Format::Snowflake.label(), "snowflake tracks");
}

#[test]
fn what_did_not_come_across_is_said() {
    let imported = import("backend.md", LADDERS[5].1).unwrap();
    assert_eq!(
        imported.warnings,
        ["The Markdown after the front matter is not imported."]
    );
    assert!(import("x.md", LADDERS[0].1).unwrap().warnings.is_empty());
}

#[test]
fn a_broken_file_is_told_by_its_own_importer_only() {
    let cases = [
        (
            "ladder.json",
            "{\"format\": \"rungs-rubric\"",
            "This is not valid JSON",
        ),
        ("ladder.yaml", "levels: [", "This is not valid YAML"),
        ("ladder.md", "- Writes code.\n", "no headings"),
        (
            "ladder.csv",
            "level,area,criterion\n1,Craft\n1,Craft,Writes.\n2,Craft,Leads.\n",
            "This row has 2 cells",
        ),
        ("ladder", "{", "This is not valid JSON"),
        ("ladder", "---\ntitle: x\n---\n", "no `topics`"),
    ];
    for (file, text, words) in cases {
        let problems = import(file, text).expect_err(file);
        assert_eq!(problems.len(), 1, "{file}: {problems:?}");
        assert!(problems[0].message.contains(words), "{file}: {problems:?}");
    }
}

proptest! {
    #![proptest_config(common::bounded(200))]

    #[test]
    fn no_file_panics_the_door(name in "[a-z]{0,5}(\\.(md|yaml|yml|csv|json|txt|markdown))?", text in "\\PC{0,300}") {
        let _ = import(&name, &text);
    }
}

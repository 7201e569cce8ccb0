//! Ladders kept as spreadsheets (`rungs::core::rubric_csv`): what Excel
//! and others write imports, ids made up for rows without one are the
//! same on every import, the export reads back, and broken rows are named
//! with their line. No input panics the importer.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use rungs::core::rubric::Rubric;
use rungs::core::rubric_csv::{export, import, slug};

/// Our own small ladder: two tracks, three levels, uneven areas.
const LADDER: &str = "track,level,area,criterion,id,examples
Engineering,1,Craft,Writes tested code.,,
Engineering,1,Craft,\"Reviews code, kindly.\",,\"Leaves a reason with each request
Approves small changes fast\"
Engineering,Senior Engineer 2 (People Manager),Craft,Sets the testing strategy.,craft-strategy,
Engineering,Senior Engineer 2 (People Manager),People,Runs one-to-ones.,,
Engineering,Staff,Craft,Shapes the architecture of several teams.,,
Management,Staff,People,Grows managers.,,
";

/// Levels, tracks, areas over all tracks, and criteria.
type Counts = (usize, usize, usize, usize);

fn counts(rubric: &Rubric) -> Counts {
    let areas = rubric.tracks.iter().map(|t| t.areas.len()).sum();
    let criteria = rubric
        .tracks
        .iter()
        .flat_map(|t| &t.areas)
        .map(|a| a.criteria.len())
        .sum();
    (rubric.levels.len(), rubric.tracks.len(), areas, criteria)
}

#[test]
fn what_spreadsheets_write_imports_the_same() {
    let semicolons = LADDER
        .replace(',', ";")
        .replace("\"Reviews code; kindly.\"", "\"Reviews code, kindly.\"");
    let cases: Vec<(&str, String, Counts)> = vec![
        ("commas", LADDER.to_owned(), (3, 2, 3, 6)),
        ("Excel line endings and a byte order mark", format!("\u{feff}{}", LADDER.replace('\n', "\r\n")), (3, 2, 3, 6)),
        ("semicolons", semicolons, (3, 2, 3, 6)),
        ("tabs, no header, no track", "1\tCraft\tWrites tested code.\n2\tCraft\tSets the strategy.\n2\tPeople\tRuns one-to-ones.\n".to_owned(), (2, 1, 2, 3)),
        ("another header's words and order", "Competency,Criterion,Level\nCraft,Writes tested code.,Junior\nCraft,Leads design.,Senior\n".to_owned(), (2, 1, 1, 2)),
        ("blank lines", format!("\n{LADDER}\n\n"), (3, 2, 3, 6)),
    ];
    for (what, text, expected) in cases {
        let rubric = import(&text, "Acme ladder").unwrap_or_else(|p| panic!("{what}: {p:?}"));
        assert_eq!(counts(&rubric), expected, "{what}");
    }
}

#[test]
fn rows_keep_their_order_text_examples_and_ids() {
    let rubric = import(LADDER, "Acme ladder").unwrap();
    assert_eq!(
        (rubric.id.as_str(), rubric.name.as_str()),
        ("acme-ladder", "Acme ladder")
    );
    let levels: Vec<(&str, &str)> = rubric
        .levels
        .iter()
        .map(|l| (l.id.as_str(), l.name.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            ("1", "1"),
            (
                "senior-engineer-2-people-manager",
                "Senior Engineer 2 (People Manager)"
            ),
            ("staff", "Staff")
        ]
    );
    let craft = &rubric.tracks[0].areas[0];
    assert_eq!(craft.criteria[1].text, "Reviews code, kindly.");
    assert_eq!(
        craft.criteria[1].examples,
        [
            "Leaves a reason with each request",
            "Approves small changes fast"
        ]
    );
    let ids: Vec<&str> = craft.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "craft.1.writes-tested-code",
            "craft.1.reviews-code-kindly",
            "craft-strategy",
            "craft.staff.shapes-the-architecture-of-several-teams"
        ]
    );
    // The same file gives the same ids; two rows alike are numbered.
    assert_eq!(import(LADDER, "Acme ladder").unwrap(), rubric);
    let twice = import(
        "level,area,criterion\n1,Craft,Writes code.\n1,Craft,Writes code!\n2,Craft,Leads.\n",
        "x",
    )
    .unwrap();
    let ids: Vec<&str> = twice.tracks[0].areas[0]
        .criteria
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "craft.1.writes-code",
            "craft.1.writes-code-2",
            "craft.2.leads"
        ]
    );
    assert_eq!(slug("  Ünïcode only ", "fallback"), "n-code-only");
    assert_eq!(slug("✓", "fallback"), "fallback");
}

#[test]
fn the_export_reads_back_as_the_same_ladder() {
    let rubric = import(LADDER, "Acme ladder").unwrap();
    let csv = export(&rubric);
    assert!(
        csv.starts_with("track,level,area,criterion,id,examples\r\n"),
        "{csv}"
    );
    assert_eq!(import(&csv, "Acme ladder"), Ok(rubric));
    // The built-in rubric too, but for what a spreadsheet has no column for.
    let built_in: Rubric = toml::from_str(include_str!("../src/content/rubric.toml")).unwrap();
    let back = import(&export(&built_in), &built_in.name).unwrap();
    assert_eq!(counts(&back), counts(&built_in));
    let ids = |r: &Rubric| {
        r.tracks
            .iter()
            .flat_map(|t| &t.areas)
            .flat_map(|a| &a.criteria)
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&back), ids(&built_in));
}

#[test]
fn broken_rows_are_named_with_their_line() {
    let cases = [
        ("", None, "This file is empty."),
        (
            "level,area,criterion\n",
            None,
            "The rubric has no criteria to grade.",
        ),
        (
            "level,area,criterion\n1,Craft\n",
            Some(2),
            "This row has 2 cells; a criterion needs 3",
        ),
        (
            "level,area,criterion\n1\n",
            Some(2),
            "This row has 1 cell; a criterion needs 3",
        ),
        (
            "level,area,criterion\n1,Craft,Writes code.\n,Craft,\n",
            Some(3),
            "This row has no level and no criterion.",
        ),
        (
            "level,area,criterion,id\n1,Craft,Writes code.,x\n2,Craft,Leads.,x\n",
            Some(3),
            "The id \"x\" is used twice.",
        ),
        (
            "level,area,criterion\n1,Craft,Writes code.\n",
            None,
            "A rubric needs at least two levels.",
        ),
    ];
    for (text, line, words) in cases {
        // Windows line endings name the same lines.
        for text in [text.to_owned(), text.replace('\n', "\r\n")] {
            let problems = import(&text, "x").expect_err(words);
            let found = problems.iter().find(|p| p.message.contains(words));
            let found = found.unwrap_or_else(|| panic!("no {words:?} in {problems:?}"));
            assert_eq!(found.line, line, "{words} in {text:?}");
        }
    }
}

/// Every criterion with where it sits, in a fixed order.
fn rows(rubric: &Rubric) -> Vec<(String, String, String, String, String)> {
    let mut rows: Vec<_> = rubric
        .tracks
        .iter()
        .flat_map(|t| t.areas.iter().map(move |a| (t, a)))
        .flat_map(|(t, a)| {
            a.criteria.iter().map(move |c| {
                (
                    t.name.clone(),
                    a.name.clone(),
                    c.level.clone(),
                    c.id.clone(),
                    c.text.clone(),
                )
            })
        })
        .collect();
    rows.sort();
    rows
}

proptest! {
    #![proptest_config(common::bounded(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "[a-z0-9,;\t\"\n\r ]{0,300}|\\PC{0,200}") {
        let _ = import(&text, "x");
    }

    #[test]
    fn whatever_imports_exports_and_imports_the_same(text in "(([a-z1-3 ]{1,6},){2}[a-z .]{1,12}\n){1,12}") {
        if let Ok(rubric) = import(&text, "x") {
            let back = import(&export(&rubric), "x").expect("the export imports");
            prop_assert_eq!(&back.levels, &rubric.levels);
            prop_assert_eq!(rows(&back), rows(&rubric));
        }
    }
}

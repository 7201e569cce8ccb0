//! Ladders written as Markdown (`rungs::core::rubric_markdown`): levels
//! and areas are found in either nesting, with or without tracks; the
//! export reads back as the same ladder, markup-like texts included;
//! broken files are named with their line; nothing panics.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use rungs::core::rubric::Rubric;
use rungs::core::rubric_markdown::{export, import};

const TWO_LEVELS: &str = include_str!("fixtures/ladders/two-levels.md");
const AREAS_FIRST: &str = include_str!("fixtures/ladders/areas-first.md");
const TRACKS: &str = include_str!("fixtures/ladders/tracks.md");

fn names<T>(items: &[T], name: impl Fn(&T) -> &str) -> Vec<&str> {
    items.iter().map(name).collect()
}

/// Every criterion as (track, area, level name, text, examples), in order.
fn criteria(rubric: &Rubric) -> Vec<(String, String, String, String, Vec<String>)> {
    let level = |id: &str| {
        (rubric.levels.iter())
            .find(|l| l.id == id)
            .map_or(String::new(), |l| l.name.clone())
    };
    let mut all = Vec::new();
    for track in &rubric.tracks {
        for area in &track.areas {
            for c in &area.criteria {
                all.push((
                    track.name.clone(),
                    area.name.clone(),
                    level(&c.level),
                    c.text.clone(),
                    c.examples.clone(),
                ));
            }
        }
    }
    all
}

#[test]
fn levels_containing_areas_are_read_with_their_summaries_and_examples() {
    let rubric = import(TWO_LEVELS, "ignored").unwrap();
    assert_eq!(rubric.name, "Tiny ladder");
    assert_eq!(
        rubric.description,
        "A ladder of two rungs, written for Rungs' tests."
    );
    assert_eq!(
        names(&rubric.levels, |l| &l.name),
        ["Engineer", "Senior Engineer"]
    );
    assert_eq!(
        rubric.levels[0].summary,
        "Delivers well-scoped work with help."
    );
    let craft = &rubric.tracks[0].areas[0];
    assert_eq!(craft.criteria[0].text, "Writes tested code.");
    assert_eq!(
        craft.criteria[0].examples,
        ["Adds a test with every bug fix."]
    );
    assert_eq!(craft.criteria[3].text, "Mentors others in reviews.");
    assert_eq!(
        craft.criteria[3].examples,
        ["Pairs on a hard review each week."]
    );
    assert_eq!(craft.criteria[3].level, "senior-engineer");
    // One track, named after the ladder.
    assert_eq!(names(&rubric.tracks, |t| &t.name), ["Tiny ladder"]);
}

#[test]
fn areas_containing_levels_are_read_as_well() {
    let rubric = import(AREAS_FIRST, "Acme").unwrap();
    assert_eq!(rubric.name, "Acme");
    assert_eq!(
        names(&rubric.levels, |l| &l.name),
        ["1", "Senior Engineer 2 (People Manager)", "Staff"]
    );
    let areas = &rubric.tracks[0].areas;
    assert_eq!(names(areas, |a| &a.name), ["Craft", "People", "Delivery"]);
    assert_eq!(areas[0].summary, "How code gets written.");
    // A line under a list item continues it.
    assert_eq!(
        areas[0].criteria[1].text,
        "Asks for help early, and says what was tried."
    );
    // People has nothing at level 1.
    assert_eq!(areas[1].at("1").count(), 0);
}

#[test]
fn a_level_first_met_in_a_later_area_goes_in_its_place() {
    let text = "## Craft\n### 2\n- b\n### 3\n- c\n## People\n### 1\n- a\n### 2\n- b\n";
    let rubric = import(text, "x").unwrap();
    assert_eq!(names(&rubric.levels, |l| &l.name), ["1", "2", "3"]);
}

#[test]
fn a_comment_says_which_headings_are_levels_when_the_names_do_not() {
    let text = "## Apple\n### Pear\n- a\n### Plum\n- b\n## Fig\n### Pear\n- c\n";
    let guessed = import(text, "x").unwrap();
    assert_eq!(names(&guessed.levels, |l| &l.name), ["Apple", "Fig"]);
    let told = import(
        &format!("<!-- rungs: areas contain levels -->\n{text}"),
        "x",
    )
    .unwrap();
    assert_eq!(names(&told.levels, |l| &l.name), ["Pear", "Plum"]);
}

#[test]
fn tracks_sit_above_levels_and_areas() {
    let rubric = import(TRACKS, "x").unwrap();
    assert_eq!(rubric.name, "Acme engineering");
    assert_eq!(
        names(&rubric.tracks, |t| &t.name),
        ["Individual contributor", "Manager"]
    );
    assert_eq!(rubric.tracks[0].summary, "Builds and runs software.");
    assert_eq!(
        names(&rubric.levels, |l| &l.name),
        ["Level 1", "Level 2", "Level 3"]
    );
    assert_eq!(
        names(&rubric.tracks[1].areas, |a| &a.name),
        ["People", "Delivery"]
    );
}

#[test]
fn the_export_reads_back_as_the_same_ladder() {
    for text in [TWO_LEVELS, AREAS_FIRST, TRACKS] {
        let rubric = import(text, "Acme").unwrap();
        let markdown = export(&rubric);
        // Ids are made from the same names and texts, so all is equal.
        assert_eq!(
            import(&markdown, "other").as_ref(),
            Ok(&rubric),
            "{markdown}"
        );
        assert_eq!(export(&import(&markdown, "other").unwrap()), markdown);
    }
    // The built-in rubric: all but ids, weights and what has no heading.
    let built_in: Rubric = toml::from_str(include_str!("../src/content/rubric.toml")).unwrap();
    let back = import(&export(&built_in), "x").unwrap();
    assert_eq!(back.name, built_in.name);
    assert_eq!(back.description, built_in.description);
    let level = |l: &rungs::core::rubric::Level| (l.name.clone(), l.summary.clone());
    assert_eq!(
        back.levels.iter().map(level).collect::<Vec<_>>(),
        built_in.levels.iter().map(level).collect::<Vec<_>>()
    );
    assert_eq!(criteria(&back), criteria(&built_in));
    let areas = |r: &Rubric| {
        (r.tracks.iter())
            .flat_map(|t| &t.areas)
            .map(|a| (a.name.clone(), a.summary.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(areas(&back), areas(&built_in));
}

#[test]
fn texts_that_look_like_markup_survive_the_round_trip() {
    let texts = [
        "# Not a heading",
        "- not an item",
        "1. not numbered",
        "2) nor this",
        "\\ a backslash",
        "* star",
        "<!-- not a comment -->",
        "```not code",
        "---",
        "Ends with #",
    ];
    let mut markdown = String::from("## Level 1\n### Craft\n- x\n## Level 2\n### C#\n");
    for text in texts {
        markdown.push_str(&format!("- plain {text}\n"));
    }
    let mut rubric = import(&markdown, "x").unwrap();
    let criteria = &mut rubric.tracks[0].areas[1].criteria;
    for (criterion, text) in criteria.iter_mut().zip(texts) {
        criterion.text = text.to_owned();
        criterion.examples = vec![text.to_owned()];
    }
    rubric.levels[1].name = "# Level 2 #".to_owned();
    rubric.levels[1].summary = "- a summary\n\n# in two paragraphs".to_owned();
    let back = import(&export(&rubric), "x").unwrap();
    assert_eq!(criteria_texts(&back), criteria_texts(&rubric));
    assert_eq!(back.levels[1].name, "# Level 2 #");
    assert_eq!(back.levels[1].summary, "- a summary\n\n# in two paragraphs");
    assert_eq!(back.tracks[0].areas[1].name, "C#");
}

fn criteria_texts(rubric: &Rubric) -> Vec<(String, Vec<String>)> {
    criteria(rubric)
        .into_iter()
        .map(|(_, _, _, t, e)| (t, e))
        .collect()
}

#[test]
fn the_same_file_gives_the_same_ids() {
    let text = "## 1\n### Craft\n- Writes code.\n- Writes code.\n## 2\n### Craft\n- Leads.\n";
    let rubric = import(text, "x").unwrap();
    let ids: Vec<&str> = (rubric.tracks[0].areas[0].criteria.iter())
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
    assert_eq!(import(text, "x"), Ok(rubric));
}

#[test]
fn broken_files_are_named_with_their_line() {
    let cases: Vec<(&str, Option<usize>, &str)> = vec![
        ("", None, "This file is empty."),
        ("Just words.\n", None, "This Markdown has no list items"),
        ("- Writes code.\n", None, "This Markdown has no headings"),
        ("## 1\n- a\n## 2\n- b\n", None, "This Markdown has one kind of heading"),
        ("- early\n## 1\n### Craft\n- a\n## 2\n### Craft\n- b\n", Some(1), "This list item comes before any heading"),
        ("## 1\n- a\n### Craft\n- a\n## 2\n### Craft\n- b\n", Some(2), "This list item is under the level \u{201c}1\u{201d} but under no heading for an area"),
        ("## 1\n### \n- a\n## 2\n### Craft\n- b\n", Some(2), "This heading has no text."),
        ("## 1\n### Craft\n-\n## 2\n### Craft\n- b\n", Some(3), "This list item has no text."),
        ("# T\n## A\n### 1\n#### Craft\n##### Deeper\n- a\n", Some(5), "one depth too many"),
        ("<!-- rungs: levels contain areas -->\n### Craft\n- a\n## 1\n### Craft\n- b\n## 2\n### Craft\n- c\n", Some(2), "This heading for an area, \u{201c}Craft\u{201d}, has no heading for a level above it."),
        ("## 1\n### Craft\n- a\n", None, "A rubric needs at least two levels."),
        ("## Level 1!\n### Craft\n- a\n## Level 1?\n### Craft\n- b\n", Some(4), "The id \"level-1\" is used twice."),
    ];
    for (text, line, words) in cases {
        let problems = import(text, "x").expect_err(words);
        let found = problems.iter().find(|p| p.message.contains(words));
        let found = found.unwrap_or_else(|| panic!("no {words:?} in {problems:?}"));
        assert_eq!(found.line, line, "{words}: {problems:?}");
    }
}

#[test]
fn a_few_hundred_criteria_import() {
    let mut text = String::from("# Big\n");
    for level in 1..=15 {
        text.push_str(&format!("## Level {level}\n"));
        for area in ["Craft", "Delivery", "People", "Impact"] {
            text.push_str(&format!("### {area}\n"));
            for n in 1..=5 {
                text.push_str(&format!("- {area} criterion {n} at {level}.\n"));
            }
        }
    }
    let rubric = import(&text, "x").unwrap();
    assert_eq!(rubric.levels.len(), 15);
    assert_eq!(rubric.tracks[0].areas.len(), 4);
    assert_eq!(criteria(&rubric).len(), 300);
    assert_eq!(import(&export(&rubric), "x"), Ok(rubric));
}

/// Lines a ladder is made of, to put together at random.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "#{1,5} [A-Za-z0-9#\\\\ -]{0,8}",
        "[ ]{0,6}[-*+] [A-Za-z#\\\\ -]{0,10}",
        "[ ]{0,3}[0-9]{1,2}[.)] [a-z ]{0,8}",
        "[A-Za-z\\\\ ]{0,12}",
        Just(String::new()),
        Just("```".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("<!-- rungs: areas contain levels -->".to_owned()),
    ]
}

proptest! {
    #![proptest_config(common::bounded(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "[#\\-*+ 0-9.)\\\\a-z\n\t]{0,300}|\\PC{0,200}") {
        let _ = import(&text, "x");
    }

    #[test]
    fn whatever_imports_exports_and_imports_the_same(valid in any::<bool>(), lines in prop::collection::vec(line(), 0..40)) {
        // Half start as a valid ladder, so that most of those import.
        let start = if valid { "## Level 1\n### Craft\n- a\n## Level 2\n### Craft\n- b\n" } else { "" };
        if let Ok(rubric) = import(&format!("{start}{}", lines.join("\n")), "x") {
            let back = import(&export(&rubric), "x").expect("the export imports");
            prop_assert_eq!(back, rubric);
        }
    }
}

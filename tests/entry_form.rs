//! The accomplishment form: what it reads from the boxes, and that wrong
//! input changes nothing and says why.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use rungs::core::entry_form::{parse_number, EntryText, ResultKind};
use rungs::core::evidence::{Confirmer, Entry, Field, Kind, Outcome};
use rungs::core::time::Date;

fn day(iso: &str) -> Date {
    Date::parse(iso).unwrap()
}

fn stored() -> Entry {
    let mut entry = Entry::quick("e7", "Led the queue migration", day("2026-10-02"));
    entry.criteria = vec!["craft.design".into()];
    entry
}

#[test]
fn a_full_form_reads_into_an_entry_that_keeps_its_id_and_criteria() {
    let text = EntryText {
        date: Some(day("2026-10-03")),
        title: "  Led the queue migration ".into(),
        story: "I wrote the design and ran the cut-over.\n".into(),
        kind: Kind::Project,
        result: ResultKind::Metric,
        metric: "p99 latency".into(),
        before: "1 200".into(),
        after: "300,5".into(),
        unit: "ms".into(),
        sentence: "kept, not used".into(),
        links: "https://example.com/design\n\n  https://example.com/pr/1  ".into(),
        confirm: "Dana, engineering manager\nSam".into(),
        tags: "billing, , queues".into(),
    };
    let entry = text.read(&stored()).unwrap();
    assert_eq!(entry.id, "e7");
    assert_eq!(entry.criteria, ["craft.design"]);
    assert_eq!(entry.date, day("2026-10-03"));
    assert_eq!(entry.title, "Led the queue migration");
    assert_eq!(entry.story, "I wrote the design and ran the cut-over.");
    assert_eq!(
        entry.result,
        Outcome::Metric {
            name: "p99 latency".into(),
            before: 1200.0,
            after: 300.5,
            unit: "ms".into()
        }
    );
    assert_eq!(
        entry.links,
        ["https://example.com/design", "https://example.com/pr/1"]
    );
    assert_eq!(
        entry.confirm,
        [
            Confirmer {
                name: "Dana".into(),
                role: "engineering manager".into()
            },
            Confirmer {
                name: "Sam".into(),
                role: String::new()
            },
        ]
    );
    assert_eq!(entry.tags, ["billing", "queues"]);
    // And back: the form shows what it read.
    let again = EntryText::of(&entry);
    assert_eq!(again.read(&entry).unwrap(), entry);
    assert_eq!(again.before, "1200");
    assert_eq!(again.confirm, "Dana, engineering manager\nSam");
}

#[test]
fn wrong_input_says_what_to_fix_field_by_field_in_order() {
    let text = EntryText {
        date: None,
        title: " ".into(),
        result: ResultKind::Metric,
        before: "about 3".into(),
        links: "javascript:alert(1)".into(),
        confirm: ", a role with no name".into(),
        ..EntryText::of(&stored())
    };
    let problems = text.read(&stored()).unwrap_err();
    let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            Field::Date,
            Field::Title,
            Field::Result,
            Field::Result,
            Field::Result,
            Field::Links,
            Field::Confirm
        ]
    );
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages[0], "Give the day it happened.");
    assert!(messages.contains(&"The number before, “about 3”, is not a number."));
    assert!(messages.contains(&"Give the number after."));
    assert!(messages.contains(&"Say what the number measures."));
}

#[test]
fn a_sentence_result_left_empty_is_no_result_and_switching_kinds_keeps_both() {
    let mut text = EntryText::of(&stored());
    text.result = ResultKind::Sentence;
    text.sentence = "  ".into();
    assert_eq!(text.read(&stored()).unwrap().result, Outcome::None);
    text.sentence = "Two teams now use it.".into();
    text.metric = "teams".into();
    assert_eq!(
        text.read(&stored()).unwrap().result,
        Outcome::Sentence("Two teams now use it.".into())
    );
    text.result = ResultKind::None;
    assert_eq!(text.read(&stored()).unwrap().result, Outcome::None);
    assert_eq!(text.sentence, "Two teams now use it.");
}

#[test]
fn numbers_are_read_as_people_type_them() {
    for (typed, value) in [
        ("300", 300.0),
        (" 99.95 ", 99.95),
        ("-4", -4.0),
        ("\u{2212}4", -4.0),
        ("1 200", 1200.0),
        ("1,200", 1200.0),
        ("1,200,300", 1_200_300.0),
        ("2,5", 2.5),
        ("1,200.5", 1200.5),
        ("-1,200", -1200.0),
        ("0.5", 0.5),
        (".5", 0.5),
    ] {
        assert_eq!(parse_number(typed), Some(value), "{typed:?}");
    }
    for typed in [
        "", "-", ".", "abc", "3 ms", "1e400", "1e3", "NaN", "inf", "1.2.3", "1,2,3", "1,5.2", "--1",
    ] {
        assert_eq!(parse_number(typed), None, "{typed:?}");
    }
}

#[test]
fn blank_and_repeated_criteria_of_a_hand_edited_entry_are_dropped_on_saving() {
    let mut entry = stored();
    entry.criteria = vec![
        "craft.design".into(),
        " ".into(),
        "craft.design".into(),
        "craft.tests".into(),
    ];
    assert!(!entry.problems().is_empty());
    let read = EntryText::of(&entry).read(&entry).unwrap();
    assert_eq!(read.criteria, ["craft.design", "craft.tests"]);
}

#[test]
fn result_kinds_have_labels() {
    let labels: Vec<&str> = ResultKind::ALL.iter().map(|k| k.label()).collect();
    assert_eq!(labels, ["Not yet", "A number that moved", "In a sentence"]);
}

proptest! {
    #![proptest_config(common::bounded(256))]

    #[test]
    fn reading_any_form_never_panics_and_what_it_reads_can_be_saved(
        title in ".{0,40}", story in ".{0,40}", before in ".{0,12}", after in ".{0,12}",
        links in ".{0,60}", confirm in ".{0,40}", tags in ".{0,40}", kind in 0..3usize,
        date in proptest::option::of(-1_000_000i32..1_000_000),
    ) {
        let text = EntryText {
            date: date.map(Date),
            title, story, before, after, links, confirm, tags,
            result: ResultKind::ALL[kind],
            metric: "m".into(),
            ..EntryText::default()
        };
        if let Ok(entry) = text.read(&stored()) {
            prop_assert!(entry.problems().is_empty());
            prop_assert_eq!(EntryText::of(&entry).read(&entry), Ok(entry.clone()));
        }
    }
}

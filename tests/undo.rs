//! Undo is one mechanism: applying any change returns its inverse, which
//! puts the document back exactly, and whose own inverse redoes the change.

use rungs::core::assessment::{AreaPercents, Edit, Percents, Snapshot};
use rungs::core::evidence::{Entry, LogEdit};
use rungs::core::glossary::Term;
use rungs::core::plan::{CheckIn, Goal, Milestone, PlanEdit, Schedule, Status, WeekItem};
use rungs::core::schema::{Change, Document, Replace, SetTheme, Theme};
use rungs::core::time::{Date, Weekday};
use rungs::core::vocabulary::{Familiarity, VocabEdit};

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// A document with something in every part.
fn kept() -> Document {
    let mut document = Document::default();
    let changes: Vec<Box<dyn Change>> = vec![
        Box::new(SetTheme(Theme::Dark)),
        Box::new(PlanEdit::SaveGoal(Goal {
            id: "g1".into(),
            outcome: "Ship search".into(),
            ..Goal::default()
        })),
        Box::new(PlanEdit::SaveGoal(Goal {
            id: "g2".into(),
            outcome: "Mentor two engineers".into(),
            ..Goal::default()
        })),
        Box::new(PlanEdit::SaveMilestone {
            goal: "g1".into(),
            milestone: Milestone {
                id: "m1".into(),
                title: "Write the design".into(),
                ..Milestone::default()
            },
        }),
        Box::new(PlanEdit::SaveCheckIn(CheckIn {
            id: "c1".into(),
            date: Some(day("2026-11-02")),
            notes: "Talked about scope".into(),
            ..CheckIn::default()
        })),
        Box::new(PlanEdit::SetSchedule(Some(Schedule {
            id: "s1".into(),
            every: 2,
            weekday: Weekday::Tuesday,
            time: 600,
            length: 30,
            with: "Dana".into(),
            from: day("2026-11-03"),
        }))),
        Box::new(PlanEdit::AddWeekItem {
            week: day("2026-11-02"),
            item: WeekItem {
                id: "w1".into(),
                text: "Draft the RFC".into(),
                status: Status::Open,
                carried_from: None,
            },
        }),
        Box::new(VocabEdit::Add(Term {
            id: "my-toil".into(),
            name: "Toil".into(),
            aliases: Vec::new(),
            tags: Vec::new(),
            related: Vec::new(),
            definition: "Manual, repetitive work.".into(),
            example: String::new(),
        })),
        Box::new(VocabEdit::SetFamiliarity(
            "my-toil".into(),
            Familiarity::Learning,
        )),
        Box::new(Edit::Current("e2".into())),
        Box::new(LogEdit::Add(Entry {
            criteria: vec!["software.craft.senior.system-design".into()],
            ..Entry::quick("e1", "Led the queue migration", day("2026-11-02"))
        })),
    ];
    for change in changes {
        assert!(change.apply_to(&mut document).is_some(), "{change:?}");
    }
    document
}

fn snapshot() -> Snapshot {
    Snapshot {
        at: 1_795_000_000_000,
        track: "software".into(),
        current: "e2".into(),
        target: Some("senior".into()),
        overall: Percents {
            current: 50,
            target: Some(20),
        },
        areas: vec![AreaPercents {
            area: "craft".into(),
            current: 50,
            target: Some(20),
        }],
        label: String::new(),
    }
}

#[test]
fn every_change_is_undone_exactly_and_redone_by_undoing_the_undo() {
    let changes: Vec<Box<dyn Change>> = vec![
        Box::new(SetTheme(Theme::Light)),
        Box::new(PlanEdit::DeleteGoal("g1".into())),
        Box::new(PlanEdit::DeleteMilestone {
            goal: "g1".into(),
            milestone: "m1".into(),
        }),
        Box::new(PlanEdit::DeleteCheckIn("c1".into())),
        Box::new(PlanEdit::SetSchedule(None)),
        Box::new(PlanEdit::DeleteWeekItem {
            week: day("2026-11-02"),
            item: "w1".into(),
        }),
        Box::new(PlanEdit::SetTarget(Some(day("2027-06-01")))),
        Box::new(VocabEdit::Delete("my-toil".into())),
        Box::new(Edit::AddSnapshot(snapshot())),
        Box::new(LogEdit::Remove("e1".into())),
        Box::new(LogEdit::UnlinkCriterion {
            entry: "e1".into(),
            criterion: "software.craft.senior.system-design".into(),
        }),
        Box::new(LogEdit::Summary("My year.".into())),
        Box::new(Replace {
            document: Document::default(),
            label: "Reset.".into(),
        }),
    ];
    for change in changes {
        let before = kept();
        let mut document = before.clone();
        let undo = change
            .apply_to(&mut document)
            .expect("it changes something");
        let after = document.clone();
        assert_ne!(after, before, "{change:?}");
        let redo = undo
            .apply_to(&mut document)
            .expect("the undo changes it back");
        assert_eq!(document, before, "undoing {change:?}");
        assert!(redo.apply_to(&mut document).is_some());
        assert_eq!(document, after, "redoing {change:?}");
    }
}

#[test]
fn a_change_that_changes_nothing_has_no_inverse() {
    let mut document = kept();
    assert!(document.apply(SetTheme(Theme::Dark)).is_none());
    assert!(document
        .apply(PlanEdit::DeleteGoal("nope".into()))
        .is_none());
    assert!(document
        .apply(VocabEdit::Delete("my-nope".into()))
        .is_none());
    assert_eq!(document, kept());
}

#[test]
fn what_takes_away_the_users_words_is_named_to_be_offered_back() {
    let document = kept();
    let label = |change: &dyn Change| change.undo_label(&document);
    assert_eq!(
        label(&PlanEdit::DeleteGoal("g1".into())).as_deref(),
        Some("Deleted the goal “Ship search”.")
    );
    assert_eq!(
        label(&PlanEdit::DeleteMilestone {
            goal: "g1".into(),
            milestone: "m1".into()
        })
        .as_deref(),
        Some("Deleted the milestone “Write the design”.")
    );
    assert_eq!(
        label(&PlanEdit::DeleteCheckIn("c1".into())).as_deref(),
        Some("Deleted the check-in of 2 Nov 2026.")
    );
    assert_eq!(
        label(&PlanEdit::SetSchedule(None)).as_deref(),
        Some("Stopped the check-in schedule.")
    );
    assert_eq!(
        label(&PlanEdit::DeleteWeekItem {
            week: day("2026-11-02"),
            item: "w1".into()
        })
        .as_deref(),
        Some("Deleted “Draft the RFC” from the week.")
    );
    assert_eq!(
        label(&VocabEdit::Delete("my-toil".into())).as_deref(),
        Some("Deleted “Toil” from your glossary.")
    );
    assert_eq!(
        label(&Edit::AddSnapshot(snapshot())).as_deref(),
        Some("Saved a snapshot of your readiness.")
    );
    assert_eq!(
        label(&LogEdit::Remove("e1".into())).as_deref(),
        Some("Deleted “Led the queue migration”.")
    );
    assert_eq!(
        label(&LogEdit::UnlinkCriterion {
            entry: "e1".into(),
            criterion: "software.craft.senior.system-design".into()
        })
        .as_deref(),
        Some("Unlinked “Led the queue migration” from the criterion.")
    );
    // Edits the user takes back by editing again are not offered.
    assert_eq!(label(&SetTheme(Theme::Light)), None);
    assert_eq!(label(&PlanEdit::SetTarget(None)), None);
    // Nothing to delete, nothing to offer.
    assert_eq!(label(&PlanEdit::DeleteGoal("nope".into())), None);
}

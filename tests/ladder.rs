//! The ladders a user keeps: switching keeps each rubric's grades, a new
//! version keeps what was on the criteria it drops, and that can be moved
//! onto a criterion of the new version or deleted; every change undoes.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use common::criterion;
use rungs::core::assessment::{Edit, Grade, Perspective};
use rungs::core::export::plan::criterion_text;
use rungs::core::ladder::{likely_successor, no_longer, Changes, LadderEdit};
use rungs::core::plan::{Goal, PlanEdit};
use rungs::core::rubric::{Area, Criterion, Level, Rubric, Track};
use rungs::core::schema::{decode, Document};

/// A two-level ladder with one track; `craft` holds `criteria`.
fn ladder(id: &str, name: &str, criteria: Vec<Criterion>) -> Rc<Rubric> {
    Rc::new(Rubric {
        id: id.into(),
        name: name.into(),
        levels: vec![
            Level {
                id: "l1".into(),
                name: "Engineer".into(),
                ..Level::default()
            },
            Level {
                id: "l2".into(),
                name: "Senior".into(),
                ..Level::default()
            },
        ],
        tracks: vec![Track {
            id: "main".into(),
            name: "Engineering".into(),
            areas: vec![Area {
                id: "craft".into(),
                name: "Craft".into(),
                criteria,
                ..Area::default()
            }],
            ..Track::default()
        }],
        ..Rubric::default()
    })
}

fn builtin() -> Rc<Rubric> {
    ladder(
        "rungs",
        "Rungs ladder",
        vec![
            criterion("b1", "l1", "Ships small changes."),
            criterion("b2", "l2", "Leads a project."),
        ],
    )
}

fn acme() -> Rc<Rubric> {
    ladder(
        "acme",
        "Acme ladder",
        vec![
            criterion("tests", "l1", "Writes tests for the code they change."),
            criterion("reviews", "l1", "Reviews code within a day of being asked."),
            criterion("design", "l2", "Leads the design of a service."),
        ],
    )
}

fn grade(criterion: &str, grade: Grade) -> Edit {
    Edit::Grade {
        criterion: criterion.into(),
        perspective: Perspective::Mine,
        grade: Some(grade),
    }
}

fn mine(document: &Document, criterion: &str) -> Option<Grade> {
    document.assessment.value().rating(criterion)?.mine
}

/// A document with the built-in ladder graded, and Acme added and in use.
fn with_acme() -> Document {
    let mut document = Document::default();
    document.apply(grade("b1", Grade::Consistently));
    document.apply(LadderEdit::Put {
        rubric: acme(),
        default: builtin(),
        use_it: true,
    });
    document
}

#[test]
fn each_ladder_keeps_its_own_grades_when_the_user_switches() {
    let mut document = with_acme();
    assert_eq!(document.ladders.value().active.as_deref(), Some("acme"));
    assert_eq!(mine(&document, "b1"), None, "Acme starts ungraded");
    document.apply(grade("tests", Grade::Sometimes));

    let default = builtin();
    document.apply(LadderEdit::Switch {
        to: "rungs".into(),
        default: default.clone(),
    });
    assert_eq!(document.ladders.value().active, None);
    assert_eq!(mine(&document, "b1"), Some(Grade::Consistently));
    assert_eq!(mine(&document, "tests"), None);

    document.apply(LadderEdit::Switch {
        to: "acme".into(),
        default: default.clone(),
    });
    assert_eq!(mine(&document, "tests"), Some(Grade::Sometimes));
    assert_eq!(
        document.ladders.value().active(&default).name,
        "Acme ladder"
    );

    // A ladder that is not here cannot be switched to.
    assert!(document
        .apply(LadderEdit::Switch {
            to: "nowhere".into(),
            default,
        })
        .is_none());
}

#[test]
fn the_choices_list_the_default_first_and_a_users_version_stands_in_for_it() {
    let document = with_acme();
    let default = builtin();
    let choices = document.ladders.value().choices(&default);
    let names: Vec<_> = choices
        .iter()
        .map(|c| (&*c.rubric.name, c.is_default, c.stored, c.active))
        .collect();
    assert_eq!(
        names,
        [
            ("Rungs ladder", true, false, false),
            ("Acme ladder", false, true, true)
        ]
    );

    // Editing the default stores the user's version under its id.
    let mut edited = (*default).clone();
    edited.name = "Rungs ladder, our way".into();
    let mut document = Document::default();
    document.apply(LadderEdit::Put {
        rubric: Rc::new(edited),
        default: default.clone(),
        use_it: true,
    });
    let choices = document.ladders.value().choices(&default);
    assert_eq!(choices.len(), 1);
    assert_eq!(choices[0].rubric.name, "Rungs ladder, our way");
    assert!(choices[0].is_default && choices[0].stored && choices[0].active);
    assert_eq!(
        document.ladders.value().active,
        None,
        "the default's id is the default"
    );
}

#[test]
fn a_new_version_shows_what_changed_and_what_it_means() {
    let before = acme();
    let mut after = (*acme()).clone();
    let craft = &mut after.tracks[0].areas[0].criteria;
    craft.retain(|c| c.id != "reviews");
    craft[0].text = "Writes tests first.".into();
    craft[1].level = "l1".into();
    craft.push(criterion(
        "pairing",
        "l1",
        "Pairs with a newer engineer each week.",
    ));
    after.levels.push(Level {
        id: "l3".into(),
        name: "Staff".into(),
        ..Level::default()
    });

    let changes = Changes::between(&before, &after);
    assert_eq!(changes.added.len(), 1);
    assert_eq!(
        changes.removed[0].text,
        "Reviews code within a day of being asked."
    );
    assert_eq!(changes.reworded[0].1.text, "Writes tests first.");
    assert_eq!(changes.moved[0].1.level, "Engineer");
    assert_eq!(
        changes.summary(),
        [
            "1 criterion added",
            "1 criterion removed",
            "1 criterion reworded",
            "1 criterion moved to another level or area",
            "New level: Staff",
        ]
    );

    let mut document = with_acme();
    document.apply(grade("reviews", Grade::Sometimes));
    document.apply(grade("tests", Grade::Beyond));
    let impact = changes.impact(document.assessment.value(), document.plan.value());
    assert_eq!(impact.len(), 2, "{impact:?}");
    assert!(
        impact[0]
            .starts_with("1 grade or note is on criteria this version removes. Nothing is deleted"),
        "{impact:?}"
    );
    assert!(
        impact[1].starts_with("1 graded criterion is reworded; its grades stay"),
        "{impact:?}"
    );

    assert!(Changes::between(&before, &before).is_empty());
    assert_eq!(
        Changes::between(&before, &before).summary(),
        ["Nothing changed in the criteria"]
    );
}

/// Acme graded, a goal proving "reviews", then a version without it.
fn updated_without_reviews() -> Document {
    let mut document = with_acme();
    document.apply(grade("reviews", Grade::Sometimes));
    document.apply(Edit::Note {
        criterion: "reviews".into(),
        text: "Ask for more reviews.".into(),
    });
    let goal = Goal {
        id: "g1".into(),
        outcome: "Review faster".into(),
        criteria: vec!["reviews".into()],
        ..Goal::default()
    };
    document.apply(PlanEdit::SaveGoal(goal));
    let mut next = (*acme()).clone();
    next.tracks[0].areas[0]
        .criteria
        .retain(|c| c.id != "reviews");
    next.tracks[0].areas[0].criteria.push(criterion(
        "review-speed",
        "l1",
        "Reviews code within a day.",
    ));
    document.apply(LadderEdit::Put {
        rubric: Rc::new(next),
        default: builtin(),
        use_it: false,
    });
    document
}

#[test]
fn nothing_keyed_to_a_removed_criterion_is_dropped() {
    let document = updated_without_reviews();
    let ladders = document.ladders.value();
    let rubric = ladders.active(&builtin());
    assert!(rubric.tracks[0].areas[0]
        .criteria
        .iter()
        .all(|c| c.id != "reviews"));
    let kept = no_longer(
        ladders,
        &rubric,
        document.assessment.value(),
        document.plan.value(),
    );
    assert_eq!(kept.len(), 1);
    let (retired, rating, goals) = &kept[0];
    assert_eq!(retired.text, "Reviews code within a day of being asked.");
    assert_eq!((&*retired.level, &*retired.area), ("Engineer", "Craft"));
    let rating = rating.expect("the grade is kept");
    assert_eq!(rating.mine, Some(Grade::Sometimes));
    assert_eq!(rating.note, "Ask for more reviews.");
    assert_eq!(*goals, 1);
    // The likely successor shares most of its words.
    assert_eq!(likely_successor(retired, &rubric), Some("review-speed"));

    // Stored and read back, it is all still there.
    let text = rungs::core::schema::encode(&document.to_json(), 1, 0);
    let again = decode(&text).unwrap().document;
    assert_eq!(again.ladders.value(), ladders);
    assert_eq!(again.assessment.value(), document.assessment.value());
}

#[test]
fn a_retired_criterion_moves_to_a_new_one_with_its_goals_and_undoes() {
    let mut document = updated_without_reviews();
    let before = document.clone();
    let undo = document
        .apply(LadderEdit::Map {
            rubric: "acme".into(),
            from: "reviews".into(),
            to: "review-speed".into(),
            default: builtin(),
        })
        .expect("moved");
    assert_eq!(mine(&document, "review-speed"), Some(Grade::Sometimes));
    assert_eq!(mine(&document, "reviews"), None);
    assert_eq!(document.plan.value().goals[0].criteria, ["review-speed"]);
    assert!(document.ladders.value().retired.is_empty());

    document.apply(undo);
    assert_eq!(document, before);
}

#[test]
fn moving_onto_a_graded_criterion_keeps_both_and_fills_gaps() {
    let mut document = updated_without_reviews();
    document.apply(grade("review-speed", Grade::Consistently));
    document.apply(Edit::Note {
        criterion: "review-speed".into(),
        text: "Faster since May.".into(),
    });
    document.apply(LadderEdit::Map {
        rubric: "acme".into(),
        from: "reviews".into(),
        to: "review-speed".into(),
        default: builtin(),
    });
    let rating = document.assessment.value().rating("review-speed").unwrap();
    assert_eq!(
        rating.mine,
        Some(Grade::Consistently),
        "the grade there stays"
    );
    assert_eq!(rating.note, "Faster since May.\n\nAsk for more reviews.");
}

#[test]
fn a_retired_criterion_can_be_deleted_and_a_criterion_that_comes_back_is_live_again() {
    let mut document = updated_without_reviews();
    let mut deleted = document.clone();
    deleted.apply(LadderEdit::Forget {
        rubric: "acme".into(),
        id: "reviews".into(),
        default: builtin(),
    });
    assert_eq!(deleted.assessment.value().rating("reviews"), None);
    assert!(deleted.plan.value().goals[0].criteria.is_empty());
    assert!(deleted.ladders.value().retired.is_empty());

    document.apply(LadderEdit::Put {
        rubric: acme(),
        default: builtin(),
        use_it: false,
    });
    assert!(
        document.ladders.value().retired.is_empty(),
        "back in the rubric"
    );
    assert_eq!(mine(&document, "reviews"), Some(Grade::Sometimes));
}

#[test]
fn a_version_of_a_shelved_ladder_keeps_its_grades_aside() {
    let mut document = updated_without_reviews();
    document.apply(grade("tests", Grade::Sometimes));
    let default = builtin();
    document.apply(LadderEdit::Switch {
        to: "rungs".into(),
        default: default.clone(),
    });
    // Acme's assessment is shelved; a version dropping "tests" retires it
    // there, and the built-in ladder's grades are untouched.
    let mut next = (*document.ladders.value().stored("acme").unwrap().clone()).clone();
    next.tracks[0].areas[0].criteria.retain(|c| c.id != "tests");
    document.apply(LadderEdit::Put {
        rubric: Rc::new(next),
        default: default.clone(),
        use_it: false,
    });
    let retired: Vec<_> = document.ladders.value().retired["acme"]
        .iter()
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(retired, ["reviews", "tests"]);
    assert_eq!(mine(&document, "b1"), Some(Grade::Consistently));
}

#[test]
fn a_ladder_is_found_again_by_id_or_name_and_removed_with_its_grades() {
    let document = with_acme();
    let default = builtin();
    let ladders = document.ladders.value();
    let mut renamed = (*acme()).clone();
    renamed.id = "acme-2027".into();
    assert_eq!(ladders.version_of(&renamed, &default).unwrap().id, "acme");
    renamed.name = "ACME LADDER ".into();
    assert_eq!(ladders.version_of(&renamed, &default).unwrap().id, "acme");
    renamed.name = "Other".into();
    assert_eq!(ladders.version_of(&renamed, &default), None);
    assert_eq!(ladders.free_id("acme", &default), "acme-2");
    assert_eq!(ladders.free_id("rungs", &default), "rungs-2");
    assert_eq!(ladders.free_id("new", &default), "new");
    assert_eq!(
        ladders.free_name("acme ladder", &default),
        "acme ladder (2)"
    );
    assert_eq!(
        ladders.free_name("Rungs ladder", &default),
        "Rungs ladder (2)"
    );
    assert_eq!(ladders.free_name("Platform", &default), "Platform");

    let mut document = with_acme();
    let before = document.clone();
    let undo = document
        .apply(LadderEdit::Remove {
            id: "acme".into(),
            default: default.clone(),
        })
        .unwrap();
    assert_eq!(document.ladders.value().rubrics.len(), 0);
    assert_eq!(document.ladders.value().active, None);
    assert_eq!(
        mine(&document, "b1"),
        Some(Grade::Consistently),
        "back on the default, graded"
    );
    document.apply(undo);
    assert_eq!(document, before);
}

#[test]
fn putting_back_the_default_keeps_grades_on_criteria_only_the_users_version_had() {
    let default = builtin();
    let mut mine_version = (*default).clone();
    mine_version.tracks[0].areas[0].criteria.push(criterion(
        "ours",
        "l1",
        "Writes the on-call handbook.",
    ));
    let mut document = Document::default();
    document.apply(LadderEdit::Put {
        rubric: Rc::new(mine_version),
        default: default.clone(),
        use_it: true,
    });
    document.apply(grade("ours", Grade::Beyond));
    document.apply(LadderEdit::Remove {
        id: "rungs".into(),
        default: default.clone(),
    });
    let ladders = document.ladders.value();
    assert!(ladders.rubrics.is_empty());
    assert_eq!(
        ladders.retired["rungs"][0].text,
        "Writes the on-call handbook."
    );
    assert_eq!(mine(&document, "ours"), Some(Grade::Beyond));
}

#[test]
fn the_version_7_fixture_keeps_its_ladders() {
    let decoded = decode(include_str!("fixtures/document-v7.json")).unwrap();
    let ladders = decoded.document.ladders.value();
    let acme = ladders.stored("acme").unwrap();
    assert_eq!(acme.levels[1].name, "Senior Engineer 2 (People Manager)");
    assert_eq!(acme.licence, "Internal use");
    let shelved = &ladders.shelved["acme"];
    assert_eq!(
        shelved.rating("craft-l1-tests").unwrap().mine,
        Some(Grade::Consistently)
    );
    assert_eq!(ladders.retired["acme"][0].id, "craft-l1-reviews");
    let kept = no_longer(ladders, acme, shelved, &Default::default());
    assert_eq!(kept[0].1.unwrap().note, "Ask for more reviews.");
}

/// The built-in rubric of this release, as the app loads it.
fn shipped() -> Rc<Rubric> {
    Rc::new(toml::from_str(include_str!("../src/content/rubric.toml")).expect("rubric.toml parses"))
}

/// A criterion an earlier release of the built-in rubric had, and the one
/// that took its place.
const DROPPED: &str = "software.communication.senior.design-docs";
const SUCCESSOR: &str = "software.communication.senior.presents-beyond-team";

/// Grades given under an earlier release of the built-in rubric: on a
/// criterion this release dropped (with a note, a manager's grade and a
/// goal), on one it kept, and a goal linked to another dropped one.
fn graded_under_an_earlier_release() -> Document {
    let mut document = Document::default();
    document.apply(grade(DROPPED, Grade::Consistently));
    document.apply(Edit::Grade {
        criterion: DROPPED.into(),
        perspective: Perspective::Manager,
        grade: Some(Grade::Sometimes),
    });
    document.apply(Edit::Note {
        criterion: DROPPED.into(),
        text: "The queue rewrite doc.".into(),
    });
    document.apply(grade("software.craft.senior.system-design", Grade::Beyond));
    document.apply(PlanEdit::SaveGoal(Goal {
        id: "g1".into(),
        outcome: "Get a design doc read outside the team".into(),
        criteria: vec![
            DROPPED.into(),
            "software.leadership.principal.defines-ladder".into(),
        ],
        ..Goal::default()
    }));
    document
}

#[test]
fn what_was_kept_on_a_criterion_a_new_release_of_the_built_in_rubric_dropped_is_shown_with_its_text(
) {
    let document = graded_under_an_earlier_release();
    let rubric = shipped();
    let ladders = document.ladders.value();
    assert!(ladders.retired.is_empty(), "nothing was stored for it");
    assert_eq!(ladders.active(&rubric).id, "rungs-default");
    let kept = no_longer(
        ladders,
        &rubric,
        document.assessment.value(),
        document.plan.value(),
    );
    // The two that something is kept on, in the rubric's order; none of
    // the criteria dropped with nothing on them, nor the one still there.
    let ids: Vec<&str> = kept.iter().map(|(r, ..)| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["software.leadership.principal.defines-ladder", DROPPED]
    );
    let (ladder, rating, goals) = &kept[0];
    assert!(ladder
        .text
        .starts_with("Defines what technical leadership means"));
    assert_eq!((rating.is_none(), *goals), (true, 1), "kept for its goal");
    let (retired, rating, goals) = &kept[1];
    assert_eq!(
        retired.text,
        "Writes design docs for team projects that circulate beyond the team and lead to clear decisions."
    );
    assert_eq!(
        (&*retired.level, &*retired.area),
        ("Senior Engineer", "Communication and visibility")
    );
    let rating = rating.expect("the grades are kept");
    assert_eq!(rating.mine, Some(Grade::Consistently));
    assert_eq!(rating.manager, Some(Grade::Sometimes));
    assert_eq!(rating.note, "The queue rewrite doc.");
    assert_eq!(*goals, 1);

    // Another ladder with its own id lists none of them, and neither does
    // a version of the built-in one that still has the criterion.
    let mut other = (*rubric).clone();
    other.id = "acme".into();
    assert!(no_longer(
        ladders,
        &other,
        document.assessment.value(),
        document.plan.value()
    )
    .is_empty());
    let mut older = (*rubric).clone();
    let successor = older.tracks[0].areas[6]
        .criteria
        .iter_mut()
        .find(|c| c.id == SUCCESSOR)
        .unwrap();
    successor.id = DROPPED.into();
    let kept = no_longer(
        ladders,
        &older,
        document.assessment.value(),
        document.plan.value(),
    );
    assert_eq!(kept.len(), 1, "only the ladder one: {kept:?}");
}

#[test]
fn what_was_kept_on_a_dropped_built_in_criterion_moves_to_its_successor_and_undoes() {
    let mut document = graded_under_an_earlier_release();
    let rubric = shipped();
    let before = document.clone();
    let undo = document
        .apply(LadderEdit::Map {
            rubric: "rungs-default".into(),
            from: DROPPED.into(),
            to: SUCCESSOR.into(),
            default: rubric.clone(),
        })
        .expect("moved");
    let rating = document.assessment.value().rating(SUCCESSOR).unwrap();
    assert_eq!(
        (rating.mine, rating.manager),
        (Some(Grade::Consistently), Some(Grade::Sometimes))
    );
    assert_eq!(rating.note, "The queue rewrite doc.");
    assert_eq!(mine(&document, DROPPED), None);
    assert_eq!(
        document.plan.value().goals[0].criteria,
        [SUCCESSOR, "software.leadership.principal.defines-ladder"]
    );
    let kept = no_longer(
        document.ladders.value(),
        &rubric,
        document.assessment.value(),
        document.plan.value(),
    );
    assert_eq!(kept.len(), 1, "the goal's other link is still listed");

    document.apply(undo);
    assert_eq!(document, before);

    // Deleting it instead leaves nothing on it, and nothing listed.
    document.apply(LadderEdit::Forget {
        rubric: "rungs-default".into(),
        id: DROPPED.into(),
        default: rubric.clone(),
    });
    assert_eq!(document.assessment.value().rating(DROPPED), None);
    assert_eq!(
        document.plan.value().goals[0].criteria,
        ["software.leadership.principal.defines-ladder"]
    );
    // A criterion this release still has, or one never in the rubric, is
    // not moved from.
    for from in [
        "software.craft.senior.system-design",
        "software.delivery.senior.planning",
    ] {
        let moved = document.apply(LadderEdit::Map {
            rubric: "rungs-default".into(),
            from: from.into(),
            to: SUCCESSOR.into(),
            default: rubric.clone(),
        });
        assert!(moved.is_none(), "{from}");
    }
    assert_eq!(
        mine(&document, "software.craft.senior.system-design"),
        Some(Grade::Beyond)
    );
}

#[test]
fn the_reader_lists_every_area_at_a_level_and_searches_texts_and_examples() {
    let mut rubric = (*acme()).clone();
    rubric.tracks[0].areas.push(Area {
        id: "people".into(),
        name: "People".into(),
        criteria: vec![criterion("mentor", "l2", "Mentors a newer engineer.")],
        ..Area::default()
    });
    rubric.tracks[0].areas[0].criteria[0].examples =
        vec!["A regression test with each fix.".into()];

    // Not searching, every area is listed, an empty one as empty.
    let shown = rubric.read("main", Some("l1"), "");
    let counts: Vec<_> = shown
        .iter()
        .map(|s| (&*s.area.name, s.criteria.len()))
        .collect();
    assert_eq!(counts, [("Craft", 2), ("People", 0)]);
    // All levels, in the rubric's order.
    assert_eq!(
        rubric
            .read("main", None, "")
            .iter()
            .map(|s| s.criteria.len())
            .sum::<usize>(),
        4
    );
    // A search matches every word, in texts and examples, whatever the
    // case, and lists only the areas it found in.
    let found = rubric.read("main", None, "REGRESSION fix");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].criteria[0].id, "tests");
    assert!(rubric.read("main", None, "regression mentors").is_empty());
    // An unknown track reads as the first.
    assert_eq!(rubric.read("nowhere", Some("l2"), "").len(), 2);
    assert_eq!(rubric.level_name("l2"), "Senior");
    assert_eq!(rubric.level_name("l9"), "l9");
    assert_eq!(rubric.criteria_count(), 4);
}

mod common;

proptest::proptest! {
    #![proptest_config(common::bounded(300))]

    /// The site's configuration is read from whatever the host serves.
    #[test]
    fn the_site_configuration_never_panics(text in "\\PC{0,80}", rubric in "\\PC{0,40}") {
        let _ = rungs::core::config::Config::parse(&text);
        let json = serde_json::json!({ "rubric": rubric, "organisation": text }).to_string();
        let _ = rungs::core::config::Config::parse(&json);
    }
}

#[test]
fn a_plan_or_an_entry_linked_to_a_dropped_built_in_criterion_still_names_what_it_said() {
    let rubric = shipped();
    let text = criterion_text(&rubric, DROPPED).expect("the text it had");
    assert!(
        text.starts_with("Writes design docs for team projects"),
        "{text}"
    );
    assert_eq!(criterion_text(&rubric, "software.craft.e1.never-was"), None);
    // Another ladder does not borrow the built-in rubric's history.
    assert_eq!(criterion_text(&acme(), DROPPED), None);
}

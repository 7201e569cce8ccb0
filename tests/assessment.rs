//! Native tests of the readiness self-assessment in
//! `rungs::core::assessment`, mostly against a small hand-made rubric.
#![cfg(not(target_arch = "wasm32"))]

use rungs::core::assessment::{
    level_diff, AreaPercents, AreaReport, Assessment, Edit, Flag, Grade, Percents, Perspective,
    Rating, Report, Score, Snapshot, Stage, FORMULA, VERDICT_COVERAGE,
};
use rungs::core::evidence::{Entry, Log, LogEdit};
use rungs::core::export::readiness::Include;
use rungs::core::rubric::{Area, Criterion, Level, Rubric, Track};
use rungs::core::time::Date;

const NOV_21_2026_0605_UTC: u64 = 1_795_241_100_000;

/// Levels a, b and c; one track "t" with areas x (Craft) and y (Impact),
/// each with `per` criteria per level, ids like "x.b.2".
fn rubric_with(per: usize) -> Rubric {
    let level = |id: &str, name: &str| Level {
        id: id.into(),
        name: name.into(),
        summary: format!("What {name} means."),
    };
    let area = |id: &str, name: &str| Area {
        id: id.into(),
        name: name.into(),
        summary: format!("What {name} covers."),
        criteria: ["a", "b", "c"]
            .into_iter()
            .flat_map(|level| {
                (1..=per).map(move |n| Criterion {
                    id: format!("{id}.{level}.{n}"),
                    level: level.into(),
                    text: format!("{name} criterion {n} at {level}"),
                    ..Default::default()
                })
            })
            .collect(),
    };
    Rubric {
        id: "test".into(),
        name: "Test ladder".into(),
        description: "Three rungs.".into(),
        source: String::new(),
        licence: String::new(),
        cumulative: false,
        levels: vec![
            level("a", "Level A"),
            level("b", "Level B"),
            level("c", "Level C"),
        ],
        tracks: vec![Track {
            id: "t".into(),
            name: "Test track".into(),
            summary: "The only track.".into(),
            areas: vec![area("x", "Craft"), area("y", "Impact")],
        }],
    }
}

fn rubric() -> Rubric {
    rubric_with(2)
}

/// An assessment with `current` chosen.
fn at(current: &str) -> Assessment {
    let mut assessment = Assessment::default();
    assert!(assessment.apply(Edit::Current(current.into())));
    assessment
}

fn grade_as(a: &mut Assessment, criterion: &str, perspective: Perspective, grade: Grade) {
    assert!(a.apply(Edit::Grade {
        criterion: criterion.into(),
        perspective,
        grade: Some(grade),
    }));
}

fn grade(a: &mut Assessment, criterion: &str, grade: Grade) {
    grade_as(a, criterion, Perspective::Mine, grade);
}

fn evidence(a: &mut Assessment, criterion: &str, text: &str) {
    a.apply(Edit::Evidence {
        criterion: criterion.into(),
        text: text.into(),
    });
}

fn report(a: &Assessment) -> Report {
    a.report(&rubric(), &Log::default())
        .expect("a current level is chosen")
}

fn area<'a>(report: &'a Report, id: &str) -> &'a AreaReport {
    report.areas.iter().find(|a| a.id == id).expect("area")
}

fn ids<'a>(criteria: impl IntoIterator<Item = &'a String>) -> Vec<&'a str> {
    criteria.into_iter().map(String::as_str).collect()
}

fn score(earned: u32, graded: u32, total: u32) -> Score {
    Score {
        earned,
        graded,
        total,
        excluded: 0,
    }
}

#[test]
fn grades_have_stable_ids_labels_and_hints() {
    let ids: Vec<&str> = Grade::ALL.iter().map(|g| g.id()).collect();
    assert_eq!(ids, ["not-yet", "sometimes", "consistently", "beyond"]);
    for grade in Grade::ALL {
        assert_eq!(Grade::from_id(grade.id()), Some(grade));
        assert!(!grade.label().is_empty() && grade.hint().ends_with('.'));
    }
    assert_eq!(Grade::from_id("Sometimes"), None);
    let meets: Vec<bool> = Grade::ALL.iter().map(|g| g.meets()).collect();
    assert_eq!(meets, [false, false, true, true]);
    let labels: Vec<&str> = Perspective::ALL.iter().map(|p| p.label()).collect();
    assert_eq!(labels, ["You", "Manager", "Peer"]);
}

#[test]
fn percent_is_over_the_graded_criteria_rounded_half_up() {
    let percent = |earned, graded| score(earned, graded, 100).percent();
    assert_eq!(percent(0, 0), None, "nothing graded is no figure, not 0%");
    assert_eq!(percent(0, 1), Some(0));
    assert_eq!(percent(1, 2), Some(13)); // 1 of 8 quarters: 12.5
    assert_eq!(percent(3, 2), Some(38)); // 37.5
    assert_eq!(percent(1, 50), Some(1)); // 1 of 200: 0.5
    assert_eq!(percent(8, 2), Some(100));
    assert_eq!(score(0, 0, 4).percent_label(), "\u{2013}");
    assert_eq!(score(3, 1, 4).percent_label(), "75%");
    assert_eq!(score(3, 1, 4).coverage(), "1 of 4 graded");
    assert!(score(0, 2, 2).complete());
    assert!(!score(0, 1, 2).complete());
}

#[test]
fn a_verdict_waits_until_three_quarters_of_the_level_are_graded() {
    assert_eq!(VERDICT_COVERAGE, 75);
    // 12 criteria graded "beyond" with evidence, of 40: the figure is 100%
    // of what was graded, and the words say how much is left, not a verdict.
    let early = score(48, 12, 40);
    assert_eq!(early.percent(), Some(100));
    assert_eq!(early.left_for_verdict(), 18);
    assert_eq!(early.verdict(Stage::Target), None);
    assert_eq!(
        early.standing(Stage::Target),
        "Grade 18 more criteria for a verdict."
    );
    assert_eq!(
        score(0, 0, 40).standing(Stage::Current),
        "Grade 30 more criteria for a verdict."
    );
    assert_eq!(
        score(0, 2, 4).standing(Stage::Current),
        "Grade 1 more criterion for a verdict."
    );
    // 30 of 40 is enough.
    assert_eq!(score(120, 30, 40).left_for_verdict(), 0);
    assert_eq!(
        score(120, 30, 40).verdict(Stage::Target),
        Some("Ready to make the case.")
    );
    assert_eq!(
        score(0, 3, 3).verdict(Stage::Current),
        Some("Not yet solid: start here before the next level.")
    );
    // Rounding up: 3 of 5 is 60%, not enough; 4 of 5 is.
    assert_eq!(score(0, 3, 5).left_for_verdict(), 1);
    assert_eq!(score(0, 4, 5).left_for_verdict(), 0);
    // An empty level never gives a verdict.
    assert_eq!(score(0, 0, 0).verdict(Stage::Current), None);
}

#[test]
fn credit_is_counted_in_quarters_and_evidence_completes_a_top_grade() {
    let mut a = at("a");
    let craft_now = |a: &Assessment| {
        let current = area(&report(a), "x").current;
        (current.earned, current.percent())
    };
    assert_eq!(craft_now(&a), (0, None));
    grade(&mut a, "x.a.1", Grade::Sometimes);
    assert_eq!(craft_now(&a), (2, Some(50)));
    grade(&mut a, "x.a.1", Grade::Consistently);
    assert_eq!(craft_now(&a), (3, Some(75)));
    evidence(&mut a, "x.a.1", "  \n ");
    assert_eq!(craft_now(&a), (3, Some(75)), "whitespace is not evidence");
    evidence(&mut a, "x.a.1", "Led the billing migration.");
    assert_eq!(craft_now(&a), (4, Some(100)));
    grade(&mut a, "x.a.1", Grade::Beyond);
    assert_eq!(
        craft_now(&a),
        (4, Some(100)),
        "beyond counts like consistently"
    );
    evidence(&mut a, "x.a.1", "");
    assert_eq!(craft_now(&a), (3, Some(75)));
    grade(&mut a, "x.a.1", Grade::NotYet);
    assert_eq!(craft_now(&a), (0, Some(0)));
    assert_eq!(area(&report(&a), "x").current.graded, 1);
}

#[test]
fn unassessed_criteria_are_left_out_and_coverage_shows_them() {
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Consistently);
    evidence(&mut a, "x.a.1", "Shipped it.");
    let r = report(&a);
    assert_eq!(area(&r, "x").current, score(4, 1, 2));
    assert_eq!(area(&r, "x").target, Some(score(0, 0, 2)));
    assert_eq!(area(&r, "y").current, score(0, 0, 2));
    assert_eq!(r.overall_current, score(4, 1, 4));
    // One criterion met in full, of the one graded: not 25%.
    assert_eq!(r.overall_current.percent(), Some(100));
    assert_eq!(r.overall_current.verdict(Stage::Current), None);
    assert!(!r.overall_current.complete());
    assert_eq!(r.overall_target, Some(score(0, 0, 4)));
    assert_eq!(r.overall_target.unwrap().percent(), None);
    assert_eq!(r.unassessed_target, 4);
}

#[test]
fn overall_weighs_every_criterion_not_every_area_the_same() {
    let mut rubric = rubric();
    rubric.tracks[0].areas[0].criteria.push(Criterion {
        id: "x.a.3".into(),
        level: "a".into(),
        text: "A third Craft criterion at a".into(),
        ..Default::default()
    });
    let mut a = at("a");
    for id in ["x.a.1", "x.a.2", "x.a.3"] {
        grade(&mut a, id, Grade::Consistently);
        evidence(&mut a, id, "Seen it.");
    }
    for id in ["y.a.1", "y.a.2"] {
        grade(&mut a, id, Grade::NotYet);
    }
    let r = a.report(&rubric, &Log::default()).unwrap();
    assert_eq!(area(&r, "x").current.percent(), Some(100));
    assert_eq!(area(&r, "y").current.percent(), Some(0));
    // 12 of 20 quarters; the mean of the two areas would be 50%.
    assert_eq!(r.overall_current, score(12, 5, 5));
    assert_eq!(r.overall_current.percent(), Some(60));
}

#[test]
fn selection_defaults_and_fallbacks() {
    let rubric = rubric();
    let levels = |a: &Assessment| -> Vec<String> {
        let selection = a.selection(&rubric).expect("a selection");
        selection.levels().map(|l| l.id.clone()).collect()
    };
    assert_eq!(Assessment::default().selection(&rubric), None);
    assert_eq!(at("zzz").selection(&rubric), None, "unknown current");
    assert_eq!(Assessment::default().report(&rubric, &Log::default()), None);

    let mut a = at("a");
    assert_eq!(a.selection(&rubric).unwrap().track.id, "t");
    assert_eq!(levels(&a), ["a", "b"], "the next level by default");
    a.apply(Edit::Target(Some("c".into())));
    assert_eq!(levels(&a), ["a", "c"]);
    a.apply(Edit::Target(Some("a".into())));
    assert_eq!(
        levels(&a),
        ["a", "b"],
        "a target equal to current falls back"
    );
    a.apply(Edit::Target(Some("zzz".into())));
    assert_eq!(levels(&a), ["a", "b"], "an unknown target falls back");

    let mut b = at("b");
    b.apply(Edit::Target(Some("a".into())));
    assert_eq!(levels(&b), ["b", "c"], "a lower target falls back");

    let top = at("c");
    assert_eq!(levels(&top), ["c"]);
    assert_eq!(top.selection(&rubric).unwrap().target, None);
    let r = top.report(&rubric, &Log::default()).unwrap();
    assert_eq!((r.target, r.overall_target), (None, None));
    assert!(r.areas.iter().all(|area| area.target.is_none()));

    // A target passed by a later current level is remembered, not lost.
    let mut moving = at("a");
    moving.apply(Edit::Target(Some("c".into())));
    moving.apply(Edit::Current("c".into()));
    assert_eq!(levels(&moving), ["c"]);
    moving.apply(Edit::Current("a".into()));
    assert_eq!(levels(&moving), ["a", "c"]);
}

#[test]
fn an_unknown_track_falls_back_to_the_first() {
    let mut rubric = rubric();
    let mut second = rubric.tracks[0].clone();
    second.id = "u".into();
    rubric.tracks.push(second);
    let mut a = at("a");
    let track = |a: &Assessment| a.selection(&rubric).unwrap().track.id.clone();
    assert_eq!(track(&a), "t");
    a.apply(Edit::Track("u".into()));
    assert_eq!(track(&a), "u");
    a.apply(Edit::Track("gone".into()));
    assert_eq!(track(&a), "t");
    rubric.tracks.clear();
    assert_eq!(a.selection(&rubric), None, "no tracks, no selection");
}

#[test]
fn apply_reports_changes_and_drops_empty_ratings() {
    let mut a = Assessment::default();
    assert!(!a.apply(Edit::Target(None)));
    assert!(a.apply(Edit::Track("t".into())));
    assert!(!a.apply(Edit::Track("t".into())));
    assert!(a.apply(Edit::Current("a".into())));
    assert!(!a.apply(Edit::Current("a".into())));
    assert!(a.apply(Edit::Target(Some("c".into()))));
    assert!(!a.apply(Edit::Target(Some("c".into()))));

    let clear = Edit::Grade {
        criterion: "x.a.1".into(),
        perspective: Perspective::Manager,
        grade: None,
    };
    let no_note = Edit::Note {
        criterion: "x.a.1".into(),
        text: String::new(),
    };
    assert!(!a.apply(clear.clone()));
    assert!(!a.apply(no_note.clone()));
    assert!(a.ratings.is_empty(), "no-ops leave no empty rating behind");

    grade_as(&mut a, "x.a.1", Perspective::Manager, Grade::Sometimes);
    assert!(!a.apply(Edit::Grade {
        criterion: "x.a.1".into(),
        perspective: Perspective::Manager,
        grade: Some(Grade::Sometimes),
    }));
    assert!(a.apply(Edit::Note {
        criterion: "x.a.1".into(),
        text: "Ask about the outage review.".into(),
    }));
    let rating = a.rating("x.a.1").unwrap();
    assert_eq!(rating.grade(Perspective::Manager), Some(Grade::Sometimes));
    assert_eq!(rating.grade(Perspective::Mine), None);
    assert!(a.apply(clear));
    assert!(a.rating("x.a.1").is_some(), "the note keeps it");
    assert!(a.apply(no_note));
    assert_eq!(a.rating("x.a.1"), None);
    assert!(a.ratings.is_empty());

    let snapshot = at("a")
        .report(&rubric(), &Log::default())
        .unwrap()
        .snapshot(1);
    assert!(a.apply(Edit::AddSnapshot(snapshot.clone())));
    assert!(a.apply(Edit::AddSnapshot(snapshot)));
    assert_eq!(a.snapshots.len(), 2);
}

#[test]
fn rating_helpers() {
    assert!(Rating::default().is_empty());
    let rating = Rating {
        evidence: " \t".into(),
        ..Rating::default()
    };
    assert!(!rating.is_empty() && !rating.has_evidence());
    let rating = Rating {
        peer: Some(Grade::Beyond),
        evidence: "Ran the incident review.".into(),
        ..Rating::default()
    };
    assert!(rating.has_evidence());
    assert_eq!(rating.grade(Perspective::Peer), Some(Grade::Beyond));
}

#[test]
fn grades_survive_a_reworded_criterion() {
    let mut a = at("a");
    grade(&mut a, "x.b.1", Grade::Consistently);
    evidence(&mut a, "x.b.1", "Wrote the design doc.");
    let before = report(&a);
    let mut reworded = rubric();
    let criterion = (reworded.tracks[0].areas[0].criteria.iter_mut())
        .find(|c| c.id == "x.b.1")
        .unwrap();
    criterion.text = "Writes clear design documents".into();
    let after = a.report(&reworded, &Log::default()).unwrap();
    assert_eq!(after.areas, before.areas);
    assert_eq!(after.strengths.len(), 1);
    assert_eq!(after.strengths[0].text, "Writes clear design documents");
    assert_eq!(after.strengths[0].criterion, "x.b.1");
}

#[test]
fn gaps_list_not_yet_then_sometimes_in_rubric_order() {
    let mut a = at("a");
    grade(&mut a, "x.b.1", Grade::Sometimes);
    grade(&mut a, "x.b.2", Grade::NotYet);
    grade(&mut a, "y.b.1", Grade::Sometimes);
    grade(&mut a, "x.a.1", Grade::NotYet); // current level: not a gap
    grade(&mut a, "x.c.1", Grade::NotYet); // outside the selection
    let r = report(&a);
    assert_eq!(
        ids(r.gaps.iter().map(|g| &g.criterion)),
        ["x.b.2", "x.b.1", "y.b.1"]
    );
    assert_eq!(r.unassessed_target, 1);
    let gap = &r.gaps[0];
    assert_eq!(
        (gap.area.as_str(), gap.level.as_str(), gap.grade),
        ("Craft", "Level B", Some(Grade::NotYet))
    );
    assert_eq!(gap.text, "Craft criterion 2 at b");

    grade(&mut a, "y.b.2", Grade::NotYet);
    let r = report(&a);
    assert_eq!(
        ids(r.gaps.iter().map(|g| &g.criterion)),
        ["x.b.2", "y.b.2", "x.b.1", "y.b.1"]
    );
    assert_eq!(r.unassessed_target, 0);
}

#[test]
fn strengths_are_beyond_then_evidenced_target_criteria() {
    let mut a = at("a");
    grade(&mut a, "x.b.1", Grade::Consistently);
    evidence(&mut a, "x.b.1", "Mentored two new hires.");
    grade(&mut a, "x.b.2", Grade::Beyond);
    grade(&mut a, "y.a.2", Grade::Beyond);
    grade(&mut a, "x.a.1", Grade::Consistently); // current level
    evidence(&mut a, "x.a.1", "Every sprint.");
    grade(&mut a, "y.b.1", Grade::Consistently); // no evidence
    let r = report(&a);
    assert_eq!(
        ids(r.strengths.iter().map(|s| &s.criterion)),
        ["y.a.2", "x.b.2", "x.b.1"]
    );
    let evidenced: Vec<bool> = r.strengths.iter().map(|s| s.has_evidence).collect();
    assert_eq!(evidenced, [false, false, true]);
    assert_eq!(r.strengths[0].level, "Level A");
}

fn has_mostly_top(a: &Assessment, rubric: &Rubric) -> Option<Flag> {
    let report = a.report(rubric, &Log::default()).unwrap();
    (report.flags.into_iter()).find(|f| matches!(f, Flag::MostlyTop { .. }))
}

/// Grades the first `top` selected criteria "consistently" and the next
/// `rest` "sometimes", current level first.
fn graded(rubric: &Rubric, top: usize, rest: usize) -> Assessment {
    let mut a = at("a");
    let selection = a.selection(rubric).unwrap();
    let criteria: Vec<String> = selection
        .levels()
        .flat_map(|level| {
            let track = selection.track;
            track.areas.iter().flat_map(|area| area.at(&level.id))
        })
        .map(|c| c.id.clone())
        .collect();
    for (i, id) in criteria.iter().take(top + rest).enumerate() {
        let g = if i < top {
            Grade::Consistently
        } else {
            Grade::Sometimes
        };
        grade(&mut a, id, g);
    }
    a
}

#[test]
fn mostly_top_needs_eight_graded_criteria() {
    let rubric = rubric();
    assert_eq!(has_mostly_top(&graded(&rubric, 7, 0), &rubric), None);
    assert_eq!(
        has_mostly_top(&graded(&rubric, 8, 0), &rubric),
        Some(Flag::MostlyTop { top: 8, graded: 8 })
    );
}

#[test]
fn mostly_top_fires_at_ninety_percent() {
    let rubric = rubric_with(25); // 100 criteria over two levels
    assert_eq!(has_mostly_top(&graded(&rubric, 89, 11), &rubric), None);
    assert_eq!(
        has_mostly_top(&graded(&rubric, 90, 10), &rubric),
        Some(Flag::MostlyTop {
            top: 90,
            graded: 100
        })
    );
    assert_eq!(has_mostly_top(&graded(&rubric, 8, 1), &rubric), None);
    assert!(has_mostly_top(&graded(&rubric, 9, 1), &rubric).is_some());
}

#[test]
fn beyond_without_evidence_is_flagged() {
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Beyond);
    evidence(&mut a, "x.a.1", "Designed the queue.");
    assert_eq!(report(&a).flags, []);
    let beyond = |a: &Assessment| -> Vec<Flag> {
        let flags = report(a).flags.into_iter();
        flags
            .filter(|f| matches!(f, Flag::BeyondWithoutEvidence { .. }))
            .collect()
    };
    grade(&mut a, "y.b.1", Grade::Beyond);
    let flag = Flag::BeyondWithoutEvidence { count: 1 };
    assert!(flag.message().starts_with("One criterion"));
    assert_eq!(beyond(&a), [flag]);
    grade(&mut a, "y.b.2", Grade::Beyond);
    let flag = Flag::BeyondWithoutEvidence { count: 2 };
    assert!(flag.message().starts_with("2 criteria"));
    assert_eq!(beyond(&a), [flag]);
    // An entry of the log linked to a criterion is evidence too.
    let log = linked(&[("e1", &["y.b.1"])]);
    let flags = a.report(&rubric(), &log).unwrap().flags;
    assert!(
        flags.contains(&Flag::BeyondWithoutEvidence { count: 1 }),
        "{flags:?}"
    );
}

/// A log whose entries (by id) are linked to the criteria given.
fn linked(entries: &[(&str, &[&str])]) -> Log {
    let mut log = Log::default();
    for (id, criteria) in entries {
        let mut entry = Entry::quick(*id, "Shipped it", Date(0));
        entry.criteria = criteria.iter().map(|c| c.to_string()).collect();
        log.apply(LogEdit::Add(entry));
    }
    log
}

#[test]
fn a_linked_entry_earns_the_full_credit_and_written_evidence_still_does() {
    let rubric = rubric();
    let mut a = at("a");
    grade(&mut a, "x.b.1", Grade::Consistently);
    grade(&mut a, "x.b.2", Grade::Beyond);
    let none = Log::default();
    let target =
        |a: &Assessment, log: &Log| a.report(&rubric, log).unwrap().overall_target.unwrap();
    // Three quarters each without evidence.
    assert_eq!(target(&a, &none).earned, 6);
    // An entry linked to one of them, or to both: a quarter more each.
    let one = linked(&[("e1", &["x.b.1"])]);
    assert_eq!(target(&a, &one).earned, 7);
    let both = linked(&[("e1", &["x.b.1", "x.b.2"])]);
    assert_eq!(target(&a, &both).earned, 8);
    // Evidence written beside the grade (as before the log) counts as it did.
    evidence(&mut a, "x.b.2", "Designed the queue.");
    assert_eq!(target(&a, &one).earned, 8);
    // Entries linked to criteria the rubric lacks, or to ungraded ones, add nothing.
    let elsewhere = linked(&[("e1", &["nowhere", "y.b.1"])]);
    assert_eq!(target(&a, &elsewhere).earned, 7);
    let items = a.report(&rubric, &both).unwrap().strengths;
    let counts: Vec<(&str, usize)> = items
        .iter()
        .map(|i| (i.criterion.as_str(), i.entries))
        .collect();
    assert_eq!(counts, [("x.b.2", 1), ("x.b.1", 1)]);
}

#[test]
fn a_top_grade_at_the_target_level_without_a_linked_entry_is_flagged() {
    let rubric = rubric();
    let unlinked = |a: &Assessment, log: &Log| -> Vec<String> {
        let flags = a.report(&rubric, log).unwrap().flags;
        flags
            .into_iter()
            .find_map(|f| match f {
                Flag::TopWithoutEntries { criteria } => {
                    Some(criteria.into_iter().map(|i| i.criterion).collect())
                }
                _ => None,
            })
            .unwrap_or_default()
    };
    let mut a = at("a");
    // The current level's top grades, and lower grades, are not the question.
    grade(&mut a, "x.a.1", Grade::Beyond);
    evidence(&mut a, "x.a.1", "Designed the queue.");
    grade(&mut a, "x.b.1", Grade::Sometimes);
    assert!(unlinked(&a, &Log::default()).is_empty());
    grade(&mut a, "x.b.2", Grade::Consistently);
    grade(&mut a, "y.b.1", Grade::Beyond);
    // Written evidence does not answer it: the flag asks for the log.
    evidence(&mut a, "y.b.1", "Cut p99 latency.");
    assert_eq!(unlinked(&a, &Log::default()), ["x.b.2", "y.b.1"]);
    assert_eq!(unlinked(&a, &linked(&[("e1", &["y.b.1"])])), ["x.b.2"]);
    assert!(unlinked(&a, &linked(&[("e1", &["y.b.1"]), ("e2", &["x.b.2"])])).is_empty());
    let flag = Flag::TopWithoutEntries {
        criteria: a.report(&rubric, &Log::default()).unwrap().strengths,
    };
    assert!(flag
        .message()
        .starts_with("2 criteria of your target level"));
    assert_eq!(
        flag.for_manager(),
        None,
        "a note to self, not a question for the manager"
    );
}

#[test]
fn target_above_current_is_flagged_per_area() {
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Sometimes);
    grade(&mut a, "x.b.1", Grade::Sometimes);
    assert_eq!(report(&a).flags, [], "equal is fine");
    grade(&mut a, "x.b.2", Grade::Consistently);
    // Impact's target is higher, but nothing at its current level is graded.
    grade(&mut a, "y.b.1", Grade::Sometimes);
    let flags = report(&a).flags;
    assert_eq!(
        flags.last(),
        Some(&Flag::TargetAboveCurrent {
            areas: vec!["Craft".into()]
        })
    );
    grade(&mut a, "y.a.1", Grade::NotYet);
    let flag = Flag::TargetAboveCurrent {
        areas: vec!["Craft".into(), "Impact".into()],
    };
    assert!(flag.message().contains("In Craft and Impact,"));
    assert_eq!(report(&a).flags.last(), Some(&flag));
}

#[test]
fn flag_messages_name_the_numbers() {
    let message = Flag::MostlyTop { top: 9, graded: 10 }.message();
    assert!(message.contains("9 of 10"), "{message}");
    assert!(message.contains("manager"), "{message}");
}

#[test]
fn comparisons_put_the_largest_disagreement_first() {
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Sometimes);
    grade_as(&mut a, "x.a.1", Perspective::Manager, Grade::Sometimes); // 0
    grade(&mut a, "x.a.2", Grade::Consistently);
    grade_as(&mut a, "x.a.2", Perspective::Manager, Grade::Beyond);
    grade_as(&mut a, "x.a.2", Perspective::Peer, Grade::Sometimes); // 2
    grade_as(&mut a, "y.a.1", Perspective::Peer, Grade::Consistently); // 0
    grade(&mut a, "x.b.1", Grade::Beyond);
    grade_as(&mut a, "x.b.1", Perspective::Manager, Grade::NotYet); // 3
    grade(&mut a, "x.b.2", Grade::NotYet);
    grade_as(&mut a, "x.b.2", Perspective::Peer, Grade::Sometimes); // 1
    grade(&mut a, "y.b.2", Grade::Beyond); // yours only
    grade_as(&mut a, "x.c.1", Perspective::Manager, Grade::Beyond); // outside
    let r = report(&a);
    let order: Vec<(&str, u8)> = (r.comparisons.iter())
        .map(|c| (c.criterion.as_str(), c.spread))
        .collect();
    assert_eq!(
        order,
        [
            ("x.b.1", 3),
            ("x.a.2", 2),
            ("x.b.2", 1),
            ("x.a.1", 0),
            ("y.a.1", 0)
        ]
    );
    // Grades recorded by hand from both perspectives: a column each.
    assert_eq!(r.others, ["Manager", "Peer"]);
    let first = &r.comparisons[0];
    let others: Vec<Option<Grade>> = first.others.iter().map(|g| g.grade).collect();
    assert_eq!(
        (first.mine, others),
        (Some(Grade::Beyond), vec![Some(Grade::NotYet), None])
    );
    assert_eq!(
        (first.area.as_str(), first.level.as_str()),
        ("Craft", "Level B")
    );
}

#[test]
fn far_apart_grades_are_flagged_in_the_report_order() {
    let mut a = at("a");
    // One step apart is an ordinary difference of view.
    grade(&mut a, "x.a.1", Grade::Consistently);
    evidence(&mut a, "x.a.1", "Shipped it.");
    grade_as(&mut a, "x.a.1", Perspective::Manager, Grade::Sometimes);
    // A manager and a peer far apart, without a grade of yours, is not
    // about your honesty.
    grade_as(&mut a, "x.a.2", Perspective::Manager, Grade::Beyond);
    grade_as(&mut a, "x.a.2", Perspective::Peer, Grade::NotYet);
    assert_eq!(report(&a).flags, []);

    grade(&mut a, "x.b.1", Grade::Beyond);
    grade_as(&mut a, "x.b.1", Perspective::Manager, Grade::Sometimes);
    grade(&mut a, "y.b.1", Grade::NotYet);
    grade_as(&mut a, "y.b.1", Perspective::Peer, Grade::Beyond);
    evidence(&mut a, "x.b.1", "Ran the incident review.");
    let flags = report(&a).flags;
    let [Flag::TopWithoutEntries { .. }, Flag::FarApart { criteria }] = flags.as_slice() else {
        panic!("{flags:?}");
    };
    let ids: Vec<(&str, u8)> = criteria
        .iter()
        .map(|c| (c.criterion.as_str(), c.spread))
        .collect();
    assert_eq!(ids, [("y.b.1", 3), ("x.b.1", 2)]);
    let message = flags[1].message();
    assert!(
        message.contains("two steps or more apart on 2 criteria"),
        "{message}"
    );
    assert!(flags[1]
        .for_manager()
        .unwrap()
        .starts_with("On 2 criteria, my grade"));
}

#[test]
fn the_honesty_check_says_nothing_before_there_is_something_to_judge() {
    let rubric = rubric();
    let nothing = at("a").report(&rubric, &Log::default()).unwrap();
    assert_eq!(nothing.graded(), 0);
    let words = nothing.honesty_summary().unwrap();
    assert!(!words.contains("Nothing stands out"), "{words}");
    assert!(words.contains("8 criteria; 8 to go"), "{words}");
    let few = graded(&rubric, 3, 4)
        .report(&rubric, &Log::default())
        .unwrap();
    assert!(few.honesty_summary().unwrap().contains("1 to go"));
    let enough = graded(&rubric, 3, 5)
        .report(&rubric, &Log::default())
        .unwrap();
    assert!(enough
        .honesty_summary()
        .unwrap()
        .starts_with("Nothing stands out"));
    let flagged = graded(&rubric, 8, 0)
        .report(&rubric, &Log::default())
        .unwrap();
    assert_eq!(
        flagged.honesty_summary(),
        None,
        "flags speak for themselves"
    );
}

#[test]
fn a_snapshot_records_the_percents_of_what_was_graded() {
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Consistently);
    evidence(&mut a, "x.a.1", "Yes.");
    grade(&mut a, "x.a.2", Grade::NotYet);
    grade(&mut a, "y.b.1", Grade::Sometimes);
    assert_eq!(
        report(&a).snapshot(NOV_21_2026_0605_UTC),
        Snapshot {
            at: NOV_21_2026_0605_UTC,
            track: "t".into(),
            current: "a".into(),
            target: Some("b".into()),
            overall: Percents {
                current: 50,
                target: Some(50),
            },
            areas: vec![
                AreaPercents {
                    area: "x".into(),
                    current: 50,
                    target: Some(0),
                },
                AreaPercents {
                    area: "y".into(),
                    current: 0,
                    target: Some(50),
                },
            ],
            label: String::new(),
        }
    );
    // An area with nothing graded at either level is left out.
    let mut b = at("a");
    grade(&mut b, "y.a.1", Grade::Sometimes);
    let areas = report(&b).snapshot(1).areas;
    assert_eq!(areas.len(), 1);
    assert_eq!(areas[0].area, "y");
    let mut top = at("c");
    grade(&mut top, "x.c.1", Grade::NotYet);
    let top = top.report(&rubric(), &Log::default()).unwrap().snapshot(7);
    assert_eq!((top.target, top.overall.target), (None, None));
    let json = serde_json::to_string(&top.areas[0]).unwrap();
    assert_eq!(json, r#"{"area":"x","current":0}"#);
}

#[test]
fn snapshots_can_be_labelled_and_deleted_with_undo() {
    use rungs::core::schema::{Change, Document};
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Sometimes);
    for at in [1, 2] {
        assert!(a.apply(Edit::AddSnapshot(report(&a).snapshot(at))));
    }
    let label = |at, label: &str| Edit::LabelSnapshot {
        at,
        label: label.into(),
    };
    assert!(a.apply(label(2, "  After the Q3 check-in ")));
    assert_eq!(a.snapshots[1].label, "After the Q3 check-in");
    assert!(!a.apply(label(2, "After the Q3 check-in")), "no change");
    assert!(!a.apply(label(9, "Nowhere")), "no such snapshot");
    let json = serde_json::to_string(&*a.snapshots[1]).unwrap();
    assert!(
        json.ends_with(r#""label":"After the Q3 check-in"}"#),
        "{json}"
    );
    assert!(!serde_json::to_string(&*a.snapshots[0])
        .unwrap()
        .contains("label"));

    let mut document = Document::default();
    document.assessment.edit(|assessment| {
        *assessment = a.clone();
        true
    });
    let delete = Edit::DeleteSnapshot { at: 1 };
    assert_eq!(
        delete.undo_label(&document).as_deref(),
        Some("Deleted a snapshot.")
    );
    assert_eq!(label(2, "x").undo_label(&document), None);
    let undo = delete.apply_to(&mut document).expect("a change");
    let left: Vec<u64> = document.assessment.snapshots.iter().map(|s| s.at).collect();
    assert_eq!(left, [2]);
    assert!(Edit::DeleteSnapshot { at: 1 }
        .apply_to(&mut document)
        .is_none());
    undo.apply_to(&mut document);
    assert_eq!(*document.assessment.value(), a);
}

/// An assessment for the report: Level A mostly met with evidence and
/// notes, Level B partly, a manager's view on one criterion.
fn reported() -> Assessment {
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Consistently);
    evidence(
        &mut a,
        "x.a.1",
        "Led the billing migration.\n\nWrote its runbook.",
    );
    a.apply(Edit::Note {
        criterion: "x.a.1".into(),
        text: "Ask Sam about the on-call load.".into(),
    });
    grade(&mut a, "x.a.2", Grade::Consistently);
    evidence(&mut a, "x.a.2", "Reviewed every payments change.");
    grade(&mut a, "x.b.1", Grade::NotYet);
    a.apply(Edit::Note {
        criterion: "x.b.1".into(),
        text: "Pairing with Ana on this.".into(),
    });
    grade(&mut a, "y.b.1", Grade::Beyond);
    evidence(&mut a, "y.b.1", "Cut p99 latency from 900 ms to 240 ms.");
    grade_as(&mut a, "x.a.1", Perspective::Manager, Grade::Sometimes);
    a
}

#[test]
fn the_report_is_written_to_a_manager_with_evidence_and_notes() {
    let rubric = rubric();
    let r = reported().report(&rubric, &Log::default()).unwrap();
    let md = r.markdown(&rubric, "21 Nov 2026", Include { notes: true });
    for line in [
        "# Promotion readiness: Level A to Level B",
        "Track: Test track · prepared 21 Nov 2026",
        "## Summary",
        "- **Level A, my current level:** 100% by my own grades, over the 2 of 4 criteria I have graded.",
        "- **Level B, the level I am aiming for:** 50% by my own grades, over the 2 of 4 criteria I have graded.",
        "| Area | Level A | Level B |",
        "| Craft | 100% (2 of 2 graded) | 0% (1 of 2 graded) |",
        "| Impact | \u{2013} (0 of 2 graded) | 100% (1 of 2 graded) |",
        "## Where I already work at the next level",
        "- **Impact · Level B:** Impact criterion 1 at b (Beyond)",
        "  - Evidence: Cut p99 latency from 900 ms to 240 ms.",
        "## What I am still working on",
        "- **Craft · Level B:** Craft criterion 1 at b (Not yet)",
        "  - Note: Pairing with Ana on this.",
        "I have not graded 2 criteria of Level B yet.",
        "## Where we see it differently",
        // A column for each who graded: here a manager only, by hand.
        "| Criterion | Me | Manager |",
        "| --- | --- | --- |",
        "| **Craft:** Craft criterion 1 at a | Consistently | Sometimes |",
        "## Every criterion, with my evidence",
        "### Level A",
        "**Craft**",
        "- Craft criterion 1 at a — me: Consistently · manager: Sometimes",
        "  - Evidence:",
        "    - Led the billing migration.",
        "    - Wrote its runbook.",
        "  - Note: Ask Sam about the on-call load.",
        "- Impact criterion 2 at a — not graded",
        "### Level B",
    ] {
        assert!(md.lines().any(|l| l == line), "no line {line:?} in\n{md}");
    }
    // Written to a manager: no on-screen verdicts, no advice to the user.
    for words in [
        "Not yet solid",
        "Early days",
        "start here",
        "Write down",
        "lower the grade",
    ] {
        assert!(!md.contains(words), "{words:?} in\n{md}");
    }
    assert!(!md.contains("## What I would like to calibrate"), "{md}");
    assert!(!md.contains("| Peer |"), "no peer graded: {md}");
    assert!(!md.contains("What reviewers wrote"), "no comments: {md}");

    let private = r.markdown(&rubric, "21 Nov 2026", Include { notes: false });
    assert!(!private.contains("Note:"), "{private}");
    assert!(
        private.contains("  - Evidence: Cut p99 latency"),
        "{private}"
    );

    let mut flagged = reported();
    grade(&mut flagged, "y.a.2", Grade::Beyond);
    let md = flagged.report(&rubric, &Log::default()).unwrap().markdown(
        &rubric,
        "today",
        Include { notes: true },
    );
    assert!(md.contains("## What I would like to calibrate with you\n\n- One criterion I graded “beyond” has no written evidence yet"), "{md}");
}

#[test]
fn markdown_escapes_rubric_and_user_text() {
    let mut rubric = rubric();
    rubric.tracks[0].areas[0].name = "Craft | Code".into();
    rubric.levels[1].name = "Level|B".into();
    let criterion = &mut rubric.tracks[0].areas[0].criteria[2]; // x.b.1
    assert_eq!(criterion.id, "x.b.1");
    criterion.text = "Picks a | b\n# Heading *now*".into();
    let mut a = at("a");
    grade(&mut a, "x.b.1", Grade::NotYet);
    grade_as(&mut a, "x.b.1", Perspective::Peer, Grade::Beyond);
    evidence(&mut a, "x.b.1", "# Not a heading\n- [link](javascript:x)");
    let md = a.report(&rubric, &Log::default()).unwrap().markdown(
        &rubric,
        "today",
        Include { notes: true },
    );
    assert!(
        md.contains(r"- **Craft \| Code · Level\|B:** Picks a \| b # Heading \*now\* (Not yet)"),
        "{md}"
    );
    assert!(md.contains(r"| Area | Level A | Level\|B |"), "{md}");
    assert!(md.contains(r"    - # Not a heading"), "{md}");
    assert!(md.contains(r"    - - \[link\](javascript:x)"), "{md}");
    assert!(
        !md.lines()
            .any(|l| l.starts_with('#') && l.contains("Heading")),
        "{md}"
    );
    // Every table row has as many cells as its header.
    let cells = |line: &str| line.replace(r"\|", "").matches('|').count();
    for table in md.split("\n\n").filter(|block| block.starts_with('|')) {
        let header = cells(table.lines().next().unwrap());
        assert!(table.lines().all(|row| cells(row) == header), "{table}");
    }
}

#[test]
fn the_formula_is_a_few_plain_sentences() {
    assert!((3..=5).contains(&FORMULA.len()));
    assert!(FORMULA.iter().all(|s| s.ends_with('.')));
}

#[test]
fn serialises_compactly_and_round_trips() {
    assert_eq!(serde_json::to_string(&Assessment::default()).unwrap(), "{}");
    assert_eq!(
        serde_json::from_str::<Assessment>("{}").unwrap(),
        Assessment::default()
    );

    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::NotYet);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        r#"{"current":"a","ratings":{"x.a.1":{"mine":"not-yet"}}}"#
    );

    a.apply(Edit::Track("t".into()));
    a.apply(Edit::Target(Some("c".into())));
    grade_as(&mut a, "x.a.1", Perspective::Manager, Grade::Beyond);
    grade_as(&mut a, "y.b.2", Perspective::Peer, Grade::Sometimes);
    evidence(&mut a, "x.a.1", "Wrote \"the\" runbook.\nTwice.");
    a.apply(Edit::Note {
        criterion: "y.b.1".into(),
        text: "Ask Sam".into(),
    });
    let snapshot = report(&a).snapshot(NOV_21_2026_0605_UTC);
    a.apply(Edit::AddSnapshot(snapshot));
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(serde_json::from_str::<Assessment>(&json).unwrap(), a);

    for unknown in [
        r#"{"level":"a"}"#,
        r#"{"ratings":{"x":{"mine":"sometimes","score":1}}}"#,
        r#"{"ratings":{"x":{"mine":"great"}}}"#,
    ] {
        assert!(
            serde_json::from_str::<Assessment>(unknown).is_err(),
            "{unknown}"
        );
    }
}

#[test]
fn level_diff_sets_two_levels_side_by_side() {
    let rubric = rubric();
    let track = &rubric.tracks[0];
    let diff = level_diff(track, &rubric.levels[0], &rubric.levels[2]);
    let areas: Vec<&str> = diff.iter().map(|d| d.area.id.as_str()).collect();
    assert_eq!(areas, ["x", "y"]);
    let current: Vec<&str> = diff[1].current.iter().map(|c| c.id.as_str()).collect();
    let target: Vec<&str> = diff[1].target.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        (current, target),
        (vec!["y.a.1", "y.a.2"], vec!["y.c.1", "y.c.2"])
    );
}

#[test]
fn the_built_in_rubric_diffs_every_level_pair_of_every_track() {
    let rubric: Rubric =
        toml::from_str(include_str!("../src/content/rubric.toml")).expect("rubric.toml parses");
    for track in &rubric.tracks {
        for current in &rubric.levels {
            for target in rubric.levels.iter().filter(|t| t.id != current.id) {
                let diff = level_diff(track, current, target);
                assert_eq!(diff.len(), track.areas.len());
                for (d, area) in diff.iter().zip(&track.areas) {
                    assert_eq!(d.area.id, area.id);
                    assert!(
                        !d.current.is_empty() && !d.target.is_empty(),
                        "{} / {}: {} → {}",
                        track.id,
                        area.id,
                        current.id,
                        target.id
                    );
                    assert!(d.current.iter().all(|c| c.level == current.id));
                    assert!(d.target.iter().all(|c| c.level == target.id));
                }
            }
        }
    }
}

#[test]
fn the_levels_to_aim_for_are_those_above_the_current_one() {
    let rubric = rubric();
    let ids = |id: &str| -> Vec<String> { rubric.levels_above(id).map(|l| l.id.clone()).collect() };
    assert_eq!(ids("a"), ["b", "c"]);
    assert_eq!(ids("c"), Vec::<String>::new());
    assert_eq!(ids("nope"), Vec::<String>::new());
}

#[test]
fn snapshots_on_the_same_day_are_told_apart_by_their_time_and_label() {
    use rungs::core::assessment::snapshot_names;
    use std::rc::Rc;
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Sometimes);
    let hour = 3_600_000;
    // 21 Nov 06:05 and 09:05 UTC, and 22 Nov 06:05.
    for at in [
        NOV_21_2026_0605_UTC,
        NOV_21_2026_0605_UTC + 3 * hour,
        NOV_21_2026_0605_UTC + 24 * hour,
    ] {
        a.apply(Edit::AddSnapshot(report(&a).snapshot(at)));
    }
    assert_eq!(
        snapshot_names(&a.snapshots, 0),
        ["21 Nov 2026, 06:05", "21 Nov 2026, 09:05", "22 Nov 2026"]
    );
    // At UTC−7, the first two fall on 20 Nov and 21 Nov: different days.
    assert_eq!(
        snapshot_names(&a.snapshots, -7 * 60),
        ["20 Nov 2026", "21 Nov 2026, 02:05", "21 Nov 2026, 23:05"]
    );
    a.apply(Edit::LabelSnapshot {
        at: NOV_21_2026_0605_UTC + 24 * hour,
        label: "After the check-in".into(),
    });
    assert_eq!(
        snapshot_names(&a.snapshots, 0)[2],
        "After the check-in, 22 Nov 2026"
    );
    assert_eq!(
        snapshot_names(&[Rc::new(report(&a).snapshot(1))], 0),
        ["1 Jan 1970"]
    );
}

#[test]
fn a_criterion_that_does_not_apply_is_left_out_of_readiness() {
    let not_applicable = |a: &mut Assessment, id: &str, yes: bool| {
        a.apply(Edit::NotApplicable {
            criterion: id.into(),
            not_applicable: yes,
        })
    };
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Beyond);
    grade(&mut a, "x.b.1", Grade::NotYet);
    // Saying it does not apply clears your grade, and takes it out of
    // both the figure and the count of criteria.
    assert!(not_applicable(&mut a, "x.a.1", true));
    assert!(!not_applicable(&mut a, "x.a.1", true), "no change");
    let rating = a.rating("x.a.1").unwrap();
    assert_eq!((rating.mine, rating.not_applicable), (None, true));
    assert!(not_applicable(&mut a, "x.b.1", true));
    let r = report(&a);
    assert_eq!(
        area(&r, "x").current,
        Score {
            earned: 0,
            graded: 0,
            total: 1,
            excluded: 1
        }
    );
    assert_eq!(
        area(&r, "x").current.coverage(),
        "0 of 1 graded, 1 does not apply"
    );
    assert_eq!(r.overall_target.unwrap().excluded, 1);
    assert_eq!(r.unassessed_target, 3, "not counted as still to grade");
    assert!(r.gaps.is_empty(), "not a gap");
    // An area where nothing applies is not 0%.
    assert!(not_applicable(&mut a, "x.a.2", true));
    let craft = area(&report(&a), "x").current;
    assert_eq!(
        (craft.percent(), craft.coverage()),
        (None, "none apply to your role".to_owned())
    );
    assert_eq!(craft.verdict(Stage::Current), None);
    // "Not assessed" says it applies after all, and so does a grade.
    assert!(a.apply(Edit::Grade {
        criterion: "x.a.2".into(),
        perspective: Perspective::Mine,
        grade: None,
    }));
    assert!(!a.rating("x.a.2").is_some_and(|r| r.not_applicable));
    assert!(not_applicable(&mut a, "x.a.2", true));
    grade(&mut a, "x.a.1", Grade::Sometimes);
    assert!(!a.rating("x.a.1").unwrap().not_applicable);
    assert_eq!(area(&report(&a), "x").current.percent(), Some(50));
    // Stored compactly; a grade stored beside it (two tabs combined) is not read.
    let json = serde_json::to_string(a.rating("x.a.2").unwrap()).unwrap();
    assert_eq!(json, r#"{"not_applicable":true}"#);
    let both: Rating = serde_json::from_str(r#"{"mine":"beyond","not_applicable":true}"#).unwrap();
    assert_eq!(both.grade(Perspective::Mine), None);
}

#[test]
fn an_area_with_nothing_at_a_level_says_so() {
    let mut rubric = rubric();
    rubric.tracks[0].areas[1]
        .criteria
        .retain(|c| c.level != "b");
    let r = at("a").report(&rubric, &Log::default()).unwrap();
    let impact = area(&r, "y").target.unwrap();
    assert_eq!(
        (impact.percent(), impact.coverage()),
        (None, "nothing at this level".to_owned())
    );
    assert_eq!(impact.percent_label(), "\u{2013}");
    assert_eq!(
        impact.standing(Stage::Target),
        "No verdict: there is nothing to grade here."
    );
}

#[test]
fn the_report_says_which_criteria_do_not_apply() {
    let rubric = rubric();
    let mut a = at("a");
    a.apply(Edit::NotApplicable {
        criterion: "y.a.1".into(),
        not_applicable: true,
    });
    let md = a.report(&rubric, &Log::default()).unwrap().markdown(
        &rubric,
        "today",
        Include { notes: true },
    );
    assert!(
        md.contains("- Impact criterion 1 at a — does not apply to my role\n"),
        "{md}"
    );
    assert!(
        md.contains("| Impact | \u{2013} (0 of 1 graded, 1 does not apply) |"),
        "{md}"
    );
}

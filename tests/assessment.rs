//! Native tests of the readiness self-assessment in
//! `rungs::core::assessment`, mostly against a small hand-made rubric.
#![cfg(not(target_arch = "wasm32"))]

use rungs::core::assessment::{
    current_verdict, level_diff, target_verdict, AreaPercents, AreaReport, Assessment, Edit, Flag,
    Grade, Percents, Perspective, Rating, Report, Score, Snapshot, FORMULA,
};
use rungs::core::rubric::{Area, Criterion, Level, Rubric, Track};
use rungs::core::time::DateTime;

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
                })
            })
            .collect(),
    };
    Rubric {
        id: "test".into(),
        name: "Test ladder".into(),
        description: "Three rungs.".into(),
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
    a.report(&rubric()).expect("a current level is chosen")
}

fn area<'a>(report: &'a Report, id: &str) -> &'a AreaReport {
    report.areas.iter().find(|a| a.id == id).expect("area")
}

fn ids<'a>(criteria: impl IntoIterator<Item = &'a String>) -> Vec<&'a str> {
    criteria.into_iter().map(String::as_str).collect()
}

fn score(earned: u32, possible: u32, graded: u32, total: u32) -> Score {
    Score {
        earned,
        possible,
        graded,
        total,
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
fn percent_rounds_half_up() {
    let percent = |earned, possible| score(earned, possible, 0, 0).percent();
    assert_eq!(percent(0, 0), 0);
    assert_eq!(percent(1, 8), 13); // 12.5
    assert_eq!(percent(3, 8), 38); // 37.5
    assert_eq!(percent(1, 6), 17); // 16.67
    assert_eq!(percent(1, 3), 33); // 33.33
    assert_eq!(percent(1, 200), 1); // 0.5
    assert_eq!(percent(1, 201), 0); // 0.498
    assert_eq!(percent(8, 8), 100);
    assert!(score(0, 8, 2, 2).complete());
    assert!(!score(0, 8, 1, 2).complete());
}

#[test]
fn credit_is_counted_in_quarters_and_evidence_completes_a_top_grade() {
    let mut a = at("a");
    let craft_now = |a: &Assessment| {
        let current = area(&report(a), "x").current;
        (current.earned, current.percent())
    };
    assert_eq!(craft_now(&a), (0, 0));
    grade(&mut a, "x.a.1", Grade::Sometimes);
    assert_eq!(craft_now(&a), (2, 25));
    grade(&mut a, "x.a.1", Grade::Consistently);
    assert_eq!(craft_now(&a), (3, 38));
    evidence(&mut a, "x.a.1", "  \n ");
    assert_eq!(craft_now(&a), (3, 38), "whitespace is not evidence");
    evidence(&mut a, "x.a.1", "Led the billing migration.");
    assert_eq!(craft_now(&a), (4, 50));
    grade(&mut a, "x.a.1", Grade::Beyond);
    assert_eq!(craft_now(&a), (4, 50), "beyond counts like consistently");
    evidence(&mut a, "x.a.1", "");
    assert_eq!(craft_now(&a), (3, 38));
    grade(&mut a, "x.a.1", Grade::NotYet);
    assert_eq!(craft_now(&a), (0, 0));
    assert_eq!(area(&report(&a), "x").current.graded, 1);
}

#[test]
fn unassessed_criteria_count_as_zero_and_coverage_shows_them() {
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Consistently);
    evidence(&mut a, "x.a.1", "Shipped it.");
    let r = report(&a);
    assert_eq!(area(&r, "x").current, score(4, 8, 1, 2));
    assert_eq!(area(&r, "x").target, Some(score(0, 8, 0, 2)));
    assert_eq!(area(&r, "y").current, score(0, 8, 0, 2));
    assert_eq!(r.overall_current, score(4, 16, 1, 4));
    assert_eq!(r.overall_current.percent(), 25);
    assert!(!r.overall_current.complete());
    assert_eq!(r.overall_target, Some(score(0, 16, 0, 4)));
    assert_eq!(r.unassessed_target, 4);
}

#[test]
fn overall_weighs_every_criterion_not_every_area_the_same() {
    let mut rubric = rubric();
    rubric.tracks[0].areas[0].criteria.push(Criterion {
        id: "x.a.3".into(),
        level: "a".into(),
        text: "A third Craft criterion at a".into(),
    });
    let mut a = at("a");
    for id in ["x.a.1", "x.a.2", "x.a.3"] {
        grade(&mut a, id, Grade::Consistently);
        evidence(&mut a, id, "Seen it.");
    }
    let r = a.report(&rubric).unwrap();
    assert_eq!(area(&r, "x").current.percent(), 100);
    assert_eq!(area(&r, "y").current.percent(), 0);
    // 12 of 20 quarters; the mean of the two areas would be 50%.
    assert_eq!(r.overall_current, score(12, 20, 3, 5));
    assert_eq!(r.overall_current.percent(), 60);
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
    assert_eq!(Assessment::default().report(&rubric), None);

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
    let r = top.report(&rubric).unwrap();
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

    let snapshot = at("a").report(&rubric()).unwrap().snapshot(1);
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
    let after = a.report(&reworded).unwrap();
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
    let report = a.report(rubric).unwrap();
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
    grade(&mut a, "y.b.1", Grade::Beyond);
    let flag = Flag::BeyondWithoutEvidence { count: 1 };
    assert!(flag.message().starts_with("One criterion"));
    assert_eq!(report(&a).flags, [flag]);
    grade(&mut a, "y.b.2", Grade::Beyond);
    let flag = Flag::BeyondWithoutEvidence { count: 2 };
    assert!(flag.message().starts_with("2 criteria"));
    assert_eq!(report(&a).flags, [flag]);
}

#[test]
fn target_above_current_is_flagged_per_area() {
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Sometimes);
    grade(&mut a, "x.b.1", Grade::Sometimes);
    assert_eq!(report(&a).flags, [], "equal is fine");
    grade(&mut a, "x.b.2", Grade::Sometimes);
    // Impact's target is higher, but nothing at its current level is graded.
    grade(&mut a, "y.b.1", Grade::Sometimes);
    let flags = report(&a).flags;
    assert_eq!(
        flags,
        [Flag::TargetAboveCurrent {
            areas: vec!["Craft".into()]
        }]
    );
    grade(&mut a, "y.a.1", Grade::NotYet);
    let flag = Flag::TargetAboveCurrent {
        areas: vec!["Craft".into(), "Impact".into()],
    };
    assert!(flag.message().contains("In Craft and Impact,"));
    assert_eq!(report(&a).flags, [flag]);
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
    let first = &r.comparisons[0];
    assert_eq!(
        (first.mine, first.manager, first.peer),
        (Some(Grade::Beyond), Some(Grade::NotYet), None)
    );
    assert_eq!(
        (first.area.as_str(), first.level.as_str()),
        ("Craft", "Level B")
    );
}

#[test]
fn a_snapshot_records_the_percents() {
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Consistently);
    evidence(&mut a, "x.a.1", "Yes.");
    grade(&mut a, "y.b.1", Grade::Sometimes);
    assert_eq!(
        report(&a).snapshot(NOV_21_2026_0605_UTC),
        Snapshot {
            at: NOV_21_2026_0605_UTC,
            track: "t".into(),
            current: "a".into(),
            target: Some("b".into()),
            overall: Percents {
                current: 25,
                target: Some(13),
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
                    target: Some(25),
                },
            ],
        }
    );
    let top = at("c").report(&rubric()).unwrap().snapshot(7);
    assert_eq!((top.target, top.overall.target), (None, None));
    let json = serde_json::to_string(&top.areas[0]).unwrap();
    assert_eq!(json, r#"{"area":"x","current":0}"#);
}

#[test]
fn markdown_has_the_key_lines() {
    let mut a = at("a");
    grade(&mut a, "x.a.1", Grade::Consistently);
    evidence(&mut a, "x.a.1", "Yes.");
    grade(&mut a, "x.a.2", Grade::Consistently);
    evidence(&mut a, "x.a.2", "Yes.");
    grade(&mut a, "x.b.1", Grade::NotYet);
    grade(&mut a, "y.b.1", Grade::Beyond);
    evidence(&mut a, "y.b.1", "Yes.");
    let date = DateTime::at(NOV_21_2026_0605_UTC, 0).date_label();
    let md = report(&a).markdown(&date);
    for line in [
        "# Promotion readiness",
        "Date: 21 Nov 2026 · Track: Test track · Level: Level A → Level B",
        "- **Current level, Level A:** 50% — Not yet solid: start here before the next level. (2 of 4 criteria graded)",
        "- **Target level, Level B:** 25% — Early days. (2 of 4 criteria graded)",
        "| Area | Level A | Level B |",
        "| Craft | 100% | 0% |",
        "| Impact | 0% | 50% |",
        "## Gaps",
        "- **Craft** — Craft criterion 1 at b (Not yet)",
        "2 criteria of Level B not graded yet.",
        "## Strengths",
        "- **Impact** — Impact criterion 1 at b (Beyond at Level B)",
        "## Honesty check",
        "Nothing was flagged.",
    ] {
        assert!(md.lines().any(|l| l == line), "no line {line:?} in\n{md}");
    }
    assert!(!md.contains("## Where others see it differently"), "{md}");
    assert!(md.trim_end().ends_with("earn nothing.*"), "{md}");

    grade_as(&mut a, "x.a.1", Perspective::Manager, Grade::Sometimes);
    grade(&mut a, "y.a.2", Grade::Beyond);
    let md = report(&a).markdown(&date);
    for line in [
        "## Where others see it differently",
        "| Criterion | You | Manager | Peer |",
        "| **Craft:** Craft criterion 1 at a | Consistently | Sometimes | — |",
        "- One criterion graded “beyond” has no evidence yet. Write down an example that shows it, or lower the grade.",
    ] {
        assert!(md.lines().any(|l| l == line), "no line {line:?} in\n{md}");
    }
    assert!(!md.contains("Nothing was flagged."));
}

#[test]
fn markdown_escapes_rubric_text() {
    let mut rubric = rubric();
    rubric.tracks[0].areas[0].name = "Craft | Code".into();
    rubric.levels[1].name = "Level|B".into();
    let criterion = &mut rubric.tracks[0].areas[0].criteria[2]; // x.b.1
    assert_eq!(criterion.id, "x.b.1");
    criterion.text = "Picks a | b\n# Heading *now*".into();
    let mut a = at("a");
    grade(&mut a, "x.b.1", Grade::NotYet);
    grade_as(&mut a, "x.b.1", Perspective::Peer, Grade::Beyond);
    let md = a.report(&rubric).unwrap().markdown("today");
    assert!(
        md.contains(r"- **Craft \| Code** — Picks a \| b # Heading \*now\* (Not yet)"),
        "{md}"
    );
    assert!(md.contains(r"| Area | Level A | Level\|B |"), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("# Heading")), "{md}");
    // Every table row has as many cells as its header.
    let cells = |line: &str| line.replace(r"\|", "").matches('|').count();
    for table in md.split("\n\n").filter(|block| block.starts_with('|')) {
        let header = cells(table.lines().next().unwrap());
        assert!(table.lines().all(|row| cells(row) == header), "{table}");
    }
}

#[test]
fn verdicts_change_at_their_thresholds() {
    for (at, below) in [(85, 84), (60, 59)] {
        assert_ne!(current_verdict(at), current_verdict(below));
    }
    assert_eq!(current_verdict(100), current_verdict(85));
    assert_eq!(current_verdict(0), current_verdict(59));
    for (at, below) in [(85, 84), (60, 59), (30, 29)] {
        assert_ne!(target_verdict(at), target_verdict(below));
    }
    assert_eq!(target_verdict(0), target_verdict(29));
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

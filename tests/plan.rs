//! Native tests of the development plan: `Plan::apply` and the schedule in
//! `rungs::core::plan`, progress, overdue items and the timeline in
//! `rungs::core::progress`, and the Markdown export in
//! `rungs::core::export::plan`.
#![cfg(not(target_arch = "wasm32"))]

use rungs::core::assessment::{Assessment, Edit as AssessmentEdit};
use rungs::core::export::file_name;
use rungs::core::export::plan::*;
use rungs::core::plan::*;
use rungs::core::progress::*;
use rungs::core::rubric::{Area, Criterion, Level, Rubric, Track};
use rungs::core::schema::{Change, Document};
use rungs::core::time::*;

/// A list of shared items, as the plan keeps them.
macro_rules! shared {
    ($($item:expr),* $(,)?) => {
        vec![$(rungs::core::part::Item::new($item)),*]
    };
}

fn d(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("{text} is not a date"))
}

/// Saturday 21 Nov 2026.
fn today() -> Date {
    d("2026-11-21")
}

fn goal(id: &str, outcome: &str) -> Goal {
    Goal {
        id: id.into(),
        outcome: outcome.into(),
        ..Goal::default()
    }
}

fn milestone(id: &str, title: &str, due: Option<&str>, done: Option<&str>) -> Milestone {
    Milestone {
        id: id.into(),
        title: title.into(),
        due: due.map(d),
        done: done.map(d),
    }
}

/// A goal with `done` of its `total` milestones ticked off.
fn goal_with(done: usize, total: usize) -> Goal {
    Goal {
        milestones: (0..total)
            .map(|i| {
                milestone(
                    &format!("m{i}"),
                    "Step",
                    None,
                    (i < done).then_some("2026-11-01"),
                )
            })
            .collect(),
        ..goal("g", "Goal")
    }
}

fn item(id: &str, text: &str) -> WeekItem {
    WeekItem {
        id: id.into(),
        text: text.into(),
        ..WeekItem::default()
    }
}

fn ids(plan: &Plan) -> Vec<&str> {
    plan.goals.iter().map(|g| g.id.as_str()).collect()
}

fn week_starts(plan: &Plan) -> Vec<String> {
    plan.weeks.iter().map(|w| w.start.unwrap().iso()).collect()
}

// ---------------------------------------------------------------- apply --

#[test]
fn saving_a_goal_adds_it_then_updates_only_its_smart_parts() {
    let mut plan = Plan::default();
    assert!(plan.apply(PlanEdit::SaveGoal(Goal {
        started: Some(d("2026-11-01")),
        ..goal("g1", "Lead the migration")
    })));
    assert_eq!(ids(&plan), ["g1"]);
    assert!(plan.apply(PlanEdit::SaveMilestone {
        goal: "g1".into(),
        milestone: milestone("m1", "RFC", None, None),
    }));
    assert!(plan.apply(PlanEdit::SetGoalDone {
        goal: "g1".into(),
        done: Some(d("2026-11-20")),
    }));

    // The form knows nothing of milestones, start or done: they are kept.
    let edited = Goal {
        metric: "p95 latency".into(),
        due: Some(d("2027-03-01")),
        ..goal("g1", "Lead the billing migration")
    };
    assert!(plan.apply(PlanEdit::SaveGoal(edited.clone())));
    let saved = plan.goal("g1").unwrap();
    assert_eq!(saved.outcome, "Lead the billing migration");
    assert_eq!(saved.metric, "p95 latency");
    assert_eq!(saved.due, Some(d("2027-03-01")));
    assert_eq!(saved.milestones, [milestone("m1", "RFC", None, None)]);
    assert_eq!(saved.started, Some(d("2026-11-01")));
    assert_eq!(saved.done, Some(d("2026-11-20")));
    assert_eq!(plan.goals.len(), 1);

    // Saving the same again changes nothing.
    let before = plan.clone();
    plan.apply(PlanEdit::SaveGoal(edited));
    assert_eq!(plan, before);
}

#[test]
fn saving_an_unchanged_goal_reports_no_change() {
    let mut plan = Plan::default();
    let form = Goal {
        due: Some(d("2027-03-01")),
        ..goal("g", "Lead the migration")
    };
    assert!(plan.apply(PlanEdit::SaveGoal(form.clone())));
    assert!(!plan.apply(PlanEdit::SaveGoal(form.clone())));
    plan.apply(PlanEdit::SetGoalDone {
        goal: "g".into(),
        done: Some(today()),
    });
    assert!(!plan.apply(PlanEdit::SaveGoal(form.clone())));
    // Its milestones are not part of the form either: still no change.
    plan.apply(PlanEdit::SaveMilestone {
        goal: "g".into(),
        milestone: milestone("m", "Step", None, None),
    });
    let before = plan.clone();
    assert!(
        !plan.apply(PlanEdit::SaveGoal(form)),
        "a no-op save of a goal with milestones must return false"
    );
    assert_eq!(plan, before);
}

#[test]
fn a_deleted_goal_is_restored_where_it_was() {
    let mut document = Document::default();
    for id in ["a", "b", "c"] {
        document.apply(PlanEdit::SaveGoal(goal(id, id)));
    }
    let b = Goal {
        milestones: vec![milestone("m", "Step", None, None)],
        ..(**document.plan.goal("b").unwrap()).clone()
    };
    document.apply(PlanEdit::SaveMilestone {
        goal: "b".into(),
        milestone: b.milestones[0].clone(),
    });
    let delete = PlanEdit::DeleteGoal("b".into());
    assert_eq!(
        delete.undo_label(&document).as_deref(),
        Some("Deleted the goal “b”.")
    );
    let undo = document.apply(delete.clone()).expect("deleted");
    assert_eq!(ids(&document.plan), ["a", "c"]);
    assert!(document.apply(delete).is_none());
    assert!(document.apply(undo.clone()).is_some());
    assert_eq!(ids(&document.plan), ["a", "b", "c"]);
    assert_eq!(*document.plan.goals[1], b);
    // Restoring twice does not duplicate it.
    assert!(document.apply(undo).is_none());
    assert_eq!(ids(&document.plan), ["a", "b", "c"]);
}

#[test]
fn milestones_are_added_updated_ticked_off_and_deleted() {
    let mut plan = Plan::default();
    plan.apply(PlanEdit::SaveGoal(goal("g", "Goal")));
    let save = |m: Milestone| PlanEdit::SaveMilestone {
        goal: "g".into(),
        milestone: m,
    };
    assert!(plan.apply(save(milestone("m1", "Draft", None, None))));
    assert!(plan.apply(save(milestone("m2", "Ship", None, None))));
    assert!(!plan.apply(save(milestone("m1", "Draft", None, None))));
    assert!(plan.apply(save(milestone(
        "m1",
        "Draft the RFC",
        Some("2026-12-01"),
        None
    ))));
    assert_eq!(
        plan.goal("g").unwrap().milestones,
        [
            milestone("m1", "Draft the RFC", Some("2026-12-01"), None),
            milestone("m2", "Ship", None, None)
        ]
    );

    let done = |id: &str, done: Option<Date>| PlanEdit::SetMilestoneDone {
        goal: "g".into(),
        milestone: id.into(),
        done,
    };
    assert!(plan.apply(done("m1", Some(today()))));
    assert!(!plan.apply(done("m1", Some(today()))));
    assert_eq!(plan.goal("g").unwrap().milestones[0].done, Some(today()));
    assert!(plan.apply(done("m1", None)));
    assert!(!plan.apply(done("nope", Some(today()))));

    let delete = |id: &str| PlanEdit::DeleteMilestone {
        goal: "g".into(),
        milestone: id.into(),
    };
    assert!(plan.apply(delete("m1")));
    assert!(!plan.apply(delete("m1")));
    assert_eq!(plan.goal("g").unwrap().milestones.len(), 1);
    assert!(!plan.apply(PlanEdit::SaveMilestone {
        goal: "nope".into(),
        milestone: milestone("m9", "Lost", None, None),
    }));
}

#[test]
fn a_follow_up_becomes_a_milestone_once() {
    let mut plan = Plan::default();
    plan.apply(PlanEdit::SaveGoal(goal("g", "Goal")));
    plan.apply(PlanEdit::SaveCheckIn(CheckIn {
        id: "c".into(),
        date: Some(today()),
        followups: vec![FollowUp {
            id: "f".into(),
            text: "Write the RFC".into(),
            milestone: None,
        }],
        ..CheckIn::default()
    }));
    let edit = |goal: &str, m: &str| PlanEdit::FollowUpToMilestone {
        checkin: "c".into(),
        followup: "f".into(),
        goal: goal.into(),
        milestone: milestone(m, "Write the RFC", None, None),
    };

    // An unknown goal changes nothing, and leaves the follow-up unlinked.
    assert!(!plan.apply(edit("nope", "m1")));
    assert_eq!(plan.checkins[0].followups[0].milestone, None);

    assert!(plan.apply(edit("g", "m1")));
    assert_eq!(
        plan.goal("g").unwrap().milestones,
        [milestone("m1", "Write the RFC", None, None)]
    );
    assert_eq!(
        plan.checkins[0].followups[0].milestone,
        Some(("g".into(), "m1".into()))
    );

    assert!(!plan.apply(edit("g", "m2")));
    assert_eq!(plan.goal("g").unwrap().milestones.len(), 1);
}

#[test]
fn weeks_stay_sorted_by_their_start() {
    let mut plan = Plan::default();
    for (week, id) in [
        ("2026-11-30", "c"),
        ("2026-11-16", "a"),
        ("2026-11-23", "b"),
    ] {
        assert!(plan.apply(PlanEdit::AddWeekItem {
            week: d(week),
            item: item(id, id),
        }));
    }
    assert!(plan.apply(PlanEdit::AddWeekItem {
        week: d("2026-11-16"),
        item: item("a2", "a2"),
    }));
    assert!(!plan.apply(PlanEdit::AddWeekItem {
        week: d("2026-11-16"),
        item: item("a", "again"),
    }));
    assert_eq!(
        week_starts(&plan),
        ["2026-11-16", "2026-11-23", "2026-11-30"]
    );
    assert_eq!(plan.week(d("2026-11-16")).unwrap().items.len(), 2);
}

#[test]
fn carrying_an_item_over_copies_it_into_next_week_once() {
    let (this, next) = (d("2026-11-16"), d("2026-11-23"));
    let mut plan = Plan::default();
    plan.apply(PlanEdit::AddWeekItem {
        week: this,
        item: item("a", "Draft the RFC"),
    });
    let review = |plan: &mut Plan, week: Date, id: &str, status: Status, copy: &str| {
        plan.apply(PlanEdit::ReviewWeekItem {
            week,
            item: id.into(),
            status,
            copy_id: copy.into(),
        })
    };

    assert!(review(&mut plan, this, "a", Status::Carried, "a1"));
    let copy = WeekItem {
        id: "a1".into(),
        text: "Draft the RFC".into(),
        status: Status::Open,
        carried_from: Some("a".into()),
    };
    assert_eq!(plan.week(next).unwrap().items, [copy]);
    assert!(!review(&mut plan, this, "a", Status::Carried, "a2"));

    // Changing the review takes the unreviewed copy back, and its week too.
    assert!(review(&mut plan, this, "a", Status::NotDone, "x"));
    assert_eq!(plan.week(next), None);
    assert_eq!(week_starts(&plan), ["2026-11-16"]);

    // Carried again: one copy. Once the copy is reviewed it stays.
    assert!(review(&mut plan, this, "a", Status::Carried, "a3"));
    assert!(review(&mut plan, next, "a3", Status::Done, "x"));
    assert!(review(&mut plan, this, "a", Status::Done, "x"));
    assert!(review(&mut plan, this, "a", Status::Carried, "a4"));
    let items = &plan.week(next).unwrap().items;
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].id, "a3");
    assert_eq!(items[0].status, Status::Done);
}

#[test]
fn deleting_the_last_item_of_a_week_removes_the_week() {
    let mut plan = Plan::default();
    for (week, id) in [
        ("2026-11-16", "a"),
        ("2026-11-16", "b"),
        ("2026-11-23", "c"),
    ] {
        plan.apply(PlanEdit::AddWeekItem {
            week: d(week),
            item: item(id, id),
        });
    }
    let delete = |week: &str, id: &str| PlanEdit::DeleteWeekItem {
        week: d(week),
        item: id.into(),
    };
    assert!(plan.apply(delete("2026-11-16", "a")));
    assert_eq!(week_starts(&plan), ["2026-11-16", "2026-11-23"]);
    assert!(plan.apply(delete("2026-11-16", "b")));
    assert_eq!(week_starts(&plan), ["2026-11-23"]);
    assert!(!plan.apply(delete("2026-11-16", "b")));
    assert!(!plan.apply(delete("2026-11-23", "zzz")));
}

#[test]
fn new_ids_are_base36_times_with_a_suffix_on_collision() {
    let mut plan = Plan::default();
    assert_eq!(new_id(&plan, "g", 0), "g0");
    assert_eq!(new_id(&plan, "g", 35), "gz");
    assert_eq!(new_id(&plan, "g", 36), "g10");
    assert_eq!(new_id(&plan, "m", 1_795_241_100_000), "mmwq0765c");
    plan.apply(PlanEdit::SaveGoal(goal("g10", "A")));
    assert_eq!(new_id(&plan, "g", 36), "g10-2");
    plan.apply(PlanEdit::SaveMilestone {
        goal: "g10".into(),
        milestone: milestone("g10-2", "B", None, None),
    });
    assert_eq!(new_id(&plan, "g", 36), "g10-3");
    assert_eq!(new_id(&plan, "w", 36), "w10");
}

#[test]
fn the_next_check_in_follows_the_schedule() {
    // From a Saturday, on Tuesdays: the first is Tue 24 Nov 2026.
    let schedule = |every: u8| Schedule {
        id: "s".into(),
        every,
        weekday: Weekday::Tuesday,
        time: 9 * 60 + 30,
        length: 30,
        with: "Dana".into(),
        from: today(),
    };
    let two = schedule(2);
    assert_eq!(two.first(), d("2026-11-24"));
    assert_eq!(two.time_label(), "09:30");
    let cases = [
        ("2026-11-01", "2026-11-24"), // before the series
        ("2026-11-21", "2026-11-24"), // its `from` day
        ("2026-11-24", "2026-11-24"), // the first day
        ("2026-11-25", "2026-12-08"), // between occurrences
        ("2026-12-01", "2026-12-08"), // an off week
        ("2026-12-08", "2026-12-08"), // on an occurrence
        ("2026-12-09", "2026-12-22"),
    ];
    for (on, next) in cases {
        assert_eq!(two.next(d(on)), d(next), "on {on}");
    }
    let three = schedule(3);
    for (on, next) in [
        ("2026-11-25", "2026-12-15"),
        ("2026-12-15", "2026-12-15"),
        ("2026-12-16", "2027-01-05"),
    ] {
        assert_eq!(three.next(d(on)), d(next), "on {on}");
    }
}

#[test]
fn a_suggested_schedule_falls_on_the_next_working_day() {
    // Mon 16 Nov 2026 to Sun 22 Nov 2026.
    let cases = [
        ("2026-11-16", Weekday::Tuesday),
        ("2026-11-17", Weekday::Wednesday),
        ("2026-11-18", Weekday::Thursday),
        ("2026-11-19", Weekday::Friday),
        ("2026-11-20", Weekday::Monday),
        ("2026-11-21", Weekday::Monday),
        ("2026-11-22", Weekday::Monday),
    ];
    for (on, weekday) in cases {
        let schedule = Schedule::suggested(d(on));
        assert_eq!(schedule.weekday, weekday, "on {on}");
        assert_eq!(schedule.from, d(on));
        assert!(schedule.first() > d(on), "on {on}");
    }
    // From Sunday 22 Nov, the first is Monday 23 Nov, not the Sunday.
    assert_eq!(
        Schedule::suggested(d("2026-11-22")).first(),
        d("2026-11-23")
    );
}

#[test]
fn the_week_to_plan_is_next_week_from_saturday() {
    for (on, week) in [
        ("2026-11-16", "2026-11-16"), // Monday
        ("2026-11-20", "2026-11-16"), // Friday
        ("2026-11-21", "2026-11-23"), // Saturday
        ("2026-11-22", "2026-11-23"), // Sunday
        ("2026-11-23", "2026-11-23"), // the Monday after
    ] {
        assert_eq!(week_to_plan(d(on)), d(week), "on {on}");
    }
    // Next week can be planned with nothing carried over into it.
    let mut plan = Plan::default();
    let item = plan.new_week_item("Write the RFC", 1).unwrap();
    assert!(plan.apply(PlanEdit::AddWeekItem {
        week: week_to_plan(today()),
        item,
    }));
    assert_eq!(week_starts(&plan), ["2026-11-23"]);
    // The week ending is still reviewed before the one planned.
    assert_eq!(plan.weeks_to_review(d("2026-11-16")).count(), 0);
}

// ------------------------------------------------------------- progress --

#[test]
fn goal_percentages_round_half_up() {
    for (done, total, percent) in [
        (0, 0, 0),
        (0, 3, 0),
        (1, 3, 33),
        (2, 3, 67),
        (1, 8, 13),
        (3, 8, 38),
        (1, 2, 50),
        (1, 200, 1),
        (1, 201, 0),
        (3, 3, 100),
    ] {
        assert_eq!(
            goal_percent(&goal_with(done, total)),
            percent,
            "{done} of {total}"
        );
    }
}

#[test]
fn a_done_goal_is_complete_whatever_its_milestones() {
    let mut done = goal_with(0, 3);
    done.done = Some(today());
    assert_eq!(goal_percent(&done), 100);
    done.milestones.clear();
    assert_eq!(goal_percent(&done), 100);
}

#[test]
fn overall_progress_is_the_mean_of_the_goals() {
    assert_eq!(
        overall(&Plan::default()),
        Overall {
            percent: 0,
            goals: 0,
            done: 0,
            milestones: 0,
            milestones_done: 0
        }
    );
    // 100 (done, none of 1 milestone ticked), 33 (1 of 3), 0 (no milestones):
    // 133 / 3 = 44.3. Weighing milestones instead would give 1 of 4 = 25.
    let mut finished = goal_with(0, 1);
    finished.done = Some(today());
    let plan = Plan {
        goals: shared![finished, goal_with(1, 3), goal_with(0, 0)],
        ..Plan::default()
    };
    assert_eq!(
        overall(&plan),
        Overall {
            percent: 44,
            goals: 3,
            done: 1,
            milestones: 4,
            milestones_done: 1
        }
    );
    // 50 and 67 average 58.5, which rounds up.
    let plan = Plan {
        goals: shared![goal_with(1, 2), goal_with(2, 3)],
        ..Plan::default()
    };
    assert_eq!(overall(&plan).percent, 59);
}

// -------------------------------------------------------------- overdue --

/// Overdue from 21 Nov 2026: goal "late" (due 11 Nov, 10 days) with its
/// milestone "lm" (due 20 Nov, 1 day); "soon" (due today, not late) with
/// "sm" (due 1 Nov, 20 days) and "sd" (done); "fin" done, with a late
/// milestone that does not count.
fn late_plan() -> Plan {
    Plan {
        goals: shared![
            Goal {
                due: Some(d("2026-11-11")),
                milestones: vec![milestone("lm", "Late step", Some("2026-11-20"), None)],
                ..goal("late", "Late goal")
            },
            Goal {
                due: Some(today()),
                milestones: vec![
                    milestone("sm", "Very late step", Some("2026-11-01"), None),
                    milestone("sd", "Done step", Some("2026-11-01"), Some("2026-11-02")),
                    milestone("st", "Due today", Some("2026-11-21"), None),
                ],
                ..goal("soon", "")
            },
            Goal {
                due: Some(d("2026-10-01")),
                done: Some(d("2026-10-20")),
                milestones: vec![milestone("fm", "Forgotten", Some("2026-10-01"), None)],
                ..goal("fin", "Finished")
            },
        ],
        ..Plan::default()
    }
}

#[test]
fn overdue_items_are_listed_most_late_first() {
    let found = overdue(&late_plan(), today());
    assert_eq!(
        found,
        [
            Overdue {
                goal: "soon".into(),
                milestone: Some("sm".into()),
                title: "Very late step".into(),
                due: d("2026-11-01"),
                days: 20,
            },
            Overdue {
                goal: "late".into(),
                milestone: None,
                title: "Late goal".into(),
                due: d("2026-11-11"),
                days: 10,
            },
            Overdue {
                goal: "late".into(),
                milestone: Some("lm".into()),
                title: "Late step".into(),
                due: d("2026-11-20"),
                days: 1,
            },
        ]
    );
}

#[test]
fn ties_in_lateness_keep_plan_order() {
    let late = |id: &str| Goal {
        due: Some(d("2026-11-20")),
        milestones: vec![milestone(
            &format!("{id}m"),
            "Step",
            Some("2026-11-20"),
            None,
        )],
        ..goal(id, id)
    };
    let plan = Plan {
        goals: shared![late("b"), late("a")],
        ..Plan::default()
    };
    let order: Vec<(String, Option<String>)> = overdue(&plan, today())
        .into_iter()
        .map(|o| (o.goal, o.milestone))
        .collect();
    assert_eq!(
        order,
        [
            ("b".into(), None),
            ("b".into(), Some("bm".into())),
            ("a".into(), None),
            ("a".into(), Some("am".into())),
        ]
    );
}

#[test]
fn due_today_is_not_overdue_yet_and_yesterday_is() {
    let mut g = goal("g", "Goal");
    g.due = Some(today());
    assert!(!goal_overdue(&g, today()));
    assert!(goal_overdue(&g, today().plus_days(1)));
    g.done = Some(today());
    assert!(!goal_overdue(&g, today().plus_days(1)));
    g.done = None;
    g.due = None;
    assert!(!goal_overdue(&g, today()));

    let m = milestone("m", "Step", Some("2026-11-21"), None);
    assert!(!milestone_overdue(&m, &g, today()));
    assert!(milestone_overdue(&m, &g, today().plus_days(1)));
    let ticked = milestone("m", "Step", Some("2026-11-21"), Some("2026-11-25"));
    assert!(!milestone_overdue(&ticked, &g, today().plus_days(1)));
    g.done = Some(today());
    assert!(!milestone_overdue(&m, &g, today().plus_days(1)));
}

#[test]
fn milestones_are_listed_by_due_date_and_undated_last() {
    let g = Goal {
        milestones: vec![
            milestone("m1", "Someday", None, None),
            milestone("m2", "Later", Some("2027-02-01"), None),
            milestone("m3", "Overdue", Some("2026-11-01"), None),
            milestone("m4", "Also later", Some("2027-02-01"), Some("2026-11-20")),
            milestone("m5", "Another day", None, None),
        ],
        ..goal("g", "Goal")
    };
    let order: Vec<&str> = g
        .milestones_by_due()
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(order, ["m3", "m2", "m4", "m1", "m5"]);
}

#[test]
fn a_milestone_is_edited_in_place() {
    let mut plan = Plan {
        goals: shared![Goal {
            milestones: vec![
                milestone("m1", "RFC", Some("2026-12-01"), Some("2026-11-20")),
                milestone("m2", "Pilot", None, None),
            ],
            ..goal("g", "Goal")
        }],
        ..Plan::default()
    };
    let rfc = plan.goals[0].milestone("m1").unwrap().clone();
    let edited = rfc
        .edited("  Write the RFC ", Some(d("2026-12-08")))
        .unwrap();
    assert_eq!(
        edited,
        milestone(
            "m1",
            "Write the RFC",
            Some("2026-12-08"),
            Some("2026-11-20")
        )
    );
    assert_eq!(rfc.edited(" ", None), Err(Missing::MilestoneTitle));
    assert!(plan.apply(PlanEdit::SaveMilestone {
        goal: "g".into(),
        milestone: edited.clone(),
    }));
    // Still one milestone with that id, where it was.
    assert_eq!(
        plan.goals[0].milestones,
        [edited, milestone("m2", "Pilot", None, None)]
    );
    // A date can be taken away.
    let undated = plan.goals[0].milestones[0]
        .edited("Write the RFC", None)
        .unwrap();
    assert_eq!(undated.due, None);
}

#[test]
fn a_goal_for_a_criterion_waits_for_its_outcome_in_the_users_words() {
    let plan = Plan {
        goals: shared![goal("g10", "Other")],
        ..Plan::default()
    };
    let g = plan.goal_for_criterion("craft.senior.1", 36, today());
    assert_eq!(g.id, "g10-2");
    assert_eq!(g.outcome, "");
    assert_eq!(g.title(), "Untitled goal");
    assert_eq!(g.criteria, ["craft.senior.1"]);
    assert_eq!(g.started, Some(today()));
}

// ------------------------------------------------------------- timeline --

/// Target 1 Jun 2027. Goal a: started 1 Nov 2026, due 1 Mar 2027, with a
/// done, an overdue and an open milestone, and one without a due date.
/// Goal b: not started, due 1 Apr 2027. Goal c: not started, overdue since
/// 10 Nov 2026. The span is 1 Nov 2026 – 1 Jun 2027, 212 days.
fn timeline_plan() -> Plan {
    Plan {
        target: Some(d("2027-06-01")),
        goals: shared![
            Goal {
                started: Some(d("2026-11-01")),
                due: Some(d("2027-03-01")),
                milestones: vec![
                    milestone("m3", "Roll out", Some("2027-02-01"), None),
                    milestone("m1", "RFC", Some("2026-11-15"), Some("2026-11-14")),
                    milestone("m2", "Pilot", Some("2026-11-20"), None),
                    milestone("m4", "Someday", None, None),
                ],
                ..goal("a", "Migrate billing")
            },
            Goal {
                due: Some(d("2027-04-01")),
                ..goal("b", "Mentor")
            },
            Goal {
                due: Some(d("2026-11-10")),
                ..goal("c", "")
            },
        ],
        ..Plan::default()
    }
}

#[test]
fn the_timeline_spans_the_plan_and_places_everything() {
    let t = timeline(&timeline_plan(), today()).unwrap();
    assert_eq!((t.start, t.end), (d("2026-11-01"), d("2027-06-01")));
    // x = days from the start × 1000 / 212, rounded down.
    assert_eq!(t.today, Some(94));
    assert_eq!(t.target, Some(WIDTH));
    let rows: Vec<_> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.goal.as_str(),
                r.title.as_str(),
                r.x1,
                r.x2,
                r.percent,
                r.overdue,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("a", "Migrate billing", 0, 566, 25, false),
            // Not started: from today.
            ("b", "Mentor", 94, 712, 0, false),
            // Not started and overdue: from the start of the span.
            ("c", "Untitled goal", 0, 42, 0, true),
        ]
    );
    assert_eq!(
        t.rows[0].marks,
        [
            Mark {
                milestone: "m1".into(),
                x: 66,
                title: "RFC".into(),
                due: d("2026-11-15"),
                state: MarkState::Done,
            },
            Mark {
                milestone: "m2".into(),
                x: 89,
                title: "Pilot".into(),
                due: d("2026-11-20"),
                state: MarkState::Overdue,
            },
            Mark {
                milestone: "m3".into(),
                x: 433,
                title: "Roll out".into(),
                due: d("2027-02-01"),
                state: MarkState::Open,
            },
        ]
    );
    let ticks: Vec<_> = t.ticks.iter().map(|t| (t.x, t.label.as_str())).collect();
    assert_eq!(
        ticks,
        [
            (0, "Nov 2026"),
            (141, "Dec"),
            (287, "Jan 2027"),
            (433, "Feb"),
            (566, "Mar"),
            (712, "Apr"),
            (853, "May"),
            (1000, "Jun"),
        ]
    );
    assert_eq!(
        t.summary,
        "From 1 Nov 2026 to 1 Jun 2027: 3 goals, 3 milestones, 2 overdue. \
         Promotion target 1 Jun 2027."
    );
}

#[test]
fn the_timeline_reaches_four_weeks_past_today_at_least() {
    let plan = Plan {
        goals: shared![goal("g", "Only goal")],
        ..Plan::default()
    };
    let t = timeline(&plan, today()).unwrap();
    assert_eq!((t.start, t.end), (today(), d("2026-12-19")));
    assert_eq!((t.today, t.target), (Some(0), None));
    // No start and no due date: from today to the end.
    assert_eq!((t.rows[0].x1, t.rows[0].x2), (0, WIDTH));
    let ticks: Vec<_> = t.ticks.iter().map(|t| (t.x, t.label.as_str())).collect();
    assert_eq!(ticks, [(357, "Dec 2026")]); // 10 of 28 days
    assert_eq!(
        t.summary,
        "From 21 Nov 2026 to 19 Dec 2026: 1 goal, 0 milestones, none overdue."
    );
}

#[test]
fn a_target_in_the_past_is_off_the_timeline() {
    let plan = Plan {
        target: Some(d("2026-01-01")),
        goals: shared![goal("g", "Goal")],
        ..Plan::default()
    };
    let t = timeline(&plan, today()).unwrap();
    assert_eq!(t.start, today());
    assert_eq!(t.target, None);
    assert!(t.summary.ends_with(" Promotion target 1 Jan 2026."));
}

#[test]
fn no_goals_no_timeline() {
    let plan = Plan {
        target: Some(d("2027-06-01")),
        ..Plan::default()
    };
    assert_eq!(timeline(&plan, today()), None);
}

#[test]
fn a_year_long_span_ticks_monthly_and_a_longer_one_quarterly() {
    let plan = |due: &str| Plan {
        goals: shared![Goal {
            due: Some(d(due)),
            ..goal("g", "Goal")
        }],
        ..Plan::default()
    };
    let labels = |due: &str| -> Vec<String> {
        let t = timeline(&plan(due), today()).unwrap();
        t.ticks.into_iter().map(|t| t.label).collect()
    };
    // Exactly twelve months: every month.
    assert_eq!(
        labels("2027-11-21"),
        [
            "Dec 2026", "Jan 2027", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov"
        ]
    );
    // A day longer: quarters only.
    assert_eq!(labels("2027-11-22"), ["Jan 2027", "Apr", "Jul", "Oct"]);
    assert_eq!(
        labels("2028-06-01"),
        ["Jan 2027", "Apr", "Jul", "Oct", "Jan 2028", "Apr"]
    );
    let t = timeline(&plan("2028-06-01"), today()).unwrap();
    assert_eq!(t.end, d("2028-06-01"));
    assert_eq!(t.rows[0].x2, WIDTH);
    let first = &t.ticks[0];
    assert_eq!(first.x, 41 * 1000 / 558);
}

#[test]
fn the_timeline_has_at_most_24_ticks_whatever_the_dates() {
    let plan = |started: &str, due: &str| Plan {
        goals: shared![Goal {
            started: Some(d(started)),
            due: Some(d(due)),
            ..goal("g", "Goal")
        }],
        ..Plan::default()
    };
    let ticks = |started: &str, due: &str| timeline(&plan(started, due), today()).unwrap().ticks;
    // A year typed as 0026: two thousand years, in steps of a century.
    let t = ticks("2026-11-21", "0026-03-01");
    assert!(t.len() <= MAX_TICKS, "{}", t.len());
    assert_eq!(t[0].label, "100");
    assert_eq!(t[1].label, "200");
    // The widest dates a date field can hold.
    let t = ticks("0000-01-01", "9999-12-31");
    assert!(t.len() <= MAX_TICKS, "{}", t.len());
    assert_eq!((t[0].x, t[0].label.as_str()), (0, "0"));
    assert_eq!(t[1].label, "500");
    assert!(t.windows(2).all(|w| w[0].x < w[1].x));
    // Six years ticks quarterly; a longer span every half year, then yearly.
    let labels = |started: &str, due: &str| -> Vec<String> {
        ticks(started, due).into_iter().map(|t| t.label).collect()
    };
    assert_eq!(labels("2026-11-21", "2032-12-31").len(), 24);
    assert_eq!(
        labels("2026-11-21", "2033-01-01")[..4],
        ["Jan 2027", "Jul", "Jan 2028", "Jul"]
    );
    assert_eq!(
        labels("2026-11-21", "2040-01-01")[..3],
        ["2027", "2028", "2029"]
    );
    for (started, due) in [
        ("1970-01-01", "2200-12-31"),
        ("2026-01-02", "2031-12-31"),
        ("2026-11-21", "2050-06-30"),
    ] {
        assert!(ticks(started, due).len() <= MAX_TICKS, "{started} to {due}");
    }
}

// ------------------------------------------------------------- markdown --

fn rubric() -> Rubric {
    let criterion = |id: &str, level: &str, text: &str| Criterion {
        id: id.into(),
        level: level.into(),
        text: text.into(),
        ..Default::default()
    };
    let area = |id: &str, criteria: Vec<Criterion>| Area {
        id: id.into(),
        name: id.into(),
        summary: "Summary.".into(),
        criteria,
    };
    let track = |id: &str, areas: Vec<Area>| Track {
        id: id.into(),
        name: id.into(),
        summary: "Summary.".into(),
        areas,
    };
    Rubric {
        id: "r".into(),
        name: "Rubric".into(),
        description: "Test rubric.".into(),
        source: String::new(),
        licence: String::new(),
        cumulative: false,
        levels: ["mid", "senior"]
            .map(|id| Level {
                id: id.into(),
                name: id.into(),
                summary: "Summary.".into(),
            })
            .into(),
        tracks: vec![
            track(
                "ic",
                vec![area(
                    "craft",
                    vec![criterion("craft.1", "mid", "Writes tests")],
                )],
            ),
            track(
                "lead",
                vec![
                    area("people", vec![criterion("people.1", "mid", "Mentors")]),
                    area(
                        "impact",
                        vec![criterion("impact.2", "senior", "Leads *cross-team* work")],
                    ),
                ],
            ),
        ],
    }
}

fn export_plan() -> Plan {
    Plan {
        target: Some(d("2027-06-01")),
        goals: shared![
            Goal {
                metric: "p95 latency".into(),
                baseline: "900 ms".into(),
                target: "300 ms".into(),
                support: "Dana reviews designs".into(),
                time: "4h a week".into(),
                criteria: vec!["impact.2".into(), "gone.9".into()],
                due: Some(d("2027-03-01")),
                started: Some(d("2026-11-01")),
                milestones: vec![
                    milestone(
                        "m1",
                        "Write the RFC",
                        Some("2026-11-15"),
                        Some("2026-11-14"),
                    ),
                    milestone("m2", "Pilot on # one service", Some("2026-11-20"), None),
                    milestone("m3", "- Roll out", None, None),
                ],
                ..goal("g1", "Lead the billing migration")
            },
            Goal {
                due: Some(d("2026-12-31")),
                done: Some(d("2026-11-10")),
                ..goal("g2", "Mentor two juniors")
            },
            Goal {
                due: Some(d("2026-11-18")),
                ..goal("g3", "")
            },
        ],
        schedule: Some(Schedule {
            id: "s".into(),
            every: 2,
            weekday: Weekday::Tuesday,
            time: 9 * 60 + 30,
            length: 30,
            with: "Dana".into(),
            from: d("2026-11-01"),
        }),
        checkins: shared![
            CheckIn {
                id: "c1".into(),
                date: Some(d("2026-11-03")),
                notes: "Talked about scope.\nAnd risks.\n\n# Not a heading".into(),
                agreed: "Ship the RFC first".into(),
                followups: vec![
                    FollowUp {
                        id: "f1".into(),
                        text: "Write the RFC".into(),
                        milestone: Some(("g1".into(), "m1".into())),
                    },
                    FollowUp {
                        id: "f2".into(),
                        text: "Ask about budget".into(),
                        milestone: None,
                    },
                ],
            },
            CheckIn {
                id: "c2".into(),
                date: Some(d("2026-11-17")),
                ..CheckIn::default()
            },
        ],
        weeks: shared![
            Week {
                start: Some(d("2026-11-09")),
                items: vec![
                    WeekItem {
                        status: Status::Carried,
                        ..item("w1", "Draft the RFC")
                    },
                    WeekItem {
                        status: Status::Done,
                        ..item("w2", "Read the design doc")
                    },
                ],
            },
            Week {
                start: Some(d("2026-11-16")),
                items: vec![
                    WeekItem {
                        carried_from: Some("w1".into()),
                        ..item("w3", "Draft the RFC")
                    },
                    WeekItem {
                        status: Status::NotDone,
                        ..item("w4", "1. Fix the build")
                    },
                ],
            },
        ],
    }
}

const GOLDEN: &str = r"# Development plan

Exported 21 Nov 2026.

Promotion target: 1 Jun 2027.

Progress: 44% (1 of 3 milestones done, 1 of 3 goals done).

## Goals

### Lead the billing migration

Due 1 Mar 2027 · Progress: 33%

- **Specific:** Lead the billing migration
- **Measurable:** p95 latency: 900 ms → 300 ms
- **Achievable:** Dana reviews designs; 4h a week
- **Relevant:** Leads \*cross-team\* work; gone.9
- **Time-bound:** by 1 Mar 2027

Milestones:

- [x] Write the RFC (due 15 Nov 2026, done 14 Nov 2026)
- [ ] Pilot on # one service (due 20 Nov 2026, overdue)
- [ ] \- Roll out

### Mentor two juniors

**Done** 10 Nov 2026 (due 31 Dec 2026) · Progress: 100%

- **Specific:** Mentor two juniors
- **Time-bound:** by 31 Dec 2026

### Untitled goal

**Overdue** by 3 days (due 18 Nov 2026) · Progress: 0%

- **Time-bound:** by 18 Nov 2026

## Check-ins

Every 2 weeks on Tuesday at 09:30 for 30 minutes, with Dana. First: 3 Nov 2026. Next: 1 Dec 2026.

### 17 Nov 2026

No notes.

### 3 Nov 2026

Talked about scope. And risks.

\# Not a heading

Agreed: Ship the RFC first

Follow-ups:

- Write the RFC (now a milestone of “Lead the billing migration”)
- Ask about budget

## Weekly goals

### Week of 16 Nov 2026

- [ ] Draft the RFC
- [ ] 1\. Fix the build (not done)

### Week of 9 Nov 2026

- [ ] Draft the RFC (carried over)
- [x] Read the design doc
";

#[test]
fn the_plan_exports_as_markdown() {
    let plan = export_plan();
    let rubric = rubric();
    let out = markdown(&plan, Some(&rubric), today());
    assert_eq!(out, GOLDEN, "\n{out}");
}

#[test]
fn export_file_names_carry_the_date() {
    assert_eq!(
        file_name("rungs-plan", today(), "md"),
        "rungs-plan-2026-11-21.md"
    );
}

#[test]
fn criteria_are_found_in_any_track_and_level() {
    let rubric = rubric();
    assert_eq!(criterion_text(&rubric, "craft.1"), Some("Writes tests"));
    assert_eq!(criterion_text(&rubric, "people.1"), Some("Mentors"));
    assert_eq!(
        criterion_text(&rubric, "impact.2"),
        Some("Leads *cross-team* work")
    );
    assert_eq!(criterion_text(&rubric, "gone.9"), None);
}

#[test]
fn without_a_rubric_criteria_show_as_ids() {
    let out = markdown(&export_plan(), None, today());
    assert!(out.contains("- **Relevant:** impact.2; gone.9\n"), "{out}");
    let with = markdown(&export_plan(), Some(&rubric()), today());
    assert_eq!(out.replace("impact.2", r"Leads \*cross-team\* work"), with);
}

#[test]
fn an_empty_plan_says_so() {
    assert_eq!(
        markdown(&Plan::default(), None, today()),
        "# Development plan\n\nExported 21 Nov 2026.\n\nNo goals yet.\n"
    );
}

#[test]
fn every_piece_of_user_text_is_escaped() {
    let nasty = "*bold* | pipe";
    let escaped = r"\*bold\* \| pipe";
    let plan = Plan {
        goals: shared![Goal {
            metric: nasty.into(),
            baseline: nasty.into(),
            target: nasty.into(),
            support: nasty.into(),
            time: nasty.into(),
            criteria: vec![nasty.into()],
            milestones: vec![milestone("m", nasty, None, None)],
            ..goal("g", nasty)
        }],
        schedule: Some(Schedule {
            id: "s".into(),
            every: 1,
            weekday: Weekday::Monday,
            time: 0,
            length: 30,
            with: nasty.into(),
            from: today(),
        }),
        checkins: shared![CheckIn {
            id: "c".into(),
            date: None,
            notes: nasty.into(),
            agreed: nasty.into(),
            followups: vec![FollowUp {
                id: "f".into(),
                text: nasty.into(),
                milestone: Some(("g".into(), "m".into())),
            }],
        }],
        weeks: shared![Week {
            start: Some(d("2026-11-16")),
            items: vec![item("w", nasty)],
        }],
        ..Plan::default()
    };
    let out = markdown(&plan, None, today());
    assert_eq!(out.matches(nasty).count(), 0, "{out}");
    // Title, Specific, metric, baseline, target, support, time, criterion,
    // milestone, schedule, notes, agreed, follow-up and its goal, week item.
    assert_eq!(out.matches(escaped).count(), 15, "{out}");
    assert!(out.contains(&format!("### {escaped}\n")), "{out}");
    assert!(out.contains("Every week on Monday at 00:00 for "), "{out}");
}

#[test]
fn only_the_eight_latest_weeks_are_exported_newest_first() {
    let mut plan = Plan::default();
    for n in 0..10 {
        plan.apply(PlanEdit::AddWeekItem {
            week: d("2026-09-07").plus_days(7 * n),
            item: item(&format!("w{n}"), &format!("Item {n}")),
        });
    }
    let out = markdown(&plan, None, today());
    let weeks: Vec<&str> = out
        .lines()
        .filter_map(|line| line.strip_prefix("### Week of "))
        .collect();
    assert_eq!(
        weeks,
        [
            "9 Nov 2026",
            "2 Nov 2026",
            "26 Oct 2026",
            "19 Oct 2026",
            "12 Oct 2026",
            "5 Oct 2026",
            "28 Sep 2026",
            "21 Sep 2026"
        ]
    );
    assert!(
        !out.contains("Item 0") && !out.contains("Item 1\n"),
        "{out}"
    );
    assert!(out.contains("- [ ] Item 9\n"), "{out}");
    assert!(
        !out.contains("## Goals") && !out.contains("## Check-ins"),
        "{out}"
    );
}

#[test]
fn a_schedule_says_itself_in_words_and_lists_what_comes_next() {
    let mut schedule = Schedule {
        id: "s1".into(),
        every: 2,
        weekday: Weekday::Tuesday,
        time: 9 * 60 + 5,
        length: 45,
        with: "  Dana ".into(),
        from: d("2026-11-21"),
    };
    assert_eq!(
        schedule.describe(),
        "Every 2 weeks on Tuesday at 09:05 for 45 minutes, with Dana."
    );
    assert_eq!(
        schedule.next_label(d("2026-11-25")),
        "Tuesday 8 Dec 2026 at 09:05"
    );
    let coming: Vec<String> = schedule
        .upcoming(d("2026-11-24"))
        .take(3)
        .map(Date::iso)
        .collect();
    assert_eq!(coming, ["2026-11-24", "2026-12-08", "2026-12-22"]);
    schedule.every = 1;
    schedule.with = " ".into();
    assert_eq!(
        schedule.describe(),
        "Every week on Tuesday at 09:05 for 45 minutes."
    );
}

#[test]
fn a_week_sums_up_its_review_leaving_out_what_has_none() {
    let item = |id: &str, status| WeekItem {
        id: id.into(),
        text: id.into(),
        status,
        carried_from: None,
    };
    let mut week = Week {
        start: Some(d("2026-11-16")),
        items: Vec::new(),
    };
    assert_eq!(week.summary(), "Nothing planned");
    assert!(week.reviewed());
    week.items = vec![
        item("a", Status::Done),
        item("b", Status::Done),
        item("c", Status::Carried),
        item("d", Status::Open),
    ];
    assert_eq!(week.summary(), "2 done, 1 carried over, 1 not reviewed");
    assert!(!week.reviewed());
    week.items.pop();
    week.items.push(item("e", Status::NotDone));
    assert_eq!(week.summary(), "2 done, 1 not done, 1 carried over");
    assert!(week.reviewed());
    assert_eq!(Status::Carried.label(), "Carry over");
    assert_eq!(Status::Carried.outcome(), "Carried over");
    assert_eq!(Status::NotDone.outcome(), "Not done");
}

// ---------------------------------------------------------------- forms --

#[test]
fn new_items_need_their_words_and_get_ids_new_to_the_plan() {
    let mut plan = Plan::default();
    let at = 1_795_000_000_000;
    assert_eq!(
        plan.new_goal("  ", Vec::new(), at, today()),
        Err(Missing::Outcome)
    );
    let first = plan
        .new_goal(" Ship search ", vec!["craft.1".into()], at, today())
        .unwrap();
    assert_eq!(first.outcome, "Ship search");
    assert_eq!(first.criteria, ["craft.1"]);
    assert_eq!(first.started, Some(today()));
    plan.apply(PlanEdit::SaveGoal(first.clone()));
    let second = plan.new_goal("Mentor", Vec::new(), at, today()).unwrap();
    assert_ne!(second.id, first.id, "the same moment gets another id");

    assert_eq!(
        plan.new_milestone("", None, at),
        Err(Missing::MilestoneTitle)
    );
    let step = plan
        .new_milestone("Draft", Some(d("2026-12-01")), at)
        .unwrap();
    assert_eq!(
        (step.title.as_str(), step.due),
        ("Draft", Some(d("2026-12-01")))
    );
    assert_eq!(plan.new_week_item(" \n", at), Err(Missing::WeekItem));
    assert_eq!(plan.new_week_item(" Review ", at).unwrap().text, "Review");
    assert_eq!(
        Missing::WeekItem.message(),
        "Write the goal first; nothing has been added."
    );
}

#[test]
fn a_check_in_needs_a_date_and_something_said() {
    let plan = Plan::default();
    let at = 1_795_000_000_000;
    assert_eq!(
        plan.new_checkin(None, "Notes", "", "", at),
        Err(Missing::CheckInDate)
    );
    assert_eq!(
        plan.new_checkin(Some(today()), " ", "\t", "\n \n", at),
        Err(Missing::CheckInWords)
    );
    let checkin = plan
        .new_checkin(Some(today()), "", " Agreed ", "One\n\n  Two  \n", at)
        .unwrap();
    assert_eq!(checkin.agreed, "Agreed");
    let followups: Vec<_> = checkin
        .followups
        .iter()
        .map(|f| (f.id.clone(), f.text.as_str()))
        .collect();
    assert_eq!(
        followups,
        [
            (format!("{}-f1", checkin.id), "One"),
            (format!("{}-f2", checkin.id), "Two")
        ]
    );
}

#[test]
fn a_goal_is_edited_field_by_field() {
    let mut plan = Plan::default();
    plan.apply(PlanEdit::SaveGoal(goal("g", "Ship")));
    let text = |field, text: &str| PlanEdit::SetGoalText {
        goal: "g".into(),
        field,
        text: text.into(),
    };
    assert!(plan.apply(text(GoalText::Metric, "p95 latency")));
    assert!(!plan.apply(text(GoalText::Metric, "p95 latency")));
    assert!(plan.apply(text(GoalText::Outcome, "Ship search")));
    assert!(!plan.apply(PlanEdit::SetGoalText {
        goal: "nope".into(),
        field: GoalText::Time,
        text: "1h".into()
    }));
    assert!(plan.apply(PlanEdit::SetGoalDue {
        goal: "g".into(),
        due: Some(d("2027-01-31"))
    }));
    let link = PlanEdit::LinkCriterion {
        goal: "g".into(),
        criterion: "craft.1".into(),
    };
    assert!(plan.apply(link.clone()));
    assert!(!plan.apply(link), "linked once");
    let goal = plan.goal("g").unwrap();
    assert_eq!(
        (goal.outcome.as_str(), goal.metric.as_str(), goal.due),
        ("Ship search", "p95 latency", Some(d("2027-01-31")))
    );
    assert_eq!(goal.criteria, ["craft.1"]);
    assert!(plan.apply(PlanEdit::UnlinkCriterion {
        goal: "g".into(),
        criterion: "craft.1".into()
    }));
    assert!(plan.goal("g").unwrap().criteria.is_empty());
}

#[test]
fn the_criteria_to_link_follow_the_assessment_and_leave_out_the_linked() {
    let rubric = rubric();
    let labels = |groups: &[CriteriaGroup]| -> Vec<(String, Vec<String>)> {
        groups
            .iter()
            .map(|g| {
                let ids = g.criteria.iter().map(|c| c.id.clone()).collect();
                (g.label.clone(), ids)
            })
            .collect()
    };
    // No assessment yet: every level of the first track.
    let none = Assessment::default();
    assert_eq!(
        labels(&linkable(&rubric, &none, &[])),
        [("mid · craft".to_owned(), vec!["craft.1".to_owned()])]
    );
    assert!(linkable(&rubric, &none, &["craft.1".into()]).is_empty());
    // Assessing the lead track at mid: the target level first.
    let mut assessed = Assessment::default();
    assessed.apply(AssessmentEdit::Track("lead".into()));
    assessed.apply(AssessmentEdit::Current("mid".into()));
    assert_eq!(
        labels(&linkable(&rubric, &assessed, &[])),
        [
            ("senior · impact".to_owned(), vec!["impact.2".to_owned()]),
            ("mid · people".to_owned(), vec!["people.1".to_owned()]),
        ]
    );
}

#[test]
fn how_often_is_said_the_same_everywhere() {
    assert_eq!(every_label(1), "Every week");
    assert_eq!(every_label(3), "Every 3 weeks");
}

#[test]
fn the_log_lists_the_newest_check_in_first_and_undated_ones_last() {
    let mut plan = Plan::default();
    for (id, date) in [
        ("a", Some("2026-10-01")),
        ("b", None),
        ("c", Some("2026-11-01")),
        ("d", Some("2026-10-01")),
    ] {
        plan.apply(PlanEdit::SaveCheckIn(CheckIn {
            id: id.into(),
            date: date.map(d),
            notes: "Notes".into(),
            ..CheckIn::default()
        }));
    }
    let order: Vec<&str> = plan
        .checkins_newest_first()
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        order,
        ["c", "d", "a", "b"],
        "the later logged first on a tie"
    );
}

#[test]
fn past_weeks_are_to_review_oldest_first_or_reviewed_newest_first() {
    let mut plan = Plan::default();
    let item = |id: &str| WeekItem {
        id: id.into(),
        text: id.into(),
        ..WeekItem::default()
    };
    for (week, id) in [
        ("2026-11-02", "a"),
        ("2026-11-09", "b"),
        ("2026-11-16", "c"),
        ("2026-11-23", "d"),
    ] {
        plan.apply(PlanEdit::AddWeekItem {
            week: d(week),
            item: item(id),
        });
    }
    for (week, id) in [("2026-11-02", "a"), ("2026-11-16", "c")] {
        plan.apply(PlanEdit::ReviewWeekItem {
            week: d(week),
            item: id.into(),
            status: Status::Done,
            copy_id: String::new(),
        });
    }
    let starts = |weeks: Vec<&rungs::core::part::Item<Week>>| -> Vec<String> {
        weeks.iter().map(|w| w.start.unwrap().iso()).collect()
    };
    let this_week = d("2026-11-23");
    assert_eq!(
        starts(plan.weeks_to_review(this_week).collect()),
        ["2026-11-09"]
    );
    assert_eq!(
        starts(plan.reviewed_weeks(this_week).collect()),
        ["2026-11-16", "2026-11-02"]
    );
}

#[test]
fn a_goal_counts_its_milestones_done() {
    let goal = Goal {
        milestones: vec![
            milestone("a", "A", None, Some("2026-11-01")),
            milestone("b", "B", None, None),
        ],
        ..goal("g", "Goal")
    };
    assert_eq!(goal.milestones_done(), 1);
}

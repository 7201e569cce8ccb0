//! Visibility updates (`rungs::core::update`): the period since the last
//! one, what was shipped and moved, what comes next from the plan, where
//! help is needed, when the next is due, and the Markdown to send.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use rungs::core::part::Item;

use common::{any_date, any_full_log, any_plan, day, entry, linked, log, metric, rubric};
use proptest::prelude::*;
use rungs::core::evidence::{Entry, Kind, Log, Outcome, Updates};
use rungs::core::packet::Period;
use rungs::core::plan::{Goal, Milestone, Plan, Status, Week, WeekItem};
use rungs::core::time::Date;
use rungs::core::update::{draft, due, markdown, period, Next, AHEAD};

/// A Saturday.
fn today() -> Date {
    day("2026-11-21")
}

fn sent(every: u8, last_sent: Option<&str>) -> Log {
    Log {
        updates: Updates {
            every,
            last_sent: last_sent.map(day),
        },
        ..Log::default()
    }
}

fn span(p: Period) -> (String, String) {
    (p.from.iso(), p.to.iso())
}

fn item(id: &str, text: &str, status: Status) -> WeekItem {
    WeekItem {
        id: id.into(),
        text: text.into(),
        status,
        carried_from: None,
    }
}

fn week(start: &str, items: Vec<WeekItem>) -> Item<Week> {
    Item::new(Week {
        start: Some(day(start)),
        items,
    })
}

fn milestone(id: &str, title: &str, due: Option<&str>, done: Option<&str>) -> Milestone {
    Milestone {
        id: id.into(),
        title: title.into(),
        due: due.map(day),
        done: done.map(day),
    }
}

fn goal(id: &str, outcome: &str, done: Option<&str>, milestones: Vec<Milestone>) -> Item<Goal> {
    Item::new(Goal {
        id: id.into(),
        outcome: outcome.into(),
        done: done.map(day),
        milestones,
        ..Goal::default()
    })
}

fn ids(entries: &[&Entry]) -> Vec<String> {
    entries.iter().map(|e| e.id.clone()).collect()
}

fn sample_log() -> Log {
    let mut search = linked("e2", "2026-11-15", "Shipped search", &["c2", "i2"]);
    search.kind = Kind::Project;
    search.result = Outcome::Sentence("Users find things.".into());
    let mut latency = linked("e3", "2026-11-18", "Cut p95 latency", &["i1", "c3", "i2"]);
    latency.result = metric("p95 latency", 900.0, 300.0, "ms");
    let mut mentoring = linked("e4", "2026-11-21", "Paired with Ana", &["p1", "gone"]);
    mentoring.kind = Kind::Mentoring;
    log(vec![
        entry("e1", "2026-11-14", "Before the period"),
        search,
        latency,
        mentoring,
        entry("e5", "2026-11-22", "Tomorrow"),
    ])
}

fn sample_plan() -> Plan {
    let mut copy = item("w7", "Moved on", Status::Open);
    copy.carried_from = Some("w6".into());
    Plan {
        goals: vec![
            goal(
                "g1",
                "Lead the billing rewrite",
                None,
                vec![
                    milestone("m3", "Too far", Some("2026-12-06"), None),
                    milestone("m2", "Review the design", Some("2026-12-05"), None),
                    milestone("m1", "Draft the design", Some("2026-11-21"), None),
                    milestone("m4", "Overdue", Some("2026-11-20"), None),
                    milestone("m5", "Done early", Some("2026-11-25"), Some("2026-11-19")),
                    milestone("m6", "Some day", None, None),
                ],
            ),
            goal(
                "g2",
                "A finished goal",
                Some("2026-11-01"),
                vec![milestone("m7", "Of a done goal", Some("2026-11-25"), None)],
            ),
            goal(
                "g3",
                "Run the pilot",
                None,
                vec![milestone("m8", "Pilot", Some("2026-11-25"), None)],
            ),
        ],
        weeks: vec![
            week(
                "2026-11-02",
                vec![item("w1", "Long stuck", Status::NotDone)],
            ),
            week(
                "2026-11-09",
                vec![item("w2", "Write the RFC", Status::NotDone)],
            ),
            week(
                "2026-11-16",
                vec![
                    item("w3", "Finish the review", Status::Open),
                    item("w4", "A done thing", Status::Done),
                    item("w5", "Blocked on access", Status::NotDone),
                    item("w6", "Moved on", Status::Carried),
                ],
            ),
            week(
                "2026-11-23",
                vec![item("w8", "Plan the quarter", Status::Open), copy],
            ),
            week("2026-11-30", vec![item("w9", "Far ahead", Status::Open)]),
        ],
        ..Plan::default()
    }
}

// The period

#[test]
fn the_period_is_the_last_week_or_two() {
    assert_eq!(
        span(period(&sent(1, None), today())),
        ("2026-11-15".into(), "2026-11-21".into())
    );
    assert_eq!(
        span(period(&sent(2, None), today())),
        ("2026-11-08".into(), "2026-11-21".into())
    );
    // Anything but 2 is weekly.
    for every in [0, 3, 255] {
        assert_eq!(period(&sent(every, None), today()).from.iso(), "2026-11-15");
    }
}

#[test]
fn the_period_starts_the_day_after_the_last_update_when_that_is_sooner() {
    for (every, last, from) in [
        (1, "2026-11-18", "2026-11-19"),
        (2, "2026-11-10", "2026-11-11"),
        (1, "2026-11-14", "2026-11-15"),
        // Sent before the period began: the whole week or two.
        (1, "2026-11-01", "2026-11-15"),
        (2, "2026-11-01", "2026-11-08"),
        // Sent yesterday: only today is new.
        (1, "2026-11-20", "2026-11-21"),
        // Sent today, or on a day to come: not counted.
        (1, "2026-11-21", "2026-11-15"),
        (2, "2026-11-25", "2026-11-08"),
    ] {
        let p = period(&sent(every, Some(last)), today());
        assert_eq!(
            span(p),
            (from.into(), "2026-11-21".into()),
            "every {every}, sent {last}"
        );
    }
}

#[test]
fn only_entries_of_the_period_are_drafted() {
    let mut l = sample_log();
    l.updates.last_sent = Some(day("2026-11-17"));
    let plan = Plan::default();
    let u = draft(&l, &plan, None, today());
    assert_eq!(span(u.period), ("2026-11-18".into(), "2026-11-21".into()));
    let shipped: Vec<&Entry> = u.shipped.iter().map(|s| s.entry).collect();
    assert_eq!(ids(&shipped), ["e4", "e3"]);
}

// When the next is due

#[test]
fn the_next_update_is_due_a_week_or_two_after_the_last() {
    let weekly = sent(1, Some("2026-11-14"));
    assert_eq!(due(&weekly, day("2026-11-18")), Some(3));
    assert_eq!(due(&weekly, day("2026-11-21")), Some(0));
    assert_eq!(due(&weekly, day("2026-11-25")), Some(-4));
    assert_eq!(due(&weekly, day("2026-11-14")), Some(7));
    assert_eq!(due(&weekly, day("2025-11-14")), Some(372));
    let fortnightly = sent(2, Some("2026-11-14"));
    assert_eq!(due(&fortnightly, day("2026-11-18")), Some(10));
    assert_eq!(due(&fortnightly, day("2026-12-01")), Some(-3));
    assert_eq!(
        due(&sent(0, Some("2026-11-14")), day("2026-11-18")),
        Some(3)
    );
    assert_eq!(
        due(&sent(9, Some("2026-11-14")), day("2026-11-18")),
        Some(3)
    );
    assert_eq!(due(&sent(1, None), today()), None);
    assert_eq!(due(&Log::default(), today()), None);
}

#[test]
fn due_days_are_held_within_range() {
    let far = Log {
        updates: Updates {
            every: 2,
            last_sent: Some(Date(i32::MAX)),
        },
        ..Log::default()
    };
    assert_eq!(due(&far, Date(i32::MIN)), Some(i32::MAX));
    let early = Log {
        updates: Updates {
            every: 1,
            last_sent: Some(Date(i32::MIN)),
        },
        ..Log::default()
    };
    assert_eq!(due(&early, Date(i32::MAX)), Some(i32::MIN));
}

// The sections

#[test]
fn shipped_holds_every_entry_of_the_period_newest_first_with_its_areas() {
    let l = sample_log();
    let plan = Plan::default();
    let r = rubric();
    let u = draft(&l, &plan, Some(&r), today());
    let shipped: Vec<(&str, Vec<&str>)> = u
        .shipped
        .iter()
        .map(|s| {
            (
                s.entry.id.as_str(),
                s.areas.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        shipped,
        [
            ("e4", vec!["Area people"]),
            ("e3", vec!["Area impact", "Area craft"]),
            ("e2", vec!["Area craft", "Area impact"]),
        ]
    );
    assert_eq!(ids(&u.moved), ["e3"]);

    let without = draft(&l, &plan, None, today());
    assert!(without.shipped.iter().all(|s| s.areas.is_empty()));
    assert_eq!(without.shipped.len(), 3);
}

#[test]
fn next_is_this_and_next_weeks_open_goals_then_milestones_due_soon() {
    let l = Log::default();
    let plan = sample_plan();
    let u = draft(&l, &plan, None, today());
    let next: Vec<String> = u
        .next
        .iter()
        .map(|n| match n {
            Next::Week { week, item } => format!("{} {}", week.iso(), item.id),
            Next::Milestone {
                goal,
                milestone,
                due,
            } => format!("{} {}/{}", due.iso(), goal.id, milestone.id),
        })
        .collect();
    assert_eq!(
        next,
        [
            "2026-11-16 w3",
            "2026-11-23 w8",
            "2026-11-23 w7",
            "2026-11-21 g1/m1",
            "2026-11-25 g3/m8",
            "2026-12-05 g1/m2",
        ]
    );
    assert_eq!(AHEAD, 14);
}

#[test]
fn help_is_the_goals_of_the_period_not_done() {
    let l = Log::default();
    let plan = sample_plan();
    let u = draft(&l, &plan, None, today());
    let help: Vec<(String, &str)> = u
        .help
        .iter()
        .map(|s| (s.week.iso(), s.item.id.as_str()))
        .collect();
    // The week of 9 Nov ends on 15 Nov, the period's first day.
    assert_eq!(
        help,
        [("2026-11-09".into(), "w2"), ("2026-11-16".into(), "w5")]
    );

    // Over two weeks, the week of 2 Nov ends on its first day.
    let fortnightly = sent(2, None);
    let u = draft(&fortnightly, &plan, None, today());
    assert_eq!(u.help.len(), 3);
}

// Markdown

#[test]
fn the_update_reads_as_four_sections() {
    let l = sample_log();
    let plan = sample_plan();
    let r = rubric();
    let text = markdown(&draft(&l, &plan, Some(&r), today()));
    assert_eq!(
        text,
        "# Update\n\
         \n\
         Covers 15 Nov 2026 to 21 Nov 2026.\n\
         \n\
         ## Shipped\n\
         \n\
         - **Paired with Ana** (21 Nov 2026) · Area people\n\
         - **Cut p95 latency** (18 Nov 2026) · Area impact, Area craft\n\
         - **Shipped search** (15 Nov 2026): Users find things. · Area craft, Area impact\n\
         \n\
         ## Moved\n\
         \n\
         - p95 latency 900 → 300 ms (−67%): Cut p95 latency\n\
         \n\
         ## Next\n\
         \n\
         - Finish the review (this week)\n\
         - Plan the quarter (next week)\n\
         - Moved on (next week)\n\
         - Draft the design, due 21 Nov 2026 (towards Lead the billing rewrite)\n\
         - Pilot, due 25 Nov 2026 (towards Run the pilot)\n\
         - Review the design, due 5 Dec 2026 (towards Lead the billing rewrite)\n\
         \n\
         ## Where I need help\n\
         \n\
         - Write the RFC (not done in the week of 9 Nov 2026)\n\
         - Blocked on access (not done in the week of 16 Nov 2026)\n"
    );
}

#[test]
fn empty_sections_have_a_line_to_fill_in() {
    let text = markdown(&draft(&Log::default(), &Plan::default(), None, today()));
    assert_eq!(
        text,
        "# Update\n\
         \n\
         Covers 15 Nov 2026 to 21 Nov 2026.\n\
         \n\
         ## Shipped\n\
         \n\
         _Nothing logged in this period._\n\
         \n\
         ## Moved\n\
         \n\
         _No number moved in this period._\n\
         \n\
         ## Next\n\
         \n\
         _Nothing planned yet: add this week's goals to the plan._\n\
         \n\
         ## Where I need help\n\
         \n\
         _Nothing noted: add anything you are stuck on._\n"
    );
    let l = sent(1, Some("2026-11-20"));
    assert!(markdown(&draft(&l, &Plan::default(), None, today()))
        .starts_with("# Update\n\nCovers 21 Nov 2026.\n"));
}

#[test]
fn user_text_cannot_break_the_update() {
    let mut r = rubric();
    r.tracks[0].areas[0].name = "# Craft | <b>".into();
    let mut e = linked(
        "e1",
        "2026-11-20",
        "Fixed *all* | <script>alert(1)</script> #",
        &["c2"],
    );
    e.result = Outcome::Sentence("Saved `money`\nand [time](x)".into());
    e.links = vec!["javascript:alert(1)".into()];
    let mut m = entry("e2", "2026-11-19", "# Metric");
    m.result = metric("# users | *all*", 1.0, 2.0, "<b>");
    let l = log(vec![e, m]);
    let plan = Plan {
        goals: vec![goal(
            "g1",
            "<b>Goal</b>",
            None,
            vec![
                milestone("m1", "1. first", Some("2026-11-22"), None),
                milestone("m2", "  ", Some("2026-11-23"), None),
            ],
        )],
        weeks: vec![week(
            "2026-11-16",
            vec![
                item("w1", "# urgent | *now*", Status::Open),
                item("w2", "- stuck <on> it", Status::NotDone),
                item("w3", " ", Status::Open),
            ],
        )],
        ..Plan::default()
    };
    let text = markdown(&draft(&l, &plan, Some(&r), today()));
    assert!(
        text.contains(
            "\n- **Fixed \\*all\\* \\| \\<script\\>alert(1)\\</script\\> \\#** (20 Nov 2026): \
         Saved \\`money\\` and \\[time\\](x) · # Craft \\| \\<b\\>\n"
        ),
        "{text}"
    );
    assert!(text.contains("\n- **# Metric** (19 Nov 2026)\n"));
    assert!(text.contains("\n- \\# users \\| \\*all\\* 1 → 2 \\<b\\> (+100%): # Metric\n"));
    assert!(text.contains("\n- \\# urgent \\| \\*now\\* (this week)\n"));
    assert!(text.contains("\n- Untitled goal (this week)\n"));
    assert!(text.contains("\n- 1\\. first, due 22 Nov 2026 (towards \\<b\\>Goal\\</b\\>)\n"));
    assert!(text.contains("\n- Untitled milestone, due 23 Nov 2026"));
    assert!(text.contains("\n- \\- stuck \\<on\\> it (not done in the week of 16 Nov 2026)\n"));
    assert!(!text.contains("<script>") && !text.contains("<b>"));
    assert!(!text.contains("javascript"), "an update lists no links");
}

// Property tests

proptest! {
    #![proptest_config(common::bounded(256))]

    #[test]
    fn drafting_an_update_never_panics_on_any_log(
        l in any_full_log(),
        plan in any_plan(),
        today in any_date(),
        with_rubric in any::<bool>(),
    ) {
        let before = l.clone();
        let r = rubric();
        let u = draft(&l, &plan, with_rubric.then_some(&r), today);
        let text = markdown(&u);
        prop_assert!(text.starts_with("# Update\n"));
        prop_assert_eq!(u.period.to, today);
        prop_assert!(u.period.from <= u.period.to);
        prop_assert!(u.shipped.iter().all(|s| u.period.contains(s.entry.date)));
        prop_assert!(u.moved.len() <= u.shipped.len());
        prop_assert!(u.help.iter().all(|s| s.item.status == Status::NotDone));
        let _ = due(&l, today);
        prop_assert_eq!(l, before);
    }
}

//! The promotion packet (`rungs::core::packet`): the period it covers, the
//! strongest entries per criterion, the areas of the target level, the
//! gaps with the goals that address them, the user's own words carried
//! through, and the Markdown export.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use rungs::core::part::Item;
use std::rc::Rc;

use common::{any_date, any_full_log, any_plan, day, entry, linked, log, metric, rubric};
use proptest::prelude::*;
use rungs::core::assessment::{Assessment, Rating};
use rungs::core::evidence::{Confirmer, Entry, Kind, Log, Narrative, Outcome};
use rungs::core::packet::{draft, markdown, strongest_first, Packet, Period, STRONGEST};
use rungs::core::plan::{Goal, Plan};
use rungs::core::rubric::Rubric;
use rungs::core::time::Date;

/// The twelve months to 30 Nov 2026.
fn year() -> Period {
    Period::last_months(day("2026-11-30"), 12)
}

fn ids(entries: &[&Entry]) -> Vec<String> {
    entries.iter().map(|e| e.id.clone()).collect()
}

fn confirmed(e: Entry, name: &str, role: &str) -> Entry {
    Entry {
        confirm: vec![Confirmer {
            name: name.into(),
            role: role.into(),
        }],
        ..e
    }
}

fn with_result(e: Entry, result: Outcome) -> Entry {
    Entry { result, ..e }
}

fn of_kind(e: Entry, kind: Kind) -> Entry {
    Entry { kind, ..e }
}

fn goal(id: &str, outcome: &str, criteria: &[&str], done: Option<&str>) -> Item<Goal> {
    Item::new(Goal {
        id: id.into(),
        outcome: outcome.into(),
        criteria: criteria.iter().map(|c| c.to_string()).collect(),
        done: done.map(day),
        ..Goal::default()
    })
}

/// A packet for Senior (l2) of the "eng" track over [`year`].
fn senior<'a>(l: &'a Log, r: &'a Rubric, plan: &'a Plan) -> Packet<'a> {
    draft(l, r, &Assessment::default(), plan, "eng", "l2", year())
}

fn area_ids(packet: &Packet) -> Vec<String> {
    packet.areas.iter().map(|a| a.area.id.clone()).collect()
}

fn criterion_ids(packet: &Packet) -> Vec<String> {
    packet
        .areas
        .iter()
        .flat_map(|a| &a.criteria)
        .map(|c| c.criterion.id.clone())
        .collect()
}

/// The entries shown for `criterion`, strongest first.
fn shown(packet: &Packet, criterion: &str) -> Vec<String> {
    let case = packet
        .areas
        .iter()
        .flat_map(|a| &a.criteria)
        .find(|c| c.criterion.id == criterion)
        .expect("the criterion is in the packet");
    ids(&case.entries)
}

// The period

#[test]
fn the_last_twelve_months_start_the_day_after_the_same_day_a_year_before() {
    let p = year();
    assert_eq!(
        (p.from.iso(), p.to.iso()),
        ("2025-12-01".into(), "2026-11-30".into())
    );
    let p = Period::last_months(day("2026-06-15"), 12);
    assert_eq!(p.from.iso(), "2025-06-16");
    // Across the turn of a year, and more than twelve months.
    assert_eq!(
        Period::last_months(day("2026-01-15"), 1).from.iso(),
        "2025-12-16"
    );
    assert_eq!(
        Period::last_months(day("2026-01-15"), 13).from.iso(),
        "2024-12-16"
    );
    assert_eq!(
        Period::last_months(day("2026-01-15"), 24).from.iso(),
        "2024-01-16"
    );
}

#[test]
fn a_month_end_looks_back_to_the_last_day_of_a_shorter_month() {
    for (today, months, from) in [
        ("2026-03-31", 1, "2026-03-01"),
        ("2026-05-31", 3, "2026-03-01"),
        ("2026-12-31", 10, "2026-03-01"),
        ("2024-03-31", 1, "2024-03-01"),
        ("2026-07-31", 1, "2026-07-01"),
        ("2026-10-31", 1, "2026-10-01"),
        // 29 Feb looks back to 28 Feb of a common year.
        ("2024-02-29", 12, "2023-03-01"),
        ("2028-02-29", 48, "2024-03-01"),
        // 28 Feb of a common year looks back to 28 Feb of a leap year.
        ("2025-02-28", 12, "2024-02-29"),
    ] {
        let p = Period::last_months(day(today), months);
        assert_eq!(p.from.iso(), from, "{months} months to {today}");
        assert_eq!(p.to.iso(), today);
    }
}

#[test]
fn no_months_is_today_alone_and_extremes_do_not_overflow() {
    let today = day("2026-11-30");
    assert_eq!(
        Period::last_months(today, 0),
        Period {
            from: today,
            to: today
        }
    );
    assert_eq!(Period::last_months(today, 0).label(), "30 Nov 2026");
    for today in [Date(i32::MIN), Date(i32::MIN + 40), Date(0), Date(i32::MAX)] {
        for months in [0, 1, 12, 1_000, u32::MAX] {
            let p = Period::last_months(today, months);
            assert!(p.from <= p.to && p.to == today, "{today:?} {months}");
            assert!(p.contains(today));
        }
    }
    assert_eq!(
        Period::last_months(Date(i32::MIN + 40), 12).from,
        Date(i32::MIN)
    );
}

#[test]
fn both_ends_of_a_period_are_in_it() {
    let p = year();
    assert!(p.contains(day("2025-12-01")));
    assert!(p.contains(day("2026-11-30")));
    assert!(p.contains(day("2026-02-28")));
    assert!(!p.contains(day("2025-11-30")));
    assert!(!p.contains(day("2026-12-01")));
    assert_eq!(p.label(), "1 Dec 2025 to 30 Nov 2026");
}

#[test]
fn only_entries_within_the_period_count() {
    let r = rubric();
    let l = log(vec![
        linked("e1", "2025-11-30", "The day before", &["c2"]),
        linked("e2", "2025-12-01", "The first day", &["c2"]),
        linked("e3", "2026-11-30", "The last day", &["c2"]),
        linked("e4", "2026-12-01", "The day after", &["c2", "c3"]),
        with_result(
            of_kind(
                linked("e5", "2024-06-01", "Long ago", &["i1"]),
                Kind::Project,
            ),
            metric("Cost", 2.0, 1.0, ""),
        ),
    ]);
    let plan = Plan::default();
    let p = senior(&l, &r, &plan);
    assert_eq!(shown(&p, "c2"), ["e3", "e2"]);
    assert_eq!(p.entries, 2);
    assert!(p.impact.is_empty() && p.projects.is_empty());
    let gaps: Vec<&str> = p.gaps.iter().map(|g| g.criterion.id.as_str()).collect();
    assert_eq!(gaps, ["c3", "i1", "i2", "o1"], "e4 and e5 are outside it");
}

#[test]
fn a_leap_day_is_counted_in_the_year_that_holds_it() {
    let r = rubric();
    let l = log(vec![
        linked("e1", "2024-02-29", "Leap day", &["c2"]),
        linked("e2", "2024-02-28", "The day before", &["c3"]),
    ]);
    let plan = Plan::default();
    let period = Period::last_months(day("2025-02-28"), 12);
    let p = draft(&l, &r, &Assessment::default(), &plan, "eng", "l2", period);
    assert_eq!(shown(&p, "c2"), ["e1"]);
    assert!(shown(&p, "c3").is_empty());
}

// The strongest entries

#[test]
fn the_strongest_entries_have_a_result_then_someone_to_confirm_then_are_newest() {
    let r = rubric();
    let l = log(vec![
        linked("e1", "2026-06-01", "Nothing to show", &["c2"]),
        with_result(
            linked("e2", "2026-03-01", "A sentence", &["c2"]),
            Outcome::Sentence("It worked.".into()),
        ),
        with_result(
            linked("e3", "2026-01-01", "A number", &["c2"]),
            metric("Errors", 10.0, 2.0, ""),
        ),
        confirmed(
            with_result(
                linked("e4", "2026-02-01", "A confirmed sentence", &["c2"]),
                Outcome::Sentence("Shipped.".into()),
            ),
            "Dana",
            "manager",
        ),
        confirmed(
            with_result(
                linked("e5", "2025-12-15", "A confirmed number", &["c2"]),
                metric("Cost", 3.0, 1.0, "k$"),
            ),
            "Lee",
            "",
        ),
        // A blank sentence is no result; a blank name is no one.
        confirmed(
            with_result(
                linked("e6", "2026-07-01", "A blank sentence", &["c2", "c2"]),
                Outcome::Sentence("  ".into()),
            ),
            "Ana",
            "",
        ),
        confirmed(linked("e7", "2026-08-01", "No one", &["c2"]), " ", "peer"),
    ]);
    let plan = Plan::default();
    let p = senior(&l, &r, &plan);
    let case = &p.areas[0].criteria[0];
    assert_eq!(case.criterion.id, "c2");
    assert_eq!(ids(&case.entries), ["e5", "e3", "e4"]);
    assert_eq!(case.entries.len(), STRONGEST);
    assert_eq!(case.linked, 7, "an entry listing it twice counts once");

    // The whole order, through the comparator the packet sorts with.
    let mut all: Vec<&Entry> = l.entries().collect();
    all.sort_by(|a, b| strongest_first(a, b));
    assert_eq!(ids(&all), ["e5", "e3", "e4", "e2", "e6", "e7", "e1"]);

    let text = markdown(&p);
    assert!(text.contains("\n- And 4 more in the log.\n"), "{text}");
    assert!(text.contains(
        "\n- **A confirmed number**, 15 Dec 2025: Cost 3 → 1 k$ (−67%). Confirm with: Lee\n"
    ));
    assert!(text.contains(
        "\n- **A confirmed sentence**, 1 Feb 2026: Shipped. Confirm with: Dana (manager)\n"
    ));
    let l = log(vec![confirmed(
        linked("e1", "2026-06-01", "Alone", &["c2"]),
        "Ana",
        "",
    )]);
    assert!(
        markdown(&senior(&l, &r, &plan)).contains("\n- **Alone**, 1 Jun 2026. Confirm with: Ana\n")
    );
}

#[test]
fn equally_strong_entries_keep_the_order_of_the_log() {
    let r = rubric();
    let l = log(vec![
        linked("e3", "2026-05-01", "Added first", &["c3"]),
        linked("e9", "2026-05-01", "Added later", &["c3"]),
        linked("e1", "2026-05-01", "Added last", &["c3"]),
    ]);
    let plan = Plan::default();
    let p = senior(&l, &r, &plan);
    assert_eq!(shown(&p, "c3"), ["e3", "e9", "e1"]);
}

// Areas and criteria

#[test]
fn areas_come_in_rubric_order_and_those_without_criteria_at_the_level_are_left_out() {
    let r = rubric();
    let l = Log::default();
    let plan = Plan::default();
    let p = senior(&l, &r, &plan);
    assert_eq!(
        area_ids(&p),
        ["craft", "impact", "ops"],
        "people has none at l2"
    );
    assert_eq!(criterion_ids(&p), ["c2", "c3", "i1", "i2", "o1"]);
    assert_eq!(p.level, "Senior");
    assert_eq!(p.track.map(|t| t.id.as_str()), Some("eng"));

    let at = |track: &str, level: &str| {
        let p = draft(&l, &r, &Assessment::default(), &plan, track, level, year());
        (area_ids(&p), p.level.clone())
    };
    assert_eq!(
        at("eng", "l1"),
        (vec!["craft".into(), "people".into()], "Engineer".into())
    );
    assert_eq!(at("mgmt", "l2"), (vec!["team".into()], "Senior".into()));
    assert_eq!(
        at("nope", "l2").0,
        ["craft", "impact", "ops"],
        "the first track"
    );
    assert_eq!(at("eng", "l9"), (vec![], "l9".into()), "an unknown level");
    assert_eq!(at("mgmt", "l1"), (vec![], "Engineer".into()));
}

#[test]
fn a_criterion_that_does_not_apply_is_left_out() {
    let r = rubric();
    let l = log(vec![linked("e1", "2026-03-01", "Incident review", &["o1"])]);
    let plan = Plan::default();
    let mut assessment = Assessment::default();
    let mut ratings = std::collections::BTreeMap::new();
    for id in ["o1", "i2"] {
        ratings.insert(
            id.to_owned(),
            Rating {
                not_applicable: true,
                ..Rating::default()
            },
        );
    }
    ratings.insert(
        "c3".to_owned(),
        Rating {
            evidence: "  Reviewed the payments design.\nAnd the search one.  ".into(),
            ..Rating::default()
        },
    );
    assessment.ratings = Rc::new(ratings);
    let p = draft(&l, &r, &assessment, &plan, "eng", "l2", year());
    assert_eq!(
        area_ids(&p),
        ["craft", "impact"],
        "ops is left with nothing"
    );
    assert_eq!(criterion_ids(&p), ["c2", "c3", "i1"]);
    assert_eq!((p.covered(), p.total()), (0, 3));
    let gaps: Vec<&str> = p.gaps.iter().map(|g| g.criterion.id.as_str()).collect();
    assert_eq!(gaps, ["c2", "c3", "i1"]);
    assert_eq!(
        p.areas[0].criteria[1].written,
        "Reviewed the payments design.\nAnd the search one."
    );
    assert!(markdown(&p)
        .contains("\n**In my words:** Reviewed the payments design. And the search one.\n"));
}

// Gaps

#[test]
fn gaps_list_the_active_goals_that_address_them() {
    let r = rubric();
    let l = log(vec![
        linked("e1", "2026-01-10", "Designed the queue", &["c2", "c3"]),
        linked("e2", "2026-02-10", "Moved retention", &["i1"]),
        linked("e3", "2024-01-10", "Old incident", &["o1", "i2"]),
    ]);
    let mut g3 = (*goal("g3", "Run the next two incidents", &["o1", "i2"], None)).clone();
    g3.due = Some(day("2027-03-01"));
    let plan = Plan {
        goals: vec![
            goal("g1", "Lead the billing rewrite", &["i2"], None),
            goal("g2", "Ship search", &["i2"], Some("2026-05-01")),
            Item::new(g3),
            goal("g4", "Unrelated", &["c1"], None),
        ],
        ..Plan::default()
    };
    let p = senior(&l, &r, &plan);
    let gaps: Vec<(&str, &str, Vec<&str>)> = p
        .gaps
        .iter()
        .map(|g| {
            (
                g.area.id.as_str(),
                g.criterion.id.as_str(),
                g.goals.iter().map(|goal| goal.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        gaps,
        [
            ("impact", "i2", vec!["g1", "g3"]),
            ("ops", "o1", vec!["g3"]),
        ],
        "the done goal g2 is left out"
    );
    let text = markdown(&p);
    assert!(
        text.contains(
            "\n## Where I am still growing\n\n\
         - Ships a project end to end. (Area impact)\n\
         \x20 - My plan: Lead the billing rewrite\n\
         \x20 - My plan: Run the next two incidents, due 1 Mar 2027\n\
         - Leads incidents. (Area ops)\n\
         \x20 - My plan: Run the next two incidents, due 1 Mar 2027\n"
        ),
        "{text}"
    );

    let no_plan = Plan::default();
    let text = markdown(&senior(&l, &r, &no_plan));
    assert!(text.contains("\n- Leads incidents. (Area ops): no goal in the plan for it yet.\n"));
}

#[test]
fn with_every_criterion_backed_there_is_no_gap() {
    let r = rubric();
    let l = log(vec![linked(
        "e1",
        "2026-01-10",
        "Everything",
        &["c2", "c3", "i1", "i2", "o1"],
    )]);
    let plan = Plan::default();
    let p = senior(&l, &r, &plan);
    assert!(p.gaps.is_empty());
    assert_eq!(
        p.header(),
        "Covers 1 Dec 2025 to 30 Nov 2026: 1 entry, backing 5 of 5 criteria."
    );
    assert!(markdown(&p).contains(
        "\n## Where I am still growing\n\nEvery criterion of Senior has at least one entry in this period.\n"
    ));
}

// Impact, projects and leadership

#[test]
fn impact_projects_and_leadership_are_gathered_newest_first() {
    let r = rubric();
    let mut story = of_kind(entry("e1", "2026-02-01", "Billing rewrite"), Kind::Project);
    story.story = "I led the design.\n\nI ran the rollout.".into();
    let l = log(vec![
        story,
        with_result(
            of_kind(entry("e2", "2026-04-01", "Search"), Kind::Project),
            metric("Search latency", 800.0, 200.0, "ms"),
        ),
        with_result(
            entry("e3", "2026-03-01", "Fewer pages"),
            metric("Pages", 40.0, 10.0, ""),
        ),
        with_result(
            entry("e4", "2026-05-01", "Said"),
            Outcome::Sentence("Better.".into()),
        ),
        of_kind(entry("e5", "2026-06-01", "Mentored Ana"), Kind::Mentoring),
        of_kind(entry("e6", "2026-01-01", "Led the guild"), Kind::Leadership),
        of_kind(entry("e7", "2025-01-01", "Old mentoring"), Kind::Mentoring),
        of_kind(entry("e8", "2026-07-01", "Talk"), Kind::Visibility),
    ]);
    let plan = Plan::default();
    let p = senior(&l, &r, &plan);
    assert_eq!(ids(&p.impact), ["e2", "e3"]);
    assert_eq!(ids(&p.projects), ["e2", "e1"]);
    assert_eq!(ids(&p.leadership), ["e5", "e6"]);
    assert_eq!(p.entries, 7);
    assert_eq!(
        p.header(),
        "Covers 1 Dec 2025 to 30 Nov 2026: 7 entries, backing 0 of 5 criteria."
    );

    let text = markdown(&p);
    assert!(
        text.contains(
            "\n## Impact in numbers\n\n\
         - Search latency 800 → 200 ms (−75%): Search, 1 Apr 2026\n\
         - Pages 40 → 10 (−75%): Fewer pages, 1 Mar 2026\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "\n## Projects and my role\n\n\
         ### Search\n\n1 Apr 2026 · **Result:** Search latency 800 → 200 ms (−75%)\n\n\
         _Say what your part in it was._\n\n\
         ### Billing rewrite\n\n1 Feb 2026\n\nI led the design.\n\nI ran the rollout.\n"
        ),
        "{text}"
    );
    assert!(text.contains(
        "\n## Leadership and mentoring\n\n\
         - **Mentored Ana** (Mentoring, 1 Jun 2026)\n\
         - **Led the guild** (Leadership, 1 Jan 2026)\n"
    ));
}

#[test]
fn empty_sections_say_so() {
    let r = rubric();
    let l = Log::default();
    let plan = Plan::default();
    let text = markdown(&senior(&l, &r, &plan));
    assert!(text.starts_with(
        "# Self-review: Senior\n\nCovers 1 Dec 2025 to 30 Nov 2026: 0 entries, backing 0 of 5 criteria.\n"
    ), "{text}");
    assert!(text.contains("\n## Summary\n\n_Write a few sentences on why you are ready for Senior"));
    assert!(text.contains("\n## Impact in numbers\n\n_No result with a number"));
    assert!(text.contains("\n## Area craft\n\n_Add a line on this area in your own words._\n"));
    assert!(text.contains("\n### Reviews designs.\n\n_Nothing logged for it in this period._\n"));
    assert!(text.contains("\n## Projects and my role\n\n_No project logged in this period._\n"));
    assert!(text.contains("\n## Leadership and mentoring\n\n_No leadership or mentoring"));

    let text = markdown(&draft(
        &l,
        &r,
        &Assessment::default(),
        &plan,
        "eng",
        "l9",
        year(),
    ));
    assert!(text.contains("\n## Where I am still growing\n\n_l9 has no criteria in this track._\n"));
    assert!(!text.contains("\n## Area "));
    assert!(markdown(&draft(
        &l,
        &Rubric::default(),
        &Assessment::default(),
        &plan,
        "",
        "",
        year()
    ))
    .starts_with("# Self-review: Untitled\n"));
}

#[test]
fn the_sections_come_in_order() {
    let r = rubric();
    let l = Log::default();
    let plan = Plan::default();
    let text = markdown(&senior(&l, &r, &plan));
    let headings: Vec<&str> = text.lines().filter(|line| line.starts_with("##")).collect();
    assert_eq!(
        headings,
        [
            "## Summary",
            "## Impact in numbers",
            "## Area craft",
            "### Designs services \\| \\*well\\*.",
            "### Reviews designs.",
            "## Area impact",
            "### Moves a team metric.",
            "### Ships a project end to end.",
            "## Area ops",
            "### Leads incidents.",
            "## Projects and my role",
            "## Leadership and mentoring",
            "## Where I am still growing",
        ]
    );
}

// The user's own words

#[test]
fn the_narrative_is_carried_through_as_written_and_never_written() {
    let r = rubric();
    let mut l = log(vec![linked(
        "e1",
        "2026-03-01",
        "Designed the queue",
        &["c2"],
    )]);
    l.narrative = Narrative {
        summary: "I have led two teams' designs this year.\n\n# Not a heading\n  ".into(),
        areas: [
            (
                "craft".to_owned(),
                "- My designs held up.\nAll of them.".to_owned(),
            ),
            ("people".to_owned(), "Not at this level.".to_owned()),
            ("gone".to_owned(), "An area the rubric lost.".to_owned()),
        ]
        .into_iter()
        .collect(),
    };
    let before = l.clone();
    let plan = Plan::default();
    let p = senior(&l, &r, &plan);
    assert_eq!(p.summary, l.narrative.summary);
    assert_eq!(p.areas[0].line, "- My designs held up.\nAll of them.");
    assert_eq!(p.areas[1].line, "");
    let text = markdown(&p);
    assert_eq!(l, before, "drafting never changes the log");
    assert!(text.contains(
        "\n## Summary\n\nI have led two teams' designs this year.\n\n\\# Not a heading\n\n## Impact"
    ), "{text}");
    assert!(text.contains("\n## Area craft\n\n\\- My designs held up.\n\nAll of them.\n"));
    assert!(!text.contains("Not at this level"));
    assert!(!text.contains("An area the rubric lost"));
    assert!(!text.contains("_Write a few sentences"));
}

// Escaping

#[test]
fn user_and_rubric_text_cannot_break_the_packet() {
    let mut r = rubric();
    r.levels[1].name = "Senior *II* #".into();
    r.tracks[0].areas[0].name = "# Craft | <b>".into();
    let mut e = confirmed(
        linked(
            "e1",
            "2026-03-01",
            "Fixed *all* | <script>alert(1)</script> #",
            &["c2"],
        ),
        "Dana *",
        "manager | lead",
    );
    e.kind = Kind::Project;
    e.story = "# Not a heading\n1. not a list\n<script>x</script>".into();
    e.result = Outcome::Sentence("Saved `money`\nand [time](x)".into());
    e.links = vec![
        "https://example.com/pr/1_2*3".into(),
        "javascript:alert(1)".into(),
        "  ".into(),
    ];
    let l = log(vec![e]);
    let plan = Plan {
        goals: vec![goal("g1", "Own *the* | <i>roadmap</i>", &["o1"], None)],
        ..Plan::default()
    };
    let text = markdown(&senior(&l, &r, &plan));
    assert!(
        text.starts_with("# Self-review: Senior \\*II\\* \\#\n"),
        "{text}"
    );
    assert!(text.contains("\n## # Craft \\| \\<b\\>\n"));
    assert!(
        text.contains(
            "\n- **Fixed \\*all\\* \\| \\<script\\>alert(1)\\</script\\> \\#**, 1 Mar 2026: \
         Saved \\`money\\` and \\[time\\](x). Confirm with: Dana \\* (manager \\| lead)\n\
         \x20 - <https://example.com/pr/1_2*3>\n\
         \x20 - javascript:alert(1)\n"
        ),
        "{text}"
    );
    assert!(text.contains("\n### Fixed \\*all\\* \\| \\<script\\>alert(1)\\</script\\> \\#\n"));
    assert!(text.contains("\n\\# Not a heading\n\n1\\. not a list\n\n\\<script\\>x\\</script\\>\n"));
    assert!(text.contains("  - My plan: Own \\*the\\* \\| \\<i\\>roadmap\\</i\\>\n"));
    assert!(!text.contains("<script>"));
    assert!(!text.contains("<javascript"));
    assert!(!text.contains("](javascript"));
    assert!(!text.contains("<b>") && !text.contains("<i>"));
}

// A year of data

#[test]
fn a_year_of_entries_is_drafted_in_full() {
    let r = rubric();
    let criteria = ["c2", "c3", "i1", "i2", "o1"];
    let start = day("2025-12-01");
    let entries: Vec<Entry> = (0..300)
        .map(|n: usize| {
            let date = start.plus_days((n * 365 / 300) as i32);
            let linked: Vec<String> = (0..1 + n % 3)
                .map(|k| criteria[(n + 2 * k) % criteria.len()].to_owned())
                .collect();
            let result = match n % 4 {
                0 => metric("Latency", 100.0 + n as f64, 50.0, "ms"),
                1 => Outcome::Sentence(format!("Result {n}.")),
                _ => Outcome::None,
            };
            let confirm = if n % 5 == 0 {
                vec![Confirmer {
                    name: "Dana".into(),
                    role: "manager".into(),
                }]
            } else {
                Vec::new()
            };
            Entry {
                criteria: linked,
                result,
                confirm,
                kind: Kind::ALL[n % Kind::ALL.len()],
                ..Entry::quick(format!("e{}", n + 1), &format!("Entry {n}"), date)
            }
        })
        .collect();
    let l = log(entries);
    let plan = Plan::default();
    let p = senior(&l, &r, &plan);
    assert_eq!(p.entries, 300);
    assert!(p.gaps.is_empty());
    assert_eq!((p.covered(), p.total()), (5, 5));
    for case in p.areas.iter().flat_map(|a| &a.criteria) {
        let proving: Vec<&Entry> = l
            .entries()
            .filter(|e| e.criteria.contains(&case.criterion.id))
            .collect();
        assert_eq!(case.linked, proving.len(), "{}", case.criterion.id);
        assert_eq!(case.entries.len(), STRONGEST);
        // The strongest are at least as strong as any other entry.
        let mut expected = proving.clone();
        expected.sort_by(|a, b| strongest_first(a, b));
        assert_eq!(ids(&case.entries), ids(&expected[..STRONGEST]));
        assert!(case
            .entries
            .iter()
            .all(|e| matches!(e.result, Outcome::Metric { .. })));
    }
    assert_eq!(p.impact.len(), 75);
    assert!(p.impact.windows(2).all(|w| w[0].date >= w[1].date));
    assert_eq!(p.projects.len(), 300 / 8 + 1);
    assert_eq!(p.leadership.len(), 2 * (300 / 8) + 2);
    let text = markdown(&p);
    assert_eq!(text.matches("\n- Latency ").count(), 75);
    assert!(text.contains(": 300 entries, backing 5 of 5 criteria."));
}

// Property tests

/// The rubric or nothing, any target, any period, any assessment.
fn exercise(l: &Log, plan: &Plan, track: &str, target: &str, period: Period, not_applicable: bool) {
    let mut assessment = Assessment::default();
    if not_applicable {
        assessment.ratings = Rc::new(
            [(
                "c2".to_owned(),
                Rating {
                    not_applicable: true,
                    evidence: "# x | *y*".into(),
                    ..Rating::default()
                },
            )]
            .into_iter()
            .collect(),
        );
    }
    for r in [rubric(), Rubric::default()] {
        let p = draft(l, &r, &assessment, plan, track, target, period);
        let text = markdown(&p);
        assert!(text.starts_with("# Self-review: "));
        assert!(p.covered() <= p.total());
        assert!(p.entries <= l.entries.len());
        assert_eq!(p.summary, l.narrative.summary);
        for case in p.areas.iter().flat_map(|a| &a.criteria) {
            assert!(case.entries.len() <= STRONGEST.min(case.linked));
            assert!(case.entries.iter().all(|e| period.contains(e.date)));
        }
    }
}

proptest! {
    #![proptest_config(common::bounded(256))]

    #[test]
    fn drafting_a_packet_never_panics_on_any_log(
        l in any_full_log(),
        plan in any_plan(),
        track in prop_oneof![Just("eng"), Just("mgmt"), Just("")],
        target in prop_oneof![Just("l1"), Just("l2"), Just("l9")],
        ends in (any_date(), any_date()),
        months in prop_oneof![Just(12u32), any::<u32>()],
        not_applicable in any::<bool>(),
    ) {
        let before = l.clone();
        exercise(&l, &plan, track, target, Period { from: ends.0, to: ends.1 }, not_applicable);
        exercise(&l, &plan, track, target, Period::last_months(ends.1, months), not_applicable);
        prop_assert_eq!(l, before);
    }
}

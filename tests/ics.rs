//! Native tests of the iCalendar export in `rungs::core::export::ics`,
//! read back with a small RFC 5545 reader written here, independent of the
//! writer.
#![cfg(not(target_arch = "wasm32"))]

use rungs::core::export::ics::{calendar, FILE_NAME};
use rungs::core::plan::{Goal, Milestone, Plan, Schedule};
use rungs::core::time::{Date, Weekday};

/// A list of shared items, as the plan keeps them.
macro_rules! shared {
    ($($item:expr),* $(,)?) => {
        vec![$(rungs::core::part::Item::new($item)),*]
    };
}

/// 2026-11-21T06:05:07Z, a Saturday.
const STAMP: u64 = 1_795_241_107_000;
/// A day and a bit later: 2026-11-22T07:08:09Z.
const LATER: u64 = 1_795_331_289_000;

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("{text} is a date"))
}

// --- The reader -----------------------------------------------------------

/// One unfolded content line: `name;params:value`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Prop {
    name: String,
    params: Vec<String>,
    value: String,
}

/// The physical lines of `ics`, checking that each ends with CRLF and that
/// no CR or LF appears anywhere else.
fn physical_lines(ics: &str) -> Vec<&str> {
    assert!(ics.ends_with("\r\n"), "the file ends with CRLF");
    let lines: Vec<&str> = ics[..ics.len() - 2].split("\r\n").collect();
    for line in &lines {
        assert!(
            !line.contains('\r') && !line.contains('\n'),
            "a bare CR or LF in {line:?}"
        );
    }
    lines
}

/// Unfolds (RFC 5545 3.1): a line starting with a space or tab continues
/// the one before, less that first character.
fn unfold(ics: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in physical_lines(ics) {
        match line.strip_prefix([' ', '\t']) {
            Some(rest) => lines.last_mut().expect("a line to continue").push_str(rest),
            None => lines.push(line.to_owned()),
        }
    }
    lines
}

/// Splits a content line at the first colon outside a quoted parameter.
fn parse_line(line: &str) -> Prop {
    let mut quoted = false;
    let colon = line
        .char_indices()
        .find(|&(_, c)| {
            if c == '"' {
                quoted = !quoted;
            }
            c == ':' && !quoted
        })
        .map(|(at, _)| at)
        .unwrap_or_else(|| panic!("no colon in {line:?}"));
    let mut head = line[..colon].split(';');
    let name = head.next().unwrap().to_owned();
    assert!(
        !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'),
        "bad property name {name:?}"
    );
    Prop {
        name,
        params: head.map(str::to_owned).collect(),
        value: line[colon + 1..].to_owned(),
    }
}

fn parse(ics: &str) -> Vec<Prop> {
    unfold(ics).iter().map(|line| parse_line(line)).collect()
}

/// Reads a TEXT value back; panics on a comma or semicolon left unescaped
/// or on an escape RFC 5545 does not know.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n' | 'N') => out.push('\n'),
                other => panic!("bad escape \\{other:?} in {value:?}"),
            },
            ',' | ';' => panic!("unescaped {c:?} in {value:?}"),
            c => out.push(c),
        }
    }
    out
}

/// The events of a calendar, each as its properties, checking that every
/// BEGIN has its END.
fn events(ics: &str) -> Vec<Vec<Prop>> {
    let props = parse(ics);
    let mut stack: Vec<String> = Vec::new();
    let mut events = Vec::new();
    let mut current: Option<Vec<Prop>> = None;
    for prop in props {
        match prop.name.as_str() {
            "BEGIN" => {
                if prop.value == "VEVENT" {
                    assert_eq!(stack, ["VCALENDAR"], "VEVENT directly in VCALENDAR");
                    current = Some(Vec::new());
                }
                stack.push(prop.value);
            }
            "END" => {
                assert_eq!(stack.pop().as_ref(), Some(&prop.value), "END matches BEGIN");
                if prop.value == "VEVENT" {
                    events.push(current.take().unwrap());
                }
            }
            _ => {
                assert!(!stack.is_empty(), "{prop:?} outside VCALENDAR");
                if let Some(event) = current.as_mut() {
                    event.push(prop);
                }
            }
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    events
}

/// The one property `name` of an event, as `name;params:value`, without the
/// value unescaped.
fn get<'a>(event: &'a [Prop], name: &str) -> &'a Prop {
    let found: Vec<&Prop> = event.iter().filter(|p| p.name == name).collect();
    assert_eq!(found.len(), 1, "one {name} in {event:?}");
    found[0]
}

fn has(event: &[Prop], name: &str) -> bool {
    event.iter().any(|p| p.name == name)
}

/// The value of a property, with its parameters: "VALUE=DATE:20261231".
fn full(event: &[Prop], name: &str) -> String {
    let prop = get(event, name);
    let mut text = String::new();
    for param in &prop.params {
        text.push_str(param);
        text.push(';');
    }
    if !prop.params.is_empty() {
        text.pop();
        text.push(':');
    }
    text.push_str(&prop.value);
    text
}

fn summary(event: &[Prop]) -> String {
    unescape(&get(event, "SUMMARY").value)
}

fn summaries(ics: &str) -> Vec<String> {
    events(ics).iter().map(|event| summary(event)).collect()
}

/// The event with this summary.
fn event(ics: &str, title: &str) -> Vec<Prop> {
    events(ics)
        .into_iter()
        .find(|event| summary(event) == title)
        .unwrap_or_else(|| panic!("no event {title:?} in {ics}"))
}

// --- Plans ----------------------------------------------------------------

/// Every two weeks on Tuesday at 09:30 for 45 minutes, counted from a
/// Saturday.
fn schedule() -> Schedule {
    Schedule {
        id: "s1".into(),
        every: 2,
        weekday: Weekday::Tuesday,
        time: 9 * 60 + 30,
        length: 45,
        with: "Dana, my manager".into(),
        from: date("2026-11-21"),
    }
}

fn goal(id: &str, outcome: &str, due: Option<&str>) -> Goal {
    Goal {
        id: id.into(),
        outcome: outcome.into(),
        due: due.map(date),
        ..Goal::default()
    }
}

fn milestone(id: &str, title: &str, due: Option<&str>) -> Milestone {
    Milestone {
        id: id.into(),
        title: title.into(),
        due: due.map(date),
        done: None,
    }
}

/// A plan with a bit of everything.
fn full_plan() -> Plan {
    let mut lead = goal("g1", "Lead the billing migration", Some("2027-03-31"));
    lead.metric = "Services migrated".into();
    lead.baseline = "0".into();
    lead.target = "12".into();
    lead.milestones = vec![
        milestone("m1", "Design doc approved", Some("2026-12-31")),
        milestone("m2", "Someday", None),
        Milestone {
            done: Some(date("2027-01-10")),
            ..milestone("m3", "Pilot service", Some("2027-01-15"))
        },
    ];
    let mut mentor = goal("g2", "Mentor two juniors", None);
    mentor.milestones = vec![milestone("m4", "First pairing plan", Some("2027-02-28"))];
    let done = Goal {
        done: Some(date("2026-11-01")),
        ..goal("g3", "Ship the on-call guide", Some("2026-10-31"))
    };
    Plan {
        target: Some(date("2027-06-30")),
        goals: shared![lead, mentor, done],
        schedule: Some(schedule()),
        ..Plan::default()
    }
}

// --- Tests ----------------------------------------------------------------

#[test]
fn the_file_name_is_an_ics_file() {
    assert_eq!(FILE_NAME, "rungs-plan.ics");
}

#[test]
fn a_tiny_plan_gives_exactly_this_file() {
    let mut g = goal("g1", "Write the RFC", Some("2026-12-31"));
    g.metric = "Reviews".into();
    g.baseline = "0".into();
    g.target = "3".into();
    g.milestones = vec![milestone("m1", "Draft", Some("2026-12-01"))];
    let plan = Plan {
        target: Some(date("2027-01-31")),
        goals: shared![g],
        schedule: Some(schedule()),
        ..Plan::default()
    };
    let expected = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//Rungs//Promotion plan//EN\r\n\
CALSCALE:GREGORIAN\r\n\
METHOD:PUBLISH\r\n\
X-WR-CALNAME:Promotion plan\r\n\
BEGIN:VEVENT\r\n\
UID:s1@rungs\r\n\
DTSTAMP:20261121T060507Z\r\n\
DTSTART:20261124T093000\r\n\
DURATION:PT45M\r\n\
RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270131T235959\r\n\
SUMMARY:Check-in with Dana\\, my manager\r\n\
DESCRIPTION:Goals:\\nWrite the RFC\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:g1-due@rungs\r\n\
DTSTAMP:20261121T060507Z\r\n\
DTSTART;VALUE=DATE:20261231\r\n\
DTEND;VALUE=DATE:20270101\r\n\
SUMMARY:Goal due: Write the RFC\r\n\
DESCRIPTION:Reviews: 0 → 3\r\n\
TRANSP:TRANSPARENT\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:m1@rungs\r\n\
DTSTAMP:20261121T060507Z\r\n\
DTSTART;VALUE=DATE:20261201\r\n\
DTEND;VALUE=DATE:20261202\r\n\
SUMMARY:Milestone: Draft (Write the RFC)\r\n\
TRANSP:TRANSPARENT\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";
    assert_eq!(calendar(&plan, STAMP), expected);
}

#[test]
fn the_calendar_has_its_header_and_balanced_components() {
    let ics = calendar(&full_plan(), STAMP);
    let props = parse(&ics);
    let head: Vec<String> = props
        .iter()
        .take(6)
        .map(|p| format!("{}:{}", p.name, p.value))
        .collect();
    assert_eq!(
        head,
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Rungs//Promotion plan//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Promotion plan",
        ]
    );
    let last = props.last().unwrap();
    assert_eq!(
        (last.name.as_str(), last.value.as_str()),
        ("END", "VCALENDAR")
    );
    let begins = props.iter().filter(|p| p.name == "BEGIN").count();
    let ends = props.iter().filter(|p| p.name == "END").count();
    assert_eq!(begins, ends);
    // events() checks the nesting.
    assert_eq!(events(&ics).len(), 6);
}

#[test]
fn every_event_has_uid_dtstamp_dtstart_and_summary() {
    let ics = calendar(&full_plan(), STAMP);
    for event in events(&ics) {
        for name in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
            get(&event, name);
        }
        assert_eq!(get(&event, "DTSTAMP").value, "20261121T060507Z");
        assert!(get(&event, "DTSTAMP").params.is_empty());
    }
}

#[test]
fn events_come_in_plan_order_and_undated_items_are_skipped() {
    let ics = calendar(&full_plan(), STAMP);
    assert_eq!(
        summaries(&ics),
        [
            "Check-in with Dana, my manager",
            "Goal due: Lead the billing migration",
            "Milestone: Design doc approved (Lead the billing migration)",
            "Milestone done: Pilot service (Lead the billing migration)",
            // g2 has no due date, but its milestone has.
            "Milestone: First pairing plan (Mentor two juniors)",
            "Goal done: Ship the on-call guide",
        ]
    );
    assert!(!ics.contains("Someday"));
    assert!(!ics.contains("g2-due"));
}

#[test]
fn the_check_in_series_repeats_weekly_until_the_target() {
    let ics = calendar(&full_plan(), STAMP);
    let series = event(&ics, "Check-in with Dana, my manager");
    assert_eq!(get(&series, "UID").value, "s1@rungs");
    // Saturday 21 Nov 2026, so the first Tuesday is the 24th. Floating time:
    // no Z, no TZID.
    assert_eq!(full(&series, "DTSTART"), "20261124T093000");
    assert_eq!(full(&series, "DURATION"), "PT45M");
    assert_eq!(
        full(&series, "RRULE"),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270630T235959"
    );
    assert!(!has(&series, "DTEND"));
    assert!(!has(&series, "TRANSP"), "check-ins do take time");
    // Only the goals still active are listed.
    assert_eq!(
        unescape(&get(&series, "DESCRIPTION").value),
        "Goals:\nLead the billing migration\nMentor two juniors"
    );
}

#[test]
fn without_a_target_the_series_has_no_end() {
    let mut plan = full_plan();
    plan.target = None;
    let ics = calendar(&plan, STAMP);
    let series = event(&ics, "Check-in with Dana, my manager");
    assert_eq!(full(&series, "RRULE"), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU");
    assert!(!ics.contains("UNTIL"));
}

#[test]
fn a_target_before_the_first_check_in_sets_no_end_and_one_on_it_does() {
    let rule = |target: &str| {
        let plan = Plan {
            target: Some(date(target)),
            schedule: Some(schedule()),
            ..Plan::default()
        };
        full(&events(&calendar(&plan, STAMP))[0], "RRULE")
    };
    assert_eq!(rule("2026-11-23"), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU");
    assert_eq!(
        rule("2026-11-24"),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20261124T235959"
    );
}

#[test]
fn a_check_in_with_nobody_named_and_no_goals_is_plain() {
    let plan = Plan {
        schedule: Some(Schedule {
            every: 1,
            weekday: Weekday::Monday,
            time: 0,
            length: 90,
            with: "  ".into(),
            from: date("2026-11-23"),
            ..schedule()
        }),
        ..Plan::default()
    };
    let ics = calendar(&plan, STAMP);
    let series = event(&ics, "Check-in");
    // From a Monday on a Monday: that very day.
    assert_eq!(full(&series, "DTSTART"), "20261123T000000");
    assert_eq!(full(&series, "DURATION"), "PT90M");
    assert_eq!(full(&series, "RRULE"), "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO");
    assert!(!has(&series, "DESCRIPTION"));
}

#[test]
fn all_day_events_end_the_next_day_across_months_and_years() {
    let cases = [
        ("2026-12-31", "20261231", "20270101"),
        ("2026-11-30", "20261130", "20261201"),
        ("2027-02-28", "20270228", "20270301"),
        ("2028-02-28", "20280228", "20280229"),
        ("2028-02-29", "20280229", "20280301"),
        ("2027-03-15", "20270315", "20270316"),
    ];
    for (due, start, end) in cases {
        let mut g = goal("g1", "Goal", Some(due));
        g.milestones = vec![milestone("m1", "Step", Some(due))];
        let plan = Plan {
            goals: shared![g],
            ..Plan::default()
        };
        let ics = calendar(&plan, STAMP);
        for event in events(&ics) {
            assert_eq!(
                full(&event, "DTSTART"),
                format!("VALUE=DATE:{start}"),
                "{due}"
            );
            assert_eq!(full(&event, "DTEND"), format!("VALUE=DATE:{end}"), "{due}");
            assert_eq!(full(&event, "TRANSP"), "TRANSPARENT");
            assert!(!has(&event, "RRULE") && !has(&event, "DURATION"));
        }
    }
}

#[test]
fn a_goal_event_describes_its_measure() {
    let ics = calendar(&full_plan(), STAMP);
    let lead = event(&ics, "Goal due: Lead the billing migration");
    assert_eq!(get(&lead, "UID").value, "g1-due@rungs");
    assert_eq!(
        unescape(&get(&lead, "DESCRIPTION").value),
        "Services migrated: 0 → 12"
    );
    let done = event(&ics, "Goal done: Ship the on-call guide");
    assert!(!has(&done, "DESCRIPTION"), "no measure written");
    assert_eq!(full(&done, "DTSTART"), "VALUE=DATE:20261031");
}

#[test]
fn untitled_goals_and_milestones_get_stand_ins() {
    let mut g = goal("g1", " ", Some("2027-01-01"));
    g.milestones = vec![milestone("m1", "", Some("2027-01-02"))];
    let plan = Plan {
        goals: shared![g],
        ..Plan::default()
    };
    assert_eq!(
        summaries(&calendar(&plan, STAMP)),
        [
            "Goal due: Untitled goal",
            "Milestone: Untitled milestone (Untitled goal)"
        ]
    );
}

#[test]
fn uids_are_stable_across_exports_and_unique_within_one() {
    let plan = full_plan();
    let first = calendar(&plan, STAMP);
    let second = calendar(&plan, LATER);
    assert_ne!(first, second);

    let uids = |ics: &str| -> Vec<String> {
        events(ics)
            .iter()
            .map(|event| get(event, "UID").value.clone())
            .collect()
    };
    assert_eq!(uids(&first), uids(&second));
    assert_eq!(
        uids(&first),
        [
            "s1@rungs",
            "g1-due@rungs",
            "m1@rungs",
            "m3@rungs",
            "m4@rungs",
            "g3-due@rungs"
        ]
    );
    let mut unique = uids(&first);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids(&first).len());

    // Nothing but DTSTAMP differs.
    let a = unfold(&first);
    let b = unfold(&second);
    assert_eq!(a.len(), b.len());
    for (a, b) in a.iter().zip(&b) {
        if a.starts_with("DTSTAMP:") {
            assert_eq!(a, "DTSTAMP:20261121T060507Z");
            assert_eq!(b, "DTSTAMP:20261122T070809Z");
        } else {
            assert_eq!(a, b);
        }
    }
}

#[test]
fn uids_depend_on_ids_not_on_titles_or_dates() {
    let mut plan = full_plan();
    let before = calendar(&plan, STAMP);
    plan.goals[0].make_mut().outcome = "Lead the whole billing migration".into();
    plan.goals[0].make_mut().due = Some(date("2027-04-30"));
    plan.goals[0].make_mut().milestones[0].title = "Design doc signed off".into();
    let after = calendar(&plan, STAMP);
    let uids = |ics: &str| -> Vec<String> {
        events(ics)
            .iter()
            .map(|event| get(event, "UID").value.clone())
            .collect()
    };
    assert_ne!(before, after);
    assert_eq!(uids(&before), uids(&after));
}

#[test]
fn an_empty_plan_is_a_valid_calendar_without_events() {
    let ics = calendar(&Plan::default(), STAMP);
    assert_eq!(
        ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rungs//Promotion plan//EN\r\n\
         CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Promotion plan\r\n\
         END:VCALENDAR\r\n"
    );
    assert!(events(&ics).is_empty());
}

#[test]
fn text_is_escaped_and_reads_back() {
    let outcome = "Cut p99, p95; and p50 \\ all\nby half\r\nthen\rmore";
    let mut g = goal("g1", outcome, Some("2027-01-01"));
    g.metric = "Latency; ms".into();
    g.baseline = "800, 400".into();
    g.target = "a\\b".into();
    let plan = Plan {
        goals: shared![g],
        schedule: Some(Schedule {
            with: "Dana; Sam, and \\ Lee\nHR".into(),
            ..schedule()
        }),
        ..Plan::default()
    };
    let ics = calendar(&plan, STAMP);
    let read = "Cut p99, p95; and p50 \\ all\nby half\nthen\nmore";
    let goal_event = event(&ics, &format!("Goal due: {read}"));
    assert_eq!(
        get(&goal_event, "SUMMARY").value,
        "Goal due: Cut p99\\, p95\\; and p50 \\\\ all\\nby half\\nthen\\nmore"
    );
    assert_eq!(
        unescape(&get(&goal_event, "DESCRIPTION").value),
        "Latency; ms: 800, 400 → a\\b"
    );
    let series = event(&ics, "Check-in with Dana; Sam, and \\ Lee\nHR");
    assert_eq!(
        unescape(&get(&series, "DESCRIPTION").value),
        format!("Goals:\n{read}")
    );
    // Every TEXT value reads back without a stray , ; or escape.
    for prop in parse(&ics) {
        if ["SUMMARY", "DESCRIPTION", "UID", "X-WR-CALNAME"].contains(&prop.name.as_str()) {
            unescape(&prop.value);
        }
    }
}

#[test]
fn long_lines_fold_at_75_octets_on_character_boundaries() {
    // Two-octet letters, three-octet ellipses and four-octet emoji, so that
    // folds land where a character would straddle the 75th octet.
    let title = "Ünïcödé… 🚀 réüssir la migration — ✨ ".repeat(6);
    let title = title.trim();
    let mut g = goal("g1", title, Some("2027-01-01"));
    g.milestones = vec![milestone("m1", &"ß🎉".repeat(40), Some("2027-01-02"))];
    let plan = Plan {
        goals: shared![g],
        schedule: Some(schedule()),
        ..Plan::default()
    };
    let ics = calendar(&plan, STAMP);
    let lines = physical_lines(&ics);
    let mut folds = 0;
    for pair in lines.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        if let Some(rest) = next.strip_prefix(' ') {
            folds += 1;
            // Folded as late as possible: the next character did not fit.
            let carried = rest.chars().next().unwrap().len_utf8();
            assert!(
                line.len() + carried > 75,
                "folded early at {} octets: {line:?}",
                line.len()
            );
        }
    }
    assert!(lines.last().unwrap().len() <= 75);
    assert!(folds >= 6, "only {folds} folds");
    // Some fold fell short of 75 to keep a character whole.
    assert!(lines
        .windows(2)
        .any(|pair| pair[1].starts_with(' ') && pair[0].len() < 75));
    // Nothing lost or added in the folding.
    assert_eq!(
        summaries(&ics)[1..],
        [
            format!("Goal due: {title}"),
            format!("Milestone: {} ({title})", "ß🎉".repeat(40)),
        ]
    );
    assert_eq!(
        unescape(&get(&events(&ics)[0], "DESCRIPTION").value),
        format!("Goals:\n{title}")
    );
}

#[test]
fn lines_of_exactly_75_octets_are_not_folded() {
    // "SUMMARY:Goal due: " is 18 octets; 57 more make 75.
    let exact = "x".repeat(57);
    let plan = Plan {
        goals: shared![goal("g1", &exact, Some("2027-01-01"))],
        ..Plan::default()
    };
    let ics = calendar(&plan, STAMP);
    let line = format!("SUMMARY:Goal due: {exact}");
    assert_eq!(line.len(), 75);
    assert!(ics.contains(&format!("\r\n{line}\r\nTRANSP")));

    let over = "x".repeat(58);
    let plan = Plan {
        goals: shared![goal("g1", &over, Some("2027-01-01"))],
        ..Plan::default()
    };
    let ics = calendar(&plan, STAMP);
    assert!(ics.contains(&format!("\r\nSUMMARY:Goal due: {exact}\r\n x\r\n")));
}

//! Fixtures the native test files share: the built-in glossary, own terms
//! as the user would write them, rubric criteria, and a small ladder and
//! accomplishment log with strategies for arbitrary ones.

#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use proptest::prelude::*;
use proptest::test_runner::Config;
use rungs::core::evidence::{Confirmer, Entry, Kind, Log, Narrative, Outcome, Updates};
use rungs::core::glossary::{Glossary, Term};
use rungs::core::part::Item;
use rungs::core::persist::{Backend, BackendError, MemoryBackend};
use rungs::core::plan::{Goal, Milestone, Plan, Status, Week, WeekItem};
use rungs::core::rubric::{Area, Criterion, Level, Rubric, Track};
use rungs::core::time::Date;

/// A property test's settings: `cases` inputs, and no file of past
/// failures left in the tree.
pub fn bounded(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

pub fn glossary() -> Glossary {
    toml::from_str(include_str!("../../src/content/glossary.toml")).expect("glossary.toml parses")
}

pub fn builtin(id: &str) -> Term {
    glossary()
        .terms
        .into_iter()
        .find(|term| term.id == id)
        .unwrap_or_else(|| panic!("no built-in term {id}"))
}

/// An own term, as `check` would make it.
pub fn own(id: &str, name: &str) -> Term {
    Term {
        id: id.into(),
        name: name.into(),
        aliases: Vec::new(),
        tags: vec!["process".into()],
        related: Vec::new(),
        definition: format!("What {name} means here."),
        example: String::new(),
    }
}

pub fn paper_cut() -> Term {
    Term {
        aliases: vec!["papercuts".into()],
        definition: "A small, annoying flaw that nobody owns.".into(),
        example: "I ran a paper-cut week that closed 46 small bugs.".into(),
        ..own("my-paper-cut", "Paper cut")
    }
}

/// A criterion of `level` with its `text`, and nothing else.
pub fn criterion(id: &str, level: &str, text: &str) -> Criterion {
    Criterion {
        id: id.into(),
        level: level.into(),
        text: text.into(),
        ..Criterion::default()
    }
}

// The accomplishment log

/// The date of `"YYYY-MM-DD"`.
pub fn day(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

/// An area named "Area `id`" with `criteria`.
pub fn area(id: &str, criteria: Vec<Criterion>) -> Area {
    Area {
        id: id.into(),
        name: format!("Area {id}"),
        summary: String::new(),
        criteria,
    }
}

/// Levels l1 and l2. Track "eng": area "craft" (c1 at l1; c2, c3 at l2),
/// "impact" (i1, i2 at l2), "people" (p1 at l1 only), "ops" (o1 at l2).
/// Track "mgmt": area "team" (t1 at l2).
pub fn rubric() -> Rubric {
    let level = |id: &str, name: &str| Level {
        id: id.into(),
        name: name.into(),
        summary: String::new(),
    };
    Rubric {
        id: "test".into(),
        name: "Test ladder".into(),
        levels: vec![level("l1", "Engineer"), level("l2", "Senior")],
        tracks: vec![
            Track {
                id: "eng".into(),
                name: "Engineering".into(),
                summary: String::new(),
                areas: vec![
                    area(
                        "craft",
                        vec![
                            criterion("c1", "l1", "Writes tests."),
                            criterion("c2", "l2", "Designs services | *well*."),
                            criterion("c3", "l2", "Reviews designs."),
                        ],
                    ),
                    area(
                        "impact",
                        vec![
                            criterion("i1", "l2", "Moves a team metric."),
                            criterion("i2", "l2", "Ships a project end to end."),
                        ],
                    ),
                    area("people", vec![criterion("p1", "l1", "Helps others.")]),
                    area("ops", vec![criterion("o1", "l2", "Leads incidents.")]),
                ],
            },
            Track {
                id: "mgmt".into(),
                name: "Management".into(),
                summary: String::new(),
                areas: vec![area("team", vec![criterion("t1", "l2", "Hires.")])],
            },
        ],
        ..Rubric::default()
    }
}

/// A quick-added entry: of kind Other, with nothing but its title.
pub fn entry(id: &str, date: &str, title: &str) -> Entry {
    Entry::quick(id, title, day(date))
}

/// [`entry`], proving `criteria`.
pub fn linked(id: &str, date: &str, title: &str, criteria: &[&str]) -> Entry {
    Entry {
        criteria: criteria.iter().map(|c| c.to_string()).collect(),
        ..entry(id, date, title)
    }
}

/// A number that moved from `before` to `after`.
pub fn metric(name: &str, before: f64, after: f64, unit: &str) -> Outcome {
    Outcome::Metric {
        name: name.into(),
        before,
        after,
        unit: unit.into(),
    }
}

/// A log of `entries` and nothing else.
pub fn log(entries: Vec<Entry>) -> Log {
    Log {
        entries: entries.into_iter().map(Into::into).collect(),
        ..Log::default()
    }
}

// Arbitrary logs, for property tests

/// Any text, markup, links good and bad, and ids the ladder and log use.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,30}",
        "[a-e0-9 #*|<>:/._-]{0,20}",
        Just("https://example.com/x".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("c2".to_owned()),
        Just("e1".to_owned()),
    ]
}

/// Any number, including those that are not finite.
pub fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(0.0),
        Just(-0.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::MIN_POSITIVE),
        -1e6f64..1e6,
    ]
}

/// Any result, with any text and numbers.
pub fn any_outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        Just(Outcome::None),
        any_text().prop_map(Outcome::Sentence),
        (any_text(), any_number(), any_number(), any_text()).prop_map(
            |(name, before, after, unit)| Outcome::Metric {
                name,
                before,
                after,
                unit,
            }
        ),
    ]
}

/// Any entry, problems and all: any date, texts, links and criteria.
pub fn any_entry() -> impl Strategy<Value = Entry> {
    (
        (
            any_text(),
            prop_oneof![any::<i32>(), 0..80_000i32],
            any_text(),
            any_text(),
            any_outcome(),
        ),
        (
            0..Kind::ALL.len(),
            prop::collection::vec(any_text(), 0..4),
            prop::collection::vec((any_text(), any_text()), 0..3),
            prop::collection::vec(any_text(), 0..4),
            prop::collection::vec(any_text(), 0..3),
        ),
    )
        .prop_map(
            |((id, date, title, story, result), (kind, links, confirm, criteria, tags))| Entry {
                id,
                date: Date(date),
                title,
                story,
                result,
                kind: Kind::ALL[kind],
                links,
                confirm: confirm
                    .into_iter()
                    .map(|(name, role)| Confirmer { name, role })
                    .collect(),
                criteria,
                tags,
            },
        )
}

/// A log of up to seven arbitrary entries, with nothing else.
pub fn any_log() -> impl Strategy<Value = Log> {
    prop::collection::vec(any_entry(), 0..8).prop_map(|entries| Log {
        entries: entries.into_iter().map(Into::into).collect(),
        ..Log::default()
    })
}

/// [`any_log`], with arbitrary words of the user's own for the packet and
/// an arbitrary record of updates (any number of weeks, any day sent).
pub fn any_full_log() -> impl Strategy<Value = Log> {
    let area = prop_oneof![Just("craft"), Just("impact"), Just("ops"), Just("x")];
    (
        any_log(),
        any_text(),
        prop::collection::btree_map(area.prop_map(str::to_owned), any_text(), 0..4),
        any::<u8>(),
        prop::option::of(prop_oneof![any::<i32>(), 20_000..21_000i32]),
    )
        .prop_map(|(mut log, summary, areas, every, last_sent)| {
            log.narrative = Narrative { summary, areas };
            log.updates = Updates {
                every,
                last_sent: last_sent.map(Date),
            };
            log
        })
}

/// Any date: anywhere in `i32`, or mostly within 2024 to 2027 so that
/// dates meet.
pub fn any_date() -> impl Strategy<Value = Date> {
    prop_oneof![any::<i32>(), 19_700..20_900i32].prop_map(Date)
}

/// A criterion id of [`rubric`], or any text.
fn any_criterion_id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("c2".to_owned()),
        Just("i2".to_owned()),
        Just("o1".to_owned()),
        any_text(),
    ]
}

/// Any plan as far as the packet and the update read it: goals, done or
/// not, proving any criteria, with milestones; weeks starting on any day
/// (or none), their goals in any state.
pub fn any_plan() -> impl Strategy<Value = Plan> {
    let milestone = (
        any_text(),
        prop::option::of(any_date()),
        prop::option::of(any_date()),
    )
        .prop_map(|(title, due, done)| Milestone {
            id: "m".into(),
            title,
            due,
            done,
        });
    let goal = (
        any_text(),
        prop::collection::vec(any_criterion_id(), 0..3),
        prop::option::of(any_date()),
        prop::option::of(any_date()),
        prop::collection::vec(milestone, 0..3),
    )
        .prop_map(|(outcome, criteria, due, done, milestones)| {
            Item::new(Goal {
                id: "g".into(),
                outcome,
                criteria,
                due,
                done,
                milestones,
                ..Goal::default()
            })
        });
    let status = prop_oneof![
        Just(Status::Open),
        Just(Status::Done),
        Just(Status::NotDone),
        Just(Status::Carried),
    ];
    let week = (
        prop::option::of(any_date()),
        prop::collection::vec((any_text(), status), 0..3),
    )
        .prop_map(|(start, items)| {
            Item::new(Week {
                start,
                items: items
                    .into_iter()
                    .map(|(text, status)| WeekItem {
                        text,
                        status,
                        ..WeekItem::default()
                    })
                    .collect(),
            })
        });
    (
        prop::collection::vec(goal, 0..4),
        prop::collection::vec(week, 0..4),
    )
        .prop_map(|(goals, weeks)| Plan {
            goals,
            weeks,
            ..Plan::default()
        })
}

/// One localStorage, shared by every tab (store) opened over it.
#[derive(Clone, Default)]
pub struct Shared(pub Rc<RefCell<MemoryBackend>>);

impl Backend for Shared {
    fn read(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.0.borrow().read(key)
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0.borrow_mut().write(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.0.borrow_mut().remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.0.borrow().keys()
    }
}

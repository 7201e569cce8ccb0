//! Native tests of the storage rules in `rungs::core::persist` and the
//! stored format in `rungs::core::schema`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Shared;
use rungs::core::assessment::{Assessment, Grade};
use rungs::core::evidence::{Kind, Log};
use rungs::core::merge::{Code, Side};
use rungs::core::persist::{
    newest_first, same_text, Backend, BackendError, CopyKind, External, Keys, Location,
    MemoryBackend, Problem, Saved, Store, COPIES_BUDGET, DAILY_KEPT,
};
use rungs::core::plan::{Goal, PlanEdit, Status};
use rungs::core::review::{Given, Person, Role};
use rungs::core::schema::{
    decode, encode, Decoded, Document, ReadError, SetTheme, Theme, CURRENT_VERSION,
};
use rungs::core::talk::Prep;
use rungs::core::time::{Date, Weekday};
use rungs::core::transfer;
use rungs::core::vocabulary::Familiarity;

const NOW: u64 = 1_795_241_100_000;
const KEY: &str = "rungs.document";

/// A memory backend that can be told to fail.
#[derive(Default)]
struct Flaky {
    inner: MemoryBackend,
    fail_reads: Option<BackendError>,
    fail_writes: Option<BackendError>,
    writes: usize,
}

impl Backend for Flaky {
    fn read(&self, key: &str) -> Result<Option<String>, BackendError> {
        match &self.fail_reads {
            Some(error) => Err(error.clone()),
            None => self.inner.read(key),
        }
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        if let Some(error) = &self.fail_writes {
            return Err(error.clone());
        }
        self.writes += 1;
        self.inner.write(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.inner.keys()
    }
}

fn holding(text: &str) -> Flaky {
    let mut backend = Flaky::default();
    backend.inner.items.insert(KEY.into(), text.into());
    backend
}

fn open(backend: Flaky) -> (Store<Flaky>, Document) {
    Store::open(backend, Keys::new("rungs"), NOW)
}

fn themed(theme: Theme) -> Document {
    let mut document = Document::default();
    document.apply(SetTheme(theme));
    document
}

fn dark() -> Document {
    themed(Theme::Dark)
}

fn stored(store: &Store<Flaky>) -> Option<String> {
    store.backend().inner.items.get(KEY).cloned()
}

fn keys_starting(store: &Store<Flaky>, prefix: &str) -> Vec<String> {
    let items = &store.backend().inner.items;
    items
        .keys()
        .filter(|k| k.starts_with(prefix))
        .cloned()
        .collect()
}

/// Every golden fixture, by the version that wrote it. Each version that
/// ships adds one here, and every one stays readable forever.
const FIXTURES: [(u32, &str); 10] = [
    (1, include_str!("fixtures/document-v1.json")),
    (2, include_str!("fixtures/document-v2.json")),
    (3, include_str!("fixtures/document-v3.json")),
    (4, include_str!("fixtures/document-v4.json")),
    (5, include_str!("fixtures/document-v5.json")),
    (6, include_str!("fixtures/document-v6.json")),
    (7, include_str!("fixtures/document-v7.json")),
    (8, include_str!("fixtures/document-v8.json")),
    (9, include_str!("fixtures/document-v9.json")),
    (10, include_str!("fixtures/document-v10.json")),
];

fn fixture(version: u32) -> Decoded {
    let (_, text) = FIXTURES[version as usize - 1];
    let decoded =
        decode(text).unwrap_or_else(|e| panic!("version {version} stays readable forever: {e}"));
    // Parts are decoded when first read: read them all.
    assert_eq!(decoded.document.read_every_part(), [], "version {version}");
    decoded
}

#[test]
fn every_golden_fixture_loads_and_says_what_it_was_migrated_from() {
    assert_eq!(
        FIXTURES.last().unwrap().0,
        CURRENT_VERSION,
        "a new version needs its own golden fixture"
    );
    for (version, _) in FIXTURES {
        let decoded = fixture(version);
        let expected = (version < CURRENT_VERSION).then_some(version);
        assert_eq!(decoded.migrated_from, expected, "version {version}");
        // Written back, it is the same data.
        let again = decode(&encode(&decoded.document.to_json(), 9, NOW)).unwrap();
        assert_eq!(again.document, decoded.document, "version {version}");
        assert_eq!(again.migrated_from, None);
    }
}

#[test]
fn golden_v1_fixture_loads() {
    let decoded = fixture(1);
    assert_eq!(decoded.document, dark());
    assert_eq!(decoded.revision, 4);
    assert_eq!(decoded.saved_at, NOW);
    // Version 2 added the assessment and version 3 the vocabulary; a
    // version 1 document arrives with neither.
    assert_eq!(decoded.migrated_from, Some(1));
    assert_eq!(decoded.document.assessment, Default::default());
    assert_eq!(decoded.document.vocabulary, Default::default());
}

/// The assessment stored in the version 2 and 3 fixtures.
fn assert_fixture_assessment(assessment: &Assessment) {
    assert_eq!(assessment.track.as_deref(), Some("software"));
    assert_eq!(assessment.current.as_deref(), Some("e2"));
    let rating = assessment
        .rating("software.craft.senior.system-design")
        .unwrap();
    assert_eq!(rating.mine, Some(Grade::Sometimes));
    assert_eq!(rating.manager, Some(Grade::NotYet));
    assert_eq!(rating.evidence, "Reviewed the queue redesign in March.");
    assert!(!assessment.snapshots.is_empty());
}

#[test]
fn golden_v2_fixture_loads_with_its_assessment() {
    let decoded = fixture(2);
    assert_eq!(decoded.migrated_from, Some(2));
    assert_eq!(decoded.revision, 5);
    assert_eq!(decoded.document.preferences.theme, Theme::Dark);
    assert_fixture_assessment(&decoded.document.assessment);
    // Version 3 added the vocabulary; a version 2 document arrives without one.
    assert_eq!(decoded.document.vocabulary, Default::default());
}

#[test]
fn golden_v3_fixture_loads_with_its_vocabulary() {
    let decoded = fixture(3);
    assert_eq!(decoded.migrated_from, Some(3));
    assert_eq!((decoded.revision, decoded.saved_at), (6, NOW));
    let document = &decoded.document;
    assert_eq!(document.preferences.theme, Theme::Light);
    assert_fixture_assessment(&document.assessment);

    let vocabulary = &document.vocabulary;
    assert_eq!(vocabulary.terms.len(), 1);
    let own = vocabulary.own("my-paper-cut").unwrap();
    assert_eq!(own.name, "Paper cut");
    assert_eq!(own.aliases, ["papercuts"]);
    assert_eq!(own.tags, ["process"]);
    assert!(own.related.is_empty());
    assert!(own.definition.contains("nobody owns \u{2014} each one"));
    assert!(own.example.starts_with("I ran a paper-cut week"));
    assert_eq!(
        vocabulary.familiarity("my-paper-cut"),
        Familiarity::Confident
    );
    assert_eq!(vocabulary.familiarity("slo"), Familiarity::Learning);
    assert_eq!(vocabulary.familiarity("sli"), Familiarity::New);
    // Version 4 added the plan; a version 3 document arrives without one.
    assert_eq!(document.plan, Default::default());
}

#[test]
fn golden_v4_fixture_loads_with_its_plan() {
    let decoded = fixture(4);
    assert_eq!(decoded.migrated_from, Some(4));
    assert_eq!((decoded.revision, decoded.saved_at), (7, NOW));
    let document = &decoded.document;
    assert_fixture_assessment(&document.assessment);
    assert_eq!(document.vocabulary.terms.len(), 1);

    let plan = &document.plan;
    let date = |text| Date::parse(text).unwrap();
    assert_eq!(plan.target, Some(date("2027-06-01")));
    let goal = plan.goal("gmi8k2x0").unwrap();
    assert_eq!(goal.criteria, ["software.craft.senior.system-design"]);
    assert_eq!(goal.due, Some(date("2027-03-31")));
    assert_eq!(goal.done, None);
    assert_eq!(goal.milestones.len(), 2);
    assert_eq!(
        goal.milestone("mmi8k3a1").unwrap().done,
        Some(date("2026-12-02"))
    );
    let schedule = plan.schedule.as_ref().unwrap();
    assert_eq!(
        (schedule.every, schedule.weekday, schedule.time),
        (2, Weekday::Tuesday, 570)
    );
    assert_eq!(schedule.first(), date("2026-11-24"));
    let checkin = &plan.checkins[0];
    assert_eq!(
        checkin.followups[0].milestone,
        Some(("gmi8k2x0".to_owned(), "mmi8k3a1".to_owned()))
    );
    assert_eq!(checkin.followups[1].milestone, None);
    let weeks: Vec<_> = plan.weeks.iter().map(|w| w.start.unwrap().iso()).collect();
    assert_eq!(weeks, ["2026-11-16", "2026-11-23"]);
    assert_eq!(plan.weeks[0].items[0].status, Status::Carried);
    assert_eq!(
        plan.weeks[1].items[0].carried_from.as_deref(),
        Some("wmi8k5c0")
    );
}

#[test]
fn golden_v5_fixture_loads_a_labelled_snapshot() {
    let decoded = fixture(5);
    assert_eq!(decoded.migrated_from, Some(5));
    let document = &decoded.document;
    assert_fixture_assessment(&document.assessment);
    let labels: Vec<&str> = (document.assessment.snapshots.iter())
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(labels, ["", "After the November check-in"]);
    assert_eq!(document.plan.goals.len(), 1);
}

#[test]
fn golden_v6_fixture_loads_a_criterion_that_does_not_apply() {
    let decoded = fixture(6);
    assert_eq!(decoded.migrated_from, Some(6));
    let document = &decoded.document;
    assert_fixture_assessment(&document.assessment);
    let rating = document
        .assessment
        .rating("software.delivery.e2.estimates")
        .unwrap();
    assert!(rating.not_applicable);
    assert_eq!(rating.note, "We do no estimates in my team.");
}

#[test]
fn golden_v7_fixture_keeps_its_written_evidence_and_starts_an_empty_log() {
    let decoded = fixture(7);
    assert_eq!(decoded.migrated_from, Some(7));
    // Evidence written beside a grade stays there, to go on counting.
    assert_fixture_assessment(&decoded.document.assessment);
    assert_eq!(*decoded.document.evidence.value(), Log::default());
}

#[test]
fn golden_v8_fixture_keeps_its_log() {
    let decoded = fixture(8);
    assert_eq!(decoded.migrated_from, Some(8));
    assert_fixture_assessment(&decoded.document.assessment);
    let log = decoded.document.evidence.value();
    assert_eq!(log.entries.len(), 3);
    let migration = log.entry("e1795000000000").unwrap();
    assert_eq!(migration.kind, Kind::Project);
    assert_eq!(
        migration.result.summary().as_deref(),
        Some("p99 latency 900 → 300 ms (−67%)")
    );
    assert_eq!(migration.confirm[0].name, "Dana");
    assert_eq!(
        log.linked_to("software.craft.senior.system-design").len(),
        1
    );
    assert_eq!(
        log.narrative.areas["craft"],
        "I design systems other teams build on."
    );
    assert_eq!(log.updates.weeks(), 2);
    assert_eq!(log.updates.last_sent, Date::parse("2026-11-21"));
}

#[test]
fn golden_v9_fixture_keeps_the_conversation_prep_and_writes_back_byte_for_byte() {
    let (_, text) = FIXTURES[8];
    let decoded = fixture(9);
    assert_eq!(decoded.migrated_from, Some(9));
    assert_eq!(decoded.document.evidence.value().entries.len(), 3);
    let prep = decoded.document.talk.value();
    assert_eq!(prep.process.as_deref(), Some("semi-formal"));
    assert!(prep.is_done("semi-formal/self-review"));
    assert!(prep.is_done("after/write-plan"));
    assert!(!prep.is_done("semi-formal/timeline"));
    assert!(prep.lines["ask/1"].starts_with("Dana, do you have ten minutes"));
    assert!(prep.answers["passed-over/1"].starts_with("I led the migration"));
    // Version 8 data has nothing prepared yet.
    assert_eq!(*fixture(8).document.talk.value(), Prep::default());
    // Version 10 added nothing version 9 data holds: written back, only
    // the version changes, and the data is the same byte for byte.
    assert_eq!(
        encode(
            &decoded.document.to_json(),
            decoded.revision,
            decoded.saved_at
        ),
        text.trim_end()
            .replacen(r#"{"version":9,"#, r#"{"version":10,"#, 1)
    );
}

#[test]
fn golden_v10_fixture_keeps_requests_and_reviews_and_writes_back_byte_for_byte() {
    let (_, text) = FIXTURES[9];
    let decoded = fixture(10);
    assert_eq!(decoded.migrated_from, None);
    assert_eq!((decoded.revision, decoded.saved_at), (9, NOW));
    let assessment = decoded.document.assessment.value();
    assert_fixture_assessment(assessment);
    let dana = Person {
        name: "Dana Whitfield".into(),
        role: Role::Manager,
    };

    let [asked] = &assessment.asked[..] else {
        panic!("one request: {:?}", assessment.asked);
    };
    assert_eq!(asked.id, "r-mi9z0a1-7k");
    assert_eq!(asked.at, 1_795_241_000_000);
    assert_eq!(asked.reviewer, dana);
    assert_eq!(asked.rubric, "rungs-default");
    assert_eq!(asked.hash.len(), 64);

    let [review] = &assessment.reviews[..] else {
        panic!("one review: {:?}", assessment.reviews);
    };
    assert_eq!(review.id, asked.id);
    assert_eq!(review.reviewer, dana);
    assert_eq!(
        (review.at, review.added),
        (1_795_241_050_000, 1_795_241_090_000)
    );
    assert_eq!(review.grades.len(), 3);
    assert_eq!(
        review.grades["software.craft.e2.test-strategy"],
        Given {
            grade: Some(Grade::Consistently),
            not_applicable: false,
            comment: "The billing contract tests caught two regressions before release.".into(),
        }
    );
    assert_eq!(
        review.grades["software.craft.senior.system-design"].grade(),
        Some(Grade::Sometimes)
    );
    let estimates = &review.grades["software.delivery.e2.estimates-weeks"];
    assert!(estimates.not_applicable);
    assert_eq!(
        (estimates.grade, estimates.label()),
        (None, "Does not apply")
    );

    // Version 9 data has neither; everything else is as it was.
    let v9 = fixture(9).document;
    assert!(v9.assessment.asked.is_empty() && v9.assessment.reviews.is_empty());
    assert_eq!(v9.evidence, decoded.document.evidence);
    assert_eq!(v9.talk, decoded.document.talk);
    assert_eq!(v9.plan, decoded.document.plan);
    // The current format writes exactly what it reads.
    assert_eq!(
        encode(
            &decoded.document.to_json(),
            decoded.revision,
            decoded.saved_at
        ),
        text.trim_end()
    );
}

#[test]
fn a_new_user_starts_empty_and_nothing_is_written_until_something_changes() {
    let (mut store, document) = open(Flaky::default());
    assert_eq!(document, Document::default());
    assert_eq!(store.save(&document, NOW), Saved::Unchanged);
    assert_eq!(store.backend().writes, 0);
    assert_eq!(store.health().saved_at, None);
    assert_eq!(store.health().location, Location::Browser);
}

#[test]
fn saves_a_change_once_and_reloads_it() {
    let (mut store, _) = open(Flaky::default());
    assert_eq!(store.save(&dark(), NOW), Saved::Written);
    assert_eq!(store.save(&dark(), NOW + 1), Saved::Unchanged);
    assert_eq!(store.backend().writes, 1);
    assert_eq!(store.health().saved_at, Some(NOW));

    let text = stored(&store).unwrap();
    let (_, reloaded) = open(holding(&text));
    assert_eq!(reloaded, dark());
}

#[test]
fn revisions_count_saves() {
    let (mut store, mut document) = open(Flaky::default());
    for (n, theme) in [Theme::Dark, Theme::Light, Theme::Dark]
        .into_iter()
        .enumerate()
    {
        document.apply(SetTheme(theme));
        store.save(&document, NOW + n as u64);
    }
    assert_eq!(decode(&stored(&store).unwrap()).unwrap().revision, 3);
}

#[test]
fn unreadable_data_is_set_aside_byte_for_byte_and_never_overwritten() {
    let garbage = "{\"version\":1,\"revision\":2,\"saved_at\":1,\"data\":{\"prefer";
    let (mut store, document) = open(holding(garbage));
    assert_eq!(document, Document::default());

    let quarantine = keys_starting(&store, "rungs.quarantine.");
    assert_eq!(quarantine.len(), 1);
    assert_eq!(store.read_raw(&quarantine[0]).as_deref(), Some(garbage));
    assert!(matches!(
        &store.health().problems[..],
        [Problem::SetAside { key, reason: ReadError::NotJson(_) }] if *key == quarantine[0]
    ));
    // Nothing is written to the document key until the user changes something.
    assert_eq!(stored(&store).as_deref(), Some(garbage));

    // Then the app saves again, and the set-aside copy stays.
    assert_eq!(store.save(&dark(), NOW), Saved::Written);
    assert_eq!(store.read_raw(&quarantine[0]).as_deref(), Some(garbage));
}

/// A stored document whose plan does not fit the plan's format.
const BAD_PLAN: &str = r#"{"version":4,"revision":3,"saved_at":1,"data":{"preferences":{"theme":"dark"},"plan":{"goals":"not a list"}}}"#;

#[test]
fn a_part_is_kept_as_stored_until_it_is_read() {
    let (mut store, mut document) = open(holding(BAD_PLAN));
    assert!(
        store.health().problems.is_empty(),
        "the plan is not read at start"
    );
    // Another change saves the plan's text exactly as it was.
    document.apply(SetTheme(Theme::Light));
    assert_eq!(store.save(&document, NOW), Saved::Written);
    let saved = stored(&store).unwrap();
    assert!(
        saved.contains(r#""plan":{"goals":"not a list"}"#),
        "{saved}"
    );
    assert!(
        !store.set_aside_unreadable(&document, NOW),
        "still not read"
    );
}

#[test]
fn a_part_that_cannot_be_read_is_set_aside_once_and_starts_afresh() {
    let (mut store, document) = open(holding(BAD_PLAN));
    assert!(document.plan.goals.is_empty(), "reads as an empty plan");
    let [reason] = &document.unreadable_parts()[..] else {
        panic!("{:?}", document.unreadable_parts());
    };
    assert!(
        reason.to_string().contains("the plan: invalid type"),
        "{reason}"
    );

    assert!(store.set_aside_unreadable(&document, NOW));
    let quarantine = keys_starting(&store, "rungs.quarantine.");
    assert_eq!(quarantine.len(), 1);
    assert_eq!(store.read_raw(&quarantine[0]).as_deref(), Some(BAD_PLAN));
    assert!(matches!(
        &store.health().problems[..],
        [Problem::SetAside { key, reason: r }] if *key == quarantine[0] && r == reason
    ));
    // Once only, however often the pages look.
    assert!(!store.set_aside_unreadable(&document, NOW + 1));
    assert_eq!(keys_starting(&store, "rungs.quarantine.").len(), 1);

    // The plan starts afresh and saves; the copy stays.
    let mut document = document;
    document.apply(PlanEdit::SetTarget(Date::parse("2027-06-01")));
    assert_eq!(store.save(&document, NOW + 2), Saved::Written);
    assert!(stored(&store)
        .unwrap()
        .contains(r#""plan":{"target":"2027-06-01"}"#));
    assert_eq!(store.read_raw(&quarantine[0]).as_deref(), Some(BAD_PLAN));
}

#[test]
fn a_part_that_cannot_be_read_nor_copied_stops_every_save() {
    let (mut store, document) = open(holding(BAD_PLAN));
    let _ = document.plan.value();
    store.backend_mut().fail_writes = Some(BackendError::Full);
    assert!(store.set_aside_unreadable(&document, NOW));
    assert!(matches!(
        &store.health().problems[..],
        [Problem::Unreadable {
            copy_failed: BackendError::Full,
            ..
        }]
    ));
    store.backend_mut().fail_writes = None;
    let mut document = document;
    document.apply(PlanEdit::SetTarget(Date::parse("2027-06-01")));
    assert_eq!(store.save(&document, NOW), Saved::NotSaved);
    assert_eq!(stored(&store).as_deref(), Some(BAD_PLAN));
}

#[test]
fn a_second_unreadable_copy_gets_its_own_quarantine_key() {
    let mut backend = holding("not json");
    backend
        .inner
        .items
        .insert(format!("rungs.quarantine.{NOW}"), "an older copy".into());
    let (store, _) = open(backend);
    assert_eq!(keys_starting(&store, "rungs.quarantine.").len(), 2);
    assert_eq!(
        store
            .read_raw(&format!("rungs.quarantine.{NOW}"))
            .as_deref(),
        Some("an older copy")
    );
}

#[test]
fn data_from_a_newer_version_is_left_in_place_and_never_written_over() {
    let version = CURRENT_VERSION + 1;
    let newer =
        &format!(r#"{{"version":{version},"revision":9,"saved_at":1,"data":{{"whatever":true}}}}"#);
    let (mut store, _) = open(holding(newer));
    assert_eq!(store.health().problems, [Problem::TooNew { version }]);
    assert_eq!(store.save(&dark(), NOW), Saved::NotSaved);
    assert_eq!(stored(&store).as_deref(), Some(newer.as_str()));
    assert_eq!(
        store.backend().writes,
        0,
        "not even a copy: it stays where it is"
    );
}

#[test]
fn if_unreadable_data_cannot_be_copied_nothing_is_ever_written() {
    let mut backend = holding("not json");
    backend.fail_writes = Some(BackendError::Full);
    let (mut store, _) = open(backend);
    assert!(matches!(
        &store.health().problems[..],
        [Problem::Unreadable {
            copy_failed: BackendError::Full,
            ..
        }]
    ));
    store.backend_mut().fail_writes = None;
    assert_eq!(store.save(&dark(), NOW), Saved::NotSaved);
    assert_eq!(stored(&store).as_deref(), Some("not json"));
    assert_eq!(store.backend().writes, 0);
}

#[test]
fn storage_that_cannot_be_read_is_never_written() {
    let mut backend = holding("precious");
    backend.fail_reads = Some(BackendError::Denied("SecurityError".into()));
    let (mut store, document) = open(backend);
    assert_eq!(document, Document::default());
    let health = store.health();
    assert_eq!(health.location, Location::Memory);
    assert!(matches!(
        &health.problems[..],
        [Problem::Unavailable { .. }]
    ));
    store.backend_mut().fail_reads = None;
    assert_eq!(store.save(&dark(), NOW), Saved::NotSaved);
    assert_eq!(stored(&store).as_deref(), Some("precious"));
}

#[test]
fn a_full_quota_is_reported_and_the_next_save_retries() {
    let (mut store, _) = open(Flaky::default());
    store.backend_mut().fail_writes = Some(BackendError::Full);
    assert_eq!(store.save(&dark(), NOW), Saved::NotSaved);
    assert_eq!(
        store.health().problems,
        vec![Problem::SaveFailed {
            reason: BackendError::Full
        }]
    );
    assert!(store.is_unsaved(&dark()));

    store.backend_mut().fail_writes = None;
    assert_eq!(store.save(&dark(), NOW + 1), Saved::Written);
    assert!(store.health().problems.is_empty());
    assert!(!store.is_unsaved(&dark()));
}

#[test]
fn a_failed_save_reverted_by_the_user_clears_the_problem() {
    let (mut store, _) = open(Flaky::default());
    store.backend_mut().fail_writes = Some(BackendError::Full);
    store.save(&dark(), NOW);
    assert_eq!(store.save(&Document::default(), NOW), Saved::Unchanged);
    assert!(store.health().problems.is_empty());
}

impl Shared {
    fn tab(&self) -> (Store<Shared>, Document) {
        Store::open(self.clone(), Keys::new("rungs"), NOW)
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().items.get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) {
        self.0.borrow_mut().items.insert(key.into(), value.into());
    }

    fn copies(&self, kind: CopyKind) -> Vec<String> {
        let keys = Keys::new("rungs");
        let items = &self.0.borrow().items;
        items
            .iter()
            .filter(|(key, _)| keys.parse_copy(key).is_some_and(|(k, _)| k == kind))
            .map(|(_, text)| text.clone())
            .collect()
    }

    fn document(&self) -> Document {
        decode(&self.get(KEY).unwrap()).unwrap().document
    }
}

fn goal(id: &str, outcome: &str) -> Goal {
    Goal {
        id: id.into(),
        outcome: outcome.into(),
        ..Goal::default()
    }
}

/// `document` with goal `id` changed by `edit`.
fn with_goal(document: &Document, id: &str, edit: impl FnOnce(&mut Goal)) -> Document {
    let mut goal = (**document.plan.goal(id).unwrap()).clone();
    edit(&mut goal);
    let mut document = document.clone();
    document.apply(PlanEdit::SaveGoal(goal));
    document
}

/// Storage holding a plan with one goal, and a saved dark theme.
fn shared_with_a_goal() -> Shared {
    let shared = Shared::default();
    let (mut tab, mut document) = shared.tab();
    document.apply(SetTheme(Theme::Dark));
    document.apply(PlanEdit::SaveGoal(goal("g1", "Ship search")));
    assert_eq!(tab.save(&document, NOW), Saved::Written);
    shared
}

#[test]
fn a_clean_tab_adopts_another_tabs_change() {
    let shared = shared_with_a_goal();
    let (mut a, mine) = shared.tab();
    let (mut b, theirs) = shared.tab();
    let theirs = with_goal(&theirs, "g1", |g| g.metric = "p95 latency".into());
    assert_eq!(b.save(&theirs, NOW + 5), Saved::Written);

    assert_eq!(
        a.external_change(&mine, NOW + 6),
        External::Adopt(Box::new(theirs.clone()))
    );
    assert_eq!(a.health().saved_at, Some(NOW + 5));
    assert_eq!(a.save(&theirs, NOW + 7), Saved::Unchanged);
    assert_eq!(a.external_change(&theirs, NOW + 8), External::Same);
}

#[test]
fn three_tabs_editing_different_fields_of_one_goal_keep_all_three_changes() {
    let shared = shared_with_a_goal();
    let code = Code::new();
    let (mut a, start) = shared.tab();
    let (mut b, _) = shared.tab();
    let (mut c, _) = shared.tab();
    let in_a = with_goal(&start, "g1", |g| g.metric = "p95 latency".into());
    let in_b = with_goal(&start, "g1", |g| g.baseline = "900 ms".into());
    let in_c = with_goal(&start, "g1", |g| g.target = "300 ms".into());

    assert_eq!(a.save(&in_a, NOW + 1), Saved::Written);
    // B's save finds A's: nothing is written until the two are combined.
    assert_eq!(b.save(&in_b, NOW + 2), Saved::NotSaved);
    assert_eq!(b.health().problems, [Problem::ChangedElsewhere]);
    let in_b = b.combine(&in_b, &code, &[], NOW + 3).expect("combined");
    assert_eq!(b.save(&in_b, NOW + 4), Saved::Written);
    // C hears of it before saving.
    assert!(matches!(
        c.external_change(&in_c, NOW + 5),
        External::Merge(_)
    ));
    let in_c = c.combine(&in_c, &code, &[], NOW + 6).expect("combined");
    assert_eq!(c.save(&in_c, NOW + 7), Saved::Written);
    assert_eq!(c.health().problems, [Problem::Combined]);

    // A had nothing unsaved: it takes the result, and every tab agrees.
    let External::Adopt(in_a) = a.external_change(&in_a, NOW + 8) else {
        panic!("A adopts");
    };
    assert_eq!(*in_a, shared.document());
    assert_eq!(
        b.external_change(&in_b, NOW + 9),
        External::Adopt(in_a.clone())
    );
    let g1 = in_a.plan.goal("g1").unwrap().clone();
    assert_eq!(
        (g1.metric.as_str(), g1.baseline.as_str(), g1.target.as_str()),
        ("p95 latency", "900 ms", "300 ms")
    );
    assert!(
        shared.copies(CopyKind::Conflict).is_empty(),
        "nothing to back up"
    );
}

/// Browsers pass one tab's write on to the others a moment late: here C
/// saves while its view of storage is still what B wrote over, so C's
/// write crosses B's and replaces it. B must not take C's data as the
/// newer: that would lose its own change, stored nowhere else.
#[test]
fn a_write_that_crossed_another_tabs_is_combined_with_it_not_taken_over_it() {
    let shared = shared_with_a_goal();
    let code = Code::new();
    let (mut b, start) = shared.tab();
    let (mut c, _) = shared.tab();
    let before = shared.get(KEY).unwrap();
    let in_b = with_goal(&start, "g1", |g| g.baseline = "900 ms".into());
    let in_c = with_goal(&start, "g1", |g| g.target = "300 ms".into());
    assert_eq!(b.save(&in_b, NOW + 1), Saved::Written);
    shared.set(KEY, &before);
    assert_eq!(c.save(&in_c, NOW + 2), Saved::Written);

    // B had nothing unsaved, yet combines what C wrote with its own write,
    // from what both wrote over: nothing to ask.
    assert!(matches!(
        b.external_change(&in_b, NOW + 3),
        External::Merge(_)
    ));
    let in_b = b.combine(&in_b, &code, &[], NOW + 4).expect("combined");
    assert_eq!(b.save(&in_b, NOW + 5), Saved::Written);
    // C follows, and both changes are stored.
    let External::Adopt(in_c) = c.external_change(&in_c, NOW + 6) else {
        panic!("C adopts");
    };
    assert_eq!(*in_c, shared.document());
    let g1 = in_c.plan.goal("g1").unwrap().clone();
    assert_eq!(
        (g1.baseline.as_str(), g1.target.as_str()),
        ("900 ms", "300 ms")
    );

    // A write from further back than that is combined from nothing known:
    // every value the two hold differently is asked about, none dropped.
    let stale = with_goal(&start, "g1", |g| g.target = "250 ms".into());
    let elsewhere = Shared::default();
    elsewhere.set(KEY, &before);
    let (mut old, _) = elsewhere.tab();
    assert_eq!(old.save(&stale, NOW + 7), Saved::Written);
    shared.set(KEY, &elsewhere.get(KEY).unwrap());
    assert!(matches!(
        c.external_change(&in_c, NOW + 8),
        External::Merge(_)
    ));
    assert_eq!(c.combine(&in_c, &code, &[], NOW + 9), None);
    let Problem::Conflict { conflicts } = &c.health().problems[0] else {
        panic!("asked: {:?}", c.health().problems);
    };
    assert!(
        conflicts.iter().any(|c| c.field == "Target"),
        "{conflicts:?}"
    );
}

#[test]
fn only_the_values_both_tabs_changed_are_asked_about_and_both_versions_are_kept() {
    let shared = shared_with_a_goal();
    let code = Code::new();
    let (mut a, start) = shared.tab();
    let (mut b, _) = shared.tab();
    let in_a = with_goal(&start, "g1", |g| g.outcome = "Ship search v2".into());
    let mut in_b = with_goal(&start, "g1", |g| g.outcome = "Ship the search API".into());
    in_b.apply(PlanEdit::SaveGoal(goal("g2", "Mentor two engineers")));
    assert_eq!(a.save(&in_a, NOW + 1), Saved::Written);

    assert_eq!(b.save(&in_b, NOW + 2), Saved::NotSaved);
    assert_eq!(b.combine(&in_b, &code, &[], NOW + 3), None);
    let problems = b.health().problems;
    let [Problem::Conflict { conflicts }] = &problems[..] else {
        panic!("{problems:?}");
    };
    assert_eq!(conflicts.len(), 1);
    let conflict = &conflicts[0];
    assert_eq!(conflict.item, "Goal “Ship the search API”");
    assert_eq!(conflict.field, "Outcome");
    assert_eq!(
        (conflict.mine.as_str(), conflict.theirs.as_str()),
        ("Ship the search API", "Ship search v2")
    );
    // Until the user chooses, B writes nothing.
    assert_eq!(b.save(&in_b, NOW + 4), Saved::NotSaved);
    assert_eq!(shared.document(), in_a);

    let choice = [(conflict.path.clone(), Side::Theirs)];
    let settled = b.combine(&in_b, &code, &choice, NOW + 5).expect("settled");
    assert_eq!(b.save(&settled, NOW + 6), Saved::Written);
    let saved = shared.document();
    assert_eq!(saved.plan.goal("g1").unwrap().outcome, "Ship search v2");
    assert_eq!(
        saved.plan.goal("g2").unwrap().outcome,
        "Mentor two engineers"
    );
    // Both versions are kept: the one not chosen is in there.
    let backups = shared.copies(CopyKind::Conflict);
    assert_eq!(backups.len(), 2);
    assert!(backups
        .iter()
        .any(|text| text.contains("Ship the search API")));
}

#[test]
fn an_old_tab_never_writes_over_data_a_newer_version_saved() {
    let shared = shared_with_a_goal();
    let (mut a, mine) = shared.tab();
    let newer = r#"{"version":99,"revision":9,"saved_at":1,"data":{"future":true}}"#;
    shared.set(KEY, newer);

    // A clean tab is not "in conflict": it is told, and stops.
    assert_eq!(a.external_change(&mine, NOW + 1), External::Stopped);
    assert_eq!(a.health().problems, [Problem::TooNew { version: 99 }]);
    let edited = with_goal(&mine, "g1", |g| g.metric = "x".into());
    assert_eq!(a.save(&edited, NOW + 2), Saved::NotSaved);
    assert_eq!(a.external_change(&edited, NOW + 3), External::Same);
    assert_eq!(shared.get(KEY).as_deref(), Some(newer));

    // A tab with changes of its own stops the same way.
    shared.set(KEY, &encode(&mine.to_json(), 1, NOW));
    let (mut b, mine) = shared.tab();
    let edited = with_goal(&mine, "g1", |g| g.metric = "y".into());
    shared.set(KEY, newer);
    assert_eq!(b.save(&edited, NOW + 4), Saved::NotSaved);
    assert_eq!(b.health().problems, [Problem::TooNew { version: 99 }]);
    assert_eq!(b.combine(&edited, &Code::new(), &[], NOW + 5), None);
    assert_eq!(shared.get(KEY).as_deref(), Some(newer));
}

#[test]
fn cleared_storage_is_not_taken_for_an_empty_document() {
    let shared = shared_with_a_goal();
    let (mut a, mine) = shared.tab();
    shared.0.borrow_mut().items.clear();

    assert_eq!(a.external_change(&mine, NOW + 1), External::Stopped);
    assert_eq!(a.health().problems, [Problem::Cleared]);
    // Its next edit does not save an empty document, nor anything.
    let edited = with_goal(&mine, "g1", |g| g.metric = "x".into());
    assert_eq!(a.save(&edited, NOW + 2), Saved::NotSaved);
    assert_eq!(shared.get(KEY), None);

    a.put_back(&edited, NOW + 3).unwrap();
    assert_eq!(shared.document(), edited);
    assert!(a.health().problems.is_empty());
}

#[test]
fn leaving_storage_cleared_keeps_this_tabs_data_as_a_backup() {
    let shared = shared_with_a_goal();
    let (mut a, mine) = shared.tab();
    let (mut b, in_b) = shared.tab();
    shared.0.borrow_mut().items.clear();
    a.external_change(&mine, NOW + 1);
    b.external_change(&in_b, NOW + 1);

    assert_eq!(a.leave_cleared(&mine, NOW + 2), Ok(Document::default()));
    let backups = shared.copies(CopyKind::Cleared);
    assert_eq!(backups.len(), 1);
    assert_eq!(decode(&backups[0]).unwrap().document, mine);
    assert_eq!(a.save(&Document::default(), NOW + 3), Saved::Unchanged);
    assert_eq!(shared.get(KEY), None);

    // Another tab, which saw the data go too, follows what is written
    // afresh, though its revision is lower than the one it last saw.
    let fresh = themed(Theme::Light);
    assert_eq!(a.save(&fresh, NOW + 4), Saved::Written);
    assert_eq!(
        b.external_change(&in_b, NOW + 5),
        External::Adopt(Box::new(fresh))
    );
}

#[test]
fn unreadable_data_another_tab_wrote_is_set_aside_and_this_tabs_put_back() {
    let shared = shared_with_a_goal();
    let (mut a, mine) = shared.tab();
    shared.set(KEY, "{ not json");
    assert_eq!(a.external_change(&mine, NOW + 1), External::SetAside);
    assert_eq!(shared.copies(CopyKind::SetAside), ["{ not json"]);
    assert!(a.is_unsaved(&mine));
    assert_eq!(a.save(&mine, NOW + 2), Saved::Written);
    assert_eq!(shared.document(), mine);
}

#[test]
fn the_same_unreadable_data_is_set_aside_once_however_often_it_is_opened() {
    let shared = Shared::default();
    let big = format!("{{\"broken\": \"{}", "x".repeat(1_200_000));
    shared.set(KEY, &big);
    for _ in 0..3 {
        let (tab, _) = shared.tab();
        assert!(matches!(
            &tab.health().problems[..],
            [Problem::SetAside { .. }]
        ));
    }
    assert_eq!(shared.copies(CopyKind::SetAside).len(), 1);
}

#[test]
fn set_aside_copies_are_bounded() {
    let shared = Shared::default();
    for n in 0..5 {
        shared.set(KEY, &format!("not json {n}"));
        let _ = Store::open(shared.clone(), Keys::new("rungs"), NOW + n);
    }
    let kept = shared.copies(CopyKind::SetAside);
    assert_eq!(
        kept,
        ["not json 2", "not json 3", "not json 4"],
        "the newest three"
    );
}

/// A document whose plan's text is about `size` bytes.
fn document_of_size(size: usize, seed: &str) -> Document {
    let mut document = Document::default();
    document.apply(PlanEdit::SaveGoal(goal(
        seed,
        &seed.repeat(size / seed.len()),
    )));
    document
}

#[test]
fn daily_backups_are_made_before_the_first_save_of_a_day_and_the_newest_three_kept() {
    const DAY: u64 = 24 * 60 * 60 * 1000;
    let shared = Shared::default();
    let (mut tab, _) = shared.tab();
    // Nothing stored yet: nothing to back up.
    tab.save(&themed(Theme::Dark), NOW);
    assert!(shared.copies(CopyKind::Daily).is_empty());
    for day in 1..=5 {
        let theme = if day % 2 == 0 {
            Theme::Dark
        } else {
            Theme::Light
        };
        let before = shared.get(KEY).unwrap();
        tab.save(&themed(theme), NOW + day * DAY);
        assert!(
            shared.copies(CopyKind::Daily).contains(&before),
            "day {day}"
        );
        // Later saves that day make none.
        tab.save(&themed(Theme::System), NOW + day * DAY + 1);
        tab.save(&themed(theme), NOW + day * DAY + 2);
    }
    assert_eq!(shared.copies(CopyKind::Daily).len(), DAILY_KEPT);
}

#[test]
fn a_day_that_has_its_daily_backup_gets_no_second_one_whichever_is_listed_first() {
    const DAY: u64 = 24 * 60 * 60 * 1000;
    let shared = Shared::default();
    shared.set(KEY, &encode(&themed(Theme::Dark).to_json(), 1, NOW));
    // Listed oldest first: the older daily backup's key sorts first.
    shared.set(&format!("rungs.backup.daily.{}", NOW - DAY), "yesterday");
    shared.set(&format!("rungs.backup.daily.{NOW}"), "today");
    let (mut tab, _) = shared.tab();
    assert_eq!(tab.save(&themed(Theme::Light), NOW + 1), Saved::Written);
    assert_eq!(shared.copies(CopyKind::Daily), ["yesterday", "today"]);
}

#[test]
fn automatic_backups_make_room_within_the_budget_but_set_aside_data_stays() {
    let shared = Shared::default();
    shared.set(
        &format!("rungs.quarantine.{}", NOW - 10),
        "unreadable, kept",
    );
    let (mut tab, _) = shared.tab();
    for n in 0..6 {
        let document = document_of_size(COPIES_BUDGET / 3, &format!("g{n}"));
        tab.back_up(CopyKind::BeforeImport, &document, NOW + n)
            .unwrap();
        let total: usize = tab.copies().unwrap().iter().map(|c| c.size).sum();
        assert!(total <= COPIES_BUDGET, "{total}");
    }
    let copies = tab.copies().unwrap();
    assert!(copies.iter().any(|c| c.at == NOW + 5), "the newest is kept");
    assert!(copies.iter().any(|c| c.kind == CopyKind::SetAside));
    assert!(copies.len() >= 3);
}

#[test]
fn a_backup_that_cannot_be_written_is_reported() {
    let (mut store, _) = open(Flaky::default());
    store.backend_mut().fail_writes = Some(BackendError::Full);
    assert_eq!(
        store.back_up(CopyKind::BeforeReset, &dark(), NOW),
        Err(BackendError::Full)
    );
    assert_eq!(
        store.health().problems,
        [Problem::BackupFailed {
            reason: BackendError::Full
        }]
    );
    store.backend_mut().fail_writes = None;
    store.back_up(CopyKind::BeforeReset, &dark(), NOW).unwrap();
    assert!(store.health().problems.is_empty());
}

#[test]
fn an_older_format_is_backed_up_before_it_is_first_written_in_the_new_one() {
    let (_, text) = FIXTURES[2];
    let shared = Shared::default();
    shared.set(KEY, text);
    let (mut tab, mut document) = shared.tab();
    let other = match document.preferences.theme {
        Theme::Dark => Theme::Light,
        _ => Theme::Dark,
    };
    document.apply(SetTheme(other));
    assert_eq!(tab.save(&document, NOW), Saved::Written);
    assert_eq!(shared.copies(CopyKind::BeforeUpgrade), [text]);
}

#[test]
fn copies_are_listed_with_kind_date_and_size_and_only_copies_can_be_deleted() {
    let shared = Shared::default();
    shared.set("rungs.backup.17", "an old conflict backup");
    shared.set("rungs.quarantine.18", "bad");
    shared.set("other.backup.19", "not ours");
    let (mut tab, _) = shared.tab();
    let mut copies = tab.copies().unwrap();
    assert_eq!(newest_first(copies.clone())[0].at, 18, "newest first");
    copies.sort_by_key(|c| c.at);
    let listed: Vec<_> = copies.iter().map(|c| (c.kind, c.at, c.size)).collect();
    assert_eq!(
        listed,
        [(CopyKind::Conflict, 17, 22), (CopyKind::SetAside, 18, 3)]
    );
    assert!(tab.delete_copy(KEY).is_err());
    tab.delete_copy("rungs.backup.17").unwrap();
    assert_eq!(shared.get("rungs.backup.17"), None);
}

#[test]
fn the_export_reads_back_as_the_same_document() {
    let (store, _) = open(Flaky::default());
    let exported = store.export(&dark(), NOW);
    assert_eq!(transfer::read(&exported).unwrap().document, dark());
}

#[test]
fn every_problem_is_explained_in_plain_words() {
    let problems = [
        Problem::Unavailable {
            reason: BackendError::Denied("SecurityError".into()),
        },
        Problem::SetAside {
            key: "k".into(),
            reason: ReadError::NotJson("EOF".into()),
        },
        Problem::TooNew { version: 7 },
        Problem::Unreadable {
            reason: ReadError::NotJson("EOF".into()),
            copy_failed: BackendError::Full,
        },
        Problem::SaveFailed {
            reason: BackendError::Full,
        },
        Problem::ChangedElsewhere,
        Problem::BackupFailed {
            reason: BackendError::Full,
        },
        Problem::Conflict { conflicts: vec![] },
        Problem::Cleared,
        Problem::Combined,
    ];
    for problem in &problems {
        let text = problem.explanation();
        assert!(text.ends_with('.'), "{text}");
        assert!(!text.contains("Err(") && !text.contains("Some("), "{text}");
    }
    assert!(problems[4]
        .explanation()
        .contains("storage for Rungs is full"));
    assert!(problems[0]
        .explanation()
        .contains("lasts only while this tab is open"));
}

#[test]
fn texts_are_the_same_only_when_every_byte_is() {
    let text = "{\"data\":\"é, then some more text\"}";
    for len in 0..=text.len() {
        let Some(a) = text.get(..len) else { continue };
        let copy = String::from(a);
        assert!(same_text(a, &copy));
        assert!(!same_text(a, text) || len == text.len());
        // A change anywhere, in the words compared eight bytes at a time
        // or in the bytes left over, is a difference.
        for at in 0..len {
            let mut bytes = a.as_bytes().to_vec();
            bytes[at] ^= 1;
            if let Ok(b) = String::from_utf8(bytes) {
                assert!(!same_text(a, &b), "{a:?} and {b:?}");
            }
        }
    }
}

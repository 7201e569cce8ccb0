//! Native tests of the storage rules in `rungs::core::persist` and the
//! stored format in `rungs::core::schema`.
#![cfg(not(target_arch = "wasm32"))]

use rungs::core::assessment::{Assessment, Grade};
use rungs::core::persist::{
    Backend, BackendError, External, Keys, Location, MemoryBackend, Problem, Saved, Store,
};
use rungs::core::plan::{PlanEdit, Status};
use rungs::core::schema::{
    decode, encode, Decoded, Document, ReadError, SetTheme, Theme, CURRENT_VERSION,
};
use rungs::core::time::{Date, Weekday};
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
const FIXTURES: [(u32, &str); 4] = [
    (1, include_str!("fixtures/document-v1.json")),
    (2, include_str!("fixtures/document-v2.json")),
    (3, include_str!("fixtures/document-v3.json")),
    (4, include_str!("fixtures/document-v4.json")),
];

fn fixture(version: u32) -> Decoded {
    let (_, text) = FIXTURES[version as usize - 1];
    let decoded =
        decode(text).unwrap_or_else(|e| panic!("version {version} stays readable forever: {e}"));
    // Parts are decoded when first read: read them all.
    let document = &decoded.document;
    let _ = (
        document.assessment.value(),
        document.vocabulary.value(),
        document.plan.value(),
    );
    assert_eq!(document.unreadable_parts(), [], "version {version}");
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
    assert_eq!(assessment.snapshots.len(), 1);
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
fn golden_v4_fixture_loads_with_its_plan_and_writes_back_byte_for_byte() {
    let (_, text) = FIXTURES[3];
    let decoded = fixture(4);
    assert_eq!(decoded.migrated_from, None);
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

    // The current format writes exactly what it reads.
    assert_eq!(
        encode(&document.to_json(), decoded.revision, decoded.saved_at),
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
fn data_from_a_newer_version_is_copied_and_left_in_place() {
    let newer = r#"{"version":7,"revision":9,"saved_at":1,"data":{"whatever":true}}"#;
    let (mut store, _) = open(holding(newer));
    assert!(matches!(
        &store.health().problems[..],
        [Problem::TooNew { version: 7, .. }]
    ));
    assert_eq!(store.save(&dark(), NOW), Saved::NotSaved);
    assert_eq!(stored(&store).as_deref(), Some(newer));
    let quarantine = keys_starting(&store, "rungs.quarantine.");
    assert_eq!(store.read_raw(&quarantine[0]).as_deref(), Some(newer));
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

/// Two stores over one backend, as two tabs over one localStorage.
fn other_tab_writes(store: &mut Store<Flaky>, document: &Document) {
    let text = stored(store);
    let (mut other, _) = Store::open(
        MemoryBackend {
            items: text
                .map(|t| [(KEY.to_owned(), t)].into())
                .unwrap_or_default(),
        },
        Keys::new("rungs"),
        NOW,
    );
    other.save(document, NOW + 5);
    let written = other.backend().items[KEY].clone();
    store.backend_mut().inner.items.insert(KEY.into(), written);
}

/// This tab changed the theme to light while another tab saved dark.
fn in_conflict() -> (Store<Flaky>, Document) {
    let (mut store, _) = open(Flaky::default());
    let light = themed(Theme::Light);
    other_tab_writes(&mut store, &dark());
    assert_eq!(store.external_change(&light), External::Conflict);
    (store, light)
}

#[test]
fn a_clean_tab_adopts_another_tabs_change() {
    let (mut store, mine) = open(Flaky::default());
    other_tab_writes(&mut store, &dark());
    assert_eq!(
        store.external_change(&mine),
        External::Adopt(Box::new(dark()))
    );
    assert_eq!(store.health().saved_at, Some(NOW + 5));
    assert_eq!(store.save(&dark(), NOW + 6), Saved::Unchanged);
    assert_eq!(store.external_change(&dark()), External::Same);
}

#[test]
fn a_tab_with_unsaved_changes_never_overwrites_another_tabs_save() {
    let (mut store, _) = open(Flaky::default());
    let light = themed(Theme::Light);
    other_tab_writes(&mut store, &dark());
    let theirs = stored(&store);

    // The storage event has not arrived yet: the save itself notices.
    assert_eq!(store.save(&light, NOW + 10), Saved::NotSaved);
    assert_eq!(store.health().problems, vec![Problem::ChangedElsewhere]);
    assert_eq!(stored(&store), theirs);
    assert_eq!(store.external_change(&light), External::Same);

    // Taking theirs backs up ours first.
    assert_eq!(store.take_stored(&light, NOW + 20), Ok(dark()));
    let backups = keys_starting(&store, "rungs.backup.");
    assert_eq!(backups.len(), 1);
    let backup = decode(&store.read_raw(&backups[0]).unwrap()).unwrap();
    assert_eq!(backup.document, light);
    assert!(store.health().problems.is_empty());
    assert_eq!(store.save(&dark(), NOW + 21), Saved::Unchanged);
}

#[test]
fn keeping_mine_backs_up_theirs_then_saves() {
    let (mut store, light) = in_conflict();
    let theirs = stored(&store).unwrap();

    store.keep_mine(&light, NOW + 30).unwrap();
    let backups = keys_starting(&store, "rungs.backup.");
    assert_eq!(store.read_raw(&backups[0]), Some(theirs));
    let now_stored = decode(&stored(&store).unwrap()).unwrap();
    assert_eq!(now_stored.document, light);
    assert_eq!(
        now_stored.revision, 2,
        "continues after the other tab's revision"
    );
    assert!(store.health().problems.is_empty());
}

#[test]
fn another_tab_resetting_is_adopted_by_a_clean_tab() {
    let text = r#"{"version":1,"revision":1,"saved_at":5,"data":{"preferences":{"theme":"dark"}}}"#;
    let (mut store, mine) = open(holding(text));
    store.backend_mut().inner.items.remove(KEY);
    assert_eq!(
        store.external_change(&mine),
        External::Adopt(Box::default())
    );
    assert_eq!(store.health().saved_at, None);
}

#[test]
fn the_export_reads_back_as_the_same_document() {
    let (store, _) = open(Flaky::default());
    let exported = store.export(&dark(), NOW);
    assert_eq!(decode(&exported).unwrap().document, dark());
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
        Problem::TooNew {
            key: "k".into(),
            version: 4,
        },
        Problem::Unreadable {
            reason: ReadError::NotJson("EOF".into()),
            copy_failed: BackendError::Full,
        },
        Problem::SaveFailed {
            reason: BackendError::Full,
        },
        Problem::ChangedElsewhere,
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
fn a_conflict_choice_that_cannot_back_up_changes_nothing_and_says_why() {
    let (mut store, light) = in_conflict();
    let theirs = stored(&store);
    store.backend_mut().fail_writes = Some(BackendError::Full);

    assert_eq!(store.take_stored(&light, NOW), Err(BackendError::Full));
    assert_eq!(store.keep_mine(&light, NOW), Err(BackendError::Full));
    assert_eq!(stored(&store), theirs);
    assert!(keys_starting(&store, "rungs.backup.").is_empty());
    let problems = store.health().problems;
    assert!(
        problems.contains(&Problem::ChangedElsewhere),
        "{problems:?}"
    );
    assert!(
        problems.contains(&Problem::SaveFailed {
            reason: BackendError::Full
        }),
        "{problems:?}"
    );
}

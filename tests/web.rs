//! Browser tests (wasm-bindgen-test in headless Chromium) of the shell and
//! of the storage layer against the real localStorage.
#![cfg(target_arch = "wasm32")]

use std::marker::PhantomData;

use gloo_storage::{LocalStorage, Storage};
use rungs::core::glossary::{Glossary, Term};
use rungs::core::persist::{Backend, BackendError, Location, Problem};
use rungs::core::rubric::{Area, Criterion, Level, Rubric, Track};
use rungs::core::talk::Talk;
use rungs::ui::app::{App, AppProps};
use rungs::ui::content::{provide, Content};
use rungs::ui::panic::show_error_page;
use rungs::ui::state::{export_for_emergency, AppState};
use rungs::ui::storage::{probe, WebBackend};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Removes every stored key under `namespace`.
fn clear(namespace: &str) {
    let storage = LocalStorage::raw();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|key| key.starts_with(&format!("{namespace}.")))
        .collect();
    for key in keys {
        storage.remove_item(&key).unwrap();
    }
}

/// The app, mounted in its own element, over `session`.
struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Mounted {
    async fn new(opened: AppState) -> Mounted {
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let handle =
            yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { opened }).render();
        yew::scheduler::flush().await;
        Mounted {
            root,
            handle: Some(handle),
        }
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.all(selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
        let _ = document()
            .document_element()
            .unwrap()
            .remove_attribute("data-theme");
    }
}

#[wasm_bindgen_test]
fn local_storage_is_found_and_round_trips() {
    assert_eq!(probe(), Ok(()));
    let mut backend = WebBackend::new(Some(LocalStorage::raw()));
    backend.write("rungs-test-rt.x", "héllo ✓").unwrap();
    assert_eq!(
        backend.read("rungs-test-rt.x").unwrap().as_deref(),
        Some("héllo ✓")
    );
    assert_eq!(backend.read("rungs-test-rt.missing").unwrap(), None);
    assert!(backend
        .keys()
        .unwrap()
        .contains(&"rungs-test-rt.x".to_owned()));
    backend.remove("rungs-test-rt.x").unwrap();
    assert_eq!(backend.read("rungs-test-rt.x").unwrap(), None);
    clear("rungs-test-rt");
}

#[wasm_bindgen_test]
fn holding_what_was_last_written_is_told_apart_from_another_tabs_write() {
    let mut backend = WebBackend::new(Some(LocalStorage::raw()));
    let key = "rungs-test-holds.doc";
    assert!(backend.holds(key, None).unwrap());
    backend.write(key, "{\"v\":1}").unwrap();
    assert!(backend.holds(key, Some("{\"v\":1}")).unwrap());
    assert!(!backend.holds(key, Some("{\"v\":2}")).unwrap());
    assert!(!backend.holds(key, None).unwrap());
    // Another tab writes the same key.
    LocalStorage::raw().set_item(key, "{\"v\":3}").unwrap();
    assert!(!backend.holds(key, Some("{\"v\":1}")).unwrap());
    assert!(backend.holds(key, Some("{\"v\":3}")).unwrap());
    // And puts back what this one wrote: it holds it again.
    LocalStorage::raw().set_item(key, "{\"v\":1}").unwrap();
    assert!(backend.holds(key, Some("{\"v\":1}")).unwrap());
    assert_eq!(backend.read(key).unwrap().as_deref(), Some("{\"v\":1}"));
    LocalStorage::raw().remove_item(key).unwrap();
    assert!(!backend.holds(key, Some("{\"v\":1}")).unwrap());
    assert!(backend.holds(key, None).unwrap());
    clear("rungs-test-holds");
}

#[wasm_bindgen_test]
fn a_copy_keeps_text_a_rust_string_cannot_hold() {
    // A lone surrogate: a Rust string would turn it into U+FFFD.
    let lone = js_sys::JsString::from_char_code1(0xD800);
    let text: JsValue = js_sys::JsString::from("{\"broken\": \"")
        .concat(&lone)
        .into();
    let storage = LocalStorage::raw();
    let set = js_sys::Reflect::get(&storage, &"setItem".into()).unwrap();
    let get = js_sys::Reflect::get(&storage, &"getItem".into()).unwrap();
    let (set, get): (js_sys::Function, js_sys::Function) = (set.into(), get.into());
    set.call2(&storage, &"rungs-test-copy.a".into(), &text)
        .unwrap();

    let mut backend = WebBackend::new(Some(storage.clone()));
    backend
        .copy("rungs-test-copy.a", "rungs-test-copy.b")
        .unwrap();
    let copy = get.call1(&storage, &"rungs-test-copy.b".into()).unwrap();
    assert_eq!(copy, text, "the copy is the same JavaScript string");
    clear("rungs-test-copy");
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_full() {
    let mut backend = WebBackend::new(Some(LocalStorage::raw()));
    let chunk = "x".repeat(1 << 20);
    let mut error = None;
    for i in 0..64 {
        if let Err(e) = backend.write(&format!("rungs-test-fill.{i}"), &chunk) {
            error = Some(e);
            break;
        }
    }
    clear("rungs-test-fill");
    assert_eq!(error, Some(BackendError::Full));
}

#[wasm_bindgen_test]
async fn the_shell_has_navigation_a_skip_link_and_the_privacy_promise() {
    clear("rungs-test-shell");
    let app = Mounted::new(AppState::open("rungs-test-shell")).await;
    let links = app.all("nav[aria-label='Main'] a");
    let labels: Vec<String> = links.iter().map(|a| a.text_content().unwrap()).collect();
    assert_eq!(
        labels,
        [
            "Dashboard",
            "Assess",
            "Glossary",
            "Plan",
            "Evidence",
            "Talk",
            "Review",
            "Your data",
            "Rubric"
        ]
    );
    assert_eq!(app.text(".skip-link"), "Skip to content");
    assert!(app
        .text("footer")
        .contains("Your data never leaves this browser"));
    assert!(app.text("h1").contains("Dashboard"));
    assert!(app
        .text(".data-health")
        .contains("In this browser's local storage"));
    assert!(app.all(".notice").is_empty());
}

/// Chooses `theme` in the footer, as the user would.
async fn choose_theme(app: &Mounted, theme: &str) {
    let select: HtmlSelectElement = app.all("footer select")[0].clone().unchecked_into();
    select.set_value(theme);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn choosing_a_theme_applies_it_and_saves_it_when_the_page_hides() {
    clear("rungs-test-theme");
    let app = Mounted::new(AppState::open("rungs-test-theme")).await;
    choose_theme(&app, "dark").await;
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));

    // Not saved on the spot (the autosave waits for a pause), but at once
    // when the page is hidden.
    assert_eq!(
        LocalStorage::raw()
            .get_item("rungs-test-theme.document")
            .unwrap(),
        None
    );
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let stored = LocalStorage::raw()
        .get_item("rungs-test-theme.document")
        .unwrap()
        .unwrap();
    assert!(stored.contains(r#""theme":"dark""#), "{stored}");
    assert!(app.text(".data-health").contains("just now"));
    drop(app);
    clear("rungs-test-theme");
}

#[wasm_bindgen_test]
async fn unreadable_data_is_set_aside_and_the_user_is_told() {
    clear("rungs-test-corrupt");
    LocalStorage::raw()
        .set_item("rungs-test-corrupt.document", "{not json")
        .unwrap();
    let opened = AppState::open("rungs-test-corrupt");
    let health = opened.health.clone();
    let [Problem::SetAside { key, .. }] = &health.problems[..] else {
        panic!("expected one set-aside problem, got {:?}", health.problems);
    };
    assert_eq!(
        LocalStorage::raw().get_item(key).unwrap().as_deref(),
        Some("{not json")
    );

    let app = Mounted::new(opened).await;
    let notice = app.text(".notice");
    assert!(notice.contains("Unreadable data was set aside"), "{notice}");
    assert!(notice.contains("not valid JSON"), "{notice}");
    assert_eq!(app.all(".notice[role='status'] button").len(), 1);
    drop(app);
    clear("rungs-test-corrupt");
}

/// Makes `window.localStorage` throw, as in a sandboxed iframe, until dropped.
struct BlockedStorage;

impl BlockedStorage {
    fn new() -> BlockedStorage {
        js_sys::Function::new_no_args(
            "window.__rungsStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');
             Object.defineProperty(window, 'localStorage', { configurable: true, get() {
               throw new DOMException('The document is sandboxed.', 'SecurityError');
             } });",
        )
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
        BlockedStorage
    }
}

impl Drop for BlockedStorage {
    fn drop(&mut self) {
        js_sys::Function::new_no_args(
            "if (window.__rungsStorage) Object.defineProperty(window, 'localStorage', window.__rungsStorage);
             else delete window.localStorage;",
        )
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
    }
}

#[wasm_bindgen_test]
async fn blocked_storage_falls_back_to_memory_with_a_notice() {
    let blocked = BlockedStorage::new();
    assert!(matches!(probe(), Err(BackendError::Denied(_))));
    let opened = AppState::open("rungs-test-blocked");
    assert_eq!(opened.health.location, Location::Memory);
    let app = Mounted::new(opened).await;
    assert!(app
        .text(".notice")
        .contains("Storage unavailable: working in memory"));
    assert!(app
        .text(".data-health")
        .contains("Only in this tab's memory"));
    drop(app);
    drop(blocked);
    assert_eq!(probe(), Ok(()));
}

#[wasm_bindgen_test]
async fn the_panic_page_gets_the_tabs_latest_document_without_the_store() {
    clear("rungs-test-emergency");
    let app = Mounted::new(AppState::open("rungs-test-emergency")).await;
    choose_theme(&app, "dark").await;
    // Changed but not saved: only this tab holds it.
    assert_eq!(
        LocalStorage::raw()
            .get_item("rungs-test-emergency.document")
            .unwrap(),
        None
    );
    let text = export_for_emergency().expect("the open session's document");
    assert!(text.contains(r#""theme":"dark""#), "{text}");
    drop(app);
    clear("rungs-test-emergency");
}

#[wasm_bindgen_test]
fn the_panic_page_explains_offers_the_data_and_renders_text_as_text() {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    show_error_page(
        &container,
        "boom <b>bold</b>",
        Some("{\"version\":1}".into()),
    );
    assert_eq!(
        container
            .query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Something went wrong"
    );
    let link = container.query_selector("a[download]").unwrap().unwrap();
    assert_eq!(link.text_content().unwrap(), "Download your data");
    assert!(link.get_attribute("href").unwrap().starts_with("blob:"));
    assert!(container.query_selector("b").unwrap().is_none());
    assert_eq!(
        container
            .query_selector("pre")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "boom <b>bold</b>"
    );
    container.remove();
}

/// A rubric small enough to read: two levels, three areas (the fewest a
/// radar chart draws), one criterion per area and level.
fn small_rubric() -> Rubric {
    let level = |id: &str, name: &str| Level {
        id: id.into(),
        name: name.into(),
        summary: format!("What a {name} does."),
    };
    let area = |id: &str, name: &str| Area {
        id: id.into(),
        name: name.into(),
        summary: format!("All about {name}."),
        criteria: ["one", "two"]
            .iter()
            .map(|level| Criterion {
                id: format!("t.{id}.{level}"),
                level: (*level).into(),
                text: format!("{name} at level {level}"),
                ..Default::default()
            })
            .collect(),
    };
    Rubric {
        id: "small".into(),
        name: "Small".into(),
        description: "A rubric for tests.".into(),
        source: String::new(),
        licence: String::new(),
        cumulative: false,
        levels: vec![level("one", "Level One"), level("two", "Level Two")],
        tracks: vec![Track {
            id: "t".into(),
            name: "Track".into(),
            summary: "The only track.".into(),
            areas: vec![area("a", "Alpha"), area("b", "Beta"), area("c", "Gamma")],
        }],
    }
}

fn change(element: &Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    element
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
}

/// Content given to the pages instead of fetched, until dropped: a test
/// that fails cannot leave it behind for the next.
struct Provided<T: Content>(PhantomData<T>);

impl<T: Content> Provided<T> {
    fn new(content: T) -> Provided<T> {
        provide(Some(content));
        Provided(PhantomData)
    }
}

impl<T: Content> Drop for Provided<T> {
    fn drop(&mut self) {
        provide::<T>(None);
    }
}

/// Opens the app on `hash`; the hash is cleared again on drop.
struct AtRoute;

impl AtRoute {
    fn new(hash: &str) -> AtRoute {
        web_sys::window()
            .unwrap()
            .location()
            .set_hash(hash)
            .unwrap();
        AtRoute
    }
}

impl Drop for AtRoute {
    fn drop(&mut self) {
        let _ = web_sys::window().unwrap().location().set_hash("");
    }
}

#[wasm_bindgen_test]
async fn grading_moves_the_readiness_in_sight_at_once() {
    clear("rungs-test-assess");
    let _rubric = Provided::new(small_rubric());
    let _route = AtRoute::new("#/assess");
    let app = Mounted::new(AppState::open("rungs-test-assess")).await;
    assert!(app.all("[role='radiogroup']").is_empty());

    let current: HtmlSelectElement = app.all("#assess-current")[0].clone().unchecked_into();
    current.set_value("one");
    change(&current);
    yew::scheduler::flush().await;
    // Area 1 of 3, with its criterion at each level as a named radio group.
    let groups = app.all("fieldset[role='radiogroup']");
    assert_eq!(groups.len(), 2);
    assert_eq!(
        app.text("fieldset legend"),
        "Alpha at level one\nAlpha at level two"
    );
    let progress = || app.text(".progress-bar .progress-level");
    assert_eq!(
        progress(),
        "Level One: \u{2013} \u{b7} 0 of 3 graded\nLevel Two: \u{2013} \u{b7} 0 of 3 graded"
    );

    // "Consistently" without evidence: three quarters of the one criterion
    // graded, and the two not graded are left out.
    let consistently: HtmlElement = groups[1]
        .query_selector_all("input[type='radio']")
        .unwrap()
        .item(3)
        .unwrap()
        .unchecked_into();
    consistently.click();
    yew::scheduler::flush().await;
    assert_eq!(
        progress(),
        "Level One: \u{2013} \u{b7} 0 of 3 graded\nLevel Two: 75% \u{b7} 1 of 3 graded"
    );
    assert!(app
        .text(".criterion")
        .contains("Counts three quarters until you add evidence"));
}

#[wasm_bindgen_test]
async fn the_results_draw_the_chart_and_a_table_with_coverage() {
    clear("rungs-test-results");
    LocalStorage::raw()
        .set_item(
            "rungs-test-results.document",
            r#"{"version":5,"revision":1,"saved_at":1,"data":{"assessment":{"current":"one","ratings":{"t.a.two":{"mine":"consistently"}}}}}"#,
        )
        .unwrap();
    let _rubric = Provided::new(small_rubric());
    let _route = AtRoute::new("#/assess/results");
    let app = Mounted::new(AppState::open("rungs-test-results")).await;
    assert_eq!(
        app.text(".score-value"),
        "\u{2013} \u{b7} 0 of 3 graded\n75% \u{b7} 1 of 3 graded"
    );
    assert!(app
        .text(".score-verdict")
        .contains("Grade 2 more criteria for a verdict."));

    // The chart draws both levels over three axes; the table has a row per
    // area, each figure with its coverage.
    let series = app.all("svg polygon.radar-series");
    assert_eq!(series.len(), 2);
    let points = series[1].get_attribute("points").unwrap();
    assert_eq!(points.split(' ').count(), 3, "{points}");
    assert_ne!(points, series[0].get_attribute("points").unwrap());
    assert_eq!(app.all("table tbody tr").len(), 3);
    let table = app.text("table");
    assert!(
        table.contains("Alpha\u{2013}0 of 1 graded75%1 of 1 graded"),
        "{table}"
    );
}

#[wasm_bindgen_test]
async fn a_rubric_that_cannot_be_fetched_is_explained_with_a_way_to_retry() {
    clear("rungs-test-norubric");
    // The test server has no rubric.json, so the fetch fails for real.
    provide::<Rubric>(None);
    let _route = AtRoute::new("#/assess");
    let app = Mounted::new(AppState::open("rungs-test-norubric")).await;
    for _ in 0..200 {
        if !app.all("[role='alert']").is_empty() {
            break;
        }
        next_task().await;
        yew::scheduler::flush().await;
    }
    let alert = app.text("[role='alert']");
    assert!(alert.contains("The rubric could not be loaded"), "{alert}");
    assert!(alert.contains("Your data is safe and unchanged"), "{alert}");
    assert_eq!(app.all("[role='alert'] button").len(), 1);
}

/// Resolves after the browser has run its pending tasks (a fetch finishing).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn input(element: &Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    element
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn term(id: &str, name: &str, aliases: &[&str], definition: &str) -> Term {
    Term {
        id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|a| (*a).into()).collect(),
        tags: vec!["cloud".into()],
        related: Vec::new(),
        definition: definition.into(),
        example: format!("I used {name} well."),
    }
}

fn small_glossary() -> Glossary {
    Glossary {
        terms: vec![
            term(
                "kubernetes",
                "Kubernetes",
                &["K8s"],
                "Runs containers on a cluster.",
            ),
            term("pod", "Pod", &[], "The smallest unit Kubernetes schedules."),
            term("alpha", "Alpha", &[], "The first letter, used in tests."),
        ],
    }
}

#[wasm_bindgen_test]
async fn glossary_search_ranks_and_marks_results_as_you_type() {
    clear("rungs-test-glossary");
    let _glossary = Provided::new(small_glossary());
    let _route = AtRoute::new("#/glossary");
    let app = Mounted::new(AppState::open("rungs-test-glossary")).await;
    assert_eq!(app.text("#glossary-count"), "3 terms");
    assert_eq!(app.text(".term-result-name"), "Alpha\nKubernetes\nPod");

    let search: HtmlInputElement = app.all("input[type='search']")[0].clone().unchecked_into();
    search.set_value("kubernets");
    input(&search);
    yew::scheduler::flush().await;
    // The name matches despite the typo; the pod only by its definition.
    assert_eq!(app.text(".term-result-name"), "Kubernetes");
    assert_eq!(app.text(".term-result-name mark"), "Kubernetes");
    assert_eq!(app.text("#glossary-count"), "1 match for “kubernets”");

    search.set_value("k8s");
    input(&search);
    yew::scheduler::flush().await;
    assert_eq!(app.text(".term-result-name"), "Kubernetes");
    assert_eq!(app.text(".term-alias"), "also K8s");

    search.set_value("kubernetes");
    input(&search);
    yew::scheduler::flush().await;
    assert_eq!(app.text(".term-result-name"), "Kubernetes\nPod");
}

#[wasm_bindgen_test]
async fn criteria_link_glossary_terms_to_their_definitions() {
    clear("rungs-test-links");
    let _rubric = Provided::new(small_rubric());
    let _glossary = Provided::new(small_glossary());
    let _route = AtRoute::new("#/assess");
    let app = Mounted::new(AppState::open("rungs-test-links")).await;
    let current: HtmlSelectElement = app.all("#assess-current")[0].clone().unchecked_into();
    current.set_value("one");
    change(&current);
    yew::scheduler::flush().await;

    // The legend still reads as the criterion, with the term a button in it.
    assert_eq!(
        app.text("fieldset legend"),
        "Alpha at level one\nAlpha at level two"
    );
    let buttons = app.all("legend button.term-link");
    assert_eq!(buttons.len(), 2);
    assert_eq!(buttons[0].text_content().unwrap(), "Alpha");
    // It opens a popover outside the legend, with the definition and a link.
    let target = buttons[0].get_attribute("popovertarget").unwrap();
    let popover = document().get_element_by_id(&target).unwrap();
    assert_eq!(popover.get_attribute("popover").as_deref(), Some("auto"));
    assert!(popover.closest("legend").unwrap().is_none());
    assert!(popover
        .text_content()
        .unwrap()
        .contains("The first letter, used in tests."));
    let link = popover.query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#/glossary/alpha")
    );
}

/// Stores, under `namespace`, a document of format `version` holding only
/// `json` as its part `name`.
fn store_part(namespace: &str, version: u32, name: &str, json: &str) {
    clear(namespace);
    LocalStorage::raw()
        .set_item(
            &format!("{namespace}.document"),
            &format!(
                r#"{{"version":{version},"revision":1,"saved_at":1,"data":{{"{name}":{json}}}}}"#
            ),
        )
        .unwrap();
}

/// Stores a version 4 document whose plan is `plan` (JSON) under `namespace`.
fn store_plan(namespace: &str, plan: &str) {
    store_part(namespace, 4, "plan", plan);
}

#[wasm_bindgen_test]
async fn the_smart_check_follows_each_keystroke_and_milestones_move_progress() {
    let _rubric = Provided::new(small_rubric());
    store_plan(
        "rungs-test-goal",
        r#"{"goals":[{"id":"g1","outcome":"Improve things","criteria":["t.a.two"],
            "milestones":[{"id":"m1","title":"First step"},{"id":"m2","title":"Second step"}]}]}"#,
    );
    let _route = AtRoute::new("#/plan/g1");
    let app = Mounted::new(AppState::open("rungs-test-goal")).await;
    assert_eq!(app.text(".page-header h1"), "Improve things");
    assert_eq!(
        app.text(".smart-summary"),
        "SMART check: Weak: Specific, Measurable, Achievable, Time-bound."
    );
    assert!(app.text("#smart-S").contains("“improve” is vague"));
    // The linked criterion is named by its text once the rubric is there.
    assert!(app.text(".linked-criteria").contains("Alpha at level two"));

    let outcome = &app.all("#goal-outcome")[0];
    outcome
        .clone()
        .unchecked_into::<web_sys::HtmlTextAreaElement>()
        .set_value("Lead the design review of the billing migration");
    input(outcome);
    yew::scheduler::flush().await;
    assert_eq!(app.text("#smart-S"), "✓ Strong");
    assert_eq!(
        app.text(".page-header h1"),
        "Lead the design review of the billing migration"
    );

    // Ticking a milestone off moves the goal's progress.
    assert!(app.text("#milestones-heading + p").contains("0% done"));
    let first: HtmlElement = app.all("#milestone-m1")[0].clone().unchecked_into();
    first.click();
    yew::scheduler::flush().await;
    assert!(app.text("#milestones-heading + p").contains("50% done"));
}

#[wasm_bindgen_test]
async fn the_plan_draws_a_timeline_row_per_goal_with_its_milestones() {
    store_plan(
        "rungs-test-timeline",
        r#"{"target":"2030-06-01","goals":[
            {"id":"g1","outcome":"One","started":"2030-01-01","due":"2030-03-01",
             "milestones":[{"id":"m1","title":"Done one","due":"2030-02-01","done":"2030-01-20"},
                           {"id":"m2","title":"Open one","due":"2030-02-20"}]},
            {"id":"g2","outcome":"Two","started":"2030-01-01","due":"2030-05-01"}]}"#,
    );
    let _route = AtRoute::new("#/plan");
    let app = Mounted::new(AppState::open("rungs-test-timeline")).await;
    let chart = &app.all("svg.timeline")[0];
    assert_eq!(chart.get_attribute("role").as_deref(), Some("img"));
    assert!(chart
        .get_attribute("aria-label")
        .unwrap()
        .contains("2 goals, 2 milestones"));
    assert_eq!(app.all("svg .tl-row").len(), 2);
    let states: Vec<String> = app
        .all("svg .tl-mark")
        .iter()
        .map(|mark| mark.get_attribute("data-state").unwrap())
        .collect();
    assert_eq!(states, ["done", "open"]);
    assert_eq!(app.all("svg .tl-target").len(), 1);
    assert_eq!(app.text(".goal-list h3"), "One\nTwo");
}

/// The document stored under `namespace` once the page hides, which saves
/// every change still waiting.
fn saved_when_hidden(namespace: &str) -> String {
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    LocalStorage::raw()
        .get_item(&format!("{namespace}.document"))
        .unwrap()
        .unwrap()
}

/// Stores a version 8 document whose log is `log` (JSON) under `namespace`.
fn store_log(namespace: &str, log: &str) {
    store_part(namespace, 8, "evidence", log);
}

#[wasm_bindgen_test]
async fn an_entry_saves_as_typed_and_a_wrong_link_is_said_and_not_saved() {
    let _rubric = Provided::new(small_rubric());
    store_log(
        "rungs-test-entry",
        r#"{"entries":[{"id":"e1","date":"2026-11-02","title":"Shipped search"}]}"#,
    );
    let _route = AtRoute::new("#/evidence/e1");
    let app = Mounted::new(AppState::open("rungs-test-entry")).await;
    assert_eq!(app.text(".page-header h1"), "Shipped search");
    let saved = |app: &Mounted| app.text(".entry-form [role='status']");
    assert_eq!(saved(&app), "Saved.");

    let links: web_sys::HtmlTextAreaElement = app.all("#entry-links")[0].clone().unchecked_into();
    links.set_value("javascript:alert(1)");
    input(&links);
    yew::scheduler::flush().await;
    assert!(app.text("#entry-links-error").starts_with("Link 1: "));
    assert_eq!(links.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(saved(&app), "Not saved until the problems above are fixed.");
    // The wrong link changed nothing stored.
    yew::scheduler::flush().await;
    let text = saved_when_hidden("rungs-test-entry");
    assert!(!text.contains("javascript:"), "{text}");

    // Linking a criterion while the form holds unsaved text keeps every
    // word typed: the change to the entry is not shown over the form.
    let story: web_sys::HtmlTextAreaElement = app.all("#entry-story")[0].clone().unchecked_into();
    story.set_value("I led it.");
    input(&story);
    yew::scheduler::flush().await;
    let boxes = app.all(".criteria-picker input[type='checkbox']");
    assert!(!boxes.is_empty());
    let first: HtmlElement = boxes[0].clone().unchecked_into();
    first.click();
    yew::scheduler::flush().await;
    assert!(app.text("#criteria-heading").ends_with("(1)"));
    assert_eq!(links.value(), "javascript:alert(1)");
    assert_eq!(story.value(), "I led it.");

    links.set_value("https://example.com/pr/1");
    input(&links);
    let title: HtmlInputElement = app.all("#entry-title")[0].clone().unchecked_into();
    title.set_value("Shipped search to everyone");
    input(&title);
    yew::scheduler::flush().await;
    assert_eq!(saved(&app), "Saved.");
    assert_eq!(app.text(".page-header h1"), "Shipped search to everyone");

    // Saved when the page hides.
    yew::scheduler::flush().await;
    let text = saved_when_hidden("rungs-test-entry");
    assert!(text.contains("https://example.com/pr/1"), "{text}");
    assert!(text.contains("Shipped search to everyone"), "{text}");
    assert!(text.contains("I led it."), "{text}");
    assert!(text.contains(r#""criteria":["#), "{text}");
    drop(app);
    clear("rungs-test-entry");
}

/// Conversation prep small enough to read: one process, one conversation
/// of two lines (one filled from the assessment, one from the plan) and
/// one response.
fn small_talk() -> Talk {
    serde_json::from_str(
        r#"{"processes":[{"id":"formal","name":"Formal","summary":"A committee decides.",
              "signs":[],"questions":[],
              "checklist":[{"id":"packet","text":"Write the packet","link":"packet"}]}],
            "conversations":[{"id":"ask","name":"Asking","when":"When you are ready.",
              "before":["Stay calm."],
              "lines":[{"id":"1","say":"I am aiming for {target_level}."},
                       {"id":"2","say":"Could it be {timeframe}?"}],
              "responses":[{"they":"Not yet.","you":"What would it take?"}]}],
            "reasons":[],"elsewhere":{"intro":"Sometimes.","signs":[]},
            "rehearse":{"intro":"Say it aloud."},
            "after":[{"id":"plan","text":"Write the plan down","link":"plan"}]}"#,
    )
    .unwrap()
}

/// Presses `key` on `element`, as a keyboard would.
fn press(element: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    element
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
}

fn button(app: &Mounted, text: &str) -> HtmlElement {
    app.all("button")
        .into_iter()
        .find(|button| button.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("a button {text:?}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_script_fills_in_what_is_known_keeps_a_reworded_line_and_rehearses_by_keyboard() {
    let _rubric = Provided::new(small_rubric());
    let _talk = Provided::new(small_talk());
    store_part("rungs-test-talk", 9, "assessment", r#"{"current":"one"}"#);
    let _route = AtRoute::new("#/talk/ask");
    let app = Mounted::new(AppState::open("rungs-test-talk")).await;
    assert_eq!(app.text(".page-header h1"), "Asking");
    // The level aimed at is known; the timeframe is not, and links to the
    // plan, where it is set.
    assert_eq!(
        app.text(".script .say"),
        "I am aiming for Level Two.\nCould it be [your timeframe]?"
    );
    assert_eq!(app.text(".script .say strong"), "Level Two");
    let missing = &app.all(".script a.missing")[0];
    assert_eq!(missing.get_attribute("href").as_deref(), Some("#/plan"));

    // Rewording a line keeps the user's words, placeholders filled in.
    button(&app, "Reword").click();
    yew::scheduler::flush().await;
    let words: web_sys::HtmlTextAreaElement = app.all("#line-1")[0].clone().unchecked_into();
    assert_eq!(words.value(), "I am aiming for {target_level}.");
    words.set_value("This year I want {target_level}.");
    input(&words);
    yew::scheduler::flush().await;
    button(&app, "Done").click();
    yew::scheduler::flush().await;
    assert!(app
        .text(".script .say")
        .starts_with("This year I want Level Two.\n"));
    assert!(saved_when_hidden("rungs-test-talk")
        .contains(r#""lines":{"ask/1":"This year I want {target_level}."}"#));
    // The printed card says the user's words.
    let sheet = app.text("[aria-label='Asking card for printing'] ol");
    assert_eq!(
        sheet,
        "This year I want Level Two.Could it be [your timeframe]?"
    );

    // Rehearsing shows one line at a time; the keys move through them and
    // Escape gives focus back to the button that started it.
    button(&app, "Rehearse aloud").click();
    yew::scheduler::flush().await;
    let region = app.all(".rehearse")[0].clone();
    let focused = || document().active_element();
    assert_eq!(focused().as_ref(), Some(&region));
    assert_eq!(app.text(".rehearse-line"), "This year I want Level Two.");
    press(&region, "ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(app.text(".rehearse-line"), "Could it be [your timeframe]?");
    assert!(app.text(".rehearse").contains("Line 2 of 2"));
    // The last line stays the last.
    press(&region, " ");
    yew::scheduler::flush().await;
    assert_eq!(app.text(".rehearse-line"), "Could it be [your timeframe]?");
    press(&region, "ArrowLeft");
    yew::scheduler::flush().await;
    assert_eq!(app.text(".rehearse-line"), "This year I want Level Two.");
    press(&region, "Escape");
    yew::scheduler::flush().await;
    assert!(app.all(".rehearse").is_empty());
    let started = button(&app, "Rehearse aloud");
    assert_eq!(focused(), Some(started.unchecked_into()));

    // Putting the original back forgets the user's copy.
    button(&app, "Edit your words").click();
    yew::scheduler::flush().await;
    button(&app, "Put the original back").click();
    yew::scheduler::flush().await;
    button(&app, "Done").click();
    yew::scheduler::flush().await;
    assert!(app
        .text(".script .say")
        .starts_with("I am aiming for Level Two.\n"));
    assert!(!saved_when_hidden("rungs-test-talk").contains("This year"));
    drop(app);
    clear("rungs-test-talk");
}

#[wasm_bindgen_test]
async fn a_reviewer_grades_under_the_requests_own_key_and_leaves_their_own_data_alone() {
    use rungs::core::assessment::{Assessment, Edit, Grade};
    use rungs::core::review::{self, Ask, Draft, Person, Role};

    let namespace = "rungs-test-review";
    let _rubric = Provided::new(small_rubric());
    store_plan(
        namespace,
        r#"{"goals":[{"id":"g1","outcome":"My own goal"}]}"#,
    );
    let mine = LocalStorage::raw()
        .get_item(&format!("{namespace}.document"))
        .unwrap();
    // Alex's request, at Level One aiming for Level Two.
    let mut assessment = Assessment::default();
    assessment.apply(Edit::Current("one".into()));
    let ask = Ask {
        from: "Alex".into(),
        reviewer: Person {
            name: "Dana".into(),
            role: Role::Manager,
        },
        message: "Please grade me.".into(),
        share_own: false,
    };
    let (request, _) =
        review::ask(&assessment, &small_rubric(), &ask, "r-test-1".into(), 1).unwrap();
    let key = format!("{namespace}.review.r-test-1");
    LocalStorage::raw()
        .set_item(&key, &Draft::new(request).to_json())
        .unwrap();

    let _route = AtRoute::new("#/review/r-test-1");
    let app = Mounted::new(AppState::open(namespace)).await;
    assert_eq!(app.text(".page-header h1"), "Grade Alex");
    assert!(app.text(".request-message").contains("Please grade me."));
    assert_eq!(app.text(".area-heading"), "Area 1 of 3: Alpha");

    // "Consistently" on Alpha at Level One: kept at once under the
    // request's own key.
    let radios = app.all("input[name='review-t.a.one']");
    let labels: Vec<String> = radios
        .iter()
        .map(|r| r.parent_element().unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Not graded",
            "Not yet",
            "Sometimes",
            "Consistently",
            "Beyond",
            "Does not apply"
        ]
    );
    radios[3].clone().unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    let kept = Draft::read(&LocalStorage::raw().get_item(&key).unwrap().unwrap()).unwrap();
    assert_eq!(kept.given("t.a.one").grade, Some(Grade::Consistently));
    assert!(app.text(".area-step").contains("1 of 2"));

    // A comment on the same criterion keeps the grade.
    let comment: web_sys::HtmlTextAreaElement =
        app.all("#comment-t\\.a\\.one")[0].clone().unchecked_into();
    comment.set_value("Solid.");
    input(&comment);
    yew::scheduler::flush().await;
    let kept = Draft::read(&LocalStorage::raw().get_item(&key).unwrap().unwrap()).unwrap();
    assert_eq!(kept.given("t.a.one").grade, Some(Grade::Consistently));
    assert_eq!(kept.given("t.a.one").comment, "Solid.");

    // The next area, with focus on its heading.
    button(&app, "Next: Beta →").click();
    yew::scheduler::flush().await;
    assert_eq!(app.text(".area-heading"), "Area 2 of 3: Beta");
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("area-heading")
    );

    // The reviewer's own data is as it was, even once the page hides.
    let _ = saved_when_hidden(namespace);
    assert_eq!(
        LocalStorage::raw()
            .get_item(&format!("{namespace}.document"))
            .unwrap(),
        mine
    );
    drop(app);
    clear(namespace);
}

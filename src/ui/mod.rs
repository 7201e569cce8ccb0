//! The Yew view: renders state from [`state`] and dispatches actions; every
//! decision is made in [`crate::core`].

pub mod app;
pub mod clock;
pub mod components;
pub mod content;
pub mod dom;
pub mod draft;
pub mod focus;
pub mod merge;
pub mod pages;
pub mod panic;
pub mod split;
pub mod state;
pub mod storage;
pub mod terms;

use std::cell::Cell;
use std::rc::Rc;

use app::{App, AppProps};

/// The performance mark set once the first page is on screen, read by
/// `make bench` and by the page loader, which then fetches the rest of the
/// code while the browser is idle.
pub const INTERACTIVE_MARK: &str = "rungs:interactive";

thread_local! {
    // Facts about this page load, not about the user's data, read outside
    // any component (the start script's loader, the page header): whether
    // the first page has been shown, and whether focus still has to move.
    static INTERACTIVE: Cell<bool> = const { Cell::new(false) };
    /// Whether a navigation has happened whose page has not taken focus yet.
    static FOCUS_PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Whether two optional shared values are the same one (or both absent):
/// props holding large shared values compare them by pointer.
pub fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (a, b) => a.is_none() && b.is_none(),
    }
}

/// Sets [`INTERACTIVE_MARK`], the first time only.
pub fn mark_interactive() {
    if !INTERACTIVE.replace(true) {
        if let Some(performance) = dom::window().performance() {
            let _ = performance.mark(INTERACTIVE_MARK);
        }
    }
}

/// Records that the user went to another page: its heading takes focus when
/// it appears, which may be after its code has arrived.
pub fn navigated() {
    FOCUS_PENDING.set(true);
}

/// Whether the heading now appearing should take focus; true once per
/// navigation.
pub fn take_focus() -> bool {
    FOCUS_PENDING.replace(false)
}

/// Reads the stored data, then mounts the app in `#app`. A deep link's code
/// was fetched alongside the main module: once it is here, the first render
/// is the page itself rather than "Loading".
pub fn start() {
    panic::install();
    let opened = state::AppState::open(storage::NAMESPACE);
    let route = app::current_route();
    if pages::is_ready(&route) {
        mount(opened);
    } else {
        wasm_bindgen_futures::spawn_local(async move {
            // If it cannot be fetched, the page says so once mounted.
            pages::load(&route).await;
            mount(opened);
        });
    }
}

fn mount(opened: state::AppState) {
    let root = dom::document()
        .get_element_by_id("app")
        .expect("index.html has #app");
    // Replace the "Loading" line that shows until the wasm has arrived.
    root.set_text_content(None);
    yew::Renderer::<App>::with_root_and_props(root, AppProps { opened }).render();
}

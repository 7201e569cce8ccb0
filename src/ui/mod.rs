//! The Yew view: renders state from [`state`] and dispatches actions; every
//! decision is made in [`crate::core`].

pub mod app;
pub mod components;
pub mod content;
pub mod dom;
pub mod draft;
pub mod pages;
pub mod panic;
pub mod state;
pub mod storage;
pub mod terms;

use app::{App, AppProps};

/// Reads the stored data, then mounts the app in `#app`.
pub fn start() {
    panic::install();
    let session = storage::Session::open();
    let root = dom::document()
        .get_element_by_id("app")
        .expect("index.html has #app");
    // Replace the "Loading" line that shows until the wasm has arrived.
    root.set_text_content(None);
    yew::Renderer::<App>::with_root_and_props(root, AppProps { session }).render();
}

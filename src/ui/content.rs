//! The built-in content, fetched from the build when a page first needs it
//! rather than carried in the wasm, so that the first load stays small.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{RequestCache, RequestInit, Response};
use yew::prelude::*;

use super::dom;
use crate::core::rubric::{Rubric, RUBRIC_FILE};

/// Content on its way.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Ready(Rc<T>),
    /// Why it could not be loaded, in plain words.
    Failed(AttrValue),
}

thread_local! {
    /// The rubric once fetched: every page after the first gets it at once.
    static RUBRIC: RefCell<Option<Rc<Rubric>>> = const { RefCell::new(None) };
}

/// Replaces the rubric pages use (tests, and later a company's own rubric);
/// `None` forgets it, so that the next page to need it fetches it again.
pub fn provide_rubric(rubric: Option<Rubric>) {
    RUBRIC.with(|cell| *cell.borrow_mut() = rubric.map(Rc::new));
}

fn cached_rubric() -> Loaded<Rubric> {
    RUBRIC.with(|cell| match &*cell.borrow() {
        Some(rubric) => Loaded::Ready(rubric.clone()),
        None => Loaded::Loading,
    })
}

/// The rubric, and a callback that tries again after a failure.
#[hook]
pub fn use_rubric() -> (Loaded<Rubric>, Callback<()>) {
    let state = use_state(cached_rubric);
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with(*attempt, move |_| {
            match *state {
                Loaded::Ready(_) => return,
                // A retry: show "Loading" again while it runs.
                Loaded::Failed(_) => state.set(Loaded::Loading),
                Loaded::Loading => {}
            }
            spawn_local(async move {
                match fetch_text(RUBRIC_FILE).await.and_then(|text| {
                    serde_json::from_str::<Rubric>(&text)
                        .map_err(|e| format!("the rubric file is damaged ({e})"))
                }) {
                    Ok(rubric) => {
                        provide_rubric(Some(rubric));
                        state.set(cached_rubric());
                    }
                    Err(problem) => state.set(Loaded::Failed(problem.into())),
                }
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}

/// The text at `url`, relative to the page. Revalidated with the server
/// each time, so that an updated build never meets stale content.
async fn fetch_text(url: &str) -> Result<String, String> {
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    let unreachable = |_| "the file could not be reached (are you offline?)".to_owned();
    let response: Response = JsFuture::from(dom::window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(unreachable)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response.text().map_err(unreachable)?;
    JsFuture::from(text)
        .await
        .map_err(unreachable)?
        .as_string()
        .ok_or_else(|| "the file is not text".to_owned())
}

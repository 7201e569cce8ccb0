//! The built-in content, fetched from the build when a page first needs it
//! rather than carried in the wasm, so that the first load stays small.

use std::cell::RefCell;
use std::rc::Rc;
use std::thread::LocalKey;

use serde::de::DeserializeOwned;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{RequestCache, RequestInit, Response};
use yew::prelude::*;

use super::components::site;
use super::dom;
use super::state::use_app;
use crate::core::config::CONFIG_FILE;
use crate::core::glossary::{Glossary, GLOSSARY_FILE};
use crate::core::rubric::{Rubric, RUBRIC_FILE};
use crate::core::rubric_file;
use crate::core::talk::{Talk, TALK_FILE};

/// Content on its way.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Ready(Rc<T>),
    /// Why it could not be loaded, in plain words.
    Failed(AttrValue),
}

/// A piece of built-in content the build writes next to `index.html`.
pub trait Content: DeserializeOwned + Clone + PartialEq + 'static {
    /// Its file in the build.
    const FILE: &'static str;
    /// What the user calls it, after "the": "rubric", "glossary".
    const NAME: &'static str;
    /// Where it is kept once fetched, so that every page after the first
    /// gets it at once.
    fn cache() -> &'static LocalKey<RefCell<Option<Rc<Self>>>>;

    /// Fetches and reads it; why not, in plain words. (The app has one
    /// thread, so the future need not be `Send`.)
    #[allow(async_fn_in_trait)]
    async fn load() -> Result<Self, String> {
        built_in().await
    }
}

/// The content as the build ships it, in `T::FILE`.
async fn built_in<T: Content>() -> Result<T, String> {
    built_in_from(request(T::FILE)).await
}

/// The content as the build ships it, from a `request` for `T::FILE`
/// already sent.
async fn built_in_from<T: Content>(request: js_sys::Promise) -> Result<T, String> {
    let text = answer(request)
        .await?
        .ok_or_else(|| "the server answered 404".to_owned())?;
    serde_json::from_str::<T>(&text).map_err(|e| format!("the {} file is damaged ({e})", T::NAME))
}

thread_local! {
    // The content once fetched, for every page after the first. Not app
    // state: it is the same for every user, never saved, read-only once
    // here, and a page that asks for it re-renders itself when it arrives
    // (`use_content`) rather than the whole app.
    static RUBRIC: RefCell<Option<Rc<Rubric>>> = const { RefCell::new(None) };
    static GLOSSARY: RefCell<Option<Rc<Glossary>>> = const { RefCell::new(None) };
    static TALK: RefCell<Option<Rc<Talk>>> = const { RefCell::new(None) };
}

impl Content for Rubric {
    const FILE: &'static str = RUBRIC_FILE;
    const NAME: &'static str = "rubric";
    fn cache() -> &'static LocalKey<RefCell<Option<Rc<Self>>>> {
        &RUBRIC
    }

    /// The default rubric: the organisation's, when `rungs.config.json`
    /// names one that can be used; else the built-in one, and the
    /// configuration's problem is told (see [`site`]).
    async fn load() -> Result<Self, String> {
        // The built-in rubric is asked for at once, beside the
        // configuration (which most sites leave empty), rather than a
        // round trip after it.
        let built_in = request(Self::FILE);
        let named = match &site::config().await {
            Ok(config) => config.rubric_file().map(|file| file.map(str::to_owned)),
            Err(_) => None,
        };
        match named {
            Some(Ok(file)) => {
                let organisation = fetch_text(&file)
                    .await
                    .map_err(|problem| vec![problem])
                    .and_then(|text| {
                        rubric_file::import(&text)
                            .map_err(|problems| problems.iter().map(|p| p.to_string()).collect())
                    });
                match organisation {
                    Ok(rubric) => return Ok(rubric),
                    Err(problems) => site::tell(format!(
                        "The rubric this site names in {CONFIG_FILE}, {file}, could not be used: {}",
                        problems.join("; ")
                    )),
                }
            }
            Some(Err(problem)) => site::tell(problem),
            None => {}
        }
        built_in_from(built_in).await
    }
}

impl Content for Glossary {
    const FILE: &'static str = GLOSSARY_FILE;
    const NAME: &'static str = "glossary";
    fn cache() -> &'static LocalKey<RefCell<Option<Rc<Self>>>> {
        &GLOSSARY
    }
}

impl Content for Talk {
    const FILE: &'static str = TALK_FILE;
    const NAME: &'static str = "conversation scripts";
    fn cache() -> &'static LocalKey<RefCell<Option<Rc<Self>>>> {
        &TALK
    }
}

/// Replaces the content pages use (tests, and later a company's own
/// rubric); `None` forgets it, so that the next page to need it fetches it
/// again.
pub fn provide<T: Content>(content: Option<T>) {
    T::cache().with(|cell| *cell.borrow_mut() = content.map(Rc::new));
}

fn cached<T: Content>() -> Loaded<T> {
    T::cache().with(|cell| match &*cell.borrow() {
        Some(content) => Loaded::Ready(content.clone()),
        None => Loaded::Loading,
    })
}

/// The content, and a callback that tries again after a failure.
#[hook]
pub fn use_content<T: Content>() -> (Loaded<T>, Callback<()>) {
    let state = use_state(cached::<T>);
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
                match T::load().await {
                    Ok(content) => {
                        provide(Some(content));
                        state.set(cached::<T>());
                    }
                    Err(problem) => state.set(Loaded::Failed(problem.into())),
                }
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}

/// The rubric in use: the one the user chose among the ladders they keep,
/// else the default one (see [`use_content`]), with the retry of the
/// default's fetch.
#[hook]
pub fn use_rubric() -> (Loaded<Rubric>, Callback<()>) {
    let (default, retry) = use_content::<Rubric>();
    let document = use_app().state.document.clone();
    let loaded = match default {
        Loaded::Ready(default) => Loaded::Ready(document.ladders.value().active(&default)),
        other => other,
    };
    (loaded, retry)
}

/// The rubric in use once it has arrived; `None` while it loads or failed
/// to, for a page that has something to show without it.
#[hook]
pub fn use_ready_rubric() -> Option<Rc<Rubric>> {
    match use_rubric().0 {
        Loaded::Ready(rubric) => Some(rubric),
        _ => None,
    }
}

/// The text at `url`, relative to the page. Revalidated with the server
/// each time, so that an updated build never meets stale content.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    fetch_optional(url)
        .await?
        .ok_or_else(|| "the server answered 404".to_owned())
}

/// [`fetch_text`], for a file a site may leave out: `None` when the
/// server has no such file.
pub async fn fetch_optional(url: &str) -> Result<Option<String>, String> {
    answer(request(url)).await
}

/// Asks for the file at `url` now; [`answer`] reads what comes back.
fn request(url: &str) -> js_sys::Promise {
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    dom::window().fetch_with_str_and_init(url, &init)
}

/// The text a [`request`] brings back; `None` for a 404.
async fn answer(request: js_sys::Promise) -> Result<Option<String>, String> {
    let unreachable = |_| "the file could not be reached (are you offline?)".to_owned();
    let response: Response = JsFuture::from(request)
        .await
        .map_err(unreachable)?
        .unchecked_into();
    match response.status() {
        404 => return Ok(None),
        _ if !response.ok() => return Err(format!("the server answered {}", response.status())),
        _ => {}
    }
    let text = response.text().map_err(unreachable)?;
    JsFuture::from(text)
        .await
        .map_err(unreachable)?
        .as_string()
        .map(Some)
        .ok_or_else(|| "the file is not text".to_owned())
}

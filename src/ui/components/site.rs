//! What the site hosting Rungs says about itself in `rungs.config.json`:
//! the organisation's name in the header, and its default rubric (read by
//! the rubric's loader, see `ui::content`). A configuration that cannot be
//! used leaves the built-in rubric in place, and a notice says why.
//!
//! The app reads the configuration once at start ([`use_site`]), with code
//! fetched after the first page shows, and keeps what it says in its
//! state, so the header and the notice are functions of that state rather
//! than components of their own.

use std::cell::RefCell;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::core::config::{Config, CONFIG_FILE};
use crate::ui::content::fetch_optional;
use crate::ui::state::{Action, AppState, Site};

thread_local! {
    // The configuration once read: the app reads it at start, and the
    // rubric's loader after that (reading it again only if it asks first).
    static READ: RefCell<Option<Result<Config, String>>> = const { RefCell::new(None) };
    // Where a problem found later (by the rubric's loader) is told: the
    // app's dispatcher, once it has started.
    static TELL: RefCell<Option<Callback<String>>> = const { RefCell::new(None) };
}

/// The site's configuration; why it cannot be used, when it cannot. A
/// site with no configuration file has the empty one.
pub async fn config() -> Result<Config, String> {
    if let Some(read) = READ.with(|read| read.borrow().clone()) {
        return read;
    }
    let read = match fetch_optional(CONFIG_FILE).await {
        Ok(Some(text)) => Config::parse(&text),
        Ok(None) => Ok(Config::default()),
        Err(problem) => Err(format!("{CONFIG_FILE} could not be read: {problem}")),
    };
    READ.with(|slot| *slot.borrow_mut() = Some(read.clone()));
    read
}

/// Tells the user that the site's configuration, or the rubric it names,
/// could not be used.
pub fn tell(problem: String) {
    if let Some(tell) = TELL.with(|tell| tell.borrow().clone()) {
        tell.emit(problem);
    }
}

/// Reads the site's configuration when the app starts, into its state.
#[hook]
pub fn use_site(state: &UseReducerHandle<AppState>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let learnt = Callback::from(move |site| dispatcher.dispatch(Action::Site(site)));
        spawn_local(async move {
            // Without its code (offline, a newer version's files) the app
            // goes on without the site's name; a page that needs the
            // configuration reads it itself, and says what went wrong.
            if let Some(read) = reader().await {
                read(learnt);
            }
        });
        || TELL.with(|tell| *tell.borrow_mut() = None)
    });
}

/// Reads the configuration and tells `learnt` what it says, now and (for a
/// problem the rubric's loader finds later) from then on.
fn read(learnt: Callback<Site>) {
    let told = learnt.reform(|problem| Site {
        organisation: None,
        problem: Some(problem),
    });
    TELL.with(|tell| *tell.borrow_mut() = Some(told));
    spawn_local(async move {
        learnt.emit(match config().await {
            Ok(config) => Site {
                organisation: config.organisation.map(|name| name.trim().to_owned()),
                problem: None,
            },
            Err(problem) => Site {
                organisation: None,
                problem: Some(problem),
            },
        })
    });
}

/// [`read`], which fetching, checking and reading the file make code of its
/// own: in a release build it is fetched after the first page shows, as
/// most sites have nothing to say and the first load stays small.
#[cfg(feature = "split")]
async fn reader() -> Option<fn(Callback<Site>)> {
    #[wasm_split_helpers::wasm_split(site, fallible)]
    fn reader() -> Result<fn(Callback<Site>), wasm_split_helpers::SplitLoaderError> {
        Ok(read)
    }
    reader().await.ok()
}

#[cfg(not(feature = "split"))]
async fn reader() -> Option<fn(Callback<Site>)> {
    Some(read)
}

/// The organisation's name, after the product's, when the site names one.
pub fn organisation(site: &Site) -> Html {
    match &site.organisation {
        Some(name) => html! { <span class="brand-org">{ name.clone() }</span> },
        None => html! {},
    }
}

/// Says that the site's configuration could not be used, and that the
/// built-in rubric is in use instead.
pub fn site_notice(site: &Site) -> Html {
    let Some(problem) = &site.problem else {
        return html! {};
    };
    html! {
        <section class="notices" aria-label="Site notice">
            <div class="notice" role="status">
                <h2>{ "This site's settings could not be used" }</h2>
                <p>{ problem.clone() }</p>
                <p>{ "Rungs uses its built-in rubric instead. Your data is safe and unchanged. Tell whoever hosts this page." }</p>
            </div>
        </section>
    }
}

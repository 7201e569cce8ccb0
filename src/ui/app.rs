//! The shell: skip link, header and navigation, data notices, the routed
//! page and the footer; plus the hooks that route, autosave and theme.

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::components::footer::footer;
use super::components::header::header;
use super::components::notices::notices;
use super::components::undo::undo_bar;
use super::dom;
use super::merge;
use super::pages;
use super::state::{Action, AppContext, AppState};
use super::storage::Session;
use crate::core::merge::Choice;
use crate::core::route::Route;
use crate::core::schema::Theme;

/// How long after the last change the document is saved: long enough that
/// typing is never slowed by saves, short enough that a crash loses little.
pub const SAVE_DELAY_MS: u32 = 400;

#[derive(Properties)]
pub struct AppProps {
    pub session: Rc<Session>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.session, &other.session)
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let session = props.session.clone();
    let state = use_reducer({
        let session = session.clone();
        move || AppState::new(session.document(), session.health())
    });
    let route = use_route();
    use_autosave(&session, &state);
    use_theme(state.document.preferences.theme);
    {
        // A page whose code could not be fetched at start marks itself once
        // it shows why.
        let ready = pages::is_ready(&route);
        use_effect_with((), move |_| {
            if ready {
                super::mark_interactive();
            }
        });
    }

    let skip = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        dom::focus("#main");
    });
    let context = AppContext { state, session };
    // The shell's own parts render with the app, from its context; pages
    // take it from the provider.
    html! {
        <ContextProvider<AppContext> context={context.clone()}>
            <a class="skip-link" href="#main" onclick={skip}>{ "Skip to content" }</a>
            { header(&route) }
            { notices(&context) }
            <main id="main" tabindex="-1">
                { undo_bar(&context) }
                { pages::page(&route) }
            </main>
            { footer(&context) }
        </ContextProvider<AppContext>>
    }
}

/// The route in `location.hash`, following `hashchange`.
#[hook]
fn use_route() -> Route {
    let route = use_state(current_route);
    {
        let route = route.setter();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&dom::window(), "hashchange", move |_| {
                if let Some(next) = Route::parse(&location_hash()) {
                    super::navigated();
                    route.set(next);
                }
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}

fn location_hash() -> String {
    dom::window().location().hash().unwrap_or_default()
}

/// The route in the address now; the dashboard for a fragment that is not
/// a route.
pub fn current_route() -> Route {
    Route::parse(&location_hash()).unwrap_or(Route::Dashboard)
}

/// Applies the chosen theme; `System` leaves it to `prefers-color-scheme`.
#[hook]
fn use_theme(theme: Theme) {
    use_effect_with(theme, |theme| {
        if let Some(root) = dom::document().document_element() {
            let _ = match theme {
                Theme::System => root.remove_attribute("data-theme"),
                other => root.set_attribute("data-theme", other.id()),
            };
        }
    });
}

/// Saves a moment after the last change, at once when the tab is hidden or
/// closed, warns before a tab with unsaved changes closes, follows saves
/// made in other tabs and combines them with this tab's changes.
#[hook]
fn use_autosave(session: &Rc<Session>, state: &UseReducerHandle<AppState>) {
    {
        let session = session.clone();
        let dispatcher = state.dispatcher();
        let document = state.document.clone();
        use_effect_with(state.edits, move |edits| {
            let timer = (*edits > 0).then(|| {
                session.changed(document);
                Timeout::new(SAVE_DELAY_MS, move || flush(&session, &dispatcher))
            });
            move || drop(timer)
        });
    }
    {
        // Two tabs' changes wait to be combined: fetch the merge if need be,
        // then combine, at once and in one go.
        let session = session.clone();
        let dispatcher = state.dispatcher();
        use_effect_with(state.health.needs_merge(), move |needed| {
            if *needed {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(code) = merge::load().await {
                        combine(&session, &dispatcher, code, &[]);
                    }
                });
            }
        });
    }
    let session = session.clone();
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let on_hide = EventListener::new(&dom::window(), "pagehide", {
            let (session, dispatcher) = (session.clone(), dispatcher.clone());
            move |_| flush(&session, &dispatcher)
        });
        let on_visibility = EventListener::new(&dom::document(), "visibilitychange", {
            let (session, dispatcher) = (session.clone(), dispatcher.clone());
            move |_| {
                if dom::document().hidden() {
                    flush(&session, &dispatcher);
                }
            }
        });
        // Not passive: the warning is asked for by preventing the default.
        let on_unload = EventListener::new_with_options(
            &dom::window(),
            "beforeunload",
            EventListenerOptions::enable_prevent_default(),
            {
                let (session, dispatcher) = (session.clone(), dispatcher.clone());
                move |event| {
                    flush(&session, &dispatcher);
                    if session.has_unsaved() {
                        // The browser asks the user whether to leave.
                        event.prevent_default();
                    }
                }
            },
        );
        let key = session.document_key();
        let on_storage = EventListener::new(&dom::window(), "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            // `key` is null when another tab cleared all storage.
            if event.key().is_some_and(|changed| changed != key) {
                return;
            }
            if let Some(document) = session.external_change() {
                dispatcher.dispatch(Action::Adopt(document));
            }
            dispatcher.dispatch(Action::Health(session.health()));
        });
        move || drop((on_hide, on_visibility, on_unload, on_storage))
    });
}

/// Saves pending changes now and reports the outcome to the state.
fn flush(session: &Session, dispatcher: &UseReducerDispatcher<AppState>) {
    if let Some(health) = session.flush() {
        dispatcher.dispatch(Action::Health(health));
    }
}

/// Combines this tab's changes with another tab's (see
/// [`Session::combine`]) and shows the outcome.
pub fn combine(
    session: &Session,
    dispatcher: &UseReducerDispatcher<AppState>,
    code: merge::Combine,
    choices: &[Choice],
) {
    if let Some(document) = session.combine(code, choices) {
        dispatcher.dispatch(Action::Combined(document));
    }
    dispatcher.dispatch(Action::Health(session.health()));
}

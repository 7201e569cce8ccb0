//! The shell: skip link, header and navigation, data notices, the routed
//! page and the footer; plus the hooks that route, autosave and theme.

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::components::footer::footer;
use super::components::header::header;
use super::components::notices::notices;
use super::components::site::{site_notice, use_site};
use super::components::undo::undo_bar;
use super::dom;
use super::focus::focus;
use super::merge;
use super::pages::{self, Split};
use super::split::Lazy;
use super::state::{Action, AppContext, AppState};
use crate::core::route::Route;
use crate::core::schema::Theme;

/// How long after the last change the document is saved: long enough that
/// typing is never slowed by saves, short enough that a crash loses little.
pub const SAVE_DELAY_MS: u32 = 400;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The state the app opens with (see [`AppState::open`]).
    pub opened: AppState,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let opened = props.opened.clone();
        move || opened
    });
    let route = use_route();
    use_autosave(&state);
    use_theme(state.document.preferences.theme);
    use_site(&state);
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

    let main = use_node_ref();
    let skip = {
        let main = main.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            focus(&main);
        })
    };
    let context = AppContext { state };
    // The shell's own parts render with the app, from its context; pages
    // take it from the provider.
    html! {
        <ContextProvider<AppContext> context={context.clone()}>
            <a class="skip-link" href="#main" onclick={skip}>{ "Skip to content" }</a>
            { header(&route, &context.state.site) }
            { notices(&context) }
            { site_notice(&context.state.site) }
            if dom::framed() {
                <Lazy split={Split::embedded} route={route.clone()} part="Rungs in this page" />
            }
            <main id="main" ref={main} tabindex="-1">
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
/// made in other tabs and combines them with this tab's changes. Each of
/// these is an [`Action`], so the reducer, which holds the document, does
/// the work.
#[hook]
fn use_autosave(state: &UseReducerHandle<AppState>) {
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.edits, move |edits| {
            let timer = (*edits > 0)
                .then(|| Timeout::new(SAVE_DELAY_MS, move || dispatcher.dispatch(Action::Save)));
            move || drop(timer)
        });
    }
    {
        // Two tabs' changes wait to be combined: fetch the merge if need be,
        // then combine, at once and in one go.
        let dispatcher = state.dispatcher();
        use_effect_with(state.health.needs_merge(), move |needed| {
            if *needed {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(code) = merge::load().await {
                        dispatcher.dispatch(Action::Combine(code, Vec::new()));
                    }
                });
            }
        });
    }
    let session = state.session().clone();
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let on_hide = EventListener::new(&dom::window(), "pagehide", {
            let dispatcher = dispatcher.clone();
            move |_| dispatcher.dispatch(Action::Save)
        });
        let on_visibility = EventListener::new(&dom::document(), "visibilitychange", {
            let dispatcher = dispatcher.clone();
            move |_| {
                if dom::document().hidden() {
                    dispatcher.dispatch(Action::Save);
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
                    // The reducer runs as the action is dispatched, so the
                    // save (if anything was new) is done when this asks how
                    // the last one went.
                    dispatcher.dispatch(Action::Save);
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
            if event.key().is_none_or(|changed| changed == key) {
                dispatcher.dispatch(Action::External);
            }
        });
        move || drop((on_hide, on_visibility, on_unload, on_storage))
    });
}

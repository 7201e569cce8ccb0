//! Banners for everything the user must know about their data, with the
//! actions that resolve them.

use yew::prelude::*;

use crate::core::export::file_name;
use crate::core::persist::Problem;
use crate::core::route::Route;
use crate::ui::clock::today;
use crate::ui::dom;
use crate::ui::merge;
use crate::ui::pages::Split;
use crate::ui::split::Lazy;
use crate::ui::state::{Action, AppContext};

/// Every current data problem, each with what can be done about it.
pub fn notices(app: &AppContext) -> Html {
    let problems = &app.state.health.problems;
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <section class="notices" aria-label="Data safety notices">
            { for problems.iter().map(|problem| notice(app, problem)) }
        </section>
    }
}

fn notice(app: &AppContext, problem: &Problem) -> Html {
    let role = if problem.is_urgent() {
        "alert"
    } else {
        "status"
    };
    let this_tab = || download_button(app, "Download this tab's data", None);
    let actions = match problem {
        Problem::SetAside { key, .. } => {
            download_button(app, "Download the set-aside data", Some(key.clone()))
        }
        Problem::TooNew { .. } => html! {
            <>
                { download_button(app, "Download the newer data", Some(app.session().document_key())) }
                { this_tab() }
            </>
        },
        Problem::Unreadable { .. } => download_button(
            app,
            "Download the stored data",
            Some(app.session().document_key()),
        ),
        Problem::Unavailable { .. } => download_button(app, "Download a copy", None),
        Problem::SaveFailed { .. } => html! {
            <>
                <button type="button" onclick={send(app, || Action::Retry)}>{ "Try saving again" }</button>
                { download_button(app, "Download a copy", None) }
            </>
        },
        Problem::BackupFailed { .. } => html! {
            <>
                <a class="button" href="#/data">{ "See your backups" }</a>
                { download_button(app, "Download a copy", None) }
            </>
        },
        Problem::ChangedElsewhere => html! {
            <>
                <button type="button" onclick={combine_again(app)}>{ "Combine them" }</button>
                { this_tab() }
            </>
        },
        // The choices come with their code, which the shell leaves out.
        Problem::Conflict { .. } => html! {
            <Lazy key="conflicts" split={Split::conflicts} route={Route::Dashboard}
                part="the versions to choose from" />
        },
        Problem::Cleared => cleared_actions(app),
        Problem::Combined => html! {
            <button type="button" class="secondary" onclick={send(app, || Action::DismissCombined)}>{ "Dismiss" }</button>
        },
    };
    html! {
        <div key={problem.title()} class="notice" role={role} data-urgent={problem.is_urgent().to_string()}>
            <h2>{ problem.title() }</h2>
            <p>{ problem.explanation() }</p>
            <div class="actions">{ actions }</div>
        </div>
    }
}

/// A callback that dispatches `action()`.
fn send(app: &AppContext, action: fn() -> Action) -> Callback<MouseEvent> {
    let dispatcher = app.state.dispatcher();
    Callback::from(move |_| dispatcher.dispatch(action()))
}

/// Fetches the merge (again) and combines the two tabs' changes.
fn combine_again(app: &AppContext) -> Callback<MouseEvent> {
    let dispatcher = app.state.dispatcher();
    Callback::from(move |_| {
        let dispatcher = dispatcher.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(code) = merge::load().await {
                dispatcher.dispatch(Action::Combine(code, Vec::new()));
            }
        });
    })
}

fn cleared_actions(app: &AppContext) -> Html {
    html! {
        <>
            <button type="button" onclick={send(app, || Action::PutBack)}>{ "Put my data back" }</button>
            <button type="button" class="secondary" onclick={send(app, || Action::LeaveCleared)}>{ "Leave it removed" }</button>
        </>
    }
}

/// A button that downloads the raw text under `stored_key` as it is, or
/// without a key, this tab's data (see [`download_data`]).
pub fn download_button(app: &AppContext, label: &'static str, stored_key: Option<String>) -> Html {
    let onclick = match stored_key {
        Some(key) => {
            let session = app.session();
            Callback::from(move |_: MouseEvent| {
                if let Some(text) = session.raw(&key) {
                    dom::download(&text, &format!("{key}.json"));
                }
            })
        }
        None => download_data(app),
    };
    html! { <button type="button" {onclick}>{ label }</button> }
}

/// The name of the data file downloaded today.
pub fn data_file_name() -> String {
    file_name("rungs-data", today(), "json")
}

/// Downloads this tab's data as a file that imports again, noted as the
/// last copy downloaded.
pub fn download_data(app: &AppContext) -> Callback<MouseEvent> {
    let (session, dispatcher) = (app.session(), app.state.dispatcher());
    let document = app.state.document.clone();
    Callback::from(move |_: MouseEvent| {
        dom::download(&session.export(&document), &data_file_name());
        dispatcher.dispatch(Action::Health(session.health()));
    })
}

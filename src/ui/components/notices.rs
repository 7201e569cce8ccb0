//! Banners for everything the user must know about their data, with the
//! actions that resolve them.

use yew::prelude::*;

use crate::core::persist::Problem;
use crate::ui::dom;
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
    let actions = match problem {
        Problem::SetAside { key, .. } | Problem::TooNew { key, .. } => {
            download_button(app, "Download the set-aside data", Some(key.clone()))
        }
        Problem::Unreadable { .. } => download_button(
            app,
            "Download the stored data",
            Some(app.session.document_key()),
        ),
        Problem::Unavailable { .. } => download_button(app, "Download a copy", None),
        Problem::SaveFailed { .. } => html! {
            <>
                <button type="button" onclick={retry(app)}>{ "Try saving again" }</button>
                { download_button(app, "Download a copy", None) }
            </>
        },
        Problem::ChangedElsewhere => conflict_actions(app),
    };
    html! {
        <div class="notice" role={role} data-urgent={problem.is_urgent().to_string()}>
            <h2>{ problem.title() }</h2>
            <p>{ problem.explanation() }</p>
            <div class="actions">{ actions }</div>
        </div>
    }
}

fn retry(app: &AppContext) -> Callback<MouseEvent> {
    let session = app.session.clone();
    let dispatcher = app.state.dispatcher();
    Callback::from(move |_| dispatcher.dispatch(Action::Health(session.retry())))
}

fn conflict_actions(app: &AppContext) -> Html {
    let theirs = {
        let session = app.session.clone();
        let dispatcher = app.state.dispatcher();
        Callback::from(move |_| {
            if let Ok(document) = session.take_stored() {
                dispatcher.dispatch(Action::Adopt(document));
            }
            dispatcher.dispatch(Action::Health(session.health()));
        })
    };
    let mine = {
        let session = app.session.clone();
        let dispatcher = app.state.dispatcher();
        Callback::from(move |_| {
            // A failure is reported through the health it leaves behind.
            let _ = session.keep_mine();
            dispatcher.dispatch(Action::Health(session.health()));
        })
    };
    html! {
        <>
            <button type="button" onclick={theirs}>{ "Use the other tab's data" }</button>
            <button type="button" onclick={mine}>{ "Keep this tab's data" }</button>
        </>
    }
}

/// A button that downloads the raw text under `stored_key` as it is, or
/// without a key, this tab's data.
pub fn download_button(app: &AppContext, label: &'static str, stored_key: Option<String>) -> Html {
    let session = app.session.clone();
    let onclick = Callback::from(move |_| match &stored_key {
        Some(key) => {
            if let Some(text) = session.raw(key) {
                dom::download(&text, &format!("{key}.json"));
            }
        }
        None => dom::download(
            &session.export(),
            &dom::dated_filename("rungs-data", "json"),
        ),
    });
    html! { <button type="button" {onclick}>{ label }</button> }
}

//! Banners for everything the user must know about their data, with the
//! actions that resolve them.

use yew::prelude::*;

use crate::core::persist::Problem;
use crate::ui::dom;
use crate::ui::state::{use_app, Action, AppContext};

/// Every current data problem, each with what can be done about it.
#[function_component]
pub fn Notices() -> Html {
    let app = use_app();
    let problems = &app.state.health.problems;
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <section class="notices" aria-label="Data safety notices">
            { for problems.iter().map(|problem| notice(&app, problem)) }
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
            html! { <DownloadButton label="Download the set-aside data" stored_key={key.clone()} /> }
        }
        Problem::Unreadable { .. } => {
            html! { <DownloadButton label="Download the stored data" stored_key={app.session.document_key()} /> }
        }
        Problem::Unavailable { .. } => html! { <DownloadButton label="Download a copy" /> },
        Problem::SaveFailed { .. } => html! {
            <>
                <button type="button" onclick={retry(app)}>{ "Try saving again" }</button>
                <DownloadButton label="Download a copy" />
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

#[derive(Properties, PartialEq)]
pub struct DownloadButtonProps {
    pub label: AttrValue,
    /// A stored key to download as it is; without it, this tab's data.
    #[prop_or_default]
    pub stored_key: Option<String>,
}

/// Downloads this tab's data, or the raw text under a stored key.
#[function_component]
pub fn DownloadButton(props: &DownloadButtonProps) -> Html {
    let app = use_app();
    let onclick = {
        let session = app.session.clone();
        let key = props.stored_key.clone();
        Callback::from(move |_| match &key {
            Some(key) => {
                if let Some(text) = session.raw(key) {
                    dom::download(&text, &format!("{key}.json"));
                }
            }
            None => dom::download(
                &session.export(),
                &dom::dated_filename("rungs-data", "json"),
            ),
        })
    };
    html! { <button type="button" {onclick}>{ &props.label }</button> }
}

//! Banners for everything the user must know about their data, with the
//! actions that resolve them.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::merge::{Conflict, Side};
use crate::core::persist::Problem;
use crate::ui::app::combine;
use crate::ui::dom;
use crate::ui::merge;
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
                { download_button(app, "Download the newer data", Some(app.session.document_key())) }
                { this_tab() }
            </>
        },
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
        Problem::Conflict { conflicts } => html! {
            <ConflictChoices conflicts={Rc::new(conflicts.clone())} />
        },
        Problem::Cleared => cleared_actions(app),
        Problem::Combined => {
            let session = app.session.clone();
            let dispatcher = app.state.dispatcher();
            let dismiss = Callback::from(move |_| {
                dispatcher.dispatch(Action::Health(session.dismiss_combined()));
            });
            html! { <button type="button" class="secondary" onclick={dismiss}>{ "Dismiss" }</button> }
        }
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

/// Fetches the merge (again) and combines the two tabs' changes.
fn combine_again(app: &AppContext) -> Callback<MouseEvent> {
    let session = app.session.clone();
    let dispatcher = app.state.dispatcher();
    Callback::from(move |_| {
        let (session, dispatcher) = (session.clone(), dispatcher.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(code) = merge::load().await {
                combine(&session, &dispatcher, &code, &[]);
            }
        });
    })
}

fn cleared_actions(app: &AppContext) -> Html {
    let put_back = {
        let session = app.session.clone();
        let dispatcher = app.state.dispatcher();
        Callback::from(move |_| {
            // A failure is reported through the health it leaves behind.
            let _ = session.put_back();
            dispatcher.dispatch(Action::Health(session.health()));
        })
    };
    let leave = {
        let session = app.session.clone();
        let dispatcher = app.state.dispatcher();
        Callback::from(move |_| {
            if let Ok(document) = session.leave_cleared() {
                dispatcher.dispatch(Action::Adopt(document));
            }
            dispatcher.dispatch(Action::Health(session.health()));
        })
    };
    html! {
        <>
            <button type="button" onclick={put_back}>{ "Put my data back" }</button>
            <button type="button" class="secondary" onclick={leave}>{ "Leave it removed" }</button>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ConflictProps {
    conflicts: Rc<Vec<Conflict>>,
}

/// Each value both tabs changed, with a choice of version; this tab's is
/// chosen until the user picks the other.
#[function_component]
fn ConflictChoices(props: &ConflictProps) -> Html {
    let app = use_context::<AppContext>().expect("inside <App>");
    let theirs = use_state(Vec::<usize>::new);
    let choose = |index: usize, side: Side| {
        let theirs = theirs.clone();
        Callback::from(move |_: Event| {
            let mut chosen: Vec<usize> = (*theirs).clone();
            chosen.retain(|&i| i != index);
            if side == Side::Theirs {
                chosen.push(index);
            }
            theirs.set(chosen);
        })
    };
    let save = {
        let conflicts = props.conflicts.clone();
        let theirs = theirs.clone();
        let (session, dispatcher) = (app.session.clone(), app.state.dispatcher());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let choices: Vec<_> = conflicts
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let side = if theirs.contains(&i) {
                        Side::Theirs
                    } else {
                        Side::Mine
                    };
                    (c.path.clone(), side)
                })
                .collect();
            let (session, dispatcher) = (session.clone(), dispatcher.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(code) = merge::load().await {
                    combine(&session, &dispatcher, &code, &choices);
                }
            });
        })
    };
    html! {
        <form class="conflicts" onsubmit={save}>
            { for props.conflicts.iter().enumerate().map(|(i, conflict)| {
                let name = format!("conflict-{i}");
                let mine_chosen = !theirs.contains(&i);
                html! {
                    <fieldset key={name.clone()}>
                        <legend>{ format!("{}: {}", conflict.item, conflict.field) }</legend>
                        <label>
                            <input type="radio" name={name.clone()} checked={mine_chosen}
                                onchange={choose(i, Side::Mine)} />
                            { "This tab: " }<span class="value">{ &conflict.mine }</span>
                        </label>
                        <label>
                            <input type="radio" name={name} checked={!mine_chosen}
                                onchange={choose(i, Side::Theirs)} />
                            { "The other tab: " }<span class="value">{ &conflict.theirs }</span>
                        </label>
                    </fieldset>
                }
            }) }
            <button type="submit">{ "Keep these versions" }</button>
        </form>
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

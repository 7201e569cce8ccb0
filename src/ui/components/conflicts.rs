//! The choice between two tabs' versions of each value both changed: a
//! split point of its own, shown in the conflict notice.

use yew::prelude::*;

use crate::core::merge::{Conflict, Side};
use crate::core::persist::{Health, Problem};
use crate::core::route::Route;
use crate::ui::merge;
use crate::ui::state::{Action, AppContext};

/// The values both tabs changed, from the conflict the storage reports.
fn conflicts_in(health: &Health) -> &[Conflict] {
    health
        .problems
        .iter()
        .find_map(|problem| match problem {
            Problem::Conflict { conflicts } => Some(conflicts.as_slice()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The split point's view: the choices for the conflict on hand.
pub fn view(_: &Route) -> Html {
    html! { <ConflictChoices /> }
}

/// Each value both tabs changed, with a choice of version; this tab's is
/// chosen until the user picks the other.
#[function_component]
fn ConflictChoices() -> Html {
    let app = use_context::<AppContext>().expect("inside <App>");
    let health = app.state.health.clone();
    let conflicts = conflicts_in(&health);
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
        let (theirs, health) = (theirs.clone(), health.clone());
        let dispatcher = app.state.dispatcher();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let choices: Vec<_> = conflicts_in(&health)
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
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(code) = merge::load().await {
                    dispatcher.dispatch(Action::Combine(code, choices));
                }
            });
        })
    };
    html! {
        <form class="conflicts" onsubmit={save}>
            { for conflicts.iter().enumerate().map(|(i, conflict)| {
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

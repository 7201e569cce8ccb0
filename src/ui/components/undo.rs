//! The offer to undo the last deletion.

use yew::prelude::*;

use crate::ui::state::{use_app, Action};

/// A status line, present on every page, that offers to undo the last
/// deletion until it is undone or dismissed.
#[function_component]
pub fn UndoBar() -> Html {
    let app = use_app();
    let offer = app.state.undo.clone().map(|undo| {
        let dispatcher = app.state.dispatcher();
        let undo_it = Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Undo));
        let dispatcher = app.state.dispatcher();
        let dismiss = Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Dismiss));
        html! {
            <div class="undo">
                <p>{ &undo.message }</p>
                <button type="button" onclick={undo_it}>{ "Undo" }</button>
                <button type="button" class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        }
    });
    html! { <div class="undo-region" role="status">{ for offer }</div> }
}

//! The offer to undo the last deletion.

use yew::prelude::*;

use crate::ui::state::{Action, AppContext};

/// A status line, present on every page, that offers to undo the last
/// deletion until it is undone or dismissed.
pub fn undo_bar(app: &AppContext) -> Html {
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

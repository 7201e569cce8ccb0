//! Deleting something the user wrote: a button that asks first.

use yew::prelude::*;

use crate::ui::focus::use_focus;

#[derive(Properties, PartialEq)]
pub struct ConfirmDeleteProps {
    /// What the first button says ("Delete the goal…").
    pub label: AttrValue,
    /// The first button's accessible name, when its label alone does not
    /// say what it deletes ("Remove…" beside many others).
    #[prop_or_default]
    pub name: Option<AttrValue>,
    /// The question, naming what goes ("Delete “…”? Its milestones go with it.").
    pub question: AttrValue,
    pub on_delete: Callback<()>,
}

/// A delete button that asks first. While asking, focus is on "Keep it",
/// so that a second press of Enter keeps what the user wrote.
#[function_component]
pub fn ConfirmDelete(props: &ConfirmDeleteProps) -> Html {
    let confirming = use_state(|| false);
    let focus = use_focus();
    let ask_button = use_node_ref();
    let keep_button = use_node_ref();
    let ask = {
        let (confirming, focus, keep_button) =
            (confirming.clone(), focus.clone(), keep_button.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(true);
            focus.to(&keep_button);
        })
    };
    if !*confirming {
        return html! {
            <button type="button" ref={ask_button} class="secondary" aria-label={props.name.clone()} onclick={ask}>{ &props.label }</button>
        };
    }
    let keep = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            focus.to(&ask_button);
        })
    };
    let delete = props.on_delete.reform(|_: MouseEvent| ());
    html! {
        <div role="alert" class="confirm">
            <p>{ &props.question }</p>
            <div class="actions">
                <button type="button" class="danger" onclick={delete}>{ "Delete it" }</button>
                <button type="button" ref={keep_button} onclick={keep}>{ "Keep it" }</button>
            </div>
        </div>
    }
}

//! Deleting something the user wrote: a button that asks first.

use yew::prelude::*;

use crate::ui::dom;

#[derive(Properties, PartialEq)]
pub struct ConfirmDeleteProps {
    /// A unique id stem for the buttons, so focus can move between them.
    pub id: AttrValue,
    /// What the first button says ("Delete the goal…").
    pub label: AttrValue,
    /// The question, naming what goes ("Delete “…”? Its milestones go with it.").
    pub question: AttrValue,
    pub on_delete: Callback<()>,
}

/// A delete button that asks first. While asking, focus is on "Keep it",
/// so that a second press of Enter keeps what the user wrote.
#[function_component]
pub fn ConfirmDelete(props: &ConfirmDeleteProps) -> Html {
    let confirming = use_state(|| false);
    let ask_id = format!("{}-delete", props.id);
    let keep_id = format!("{}-keep", props.id);
    let ask = {
        let confirming = confirming.clone();
        let keep_id = keep_id.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(true);
            dom::focus_after_render(&format!("#{keep_id}"));
        })
    };
    if !*confirming {
        return html! {
            <button type="button" id={ask_id} class="secondary" onclick={ask}>{ &props.label }</button>
        };
    }
    let keep = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            dom::focus_after_render(&format!("#{ask_id}"));
        })
    };
    let delete = props.on_delete.reform(|_: MouseEvent| ());
    html! {
        <div role="alert" class="confirm">
            <p>{ &props.question }</p>
            <div class="actions">
                <button type="button" class="danger" onclick={delete}>{ "Delete it" }</button>
                <button type="button" id={keep_id} onclick={keep}>{ "Keep it" }</button>
            </div>
        </div>
    }
}

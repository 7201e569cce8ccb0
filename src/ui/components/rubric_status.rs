//! What a page shows while the rubric loads, or when it could not.

use yew::prelude::*;

use crate::core::rubric::Rubric;
use crate::ui::content::Loaded;

#[derive(Properties, PartialEq)]
pub struct RubricStatusProps {
    pub loaded: Loaded<Rubric>,
    pub retry: Callback<()>,
}

#[function_component]
pub fn RubricStatus(props: &RubricStatusProps) -> Html {
    match &props.loaded {
        Loaded::Failed(problem) => {
            let retry = props.retry.reform(|_: MouseEvent| ());
            html! {
                <div class="notice" role="alert">
                    <h2>{ "The rubric could not be loaded" }</h2>
                    <p>{ format!("Rungs could not read its leveling rubric: {problem}. Your data is safe and unchanged.") }</p>
                    <button type="button" onclick={retry}>{ "Try again" }</button>
                </div>
            }
        }
        _ => html! { <p class="muted" role="status">{ "Loading the rubric…" }</p> },
    }
}

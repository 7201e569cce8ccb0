//! What a page shows while the rubric loads, or when it could not.

use yew::prelude::*;

use crate::core::rubric::Rubric;
use crate::ui::content::Loaded;

/// "Loading", or why the rubric could not be loaded with a way to retry.
pub fn rubric_status(loaded: &Loaded<Rubric>, retry: &Callback<()>) -> Html {
    match loaded {
        Loaded::Failed(problem) => {
            let retry = retry.reform(|_: MouseEvent| ());
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

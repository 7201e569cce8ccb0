//! What a page shows while built-in content loads, or when it could not.

use yew::prelude::*;

use crate::ui::content::{Content, Loaded};

/// "Loading", or why the content could not be loaded with a way to retry.
pub fn content_status<T: Content>(loaded: &Loaded<T>, retry: &Callback<()>) -> Html {
    let name = T::NAME;
    match loaded {
        Loaded::Failed(problem) => {
            let retry = retry.reform(|_: MouseEvent| ());
            html! {
                <div class="notice" role="alert">
                    <h2>{ format!("The {name} could not be loaded") }</h2>
                    <p>{ format!("Rungs could not read its {name}: {problem}. Your data is safe and unchanged.") }</p>
                    <button type="button" onclick={retry}>{ "Try again" }</button>
                </div>
            }
        }
        _ => html! { <p class="muted" role="status">{ format!("Loading the {name}…") }</p> },
    }
}

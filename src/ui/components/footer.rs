use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::core::schema::{Change, Theme};
use crate::ui::state::{use_app, Action};

/// The privacy promise and the theme choice.
#[function_component]
pub fn Footer() -> Html {
    let app = use_app();
    let theme = app.state.document.preferences.theme;
    let onchange = {
        let dispatcher = app.state.dispatcher();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(theme) = Theme::from_id(&select.value()) {
                dispatcher.dispatch(Action::Change(Change::SetTheme(theme)));
            }
        })
    };
    html! {
        <footer class="site-footer">
            <p>
                { "Your data never leaves this browser. Rungs has no server and no account, and it sends nothing anywhere." }
            </p>
            <label class="theme-choice">
                { "Theme" }
                <select {onchange}>
                    { for Theme::ALL.iter().map(|option| html! {
                        <option key={option.id()} value={option.id()} selected={*option == theme}>
                            { option.label() }
                        </option>
                    }) }
                </select>
            </label>
        </footer>
    }
}

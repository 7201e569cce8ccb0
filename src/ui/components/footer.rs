//! The site footer: the privacy promise and the theme choice, which is a
//! change to the document like any other.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use std::rc::Rc;

use crate::core::schema::{SetTheme, Theme};
use crate::ui::state::{Action, AppContext};

/// The privacy promise and the theme choice.
pub fn footer(app: &AppContext) -> Html {
    let theme = app.state.document.preferences.theme;
    let onchange = {
        let dispatcher = app.state.dispatcher();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(theme) = Theme::from_id(&select.value()) {
                dispatcher.dispatch(Action::Change(Rc::new(SetTheme(theme))));
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

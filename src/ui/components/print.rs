//! Printing a sheet built for the purpose.

use yew::prelude::*;

/// A callback that asks the browser to print once the render it causes has
/// reached the page, so that a sheet set up in the same event is printed.
/// Asking twice prints twice.
#[hook]
pub fn use_print() -> Callback<()> {
    let prints = use_state(|| 0u32);
    use_effect_with(*prints, |prints| {
        if *prints > 0 {
            let _ = crate::ui::dom::window().print();
        }
    });
    Callback::from(move |()| prints.set(*prints + 1))
}

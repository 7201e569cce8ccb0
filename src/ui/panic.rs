//! When the app hits a bug it cannot recover from, show a readable page with
//! a way to take the data away, instead of a blank screen.
//!
//! Everything here uses plain DOM calls: once the hook has run, the
//! WebAssembly module has stopped, and the page must work without it.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::clock::today;
use super::dom;
use super::state;
use crate::core::export::file_name;

/// Installs the hook. Call before anything else can panic.
pub fn install() {
    // Through Yew: its renderer replaces a hook set with std::panic::set_hook
    // by its own, which only logs to the console.
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        if let Some(body) = dom::document().body() {
            show_error_page(&body, &message, state::export_for_emergency());
        }
    }));
}

/// Replaces the contents of `container` with the error page. `data` is this
/// tab's data, offered as a download when there is any.
pub fn show_error_page(container: &HtmlElement, message: &str, data: Option<String>) {
    container.set_text_content(None);
    let main = element("main", &[("class", "error-page"), ("id", "main")]);
    main.append_child(&text_element("h1", "Something went wrong"))
        .ok();
    main.append_child(&text_element(
        "p",
        "Rungs hit a problem it could not recover from, so it stopped to protect your data. \
         Everything saved before this moment is still in this browser.",
    ))
    .ok();
    let actions = element("p", &[("class", "actions")]);
    if let Some(link) =
        data.and_then(|text| dom::download_link(&text, &file_name("rungs-data", today(), "json")))
    {
        link.set_text_content(Some("Download your data"));
        link.set_class_name("button");
        actions.append_child(&link).ok();
    }
    let reload = element("a", &[("href", "./"), ("class", "button")]);
    reload.set_text_content(Some("Reload Rungs"));
    actions.append_child(&reload).ok();
    main.append_child(&actions).ok();
    let details = element("details", &[]);
    details
        .append_child(&text_element("summary", "Technical details"))
        .ok();
    details.append_child(&text_element("pre", message)).ok();
    main.append_child(&details).ok();
    container.append_child(&main).ok();
    if let Ok(heading) = main.query_selector("h1") {
        if let Some(heading) = heading.and_then(|h| h.dyn_into::<HtmlElement>().ok()) {
            heading.set_tab_index(-1);
            let _ = heading.focus();
        }
    }
    dom::document().set_title("Something went wrong · Rungs");
}

fn element(tag: &str, attributes: &[(&str, &str)]) -> Element {
    let Ok(element) = dom::document().create_element(tag) else {
        unreachable!("<{tag}> is a valid element");
    };
    for (name, value) in attributes {
        element.set_attribute(name, value).ok();
    }
    element
}

/// An element holding `text` as text, never as HTML.
fn text_element(tag: &str, text: &str) -> Element {
    let element = element(tag, &[]);
    element.set_text_content(Some(text));
    element
}

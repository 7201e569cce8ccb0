//! Widgets shared by the shell and the pages.

pub mod confirm;
pub mod conflicts;
pub mod content_status;
pub mod data_health;
pub mod date_field;
pub mod embedded;
pub mod field;
pub mod footer;
pub mod header;
pub mod notices;
pub mod page_header;
pub mod print;
pub mod radar;
pub mod share;
pub mod site;
pub mod term_links;
pub mod timeline;
pub mod undo;

use yew::prelude::*;

/// Wide content (a table, a chart) in a region of its own that scrolls
/// sideways on a narrow screen; focusable, so that the keyboard can scroll
/// it too.
pub fn scroll_region(label: &'static str, content: Html) -> Html {
    html! {
        <div class="table-scroll" role="region" aria-label={label} tabindex="0">{ content }</div>
    }
}

/// A surface's pages as a second navigation under the page heading, with
/// `current` marked.
pub fn subnav(
    label: &'static str,
    pages: &[(crate::core::route::Route, &'static str)],
    current: &crate::core::route::Route,
) -> Html {
    let links = pages.iter().map(|(route, name)| {
        let here = (route == current).then_some("page");
        html! { <li><a href={route.href()} aria-current={here}>{ *name }</a></li> }
    });
    html! {
        <nav class="subnav" aria-label={label}>
            <ul>{ for links }</ul>
        </nav>
    }
}

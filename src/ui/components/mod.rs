//! Widgets shared by the shell and the pages.

pub mod confirm;
pub mod conflicts;
pub mod content_status;
pub mod data_health;
pub mod field;
pub mod footer;
pub mod header;
pub mod notices;
pub mod page_header;
pub mod print;
pub mod radar;
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

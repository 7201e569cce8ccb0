use yew::prelude::*;

use crate::core::route::Route;
use crate::ui::components::page_header::PageHeader;

/// A route whose feature has not landed yet: one line on what it will hold.
pub fn upcoming(route: &Route) -> Html {
    let lead = format!("Coming to this page: {}", lowercase_first(route.summary()));
    html! { <PageHeader title={route.title()} lead={lead} /> }
}

/// "Grade yourself" → "grade yourself". ASCII only: the summaries are
/// ours, and full Unicode case tables would cost kilobytes of wasm.
fn lowercase_first(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    text
}

/// An address that is not a page.
pub fn not_found() -> Html {
    html! {
        <>
            <PageHeader title="Page not found" lead="There is no page at this address." />
            <p><a href="#/">{ "Go to the dashboard" }</a></p>
        </>
    }
}

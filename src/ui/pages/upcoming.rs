//! The page a route shows while its surface has not been built: its
//! heading, and one line on what it will hold.

use yew::prelude::*;

use crate::core::route::Route;
use crate::core::{first_letter, Case};
use crate::ui::components::page_header::PageHeader;

/// A route whose feature has not landed yet: one line on what it will hold.
pub fn upcoming(route: &Route) -> Html {
    let lead = format!(
        "Coming to this page: {}",
        first_letter(route.summary(), Case::Lower)
    );
    html! { <PageHeader title={route.title()} lead={lead} /> }
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

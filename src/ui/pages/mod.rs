//! The pages, one module per surface. The dashboard is part of the shell;
//! every other surface is a split point, fetched the first time one of its
//! pages is shown. To split a new surface, give its module a
//! `view(&Route) -> Html` and add one line to `split_points!` below.

mod assess;
mod dashboard;
mod data;
mod evidence;
mod glossary;
pub mod plan;
mod review;
mod rubric;
mod talk;

use yew::prelude::*;

use crate::core::route::{Route, Surface};
use crate::ui::components::page_header::PageHeader;
use crate::ui::split::{split_points, Lazy};

split_points! {
    assess @ Surface::Assess => assess::view,
    data @ Surface::Data => data::view,
    evidence @ Surface::Evidence => evidence::view,
    glossary @ Surface::Glossary => glossary::view,
    plan @ Surface::Plan => plan::view,
    rubric @ Surface::Rubric => rubric::view,
    talk @ Surface::Talk => talk::view,
    review @ Surface::Review => review::view,
    // The rubric page's importers and exporters, each format's parser
    // with them, shown after the page's first paint: with the rubric
    // page, as a split point of their own would cut the code the pages
    // share into many more small chunks.
    ladder_files in rubric => rubric::files,
    // The dashboard's readiness and plan cards, shown after its first paint.
    cards => dashboard::cards,
    // The choice between two tabs' versions, in the conflict notice: with
    // the data page, which shares most of its code.
    conflicts in data => crate::ui::components::conflicts::view,
    // What a page framed by another adds (a wiki's): with the data page,
    // whose export it offers too.
    embedded in data => crate::ui::components::embedded::view,
}

/// The page for `route`.
pub fn page(route: &Route) -> Html {
    match route.surface() {
        Some(Surface::Dashboard) => dashboard::dashboard(),
        // Every other surface is a split point.
        _ => match split(route) {
            Some(split) => html! { <Lazy key={split.name()} {split} route={route.clone()} /> },
            None => not_found(),
        },
    }
}

/// An address that is not a page.
fn not_found() -> Html {
    html! {
        <>
            <PageHeader title="Page not found" lead="There is no page at this address." />
            <p><a href="#/">{ "Go to the dashboard" }</a></p>
        </>
    }
}

/// The split point holding the page for `route`, if any.
fn split(route: &Route) -> Option<Split> {
    route.surface().and_then(Split::of)
}

/// Whether the page for `route` can be shown without fetching code first.
pub fn is_ready(route: &Route) -> bool {
    split(route).is_none_or(|split| split.ready().is_some())
}

/// Fetches the code of the page for `route`, if it has code of its own;
/// a failure is left for the page to report.
pub async fn load(route: &Route) {
    if let Some(split) = split(route) {
        split.load().await;
    }
}

//! The site header: the product name and the main navigation. A function
//! of the route, not a component: it keeps no state.

use yew::prelude::*;

use super::site::organisation;
use crate::core::route::Route;
use crate::ui::state::Site;

/// The product name (and the organisation's, when the site names one) and
/// the main navigation, with `route`'s section marked as the current page.
pub fn header(route: &Route, site: &Site) -> Html {
    let links = Route::NAV.iter().map(|entry| {
        let current = entry.is_section_of(route).then_some("page");
        html! {
            <li key={entry.nav_label()}>
                <a href={entry.href()} aria-current={current}>{ entry.nav_label() }</a>
            </li>
        }
    });
    html! {
        <header class="site-header">
            <a class="brand" href="#/">
                <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <path d="M9 3v26M23 3v26M9 9h14M9 16h14M9 23h14" />
                </svg>
                <span class="brand-name">{ "Rungs" }</span>
                <span class="visually-hidden">{ ", dashboard" }</span>
            </a>
            { organisation(site) }
            <nav aria-label="Main">
                <ul>{ for links }</ul>
            </nav>
        </header>
    }
}

//! One component per route.

mod assess;
mod dashboard;
mod glossary;
mod upcoming;

use yew::prelude::*;

use crate::core::route::Route;

/// The page for `route`.
pub fn page(route: &Route) -> Html {
    match route {
        Route::Dashboard => html! { <dashboard::Dashboard /> },
        Route::Assess => html! { <assess::Assess /> },
        Route::Glossary => html! { <glossary::GlossaryPage /> },
        Route::GlossaryTerm(id) => {
            html! { <glossary::TermPage key={id.as_str()} id={id.clone()} /> }
        }
        Route::NotFound(_) => html! { <upcoming::NotFound /> },
        other => html! { <upcoming::Upcoming route={other.clone()} /> },
    }
}

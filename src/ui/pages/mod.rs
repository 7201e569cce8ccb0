//! One component per route.

mod assess;
mod dashboard;
mod glossary;
pub mod plan;
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
        Route::Plan => html! { <plan::PlanPage /> },
        Route::Goal(id) => html! { <plan::GoalPage key={id.as_str()} id={id.clone()} /> },
        Route::CheckIns => html! { <plan::CheckInsPage /> },
        Route::Weeks => html! { <plan::WeeksPage /> },
        Route::NotFound(_) => html! { <upcoming::NotFound /> },
        other => html! { <upcoming::Upcoming route={other.clone()} /> },
    }
}

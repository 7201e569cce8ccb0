use yew::prelude::*;

use crate::core::route::Route;
use crate::ui::components::data_health::DataHealth;
use crate::ui::components::page_header::PageHeader;

/// `#/`: what Rungs is, where everything is, and the state of the data.
#[function_component]
pub fn Dashboard() -> Html {
    let sections = Route::NAV.iter().skip(1).map(|route| {
        html! {
            <li key={route.nav_label()}>
                <a href={route.href()}>{ route.title() }</a>
                <p>{ route.summary() }</p>
            </li>
        }
    });
    html! {
        <>
            <PageHeader
                title="Dashboard"
                lead="Rungs helps you see how ready you are for your next level, build the case, and plan the conversation. Everything stays in this browser."
            />
            <div class="dashboard-grid">
                <DataHealth />
                <section class="card" aria-labelledby="sections-heading">
                    <h2 id="sections-heading">{ "Everything in Rungs" }</h2>
                    <ul class="section-list">{ for sections }</ul>
                </section>
            </div>
        </>
    }
}

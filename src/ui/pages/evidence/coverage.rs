//! `#/evidence/coverage`: where the case is thin. The target level's
//! criteria, area by area, thinnest first, with the entries that prove
//! each and the ones still without.

use std::collections::HashMap;

use yew::prelude::*;

use crate::core::counted;
use crate::core::evidence::{target_coverage, Entry, NoTarget};
use crate::core::route::Route;
use crate::ui::components::page_header::PageHeader;
use crate::ui::state::use_app;

use super::{log_nav, use_rubric};

#[function_component]
pub fn CoveragePage() -> Html {
    let app = use_app();
    let rubric = use_rubric();
    let header = html! {
        <>
            <PageHeader
                title="Where your case is thin"
                lead="Every criterion of your target level, with the entries of your log that prove it. The areas with the least evidence come first: that is where your next accomplishments count most."
            />
            { log_nav(&Route::Coverage) }
        </>
    };
    let Some(rubric) = rubric else {
        return html! { <>{ header }<p class="card" role="status">{ "Loading the rubric…" }</p></> };
    };
    let document = &app.state.document;
    let log = document.evidence.value();
    let (track, target, areas) = match target_coverage(&rubric, &document.assessment, log) {
        Ok(found) => found,
        Err(NoTarget::NoLevels) => {
            return html! {
                <>
                    { header }
                    <p class="card">
                        { "Choose your current level first, and Rungs lists the criteria of the level above it. " }
                        <a href={Route::Assess.href()}>{ "Choose your levels" }</a>
                    </p>
                </>
            };
        }
        Err(NoTarget::TopLevel) => {
            return html! {
                <>{ header }<p class="card">{ "You are at the top level of this ladder: there is no level above to make a case for." }</p></>
            };
        }
    };
    let by_id: HashMap<&str, &Entry> = log.entries().map(|e| (e.id.as_str(), e)).collect();
    let cards = areas.iter().map(|area| {
        let heading = format!("coverage-{}", area.area.id);
        let rows = area.criteria.iter().map(|item| {
            let entries = item.entries.iter().filter_map(|id| by_id.get(id)).map(|entry| {
                html! { <li><a href={Route::Entry(entry.id.clone()).href()}>{ &entry.title }</a><span class="muted">{ format!(" · {}", entry.date.label()) }</span></li> }
            });
            html! {
                <li key={item.criterion.id.as_str()} class={classes!("coverage-item", item.entries.is_empty().then_some("thin"))}>
                    <p>{ &item.criterion.text }</p>
                    if item.entries.is_empty() {
                        <p class="muted">{ "No evidence yet." }</p>
                    } else {
                        <ul class="coverage-entries" aria-label="Entries that prove it">{ for entries }</ul>
                    }
                </li>
            }
        });
        html! {
            <section class="card" key={area.area.id.as_str()} aria-labelledby={heading.clone()}>
                <h2 id={heading}>{ &area.area.name }</h2>
                <p class="coverage-figure">
                    { format!("{} of {} with evidence ({}%)", area.covered(), counted(area.criteria.len(), "criterion", "criteria"), area.percent()) }
                </p>
                <progress max="100" value={area.percent().to_string()} aria-label={format!("{}: {}% of criteria with evidence", area.area.name, area.percent())}></progress>
                <ul class="coverage-list">{ for rows }</ul>
            </section>
        }
    });
    html! {
        <>
            { header }
            <p class="lead-note">{ format!("{}, {} track.", target.name, track.name) }</p>
            <div class="stack">{ for cards }</div>
        </>
    }
}

//! Reading the ladder in use: one level at a time (or all), one track at a
//! time, area by area, with a search over the criteria and their examples.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::counted;
use crate::core::rubric::{Criterion, Rubric};
use crate::ui::dom::value_of;
use crate::ui::state::use_app;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub rubric: Rc<Rubric>,
}

#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let rubric = &props.rubric;
    let app = use_app();
    // The level shown first: the user's current level, when chosen.
    let current = app
        .state
        .document
        .assessment
        .value()
        .selection(rubric)
        .map(|selection| selection.current.id.clone());
    let track = use_state(|| {
        app.state
            .document
            .assessment
            .value()
            .track
            .clone()
            .unwrap_or_default()
    });
    let level = use_state(|| current.or_else(|| rubric.levels.first().map(|l| l.id.clone())));
    let query = use_state(String::new);

    let on_track = {
        let track = track.clone();
        Callback::from(move |event: Event| track.set(value_of(&event)))
    };
    let on_level = {
        let level = level.clone();
        Callback::from(move |event: Event| {
            let value = value_of(&event);
            level.set((!value.is_empty()).then_some(value));
        })
    };
    let on_query = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| query.set(value_of(&event)))
    };

    // A level the rubric no longer has (after an edit) reads as all levels.
    let level_id = level
        .as_deref()
        .filter(|id| rubric.levels.iter().any(|l| l.id == *id));
    let shown = rubric.read(&track, level_id, &query);
    let found: usize = shown.iter().map(|s| s.criteria.len()).sum();
    let searching = !query.trim().is_empty();
    let criterion = |criterion: &Criterion| {
        html! {
            <li key={criterion.id.clone()}>
                <p>
                    if level_id.is_none() {
                        <span class="level-tag">{ rubric.level_name(&criterion.level) }</span>{ " " }
                    }
                    { &criterion.text }
                </p>
                if !criterion.examples.is_empty() {
                    <details>
                        <summary>{ "Examples" }</summary>
                        <ul>{ for criterion.examples.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                    </details>
                }
            </li>
        }
    };
    let level_summary = level_id
        .and_then(|id| rubric.levels.iter().find(|l| l.id == id))
        .filter(|level| !level.summary.trim().is_empty());
    html! {
        <section class="card reader" aria-labelledby="read-heading">
            <h2 id="read-heading">{ format!("Read “{}”", rubric.name) }</h2>
            if !rubric.description.trim().is_empty() {
                <p>{ &rubric.description }</p>
            }
            <div class="reader-controls">
                { super::track_select("reader-track", rubric, &track, on_track) }
                <div class="field">
                    <label for="reader-level">{ "Level" }</label>
                    <select id="reader-level" onchange={on_level}>
                        <option value="" selected={level_id.is_none()}>{ "All levels" }</option>
                        { for rubric.levels.iter().map(|l| html! {
                            <option value={l.id.clone()} selected={Some(l.id.as_str()) == level_id}>{ &l.name }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="reader-search">{ "Search the criteria" }</label>
                    <input id="reader-search" type="search" value={(*query).clone()} oninput={on_query} />
                </div>
            </div>
            if let Some(level) = level_summary {
                <p class="level-summary">{ &level.summary }</p>
            }
            <p class="muted" role="status">{
                if searching {
                    format!("{} found.", counted(found, "criterion", "criteria"))
                } else {
                    format!("{} shown.", counted(found, "criterion", "criteria"))
                }
            }</p>
            { for shown.iter().map(|shown| html! {
                <section class="reader-area" key={shown.area.id.clone()}>
                    <h3>{ &shown.area.name }</h3>
                    if !shown.area.summary.trim().is_empty() {
                        <p class="muted">{ &shown.area.summary }</p>
                    }
                    if shown.criteria.is_empty() {
                        <p class="muted">{ "Nothing at this level." }</p>
                    } else {
                        <ul class="criteria">{ for shown.criteria.iter().map(|c| criterion(c)) }</ul>
                    }
                </section>
            }) }
        </section>
    }
}

//! Where the user's data lives, when it was last saved and what is wrong.

use gloo_timers::callback::Interval;
use yew::prelude::*;

use super::notices::download_data;
use crate::core::persist::{Health, Location, Problem};
use crate::core::route::Route;
use crate::core::time::{self, iso_utc, Millis};
use crate::core::transfer::backup_due;
use crate::ui::clock::{now, utc_offset_minutes};
use crate::ui::state::use_app;

#[function_component]
pub fn DataHealth() -> Html {
    let app = use_app();
    let health = &app.state.health;
    let clock = use_clock();

    let location = match health.location {
        Location::Browser => "In this browser's local storage, on this device only.",
        Location::Memory => "Only in this tab's memory: it is gone when you close the tab.",
    };
    let saved = last_saved(health, clock);
    let problems: Vec<_> = health
        .problems
        .iter()
        .filter(|p| **p != Problem::Combined)
        .collect();
    let problems = if problems.is_empty() {
        html! { "None. Every change is saved automatically." }
    } else {
        html! {
            <ul>
                { for problems.iter().map(|p| html! { <li>{ p.title() }</li> }) }
            </ul>
        }
    };
    let reminder = match health.downloaded_at {
        _ if !backup_due(health.downloaded_at, clock) => None,
        None => Some("You haven't downloaded a copy of your data yet."),
        Some(_) => Some("Your last downloaded copy is more than 30 days old."),
    };
    html! {
        <section class="card data-health" aria-labelledby="data-health-heading">
            <h2 id="data-health-heading">{ "Your data" }</h2>
            <dl>
                <dt>{ "Where it lives" }</dt>
                <dd>{ location }</dd>
                <dt>{ "Last saved" }</dt>
                <dd>{ saved }</dd>
                <dt>{ "Last copy downloaded" }</dt>
                <dd>{ health.downloaded_at.map_or_else(|| html! { "Never" }, |at| moment(at, clock)) }</dd>
                <dt>{ "Problems" }</dt>
                <dd>{ problems }</dd>
            </dl>
            if let Some(reminder) = reminder {
                <p class="warning">
                    { reminder }
                    { " Clearing this browser's data deletes everything in Rungs, so keep a copy somewhere safe." }
                </p>
            }
            <div class="actions">
                <button type="button" class="secondary" onclick={download_data(&app)}>{ "Download a copy of your data" }</button>
                <a href={Route::Data.href()}>{ "Backups, import and more" }</a>
            </div>
        </section>
    }
}

/// When the data was last saved, for a person, as of `now`.
pub fn last_saved(health: &Health, now: Millis) -> Html {
    match health.saved_at {
        Some(at) => moment(at, now),
        None if health.location == Location::Memory => html! { "Never: storage is unavailable." },
        None => html! { "Nothing yet. Rungs saves a moment after each change you make." },
    }
}

/// `at` in a `<time>`, as "3 days ago (21 Nov 2026, 06:05)".
pub fn moment(at: Millis, now: Millis) -> Html {
    html! {
        <time datetime={iso_utc(at)}>{ time::moment(at, now, utc_offset_minutes()) }</time>
    }
}

/// The current time, refreshed every 30 seconds so "2 minutes ago" stays true.
#[hook]
fn use_clock() -> u64 {
    let clock = use_state(now);
    {
        let clock = clock.setter();
        use_effect_with((), move |_| {
            let interval = Interval::new(30_000, move || clock.set(now()));
            move || drop(interval)
        });
    }
    *clock
}

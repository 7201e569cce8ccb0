//! Where the data lives, how much room it takes, whether the browser may
//! clear it, and when it was last saved and downloaded.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::core::persist::Location;
use crate::core::transfer::{backup_due, size_label};
use crate::ui::clock::now;
use crate::ui::components::data_health::{last_saved, moment};
use crate::ui::dom;
use crate::ui::state::use_app;

/// What the browser says about its storage for this site.
#[derive(Clone, PartialEq)]
struct Estimate {
    usage: f64,
    quota: f64,
}

/// The storage manager; missing in insecure contexts and some browsers,
/// where each call fails and the page says the browser cannot tell.
fn storage_manager() -> web_sys::StorageManager {
    dom::window().navigator().storage()
}

async fn estimate() -> Option<Estimate> {
    let promise = storage_manager().estimate().ok()?;
    let estimate: web_sys::StorageEstimate = JsFuture::from(promise).await.ok()?.unchecked_into();
    Some(Estimate {
        usage: estimate.get_usage()?,
        quota: estimate.get_quota()?,
    })
}

async fn persisted(ask: bool) -> Option<bool> {
    let manager = storage_manager();
    let promise = if ask {
        manager.persist()
    } else {
        manager.persisted()
    }
    .ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

#[function_component]
pub fn Place() -> Html {
    let app = use_app();
    let health = app.state.health.clone();
    let estimate = use_state(|| None::<Estimate>);
    // None until known; Some(None) when the browser cannot say.
    let kept = use_state(|| None::<Option<bool>>);
    let asked = use_state(|| false);
    {
        let (estimate, kept) = (estimate.clone(), kept.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                estimate.set(self::estimate().await);
                kept.set(Some(persisted(false).await));
            });
        });
    }
    let ask = {
        let (kept, asked) = (kept.clone(), asked.clone());
        Callback::from(move |_: MouseEvent| {
            let (kept, asked) = (kept.clone(), asked.clone());
            wasm_bindgen_futures::spawn_local(async move {
                kept.set(Some(persisted(true).await));
                asked.set(true);
            });
        })
    };
    let in_memory = health.location == Location::Memory;
    let copies: usize = app
        .session()
        .copies()
        .map(|copies| copies.iter().map(|c| c.size).sum())
        .unwrap_or(0);
    let stored = app.session().stored_size();

    let location = if in_memory {
        "Only in this tab's memory: this browser won't let Rungs store anything here, so it is gone when you close the tab. Download a copy before you do."
    } else {
        "In this browser's local storage, on this device only. Nothing is sent anywhere."
    };
    let mut room = format!(
        "Your data takes {}, and its backups {}, of the 5 MB or so a browser lets a site keep this way.",
        size_label(stored as u64),
        size_label(copies as u64),
    );
    if let Some(e) = &*estimate {
        room += &format!(
            " For all kinds of storage together, the browser reports {} in use by this site, of {} it may use.",
            size_label(e.usage as u64),
            size_label(e.quota as u64),
        );
    }
    let keeping = match *kept {
        _ if in_memory => html! { "Nothing is kept after this tab closes." },
        None => html! { "Asking the browser…" },
        Some(None) => html! { "This browser doesn't say whether it may clear it." },
        Some(Some(true)) => html! { "Kept: the browser won't clear it to make room." },
        Some(Some(false)) => html! {
            <>
                { "The browser may clear it when the device runs low on space. " }
                <button type="button" class="secondary" onclick={ask}>{ "Ask the browser to keep it" }</button>
                if *asked {
                    <span role="status" class="muted">{ " The browser said no: browsers decide by how much you use a site, or by whether it is installed. Download copies to be safe." }</span>
                }
            </>
        },
    };
    let saved = last_saved(&health, now());
    let downloaded = match health.downloaded_at {
        Some(at) => moment(at, now()),
        None => html! { "Never, from this browser." },
    };
    html! {
        <section class="card" aria-labelledby="place-heading">
            <h2 id="place-heading">{ "Where it lives" }</h2>
            <dl class="facts">
                <dt>{ "Where" }</dt>
                <dd>{ location }</dd>
                <dt>{ "Room" }</dt>
                <dd>{ room }</dd>
                <dt>{ "Kept by the browser" }</dt>
                <dd>{ keeping }</dd>
                <dt>{ "Last saved" }</dt>
                <dd>{ saved }</dd>
                <dt>{ "Last copy downloaded" }</dt>
                <dd>{ downloaded }</dd>
            </dl>
            if backup_due(health.downloaded_at, now()) {
                <p class="warning">{ "Clearing this browser's data for this site deletes everything in Rungs, backups included. Download a copy now and then, and keep it somewhere safe." }</p>
            } else {
                <p class="muted">{ "Clearing this browser's data for this site deletes everything in Rungs, backups included." }</p>
            }
        </section>
    }
}

//! Bringing a copy in: pick or drop a file; it is checked in full, then
//! previewed against what is here, then replaces everything or is merged
//! by id, after a backup and with an undo.

use std::rc::Rc;

use web_sys::{DragEvent, File, HtmlElement};
use yew::prelude::*;

use super::replace_all;
use crate::core::persist::CopyKind;
use crate::core::schema::Document;
use crate::core::time::DateTime;
use crate::core::transfer::{self, merge_into, Counts, Incoming};
use crate::core::{first_letter, Case};
use crate::ui::clock::utc_offset_minutes;
use crate::ui::dom::{self, file_text};
use crate::ui::state::use_app;

/// Where an import stands.
#[derive(Clone, PartialEq)]
enum Step {
    Waiting,
    Reading(String),
    Refused { name: String, why: String },
    Ready(Rc<Preview>),
    Done(String),
}

/// A checked file, next to what is here.
#[derive(PartialEq)]
struct Preview {
    name: String,
    incoming: Incoming,
    here: Counts,
    file: Counts,
    /// What merging by id gives, and the items whose values the file's
    /// version replaces.
    merged: Option<(Document, Counts, Vec<String>)>,
}

impl Preview {
    fn new(name: String, incoming: Incoming, here: &Document) -> Preview {
        let merged = merge_into(here, &incoming.document)
            .ok()
            .map(|(merged, replaced)| {
                let mut items: Vec<String> = replaced.into_iter().map(|c| c.item).collect();
                items.dedup();
                let counts = Counts::of(&merged);
                (merged, counts, items)
            });
        Preview {
            here: Counts::of(here),
            file: Counts::of(&incoming.document),
            name,
            incoming,
            merged,
        }
    }
}

/// Reads `file` in full, after checking its size, and checks what it holds.
async fn read(file: File, here: Rc<Document>) -> Step {
    let name = file.name();
    let text = match file_text(&file).await {
        Ok(text) => text,
        Err(why) => return Step::Refused { name, why },
    };
    match transfer::read(&text) {
        Ok(incoming) => Step::Ready(Rc::new(Preview::new(name, incoming, &here))),
        Err(why) => Step::Refused {
            name,
            why: why.to_string(),
        },
    }
}

#[function_component]
pub fn Import() -> Html {
    let app = use_app();
    let step = use_state(|| Step::Waiting);
    let dragging = use_state(|| false);
    let input = use_node_ref();
    let result = use_node_ref();
    // Counts the choices that took the preview and its buttons away: focus
    // then moves to what happened, or back to the file picker.
    let chosen = use_state(|| 0u32);
    {
        let (input, result) = (input.clone(), result.clone());
        use_effect_with(*chosen, move |chosen| {
            if *chosen > 0 {
                let target = result
                    .cast::<HtmlElement>()
                    .or_else(|| input.cast::<HtmlElement>());
                if let Some(target) = target {
                    let _ = target.focus();
                }
            }
        });
    }

    let start = {
        let (step, here) = (step.clone(), app.state.document.clone());
        Callback::from(move |file: File| {
            step.set(Step::Reading(file.name()));
            let (step, here) = (step.clone(), here.clone());
            wasm_bindgen_futures::spawn_local(async move { step.set(read(file, here).await) });
        })
    };
    let picked = {
        let start = start.clone();
        Callback::from(move |event: Event| {
            if let Some(file) = dom::picked_file(&event) {
                start.emit(file);
            }
        })
    };
    let over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let left = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let dropped = {
        let (dragging, start) = (dragging.clone(), start.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let file = event
                .data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                start.emit(file);
            }
        })
    };
    let cancel = {
        let (step, chosen) = (step.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| {
            step.set(Step::Waiting);
            chosen.set(*chosen + 1);
        })
    };
    let apply = |merge: bool| {
        let (app, step, chosen) = (app.clone(), step.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| {
            let Step::Ready(preview) = &*step else {
                return;
            };
            let document = match (&preview.merged, merge) {
                (Some((merged, ..)), true) => merged.clone(),
                _ => preview.incoming.document.clone(),
            };
            let how = if merge { "Merged" } else { "Imported" };
            let message = format!("{how} {}.", preview.name);
            step.set(match replace_all(&app, document, CopyKind::BeforeImport, message) {
                Ok(()) => Step::Done(format!(
                    "{how} {}. What was here before is kept as a backup, listed below, and Undo puts it back.",
                    preview.name
                )),
                Err(why) => Step::Refused {
                    name: preview.name.clone(),
                    why,
                },
            });
            chosen.set(*chosen + 1);
        })
    };

    let outcome = match &*step {
        Step::Waiting => html! {},
        Step::Reading(name) => html! { <p role="status">{ format!("Checking {name}…") }</p> },
        Step::Done(message) => html! {
            <p role="status" class="done" tabindex="-1" ref={result}>{ message }</p>
        },
        Step::Refused { name, why } => html! {
            <div role="alert" class="refused" tabindex="-1" ref={result}>
                <p><strong>{ format!("{name} was not imported.") }</strong>{ " " }{ why }</p>
                <p>{ "Nothing changed." }</p>
            </div>
        },
        Step::Ready(preview) => preview_view(preview, apply(false), apply(true), cancel),
    };
    let zone_class = classes!("drop-zone", dragging.then_some("dragging"));
    html! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">{ "Bring a copy in" }</h2>
            <p>{ "Import a Rungs data file: one you downloaded here or in another browser, or a backup. Rungs checks all of it first and shows what it holds; nothing changes until you choose." }</p>
            <div class={zone_class} ondragover={over} ondragleave={left} ondrop={dropped}>
                <label for="import-file">{ "Choose a Rungs data file" }</label>
                <input id="import-file" type="file" accept=".json,application/json" ref={input} onchange={picked} />
                <p class="muted">{ "or drop it here" }</p>
            </div>
            { outcome }
        </section>
    }
}

fn preview_view(
    preview: &Preview,
    replace: Callback<MouseEvent>,
    merge: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
) -> Html {
    let made = DateTime::at(preview.incoming.made_at, utc_offset_minutes()).label();
    let merged = preview.merged.as_ref();
    let rows = preview.file.rows();
    let here = preview.here.rows();
    let after = merged.map(|(_, counts, _)| counts.rows());
    html! {
        <div class="preview" role="region" aria-label="What the file holds">
            <h3>{ format!("{} · made {made}", preview.name) }</h3>
            if let Some(version) = preview.incoming.migrated_from {
                <p class="muted">{ format!("It was made by an older Rungs (format {version}) and has been brought up to date.") }</p>
            }
            <table>
                <thead>
                    <tr>
                        <th scope="col">{ "Kind" }</th>
                        <th scope="col">{ "In the file" }</th>
                        <th scope="col">{ "Here now" }</th>
                        if after.is_some() {
                            <th scope="col">{ "After a merge" }</th>
                        }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().enumerate().map(|(i, (_, kind, n))| html! {
                        <tr key={*kind}>
                            <th scope="row">{ first_letter(kind, Case::Upper) }</th>
                            <td>{ n }</td>
                            <td>{ here[i].2 }</td>
                            if let Some(after) = after {
                                <td>{ after[i].2 }</td>
                            }
                        </tr>
                    }) }
                </tbody>
            </table>
            <p>
                <strong>{ "Replace everything" }</strong>
                { format!(": what is here now ({}) is replaced by the file.", preview.here.summary()) }
            </p>
            if let Some((_, _, replaced)) = merged {
                <p>
                    <strong>{ "Merge" }</strong>
                    { ": everything from both is kept, matched by id. " }
                    if replaced.is_empty() {
                        { "Nothing here is changed by the file." }
                    } else {
                        { format!("Where both hold the same item differently, the file's version replaces this one's: {}.", replaced.join("; ")) }
                    }
                </p>
            }
            <p class="muted">{ "Either way, what is here now is backed up first, and Undo puts it back." }</p>
            <div class="actions">
                <button type="button" class="danger" onclick={replace}>{ "Replace everything" }</button>
                if merged.is_some() {
                    <button type="button" onclick={merge}>{ "Merge into my data" }</button>
                }
                <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </div>
    }
}

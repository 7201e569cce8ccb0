//! Bringing a ladder in from a file, by the data page's rules: read in
//! full and checked before anything changes, previewed (for a new version
//! of a ladder already here, what changed and what it means for the
//! user's grades and goals), backed up first, and undone with one press.

use std::rc::Rc;

use web_sys::{File, HtmlElement};
use yew::prelude::*;

use crate::core::assessment::Assessment;
use crate::core::ladder::{assessment_of, Changes, LadderEdit};
use crate::core::persist::CopyKind;
use crate::core::rubric::Rubric;
use crate::core::rubric_import::{self, Imported};
use crate::core::schema::Document;
use crate::core::transfer::MAX_FILE_BYTES;
use crate::ui::dom::{self, file_text};
use crate::ui::pages::data::replace_all;
use crate::ui::state::use_app;

/// Where the import stands.
#[derive(Clone, PartialEq)]
enum Step {
    Waiting,
    Reading(String),
    /// The file cannot be used: each problem, with its line when known.
    Refused {
        name: String,
        problems: Vec<String>,
    },
    Ready(Rc<Preview>),
    Done(String),
}

/// What a file holds, set against what is here.
#[derive(PartialEq)]
struct Preview {
    name: String,
    imported: Imported,
    /// The ladder here that the file is a version of (same id or name).
    existing: Option<Rc<Rubric>>,
    /// What the new version changes, and what that means for the user.
    changes: Vec<String>,
    impact: Vec<String>,
}

impl Preview {
    fn new(name: String, imported: Imported, document: &Document, default: &Rc<Rubric>) -> Preview {
        let ladders = document.ladders.value();
        let existing = ladders.version_of(&imported.rubric, default);
        let (changes, impact) = match &existing {
            Some(existing) => {
                let changes = Changes::between(existing, &imported.rubric);
                let none = Assessment::default();
                let assessment = assessment_of(document, &existing.id, default).unwrap_or(&none);
                (
                    changes.summary(),
                    changes.impact(assessment, document.plan.value()),
                )
            }
            None => (Vec::new(), Vec::new()),
        };
        Preview {
            name,
            imported,
            existing,
            changes,
            impact,
        }
    }
}

async fn read(file: File, document: Rc<Document>, default: Rc<Rubric>) -> Step {
    let name = file.name();
    let text = match file_text(&file).await {
        Ok(text) => text,
        Err(problem) => {
            return Step::Refused {
                name,
                problems: vec![problem],
            }
        }
    };
    match rubric_import::import(&name, &text) {
        Ok(imported) => Step::Ready(Rc::new(Preview::new(name, imported, &document, &default))),
        Err(problems) => Step::Refused {
            name: name.clone(),
            problems: problems.iter().map(ToString::to_string).collect(),
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub default: Rc<Rubric>,
}

#[function_component]
pub fn ImportLadder(props: &ImportProps) -> Html {
    let app = use_app();
    let step = use_state(|| Step::Waiting);
    let result = use_node_ref();
    let input = use_node_ref();
    // Counts the choices that took the preview away: focus then moves to
    // what happened.
    let chosen = use_state(|| 0u32);
    {
        let (result, input) = (result.clone(), input.clone());
        use_effect_with(*chosen, move |chosen| {
            if *chosen > 0 {
                if let Some(target) = result.cast::<HtmlElement>().or_else(|| input.cast()) {
                    let _ = target.focus();
                }
            }
        });
    }
    let picked = {
        let (step, document, default) = (
            step.clone(),
            app.state.document.clone(),
            props.default.clone(),
        );
        Callback::from(move |event: Event| {
            if let Some(file) = dom::picked_file(&event) {
                step.set(Step::Reading(file.name()));
                let (step, document, default) = (step.clone(), document.clone(), default.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    step.set(read(file, document, default).await)
                });
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
    // Adds the file's ladder: as a new version of the one it matches, or
    // apart from it (`separate`) under an id of its own.
    let apply = |separate: bool| {
        let (app, step, chosen, default) = (
            app.clone(),
            step.clone(),
            chosen.clone(),
            props.default.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Step::Ready(preview) = &*step else {
                return;
            };
            let mut rubric = preview.imported.rubric.clone();
            let ladders = app.state.document.ladders.value();
            match (&preview.existing, separate) {
                (Some(existing), false) => rubric.id = existing.id.clone(),
                _ => {
                    rubric.id = ladders.free_id(&rubric.id, &default);
                    rubric.name = ladders.free_name(&rubric.name, &default);
                }
            }
            let name = rubric.name.clone();
            let updating = preview.existing.is_some() && !separate;
            let mut document = (*app.state.document).clone();
            document.apply(LadderEdit::Put {
                rubric: Rc::new(rubric),
                default: default.clone(),
                use_it: true,
            });
            let message = if updating {
                format!("Updated the ladder “{name}”.")
            } else {
                format!("Added the ladder “{name}”.")
            };
            step.set(
                match replace_all(&app, document, CopyKind::BeforeImport, message.clone()) {
                    Ok(()) => Step::Done(format!(
                        "{message} It is the ladder in use now. What was here before is kept as a backup on the Your data page, and Undo puts it back."
                    )),
                    Err(why) => Step::Refused {
                        name: preview.name.clone(),
                        problems: vec![why],
                    },
                },
            );
            chosen.set(*chosen + 1);
        })
    };
    let body = match &*step {
        Step::Waiting => html! {},
        Step::Reading(name) => html! { <p role="status">{ format!("Reading {name}…") }</p> },
        Step::Done(message) => html! {
            <p role="status" class="done" tabindex="-1" ref={result.clone()}>{ message }</p>
        },
        Step::Refused { name, problems } => html! {
            <div class="refused" role="alert" tabindex="-1" ref={result.clone()}>
                <p><strong>{ format!("{name} was not imported, and nothing changed.") }</strong></p>
                <ul>{ for problems.iter().take(20).map(|p| html! { <li>{ p }</li> }) }</ul>
                if problems.len() > 20 {
                    <p>{ format!("…and {} more.", problems.len() - 20) }</p>
                }
            </div>
        },
        Step::Ready(preview) => {
            let rubric = &preview.imported.rubric;
            html! {
                <div class="preview" aria-labelledby="ladder-preview-heading">
                    <h3 id="ladder-preview-heading">{ format!("“{}”, read as {}", rubric.name, preview.imported.format.label()) }</h3>
                    <p>{ super::facts(rubric) }</p>
                    if !preview.imported.warnings.is_empty() {
                        <div class="notice" role="status">
                            <ul>{ for preview.imported.warnings.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                        </div>
                    }
                    if let Some(existing) = &preview.existing {
                        <h4>{ format!("A new version of “{}”", existing.name) }</h4>
                        <ul>{ for preview.changes.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                        <h4>{ "What it means for you" }</h4>
                        <ul>{ for preview.impact.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                        <div class="actions">
                            <button type="button" onclick={apply(false)}>{ format!("Update “{}” to this version", existing.name) }</button>
                            <button type="button" class="secondary" onclick={apply(true)}>{ "Add it as a separate ladder" }</button>
                            <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                        </div>
                    } else {
                        <div class="actions">
                            <button type="button" onclick={apply(true)}>{ "Add and use this ladder" }</button>
                            <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                        </div>
                    }
                </div>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="import-ladder-heading">
            <h2 id="import-ladder-heading">{ "Bring in your company's ladder" }</h2>
            <p>{ "A Rungs rubric file (.json), a spreadsheet saved as CSV with a row per criterion, a Markdown page with headings for levels and areas and a bullet per criterion, or a YAML ladder. Rungs checks it all and shows you what it found before anything changes." }</p>
            <div class="field">
                <label for="ladder-file">{ "Ladder file" }</label>
                <input id="ladder-file" ref={input} type="file" accept=".json,.csv,.tsv,.txt,.md,.markdown,.yaml,.yml" onchange={picked} />
            </div>
            { body }
            <p class="muted">{ format!("The file is read on this device and goes nowhere else. Files over {} MB are refused.", MAX_FILE_BYTES / (1024 * 1024)) }</p>
        </section>
    }
}

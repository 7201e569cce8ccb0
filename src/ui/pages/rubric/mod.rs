//! `#/rubric`: the ladders the user works with. Read the one in use by
//! level and area, search it, switch to another, bring one in from a file,
//! edit it, move grades off criteria a new version dropped, and export it.

mod edit;
mod import;
mod read;
mod retired;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::counted;
use crate::core::ladder::{Choice, LadderEdit};
use crate::core::route::Route;
use crate::core::rubric::Rubric;
use crate::core::{rubric_csv, rubric_file, rubric_markdown};
use crate::ui::components::confirm::ConfirmDelete;
use crate::ui::components::content_status::content_status;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::share::use_share;
use crate::ui::content::{use_content, use_rubric, Loaded};
use crate::ui::pages::Split;
use crate::ui::split::Lazy;
use crate::ui::state::{use_app, use_edit};

/// The surface's page (the entry point of its split point).
pub fn view(_: &Route) -> Html {
    html! { <RubricPage /> }
}

#[function_component]
fn RubricPage() -> Html {
    let (default, retry) = use_content::<Rubric>();
    html! {
        <>
            <PageHeader
                title="Rubric"
                lead="The leveling guide Rungs grades you against. Read it, bring in your company's own, edit it, and take it with you."
            />
            if let Loaded::Ready(default) = default {
                <Ladders {default} />
            } else {
                { content_status(&default, &retry) }
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LaddersProps {
    /// The default rubric: built in, or the organisation's.
    default: Rc<Rubric>,
}

#[function_component]
fn Ladders(props: &LaddersProps) -> Html {
    let app = use_app();
    let document = app.state.document.clone();
    let ladders = document.ladders.value();
    let default = props.default.clone();
    let active = ladders.active(&default);
    let choices = ladders.choices(&default);
    html! {
        <div class="rubric-page">
            <section class="card" aria-labelledby="ladders-heading">
                <h2 id="ladders-heading">{ "Your ladders" }</h2>
                <LadderChoices choices={Rc::new(choices)} default={default.clone()} />
            </section>
            <Lazy split={Split::ladder_files} route={Route::Rubric} part="importing and exporting a ladder" />
            <retired::NoLonger rubric={active.clone()} default={default.clone()} />
            <edit::Editor rubric={active.clone()} default={default.clone()} />
            <read::Reader rubric={active} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ChoicesProps {
    choices: Rc<Vec<Choice>>,
    default: Rc<Rubric>,
}

/// One radio button per ladder: choosing one switches to it at once (the
/// grades of the one left wait for its return).
#[function_component]
fn LadderChoices(props: &ChoicesProps) -> Html {
    let edit = use_edit::<LadderEdit>();
    let choice = |choice: &Choice| {
        let rubric = &choice.rubric;
        let id = format!("ladder-{}", rubric.id);
        let switch = {
            let (edit, to, default) = (edit.clone(), rubric.id.clone(), props.default.clone());
            Callback::from(move |_: Event| {
                edit.emit(LadderEdit::Switch {
                    to: to.clone(),
                    default: default.clone(),
                })
            })
        };
        let remove = {
            let (edit, id, default) = (edit.clone(), rubric.id.clone(), props.default.clone());
            Callback::from(move |()| {
                edit.emit(LadderEdit::Remove {
                    id: id.clone(),
                    default: default.clone(),
                })
            })
        };
        let kind = match (choice.is_default, choice.stored) {
            (true, false) => "As shipped",
            (true, true) => "Your version of the default ladder",
            _ => "Imported",
        };
        let facts = facts(rubric);
        html! {
            <li key={rubric.id.clone()} class="ladder">
                <div class="choice">
                    <input type="radio" name="ladder" id={id.clone()} checked={choice.active} onchange={switch} aria-describedby={format!("{id}-facts")} />
                    <label for={id.clone()}>{ &rubric.name }</label>
                </div>
                <p class="muted" id={format!("{id}-facts")}>{ format!("{kind} · {facts}") }</p>
                if choice.stored {
                    if choice.is_default {
                        <ConfirmDelete
                            label="Put back the ladder as shipped…"
                            question={format!("Put back “{}” as shipped? Your edits go; grades on criteria only your version had are kept under “No longer in the rubric”.", props.default.name)}
                            on_delete={remove}
                        />
                    } else {
                        <ConfirmDelete
                            label="Remove this ladder…"
                            question={format!("Remove “{}” and the grades you gave against it? Undo brings both back until your next change.", rubric.name)}
                            on_delete={remove}
                        />
                    }
                }
            </li>
        }
    };
    html! {
        <fieldset class="ladders">
            <legend>{ "The ladder you grade yourself against" }</legend>
            <ul class="ladder-list">{ for props.choices.iter().map(choice) }</ul>
            <p class="muted">{ "Each ladder keeps its own grades: switching back brings them back." }</p>
        </fieldset>
    }
}

/// The choice of track (`chosen`, or the first for an unknown id), for a
/// ladder that has more than one.
fn track_select(
    id: &'static str,
    rubric: &Rubric,
    chosen: &str,
    onchange: Callback<Event>,
) -> Html {
    if rubric.tracks.len() < 2 {
        return html! {};
    }
    let chosen = rubric.track(chosen).map(|track| track.id.as_str());
    html! {
        <div class="field">
            <label for={id}>{ "Track" }</label>
            <select {id} {onchange}>
                { for rubric.tracks.iter().map(|t| html! {
                    <option value={t.id.clone()} selected={Some(t.id.as_str()) == chosen}>{ &t.name }</option>
                }) }
            </select>
        </div>
    }
}

/// "5 levels · 2 tracks · 120 criteria · Source: … · Licence: …"
fn facts(rubric: &Rubric) -> String {
    let mut facts = vec![counted(rubric.levels.len(), "level", "levels")];
    if rubric.tracks.len() > 1 {
        facts.push(counted(rubric.tracks.len(), "track", "tracks"));
    }
    facts.push(counted(rubric.criteria_count(), "criterion", "criteria"));
    if !rubric.source.trim().is_empty() {
        facts.push(format!("Source: {}", rubric.source.trim()));
    }
    if !rubric.licence.trim().is_empty() {
        facts.push(format!("Licence: {}", rubric.licence.trim()));
    }
    facts.join(" · ")
}

/// Bringing a ladder in and taking it out: the parsers of every format,
/// fetched with their own code just after the page's first paint (the
/// entry point of its split point).
pub fn files(_: &Route) -> Html {
    html! { <Files /> }
}

#[function_component]
fn Files() -> Html {
    let (default, _) = use_content::<Rubric>();
    let (active, _) = use_rubric();
    match (default, active) {
        (Loaded::Ready(default), Loaded::Ready(active)) => html! {
            <>
                <import::ImportLadder {default} />
                <Export rubric={active} />
            </>
        },
        _ => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct RubricProps {
    rubric: Rc<Rubric>,
}

/// The ladder in use as a file: Rungs JSON (imports back the same), a
/// spreadsheet, or Markdown to read.
#[function_component]
fn Export(props: &RubricProps) -> Html {
    let share = use_share();
    let rubric = props.rubric.clone();
    let download = |format: fn(&Rubric) -> String, extension: &'static str| {
        let (share, rubric) = (share.clone(), rubric.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}.{extension}", rubric_csv::slug(&rubric.name, "ladder"));
            share.download(&format(&rubric), &name);
        })
    };
    html! {
        <section class="card" aria-labelledby="export-ladder-heading">
            <h2 id="export-ladder-heading">{ "Export this ladder" }</h2>
            <p>{ format!("Take “{}” with you, or hand it to a colleague. The Rungs file imports back exactly as it is.", rubric.name) }</p>
            <div class="actions">
                <button type="button" onclick={download(rubric_file::export, "json")}>{ "Download as Rungs JSON" }</button>
                <button type="button" class="secondary" onclick={download(rubric_csv::export, "csv")}>{ "Download as CSV" }</button>
                <button type="button" class="secondary" onclick={download(rubric_markdown::export, "md")}>{ "Download as Markdown" }</button>
            </div>
            { share.status() }
        </section>
    }
}

//! Editing the ladder in use: its facts, its levels, tracks and areas, and
//! the criteria of one level at a time. Every change is kept at once and
//! checked as it is typed; a removal is offered back, and what it took
//! from the user's grades is kept under "No longer in the rubric". The
//! default ladder is never changed: the first edit makes the user's own
//! version of it, which "Put back the ladder as shipped" removes.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::counted;
use crate::core::ladder::LadderEdit;
use crate::core::rubric::{Criterion, Rubric};
use crate::core::rubric_edit::{RubricEdit, Way};
use crate::ui::components::confirm::ConfirmDelete;
use crate::ui::dom::value_of;
use crate::ui::state::use_edit;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub rubric: Rc<Rubric>,
    pub default: Rc<Rubric>,
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let rubric = props.rubric.clone();
    let open = use_state(|| false);
    let track = use_state(|| {
        rubric
            .tracks
            .first()
            .map(|t| t.id.clone())
            .unwrap_or_default()
    });
    let level = use_state(|| {
        rubric
            .levels
            .first()
            .map(|l| l.id.clone())
            .unwrap_or_default()
    });
    let edit = use_edit::<LadderEdit>();
    // Sends an edit of this rubric.
    let send = {
        let (edit, id, default) = (edit.clone(), rubric.id.clone(), props.default.clone());
        Callback::from(move |change: RubricEdit| {
            edit.emit(LadderEdit::EditRubric {
                id: id.clone(),
                edit: change,
                default: default.clone(),
            })
        })
    };
    let on_text = |make: Rc<dyn Fn(String) -> RubricEdit>| {
        let send = send.clone();
        Callback::from(move |event: InputEvent| send.emit(make(value_of(&event))))
    };
    let button = |label: String, text: &'static str, change: RubricEdit, enabled: bool| {
        let send = send.clone();
        html! {
            <button type="button" class="secondary small" aria-label={label} disabled={!enabled}
                onclick={Callback::from(move |_: MouseEvent| send.emit(change.clone()))}>{ text }</button>
        }
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let heading = html! {
        <>
            <h2 id="edit-ladder-heading">{ "Edit this ladder" }</h2>
            <p>{ if props.rubric.id == props.default.id {
                "Your edits make your own version of this ladder; the one it came with stays, and you can put it back."
            } else {
                "Every change is kept as you make it. A removal can be undone, and grades on what you remove are kept."
            } }</p>
            <button type="button" aria-expanded={open.to_string()} aria-controls="ladder-editor" onclick={toggle}>
                { if *open { "Close the editor" } else { "Edit this ladder" } }
            </button>
        </>
    };
    if !*open {
        return html! {
            <section class="card" aria-labelledby="edit-ladder-heading">{ heading }</section>
        };
    }

    let problems = rubric.located_problems(0);
    let track_ref = rubric.track(&track);
    let track_id = track_ref.map(|t| t.id.clone()).unwrap_or_default();
    let level_id = rubric
        .levels
        .iter()
        .find(|l| l.id == *level)
        .or_else(|| rubric.levels.first())
        .map(|l| l.id.clone())
        .unwrap_or_default();
    let level_name = rubric.level_name(&level_id).to_owned();

    // The rubric's own facts.
    let facts = {
        let field = |id: &'static str,
                     label: &'static str,
                     value: &str,
                     make: fn(String) -> RubricEdit| {
            html! {
                <div class="field">
                    <label for={id}>{ label }</label>
                    <input {id} type="text" value={value.to_owned()} oninput={on_text(Rc::new(make))} />
                </div>
            }
        };
        let cumulative = {
            let send = send.clone();
            Callback::from(move |event: Event| {
                send.emit(RubricEdit::SetCumulative(
                    event.target_unchecked_into::<HtmlInputElement>().checked(),
                ))
            })
        };
        html! {
            <fieldset class="editor-group">
                <legend>{ "About the ladder" }</legend>
                { field("ladder-name", "Name", &rubric.name, RubricEdit::Rename) }
                { field("ladder-description", "Description", &rubric.description, RubricEdit::SetDescription) }
                { field("ladder-source", "Source", &rubric.source, RubricEdit::SetSource) }
                { field("ladder-licence", "Licence", &rubric.licence, RubricEdit::SetLicence) }
                <div class="choice">
                    <input id="ladder-cumulative" type="checkbox" checked={rubric.cumulative} onchange={cumulative} />
                    <label for="ladder-cumulative">{ "Each level expects the criteria of the levels below it too" }</label>
                </div>
            </fieldset>
        }
    };

    // Levels, in order.
    let last_level = rubric.levels.len().saturating_sub(1);
    let levels = rubric.levels.iter().enumerate().map(|(i, l)| {
        let id = l.id.clone();
        let name_id = format!("level-name-{id}");
        let used = rubric.level_use(&id);
        let remove = {
            let (send, id) = (send.clone(), id.clone());
            Callback::from(move |()| send.emit(RubricEdit::RemoveLevel(id.clone())))
        };
        let rename = {
            let id = id.clone();
            on_text(Rc::new(move |name| RubricEdit::RenameLevel { level: id.clone(), name }))
        };
        html! {
            <li key={id.clone()} class="editor-row">
                <div class="field">
                    <label for={name_id.clone()}>{ format!("Level {}", i + 1) }</label>
                    <input id={name_id} type="text" value={l.name.clone()} oninput={rename} />
                </div>
                <div class="actions">
                    { button(format!("Move {} up", l.name), "Up", RubricEdit::MoveLevel { level: id.clone(), way: Way::Up }, i > 0) }
                    { button(format!("Move {} down", l.name), "Down", RubricEdit::MoveLevel { level: id.clone(), way: Way::Down }, i < last_level) }
                    <ConfirmDelete
                        label="Remove…"
                        name={format!("Remove {}…", l.name)}
                        question={format!("Remove the level “{}” and its {}? Grades on them are kept under “No longer in the rubric”.", l.name, counted(used, "criterion", "criteria"))}
                        on_delete={remove}
                    />
                </div>
            </li>
        }
    });
    let add_level = {
        let send = send.clone();
        Callback::from(move |name: String| send.emit(RubricEdit::AddLevel { name, after: None }))
    };

    // The chosen track's areas, with their criteria at the chosen level.
    let last_area = track_ref.map_or(0, |t| t.areas.len().saturating_sub(1));
    let criterion_row = |c: &Criterion, first: bool, last: bool| {
        let id = c.id.clone();
        let text_id = format!("criterion-text-{id}");
        let examples_id = format!("criterion-examples-{id}");
        let set_text = {
            let id = id.clone();
            on_text(Rc::new(move |text| RubricEdit::SetCriterionText {
                criterion: id.clone(),
                text,
            }))
        };
        let set_examples = {
            let (send, id) = (send.clone(), id.clone());
            Callback::from(move |event: Event| {
                let text = value_of(&event);
                send.emit(RubricEdit::SetExamples {
                    criterion: id.clone(),
                    examples: text.lines().map(str::to_owned).collect(),
                })
            })
        };
        let remove = {
            let (send, id) = (send.clone(), id.clone());
            Callback::from(move |()| send.emit(RubricEdit::RemoveCriterion(id.clone())))
        };
        let short: String = c.text.chars().take(40).collect();
        html! {
            <li key={id.clone()} class="editor-row">
                <div class="field">
                    <label for={text_id.clone()}>{ "Criterion" }</label>
                    <textarea id={text_id} rows="2" value={c.text.clone()} oninput={set_text} />
                </div>
                <div class="field">
                    <label for={examples_id.clone()}>{ "Examples, one per line" }</label>
                    <textarea id={examples_id} rows="2" value={c.examples.join("\n")} onchange={set_examples} />
                </div>
                <div class="actions">
                    { button(format!("Move “{short}” up"), "Up", RubricEdit::MoveCriterion { criterion: id.clone(), way: Way::Up }, !first) }
                    { button(format!("Move “{short}” down"), "Down", RubricEdit::MoveCriterion { criterion: id.clone(), way: Way::Down }, !last) }
                    <ConfirmDelete
                        label="Remove…"
                        name={format!("Remove “{short}”…")}
                        question={format!("Remove “{}”? Grades on it are kept under “No longer in the rubric”.", c.text)}
                        on_delete={remove}
                    />
                </div>
            </li>
        }
    };
    let add_criterion = |area: String| {
        let (send, track, level) = (send.clone(), track_id.clone(), level_id.clone());
        Callback::from(move |text: String| {
            send.emit(RubricEdit::AddCriterion {
                track: track.clone(),
                area: area.clone(),
                level: level.clone(),
                text,
            })
        })
    };
    let areas = track_ref.into_iter().flat_map(|t| t.areas.iter().enumerate()).map(|(i, area)| {
        let area_id = area.id.clone();
        let name_id = format!("area-name-{track_id}-{area_id}");
        let rename = {
            let (track, area) = (track_id.clone(), area_id.clone());
            on_text(Rc::new(move |name| RubricEdit::RenameArea { track: track.clone(), area: area.clone(), name }))
        };
        let remove = {
            let (send, track, area) = (send.clone(), track_id.clone(), area_id.clone());
            Callback::from(move |()| send.emit(RubricEdit::RemoveArea { track: track.clone(), area: area.clone() }))
        };
        let at_level: Vec<&Criterion> = area.at(&level_id).collect();
        let count = at_level.len();
        html! {
            <li key={area_id.clone()} class="editor-area">
                <div class="field">
                    <label for={name_id.clone()}>{ "Area" }</label>
                    <input id={name_id} type="text" value={area.name.clone()} oninput={rename} />
                </div>
                <div class="actions">
                    { button(format!("Move {} up", area.name), "Up", RubricEdit::MoveArea { track: track_id.clone(), area: area_id.clone(), way: Way::Up }, i > 0) }
                    { button(format!("Move {} down", area.name), "Down", RubricEdit::MoveArea { track: track_id.clone(), area: area_id.clone(), way: Way::Down }, i < last_area) }
                    <ConfirmDelete
                        label="Remove…"
                        name={format!("Remove {}…", area.name)}
                        question={format!("Remove the area “{}” and its {}? Grades on them are kept under “No longer in the rubric”.", area.name, counted(area.criteria.len(), "criterion", "criteria"))}
                        on_delete={remove}
                    />
                </div>
                <h3>{ format!("{} at {level_name}", area.name) }</h3>
                if at_level.is_empty() {
                    <p class="muted">{ "Nothing at this level." }</p>
                } else {
                    <ol class="editor-list">
                        { for at_level.iter().enumerate().map(|(n, c)| criterion_row(c, n == 0, n + 1 == count)) }
                    </ol>
                }
                <AddRow
                    id={format!("new-criterion-{track_id}-{area_id}")}
                    label={format!("New criterion in {}", area.name)}
                    button="Add the criterion"
                    on_add={add_criterion(area_id.clone())}
                />
            </li>
        }
    });
    let add_area = {
        let (send, track) = (send.clone(), track_id.clone());
        Callback::from(move |name: String| {
            send.emit(RubricEdit::AddArea {
                track: track.clone(),
                name,
            })
        })
    };
    let choose = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: Event| state.set(value_of(&event)))
    };

    html! {
        <section class="card editor" aria-labelledby="edit-ladder-heading">
            { heading }
            <div id="ladder-editor">
                <div role="status" class="editor-check">
                    if problems.is_empty() {
                        <p>{ "No problems: every level, area and criterion is named, and every id is its own." }</p>
                    } else {
                        <p><strong>{ format!("{} to fix:", counted(problems.len(), "problem", "problems")) }</strong></p>
                        <ul>{ for problems.iter().take(10).map(|(_, p)| html! { <li>{ p }</li> }) }</ul>
                    }
                </div>
                { facts }
                <fieldset class="editor-group">
                    <legend>{ "Levels, lowest first" }</legend>
                    <ol class="editor-list">{ for levels }</ol>
                    <AddRow id="new-level" label="New level's name" button="Add the level" on_add={add_level} />
                </fieldset>
                <fieldset class="editor-group">
                    <legend>{ "Areas and criteria" }</legend>
                    <div class="reader-controls">
                        { super::track_select("editor-track", &rubric, &track_id, choose(&track)) }
                        <div class="field">
                            <label for="editor-level">{ "Criteria at level" }</label>
                            <select id="editor-level" onchange={choose(&level)}>
                                { for rubric.levels.iter().map(|l| html! {
                                    <option value={l.id.clone()} selected={l.id == level_id}>{ &l.name }</option>
                                }) }
                            </select>
                        </div>
                    </div>
                    <ol class="editor-list">{ for areas }</ol>
                    <AddRow id="new-area" label="New area's name" button="Add the area" on_add={add_area} />
                </fieldset>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AddProps {
    id: AttrValue,
    label: AttrValue,
    button: AttrValue,
    /// Called with what was typed, when it is not blank.
    on_add: Callback<String>,
}

/// A name or text to add (a level, an area, a criterion), and its button.
#[function_component]
fn AddRow(props: &AddProps) -> Html {
    let text = use_state(String::new);
    let add = {
        let (text, on_add) = (text.clone(), props.on_add.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if !text.trim().is_empty() {
                on_add.emit((*text).clone());
                text.set(String::new());
            }
        })
    };
    let typed = {
        let text = text.clone();
        Callback::from(move |event: InputEvent| text.set(value_of(&event)))
    };
    html! {
        <form class="add-row" onsubmit={add}>
            <div class="field">
                <label for={props.id.clone()}>{ &props.label }</label>
                <input id={props.id.clone()} type="text" value={(*text).clone()} oninput={typed} />
            </div>
            <button type="submit">{ &props.button }</button>
        </form>
    }
}

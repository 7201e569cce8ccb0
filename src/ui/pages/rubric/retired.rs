//! "No longer in the rubric": what the user kept on criteria that a new
//! version of the ladder (or an edit, or a new release of the built-in
//! one) took away, with what each criterion said, and a way to move it
//! onto a criterion the ladder has now.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::Rating;
use crate::core::counted;
use crate::core::ladder::{likely_successor, no_longer, LadderEdit, Retired};
use crate::core::rubric::Rubric;
use crate::ui::components::confirm::ConfirmDelete;
use crate::ui::dom::value_of;
use crate::ui::state::{use_app, use_edit};

#[derive(Properties, PartialEq)]
pub struct NoLongerProps {
    pub rubric: Rc<Rubric>,
    pub default: Rc<Rubric>,
}

#[function_component]
pub fn NoLonger(props: &NoLongerProps) -> Html {
    let app = use_app();
    let document = &app.state.document;
    let kept = no_longer(
        document.ladders.value(),
        &props.rubric,
        document.assessment.value(),
        document.plan.value(),
    );
    if kept.is_empty() {
        return html! {};
    }
    html! {
        <section class="card" aria-labelledby="retired-heading">
            <h2 id="retired-heading">{ "No longer in the rubric" }</h2>
            <p>{ format!(
                "This version of “{}” dropped {} you had graded, noted or linked a goal to. Nothing is lost: move each to the criterion that replaces it, or delete it.",
                props.rubric.name,
                counted(kept.len(), "criterion", "criteria"),
            ) }</p>
            <ul class="retired-list">
                { for kept.into_iter().map(|(retired, rating, goals)| html! {
                    <RetiredItem
                        key={retired.id.clone()}
                        retired={retired.clone()}
                        rating={rating.cloned()}
                        {goals}
                        rubric={props.rubric.clone()}
                        default={props.default.clone()}
                    />
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    retired: Retired,
    rating: Option<Rating>,
    goals: usize,
    rubric: Rc<Rubric>,
    default: Rc<Rubric>,
}

#[function_component]
fn RetiredItem(props: &ItemProps) -> Html {
    let edit = use_edit::<LadderEdit>();
    let retired = &props.retired;
    let rubric = &props.rubric;
    let target = use_state(|| likely_successor(retired, rubric).map(str::to_owned));
    let select_id = format!("move-{}", retired.id);
    let on_select = {
        let target = target.clone();
        Callback::from(move |event: Event| {
            let value = value_of(&event);
            target.set((!value.is_empty()).then_some(value));
        })
    };
    let move_it = {
        let (edit, target) = (edit.clone(), target.clone());
        let (rubric, from, default) = (
            props.rubric.id.clone(),
            retired.id.clone(),
            props.default.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(to) = &*target {
                edit.emit(LadderEdit::Map {
                    rubric: rubric.clone(),
                    from: from.clone(),
                    to: to.clone(),
                    default: default.clone(),
                });
            }
        })
    };
    let forget = {
        let (rubric, id, default) = (
            props.rubric.id.clone(),
            retired.id.clone(),
            props.default.clone(),
        );
        Callback::from(move |()| {
            edit.emit(LadderEdit::Forget {
                rubric: rubric.clone(),
                id: id.clone(),
                default: default.clone(),
            })
        })
    };
    let mut kept = Vec::new();
    if let Some(rating) = &props.rating {
        for (who, grade) in [
            ("Your grade", rating.mine),
            ("Your manager's", rating.manager),
            ("A peer's", rating.peer),
        ] {
            if let Some(grade) = grade {
                kept.push(format!("{who}: {}", grade.label()));
            }
        }
        if rating.not_applicable {
            kept.push("Does not apply to my role".to_owned());
        }
        if !rating.evidence.trim().is_empty() {
            kept.push(format!("Evidence: {}", rating.evidence.trim()));
        }
        if !rating.note.trim().is_empty() {
            kept.push(format!("Note to yourself: {}", rating.note.trim()));
        }
    }
    if props.goals > 0 {
        kept.push(format!(
            "Linked to {}",
            counted(props.goals, "plan goal", "plan goals")
        ));
    }
    let options = rubric.levels.iter().map(|level| {
        let criteria = rubric
            .tracks
            .iter()
            .flat_map(|track| &track.areas)
            .flat_map(|area| area.at(&level.id).map(move |c| (area, c)));
        html! {
            <optgroup label={level.name.clone()}>
                { for criteria.map(|(area, c)| html! {
                    <option value={c.id.clone()} selected={target.as_deref() == Some(c.id.as_str())}>
                        { format!("{}: {}", area.name, c.text) }
                    </option>
                }) }
            </optgroup>
        }
    });
    html! {
        <li class="retired">
            <h3>{ &retired.text }</h3>
            <p class="muted">{ format!("Was at {}, in {}", retired.level, retired.area) }</p>
            <ul class="kept">{ for kept.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            <div class="field">
                <label for={select_id.clone()}>{ "Move to" }</label>
                <select id={select_id} onchange={on_select}>
                    <option value="" selected={target.is_none()}>{ "Choose a criterion" }</option>
                    { for options }
                </select>
            </div>
            <div class="actions">
                <button type="button" onclick={move_it} disabled={target.is_none()}>{ "Move it there" }</button>
                <ConfirmDelete
                    label="Delete it…"
                    question={format!("Delete what you kept on “{}”? Undo brings it back until your next change.", retired.text)}
                    on_delete={forget}
                />
            </div>
        </li>
    }
}

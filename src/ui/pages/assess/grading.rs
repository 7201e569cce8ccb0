//! Grading, one area at a time: every criterion of the current and the
//! target level, with a note, evidence and other people's grades.

use std::rc::Rc;

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::assessment::{Assessment, Edit, Grade, Perspective, Rating, Report};
use crate::core::rubric::{Criterion, Rubric};
use crate::ui::components::term_links;
use crate::ui::state::use_app;

use super::linked::LinkedEntries;
use crate::ui::focus::use_focus;
use crate::ui::terms::{use_glossed, Glossed};

#[derive(Properties, PartialEq)]
pub struct GradingProps {
    pub rubric: Rc<Rubric>,
    pub assessment: Rc<Assessment>,
    pub report: Rc<Report>,
    pub on_edit: Callback<Edit>,
}

/// The area stepper and the criteria of the chosen area.
#[function_component]
pub fn Grading(props: &GradingProps) -> Html {
    let area_index = use_state(|| 0usize);
    let glossed = use_glossed();
    let log = use_app().state.document.evidence.shared();
    let linked = log.count_by_criterion();
    let focus = use_focus();
    let heading = use_node_ref();
    let Some(selection) = props.assessment.selection(&props.rubric) else {
        return Html::default();
    };
    let areas = &selection.track.areas;
    let index = (*area_index).min(areas.len().saturating_sub(1));
    let Some(area) = areas.get(index) else {
        return Html::default();
    };

    let choose = |to: usize, move_focus: bool| {
        let (area_index, focus, heading) = (area_index.clone(), focus.clone(), heading.clone());
        Callback::from(move |_: MouseEvent| {
            area_index.set(to);
            if move_focus {
                // Continue from the top of the next area.
                focus.to(&heading);
            }
        })
    };
    let steps = props.report.areas.iter().enumerate().map(|(i, area)| {
        // Graded by you, over both levels.
        let both = area
            .target
            .map_or(area.current, |target| area.current.plus(target));
        let (graded, total) = (both.graded, both.total);
        let done = both.complete();
        html! {
            <li key={area.id.as_str()}>
                <button
                    type="button"
                    class="area-step"
                    aria-current={(i == index).then_some("step")}
                    data-done={done.to_string()}
                    aria-label={format!("{}, {graded} of {total} graded", area.name)}
                    onclick={choose(i, false)}
                >
                    <span class="area-step-name">{ &area.name }</span>
                    <span class="area-step-count">{ format!("{graded} of {total}") }</span>
                </button>
            </li>
        }
    });

    let levels = selection.levels().map(|level| {
        let role = if level.id == selection.current.id {
            "your current level"
        } else {
            "your target level"
        };
        let criteria = area.at(&level.id).map(|criterion| {
            criterion_card(
                criterion,
                props.assessment.rating(&criterion.id),
                linked.get(criterion.id.as_str()).copied().unwrap_or(0),
                &props.on_edit,
                glossed.as_deref(),
            )
        });
        html! {
            <div class="level-criteria" key={level.id.as_str()}>
                <h3>{ &level.name }<span class="level-role">{ format!(" · {role}") }</span></h3>
                { for criteria }
            </div>
        }
    });

    let previous = index.checked_sub(1).map(|i| {
        html! {
            <button type="button" onclick={choose(i, true)}>
                { format!("← Previous: {}", areas[i].name) }
            </button>
        }
    });
    let next = areas.get(index + 1).map(|next| {
        html! {
            <button type="button" onclick={choose(index + 1, true)}>
                { format!("Next: {} →", next.name) }
            </button>
        }
    });

    html! {
        <section class="card grading" aria-labelledby="grading-heading">
            <h2 id="grading-heading">{ "Grade yourself" }</h2>
            <p class="muted">
                { "Choose how often each statement is true of your work today. Leave it unassessed if you cannot say yet, and choose “Does not apply to my role” for what your role does not include: it is then left out of your readiness. Add evidence to make a claim count in full." }
            </p>
            <dl class="scale">
                { for Grade::ALL.into_iter().map(|g| html! {
                    <div><dt>{ g.label() }</dt><dd>{ g.hint() }</dd></div>
                }) }
            </dl>
            <nav aria-label="Areas">
                <ol class="area-steps">{ for steps }</ol>
            </nav>
            <div class="area-panel">
                <h2 id="area-heading" ref={heading} class="area-heading" tabindex="-1">
                    { format!("Area {} of {}: {}", index + 1, areas.len(), area.name) }
                </h2>
                <p class="muted">{ &area.summary }</p>
                { for levels }
                <div class="actions area-nav">{ previous }{ next }</div>
            </div>
        </section>
    }
}

/// One criterion: your grade as a radio group, the entries of the log that
/// prove it (`linked` of them), then a disclosure with a note, evidence
/// and the grades other people gave.
fn criterion_card(
    criterion: &Criterion,
    rating: Option<&Rating>,
    linked: usize,
    on_edit: &Callback<Edit>,
    glossed: Option<&Glossed>,
) -> Html {
    let rating = rating.cloned().unwrap_or_default();
    let id = &criterion.id;
    let name = format!("grade-{id}");
    // Not assessed, each grade, then "does not apply", which takes the
    // criterion out of readiness.
    let choice = |label: &'static str, kind: &'static str, checked: bool, edit: Edit| {
        let on_edit = on_edit.clone();
        html! {
            <label class="grade-choice" data-grade={kind}>
                <input
                    type="radio"
                    name={name.clone()}
                    {checked}
                    onchange={Callback::from(move |_: Event| on_edit.emit(edit.clone()))}
                />
                { label }
            </label>
        }
    };
    let mine = rating.grade(Perspective::Mine);
    let choices = std::iter::once(None)
        .chain(Grade::ALL.into_iter().map(Some))
        .map(|grade| {
            choice(
                grade.map_or("Not assessed", Grade::label),
                grade.map_or("none", Grade::id),
                !rating.not_applicable && mine == grade,
                mine_grade(id.clone(), grade),
            )
        })
        .chain(std::iter::once(choice(
            "Does not apply to my role",
            "not-applicable",
            rating.not_applicable,
            Edit::NotApplicable {
                criterion: id.clone(),
                not_applicable: true,
            },
        )));
    let text_edit = |make: fn(String, String) -> Edit| {
        let (on_edit, id) = (on_edit.clone(), id.clone());
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            on_edit.emit(make(id.clone(), text))
        })
    };
    let other = |perspective: Perspective| {
        let onchange = {
            let (on_edit, id) = (on_edit.clone(), id.clone());
            Callback::from(move |event: Event| {
                let value = event.target_unchecked_into::<HtmlSelectElement>().value();
                on_edit.emit(Edit::Grade {
                    criterion: id.clone(),
                    perspective,
                    grade: Grade::from_id(&value),
                })
            })
        };
        let current = rating.grade(perspective);
        let field = format!("{}-{}", perspective.label(), id);
        html! {
            <div class="field">
                <label for={field.clone()}>{ format!("{}'s grade", perspective.label()) }</label>
                <select id={field} {onchange}>
                    <option value="" selected={current.is_none()}>{ "Not given" }</option>
                    { for Grade::ALL.into_iter().map(|g| html! {
                        <option value={g.id()} selected={current == Some(g)}>{ g.label() }</option>
                    }) }
                </select>
            </div>
        }
    };
    let filled = [
        (!rating.evidence.trim().is_empty()).then_some("evidence"),
        (!rating.note.trim().is_empty()).then_some("note"),
        rating.manager.map(|_| "manager"),
        rating.peer.map(|_| "peer"),
    ];
    let filled: Vec<&str> = filled.into_iter().flatten().collect();
    let summary = if filled.is_empty() {
        "Evidence, note and other views".to_owned()
    } else {
        format!("Evidence, note and other views ({})", filled.join(", "))
    };
    let evidence_id = format!("evidence-{}", id);
    let note_id = format!("note-{}", id);
    let (text, popovers) = term_links::linked(&criterion.text, glossed, id);
    html! {
        <div class="criterion" key={id.as_str()}>
            <fieldset role="radiogroup">
                <legend>{ text }</legend>
                { popovers }
                <div class="grade-choices">{ for choices }</div>
            </fieldset>
            if mine.is_some_and(Grade::meets) && !rating.has_evidence() && linked == 0 {
                <p class="hint">{ "Counts three quarters until you add evidence: link an entry of your log, or write it below." }</p>
            }
            <LinkedEntries criterion={id.clone()} />
            <details>
                <summary>{ summary }</summary>
                <div class="field">
                    <label for={evidence_id.clone()}>{ "Evidence: what you did, and where it shows" }</label>
                    <textarea id={evidence_id.clone()} rows="2" value={rating.evidence.clone()} oninput={text_edit(evidence)} />
                    { term_links::mentions(&rating.evidence, glossed, &evidence_id) }
                </div>
                <div class="field">
                    <label for={note_id.clone()}>{ "Note to yourself" }</label>
                    <textarea id={note_id.clone()} rows="2" value={rating.note.clone()} oninput={text_edit(note)} />
                    { term_links::mentions(&rating.note, glossed, &note_id) }
                </div>
                <div class="others">
                    { other(Perspective::Manager) }
                    { other(Perspective::Peer) }
                </div>
            </details>
        </div>
    }
}

/// Your grade, or "not assessed" (None); either says the criterion applies.
fn mine_grade(criterion: String, grade: Option<Grade>) -> Edit {
    Edit::Grade {
        criterion,
        perspective: Perspective::Mine,
        grade,
    }
}

fn evidence(criterion: String, text: String) -> Edit {
    Edit::Evidence { criterion, text }
}

fn note(criterion: String, text: String) -> Edit {
    Edit::Note { criterion, text }
}

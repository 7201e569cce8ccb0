//! The engineer's side of `#/review`: a reviewer's response, checked,
//! previewed and added; the grades added so far; the requests still
//! waiting.

use std::rc::Rc;

use yew::prelude::*;

use super::date;
use crate::core::assessment::Edit;
use crate::core::counted;
use crate::core::review::{self, Incoming};
use crate::core::route::Route;
use crate::ui::clock::now;
use crate::ui::components::content_status::content_status;
use crate::ui::content::{use_rubric, Loaded};
use crate::ui::dom::{self, file_text};
use crate::ui::focus::focus;
use crate::ui::state::{use_app, use_edit};

/// Where adding a response stands.
#[derive(Clone, PartialEq)]
enum Step {
    Waiting,
    Refused { name: String, why: String },
    Ready(Rc<Incoming>),
    Added(String),
}

#[function_component]
pub fn Received() -> Html {
    let app = use_app();
    let on_edit = use_edit::<Edit>();
    let (rubric, retry) = use_rubric();
    let step = use_state(|| Step::Waiting);
    let outcome = use_node_ref();
    {
        // Focus follows what happened, so that it is heard.
        let outcome = outcome.clone();
        use_effect_with((*step).clone(), move |step| {
            if !matches!(step, Step::Waiting) {
                focus(&outcome);
            }
        });
    }
    let assessment = app.state.document.assessment.shared();
    let Loaded::Ready(rubric) = rubric else {
        return html! {
            <section class="card" aria-labelledby="received-heading">
                <h2 id="received-heading">{ "Grades you received" }</h2>
                { content_status(&rubric, &retry) }
            </section>
        };
    };

    let picked = {
        let (step, assessment, rubric) = (step.clone(), assessment.clone(), rubric.clone());
        Callback::from(move |event: Event| {
            let Some(file) = dom::picked_file(&event) else {
                return;
            };
            let (step, assessment, rubric) = (step.clone(), assessment.clone(), rubric.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let checked = match file_text(&file).await {
                    Ok(text) => review::read_response(&text)
                        .and_then(|response| review::receive(&assessment, &rubric, response, now()))
                        .map_err(|why| why.to_string()),
                    Err(why) => Err(why),
                };
                step.set(match checked {
                    Ok(incoming) => Step::Ready(Rc::new(incoming)),
                    Err(why) => Step::Refused { name, why },
                });
            });
        })
    };

    let outcome_view = match &*step {
        Step::Waiting => html! {},
        Step::Refused { name, why } => html! {
            <div class="notice" role="alert" tabindex="-1" ref={outcome.clone()}>
                <p><strong>{ format!("{name} was not added.") }</strong>{ " " }{ why }</p>
                <p>{ "Nothing changed." }</p>
            </div>
        },
        Step::Added(who) => html! {
            <div class="notice" role="status" tabindex="-1" ref={outcome.clone()}>
                <p>
                    { format!("Added {who}'s grades. ") }
                    <a href={Route::Readiness.href()}>{ "See them beside yours" }</a>
                </p>
            </div>
        },
        Step::Ready(incoming) => preview(incoming, &step, &on_edit, &outcome),
    };

    let reviews = assessment.reviews.iter().map(|r| {
        let remove = {
            let (on_edit, id) = (on_edit.clone(), r.id.clone());
            Callback::from(move |_: MouseEvent| on_edit.emit(Edit::RemoveReview { id: id.clone() }))
        };
        html! {
            <li key={r.id.as_str()}>
                <span>{ format!("{}: {} · sent {}", r.reviewer.label(), counted(r.grades.len(), "criterion", "criteria"), date(r.at)) }</span>
                <button type="button" class="secondary" aria-label={format!("Remove {}'s grades", r.reviewer.name)} onclick={remove}>{ "Remove" }</button>
            </li>
        }
    });
    let waiting: Vec<Html> = assessment
        .asked
        .iter()
        .filter(|asked| !assessment.reviews.iter().any(|r| r.id == asked.id))
        .map(|asked| {
            let forget = {
                let (on_edit, id) = (on_edit.clone(), asked.id.clone());
                Callback::from(move |_: MouseEvent| on_edit.emit(Edit::ForgetAsked { id: id.clone() }))
            };
            html! {
                <li key={asked.id.as_str()}>
                    <span>{ format!("{}, asked {}", asked.reviewer.label(), date(asked.at)) }</span>
                    <button type="button" class="secondary" aria-label={format!("Forget the request to {}", asked.reviewer.name)} onclick={forget}>{ "Forget" }</button>
                </li>
            }
        })
        .collect();

    html! {
        <section class="card" aria-labelledby="received-heading">
            <h2 id="received-heading">{ "Grades you received" }</h2>
            <p>{ "When someone sends back their grades, add the file here. Rungs checks that it answers a request you made, on the ladder you use, and that nobody changed it on the way." }</p>
            <div class="field file-field">
                <label for="response-file">{ "Add a response" }</label>
                <input id="response-file" type="file" accept=".json,application/json" onchange={picked} />
            </div>
            { outcome_view }
            if !assessment.reviews.is_empty() {
                <h3>{ "Added" }</h3>
                <ul class="review-list">{ for reviews }</ul>
                <p><a href={Route::Readiness.href()}>{ "Compare them with your own grades" }</a></p>
            }
            if !waiting.is_empty() {
                <h3>{ "Waiting for" }</h3>
                <ul class="review-list">{ for waiting }</ul>
            }
        </section>
    }
}

/// What adding `incoming` would do, with the buttons to add it or not.
fn preview(
    incoming: &Rc<Incoming>,
    step: &UseStateHandle<Step>,
    on_edit: &Callback<Edit>,
    outcome: &NodeRef,
) -> Html {
    let review = &incoming.review;
    let who = review.reviewer.name.clone();
    let add = {
        let (step, on_edit, incoming, who) =
            (step.clone(), on_edit.clone(), incoming.clone(), who.clone());
        Callback::from(move |_: MouseEvent| {
            on_edit.emit(Edit::AddReview(Rc::new(incoming.review.clone())));
            step.set(Step::Added(who.clone()));
        })
    };
    let cancel = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(Step::Waiting))
    };
    let mut facts = vec![
        format!(
            "From {}, sent {}.",
            review.reviewer.label(),
            date(review.at)
        ),
        format!(
            "{}, {} marked as not applying to your role, {}.",
            counted(incoming.graded, "grade", "grades"),
            counted(incoming.not_applicable, "criterion", "criteria"),
            counted(incoming.comments, "comment", "comments"),
        ),
    ];
    if !incoming.gone.is_empty() {
        facts.push(format!(
            "{} your ladder no longer has: left out.",
            counted(
                incoming.gone.len(),
                "grade is for a criterion",
                "grades are for criteria"
            )
        ));
    }
    if incoming.unasked {
        facts.push("This browser has no record of asking for it, but it grades exactly the criteria of the levels you have chosen, so it can be added.".to_owned());
    }
    let (question, label) = match &incoming.replaces {
        Some(earlier) => (
            Some(format!(
                "You already have grades from {}, sent {}. Adding these replaces them (you can undo it).",
                earlier.reviewer.label(),
                date(earlier.at)
            )),
            format!("Replace with {who}'s new grades"),
        ),
        None => (None, format!("Add {who}'s grades")),
    };
    html! {
        <div class="card preview" role="group" aria-labelledby="preview-heading" tabindex="-1" ref={outcome.clone()}>
            <h3 id="preview-heading">{ format!("Grades from {who}") }</h3>
            <ul>{ for facts.iter().map(|fact| html! { <li>{ fact }</li> }) }</ul>
            if let Some(question) = question {
                <p><strong>{ question }</strong></p>
            }
            <div class="actions">
                <button type="button" onclick={add}>{ label }</button>
                <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </div>
    }
}

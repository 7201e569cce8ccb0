//! `#/review/ask`: a request for grades, made into a file for one named
//! reviewer.

use std::rc::Rc;

use yew::prelude::*;

use super::{date, name_part, new_id};
use crate::core::assessment::{Edit, Perspective};
use crate::core::review::{self, Ask, Person, Role};
use crate::core::route::Route;
use crate::core::rubric::Rubric;
use crate::ui::clock::now;
use crate::ui::components::content_status::content_status;
use crate::ui::components::field::Field;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::share::use_share;
use crate::ui::content::{use_rubric, Loaded};
use crate::ui::draft::use_draft;
use crate::ui::state::{use_app, use_edit};

const MESSAGE: &str = "Could you grade me against the criteria of my current level and the next? Say how often each is true of my work today, add a comment where you can, and mark what does not apply to my role. It would help me see where I stand before we talk about promotion.";

#[function_component]
pub fn AskPage() -> Html {
    let (rubric, retry) = use_rubric();
    html! {
        <>
            <PageHeader
                title="Ask for grades"
                lead="Make a file for your manager or a peer to grade you with. Send it however you like; they need nothing but Rungs to open it."
            />
            if let Loaded::Ready(rubric) = rubric {
                <AskForm {rubric} />
            } else {
                { content_status(&rubric, &retry) }
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    rubric: Rc<Rubric>,
}

#[function_component]
fn AskForm(props: &FormProps) -> Html {
    let app = use_app();
    let on_edit = use_edit::<Edit>();
    let share = use_share();
    let (from, set_from) = use_draft("ask-from");
    let (reviewer, set_reviewer) = use_draft("ask-reviewer");
    let (message, set_message) = use_draft("ask-message");
    {
        // The suggested message, once: the user may change it or clear it.
        let (message, set_message) = (message.clone(), set_message.clone());
        use_effect_with((), move |()| {
            if message.is_empty() {
                set_message.emit(MESSAGE.to_owned());
            }
        });
    }
    let role = use_state(|| Role::Manager);
    let share_own = use_state(|| true);
    let problem = use_state(|| None::<String>);
    let assessment = app.state.document.assessment.shared();
    let rubric = &props.rubric;

    let Some(selection) = assessment.selection(rubric) else {
        return html! {
            <p class="card">
                { "A request asks about the criteria of your current level and the next, so choose your current level first: " }
                <a href={Route::Assess.href()}>{ "go to the assessment" }</a>
                { "." }
            </p>
        };
    };
    // What the request would hold, and how many of those the user graded.
    let asked_about = review::criteria(rubric, &selection);
    let ids: Vec<&str> = asked_about.tracks[0]
        .areas
        .iter()
        .flat_map(|area| &area.criteria)
        .map(|c| c.id.as_str())
        .collect();
    let own_count = ids
        .iter()
        .filter(|id| {
            assessment
                .rating(id)
                .and_then(|r| r.grade(Perspective::Mine))
                .is_some()
        })
        .count();

    let submit = {
        let (assessment, rubric) = (assessment.clone(), rubric.clone());
        let (from, reviewer, message) = (from.clone(), reviewer.clone(), message.clone());
        let (role, share_own, problem, share, on_edit) = (
            role.clone(),
            share_own.clone(),
            problem.clone(),
            share.clone(),
            on_edit.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let ask = Ask {
                from: from.clone(),
                reviewer: Person {
                    name: reviewer.clone(),
                    role: *role,
                },
                message: message.clone(),
                share_own: *share_own,
            };
            match review::ask(&assessment, &rubric, &ask, new_id(), now()) {
                Ok((request, asked)) => {
                    problem.set(None);
                    let name =
                        format!("rungs-request-for-{}.json", name_part(&asked.reviewer.name));
                    share.download(&request.to_file(), &name);
                    on_edit.emit(Edit::Ask(Rc::new(asked)));
                }
                Err(why) => problem.set(Some(why.to_string())),
            }
        })
    };
    let radio = |value: Role| {
        let role = role.clone();
        html! {
            <label class="grade-choice">
                <input type="radio" name="ask-role" checked={*role == value}
                    onchange={Callback::from(move |_: Event| role.set(value))} />
                { value.label() }
            </label>
        }
    };
    let toggle = {
        let share_own = share_own.clone();
        Callback::from(move |_: Event| share_own.set(!*share_own))
    };
    let levels: Vec<&str> = selection.levels().map(|l| l.name.as_str()).collect();
    let sent: Vec<Html> = assessment
        .asked
        .iter()
        .rev()
        .map(|asked| {
            let answered = assessment.reviews.iter().any(|r| r.id == asked.id);
            html! {
                <li key={asked.id.as_str()}>
                    { format!("{}, asked {}{}", asked.reviewer.label(), date(asked.at), if answered { " · answered" } else { "" }) }
                </li>
            }
        })
        .collect();

    html! {
        <div class="stack">
            <form class="card ask-form" onsubmit={submit} novalidate=true>
                <p>{ format!("The file holds the {} criteria of {} ({} track, {}).", ids.len(), levels.join(" and "), selection.track.name, rubric.name) }</p>
                <Field id="ask-from" label="Your name" value={from.clone()} oninput={set_from}
                    hint="As the reviewer knows you." />
                <Field id="ask-reviewer" label="Who you are asking" value={reviewer.clone()} oninput={set_reviewer} />
                <fieldset class="field">
                    <legend>{ "They are your" }</legend>
                    <div class="grade-choices">{ radio(Role::Manager) }{ radio(Role::Peer) }</div>
                </fieldset>
                <Field id="ask-message" label="Message" rows={5} value={message.clone()} oninput={set_message} />
                <div class="check">
                    <input id="ask-own" type="checkbox" checked={*share_own} onchange={toggle} />
                    <label for="ask-own">{ format!("Include my own grades ({own_count} given), so they can see where we differ") }</label>
                </div>
                if let Some(why) = &*problem {
                    <p class="field-error" role="alert">{ why }</p>
                }
                <div class="actions">
                    <button type="submit">{ "Download the request" }</button>
                </div>
                { share.status() }
            </form>
            if !sent.is_empty() {
                <section class="card" aria-labelledby="sent-heading">
                    <h2 id="sent-heading">{ "Requests you made" }</h2>
                    <p class="muted">{ "Send each file to the person it names, by mail or chat. When they send a file back, add it on " }<a href={Route::Review.href()}>{ "the Review page" }</a>{ "." }</p>
                    <ul>{ for sent }</ul>
                </section>
            }
        </div>
    }
}

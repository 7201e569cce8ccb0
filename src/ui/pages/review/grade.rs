//! `#/review/<request id>`: a reviewer grades a colleague's request, one
//! area at a time, and sends the response back as a file. Their work is
//! kept in this browser under the request's own key after every change.

use yew::prelude::*;

use super::{date, name_part};
use crate::core::assessment::Grade;
use crate::core::counted;
use crate::core::review::{Draft, Given, Kept, RequestCriterion, MAX_NOTE};
use crate::core::route::Route;
use crate::ui::clock::now;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::share::use_share;
use crate::ui::dom::value_of;
use crate::ui::focus::use_focus;
use crate::ui::state::use_app;

#[derive(Properties, PartialEq)]
pub struct GradeProps {
    pub id: String,
}

#[function_component]
pub fn GradePage(props: &GradeProps) -> Html {
    let session = use_app().session();
    let kept = use_state(|| session.review_draft(&props.id));
    let header = |lead: String| html! { <PageHeader title="Grade a colleague" {lead} /> };
    match &*kept {
        Ok(Some(Kept::Draft(draft))) => {
            html! { <Grading draft={(**draft).clone()} /> }
        }
        Ok(Some(Kept::Unreadable { .. })) => html! {
            <>
                { header("This browser keeps grades for this request that this version of Rungs cannot read.".into()) }
                <p class="card"><a href={Route::Review.href()}>{ "Download or remove them on the Review page" }</a></p>
            </>
        },
        Ok(None) => html! {
            <>
                { header("This browser keeps nothing for this request: it was removed, or opened in another browser.".into()) }
                <p class="card">{ "To grade it, " }<a href={Route::Review.href()}>{ "open the request file on the Review page" }</a>{ "." }</p>
            </>
        },
        Err(why) => html! {
            <>
                { header(format!("Rungs cannot read this browser's storage ({why}).")) }
                <p class="card"><a href={Route::Review.href()}>{ "Open the request file again on the Review page" }</a></p>
            </>
        },
    }
}

#[derive(Properties, PartialEq)]
struct GradingProps {
    draft: Draft,
}

#[function_component]
fn Grading(props: &GradingProps) -> Html {
    let session = use_app().session();
    let draft = use_state(|| props.draft.clone());
    let problem = use_state(|| None::<String>);
    let area_index = use_state(|| 0usize);
    let heading = use_node_ref();
    let focus = use_focus();
    let share = use_share();
    let request = &draft.request;
    let areas: Vec<_> = request
        .rubric
        .tracks
        .iter()
        .flat_map(|t| &t.areas)
        .collect();
    let index = (*area_index).min(areas.len().saturating_sub(1));

    // Every change is kept at once, combined with any other tab's.
    let keep = {
        let (draft, problem, session) = (draft.clone(), problem.clone(), session.clone());
        Callback::from(
            move |changed: Draft| match session.keep_review_draft(changed.clone()) {
                Ok(kept) => {
                    problem.set(None);
                    draft.set(kept);
                }
                Err(why) => {
                    problem.set(Some(format!("Your grades could not be kept in this browser ({why}). Send your response before you close this page.")));
                    draft.set(changed);
                }
            },
        )
    };
    let set = {
        let (draft, keep) = (draft.clone(), keep.clone());
        Callback::from(move |(criterion, given): (String, Given)| {
            let mut changed = (*draft).clone();
            if changed.set(&criterion, given, now()) {
                keep.emit(changed);
            }
        })
    };
    let send = {
        let (draft, keep, share) = (draft.clone(), keep.clone(), share.clone());
        Callback::from(move |_: MouseEvent| {
            let response = draft.respond(now());
            let request = &draft.request;
            let name = format!(
                "rungs-grades-for-{}-from-{}.json",
                name_part(&request.from),
                name_part(&request.reviewer.name)
            );
            share.download(&response.to_file(), &name);
            let mut sent = (*draft).clone();
            sent.sent = Some(response.made_at);
            keep.emit(sent);
        })
    };
    let choose = |to: usize, move_focus: bool| {
        let (area_index, focus, heading) = (area_index.clone(), focus.clone(), heading.clone());
        Callback::from(move |_: MouseEvent| {
            area_index.set(to);
            if move_focus {
                focus.to(&heading);
            }
        })
    };

    let steps = areas.iter().enumerate().map(|(i, area)| {
        let ids: Vec<&str> = area.criteria.iter().map(|c| c.id.as_str()).collect();
        let done = ids
            .iter()
            .filter(|id| draft.grades.get(**id).is_some_and(Given::answered))
            .count();
        html! {
            <li key={area.id.as_str()}>
                <button type="button" class="area-step" aria-current={(i == index).then_some("step")}
                    data-done={(done == ids.len()).to_string()}
                    aria-label={format!("{}, {done} of {} graded", area.name, ids.len())}
                    onclick={choose(i, false)}>
                    <span class="area-step-name">{ &area.name }</span>
                    <span class="area-step-count">{ format!("{done} of {}", ids.len()) }</span>
                </button>
            </li>
        }
    });
    let criteria = request
        .criteria()
        .filter(|c| {
            areas.get(index).is_some_and(|area| {
                area.criteria
                    .iter()
                    .any(|own| std::ptr::eq(own, c.criterion))
            })
        })
        .map(|c| {
            criterion(
                &c,
                &draft,
                request.own.get(&c.criterion.id).copied(),
                &request.from,
                &set,
            )
        });
    let previous = index.checked_sub(1).map(|i| {
        html! { <button type="button" onclick={choose(i, true)}>{ format!("← Previous: {}", areas[i].name) }</button> }
    });
    let next = areas.get(index + 1).map(|next| {
        html! { <button type="button" onclick={choose(index + 1, true)}>{ format!("Next: {} →", next.name) }</button> }
    });
    let (done, total) = draft.progress();
    let area = areas.get(index);

    html! {
        <>
            <PageHeader
                title={format!("Grade {}", request.from)}
                lead={format!("{} asks for your grades against {} ({} track, {}). Asked {}.", request.from, request.levels_label(), request.rubric.tracks.first().map_or("", |t| t.name.as_str()), request.rubric.name, date(request.made_at))}
            />
            <div class="stack">
                if !request.message.is_empty() {
                    <section class="card" aria-labelledby="message-heading">
                        <h2 id="message-heading">{ format!("{}'s message", request.from) }</h2>
                        <blockquote class="request-message">{ &request.message }</blockquote>
                    </section>
                }
                <section class="card grading" aria-labelledby="review-grading-heading">
                    <h2 id="review-grading-heading">{ "Your grades" }</h2>
                    <p class="muted">{ "For each statement, choose how often it is true of their work today. Leave it ungraded if you cannot say, and choose “Does not apply” for what their role does not include. A comment helps them most where you see it differently." }</p>
                    <dl class="scale">
                        { for Grade::ALL.into_iter().map(|g| html! { <div><dt>{ g.label() }</dt><dd>{ g.hint() }</dd></div> }) }
                    </dl>
                    <nav aria-label="Areas"><ol class="area-steps">{ for steps }</ol></nav>
                    if let Some(area) = area {
                        <div class="area-panel">
                            <h2 id="area-heading" ref={heading} class="area-heading" tabindex="-1">
                                { format!("Area {} of {}: {}", index + 1, areas.len(), area.name) }
                            </h2>
                            { for criteria }
                            <div class="actions area-nav">{ previous }{ next }</div>
                        </div>
                    }
                    if let Some(why) = &*problem {
                        <p class="field-error" role="alert">{ why }</p>
                    }
                </section>
                <section class="card" aria-labelledby="send-heading">
                    <h2 id="send-heading">{ "Send back" }</h2>
                    <p>{ format!("{done} of {} graded. ", counted(total, "criterion", "criteria")) }{ format!("Download your response and send it to {} by mail or chat; they add it in their Rungs. You can send it again after changing a grade: the newer file replaces the older.", request.from) }</p>
                    if let Some(at) = draft.sent {
                        <p class="muted">{ format!("Last downloaded {}.", date(at)) }</p>
                    }
                    <div class="actions">
                        <button type="button" onclick={send}>{ "Send back: download the response" }</button>
                    </div>
                    { share.status() }
                    <p class="muted">
                        { "Your grades stay in this browser until you remove them on " }
                        <a href={Route::Review.href()}>{ "the Review page" }</a>
                        { "; they are not part of your own Rungs data." }
                    </p>
                </section>
            </div>
        </>
    }
}

/// One criterion: the grade as a radio group, "does not apply", the
/// colleague's own grade when they shared it, and a comment.
fn criterion(
    c: &RequestCriterion,
    draft: &Draft,
    own: Option<Grade>,
    from: &str,
    set: &Callback<(String, Given)>,
) -> Html {
    let id = c.criterion.id.clone();
    let given = draft.given(&id);
    let name = format!("review-{id}");
    let choice = |label: &'static str, kind: &'static str, checked: bool, next: Given| {
        let (set, id) = (set.clone(), id.clone());
        html! {
            <label class="grade-choice" data-grade={kind}>
                <input type="radio" name={name.clone()} {checked}
                    onchange={Callback::from(move |_: Event| set.emit((id.clone(), next.clone())))} />
                { label }
            </label>
        }
    };
    let with_grade = |grade: Option<Grade>, not_applicable: bool| Given {
        grade,
        not_applicable,
        comment: given.comment.clone(),
    };
    let choices = std::iter::once(None)
        .chain(Grade::ALL.into_iter().map(Some))
        .map(|grade| {
            choice(
                grade.map_or("Not graded", Grade::label),
                grade.map_or("none", Grade::id),
                !given.not_applicable && given.grade == grade,
                with_grade(grade, false),
            )
        })
        .chain(std::iter::once(choice(
            "Does not apply",
            "not-applicable",
            given.not_applicable,
            with_grade(None, true),
        )));
    let comment_id = format!("comment-{id}");
    let oninput = {
        let (set, id, given) = (set.clone(), id.clone(), given.clone());
        Callback::from(move |event: InputEvent| {
            let comment = value_of(&event);
            set.emit((
                id.clone(),
                Given {
                    comment,
                    ..given.clone()
                },
            ))
        })
    };
    html! {
        <div class="criterion" key={id.clone()}>
            <fieldset>
                <legend>
                    <span class="criterion-level">{ format!("{} · ", c.level) }</span>
                    { &c.criterion.text }
                </legend>
                <div class="grade-choices">{ for choices }</div>
                if let Some(own) = own {
                    <p class="muted own-grade">{ format!("{from}'s own grade: {}", own.label()) }</p>
                }
                <div class="field">
                    <label for={comment_id.clone()}>{ "Comment (optional)" }</label>
                    <textarea id={comment_id} rows="2" maxlength={MAX_NOTE.to_string()} value={given.comment.clone()} {oninput} />
                </div>
            </fieldset>
        </div>
    }
}

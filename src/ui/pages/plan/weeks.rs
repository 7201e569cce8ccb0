//! `#/plan/weeks`: plan the week at its start, review it at its end (done,
//! not done, or carried over into the next), and look back over the weeks.

use yew::prelude::*;

use super::plan_nav;
use crate::core::plan::{new_id, week_to_plan, PlanEdit, Status, Week, WeekItem};
use crate::core::route::Route;
use crate::core::time::Date;
use crate::ui::clock::{now, today};
use crate::ui::components::field::Field;
use crate::ui::components::page_header::PageHeader;
use crate::ui::focus::use_focus;
use crate::ui::state::{use_app, use_edit};

#[function_component]
pub fn WeeksPage() -> Html {
    let app = use_app();
    let plan = &app.state.document.plan;
    let today = today();
    let this_week = today.week_start();
    let next_week = this_week.plus_days(7);
    // From Saturday the week to plan is the next one; the week ending is
    // still there to review.
    let weekend = week_to_plan(today) == next_week;
    let this_card = html! {
        <WeekCard key="this" start={this_week} title={format!("This week: from {}", this_week.label())}
            note={weekend.then_some("The week is ending: mark each goal done, not done, or carried over.")} />
    };
    let next_card = html! {
        <WeekCard key="next" start={next_week} title={format!("Next week: from {}", next_week.label())}
            note={(!weekend).then_some("Plan ahead: anything you add here waits for next week.")} />
    };
    let (first, second) = if weekend {
        (next_card, this_card)
    } else {
        (this_card, next_card)
    };
    let to_review = plan.weeks_to_review(this_week);
    let history: Vec<_> = plan.reviewed_weeks(this_week).collect();
    let history_entries = history.iter().map(|week| {
        let start = week.start.unwrap_or(this_week);
        html! {
            <li key={start.iso()}>
                <details>
                    <summary>{ format!("Week of {} · {}", start.label(), week.summary()) }</summary>
                    <ul class="week-history">
                        { for week.items.iter().map(|item| html! {
                            <li data-status={item.status.id()}>
                                { &item.text }<span class="muted">{ format!(" · {}", item.status.outcome()) }</span>
                            </li>
                        }) }
                    </ul>
                </details>
            </li>
        }
    });
    html! {
        <>
            <PageHeader
                title="Weekly goals"
                lead="Three to five goals a week keep the plan moving. Plan the coming week from Saturday or on Monday; at the end of the week, mark each goal done, not done, or carried over into the next."
            />
            { plan_nav(&Route::Weeks) }
            <div class="stack">
            { for to_review.map(|week| {
                let start = week.start.unwrap_or(this_week);
                html! {
                    <section class="card week week-review" aria-labelledby={format!("week-{}", start.iso())}>
                        <h2 id={format!("week-{}", start.iso())}>{ format!("To review: week of {}", start.label()) }</h2>
                        <p class="muted">{ week.summary() }</p>
                        { items(week, start) }
                    </section>
                }
            }) }
            <>{ first }{ second }</>
            <section class="card" aria-labelledby="history-heading">
                <h2 id="history-heading">{ "Past weeks" }</h2>
                if !history.is_empty() {
                    <ul class="weeks">{ for history_entries }</ul>
                } else {
                    <p class="muted">{ "Reviewed weeks appear here." }</p>
                }
            </section>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct WeekProps {
    start: Date,
    title: String,
    /// A line under the title: what the week is for now.
    #[prop_or_default]
    note: Option<&'static str>,
}

/// A week's goals with their review, and the form that adds one.
#[function_component]
fn WeekCard(props: &WeekProps) -> Html {
    let app = use_app();
    let edit = use_edit::<PlanEdit>();
    let focus = use_focus();
    let input = use_node_ref();
    let text = use_state(String::new);
    let problem = use_state(|| None);
    let start = props.start;
    let week = app.state.document.plan.week(start);
    let onsubmit = {
        let (text, problem, input) = (text.clone(), problem.clone(), input.clone());
        let plan = app.state.document.plan.shared();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match plan.new_week_item(&text, now()) {
                Ok(item) => {
                    edit.emit(PlanEdit::AddWeekItem { week: start, item });
                    text.set(String::new());
                    problem.set(None);
                }
                Err(missing) => problem.set(Some(missing.message())),
            }
            focus.to(&input);
        })
    };
    let heading = format!("week-{}", start.iso());
    html! {
        <section class="card week" aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ &props.title }</h2>
            if let Some(note) = props.note {
                <p class="week-note">{ note }</p>
            }
            { match week {
                Some(week) => html! { <><p class="muted">{ week.summary() }</p>{ items(week, start) }</> },
                None => html! { <p class="muted">{ "Nothing planned yet." }</p> },
            } }
            <form class="inline-form week-form" novalidate=true {onsubmit}>
                <Field
                    id={format!("week-item-{}", start.iso())}
                    label="A goal for the week"
                    value={(*text).clone()}
                    oninput={text.setter().to_callback()}
                    problem={*problem}
                    input_ref={input}
                />
                <button type="submit">{ "Add" }</button>
            </form>
        </section>
    }
}

/// The items of a week, each with its review as a radio group.
fn items(week: &Week, start: Date) -> Html {
    html! {
        <ul class="week-items">
            { for week.items.iter().map(|item| html! { <Item key={item.id.as_str()} {start} item={item.clone()} /> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    start: Date,
    item: WeekItem,
}

#[function_component]
fn Item(props: &ItemProps) -> Html {
    let app = use_app();
    let edit = use_edit::<PlanEdit>();
    let item = &props.item;
    let name = format!("review-{}", item.id);
    let choices = Status::REVIEWED.iter().map(|status| {
        let status = *status;
        let onchange = {
            let (week, id, plan) = (props.start, item.id.clone(), app.state.document.clone());
            edit.reform(move |_: Event| PlanEdit::ReviewWeekItem {
                week,
                item: id.clone(),
                status,
                copy_id: new_id(&plan.plan, "w", now()),
            })
        };
        html! {
            <label class="grade-choice">
                <input type="radio" name={name.clone()} value={status.id()} checked={item.status == status} {onchange} />
                { status.label() }
            </label>
        }
    });
    let delete = {
        let (week, id) = (props.start, item.id.clone());
        edit.reform(move |_: MouseEvent| PlanEdit::DeleteWeekItem {
            week,
            item: id.clone(),
        })
    };
    html! {
        <li class="week-item" data-status={item.status.id()}>
            <fieldset class="field">
                <legend>
                    { &item.text }
                    if item.carried_from.is_some() {
                        <span class="tag">{ "Carried over" }</span>
                    }
                </legend>
                <div class="grade-choices">{ for choices }</div>
            </fieldset>
            <button type="button" class="secondary small" onclick={delete} aria-label={format!("Remove “{}”", item.text)}>{ "Remove" }</button>
        </li>
    }
}

//! `#/plan/check-ins`: when the user meets their manager, and a record of
//! each check-in, whose follow-ups can become milestones.

use yew::prelude::*;

use super::plan_nav;
use crate::core::part::Item;
use crate::core::plan::{every_label, CheckIn, FollowUp, Missing, PlanEdit, Schedule, MAX_EVERY};
use crate::core::route::Route;
use crate::core::time::{parse_time, Date, Weekday};
use crate::ui::clock::{now, today};
use crate::ui::components::confirm::ConfirmDelete;
use crate::ui::components::date_field::DateField;
use crate::ui::components::page_header::PageHeader;
use crate::ui::dom::value_of;
use crate::ui::draft::use_draft;
use crate::ui::focus::use_focus;
use crate::ui::state::{use_app, use_edit};

/// How many coming check-ins the schedule lists.
const UPCOMING: usize = 4;

#[function_component]
pub fn CheckInsPage() -> Html {
    // Where focus goes once a check-in is logged or deleted.
    let log_heading = use_node_ref();
    html! {
        <>
            <PageHeader
                title="Check-ins"
                lead="Regular check-ins keep your manager close to your progress and turn the plan into a shared one. Set the rhythm, then note what each one agreed."
            />
            { plan_nav(&Route::CheckIns) }
            <div class="stack">
            <div class="two-up">
                <ScheduleCard />
                <LogForm log_heading={log_heading.clone()} />
            </div>
            <Log {log_heading} />
            </div>
        </>
    }
}

/// The schedule in words, the next few dates, and the form that sets it.
#[function_component]
fn ScheduleCard() -> Html {
    let app = use_app();
    let edit = use_edit::<PlanEdit>();
    let focus = use_focus();
    let heading = use_node_ref();
    let stored = app.state.document.plan.schedule.clone();
    let draft = use_state(|| {
        stored
            .clone()
            .unwrap_or_else(|| Schedule::suggested(today()))
    });
    let update = |apply: fn(&mut Schedule, String)| {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let mut next = (*draft).clone();
            apply(&mut next, value_of(&event));
            draft.set(next);
        })
    };
    let onsubmit = {
        let (draft, edit, heading) = (draft.clone(), edit.clone(), heading.clone());
        let plan = app.state.document.plan.shared();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut schedule = (*draft).clone();
            if schedule.id.is_empty() {
                schedule.id = plan.schedule_id(now());
            }
            draft.set(schedule.clone());
            edit.emit(PlanEdit::SetSchedule(Some(schedule)));
            focus.to(&heading);
        })
    };
    let stop = edit.reform(|_: MouseEvent| PlanEdit::SetSchedule(None));
    let on_from = {
        let draft = draft.clone();
        Callback::from(move |from: Option<Date>| {
            if let Some(from) = from {
                let mut next = (*draft).clone();
                next.from = from;
                draft.set(next);
            }
        })
    };
    let today = today();
    let summary = stored.as_ref().map(|schedule| {
        let upcoming = schedule.upcoming(today).take(UPCOMING).map(|date| {
            html! { <li><time datetime={date.iso()}>{ format!("{} {}", date.weekday().label(), date.label()) }</time></li> }
        });
        html! {
            <>
                <p class="next-checkin">
                    { "Next: " }<strong>{ schedule.next_label(today) }</strong>
                </p>
                <p>{ schedule.describe() }</p>
                <h3>{ "Coming up" }</h3>
                <ul class="dates">{ for upcoming }</ul>
            </>
        }
    });
    let weekdays = Weekday::ALL.iter().map(|day| {
        html! { <option value={day.id()} selected={draft.weekday == *day}>{ day.label() }</option> }
    });
    let intervals = (1..=MAX_EVERY).map(|n| {
        html! { <option value={n.to_string()} selected={draft.every == n}>{ every_label(n) }</option> }
    });
    let lengths = [15u16, 30, 45, 60, 90].map(|minutes| {
        html! { <option value={minutes.to_string()} selected={draft.length == minutes}>{ format!("{minutes} minutes") }</option> }
    });
    html! {
        <section class="card" aria-labelledby="schedule-heading">
            <h2 id="schedule-heading" ref={heading} tabindex="-1">{ "Schedule" }</h2>
            { summary.unwrap_or_else(|| html! { <p class="muted">{ "No schedule yet. Agree one with your manager: every two weeks is a common rhythm." }</p> }) }
            <form class="schedule-form" novalidate=true {onsubmit}>
                <div class="form-grid">
                    <div class="field">
                        <label for="schedule-with">{ "With" }</label>
                        <input id="schedule-with" type="text" value={draft.with.clone()} oninput={update(|s, v| s.with = v)} placeholder="Your manager's name" />
                    </div>
                    <div class="field">
                        <label for="schedule-every">{ "How often" }</label>
                        <select id="schedule-every" oninput={update(|s, v| s.every = v.parse().unwrap_or(s.every))}>{ for intervals }</select>
                    </div>
                    <div class="field">
                        <label for="schedule-weekday">{ "On" }</label>
                        <select id="schedule-weekday" oninput={update(|s, v| s.weekday = Weekday::from_id(&v).unwrap_or(s.weekday))}>{ for weekdays }</select>
                    </div>
                    <div class="field">
                        <label for="schedule-time">{ "At" }</label>
                        <input id="schedule-time" type="time" value={draft.time_label()} oninput={update(|s, v| s.time = parse_time(&v).unwrap_or(s.time))} />
                    </div>
                    <div class="field">
                        <label for="schedule-length">{ "For" }</label>
                        <select id="schedule-length" oninput={update(|s, v| s.length = v.parse().unwrap_or(s.length))}>{ for lengths }</select>
                    </div>
                    <DateField id="schedule-from" label="Starting from" value={Some(draft.from)} onchange={on_from} />
                </div>
                <div class="actions">
                    <button type="submit">{ if stored.is_some() { "Save the schedule" } else { "Set the schedule" } }</button>
                    if stored.is_some() {
                        <button type="button" class="secondary" onclick={stop}>{ "Stop the schedule" }</button>
                    }
                </div>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct LogProps {
    /// The log's heading, where focus goes after logging or deleting.
    pub(crate) log_heading: NodeRef,
}

/// Logging a check-in: when, what was said, what was agreed, and the
/// follow-ups, one per line. What is typed is kept for the session until it
/// is logged, so following a link away and back does not lose it.
#[function_component]
pub(crate) fn LogForm(props: &LogProps) -> Html {
    let app = use_app();
    let edit = use_edit::<PlanEdit>();
    let focus = use_focus();
    let (date_input, notes_input) = (use_node_ref(), use_node_ref());
    let date = use_state(|| Some(today()));
    let (notes, set_notes) = use_draft("checkin-notes");
    let (agreed, set_agreed) = use_draft("checkin-agreed");
    let (followups, set_followups) = use_draft("checkin-followups");
    let problem = use_state(|| None::<&'static str>);
    let text = |set: &Callback<String>| set.reform(|event: InputEvent| value_of(&event));
    let onsubmit = {
        let (notes, agreed, followups) = (notes.clone(), agreed.clone(), followups.clone());
        let clear = [set_notes.clone(), set_agreed.clone(), set_followups.clone()];
        let (date, problem) = (date.clone(), problem.clone());
        let (date_input, notes_input) = (date_input.clone(), notes_input.clone());
        let log_heading = props.log_heading.clone();
        let plan = app.state.document.plan.shared();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match plan.new_checkin(*date, &notes, &agreed, &followups, now()) {
                Ok(checkin) => {
                    edit.emit(PlanEdit::SaveCheckIn(checkin));
                    for set in &clear {
                        set.emit(String::new());
                    }
                    problem.set(None);
                    focus.to(&log_heading);
                }
                Err(missing) => {
                    problem.set(Some(missing.message()));
                    focus.to(match missing {
                        Missing::CheckInDate => &date_input,
                        _ => &notes_input,
                    });
                }
            }
        })
    };
    let on_date = date.setter().to_callback();
    html! {
        <section class="card" aria-labelledby="log-form-heading">
            <h2 id="log-form-heading">{ "Log a check-in" }</h2>
            <form class="checkin-form" novalidate=true {onsubmit}>
                if let Some(problem) = *problem {
                    <p class="field-error" role="alert">{ problem }</p>
                }
                <DateField id="checkin-date" label="Date" value={*date} onchange={on_date} input_ref={date_input} />
                <div class="field">
                    <label for="checkin-notes">{ "Notes" }</label>
                    <textarea id="checkin-notes" ref={notes_input} rows="3" value={notes} oninput={text(&set_notes)} />
                </div>
                <div class="field">
                    <label for="checkin-agreed">{ "What was agreed" }</label>
                    <textarea id="checkin-agreed" rows="2" value={agreed} oninput={text(&set_agreed)} />
                </div>
                <div class="field">
                    <label for="checkin-followups">{ "Follow-ups" }</label>
                    <textarea id="checkin-followups" rows="3" value={followups} oninput={text(&set_followups)} aria-describedby="checkin-followups-hint" />
                    <p id="checkin-followups-hint" class="hint">{ "One per line. Each can become a milestone of a goal." }</p>
                </div>
                <div class="actions"><button type="submit">{ "Log the check-in" }</button></div>
            </form>
        </section>
    }
}

/// Every check-in logged, the latest first.
#[function_component]
fn Log(props: &LogProps) -> Html {
    let app = use_app();
    let plan = &app.state.document.plan;
    let entries = plan.checkins_newest_first().into_iter().map(|checkin| {
        html! { <Entry key={checkin.id.as_str()} checkin={checkin.clone()} log_heading={props.log_heading.clone()} /> }
    });
    html! {
        <section class="card" aria-labelledby="log-heading">
            <h2 id="log-heading" ref={props.log_heading.clone()} tabindex="-1">{ format!("Check-in log ({})", plan.checkins.len()) }</h2>
            if plan.checkins.is_empty() {
                <p class="muted">{ "No check-ins logged yet." }</p>
            } else {
                <div class="checkin-log">{ for entries }</div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EntryProps {
    checkin: Item<CheckIn>,
    log_heading: NodeRef,
}

#[function_component]
fn Entry(props: &EntryProps) -> Html {
    let edit = use_edit::<PlanEdit>();
    let focus = use_focus();
    let checkin = &props.checkin;
    let date = checkin.date.map_or("Undated".to_owned(), Date::label);
    let followups = checkin.followups.iter().map(|followup| {
        html! { <FollowUpItem key={followup.id.as_str()} checkin={checkin.id.clone()} followup={followup.clone()} /> }
    });
    let on_delete = {
        let (focus, log_heading) = (focus.clone(), props.log_heading.clone());
        let id = checkin.id.clone();
        edit.reform(move |()| {
            focus.to(&log_heading);
            PlanEdit::DeleteCheckIn(id.clone())
        })
    };
    html! {
        <article class="checkin" aria-labelledby={format!("{}-heading", checkin.id)}>
            <h3 id={format!("{}-heading", checkin.id)}>{ date.clone() }</h3>
            if !checkin.notes.is_empty() {
                <p class="prose">{ &checkin.notes }</p>
            }
            if !checkin.agreed.is_empty() {
                <p class="prose"><strong>{ "Agreed: " }</strong>{ &checkin.agreed }</p>
            }
            if !checkin.followups.is_empty() {
                <h4>{ "Follow-ups" }</h4>
                <ul class="followups">{ for followups }</ul>
            }
            <ConfirmDelete
                label="Delete this check-in…"
                question={format!("Delete the check-in of {date} and its notes?")}
                {on_delete}
            />
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct FollowUpProps {
    checkin: String,
    followup: FollowUp,
}

/// A follow-up: the milestone it became, or a way to make it one.
#[function_component]
fn FollowUpItem(props: &FollowUpProps) -> Html {
    let app = use_app();
    let edit = use_edit::<PlanEdit>();
    let plan = &app.state.document.plan;
    let first = plan.active_goals().next().map(|goal| goal.id.clone());
    let chosen = use_state(|| first.clone());
    let followup = &props.followup;
    if let Some((goal, _)) = &followup.milestone {
        let title = plan
            .goal(goal)
            .map_or("a deleted goal", |goal| goal.title());
        return html! {
            <li>
                { &followup.text }
                <span class="muted">{ " · a milestone of " }</span>
                <a href={Route::Goal(goal.clone()).href()}>{ title }</a>
            </li>
        };
    }
    // The goal chosen, while it is still active; else the first active one.
    let chosen_goal = (*chosen)
        .clone()
        .filter(|id| plan.active_goals().any(|goal| goal.id == *id));
    let Some(selected) = chosen_goal.or(first) else {
        return html! {
            <li>{ &followup.text }<span class="muted">{ " · add a goal to make it a milestone" }</span></li>
        };
    };
    let select_id = format!("goal-for-{}", followup.id);
    let options: Html = plan
        .active_goals()
        .map(|goal| html! { <option value={goal.id.clone()} selected={goal.id == selected}>{ goal.title() }</option> })
        .collect();
    let onchange = {
        let chosen = chosen.setter();
        Callback::from(move |event: Event| chosen.set(Some(value_of(&event))))
    };
    let make = {
        let (checkin, followup) = (props.checkin.clone(), followup.clone());
        let plan = app.state.document.plan.shared();
        Callback::from(move |_: MouseEvent| {
            // Due by the next check-in, when there is a schedule.
            let due = plan.next_checkin(today());
            if let Ok(milestone) = plan.new_milestone(&followup.text, due, now()) {
                edit.emit(PlanEdit::FollowUpToMilestone {
                    checkin: checkin.clone(),
                    followup: followup.id.clone(),
                    goal: selected.clone(),
                    milestone,
                });
            }
        })
    };
    html! {
        <li class="followup">
            <span>{ &followup.text }</span>
            <span class="inline-form">
                <label for={select_id.clone()} class="visually-hidden">{ format!("Goal for “{}”", followup.text) }</label>
                <select id={select_id} {onchange}>{ options }</select>
                <button type="button" class="secondary small" onclick={make} aria-label={format!("Make “{}” a milestone", followup.text)}>{ "Make it a milestone" }</button>
            </span>
        </li>
    }
}

//! `#/plan` and its pages: SMART goals and their milestones, check-ins with
//! the manager, and weekly goals.

use std::rc::Rc;

mod checkins;
mod export;
mod goal;
mod weeks;

use yew::prelude::*;

use crate::core::plan::{new_id, Goal, Plan, PlanEdit};
use crate::core::progress::{goal_overdue, goal_percent, overall, overdue, timeline};
use crate::core::route::Route;
use crate::core::smart::check;
use crate::core::time::Date;
use crate::ui::clock::now;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::scroll_region;
use crate::ui::components::timeline::timeline as timeline_chart;
use crate::ui::dom;
use crate::ui::draft::use_draft;
use crate::ui::state::{use_app, Action};

pub use crate::ui::clock::today;
pub use crate::ui::dom::{date_of, value_of};

pub use checkins::CheckInsPage;
pub use goal::GoalPage;
pub use weeks::WeeksPage;

/// The surface's pages (the entry point of its split point).
pub fn view(route: &Route) -> Html {
    match route {
        Route::Goal(id) => html! { <GoalPage key={id.as_str()} id={id.clone()} /> },
        Route::CheckIns => html! { <CheckInsPage /> },
        Route::Weeks => html! { <WeeksPage /> },
        _ => html! { <PlanPage /> },
    }
}

/// A callback that applies an edit to the plan.
#[hook]
pub fn use_plan_edit() -> Callback<PlanEdit> {
    let dispatcher = use_app().state.dispatcher();
    use_callback((), move |edit: PlanEdit, _| {
        dispatcher.dispatch(Action::Change(Rc::new(edit)))
    })
}

/// Adds a goal made by `make` (given its new id) and opens its page.
pub fn add_goal(plan: &Plan, edit: &Callback<PlanEdit>, make: impl FnOnce(String) -> Goal) {
    let goal = make(new_id(plan, "g", now()));
    let id = goal.id.clone();
    edit.emit(PlanEdit::SaveGoal(goal));
    dom::go(&Route::Goal(id));
}

/// A labelled box for text a form cannot do without (`rows` makes it a
/// text area). Once the form was sent with it empty, `problem` says so
/// beside it; until then, the `hint`, if any.
pub struct Required<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub value: String,
    pub oninput: Callback<InputEvent>,
    pub problem: Option<&'a str>,
    pub hint: Option<&'a str>,
    pub rows: Option<&'static str>,
}

impl Required<'_> {
    pub fn view(self) -> Html {
        let (error_id, hint_id) = (format!("{}-error", self.id), format!("{}-hint", self.id));
        let described = match (self.problem, self.hint) {
            (Some(_), _) => Some(error_id.clone()),
            (None, Some(_)) => Some(hint_id.clone()),
            (None, None) => None,
        };
        let invalid = self.problem.map(|_| "true");
        let (id, value, oninput) = (self.id.to_owned(), self.value, self.oninput);
        let control = match self.rows {
            Some(rows) => {
                html! { <textarea id={id.clone()} {rows} {value} {oninput} aria-invalid={invalid} aria-describedby={described} /> }
            }
            None => {
                html! { <input id={id.clone()} type="text" {value} {oninput} aria-invalid={invalid} aria-describedby={described} /> }
            }
        };
        html! {
            <div class="field">
                <label for={id}>{ self.label }</label>
                { control }
                if let Some(problem) = self.problem {
                    <p id={error_id} class="field-error">{ problem }</p>
                } else if let Some(hint) = self.hint {
                    <p id={hint_id} class="hint">{ hint }</p>
                }
            </div>
        }
    }
}

/// The plan's pages, as a second navigation.
fn plan_nav(current: &Route) -> Html {
    let pages = [
        (Route::Plan, "Goals"),
        (Route::CheckIns, "Check-ins"),
        (Route::Weeks, "Weekly goals"),
    ];
    let links = pages.into_iter().map(|(route, label)| {
        let here = (route == *current).then_some("page");
        html! { <li><a href={route.href()} aria-current={here}>{ label }</a></li> }
    });
    html! {
        <nav class="subnav" aria-label="Plan">
            <ul>{ for links }</ul>
        </nav>
    }
}

/// `#/plan`: progress, the timeline, the goals, and the exports.
#[function_component]
pub fn PlanPage() -> Html {
    let app = use_app();
    let plan = &app.state.document.plan;
    let today = today();
    html! {
        <>
            <PageHeader
                title="Plan builder"
                lead="Turn your gaps into a few SMART goals, break each into milestones, and agree regular check-ins with your manager."
            />
            { plan_nav(&Route::Plan) }
            <div class="stack">
            <div class="two-up">
                <Progress />
                <export::PlanExport />
            </div>
            <section class="card" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                { match timeline(plan, today) {
                    Some(chart) => scroll_region("Timeline of goals and milestones", timeline_chart(&chart)),
                    None => html! { <p class="muted">{ "Your goals and milestones appear here once you add a goal." }</p> },
                } }
            </section>
            <Goals />
            </div>
        </>
    }
}

/// Overall progress, the promotion target date and what is overdue.
#[function_component]
fn Progress() -> Html {
    let app = use_app();
    let edit = use_plan_edit();
    let plan = &app.state.document.plan;
    let today = today();
    let figures = overall(plan);
    let late = overdue(plan, today);
    let on_target = edit.reform(|event: Event| PlanEdit::SetTarget(date_of(&event)));
    let late_list = late.iter().map(|item| {
        let what = if item.milestone.is_some() {
            "Milestone"
        } else {
            "Goal"
        };
        html! {
            <li>
                <a href={Route::Goal(item.goal.clone()).href()}>{ &item.title }</a>
                <span class="muted">{ format!(" · {what}, due {} ({} late)", item.due.label(), crate::core::counted(item.days as usize, "day", "days")) }</span>
            </li>
        }
    });
    html! {
        <section class="card" aria-labelledby="progress-heading">
            <h2 id="progress-heading">{ "Progress" }</h2>
            if figures.goals == 0 {
                <p class="muted">{ "No goals yet." }</p>
            } else {
                <p class="progress-figure"><strong>{ format!("{}%", figures.percent) }</strong>{ " done" }</p>
                <p>{ figures.counts() }</p>
                <progress max="100" value={figures.percent.to_string()} aria-label="Progress of the plan"></progress>
            }
            <div class="field">
                <label for="plan-target">{ "Promotion target date" }</label>
                <input id="plan-target" type="date" value={plan.target.map(Date::iso).unwrap_or_default()} onchange={on_target} aria-describedby="plan-target-hint" />
                <p id="plan-target-hint" class="hint">{ "When you and your manager aim for the promotion. Goals due after it are flagged." }</p>
            </div>
            if !late.is_empty() {
                <h3 class="overdue-heading">{ format!("Overdue ({})", late.len()) }</h3>
                <ul class="items overdue">{ for late_list }</ul>
            }
        </section>
    }
}

/// Every goal, and the form that starts a new one.
#[function_component]
fn Goals() -> Html {
    let app = use_app();
    let plan = &app.state.document.plan;
    let today = today();
    let cards = plan.goals.iter().map(|goal| {
        let percent = goal_percent(goal);
        let smart = check(goal, plan, today);
        let status = if goal.done.is_some() {
            html! { <span class="tag tag-done">{ "Done" }</span> }
        } else if goal_overdue(goal, today) {
            html! { <span class="tag tag-overdue">{ "Overdue" }</span> }
        } else {
            html! {}
        };
        let done_milestones = goal.milestones.iter().filter(|m| m.done.is_some()).count();
        html! {
            <li key={goal.id.as_str()} class="goal-card">
                <h3><a href={Route::Goal(goal.id.clone()).href()}>{ goal.title() }</a></h3>
                <p class="goal-meta">
                    { status }
                    <span>{ goal.due.map_or("No due date".to_owned(), |due| format!("Due {}", due.label())) }</span>
                    <span>{ format!("{done_milestones} of {} milestones done", goal.milestones.len()) }</span>
                    <span>{ if smart.is_strong() { "SMART".to_owned() } else { format!("Weak: {}", smart.weak_letters()) } }</span>
                </p>
                <progress max="100" value={percent.to_string()} aria-label={format!("{percent}% done")}></progress>
            </li>
        }
    });
    html! {
        <section class="card goals" aria-labelledby="goals-heading">
            <h2 id="goals-heading">{ format!("Goals ({})", plan.goals.len()) }</h2>
            if plan.goals.is_empty() {
                <p class="muted">{ "Start with one to three goals. Each gap in your self-assessment can become a goal in one click, or write one here." }</p>
            } else {
                <ul class="goal-list">{ for cards }</ul>
            }
            <NewGoal />
        </section>
    }
}

/// "Add a goal": the outcome first; the goal's page asks for the rest.
#[function_component]
fn NewGoal() -> Html {
    let app = use_app();
    let edit = use_plan_edit();
    let (outcome, set_outcome) = use_draft("new-goal");
    let problem = use_state(|| false);
    let oninput = set_outcome.reform(|event: InputEvent| value_of(&event));
    let onsubmit = {
        let outcome = outcome.clone();
        let problem = problem.setter();
        let document = app.state.document.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = outcome.trim();
            if text.is_empty() {
                problem.set(true);
                dom::focus("#new-goal");
                return;
            }
            add_goal(&document.plan, &edit, |id| Goal {
                id,
                outcome: text.to_owned(),
                started: Some(today()),
                ..Goal::default()
            });
            set_outcome.emit(String::new());
        })
    };
    html! {
        <form class="new-goal" novalidate=true {onsubmit}>
            { Required {
                id: "new-goal",
                label: "A new goal: what will be true when it is done?",
                value: outcome,
                oninput,
                problem: problem.then_some("Write the outcome first; nothing has been added."),
                hint: Some("For example: “Lead the design of the billing queue migration, reviewed by two staff engineers.” You fill in the measure, support, criteria and date next."),
                rows: Some("2"),
            }.view() }
            <div class="actions"><button type="submit">{ "Add the goal" }</button></div>
        </form>
    }
}

//! `#/plan` and its pages: SMART goals and their milestones, check-ins with
//! the manager, and weekly goals.

pub(crate) mod checkins;
mod export;
mod goal;
mod weeks;

use yew::prelude::*;

use crate::core::export::plan::criterion_text;
use crate::core::plan::{Goal, PlanEdit};
use crate::core::progress::{goal_overdue, goal_percent, overall, overdue, timeline};
use crate::core::route::Route;
use crate::core::rubric::Rubric;
use crate::core::smart::{check_with, Check};
use crate::core::time::Date;
use crate::ui::clock::{now, today};
use crate::ui::components::date_field::DateField;
use crate::ui::components::field::Field;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::timeline::timeline as timeline_chart;
use crate::ui::components::{scroll_region, subnav};
use crate::ui::content::use_ready_rubric as use_rubric;
use crate::ui::dom;
use crate::ui::draft::use_draft;
use crate::ui::focus::use_focus;
use crate::ui::state::{use_app, use_edit};

use checkins::CheckInsPage;
use goal::GoalPage;
use weeks::WeeksPage;

/// The surface's pages (the entry point of its split point). Each carries
/// the printed plan, hidden on screen, so that printing any of them, from
/// the Print button, the browser's menu or its shortcut, prints the plan.
pub fn view(route: &Route) -> Html {
    let page = match route {
        Route::Goal(id) => html! { <GoalPage key={id.as_str()} id={id.clone()} /> },
        Route::CheckIns => html! { <CheckInsPage /> },
        Route::Weeks => html! { <WeeksPage /> },
        _ => html! { <PlanPage /> },
    };
    html! { <>{ page }<export::PrintSheet /></> }
}

/// The SMART check of `goal`, against the words of the criteria it is
/// linked to when the rubric is here.
fn smart_check(
    goal: &Goal,
    plan: &crate::core::plan::Plan,
    rubric: Option<&Rubric>,
    today: Date,
) -> Check {
    let linked: Vec<&str> = rubric
        .map(|rubric| {
            goal.criteria
                .iter()
                .filter_map(|id| criterion_text(rubric, id))
                .collect()
        })
        .unwrap_or_default();
    check_with(goal, plan, today, &linked)
}

/// The plan's pages, as a second navigation.
fn plan_nav(current: &Route) -> Html {
    subnav(
        "Plan",
        &[
            (Route::Plan, "Goals"),
            (Route::CheckIns, "Check-ins"),
            (Route::Weeks, "Weekly goals"),
        ],
        current,
    )
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
    let edit = use_edit::<PlanEdit>();
    let plan = &app.state.document.plan;
    let today = today();
    let figures = overall(plan);
    let late = overdue(plan, today);
    let on_target = edit.reform(PlanEdit::SetTarget);
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
            <DateField id="plan-target" label="Promotion target date" value={plan.target}
                onchange={on_target}
                hint="When you and your manager aim for the promotion. Goals due after it are flagged." />
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
    let rubric = use_rubric();
    let plan = &app.state.document.plan;
    let today = today();
    let cards = plan.goals.iter().map(|goal| {
        let percent = goal_percent(goal);
        let smart = smart_check(goal, plan, rubric.as_deref(), today);
        let status = if goal.done.is_some() {
            html! { <span class="tag tag-done">{ "Done" }</span> }
        } else if goal_overdue(goal, today) {
            html! { <span class="tag tag-overdue">{ "Overdue" }</span> }
        } else {
            html! {}
        };
        let done_milestones = goal.milestones_done();
        html! {
            <li key={goal.id.as_str()} class="goal-card">
                <h3><a href={Route::Goal(goal.id.clone()).href()}>{ goal.title() }</a></h3>
                <p class="goal-meta">
                    { status }
                    <span>{ goal.due.map_or("No due date".to_owned(), |due| format!("Due {}", due.label())) }</span>
                    <span>{ format!("{done_milestones} of {} milestones done", goal.milestones.len()) }</span>
                    if smart.is_strong() {
                        <span>{ "SMART: strong on every letter" }</span>
                    }
                </p>
                if !smart.is_strong() {
                    <ul class="goal-weak" aria-label="What the SMART check finds weak">
                        { for smart.weak().map(|finding| html! { <li>{ finding.in_words() }</li> }) }
                    </ul>
                }
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
    let edit = use_edit::<PlanEdit>();
    let focus = use_focus();
    let input = use_node_ref();
    let (outcome, set_outcome) = use_draft("new-goal");
    let problem = use_state(|| None);
    let onsubmit = {
        let (outcome, set_outcome) = (outcome.clone(), set_outcome.clone());
        let (problem, input) = (problem.setter(), input.clone());
        let plan = app.state.document.plan.shared();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match plan.new_goal(&outcome, Vec::new(), now(), today()) {
                Ok(goal) => {
                    let id = goal.id.clone();
                    edit.emit(PlanEdit::SaveGoal(goal));
                    set_outcome.emit(String::new());
                    dom::go(&Route::Goal(id));
                }
                Err(missing) => {
                    problem.set(Some(missing.message()));
                    focus.to(&input);
                }
            }
        })
    };
    html! {
        <form class="new-goal" novalidate=true {onsubmit}>
            <Field
                id="new-goal"
                label="A new goal: what will be true when it is done?"
                value={outcome}
                oninput={set_outcome}
                problem={*problem}
                hint="For example: “Lead the design of the billing queue migration, reviewed by two staff engineers.” You fill in the measure, support, criteria and date next."
                rows={2}
                input_ref={input}
            />
            <div class="actions"><button type="submit">{ "Add the goal" }</button></div>
        </form>
    }
}

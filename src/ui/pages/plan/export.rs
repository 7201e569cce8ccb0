//! Sharing the plan: Markdown for the manager, a printed page, and a
//! calendar file of the check-ins, milestones and due dates.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::export::{file_name, ics, plan::criterion_text, plan::markdown};
use crate::core::part::Item;
use crate::core::plan::{Goal, Plan};
use crate::core::progress::{goal_percent, overall};
use crate::core::rubric::Rubric;
use crate::core::smart::Letter;
use crate::core::time::Date;
use crate::ui::clock::now;
use crate::ui::clock::today;
use crate::ui::components::print::use_print;
use crate::ui::components::share::use_share;
use crate::ui::content::use_ready_rubric;
use crate::ui::state::use_app;

#[function_component]
pub fn PlanExport() -> Html {
    let app = use_app();
    let rubric = use_ready_rubric();
    let print_now = use_print();
    let document = app.state.document.clone();
    let share = use_share();
    let download = {
        let (document, rubric, share) = (document.clone(), rubric.clone(), share.clone());
        Callback::from(move |_: MouseEvent| {
            let today = today();
            let text = markdown(&document.plan, rubric.as_deref(), today);
            share.download(&text, &file_name("rungs-plan", today, "md"));
        })
    };
    let calendar = {
        let (document, share) = (document.clone(), share.clone());
        Callback::from(move |_: MouseEvent| {
            share.download(&ics::calendar(&document.plan, now()), ics::FILE_NAME);
        })
    };
    // The sheet is on every plan page already (see `PrintSheet`).
    let print = print_now.reform(|_: MouseEvent| ());
    html! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{ "Share your plan" }</h2>
            <p class="muted">{ "Send the plan to your manager before a check-in, print it for the meeting, or put the check-ins, milestones and due dates in your calendar. Importing the calendar again updates the same events." }</p>
            <div class="actions">
                <button type="button" onclick={download}>{ "Download Markdown" }</button>
                <button type="button" onclick={print}>{ "Print" }</button>
                <button type="button" onclick={calendar}>{ "Download calendar (.ics)" }</button>
            </div>
            { share.status() }
        </section>
    }
}

/// The printed plan: on every plan page, hidden on screen, and the only
/// thing printed. Each goal is drawn by a component of its own, so that a
/// keystroke in one goal redraws only that goal's part of the sheet.
#[function_component]
pub fn PrintSheet() -> Html {
    let app = use_app();
    let rubric = use_ready_rubric();
    sheet(&app.state.document.plan, rubric, today())
}

fn sheet(plan: &Plan, rubric: Option<Rc<Rubric>>, today: Date) -> Html {
    let figures = overall(plan);
    html! {
        <section class="print-sheet" aria-label="Development plan for printing">
            <h1>{ "Development plan" }</h1>
            <p>
                { format!("Printed {} from Rungs.", today.label()) }
                if let Some(target) = plan.target {
                    { format!(" Promotion target: {}.", target.label()) }
                }
                if figures.goals > 0 {
                    { format!(" Progress: {}%.", figures.percent) }
                }
            </p>
            { for plan.goals.iter().map(|goal| html! {
                <PrintGoal key={goal.id.as_str()} goal={goal.clone()} rubric={rubric.clone()} />
            }) }
            if let Some(schedule) = &plan.schedule {
                <h2>{ "Check-ins" }</h2>
                <p>{ format!("{} Next check-in: {}.", schedule.describe(), schedule.next_label(today)) }</p>
            }
            { for [(today.week_start(), "This week"), (today.week_start().plus_days(7), "Next week")]
                .into_iter()
                .filter_map(|(start, name)| plan.week(start).map(|week| (start, name, week)))
                .map(|(start, name, week)| html! {
                <>
                    <h2>{ format!("{name}: from {}", start.label()) }</h2>
                    <ul>{ for week.items.iter().map(|item| html! { <li>{ format!("{} ({})", item.text, item.status.outcome()) }</li> }) }</ul>
                </>
            }) }
        </section>
    }
}

#[derive(Properties)]
struct PrintGoalProps {
    goal: Item<Goal>,
    rubric: Option<Rc<Rubric>>,
}

/// The same goal and the same rubric, by pointer: the rubric is large, and
/// a goal that changed is a new item.
impl PartialEq for PrintGoalProps {
    fn eq(&self, other: &Self) -> bool {
        Item::ptr_eq(&self.goal, &other.goal) && crate::ui::same(&self.rubric, &other.rubric)
    }
}

#[function_component]
fn PrintGoal(props: &PrintGoalProps) -> Html {
    let (goal, rubric) = (&*props.goal, props.rubric.as_deref());
    let criteria: Vec<&str> = goal
        .criteria
        .iter()
        .map(|id| rubric.and_then(|r| criterion_text(r, id)).unwrap_or(id))
        .collect();
    // What is not written yet says so, rather than printing bare
    // punctuation.
    let written = |text: String| {
        if text.trim().is_empty() {
            "Not written yet".to_owned()
        } else {
            text
        }
    };
    let joined = |parts: &[&str], between: &str| {
        let parts: Vec<&str> = parts
            .iter()
            .map(|part| part.trim())
            .filter(|part| !part.is_empty())
            .collect();
        parts.join(between)
    };
    let measure = match (goal.baseline.trim(), goal.target.trim()) {
        ("", "") => goal.metric.clone(),
        (from, to) => format!(
            "{}{}{from} → {to}",
            goal.metric.trim(),
            if goal.metric.trim().is_empty() {
                ""
            } else {
                ": "
            }
        ),
    };
    let parts = [
        (Letter::Specific, written(goal.outcome.clone())),
        (Letter::Measurable, written(measure)),
        (
            Letter::Achievable,
            written(joined(&[&goal.support, &goal.time], "; ")),
        ),
        (Letter::Relevant, written(criteria.join("; "))),
        (
            Letter::TimeBound,
            goal.due.map_or("No due date".to_owned(), |due| {
                format!("Due {}", due.label())
            }),
        ),
    ];
    html! {
        <article class="print-term">
            <h2>{ format!("{} ({}%)", goal.title(), goal_percent(goal)) }</h2>
            <dl class="print-smart">
                { for parts.into_iter().map(|(letter, text)| html! {
                    <><dt>{ letter.label() }</dt><dd>{ text }</dd></>
                }) }
            </dl>
            if !goal.milestones.is_empty() {
                <ul class="print-milestones">
                    { for goal.milestones_by_due().into_iter().map(|m| html! {
                        <li>{ format!("{} {}{}", if m.done.is_some() { "☑" } else { "☐" }, m.title, m.due.map_or(String::new(), |due| format!(" (due {})", due.label()))) }</li>
                    }) }
                </ul>
            }
        </article>
    }
}

//! Sharing the plan: Markdown for the manager, a printed page, and a
//! calendar file of the check-ins, milestones and due dates.

use yew::prelude::*;

use crate::core::export::{file_name, ics, plan::criterion_text, plan::markdown};
use crate::core::plan::{Goal, Plan};
use crate::core::progress::{goal_percent, overall};
use crate::core::rubric::Rubric;
use crate::core::smart::Letter;
use crate::core::time::Date;
use crate::ui::clock::now;
use crate::ui::clock::today;
use crate::ui::components::print::use_print;
use crate::ui::content::{use_content, Loaded};
use crate::ui::dom;
use crate::ui::state::use_app;

#[function_component]
pub fn PlanExport() -> Html {
    let app = use_app();
    let (rubric, _) = use_content::<Rubric>();
    let rubric = match rubric {
        Loaded::Ready(rubric) => Some(rubric),
        _ => None,
    };
    let printing = use_state(|| false);
    let print_now = use_print();
    let document = app.state.document.clone();
    let download = {
        let (document, rubric) = (document.clone(), rubric.clone());
        Callback::from(move |_: MouseEvent| {
            let today = today();
            let text = markdown(&document.plan, rubric.as_deref(), today);
            dom::download(&text, &file_name("rungs-plan", today, "md"));
        })
    };
    let calendar = {
        let document = document.clone();
        Callback::from(move |_: MouseEvent| {
            dom::download(&ics::calendar(&document.plan, now()), ics::FILE_NAME);
        })
    };
    let print = {
        let printing = printing.setter();
        Callback::from(move |_: MouseEvent| {
            printing.set(true);
            print_now.emit(());
        })
    };
    html! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{ "Share your plan" }</h2>
            <p class="muted">{ "Send the plan to your manager before a check-in, print it for the meeting, or put the check-ins, milestones and due dates in your calendar. Importing the calendar again updates the same events." }</p>
            <div class="actions">
                <button type="button" onclick={download}>{ "Download Markdown" }</button>
                <button type="button" onclick={print}>{ "Print" }</button>
                <button type="button" onclick={calendar}>{ "Download calendar (.ics)" }</button>
            </div>
            if *printing {
                { sheet(&document.plan, rubric.as_deref(), today()) }
            }
        </section>
    }
}

/// The printed plan: hidden on screen, the only thing printed.
fn sheet(plan: &Plan, rubric: Option<&Rubric>, today: Date) -> Html {
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
            { for plan.goals.iter().map(|goal| print_goal(goal, rubric)) }
            if let Some(schedule) = &plan.schedule {
                <h2>{ "Check-ins" }</h2>
                <p>{ format!("{} Next: {}.", schedule.describe(), schedule.next_label(today)) }</p>
            }
            { for plan.week(today.week_start()).map(|week| html! {
                <>
                    <h2>{ format!("This week: from {}", today.week_start().label()) }</h2>
                    <ul>{ for week.items.iter().map(|item| html! { <li>{ format!("{} ({})", item.text, item.status.outcome()) }</li> }) }</ul>
                </>
            }) }
        </section>
    }
}

fn print_goal(goal: &Goal, rubric: Option<&Rubric>) -> Html {
    let criteria: Vec<&str> = goal
        .criteria
        .iter()
        .map(|id| rubric.and_then(|r| criterion_text(r, id)).unwrap_or(id))
        .collect();
    let parts = [
        (Letter::Specific, goal.outcome.clone()),
        (
            Letter::Measurable,
            format!("{}: {} → {}", goal.metric, goal.baseline, goal.target),
        ),
        (
            Letter::Achievable,
            format!("{}; {}", goal.support, goal.time),
        ),
        (Letter::Relevant, criteria.join("; ")),
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
                    { for goal.milestones.iter().map(|m| html! {
                        <li>{ format!("{} {}{}", if m.done.is_some() { "☑" } else { "☐" }, m.title, m.due.map_or(String::new(), |due| format!(" (due {})", due.label()))) }</li>
                    }) }
                </ul>
            }
        </article>
    }
}

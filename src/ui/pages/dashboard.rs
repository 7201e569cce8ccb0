//! `#/`: the dashboard. What Rungs is, a card per surface, and where the
//! data stands; the cards that need a part of the data or the rubric are a
//! split point of their own, shown just after the first paint.

use yew::prelude::*;

use crate::core::assessment::{current_verdict, target_verdict};
use crate::core::progress::overall;
use crate::core::route::Route;
use crate::core::rubric::Rubric;
use crate::ui::clock::today;
use crate::ui::components::content_status::content_status;
use crate::ui::components::data_health::DataHealth;
use crate::ui::components::page_header::PageHeader;
use crate::ui::content::{use_content, Loaded};
use crate::ui::pages::Split;
use crate::ui::split::Lazy;
use crate::ui::state::use_app;

/// `#/`: what Rungs is, where everything is, and the state of the data.
pub fn dashboard() -> Html {
    let sections = Route::NAV.iter().skip(1).map(|route| {
        html! {
            <li key={route.nav_label()}>
                <a href={route.href()}>{ route.title() }</a>
                <p>{ route.summary() }</p>
            </li>
        }
    });
    html! {
        <>
            <PageHeader
                title="Dashboard"
                lead="Rungs helps you see how ready you are for your next level, build the case, and plan the conversation. Everything stays in this browser."
            />
            <div class="dashboard-grid">
                <Lazy split={Split::cards} route={Route::Dashboard} part="your readiness, plan and data" />
                <section class="card" aria-labelledby="sections-heading">
                    <h2 id="sections-heading">{ "Everything in Rungs" }</h2>
                    <ul class="section-list">{ for sections }</ul>
                </section>
            </div>
        </>
    }
}

/// The cards that need the user's assessment and plan: fetched with their
/// own code after the dashboard's first paint.
pub fn cards(_: &Route) -> Html {
    html! {
        <>
            <Readiness />
            <NextSteps />
            <DataHealth />
        </>
    }
}

/// How many gaps the dashboard lists.
const TOP_GAPS: usize = 3;

/// Readiness at a glance and the top gaps; an invitation before the first
/// assessment. The rubric is fetched only once there is something to show.
#[function_component]
fn Readiness() -> Html {
    let started = use_app().state.document.assessment.current.is_some();
    html! {
        <section class="card" aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">{ "Readiness" }</h2>
            if started {
                <ReadinessFigures />
            } else {
                <p>{ "Grade yourself against your current level and the next to see how ready you are, and where the gaps are." }</p>
                <p><a href={Route::Assess.href()}>{ "Start your self-assessment" }</a></p>
            }
        </section>
    }
}

#[function_component]
fn ReadinessFigures() -> Html {
    let document = use_app().state.document.clone();
    let (rubric, retry) = use_content::<Rubric>();
    let Loaded::Ready(rubric) = rubric else {
        return content_status(&rubric, &retry);
    };
    let Some(report) = document.assessment.report(&rubric) else {
        return html! { <p><a href={Route::Assess.href()}>{ "Choose your levels to see your readiness" }</a></p> };
    };
    let current = report.overall_current.percent();
    let target = report.target.as_ref().zip(report.overall_target.as_ref());
    let gaps = report.gaps.iter().take(TOP_GAPS).map(|gap| {
        html! {
            <li key={gap.criterion.as_str()}>
                <span class="item-area">{ &gap.area }</span>
                <span class="item-text">{ &gap.text }</span>
            </li>
        }
    });
    html! {
        <>
            <dl class="dashboard-scores">
                if let Some((level, score)) = target {
                    <div>
                        <dt>{ format!("{} (target)", level.name) }</dt>
                        <dd><strong>{ format!("{}%", score.percent()) }</strong>{ format!(" · {}", target_verdict(score.percent())) }</dd>
                    </div>
                }
                <div>
                    <dt>{ format!("{} (current)", report.current.name) }</dt>
                    <dd><strong>{ format!("{current}%") }</strong>{ format!(" · {}", current_verdict(current)) }</dd>
                </div>
            </dl>
            if report.gaps.is_empty() {
                <p class="muted">{ "No gaps among the criteria you have graded." }</p>
            } else {
                <h3>{ "Top gaps" }</h3>
                <ol class="items">{ for gaps }</ol>
            }
            <p><a href={Route::Assess.href()}>{ "Continue your self-assessment" }</a></p>
        </>
    }
}

/// The plan at a glance: the next check-in, this week's goals, progress.
#[function_component]
fn NextSteps() -> Html {
    let app = use_app();
    let plan = &app.state.document.plan;
    let today = today();
    let week = plan.week(today.week_start());
    let figures = overall(plan);
    html! {
        <section class="card" aria-labelledby="next-heading">
            <h2 id="next-heading">{ "Your plan" }</h2>
            <h3>{ "Next check-in" }</h3>
            { match &plan.schedule {
                Some(schedule) => html! {
                    <p>
                        <strong>{ schedule.next_label(today) }</strong>
                        if !schedule.with.trim().is_empty() {
                            { format!(" with {}", schedule.with.trim()) }
                        }
                    </p>
                },
                None => html! { <p><a href={Route::CheckIns.href()}>{ "Set a check-in schedule with your manager" }</a></p> },
            } }
            <h3>{ "This week" }</h3>
            { match week {
                Some(week) => html! {
                    <>
                        <ul class="this-week">
                            { for week.items.iter().map(|item| html! {
                                <li data-status={item.status.id()}>{ &item.text }<span class="muted">{ format!(" · {}", item.status.outcome()) }</span></li>
                            }) }
                        </ul>
                        <p><a href={Route::Weeks.href()}>{ "Review the week" }</a></p>
                    </>
                },
                None => html! { <p><a href={Route::Weeks.href()}>{ "Plan this week's goals" }</a></p> },
            } }
            if figures.goals > 0 {
                <p>
                    <a href={Route::Plan.href()}>{ format!("Plan {}% done", figures.percent) }</a>
                    { format!(". {}", figures.counts()) }
                </p>
            } else {
                <p><a href={Route::Plan.href()}>{ "Write your first goal" }</a></p>
            }
        </section>
    }
}

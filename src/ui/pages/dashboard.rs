//! `#/`: the dashboard. What Rungs is, a card per surface, and where the
//! data stands; the cards that need a part of the data or the rubric are a
//! split point of their own, shown just after the first paint.

use yew::prelude::*;

use crate::core::assessment::{Assessment, Report, Score, Stage};
use crate::core::counted;
use crate::core::evidence::{target_coverage, Log};
use crate::core::journey::{next, path, State, Step};
use crate::core::plan::Plan;
use crate::core::progress::overall;
use crate::core::route::Route;
use crate::ui::clock::today;
use crate::ui::components::content_status::content_status;
use crate::ui::components::data_health::DataHealth;
use crate::ui::components::page_header::PageHeader;
use crate::ui::content::{use_ready_rubric, use_rubric, Loaded};
use crate::ui::pages::evidence::quick::QuickAdd;
use crate::ui::pages::Split;
use crate::ui::split::Lazy;
use crate::ui::state::use_app;

/// `#/`: what Rungs is, where everything is, and the state of the data.
pub fn dashboard() -> Html {
    html! {
        <>
            <PageHeader
                title="Dashboard"
                lead="Rungs helps you see how ready you are for your next level, build the case, and plan the conversation. Everything stays in this browser."
            />
            <div class="dashboard-grid">
                <Lazy split={Split::cards} route={Route::Dashboard} part="your next steps, readiness, plan and data" />
            </div>
        </>
    }
}

/// The cards that need the user's assessment and plan, and the list of
/// every page: fetched with their own code after the dashboard's first
/// paint, so that the pages' descriptions do not weigh on it.
pub fn cards(_: &Route) -> Html {
    html! { <><Cards /><Everything /></> }
}

/// Every page of Rungs, with what it is for.
#[function_component]
fn Everything() -> Html {
    let sections = Route::NAV.iter().skip(1).map(|route| {
        html! {
            <li key={route.nav_label()}>
                <a href={route.href()}>{ route.title() }</a>
                <p>{ route.summary() }</p>
            </li>
        }
    });
    html! {
        <section class="card" aria-labelledby="sections-heading">
            <h2 id="sections-heading">{ "Everything in Rungs" }</h2>
            <ul class="section-list">{ for sections }</ul>
        </section>
    }
}

/// How many gaps the dashboard lists.
const TOP_GAPS: usize = 3;

/// The path, readiness and plan read one report; the rubric is fetched
/// only once there is an assessment to report on.
#[function_component]
fn Cards() -> Html {
    let document = use_app().state.document.clone();
    let started = document.assessment.current.is_some();
    html! {
        <>
            if started {
                <Reported />
            } else {
                { path_card(&document.assessment, None, &document.plan, document.evidence.value()) }
            }
            <Accomplishments />
            <NextSteps />
            <DataHealth />
        </>
    }
}

#[function_component]
fn Reported() -> Html {
    let document = use_app().state.document.clone();
    let (rubric, retry) = use_rubric();
    let Loaded::Ready(rubric) = rubric else {
        return content_status(&rubric, &retry);
    };
    let assessment = document.assessment.value();
    let log = document.evidence.value();
    let report = assessment.report(&rubric, log);
    html! {
        <>
            { path_card(assessment, report.as_ref(), &document.plan, log) }
            { readiness(report.as_ref()) }
        </>
    }
}

/// The short path from a first visit to a case: one clear next step, and
/// what is done.
fn path_card(assessment: &Assessment, report: Option<&Report>, plan: &Plan, log: &Log) -> Html {
    let steps = path(assessment, report, plan, log);
    let next = next(&steps);
    let items = steps.iter().map(|progress| {
        let state = match progress.state {
            State::Done => "Done",
            State::Started => "Started",
            State::ToDo => "To do",
        };
        let href = match progress.step {
            Step::Assess | Step::Evidence => Route::Assess.href(),
            Step::Plan => Route::Plan.href(),
        };
        let is_next = next == Some(progress.step);
        html! {
            <li key={progress.step.title()} data-state={state.to_lowercase()} aria-current={is_next.then_some("step")}>
                <span class="path-title">{ progress.step.title() }</span>
                <span class="path-state">{ format!("{state}. {}", progress.detail) }</span>
                if is_next {
                    <a class="button" {href}>{ progress.step.action(progress.state) }</a>
                }
            </li>
        }
    });
    html! {
        <section class="card path" aria-labelledby="path-heading">
            <h2 id="path-heading">
                { if next.is_some() { "Your next step" } else { "You have a case to make" } }
            </h2>
            <ol class="path-steps">{ for items }</ol>
            if next.is_none() {
                <p>{ "Every step is done. Keep the evidence coming, and bring your readiness report to your next one-to-one." }</p>
            }
        </section>
    }
}

/// Readiness at a glance, with coverage beside every figure, and the top
/// gaps.
fn readiness(report: Option<&Report>) -> Html {
    let Some(report) = report else {
        return html! {
            <section class="card" aria-labelledby="readiness-heading">
                <h2 id="readiness-heading">{ "Readiness" }</h2>
                <p><a href={Route::Assess.href()}>{ "Choose your levels to see your readiness" }</a></p>
            </section>
        };
    };
    let figure = |label: String, score: &Score, stage: Stage| {
        html! {
            <div>
                <dt>{ label }</dt>
                <dd>
                    <strong>{ score.percent_label() }</strong>
                    { format!(" · {} · {}", score.coverage(), score.standing(stage)) }
                </dd>
            </div>
        }
    };
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
        <section class="card" aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">{ "Readiness" }</h2>
            <dl class="dashboard-scores">
                if let Some((level, score)) = target {
                    { figure(format!("{} (target)", level.name), score, Stage::Target) }
                }
                { figure(format!("{} (current)", report.current.name), &report.overall_current, Stage::Current) }
            </dl>
            if report.gaps.is_empty() {
                <p class="muted">{ "No gaps among the criteria you have graded." }</p>
            } else {
                <h3>{ "Top gaps" }</h3>
                <ol class="items">{ for gaps }</ol>
            }
            <p><a href={Route::Readiness.href()}>{ "See your readiness in full" }</a></p>
        </section>
    }
}

/// The log at a glance: a quick add, this month's entries, a nudge after
/// two weeks of nothing, and the area of the target level with the least
/// evidence.
#[function_component]
fn Accomplishments() -> Html {
    let app = use_app();
    let rubric = use_ready_rubric();
    let document = &app.state.document;
    let log = document.evidence.value();
    let today = today();
    let activity = log.activity(today);
    // Nothing is thin once every area is covered in full.
    let thinnest = rubric.as_deref().and_then(|rubric| {
        let (_, target, areas) = target_coverage(rubric, &document.assessment, log).ok()?;
        let area = areas
            .first()
            .filter(|area| area.covered() < area.criteria.len())?;
        Some(format!(
            "Thinnest area for {}: {}, {} of {} with evidence.",
            target.name,
            area.area.name,
            area.covered(),
            counted(area.criteria.len(), "criterion", "criteria")
        ))
    });
    html! {
        <section class="card" aria-labelledby="log-card-heading">
            <h2 id="log-card-heading">{ "Accomplishments" }</h2>
            if activity.nudge {
                <p class="nudge">{ match activity.latest {
                    Some(latest) => format!("Nothing logged for {} days. What did you do since {}? A line is enough.", today.0 - latest.0, latest.label()),
                    None => "Nothing logged lately. What did you do this week? A line is enough.".to_owned(),
                } }</p>
            }
            <QuickAdd id="dashboard-quick-add" quiet=true />
            <p>
                { format!("{} this month", counted(activity.this_month, "entry", "entries")) }
                { format!(", {} in all. ", log.entries.len()) }
                <a href={Route::Evidence.href()}>{ "Open your log" }</a>
            </p>
            if let Some(thinnest) = thinnest {
                <p>{ thinnest }{ " " }<a href={Route::Coverage.href()}>{ "See where your case is thin" }</a></p>
            }
        </section>
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

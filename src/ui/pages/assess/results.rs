//! What the grades add up to: readiness, the honesty check, the chart and
//! its table, gaps and strengths, what changes between the levels, other
//! perspectives, history and the Markdown report.

use std::rc::Rc;

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use crate::core::assessment::{
    current_verdict, level_diff, target_verdict, Edit, Grade, Item, Report, Score, Snapshot,
    FORMULA,
};
use crate::core::export::file_name;
use crate::core::plan::PlanEdit;
use crate::core::route::Route;
use crate::core::rubric::{Criterion, Level, Track};
use crate::core::time::{iso_utc, DateTime};
use crate::ui::clock::{now, today, utc_offset_minutes};
use crate::ui::components::radar::{radar, Series};
use crate::ui::components::scroll_region;
use crate::ui::dom;
use crate::ui::state::{use_app, use_edit};

fn percent(score: &Score) -> String {
    format!("{}%", score.percent())
}

fn coverage(score: &Score) -> String {
    format!("{} of {} criteria graded", score.graded, score.total)
}

/// Overall readiness at both levels, how it is computed, and the honesty
/// check.
pub fn summary(report: &Report) -> Html {
    let score = |title: String, score: &Score, verdict: &'static str| {
        html! {
            <div class="score">
                <p class="score-title">{ title.clone() }</p>
                <p class="score-value">{ percent(score) }</p>
                <meter min="0" max="100" value={score.percent().to_string()} aria-label={title} />
                <p class="score-verdict">{ verdict }</p>
                <p class="muted">{ coverage(score) }</p>
            </div>
        }
    };
    let current = &report.overall_current;
    let target = report.target.as_ref().zip(report.overall_target.as_ref());
    let announcement = match target {
        Some((level, t)) => format!(
            "Readiness: {} {}, {} {}.",
            report.current.name,
            percent(current),
            level.name,
            percent(t)
        ),
        None => format!("Readiness: {} {}.", report.current.name, percent(current)),
    };
    html! {
        <section class="card readiness" aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">{ "Readiness" }</h2>
            <p class="visually-hidden" aria-live="polite">{ announcement }</p>
            <div class="scores">
                { score(format!("{} · solid at your level", report.current.name), current, current_verdict(current.percent())) }
                if let Some((level, t)) = target {
                    { score(format!("{} · met for your target", level.name), t, target_verdict(t.percent())) }
                }
            </div>
            <details class="formula">
                <summary>{ "How readiness is computed" }</summary>
                { for FORMULA.iter().map(|line| html! { <p>{ *line }</p> }) }
            </details>
            <div class="honesty" role="group" aria-labelledby="honesty-heading">
                <h3 id="honesty-heading">{ "Honesty check" }</h3>
                if report.flags.is_empty() {
                    <p>{ "Nothing stands out. Your grades are spread the way an honest self-assessment usually is." }</p>
                } else {
                    <ul>{ for report.flags.iter().map(|flag| html! { <li>{ flag.message() }</li> }) }</ul>
                }
            </div>
        </section>
    }
}

/// The radar chart and the table with the same figures.
pub fn area_chart(report: &Report) -> Html {
    let axes: Vec<AttrValue> = report.areas.iter().map(|a| a.name.clone().into()).collect();
    let mut series = vec![Series {
        name: report.current.name.clone().into(),
        values: report.areas.iter().map(|a| a.current.percent()).collect(),
    }];
    if let Some(target) = &report.target {
        series.push(Series {
            name: target.name.clone().into(),
            values: report
                .areas
                .iter()
                .map(|a| a.target.as_ref().map_or(0, Score::percent))
                .collect(),
        });
    }
    let rows = report.areas.iter().map(|area| {
        html! {
            <tr key={area.id.as_str()}>
                <th scope="row">{ &area.name }</th>
                <td>{ percent(&area.current) }</td>
                if let Some(target) = &area.target {
                    <td>{ percent(target) }</td>
                }
            </tr>
        }
    });
    html! {
        <section class="card" aria-labelledby="areas-heading">
            <h2 id="areas-heading">{ "By area" }</h2>
            <div class="chart-and-table">
                { radar(&axes, &series) }
                { scroll_region("Readiness per area", html! {
                <table>
                    <caption>{ "Readiness per area" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Area" }</th>
                            <th scope="col">{ &report.current.name }</th>
                            if let Some(target) = &report.target {
                                <th scope="col">{ &target.name }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
                }) }
            </div>
        </section>
    }
}

/// A gap's way into the plan: the goal that already links it, or a button
/// that makes one.
#[derive(Properties, PartialEq)]
struct GapGoalProps {
    criterion: String,
    text: String,
}

#[function_component]
fn GapGoal(props: &GapGoalProps) -> Html {
    let app = use_app();
    let edit = use_edit::<PlanEdit>();
    let plan = &app.state.document.plan;
    if let Some(goal) = plan
        .goals
        .iter()
        .find(|g| g.criteria.contains(&props.criterion))
    {
        return html! {
            <span class="item-goal">{ "In your plan: " }<a href={Route::Goal(goal.id.clone()).href()}>{ goal.title() }</a></span>
        };
    }
    // The goal proves the criterion; its outcome is for the user to say in
    // their own words on the goal's page.
    let onclick = {
        let criterion = props.criterion.clone();
        let plan = app.state.document.plan.shared();
        Callback::from(move |_: MouseEvent| {
            let goal = plan.goal_for_criterion(&criterion, now(), today());
            let id = goal.id.clone();
            edit.emit(PlanEdit::SaveGoal(goal));
            dom::go(&Route::Goal(id));
        })
    };
    html! {
        <button type="button" class="secondary small item-goal" {onclick} aria-label={format!("Make it a goal: {}", props.text)}>
            { "Make it a goal" }
        </button>
    }
}

fn item_list(items: &[Item], empty: &'static str, goals: bool) -> Html {
    if items.is_empty() {
        return html! { <p class="muted">{ empty }</p> };
    }
    html! {
        <ul class="items">
            { for items.iter().map(|item| html! {
                <li key={item.criterion.as_str()}>
                    <span class="item-area">{ format!("{} · {}", item.area, item.level) }</span>
                    <span class="item-text">{ &item.text }</span>
                    <span class="item-grade">{ item.grade.map_or("Not assessed", Grade::label) }</span>
                    if goals {
                        <GapGoal criterion={item.criterion.clone()} text={item.text.clone()} />
                    }
                </li>
            }) }
        </ul>
    }
}

/// What to work on and what to build the case on.
pub fn gaps_and_strengths(report: &Report) -> Html {
    let unassessed = (report.unassessed_target > 0).then(|| {
        html! {
            <p class="muted">
                { format!("{} criteria of your target level are not graded yet; they may hide more gaps.", report.unassessed_target) }
            </p>
        }
    });
    html! {
        <div class="two-up">
            <section class="card" aria-labelledby="gaps-heading">
                <h2 id="gaps-heading">{ format!("Gaps ({})", report.gaps.len()) }</h2>
                <p class="muted">{ "Criteria of your target level you do not yet meet consistently, the furthest first." }</p>
                { item_list(&report.gaps, "No gaps among the criteria you have graded.", true) }
                { unassessed }
            </section>
            <section class="card" aria-labelledby="strengths-heading">
                <h2 id="strengths-heading">{ format!("Strengths ({})", report.strengths.len()) }</h2>
                <p class="muted">{ "Where you work beyond the level, and target criteria you meet with evidence: the backbone of your case." }</p>
                { item_list(&report.strengths, "None yet: grade “beyond”, or add evidence to what you meet consistently.", false) }
            </section>
        </div>
    }
}

/// Per area, the criteria of the two levels side by side.
pub fn changes(track: &Track, current: &Level, target: &Level) -> Html {
    let areas = level_diff(track, current, target).into_iter().map(|diff| {
        let list = |criteria: &[&Criterion]| {
            html! { <ul>{ for criteria.iter().map(|c| html! { <li key={c.id.as_str()}>{ &c.text }</li> }) }</ul> }
        };
        html! {
            <section class="diff-area" key={diff.area.id.as_str()} aria-label={diff.area.name.clone()}>
                <h3>{ &diff.area.name }</h3>
                <div class="diff-columns">
                    <div>
                        <h4>{ &current.name }</h4>
                        { list(&diff.current) }
                    </div>
                    <div>
                        <h4>{ &target.name }</h4>
                        { list(&diff.target) }
                    </div>
                </div>
            </section>
        }
    });
    html! {
        <section class="card level-diff" aria-labelledby="diff-heading">
            <h2 id="diff-heading">{ format!("What changes from {} to {}", current.name, target.name) }</h2>
            <details>
                <summary>{ "Show both levels side by side, area by area" }</summary>
                { for areas }
            </details>
        </section>
    }
}

/// Your grades beside your manager's and a peer's, largest disagreement
/// first.
pub fn perspectives(report: &Report) -> Html {
    let comparisons = &report.comparisons;
    let grade = |g: Option<Grade>| g.map_or("—", Grade::label);
    let body = if comparisons.is_empty() {
        html! {
            <p class="muted">
                { "After a 1:1 where you asked to be graded against both levels, record your manager's and a peer's grades under “Evidence, note and other views” on any criterion. They appear here beside yours." }
            </p>
        }
    } else {
        scroll_region(
            "Grades compared",
            html! {
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ "Criterion" }</th>
                            <th scope="col">{ "You" }</th>
                            <th scope="col">{ "Manager" }</th>
                            <th scope="col">{ "Peer" }</th>
                            <th scope="col">{ "Apart by" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for comparisons.iter().map(|c| html! {
                            <tr key={c.criterion.as_str()}>
                                <th scope="row">
                                    <span class="item-area">{ format!("{} · {}", c.area, c.level) }</span>
                                    <span class="item-text">{ &c.text }</span>
                                </th>
                                <td>{ grade(c.mine) }</td>
                                <td>{ grade(c.manager) }</td>
                                <td>{ grade(c.peer) }</td>
                                <td>{ match c.spread { 0 => "agree".to_owned(), 1 => "1 step".to_owned(), n => format!("{n} steps") } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            },
        )
    };
    html! {
        <section class="card" aria-labelledby="perspectives-heading">
            <h2 id="perspectives-heading">{ "Other perspectives" }</h2>
            { body }
        </section>
    }
}

/// How many snapshots the history table shows, the latest ones.
const HISTORY_COLUMNS: usize = 6;

/// Dated snapshots of readiness, per area, over time.
pub fn history(report: &Rc<Report>, snapshots: &[Rc<Snapshot>], on_edit: &Callback<Edit>) -> Html {
    let save = {
        let (report, on_edit) = (report.clone(), on_edit.clone());
        Callback::from(move |_: MouseEvent| on_edit.emit(Edit::AddSnapshot(report.snapshot(now()))))
    };
    let offset = utc_offset_minutes();
    let shown = &snapshots[snapshots.len().saturating_sub(HISTORY_COLUMNS)..];
    // A snapshot shows its target readiness, or its current readiness when
    // it had no target.
    let cell = |current: u8, target: Option<u8>| format!("{}%", target.unwrap_or(current));
    let rows = report.areas.iter().map(|area| {
        html! {
            <tr key={area.id.as_str()}>
                <th scope="row">{ &area.name }</th>
                { for shown.iter().map(|s| {
                    let value = s.areas.iter().find(|a| a.area == area.id);
                    html! { <td>{ value.map_or("—".to_owned(), |a| cell(a.current, a.target)) }</td> }
                }) }
            </tr>
        }
    });
    let table = (!shown.is_empty()).then(|| {
        scroll_region("Readiness over time", html! {
                <table>
                    <caption>{ "Readiness for the target level at each snapshot" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Area" }</th>
                            { for shown.iter().map(|s| html! {
                                <th scope="col">
                                    <time datetime={iso_utc(s.at)}>{ DateTime::at(s.at, offset).date_label() }</time>
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="overall">
                            <th scope="row">{ "Overall" }</th>
                            { for shown.iter().map(|s| html! { <td>{ cell(s.overall.current, s.overall.target) }</td> }) }
                        </tr>
                        { for rows }
                    </tbody>
                </table>
            })
    });
    html! {
        <section class="card" aria-labelledby="history-heading">
            <h2 id="history-heading">{ "History" }</h2>
            <p class="muted">
                { match snapshots.len() {
                    0 => "Save a snapshot now and again, after a round of grading or a check-in, to see how your readiness moves.".to_owned(),
                    n if n > HISTORY_COLUMNS => format!("{n} snapshots saved; the latest {HISTORY_COLUMNS} are shown."),
                    1 => "1 snapshot saved.".to_owned(),
                    n => format!("{n} snapshots saved."),
                } }
            </p>
            { table }
            <button type="button" onclick={save}>{ "Save a snapshot of today's readiness" }</button>
        </section>
    }
}

/// The readiness report as Markdown, copied or downloaded.
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub report: Rc<Report>,
}

#[function_component]
pub fn Export(props: &ExportProps) -> Html {
    let status = use_state(|| AttrValue::from(""));
    let markdown = {
        let report = props.report.clone();
        move || report.markdown(&DateTime::at(now(), utc_offset_minutes()).date_label())
    };
    let copy = {
        let (markdown, status) = (markdown.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let promise = dom::window()
                .navigator()
                .clipboard()
                .write_text(&markdown());
            let status = status.clone();
            spawn_local(async move {
                status.set(match JsFuture::from(promise).await {
                    Ok(_) => "Copied the report to the clipboard.".into(),
                    Err(_) => {
                        "This browser did not allow copying. Download the report instead.".into()
                    }
                });
            });
        })
    };
    let download = Callback::from(move |_: MouseEvent| {
        dom::download(&markdown(), &file_name("rungs-readiness", today(), "md"));
    });
    html! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{ "Share your readiness" }</h2>
            <p class="muted">{ "A Markdown report of your readiness, gaps, strengths and the honesty check, to paste into a document or bring to your manager." }</p>
            <div class="actions">
                <button type="button" onclick={copy}>{ "Copy report as Markdown" }</button>
                <button type="button" onclick={download}>{ "Download report (.md)" }</button>
            </div>
            <p class="status" role="status">{ (*status).clone() }</p>
        </section>
    }
}

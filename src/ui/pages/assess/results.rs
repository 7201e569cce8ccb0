//! What the grades add up to: readiness, the honesty check, the chart and
//! its table, gaps and strengths, what changes between the levels, other
//! perspectives, history and the Markdown report.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::{
    level_diff, snapshot_names, Comparison, Edit, Flag, Grade, Item, Perspective, Report, Score,
    Snapshot, Stage, FORMULA,
};
use crate::core::export::file_name;
use crate::core::export::readiness::Include;
use crate::core::plan::PlanEdit;
use crate::core::route::Route;
use crate::core::rubric::{Criterion, Level, Rubric, Track};
use crate::core::time::{iso_utc, DateTime};
use crate::ui::clock::{now, today, utc_offset_minutes};
use crate::ui::components::field::Field;
use crate::ui::components::radar::{radar, Series};
use crate::ui::components::scroll_region;
use crate::ui::components::share::use_share;
use crate::ui::dom;
use crate::ui::state::{use_app, use_edit};

/// One level's figure: the percent, the coverage beside it, and the
/// verdict or how much is left before one.
fn figure(title: String, score: &Score, stage: Stage) -> Html {
    html! {
        <div class="score">
            <p class="score-title">{ title.clone() }</p>
            <p class="score-value">
                { score.percent_label() }{ " " }
                <span class="score-coverage">{ format!("· {}", score.coverage()) }</span>
            </p>
            <meter min="0" max="100" value={score.percent().unwrap_or(0).to_string()} aria-label={title} />
            <p class="score-verdict">{ score.standing(stage) }</p>
        </div>
    }
}

/// Overall readiness at both levels, how it is computed, and the honesty
/// check.
pub fn summary(report: &Report) -> Html {
    let current = &report.overall_current;
    let target = report.target.as_ref().zip(report.overall_target.as_ref());
    html! {
        <section class="card readiness" aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">{ "Readiness" }</h2>
            <div class="scores">
                { figure(format!("{} · solid at your level", report.current.name), current, Stage::Current) }
                if let Some((level, t)) = target {
                    { figure(format!("{} · met for your target", level.name), t, Stage::Target) }
                }
            </div>
            <details class="formula">
                <summary>{ "How readiness is computed" }</summary>
                { for FORMULA.iter().map(|line| html! { <p>{ *line }</p> }) }
            </details>
            <div class="honesty" role="group" aria-labelledby="honesty-heading">
                <h3 id="honesty-heading">{ "Honesty check" }</h3>
                if let Some(words) = report.honesty_summary() {
                    <p>{ words }</p>
                } else {
                    <ul>{ for report.flags.iter().map(|f| flag(f, &report.others)) }</ul>
                }
            </div>
        </section>
    }
}

/// One finding of the honesty check, with the criteria it is about.
fn flag(flag: &Flag, others: &[String]) -> Html {
    let criteria = match flag {
        Flag::FarApart { criteria } => Some(html! {
            <ul class="far-apart">
                { for criteria.iter().map(|c| html! {
                    <li key={c.criterion.as_str()}>
                        <span class="item-text">{ &c.text }</span>
                        <span class="item-area">{ grades_apart(c, others) }</span>
                    </li>
                }) }
            </ul>
        }),
        Flag::TopWithoutEntries { criteria } => Some(html! {
            <ul class="far-apart">
                { for criteria.iter().map(|c| html! {
                    <li key={c.criterion.as_str()}>
                        <span class="item-text">{ &c.text }</span>
                        <span class="item-area">{ format!("{} · {}", c.area, c.grade.map_or("", Grade::label)) }</span>
                    </li>
                }) }
            </ul>
        }),
        _ => None,
    };
    html! { <li>{ flag.message() }{ criteria }</li> }
}

/// "You: Beyond · Dana (manager): Sometimes", the grades given.
fn grades_apart(c: &Comparison, others: &[String]) -> String {
    let mine = c.mine.map(|g| (Perspective::Mine.label(), g));
    let theirs = others
        .iter()
        .zip(&c.others)
        .filter_map(|(who, given)| Some((who.as_str(), given.grade()?)));
    mine.into_iter()
        .chain(theirs)
        .map(|(who, grade)| format!("{who}: {}", grade.label()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Readiness so far, kept in sight while grading, with the way to the
/// results; a list, each level an item, announced politely as grades
/// change.
pub fn progress_bar(report: &Report) -> Html {
    let level = |name: &str, score: &Score| {
        html! {
            <li class="progress-level">
                <strong>{ format!("{name}: {}", score.percent_label()) }</strong>
                { format!(" · {}", score.coverage()) }
            </li>
        }
    };
    html! {
        <aside class="progress-bar" aria-label="Readiness so far">
            <ul aria-live="polite">
                { level(&report.current.name, &report.overall_current) }
                if let Some((target, score)) = report.target.as_ref().zip(report.overall_target.as_ref()) {
                    { level(&target.name, score) }
                }
            </ul>
            <a href={Route::Readiness.href()}>{ "See your readiness" }</a>
        </aside>
    }
}

/// The radar chart and the table with the same figures.
pub fn area_chart(report: &Report) -> Html {
    let axes: Vec<AttrValue> = report.areas.iter().map(|a| a.name.clone().into()).collect();
    // Areas with nothing graded sit at the centre of the chart; the table
    // says they are not graded.
    let mut series = vec![Series {
        name: report.current.name.clone().into(),
        values: report
            .areas
            .iter()
            .map(|a| a.current.percent().unwrap_or(0))
            .collect(),
    }];
    if let Some(target) = &report.target {
        series.push(Series {
            name: target.name.clone().into(),
            values: report
                .areas
                .iter()
                .map(|a| a.target.and_then(|t| t.percent()).unwrap_or(0))
                .collect(),
        });
    }
    let cell = |score: &Score| {
        html! {
            <td>
                { score.percent_label() }
                <span class="cell-coverage">{ score.coverage() }</span>
            </td>
        }
    };
    let rows = report.areas.iter().map(|area| {
        html! {
            <tr key={area.id.as_str()}>
                <th scope="row">{ &area.name }</th>
                { cell(&area.current) }
                if let Some(target) = &area.target {
                    { cell(target) }
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

/// Your grades beside your manager's, your peers' and every reviewer's
/// who sent theirs, largest disagreement first.
pub fn perspectives(report: &Report) -> Html {
    let comparisons = &report.comparisons;
    let body = if comparisons.is_empty() {
        html! {
            <p class="muted">
                { "Ask your manager or a peer to grade you: " }
                <a href={Route::Review.href()}>{ "send them a request for grades" }</a>
                { ", and add the file they send back. Or, after a 1:1 where you were graded, record their grades under “Evidence, note and other views” on any criterion. They appear here beside yours." }
            </p>
        }
    } else {
        let others = &report.others;
        scroll_region(
            "Grades compared",
            html! {
                <table class="comparisons">
                    <thead>
                        <tr>
                            <th scope="col">{ "Criterion" }</th>
                            <th scope="col">{ "You" }</th>
                            { for others.iter().map(|who| html! { <th scope="col">{ who }</th> }) }
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
                                <td>{ c.mine.map_or("—", Grade::label) }</td>
                                { for c.others.iter().map(|given| html! {
                                    <td>
                                        { given.label() }
                                        if !given.comment.trim().is_empty() {
                                            <span class="comparison-comment">{ format!("“{}”", given.comment.trim()) }</span>
                                        }
                                    </td>
                                }) }
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
            if !comparisons.is_empty() {
                <p><a href={Route::Review.href()}>{ "Ask for grades, or add grades you received" }</a></p>
            }
        </section>
    }
}

/// How many snapshots the history table shows, the latest ones.
const HISTORY_COLUMNS: usize = 6;

#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub report: Rc<Report>,
    pub snapshots: Vec<Rc<Snapshot>>,
}

/// Dated snapshots of readiness, per area, over time; each can be named
/// and deleted.
#[function_component]
pub fn History(props: &HistoryProps) -> Html {
    let on_edit = use_edit::<Edit>();
    let snapshots = &props.snapshots;
    let save = {
        let (report, on_edit) = (props.report.clone(), on_edit.clone());
        Callback::from(move |_: MouseEvent| on_edit.emit(Edit::AddSnapshot(report.snapshot(now()))))
    };
    let offset = utc_offset_minutes();
    // One name per snapshot, the same in the table and the list below.
    let from = snapshots.len().saturating_sub(HISTORY_COLUMNS);
    let (shown, names) = (&snapshots[from..], snapshot_names(snapshots, offset));
    // A snapshot shows its target readiness, or its current readiness when
    // it had no target.
    let cell = |current: u8, target: Option<u8>| format!("{}%", target.unwrap_or(current));
    let rows = props.report.areas.iter().map(|area| {
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
                        { for shown.iter().zip(&names[from..]).map(|(s, name)| html! {
                            <th scope="col"><time datetime={iso_utc(s.at)}>{ name }</time></th>
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
    let manage = (!shown.is_empty()).then(|| {
        let items = snapshots.iter().zip(&names).enumerate().rev().map(|(i, (snapshot, name))| {
            let at = snapshot.at;
            let when = DateTime::at(at, offset).label();
            let rename = {
                let on_edit = on_edit.clone();
                Callback::from(move |label: String| on_edit.emit(Edit::LabelSnapshot { at, label }))
            };
            let delete = {
                let on_edit = on_edit.clone();
                Callback::from(move |_: MouseEvent| on_edit.emit(Edit::DeleteSnapshot { at }))
            };
            html! {
                <li key={at.to_string()} class="snapshot-item">
                    <Field
                        id={format!("snapshot-{at}")}
                        label={format!("Name for snapshot {}, taken {when}", i + 1)}
                        value={snapshot.label.clone()}
                        oninput={rename}
                    />
                    <button type="button" class="secondary small" onclick={delete} aria-label={format!("Delete the snapshot: {name}")}>
                        { "Delete" }
                    </button>
                </li>
            }
        });
        html! {
            <details class="snapshot-list">
                <summary>{ format!("Name or delete snapshots ({})", snapshots.len()) }</summary>
                <ul>{ for items }</ul>
            </details>
        }
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
            { manage }
            <button type="button" onclick={save}>{ "Save a snapshot of today's readiness" }</button>
        </section>
    }
}

/// The readiness report as Markdown, copied or downloaded.
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub report: Rc<Report>,
    pub rubric: Rc<Rubric>,
}

#[function_component]
pub fn Export(props: &ExportProps) -> Html {
    let notes = use_state(|| true);
    let markdown = {
        let (report, rubric, notes) = (props.report.clone(), props.rubric.clone(), *notes);
        move || {
            let date = DateTime::at(now(), utc_offset_minutes()).date_label();
            report.markdown(&rubric, &date, Include { notes })
        }
    };
    let toggle = {
        let notes = notes.clone();
        Callback::from(move |_: Event| notes.set(!*notes))
    };
    let share = use_share();
    let copy = {
        let (share, markdown) = (share.clone(), markdown.clone());
        Callback::from(move |_: MouseEvent| share.copy(&markdown(), "the report"))
    };
    let download = {
        let share = share.clone();
        Callback::from(move |_: MouseEvent| {
            share.download(&markdown(), &file_name("rungs-readiness", today(), "md"))
        })
    };
    html! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{ "Share your readiness" }</h2>
            <p class="muted">{ "A report written to your manager: your readiness, strengths, gaps and where others see it differently, then every criterion with your grade and evidence. Paste it into a document or bring it to your next one-to-one." }</p>
            <label class="check">
                <input type="checkbox" checked={*notes} onchange={toggle} />
                { "Include your notes beside the evidence (read them through first: they were written for you)" }
            </label>
            <div class="actions">
                <button type="button" onclick={copy}>{ "Copy report as Markdown" }</button>
                <button type="button" onclick={download}>{ "Download report (.md)" }</button>
            </div>
            { share.status() }
        </section>
    }
}

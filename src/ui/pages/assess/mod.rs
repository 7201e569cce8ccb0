//! `#/assess`: the readiness self-assessment.

mod grading;
mod linked;
mod results;

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::core::assessment::{Assessment, Edit};
use crate::core::route::Route;
use crate::core::rubric::Rubric;
use crate::ui::components::content_status::content_status;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::subnav;
use crate::ui::content::{use_rubric, Loaded};
use crate::ui::state::{use_app, use_edit};

/// The surface's pages (the entry point of its split point).
pub fn view(route: &Route) -> Html {
    html! { <Assess view={View::of(route)} /> }
}

/// The assessment's two pages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// `#/assess`: grading, with a compact readiness summary in sight.
    Grade,
    /// `#/assess/results`: what the grades add up to.
    Results,
}

impl View {
    fn of(route: &Route) -> View {
        match route {
            Route::Readiness => View::Results,
            _ => View::Grade,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AssessProps {
    pub view: View,
}

#[function_component]
pub fn Assess(props: &AssessProps) -> Html {
    let (rubric, retry) = use_rubric();
    let (title, lead) = match props.view {
        View::Grade => (
            "Readiness self-assessment",
            "Grade yourself honestly against every criterion of your current level and the next, one area at a time.",
        ),
        View::Results => (
            "Your readiness",
            "What your grades add up to: how ready you are, area by area, where the gaps are, and a report for your manager.",
        ),
    };
    html! {
        <>
            <PageHeader {title} {lead} />
            { subnav("Assessment", &[(Route::Assess, "Grade yourself"), (Route::Readiness, "Your readiness")], &match props.view {
                View::Grade => Route::Assess,
                View::Results => Route::Readiness,
            }) }
            if let Loaded::Ready(rubric) = rubric {
                <AssessView {rubric} view={props.view} />
            } else {
                { content_status(&rubric, &retry) }
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    rubric: Rc<Rubric>,
    view: View,
}

#[function_component]
fn AssessView(props: &ViewProps) -> Html {
    let app = use_app();
    let on_edit = use_edit::<Edit>();
    // Shared with the children as one Rc, the same until it changes.
    let assessment = app.state.document.assessment.shared();
    // The report reads the levels chosen and the grades, not the history.
    let read = (
        props.rubric.clone(),
        assessment.track.clone(),
        assessment.current.clone(),
        assessment.target.clone(),
        assessment.ratings.clone(),
        assessment.reviews.clone(),
        app.state.document.evidence.shared(),
    );
    let report = use_memo(read, {
        let assessment = assessment.clone();
        move |(rubric, .., log)| assessment.report(rubric, log).map(Rc::new)
    });
    let selection = assessment.selection(&props.rubric);
    let Some((report, selection)) = (*report).clone().zip(selection) else {
        return html! {
            <>
                { setup(&props.rubric, &assessment, &on_edit) }
                <p class="card">{ "Choose your current level to begin. Rungs then asks you about every criterion of that level and the next." }</p>
            </>
        };
    };
    match props.view {
        View::Grade => html! {
            <div class="assess">
                { setup(&props.rubric, &assessment, &on_edit) }
                <grading::Grading rubric={props.rubric.clone()} assessment={assessment.clone()} report={report.clone()} on_edit={on_edit.clone()} />
                { results::progress_bar(&report) }
                <p class="card">
                    { "Your manager's or a peer's view makes your grades count for more. " }
                    <a class="button secondary" href={Route::Ask.href()}>{ "Ask for grades" }</a>
                </p>
            </div>
        },
        View::Results => {
            let changes = selection
                .target
                .map(|target| results::changes(selection.track, selection.current, target));
            html! {
                <div class="assess">
                    { results::summary(&report) }
                    { results::area_chart(&report) }
                    { results::gaps_and_strengths(&report) }
                    { changes }
                    { results::perspectives(&report) }
                    <results::History report={report.clone()} snapshots={assessment.snapshots.clone()} />
                    <results::Export {report} rubric={props.rubric.clone()} />
                </div>
            }
        }
    }
}

/// Track, current level and target level.
fn setup(rubric: &Rubric, assessment: &Assessment, on_edit: &Callback<Edit>) -> Html {
    let selection = assessment.selection(rubric);
    let track = selection.map_or_else(
        || {
            rubric
                .tracks
                .first()
                .map(|t| t.id.clone())
                .unwrap_or_default()
        },
        |s| s.track.id.clone(),
    );
    let current = selection.map(|s| s.current.id.clone());
    let target = selection.and_then(|s| s.target).map(|t| t.id.clone());

    let on_select = |make: fn(String) -> Edit| {
        let on_edit = on_edit.clone();
        Callback::from(move |event: Event| {
            on_edit.emit(make(
                event.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    };
    let tracks = rubric.tracks.iter().map(|t| {
        html! { <option value={t.id.clone()} selected={t.id == track}>{ &t.name }</option> }
    });
    let currents = rubric.levels.iter().map(|l| {
        html! { <option value={l.id.clone()} selected={current.as_deref() == Some(l.id.as_str())}>{ &l.name }</option> }
    });
    let targets = rubric
        .levels_above(current.as_deref().unwrap_or_default())
        .map(|l| {
            html! { <option value={l.id.clone()} selected={target.as_deref() == Some(l.id.as_str())}>{ &l.name }</option> }
        });
    let level_summary = selection.map(|s| {
        html! {
            <dl class="level-summaries">
                { for s.levels().map(|l| html! { <div><dt>{ &l.name }</dt><dd>{ &l.summary }</dd></div> }) }
            </dl>
        }
    });
    html! {
        <section class="card setup" aria-labelledby="setup-heading">
            <h2 id="setup-heading">{ "Your levels" }</h2>
            <div class="setup-fields">
                <div class="field">
                    <label for="assess-track">{ "Track" }</label>
                    <select id="assess-track" onchange={on_select(Edit::Track)}>{ for tracks }</select>
                </div>
                <div class="field">
                    <label for="assess-current">{ "Current level" }</label>
                    <select id="assess-current" onchange={on_select(Edit::Current)}>
                        if current.is_none() {
                            <option value="" selected=true disabled=true>{ "Choose…" }</option>
                        }
                        { for currents }
                    </select>
                </div>
                if target.is_some() {
                    <div class="field">
                        <label for="assess-target">{ "Target level" }</label>
                        <select id="assess-target" onchange={on_select(|id| Edit::Target(Some(id)))}>{ for targets }</select>
                    </div>
                } else if current.is_some() {
                    <p class="muted">{ "This is the top level, so there is no target level: grade how solid you are at it." }</p>
                }
            </div>
            { level_summary }
        </section>
    }
}

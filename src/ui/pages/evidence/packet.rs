//! `#/evidence/packet`: the promotion packet. Rungs drafts it from the log
//! for a period and a target level; the user writes the opening summary
//! and a line per area, which are kept as written and never drafted over.
//! Exported as Markdown, printed as a clean sheet, and beside it the brag
//! document of every entry by quarter.

use yew::prelude::*;

use crate::core::evidence::{brag_markdown, Entry, LogEdit};
use crate::core::export::file_name;
use crate::core::packet::{draft, markdown, Packet, Period};
use crate::core::route::Route;
use crate::core::rubric::Rubric;
use crate::core::time::Date;
use crate::ui::clock::today;
use crate::ui::components::date_field::DateField;
use crate::ui::components::field::Field;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::print::use_print;
use crate::ui::components::share::use_share;
use crate::ui::dom::value_of;
use crate::ui::state::{use_app, use_edit};

use super::{log_nav, use_rubric};

/// The months a packet covers unless the user says otherwise.
const DEFAULT_MONTHS: u32 = 12;

#[function_component]
pub fn PacketPage() -> Html {
    let rubric = use_rubric();
    let header = html! {
        <>
            <PageHeader
                title="Promotion packet"
                lead="A self-review drafted from your log, organised by your target level's areas. Rungs fills in the evidence; you write the summary and a line per area, in your own words."
            />
            { log_nav(&Route::Packet) }
        </>
    };
    match rubric {
        None => {
            html! { <>{ header }<p class="card" role="status">{ "Loading the rubric…" }</p></> }
        }
        Some(rubric) => html! { <>{ header }<Drafted {rubric} /></> },
    }
}

#[derive(Properties, PartialEq)]
struct DraftedProps {
    rubric: std::rc::Rc<Rubric>,
}

/// The choices, the user's own words, the draft and its exports.
#[function_component]
fn Drafted(props: &DraftedProps) -> Html {
    let app = use_app();
    let document = app.state.document.clone();
    let rubric = &props.rubric;
    let period = use_state(|| Period::last_months(today(), DEFAULT_MONTHS));
    let chosen_level = use_state(|| None::<String>);
    let print = use_print();
    let share = use_share();
    let assessment = document.assessment.value();
    let selection = assessment.selection(rubric);
    let track = rubric
        .track(assessment.track.as_deref().unwrap_or_default())
        .map(|track| track.id.clone())
        .unwrap_or_default();
    let default_level = selection
        .and_then(|s| s.target.or(Some(s.current)))
        .or(rubric.levels.last())
        .map(|level| level.id.clone())
        .unwrap_or_default();
    let level = chosen_level.as_ref().cloned().unwrap_or(default_level);
    let log = document.evidence.value();
    let packet = draft(
        log,
        rubric,
        assessment,
        document.plan.value(),
        &track,
        &level,
        *period,
    );
    let on_level = {
        let chosen_level = chosen_level.clone();
        Callback::from(move |event: Event| chosen_level.set(Some(value_of(&event))))
    };
    let on_from = {
        let period = period.clone();
        Callback::from(move |from: Option<Date>| {
            if let Some(from) = from {
                period.set(Period { from, ..*period });
            }
        })
    };
    let on_to = {
        let period = period.clone();
        Callback::from(move |to: Option<Date>| {
            if let Some(to) = to {
                period.set(Period { to, ..*period });
            }
        })
    };
    // The exports are written when asked for, not on every keystroke.
    let download = {
        let (document, rubric, share) = (document.clone(), rubric.clone(), share.clone());
        let (track, level, period) = (track.clone(), level.clone(), *period);
        Callback::from(move |_: MouseEvent| {
            let packet = draft(
                document.evidence.value(),
                &rubric,
                document.assessment.value(),
                document.plan.value(),
                &track,
                &level,
                period,
            );
            share.download(
                &markdown(&packet),
                &file_name("rungs-self-review", today(), "md"),
            );
        })
    };
    let brag = {
        let (document, rubric, share) = (document.clone(), rubric.clone(), share.clone());
        Callback::from(move |_: MouseEvent| {
            let text = brag_markdown(document.evidence.value(), &rubric);
            share.download(&text, &file_name("rungs-brag-document", today(), "md"));
        })
    };
    let print = print.reform(|_: MouseEvent| ());
    let backwards = period.from > period.to;
    html! {
        <div class="stack">
            <section class="card" aria-labelledby="packet-choices-heading">
                <h2 id="packet-choices-heading">{ "What it covers" }</h2>
                <div class="form-grid">
                    <div class="field">
                        <label for="packet-level">{ "Target level" }</label>
                        <select id="packet-level" onchange={on_level}>
                            { for rubric.levels.iter().map(|l| html! {
                                <option value={l.id.clone()} selected={l.id == level}>{ &l.name }</option>
                            }) }
                        </select>
                    </div>
                    <DateField id="packet-from" label="From" value={Some(period.from)} onchange={on_from} />
                    <DateField id="packet-to" label="To" value={Some(period.to)} onchange={on_to} />
                </div>
                if backwards {
                    <p class="field-error">{ "The period ends before it starts, so no entry falls in it." }</p>
                }
                <p>{ packet.header() }</p>
                <div class="actions">
                    <button type="button" onclick={download}>{ "Download Markdown" }</button>
                    <button type="button" class="secondary" onclick={print}>{ "Print" }</button>
                    <button type="button" class="secondary" onclick={brag}>{ "Download the brag document" }</button>
                </div>
                <p class="muted">{ "The brag document lists every entry of your log by quarter, newest first, whatever the period." }</p>
                { share.status() }
            </section>
            <OwnWords summary={packet.summary.to_owned()} areas={packet.areas.iter().map(|a| (a.area.id.clone(), a.area.name.clone(), a.line.to_owned())).collect::<Vec<_>>()} />
            { sheet(&packet) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct OwnWordsProps {
    summary: String,
    /// Each area's id, name and the user's line for it.
    areas: Vec<(String, String, String)>,
}

/// The parts of the packet only the user can write, saved as typed.
#[function_component]
fn OwnWords(props: &OwnWordsProps) -> Html {
    let edit = use_edit::<LogEdit>();
    let on_summary = edit.reform(LogEdit::Summary);
    let lines = props.areas.iter().map(|(id, name, line)| {
        let area = id.clone();
        let oninput = edit.reform(move |text: String| LogEdit::AreaLine {
            area: area.clone(),
            text,
        });
        html! {
            <Field key={id.as_str()} id={format!("packet-line-{id}")} label={format!("Your line for {name}")}
                value={line.clone()} {oninput} rows={2} />
        }
    });
    html! {
        <section class="card" aria-labelledby="own-words-heading">
            <h2 id="own-words-heading">{ "In your own words" }</h2>
            <p class="muted">{ "Kept as you write it and never drafted over: the draft below only adds the evidence around it." }</p>
            <Field id="packet-summary" label="Opening summary" value={props.summary.clone()} oninput={on_summary} rows={4}
                hint="Two or three sentences: the level you are ready for, and the work of the period that shows it best." />
            { for lines }
        </section>
    }
}

/// One entry as the sheet shows it: title, date, result and who can
/// confirm it.
fn entry_line(entry: &Entry) -> Html {
    let confirm: Vec<String> = entry
        .confirm
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .map(|p| match p.role.trim() {
            "" => p.name.clone(),
            role => format!("{} ({role})", p.name),
        })
        .collect();
    html! {
        <li key={entry.id.as_str()}>
            <strong>{ &entry.title }</strong>{ format!(" · {}", entry.date.label()) }
            if let Some(result) = entry.result.summary() {
                <br />{ result }
            }
            if !confirm.is_empty() {
                <br /><span class="muted">{ format!("Confirm with: {}", confirm.join(", ")) }</span>
            }
        </li>
    }
}

/// The draft as a clean sheet: on screen below the choices, and alone on
/// paper.
fn sheet(packet: &Packet) -> Html {
    let areas = packet.areas.iter().map(|area| {
        let criteria = area.criteria.iter().map(|case| {
            html! {
                <li key={case.criterion.id.as_str()}>
                    <p class="packet-criterion">{ &case.criterion.text }</p>
                    if case.entries.is_empty() && case.written.is_empty() {
                        <p class="muted">{ "No evidence in this period yet." }</p>
                    } else {
                        <ul>
                            { for case.entries.iter().map(|e| entry_line(e)) }
                            if !case.written.is_empty() {
                                <li><em>{ "In my words: " }</em>{ &case.written }</li>
                            }
                        </ul>
                        if case.linked > case.entries.len() {
                            <p class="muted">{ format!("And {} more in the log.", case.linked - case.entries.len()) }</p>
                        }
                    }
                </li>
            }
        });
        html! {
            <section key={area.area.id.as_str()}>
                <h3>{ &area.area.name }</h3>
                if !area.line.trim().is_empty() {
                    <p class="prose">{ area.line }</p>
                }
                <ul class="packet-criteria">{ for criteria }</ul>
            </section>
        }
    });
    let list = |entries: &[&Entry], empty: &'static str| {
        if entries.is_empty() {
            html! { <p class="muted">{ empty }</p> }
        } else {
            html! { <ul>{ for entries.iter().map(|e| entry_line(e)) }</ul> }
        }
    };
    let projects = packet.projects.iter().map(|entry| {
        html! {
            <li key={entry.id.as_str()}>
                <strong>{ &entry.title }</strong>{ format!(" · {}", entry.date.label()) }
                if !entry.story.trim().is_empty() {
                    <p class="prose">{ &entry.story }</p>
                }
            </li>
        }
    });
    let gaps = packet.gaps.iter().map(|gap| {
        html! {
            <li key={gap.criterion.id.as_str()}>
                <span class="muted">{ format!("{}: ", gap.area.name) }</span>{ &gap.criterion.text }
                if !gap.goals.is_empty() {
                    <br />{ format!("In my plan: {}", gap.goals.iter().map(|g| g.title()).collect::<Vec<_>>().join("; ")) }
                }
            </li>
        }
    });
    html! {
        <article class="card print-sheet packet-sheet" aria-labelledby="packet-heading">
            <h2 id="packet-heading">{ format!("Self-review: {}", packet.level) }</h2>
            <p class="muted">{ packet.header() }</p>
            if packet.summary.trim().is_empty() {
                <p class="muted"><em>{ "Your opening summary goes here: write it above." }</em></p>
            } else {
                <p class="prose">{ packet.summary }</p>
            }
            <h3>{ "Impact in numbers" }</h3>
            { list(&packet.impact, "No number that moved in this period yet: give an entry a result with a before and after.") }
            { for areas }
            <h3>{ "Projects and my role" }</h3>
            if packet.projects.is_empty() {
                <p class="muted">{ "No project in this period yet." }</p>
            } else {
                <ul>{ for projects }</ul>
            }
            <h3>{ "Leadership and mentoring" }</h3>
            { list(&packet.leadership, "No leadership or mentoring entry in this period yet.") }
            <h3>{ "Where I am still growing" }</h3>
            if packet.total() == 0 {
                <p class="muted">{ "This level has no criteria of yours to prove." }</p>
            } else if packet.gaps.is_empty() {
                <p>{ "Every criterion of this level has evidence in the period." }</p>
            } else {
                <ul>{ for gaps }</ul>
            }
        </article>
    }
}

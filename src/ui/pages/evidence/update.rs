//! `#/evidence/update`: a short update on recent work for the manager or
//! the team, drafted from the period's entries and weekly goals, copied as
//! Markdown, with the day the last one was sent.

use yew::prelude::*;

use crate::core::evidence::LogEdit;
use crate::core::route::Route;
use crate::core::update::{draft, due, markdown};
use crate::ui::clock::today;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::share::use_share;
use crate::ui::state::{use_app, use_edit};

use super::{log_nav, use_rubric};

#[function_component]
pub fn UpdatePage() -> Html {
    let app = use_app();
    let edit = use_edit::<LogEdit>();
    let rubric = use_rubric();
    let share = use_share();
    let document = &app.state.document;
    let log = document.evidence.value();
    let today = today();
    let update = draft(log, document.plan.value(), rubric.as_deref(), today);
    let text = markdown(&update);
    let weeks = log.updates.weeks();
    let cadence = |every: u8, label: &'static str| {
        let id = format!("update-every-{every}");
        let onchange = edit.reform(move |_: Event| LogEdit::UpdateEvery(every));
        html! {
            <div class="choice">
                <input type="radio" id={id.clone()} name="update-every" checked={weeks == every} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let copy = {
        let (text, share) = (text.clone(), share.clone());
        Callback::from(move |_: MouseEvent| share.copy(&text, "the update"))
    };
    let sent = edit.reform(move |_: MouseEvent| LogEdit::UpdateSent(Some(today)));
    let last = match (log.updates.last_sent, due(log, today)) {
        (Some(sent), Some(days)) => {
            let next = match days {
                0 => "The next one is due today.".to_owned(),
                d if d > 0 => format!(
                    "The next one is due in {}.",
                    crate::core::counted(d as usize, "day", "days")
                ),
                d => format!(
                    "The next one was due {} ago.",
                    crate::core::counted(d.unsigned_abs() as usize, "day", "days")
                ),
            };
            format!("Last sent on {}. {next}", sent.label())
        }
        _ => "No update sent yet.".to_owned(),
    };
    html! {
        <>
            <PageHeader
                title="Update on your work"
                lead="A few lines every week or two make your work visible before anyone asks: what shipped, what moved, what is next and where you need help."
            />
            { log_nav(&Route::Update) }
            <div class="stack">
                <section class="card" aria-labelledby="cadence-heading">
                    <h2 id="cadence-heading">{ "How often" }</h2>
                    <fieldset class="entry-result">
                        <legend>{ "Send an update" }</legend>
                        <div class="choices">
                            { cadence(1, "Every week") }
                            { cadence(2, "Every two weeks") }
                        </div>
                    </fieldset>
                    <p role="status">{ last }</p>
                </section>
                <section class="card" aria-labelledby="draft-heading">
                    <h2 id="draft-heading">{ format!("Draft for {}", update.period.label()) }</h2>
                    <p class="muted">{ "Drafted from your log and your weekly goals. Copy it, add a line of your own, and send it the way your team shares news." }</p>
                    <pre class="update-draft" role="region" tabindex="0" aria-label="The update, in Markdown">{ &text }</pre>
                    <div class="actions">
                        <button type="button" onclick={copy}>{ "Copy as Markdown" }</button>
                        <button type="button" class="secondary" onclick={sent}>{ "I sent it today" }</button>
                    </div>
                    { share.status() }
                    <p class="muted">
                        { "Something missing? " }
                        <a href={Route::Evidence.href()}>{ "Log it" }</a>
                        { " or " }
                        <a href={Route::Weeks.href()}>{ "review your week" }</a>
                        { "." }
                    </p>
                </section>
            </div>
        </>
    }
}

//! `#/review`: grades from others, by files and with no server. The
//! engineer asks for grades (`#/review/ask`) and adds what comes back; a
//! reviewer opens a request and grades it (`#/review/<request id>`), kept
//! in their browser apart from their own data.

mod ask;
mod grade;
mod received;

use yew::prelude::*;

use crate::core::review::{self, Kept};
use crate::core::route::Route;
use crate::core::time::DateTime;
use crate::ui::clock::{now, utc_offset_minutes};
use crate::ui::components::confirm::ConfirmDelete;
use crate::ui::components::page_header::PageHeader;
use crate::ui::dom::{self, file_text};
use crate::ui::state::use_app;

/// The surface's pages (the entry point of its split point).
pub fn view(route: &Route) -> Html {
    match route {
        Route::Ask => html! { <ask::AskPage /> },
        Route::Reviewing(id) => html! { <grade::GradePage key={id.as_str()} id={id.clone()} /> },
        _ => html! { <ReviewPage /> },
    }
}

/// "3 Dec 2026", in the user's time zone.
fn date(at: crate::core::time::Millis) -> String {
    DateTime::at(at, utc_offset_minutes()).date_label()
}

/// `#/review`: ask, add what came back, grade a colleague.
#[function_component]
fn ReviewPage() -> Html {
    html! {
        <>
            <PageHeader
                title="Grades from others"
                lead="Ask your manager or a peer to grade you against your ladder, or grade a colleague who asked you. Everything goes by files you send yourself: there is no server and no account."
            />
            <div class="stack">
                <section class="card" aria-labelledby="ask-heading">
                    <h2 id="ask-heading">{ "Ask for grades" }</h2>
                    <p>{ "Make a small file for your manager or a peer: the criteria of your current and target levels, a message, and your own grades if you wish. They open it in Rungs, grade you, and send a file back." }</p>
                    <p><a class="button" href={Route::Ask.href()}>{ "Ask for grades" }</a></p>
                </section>
                <received::Received />
                <Colleagues />
            </div>
        </>
    }
}

/// The reviewer's side: open a request, and the requests this browser
/// keeps grades for.
#[function_component]
fn Colleagues() -> Html {
    let app = use_app();
    let session = app.session();
    // Bumped after each change to what is kept, to read it again.
    let revision = use_state(|| 0u32);
    let problem = use_state(|| None::<String>);
    let kept = session.review_drafts();

    let picked = {
        let (problem, session) = (problem.clone(), session.clone());
        Callback::from(move |event: Event| {
            let Some(file) = dom::picked_file(&event) else {
                return;
            };
            let (problem, session) = (problem.clone(), session.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let opened = match file_text(&file).await {
                    Ok(text) => review::read_request(&text).map_err(|why| why.to_string()),
                    Err(why) => Err(why),
                };
                let kept = opened.and_then(|request| {
                    // What this browser already keeps for the same request
                    // is combined with it, never replaced.
                    session
                        .keep_review_draft(review::Draft::new(request))
                        .map_err(|why| {
                            format!("Rungs could not keep your grades in this browser: {why}.")
                        })
                });
                match kept {
                    Ok(draft) => {
                        problem.set(None);
                        dom::go(&Route::Reviewing(draft.request.id));
                    }
                    Err(why) => problem.set(Some(format!("{}: {why}", file.name()))),
                }
            });
        })
    };

    let list = match &kept {
        Err(why) => html! {
            <p class="notice" role="alert">{ format!("Rungs cannot read this browser's storage ({why}). You can still open a request, but your grades are kept only until you close the page.") }</p>
        },
        Ok(kept) if kept.is_empty() => html! {},
        Ok(kept) => html! {
            <>
                <h3>{ "Requests you are grading" }</h3>
                <ul class="section-list review-list">
                    { for kept.iter().map(|kept| kept_item(kept, &session, &revision)) }
                </ul>
            </>
        },
    };

    html! {
        <section class="card" aria-labelledby="colleague-heading">
            <h2 id="colleague-heading">{ "Grade a colleague" }</h2>
            <p>{ "Someone sent you a request for grades? Open the file here. You grade one area at a time, then send a file back." }</p>
            <div class="field file-field">
                <label for="request-file">{ "Open a request for grades" }</label>
                <input id="request-file" type="file" accept=".json,application/json" onchange={picked}
                    aria-describedby={problem.is_some().then_some("request-problem")} />
            </div>
            if let Some(why) = &*problem {
                <p id="request-problem" class="field-error" role="alert">{ why }</p>
            }
            { list }
            <h3>{ "What this browser keeps" }</h3>
            <p class="muted">
                { "While you grade, your grades are kept in this browser, under a name of their own for each request (" }
                <code>{ session.review_key("…") }</code>
                { "). They are apart from any data of your own in Rungs, which grading neither reads nor changes. Nothing is sent anywhere: the response is a file you download and send yourself. Remove a request here once you have sent it; clearing this site's data in your browser removes it too." }
            </p>
        </section>
    }
}

/// One request kept in this browser, with the way back to it and the way
/// to remove it.
fn kept_item(
    kept: &Kept,
    session: &std::rc::Rc<crate::ui::storage::Session>,
    revision: &UseStateHandle<u32>,
) -> Html {
    let id = kept.id().to_owned();
    let remove = {
        let (session, revision, id) = (session.clone(), revision.clone(), id.clone());
        Callback::from(move |()| {
            let _ = session.forget_review_draft(&id);
            revision.set(*revision + 1);
        })
    };
    match kept {
        Kept::Draft(draft) => {
            let request = &draft.request;
            let (done, total) = draft.progress();
            let sent = draft
                .sent
                .map_or_else(String::new, |at| format!(" · sent back {}", date(at)));
            html! {
                <li key={id.clone()}>
                    <a href={Route::Reviewing(id.clone()).href()}>{ format!("{}, {}", request.from, request.levels_label()) }</a>
                    <p>{ format!("Asked {} · {done} of {total} graded{sent}", date(request.made_at)) }</p>
                    <ConfirmDelete
                        label="Remove"
                        name={format!("Remove your grades for {}", request.from)}
                        question={format!("Remove your grades for {} from this browser? Send your response first if you have not: this cannot be undone.", request.from)}
                        on_delete={remove}
                    />
                </li>
            }
        }
        Kept::Unreadable { text, .. } => {
            let download = {
                let text = text.clone();
                let name = format!("rungs-review-{id}.json");
                Callback::from(move |_: MouseEvent| dom::download(&text, &name))
            };
            html! {
                <li key={id.clone()}>
                    <p>{ format!("Grades kept for request {id} that this version of Rungs cannot read. Download them to keep them, or remove them.") }</p>
                    <div class="actions">
                        <button type="button" class="secondary" onclick={download}>{ "Download what is kept" }</button>
                        <ConfirmDelete
                            label="Remove"
                            name={format!("Remove what is kept for request {id}")}
                            question="Remove what this browser keeps for this request? This cannot be undone."
                            on_delete={remove}
                        />
                    </div>
                </li>
            }
        }
    }
}

/// A file name part from a person's name: "Dana Ito" → "dana-ito".
fn name_part(name: &str) -> String {
    crate::core::rubric_csv::slug(name, "someone")
}

/// A request id: the time and a random number, in base 36.
fn new_id() -> String {
    fn base36(mut n: u64) -> String {
        let mut digits = Vec::new();
        loop {
            digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
            n /= 36;
            if n == 0 {
                break;
            }
        }
        digits.iter().rev().collect()
    }
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    format!("r-{}-{}", base36(now()), base36(random))
}

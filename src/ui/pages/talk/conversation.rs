//! `#/talk/<id>`: one conversation. What to keep in mind, the reflection
//! questions with the user's private answers, the script filled from their
//! own data (each line theirs to reword), the likely responses, and the
//! card to take into the meeting.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::route::Route;
use crate::core::talk::{fill, key, Card, Facts, Filled, Link, PrepEdit, Talk};
use crate::ui::components::content_status::content_status;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::print::use_print;
use crate::ui::components::share::use_share;
use crate::ui::content::{use_content, use_ready_rubric, Loaded};
use crate::ui::dom::value_of;
use crate::ui::focus::{focus, use_focus};
use crate::ui::pages::plan::checkins::LogForm;
use crate::ui::state::{use_app, use_edit};

#[derive(Properties, PartialEq)]
pub struct ConversationProps {
    pub id: String,
}

/// `text` with its placeholders filled in: a value in bold, a missing one
/// as a link to where it is filled in.
fn filled(text: &str, facts: &Facts) -> Html {
    html! {
        <>
            { for fill(text, facts).into_iter().map(|piece| match piece {
                Filled::Text(text) => html! { { text } },
                Filled::Value(_, value) => html! { <strong>{ value }</strong> },
                Filled::Missing(slot) => {
                    let (route, action) = slot.fill_at();
                    html! {
                        <a class="missing" href={route.href()}
                            title={format!("Not known yet: {action}")}>{ format!("[{}]", slot.label()) }</a>
                    }
                }
            }) }
        </>
    }
}

#[function_component]
pub fn ConversationPage(props: &ConversationProps) -> Html {
    let (talk, retry) = use_content::<Talk>();
    let app = use_app();
    let edit = use_edit::<PrepEdit>();
    let share = use_share();
    let print = use_print();
    let rubric = use_ready_rubric();
    let after_heading = use_node_ref();
    let rehearsing = use_state(|| false);
    let rehearse_button = use_node_ref();
    let Loaded::Ready(talk) = talk else {
        return html! {
            <>
                <PageHeader title="Conversation" lead="A conversation to prepare." />
                { content_status(&talk, &retry) }
            </>
        };
    };
    let Some(conversation) = talk.conversation(&props.id) else {
        return html! {
            <>
                <PageHeader title="Conversation" lead="There is no such conversation to prepare." />
                <p class="card"><a href={Route::Talk.href()}>{ "Back to conversation prep" }</a></p>
            </>
        };
    };
    let document = &app.state.document;
    let facts = rubric.as_ref().map_or_else(Facts::default, |rubric| {
        Facts::gather(
            rubric,
            document.assessment.value(),
            document.plan.value(),
            document.evidence.value(),
        )
    });
    let prep = document.talk.value();
    let lines = prep.lines(conversation);

    let reflection = conversation.reflection.iter().map(|question| {
        let item = key(&conversation.id, &question.id);
        let id = format!("answer-{}", question.id);
        let oninput = {
            let item = item.clone();
            edit.reform(move |event: InputEvent| PrepEdit::Answer {
                key: item.clone(),
                text: value_of(&event),
            })
        };
        let value = prep.answers.get(&item).cloned().unwrap_or_default();
        html! {
            <div key={item} class="field">
                <label for={id.clone()}>{ &question.ask }</label>
                <textarea {id} rows="3" {value} {oninput} />
            </div>
        }
    });

    let script = conversation.lines.iter().zip(&lines).map(|(line, said)| {
        let item = key(&conversation.id, &line.id);
        let own = prep.lines.contains_key(&item);
        html! {
            <ScriptLine key={line.id.as_str()} {item} number={line.id.clone()}
                words={said.to_string()} shown={filled(said, &facts)} tip={line.tip.clone()} link={line.link} {own} />
        }
    });

    let responses = conversation
        .responses
        .iter()
        .enumerate()
        .map(|(n, response)| {
            html! {
                <div key={n}>
                    <dt>{ filled(&response.they, &facts) }</dt>
                    <dd>{ filled(&response.you, &facts) }</dd>
                </div>
            }
        });

    let card = Rc::new(Card::new(conversation, &lines, &facts));
    let on_download = {
        let (share, card, id) = (share.clone(), card.clone(), conversation.id.clone());
        Callback::from(move |_: MouseEvent| {
            share.download(&card.markdown(), &format!("rungs-{id}.md"))
        })
    };
    let on_print = print.reform(|_: MouseEvent| ());

    let on_rehearse = {
        let rehearsing = rehearsing.clone();
        Callback::from(move |_: MouseEvent| rehearsing.set(true))
    };
    let on_close = {
        let (rehearsing, button) = (rehearsing.clone(), rehearse_button.clone());
        Callback::from(move |()| {
            rehearsing.set(false);
            // Focus goes back to where the rehearsal was started from.
            focus(&button);
        })
    };

    html! {
        <>
            <PageHeader title={conversation.name.clone()} lead={conversation.when.clone()} />
            <p><a href={Route::Talk.href()}>{ "All conversations" }</a></p>
            <div class="stack">
                <section class="card" aria-labelledby="before-heading">
                    <h2 id="before-heading">{ "Going in" }</h2>
                    <ul>{ for conversation.before.iter().map(|point| html! { <li>{ point }</li> }) }</ul>
                </section>
                if !conversation.reflection.is_empty() {
                    <section class="card" aria-labelledby="reflection-heading">
                        <h2 id="reflection-heading">{ "First, for yourself" }</h2>
                        <p class="muted">{ "Only you see these answers: they are kept in this browser and in the copies of your data you download, and never on the meeting card." }</p>
                        { for reflection }
                    </section>
                }
                <section class="card" aria-labelledby="script-heading">
                    <h2 id="script-heading">{ "What to say" }</h2>
                    <ol class="script">{ for script }</ol>
                    <p class="hint">{ &talk.rehearse.intro }</p>
                    <button type="button" ref={rehearse_button} onclick={on_rehearse}>{ "Rehearse aloud" }</button>
                </section>
                if *rehearsing {
                    <Rehearse lines={card.say.clone()} {on_close} />
                }
                <section class="card" aria-labelledby="responses-heading">
                    <h2 id="responses-heading">{ "If they say" }</h2>
                    <dl class="responses">{ for responses }</dl>
                </section>
                <section class="card" aria-labelledby="after-heading">
                    <h2 id="after-heading" ref={after_heading.clone()} tabindex="-1">{ "After the meeting" }</h2>
                    <super::Checklist list="after" steps={talk.after.clone()} heading="What to do next" />
                    <p>
                        { "Write down what was said and agreed while it is fresh, below. It is kept with " }
                        <a href={Route::CheckIns.href()}>{ "your check-ins" }</a>
                        { ", where each follow-up can become a milestone of a goal." }
                    </p>
                </section>
                <LogForm log_heading={after_heading} />
                <section class="card" aria-labelledby="card-heading">
                    <h2 id="card-heading">{ "Take it with you" }</h2>
                    <div class="actions">
                        <button type="button" onclick={on_download}>{ "Download the card (Markdown)" }</button>
                        <button type="button" class="secondary" onclick={on_print}>{ "Print the card" }</button>
                    </div>
                    { share.status() }
                </section>
                { sheet(&card) }
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ScriptLineProps {
    /// The line's key in the user's prep.
    item: String,
    /// The line's id, as the user counts it.
    number: String,
    /// The line as the user will say it, placeholders in braces.
    words: String,
    /// The line filled in.
    shown: Html,
    tip: String,
    /// Where Rungs helps with the tip.
    link: Link,
    /// Whether the words are the user's own.
    own: bool,
}

/// A line of the script, which the user can put in their own words and
/// put back. Focus moves into the box as it opens and back to the button
/// as it closes.
#[function_component]
fn ScriptLine(props: &ScriptLineProps) -> Html {
    let edit = use_edit::<PrepEdit>();
    let focus = use_focus();
    let open = use_state(|| false);
    let (button, words) = (use_node_ref(), use_node_ref());
    let toggle = |to: bool, target: &NodeRef| {
        let (open, focus, target) = (open.clone(), focus.clone(), target.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(to);
            focus.to(&target);
        })
    };
    let on_input = {
        let item = props.item.clone();
        edit.reform(move |event: InputEvent| PrepEdit::Line {
            key: item.clone(),
            text: Some(value_of(&event)),
        })
    };
    let on_original = {
        let item = props.item.clone();
        edit.reform(move |_: MouseEvent| PrepEdit::Line {
            key: item.clone(),
            text: None,
        })
    };
    let id = format!("line-{}", props.number);
    html! {
        <li>
            if *open {
                <div class="field">
                    <label for={id.clone()}>{ "Your words (placeholders in braces are filled in)" }</label>
                    <textarea {id} ref={words} rows="3" value={props.words.clone()} oninput={on_input} />
                </div>
                <div class="actions">
                    <button type="button" class="small" onclick={toggle(false, &button)}>{ "Done" }</button>
                    if props.own {
                        <button type="button" class="secondary small" onclick={on_original}>{ "Put the original back" }</button>
                    }
                </div>
            } else {
                <p class="say">{ props.shown.clone() }</p>
                if !props.tip.is_empty() && !props.own {
                    <p class="hint">{ &props.tip }{ super::link_to(props.link) }</p>
                }
                <button type="button" class="secondary small" ref={button} onclick={toggle(true, &words)}
                    aria-label={format!("Reword line {}", props.number)}>{ if props.own { "Edit your words" } else { "Reword" } }</button>
            }
        </li>
    }
}

/// The card as a sheet, shown only in print.
fn sheet(card: &Card) -> Html {
    html! {
        <section class="print-sheet talk-card" aria-label={format!("{} card for printing", card.title)}>
            <h2>{ &card.title }</h2>
            <p class="muted">{ &card.when }</p>
            if !card.before.is_empty() {
                <h3>{ "Going in" }</h3>
                <ul>{ for card.before.iter().map(|point| html! { <li>{ point }</li> }) }</ul>
            }
            <h3>{ "What to say" }</h3>
            <ol>{ for card.say.iter().map(|line| html! { <li>{ line }</li> }) }</ol>
            if !card.responses.is_empty() {
                <h3>{ "If they say" }</h3>
                <dl class="responses">
                    { for card.responses.iter().map(|(they, you)| html! {
                        <div><dt>{ they }</dt><dd>{ you }</dd></div>
                    }) }
                </dl>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RehearseProps {
    /// The lines as they will be said, filled in.
    pub lines: Vec<String>,
    /// Leaves the rehearsal.
    pub on_close: Callback<()>,
}

/// The script one line at a time, large, with a timer, for saying it
/// aloud: the arrow keys, Space or Enter move on, Escape leaves.
#[function_component]
pub fn Rehearse(props: &RehearseProps) -> Html {
    let at = use_state(|| 0usize);
    let seconds = use_state(|| 0u32);
    let region = use_node_ref();
    {
        // Focus moves into the rehearsal as it opens, so the keys work at once.
        let region = region.clone();
        use_effect_with((), move |()| focus(&region));
    }
    {
        let seconds = seconds.clone();
        use_effect_with((), move |()| {
            let tick = gloo_timers::callback::Interval::new(1_000, move || {
                seconds.set(*seconds + 1);
            });
            move || drop(tick)
        });
    }
    let count = props.lines.len();
    // The line `by` lines on from `from`, the first and the last staying put.
    let step =
        move |from: usize, by: isize| from.saturating_add_signed(by).min(count.saturating_sub(1));
    let go = |by: isize| {
        let at = at.clone();
        Callback::from(move |_: MouseEvent| at.set(step(*at, by)))
    };
    let onkeydown = {
        let (at, on_close) = (at.clone(), props.on_close.clone());
        Callback::from(move |event: KeyboardEvent| {
            // Space and Enter on one of the buttons press that button.
            let on_button = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|element| element.tag_name() == "BUTTON");
            let next = match event.key().as_str() {
                " " | "Enter" if on_button => return,
                "ArrowRight" | "ArrowDown" | " " | "Enter" => step(*at, 1),
                "ArrowLeft" | "ArrowUp" => step(*at, -1),
                "Escape" => {
                    on_close.emit(());
                    return;
                }
                _ => return,
            };
            event.prevent_default();
            at.set(next);
        })
    };
    let restart = {
        let (at, seconds) = (at.clone(), seconds.clone());
        Callback::from(move |_: MouseEvent| {
            at.set(0);
            seconds.set(0);
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let line = props.lines.get(*at).cloned().unwrap_or_default();
    html! {
        <section class="card rehearse" aria-labelledby="rehearse-heading" tabindex="-1" ref={region} {onkeydown}>
            <h2 id="rehearse-heading">{ "Rehearse aloud" }</h2>
            <p class="muted">
                { format!("Line {} of {count}", *at + 1) }{ " · " }
                <span role="timer">{ format!("{}:{:02}", *seconds / 60, *seconds % 60) }</span>
            </p>
            <p class="rehearse-line" aria-live="polite">{ line }</p>
            <p class="hint">{ "→, Space or Enter: next line. ←: back. Esc: stop." }</p>
            <div class="actions">
                <button type="button" class="secondary" onclick={go(-1)} disabled={*at == 0}>{ "Previous line" }</button>
                <button type="button" onclick={go(1)} disabled={*at + 1 >= count}>{ "Next line" }</button>
                <button type="button" class="secondary" onclick={restart}>{ "Start again" }</button>
                <button type="button" class="secondary" onclick={close}>{ "Stop rehearsing" }</button>
            </div>
        </section>
    }
}

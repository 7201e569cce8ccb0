//! `#/talk` and its pages: the user's promotion process with its
//! checklist, the conversations to prepare, and what to do when a
//! promotion does not come; `#/talk/<id>`: one conversation's script,
//! filled from the user's own data.

mod conversation;

use yew::prelude::*;

use crate::core::route::Route;
use crate::core::talk::{key, Link, PrepEdit, Step, Talk};
use crate::ui::components::content_status::content_status;
use crate::ui::components::page_header::PageHeader;
use crate::ui::content::{use_content, Loaded};
use crate::ui::dom::value_of;
use crate::ui::state::{use_app, use_edit};

/// The surface's pages (the entry point of its split point).
pub fn view(route: &Route) -> Html {
    match route {
        Route::Conversation(id) => {
            html! { <conversation::ConversationPage key={id.as_str()} id={id.clone()} /> }
        }
        _ => html! { <TalkPage /> },
    }
}

/// `#/talk`: the process, its checklist, the conversations, and after
/// being passed over.
#[function_component]
fn TalkPage() -> Html {
    let (talk, retry) = use_content::<Talk>();
    let header = html! {
        <PageHeader
            title="Conversation prep"
            lead="Know how promotions are decided where you work, prepare each conversation with your own facts, and say it aloud before you say it for real."
        />
    };
    let Loaded::Ready(talk) = talk else {
        return html! { <>{ header }{ content_status(&talk, &retry) }</> };
    };
    let conversations = talk.conversations.iter().map(|conversation| {
        html! {
            <li key={conversation.id.as_str()}>
                <a href={Route::Conversation(conversation.id.clone()).href()}>{ &conversation.name }</a>
                <p>{ &conversation.when }</p>
            </li>
        }
    });
    let reasons = talk.reasons.iter().map(|reason| {
        html! {
            <div key={reason.id.as_str()} class="reason">
                <dt>{ &reason.name }</dt>
                <dd>
                    <p>{ &reason.what }</p>
                    <p><strong>{ "What you can do: " }</strong>{ &reason.action }</p>
                </dd>
            </div>
        }
    });
    html! {
        <>
            { header }
            <div class="stack">
                <Process talk={talk.clone()} />
                <section class="card" aria-labelledby="conversations-heading">
                    <h2 id="conversations-heading">{ "The conversations" }</h2>
                    <ul class="section-list">{ for conversations }</ul>
                </section>
                <section class="card" aria-labelledby="reasons-heading">
                    <h2 id="reasons-heading">{ "When it does not come, despite good work" }</h2>
                    <dl class="reasons">{ for reasons }</dl>
                    <h3>{ "Is it time to look elsewhere?" }</h3>
                    <p>{ &talk.elsewhere.intro }</p>
                    <ul>{ for talk.elsewhere.signs.iter().map(|sign| html! { <li>{ sign }</li> }) }</ul>
                </section>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct TalkProps {
    talk: std::rc::Rc<Talk>,
}

/// The process the user's company runs, chosen from the four, and the
/// checklist for it.
#[function_component]
fn Process(props: &TalkProps) -> Html {
    let app = use_app();
    let edit = use_edit::<PrepEdit>();
    let prep = app.state.document.talk.value();
    let chosen = prep
        .process
        .as_deref()
        .and_then(|id| props.talk.process(id));
    let choices = props.talk.processes.iter().map(|process| {
        let id = format!("process-{}", process.id);
        let checked = chosen.is_some_and(|chosen| chosen.id == process.id);
        let onchange = edit.reform(|event: Event| PrepEdit::Process(Some(value_of(&event))));
        html! {
            <label key={process.id.as_str()} class="grade-choice" for={id.clone()}>
                <input type="radio" name="process" {id} value={process.id.clone()} {checked} {onchange} />
                { &process.name }
            </label>
        }
    });
    html! {
        <section class="card" aria-labelledby="process-heading">
            <h2 id="process-heading">{ "How promotions are decided where you work" }</h2>
            <fieldset class="field">
                <legend>{ "Your company's process" }</legend>
                <div class="grade-choices">{ for choices }</div>
            </fieldset>
            if let Some(process) = chosen {
                <p>{ &process.summary }</p>
                if !process.signs.is_empty() {
                    <h3>{ "You will recognize it by" }</h3>
                    <ul>{ for process.signs.iter().map(|sign| html! { <li>{ sign }</li> }) }</ul>
                }
                if !process.questions.is_empty() {
                    <h3>{ "Questions to ask your manager" }</h3>
                    <ul>{ for process.questions.iter().map(|q| html! { <li>{ q }</li> }) }</ul>
                }
                <Checklist list={process.id.clone()} steps={process.checklist.clone()}
                    heading={format!("Preparing for a {} process", process.name.to_lowercase())} />
            } else {
                <p class="muted">{ "Choose the one that sounds like your company to see what to prepare. Not sure? Choose “Not sure” for the questions that find out." }</p>
            }
        </section>
    }
}

/// A link to the part of Rungs that helps with a step or a tip, after a
/// space; none to these pages themselves.
fn link_to(link: Link) -> Html {
    match link.target().filter(|_| link != Link::Talk) {
        Some((route, label)) => html! { <>{ " " }<a href={route.href()}>{ label }</a></> },
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    /// The list's id: a process's, or "after".
    pub list: String,
    pub steps: Vec<Step>,
    pub heading: String,
}

/// A checklist whose ticks are kept, each item linked to where Rungs helps.
#[function_component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    let app = use_app();
    let edit = use_edit::<PrepEdit>();
    let prep = app.state.document.talk.value();
    let done = props
        .steps
        .iter()
        .filter(|step| prep.is_done(&key(&props.list, &step.id)))
        .count();
    let items = props.steps.iter().map(|step| {
        let item = key(&props.list, &step.id);
        let checked = prep.is_done(&item);
        let id = format!("check-{}", item.replace('/', "-"));
        let onchange = {
            let item = item.clone();
            edit.reform(move |_: Event| PrepEdit::Done {
                key: item.clone(),
                done: !checked,
            })
        };
        html! {
            <li key={item} class="check">
                <input type="checkbox" id={id.clone()} {checked} {onchange} />
                <span>
                    <label for={id}>{ &step.text }</label>
                    { link_to(step.link) }
                </span>
            </li>
        }
    });
    html! {
        <>
            <h3>{ &props.heading }</h3>
            <p class="muted">{ format!("{done} of {} done.", props.steps.len()) }</p>
            <ul class="checks checklist">{ for items }</ul>
        </>
    }
}

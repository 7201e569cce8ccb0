//! `#/glossary/<id>`: one term's own page.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::form::TermForm;
use crate::core::glossary::{tag_label, Terms};
use crate::core::route::Route;
use crate::core::vocabulary::{Draft, Familiarity, VocabEdit};
use crate::ui::components::confirm::ConfirmDelete;
use crate::ui::components::page_header::PageHeader;
use crate::ui::dom;
use crate::ui::state::{use_app, use_edit};
use crate::ui::terms::use_terms;

#[derive(Properties, PartialEq)]
pub struct TermProps {
    pub id: AttrValue,
}

/// The heading stays one element while the glossary loads and the term
/// appears, so that focus placed on it after navigation stays there.
#[function_component]
pub fn TermPage(props: &TermProps) -> Html {
    let terms = use_terms();
    let editing = use_state(|| false);
    let page = use_node_ref();
    let found = terms
        .as_ref()
        .ok()
        .and_then(|terms| Some((terms.clone(), terms.find(&props.id)?)));
    let title = match (&terms, &found) {
        (Err(_), _) => "Glossary".to_owned(),
        (Ok(_), None) => "No such term".to_owned(),
        (Ok(_), Some((terms, index))) if *editing => format!("Edit “{}”", terms.get(*index).name),
        (Ok(_), Some((terms, index))) => terms.get(*index).name.clone(),
    };
    let body = match (terms, found) {
        (Err(status), _) => status,
        (Ok(_), Some((terms, index))) => {
            html! { <TermView {terms} {index} {editing} page={page.clone()} /> }
        }
        (Ok(_), None) => html! {
            <>
                <p>{ format!("The glossary has no term “{}”. It may have been one of your own terms that you deleted.", props.id) }</p>
                <p><a href={Route::Glossary.href()}>{ "Search the glossary" }</a></p>
            </>
        },
    };
    html! {
        <article class="term-page" ref={page}>
            <PageHeader {title} />
            { body }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    terms: Rc<Terms>,
    index: usize,
    editing: UseStateHandle<bool>,
    /// The page, whose heading takes focus when editing ends.
    page: NodeRef,
}

#[function_component]
fn TermView(props: &ViewProps) -> Html {
    let terms = &props.terms;
    let term = terms.get(props.index);
    let own = terms.is_own(props.index);
    let app = use_app();
    let on_edit = use_edit::<VocabEdit>();
    let editing = props.editing.clone();
    let familiarity = app.state.document.vocabulary.familiarity(&term.id);

    if *editing {
        let on_done = {
            let (editing, page) = (editing.clone(), props.page.clone());
            Callback::from(move |_: Option<String>| {
                editing.set(false);
                focus_heading(&page);
            })
        };
        return html! {
            <TermForm terms={terms.clone()} draft={Draft::from_term(term)} editing={Some(AttrValue::from(term.id.clone()))} {on_done} />
        };
    }

    let related = term.related.iter().filter_map(|id| terms.find(id)).map(|i| {
        let related = terms.get(i);
        html! { <li><a href={Route::GlossaryTerm(related.id.clone()).href()}>{ &related.name }</a></li> }
    });
    let familiarity_choice = familiarity_choice(&term.id, familiarity, &on_edit);
    let actions = own.then(|| {
        let edit = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(true))
        };
        let on_delete = {
            let (on_edit, id) = (on_edit.clone(), term.id.clone());
            Callback::from(move |()| {
                on_edit.emit(VocabEdit::Delete(id.clone()));
                dom::go(&Route::Glossary);
            })
        };
        html! {
            <section class="card" aria-labelledby="own-term-heading">
                <h2 id="own-term-heading">{ "Your term" }</h2>
                <div class="actions">
                    <button type="button" onclick={edit}>{ "Edit" }</button>
                    <ConfirmDelete
                        label="Delete…"
                        question={format!("Delete “{}” from your glossary? Its familiarity goes with it.", term.name)}
                        {on_delete}
                    />
                </div>
            </section>
        }
    });

    html! {
        <>
            if !term.aliases.is_empty() {
                <p class="term-aliases">{ format!("Also: {}", term.aliases.join(", ")) }</p>
            }
            <p class="term-result-meta">
                { for term.tags.iter().map(|tag| html! { <span class="tag">{ tag_label(tag) }</span> }) }
                if own {
                    <span class="tag tag-own">{ "Yours" }</span>
                }
            </p>
            <div class="term-body">
                <section aria-labelledby="definition-heading">
                    <h2 id="definition-heading">{ "What it means" }</h2>
                    <p class="term-definition">{ &term.definition }</p>
                    if !term.example.is_empty() {
                        <h2>{ "In a promotion conversation" }</h2>
                        <blockquote class="term-example"><p>{ &term.example }</p></blockquote>
                    }
                    if !term.related.is_empty() {
                        <h2>{ "Related terms" }</h2>
                        <ul class="related">{ for related }</ul>
                    }
                </section>
                <div class="term-side">
                    { familiarity_choice }
                    { actions }
                </div>
            </div>
            <p><a href={Route::Glossary.href()}>{ "← Back to the glossary" }</a></p>
        </>
    }
}

/// Moves focus to the heading of `page`. The heading is [`PageHeader`]'s,
/// which has no ref to lend, so it is found in the page.
fn focus_heading(page: &NodeRef) {
    let heading = page
        .cast::<Element>()
        .and_then(|page| page.query_selector("h1").ok().flatten())
        .and_then(|heading| heading.dyn_into::<HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.focus();
    }
}

/// New / learning / confident, as a radio group.
pub fn familiarity_choice(id: &str, chosen: Familiarity, on_edit: &Callback<VocabEdit>) -> Html {
    let name = format!("familiarity-{id}");
    let options = Familiarity::ALL.iter().map(|f| {
        let f = *f;
        let on_edit = on_edit.clone();
        let id = id.to_owned();
        let onchange = Callback::from(move |_: Event| on_edit.emit(VocabEdit::SetFamiliarity(id.clone(), f)));
        html! {
            <label class="grade-choice">
                <input type="radio" name={name.clone()} value={f.id()} checked={chosen == f} {onchange} />
                { f.label() }
            </label>
        }
    });
    html! {
        <div class="card">
            <fieldset class="field">
                <legend>{ "How well do you know it?" }</legend>
                <div class="grade-choices">{ for options }</div>
            </fieldset>
        </div>
    }
}

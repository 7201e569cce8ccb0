//! `#/glossary`: search on every keystroke, filters, an A–Z index, and the
//! tools to add terms, practise and export.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, NodeList};
use yew::prelude::*;

use super::{export, form, marked, practice};
use crate::core::glossary::{tag_label, Terms, TAGS};
use crate::core::route::Route;
use crate::core::search::{marks, FilterEdit, Filters, Hit, Index};
use crate::core::vocabulary::{Draft, Familiarity, Vocabulary};
use crate::ui::components::page_header::PageHeader;
use crate::ui::dom;
use crate::ui::focus::focus;
use crate::ui::state::use_app;
use crate::ui::terms::use_terms;

/// Results shown before "Show all": enough to scan, few enough to render
/// within a frame on every keystroke.
const FIRST_RESULTS: usize = 50;

thread_local! {
    /// The last search, so that coming back from a term finds it as it was.
    ///
    /// A thread_local, not app state: it is view memory, like a scroll
    /// position, not the user's data. It is never saved and no other page
    /// reads it; it only has to outlive the search page, which unmounts
    /// while a term is open.
    static LAST: RefCell<Filters> = RefCell::new(Filters::default());
}

/// The filters change by dispatching a [`FilterEdit`], which applies to the
/// latest filters.
impl Reducible for Filters {
    type Action = FilterEdit;

    fn reduce(self: Rc<Self>, edit: FilterEdit) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(edit);
        Rc::new(next)
    }
}

#[function_component]
pub fn GlossaryPage() -> Html {
    let terms = use_terms();
    html! {
        <>
            <PageHeader
                title="Vocabulary glossary"
                lead="The words engineers at the next level use: what each means, and how to use it when you make your case."
            />
            { match terms {
                Ok(terms) => html! { <SearchView {terms} /> },
                Err(status) => status,
            } }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    terms: Rc<Terms>,
}

#[function_component]
fn SearchView(props: &ViewProps) -> Html {
    let terms = &props.terms;
    let app = use_app();
    let vocabulary = &app.state.document.vocabulary;
    let filters = use_reducer(|| LAST.with(|last| last.borrow().clone()));
    let edit = filters.dispatcher();
    let index = use_memo(terms.clone(), |terms| Index::new(terms.iter()));
    // Opening "Add a term" from a failed search fills in its name.
    let adding = use_state(|| None::<Draft>);
    // The search box and the list of results, for the arrow keys.
    let search_box = use_node_ref();
    let list = use_node_ref();
    use_effect_with((*filters).clone(), |filters| {
        LAST.with(|last| *last.borrow_mut() = filters.clone())
    });

    let results = filters.results(terms, &index, vocabulary);
    let shown = &results.shown;
    let query = filters.searched();
    let on_query = {
        let edit = edit.clone();
        Callback::from(move |event: InputEvent| {
            let query = event.target_unchecked_into::<HtmlInputElement>().value();
            edit.dispatch(FilterEdit::Query(query));
        })
    };
    let first = shown.first().map(|(term, _)| terms.get(*term).id.clone());
    let on_search_key = {
        let list = list.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "ArrowDown" => {
                event.prevent_default();
                if let Some(link) = result_links(&list).and_then(|links| links.item(0)) {
                    focus_element(link);
                }
            }
            "Enter" => {
                if let Some(id) = &first {
                    event.prevent_default();
                    dom::go(&Route::GlossaryTerm(id.clone()));
                }
            }
            _ => {}
        })
    };
    let on_results_key = {
        let (list, search_box) = (list.clone(), search_box.clone());
        Callback::from(move |event: KeyboardEvent| move_through_results(&event, &list, &search_box))
    };

    let hidden = shown.len().saturating_sub(FIRST_RESULTS);
    let visible = if filters.show_all {
        &shown[..]
    } else {
        &shown[..shown.len().min(FIRST_RESULTS)]
    };
    let show_all = edit
        .to_callback()
        .reform(|_: MouseEvent| FilterEdit::ShowAll);
    let add_named = {
        let adding = adding.setter();
        let query = query.to_owned();
        Callback::from(move |_: MouseEvent| adding.set(Some(Draft::named(&query))))
    };

    html! {
        <div class="glossary">
            <search class="glossary-search" aria-label="Search and filter the glossary">
                <div class="field">
                    <label for="glossary-query">{ "Search the glossary" }</label>
                    <input ref={search_box} id="glossary-query" type="search" autocomplete="off" spellcheck="false"
                        value={filters.query.clone()} oninput={on_query} onkeydown={on_search_key}
                        aria-controls="glossary-results" aria-describedby="glossary-count glossary-keys" />
                    <p id="glossary-keys" class="hint">{ "Searches names, abbreviations and definitions as you type. Down arrow moves into the results; Enter opens the first." }</p>
                </div>
                { filter_controls(&filters, &edit) }
                { letter_index(&filters, &edit, &index) }
            </search>
            <div class="glossary-tools">
                <form::AddTerm terms={terms.clone()} draft={(*adding).clone()} on_open={adding.setter()} />
                <practice::Practice terms={terms.clone()} />
                <export::Export terms={terms.clone()} index={index.clone()} />
            </div>
            <p id="glossary-count" class="glossary-count" role="status">{ filters.count(shown.len(), terms.len()) }</p>
            if shown.is_empty() {
                { no_match(query, &index, terms, filters.outside(&results), &edit, add_named) }
            }
            <ol ref={list} id="glossary-results" class="term-results" onkeydown={on_results_key}>
                { for visible.iter().map(|(term, hit)| result(terms, vocabulary, *term, hit.as_ref(), query)) }
            </ol>
            if hidden > 0 && !filters.show_all {
                <button type="button" onclick={show_all}>{ format!("Show all {} terms", shown.len()) }</button>
            }
        </div>
    }
}

/// Tags, familiarity and "only mine".
fn filter_controls(filters: &Filters, edit: &UseReducerDispatcher<Filters>) -> Html {
    let tag_buttons = TAGS.iter().map(|&tag| {
        let pressed = filters.tags.contains(&tag);
        let onclick = edit.to_callback().reform(move |_: MouseEvent| FilterEdit::Tag(tag));
        html! {
            <button type="button" class="chip" aria-pressed={pressed.to_string()} {onclick}>{ tag_label(tag) }</button>
        }
    });
    let own = {
        let onclick = edit.to_callback().reform(|_: MouseEvent| FilterEdit::Own);
        html! { <button type="button" class="chip" aria-pressed={filters.own.to_string()} {onclick}>{ "Your own terms" }</button> }
    };
    let on_familiarity = edit.to_callback().reform(|event: Event| {
        let id = event.target_unchecked_into::<HtmlSelectElement>().value();
        FilterEdit::Familiarity(Familiarity::from_id(&id))
    });
    let chosen = filters.familiarity;
    html! {
        <div class="glossary-filters">
            <div role="group" aria-labelledby="glossary-tags-label" class="chips">
                <span id="glossary-tags-label" class="chips-label">{ "Tags (any of)" }</span>
                { for tag_buttons }
                { own }
            </div>
            <div class="field">
                <label for="glossary-familiarity">{ "Familiarity" }</label>
                <select id="glossary-familiarity" onchange={on_familiarity}>
                    <option value="" selected={chosen.is_none()}>{ "Any" }</option>
                    { for Familiarity::ALL.iter().map(|f| html! {
                        <option value={f.id()} selected={chosen == Some(*f)}>{ f.label() }</option>
                    }) }
                </select>
            </div>
        </div>
    }
}

/// Buttons for each initial letter; letters no term starts with are left
/// out rather than shown disabled.
fn letter_index(filters: &Filters, edit: &UseReducerDispatcher<Filters>, index: &Index) -> Html {
    let buttons = index.letters().iter().map(|&letter| {
        let pressed = filters.letter == Some(letter);
        let label = if letter == '#' {
            "Names starting with a digit or symbol".to_owned()
        } else {
            format!("Names starting with {}", letter.to_ascii_uppercase())
        };
        let onclick = edit.to_callback().reform(move |_: MouseEvent| FilterEdit::Letter(letter));
        html! {
            <button type="button" class="letter" aria-pressed={pressed.to_string()} aria-label={label} {onclick}>
                { letter.to_ascii_uppercase() }
            </button>
        }
    });
    html! {
        <nav class="letters" aria-label="A to Z">{ for buttons }</nav>
    }
}

/// One result: the name (a link to the term), what matched, the start of
/// the definition, tags and familiarity.
fn result(
    terms: &Terms,
    vocabulary: &Vocabulary,
    term: usize,
    hit: Option<&Hit>,
    query: &str,
) -> Html {
    let t = terms.get(term);
    let via_alias = hit.and_then(|hit| hit.alias).map(|alias| {
        let alias = &t.aliases[alias];
        html! { <span class="term-alias">{ "also " }{ marked(alias, &marks(alias, query)) }</span> }
    });
    let familiarity = vocabulary.familiarity(&t.id);
    html! {
        <li key={t.id.clone()} class="term-result">
            <a href={Route::GlossaryTerm(t.id.clone()).href()} class="term-result-name">
                { marked(&t.name, &marks(&t.name, query)) }
            </a>
            { via_alias }
            <p class="term-result-definition">{ marked(&t.definition, &marks(&t.definition, query)) }</p>
            <p class="term-result-meta">
                { for t.tags.iter().map(|tag| html! { <span class="tag">{ tag_label(tag) }</span> }) }
                if terms.is_own(term) {
                    <span class="tag tag-own">{ "Yours" }</span>
                }
                if familiarity != Familiarity::New {
                    <span class={classes!("familiarity", familiarity.id())}>{ familiarity.label() }</span>
                }
            </p>
        </li>
    }
}

/// Nothing matched: say so, and offer what might help.
fn no_match(
    query: &str,
    index: &Index,
    terms: &Terms,
    outside: Option<String>,
    edit: &UseReducerDispatcher<Filters>,
    add_named: Callback<MouseEvent>,
) -> Html {
    let suggestions = if query.is_empty() {
        Vec::new()
    } else {
        index.suggestions(query, 3)
    };
    let clear_filters = edit.to_callback().reform(|_: MouseEvent| FilterEdit::Clear);
    html! {
        <div class="no-match card">
            <h2>{ if query.is_empty() { "No term fits these filters".to_owned() } else { format!("No term matches “{query}”") } }</h2>
            if let Some(outside) = outside {
                <p>
                    { outside }{ " " }
                    <button type="button" onclick={clear_filters}>{ "Clear the filters" }</button>
                </p>
            }
            if !suggestions.is_empty() {
                <p>
                    { "Did you mean " }
                    { for suggestions.iter().enumerate().map(|(i, term)| {
                        let t = terms.get(*term);
                        html! {
                            <>
                                if i > 0 { { if i + 1 == suggestions.len() { " or " } else { ", " } } }
                                <a href={Route::GlossaryTerm(t.id.clone()).href()}>{ &t.name }</a>
                            </>
                        }
                    }) }
                    { "?" }
                </p>
            }
            if !query.is_empty() {
                <p>
                    { "Is it a word your company uses? " }
                    <button type="button" onclick={add_named}>{ format!("Add “{query}” as your own term") }</button>
                </p>
            }
        </div>
    }
}

/// The links to the results' pages in `list`, in order.
fn result_links(list: &NodeRef) -> Option<NodeList> {
    list.cast::<Element>()?
        .query_selector_all("a.term-result-name")
        .ok()
}

/// Moves focus to `node`, one of the [`result_links`].
fn focus_element(node: web_sys::Node) {
    if let Ok(element) = node.dyn_into::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// Arrow keys, Home and End move between the result links in `list`; Up
/// from the first returns to `search_box`. Enter follows the focused link,
/// as links do.
fn move_through_results(event: &KeyboardEvent, list: &NodeRef, search_box: &NodeRef) {
    let key = event.key();
    if !matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Home" | "End") {
        return;
    }
    let Some(links) = result_links(list) else {
        return;
    };
    let active = dom::document().active_element();
    let last = links.length().saturating_sub(1);
    let is_active = |i: &u32| {
        let link = links.item(*i);
        active
            .as_ref()
            .is_some_and(|a| a.is_same_node(link.as_ref()))
    };
    let Some(at) = (0..links.length()).find(is_active) else {
        return;
    };
    event.prevent_default();
    let next = match key.as_str() {
        "ArrowDown" => Some((at + 1).min(last)),
        "ArrowUp" => at.checked_sub(1),
        "Home" => Some(0),
        _ => Some(last),
    };
    match next.and_then(|i| links.item(i)) {
        Some(link) => focus_element(link),
        None => focus(search_box),
    }
}

//! `#/glossary`: search on every keystroke, filters, an A–Z index, and the
//! tools to add terms, practise and export.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{export, form, marked, practice, use_terms};
use crate::core::counted;
use crate::core::glossary::{tag_label, Terms, TAGS};
use crate::core::route::Route;
use crate::core::search::{marks, Hit, Index};
use crate::core::vocabulary::{Draft, Familiarity, Vocabulary};
use crate::ui::components::page_header::PageHeader;
use crate::ui::dom;
use crate::ui::state::use_app;

/// Results shown before "Show all": enough to scan, few enough to render
/// within a frame on every keystroke.
const FIRST_RESULTS: usize = 50;

/// What the user is looking for.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    query: String,
    /// Show terms with any of these tags (none: every tag).
    tags: Vec<&'static str>,
    familiarity: Option<Familiarity>,
    /// Only the user's own terms.
    own: bool,
    /// Names starting with this letter ('#' for digits and others).
    letter: Option<char>,
    show_all: bool,
}

impl Filters {
    fn narrowed(&self) -> bool {
        !self.tags.is_empty() || self.familiarity.is_some() || self.own || self.letter.is_some()
    }

    fn keeps(&self, terms: &Terms, index: &Index, vocabulary: &Vocabulary, term: usize) -> bool {
        let t = terms.get(term);
        (self.tags.is_empty() || t.tags.iter().any(|tag| self.tags.contains(&tag.as_str())))
            && self
                .familiarity
                .is_none_or(|f| vocabulary.familiarity(&t.id) == f)
            && (!self.own || terms.is_own(term))
            && self.letter.is_none_or(|l| index.initial(term) == l)
    }
}

thread_local! {
    /// The last search, so that coming back from a term finds it as it was.
    static LAST: RefCell<Filters> = RefCell::new(Filters::default());
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
    let filters = use_state(|| LAST.with(|last| last.borrow().clone()));
    let index = use_memo(terms.clone(), |terms| Index::new(terms.iter()));
    // Opening "Add a term" from a failed search fills in its name.
    let adding = use_state(|| None::<Draft>);
    {
        let filters = (*filters).clone();
        use_effect_with(filters, |filters| {
            LAST.with(|last| *last.borrow_mut() = filters.clone())
        });
    }

    let query = filters.query.trim();
    let matched: Vec<(usize, Option<Hit>)> = if query.is_empty() {
        index
            .alphabetical()
            .iter()
            .map(|&term| (term, None))
            .collect()
    } else {
        index
            .search(query)
            .into_iter()
            .map(|hit| (hit.term, Some(hit)))
            .collect()
    };
    let outside_filters = matched.len();
    let shown: Vec<(usize, Option<Hit>)> = matched
        .into_iter()
        .filter(|(term, _)| filters.keeps(terms, &index, vocabulary, *term))
        .collect();

    let on_query = {
        let set = setter(&filters, |f, value| {
            f.query = value;
            f.letter = None;
        });
        Callback::from(move |event: InputEvent| {
            set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let first = shown.first().map(|(term, _)| terms.get(*term).id.clone());
    let on_search_key = Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
        "ArrowDown" => {
            event.prevent_default();
            dom::focus("#glossary-results a");
        }
        "Enter" => {
            if let Some(id) = &first {
                event.prevent_default();
                dom::go(&Route::GlossaryTerm(id.clone()));
            }
        }
        _ => {}
    });

    let count = count_text(shown.len(), terms.len(), query, filters.narrowed());
    let hidden = shown.len().saturating_sub(FIRST_RESULTS);
    let visible = if filters.show_all {
        &shown[..]
    } else {
        &shown[..shown.len().min(FIRST_RESULTS)]
    };
    let show_all = {
        let filters = filters.clone();
        Callback::from(move |_: MouseEvent| {
            filters.set(Filters {
                show_all: true,
                ..(*filters).clone()
            })
        })
    };
    let clear_filters = {
        let filters = filters.clone();
        Callback::from(move |_: MouseEvent| {
            filters.set(Filters {
                query: filters.query.clone(),
                ..Filters::default()
            })
        })
    };
    let add_named = {
        let adding = adding.clone();
        let query = query.to_owned();
        Callback::from(move |_: MouseEvent| {
            adding.set(Some(Draft::named(&query)));
        })
    };

    html! {
        <div class="glossary">
            <search class="glossary-search" aria-label="Search and filter the glossary">
                <div class="field">
                    <label for="glossary-query">{ "Search the glossary" }</label>
                    <input id="glossary-query" type="search" autocomplete="off" spellcheck="false"
                        value={filters.query.clone()} oninput={on_query} onkeydown={on_search_key}
                        aria-controls="glossary-results" aria-describedby="glossary-count glossary-keys" />
                    <p id="glossary-keys" class="hint">{ "Searches names, abbreviations and definitions as you type. Down arrow moves into the results; Enter opens the first." }</p>
                </div>
                { filter_controls(&filters) }
                { letter_index(&filters, &index) }
            </search>
            <div class="glossary-tools">
                <form::AddTerm terms={terms.clone()} draft={(*adding).clone()} on_open={adding.setter()} />
                <practice::Practice terms={terms.clone()} />
                <export::Export terms={terms.clone()} index={index.clone()} />
            </div>
            <p id="glossary-count" class="glossary-count" role="status">{ count }</p>
            if shown.is_empty() {
                { no_match(query, &index, terms, outside_filters, filters.narrowed(), clear_filters, add_named) }
            }
            <ol id="glossary-results" class="term-results" onkeydown={Callback::from(move_through_results)}>
                { for visible.iter().map(|(term, hit)| result(terms, vocabulary, *term, hit.as_ref(), query)) }
            </ol>
            if hidden > 0 && !filters.show_all {
                <button type="button" onclick={show_all}>{ format!("Show all {} terms", shown.len()) }</button>
            }
        </div>
    }
}

/// A function that changes the filters with `change` and shows the first
/// results again.
fn setter(
    filters: &UseStateHandle<Filters>,
    change: fn(&mut Filters, String),
) -> impl Fn(String) + 'static {
    let filters = filters.clone();
    move |value: String| {
        let mut next = (*filters).clone();
        change(&mut next, value);
        next.show_all = false;
        filters.set(next);
    }
}

fn count_text(shown: usize, total: usize, query: &str, narrowed: bool) -> String {
    match (query.is_empty(), narrowed) {
        (false, _) => format!("{} for “{query}”", counted(shown, "match", "matches")),
        (true, true) => format!("{shown} of {}", counted(total, "term", "terms")),
        (true, false) => counted(total, "term", "terms"),
    }
}

/// Tags, familiarity and "only mine".
fn filter_controls(filters: &UseStateHandle<Filters>) -> Html {
    let toggle_tag = Rc::new(setter(filters, |f, tag| {
        match f.tags.iter().position(|t| *t == tag) {
            Some(at) => {
                f.tags.remove(at);
            }
            None => f.tags.extend(TAGS.iter().find(|t| **t == tag)),
        }
    }));
    let tag_buttons = TAGS.iter().map(|tag| {
        let pressed = filters.tags.contains(tag);
        let toggle = toggle_tag.clone();
        let onclick = Callback::from(move |_: MouseEvent| toggle((*tag).to_owned()));
        html! {
            <button type="button" class="chip" aria-pressed={pressed.to_string()} {onclick}>{ tag_label(tag) }</button>
        }
    });
    let own = {
        let toggle = setter(filters, |f, _| f.own = !f.own);
        let onclick = Callback::from(move |_: MouseEvent| toggle(String::new()));
        html! { <button type="button" class="chip" aria-pressed={filters.own.to_string()} {onclick}>{ "Your own terms" }</button> }
    };
    let set_familiarity = setter(filters, |f, id| f.familiarity = Familiarity::from_id(&id));
    let on_familiarity = Callback::from(move |event: Event| {
        set_familiarity(event.target_unchecked_into::<HtmlSelectElement>().value())
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
fn letter_index(filters: &UseStateHandle<Filters>, index: &Index) -> Html {
    let chosen = filters.letter;
    let set = Rc::new(setter(filters, |f, letter| {
        let letter = letter.chars().next();
        f.letter = if f.letter == letter { None } else { letter };
        f.query.clear();
    }));
    let buttons = index.letters().iter().map(|&letter| {
        let set = set.clone();
        let pressed = chosen == Some(letter);
        let label = if letter == '#' {
            "Names starting with a digit or symbol".to_owned()
        } else {
            format!("Names starting with {}", letter.to_ascii_uppercase())
        };
        let onclick = Callback::from(move |_: MouseEvent| set(letter.to_string()));
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
    outside_filters: usize,
    narrowed: bool,
    clear_filters: Callback<MouseEvent>,
    add_named: Callback<MouseEvent>,
) -> Html {
    let suggestions = if query.is_empty() {
        Vec::new()
    } else {
        index.suggestions(query, 3)
    };
    html! {
        <div class="no-match card">
            <h2>{ if query.is_empty() { "No term fits these filters".to_owned() } else { format!("No term matches “{query}”") } }</h2>
            if narrowed && outside_filters > 0 {
                <p>
                    { format!("{} outside your filters. ", counted(outside_filters, "term matches", "terms match")) }
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

/// Arrow keys, Home and End move between the result links; Up from the
/// first returns to the search box. Enter follows the focused link, as
/// links do.
fn move_through_results(event: KeyboardEvent) {
    let key = event.key();
    if !matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Home" | "End") {
        return;
    }
    let Ok(links) = dom::document().query_selector_all("#glossary-results a.term-result-name")
    else {
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
        Some(link) => {
            if let Ok(link) = link.dyn_into::<HtmlElement>() {
                let _ = link.focus();
            }
        }
        None => dom::focus("#glossary-query"),
    }
}

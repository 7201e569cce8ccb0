//! Glossary terms mentioned in text, linked to their definitions: a button
//! on the words opens a popover with the definition and a link to the term.
//! The browser's popover makes it keyboard operable: Enter or Space opens
//! it, Tab moves into it, Escape closes it and returns focus.

use yew::prelude::*;

use crate::core::route::Route;
use crate::ui::terms::Glossed;

/// `text` with each first mention of a term as a button, and the popovers
/// those buttons open. They are apart so that a caller can keep the
/// popovers out of an element whose text names something (a legend).
pub fn linked(text: &str, glossed: Option<&Glossed>, key: &str) -> (Html, Html) {
    let Some(glossed) = glossed else {
        return (html! { { text } }, Html::default());
    };
    let links = glossed.linker.links(text);
    if links.is_empty() {
        return (html! { { text } }, Html::default());
    }
    let mut inline = Vec::with_capacity(links.len() * 2 + 1);
    let mut popovers = Vec::with_capacity(links.len());
    let mut at = 0;
    for (n, link) in links.iter().enumerate() {
        let id = format!("term-pop-{key}-{n}");
        inline.push(html! { { &text[at..link.range.start] } });
        inline.push(opener(&id, &text[link.range.clone()]));
        popovers.push(popover(glossed, link.term, id));
        at = link.range.end;
    }
    inline.push(html! { { &text[at..] } });
    (inline.into_iter().collect(), popovers.into_iter().collect())
}

/// "In the glossary: SLO, error budget" for the terms a user's own text
/// mentions; nothing when it mentions none.
pub fn mentions(text: &str, glossed: Option<&Glossed>, key: &str) -> Html {
    let Some(glossed) = glossed else {
        return Html::default();
    };
    let links = glossed.linker.links(text);
    if links.is_empty() {
        return Html::default();
    }
    let buttons = links.iter().enumerate().map(|(n, link)| {
        let id = format!("term-pop-{key}-{n}");
        let name = &glossed.terms.get(link.term).name;
        html! {
            <>
                { opener(&id, name) }
                { popover(glossed, link.term, id) }
            </>
        }
    });
    html! {
        <div class="term-mentions">{ "In the glossary: " }{ for buttons }</div>
    }
}

/// The button on the words that opens popover `id`.
fn opener(id: &str, words: &str) -> Html {
    html! {
        <button type="button" class="term-link" popovertarget={id.to_owned()}>{ words }</button>
    }
}

fn popover(glossed: &Glossed, term: usize, id: String) -> Html {
    let term = glossed.terms.get(term);
    html! {
        <div {id} popover="auto" class="term-pop">
            <p class="term-pop-name">{ &term.name }</p>
            <p>{ &term.definition }</p>
            <a href={Route::GlossaryTerm(term.id.clone()).href()}>{ format!("Open “{}” in the glossary", term.name) }</a>
        </div>
    }
}

//! `#/glossary` and `#/glossary/<id>`: the vocabulary glossary.

mod export;
mod form;
mod practice;
mod search;
mod term;

use std::ops::Range;

use yew::prelude::*;

use crate::core::route::Route;

use search::GlossaryPage;
use term::TermPage;

/// The surface's pages (the entry point of its split point).
pub fn view(route: &Route) -> Html {
    match route {
        Route::GlossaryTerm(id) => html! { <TermPage key={id.as_str()} id={id.clone()} /> },
        _ => html! { <GlossaryPage /> },
    }
}

/// `text` with the byte ranges in `marks` wrapped in `<mark>`.
pub fn marked(text: &str, marks: &[Range<usize>]) -> Html {
    if marks.is_empty() {
        return html! { { text } };
    }
    let mut parts = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for range in marks {
        if range.start > at {
            parts.push(html! { { &text[at..range.start] } });
        }
        parts.push(html! { <mark>{ &text[range.clone()] }</mark> });
        at = range.end;
    }
    if at < text.len() {
        parts.push(html! { { &text[at..] } });
    }
    parts.into_iter().collect()
}

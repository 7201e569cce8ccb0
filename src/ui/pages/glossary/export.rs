//! Export the glossary, or just the learning list, as Markdown or a
//! printed page.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::counted;
use crate::core::export::glossary::{markdown, Selection};
use crate::core::glossary::{tag_label, Terms};
use crate::core::search::Index;
use crate::core::vocabulary::Vocabulary;
use crate::ui::clock::today;
use crate::ui::components::print::use_print;
use crate::ui::components::share::use_share;
use crate::ui::state::use_app;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub terms: Rc<Terms>,
    /// The search index over `terms`, for their A–Z order.
    pub index: Rc<Index>,
}

#[function_component]
pub fn Export(props: &ExportProps) -> Html {
    let app = use_app();
    let vocabulary = &app.state.document.vocabulary;
    let selection = use_state(|| Selection::All);
    // What to print, once asked: the sheet is only built for printing.
    let printing = use_state(|| None::<Selection>);
    let print_now = use_print();

    let learning = Selection::Learning
        .terms(&props.terms, &props.index, vocabulary)
        .len();
    let choice = |value: Selection, label: String| {
        let checked = *selection == value;
        let selection = selection.clone();
        let onchange = Callback::from(move |_: Event| selection.set(value));
        html! {
            <label class="grade-choice">
                <input type="radio" name="glossary-export" {checked} {onchange} />
                { label }
            </label>
        }
    };
    let share = use_share();
    let download = {
        let share = share.clone();
        let terms = props.terms.clone();
        let index = props.index.clone();
        let vocabulary = vocabulary.clone();
        let selection = *selection;
        Callback::from(move |_: MouseEvent| {
            let chosen = selection.terms(&terms, &index, &vocabulary);
            let text = markdown(selection.title(), &chosen, &terms.all(), &vocabulary);
            share.download(&text, &selection.file_name(today()));
        })
    };
    let print = {
        let printing = printing.clone();
        let selection = *selection;
        Callback::from(move |_: MouseEvent| {
            printing.set(Some(selection));
            print_now.emit(());
        })
    };
    let empty = *selection == Selection::Learning && learning == 0;
    html! {
        <>
            <details class="tool" id="export-tool">
                <summary>{ "Export" }</summary>
                <fieldset class="field">
                    <legend>{ "What to export" }</legend>
                    <div class="grade-choices">
                        { choice(Selection::All, format!("All terms ({})", props.terms.len())) }
                        { choice(Selection::Learning, format!("My learning list ({learning})")) }
                    </div>
                </fieldset>
                if empty {
                    <p class="hint">{ "Your learning list is empty: mark terms as Learning on their pages." }</p>
                } else {
                    <div class="actions">
                        <button type="button" onclick={download}>{ "Download Markdown" }</button>
                        <button type="button" onclick={print}>{ "Print" }</button>
                    </div>
                    { share.status() }
                }
            </details>
            if let Some(chosen) = *printing {
                { sheet(chosen, &props.terms, &props.index, vocabulary) }
            }
        </>
    }
}

/// The printed page: hidden on screen, the only thing printed.
fn sheet(selection: Selection, terms: &Terms, index: &Index, vocabulary: &Vocabulary) -> Html {
    let chosen = selection.terms(terms, index, vocabulary);
    html! {
        <section class="print-sheet" aria-label={format!("{} for printing", selection.title())}>
            <h1>{ selection.title() }</h1>
            <p>{ format!("{}, from Rungs.", counted(chosen.len(), "term", "terms")) }</p>
            { for chosen.iter().map(|term| html! {
                <article class="print-term">
                    <h2>{ &term.name }</h2>
                    if !term.aliases.is_empty() {
                        <p class="term-aliases">{ format!("Also: {}", term.aliases.join(", ")) }</p>
                    }
                    <p>{ &term.definition }</p>
                    if !term.example.is_empty() {
                        <p class="term-example">{ "In a promotion conversation: " }{ &term.example }</p>
                    }
                    <p class="muted">{ term.tags.iter().map(|t| tag_label(t)).collect::<Vec<_>>().join(" · ") }</p>
                </article>
            }) }
        </section>
    }
}

//! Every glossary term, built-in and the user's own ([`Terms`]), for the
//! pages that show them or link to them.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::glossary::{Glossary, Terms};
use crate::core::search::Linker;
use crate::ui::components::content_status::content_status;
use crate::ui::content::{use_content, Loaded};
use crate::ui::state::use_app;

/// Every term once the built-in glossary is loaded; until then, what to
/// show instead ("Loading", or why it failed with a way to retry).
#[hook]
pub fn use_terms() -> Result<Rc<Terms>, Html> {
    let (glossary, retry) = use_content::<Glossary>();
    // The user's terms, copied only when the vocabulary changes (not with
    // every change to the document); the terms are built again only when
    // these differ from the last.
    let vocabulary = use_app().state.document.vocabulary.shared();
    let own = use_memo(vocabulary, |vocabulary| vocabulary.terms.clone());
    let terms = use_memo((glossary.clone(), own), |(glossary, own)| match glossary {
        Loaded::Ready(glossary) => Some(Rc::new(Terms::new(glossary.clone(), (**own).clone()))),
        _ => None,
    });
    (*terms)
        .clone()
        .ok_or_else(|| content_status(&glossary, &retry))
}

/// The terms with a [`Linker`] over them, for linking mentions in text.
pub struct Glossed {
    pub terms: Rc<Terms>,
    pub linker: Linker,
}

impl PartialEq for Glossed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.terms, &other.terms)
    }
}

/// Links for glossary terms once the glossary is loaded. A page that links
/// terms works without them, so a glossary that cannot load is not an error
/// here: the text is shown as it is.
#[hook]
pub fn use_glossed() -> Option<Rc<Glossed>> {
    let terms = use_terms().ok();
    let glossed = use_memo(terms, |terms| {
        terms.as_ref().map(|terms| {
            Rc::new(Glossed {
                terms: terms.clone(),
                linker: Linker::new(terms.iter()),
            })
        })
    });
    (*glossed).clone()
}

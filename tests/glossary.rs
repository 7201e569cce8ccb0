//! Native tests of `rungs::core::glossary`: the built-in terms with the
//! user's own after them, and the tags' names.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use rungs::core::glossary::{tag_label, Glossary, Term, Terms, TAGS};

fn term(id: &str, name: &str) -> Term {
    Term {
        id: id.into(),
        name: name.into(),
        aliases: Vec::new(),
        tags: vec!["process".into()],
        related: Vec::new(),
        definition: format!("What {name} means."),
        example: String::new(),
    }
}

/// Two built-in terms.
fn builtin() -> Rc<Glossary> {
    Rc::new(Glossary {
        terms: vec![term("slo", "SLO"), term("toil", "Toil")],
    })
}

fn names<'a>(terms: impl IntoIterator<Item = &'a Term>) -> Vec<&'a str> {
    terms.into_iter().map(|t| t.name.as_str()).collect()
}

#[test]
fn own_terms_come_after_the_built_in_ones() {
    let terms = Terms::new(builtin(), vec![term("my-cut", "Paper cut")]);
    assert_eq!(terms.len(), 3);
    assert!(!terms.is_empty());
    assert_eq!(names(terms.iter()), ["SLO", "Toil", "Paper cut"]);
    assert_eq!(names(terms.all()), ["SLO", "Toil", "Paper cut"]);
    assert_eq!(
        names((0..terms.len()).map(|i| terms.get(i))),
        ["SLO", "Toil", "Paper cut"]
    );
    let own: Vec<bool> = (0..terms.len()).map(|i| terms.is_own(i)).collect();
    assert_eq!(own, [false, false, true]);
}

#[test]
fn a_term_is_found_by_its_id() {
    let terms = Terms::new(builtin(), vec![term("my-cut", "Paper cut")]);
    assert_eq!(terms.find("slo"), Some(0));
    assert_eq!(terms.find("toil"), Some(1));
    assert_eq!(terms.find("my-cut"), Some(2));
    assert_eq!(terms.find("Toil"), None);
    assert_eq!(terms.find("missing"), None);
}

#[test]
fn no_terms_at_all_is_empty() {
    let terms = Terms::new(Rc::new(Glossary { terms: Vec::new() }), Vec::new());
    assert!(terms.is_empty());
    assert_eq!(terms.iter().count(), 0);
    assert_eq!(terms.find("slo"), None);
}

#[test]
fn terms_are_equal_with_the_same_glossary_and_equal_own_terms() {
    let glossary = builtin();
    let mine = vec![term("my-cut", "Paper cut")];
    let terms = Terms::new(glossary.clone(), mine.clone());
    assert_eq!(terms, Terms::new(glossary.clone(), mine.clone()));
    // The built-in glossary compares by pointer: it is never edited.
    assert_ne!(terms, Terms::new(builtin(), mine));
    assert_ne!(terms, Terms::new(glossary.clone(), Vec::new()));
    assert_ne!(
        terms,
        Terms::new(glossary, vec![term("my-cut", "Paper cuts")])
    );
}

#[test]
fn every_tag_has_its_name_and_others_are_other() {
    assert_eq!(
        TAGS,
        [
            "devops",
            "cloud",
            "reliability",
            "architecture",
            "data",
            "security",
            "process",
            "career"
        ]
    );
    assert_eq!(
        TAGS.map(tag_label),
        [
            "DevOps",
            "Cloud",
            "Reliability",
            "Architecture",
            "Data",
            "Security",
            "Process",
            "Career"
        ]
    );
    assert_eq!(tag_label("astrology"), "Other");
    // Ids, not names.
    assert_eq!(tag_label("DevOps"), "Other");
    assert_eq!(tag_label(""), "Other");
}

//! Fixtures the native test files share: the built-in glossary, own terms
//! as the user would write them, and rubric criteria.

#![allow(dead_code)]

use proptest::test_runner::Config;
use rungs::core::glossary::{Glossary, Term};
use rungs::core::rubric::Criterion;

/// A property test's settings: `cases` inputs, and no file of past
/// failures left in the tree.
pub fn bounded(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

pub fn glossary() -> Glossary {
    toml::from_str(include_str!("../../src/content/glossary.toml")).expect("glossary.toml parses")
}

pub fn builtin(id: &str) -> Term {
    glossary()
        .terms
        .into_iter()
        .find(|term| term.id == id)
        .unwrap_or_else(|| panic!("no built-in term {id}"))
}

/// An own term, as `check` would make it.
pub fn own(id: &str, name: &str) -> Term {
    Term {
        id: id.into(),
        name: name.into(),
        aliases: Vec::new(),
        tags: vec!["process".into()],
        related: Vec::new(),
        definition: format!("What {name} means here."),
        example: String::new(),
    }
}

pub fn paper_cut() -> Term {
    Term {
        aliases: vec!["papercuts".into()],
        definition: "A small, annoying flaw that nobody owns.".into(),
        example: "I ran a paper-cut week that closed 46 small bugs.".into(),
        ..own("my-paper-cut", "Paper cut")
    }
}

/// A criterion of `level` with its `text`, and nothing else.
pub fn criterion(id: &str, level: &str, text: &str) -> Criterion {
    Criterion {
        id: id.into(),
        level: level.into(),
        text: text.into(),
        ..Criterion::default()
    }
}

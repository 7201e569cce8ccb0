//! The vocabulary glossary: terms with aliases, tags, related terms, a plain
//! definition and an example of using the term in a promotion case. The
//! built-in terms are `src/content/glossary.toml`; [`Terms`] puts the user's
//! own terms after them.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// The built-in glossary's file in the build, next to `index.html`, written
/// from `src/content/glossary.toml` by `tools/content` like the rubric.
pub const GLOSSARY_FILE: &str = "glossary.json";

/// Every tag a term may carry, as its id and the name shown, in the order
/// the pages offer them: the one table [`TAGS`] and [`tag_label`] read, so
/// that no tag lacks a name.
const TAG_NAMES: [(&str, &str); 8] = [
    ("devops", "DevOps"),
    ("cloud", "Cloud"),
    ("reliability", "Reliability"),
    ("architecture", "Architecture"),
    ("data", "Data"),
    ("security", "Security"),
    ("process", "Process"),
    ("career", "Career"),
];

/// The tags a term may carry, by id, in the order the pages offer them.
pub const TAGS: [&str; TAG_NAMES.len()] = {
    let mut ids = [""; TAG_NAMES.len()];
    let mut i = 0;
    while i < ids.len() {
        ids[i] = TAG_NAMES[i].0;
        i += 1;
    }
    ids
};

/// The name shown for a tag id: "DevOps" for "devops", "Other" for an id
/// that is not one of [`TAGS`].
pub fn tag_label(tag: &str) -> &'static str {
    TAG_NAMES
        .iter()
        .find(|(id, _)| *id == tag)
        .map_or("Other", |(_, label)| label)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    #[serde(rename = "term")]
    pub terms: Vec<Term>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    pub definition: String,
    /// How to use the term in a promotion conversation. Every built-in term
    /// has one; the user's own terms may leave it empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub example: String,
}

impl Glossary {
    /// Everything wrong with these terms, in plain words; empty when none.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let ids: HashSet<&str> = self.terms.iter().map(|t| t.id.as_str()).collect();
        if ids.len() != self.terms.len() {
            problems.push("two terms share an id".into());
        }
        // Every name and alias, case-insensitively, to the term that claims it.
        let mut claimed: HashMap<String, &str> = HashMap::new();
        for term in &self.terms {
            let valid_id = !term.id.is_empty()
                && term.id.split('-').all(|part| {
                    !part.is_empty()
                        && part
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                });
            if !valid_id {
                problems.push(format!(
                    "{:?} is not a valid id (a-z, 0-9 and single hyphens)",
                    term.id
                ));
            }
            for (field, text) in [
                ("name", &term.name),
                ("definition", &term.definition),
                ("example", &term.example),
            ] {
                if text.trim().is_empty() {
                    problems.push(format!("{}: the {field} is empty", term.id));
                }
            }
            if term.tags.is_empty() {
                problems.push(format!("{}: no tags", term.id));
            }
            for tag in &term.tags {
                if !TAGS.contains(&tag.as_str()) {
                    problems.push(format!("{}: unknown tag {tag:?}", term.id));
                }
            }
            for related in &term.related {
                if related == &term.id {
                    problems.push(format!("{}: lists itself as related", term.id));
                } else if !ids.contains(related.as_str()) {
                    problems.push(format!(
                        "{}: related term {related:?} does not exist",
                        term.id
                    ));
                }
            }
            for word in std::iter::once(&term.name).chain(&term.aliases) {
                if word.trim().is_empty() {
                    problems.push(format!("{}: an empty alias", term.id));
                    continue;
                }
                match claimed.insert(word.to_lowercase(), &term.id) {
                    Some(other) if other == term.id => {
                        problems.push(format!("{}: {word:?} is listed twice", term.id));
                    }
                    Some(other) => {
                        problems.push(format!(
                            "{word:?} is claimed by both {other} and {}",
                            term.id
                        ));
                    }
                    None => {}
                }
            }
        }
        problems
    }
}

/// Every term: the built-in ones, then the user's own. A term's place in
/// this order is its index, as [`crate::core::search::Index`] numbers them.
#[derive(Debug)]
pub struct Terms {
    builtin: Rc<Glossary>,
    own: Vec<Term>,
    by_id: HashMap<String, usize>,
}

/// The same built-in glossary (by pointer: it is never edited) and equal
/// own terms.
impl PartialEq for Terms {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.builtin, &other.builtin) && self.own == other.own
    }
}

/// So that an `Rc<Terms>` (a prop, a memo key) is compared by pointer first,
/// as `Rc` does for `Eq` values, and the own terms only when that differs.
impl Eq for Terms {}

impl Terms {
    /// The terms of `builtin`, then `own`.
    pub fn new(builtin: Rc<Glossary>, own: Vec<Term>) -> Terms {
        let mut terms = Terms {
            builtin,
            own,
            by_id: HashMap::new(),
        };
        terms.by_id = terms
            .iter()
            .enumerate()
            .map(|(i, term)| (term.id.clone(), i))
            .collect();
        terms
    }

    pub fn len(&self) -> usize {
        self.builtin.terms.len() + self.own.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The term at `index`. Panics when `index` is not below [`Terms::len`].
    pub fn get(&self, index: usize) -> &Term {
        let builtin = self.builtin.terms.len();
        if index < builtin {
            &self.builtin.terms[index]
        } else {
            &self.own[index - builtin]
        }
    }

    /// Every term, in index order.
    pub fn iter(&self) -> impl Iterator<Item = &Term> {
        self.builtin.terms.iter().chain(&self.own)
    }

    /// Every term, in index order, for the functions that take a slice.
    pub fn all(&self) -> Vec<&Term> {
        self.iter().collect()
    }

    /// The index of the term with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Whether the user wrote the term at `index`.
    pub fn is_own(&self, index: usize) -> bool {
        index >= self.builtin.terms.len()
    }
}

//! The glossary, or just the user's learning list, as Markdown to keep:
//! which terms, under what title and file name, and the text.

use std::fmt::Write;

use crate::core::counted;
use crate::core::glossary::{Term, Terms};
use crate::core::markdown::{inline, paragraph};
use crate::core::search::Index;
use crate::core::time::Date;
use crate::core::vocabulary::{Familiarity, Vocabulary};

/// Which terms to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// Every term, built-in and own.
    All,
    /// The terms marked "learning".
    Learning,
}

impl Selection {
    /// The export's title.
    pub fn title(self) -> &'static str {
        match self {
            Selection::All => "Glossary",
            Selection::Learning => "My learning list",
        }
    }

    /// The name of the file to save [`markdown`] in on `today`:
    /// "rungs-glossary-2026-11-21.md", "rungs-learning-list-2026-11-21.md".
    pub fn file_name(self, today: Date) -> String {
        let stem = match self {
            Selection::All => "rungs-glossary",
            Selection::Learning => "rungs-learning-list",
        };
        super::file_name(stem, today, "md")
    }

    /// The chosen terms, A–Z. `index` is over `terms`, in their order.
    pub fn terms<'a>(
        self,
        terms: &'a Terms,
        index: &Index,
        vocabulary: &Vocabulary,
    ) -> Vec<&'a Term> {
        index
            .alphabetical()
            .iter()
            .map(|&term| terms.get(term))
            .filter(|t| {
                self == Selection::All || vocabulary.familiarity(&t.id) == Familiarity::Learning
            })
            .collect()
    }
}

/// A Markdown document of `terms`, in the order given: the title, how many
/// terms, then for each term its name as a heading, its other names, tags,
/// familiarity (unless new), definition, example and related terms.
/// Related ids are shown by name, looked up in `all` (every term, so that an
/// export of a few terms still names what they relate to); ids not found
/// there are left out. Every piece of text from the
/// glossary or the user goes through [`inline`] (or [`paragraph`] where it
/// starts a line), so it cannot break the layout.
pub fn markdown(title: &str, terms: &[&Term], all: &[&Term], vocabulary: &Vocabulary) -> String {
    let mut out = format!("# {}\n\n", inline(title));
    match terms.len() {
        0 => out += "No terms.\n",
        n => {
            let _ = writeln!(out, "{}.", counted(n, "term", "terms"));
        }
    }
    for term in terms {
        let _ = write!(out, "\n## {}\n\n", inline(&term.name));
        if !term.aliases.is_empty() {
            let _ = write!(out, "*Also: {}*\n\n", list(&term.aliases));
        }
        if !term.tags.is_empty() {
            let _ = write!(out, "Tags: {}\n\n", list(&term.tags));
        }
        let familiarity = vocabulary.familiarity(&term.id);
        if familiarity != Familiarity::New {
            let _ = write!(out, "Familiarity: {}\n\n", familiarity.label());
        }
        let _ = writeln!(out, "{}", paragraph(&term.definition));
        if !term.example.trim().is_empty() {
            let _ = write!(
                out,
                "\n> In a promotion conversation: {}\n",
                inline(&term.example)
            );
        }
        let related = term.related.iter().filter_map(|id| {
            all.iter()
                .find(|other| other.id == *id)
                .map(|other| &other.name)
        });
        let related = list(related);
        if !related.is_empty() {
            let _ = write!(out, "\nRelated: {related}\n");
        }
    }
    out
}

/// `items`, each through [`inline`], separated by commas.
fn list<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    let items: Vec<String> = items.into_iter().map(|item| inline(item)).collect();
    items.join(", ")
}

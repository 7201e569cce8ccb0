//! Native tests of `rungs::core::glossary` (the built-in terms with the
//! user's own after them, and the tags' names) and of the glossary's export
//! in `rungs::core::export::glossary`.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use rungs::core::export::glossary::{markdown, Selection};
use rungs::core::glossary::{tag_label, Glossary, Term, Terms, TAGS};
use rungs::core::search::Index;
use rungs::core::time::Date;
use rungs::core::vocabulary::{Familiarity, VocabEdit, Vocabulary};

mod common;
use common::{builtin, own, paper_cut};

/// Two made-up built-in terms.
fn builtin_two() -> Rc<Glossary> {
    Rc::new(Glossary {
        terms: vec![own("slo", "SLO"), own("toil", "Toil")],
    })
}

fn names<'a>(terms: impl IntoIterator<Item = &'a Term>) -> Vec<&'a str> {
    terms.into_iter().map(|t| t.name.as_str()).collect()
}

#[test]
fn own_terms_come_after_the_built_in_ones() {
    let terms = Terms::new(builtin_two(), vec![own("my-cut", "Paper cut")]);
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
    let terms = Terms::new(builtin_two(), vec![own("my-cut", "Paper cut")]);
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
    let glossary = builtin_two();
    let mine = vec![own("my-cut", "Paper cut")];
    let terms = Terms::new(glossary.clone(), mine.clone());
    assert_eq!(terms, Terms::new(glossary.clone(), mine.clone()));
    // The built-in glossary compares by pointer: it is never edited.
    assert_ne!(terms, Terms::new(builtin_two(), mine));
    assert_ne!(terms, Terms::new(glossary.clone(), Vec::new()));
    assert_ne!(
        terms,
        Terms::new(glossary, vec![own("my-cut", "Paper cuts")])
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

// --- The export ----------------------------------------------------------------

#[test]
fn the_export_lists_each_term_with_what_the_user_knows() {
    let mut slo = builtin("slo");
    slo.related = vec!["sli".into(), "my-paper-cut".into(), "missing".into()];
    let sli = builtin("sli");
    let mut vocabulary = Vocabulary::default();
    vocabulary.apply(VocabEdit::Add(paper_cut()));
    vocabulary.apply(VocabEdit::SetFamiliarity(
        "slo".into(),
        Familiarity::Learning,
    ));
    let cut = paper_cut();
    let out = markdown("My terms", &[&slo, &cut], &[&slo, &cut], &vocabulary);
    assert_eq!(
        out,
        format!(
            "# My terms\n\n2 terms.\n\n\
             ## Service level objective\n\n*Also: SLO, SLOs*\n\nTags: reliability\n\nFamiliarity: Learning\n\n{}\n\n\
             > In a promotion conversation: {}\n\n\
             Related: Paper cut\n\n\
             ## Paper cut\n\n*Also: papercuts*\n\nTags: process\n\n\
             A small, annoying flaw that nobody owns.\n\n\
             > In a promotion conversation: I ran a paper-cut week that closed 46 small bugs.\n",
            slo.definition, slo.example
        )
    );
    // Related terms are named from every term, not only the exported ones.
    let all = [&slo, &sli, &cut];
    let out = markdown("Learning", &[&slo], &all, &vocabulary);
    assert!(
        out.contains("Related: Service level indicator, Paper cut\n"),
        "{out}"
    );
    assert_eq!(
        markdown("Nothing", &[], &all, &vocabulary),
        "# Nothing\n\nNo terms.\n"
    );
    assert!(markdown("One", &[&sli], &all, &vocabulary).contains("\n1 term.\n"));
}

#[test]
fn the_export_escapes_what_the_user_wrote() {
    let term = Term {
        aliases: vec!["*star*".into(), "a|b".into()],
        definition: "# Not a heading\nand <b>not</b> html".into(),
        example: "Line one\n\n> two _three_".into(),
        ..own("my-x", "[link](http://x) `code`")
    };
    let out = markdown(
        "Mine *all* mine",
        &[&term],
        &[&term],
        &Vocabulary::default(),
    );
    assert_eq!(
        out,
        "# Mine \\*all\\* mine\n\n1 term.\n\n\
         ## \\[link\\](http://x) \\`code\\`\n\n*Also: \\*star\\*, a\\|b*\n\nTags: process\n\n\
         \\# Not a heading and \\<b\\>not\\</b\\> html\n\n\
         > In a promotion conversation: Line one \\> two \\_three\\_\n"
    );
}

#[test]
fn the_export_is_titled_and_named_after_what_it_holds() {
    let today = Date::parse("2026-11-21").unwrap();
    assert_eq!(Selection::All.title(), "Glossary");
    assert_eq!(Selection::Learning.title(), "My learning list");
    assert_eq!(
        Selection::All.file_name(today),
        "rungs-glossary-2026-11-21.md"
    );
    assert_eq!(
        Selection::Learning.file_name(today),
        "rungs-learning-list-2026-11-21.md"
    );
}

#[test]
fn the_export_holds_every_term_or_the_learning_list_a_to_z() {
    let terms = Terms::new(
        builtin_two(),
        vec![own("my-cut", "Paper cut"), own("my-api", "API gateway")],
    );
    let index = Index::new(terms.iter());
    let mut vocabulary = Vocabulary::default();
    for (id, familiarity) in [
        ("toil", Familiarity::Learning),
        ("my-api", Familiarity::Learning),
        ("slo", Familiarity::Confident),
    ] {
        vocabulary.apply(VocabEdit::SetFamiliarity(id.into(), familiarity));
    }
    assert_eq!(
        names(Selection::All.terms(&terms, &index, &vocabulary)),
        ["API gateway", "Paper cut", "SLO", "Toil"]
    );
    assert_eq!(
        names(Selection::Learning.terms(&terms, &index, &vocabulary)),
        ["API gateway", "Toil"]
    );
    assert!(Selection::Learning
        .terms(&terms, &index, &Vocabulary::default())
        .is_empty());
}

//! Glossary search, highlighting, the glossary page's filters and linking
//! against the real glossary.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;
use std::sync::OnceLock;

use common::glossary;
use proptest::prelude::*;
use rungs::core::fold::words;
use rungs::core::glossary::{Term, Terms};
use rungs::core::search::{marks, FilterEdit, Filters, Hit, Index, Linker, Rank, Results};
use rungs::core::vocabulary::{Familiarity, VocabEdit, Vocabulary};

/// The ids of the terms `index` finds for `query`, best first.
fn found(terms: &[Term], index: &Index, query: &str) -> Vec<String> {
    let hits = index.search(query);
    hits.iter().map(|hit| terms[hit.term].id.clone()).collect()
}

#[test]
fn the_best_hit_is_the_term_meant() {
    use Rank::*;
    // (query, id of the first hit, its rank, the alias it matched)
    let table: &[(&str, &str, Rank, Option<&str>)] = &[
        // The name or an alias, whatever the case, accents and punctuation.
        ("Error budget", "error-budget", ExactName, None),
        ("ERROR budget", "error-budget", ExactName, None),
        ("ci/cd", "ci-cd", ExactName, None),
        ("CICD", "ci-cd", ExactName, None),
        ("ci-cd", "ci-cd", ExactName, None),
        ("Kubérnetes", "kubernetes", ExactName, None),
        ("on call", "on-call", ExactName, None),
        ("k8s", "kubernetes", ExactAlias, Some("K8s")),
        ("SLO", "slo", ExactAlias, Some("SLO")),
        ("slo", "slo", ExactAlias, Some("SLO")),
        ("1:1", "one-on-one", ExactAlias, Some("1:1")),
        ("KUBERNETES POD", "pod", ExactAlias, Some("Kubernetes pod")),
        // While typing.
        ("error bu", "error-budget", NamePrefix, None),
        ("obs", "observability", NamePrefix, None),
        ("blue/green", "blue-green-deployment", NamePrefix, None),
        (
            "promo pack",
            "promotion-packet",
            AliasPrefix,
            Some("promo packet"),
        ),
        // Words of the name, in any order.
        ("commander", "incident-commander", NameWord, None),
        ("budget error", "error-budget", NameWord, None),
        ("recovery time mean", "mttr", NameWord, None),
        ("tracing distributed", "distributed-tracing", NameWord, None),
        // Words of the name, one or more mistyped.
        ("tech det", "technical-debt", NameWordTypo(1), None),
        ("eror budget", "error-budget", NameWordTypo(1), None),
        (
            "chaos engneering",
            "chaos-engineering",
            NameWordTypo(1),
            None,
        ),
        ("budget eror", "error-budget", NameWordTypo(1), None),
        (
            "engneering chaos",
            "chaos-engineering",
            NameWordTypo(1),
            None,
        ),
        // Inside a word of the name.
        ("ops", "devops", NameInside, None),
        // Only in a definition.
        ("istio", "service-mesh", Definition, None),
        // Typing mistakes.
        ("kubernets", "kubernetes", Typo(1), None),
        ("obsevability", "observability", Typo(1), None),
        ("calibraton", "calibration", Typo(1), None),
        ("latensy", "latency", Typo(1), None),
        ("kubrne", "kubernetes", Typo(1), None),
        ("idempotnt", "idempotency", Typo(1), Some("idempotent")),
        ("terafrom", "terraform", Typo(2), None),
    ];
    let terms = glossary().terms;
    let index = Index::new(&terms);
    for &(query, id, rank, alias) in table {
        let hits = index.search(query);
        let first = hits
            .first()
            .unwrap_or_else(|| panic!("{query:?} finds nothing"));
        let term = &terms[first.term];
        let matched = first.alias.map(|i| term.aliases[i].as_str());
        assert_eq!(
            (term.id.as_str(), first.rank, matched),
            (id, rank, alias),
            "{query:?}"
        );
    }
}

#[test]
fn words_started_in_the_name_come_before_words_inside_others_or_in_definitions() {
    let terms = glossary().terms;
    let index = Index::new(&terms);
    // "Product backlog" and "Change data capture" only have words starting
    // "tech" and "det" in their definitions.
    for query in ["tech det", "det tech", "Tech  det"] {
        let found = found(&terms, &index, query);
        let at = |id: &str| found.iter().position(|f| f == id);
        assert_eq!(found[0], "technical-debt", "{query:?}: {found:?}");
        assert!(at("backlog") > Some(0), "{query:?}: {found:?}");
        assert!(at("change-data-capture") > Some(0), "{query:?}: {found:?}");
    }
    // "sig" starts "Golden signals" but is inside "System design".
    let found = found(&terms, &index, "sig");
    let at = |id: &str| found.iter().position(|f| f == id).unwrap();
    assert!(at("golden-signals") < at("system-design"), "{found:?}");
    let found = self::found(&terms, &index, "tes");
    let at = |id: &str| found.iter().position(|f| f == id).unwrap();
    assert!(at("end-to-end-test") < at("kubernetes"), "{found:?}");
}

/// The built-in glossary and its index, made once for the property tests.
fn built_in() -> &'static (Vec<Term>, Index) {
    static BUILT_IN: OnceLock<(Vec<Term>, Index)> = OnceLock::new();
    BUILT_IN.get_or_init(|| {
        let terms = glossary().terms;
        let index = Index::new(&terms);
        (terms, index)
    })
}

/// A query made of the start of each word of a term's name: `cuts[i]`
/// letters of word `i` (at least one, at most the word), the words in
/// reverse order when `reversed`, and the letter at `mistake` (counted in
/// the query's last word) changed, if any. `None` when the name has more
/// words than `cuts`.
fn typed_name(
    term: &Term,
    cuts: &[usize],
    reversed: bool,
    mistake: Option<usize>,
) -> Option<String> {
    let name = words(&term.name);
    if name.len() > cuts.len() {
        return None;
    }
    let mut typed: Vec<String> = name
        .iter()
        .zip(cuts)
        .map(|(word, &cut)| word.chars().take(cut.max(1)).collect())
        .collect();
    if reversed {
        typed.reverse();
    }
    if let (Some(at), Some(last)) = (mistake, typed.last_mut()) {
        let mut letters: Vec<char> = last.chars().collect();
        let at = at % letters.len();
        letters[at] = if letters[at] == 'q' { 'x' } else { 'q' };
        *last = letters.into_iter().collect();
    }
    Some(typed.join(" "))
}

/// Where `term` is among the hits for `query`, and its rank.
fn place(index: &Index, term: usize, query: &str) -> Option<(usize, Rank)> {
    let hits = index.search(query);
    hits.iter()
        .position(|hit| hit.term == term)
        .map(|at| (at, hits[at].rank))
}

proptest! {
    #![proptest_config(common::bounded(400))]

    /// Typing the start of each word of a name, in any order, finds the
    /// term among those whose name has every word started: before any term
    /// that has them only inside a word or in its definition.
    #[test]
    fn the_starts_of_a_names_words_find_it_before_weaker_matches(
        term in 0usize..240,
        cuts in prop::collection::vec(1usize..12, 8),
        reversed in any::<bool>(),
    ) {
        let (terms, index) = built_in();
        let term = term % terms.len();
        let Some(query) = typed_name(&terms[term], &cuts, reversed, None) else {
            return Ok(());
        };
        let (_, rank) = place(index, term, &query).expect("the term is found");
        prop_assert!(rank <= Rank::NameWord, "{query:?}: {rank:?}");
    }

    /// One letter mistyped in a word of three letters or more, in a query
    /// of several words and four letters or more, still ranks the term
    /// above every term that only has the words inside others or in its
    /// definition.
    #[test]
    fn a_mistyped_letter_still_ranks_the_name_before_weaker_matches(
        term in 0usize..240,
        cuts in prop::collection::vec(3usize..12, 8),
        reversed in any::<bool>(),
        mistake in 0usize..12,
    ) {
        let (terms, index) = built_in();
        let term = term % terms.len();
        let name = words(&terms[term].name);
        // Every word of three letters or more, so that each may be mistyped.
        prop_assume!(name.len() >= 2 && name.iter().all(|word| word.chars().count() >= 3));
        let query = typed_name(&terms[term], &cuts, reversed, Some(mistake)).unwrap();
        prop_assume!(query.len() >= 5);
        let (_, rank) = place(index, term, &query).expect("the term is found");
        prop_assert!(rank <= Rank::NameWordTypo(1), "{query:?}: {rank:?}");
    }
}

#[test]
fn case_accents_and_punctuation_do_not_change_the_results() {
    let terms = glossary().terms;
    let index = Index::new(&terms);
    for (a, b) in [
        ("ci/cd", "CICD"),
        ("ci/cd", "ci-cd"),
        ("ci/cd", " CI / CD "),
        ("error budget", "ERROR-budget"),
        ("kubernetes", "KÜBERNETES"),
    ] {
        assert_eq!(index.search(a), index.search(b), "{a:?} and {b:?}");
    }
}

#[test]
fn hits_are_ordered_by_rank_then_found_by_name_then_shorter_name() {
    let terms = glossary().terms;
    let index = Index::new(&terms);
    let hits = index.search("promotion");
    assert!(hits[..5].iter().all(|hit| hit.rank == Rank::NamePrefix));
    assert_eq!(
        found(&terms, &index, "promotion")[..5],
        [
            "promotion-cycle",
            "promotion-packet",
            "promotion-criteria",
            "promotion-committee",
            "promotion-readiness",
        ]
    );
    // "Burn rate" is shorter, but "error budget" is in an alias of it, so
    // it comes after both terms with the words in their names.
    let hits = index.search("budget error");
    assert_eq!(
        found(&terms, &index, "budget error")[..3],
        ["error-budget", "error-budget-policy", "burn-rate"]
    );
    assert!(hits[..3].iter().all(|hit| hit.rank == Rank::NameWord));
    let burn = &terms[hits[2].term];
    assert_eq!(
        (burn.id.as_str(), hits[2].rank, hits[2].alias),
        ("burn-rate", Rank::NameWord, Some(0))
    );
    assert_eq!(burn.aliases[0], "error budget burn rate");
    // Every rank is in order.
    let hits = index.search("kubernetes");
    assert!(hits.windows(2).all(|pair| pair[0].rank <= pair[1].rank));
    assert_eq!(
        found(&terms, &index, "kubernetes")[..4],
        ["kubernetes", "kubernetes-namespace", "pod", "ingress"]
    );
}

#[test]
fn no_match_finds_nothing_and_a_near_miss_gets_suggestions() {
    let terms = glossary().terms;
    let index = Index::new(&terms);
    for query in ["zzzqqq", "", "  ", "–/–"] {
        assert_eq!(index.search(query), [], "{query:?}");
    }
    assert_eq!(index.suggestions("zzzqqq", 3), Vec::<usize>::new());
    // Two letters are two mistakes from any two-letter word: no sense.
    assert_eq!(index.suggestions("zq", 3), Vec::<usize>::new());
    // Three letters missing is more than a typo, but close enough to ask.
    let suggested = |query: &str| -> Vec<&str> {
        assert_eq!(index.search(query), [], "{query:?}");
        let suggestions = index.suggestions(query, 3);
        suggestions
            .into_iter()
            .map(|term| terms[term].id.as_str())
            .collect()
    };
    assert_eq!(suggested("obsrvablty"), ["observability"]);
    assert_eq!(suggested("microsrvcs"), ["microservices"]);
    assert_eq!(
        suggested("availblty"),
        ["availability", "availability-zone", "high-availability"]
    );
    assert_eq!(index.suggestions("availblty", 1).len(), 1);
}

#[test]
fn the_a_to_z_index_uses_folded_names() {
    let terms = glossary().terms;
    let index = Index::new(&terms);
    assert_eq!(index.len(), terms.len());
    let initial = |id: &str| index.initial(terms.iter().position(|t| t.id == id).unwrap());
    assert_eq!(initial("feedback-360"), '#');
    assert_eq!(initial("ab-testing"), 'a');
    assert_eq!(initial("zero-trust"), 'z');
    let ab = terms.iter().position(|t| t.id == "ab-testing").unwrap();
    assert_eq!(index.sort_key(ab), "abtesting");
    // The file lists terms A–Z by name, which the sort keys agree with.
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by_key(|&term| index.sort_key(term));
    assert_eq!(order[..3], [0, 1, 2]);
}

#[test]
fn marks_on_real_names() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("CI/CD", "cicd", &["CI/CD"]),
        ("CI/CD", "ci", &["CI"]),
        ("Error budget", "errorbud", &["Error bud"]),
        ("Error budget", "budget err", &["Err", "budget"]),
        (
            "Mean time to recovery",
            "recovery mean",
            &["Mean", "recovery"],
        ),
        ("360-degree feedback", "360 feed", &["360", "feed"]),
        ("Blue-green deployment", "blue/green", &["Blue-green"]),
        ("Kubernetes", "kubernets", &["Kubernetes"]),
        ("Kubernetes", "ops", &[]),
    ];
    for &(text, query, expected) in cases {
        let marked: Vec<&str> = marks(text, query).into_iter().map(|r| &text[r]).collect();
        assert_eq!(marked, expected, "{query:?} in {text:?}");
    }
}

/// The linked words of `text` and the ids of their terms.
fn links<'a>(terms: &[Term], linker: &Linker, text: &'a str) -> Vec<(&'a str, String)> {
    let links = linker.links(text);
    links
        .into_iter()
        .map(|link| (&text[link.range], terms[link.term].id.clone()))
        .collect()
}

#[test]
fn terms_mentioned_in_rubric_like_text_are_linked() {
    let terms = glossary().terms;
    let linker = Linker::new(&terms);
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Defines SLOs and an error budget policy for the team's services.",
            &[
                ("SLOs", "slo"),
                ("error budget policy", "error-budget-policy"),
            ],
        ),
        (
            "Spends the error budget on risky launches.",
            &[("error budget", "error-budget")],
        ),
        (
            "Settles conflicts between feature velocity and reliability with SLO and incident data.",
            &[("velocity", "velocity"), ("SLO", "slo"), ("incident", "incident")],
        ),
        (
            "Runs the CI/CD pipeline and owns the CI runners.",
            &[("CI/CD pipeline", "ci-cd"), ("CI", "continuous-integration")],
        ),
        (
            "Tracks the error budget burn rate and error budgets; the SRE team, \
             and no other SRE, owns the on-call rotation and on-call pay.",
            &[
                ("error budget burn rate", "burn-rate"),
                ("error budgets", "error-budget"),
                ("SRE", "sre"),
                ("on-call rotation", "on-call"),
            ],
        ),
        (
            "Opens a PR for it and asks the EM on call.",
            &[
                ("PR", "pull-request"),
                ("EM", "engineering-manager"),
                ("on call", "on-call"),
            ],
        ),
        // IC is an individual contributor and an incident commander, so it
        // is an alias of neither.
        ("Asks the IC on call.", &[("on call", "on-call")]),
        ("Opens a pr for it and asks an ic or em.", &[]),
        (
            "Keeps the Helm charts and design docs current.",
            &[("Helm charts", "helm"), ("design docs", "design-doc")],
        ),
    ];
    for &(text, expected) in cases {
        let expected: Vec<(&str, String)> = expected
            .iter()
            .map(|&(words, id)| (words, id.to_owned()))
            .collect();
        assert_eq!(links(&terms, &linker, text), expected, "{text:?}");
    }
}

/// Made-up terms that no real query finds, with names from syllables.
fn made_up(count: usize) -> Vec<Term> {
    const SYLLABLES: [&str; 12] = [
        "zo", "qua", "vex", "pli", "dru", "mok", "fen", "yar", "gli", "tov", "wub", "xan",
    ];
    (0..count)
        .map(|i| {
            let syllable = |n: usize| SYLLABLES[(i / n + n) % SYLLABLES.len()];
            let name = format!(
                "{}{}{} {}{}",
                syllable(1),
                syllable(7),
                syllable(3),
                syllable(11),
                syllable(5)
            );
            Term {
                id: format!("made-up-{i}"),
                name,
                aliases: vec![format!("MU{i}")],
                tags: vec!["data".into()],
                related: Vec::new(),
                definition: "A term made up to fill the index, quoting no real one.".into(),
                example: String::new(),
            }
        })
        .collect()
}

#[test]
fn two_thousand_terms_give_the_same_order() {
    let mut terms = glossary().terms;
    let real = terms.len();
    let kubernetes = found(&terms, &Index::new(&terms), "kubernetes");
    terms.extend(made_up(2000 - real));
    let index = Index::new(&terms);
    assert_eq!(index.len(), 2000);
    assert_eq!(found(&terms, &index, "kubernetes"), kubernetes);
    assert_eq!(found(&terms, &index, "kubernets")[0], "kubernetes");
    let hits = index.search("quoting");
    let made_up = hits.iter().filter(|hit| hit.term >= real);
    assert!(made_up.clone().all(|hit| hit.rank == Rank::Definition));
    assert_eq!(made_up.count(), 2000 - real);
    let order = |hit: &Hit| {
        let key = index.sort_key(hit.term);
        (hit.rank, hit.alias.is_some(), key.len(), key)
    };
    assert!(hits
        .windows(2)
        .all(|pair| order(&pair[0]) <= order(&pair[1])));
}

// --- The glossary page's filters -------------------------------------------

/// An own term, as the user would add it.
fn own(id: &str, name: &str, tags: &[&str]) -> Term {
    Term {
        id: id.into(),
        name: name.into(),
        aliases: Vec::new(),
        tags: tags.iter().map(|&t| t.into()).collect(),
        related: Vec::new(),
        definition: format!("Our team's word: {name}."),
        example: String::new(),
    }
}

/// The glossary page's terms: the real glossary, then two own terms; the
/// index over them; and a vocabulary with "slo" and "my-zebra" on the
/// learning list.
fn page() -> (Terms, Index, Vocabulary) {
    let terms = Terms::new(
        Rc::new(glossary()),
        vec![
            own("my-golden-runway", "Golden runway", &["process"]),
            own("my-zebra", "Zebra review", &["security", "career"]),
        ],
    );
    let index = Index::new(terms.iter());
    let mut vocabulary = Vocabulary::default();
    for id in ["slo", "my-zebra"] {
        vocabulary.apply(VocabEdit::SetFamiliarity(id.into(), Familiarity::Learning));
    }
    (terms, index, vocabulary)
}

fn filters(edits: impl IntoIterator<Item = FilterEdit>) -> Filters {
    let mut filters = Filters::default();
    for edit in edits {
        filters.apply(edit);
    }
    filters
}

/// The ids of the terms `results` lists, in order.
fn ids(terms: &Terms, results: &Results) -> Vec<String> {
    results
        .shown
        .iter()
        .map(|(term, _)| terms.get(*term).id.clone())
        .collect()
}

#[test]
fn without_a_query_or_filters_every_term_is_listed_a_to_z() {
    let (terms, index, vocabulary) = page();
    let filters = Filters::default();
    let results = filters.results(&terms, &index, &vocabulary);
    let alphabetical: Vec<(usize, Option<Hit>)> = index
        .alphabetical()
        .iter()
        .map(|&term| (term, None))
        .collect();
    assert_eq!(results.shown, alphabetical);
    assert_eq!(results.matched, terms.len());
    assert!(!filters.narrowed());
    assert_eq!(
        filters.count(results.shown.len(), terms.len()),
        format!("{} terms", terms.len())
    );
    assert_eq!(filters.outside(&results), None);
}

#[test]
fn a_query_lists_what_search_finds_best_first() {
    let (terms, index, vocabulary) = page();
    let filters = filters([FilterEdit::Query("  kubernets ".into())]);
    assert_eq!(filters.searched(), "kubernets");
    let results = filters.results(&terms, &index, &vocabulary);
    let hits: Vec<(usize, Option<Hit>)> = index
        .search("kubernets")
        .into_iter()
        .map(|hit| (hit.term, Some(hit)))
        .collect();
    assert!(!hits.is_empty());
    assert_eq!(results.shown, hits);
    assert_eq!(results.matched, hits.len());
    assert_eq!(ids(&terms, &results)[0], "kubernetes");
    assert_eq!(
        filters.count(results.shown.len(), terms.len()),
        format!("{} matches for “kubernets”", hits.len())
    );
    // An own term is found like the rest.
    let filters = self::filters([FilterEdit::Query("runwy".into())]);
    let results = filters.results(&terms, &index, &vocabulary);
    assert_eq!(ids(&terms, &results)[0], "my-golden-runway");
}

#[test]
fn filters_keep_terms_with_any_chosen_tag_and_every_other_filter() {
    let (terms, index, vocabulary) = page();
    let with_tag = |tags: &[&str]| -> Vec<String> {
        index
            .alphabetical()
            .iter()
            .map(|&term| terms.get(term))
            .filter(|t| t.tags.iter().any(|tag| tags.contains(&tag.as_str())))
            .map(|t| t.id.clone())
            .collect()
    };
    let listed = |edits: Vec<FilterEdit>| {
        let filters = filters(edits);
        assert!(filters.narrowed());
        ids(&terms, &filters.results(&terms, &index, &vocabulary))
    };

    let security = listed(vec![FilterEdit::Tag("security")]);
    assert!(security.contains(&"my-zebra".to_owned()));
    assert_eq!(security, with_tag(&["security"]));
    // Any of the tags, not all of them.
    let either = listed(vec![FilterEdit::Tag("security"), FilterEdit::Tag("cloud")]);
    assert_eq!(either, with_tag(&["security", "cloud"]));
    assert!(either.len() > security.len());

    assert_eq!(
        listed(vec![FilterEdit::Familiarity(Some(Familiarity::Learning))]),
        ["slo", "my-zebra"]
    );
    assert_eq!(
        listed(vec![FilterEdit::Own]),
        ["my-golden-runway", "my-zebra"]
    );
    let z = listed(vec![FilterEdit::Letter('z')]);
    assert!(z.contains(&"zero-trust".to_owned()), "{z:?}");
    assert!(z.contains(&"my-zebra".to_owned()), "{z:?}");
    assert!(z
        .iter()
        .all(|id| terms.get(terms.find(id).unwrap()).name.starts_with('Z')));
    assert!(listed(vec![FilterEdit::Letter('#')]).contains(&"feedback-360".to_owned()));
    // Every filter at once.
    assert_eq!(
        listed(vec![
            FilterEdit::Own,
            FilterEdit::Tag("career"),
            FilterEdit::Familiarity(Some(Familiarity::Learning)),
            FilterEdit::Letter('z'),
        ]),
        ["my-zebra"]
    );
    assert_eq!(
        listed(vec![FilterEdit::Own, FilterEdit::Tag("cloud")]),
        Vec::<String>::new()
    );
}

#[test]
fn the_count_says_how_many_terms_are_listed() {
    let (terms, index, vocabulary) = page();
    let total = terms.len();
    let learning = filters([FilterEdit::Familiarity(Some(Familiarity::Learning))]);
    let results = learning.results(&terms, &index, &vocabulary);
    assert_eq!(
        learning.count(results.shown.len(), total),
        format!("2 of {total} terms")
    );
    assert_eq!(
        Filters::default().count(total, total),
        format!("{total} terms")
    );
    assert_eq!(Filters::default().count(1, 1), "1 term");
    let slo = filters([FilterEdit::Query("slo".into())]);
    assert_eq!(slo.count(1, total), "1 match for “slo”");
    assert_eq!(slo.count(0, total), "0 matches for “slo”");
    // With a query, the count is of matches, filters or not.
    let mut narrowed = slo.clone();
    narrowed.apply(FilterEdit::Own);
    assert_eq!(narrowed.count(3, total), "3 matches for “slo”");
}

#[test]
fn matches_hidden_by_the_filters_are_counted() {
    let (terms, index, vocabulary) = page();
    let filters = filters([FilterEdit::Query("slo".into()), FilterEdit::Own]);
    let results = filters.results(&terms, &index, &vocabulary);
    assert!(results.shown.is_empty());
    let matched = index.search("slo").len();
    assert!(matched > 1);
    assert_eq!(results.matched, matched);
    assert_eq!(
        filters.outside(&results),
        Some(format!("{matched} terms match outside your filters."))
    );
    assert_eq!(
        filters.outside(&Results {
            shown: Vec::new(),
            matched: 1
        }),
        Some("1 term matches outside your filters.".into())
    );
    // Not when something is listed, nothing matched, or nothing narrows.
    let listed = Results {
        shown: vec![(0, None)],
        matched: 4,
    };
    assert_eq!(filters.outside(&listed), None);
    let none = Results {
        shown: Vec::new(),
        matched: 0,
    };
    assert_eq!(filters.outside(&none), None);
    let unfiltered = self::filters([FilterEdit::Query("zzzz".into())]);
    assert_eq!(
        unfiltered.outside(&Results {
            shown: Vec::new(),
            matched: 2
        }),
        None
    );
}

#[test]
fn each_edit_changes_its_filter_and_lists_the_first_results_again() {
    let all = || filters([FilterEdit::ShowAll]);
    assert!(all().show_all);
    for edit in [
        FilterEdit::Query("x".into()),
        FilterEdit::Tag("data"),
        FilterEdit::Own,
        FilterEdit::Familiarity(None),
        FilterEdit::Letter('a'),
        FilterEdit::Clear,
    ] {
        let mut filters = all();
        filters.apply(edit.clone());
        assert!(!filters.show_all, "{edit:?}");
    }

    // Tags, "only mine" and a letter turn off when chosen again.
    let tags = filters([
        FilterEdit::Tag("data"),
        FilterEdit::Tag("cloud"),
        FilterEdit::Tag("data"),
    ]);
    assert_eq!(tags.tags, ["cloud"]);
    assert!(!filters([FilterEdit::Own, FilterEdit::Own]).own);
    assert_eq!(filters([FilterEdit::Letter('a')]).letter, Some('a'));
    assert_eq!(
        filters([FilterEdit::Letter('a'), FilterEdit::Letter('b')]).letter,
        Some('b')
    );
    assert_eq!(
        filters([FilterEdit::Letter('a'), FilterEdit::Letter('a')]).letter,
        None
    );
    let learning = filters([
        FilterEdit::Familiarity(Some(Familiarity::Confident)),
        FilterEdit::Familiarity(Some(Familiarity::Learning)),
    ]);
    assert_eq!(learning.familiarity, Some(Familiarity::Learning));

    // A letter clears the query, and a query the letter.
    let letter = filters([FilterEdit::Query("slo".into()), FilterEdit::Letter('s')]);
    assert_eq!((letter.query.as_str(), letter.letter), ("", Some('s')));
    let query = filters([FilterEdit::Letter('s'), FilterEdit::Query("slo".into())]);
    assert_eq!((query.query.as_str(), query.letter), ("slo", None));

    // Clearing takes every filter away and keeps the query.
    let cleared = filters([
        FilterEdit::Tag("data"),
        FilterEdit::Own,
        FilterEdit::Familiarity(Some(Familiarity::New)),
        FilterEdit::Letter('d'),
        FilterEdit::Query("data lake".into()),
        FilterEdit::Clear,
    ]);
    assert_eq!(cleared, filters([FilterEdit::Query("data lake".into())]));
    assert!(!cleared.narrowed());
}

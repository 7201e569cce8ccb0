//! Native tests of the user's own vocabulary in `rungs::core::vocabulary`:
//! editing and storing it, checking an own term and practice, against the
//! built-in glossary where a real term helps.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use rungs::core::glossary::{Term, TAGS};
use rungs::core::schema::Document;
use rungs::core::vocabulary::{
    check, check_answer, masked_definition, new_id, pick, pool, Draft, Familiarity, Field, Pool,
    Problem, Round, Step, Verdict, VocabEdit, Vocabulary,
};

mod common;
use common::{builtin, glossary, own, paper_cut};

fn draft(name: &str, definition: &str) -> Draft {
    Draft {
        name: name.into(),
        definition: definition.into(),
        ..Draft::default()
    }
}

/// The problems `check` finds with `draft` as a new term among the
/// built-in terms and `mine`.
fn problems(draft: &Draft, mine: &[Term]) -> Vec<Problem> {
    let glossary = glossary();
    let existing: Vec<&Term> = glossary.terms.iter().chain(mine).collect();
    check(draft, None, &existing).expect_err("the draft has problems")
}

fn checked(draft: &Draft, editing: Option<&str>, mine: &[Term]) -> Term {
    let glossary = glossary();
    let existing: Vec<&Term> = glossary.terms.iter().chain(mine).collect();
    check(draft, editing, &existing).unwrap_or_else(|p| panic!("{p:?}"))
}

fn fields(problems: &[Problem]) -> Vec<Field> {
    problems.iter().map(|p| p.field).collect()
}

// --- Editing and storing -----------------------------------------------------

#[test]
fn familiarity_and_pool_ids_round_trip() {
    for familiarity in Familiarity::ALL {
        assert_eq!(Familiarity::from_id(familiarity.id()), Some(familiarity));
    }
    assert_eq!(Familiarity::default(), Familiarity::New);
    let labels: Vec<&str> = Familiarity::ALL.iter().map(|f| f.label()).collect();
    assert_eq!(labels, ["New", "Learning", "Confident"]);
    assert_eq!(Familiarity::from_id("expert"), None);
    for pool in Pool::ALL {
        assert_eq!(Pool::from_id(pool.id()), Some(pool));
    }
    let labels: Vec<&str> = Pool::ALL.iter().map(|p| p.label()).collect();
    assert_eq!(
        labels,
        ["My learning list", "Terms I have not started", "All terms"]
    );
    let fields = [
        Field::Name,
        Field::Aliases,
        Field::Tags,
        Field::Definition,
        Field::Example,
    ];
    assert_eq!(
        fields.map(Field::id),
        ["name", "aliases", "tags", "definition", "example"]
    );
}

#[test]
fn adding_an_own_term_twice_changes_nothing_the_second_time() {
    let mut vocabulary = Vocabulary::default();
    assert!(vocabulary.apply(VocabEdit::Add(paper_cut())));
    let renamed = Term {
        name: "Paper cuts".into(),
        ..paper_cut()
    };
    assert!(!vocabulary.apply(VocabEdit::Add(renamed)));
    assert_eq!(vocabulary.terms, [paper_cut()]);
    assert_eq!(vocabulary.own("my-paper-cut"), Some(&paper_cut()));
    assert_eq!(vocabulary.own("slo"), None);
}

#[test]
fn updating_replaces_only_an_own_term_that_differs() {
    let mut vocabulary = Vocabulary::default();
    vocabulary.apply(VocabEdit::Add(paper_cut()));
    assert!(!vocabulary.apply(VocabEdit::Update(paper_cut())));
    assert!(!vocabulary.apply(VocabEdit::Update(builtin("slo"))));
    let edited = Term {
        definition: "A small flaw nobody owns.".into(),
        ..paper_cut()
    };
    assert!(vocabulary.apply(VocabEdit::Update(edited.clone())));
    assert_eq!(vocabulary.terms, [edited]);
}

#[test]
fn deleting_an_own_term_drops_its_familiarity_too() {
    let mut vocabulary = Vocabulary::default();
    vocabulary.apply(VocabEdit::Add(paper_cut()));
    vocabulary.apply(VocabEdit::Add(own("my-toil-budget", "Toil budget")));
    vocabulary.apply(VocabEdit::SetFamiliarity(
        "my-paper-cut".into(),
        Familiarity::Learning,
    ));
    vocabulary.apply(VocabEdit::SetFamiliarity(
        "slo".into(),
        Familiarity::Confident,
    ));

    assert!(!vocabulary.apply(VocabEdit::Delete("my-unknown".into())));
    // A built-in term is not the user's to delete, and keeps its familiarity.
    assert!(!vocabulary.apply(VocabEdit::Delete("slo".into())));
    assert_eq!(vocabulary.familiarity("slo"), Familiarity::Confident);

    assert!(vocabulary.apply(VocabEdit::Delete("my-paper-cut".into())));
    assert_eq!(vocabulary.own("my-paper-cut"), None);
    assert_eq!(vocabulary.terms.len(), 1);
    assert_eq!(vocabulary.familiarity("my-paper-cut"), Familiarity::New);
    assert_eq!(vocabulary.familiarity.len(), 1);
    assert!(!vocabulary.apply(VocabEdit::Delete("my-paper-cut".into())));
}

#[test]
fn familiarity_new_is_never_stored() {
    let mut vocabulary = Vocabulary::default();
    let set = |v: &mut Vocabulary, f| v.apply(VocabEdit::SetFamiliarity("slo".into(), f));
    assert!(!set(&mut vocabulary, Familiarity::New));
    assert!(vocabulary.familiarity.is_empty());
    assert!(set(&mut vocabulary, Familiarity::Learning));
    assert!(!set(&mut vocabulary, Familiarity::Learning));
    assert_eq!(vocabulary.familiarity("slo"), Familiarity::Learning);
    assert!(set(&mut vocabulary, Familiarity::Confident));
    assert_eq!(vocabulary.familiarity("slo"), Familiarity::Confident);
    assert!(set(&mut vocabulary, Familiarity::New));
    assert!(!set(&mut vocabulary, Familiarity::New));
    assert_eq!(vocabulary, Vocabulary::default());

    // Not even when stored data says so.
    let read: Vocabulary =
        serde_json::from_str(r#"{"familiarity":{"slo":"new","sli":"learning"}}"#).unwrap();
    assert_eq!(read.familiarity.len(), 1);
    assert_eq!(read.familiarity("sli"), Familiarity::Learning);
}

#[test]
fn the_document_forwards_vocabulary_edits() {
    let mut document = Document::default();
    assert!(document.apply(VocabEdit::Add(paper_cut())).is_some());
    assert!(document.apply(VocabEdit::Add(paper_cut())).is_none());
    assert_eq!(document.vocabulary.terms, [paper_cut()]);
}

#[test]
fn the_vocabulary_is_stored_compactly_and_reads_back() {
    assert_eq!(serde_json::to_string(&Vocabulary::default()).unwrap(), "{}");
    assert!(!Document::default().to_json().contains("vocabulary"));

    let mut vocabulary = Vocabulary::default();
    vocabulary.apply(VocabEdit::Add(own("my-toil-budget", "Toil budget")));
    vocabulary.apply(VocabEdit::SetFamiliarity(
        "slo".into(),
        Familiarity::Learning,
    ));
    vocabulary.apply(VocabEdit::SetFamiliarity(
        "my-toil-budget".into(),
        Familiarity::Confident,
    ));
    let json = serde_json::to_string(&vocabulary).unwrap();
    assert_eq!(
        json,
        r#"{"terms":[{"id":"my-toil-budget","name":"Toil budget","tags":["process"],"definition":"What Toil budget means here."}],"familiarity":{"my-toil-budget":"confident","slo":"learning"}}"#
    );
    assert_eq!(
        serde_json::from_str::<Vocabulary>(&json).unwrap(),
        vocabulary
    );

    let mut document = Document::default();
    document.apply(VocabEdit::SetFamiliarity(
        "slo".into(),
        Familiarity::Learning,
    ));
    assert_eq!(
        document.to_json(),
        r#"{"preferences":{"theme":"system"},"vocabulary":{"familiarity":{"slo":"learning"}}}"#
    );
    assert!(serde_json::from_str::<Vocabulary>(r#"{"words":[]}"#).is_err());
    assert!(serde_json::from_str::<Vocabulary>(r#"{"familiarity":{"slo":"fluent"}}"#).is_err());
}

// --- Checking an own term ------------------------------------------------------

#[test]
fn a_good_draft_becomes_a_tidy_term() {
    let draft = Draft {
        name: "  Paper cut ".into(),
        aliases: " nick, , PAPER-CUT, Nick,  small annoyance ,".into(),
        tags: vec!["process".into(), "devops".into(), "process".into()],
        definition: "\n A small, annoying flaw that nobody owns. ".into(),
        example: "  ".into(),
    };
    let term = checked(&draft, None, &[]);
    assert_eq!(
        term,
        Term {
            id: "my-paper-cut".into(),
            name: "Paper cut".into(),
            // "PAPER-CUT" repeats the name and "Nick" repeats "nick".
            aliases: vec!["nick".into(), "small annoyance".into()],
            tags: vec!["devops".into(), "process".into()],
            related: Vec::new(),
            definition: "A small, annoying flaw that nobody owns.".into(),
            example: String::new(),
        }
    );
    // Edited again, it comes back as it is.
    let again = checked(
        &Draft::from_term(&term),
        Some(&term.id),
        std::slice::from_ref(&term),
    );
    assert_eq!(again, term);
    assert_eq!(Draft::from_term(&term).aliases, "nick, small annoyance");
}

#[test]
fn a_draft_can_start_from_a_search() {
    assert_eq!(
        Draft::named("  toil budget "),
        Draft {
            name: "toil budget".into(),
            ..Draft::default()
        }
    );
}

#[test]
fn name_and_definition_are_required() {
    let found = problems(&draft("  ", "\n"), &[]);
    assert_eq!(fields(&found), [Field::Name, Field::Definition]);
    assert_eq!(found[0].message, "Give the term a name.");
    assert_eq!(found[1].message, "Write a definition, in your own words.");

    let found = problems(&draft("!!! — ???", "Something."), &[]);
    assert_eq!(
        found,
        [Problem {
            field: Field::Name,
            message: "The name needs at least one letter or digit.".into()
        }]
    );
}

#[test]
fn every_length_limit_counts_characters_and_holds_at_its_limit() {
    // "é" is two bytes: limits count characters.
    let at = |n: usize| "é".repeat(n);
    let ok = Draft {
        name: at(80),
        aliases: (1..=10)
            .map(|n| format!("{}{n}", "a".repeat(39 - usize::from(n >= 10))))
            .collect::<Vec<_>>()
            .join(","),
        tags: Vec::new(),
        definition: at(600),
        example: at(400),
    };
    assert!(ok.aliases.split(',').all(|a| a.chars().count() == 40));
    let term = checked(&ok, None, &[]);
    assert_eq!(term.aliases.len(), 10);

    let name = problems(
        &Draft {
            name: at(81),
            ..ok.clone()
        },
        &[],
    );
    assert_eq!(
        name,
        [Problem {
            field: Field::Name,
            message: "Keep the name to 80 characters or fewer; it has 81.".into()
        }]
    );
    let definition = problems(
        &Draft {
            definition: at(601),
            ..ok.clone()
        },
        &[],
    );
    assert_eq!(fields(&definition), [Field::Definition]);
    assert!(definition[0].message.contains("600"), "{definition:?}");
    let example = problems(
        &Draft {
            example: at(401),
            ..ok.clone()
        },
        &[],
    );
    assert_eq!(fields(&example), [Field::Example]);
    assert!(example[0].message.contains("400"), "{example:?}");

    let eleven = problems(
        &Draft {
            aliases: format!("{}, eleven", ok.aliases),
            ..ok.clone()
        },
        &[],
    );
    assert_eq!(
        eleven,
        [Problem {
            field: Field::Aliases,
            message: "Keep to 10 other names or fewer; there are 11.".into()
        }]
    );
    let long_alias = format!("{}x", "é".repeat(40));
    let long = problems(
        &Draft {
            aliases: format!("short, {long_alias}"),
            ..ok.clone()
        },
        &[],
    );
    assert_eq!(
        long,
        [Problem {
            field: Field::Aliases,
            message: format!("\"{long_alias}\" is longer than 40 characters."),
        }]
    );
}

#[test]
fn only_the_known_tags_are_accepted() {
    let mut with_tags = draft("Paper cut", "A small flaw.");
    with_tags.tags = TAGS.iter().rev().map(|t| t.to_string()).collect();
    assert_eq!(checked(&with_tags, None, &[]).tags, TAGS);

    with_tags.tags = vec!["process".into(), "Process".into(), "fun".into()];
    let found = problems(&with_tags, &[]);
    assert_eq!(fields(&found), [Field::Tags, Field::Tags]);
    assert_eq!(found[1].message, "\"fun\" is not one of the tags.");
}

#[test]
fn a_name_or_alias_already_in_the_glossary_is_refused_and_the_owner_named() {
    let found = problems(&draft("SLO", "Our own meaning."), &[]);
    assert_eq!(
        found,
        [Problem {
            field: Field::Name,
            message: "\"SLO\" is already in the glossary as \"Service level objective\".".into()
        }]
    );
    // Case, accents and punctuation do not make it a different name.
    let found = problems(&draft("sérvice-level OBJECTIVE", "Ours."), &[]);
    assert_eq!(fields(&found), [Field::Name]);

    let mut aliased = draft("Reliability target", "Ours.");
    aliased.aliases = "target, k8s, SLOs".into();
    let found = problems(&aliased, &[]);
    assert_eq!(
        found,
        [
            Problem {
                field: Field::Aliases,
                message: "\"k8s\" is already in the glossary as \"Kubernetes\".".into()
            },
            Problem {
                field: Field::Aliases,
                message: "\"SLOs\" is already in the glossary as \"Service level objective\"."
                    .into()
            },
        ]
    );

    // The user's own terms count too.
    let found = problems(&draft("paper-cut", "Ours."), &[paper_cut()]);
    assert_eq!(
        found[0].message,
        "\"paper-cut\" is already in the glossary as \"Paper cut\"."
    );
}

#[test]
fn editing_an_own_term_keeps_its_id_and_may_keep_its_name() {
    let mine = [paper_cut(), own("my-toil-budget", "Toil budget")];
    let mut edit = Draft::from_term(&mine[0]);
    edit.name = "Paper cuts".into();
    edit.aliases = "papercut".into();
    let term = checked(&edit, Some("my-paper-cut"), &mine);
    assert_eq!(term.id, "my-paper-cut");
    assert_eq!(term.name, "Paper cuts");

    // It may not take another term's name, built-in or own.
    for taken in ["Toil budget", "Toil"] {
        edit.name = taken.into();
        let glossary = glossary();
        let existing: Vec<&Term> = glossary.terms.iter().chain(&mine).collect();
        let found = check(&edit, Some("my-paper-cut"), &existing).unwrap_err();
        assert_eq!(fields(&found), [Field::Name], "{taken}");
    }
}

#[test]
fn new_ids_are_made_from_the_name_and_never_taken() {
    assert_eq!(
        checked(&draft("Déjà vu", "Seen."), None, &[]).id,
        "my-deja-vu"
    );
    assert_eq!(
        checked(&draft("C++ / Rust: FFI (v2)", "Bindings."), None, &[]).id,
        "my-c-rust-ffi-v2"
    );
    assert_eq!(
        checked(&draft("日本語", "Japanese."), None, &[]).id,
        "my-term"
    );
    assert_eq!(
        checked(&draft("Wiki 日本", "A wiki."), None, &[]).id,
        "my-wiki"
    );

    // The user renamed "Paper cut", which kept its id.
    let renamed = Term {
        name: "Papercut backlog".into(),
        aliases: Vec::new(),
        ..paper_cut()
    };
    let mine = [renamed.clone()];
    let second = checked(&draft("Paper cut", "Small flaw."), None, &mine);
    assert_eq!(second.id, "my-paper-cut-2");
    let mine = [renamed, second];
    // Letters outside a-z are left out of ids, so this one has the same slug.
    let third = checked(&draft("Paper cut (日本)", "Small flaw."), None, &mine);
    assert_eq!(third.id, "my-paper-cut-3");
    // Nothing new is made while editing.
    assert_eq!(
        checked(&draft("Paper cut", "x"), Some("my-paper-cut-2"), &mine).id,
        "my-paper-cut-2"
    );
}

#[test]
fn long_ids_are_cut_at_a_hyphen() {
    let name = "Quarterly planning alignment review meeting notes";
    let id = new_id(name, &[]);
    assert_eq!(id, "my-quarterly-planning-alignment-review");
    assert!(id.len() - 3 <= 40);
    // Exactly 40 bytes is kept whole.
    let forty = "abcdefghij klmnopqrst uvwxyzabcd efghijk";
    assert_eq!(
        new_id(forty, &[]),
        format!("my-{}", forty.replace(' ', "-"))
    );
    // A word that ends exactly at the cap is kept.
    assert_eq!(
        new_id(&format!("{forty} and more"), &[]),
        format!("my-{}", forty.replace(' ', "-"))
    );
    // One word longer than the cap is cut in the middle.
    let id = new_id(&"x".repeat(60), &[]);
    assert_eq!(id, format!("my-{}", "x".repeat(40)));
    // Every id made is valid in the glossary's own terms.
    let mut glossary = glossary();
    for name in [name, forty, "Déjà vu", "日本語", "a - b"] {
        let mut term = own(&new_id(name, &[]), name);
        term.tags = vec!["career".into()];
        term.example = "An example.".into();
        glossary.terms.push(term);
    }
    let problems = glossary.problems();
    assert!(
        !problems.iter().any(|p| p.contains("valid id")),
        "{problems:?}"
    );
}

// --- Practice --------------------------------------------------------------

#[test]
fn pools_hold_the_terms_by_familiarity_in_order() {
    let terms = [builtin("slo"), builtin("sli"), paper_cut(), builtin("toil")];
    let terms: Vec<&Term> = terms.iter().collect();
    let mut vocabulary = Vocabulary::default();
    for (id, familiarity) in [
        ("toil", Familiarity::Learning),
        ("slo", Familiarity::Learning),
        ("my-paper-cut", Familiarity::Confident),
        ("not-shown", Familiarity::Learning),
    ] {
        vocabulary.apply(VocabEdit::SetFamiliarity(id.into(), familiarity));
    }
    assert_eq!(pool(&terms, &vocabulary, Pool::Learning), [0, 3]);
    assert_eq!(pool(&terms, &vocabulary, Pool::New), [1]);
    assert_eq!(pool(&terms, &vocabulary, Pool::All), [0, 1, 2, 3]);
    assert_eq!(pool(&[], &vocabulary, Pool::All), Vec::<usize>::new());
}

#[test]
fn picks_are_shuffled_by_the_seed_and_repeatable() {
    let candidates: Vec<usize> = (10..30).collect();
    let first = pick(&candidates, 5, 42);
    assert_eq!(first, pick(&candidates, 5, 42));
    assert_eq!(first.len(), 5);
    assert!(first.iter().all(|i| candidates.contains(i)));
    assert_eq!(first.iter().collect::<HashSet<_>>().len(), 5);

    let all = pick(&candidates, 100, 7);
    let mut sorted = all.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, candidates, "asking for too many gives each once");
    assert_ne!(all, candidates, "the order is shuffled");

    let orders: HashSet<Vec<usize>> = (0..20).map(|seed| pick(&candidates, 5, seed)).collect();
    assert!(orders.len() >= 19, "seeds give different rounds");
    // Every candidate can come first.
    let firsts: HashSet<usize> = (0..500)
        .map(|seed| pick(&[1, 2, 3, 4, 5], 1, seed)[0])
        .collect();
    assert_eq!(firsts.len(), 5);

    assert_eq!(pick(&candidates, 0, 1), Vec::<usize>::new());
    assert_eq!(pick(&[], 3, 1), Vec::<usize>::new());
    assert_eq!(pick(&[9], 3, u64::MAX), [9]);
}

#[test]
fn a_masked_definition_does_not_give_the_answer_away() {
    let sla = builtin("sla");
    assert_eq!(
        masked_definition(&sla),
        "A contract with customers that promises a level of service, such as 99.9% monthly \
         availability, and states the consequences, often service credits, if it is missed. \
         ____ are usually looser than the internal SLOs behind them."
    );
    let flaky = masked_definition(&builtin("flaky-test"));
    assert!(flaky.contains(". ____ erode trust"), "{flaky}");
    assert!(!flaky.to_ascii_lowercase().contains("flaky"), "{flaky}");
    let scrum = masked_definition(&builtin("scrum"));
    assert!(scrum.contains("product owner, ____ master"), "{scrum}");
    assert!(
        scrum.contains("the daily ____, the sprint review"),
        "{scrum}"
    );
    assert!(!scrum.to_ascii_lowercase().contains("scrum"), "{scrum}");
    // A term whose definition does not name it is left as it is.
    let slo = builtin("slo");
    assert_eq!(masked_definition(&slo), slo.definition);
}

#[test]
fn masking_ignores_case_accents_and_punctuation_but_not_word_edges() {
    let term = Term {
        aliases: vec!["CI/CD".into(), "canary".into()],
        definition: "DÉJÀ-VU, or deja vus: not déjàvu. Ci-cd and CI/CDs; canary release, \
                     canaries, Canary's, canarying."
            .into(),
        ..own("my-deja-vu", "Déjà vu")
    };
    assert_eq!(
        masked_definition(&term),
        "____, or ____: not déjàvu. ____ and ____; ____ release, canaries, ____'s, canarying."
    );
    let overlapping = Term {
        aliases: vec!["canary".into(), "release".into()],
        definition: "A canary release ships to a few.".into(),
        ..own("my-canary-release", "Canary release")
    };
    assert_eq!(masked_definition(&overlapping), "A ____ ships to a few.");
    let chained = Term {
        aliases: vec!["canary release".into()],
        definition: "Every canary release train, then a canary.".into(),
        ..own("my-release-train", "Release train")
    };
    assert_eq!(masked_definition(&chained), "Every ____, then a canary.");
}

#[test]
fn answers_are_right_close_or_wrong() {
    let slo = builtin("slo");
    for right in [
        "Service level objective",
        "service-level objective",
        "SLO",
        "slos",
        "Sérvice lével objective",
    ] {
        assert_eq!(check_answer(&slo, right), Verdict::Right, "{right}");
    }
    // Eight letters and more: two edits away is close.
    assert_eq!(check_answer(&slo, "servce level objectve"), Verdict::Close);
    assert_eq!(check_answer(&slo, "servce levl objectve"), Verdict::Wrong);
    let rollback = builtin("rollback");
    assert_eq!(check_answer(&rollback, "rolbak"), Verdict::Close);
    assert_eq!(check_answer(&rollback, "rlbak"), Verdict::Wrong);
    // Four to seven: one edit.
    let runbook = builtin("runbook");
    assert_eq!(check_answer(&runbook, "runbok"), Verdict::Close);
    assert_eq!(check_answer(&runbook, "rnbok"), Verdict::Wrong);
    let toil = builtin("toil");
    assert_eq!(check_answer(&toil, "tiol"), Verdict::Close);
    assert_eq!(check_answer(&toil, "to"), Verdict::Wrong);
    // Three or fewer: exact only, so "SLA" is not close to "SLO".
    assert_eq!(check_answer(&slo, "SLA"), Verdict::Wrong);
    let kubernetes = builtin("kubernetes");
    assert_eq!(check_answer(&kubernetes, "k8"), Verdict::Wrong);
    assert_eq!(check_answer(&kubernetes, "K-8-S"), Verdict::Right);
    assert_eq!(check_answer(&kubernetes, "kuberentes"), Verdict::Close);
    // Blank is always wrong.
    for blank in ["", "   ", "?!"] {
        assert_eq!(check_answer(&toil, blank), Verdict::Wrong, "{blank:?}");
    }
}

#[test]
fn a_practice_round_checks_each_answer_then_moves_on() {
    let term = paper_cut();
    let mut round = Round::new(vec![3, 8]);
    assert_eq!((round.at(), round.done()), (0, false));
    round.answer = term.name.clone();
    round.submit(&term);
    assert!(round.checked, "checked, waiting for Next");
    assert_eq!(
        (round.at(), round.verdicts.clone()),
        (0, vec![Verdict::Right])
    );
    round.submit(&term);
    assert_eq!(
        (round.at(), round.answer.as_str(), round.checked),
        (1, "", false)
    );
    round.answer = "nothing like it".into();
    round.submit(&term);
    assert!(!round.done(), "the last answer is checked, not left yet");
    round.submit(&term);
    assert!(round.done());
    assert_eq!(round.right(), 1);
}

#[test]
fn a_blank_answer_is_not_judged_and_asks_for_one() {
    let term = paper_cut();
    let mut round = Round::new(vec![3, 8]);
    for blank in ["", "   ", "?!"] {
        round.type_answer(blank.into());
        assert_eq!(round.submit(&term), Step::Blank, "{blank:?}");
        assert!(round.blank && !round.checked, "{blank:?}");
        assert_eq!(
            (round.at(), round.verdicts.len()),
            (0, 0),
            "nothing counted"
        );
    }
    // Typing clears the request; a real answer is then judged.
    round.type_answer("paper cutt".into());
    assert!(!round.blank);
    round.blank = true;
    assert_eq!(round.submit(&term), Step::Checked(Verdict::Close));
    assert!(!round.blank);
    // Once checked, typing changes nothing.
    round.type_answer("other".into());
    assert_eq!(round.answer, "paper cutt");
    assert_eq!(round.submit(&term), Step::Next);
    assert_eq!((round.at(), round.answer.as_str()), (1, ""));
}

#[test]
fn show_me_reveals_the_answer_and_counts_as_not_known() {
    let term = paper_cut();
    let mut round = Round::new(vec![3, 8]);
    round.type_answer("paper".into());
    round.show();
    assert!(round.checked);
    assert_eq!(round.verdicts, [Verdict::Shown]);
    // Once shown, neither showing again nor sending the form judges it.
    round.show();
    assert_eq!(round.verdicts, [Verdict::Shown]);
    assert_eq!(round.submit(&term), Step::Next);
    // Shown straight after a blank answer, too.
    assert_eq!(round.submit(&term), Step::Blank);
    round.show();
    assert_eq!(round.submit(&term), Step::Next);
    assert!(round.done());
    assert_eq!(round.right(), 0);
    assert!(round.verdicts.iter().all(|v| v.missed()));
}

#[test]
fn wrong_and_shown_answers_are_missed_right_and_close_are_known() {
    assert!(!Verdict::Right.missed());
    assert!(!Verdict::Close.missed());
    assert!(Verdict::Wrong.missed());
    assert!(Verdict::Shown.missed());
    let term = paper_cut();
    let mut round = Round::new(vec![0, 1, 2, 3]);
    for answer in ["Paper cut", "papr cut", "toil"] {
        round.type_answer(answer.into());
        round.submit(&term);
        round.submit(&term);
    }
    round.show();
    round.submit(&term);
    assert_eq!(
        round.verdicts,
        [
            Verdict::Right,
            Verdict::Close,
            Verdict::Wrong,
            Verdict::Shown
        ]
    );
    assert_eq!(round.right(), 2);
}

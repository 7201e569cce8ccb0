//! Native tests of the SMART check in `rungs::core::smart`: each rule
//! triggered and not triggered at its boundary, and the summaries.
#![cfg(not(target_arch = "wasm32"))]

use rungs::core::part::Item;

use rungs::core::plan::*;
use rungs::core::smart::*;
use rungs::core::time::Date;

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// 21 Nov 2026.
fn today() -> Date {
    date("2026-11-21")
}

/// A goal strong on every letter, due a month after `today`.
fn strong() -> Goal {
    Goal {
        id: "g1".into(),
        outcome: "Lead the design reviews for the payments service".into(),
        metric: "Design reviews led".into(),
        baseline: "0 this half".into(),
        target: "3 by the end of March".into(),
        support: "Dana, my manager, and the architecture guild".into(),
        time: "Two hours a week".into(),
        criteria: vec!["craft.senior.2".into()],
        due: Some(date("2026-12-21")),
        started: Some(date("2026-11-01")),
        done: None,
        milestones: Vec::new(),
    }
}

/// A plan with a promotion target of 31 Mar 2027 and no goals.
fn plan() -> Plan {
    Plan {
        target: Some(date("2027-03-31")),
        ..Plan::default()
    }
}

/// A plan with `active` other active goals and `done` other finished ones.
fn plan_with(active: usize, done: usize) -> Plan {
    let mut plan = plan();
    for n in 0..active {
        plan.goals.push(Item::new(Goal {
            id: format!("active-{n}"),
            ..strong()
        }));
    }
    for n in 0..done {
        plan.goals.push(Item::new(Goal {
            id: format!("done-{n}"),
            done: Some(date("2026-10-01")),
            ..strong()
        }));
    }
    plan
}

fn problems(goal: &Goal, letter: Letter) -> Vec<String> {
    problems_in(goal, &plan(), letter)
}

fn problems_in(goal: &Goal, plan: &Plan, letter: Letter) -> Vec<String> {
    let found = check(goal, plan, today());
    let finding = found.findings.iter().find(|f| f.letter == letter).unwrap();
    finding.problems.clone()
}

fn with_outcome(outcome: &str) -> Goal {
    Goal {
        outcome: outcome.into(),
        ..strong()
    }
}

/// The vague word the Specific finding names, if any.
fn vague(outcome: &str) -> Option<String> {
    problems(&with_outcome(outcome), Letter::Specific)
        .into_iter()
        .find(|p| p.contains(" is vague."))
        .map(|p| {
            let start = p.find('“').unwrap() + '“'.len_utf8();
            let end = p.find('”').unwrap();
            p[start..end].to_owned()
        })
}

const EMPTY_OUTCOME: &str = "Write the outcome: what will be true when this goal is done.";
const SHORT_OUTCOME: &str = "The outcome is too short to be specific. Say in at least four words what will be different when it is done.";
const NO_METRIC: &str = "Name what you will measure, such as design reviews led or p95 latency.";
const NO_BASELINE: &str =
    "Write down where it stands today, so there is a starting point to measure from.";
const NO_TARGET: &str = "Set the target: the value that means this goal is met.";
const NO_NUMBER: &str = "Put a number in the target so it can be checked, such as “3 design reviews” or “p95 under 200 ms”.";
const NO_SUPPORT: &str =
    "Name who or what will help, such as a mentor, a pairing partner or a course.";
const NO_TIME: &str = "Say how much time you will set aside, such as two hours a week.";
const NO_CRITERIA: &str = "Link at least one rubric criterion that this goal proves.";
const NO_DUE: &str = "Set a due date to give this goal a deadline.";

#[test]
fn the_letters_come_in_smart_order() {
    let initials: String = Letter::ALL.iter().map(|l| l.initial()).collect();
    assert_eq!(initials, "SMART");
    let labels: Vec<&str> = Letter::ALL.iter().map(|l| l.label()).collect();
    assert_eq!(
        labels,
        [
            "Specific",
            "Measurable",
            "Achievable",
            "Relevant",
            "Time-bound"
        ]
    );
    assert_eq!(MAX_ACTIVE, 3);
}

#[test]
fn a_strong_goal_has_no_problems() {
    let found = check(&strong(), &plan(), today());
    let letters: Vec<Letter> = found.findings.iter().map(|f| f.letter).collect();
    assert_eq!(letters, Letter::ALL);
    for finding in &found.findings {
        assert!(finding.is_strong(), "{finding:?}");
        assert_eq!(finding.problems, Vec::<String>::new());
    }
    assert!(found.is_strong());
    assert_eq!(found.weak().count(), 0);
    assert_eq!(found.weak_letters(), "");
    assert_eq!(found.summary(), "Strong on all five letters.");
}

#[test]
fn an_empty_goal_is_weak_on_every_letter() {
    let found = check(&Goal::default(), &Plan::default(), today());
    assert!(!found.is_strong());
    assert_eq!(found.weak_letters(), "SMART");
    assert_eq!(
        found.summary(),
        "Weak: Specific, Measurable, Achievable, Relevant, Time-bound."
    );
    let all: Vec<&str> = found
        .findings
        .iter()
        .flat_map(|f| f.problems.iter().map(String::as_str))
        .collect();
    assert_eq!(
        all,
        [
            EMPTY_OUTCOME,
            NO_METRIC,
            NO_BASELINE,
            NO_TARGET,
            NO_SUPPORT,
            NO_TIME,
            NO_CRITERIA,
            NO_DUE
        ]
    );
}

#[test]
fn weak_letters_and_the_summary_name_only_the_weak_letters() {
    let goal = Goal {
        metric: String::new(),
        due: None,
        ..strong()
    };
    let found = check(&goal, &plan(), today());
    assert!(!found.is_strong());
    let weak: Vec<Letter> = found.weak().map(|f| f.letter).collect();
    assert_eq!(weak, [Letter::Measurable, Letter::TimeBound]);
    assert_eq!(found.weak_letters(), "MT");
    assert_eq!(found.summary(), "Weak: Measurable, Time-bound.");
    assert!(found.findings[0].is_strong());
    assert!(!found.findings[1].is_strong());

    let goal = Goal {
        criteria: Vec::new(),
        ..strong()
    };
    let relevant = check(&goal, &plan(), today());
    assert_eq!(relevant.weak_letters(), "R");
    assert_eq!(relevant.summary(), "Weak: Relevant.");
}

#[test]
fn every_message_is_a_sentence_without_exclamation_marks() {
    let goals = [
        Goal::default(),
        with_outcome("Ship"),
        with_outcome("Improve some things etc"),
        Goal {
            target: "a lot".into(),
            due: Some(date("2026-01-01")),
            ..strong()
        },
        Goal {
            due: Some(date("2028-01-01")),
            ..strong()
        },
    ];
    let mut seen = 0;
    for goal in &goals {
        let found = check(goal, &plan_with(5, 0), today());
        for problem in found.findings.iter().flat_map(|f| &f.problems) {
            assert!(problem.ends_with('.'), "{problem}");
            assert!(!problem.contains('!'), "{problem}");
            assert!(problem.starts_with(|c: char| c.is_uppercase() || c == '“'));
            seen += 1;
        }
    }
    assert!(seen > 15, "{seen}");
}

#[test]
fn each_problem_is_said_in_a_few_words_too() {
    let late = Goal {
        due: Some(date("2027-06-01")),
        ..strong()
    };
    let found = check(&late, &plan(), today());
    assert_eq!(
        found.findings[4].in_words(),
        "Time-bound: due after your promotion target"
    );
    assert_eq!(found.findings[0].in_words(), "Specific: strong");
    let found = check(&Goal::default(), &Plan::default(), today());
    let words: Vec<String> = found.findings.iter().map(Finding::in_words).collect();
    assert_eq!(
        words,
        [
            "Specific: no outcome yet",
            "Measurable: nothing to measure named, no starting point, no target",
            "Achievable: no one or nothing named to help, no time set aside",
            "Relevant: no criterion linked",
            "Time-bound: no due date",
        ]
    );
    // Every problem has its few words, and none is a bare letter.
    let goals = [
        with_outcome("Improve"),
        Goal {
            target: "a lot".into(),
            due: Some(date("2026-01-01")),
            ..strong()
        },
    ];
    for goal in &goals {
        let found = check_with(goal, &plan_with(5, 0), today(), &["Improve"]);
        for finding in &found.findings {
            assert_eq!(finding.briefly.len(), finding.problems.len(), "{finding:?}");
            for brief in &finding.briefly {
                assert!(
                    brief.len() > 8 && brief.starts_with(char::is_lowercase),
                    "{brief}"
                );
            }
        }
    }
    let found = check(&goals[1], &plan_with(5, 0), today());
    assert_eq!(
        found.findings[2].in_words(),
        "Achievable: too many goals at once"
    );
    assert_eq!(
        found.findings[1].in_words(),
        "Measurable: no number in the target"
    );
    assert_eq!(
        found.findings[4].in_words(),
        "Time-bound: the due date has passed"
    );
}

const CRITERION: &str =
    "Designs services or components with clear interfaces, and writes down the trade-offs.";
const REPEATS: &str = "The outcome repeats the criterion it proves. Say what you will achieve in your own words: the piece of work, what it changes, and who will see it.";

fn specific_against(outcome: &str) -> Vec<String> {
    let found = check_with(&with_outcome(outcome), &plan(), today(), &[CRITERION]);
    found.findings[0].problems.clone()
}

#[test]
fn an_outcome_that_repeats_its_criterion_is_not_specific() {
    // The criterion itself, as "Make it a goal" once copied it.
    assert_eq!(specific_against(CRITERION), [REPEATS]);
    let copied = check_with(&with_outcome(CRITERION), &plan(), today(), &[CRITERION]);
    assert!(!copied.is_strong());
    assert_eq!(
        copied.findings[0].in_words(),
        "Specific: repeats the criterion"
    );
    // Nearly the same: cut, recased, with a word or two added.
    for outcome in [
        "designs services or components with clear interfaces",
        "Design: services or components with clear interfaces and trade-offs for billing",
        "Designs services or components with clear interfaces, and writes down the trade-offs \
         for the team",
    ] {
        assert_eq!(specific_against(outcome), [REPEATS], "{outcome}");
    }
    // In the user's own words, sharing a few of the criterion's words.
    for outcome in [
        "Lead the design of the billing queue migration, reviewed by two staff engineers",
        "Write down the trade-offs of the new billing queue in an RFC the team signs off",
        "Ship the search service with interfaces two other teams build on",
    ] {
        assert_eq!(specific_against(outcome), Vec::<String>::new(), "{outcome}");
    }
    // A short outcome of other words is short, not a repeat.
    assert_eq!(specific_against("Ship it"), [SHORT_OUTCOME]);
    // Without the criterion's words the check cannot tell.
    assert_eq!(
        problems(&with_outcome(CRITERION), Letter::Specific),
        Vec::<String>::new()
    );
}

// S

#[test]
fn an_empty_outcome_asks_for_one_and_nothing_else() {
    for outcome in ["", "   ", " \n\t", "…!?"] {
        assert_eq!(
            problems(&with_outcome(outcome), Letter::Specific),
            [EMPTY_OUTCOME],
            "{outcome:?}"
        );
    }
}

#[test]
fn an_outcome_needs_four_words() {
    assert_eq!(MIN_OUTCOME_WORDS, 4);
    let three = with_outcome("Lead design reviews");
    assert_eq!(problems(&three, Letter::Specific), [SHORT_OUTCOME]);
    let four = with_outcome("Lead payments design reviews");
    assert_eq!(problems(&four, Letter::Specific), Vec::<String>::new());
    // Words are split at punctuation, as the rest of the app does.
    let split = with_outcome("Own CI/CD pipeline");
    assert_eq!(problems(&split, Letter::Specific), Vec::<String>::new());
    let one = with_outcome("Promotion.");
    assert_eq!(problems(&one, Letter::Specific), [SHORT_OUTCOME]);
}

#[test]
fn a_vague_word_is_named_in_quotes() {
    let goal = with_outcome("Improve the reliability of the payments service");
    assert_eq!(
        problems(&goal, Letter::Specific),
        ["“improve” is vague. Say exactly what will be different when this goal is done."]
    );
}

#[test]
fn a_short_vague_outcome_gets_both_problems() {
    let goal = with_outcome("Do better");
    assert_eq!(
        problems(&goal, Letter::Specific),
        [
            SHORT_OUTCOME,
            "“better” is vague. Say exactly what will be different when this goal is done."
        ]
    );
}

#[test]
fn vague_words_match_regardless_of_case_and_accents() {
    assert_eq!(
        vague("IMPROVE the payments service").as_deref(),
        Some("improve")
    );
    assert_eq!(
        vague("Improve the payments service").as_deref(),
        Some("improve")
    );
    assert_eq!(
        vague("Ímprove the payments service").as_deref(),
        Some("improve")
    );
    assert_eq!(vague("Fix flaky tests, ETC.").as_deref(), Some("etc"));
    assert_eq!(
        vague("Write runbooks for Various services").as_deref(),
        Some("various")
    );
}

#[test]
fn vague_words_match_whole_words_only() {
    // Inside another word.
    assert_eq!(vague("Furthermore, own the release train"), None);
    assert_eq!(vague("Mentor someone on the on-call rota"), None);
    assert_eq!(vague("Migrate the goods service to Kubernetes"), None);
    // Inflections are not the listed word: only the listed forms are vague.
    assert_eq!(vague("Ship the improvement to the deploy pipeline"), None);
    assert_eq!(vague("Working on the deploy pipeline every sprint"), None);
    // But the word itself is, anywhere in the outcome and next to punctuation.
    assert_eq!(
        vague("Ship the deploy pipeline, and more.").as_deref(),
        Some("more")
    );
    assert_eq!(
        vague("(Better) alerts for the checkout team").as_deref(),
        Some("better")
    );
}

#[test]
fn vague_phrases_match_as_consecutive_words() {
    assert_eq!(
        vague("Work on the deploy pipeline").as_deref(),
        Some("work on")
    );
    assert_eq!(
        vague("Work, on the deploy pipeline").as_deref(),
        Some("work on")
    );
    assert_eq!(
        vague("Learn about   event sourcing patterns").as_deref(),
        Some("learn about")
    );
    assert_eq!(
        vague("Help with the incident reviews").as_deref(),
        Some("help with")
    );
    assert_eq!(
        vague("Look into the flaky test suite").as_deref(),
        Some("look into")
    );
    // The phrase, not the vague word inside it.
    assert_eq!(
        vague("Get better at code reviews").as_deref(),
        Some("get better")
    );
    assert_eq!(
        vague("Be more visible in planning").as_deref(),
        Some("be more")
    );
    // Not consecutive, or not in that order: no phrase.
    assert_eq!(vague("Work with the platform team on alerts"), None);
    assert_eq!(vague("On work days, pair with the platform team"), None);
    assert_eq!(vague("Learn the payments domain, write about it"), None);
}

#[test]
fn the_vague_list_is_folded_spaced_and_no_entry_begins_with_another() {
    assert!(VAGUE.len() >= 15);
    for vague in VAGUE {
        assert!(vague.starts_with(' ') && vague.ends_with(' '), "{vague:?}");
        let inner = &vague[1..vague.len() - 1];
        assert_eq!(rungs::core::fold::spaced(inner), format!(" {inner}"));
        for other in VAGUE {
            assert!(
                other == vague || !other.starts_with(vague),
                "{other:?} {vague:?}"
            );
        }
    }
}

#[test]
fn the_first_vague_word_in_the_outcome_is_named() {
    assert_eq!(
        vague("Get more things done each sprint").as_deref(),
        Some("more")
    );
    assert_eq!(
        vague("Do things, and improve them").as_deref(),
        Some("things")
    );
    assert_eq!(
        vague("Try to be more visible in planning").as_deref(),
        Some("try")
    );
}

#[test]
fn more_than_a_number_is_not_vague() {
    assert_eq!(vague("Review more than 3 design docs a month"), None);
    assert_eq!(vague("Review more than three design docs"), None);
    assert_eq!(vague("Review more than 200ms of traces"), None);
    assert_eq!(
        vague("Review more than before, weekly").as_deref(),
        Some("more")
    );
    assert_eq!(
        vague("Review more design docs than 3").as_deref(),
        Some("more")
    );
    assert_eq!(
        vague("Keep more than 2 replicas and more caches warm").as_deref(),
        Some("more")
    );
}

// M

#[test]
fn each_missing_measure_is_asked_for() {
    let goal = Goal {
        metric: " ".into(),
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::Measurable), [NO_METRIC]);
    let goal = Goal {
        baseline: String::new(),
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::Measurable), [NO_BASELINE]);
    let goal = Goal {
        target: String::new(),
        ..strong()
    };
    // An empty target is only missing, not also without a number.
    assert_eq!(problems(&goal, Letter::Measurable), [NO_TARGET]);
}

#[test]
fn a_target_needs_a_number() {
    for target in ["A lot more reviews", "Most of them", "Done", "Everyone"] {
        let goal = Goal {
            target: target.into(),
            ..strong()
        };
        assert_eq!(problems(&goal, Letter::Measurable), [NO_NUMBER], "{target}");
    }
    for target in [
        "3 design reviews",
        "p95 under 200 ms",
        "Three design reviews",
        "ZERO pages a week",
        "twelve",
    ] {
        let goal = Goal {
            target: target.into(),
            ..strong()
        };
        assert_eq!(
            problems(&goal, Letter::Measurable),
            Vec::<String>::new(),
            "{target}"
        );
    }
    // A number word inside another word is no number.
    for target in ["Someone else", "Often", "Tension gone"] {
        let goal = Goal {
            target: target.into(),
            ..strong()
        };
        assert_eq!(problems(&goal, Letter::Measurable), [NO_NUMBER], "{target}");
    }
}

// A

#[test]
fn support_and_time_are_asked_for() {
    let goal = Goal {
        support: String::new(),
        time: "\t".into(),
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::Achievable), [NO_SUPPORT, NO_TIME]);
}

#[test]
fn exactly_max_active_goals_are_fine_and_one_more_is_not() {
    // A draft that is not in the plan counts itself.
    let draft = Goal {
        id: "draft".into(),
        ..strong()
    };
    let fine = plan_with(MAX_ACTIVE - 1, 4);
    assert_eq!(
        problems_in(&draft, &fine, Letter::Achievable),
        Vec::<String>::new()
    );
    let many = plan_with(MAX_ACTIVE, 4);
    assert_eq!(
        problems_in(&draft, &many, Letter::Achievable),
        ["You have 4 active goals; three or fewer at once are more achievable. Finish or drop one first."]
    );
    let more = plan_with(6, 0);
    assert_eq!(
        problems_in(&draft, &more, Letter::Achievable),
        ["You have 7 active goals; three or fewer at once are more achievable. Finish or drop one first."]
    );
}

#[test]
fn a_goal_in_the_plan_is_not_counted_twice() {
    let mut plan = plan_with(MAX_ACTIVE - 1, 0);
    plan.goals.push(Item::new(strong()));
    assert_eq!(plan.active_goals().count(), MAX_ACTIVE);
    assert_eq!(
        problems_in(&strong(), &plan, Letter::Achievable),
        Vec::<String>::new()
    );

    let mut plan = plan_with(MAX_ACTIVE, 0);
    plan.goals.insert(1, Item::new(strong()));
    assert_eq!(
        problems_in(&strong(), &plan, Letter::Achievable),
        ["You have 4 active goals; three or fewer at once are more achievable. Finish or drop one first."]
    );
}

#[test]
fn a_finished_goal_in_the_plan_reopened_in_the_draft_counts_once() {
    let mut plan = plan_with(MAX_ACTIVE - 1, 0);
    plan.goals.push(Item::new(Goal {
        done: Some(date("2026-11-01")),
        ..strong()
    }));
    // The draft (active) replaces the stored (finished) goal: three active.
    assert_eq!(
        problems_in(&strong(), &plan, Letter::Achievable),
        Vec::<String>::new()
    );
    let mut plan = plan_with(MAX_ACTIVE, 0);
    plan.goals.push(Item::new(Goal {
        done: Some(date("2026-11-01")),
        ..strong()
    }));
    assert_eq!(problems_in(&strong(), &plan, Letter::Achievable).len(), 1);
}

#[test]
fn a_finished_goal_is_never_one_too_many() {
    let done = Goal {
        done: Some(date("2026-11-10")),
        ..strong()
    };
    let mut plan = plan_with(5, 0);
    assert_eq!(
        problems_in(&done, &plan, Letter::Achievable),
        Vec::<String>::new()
    );
    // Nor when the plan still holds it as active: the draft is what counts.
    plan.goals.push(Item::new(strong()));
    assert_eq!(
        problems_in(&done, &plan, Letter::Achievable),
        Vec::<String>::new()
    );
}

// R

#[test]
fn a_goal_must_prove_a_criterion() {
    let goal = Goal {
        criteria: Vec::new(),
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::Relevant), [NO_CRITERIA]);
    let goal = Goal {
        criteria: vec![" ".into()],
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::Relevant), [NO_CRITERIA]);
    let goal = Goal {
        criteria: vec!["impact.senior.1".into(), "craft.senior.2".into()],
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::Relevant), Vec::<String>::new());
}

// T

#[test]
fn a_goal_needs_a_due_date() {
    let goal = Goal {
        due: None,
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::TimeBound), [NO_DUE]);
}

#[test]
fn due_today_is_fine_and_yesterday_has_passed() {
    let goal = Goal {
        due: Some(today()),
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::TimeBound), Vec::<String>::new());
    let goal = Goal {
        due: Some(today().plus_days(-1)),
        ..strong()
    };
    assert_eq!(
        problems(&goal, Letter::TimeBound),
        ["The due date, 20 Nov 2026, has passed. Move it, or mark the goal done."]
    );
}

#[test]
fn a_finished_goal_is_not_overdue() {
    let goal = Goal {
        due: Some(today().plus_days(-30)),
        done: Some(today().plus_days(-31)),
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::TimeBound), Vec::<String>::new());
    let goal = Goal {
        due: Some(today().plus_days(-30)),
        done: Some(today()),
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::TimeBound), Vec::<String>::new());
}

#[test]
fn due_on_the_promotion_target_is_fine_and_a_day_later_is_not() {
    let target = date("2027-03-31");
    let goal = Goal {
        due: Some(target),
        ..strong()
    };
    assert_eq!(problems(&goal, Letter::TimeBound), Vec::<String>::new());
    let goal = Goal {
        due: Some(target.plus_days(1)),
        ..strong()
    };
    assert_eq!(
        problems(&goal, Letter::TimeBound),
        ["The due date, 1 Apr 2027, is after your promotion target, 31 Mar 2027, so this goal will not count towards it. Bring it forward."]
    );
    // Without a promotion target there is nothing to be late for.
    let no_target = Plan::default();
    assert_eq!(
        problems_in(&goal, &no_target, Letter::TimeBound),
        Vec::<String>::new()
    );
    // A finished goal's due date no longer matters.
    let done = Goal {
        done: Some(today()),
        ..goal
    };
    assert_eq!(problems(&done, Letter::TimeBound), Vec::<String>::new());
}

#[test]
fn a_due_date_can_be_both_past_and_after_the_target() {
    let plan = Plan {
        target: Some(date("2026-09-30")),
        ..Plan::default()
    };
    let goal = Goal {
        due: Some(date("2026-10-15")),
        ..strong()
    };
    assert_eq!(
        problems_in(&goal, &plan, Letter::TimeBound),
        [
            "The due date, 15 Oct 2026, has passed. Move it, or mark the goal done.",
            "The due date, 15 Oct 2026, is after your promotion target, 30 Sep 2026, so this goal will not count towards it. Bring it forward."
        ]
    );
}

//! Conversation prep: the content's checks, placeholders filled from the
//! user's data or marked with where to fill them in, and the meeting card.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{bounded, day, entry, log, metric, rubric};
use proptest::prelude::*;
use rungs::core::assessment::{Assessment, Edit, Grade, Perspective};
use rungs::core::evidence::Log;
use rungs::core::merge::merge;
use rungs::core::plan::{Plan, Schedule};
use rungs::core::route::Route;
use rungs::core::schema::{Change, Document};
use rungs::core::talk::{
    fill, filled_text, key, pieces, Card, Facts, Filled, Link, Piece, Prep, PrepEdit, Slot, Talk,
    CONVERSATIONS, PROCESSES,
};

fn talk() -> Talk {
    toml::from_str(include_str!("../src/content/talk.toml")).expect("talk.toml parses")
}

fn graded() -> Assessment {
    let mut assessment = Assessment::default();
    assert!(assessment.apply(Edit::Current("l1".into())));
    for (criterion, grade) in [
        ("c2", Grade::NotYet),
        ("c3", Grade::Sometimes),
        ("i1", Grade::Beyond),
        ("i2", Grade::Consistently),
    ] {
        assert!(assessment.apply(Edit::Grade {
            criterion: criterion.into(),
            perspective: Perspective::Mine,
            grade: Some(grade),
        }));
    }
    assessment
}

fn planned() -> Plan {
    Plan {
        target: Some(day("2027-06-30")),
        schedule: Some(Schedule {
            with: "Dana, my manager".into(),
            ..Schedule::suggested(day("2026-11-30"))
        }),
        ..Plan::default()
    }
}

fn logged() -> Log {
    let mut strong = entry("e2", "2026-05-01", "Cut the build time in half");
    strong.result = metric("build minutes", 30.0, 14.0, "min");
    log(vec![
        entry("e1", "2026-10-01", "Wrote the on-call guide"),
        strong,
        entry("e3", "2026-11-01", "Paired with a new hire"),
    ])
}

#[test]
fn the_built_in_content_is_valid_and_complete() {
    let talk = talk();
    assert_eq!(talk.problems(), Vec::<String>::new());
    let ids: Vec<&str> = talk.processes.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, PROCESSES);
    let ids: Vec<&str> = talk.conversations.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, CONVERSATIONS);
    let passed_over = talk.conversation("passed-over").unwrap();
    assert_eq!(
        passed_over.reflection.len(),
        4,
        "the four reflection questions"
    );
    assert!(!talk.after.is_empty());
}

#[test]
fn every_placeholder_of_every_script_resolves_or_is_marked_with_where_to_fill_it() {
    let talk = talk();
    let rubric = rubric();
    let full = Facts::gather(&rubric, &graded(), &planned(), &logged());
    let empty = Facts::default();
    let mut texts: Vec<&str> = Vec::new();
    for conversation in &talk.conversations {
        texts.extend(conversation.lines.iter().map(|line| line.say.as_str()));
        texts.extend(conversation.responses.iter().map(|r| r.you.as_str()));
        texts.extend(conversation.responses.iter().map(|r| r.they.as_str()));
    }
    let mut used = Vec::new();
    for text in texts {
        for piece in pieces(text) {
            assert!(!matches!(piece, Piece::Unknown(_)), "{text}");
            if let Piece::Slot(slot) = piece {
                used.push(slot);
            }
        }
        for piece in fill(text, &empty) {
            assert!(!matches!(piece, Filled::Value(..)), "{text}");
        }
        // With everything filled in where Rungs asks for it, nothing is
        // missing.
        for piece in fill(text, &full) {
            assert!(!matches!(piece, Filled::Missing(_)), "{text}: {piece:?}");
        }
        assert!(!filled_text(text, &full).contains('{'), "{text}");
    }
    for slot in [Slot::TargetLevel, Slot::Timeframe, Slot::Gap, Slot::Entry] {
        assert!(used.contains(&slot), "no script uses {slot:?}");
    }
}

#[test]
fn the_facts_come_from_the_assessment_plan_log_and_check_ins() {
    let facts = Facts::gather(&rubric(), &graded(), &planned(), &logged());
    assert_eq!(facts.get(Slot::CurrentLevel), Some("Engineer"));
    assert_eq!(facts.get(Slot::TargetLevel), Some("Senior"));
    // "Not yet" before "sometimes", in rubric order; a criterion without
    // its full stop, as it is quoted mid-sentence.
    assert_eq!(facts.get(Slot::Gap), Some("Designs services | *well*"));
    assert_eq!(facts.get(Slot::SecondGap), Some("Reviews designs"));
    assert_eq!(facts.get(Slot::Strength), Some("Moves a team metric"));
    assert_eq!(facts.get(Slot::Timeframe), Some("by 30 Jun 2027"));
    // A number before no result, however old.
    assert_eq!(facts.get(Slot::Entry), Some("Cut the build time in half"));
    assert_eq!(facts.get(Slot::Manager), Some("Dana"));

    // A strength is one met at the level aimed at, or none.
    let mut current_only = graded();
    current_only.apply(Edit::Grade {
        criterion: "i1".into(),
        perspective: Perspective::Mine,
        grade: Some(Grade::Sometimes),
    });
    current_only.apply(Edit::Grade {
        criterion: "c1".into(),
        perspective: Perspective::Mine,
        grade: Some(Grade::Beyond),
    });
    let facts = Facts::gather(&rubric(), &current_only, &planned(), &logged());
    assert_eq!(facts.get(Slot::Strength), None);

    let nothing = Facts::gather(
        &rubric(),
        &Assessment::default(),
        &Plan::default(),
        &Log::default(),
    );
    assert_eq!(nothing, Facts::default());
    for slot in Slot::ALL {
        let (route, action) = slot.fill_at();
        assert_ne!(route, Route::Talk);
        assert!(!action.is_empty());
        assert!(!slot.label().is_empty());
    }
    assert_eq!(Slot::Manager.fill_at().0, Route::CheckIns);
    assert_eq!(Slot::Timeframe.fill_at().0, Route::Plan);
}

#[test]
fn a_script_is_filled_in_and_what_is_missing_is_marked() {
    let facts = Facts::gather(&rubric(), &graded(), &Plan::default(), &Log::default());
    let text = "I'd like to reach {target_level} {timeframe}: {gap}";
    assert_eq!(
        fill(text, &facts),
        [
            Filled::Text("I'd like to reach "),
            Filled::Value(Slot::TargetLevel, "Senior"),
            Filled::Text(" "),
            Filled::Missing(Slot::Timeframe),
            Filled::Text(": "),
            Filled::Value(Slot::Gap, "Designs services | *well*"),
        ]
    );
    assert_eq!(
        filled_text(text, &facts),
        "I'd like to reach Senior [your timeframe]: Designs services | *well*"
    );
    // Braces that are not a placeholder stay as they were typed.
    assert_eq!(
        pieces("a {b} {gap"),
        [
            Piece::Text("a "),
            Piece::Unknown("{b}"),
            Piece::Text(" {gap")
        ]
    );
    assert_eq!(filled_text("{} and {x}", &facts), "{} and {x}");
    // A stray brace leaves the placeholder after it whole.
    assert_eq!(
        pieces("see {x {gap}} }"),
        [
            Piece::Text("see {x "),
            Piece::Slot(Slot::Gap),
            Piece::Text("}"),
            Piece::Text(" }"),
        ]
    );
    assert_eq!(
        filled_text("see {x {gap}", &facts),
        "see {x Designs services | *well*"
    );
}

#[test]
fn the_content_checks_say_what_is_wrong() {
    let mut broken = talk();
    broken.processes.swap(0, 1);
    broken.conversations[0].lines[0].say = "Hello {boss}".into();
    broken.conversations[1].when = " ".into();
    broken.reasons.pop();
    broken.conversations[2].when = "Before {manager} decides.".into();
    broken.conversations[0].lines[1].id = broken.conversations[0].lines[0].id.clone();
    broken.processes[0].checklist[0].id = "Not An Id".into();
    broken.processes[0].checklist[1].id = broken.processes[0].checklist[2].id.clone();
    let last = broken.conversations[3].lines.len() - 1;
    broken.conversations[3].lines[last].tip.clear();
    broken.conversations[3].lines[last].link = Link::Plan;
    let problems = broken.problems().join("\n");
    for expected in [
        "the processes must be exactly informal, semi-formal, formal, not-sure",
        "the reasons must be exactly budget, calibration, advocacy",
        "{boss} is not a placeholder",
        "conversation early-and-often: when is empty",
        "is not an id",
        "is used twice",
        "conversation relationship: when: a placeholder is filled in only in lines to say",
        "conversation ask: the id 1 is used twice",
        "conversation passed-over: line 7: a link needs a tip to go with",
    ] {
        assert!(problems.contains(expected), "{expected:?} in:\n{problems}");
    }
}

#[test]
fn the_meeting_card_is_markdown_with_the_users_own_lines() {
    let talk = talk();
    let conversation = talk.conversation("ask").unwrap();
    let facts = Facts::gather(&rubric(), &graded(), &planned(), &logged());
    let lines = [
        "My own opening, *really*.",
        "Aiming for {target_level} {timeframe}.",
    ];
    let card = Card::new(conversation, &lines, &facts);
    assert_eq!(card.say[1], "Aiming for Senior by 30 Jun 2027.");
    assert_eq!(card.responses.len(), conversation.responses.len());
    let markdown = card.markdown();
    assert!(markdown.starts_with(&format!("# {}\n", conversation.name)));
    assert!(
        markdown.contains("1. My own opening, \\*really\\*.\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("2. Aiming for Senior by 30 Jun 2027.\n"),
        "{markdown}"
    );
    assert!(markdown.contains("## If they say"));
    let answered = filled_text(&conversation.responses[0].you, &facts);
    assert!(
        markdown.contains(&rungs::core::markdown::inline(&answered)),
        "{markdown}"
    );
    // A missing value shows what to bring instead.
    let blank = Card::new(conversation, &lines, &Facts::default()).markdown();
    assert!(
        blank.contains("2. Aiming for \\[the level you aim for\\] \\[your timeframe\\]."),
        "{blank}"
    );
}

proptest! {
    #![proptest_config(bounded(256))]

    /// Any text, a user's own edit included, is cut and filled without a
    /// panic, and the pieces put together are the text.
    #[test]
    fn any_text_is_cut_and_filled_without_loss(text in ".{0,80}") {
        let joined: String = pieces(&text)
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) | Piece::Unknown(text) => text.to_owned(),
                Piece::Slot(slot) => format!("{{{}}}", slot.token()),
            })
            .collect();
        prop_assert_eq!(joined, text.clone());
        let facts = Facts::gather(&rubric(), &graded(), &planned(), &logged());
        let _ = filled_text(&text, &facts);
        let _ = filled_text(&text, &Facts::default());
    }
}

#[test]
fn the_prep_keeps_the_process_ticks_own_lines_and_private_answers() {
    let talk = talk();
    let ask = talk.conversation("ask").unwrap();
    let mut prep = Prep::default();
    assert!(prep.apply(PrepEdit::Process(Some("formal".into()))));
    assert!(!prep.apply(PrepEdit::Process(Some("formal".into()))));
    let item = key("formal", &talk.process("formal").unwrap().checklist[0].id);
    assert!(prep.apply(PrepEdit::Done {
        key: item.clone(),
        done: true
    }));
    assert!(!prep.apply(PrepEdit::Done {
        key: item.clone(),
        done: true
    }));
    assert!(prep.is_done(&item));
    assert!(prep.apply(PrepEdit::Done {
        key: item.clone(),
        done: false
    }));
    assert!(!prep.is_done(&item));
    assert!(!prep.apply(PrepEdit::Done {
        key: item,
        done: false
    }));

    // The user's own copy of the second line, then the original back.
    let second = key("ask", 2);
    assert!(prep.apply(PrepEdit::Line {
        key: second.clone(),
        text: Some("In my words.".into())
    }));
    assert!(!prep.apply(PrepEdit::Line {
        key: second.clone(),
        text: Some("In my words.".into())
    }));
    let lines = prep.lines(ask);
    assert_eq!(lines.len(), ask.lines.len());
    assert_eq!(lines[0], ask.lines[0].say);
    assert_eq!(lines[1], "In my words.");
    assert!(prep.apply(PrepEdit::Line {
        key: second.clone(),
        text: None
    }));
    assert_eq!(prep.lines(ask)[1], ask.lines[1].say);
    assert!(!prep.apply(PrepEdit::Line {
        key: second,
        text: None
    }));

    let first = key("passed-over", 1);
    assert!(prep.apply(PrepEdit::Answer {
        key: first.clone(),
        text: "Nobody saw it.".into()
    }));
    assert_eq!(prep.answers[&first], "Nobody saw it.");
    assert!(prep.apply(PrepEdit::Answer {
        key: first.clone(),
        text: "  ".into()
    }));
    assert!(!prep.answers.contains_key(&first));
}

#[test]
fn putting_a_line_back_is_offered_back_and_undoes_exactly() {
    let mut document = Document::default();
    let line = key("ask", 1);
    document.apply(PrepEdit::Line {
        key: line.clone(),
        text: Some("Mine.".into()),
    });
    let put_back = PrepEdit::Line {
        key: line.clone(),
        text: None,
    };
    assert_eq!(
        put_back.undo_label(&document).as_deref(),
        Some("Put the original line back.")
    );
    assert_eq!(
        PrepEdit::Done {
            key: "formal/x".into(),
            done: true
        }
        .undo_label(&document),
        None
    );
    let before = document.clone();
    let undo = document.apply(put_back).expect("it changed something");
    assert!(!document.talk.value().lines.contains_key(&line));
    document.apply(undo);
    assert_eq!(document, before);
}

#[test]
fn two_tabs_ticking_different_items_and_editing_different_lines_keep_both() {
    let mut base = Document::default();
    base.apply(PrepEdit::Process(Some("formal".into())));
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.apply(PrepEdit::Done {
        key: "formal/a".into(),
        done: true,
    });
    mine.apply(PrepEdit::Line {
        key: key("ask", 1),
        text: Some("Mine.".into()),
    });
    theirs.apply(PrepEdit::Done {
        key: "after/b".into(),
        done: true,
    });
    theirs.apply(PrepEdit::Line {
        key: key("ask", 2),
        text: Some("Theirs.".into()),
    });
    let merged = merge(Some(&base.to_json()), &mine.to_json(), &theirs.to_json()).unwrap();
    assert_eq!(merged.conflicts, []);
    let both = Document::from_json(&merged.data).unwrap();
    let prep = both.talk.value();
    assert!(prep.is_done("formal/a") && prep.is_done("after/b"));
    assert_eq!(prep.lines[&key("ask", 1)], "Mine.");
    assert_eq!(prep.lines[&key("ask", 2)], "Theirs.");
}

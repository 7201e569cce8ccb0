//! Native tests of the reviews by file in `rungs::core::review`: a request
//! made from the engineer's assessment, the reviewer's draft and response,
//! the response received back, every refusal, drafts kept in storage, the
//! assessment's edits, and the reviewers' columns of the readiness report.
//! Ends with property tests: neither reader panics, whatever it is given.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Shared;

use std::rc::Rc;

use proptest::prelude::*;
use rungs::core::assessment::{Assessment, Edit, Flag, Grade, Perspective};
use rungs::core::evidence::Log;
use rungs::core::export::readiness::Include;
use rungs::core::persist::{BackendError, Keys, Saved, Store};
use rungs::core::review::{
    self, Ask, AskError, Asked, Draft, Given, Kept, Kind, Person, Refusal, Request, Response,
    Review, Role, FILE_VERSION, MAX_NAME, MAX_NOTE, REQUEST_FORMAT, RESPONSE_FORMAT,
};
use rungs::core::rubric::{Level, Rubric};
use rungs::core::schema::{decode, Change, Document, SetTheme, Theme};
use rungs::core::transfer::{self, ImportError};
use serde_json::{json, Value};

const NOW: u64 = 1_795_241_100_000;
const ID: &str = "r-kx2p9a-3f";
/// The check of [`response_file`], as every build since the first makes it.
const CHECK: &str = "8eec2f1674104b2f2c989ed1eeb2da3b59e9b8a3a07a34ac70c5d240e42c0d9c";

// Fixtures

/// [`common::rubric`] with a third level, "Staff": a criterion of it in
/// Craft (c4), and an area with none at any lower level ("vision", v1).
fn ladder() -> Rubric {
    let mut rubric = common::rubric();
    rubric.levels.push(Level {
        id: "l3".into(),
        name: "Staff".into(),
        summary: String::new(),
    });
    let eng = &mut rubric.tracks[0];
    eng.areas[0]
        .criteria
        .push(common::criterion("c4", "l3", "Sets technical direction."));
    eng.areas.push(common::area(
        "vision",
        vec![common::criterion("v1", "l3", "Writes the strategy.")],
    ));
    rubric
}

/// `ladder()` without the criteria `ids`.
fn ladder_without(ids: &[&str]) -> Rubric {
    let mut rubric = ladder();
    for track in &mut rubric.tracks {
        for area in &mut track.areas {
            area.criteria.retain(|c| !ids.contains(&c.id.as_str()));
        }
    }
    rubric
}

fn grade_as(a: &mut Assessment, criterion: &str, perspective: Perspective, grade: Grade) {
    assert!(a.apply(Edit::Grade {
        criterion: criterion.into(),
        perspective,
        grade: Some(grade),
    }));
}

/// The engineer: on track "eng" at l1 (so aiming at l2), with grades of
/// their own inside the two levels (c1, c2), outside them (c4 at l3, t1 on
/// the other track), a manager's grade recorded by hand (c3) and a
/// criterion that does not apply (i2).
fn engineer() -> Assessment {
    let mut a = Assessment::default();
    assert!(a.apply(Edit::Track("eng".into())));
    assert!(a.apply(Edit::Current("l1".into())));
    grade_as(&mut a, "c1", Perspective::Mine, Grade::Consistently);
    grade_as(&mut a, "c2", Perspective::Mine, Grade::Sometimes);
    grade_as(&mut a, "c4", Perspective::Mine, Grade::Beyond);
    grade_as(&mut a, "t1", Perspective::Mine, Grade::Beyond);
    grade_as(&mut a, "c3", Perspective::Manager, Grade::NotYet);
    assert!(a.apply(Edit::NotApplicable {
        criterion: "i2".into(),
        not_applicable: true,
    }));
    a
}

fn dana() -> Person {
    Person {
        name: "Dana Whitfield".into(),
        role: Role::Manager,
    }
}

/// What the engineer fills in, with spaces around every text.
fn asking(share_own: bool) -> Ask {
    Ask {
        from: "  Ana Lima ".into(),
        reviewer: Person {
            name: " Dana Whitfield\t".into(),
            role: Role::Manager,
        },
        message: "\n Could you grade me before the review? ".into(),
        share_own,
    }
}

/// The engineer's request to Dana, own grades shared, and what they keep.
fn request() -> (Request, Asked) {
    request_with(ID, &asking(true))
}

fn request_with(id: &str, ask: &Ask) -> (Request, Asked) {
    review::ask(&engineer(), &ladder(), ask, id.into(), NOW).expect("a level is chosen")
}

/// The engineer's assessment with `asked` kept, as the page keeps it.
fn keeping(asked: Asked) -> Assessment {
    let mut a = engineer();
    assert!(a.apply(Edit::Ask(Rc::new(asked))));
    a
}

fn given(grade: Option<Grade>, not_applicable: bool, comment: &str) -> Given {
    Given {
        grade,
        not_applicable,
        comment: comment.into(),
    }
}

fn graded_as(grade: Grade) -> Given {
    given(Some(grade), false, "")
}

/// Dana's draft: two grades (one with a comment), a criterion that does
/// not apply (a grade left beside it), a comment alone.
fn graded(request: Request) -> Draft {
    let mut draft = Draft::new(request);
    assert!(draft.set("c1", graded_as(Grade::Sometimes), NOW + 1));
    assert!(draft.set(
        "c2",
        given(Some(Grade::Beyond), false, "  Led the queue design.\n"),
        NOW + 2
    ));
    assert!(draft.set("i1", given(Some(Grade::Consistently), true, ""), NOW + 3));
    assert!(draft.set(
        "o1",
        given(None, false, "Ask Sam about incidents."),
        NOW + 4
    ));
    draft
}

/// Dana's response to the engineer's request, as a file.
fn response_file() -> String {
    graded(request().0).respond(NOW + 10).to_file()
}

fn response() -> Response {
    review::read_response(&response_file()).expect("a response reads back")
}

/// `text` (JSON) with `change` made to it.
fn edited(text: &str, change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(text).expect("JSON");
    change(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

fn ids(request: &Request) -> Vec<&str> {
    request
        .criteria()
        .map(|c| c.criterion.id.as_str())
        .collect()
}

// Making a request

#[test]
fn a_request_holds_the_chosen_track_at_the_current_and_target_levels() {
    let (request, asked) = request();
    assert_eq!(request.format, REQUEST_FORMAT);
    assert_eq!(request.version, FILE_VERSION);
    assert_eq!(request.id, ID);
    assert_eq!(request.made_at, NOW);
    // Names and message trimmed.
    assert_eq!(request.from, "Ana Lima");
    assert_eq!(request.reviewer, dana());
    assert_eq!(request.message, "Could you grade me before the review?");
    assert!(request.about.contains("Ana Lima asks you to grade them"));
    // Nothing the user did not choose to share: not even where their
    // Rungs is hosted.
    assert!(!request.to_file().contains("http"), "{}", request.to_file());

    let rubric = &request.rubric;
    assert_eq!(
        (rubric.id.as_str(), rubric.name.as_str()),
        ("test", "Test ladder")
    );
    let levels: Vec<&str> = rubric.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["l1", "l2"]);
    assert_eq!(request.levels_label(), "Engineer and Senior");
    assert_eq!(rubric.tracks.len(), 1, "the chosen track only");
    assert_eq!(rubric.tracks[0].id, "eng");
    let areas: Vec<&str> = (rubric.tracks[0].areas.iter())
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        areas,
        ["craft", "impact", "people", "ops"],
        "vision has nothing at l1 or l2"
    );
    // In rubric order, without c4 (l3) nor t1 (the other track).
    assert_eq!(ids(&request), ["c1", "c2", "c3", "i1", "i2", "p1", "o1"]);
    let first = request.criteria().next().unwrap();
    assert_eq!((first.area, first.level), ("Area craft", "Engineer"));
    assert_eq!(request.criteria().nth(1).unwrap().level, "Senior");

    // The user's own grades that apply: not c4 nor t1 (not asked about),
    // not c3 (the manager's, recorded by hand) nor i2 (does not apply).
    let own: Vec<(&str, Grade)> = (request.own.iter())
        .map(|(id, grade)| (id.as_str(), *grade))
        .collect();
    assert_eq!(own, [("c1", Grade::Consistently), ("c2", Grade::Sometimes)]);

    // What the assessment keeps, to match the response.
    assert_eq!(
        asked,
        Asked {
            id: ID.into(),
            at: NOW,
            reviewer: dana(),
            rubric: "test".into(),
            hash: request.hash.clone(),
        }
    );
    assert_eq!(request.hash.len(), 64);
    assert!(request.hash.chars().all(|c| c.is_ascii_hexdigit()));
}

#[test]
fn own_grades_go_in_only_when_shared() {
    let (request, _) = request_with(ID, &asking(false));
    assert!(request.own.is_empty());
    assert!(!request.to_file().contains("\"own\""));
    let (shared, _) = request_with(ID, &asking(true));
    assert!(shared.to_file().contains("\"own\""));
    // The grades are the only difference: the criteria and their hash are
    // the same.
    assert_eq!(
        (&request.rubric, &request.hash),
        (&shared.rubric, &shared.hash)
    );
}

#[test]
fn the_hash_names_the_criteria_and_nothing_else() {
    let (one, _) = request_with("r-1", &asking(true));
    let other = Ask {
        reviewer: Person {
            name: "Sam".into(),
            role: Role::Peer,
        },
        message: String::new(),
        ..asking(false)
    };
    let (two, _) = request_with("r-2", &other);
    assert_eq!(one.hash, two.hash);

    // Other levels, another track, a reworded criterion: other criteria.
    let mut higher = engineer();
    higher.apply(Edit::Current("l2".into()));
    let (top, _) = review::ask(&higher, &ladder(), &asking(true), "r-3".into(), NOW).unwrap();
    assert_ne!(top.hash, one.hash);
    let mut reworded = ladder();
    reworded.tracks[0].areas[0].criteria[0].text = "Writes good tests.".into();
    let (again, _) = review::ask(&engineer(), &reworded, &asking(true), "r-4".into(), NOW).unwrap();
    assert_ne!(again.hash, one.hash);
}

/// The hashes are kept in the engineer's assessment and carried in files
/// that travel for weeks: a later build must compute the same ones for the
/// same criteria and grades, or no response to an earlier request could
/// be added.
#[test]
fn the_hashes_of_the_same_criteria_and_grades_never_change() {
    assert_eq!(
        request().0.hash,
        "a5c9b1fd8b36474b1adc8239e9971a39de880348a7bd7e977f9fad3810c81107"
    );
    assert_eq!(response().check, CHECK);
}

#[test]
fn at_the_top_of_the_ladder_a_request_holds_one_level() {
    let mut a = engineer();
    a.apply(Edit::Current("l3".into()));
    let (request, _) = review::ask(&a, &ladder(), &asking(true), ID.into(), NOW).unwrap();
    let levels: Vec<&str> = request
        .rubric
        .levels
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(levels, ["l3"]);
    assert_eq!(request.levels_label(), "Staff");
    assert_eq!(ids(&request), ["c4", "v1"]);
    let areas: Vec<&str> = (request.rubric.tracks[0].areas.iter())
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(areas, ["craft", "vision"]);
    let own: Vec<&str> = request.own.keys().map(String::as_str).collect();
    assert_eq!(own, ["c4"]);
    assert_eq!(review::read_request(&request.to_file()), Ok(request));
}

#[test]
fn another_track_is_asked_about_when_chosen() {
    let mut a = engineer();
    a.apply(Edit::Track("mgmt".into()));
    let (request, _) = review::ask(&a, &ladder(), &asking(true), ID.into(), NOW).unwrap();
    assert_eq!(request.rubric.tracks[0].id, "mgmt");
    assert_eq!(ids(&request), ["t1"]);
    let own: Vec<&str> = request.own.keys().map(String::as_str).collect();
    assert_eq!(own, ["t1"]);
}

#[test]
fn a_request_cannot_be_made_without_a_level_a_name_or_a_reviewer() {
    let ask = |assessment: &Assessment, ask: &Ask| {
        review::ask(assessment, &ladder(), ask, ID.into(), NOW).map(|_| ())
    };
    assert_eq!(
        ask(&Assessment::default(), &asking(true)),
        Err(AskError::NoLevel)
    );
    let mut unknown = engineer();
    unknown.apply(Edit::Current("nowhere".into()));
    assert_eq!(ask(&unknown, &asking(true)), Err(AskError::NoLevel));
    let me = engineer();
    let nameless = Ask {
        from: " \n ".into(),
        ..asking(true)
    };
    assert_eq!(ask(&me, &nameless), Err(AskError::NoName));
    let no_reviewer = Ask {
        reviewer: Person {
            name: "\t".into(),
            role: Role::Peer,
        },
        ..asking(true)
    };
    assert_eq!(ask(&me, &no_reviewer), Err(AskError::NoReviewer));

    let long_message = Ask {
        message: "x".repeat(MAX_NOTE + 1),
        ..asking(true)
    };
    assert_eq!(
        ask(&me, &long_message),
        Err(AskError::TooLong {
            what: "The message",
            most: MAX_NOTE
        })
    );
    let trailing = Ask {
        message: format!("{}\n", "x".repeat(MAX_NOTE)),
        ..asking(true)
    };
    assert_eq!(ask(&me, &trailing), Ok(()), "counted once trimmed");
    let just_fits = Ask {
        message: "é".repeat(MAX_NOTE),
        ..asking(true)
    };
    assert_eq!(ask(&me, &just_fits), Ok(()), "characters, not bytes");
    for long_name in [
        Ask {
            from: "a".repeat(MAX_NAME + 1),
            ..asking(true)
        },
        Ask {
            reviewer: Person {
                name: "b".repeat(MAX_NAME + 1),
                role: Role::Manager,
            },
            ..asking(true)
        },
    ] {
        let refused = ask(&me, &long_name);
        assert_eq!(
            refused,
            Err(AskError::TooLong {
                what: "A name",
                most: MAX_NAME
            }),
            "{long_name:?}"
        );
        assert!(refused.unwrap_err().to_string().contains("100 characters"));
    }

    for error in [
        AskError::NoLevel,
        AskError::NoName,
        AskError::NoReviewer,
        AskError::NoCriteria,
        AskError::TooLong {
            what: "The message",
            most: MAX_NOTE,
        },
    ] {
        let text = error.to_string();
        assert!(!text.is_empty() && text.ends_with('.'), "{text}");
    }
}

#[test]
fn roles_and_people_have_labels() {
    let ids: Vec<&str> = Role::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(ids, ["manager", "peer"]);
    let labels: Vec<&str> = Role::ALL.iter().map(|r| r.label()).collect();
    assert_eq!(labels, ["Manager", "Peer"]);
    assert_eq!(dana().label(), "Dana Whitfield (manager)");
    assert_eq!(given(None, false, "").label(), "—");
    assert_eq!(graded_as(Grade::Consistently).label(), "Consistently");
    assert_eq!(
        given(Some(Grade::Beyond), true, "").label(),
        "Does not apply"
    );
    assert_eq!(given(Some(Grade::Beyond), true, "").grade(), None);
    assert!(given(None, false, " \n").is_empty());
    assert!(!given(None, true, "").is_empty());
}

// The round trip

#[test]
fn a_request_reads_back_equal_from_its_file() {
    let (request, _) = request();
    let text = request.to_file();
    assert_eq!(review::read_request(&text), Ok(request.clone()));
    // As a browser may hand it over: with a byte order mark, or on one
    // line.
    assert_eq!(
        review::read_request(&format!("\u{feff}{text}\n")),
        Ok(request.clone())
    );
    let compact = serde_json::to_string(&request).unwrap();
    assert_eq!(review::read_request(&compact), Ok(request));
}

#[test]
fn a_graded_draft_responds_and_the_response_is_received() {
    let (request, asked) = request();
    let request = review::read_request(&request.to_file()).unwrap();
    let draft = graded(request);
    let response = draft.respond(NOW + 10);
    assert_eq!(response.format, RESPONSE_FORMAT);
    assert_eq!(response.version, FILE_VERSION);
    assert_eq!(response.request, ID);
    assert_eq!(response.hash, asked.hash);
    assert_eq!(response.rubric, "test");
    assert_eq!(response.to, "Ana Lima");
    assert_eq!(response.reviewer, dana());
    assert_eq!(response.made_at, NOW + 10);
    assert!(response
        .about
        .contains("Dana Whitfield's grades for Ana Lima"));
    let read = review::read_response(&response.to_file()).expect("reads back");
    assert_eq!(read, response);

    let incoming = review::receive(&keeping(asked), &ladder(), read, NOW + 20).unwrap();
    assert_eq!(
        (incoming.graded, incoming.not_applicable, incoming.comments),
        (2, 1, 2)
    );
    assert!(incoming.gone.is_empty());
    assert_eq!(incoming.replaces, None);
    assert!(!incoming.unasked);
    let review = &incoming.review;
    assert_eq!(review.id, ID);
    assert_eq!(review.reviewer, dana());
    assert_eq!((review.at, review.added), (NOW + 10, NOW + 20));
    let grades: Vec<&str> = review.grades.keys().map(String::as_str).collect();
    assert_eq!(grades, ["c1", "c2", "i1", "o1"]);
    assert_eq!(review.grades["c1"], graded_as(Grade::Sometimes));
    assert_eq!(
        review.grades["c2"],
        given(Some(Grade::Beyond), false, "Led the queue design.")
    );
    assert_eq!(review.grades["i1"], given(None, true, ""));
    assert_eq!(
        review.grades["o1"],
        given(None, false, "Ask Sam about incidents.")
    );
}

#[test]
fn criteria_the_ladder_no_longer_has_are_left_out_and_named() {
    let (_, asked) = request();
    let rubric = ladder_without(&["o1", "c1"]);
    let incoming = review::receive(&keeping(asked), &rubric, response(), NOW).unwrap();
    assert_eq!(incoming.gone, ["c1", "o1"]);
    assert_eq!(
        (incoming.graded, incoming.not_applicable, incoming.comments),
        (1, 1, 1)
    );
    let kept: Vec<&str> = incoming.review.grades.keys().map(String::as_str).collect();
    assert_eq!(kept, ["c2", "i1"]);
}

#[test]
fn the_same_reviewer_or_the_same_request_replaces_earlier_grades() {
    let (_, asked) = request();
    let mut a = keeping(asked);
    let first = review::receive(&a, &ladder(), response(), NOW + 20).unwrap();
    assert!(a.apply(Edit::AddReview(Rc::new(first.review.clone()))));

    // The same response again.
    let again = review::receive(&a, &ladder(), response(), NOW + 30).unwrap();
    assert_eq!(again.replaces.as_deref(), Some(&first.review));

    // Another request, to the same person spelt otherwise.
    let to_dana = Ask {
        reviewer: Person {
            name: "  dana   WHITFIELD ".into(),
            role: Role::Peer,
        },
        ..asking(false)
    };
    let (second, asked) = request_with("r-2", &to_dana);
    assert_eq!(second.reviewer.name, "dana   WHITFIELD");
    assert!(a.apply(Edit::Ask(Rc::new(asked))));
    let file = graded(second).respond(NOW + 40).to_file();
    let response = review::read_response(&file).unwrap();
    let incoming = review::receive(&a, &ladder(), response, NOW + 50).unwrap();
    assert_eq!(incoming.replaces.as_deref(), Some(&first.review));
    assert!(!incoming.unasked);

    // Someone else replaces nothing.
    let to_sam = Ask {
        reviewer: Person {
            name: "Sam".into(),
            role: Role::Peer,
        },
        ..asking(false)
    };
    let (third, asked) = request_with("r-3", &to_sam);
    assert!(a.apply(Edit::Ask(Rc::new(asked))));
    let file = graded(third).respond(NOW + 60).to_file();
    let incoming =
        review::receive(&a, &ladder(), review::read_response(&file).unwrap(), NOW).unwrap();
    assert_eq!(incoming.replaces, None);
}

#[test]
fn a_response_to_a_request_from_another_browser_is_taken_if_the_criteria_match() {
    // This assessment has no record of the request.
    let incoming = review::receive(&engineer(), &ladder(), response(), NOW).unwrap();
    assert!(incoming.unasked);
    assert_eq!(incoming.graded, 2);
    // With other levels chosen, the criteria do not match.
    let mut higher = engineer();
    higher.apply(Edit::Current("l2".into()));
    assert_eq!(
        review::receive(&higher, &ladder(), response(), NOW),
        Err(Refusal::NotAsked)
    );
    // Nor with no level at all.
    assert_eq!(
        review::receive(&Assessment::default(), &ladder(), response(), NOW),
        Err(Refusal::NotAsked)
    );
}

// Refusals

fn request_file() -> String {
    request().0.to_file()
}

fn refused_request(text: &str) -> Refusal {
    review::read_request(text).expect_err("refused")
}

fn refused_response(text: &str) -> Refusal {
    review::read_response(text).expect_err("refused")
}

/// A change made to a file, by what it changes.
type FileEdit = Box<dyn Fn(&mut Value)>;

fn is_invalid(refusal: &Refusal) -> bool {
    matches!(refusal, Refusal::Invalid(_))
}

#[test]
fn each_reader_refuses_the_other_kinds_of_file() {
    let export = transfer::export(&Document::default(), 1, NOW);
    assert_eq!(
        refused_request(&export),
        Refusal::Kind {
            wanted: Kind::Request,
            found: Some(Kind::Data)
        }
    );
    assert_eq!(
        refused_response(&export),
        Refusal::Kind {
            wanted: Kind::Response,
            found: Some(Kind::Data)
        }
    );
    assert_eq!(
        refused_request(&response_file()),
        Refusal::Kind {
            wanted: Kind::Request,
            found: Some(Kind::Response)
        }
    );
    assert_eq!(
        refused_response(&request_file()),
        Refusal::Kind {
            wanted: Kind::Response,
            found: Some(Kind::Request)
        }
    );
    // JSON that is no Rungs file, or says it is something else.
    for text in [
        "{}",
        r#"{"a":1}"#,
        "[1, 2]",
        "\"rungs-review-request\"",
        "42",
        "null",
        r#"{"format":"rungs-review-requests","version":1}"#,
        r#"{"format":5,"version":1}"#,
        r#"{"format":"rungs-review-request","version":"1"}"#,
    ] {
        assert_eq!(
            refused_request(text),
            Refusal::Kind {
                wanted: Kind::Request,
                found: None
            },
            "{text}"
        );
    }
}

#[test]
fn what_is_no_file_at_all_is_refused_before_it_is_parsed() {
    for text in ["", "  \n\t", "\u{feff}", "\u{feff} \n"] {
        assert_eq!(
            refused_request(text),
            Refusal::File(ImportError::Empty),
            "{text:?}"
        );
        assert_eq!(refused_response(text), Refusal::File(ImportError::Empty));
    }
    for text in ["{ not json", "{\"format\":", "rungs", "{\"a\":1} trailing"] {
        assert!(
            matches!(
                refused_request(text),
                Refusal::File(ImportError::NotJson(_))
            ),
            "{text}"
        );
        assert!(matches!(
            refused_response(text),
            Refusal::File(ImportError::NotJson(_))
        ));
    }
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert_eq!(refused_request(&deep), Refusal::File(ImportError::TooDeep));
    assert_eq!(refused_response(&deep), Refusal::File(ImportError::TooDeep));
    // Brackets inside strings do not count.
    let quoted = edited(&request_file(), |v| {
        v["message"] = json!("[".repeat(100));
    });
    assert!(review::read_request(&quoted).is_ok());

    let bytes = transfer::MAX_FILE_BYTES as usize + 1;
    let large = format!(
        "{}{}",
        request_file(),
        " ".repeat(bytes - request_file().len())
    );
    assert_eq!(large.len(), bytes);
    assert_eq!(
        refused_request(&large),
        Refusal::File(ImportError::TooLarge {
            bytes: bytes as u64
        })
    );
    assert!(matches!(
        refused_response(&large),
        Refusal::File(ImportError::TooLarge { .. })
    ));
}

#[test]
fn a_file_from_a_newer_rungs_is_refused_as_too_new() {
    let newer = |text: &str| {
        edited(text, |v| {
            v["version"] = json!(2);
        })
    };
    assert_eq!(
        refused_request(&newer(&request_file())),
        Refusal::TooNew { version: 2 }
    );
    assert_eq!(
        refused_response(&newer(&response_file())),
        Refusal::TooNew { version: 2 }
    );
    // Whatever else a newer file holds.
    let different = r#"{"format":"rungs-review-response","version":7,"everything":"else"}"#;
    assert_eq!(refused_response(different), Refusal::TooNew { version: 7 });
}

#[test]
fn a_request_with_a_wrong_field_is_invalid() {
    let file = request_file();
    let changes: Vec<(&str, FileEdit)> = vec![
        (
            "a missing field",
            Box::new(|v: &mut Value| drop(v.as_object_mut().unwrap().remove("from"))),
        ),
        (
            "no rubric",
            Box::new(|v: &mut Value| drop(v.as_object_mut().unwrap().remove("rubric"))),
        ),
        (
            "an unknown field",
            Box::new(|v: &mut Value| v["signed"] = json!(true)),
        ),
        (
            "an unknown field of a criterion",
            Box::new(|v: &mut Value| {
                v["rubric"]["tracks"][0]["areas"][0]["criteria"][0]["extra"] = json!(1)
            }),
        ),
        (
            "a wrong type",
            Box::new(|v: &mut Value| v["made_at"] = json!("yesterday")),
        ),
        (
            "an empty id",
            Box::new(|v: &mut Value| v["id"] = json!(" ")),
        ),
        (
            "too long an id",
            Box::new(|v: &mut Value| v["id"] = json!("i".repeat(MAX_NAME + 1))),
        ),
        (
            "no one asking",
            Box::new(|v: &mut Value| v["from"] = json!("")),
        ),
        (
            "too long a name",
            Box::new(|v: &mut Value| v["from"] = json!("a".repeat(MAX_NAME + 1))),
        ),
        (
            "too long a reviewer's name",
            Box::new(|v: &mut Value| v["reviewer"]["name"] = json!("d".repeat(MAX_NAME + 1))),
        ),
        (
            "no reviewer's name",
            Box::new(|v: &mut Value| v["reviewer"]["name"] = json!("  ")),
        ),
        (
            "an unknown role",
            Box::new(|v: &mut Value| v["reviewer"]["role"] = json!("boss")),
        ),
        (
            "too long a message",
            Box::new(|v: &mut Value| v["message"] = json!("m".repeat(MAX_NOTE + 1))),
        ),
        (
            "two criteria with one id",
            Box::new(|v: &mut Value| {
                v["rubric"]["tracks"][0]["areas"][1]["criteria"][0]["id"] = json!("c1")
            }),
        ),
        (
            "a criterion without an id",
            Box::new(|v: &mut Value| {
                v["rubric"]["tracks"][0]["areas"][1]["criteria"][0]["id"] = json!("")
            }),
        ),
        (
            "a criterion at a level it does not name",
            Box::new(|v: &mut Value| {
                v["rubric"]["tracks"][0]["areas"][1]["criteria"][0]["level"] = json!("l3")
            }),
        ),
        (
            "too long a criterion",
            Box::new(|v: &mut Value| {
                v["rubric"]["tracks"][0]["areas"][1]["criteria"][0]["text"] =
                    json!("t".repeat(5_001))
            }),
        ),
        (
            "own grade for an unknown criterion",
            Box::new(|v: &mut Value| v["own"]["zz"] = json!("beyond")),
        ),
        (
            "an unknown grade",
            Box::new(|v: &mut Value| v["own"]["c1"] = json!("amazing")),
        ),
        (
            "no track",
            Box::new(|v: &mut Value| v["rubric"]["tracks"] = json!([])),
        ),
        (
            "two tracks",
            Box::new(|v: &mut Value| {
                let track = v["rubric"]["tracks"][0].clone();
                v["rubric"]["tracks"].as_array_mut().unwrap().push(track);
            }),
        ),
        (
            "no level",
            Box::new(|v: &mut Value| v["rubric"]["levels"] = json!([])),
        ),
        (
            "three levels",
            Box::new(|v: &mut Value| {
                v["rubric"]["levels"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"id": "l3", "name": "Staff"}))
            }),
        ),
        (
            "no criteria",
            Box::new(|v: &mut Value| v["rubric"]["tracks"][0]["areas"] = json!([])),
        ),
    ];
    for (what, change) in changes {
        let refusal = refused_request(&edited(&file, change));
        assert!(is_invalid(&refusal), "{what}: {refusal:?}");
        let text = refusal.to_string();
        assert!(text.ends_with('.'), "{what}: {text}");
    }
}

#[test]
fn a_request_whose_criteria_were_edited_is_refused_as_changed() {
    let changed = Refusal::Changed {
        wanted: Kind::Request,
    };
    let file = request_file();
    let changes: Vec<fn(&mut Value)> = vec![
        |v: &mut Value| {
            v["rubric"]["tracks"][0]["areas"][0]["criteria"][0]["text"] =
                json!("Writes some tests.")
        },
        |v: &mut Value| v["rubric"]["name"] = json!("Another ladder"),
        |v: &mut Value| v["rubric"]["id"] = json!("other"),
        |v: &mut Value| v["hash"] = json!("0".repeat(64)),
        |v: &mut Value| {
            drop(
                v["rubric"]["tracks"][0]["areas"]
                    .as_array_mut()
                    .unwrap()
                    .pop(),
            )
        },
    ];
    for change in changes {
        assert_eq!(refused_request(&edited(&file, change)), changed);
    }
    // What the hash does not cover may change: the words around it.
    let reworded = edited(&file, |v| {
        v["message"] = json!("Please, by Friday.");
        v["about"] = json!("");
    });
    assert_eq!(
        review::read_request(&reworded).map(|r| r.message),
        Ok("Please, by Friday.".to_owned())
    );
}

#[test]
fn a_response_with_a_wrong_field_is_invalid() {
    let file = response_file();
    let changes: Vec<(&str, FileEdit)> = vec![
        (
            "a missing field",
            Box::new(|v: &mut Value| drop(v.as_object_mut().unwrap().remove("made_at"))),
        ),
        (
            "no grades",
            Box::new(|v: &mut Value| drop(v.as_object_mut().unwrap().remove("grades"))),
        ),
        (
            "an unknown field",
            Box::new(|v: &mut Value| v["signature"] = json!("x")),
        ),
        (
            "an unknown field of a grade",
            Box::new(|v: &mut Value| v["grades"]["c1"]["weight"] = json!(2)),
        ),
        (
            "an unknown grade",
            Box::new(|v: &mut Value| v["grades"]["c1"]["grade"] = json!("great")),
        ),
        (
            "no request",
            Box::new(|v: &mut Value| v["request"] = json!("")),
        ),
        (
            "too long a request id",
            Box::new(|v: &mut Value| v["request"] = json!("r".repeat(MAX_NAME + 1))),
        ),
        (
            "no reviewer's name",
            Box::new(|v: &mut Value| v["reviewer"]["name"] = json!("")),
        ),
        (
            "too long a reviewer's name",
            Box::new(|v: &mut Value| v["reviewer"]["name"] = json!("d".repeat(MAX_NAME + 1))),
        ),
        (
            "too long a name",
            Box::new(|v: &mut Value| v["to"] = json!("a".repeat(MAX_NAME + 1))),
        ),
        (
            "too long a ladder id",
            Box::new(|v: &mut Value| v["rubric"] = json!("l".repeat(MAX_NOTE + 1))),
        ),
        (
            "too long a comment",
            Box::new(|v: &mut Value| {
                v["grades"]["c1"]["comment"] = json!("c".repeat(MAX_NOTE + 1))
            }),
        ),
    ];
    for (what, change) in changes {
        let refusal = refused_response(&edited(&file, change));
        assert!(is_invalid(&refusal), "{what}: {refusal:?}");
        assert!(refusal.to_string().ends_with('.'), "{what}");
    }
}

#[test]
fn a_response_whose_grades_were_edited_is_refused_as_changed() {
    let changed = Refusal::Changed {
        wanted: Kind::Response,
    };
    let file = response_file();
    let changes: Vec<fn(&mut Value)> = vec![
        |v: &mut Value| v["grades"]["c1"]["grade"] = json!("beyond"),
        |v: &mut Value| v["grades"]["p1"] = json!({"grade": "beyond"}),
        |v: &mut Value| drop(v["grades"].as_object_mut().unwrap().remove("c1")),
        |v: &mut Value| v["grades"]["o1"]["comment"] = json!("Never mind."),
        |v: &mut Value| v["reviewer"]["name"] = json!("Someone else"),
        |v: &mut Value| v["reviewer"]["role"] = json!("peer"),
        |v: &mut Value| v["made_at"] = json!(1),
        |v: &mut Value| v["hash"] = json!("0".repeat(64)),
        |v: &mut Value| v["check"] = json!(""),
        |v: &mut Value| drop(v.as_object_mut().unwrap().remove("check")),
    ];
    for change in changes {
        assert_eq!(refused_response(&edited(&file, change)), changed);
    }
}

#[test]
fn a_response_is_refused_unless_it_answers_criteria_in_use_on_the_ladder_in_use() {
    let (_, asked) = request();
    // The request it names was for other criteria.
    let mut elsewhere = engineer();
    elsewhere.apply(Edit::Ask(Rc::new(Asked {
        hash: "0".repeat(64),
        ..asked.clone()
    })));
    assert_eq!(
        review::receive(&elsewhere, &ladder(), response(), NOW),
        Err(Refusal::OtherCriteria)
    );
    // Unknown request, criteria that do not match the levels chosen.
    let mut higher = engineer();
    higher.apply(Edit::Current("l2".into()));
    assert_eq!(
        review::receive(&higher, &ladder(), response(), NOW),
        Err(Refusal::NotAsked)
    );
    // Another ladder, asked or not.
    let mut other = ladder();
    other.id = "other".into();
    for assessment in [engineer(), keeping(asked.clone())] {
        assert_eq!(
            review::receive(&assessment, &other, response(), NOW),
            Err(Refusal::OtherRubric {
                rubric: "test".into()
            })
        );
    }
    // Every grade it holds is for criteria the ladder no longer has.
    let gone = ladder_without(&["c1", "c2", "i1", "o1"]);
    assert_eq!(
        review::receive(&keeping(asked.clone()), &gone, response(), NOW),
        Err(Refusal::Empty)
    );
    // Or it holds nothing at all.
    let (request, _) = request();
    let nothing = Draft::new(request).respond(NOW);
    assert!(nothing.grades.is_empty());
    let nothing = review::read_response(&nothing.to_file()).unwrap();
    assert_eq!(
        review::receive(&keeping(asked), &ladder(), nothing, NOW),
        Err(Refusal::Empty)
    );
}

#[test]
fn every_refusal_is_explained_in_plain_words() {
    let serde_detail = match refused_request(&edited(&request_file(), |v| v["x"] = json!(1))) {
        Refusal::Invalid(detail) => detail,
        other => panic!("{other:?}"),
    };
    let mut refusals = vec![
        Refusal::File(ImportError::Empty),
        Refusal::File(ImportError::TooDeep),
        Refusal::File(ImportError::TooLarge { bytes: 20_000_000 }),
        Refusal::File(ImportError::NotJson("EOF while parsing".into())),
        Refusal::TooNew { version: 2 },
        Refusal::Invalid(serde_detail),
        Refusal::Invalid("its id is empty or too long".into()),
        Refusal::Changed {
            wanted: Kind::Request,
        },
        Refusal::Changed {
            wanted: Kind::Response,
        },
        Refusal::OtherRubric {
            rubric: "acme".into(),
        },
        Refusal::NotAsked,
        Refusal::OtherCriteria,
        Refusal::Empty,
    ];
    for wanted in [Kind::Request, Kind::Response] {
        for found in [
            None,
            Some(Kind::Request),
            Some(Kind::Response),
            Some(Kind::Data),
        ] {
            if found != Some(wanted) {
                refusals.push(Refusal::Kind { wanted, found });
            }
        }
    }
    for refusal in &refusals {
        let text = refusal.to_string();
        assert!(!text.trim().is_empty(), "{refusal:?}");
        assert!(text.ends_with('.'), "{refusal:?}: {text}");
        for debug in ["Some(", "None", "Err(", "Kind {", "Request {", "Response"] {
            assert!(!text.contains(debug), "{refusal:?}: {text}");
        }
    }
    let wrong = Refusal::Kind {
        wanted: Kind::Response,
        found: Some(Kind::Request),
    }
    .to_string();
    assert!(
        wrong.contains("a request for grades, not a reviewer's response"),
        "{wrong}"
    );
    assert!(wrong.contains("Grade a colleague"), "{wrong}");
    let data = Refusal::Kind {
        wanted: Kind::Request,
        found: Some(Kind::Data),
    }
    .to_string();
    assert!(data.contains("Your data page"), "{data}");
    let other = Refusal::OtherRubric {
        rubric: "acme".into(),
    }
    .to_string();
    assert!(other.contains("\u{201c}acme\u{201d}"), "{other}");
}

// The reviewer's draft

#[test]
fn a_draft_records_what_is_given_and_counts_progress() {
    let (request, _) = request();
    let mut draft = Draft::new(request);
    assert_eq!(draft.progress(), (0, 7));
    assert_eq!(draft.given("c1"), Given::default());
    assert!(draft.set("c1", graded_as(Grade::Beyond), NOW));
    assert!(
        !draft.set("c1", graded_as(Grade::Beyond), NOW + 1),
        "no change"
    );
    assert_eq!(draft.changed["c1"], NOW);
    assert_eq!(draft.given("c1"), graded_as(Grade::Beyond));
    assert!(draft.set("i1", given(None, true, ""), NOW + 2));
    // A comment alone is no grade.
    assert!(draft.set("o1", given(None, false, "Ask Sam."), NOW + 3));
    assert_eq!(draft.progress(), (2, 7));
    // Cleared, it is removed, and when is kept for another tab to see.
    assert!(draft.set("c1", Given::default(), NOW + 4));
    assert!(!draft.grades.contains_key("c1"));
    assert_eq!(draft.changed["c1"], NOW + 4);
    assert!(draft.set("o1", given(None, false, "   "), NOW + 5));
    assert!(!draft.grades.contains_key("o1"), "blank comment is nothing");
    assert_eq!(draft.progress(), (1, 7));

    // It is stored as JSON and read back as it was.
    let text = draft.to_json();
    assert_eq!(Draft::read(&text), Some(draft.clone()));
    assert_eq!(Draft::read("{ not json"), None);
    assert_eq!(Draft::read(&request_file()), None, "a request is no draft");
    let extra = edited(&text, |v| v["future"] = json!(true));
    assert_eq!(Draft::read(&extra), None);
    let bare = serde_json::to_string(&json!({
        "request": serde_json::to_value(&draft.request).unwrap()
    }))
    .unwrap();
    assert_eq!(Draft::read(&bare), Some(Draft::new(draft.request)));
}

#[test]
fn two_drafts_combine_criterion_by_criterion_as_changed_last() {
    let (request, _) = request();
    let mut a = Draft::new(request.clone());
    let mut b = Draft::new(request);
    a.set("c1", graded_as(Grade::Sometimes), 10);
    b.set("c1", graded_as(Grade::Beyond), 30); // b's is later
    a.set("c2", graded_as(Grade::NotYet), 50); // a's is later
    b.set("c2", graded_as(Grade::Sometimes), 20);
    a.set("c3", graded_as(Grade::Consistently), 5);
    b.set("c3", graded_as(Grade::Consistently), 6);
    b.set("c3", Given::default(), 40); // removed in b, later
    a.set("i1", given(None, true, ""), 15); // a only
    b.set("o1", given(None, false, "Fine."), 25); // b only
    a.sent = Some(100);
    b.sent = Some(200);

    let expected = |combined: &Draft| {
        assert_eq!(combined.given("c1"), graded_as(Grade::Beyond));
        assert_eq!(combined.given("c2"), graded_as(Grade::NotYet));
        assert!(!combined.grades.contains_key("c3"), "the removal is later");
        assert_eq!(combined.given("i1"), given(None, true, ""));
        assert_eq!(combined.given("o1"), given(None, false, "Fine."));
        let changed: Vec<(&str, u64)> = (combined.changed.iter())
            .map(|(id, at)| (id.as_str(), *at))
            .collect();
        assert_eq!(
            changed,
            [("c1", 30), ("c2", 50), ("c3", 40), ("i1", 15), ("o1", 25)]
        );
        assert_eq!(combined.sent, Some(200));
    };
    let ab = a.clone().combine(&b);
    let ba = b.clone().combine(&a);
    expected(&ab);
    expected(&ba);
    assert_eq!(ab, ba);
    // Combining again changes nothing.
    assert_eq!(ab.clone().combine(&ba), ab);
    assert_eq!(a.clone().combine(&a), a);

    // A draft never sent takes the other's sending, and keeps its own.
    b.sent = None;
    assert_eq!(a.clone().combine(&b).sent, Some(100));
    assert_eq!(b.clone().combine(&a).sent, Some(100));
}

#[test]
fn a_response_leaves_out_what_is_empty_and_what_the_request_does_not_hold() {
    let (request, _) = request();
    let mut draft = Draft::new(request);
    draft.set(
        "c1",
        given(Some(Grade::Sometimes), true, " Not in my team. "),
        1,
    );
    draft.set(
        "c2",
        given(Some(Grade::Consistently), false, "\n\tClear.  "),
        2,
    );
    // Kept by an older build, or edited in storage: blank, and unknown.
    draft.grades.insert("c3".into(), given(None, false, " \n "));
    draft.grades.insert("zz".into(), graded_as(Grade::Beyond));
    let response = draft.respond(NOW);
    let grades: Vec<(&str, &Given)> = (response.grades.iter())
        .map(|(id, given)| (id.as_str(), given))
        .collect();
    assert_eq!(
        grades,
        [
            ("c1", &given(None, true, "Not in my team.")),
            ("c2", &given(Some(Grade::Consistently), false, "Clear.")),
        ]
    );
    assert_eq!(response.check.len(), 64);
    assert_eq!(
        review::read_response(&response.to_file()),
        Ok(response.clone())
    );
    // The check is all that changes with it: the file reads as it was.
    let without = Response {
        check: String::new(),
        ..response.clone()
    };
    assert_eq!(
        review::read_response(&serde_json::to_string(&without).unwrap()),
        Err(Refusal::Changed {
            wanted: Kind::Response
        })
    );
}

// Drafts kept in the reviewer's browser

impl Shared {
    fn tab(&self) -> Store<Shared> {
        Store::open(self.clone(), Keys::new("rungs"), NOW).0
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().items.get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) {
        self.0.borrow_mut().items.insert(key.into(), value.into());
    }

    fn items(&self) -> Vec<(String, String)> {
        let items = &self.0.borrow().items;
        items.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}

/// Storage with the reviewer's own saved document, a backup, and keys of
/// another namespace; the reviewer's own document as saved.
fn reviewers_browser() -> (Shared, Document) {
    let shared = Shared::default();
    let mut tab = shared.tab();
    let mut document = Document::default();
    document.apply(SetTheme(Theme::Dark));
    assert_eq!(tab.save(&document, NOW), Saved::Written);
    shared.set("rungs.backup.daily.1795000000000", "yesterday's data");
    shared.set("other.review.r-elsewhere", "not ours");
    shared.set("rungs.reviews", "not a draft's key");
    (shared, document)
}

/// A request to Dana with another id, made at `at`.
fn request_at(id: &str, at: u64) -> Request {
    let (mut request, _) = request_with(id, &asking(false));
    request.made_at = at;
    request
}

#[test]
fn a_draft_is_kept_under_its_own_key_and_read_back() {
    let (shared, document) = reviewers_browser();
    let stored = shared.get("rungs.document").unwrap();
    let mut tab = shared.tab();
    assert_eq!(review::draft(&tab, ID), Ok(None));
    let draft = graded(request().0);
    let kept = review::keep(&mut tab, draft.clone()).unwrap();
    assert_eq!(kept, draft, "nothing else to combine with");
    assert_eq!(Keys::new("rungs").review(ID), format!("rungs.review.{ID}"));
    assert_eq!(
        shared.get(&format!("rungs.review.{ID}")),
        Some(draft.to_json())
    );
    assert_eq!(
        review::draft(&tab, ID),
        Ok(Some(Kept::Draft(Box::new(draft))))
    );
    // Drafts are neither the document nor copies of it.
    assert_eq!(shared.get("rungs.document"), Some(stored));
    assert!(tab
        .copies()
        .unwrap()
        .iter()
        .all(|c| !c.key.contains("review")));
    assert_eq!(tab.save(&document, NOW + 1), Saved::Unchanged);
    assert!(tab.health().problems.is_empty());
}

#[test]
fn keeping_a_draft_combines_it_with_what_another_tab_kept() {
    let (shared, _) = reviewers_browser();
    let (request, _) = request();
    let mut a = shared.tab();
    let mut b = shared.tab();
    // Both tabs opened the request; each grades something.
    let mut in_a = Draft::new(request.clone());
    let mut in_b = Draft::new(request);
    in_a.set("c1", graded_as(Grade::Sometimes), NOW + 1);
    in_a.set("c3", graded_as(Grade::NotYet), NOW + 2);
    let in_a = review::keep(&mut a, in_a).unwrap();
    in_b.set("c2", graded_as(Grade::Beyond), NOW + 3);
    in_b.set("c3", graded_as(Grade::Sometimes), NOW + 3);
    in_b.set("c3", Given::default(), NOW + 4); // B cleared it after A
    in_b.sent = Some(NOW + 5);
    let in_b = review::keep(&mut b, in_b).unwrap();
    assert_eq!(in_b.given("c1"), graded_as(Grade::Sometimes), "A's");
    assert_eq!(in_b.given("c2"), graded_as(Grade::Beyond));
    assert!(!in_b.grades.contains_key("c3"));
    assert_eq!(in_b.sent, Some(NOW + 5));

    // A, still holding its own, keeps a later change: B's stay.
    let mut in_a = in_a;
    in_a.set("c1", graded_as(Grade::Consistently), NOW + 6);
    let kept = review::keep(&mut a, in_a).unwrap();
    assert_eq!(kept.given("c1"), graded_as(Grade::Consistently));
    assert_eq!(kept.given("c2"), graded_as(Grade::Beyond));
    assert!(!kept.grades.contains_key("c3"), "B's later removal");
    assert_eq!(kept.sent, Some(NOW + 5));
    let Ok(Some(Kept::Draft(stored))) = review::draft(&b, ID) else {
        panic!("kept");
    };
    assert_eq!(*stored, kept);
}

#[test]
fn a_draft_is_never_written_over_text_that_cannot_be_read() {
    let (shared, _) = reviewers_browser();
    let key = format!("rungs.review.{ID}");
    let mut tab = shared.tab();
    // Damaged, from a newer build, or a draft of another request.
    let other = Draft::new(request_at("r-other", NOW)).to_json();
    for text in ["{ \"request\": ", "{\"future\":true}", other.as_str()] {
        shared.set(&key, text);
        let before = shared.items();
        assert!(
            matches!(
                review::keep(&mut tab, graded(request().0)),
                Err(BackendError::Other(_))
            ),
            "{text}"
        );
        assert_eq!(shared.items(), before, "nothing written");
        assert_eq!(
            review::draft(&tab, ID),
            Ok(Some(Kept::Unreadable {
                id: ID.into(),
                text: text.into()
            }))
        );
    }
}

#[test]
fn drafts_lists_every_kept_request_and_ignores_other_keys() {
    let (shared, _) = reviewers_browser();
    let document = shared.get("rungs.document").unwrap();
    let mut tab = shared.tab();
    assert_eq!(review::drafts(&tab), Ok(vec![]));
    let newer = graded(request_at("r-2", NOW + 100));
    let older = Draft::new(request_at("r-1", NOW + 50));
    review::keep(&mut tab, newer.clone()).unwrap();
    review::keep(&mut tab, older.clone()).unwrap();
    shared.set("rungs.review.r-9", "{ damaged");
    shared.set("rungs.review.", "no id");

    let kept = review::drafts(&tab).unwrap();
    assert_eq!(
        kept,
        [
            Kept::Unreadable {
                id: "r-9".into(),
                text: "{ damaged".into()
            },
            Kept::Draft(Box::new(older)),
            Kept::Draft(Box::new(newer)),
        ]
    );
    let ids: Vec<&str> = kept.iter().map(Kept::id).collect();
    assert_eq!(ids, ["r-9", "r-1", "r-2"]);

    // Forgetting removes only that key.
    review::forget(&mut tab, "r-1").unwrap();
    review::forget(&mut tab, "r-9").unwrap();
    review::forget(&mut tab, "never-kept").unwrap();
    assert_eq!(shared.get("rungs.review.r-1"), None);
    let ids: Vec<String> = (review::drafts(&tab).unwrap().iter())
        .map(|k| k.id().to_owned())
        .collect();
    assert_eq!(ids, ["r-2"]);
    assert_eq!(shared.get("rungs.document"), Some(document));
    assert_eq!(
        shared.get("rungs.backup.daily.1795000000000").as_deref(),
        Some("yesterday's data")
    );
    assert_eq!(
        shared.get("other.review.r-elsewhere").as_deref(),
        Some("not ours")
    );
    assert_eq!(shared.get("rungs.review.").as_deref(), Some("no id"));
}

#[test]
fn review_keys_name_their_request() {
    let keys = Keys::new("rungs");
    assert_eq!(keys.review_id("rungs.review.r-1"), Some("r-1"));
    assert_eq!(keys.review_id("rungs.review.a.b"), Some("a.b"));
    assert_eq!(keys.review_id(&keys.review(ID)), Some(ID));
    for key in [
        "rungs.review.",
        "rungs.reviews.r-1",
        "rungs.document",
        "other.review.r-1",
        "rungs.backup.daily.17",
    ] {
        assert_eq!(keys.review_id(key), None, "{key}");
    }
    assert_eq!(keys.parse_copy(&keys.review("17")), None, "not a copy");
}

// The engineer's assessment

fn review_from(id: &str, name: &str, role: Role, grades: &[(&str, Given)]) -> Review {
    Review {
        id: id.into(),
        reviewer: Person {
            name: name.into(),
            role,
        },
        at: NOW,
        added: NOW + 1,
        grades: grades
            .iter()
            .map(|(id, given)| (id.to_string(), given.clone()))
            .collect(),
    }
}

fn review_ids(a: &Assessment) -> Vec<&str> {
    a.reviews.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn one_review_is_kept_per_reviewer_and_per_request() {
    let mut a = engineer();
    let first = review_from(
        "r-1",
        "Dana Whitfield",
        Role::Manager,
        &[("c1", graded_as(Grade::Sometimes))],
    );
    assert!(a.apply(Edit::AddReview(Rc::new(first.clone()))));
    assert!(
        !a.apply(Edit::AddReview(Rc::new(first.clone()))),
        "the same again"
    );
    assert_eq!(review_ids(&a), ["r-1"]);

    let sam = review_from(
        "r-2",
        "Sam",
        Role::Peer,
        &[("c2", graded_as(Grade::Beyond))],
    );
    assert!(a.apply(Edit::AddReview(Rc::new(sam))));
    assert_eq!(review_ids(&a), ["r-1", "r-2"]);
    // Dana again, spelt otherwise, on a new request: replaces her first.
    let later = review_from(
        "r-3",
        " dana  whitfield",
        Role::Manager,
        &[("c1", graded_as(Grade::Consistently))],
    );
    assert!(a.apply(Edit::AddReview(Rc::new(later.clone()))));
    assert_eq!(review_ids(&a), ["r-2", "r-3"]);
    // The same request answered again, with other grades: replaces it.
    let changed = Review {
        added: NOW + 9,
        ..later
    };
    assert!(a.apply(Edit::AddReview(Rc::new(changed.clone()))));
    assert_eq!(review_ids(&a), ["r-2", "r-3"]);
    assert_eq!(*a.reviews[1], changed);

    assert!(a.apply(Edit::RemoveReview { id: "r-2".into() }));
    assert!(!a.apply(Edit::RemoveReview { id: "r-2".into() }));
    assert_eq!(review_ids(&a), ["r-3"]);

    let (_, asked) = request();
    assert!(a.apply(Edit::Ask(Rc::new(asked.clone()))));
    assert!(!a.apply(Edit::Ask(Rc::new(asked))), "kept once");
    assert_eq!(a.asked.len(), 1);
    assert!(a.apply(Edit::ForgetAsked { id: ID.into() }));
    assert!(!a.apply(Edit::ForgetAsked { id: ID.into() }));
    assert!(a.asked.is_empty());
    assert_eq!(review_ids(&a), ["r-3"], "its grades stay");
}

#[test]
fn adding_and_removing_grades_can_be_undone() {
    let dana = review_from(
        "r-1",
        "Dana",
        Role::Manager,
        &[("c1", graded_as(Grade::Sometimes))],
    );
    let mut document = Document::default();
    let (_, asked) = request();
    let ask = Edit::Ask(Rc::new(asked));
    assert_eq!(ask.undo_label(&document), None);
    ask.apply_to(&mut document).expect("kept");
    let add = Edit::AddReview(Rc::new(dana));
    assert_eq!(
        add.undo_label(&document).as_deref(),
        Some("Added Dana\u{2019}s grades.")
    );
    let before = document.clone();
    let undo = add.apply_to(&mut document).expect("a change");
    assert_eq!(document.assessment.reviews.len(), 1);
    assert!(add.apply_to(&mut document).is_none(), "nothing more");

    let remove = Edit::RemoveReview { id: "r-1".into() };
    assert_eq!(
        remove.undo_label(&document).as_deref(),
        Some("Removed Dana\u{2019}s grades.")
    );
    assert_eq!(
        Edit::RemoveReview { id: "r-9".into() }
            .undo_label(&document)
            .as_deref(),
        Some("Removed a reviewer\u{2019}s grades.")
    );
    let with_review = document.clone();
    let undo_remove = remove.apply_to(&mut document).expect("removed");
    assert!(document.assessment.reviews.is_empty());
    undo_remove.apply_to(&mut document);
    assert_eq!(document, with_review);
    undo.apply_to(&mut document);
    assert_eq!(document, before);

    let forget = Edit::ForgetAsked { id: ID.into() };
    assert_eq!(
        forget.undo_label(&document).as_deref(),
        Some("Forgot a request for grades.")
    );
    let undo = forget.apply_to(&mut document).expect("forgotten");
    assert!(document.assessment.asked.is_empty());
    undo.apply_to(&mut document);
    assert_eq!(document, before);
}

#[test]
fn requests_and_reviews_are_stored_in_the_document_and_read_back() {
    let mut document = Document::default();
    let (_, asked) = request();
    Edit::Ask(Rc::new(asked)).apply_to(&mut document).unwrap();
    let incoming = review::receive(&keeping(request().1), &ladder(), response(), NOW + 20).unwrap();
    Edit::AddReview(Rc::new(incoming.review))
        .apply_to(&mut document)
        .unwrap();
    let json = document.to_json();
    assert!(json.contains(r#""asked":[{"id":"r-kx2p9a-3f","at":1795241100000,"reviewer":{"name":"Dana Whitfield","role":"manager"},"rubric":"test","hash":""#), "{json}");
    assert!(json.contains(r#""i1":{"not_applicable":true}"#), "{json}");
    let text = rungs::core::schema::encode(&json, 3, NOW);
    let decoded = decode(&text).unwrap();
    assert_eq!(decoded.document.read_every_part(), []);
    assert_eq!(decoded.document, document);
}

// The report

fn report(a: &Assessment) -> rungs::core::assessment::Report {
    a.report(&ladder(), &Log::default())
        .expect("a level is chosen")
}

fn with_review(mut a: Assessment, review: Review) -> Assessment {
    assert!(a.apply(Edit::AddReview(Rc::new(review))));
    a
}

#[test]
fn the_report_has_a_column_for_each_who_graded() {
    // The engineer's own manager grade (c3), recorded by hand.
    let mut a = engineer();
    assert_eq!(report(&a).others, ["Manager"]);
    let dana = review_from(
        "r-1",
        "Dana",
        Role::Manager,
        &[("c1", graded_as(Grade::NotYet))],
    );
    a = with_review(a, dana.clone());
    assert_eq!(report(&a).others, ["Manager", "Dana (manager)"]);
    grade_as(&mut a, "p1", Perspective::Peer, Grade::Sometimes);
    let sam = review_from(
        "r-2",
        "Sam",
        Role::Peer,
        &[("c2", graded_as(Grade::Beyond))],
    );
    a = with_review(a, sam);
    let r = report(&a);
    assert_eq!(
        r.others,
        ["Manager", "Peer", "Dana (manager)", "Sam (peer)"]
    );
    assert!(r.comparisons.iter().all(|c| c.others.len() == 4));

    // With no grade recorded by hand, reviewers only.
    let mut b = Assessment::default();
    b.apply(Edit::Current("l1".into()));
    assert!(report(&b).others.is_empty());
    assert!(report(&b).comparisons.is_empty());
    let b = with_review(b, dana);
    let r = report(&b);
    assert_eq!(r.others, ["Dana (manager)"]);
    assert_eq!(r.comparisons.len(), 1);
    assert_eq!(r.comparisons[0].criterion, "c1");
    assert_eq!(r.comparisons[0].mine, None);
    assert_eq!(r.comparisons[0].others, [graded_as(Grade::NotYet)]);
}

#[test]
fn comparisons_put_the_largest_spread_first_and_does_not_apply_counts_no_grade() {
    let mut a = Assessment::default();
    a.apply(Edit::Current("l1".into()));
    grade_as(&mut a, "c1", Perspective::Mine, Grade::Beyond);
    grade_as(&mut a, "c2", Perspective::Mine, Grade::Sometimes);
    grade_as(&mut a, "c3", Perspective::Mine, Grade::NotYet);
    grade_as(&mut a, "i1", Perspective::Mine, Grade::Consistently);
    let a = with_review(
        a,
        review_from(
            "r-1",
            "Dana",
            Role::Manager,
            &[
                ("c1", graded_as(Grade::Sometimes)),                   // 2
                ("c2", graded_as(Grade::Sometimes)),                   // 0
                ("c3", given(Some(Grade::Beyond), true, "Not here.")), // 0: does not apply
                ("i1", graded_as(Grade::NotYet)),                      // 2 with Sam's, 3 apart
                ("o1", given(None, false, "Ask about incidents.")),    // comment alone
                ("t1", graded_as(Grade::Beyond)),                      // another track
                ("v1", graded_as(Grade::Beyond)),                      // another level
            ],
        ),
    );
    let a = with_review(
        a,
        review_from(
            "r-2",
            "Sam",
            Role::Peer,
            &[
                ("i1", graded_as(Grade::Beyond)),
                ("c2", given(None, true, "")),
            ],
        ),
    );
    let r = report(&a);
    assert_eq!(r.others, ["Dana (manager)", "Sam (peer)"]);
    let order: Vec<(&str, u8)> = (r.comparisons.iter())
        .map(|c| (c.criterion.as_str(), c.spread))
        .collect();
    assert_eq!(
        order,
        [("i1", 3), ("c1", 2), ("c2", 0), ("c3", 0), ("o1", 0)],
        "ties in rubric order"
    );
    let c3 = &r.comparisons[3];
    assert_eq!(c3.others[0].label(), "Does not apply");
    assert_eq!(c3.others[1].label(), "—");
    assert!(!c3.far_apart(), "does not apply is no grade");

    let far: Vec<(&str, bool)> = (r.comparisons.iter())
        .map(|c| (c.criterion.as_str(), c.far_apart()))
        .collect();
    assert_eq!(
        far,
        [
            ("i1", true),
            ("c1", true),
            ("c2", false),
            ("c3", false),
            ("o1", false)
        ]
    );
    let apart = r
        .flags
        .iter()
        .find_map(|f| match f {
            Flag::FarApart { criteria } => Some(criteria),
            _ => None,
        })
        .expect("flagged");
    let apart: Vec<&str> = apart.iter().map(|c| c.criterion.as_str()).collect();
    assert_eq!(apart, ["i1", "c1"]);
}

#[test]
fn the_readiness_report_has_a_column_per_reviewer_and_their_comments_escaped() {
    let mut a = Assessment::default();
    a.apply(Edit::Current("l1".into()));
    grade_as(&mut a, "c2", Perspective::Mine, Grade::Consistently);
    grade_as(&mut a, "c1", Perspective::Manager, Grade::Sometimes);
    let a = with_review(
        a,
        review_from(
            "r-1",
            "Dana",
            Role::Manager,
            &[
                (
                    "c2",
                    given(Some(Grade::NotYet), false, "Not *yet* | [see](x)\n# soon"),
                ),
                ("i1", given(None, true, "")),
            ],
        ),
    );
    let a = with_review(
        a,
        review_from(
            "r-2",
            "Lee | *Ops*",
            Role::Peer,
            &[("c2", given(Some(Grade::Beyond), false, "  "))],
        ),
    );
    let rubric = ladder();
    let md = report(&a).markdown(&rubric, "21 Nov 2026", Include { notes: true });
    for line in [
        "## Where we see it differently",
        r"| Criterion | Me | Manager | Dana (manager) | Lee \| \*Ops\* (peer) |",
        "| --- | --- | --- | --- | --- |",
        r"| **Area craft:** Designs services \| \*well\*. | Consistently | — | Not yet | Beyond |",
        "| **Area craft:** Writes tests. | — | Sometimes | — | — |",
        "| **Area impact:** Moves a team metric. | — | — | Does not apply | — |",
        "What reviewers wrote:",
        r"- Dana (manager) on *Designs services \| \*well\*.*: Not \*yet\* \| \[see\](x) # soon",
    ] {
        assert!(md.lines().any(|l| l == line), "no line {line:?} in\n{md}");
    }
    assert_eq!(
        md.matches("\n- Dana (manager) on").count() + md.matches("\n- Lee").count(),
        1,
        "a blank comment is none: {md}"
    );
    assert!(!md.lines().any(|l| l.starts_with("# soon")), "{md}");
    // Every table row has as many cells as its header.
    let cells = |line: &str| line.replace(r"\|", "").matches('|').count();
    for table in md.split("\n\n").filter(|block| block.starts_with('|')) {
        let header = cells(table.lines().next().unwrap());
        assert!(table.lines().all(|row| cells(row) == header), "{table}");
    }

    // Grades without comments: no list.
    let mut plain = Assessment::default();
    plain.apply(Edit::Current("l1".into()));
    let plain = with_review(
        plain,
        review_from(
            "r-1",
            "Dana",
            Role::Manager,
            &[("c1", graded_as(Grade::Sometimes))],
        ),
    );
    let md = report(&plain).markdown(&rubric, "today", Include { notes: false });
    assert!(
        md.contains("| Criterion | Me | Dana (manager) |\n| --- | --- | --- |\n"),
        "{md}"
    );
    assert!(!md.contains("What reviewers wrote"), "{md}");
}

// Property tests: the readers never panic

/// Reading as a request, a response and a draft, and then everything the
/// pages do with what was read.
fn exercise(text: &str) {
    if let Ok(request) = review::read_request(text) {
        let _ = request.levels_label();
        let _ = request.criteria().count();
        let draft = graded(request.clone());
        let _ = draft.progress();
        let response = draft.respond(NOW);
        assert_eq!(review::read_response(&response.to_file()), Ok(response));
        let _ = request.to_file();
    }
    if let Ok(response) = review::read_response(text) {
        let _ = review::receive(&keeping(request().1), &ladder(), response.clone(), NOW);
        let _ = review::receive(&engineer(), &ladder(), response, NOW);
    }
    if let Some(draft) = Draft::read(text) {
        let _ = draft.progress();
        let _ = draft.respond(NOW);
        let _ = draft.clone().combine(&graded(request().0));
        let _ = graded(request().0).combine(&draft);
    }
}

/// A real request, response and draft, to mutate.
fn samples() -> [String; 3] {
    [
        request_file(),
        response_file(),
        graded(request().0).to_json(),
    ]
}

fn any_grade() -> impl Strategy<Value = Option<Grade>> {
    prop::option::of(prop::sample::select(Grade::ALL.to_vec()))
}

fn any_given() -> impl Strategy<Value = Given> {
    (any_grade(), any::<bool>(), common::any_text()).prop_map(|(grade, not_applicable, comment)| {
        Given {
            grade,
            not_applicable,
            comment,
        }
    })
}

/// A criterion id of the request, of the ladder outside it, or any.
fn any_id() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["c1", "c2", "c3", "i1", "i2", "p1", "o1", "c4", "t1"])
            .prop_map(str::to_owned),
        common::any_text(),
    ]
}

proptest! {
    #![proptest_config(common::bounded(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        exercise(&text);
    }

    #[test]
    fn json_like_text_never_panics(text in r#"[\[\]{}":,0-9a-z_\- \\]{0,300}"#) {
        exercise(&text);
        exercise(&format!(r#"{{"format":"rungs-review-request","version":1,{text}}}"#));
        exercise(&format!(r#"{{"format":"rungs-review-response","version":1,{text}}}"#));
    }

    #[test]
    fn a_cut_short_file_never_panics(which in 0usize..3, cut in 0usize..6000) {
        let text = &samples()[which];
        let cut = text.floor_char_boundary(cut.min(text.len()));
        exercise(&text[..cut]);
    }

    #[test]
    fn a_changed_file_never_panics(
        which in 0usize..3,
        at in 0usize..6000,
        removed in 0usize..20,
        inserted in r#"[\[\]{}":,0-9a-z \\]{0,12}"#,
    ) {
        let mut text = samples()[which].clone();
        let at = text.floor_char_boundary(at.min(text.len()));
        let end = text.floor_char_boundary((at + removed).min(text.len()));
        text.replace_range(at..end, &inserted);
        exercise(&text);
    }

    #[test]
    fn a_file_with_flipped_bytes_never_panics(
        which in 0usize..3,
        flips in prop::collection::vec((0usize..6000, any::<u8>()), 1..4),
    ) {
        let mut bytes = samples()[which].clone().into_bytes();
        for (at, mask) in flips {
            let at = at % bytes.len();
            bytes[at] ^= mask.max(1);
        }
        exercise(&String::from_utf8_lossy(&bytes));
    }

    /// Whatever a reviewer gives, on whatever criteria, the response
    /// reads back as sent and is either received, with counts that add
    /// up, or refused as holding nothing.
    #[test]
    fn any_draft_responds_with_a_file_that_is_received_or_empty(
        grades in prop::collection::btree_map(any_id(), any_given(), 0..10),
    ) {
        let (request, asked) = request();
        let mut draft = Draft::new(request);
        for (n, (id, given)) in grades.into_iter().enumerate() {
            draft.set(&id, given, n as u64);
        }
        let response = draft.respond(NOW);
        let read = review::read_response(&response.to_file());
        prop_assert_eq!(read.as_ref(), Ok(&response));
        let asking = ["c1", "c2", "c3", "i1", "i2", "p1", "o1"];
        prop_assert!(response.grades.keys().all(|id| asking.contains(&id.as_str())));
        prop_assert!(response.grades.values().all(|g| !g.is_empty()
            && (!g.not_applicable || g.grade.is_none())
            && g.comment == g.comment.trim()));
        match review::receive(&keeping(asked), &ladder(), response.clone(), NOW) {
            Ok(incoming) => {
                let grades = &incoming.review.grades;
                prop_assert_eq!(grades, &response.grades);
                prop_assert!(incoming.gone.is_empty());
                prop_assert!(incoming.graded + incoming.not_applicable <= grades.len());
                prop_assert!(incoming.comments <= grades.len());
            }
            Err(refusal) => {
                prop_assert_eq!(refusal, Refusal::Empty);
                prop_assert!(response.grades.is_empty());
            }
        }
    }
}

#[test]
fn whatever_a_request_lets_through_comes_back_in_a_response_that_reads() {
    // A company ladder with a long id.
    let mut long_id = ladder();
    long_id.id = "l".repeat(MAX_NAME + 1);
    let (request, _) = review::ask(&engineer(), &long_id, &asking(true), ID.into(), NOW).unwrap();
    let response = graded(review::read_request(&request.to_file()).unwrap()).respond(NOW);
    assert!(review::read_response(&response.to_file()).is_ok());

    // A comment longer than a response may hold is cut as it is typed.
    let mut draft = Draft::new(self::request().0);
    draft.set(
        "c1",
        given(Some(Grade::Beyond), false, &"x".repeat(MAX_NOTE + 1)),
        NOW,
    );
    assert_eq!(draft.given("c1").comment.chars().count(), MAX_NOTE);
    assert!(review::read_response(&draft.respond(NOW).to_file()).is_ok());

    // A track with nothing at the chosen levels makes no request at all.
    let mut empty = ladder();
    empty.tracks[1].areas[0].criteria.clear();
    let mut assessment = engineer();
    assessment.apply(Edit::Track("mgmt".into()));
    assert_eq!(
        review::ask(&assessment, &empty, &asking(true), ID.into(), NOW),
        Err(AskError::NoCriteria)
    );
}

//! Property tests: the importer, the stored-document decoder and the merge
//! never panic, whatever they are given. Bounded (a few hundred cases each)
//! so that `make test` stays quick.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use rungs::core::merge;
use rungs::core::schema::decode;
use rungs::core::transfer::{self, Counts};

/// A real export with a little of everything, to mutate.
fn sample() -> String {
    let text = include_str!("fixtures/document-v8.json");
    let incoming = transfer::read(text).expect("the fixture imports");
    transfer::export(&incoming.document, 7, 1_795_241_100_000)
}

/// Reading, and then everything the app does with what was read.
fn exercise(text: &str) {
    if let Ok(incoming) = transfer::read(text) {
        let counts = Counts::of(&incoming.document);
        let _ = counts.summary();
        let here = transfer::read(&sample()).unwrap().document;
        let _ = transfer::merge_into(&here, &incoming.document);
    }
    if let Ok(decoded) = decode(text) {
        let document = decoded.document;
        let _ = document.read_every_part();
        let _ = document.to_json();
    }
}

proptest! {
    #![proptest_config(common::bounded(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        exercise(&text);
    }

    #[test]
    fn json_like_text_never_panics(text in r#"[\[\]{}":,0-9a-z \\]{0,300}"#) {
        exercise(&text);
    }

    #[test]
    fn a_cut_short_export_never_panics(cut in 0usize..4000) {
        let text = sample();
        let cut = text.floor_char_boundary(cut.min(text.len()));
        exercise(&text[..cut]);
    }

    #[test]
    fn a_changed_export_never_panics(
        at in 0usize..4000,
        removed in 0usize..20,
        inserted in r#"[\[\]{}":,0-9a-z \\]{0,12}"#,
    ) {
        let mut text = sample();
        let at = text.floor_char_boundary(at.min(text.len()));
        let end = text.floor_char_boundary((at + removed).min(text.len()));
        text.replace_range(at..end, &inserted);
        exercise(&text);
    }

    #[test]
    fn merging_any_two_documents_never_panics(
        a in r#"[\[\]{}":,0-9a-z]{0,80}"#,
        b in r#"[\[\]{}":,0-9a-z]{0,80}"#,
    ) {
        let _ = merge::merge(Some(&a), &b, &a);
        let _ = merge::merge(None, &a, &b);
    }
}

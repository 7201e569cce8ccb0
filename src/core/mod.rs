//! Pure logic: no yew, web-sys, gloo or wasm-bindgen here, so that all of it
//! is tested natively.

pub mod assessment;
pub mod config;
pub mod entry_form;
pub mod evidence;
pub mod export;
pub mod fold;
pub mod glossary;
pub mod journey;
pub mod ladder;
pub mod markdown;
pub mod merge;
pub mod packet;
pub mod part;
pub mod persist;
pub mod plan;
pub mod progress;
pub mod retired;
pub mod review;
pub mod route;
pub mod rubric;
pub mod rubric_csv;
pub mod rubric_edit;
pub mod rubric_file;
pub mod rubric_import;
pub mod rubric_markdown;
pub mod rubric_yaml;
pub mod schema;
pub mod search;
pub mod smart;
pub mod talk;
pub mod time;
pub mod transfer;
pub mod update;
pub mod vocabulary;

/// Sets `slot` to `value`; returns whether it changed. Every `apply` in
/// core reports "nothing changed" through this, so that the UI neither
/// re-renders nor saves for a no-op.
pub(crate) fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

/// Sets `map[key]` to `value`; whether that changed anything.
pub(crate) fn put<K: Ord, V: PartialEq>(
    map: &mut std::collections::BTreeMap<K, V>,
    key: K,
    value: V,
) -> bool {
    if map.get(&key) == Some(&value) {
        return false;
    }
    map.insert(key, value);
    true
}

/// Which way [`first_letter`] turns a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    Lower,
    Upper,
}

/// `text` with its first letter in `case`: "Grade yourself" → "grade
/// yourself". ASCII only: the texts are ours, and full Unicode case tables
/// would cost kilobytes of wasm.
pub fn first_letter(text: &str, case: Case) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        match case {
            Case::Lower => first.make_ascii_lowercase(),
            Case::Upper => first.make_ascii_uppercase(),
        }
    }
    text
}

/// `n` with the word for one or for many: "1 term", "3 terms", "0 terms".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn turns_only_the_first_ascii_letter() {
        use super::{first_letter, Case};
        assert_eq!(
            first_letter("Grade yourself", Case::Lower),
            "grade yourself"
        );
        assert_eq!(first_letter("this page", Case::Upper), "This page");
        assert_eq!(first_letter("", Case::Upper), "");
        assert_eq!(first_letter("état", Case::Upper), "état");
    }

    #[test]
    fn counts_say_one_or_many() {
        assert_eq!(super::counted(1, "criterion", "criteria"), "1 criterion");
        assert_eq!(super::counted(0, "term", "terms"), "0 terms");
        assert_eq!(super::counted(12, "match", "matches"), "12 matches");
    }
}

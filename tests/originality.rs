//! The built-in content is written in its own words: no run of eight or
//! more words of any file in `src/content/` appears in the source documents
//! the product was built from, `shared/seeds/` next to this repository.
//! Facts may be taken from them; sentences may not.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

/// Words in a row that count as copying. Shorter shared runs are common
/// phrases ("at the end of the"), not borrowed sentences.
const RUN: usize = 8;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const CONTENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/content");
/// The repository is cloned next to `shared`, here as on CI.
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

/// The words of `text`, lowercased. Any run of characters that are not
/// letters or digits (spaces, punctuation, quotes, dashes, apostrophes)
/// separates two words, so "It’s" and "it's" are both "it s".
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every run of [`RUN`] words of the source documents, with the names of
/// the documents it appears in.
#[derive(Default)]
struct Sources(HashMap<String, BTreeSet<String>>);

impl Sources {
    fn add(&mut self, name: &str, text: &str) {
        for window in words(text).windows(RUN) {
            self.0
                .entry(window.join(" "))
                .or_default()
                .insert(name.to_owned());
        }
    }

    /// The stretches of `text` whose every run of [`RUN`] words is in the
    /// sources, each with the names of the sources its runs come from.
    fn copied(&self, text: &str) -> Vec<(String, BTreeSet<String>)> {
        let words = words(text);
        let mut found = Vec::new();
        // The stretch being read: its first word, its end and its sources.
        let mut stretch: Option<(usize, usize, BTreeSet<String>)> = None;
        for (at, window) in words.windows(RUN).enumerate() {
            match self.0.get(&window.join(" ")) {
                Some(names) => {
                    let (_, end, sources) =
                        stretch.get_or_insert_with(|| (at, at + RUN, BTreeSet::new()));
                    *end = at + RUN;
                    sources.extend(names.iter().cloned());
                }
                None => {
                    if let Some((start, end, sources)) = stretch.take() {
                        found.push((words[start..end].join(" "), sources));
                    }
                }
            }
        }
        if let Some((start, end, sources)) = stretch {
            found.push((words[start..end].join(" "), sources));
        }
        found
    }
}

/// Every file under `dir`, in order, as text (bytes that are not UTF-8
/// cannot make words, so they are replaced rather than refused).
fn files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read the folder {}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .collect();
    paths.sort();
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            let bytes =
                fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            found.push((path, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    found
}

fn shown(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn no_eight_words_in_a_row_of_the_content_are_copied_from_the_seeds() {
    let seeds = Path::new(SEEDS);
    assert!(
        seeds.is_dir(),
        "the source documents are missing: there is no folder {}. This test compares \
         src/content/ with them and cannot pass without them; clone the repository next \
         to shared/ (as /work/main is), so that ../shared/seeds holds them.",
        seeds.display()
    );
    let mut sources = Sources::default();
    for (path, text) in files(seeds) {
        sources.add(&shown(&path, seeds), &text);
    }
    assert!(
        !sources.0.is_empty(),
        "the source documents in {} hold no run of {RUN} words to compare with",
        seeds.display()
    );

    let content = files(Path::new(CONTENT));
    let names: Vec<String> = content
        .iter()
        .map(|(path, _)| shown(path, Path::new(ROOT)))
        .collect();
    for expected in ["src/content/glossary.toml", "src/content/rubric.toml"] {
        assert!(
            names.iter().any(|name| name == expected),
            "{expected} was not read: {names:?}"
        );
    }

    let mut problems = Vec::new();
    for (name, (_, text)) in names.iter().zip(&content) {
        for (run, sources) in sources.copied(text) {
            let count = run.split(' ').count();
            let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
            problems.push(format!(
                "{name}: \"{run}\" ({count} words) is in the seed {}",
                sources.join(", ")
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} passage(s) of src/content/ repeat {RUN} or more words in a row of the source \
         documents in ../shared/seeds; write them in your own words:\n- {}",
        problems.len(),
        problems.join("\n- ")
    );
}

#[test]
fn words_are_lowercase_and_split_at_every_mark() {
    assert_eq!(
        words("It’s a CI/CD pipeline — “fast”, isn't it?"),
        ["it", "s", "a", "ci", "cd", "pipeline", "fast", "isn", "t", "it"]
    );
    assert_eq!(words("Déjà-VU p99.9"), ["déjà", "vu", "p99", "9"]);
    assert_eq!(words(" -- \n \"\" "), Vec::<String>::new());
}

#[test]
fn a_copied_passage_is_found_however_it_is_punctuated() {
    let mut sources = Sources::default();
    sources.add(
        "000.txt",
        "Observability: Ability to understand the internal state of a system based on \
         its external outputs (metrics, logs, traces).",
    );
    sources.add(
        "001.txt",
        "Nothing in common here at all, not one word of it.",
    );
    let copied = sources.copied(
        "definition = \"The ABILITY to understand the internal-state of a system, based on \
         its external outputs.\"",
    );
    assert_eq!(
        copied,
        [(
            "ability to understand the internal state of a system based on its external outputs"
                .to_owned(),
            BTreeSet::from(["000.txt".to_owned()])
        )]
    );
}

#[test]
fn seven_words_in_common_are_not_a_copy_and_eight_are() {
    let mut sources = Sources::default();
    sources.add("seed.txt", "one two three four five six seven eight nine");
    sources.add(
        "other.txt",
        "three four five six seven eight nine ten eleven twelve",
    );
    assert_eq!(sources.copied("one two three four five six seven"), []);
    assert_eq!(
        sources.copied("zero two three four five six seven eight zero"),
        []
    );
    let copied = sources.copied("a one two three four five six seven eight b");
    assert_eq!(copied.len(), 1);
    assert_eq!(copied[0].0, "one two three four five six seven eight");
    // Two passages, one of them drawing on both sources.
    let copied = sources.copied(
        "one two three four five six seven eight nine ten eleven twelve, \
         and then one two three four five six seven eight",
    );
    let found: Vec<(&str, Vec<&str>)> = copied
        .iter()
        .map(|(run, names)| (run.as_str(), names.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "one two three four five six seven eight nine ten eleven twelve",
                vec!["other.txt", "seed.txt"]
            ),
            ("one two three four five six seven eight", vec!["seed.txt"]),
        ]
    );
}

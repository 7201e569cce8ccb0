//! The built-in content is written in its own words: no run of eight or
//! more words of any file in `src/content/` appears in the source documents
//! the product was built from, `shared/seeds/` next to this repository.
//! Facts may be taken from them; sentences may not.
//!
//! A clone elsewhere (CI's, anyone's) may have no `shared/` beside it, so
//! the runs of the source documents are also kept as fingerprints in
//! `tests/fixtures/seed-runs.txt`: a hash of each run of eight words, not
//! the words. Where the documents are present, the test checks the
//! fingerprints still match them; `RUNGS_WRITE_SEED_RUNS=1 cargo test
//! --test originality` writes them again after the documents change.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

/// Words in a row that count as copying. Shorter shared runs are common
/// phrases ("at the end of the"), not borrowed sentences.
const RUN: usize = 8;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const CONTENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/content");
/// The repository is cloned next to `shared`, here.
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
const FINGERPRINTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-runs.txt");

/// The words of `text`, lowercased. Any run of characters that are not
/// letters or digits (spaces, punctuation, quotes, dashes, apostrophes)
/// separates two words, so "It’s" and "it's" are both "it s".
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The fingerprint of a run of words: the top 48 bits of its FNV-1a hash.
/// Against the few thousand runs of the documents, two runs share one by
/// chance about once in ten million content files.
fn fingerprint(run: &[String]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in run.join(" ").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash >> 16
}

/// Every run of [`RUN`] words of the source documents, by fingerprint,
/// with the names of the documents it appears in.
#[derive(Default, PartialEq, Debug)]
struct Sources(HashMap<u64, BTreeSet<String>>);

impl Sources {
    fn add(&mut self, name: &str, text: &str) {
        for window in words(text).windows(RUN) {
            self.0
                .entry(fingerprint(window))
                .or_default()
                .insert(name.to_owned());
        }
    }

    /// One line per document: its name, a tab, then its runs' fingerprints.
    fn to_text(&self) -> String {
        let mut by_name: BTreeMap<&str, BTreeSet<u64>> = BTreeMap::new();
        for (run, names) in &self.0 {
            for name in names {
                by_name.entry(name).or_default().insert(*run);
            }
        }
        by_name
            .iter()
            .map(|(name, runs)| {
                let runs: Vec<String> = runs.iter().map(|run| format!("{run:012x}")).collect();
                format!("{name}\t{}\n", runs.join(" "))
            })
            .collect()
    }

    fn from_text(text: &str) -> Sources {
        let mut sources = Sources::default();
        for line in text.lines() {
            let (name, runs) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{FINGERPRINTS}: a line without its document's name"));
            for run in runs.split(' ') {
                let run = u64::from_str_radix(run, 16).unwrap_or_else(|e| {
                    panic!("{FINGERPRINTS}: {run:?} is not a fingerprint: {e}")
                });
                sources.0.entry(run).or_default().insert(name.to_owned());
            }
        }
        sources
    }

    /// The source documents' runs: read from the documents where they are
    /// beside the repository (and the fingerprints checked against them),
    /// else from the fingerprints.
    fn load() -> Sources {
        let seeds = Path::new(SEEDS);
        let kept = || {
            let text = fs::read_to_string(FINGERPRINTS)
                .unwrap_or_else(|e| panic!("cannot read {FINGERPRINTS}: {e}"));
            Sources::from_text(&text)
        };
        if !seeds.is_dir() {
            return kept();
        }
        let mut sources = Sources::default();
        for (path, text) in files(seeds) {
            if path.extension().is_some_and(|e| e == "txt") {
                sources.add(&shown(&path, seeds), &text);
            }
        }
        if std::env::var_os("RUNGS_WRITE_SEED_RUNS").is_some() {
            fs::write(FINGERPRINTS, sources.to_text()).expect("the fingerprints written");
        } else {
            assert!(
                kept() == sources,
                "{FINGERPRINTS} no longer matches the documents in {SEEDS}: write it again \
                 with RUNGS_WRITE_SEED_RUNS=1 cargo test --test originality"
            );
        }
        sources
    }

    /// The stretches of `text` whose every run of [`RUN`] words is in the
    /// sources, each with the names of the sources its runs come from.
    fn copied(&self, text: &str) -> Vec<(String, BTreeSet<String>)> {
        let words = words(text);
        let mut found = Vec::new();
        // The stretch being read: its first word, its end and its sources.
        let mut stretch: Option<(usize, usize, BTreeSet<String>)> = None;
        for (at, window) in words.windows(RUN).enumerate() {
            match self.0.get(&fingerprint(window)) {
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
    let sources = Sources::load();
    assert!(
        sources.0.len() > 1000,
        "the source documents hold only {} runs of {RUN} words to compare with",
        sources.0.len()
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
         documents in shared/seeds; write them in your own words:\n- {}",
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

#[test]
fn fingerprints_read_back_as_written_and_find_the_same_copies() {
    let mut sources = Sources::default();
    sources.add("a.txt", "one two three four five six seven eight nine");
    sources.add("b.txt", "two three four five six seven eight nine ten");
    let read = Sources::from_text(&sources.to_text());
    assert_eq!(read, sources);
    assert_eq!(
        read.copied("so one two three four five six seven eight nine ten")[0].0,
        "one two three four five six seven eight nine ten"
    );
}

//! The user's own part of the glossary: terms they wrote themselves, how
//! well they know each term (built-in or their own), and a short practice
//! quiz. The glossary's export is [`super::export::glossary`].
//!
//! Own terms are ordinary [`Term`]s whose ids start with "my-", so that
//! they never collide with a built-in id and the UI shows them the same way.
//! Familiarity is stored by term id; [`Familiarity::New`] is the default and
//! is never stored, so a user who never marks a term stores nothing.

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::{BTreeMap, HashSet};

use super::fold::{allowance, compact, distance, spaced, words, Mapped};
use super::glossary::{Term, TAGS};
use super::replace;
use super::schema::{Change, Document, Restore};

/// How well the user knows a term. `New` is the default and is never stored.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Familiarity {
    /// Not started.
    #[default]
    New,
    /// On the learning list.
    Learning,
    /// Known well enough to use with confidence.
    Confident,
}

impl Familiarity {
    /// Every familiarity, from the bottom up.
    pub const ALL: [Familiarity; 3] = [
        Familiarity::New,
        Familiarity::Learning,
        Familiarity::Confident,
    ];

    /// The stable id, as stored.
    pub fn id(self) -> &'static str {
        match self {
            Familiarity::New => "new",
            Familiarity::Learning => "learning",
            Familiarity::Confident => "confident",
        }
    }

    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Familiarity::New => "New",
            Familiarity::Learning => "Learning",
            Familiarity::Confident => "Confident",
        }
    }

    /// The familiarity with this [`id`](Familiarity::id).
    pub fn from_id(id: &str) -> Option<Familiarity> {
        Familiarity::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// The user's own terms and familiarity. Stored inside the document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Vocabulary {
    /// The user's own terms, in the order added; ids start with "my-".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<Term>,
    /// By term id, built-in or own. Never holds [`Familiarity::New`]: an
    /// entry saying "new" in stored data is dropped on reading.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "without_new"
    )]
    pub familiarity: BTreeMap<String, Familiarity>,
}

fn without_new<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, Familiarity>, D::Error> {
    let mut map = BTreeMap::<String, Familiarity>::deserialize(deserializer)?;
    map.retain(|_, familiarity| *familiarity != Familiarity::New);
    Ok(map)
}

/// An intent to change the vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VocabEdit {
    /// Add an own term (made by [`check`]).
    Add(Term),
    /// Replace the own term with the same id.
    Update(Term),
    /// Delete the own term with this id, and its familiarity.
    Delete(String),
    /// Set how well the user knows a term (by id, built-in or own).
    SetFamiliarity(String, Familiarity),
}

impl Change for VocabEdit {
    fn apply_to(&self, document: &mut Document) -> Option<Restore> {
        document
            .vocabulary
            .edit(|vocabulary| vocabulary.apply(self.clone()))
            .map(Restore::Vocabulary)
    }

    /// Deleting an own term is offered back, with how well it was known.
    fn undo_label(&self, before: &Document) -> Option<String> {
        match self {
            VocabEdit::Delete(id) => {
                let term = before.vocabulary.own(id)?;
                Some(format!("Deleted “{}” from your glossary.", term.name))
            }
            _ => None,
        }
    }
}

impl Vocabulary {
    /// Applies `edit`; returns whether anything changed. `Add` changes
    /// nothing when the id is already an own term's; `Update` when there is
    /// no own term with that id or it is identical; `Delete` when there is
    /// no own term with that id (it removes the term's familiarity too).
    /// `SetFamiliarity(id, New)` removes the entry.
    pub fn apply(&mut self, edit: VocabEdit) -> bool {
        match edit {
            VocabEdit::Add(term) => {
                if self.own(&term.id).is_some() {
                    return false;
                }
                self.terms.push(term);
                true
            }
            VocabEdit::Update(term) => match self.terms.iter_mut().find(|t| t.id == term.id) {
                Some(slot) => replace(slot, term),
                None => false,
            },
            VocabEdit::Delete(id) => match self.terms.iter().position(|t| t.id == id) {
                Some(at) => {
                    self.terms.remove(at);
                    self.familiarity.remove(&id);
                    true
                }
                None => false,
            },
            VocabEdit::SetFamiliarity(id, Familiarity::New) => {
                self.familiarity.remove(&id).is_some()
            }
            VocabEdit::SetFamiliarity(id, familiarity) => {
                self.familiarity.insert(id, familiarity) != Some(familiarity)
            }
        }
    }

    /// How well the user knows the term with this id.
    pub fn familiarity(&self, id: &str) -> Familiarity {
        self.familiarity.get(id).copied().unwrap_or_default()
    }

    /// The own term with this id.
    pub fn own(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|term| term.id == id)
    }
}

// --- Writing your own term -------------------------------------------------

/// The longest name, in characters.
pub const MAX_NAME: usize = 80;
/// The most aliases a term may have.
pub const MAX_ALIASES: usize = 10;
/// The longest alias, in characters.
pub const MAX_ALIAS: usize = 40;
/// The longest definition, in characters.
pub const MAX_DEFINITION: usize = 600;
/// The longest example, in characters.
pub const MAX_EXAMPLE: usize = 400;
/// The longest slug in a generated id, in bytes ("my-" and any "-2" come on
/// top).
const MAX_SLUG: usize = 40;

/// What the form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub name: String,
    /// Comma-separated.
    pub aliases: String,
    /// Tag ids, from [`TAGS`].
    pub tags: Vec<String>,
    pub definition: String,
    pub example: String,
}

impl Draft {
    /// The form filled in from a term, to edit it.
    pub fn from_term(term: &Term) -> Draft {
        Draft {
            name: term.name.clone(),
            aliases: term.aliases.join(", "),
            tags: term.tags.clone(),
            definition: term.definition.clone(),
            example: term.example.clone(),
        }
    }

    /// An empty form with the name filled in, for "add it as your own term"
    /// after a search finds nothing.
    pub fn named(name: &str) -> Draft {
        Draft {
            name: name.trim().to_owned(),
            ..Draft::default()
        }
    }
}

/// A field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Aliases,
    Tags,
    Definition,
    Example,
}

impl Field {
    /// A stable id, for element ids.
    pub fn id(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Aliases => "aliases",
            Field::Tags => "tags",
            Field::Definition => "definition",
            Field::Example => "example",
        }
    }
}

/// What is wrong with one field, in plain words the UI shows beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: String,
}

/// Checks a draft against every other term, built-in and own. `editing` is
/// the id of the own term being edited (None for a new one); that term is
/// left out of `existing` for the checks, and keeps its id.
///
/// On success, returns the term to store: fields trimmed; aliases split on
/// commas, trimmed, with empty ones, ones with no letters or digits and
/// repeats (of the name or of each other, by [`compact`]) dropped; tags in
/// [`TAGS`] order; no related terms; and, for a new term, a fresh id
/// ([`new_id`]). Otherwise returns every problem, in form order.
///
/// Letters and digits are whatever [`compact`] keeps, so "!!!" has none
/// while "日本" has two.
pub fn check(
    draft: &Draft,
    editing: Option<&str>,
    existing: &[&Term],
) -> Result<Term, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut problem = |field: Field, message: String| problems.push(Problem { field, message });
    let others: Vec<&Term> = existing
        .iter()
        .copied()
        .filter(|term| Some(term.id.as_str()) != editing)
        .collect();
    // The name of the other term that already uses `text`, folded, as its
    // name or an alias.
    let claim = |text: &str| -> Option<&str> {
        let key = compact(text);
        others.iter().find_map(|term| {
            std::iter::once(&term.name)
                .chain(&term.aliases)
                .any(|word| compact(word) == key)
                .then_some(term.name.as_str())
        })
    };
    let claimed =
        |text: &str, owner: &str| format!("\"{text}\" is already in the glossary as \"{owner}\".");

    let name = draft.name.trim();
    let name_key = compact(name);
    if name.is_empty() {
        problem(Field::Name, "Give the term a name.".into());
    } else if name_key.is_empty() {
        problem(
            Field::Name,
            "The name needs at least one letter or digit.".into(),
        );
    } else if let Some(count) = too_long(name, MAX_NAME) {
        problem(
            Field::Name,
            format!("Keep the name to {MAX_NAME} characters or fewer; it has {count}."),
        );
    } else if let Some(owner) = claim(name) {
        problem(Field::Name, claimed(name, owner));
    }

    let mut seen: HashSet<String> = HashSet::from([name_key]);
    let aliases: Vec<String> = draft
        .aliases
        .split(',')
        .map(str::trim)
        .filter(|alias| {
            let key = compact(alias);
            !key.is_empty() && seen.insert(key)
        })
        .map(str::to_owned)
        .collect();
    if aliases.len() > MAX_ALIASES {
        problem(
            Field::Aliases,
            format!(
                "Keep to {MAX_ALIASES} other names or fewer; there are {}.",
                aliases.len()
            ),
        );
    }
    for alias in &aliases {
        if too_long(alias, MAX_ALIAS).is_some() {
            problem(
                Field::Aliases,
                format!("\"{alias}\" is longer than {MAX_ALIAS} characters."),
            );
        } else if let Some(owner) = claim(alias) {
            problem(Field::Aliases, claimed(alias, owner));
        }
    }

    for tag in &draft.tags {
        if !TAGS.contains(&tag.as_str()) {
            problem(Field::Tags, format!("\"{tag}\" is not one of the tags."));
        }
    }
    let tags = TAGS
        .iter()
        .filter(|tag| draft.tags.iter().any(|t| t == *tag))
        .map(|tag| (*tag).to_owned())
        .collect();

    let definition = draft.definition.trim();
    if definition.is_empty() {
        problem(
            Field::Definition,
            "Write a definition, in your own words.".into(),
        );
    } else if let Some(count) = too_long(definition, MAX_DEFINITION) {
        problem(
            Field::Definition,
            format!("Keep the definition to {MAX_DEFINITION} characters or fewer; it has {count}."),
        );
    }

    let example = draft.example.trim();
    if let Some(count) = too_long(example, MAX_EXAMPLE) {
        problem(
            Field::Example,
            format!("Keep the example to {MAX_EXAMPLE} characters or fewer; it has {count}."),
        );
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    let id = match editing {
        Some(id) => id.to_owned(),
        None => new_id(name, existing),
    };
    Ok(Term {
        id,
        name: name.to_owned(),
        aliases,
        tags,
        related: Vec::new(),
        definition: definition.to_owned(),
        example: example.to_owned(),
    })
}

/// The character count of `text` when it is over `max`.
fn too_long(text: &str, max: usize) -> Option<usize> {
    let count = text.chars().count();
    (count > max).then_some(count)
}

/// A fresh id for an own term called `name`: "my-" and the name's folded
/// words joined by hyphens, keeping only a-z and 0-9 ("Déjà vu" →
/// "my-deja-vu"), at most 40 bytes cut at a hyphen where there is one;
/// "my-term" when nothing is left; then "-2", "-3", … while the id is taken
/// by any of `existing`.
pub fn new_id(name: &str, existing: &[&Term]) -> String {
    let mut slug = String::new();
    for word in words(name) {
        let word: String = word
            .chars()
            .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            .collect();
        if word.is_empty() {
            continue;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    if slug.len() > MAX_SLUG {
        let cut = slug[..=MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("term");
    }
    let base = format!("my-{slug}");
    let taken = |id: &str| existing.iter().any(|term| term.id == id);
    let mut id = base.clone();
    let mut n = 1;
    while taken(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

// --- Practice --------------------------------------------------------------

/// Which terms a practice round draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pool {
    /// Terms marked "learning".
    Learning,
    /// Terms not marked at all.
    New,
    /// Every term.
    All,
}

impl Pool {
    /// Every pool, in the order offered.
    pub const ALL: [Pool; 3] = [Pool::Learning, Pool::New, Pool::All];

    /// A stable id, for the URL and the form.
    pub fn id(self) -> &'static str {
        match self {
            Pool::Learning => "learning",
            Pool::New => "new",
            Pool::All => "all",
        }
    }

    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Pool::Learning => "My learning list",
            Pool::New => "Terms I have not started",
            Pool::All => "All terms",
        }
    }

    /// The pool with this [`id`](Pool::id).
    pub fn from_id(id: &str) -> Option<Pool> {
        Pool::ALL.into_iter().find(|pool| pool.id() == id)
    }
}

/// Indices (into `terms`) of the terms in the pool, in `terms` order.
pub fn pool(terms: &[&Term], vocabulary: &Vocabulary, pool: Pool) -> Vec<usize> {
    terms
        .iter()
        .enumerate()
        .filter(|(_, term)| match pool {
            Pool::Learning => vocabulary.familiarity(&term.id) == Familiarity::Learning,
            Pool::New => vocabulary.familiarity(&term.id) == Familiarity::New,
            Pool::All => true,
        })
        .map(|(at, _)| at)
        .collect()
}

/// `count` of `candidates` (all of them when there are fewer), in a shuffled
/// order decided by `seed`: the same seed always gives the same order.
pub fn pick(candidates: &[usize], count: usize, seed: u64) -> Vec<usize> {
    let mut picked = candidates.to_vec();
    let count = count.min(picked.len());
    let mut state = seed;
    // A partial Fisher–Yates shuffle driven by SplitMix64.
    for i in 0..count {
        let left = (picked.len() - i) as u64;
        let j = i + (splitmix64(&mut state) % left) as usize;
        picked.swap(i, j);
    }
    picked.truncate(count);
    picked
}

/// The next number from the SplitMix64 generator (Steele, Lea and Flood,
/// 2014): small, fast and well mixed even from seeds like 0, 1, 2.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// What stands in for the term in a practice question.
pub const BLANK: &str = "____";

/// The definition with every whole-word mention of the term's name or an
/// alias replaced by [`BLANK`], so that the question does not give the
/// answer away. Matching ignores case, accents and punctuation between
/// words ("CI/CD" also hides "ci cd"), and allows a plural "s" ("SLOs").
pub fn masked_definition(term: &Term) -> String {
    let text = &term.definition;
    let mapped = Mapped::new(text);
    let folded = mapped.text.as_bytes();
    let mut hidden: Vec<std::ops::Range<usize>> = Vec::new();
    for word in std::iter::once(&term.name).chain(&term.aliases) {
        // " service level objective": starts where a word starts.
        let needle = spaced(word);
        if needle.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(found) = mapped.text[from..].find(&needle) {
            let start = from + found;
            let mut end = start + needle.len();
            from = start + 1;
            let word_end = |at: usize| matches!(folded.get(at), None | Some(b' '));
            if !word_end(end) {
                if folded[end] == b's' && word_end(end + 1) {
                    end += 1;
                } else {
                    continue;
                }
            }
            hidden.push(mapped.source(start + 1..end));
        }
    }
    hidden.sort_by_key(|range| range.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for range in hidden {
        if range.end <= at {
            continue;
        }
        if range.start >= at {
            out.push_str(&text[at..range.start]);
            out.push_str(BLANK);
        }
        // Overlapping the previous mention: the blank already covers it.
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// A practice round: the questions (term indexes), the verdict on each one
/// answered, and the answer being typed. Each question is answered (or its
/// answer shown), then checked, then left for the next.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub questions: Vec<usize>,
    /// The verdict on each question answered so far.
    pub verdicts: Vec<Verdict>,
    pub answer: String,
    /// The current question has been checked and awaits "Next".
    pub checked: bool,
    /// The answer was blank when last sent, so it was not checked: the user
    /// is asked for one. Typing clears it (see [`Round::type_answer`]).
    pub blank: bool,
}

/// What sending the practice form did (see [`Round::submit`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The answer was judged: this verdict, now the last of the round's.
    Checked(Verdict),
    /// The answer had no letters or digits: nothing was judged or counted.
    Blank,
    /// The checked question was left: on to the next one, or the end.
    Next,
}

impl Round {
    pub fn new(questions: Vec<usize>) -> Round {
        Round {
            questions,
            ..Round::default()
        }
    }

    /// The question on screen.
    pub fn at(&self) -> usize {
        self.verdicts.len() - usize::from(self.checked)
    }

    /// Whether every question has been answered and the last one left.
    pub fn done(&self) -> bool {
        !self.checked && self.verdicts.len() == self.questions.len()
    }

    /// How many answers were right, nearly spelled ones included; answers
    /// shown on request were not known.
    pub fn right(&self) -> usize {
        self.verdicts.iter().filter(|v| !v.missed()).count()
    }

    /// The user types `answer` (ignored once the question is checked).
    pub fn type_answer(&mut self, answer: String) {
        if !self.checked {
            self.answer = answer;
            self.blank = false;
        }
    }

    /// The form is sent: checks the answer against `term` (the current
    /// question's) unless it is blank, or, once checked, moves on to the
    /// next question.
    pub fn submit(&mut self, term: &Term) -> Step {
        if self.checked {
            self.checked = false;
            self.answer.clear();
            return Step::Next;
        }
        if compact(&self.answer).is_empty() {
            self.blank = true;
            return Step::Blank;
        }
        let verdict = check_answer(term, &self.answer);
        self.verdicts.push(verdict);
        self.checked = true;
        self.blank = false;
        Step::Checked(verdict)
    }

    /// "Show me": the answer is revealed and the question counts as not
    /// known. Does nothing once the question is checked.
    pub fn show(&mut self) {
        if !self.checked {
            self.verdicts.push(Verdict::Shown);
            self.checked = true;
            self.blank = false;
        }
    }
}

/// How a practice answer compares with the term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The name or an alias.
    Right,
    /// Right, one or two letters off.
    Close,
    /// Neither; a blank answer is always wrong (but a [`Round`] does not
    /// judge one).
    Wrong,
    /// The user asked to see the answer instead: not known.
    Shown,
}

impl Verdict {
    /// Whether the user did not know the term (wrong, or shown), so that it
    /// may belong on their learning list.
    pub fn missed(self) -> bool {
        matches!(self, Verdict::Wrong | Verdict::Shown)
    }
}

/// Right when the answer folds (by [`compact`]) to the name or an alias;
/// Close when it is one edit away from one with 4 to 7 letters and digits,
/// or two edits from one with 8 or more; Wrong otherwise.
pub fn check_answer(term: &Term, answer: &str) -> Verdict {
    let answer = compact(answer);
    if answer.is_empty() {
        return Verdict::Wrong;
    }
    let keys: Vec<String> = std::iter::once(&term.name)
        .chain(&term.aliases)
        .map(|word| compact(word))
        .filter(|key| !key.is_empty())
        .collect();
    if keys.contains(&answer) {
        return Verdict::Right;
    }
    let close = keys.iter().any(|key| {
        let max = allowance(key.chars().count());
        max > 0 && distance(&answer, key, max).is_some()
    });
    if close {
        Verdict::Close
    } else {
        Verdict::Wrong
    }
}

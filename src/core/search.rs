//! Glossary search, highlighting of what matched, the glossary page's
//! filters ([`Filters`]), and linking of glossary terms mentioned in free
//! text.
//!
//! Everything compares folded text (see [`super::fold`]), so case, accents
//! and punctuation never matter: "CI/CD", "ci-cd" and "cicd" are one query.
//! Below, a "compact" form is folded text with the separators dropped
//! ("cicd"), and a "word" is a folded word ("ci", "cd").
//!
//! # How search ranks terms
//!
//! Each term gets the best of these ranks that it earns, or none and is left
//! out of the results:
//!
//! 1. [`Rank::ExactName`]: the query is the term's name.
//! 2. [`Rank::ExactAlias`]: the query is one of its aliases ("k8s").
//! 3. [`Rank::NamePrefix`]: the name starts with the query, as while typing
//!    it ("error bu" finds "Error budget").
//! 4. [`Rank::AliasPrefix`]: an alias starts with the query.
//! 5. [`Rank::NameWord`]: every query word starts a word of the name, or of
//!    the name and one alias, in any order ("budget error").
//! 6. [`Rank::NameWordTypo`]: a query of several words, each of which
//!    starts a word of the name (or of the name and one alias), some only
//!    after a typing mistake or two, in any order ("tech det" finds
//!    "Technical debt"): the words together say which term is meant. A
//!    query word may have no mistake under three letters, one up to seven,
//!    two from eight, counted against a whole word or its start; and the
//!    query no more in all than [`Rank::Typo`] allows the whole query.
//!    Fewer mistakes rank higher.
//! 7. [`Rank::NameInside`]: for a query of three letters or more, the name
//!    contains it, though not at the start of a word ("ops" in "DevOps").
//! 8. [`Rank::Definition`]: every query word starts a word of the name, the
//!    aliases or the definition.
//! 9. [`Rank::Typo`]: none of the above, but the query is a typing mistake
//!    or two away from the name, from its start (for someone still typing:
//!    "kubrne" finds "Kubernetes"), from a word of the name or from an
//!    alias. A query under four letters may have no mistake, up to seven
//!    letters one, longer ones two. Fewer mistakes rank higher.
//!
//! So a term whose name has words starting with what was typed comes
//! before any term that only has it inside a word or in its definition.
//!
//! Within a rank, terms found by their name come before those found through
//! an alias (so "budget error" lists "Error budget" before "Burn rate", whose
//! alias is "error budget burn rate"), then shorter names come first ("Pod"
//! before "Podman"), then the names A–Z.
//!
//! # Speed
//!
//! Search runs on every keystroke, in wasm, over up to a few thousand terms.
//! [`Index::new`] folds every term once; a search folds the query once and
//! stops at a term's first rank that matches, so the typo count (the slow
//! part) runs only for terms no exact rule found before it, and only on
//! candidates whose length and letters leave it a chance.

use std::cmp::{Ordering, Reverse};
use std::ops::Range;

use super::counted;
use super::fold::{allowance, compact, distance, spaced, words, Mapped};
use super::glossary::{Term, Terms};
use super::vocabulary::{Familiarity, Vocabulary};

/// Where a term matched a query, best first. See the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    ExactName,
    ExactAlias,
    NamePrefix,
    AliasPrefix,
    NameWord,
    /// The number of typing mistakes.
    NameWordTypo(u8),
    NameInside,
    Definition,
    /// The number of typing mistakes.
    Typo(u8),
}

/// One term found by [`Index::search`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The term's place in the order given to [`Index::new`].
    pub term: usize,
    pub rank: Rank,
    /// The term's alias that matched, so that the UI can say "matched
    /// K8s": for [`Rank::ExactAlias`] and [`Rank::AliasPrefix`], and for a
    /// [`Rank::NameWord`], [`Rank::NameWordTypo`] or [`Rank::Typo`] found
    /// through an alias.
    pub alias: Option<usize>,
}

/// The terms in the folded forms search compares, worked out once.
#[derive(Debug, PartialEq, Eq)]
pub struct Index {
    entries: Vec<Entry>,
    /// Every term, A–Z by compact name.
    alphabetical: Vec<usize>,
    /// The letters of an A–Z index that some term is listed under.
    letters: Vec<char>,
}

/// One term's folded forms.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    /// The compact name: "cicd".
    name: String,
    /// The compact aliases, in the term's order.
    aliases: Vec<String>,
    /// The name and then every alias, spaced: " ci cd ci cd pipeline".
    titles: String,
    /// Where in `titles` the name ends, then where each alias ends.
    ends: Vec<usize>,
    /// The definition, spaced.
    definition: String,
}

/// A query, folded once for all the terms it is compared with.
struct Query {
    compact: Needle,
    words: Vec<Needle>,
}

/// A folded query, or one word of it, ready to be compared with many
/// candidates.
struct Needle {
    /// The text with a space in front, as [`spaced`] writes a word: spaced
    /// text has a word that starts with the text when it contains this.
    spaced: String,
    /// How many typing mistakes it may have.
    max: usize,
    /// Its [`letters`], to rule candidates out before counting mistakes.
    letters: u64,
}

impl Index {
    pub fn new<'a>(terms: impl IntoIterator<Item = &'a Term>) -> Index {
        let mut index = Index {
            entries: terms.into_iter().map(Entry::new).collect(),
            alphabetical: Vec::new(),
            letters: Vec::new(),
        };
        let mut alphabetical: Vec<usize> = (0..index.len()).collect();
        alphabetical.sort_by(|a, b| index.sort_key(*a).cmp(index.sort_key(*b)));
        let mut letters: Vec<char> = (0..index.len()).map(|term| index.initial(term)).collect();
        letters.sort_unstable();
        letters.dedup();
        index.alphabetical = alphabetical;
        index.letters = letters;
        index
    }

    /// Every term, A–Z by name, worked out once for browsing and export.
    pub fn alphabetical(&self) -> &[usize] {
        &self.alphabetical
    }

    /// The letters of an A–Z index that some term is listed under (see
    /// [`Index::initial`]), '#' first.
    pub fn letters(&self) -> &[char] {
        &self.letters
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All hits for `query`, best first: by rank, then those found by the
    /// name before those found by an alias, then shorter names first, then
    /// A–Z. A query with no letters or digits finds nothing.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let Some(query) = Query::new(query) else {
            return Vec::new();
        };
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(term, entry)| {
                let (rank, alias) = entry.rank(&query)?;
                Some(Hit { term, rank, alias })
            })
            .collect();
        hits.sort_by(|a, b| {
            let by_alias = |hit: &Hit| (hit.rank, hit.alias.is_some());
            by_alias(a)
                .cmp(&by_alias(b))
                .then_with(|| self.order(a.term, b.term))
        });
        hits
    }

    /// For a query that found nothing: up to `n` terms whose name, an alias
    /// or a word of the name is closest to it, closest first. The allowance is
    /// looser than for typos (a third of the query's length, at least two),
    /// but a candidate needs more letters in common with the query than
    /// the mistakes, so short queries do not suggest unrelated short words.
    pub fn suggestions(&self, query: &str, n: usize) -> Vec<usize> {
        let query = compact(query);
        if query.is_empty() || n == 0 {
            return Vec::new();
        }
        let query = Needle::new(&query, (query.len() / 3).max(2));
        let mut close: Vec<(usize, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(term, entry)| Some((entry.closeness(&query)?, term)))
            .collect();
        close.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| self.order(a.1, b.1)));
        close.into_iter().take(n).map(|(_, term)| term).collect()
    }

    /// The letter `term` is listed under in an A–Z index: the first letter
    /// of its folded name, or '#' for a digit or a non-Latin letter.
    pub fn initial(&self, term: usize) -> char {
        self.entries[term]
            .name
            .chars()
            .next()
            .filter(char::is_ascii_lowercase)
            .unwrap_or('#')
    }

    /// The compact name, for sorting terms A–Z.
    pub fn sort_key(&self, term: usize) -> &str {
        &self.entries[term].name
    }

    /// The order of two terms of the same rank: shorter name first, then
    /// A–Z.
    fn order(&self, a: usize, b: usize) -> Ordering {
        let (a, b) = (&self.entries[a].name, &self.entries[b].name);
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    }
}

impl Entry {
    fn new(term: &Term) -> Entry {
        let mut titles = spaced(&term.name);
        let mut ends = vec![titles.len()];
        for alias in &term.aliases {
            titles.push_str(&spaced(alias));
            ends.push(titles.len());
        }
        Entry {
            name: compact(&term.name),
            aliases: term.aliases.iter().map(|alias| compact(alias)).collect(),
            titles,
            ends,
            definition: spaced(&term.definition),
        }
    }

    /// The name, spaced.
    fn spaced_name(&self) -> &str {
        &self.titles[..self.ends[0]]
    }

    /// Alias `i`, spaced.
    fn spaced_alias(&self, i: usize) -> &str {
        &self.titles[self.ends[i]..self.ends[i + 1]]
    }

    /// The best rank this term earns for `query`, and the alias that
    /// earned it; `None` when it does not match.
    fn rank(&self, query: &Query) -> Option<(Rank, Option<usize>)> {
        let q = query.compact.text();
        if self.name == q {
            return Some((Rank::ExactName, None));
        }
        if let Some(alias) = self.aliases.iter().position(|a| a == q) {
            return Some((Rank::ExactAlias, Some(alias)));
        }
        if self.name.starts_with(q) {
            return Some((Rank::NamePrefix, None));
        }
        if let Some(alias) = self.aliases.iter().position(|a| a.starts_with(q)) {
            return Some((Rank::AliasPrefix, Some(alias)));
        }
        if let Some(alias) = self.word_match(query) {
            return Some((Rank::NameWord, alias));
        }
        if let Some((mistakes, alias)) = self.typo_by_word(query) {
            return Some((Rank::NameWordTypo(saturate(mistakes)), alias));
        }
        if q.len() >= 3 && self.name.contains(q) {
            return Some((Rank::NameInside, None));
        }
        let described = |word: &Needle| {
            self.titles.contains(word.spaced.as_str())
                || self.definition.contains(word.spaced.as_str())
        };
        if query.words.iter().all(described) {
            return Some((Rank::Definition, None));
        }
        let (mistakes, alias) = self.typo_whole(&query.compact)?;
        Some((Rank::Typo(saturate(mistakes)), alias))
    }

    /// For [`Rank::NameWord`]: `Some(None)` when the name has a word
    /// starting with each query word, `Some(Some(i))` when the name and
    /// alias `i` together have.
    fn word_match(&self, query: &Query) -> Option<Option<usize>> {
        let all_start = |titles: &[&str]| {
            let starts = |word: &Needle| titles.iter().any(|t| t.contains(word.spaced.as_str()));
            query.words.iter().all(starts).then_some(0)
        };
        // Most terms fail here, before the search for the alias.
        all_start(&[&self.titles])?;
        self.best_titles(|titles| all_start(&titles))
            .map(|(_, alias)| alias)
    }

    /// For [`Rank::Typo`]: the fewest mistakes from the compact query to the
    /// name or its start, a word of the name, or an alias, and the alias it
    /// was then taken for. Of equals, the name wins over an alias.
    fn typo_whole(&self, query: &Needle) -> Option<(usize, Option<usize>)> {
        if query.max == 0 {
            return None;
        }
        let name = query.near(&self.name);
        let name_words = words_of(self.spaced_name()).filter_map(|w| query.mistakes(w));
        let by_name = name.into_iter().chain(name_words).map(|d| (d, None));
        let by_alias = self.aliases.iter().enumerate();
        let by_alias = by_alias.filter_map(|(i, a)| Some((query.mistakes(a)?, Some(i))));
        by_name.chain(by_alias).min_by_key(|&(d, _)| d)
    }

    /// For [`Rank::NameWordTypo`], a query of several words: the total
    /// mistakes when each query word starts a word of the name, or of the
    /// name and one alias, or is close to such a word or its start, as long
    /// as the whole query may have that many; and that alias.
    fn typo_by_word(&self, query: &Query) -> Option<(usize, Option<usize>)> {
        if query.words.len() < 2 {
            return None;
        }
        // No more mistakes in all than the whole query may have.
        let total = |titles: &[&str]| -> Option<usize> {
            query.words.iter().try_fold(0, |total, word| {
                let total = total + titles.iter().filter_map(|t| word.in_words(t)).min()?;
                (total <= query.compact.max).then_some(total)
            })
        };
        // Most terms fail here, before the search for the alias.
        total(&[&self.titles])?;
        self.best_titles(|titles| total(&titles))
    }

    /// The lowest `measure` of the name alone or of the name with one
    /// alias, and that alias. Of equals, the name alone wins, then the
    /// first alias.
    fn best_titles(
        &self,
        measure: impl Fn([&str; 2]) -> Option<usize>,
    ) -> Option<(usize, Option<usize>)> {
        let name = self.spaced_name();
        let with_alias = (0..self.aliases.len()).map(|i| ([name, self.spaced_alias(i)], Some(i)));
        std::iter::once(([name, ""], None))
            .chain(with_alias)
            .filter_map(|(titles, alias)| Some((measure(titles)?, alias)))
            .min_by_key(|&(d, _)| d)
    }

    /// How close the query comes to the name, an alias or a word of the
    /// name, for [`Index::suggestions`].
    fn closeness(&self, query: &Needle) -> Option<usize> {
        let aliases = self.aliases.iter().map(String::as_str);
        std::iter::once(self.name.as_str())
            .chain(aliases)
            .chain(words_of(self.spaced_name()))
            .filter_map(|candidate| {
                let d = query.mistakes(candidate)?;
                (d < query.text().len().min(candidate.len())).then_some(d)
            })
            .min()
    }
}

impl Query {
    /// `None` for a query with no letters or digits.
    fn new(text: &str) -> Option<Query> {
        let compact = compact(text);
        if compact.is_empty() {
            return None;
        }
        Some(Query {
            compact: Needle::typed(&compact),
            words: words(text)
                .iter()
                .map(|word| Needle::new(word, word_allowance(word.len())))
                .collect(),
        })
    }
}

impl Needle {
    /// `text`, which may have up to `max` mistakes.
    fn new(text: &str, max: usize) -> Needle {
        let mut spaced = String::with_capacity(text.len() + 1);
        spaced.push(' ');
        spaced.push_str(text);
        Needle {
            spaced,
            max,
            letters: letters(text),
        }
    }

    /// `text`, which may have as many mistakes as someone typing it might
    /// make ([`allowance`], counted in bytes).
    fn typed(text: &str) -> Needle {
        Needle::new(text, allowance(text.len()))
    }

    fn text(&self) -> &str {
        &self.spaced[1..]
    }

    /// The mistakes from this to `candidate`, when at most `max`.
    fn mistakes(&self, candidate: &str) -> Option<usize> {
        let text = self.text();
        if text.len().abs_diff(candidate.len()) > self.max {
            return None;
        }
        // Each letter of ours that the candidate lacks costs a mistake; this
        // rules most candidates out before the slower count.
        let lacking = (self.letters & !letters(candidate)).count_ones();
        if lacking as usize > self.max {
            return None;
        }
        distance(text, candidate, self.max)
    }

    /// The mistakes from this to `target` or, for someone still typing it,
    /// to the start of `target` as long as this or up to `max` longer (so
    /// "kubrne" is one mistake from "kuberne"), whichever are fewest.
    fn near(&self, target: &str) -> Option<usize> {
        // The start of `target` has no letter that `target` lacks: when
        // ours lack too many of its letters, no start of it is near either.
        if (self.letters & !letters(target)).count_ones() as usize > self.max {
            return None;
        }
        let len = self.text().len();
        let starts = (len..=len + self.max)
            .filter_map(|len| target.get(..len))
            .filter(|start| start.len() < target.len());
        std::iter::once(target)
            .chain(starts)
            .filter_map(|candidate| self.mistakes(candidate))
            .min()
    }

    /// The mistakes when this starts a word of `spaced` text (none), or
    /// else the fewest from this to a word of it or its start (see
    /// [`Needle::near`]).
    fn in_words(&self, spaced: &str) -> Option<usize> {
        if spaced.contains(self.spaced.as_str()) {
            return Some(0);
        }
        if self.max == 0 {
            return None;
        }
        words_of(spaced).filter_map(|w| self.near(w)).min()
    }
}

/// How many typing mistakes a word of a query of several words may have,
/// by its length in bytes: as [`allowance`], but a word of three letters may
/// have one too, since the other words say what is meant ("tech det").
fn word_allowance(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3..=7 => 1,
        _ => 2,
    }
}

/// A count of mistakes as a [`Rank`] holds it.
fn saturate(mistakes: usize) -> u8 {
    u8::try_from(mistakes).unwrap_or(u8::MAX)
}

/// The bytes of `text` as a set of 64: byte `b` is bit `b % 64`. Bytes that
/// share a bit only make the set say yes more often.
fn letters(text: &str) -> u64 {
    text.bytes().fold(0, |set, b| set | 1 << (b % 64))
}

/// The words of `spaced` text (see [`spaced`]).
fn words_of(spaced: &str) -> impl Iterator<Item = &str> {
    // The text starts with a space, so the first piece is empty.
    spaced.split(' ').skip(1)
}

/// Byte ranges of `text` to highlight for `query`: sorted, merged where they
/// touch or overlap, on character boundaries.
///
/// Marked are (a) the start of each word of `text` that a query word starts,
/// as long as the query word; (b) a run of words that, joined, start with
/// the compact query ("cicd" marks "CI/CD", "errorbud" marks "Error bud");
/// and, only when neither marked anything, (c) each whole word of `text`
/// that a query word is a typo of, by the rules of [`Rank::Typo`].
pub fn marks(text: &str, query: &str) -> Vec<Range<usize>> {
    let query_words: Vec<Needle> = words(query).iter().map(|w| Needle::typed(w)).collect();
    if query_words.is_empty() {
        return Vec::new();
    }
    let joined = compact(query);
    let mapped = Mapped::new(text);
    let spans: Vec<Range<usize>> = word_spans(&mapped.text).collect();
    let mut marks = Vec::new();
    for span in &spans {
        let word = &mapped.text[span.clone()];
        for query_word in &query_words {
            if word.starts_with(query_word.text()) {
                marks.push(span.start..span.start + query_word.text().len());
            }
        }
        if let Some(end) = run_end(&mapped.text, span.start, &joined) {
            marks.push(span.start..end);
        }
    }
    if marks.is_empty() {
        let is_typo = |word: &str| {
            let near = |query_word: &Needle| query_word.max > 0 && query_word.near(word).is_some();
            query_words.iter().any(near)
        };
        marks = spans
            .into_iter()
            .filter(|span| is_typo(&mapped.text[span.clone()]))
            .collect();
    }
    let marks = marks.into_iter().map(|range| mapped.source(range));
    merge(marks.collect())
}

/// The byte ranges of the words of `spaced` text (see [`spaced`]).
fn word_spans(spaced: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    spaced.split(' ').filter_map(move |word| {
        let start = at;
        at += word.len() + 1;
        (!word.is_empty()).then_some(start..start + word.len())
    })
}

/// Where `joined` ends when it is spelt out in `spaced` text from `start`
/// on, the spaces between words skipped; `None` when it is not.
fn run_end(spaced: &str, start: usize, joined: &str) -> Option<usize> {
    let text = spaced.as_bytes();
    let mut at = start;
    for &wanted in joined.as_bytes() {
        while text.get(at) == Some(&b' ') {
            at += 1;
        }
        if text.get(at) != Some(&wanted) {
            return None;
        }
        at += 1;
    }
    Some(at)
}

/// `ranges` sorted, with the ones that touch or overlap made one.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|range| (range.start, range.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

// --- The glossary page's filters ------------------------------------------

/// What the user is looking for on the glossary page: a query, and filters
/// that narrow what it finds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// The query as typed (see [`Filters::searched`]).
    pub query: String,
    /// Show terms with any of these tags (none: every tag).
    pub tags: Vec<&'static str>,
    pub familiarity: Option<Familiarity>,
    /// Only the user's own terms.
    pub own: bool,
    /// Names starting with this letter ('#' for digits and others), as
    /// [`Index::initial`] lists them.
    pub letter: Option<char>,
    /// List every result, not only the first ones.
    pub show_all: bool,
}

/// A change the user makes to the [`Filters`]. Each but
/// [`FilterEdit::ShowAll`] lists only the first results again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterEdit {
    /// A new query; the A–Z letter goes.
    Query(String),
    /// Adds the tag, or takes it away when it is there.
    Tag(&'static str),
    /// Turns "only the user's own terms" on or off.
    Own,
    Familiarity(Option<Familiarity>),
    /// Chooses the letter, or takes it away when it is the one chosen; the
    /// query goes.
    Letter(char),
    /// Takes every filter away and keeps the query.
    Clear,
    /// Lists every result.
    ShowAll,
}

/// What the glossary page lists for some [`Filters`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    /// The terms, by index: best match first, or A–Z without a query; each
    /// with how it matched the query.
    pub shown: Vec<(usize, Option<Hit>)>,
    /// How many terms the query finds before the filters narrow them (every
    /// term without a query).
    pub matched: usize,
}

impl Filters {
    /// The query as searched: without the spaces around it.
    pub fn searched(&self) -> &str {
        self.query.trim()
    }

    /// Whether any filter narrows the results (the query aside).
    pub fn narrowed(&self) -> bool {
        !self.tags.is_empty() || self.familiarity.is_some() || self.own || self.letter.is_some()
    }

    /// Applies `edit`.
    pub fn apply(&mut self, edit: FilterEdit) {
        self.show_all = false;
        match edit {
            FilterEdit::Query(query) => {
                self.query = query;
                self.letter = None;
            }
            FilterEdit::Tag(tag) => match self.tags.iter().position(|t| *t == tag) {
                Some(at) => {
                    self.tags.remove(at);
                }
                None => self.tags.push(tag),
            },
            FilterEdit::Own => self.own = !self.own,
            FilterEdit::Familiarity(familiarity) => self.familiarity = familiarity,
            FilterEdit::Letter(letter) => {
                self.letter = (self.letter != Some(letter)).then_some(letter);
                self.query.clear();
            }
            FilterEdit::Clear => {
                *self = Filters {
                    query: std::mem::take(&mut self.query),
                    ..Filters::default()
                }
            }
            FilterEdit::ShowAll => self.show_all = true,
        }
    }

    /// The terms to list: those the query finds (every term without one)
    /// that the filters keep. `index` is over `terms`, in their order, and
    /// `vocabulary` says how well the user knows each.
    pub fn results(&self, terms: &Terms, index: &Index, vocabulary: &Vocabulary) -> Results {
        let query = self.searched();
        let matched: Vec<(usize, Option<Hit>)> = if query.is_empty() {
            index
                .alphabetical()
                .iter()
                .map(|&term| (term, None))
                .collect()
        } else {
            index
                .search(query)
                .into_iter()
                .map(|hit| (hit.term, Some(hit)))
                .collect()
        };
        Results {
            matched: matched.len(),
            shown: matched
                .into_iter()
                .filter(|(term, _)| self.keeps(terms, index, vocabulary, *term))
                .collect(),
        }
    }

    /// Whether the filters keep the term at `term`.
    fn keeps(&self, terms: &Terms, index: &Index, vocabulary: &Vocabulary, term: usize) -> bool {
        let t = terms.get(term);
        (self.tags.is_empty() || t.tags.iter().any(|tag| self.tags.contains(&tag.as_str())))
            && self
                .familiarity
                .is_none_or(|f| vocabulary.familiarity(&t.id) == f)
            && (!self.own || terms.is_own(term))
            && self.letter.is_none_or(|l| index.initial(term) == l)
    }

    /// How many terms are listed, of `total`: "3 matches for “slo”" with a
    /// query, "12 of 250 terms" with only filters, "250 terms" with neither.
    pub fn count(&self, shown: usize, total: usize) -> String {
        let query = self.searched();
        match (query.is_empty(), self.narrowed()) {
            (false, _) => format!("{} for “{query}”", counted(shown, "match", "matches")),
            (true, true) => format!("{shown} of {}", counted(total, "term", "terms")),
            (true, false) => counted(total, "term", "terms"),
        }
    }

    /// When the filters hide every term the query finds, how many that is:
    /// "3 terms match outside your filters."
    pub fn outside(&self, results: &Results) -> Option<String> {
        (results.shown.is_empty() && self.narrowed() && results.matched > 0).then(|| {
            format!(
                "{} outside your filters.",
                counted(results.matched, "term matches", "terms match")
            )
        })
    }
}

/// Finds glossary terms mentioned in free text (rubric criteria, the user's
/// notes), to link them.
///
/// A mention is a term's name or alias written as whole words, the last one
/// perhaps with a plural "s" ("SLOs", "error budgets"). Where several start
/// at one word, the longest (in words) wins, and its words are taken even
/// when its term is already linked: each term is linked only at its first
/// mention. Case and accents do not matter, except for names and aliases
/// written all in capitals in the glossary ("SLO", "EM", "PR", "ACID"):
/// those match only in capitals, so that "slo", "em", "pr" and "acid" in
/// prose are not links. Names and aliases that fold to less than two bytes
/// (a single letter or digit) are never linked.
pub struct Linker {
    /// Every phrase, sorted by its first word.
    phrases: Vec<Phrase>,
    /// The number of terms.
    terms: usize,
}

/// One place in a text that mentions a term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The bytes of the original text.
    pub range: Range<usize>,
    pub term: usize,
}

/// A name or alias of a term, as the words that mention it.
struct Phrase {
    words: Vec<String>,
    term: usize,
    /// Whether it matches only in capitals.
    capitals: bool,
}

/// A word of a text to link.
struct TextWord<'a> {
    folded: &'a str,
    original: &'a str,
    range: Range<usize>,
}

impl Linker {
    pub fn new<'a>(terms: impl IntoIterator<Item = &'a Term>) -> Linker {
        let mut phrases = Vec::new();
        let mut count = 0;
        for (term, t) in terms.into_iter().enumerate() {
            count += 1;
            phrases.push(Phrase::new(&t.name, term, is_capitals(&t.name)));
            for alias in &t.aliases {
                phrases.push(Phrase::new(alias, term, is_capitals(alias)));
            }
        }
        phrases.retain(|phrase| phrase.words.iter().map(String::len).sum::<usize>() >= 2);
        // Stable, so that of equal phrases the earlier term's comes first.
        phrases.sort_by(|a, b| a.words[0].cmp(&b.words[0]));
        Linker {
            phrases,
            terms: count,
        }
    }

    /// The mentions of terms in `text`, in order, not overlapping, each
    /// term at most once.
    pub fn links(&self, text: &str) -> Vec<Link> {
        let mapped = Mapped::new(text);
        let words: Vec<TextWord> = word_spans(&mapped.text)
            .map(|span| {
                let range = mapped.source(span.clone());
                TextWord {
                    folded: &mapped.text[span],
                    original: &text[range.clone()],
                    range,
                }
            })
            .collect();
        let mut linked = vec![false; self.terms];
        let mut links = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let Some(phrase) = self.longest_at(&words[at..]) else {
                at += 1;
                continue;
            };
            let end = at + phrase.words.len();
            if !linked[phrase.term] {
                linked[phrase.term] = true;
                links.push(Link {
                    range: words[at].range.start..words[end - 1].range.end,
                    term: phrase.term,
                });
            }
            at = end;
        }
        links
    }

    /// The longest phrase that `words` start with; of equal ones the first.
    fn longest_at(&self, words: &[TextWord]) -> Option<&Phrase> {
        let first = words[0].folded;
        // A one-word phrase may also be the first word without its "s".
        let singular = first.strip_suffix('s').map(|s| self.starting_with(s));
        self.starting_with(first)
            .iter()
            .chain(singular.unwrap_or_default())
            .filter(|phrase| phrase.starts(words))
            .min_by_key(|phrase| Reverse(phrase.words.len()))
    }

    /// The phrases whose first word is `word`.
    fn starting_with(&self, word: &str) -> &[Phrase] {
        let start = self.phrases.partition_point(|p| p.words[0].as_str() < word);
        let len = self.phrases[start..].partition_point(|p| p.words[0] == word);
        &self.phrases[start..start + len]
    }
}

impl Phrase {
    fn new(text: &str, term: usize, capitals: bool) -> Phrase {
        Phrase {
            words: words(text),
            term,
            capitals,
        }
    }

    /// Whether `words` start with this phrase, the last word perhaps in the
    /// plural.
    fn starts(&self, words: &[TextWord]) -> bool {
        let last = self.words.len() - 1;
        words.len() > last
            && self
                .words
                .iter()
                .zip(words)
                .enumerate()
                .all(|(i, (own, word))| {
                    let written = word.written_as(own, i == last);
                    written.is_some_and(|written| !self.capitals || !has_lowercase(written))
                })
    }
}

impl<'a> TextWord<'a> {
    /// How this word is written in the original, a plural "s" left out,
    /// when it is the folded `word` or, if `plural`, its plural.
    fn written_as(&self, word: &str, plural: bool) -> Option<&'a str> {
        if self.folded == word {
            Some(self.original)
        } else if plural && self.folded.strip_suffix('s') == Some(word) {
            Some(
                self.original
                    .strip_suffix(['s', 'S'])
                    .unwrap_or(self.original),
            )
        } else {
            None
        }
    }
}

/// Whether `text` is written all in capitals: "SLO", "2FA", but not "K8s".
fn is_capitals(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_uppercase()) && !has_lowercase(text)
}

fn has_lowercase(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(name: &str, aliases: &[&str], definition: &str) -> Term {
        Term {
            id: compact(name),
            name: name.into(),
            aliases: aliases.iter().map(|&a| a.into()).collect(),
            tags: vec!["devops".into()],
            related: Vec::new(),
            definition: definition.into(),
            example: String::new(),
        }
    }

    /// The marked parts of `text`.
    fn marked<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        marks(text, query).into_iter().map(|r| &text[r]).collect()
    }

    /// The linked parts of `text`, with the names of their terms.
    fn linked<'a>(terms: &[Term], text: &'a str) -> Vec<(&'a str, String)> {
        let linker = Linker::new(terms);
        linker
            .links(text)
            .into_iter()
            .map(|link| (&text[link.range], terms[link.term].name.clone()))
            .collect()
    }

    fn ranks(index: &Index, query: &str) -> Vec<(usize, Rank)> {
        index
            .search(query)
            .into_iter()
            .map(|hit| (hit.term, hit.rank))
            .collect()
    }

    #[test]
    fn each_rule_gives_its_rank() {
        let terms = [
            term(
                "Error budget",
                &["error budgets", "EB"],
                "How much unreliability an SLO allows.",
            ),
            term("Kubernetes", &["K8s"], "A container orchestrator."),
            term("DevOps", &[], "Development and operations together."),
        ];
        let index = Index::new(&terms);
        assert_eq!(ranks(&index, "Error-Budget"), [(0, Rank::ExactName)]);
        assert_eq!(ranks(&index, "k8s"), [(1, Rank::ExactAlias)]);
        assert_eq!(ranks(&index, "error bu"), [(0, Rank::NamePrefix)]);
        assert_eq!(ranks(&index, "error budgets"), [(0, Rank::ExactAlias)]);
        assert_eq!(ranks(&index, "k8"), [(1, Rank::AliasPrefix)]);
        assert_eq!(ranks(&index, "budget err"), [(0, Rank::NameWord)]);
        assert_eq!(ranks(&index, "ops"), [(2, Rank::NameInside)]);
        assert_eq!(ranks(&index, "orchestr"), [(1, Rank::Definition)]);
        assert_eq!(ranks(&index, "kubernets"), [(1, Rank::Typo(1))]);
        assert_eq!(ranks(&index, "kuebr"), [(1, Rank::Typo(1))]);
        assert_eq!(ranks(&index, "budgte eror"), [(0, Rank::NameWordTypo(2))]);
        assert_eq!(ranks(&index, "erorbudget"), [(0, Rank::Typo(1))]);
        assert_eq!(ranks(&index, "kbrnts"), []);
        assert_eq!(ranks(&index, "-/-"), []);
        assert_eq!(index.search("k8s")[0].alias, Some(0));
        assert_eq!(index.search("errorbudgetz")[0].alias, None);
        assert_eq!(index.search("error budgetss")[0].alias, Some(0));
    }

    #[test]
    fn words_starting_words_of_the_name_come_before_words_inside_or_defined() {
        let terms = [
            term("Backlog", &[], "Technical tasks in detail."),
            term("Biotechnology", &[], "Living things as technology."),
            term("Technical debt", &["tech debt"], "Rework for later."),
            term("Technology radar", &[], "What a team adopts."),
        ];
        let index = Index::new(&terms);
        // "det" is one mistake from the start of "debt".
        assert_eq!(
            ranks(&index, "tech det"),
            [(2, Rank::NameWordTypo(1)), (0, Rank::Definition)]
        );
        assert_eq!(index.search("tech det")[0].alias, None);
        // Words of the name first, however long; then inside a word; then
        // the definitions.
        assert_eq!(
            ranks(&index, "techn"),
            [
                (2, Rank::NamePrefix),
                (3, Rank::NamePrefix),
                (1, Rank::NameInside),
                (0, Rank::Definition),
            ]
        );
        assert_eq!(ranks(&index, "radar tech"), [(3, Rank::NameWord)]);
        assert_eq!(ranks(&index, "deb tecnical"), [(2, Rank::NameWordTypo(1))]);
        // One short word alone has no room for a mistake.
        assert_eq!(ranks(&index, "det"), [(0, Rank::Definition)]);
    }

    #[test]
    fn ties_go_to_the_shorter_name_then_a_to_z() {
        let terms = [
            term("Pod disruption budget", &[], ""),
            term("Pod", &[], ""),
            term("Kubernetes pod", &["pod"], ""),
            term("Podman", &[], ""),
            term("Poddle", &[], ""),
        ];
        let index = Index::new(&terms);
        let order: Vec<usize> = index.search("pod").iter().map(|hit| hit.term).collect();
        assert_eq!(order, [1, 2, 4, 3, 0]);
    }

    #[test]
    fn initials_and_sort_keys_are_folded() {
        let terms = [
            term("Éclair", &[], ""),
            term("360 review", &[], ""),
            term("κύβος", &[], ""),
        ];
        let index = Index::new(&terms);
        assert_eq!(index.len(), 3);
        assert_eq!([0, 1, 2].map(|t| index.initial(t)), ['e', '#', '#']);
        assert_eq!(index.sort_key(0), "eclair");
        assert_eq!(index.sort_key(1), "360review");
        assert_eq!(index.alphabetical(), [1, 0, 2]);
        assert_eq!(index.letters(), ['#', 'e']);
    }

    #[test]
    fn suggestions_allow_more_mistakes_but_not_nonsense() {
        let terms = [
            term("Observability", &["o11y"], ""),
            term("Availability", &[], ""),
            term("Of", &[], ""),
        ];
        let index = Index::new(&terms);
        assert_eq!(index.search("obsrvablty"), []);
        assert_eq!(index.suggestions("obsrvablty", 3), [0]);
        assert_eq!(index.suggestions("zz", 3), Vec::<usize>::new());
        assert_eq!(index.suggestions("obsrvablty", 0), Vec::<usize>::new());
    }

    #[test]
    fn marks_find_word_starts_and_joined_words() {
        assert_eq!(marked("CI/CD pipeline", "cicd"), ["CI/CD"]);
        assert_eq!(marked("CI/CD pipeline", "ci-cd pipe"), ["CI/CD pipe"]);
        assert_eq!(marked("Error budget", "errorbud"), ["Error bud"]);
        assert_eq!(
            marked("Error budget policy", "pol budget"),
            ["budget", "pol"]
        );
        assert_eq!(marked("Déjà vu, déjà", "deja"), ["Déjà", "déjà"]);
        assert_eq!(marked("Straße", "stras"), ["Straß"]);
        assert_eq!(marked("Rebudget", "budget"), Vec::<&str>::new());
        assert_eq!(marked("Error budget", ""), Vec::<&str>::new());
    }

    #[test]
    fn marks_are_sorted_and_merged() {
        let bytes = |query: &str| -> Vec<(usize, usize)> {
            let marks = marks("Blue-green deployment", query);
            marks.into_iter().map(|r| (r.start, r.end)).collect()
        };
        assert_eq!(bytes("green blue"), [(0, 4), (5, 10)]);
        assert_eq!(bytes("blue green"), [(0, 10)]);
        assert_eq!(bytes("b bl blue"), [(0, 4)]);
        assert_eq!(bytes("deploy blue"), [(0, 4), (11, 17)]);
    }

    #[test]
    fn marks_fall_back_to_whole_words_with_typos() {
        assert_eq!(marked("Kubernetes namespace", "kubernets"), ["Kubernetes"]);
        assert_eq!(marked("Kubernetes", "kuebr"), ["Kubernetes"]);
        assert_eq!(marked("Kubernetes pod", "pod kubernets"), ["pod"]);
        assert_eq!(marked("Toil", "tale"), Vec::<&str>::new());
    }

    #[test]
    fn capital_aliases_link_only_in_capitals() {
        let terms = [
            term("Individual contributor track", &["IC"], ""),
            term("Service level objective", &["SLO"], ""),
        ];
        assert_eq!(
            linked(&terms, "Ic said the slo is fine; the IC set SLOs."),
            [
                ("IC", terms[0].name.clone()),
                ("SLOs", terms[1].name.clone())
            ]
        );
    }

    #[test]
    fn plurals_and_accents_link() {
        let terms = [term("Error budget", &[], ""), term("Café", &[], "")];
        assert_eq!(
            linked(&terms, "Two ERROR-BUDGETS at the cafe"),
            [
                ("ERROR-BUDGETS", "Error budget".into()),
                ("cafe", "Café".into())
            ]
        );
        assert_eq!(
            linked(&terms, "error budgeted cafes."),
            [("cafes", "Café".into())]
        );
    }

    #[test]
    fn the_longest_phrase_wins_and_a_term_links_once() {
        let terms = [
            term("Error budget", &[], ""),
            term("Burn rate", &["error budget burn rate"], ""),
            term("Budget", &[], ""),
            term("X", &["Y"], ""),
        ];
        assert_eq!(
            linked(
                &terms,
                "The error budget burn rate, then the error budget, a budget, X."
            ),
            [
                ("error budget burn rate", "Burn rate".into()),
                ("error budget", "Error budget".into()),
                ("budget", "Budget".into()),
            ]
        );
        // The second "error budget burn rate" is taken whole, so its
        // "error budget" is not linked either.
        assert_eq!(
            linked(
                &terms,
                "Error budget burn rate; error budget burn rate; budget"
            ),
            [
                ("Error budget burn rate", "Burn rate".into()),
                ("budget", "Budget".into()),
            ]
        );
    }
}

//! The SMART check: per letter, what is still weak about a goal, in plain
//! words the goal form shows beside the goal as it is typed.
//!
//! It runs on every keystroke, so it stays cheap: the outcome is folded
//! once into a single string ([`spaced`]) and every other test is a
//! comparison or a substring search. No regex, no Unicode case tables and no
//! floats, to keep the wasm small.

use super::counted;
use super::fold::spaced;
use super::plan::{Goal, Plan};
use super::time::Date;

/// The five letters, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Letter {
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

impl Letter {
    pub const ALL: [Letter; 5] = [
        Letter::Specific,
        Letter::Measurable,
        Letter::Achievable,
        Letter::Relevant,
        Letter::TimeBound,
    ];

    pub fn initial(self) -> char {
        match self {
            Letter::Specific => 'S',
            Letter::Measurable => 'M',
            Letter::Achievable => 'A',
            Letter::Relevant => 'R',
            Letter::TimeBound => 'T',
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Letter::Specific => "Specific",
            Letter::Measurable => "Measurable",
            Letter::Achievable => "Achievable",
            Letter::Relevant => "Relevant",
            Letter::TimeBound => "Time-bound",
        }
    }
}

/// What the check found for one letter; `problems` is empty when that
/// letter is strong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub letter: Letter,
    /// What is weak, each in a sentence that says what to do.
    pub problems: Vec<String>,
    /// The same problems in a few words each, for a goal's card ("due
    /// after your promotion target").
    pub briefly: Vec<&'static str>,
}

impl Finding {
    pub fn is_strong(&self) -> bool {
        self.problems.is_empty()
    }

    /// "Time-bound: due after your promotion target", or "Time-bound:
    /// strong".
    pub fn in_words(&self) -> String {
        let what = if self.is_strong() {
            "strong".to_owned()
        } else {
            self.briefly.join(", ")
        };
        format!("{}: {what}", self.letter.label())
    }
}

/// The check of one goal: one finding per letter, in S M A R T order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub findings: [Finding; 5],
}

impl Check {
    /// Whether every letter is strong.
    pub fn is_strong(&self) -> bool {
        self.findings.iter().all(Finding::is_strong)
    }

    /// The findings with problems, in S M A R T order.
    pub fn weak(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|finding| !finding.is_strong())
    }

    /// The initials of the weak letters: "MT", or "" when strong.
    pub fn weak_letters(&self) -> String {
        self.weak()
            .map(|finding| finding.letter.initial())
            .collect()
    }

    /// "Strong on all five letters." or "Weak: Measurable, Time-bound."
    pub fn summary(&self) -> String {
        if self.is_strong() {
            return "Strong on all five letters.".to_owned();
        }
        let mut out = String::from("Weak: ");
        for (n, finding) in self.weak().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            out.push_str(finding.letter.label());
        }
        out.push('.');
        out
    }
}

/// At most this many goals should be active at once.
pub const MAX_ACTIVE: usize = 3;

/// An outcome needs at least this many words to be specific.
pub const MIN_OUTCOME_WORDS: usize = 4;

/// Words and phrases that make an outcome vague, folded, each with one
/// space either side so that a substring search over [`spaced`] text (plus
/// a trailing space) matches whole words only, and a phrase only as
/// consecutive words. Inflections are not matched: "improvement" and
/// "working on" pass. No entry may begin with another ("work" beside
/// "work on"), which the tests check.
pub const VAGUE: [&str; 18] = [
    " improve ",
    " better ",
    " more ",
    " good ",
    " try ",
    " various ",
    " stuff ",
    " things ",
    " etc ",
    " some ",
    " somehow ",
    " enhance ",
    " work on ",
    " learn about ",
    " get better ",
    " help with ",
    " be more ",
    " look into ",
];

/// Numbers written as words, by value: a target with one of these is as
/// checkable as one with a digit ("three design reviews").
const NUMBER_WORDS: [&str; 13] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

/// Checks `goal` (which may be a draft not yet in `plan`, or a goal in it,
/// matched by id) on `today`, without the words of its criteria (see
/// [`check_with`]).
pub fn check(goal: &Goal, plan: &Plan, today: Date) -> Check {
    check_with(goal, plan, today, &[])
}

/// Checks `goal` on `today`, as [`check`] does, and also that its outcome
/// says more than `linked`, the texts of the criteria it is linked to.
pub fn check_with(goal: &Goal, plan: &Plan, today: Date, linked: &[&str]) -> Check {
    Check {
        findings: [
            finding(Letter::Specific, specific(goal, linked)),
            finding(Letter::Measurable, measurable(goal)),
            finding(Letter::Achievable, achievable(goal, plan)),
            finding(Letter::Relevant, relevant(goal)),
            finding(Letter::TimeBound, time_bound(goal, plan, today)),
        ],
    }
}

/// A problem: in a few words, and in a sentence.
type Problem = (&'static str, String);

fn finding(letter: Letter, found: Vec<Problem>) -> Finding {
    let (briefly, problems) = found.into_iter().unzip();
    Finding {
        letter,
        problems,
        briefly,
    }
}

fn specific(goal: &Goal, linked: &[&str]) -> Vec<Problem> {
    let mut problems = Vec::new();
    // " word word word ", one space before every word and one at the end.
    let mut text = spaced(&goal.outcome);
    let words = text.bytes().filter(|&b| b == b' ').count();
    if words == 0 {
        problems.push((
            "no outcome yet",
            "Write the outcome: what will be true when this goal is done.".to_owned(),
        ));
        return problems;
    }
    text.push(' ');
    if words < MIN_OUTCOME_WORDS {
        problems.push((
            "outcome too short",
            "The outcome is too short to be specific. Say in at least four words what will be \
             different when it is done."
                .to_owned(),
        ));
    }
    if let Some(vague) = first_vague(&text) {
        problems.push((
            "vague wording",
            format!(
                "“{}” is vague. Say exactly what will be different when this goal is done.",
                vague.trim()
            ),
        ));
    }
    if linked.iter().any(|criterion| repeats(&text, criterion)) {
        problems.push((
            "repeats the criterion",
            "The outcome repeats the criterion it proves. Say what you will achieve in your own \
             words: the piece of work, what it changes, and who will see it."
                .to_owned(),
        ));
    }
    problems
}

/// Whether `outcome` (spaced, with a trailing space) only repeats
/// `criterion`, or nearly: it shares at least two words with it and has
/// fewer than three of its own, or fewer than a third of its words are its
/// own.
fn repeats(outcome: &str, criterion: &str) -> bool {
    let mut criterion = spaced(criterion);
    criterion.push(' ');
    let (mut words, mut own) = (0, 0);
    for word in outcome.split(' ').filter(|word| !word.is_empty()) {
        words += 1;
        // " word " in the criterion, found without allocating.
        let whole = criterion.match_indices(word).any(|(at, _)| {
            criterion[..at].ends_with(' ') && criterion[at + word.len()..].starts_with(' ')
        });
        own += usize::from(!whole);
    }
    (own < 3 && words - own >= 2) || own * 3 < words
}

/// The entry of [`VAGUE`] found earliest in `text` (spaced, with a
/// trailing space). No entry begins with another, so no two can match at
/// the same place.
fn first_vague(text: &str) -> Option<&'static str> {
    let mut best: Option<(usize, &'static str)> = None;
    for vague in VAGUE {
        let Some(at) = find_vague(text, vague) else {
            continue;
        };
        if best.is_none_or(|(best_at, _)| at < best_at) {
            best = Some((at, vague));
        }
    }
    best.map(|(_, vague)| vague)
}

/// Where `vague` first occurs in `text` as a vague use. "more than" with a
/// number after it ("more than 3", "more than three") is a measurable
/// comparison, not vague.
fn find_vague(text: &str, vague: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find(vague) {
        let at = from + found;
        let rest = &text[at + vague.len()..];
        let comparison =
            vague == " more " && rest.strip_prefix("than ").is_some_and(starts_with_number);
        if !comparison {
            return Some(at);
        }
        // The next candidate starts at the space that ended this one.
        from = at + vague.len() - 1;
    }
    None
}

fn measurable(goal: &Goal) -> Vec<Problem> {
    let mut problems = Vec::new();
    if is_blank(&goal.metric) {
        problems.push((
            "nothing to measure named",
            "Name what you will measure, such as design reviews led or p95 latency.".to_owned(),
        ));
    }
    if is_blank(&goal.baseline) {
        problems.push((
            "no starting point",
            "Write down where it stands today, so there is a starting point to measure from."
                .to_owned(),
        ));
    }
    if is_blank(&goal.target) {
        problems.push((
            "no target",
            "Set the target: the value that means this goal is met.".to_owned(),
        ));
    } else if !has_number(&goal.target) {
        problems.push((
            "no number in the target",
            "Put a number in the target so it can be checked, such as “3 design reviews” or \
             “p95 under 200 ms”."
                .to_owned(),
        ));
    }
    problems
}

/// Whether the first word of `text` (spaced, without its leading space) is
/// a number: "3", "200ms" or "three".
fn starts_with_number(text: &str) -> bool {
    let word = text.split(' ').next().unwrap_or_default();
    word.starts_with(|c: char| c.is_ascii_digit()) || NUMBER_WORDS.contains(&word)
}

/// Whether `text` has a digit or a number written as a word.
fn has_number(text: &str) -> bool {
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let mut text = spaced(text);
    text.push(' ');
    NUMBER_WORDS.iter().any(|word| {
        text.match_indices(word)
            .any(|(at, _)| text[..at].ends_with(' ') && text[at + word.len()..].starts_with(' '))
    })
}

fn achievable(goal: &Goal, plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    if is_blank(&goal.support) {
        problems.push((
            "no one or nothing named to help",
            "Name who or what will help, such as a mentor, a pairing partner or a course."
                .to_owned(),
        ));
    }
    if is_blank(&goal.time) {
        problems.push((
            "no time set aside",
            "Say how much time you will set aside, such as two hours a week.".to_owned(),
        ));
    }
    if goal.is_active() {
        let others = plan
            .active_goals()
            .filter(|other| other.id != goal.id)
            .count();
        let active = others + 1;
        if active > MAX_ACTIVE {
            problems.push((
                "too many goals at once",
                format!(
                    "You have {}; {} or fewer at once are more achievable. Finish or drop one \
                     first.",
                    counted(active, "active goal", "active goals"),
                    spelled(MAX_ACTIVE),
                ),
            ));
        }
    }
    problems
}

fn relevant(goal: &Goal) -> Vec<Problem> {
    let mut problems = Vec::new();
    if goal.criteria.iter().all(|id| is_blank(id)) {
        problems.push((
            "no criterion linked",
            "Link at least one rubric criterion that this goal proves.".to_owned(),
        ));
    }
    problems
}

fn time_bound(goal: &Goal, plan: &Plan, today: Date) -> Vec<Problem> {
    let mut problems = Vec::new();
    let Some(due) = goal.due else {
        problems.push((
            "no due date",
            "Set a due date to give this goal a deadline.".to_owned(),
        ));
        return problems;
    };
    // Once a goal is done, its due date no longer matters.
    if !goal.is_active() {
        return problems;
    }
    if due < today {
        problems.push((
            "the due date has passed",
            format!(
                "The due date, {}, has passed. Move it, or mark the goal done.",
                due.label()
            ),
        ));
    }
    if let Some(target) = plan.target {
        if due > target {
            problems.push((
                "due after your promotion target",
                format!(
                    "The due date, {}, is after your promotion target, {}, so this goal will \
                     not count towards it. Bring it forward.",
                    due.label(),
                    target.label()
                ),
            ));
        }
    }
    problems
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// "three" for 3; digits above twelve.
fn spelled(n: usize) -> String {
    match NUMBER_WORDS.get(n) {
        Some(word) => (*word).to_owned(),
        None => n.to_string(),
    }
}

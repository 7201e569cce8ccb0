//! The promotion packet, or self-review: the case for the target level,
//! drafted from the accomplishment log and laid out by that level's areas.
//! For each criterion it picks the strongest entries of the period, and it
//! gathers the impact in numbers, the projects and the user's part in them,
//! leadership and mentoring, and where the case is still thin with the
//! plan's goals that address it.
//!
//! The draft only reads: the user's own words (the opening summary and a
//! line per area, in [`Narrative`](super::evidence::Narrative)) are carried
//! through as written, never generated, and nothing is written back into
//! the log. Every reader copes with any log, rubric and plan, so that a
//! hand-edited file never makes the page fail.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::assessment::Assessment;
use super::counted;
use super::evidence::{confirmers, heading, link_text, newest_first, Entry, Kind, Log, Outcome};
use super::markdown::{inline, paragraph};
use super::plan::{Goal, Plan};
use super::rubric::{Area, Criterion, Rubric, Track};
use super::time::{days_from_civil, days_in_month, Date};

/// The most entries shown for one criterion.
pub const STRONGEST: usize = 3;

/// The days a packet or an update covers, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// The `months` months ending on `today`: from the day after the same
    /// day of the month `months` earlier (the last day of that month when
    /// it is shorter: 29 Feb 2024 looks back to 28 Feb 2023, so the period
    /// starts on 1 Mar 2023) up to `today`. Twelve months is the usual
    /// packet. With 0 months it is `today` alone.
    pub fn last_months(today: Date, months: u32) -> Period {
        if months == 0 {
            return Period {
                from: today,
                to: today,
            };
        }
        let (year, month, day) = today.ymd();
        // Months since year 0, in i64: no number of months can overflow it.
        let index = year * 12 + i64::from(month) - 1 - i64::from(months);
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        let day = day.min(days_in_month(year, month));
        let from = days_from_civil(year, month, day) + 1;
        // Only a date near the very start of the calendar goes below it.
        let from = i32::try_from(from).map_or(Date(i32::MIN), Date);
        Period {
            from: from.min(today),
            to: today,
        }
    }

    /// Whether `day` falls within the period (its first and last days
    /// included).
    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }

    /// "1 Dec 2025 to 30 Nov 2026", or the one day when it is only one.
    pub fn label(&self) -> String {
        if self.from == self.to {
            self.to.label()
        } else {
            format!("{} to {}", self.from.label(), self.to.label())
        }
    }
}

/// The draft of a promotion packet for one target level and period (see
/// [`draft`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Packet<'a> {
    pub period: Period,
    /// The track it is drafted for; `None` only for a rubric with no
    /// tracks.
    pub track: Option<&'a Track>,
    /// The target level's name, or its id when the rubric has no level
    /// with that id.
    pub level: String,
    /// The user's opening summary, as written (it may be empty).
    pub summary: &'a str,
    /// The target level's areas that have criteria there, in the rubric's
    /// order.
    pub areas: Vec<AreaCase<'a>>,
    /// The entries of the period whose result is a number that moved,
    /// newest first.
    pub impact: Vec<&'a Entry>,
    /// The projects of the period, newest first; their stories say the
    /// part the user played.
    pub projects: Vec<&'a Entry>,
    /// The leadership and mentoring entries of the period, newest first.
    pub leadership: Vec<&'a Entry>,
    /// The target level's criteria with no entry in the period, in the
    /// rubric's order.
    pub gaps: Vec<Gap<'a>>,
    /// How many entries of the log fall within the period.
    pub entries: usize,
}

/// One area of the target level in the packet.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaCase<'a> {
    pub area: &'a Area,
    /// The user's own line for this area, as written; empty when there is
    /// none.
    pub line: &'a str,
    /// Its criteria at the target level, in the rubric's order.
    pub criteria: Vec<CriterionCase<'a>>,
}

/// One criterion of the target level and what backs it in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionCase<'a> {
    pub criterion: &'a Criterion,
    /// Its strongest entries of the period (at most [`STRONGEST`]), the
    /// strongest first: a result before none (a number before a
    /// sentence), then someone to confirm it, then the newest; ties in
    /// the log's order.
    pub entries: Vec<&'a Entry>,
    /// How many entries of the period prove it, those not shown included.
    pub linked: usize,
    /// The evidence the user wrote for it in the self-assessment, trimmed;
    /// empty when there is none.
    pub written: String,
}

/// A criterion of the target level that no entry of the period proves.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap<'a> {
    pub area: &'a Area,
    pub criterion: &'a Criterion,
    /// The active goals of the plan that prove it, in the plan's order.
    pub goals: Vec<&'a Goal>,
}

impl Packet<'_> {
    /// How many criteria of the target level the packet covers.
    pub fn total(&self) -> usize {
        self.areas.iter().map(|area| area.criteria.len()).sum()
    }

    /// How many of them at least one entry of the period proves.
    pub fn covered(&self) -> usize {
        self.areas
            .iter()
            .flat_map(|area| &area.criteria)
            .filter(|c| c.linked > 0)
            .count()
    }

    /// The header line: "Covers 1 Dec 2025 to 30 Nov 2026: 12 entries,
    /// backing 8 of 11 criteria."
    pub fn header(&self) -> String {
        format!(
            "Covers {}: {}, backing {} of {}.",
            self.period.label(),
            counted(self.entries, "entry", "entries"),
            self.covered(),
            counted(self.total(), "criterion", "criteria")
        )
    }
}

/// Drafts the packet for level `target` (by id) of track `track` (the
/// first track for an unknown id) from the entries of `log` dated within
/// `period`.
///
/// Each area of the track with criteria at `target` comes in the rubric's
/// order, with the user's line for it and, for each criterion, its
/// strongest entries. A criterion the user marked in `assessment` as not
/// applying to their role is left out, like an area left with no criteria.
/// The gaps are the criteria with no entry in the period, each with the
/// active goals of `plan` that prove it, so that the packet can show the
/// plan that closes it.
pub fn draft<'a>(
    log: &'a Log,
    rubric: &'a Rubric,
    assessment: &Assessment,
    plan: &'a Plan,
    track: &str,
    target: &str,
    period: Period,
) -> Packet<'a> {
    let within: Vec<&'a Entry> = log
        .entries()
        .filter(|entry| period.contains(entry.date))
        .collect();
    // The entries of the period that prove each criterion, in the log's
    // order; an entry listing a criterion twice counts once.
    let mut proving: HashMap<&str, Vec<&'a Entry>> = HashMap::new();
    for &entry in &within {
        let mut seen = HashSet::new();
        for criterion in &entry.criteria {
            if seen.insert(criterion.as_str()) {
                proving.entry(criterion.as_str()).or_default().push(entry);
            }
        }
    }
    let applies = |criterion: &Criterion| {
        !assessment
            .rating(&criterion.id)
            .is_some_and(|rating| rating.not_applicable)
    };
    let track = rubric.track(track);
    let areas: Vec<AreaCase<'a>> = track
        .into_iter()
        .flat_map(|track| &track.areas)
        .filter_map(|area| {
            let criteria: Vec<CriterionCase<'a>> = area
                .criteria
                .iter()
                .filter(|criterion| criterion.level == target && applies(criterion))
                .map(|criterion| {
                    let mut entries = proving
                        .get(criterion.id.as_str())
                        .cloned()
                        .unwrap_or_default();
                    let linked = entries.len();
                    entries.sort_by(|a, b| strongest_first(a, b));
                    entries.truncate(STRONGEST);
                    let written = assessment
                        .rating(&criterion.id)
                        .map(|rating| rating.evidence.trim().to_owned())
                        .unwrap_or_default();
                    CriterionCase {
                        criterion,
                        entries,
                        linked,
                        written,
                    }
                })
                .collect();
            (!criteria.is_empty()).then(|| AreaCase {
                area,
                line: log.narrative.areas.get(&area.id).map_or("", String::as_str),
                criteria,
            })
        })
        .collect();
    let gaps = areas
        .iter()
        .flat_map(|case| {
            case.criteria.iter().filter(|c| c.linked == 0).map(|c| Gap {
                area: case.area,
                criterion: c.criterion,
                goals: plan
                    .active_goals()
                    .filter(|goal| goal.criteria.contains(&c.criterion.id))
                    .map(|goal| &**goal)
                    .collect(),
            })
        })
        .collect();
    let newest = |keep: fn(&Entry) -> bool| {
        let mut entries: Vec<&'a Entry> = within.iter().copied().filter(|e| keep(e)).collect();
        entries.sort_by(|a, b| newest_first(a, b));
        entries
    };
    Packet {
        period,
        track,
        level: rubric
            .levels
            .iter()
            .find(|level| level.id == target)
            .map_or(target, |level| level.name.as_str())
            .to_owned(),
        summary: &log.narrative.summary,
        impact: newest(|e| matches!(e.result, Outcome::Metric { .. })),
        projects: newest(|e| e.kind == Kind::Project),
        leadership: newest(|e| matches!(e.kind, Kind::Leadership | Kind::Mentoring)),
        areas,
        gaps,
        entries: within.len(),
    }
}

/// The order of a criterion's entries in the packet: a number before a
/// sentence before no result, then someone to confirm it before no one,
/// then the newest. Equal entries compare equal, so a stable sort keeps
/// them in the log's order.
pub fn strongest_first(a: &Entry, b: &Entry) -> Ordering {
    strength(a)
        .cmp(&strength(b))
        .then_with(|| b.date.cmp(&a.date))
}

/// Smaller is stronger: how much the result says, then whether anyone can
/// confirm it.
fn strength(entry: &Entry) -> (u8, bool) {
    let result = match &entry.result {
        Outcome::Metric { .. } => 0,
        Outcome::Sentence(text) if !text.trim().is_empty() => 1,
        _ => 2,
    };
    let confirmed = entry
        .confirm
        .iter()
        .any(|person| !person.name.trim().is_empty());
    (result, !confirmed)
}

/// The packet as Markdown, to paste into a review tool or hand over:
/// headed "# Self-review: " and the level's name, then the period and the
/// counts, the user's opening summary (or a hint to write one), the
/// impact in numbers, a section per area with the user's line and each
/// criterion's entries, the projects and the user's part in them,
/// leadership and mentoring, and where the user is still growing with the
/// goals that address it.
///
/// Text typed by the user or taken from the rubric goes through
/// [`inline`], or [`paragraph`] where it starts a line, so it cannot break
/// the layout; links that pass [`check_link`](super::evidence::check_link)
/// become links, any other is shown as text.
pub fn markdown(packet: &Packet) -> String {
    let mut out = format!("# Self-review: {}\n\n", heading(&packet.level));
    let _ = writeln!(out, "{}", packet.header());

    out.push_str("\n## Summary\n\n");
    if packet.summary.trim().is_empty() {
        let _ = writeln!(
            out,
            "_Write a few sentences on why you are ready for {}: this part is yours, and \
             nothing here writes it for you._",
            heading(&packet.level)
        );
    } else {
        lines(&mut out, packet.summary);
    }

    out.push_str("\n## Impact in numbers\n\n");
    if packet.impact.is_empty() {
        out.push_str(
            "_No result with a number in this period yet: give an entry the figure before and \
             after._\n",
        );
    }
    for entry in &packet.impact {
        if let Some(summary) = entry.result.summary() {
            let _ = writeln!(
                out,
                "- {}: {}, {}",
                paragraph(&summary),
                heading(&entry.title),
                entry.date.label()
            );
        }
    }

    for case in &packet.areas {
        area_section(&mut out, case);
    }

    out.push_str("\n## Projects and my role\n");
    if packet.projects.is_empty() {
        out.push_str("\n_No project logged in this period._\n");
    }
    for entry in &packet.projects {
        let _ = write!(out, "\n### {}\n\n", heading(&entry.title));
        out.push_str(&entry.date.label());
        if let Some(summary) = entry.result.summary() {
            let _ = write!(out, " · **Result:** {}", inline(&summary));
        }
        out.push('\n');
        if entry.story.trim().is_empty() {
            out.push_str("\n_Say what your part in it was._\n");
        } else {
            out.push('\n');
            lines(&mut out, &entry.story);
        }
    }

    out.push_str("\n## Leadership and mentoring\n\n");
    if packet.leadership.is_empty() {
        out.push_str("_No leadership or mentoring logged in this period._\n");
    }
    for entry in &packet.leadership {
        let _ = write!(
            out,
            "- **{}** ({}, {})",
            heading(&entry.title),
            entry.kind.label(),
            entry.date.label()
        );
        if let Some(summary) = entry.result.summary() {
            let _ = write!(out, ": {}", inline(&summary));
        }
        out.push('\n');
    }

    out.push_str("\n## Where I am still growing\n\n");
    if packet.areas.is_empty() {
        let _ = writeln!(
            out,
            "_{} has no criteria in this track._",
            heading(&packet.level)
        );
    } else if packet.gaps.is_empty() {
        let _ = writeln!(
            out,
            "Every criterion of {} has at least one entry in this period.",
            heading(&packet.level)
        );
    }
    for gap in &packet.gaps {
        let _ = write!(
            out,
            "- {} ({})",
            paragraph(&gap.criterion.text),
            inline(&gap.area.name)
        );
        if gap.goals.is_empty() {
            out.push_str(": no goal in the plan for it yet.\n");
            continue;
        }
        out.push('\n');
        for goal in &gap.goals {
            let _ = write!(out, "  - My plan: {}", inline(goal.title()));
            if let Some(due) = goal.due {
                let _ = write!(out, ", due {}", due.label());
            }
            out.push('\n');
        }
    }
    out
}

/// One area's section of the packet.
fn area_section(out: &mut String, case: &AreaCase) {
    let _ = write!(out, "\n## {}\n\n", heading(&case.area.name));
    if case.line.trim().is_empty() {
        out.push_str("_Add a line on this area in your own words._\n");
    } else {
        lines(out, case.line);
    }
    for c in &case.criteria {
        let _ = write!(out, "\n### {}\n\n", heading(&c.criterion.text));
        if c.entries.is_empty() {
            out.push_str("_Nothing logged for it in this period._\n");
        }
        for entry in &c.entries {
            let _ = write!(
                out,
                "- **{}**, {}",
                heading(&entry.title),
                entry.date.label()
            );
            let people = confirmers(entry);
            match entry.result.summary() {
                Some(summary) if people.is_empty() => {
                    let _ = write!(out, ": {}", inline(&summary));
                }
                Some(summary) => {
                    let _ = write!(out, ": {}", sentence(inline(&summary)));
                }
                None if people.is_empty() => {}
                None => out.push('.'),
            }
            if !people.is_empty() {
                let _ = write!(out, " Confirm with: {}", people.join(", "));
            }
            out.push('\n');
            for link in entry.links.iter().filter(|link| !link.trim().is_empty()) {
                let _ = writeln!(out, "  - {}", link_text(link));
            }
        }
        if c.linked > c.entries.len() {
            let _ = writeln!(out, "- And {} more in the log.", c.linked - c.entries.len());
        }
        if !c.written.is_empty() {
            let _ = write!(out, "\n**In my words:** {}\n", inline(&c.written));
        }
    }
}

/// `text` ending as a sentence: with a full stop, unless it already ends
/// with one, a question or an exclamation mark.
fn sentence(mut text: String) -> String {
    if !text.ends_with(['.', '?', '!', '…']) {
        text.push('.');
    }
    text
}

/// Each line of `text` that is not blank, as a paragraph of its own.
fn lines(out: &mut String, text: &str) {
    let mut first = true;
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        if !first {
            out.push('\n');
        }
        first = false;
        let _ = writeln!(out, "{}", paragraph(line));
    }
}

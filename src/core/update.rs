//! Visibility updates: a short note to the user's manager or team, every
//! week or two, on what was shipped, which numbers moved, what comes next
//! and where help is needed. It is drafted from the accomplishment log and
//! the plan; the user edits it before sending, and notes the day it went
//! (see [`Updates`](super::evidence::Updates)).
//!
//! The draft only reads, and copes with any log and plan.

use std::collections::HashMap;
use std::fmt::Write;

use super::evidence::{heading, newest_first, Entry, Log, Outcome};
use super::markdown::{inline, paragraph};
use super::packet::Period;
use super::plan::{Goal, Milestone, Plan, Status, WeekItem};
use super::rubric::Rubric;
use super::time::Date;

/// How many days ahead the milestones due next are looked for.
pub const AHEAD: i32 = 14;

/// The draft of an update (see [`draft`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Update<'a> {
    /// The days it covers.
    pub period: Period,
    /// Every entry of the period, newest first.
    pub shipped: Vec<Shipped<'a>>,
    /// The entries of the period whose result is a number that moved,
    /// newest first.
    pub moved: Vec<&'a Entry>,
    /// The weekly goals still open this week and next, then the
    /// milestones of active goals due within [`AHEAD`] days.
    pub next: Vec<Next<'a>>,
    /// The weekly goals of the period reviewed as not done.
    pub help: Vec<Stuck<'a>>,
}

/// An entry of the period, with the names of the rubric areas it proves.
#[derive(Clone, Debug, PartialEq)]
pub struct Shipped<'a> {
    pub entry: &'a Entry,
    /// The names of the areas of the criteria it proves, each once, in the
    /// order of its criteria; empty without a rubric.
    pub areas: Vec<String>,
}

/// Something coming next.
#[derive(Clone, Debug, PartialEq)]
pub enum Next<'a> {
    /// A weekly goal not reviewed yet, of the week starting on `week`.
    Week { week: Date, item: &'a WeekItem },
    /// A milestone not done yet of an active goal.
    Milestone {
        goal: &'a Goal,
        milestone: &'a Milestone,
        due: Date,
    },
}

/// A weekly goal reviewed as not done, of the week starting on `week`.
#[derive(Clone, Debug, PartialEq)]
pub struct Stuck<'a> {
    pub week: Date,
    pub item: &'a WeekItem,
}

/// The days the next update covers, up to `today`: the last one or two
/// weeks, as [`Updates::weeks`](super::evidence::Updates::weeks) says, or
/// only the days since the last update was sent when that is sooner (an
/// update sent today, or on a day still to come, is not counted).
pub fn period(log: &Log, today: Date) -> Period {
    let days = 7 * i64::from(log.updates.weeks());
    let mut from = shift(today, 1 - days);
    if let Some(sent) = log.updates.last_sent.filter(|sent| *sent < today) {
        from = from.max(shift(sent, 1));
    }
    Period { from, to: today }
}

/// Drafts the update due on `today`, over [`period`]: what was shipped
/// (every entry of the period, whatever its kind, since an update is there
/// to make the work seen), the numbers that moved, what comes next from
/// the plan, and the weekly goals of the period that were not done, as
/// where help may be needed. `rubric`, when given, names the areas each
/// entry proves.
pub fn draft<'a>(log: &'a Log, plan: &'a Plan, rubric: Option<&Rubric>, today: Date) -> Update<'a> {
    let period = period(log, today);
    let mut within: Vec<&'a Entry> = log
        .entries()
        .filter(|entry| period.contains(entry.date))
        .collect();
    within.sort_by(|a, b| newest_first(a, b));
    let area_of: HashMap<&str, &str> = rubric
        .into_iter()
        .flat_map(|rubric| &rubric.tracks)
        .flat_map(|track| &track.areas)
        .flat_map(|area| {
            area.criteria
                .iter()
                .map(move |criterion| (criterion.id.as_str(), area.name.as_str()))
        })
        .collect();
    let shipped = within
        .iter()
        .map(|&entry| {
            let mut areas: Vec<String> = Vec::new();
            for name in entry
                .criteria
                .iter()
                .filter_map(|id| area_of.get(id.as_str()))
            {
                if !areas.iter().any(|known| known == name) {
                    areas.push((*name).to_owned());
                }
            }
            Shipped { entry, areas }
        })
        .collect();
    let moved = within
        .iter()
        .copied()
        .filter(|entry| matches!(entry.result, Outcome::Metric { .. }))
        .collect();

    let this_week = shift(today, -weekday(today));
    let mut next: Vec<Next<'a>> = [this_week, shift(this_week, 7)]
        .into_iter()
        .flat_map(|week| {
            plan.week(week)
                .into_iter()
                .flat_map(|w| &w.items)
                .filter(|item| item.status == Status::Open)
                .map(move |item| Next::Week { week, item })
        })
        .collect();
    let until = shift(today, i64::from(AHEAD));
    let mut milestones: Vec<(Date, &'a Goal, &'a Milestone)> = plan
        .active_goals()
        .flat_map(|goal| {
            goal.milestones.iter().filter_map(move |milestone| {
                let due = milestone.due?;
                (milestone.done.is_none() && today <= due && due <= until)
                    .then_some((due, &**goal, milestone))
            })
        })
        .collect();
    // Stable: on the same day, in the plan's order.
    milestones.sort_by_key(|(due, _, _)| *due);
    next.extend(
        milestones
            .into_iter()
            .map(|(due, goal, milestone)| Next::Milestone {
                goal,
                milestone,
                due,
            }),
    );

    let help = plan
        .weeks
        .iter()
        .filter_map(|week| Some((week.start?, week)))
        .filter(|(start, _)| *start <= period.to && shift(*start, 6) >= period.from)
        .flat_map(|(start, week)| {
            week.items
                .iter()
                .filter(|item| item.status == Status::NotDone)
                .map(move |item| Stuck { week: start, item })
        })
        .collect();
    Update {
        period,
        shipped,
        moved,
        next,
        help,
    }
}

/// Days until the next update is due on `today`: one or two weeks after
/// the last one was sent, so 0 on the day and negative once overdue.
/// `None` when no update was ever sent.
pub fn due(log: &Log, today: Date) -> Option<i32> {
    let sent = log.updates.last_sent?;
    let days = i64::from(sent.0) + 7 * i64::from(log.updates.weeks()) - i64::from(today.0);
    Some(clamp(days))
}

/// The update as Markdown, to paste into a message: the period, then
/// "Shipped", "Moved", "Next" and "Where I need help", each with a short
/// line in italics when it has nothing, for the user to fill in.
///
/// Text typed by the user goes through [`inline`], or [`paragraph`] where
/// it starts a line, so it cannot break the layout.
pub fn markdown(update: &Update) -> String {
    let mut out = format!("# Update\n\nCovers {}.\n", update.period.label());

    out.push_str("\n## Shipped\n\n");
    if update.shipped.is_empty() {
        out.push_str("_Nothing logged in this period._\n");
    }
    for shipped in &update.shipped {
        let entry = shipped.entry;
        let _ = write!(
            out,
            "- **{}** ({})",
            heading(&entry.title),
            entry.date.label()
        );
        // A number that moved is said under "Moved".
        if let (Outcome::Sentence(_), Some(summary)) = (&entry.result, entry.result.summary()) {
            let _ = write!(out, ": {}", inline(&summary));
        }
        if !shipped.areas.is_empty() {
            let names: Vec<String> = shipped.areas.iter().map(|name| inline(name)).collect();
            let _ = write!(out, " · {}", names.join(", "));
        }
        out.push('\n');
    }

    out.push_str("\n## Moved\n\n");
    if update.moved.is_empty() {
        out.push_str("_No number moved in this period._\n");
    }
    for entry in &update.moved {
        if let Some(summary) = entry.result.summary() {
            let _ = writeln!(out, "- {}: {}", paragraph(&summary), heading(&entry.title));
        }
    }

    out.push_str("\n## Next\n\n");
    if update.next.is_empty() {
        out.push_str("_Nothing planned yet: add this week's goals to the plan._\n");
    }
    let this_week = shift(update.period.to, -weekday(update.period.to));
    for next in &update.next {
        match next {
            Next::Week { week, item } => {
                let when = if *week == this_week {
                    "this week"
                } else {
                    "next week"
                };
                let _ = writeln!(out, "- {} ({when})", named(&item.text, "Untitled goal"));
            }
            Next::Milestone {
                goal,
                milestone,
                due,
            } => {
                let _ = writeln!(
                    out,
                    "- {}, due {} (towards {})",
                    named(&milestone.title, "Untitled milestone"),
                    due.label(),
                    inline(goal.title())
                );
            }
        }
    }

    out.push_str("\n## Where I need help\n\n");
    if update.help.is_empty() {
        out.push_str("_Nothing noted: add anything you are stuck on._\n");
    }
    for stuck in &update.help {
        let _ = writeln!(
            out,
            "- {} (not done in the week of {})",
            named(&stuck.item.text, "Untitled goal"),
            stuck.week.label()
        );
    }
    out
}

/// `text` as the start of a list item ([`paragraph`]), or `stand_in` when
/// it is blank.
fn named(text: &str, stand_in: &str) -> String {
    match paragraph(text) {
        text if text.is_empty() => stand_in.to_owned(),
        text => text,
    }
}

/// `date` moved by `days`, held within the dates there are.
fn shift(date: Date, days: i64) -> Date {
    Date(clamp(i64::from(date.0) + days))
}

/// `days` held within `i32`.
fn clamp(days: i64) -> i32 {
    days.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

/// 0 for a Monday up to 6 for a Sunday, for any date (1 Jan 1970 was a
/// Thursday).
fn weekday(date: Date) -> i64 {
    (i64::from(date.0) + 3).rem_euclid(7)
}

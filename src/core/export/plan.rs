//! The plan as Markdown, to share with a manager.

use std::fmt::Write;

use crate::core::counted;
use crate::core::markdown::{inline, paragraph};
use crate::core::plan::{CheckIn, Goal, Plan, Schedule, Status, Week};
use crate::core::progress::{goal_overdue, goal_percent, milestone_overdue, overall};
use crate::core::retired;
use crate::core::rubric::Rubric;
use crate::core::time::Date;

/// How many weeks of weekly goals the export shows, the most recent ones.
pub const WEEKS: usize = 8;

/// The text of the criterion with `id`, in any track, area or level, or
/// as it read when it left the built-in rubric.
pub fn criterion_text<'a>(rubric: &'a Rubric, id: &str) -> Option<&'a str> {
    rubric
        .tracks
        .iter()
        .flat_map(|track| &track.areas)
        .flat_map(|area| &area.criteria)
        .find(|criterion| criterion.id == id)
        .map(|criterion| criterion.text.as_str())
        // A criterion an earlier release of the built-in rubric had.
        .or_else(|| (rubric.id == retired::BUILT_IN).then(|| retired::text(id))?)
}

/// The plan as Markdown to share with a manager, exported on `today`.
/// `rubric` names the linked criteria (found by id in any track or level);
/// without it, or for an id it does not have, the id is shown. Every piece of
/// user text is escaped, and a section with nothing in it is left out.
pub fn markdown(plan: &Plan, rubric: Option<&Rubric>, today: Date) -> String {
    let mut out = String::from("# Development plan\n\n");
    let _ = writeln!(out, "Exported {}.", today.label());
    if let Some(target) = plan.target {
        let _ = write!(out, "\nPromotion target: {}.\n", target.label());
    }

    if plan.goals.is_empty() {
        out += "\nNo goals yet.\n";
    } else {
        let all = overall(plan);
        let _ = write!(
            out,
            "\nProgress: {}% ({} of {} done, {} of {} done).\n\n## Goals\n",
            all.percent,
            all.milestones_done,
            counted(all.milestones, "milestone", "milestones"),
            all.done,
            counted(all.goals, "goal", "goals"),
        );
        for goal in &plan.goals {
            write_goal(&mut out, goal, rubric, today);
        }
    }

    if plan.schedule.is_some() || !plan.checkins.is_empty() {
        out += "\n## Check-ins\n";
        if let Some(schedule) = &plan.schedule {
            let _ = write!(out, "\n{}\n", schedule_words(schedule, today));
        }
        for checkin in plan.checkins_newest_first() {
            write_checkin(&mut out, checkin, plan);
        }
    }

    let mut weeks: Vec<&Week> = plan
        .weeks
        .iter()
        .filter(|w| !w.items.is_empty())
        .map(|w| &**w)
        .collect();
    weeks.sort_by_key(|w| std::cmp::Reverse(w.start));
    weeks.truncate(WEEKS);
    if !weeks.is_empty() {
        out += "\n## Weekly goals\n";
        for week in weeks {
            match week.start {
                Some(start) => {
                    let _ = write!(out, "\n### Week of {}\n\n", start.label());
                }
                None => out += "\n### Undated week\n\n",
            }
            for item in &week.items {
                let (mark, note) = match item.status {
                    Status::Done => ("x", ""),
                    Status::Open => (" ", ""),
                    Status::NotDone => (" ", " (not done)"),
                    Status::Carried => (" ", " (carried over)"),
                };
                let _ = writeln!(
                    out,
                    "- [{mark}] {}{note}",
                    item_text(&item.text, "Untitled")
                );
            }
        }
    }
    out
}

fn write_goal(out: &mut String, goal: &Goal, rubric: Option<&Rubric>, today: Date) {
    let _ = write!(out, "\n### {}\n\n", heading(goal.title()));
    let status = match (goal.done, goal.due) {
        (Some(done), Some(due)) => format!("**Done** {} (due {})", done.label(), due.label()),
        (Some(done), None) => format!("**Done** {}", done.label()),
        (None, Some(due)) if goal_overdue(goal, today) => format!(
            "**Overdue** by {} (due {})",
            counted(due.days_until(today) as usize, "day", "days"),
            due.label()
        ),
        (None, Some(due)) => format!("Due {}", due.label()),
        (None, None) => "No due date".to_owned(),
    };
    let _ = write!(out, "{status} · Progress: {}%\n\n", goal_percent(goal));

    let joined = |parts: &[&str], by: &str| {
        parts
            .iter()
            .map(|part| part.trim())
            .filter(|part| !part.is_empty())
            .map(inline)
            .collect::<Vec<_>>()
            .join(by)
    };
    let range = match (goal.baseline.trim(), goal.target.trim()) {
        ("", "") => String::new(),
        (baseline, "") => format!("now {}", inline(baseline)),
        ("", target) => format!("target {}", inline(target)),
        (baseline, target) => format!("{} → {}", inline(baseline), inline(target)),
    };
    let measurable = match (goal.metric.trim(), range.as_str()) {
        (metric, "") => inline(metric),
        ("", range) => range.to_owned(),
        (metric, range) => format!("{}: {range}", inline(metric)),
    };
    let criteria: Vec<&str> = goal
        .criteria
        .iter()
        .map(|id| {
            rubric
                .and_then(|r| criterion_text(r, id))
                .unwrap_or(id.as_str())
        })
        .collect();
    let smart = [
        ("Specific", inline(&goal.outcome)),
        ("Measurable", measurable),
        ("Achievable", joined(&[&goal.support, &goal.time], "; ")),
        ("Relevant", joined(&criteria, "; ")),
        (
            "Time-bound",
            goal.due
                .map(|due| format!("by {}", due.label()))
                .unwrap_or_default(),
        ),
    ];
    for (letter, text) in smart.iter().filter(|(_, text)| !text.is_empty()) {
        let _ = writeln!(out, "- **{letter}:** {text}");
    }

    if !goal.milestones.is_empty() {
        out.push_str("\nMilestones:\n\n");
        for m in &goal.milestones {
            let mut notes = Vec::new();
            if let Some(due) = m.due {
                notes.push(format!("due {}", due.label()));
            }
            if let Some(done) = m.done {
                notes.push(format!("done {}", done.label()));
            } else if milestone_overdue(m, goal, today) {
                notes.push("overdue".to_owned());
            }
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join(", "))
            };
            let mark = if m.done.is_some() { "x" } else { " " };
            let _ = writeln!(
                out,
                "- [{mark}] {}{notes}",
                item_text(&m.title, "Untitled milestone")
            );
        }
    }
}

/// "Every 2 weeks on Tuesday at 09:30 with Dana, from 24 Nov 2026. Next: 8
/// Dec 2026."
fn schedule_words(schedule: &Schedule, today: Date) -> String {
    format!(
        "{} First: {}. Next: {}.",
        inline(&schedule.describe()),
        schedule.first().label(),
        schedule.next(today).label()
    )
}

fn write_checkin(out: &mut String, checkin: &CheckIn, plan: &Plan) {
    match checkin.date {
        Some(date) => {
            let _ = write!(out, "\n### {}\n", date.label());
        }
        None => out.push_str("\n### Undated check-in\n"),
    }
    let mut empty = true;
    for text in paragraphs(&checkin.notes) {
        let _ = write!(out, "\n{}\n", paragraph(text));
        empty = false;
    }
    if !checkin.agreed.trim().is_empty() {
        let _ = write!(out, "\nAgreed: {}\n", inline(&checkin.agreed));
        empty = false;
    }
    let followups: Vec<_> = checkin
        .followups
        .iter()
        .filter(|f| !f.text.trim().is_empty() || f.milestone.is_some())
        .collect();
    if !followups.is_empty() {
        out.push_str("\nFollow-ups:\n\n");
        for followup in followups {
            let became = match &followup.milestone {
                None => String::new(),
                Some((goal, _)) => match plan.goal(goal) {
                    Some(goal) => format!(" (now a milestone of “{}”)", inline(goal.title())),
                    None => " (now a milestone)".to_owned(),
                },
            };
            let _ = writeln!(out, "- {}{became}", item_text(&followup.text, "Untitled"));
        }
        empty = false;
    }
    if empty {
        out.push_str("\nNo notes.\n");
    }
}

/// The text of a list item, escaped so that it cannot start a block of its
/// own, or `blank` when there is none.
fn item_text(text: &str, blank: &str) -> String {
    match text.trim() {
        "" => blank.to_owned(),
        text => paragraph(text),
    }
}

/// `text` escaped for a heading: [`inline`], and a closing run of `#`,
/// which Markdown would drop, escaped too.
fn heading(text: &str) -> String {
    let mut out = inline(text);
    let hashes = out.bytes().rev().take_while(|b| *b == b'#').count();
    if hashes > 0 {
        out.insert(out.len() - hashes, '\\');
    }
    out
}

/// The paragraphs of `text`: runs of lines between blank lines.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from: Option<usize> = None;
    let mut to = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(start) = from.take() {
                out.push(&text[start..to]);
            }
        } else {
            from.get_or_insert(at);
            to = at + line.len();
        }
        at += line.len();
    }
    if let Some(start) = from {
        out.push(&text[start..to]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n \nc\r\n"), ["a\nb\n", "c\r\n"]);
        assert!(paragraphs(" \n\n").is_empty());
    }

    #[test]
    fn a_heading_keeps_its_closing_hashes() {
        assert_eq!(heading("Learn C#"), r"Learn C\#");
        assert_eq!(heading("Ship *it*"), r"Ship \*it\*");
    }
}

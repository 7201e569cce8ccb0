//! The readiness report: the self-assessment as a Markdown document written
//! to the user's manager, with the evidence and notes behind every grade.

use std::fmt::Write;

use crate::core::assessment::{Flag, Grade, Item, Rating, Report, Score};
use crate::core::counted;
use crate::core::markdown::inline;
use crate::core::rubric::Rubric;

/// What goes into the report besides the grades and evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Include {
    /// The notes written beside each grade, which the page calls notes to
    /// yourself.
    pub notes: bool,
}

impl Report {
    /// The readiness report as Markdown, dated `date`, in the first person,
    /// addressed to a manager. `rubric` is the one the report was computed
    /// from; it gives the list of every criterion with its evidence.
    ///
    /// Text from the rubric and the user always lands mid-line after fixed
    /// text, and goes through [`inline`], which collapses line breaks and
    /// backslash-escapes inline Markdown and `|`, so neither can break the
    /// layout; evidence and notes are split at their line breaks into
    /// sub-items first.
    pub fn markdown(&self, rubric: &Rubric, date: &str, include: Include) -> String {
        let current = inline(&self.current.name);
        let target = self.target.as_ref().map(|level| inline(&level.name));
        let mut out = match &target {
            Some(target) => format!("# Promotion readiness: {current} to {target}\n\n"),
            None => format!("# Readiness at {current}\n\n"),
        };
        let _ = write!(
            out,
            "Track: {} · prepared {}\n\n",
            inline(&self.track_name),
            inline(date)
        );
        out += &match &target {
            Some(target) => format!(
                "This is my self-assessment against every criterion of {current}, my current level, \
                 and {target}, the level I am working towards, with the evidence behind each grade."
            ),
            None => format!(
                "This is my self-assessment against every criterion of {current}, \
                 with the evidence behind each grade."
            ),
        };
        out += " The figures come from my own grades only; where you or a peer graded me, \
                those grades are set beside mine. I would value your view wherever you see it differently.\n";

        out += "\n## Summary\n\n";
        summary(&mut out, &current, "my current level", self.overall_current);
        if let (Some(name), Some(score)) = (&target, self.overall_target) {
            summary(&mut out, name, "the level I am aiming for", score);
        }
        self.area_table(&mut out, &current, target.as_deref());

        if target.is_some() {
            out += "\n## Where I already work at the next level\n\n";
        } else {
            out += "\n## Where I am strongest\n\n";
        }
        self.list(&mut out, &self.strengths, "Nothing yet.", include);

        out += "\n## What I am still working on\n\n";
        self.list(
            &mut out,
            &self.gaps,
            "No gaps among the criteria I have graded.",
            include,
        );
        if let (Some(name), 1..) = (&target, self.unassessed_target) {
            let _ = writeln!(
                out,
                "\nI have not graded {} of {name} yet.",
                counted(self.unassessed_target as usize, "criterion", "criteria")
            );
        }

        if !self.comparisons.is_empty() {
            out += "\n## Where we see it differently\n\n| Criterion | Me |";
            for who in &self.others {
                let _ = write!(out, " {} |", inline(who));
            }
            out += "\n| --- | --- |";
            out += &" --- |".repeat(self.others.len());
            out += "\n";
            for c in &self.comparisons {
                let _ = write!(
                    out,
                    "| **{}:** {} | {} |",
                    inline(&c.area),
                    inline(&c.text),
                    c.mine.map_or("—", Grade::label),
                );
                for given in &c.others {
                    let _ = write!(out, " {} |", given.label());
                }
                out += "\n";
            }
            let comments: Vec<String> = self
                .comparisons
                .iter()
                .flat_map(|c| {
                    self.others
                        .iter()
                        .zip(&c.others)
                        .filter(|(_, given)| !given.comment.trim().is_empty())
                        .map(move |(who, given)| {
                            format!(
                                "- {} on *{}*: {}",
                                inline(who),
                                inline(&c.text),
                                inline(&given.comment)
                            )
                        })
                })
                .collect();
            if !comments.is_empty() {
                out += "\nWhat reviewers wrote:\n\n";
                for comment in comments {
                    let _ = writeln!(out, "{comment}");
                }
            }
        }

        let questions: Vec<String> = self.flags.iter().filter_map(Flag::for_manager).collect();
        if !questions.is_empty() {
            out += "\n## What I would like to calibrate with you\n\n";
            for question in &questions {
                let _ = writeln!(out, "- {}", inline(question));
            }
        }

        self.every_criterion(&mut out, rubric, include);

        out += "\n*How the figures work: each criterion I graded counts one point. \
                \u{201c}Not yet\u{201d} earns nothing, \u{201c}sometimes\u{201d} half a point, and \
                \u{201c}consistently\u{201d} or \u{201c}beyond\u{201d} three quarters, or the full point \
                once I have written evidence. Criteria I have not graded, and those that do not apply to my role, are left out of the figures, \
                and the coverage beside each says how much of the level it rests on. Made with Rungs.*\n";
        out
    }

    /// Readiness per area at both levels, with coverage.
    fn area_table(&self, out: &mut String, current: &str, target: Option<&str>) {
        let _ = write!(out, "\n| Area | {current} |");
        if let Some(name) = target {
            let _ = write!(out, " {name} |");
        }
        out.push_str("\n| --- | --- |");
        if target.is_some() {
            out.push_str(" --- |");
        }
        let cell = |score: Score| format!("{} ({})", score.percent_label(), score.coverage());
        for area in &self.areas {
            let _ = write!(out, "\n| {} | {} |", inline(&area.name), cell(area.current));
            if let Some(score) = area.target {
                let _ = write!(out, " {} |", cell(score));
            }
        }
        out.push('\n');
    }

    /// A bulleted list of `items` with the grade, evidence and notes of
    /// each, or `empty` when there are none.
    fn list(&self, out: &mut String, items: &[Item], empty: &str, include: Include) {
        if items.is_empty() {
            let _ = writeln!(out, "{empty}");
        }
        for item in items {
            let grade = item.grade.map_or("Not graded", Grade::label);
            let _ = writeln!(
                out,
                "- **{} · {}:** {} ({grade})",
                inline(&item.area),
                inline(&item.level),
                inline(&item.text),
            );
            self.details(out, &item.criterion, include);
        }
    }

    /// The evidence and notes of one criterion as sub-items.
    fn details(&self, out: &mut String, criterion: &str, include: Include) {
        let Some(rating) = self.ratings.get(criterion) else {
            return;
        };
        lines(out, "Evidence", &rating.evidence);
        if include.notes {
            lines(out, "Note", &rating.note);
        }
    }

    /// Every criterion of both levels, area by area, with every grade,
    /// the evidence and the notes.
    fn every_criterion(&self, out: &mut String, rubric: &Rubric, include: Include) {
        let Some(track) = rubric.tracks.iter().find(|t| t.id == self.track_id) else {
            return;
        };
        out.push_str("\n## Every criterion, with my evidence\n");
        let levels = std::iter::once(&self.current).chain(self.target.as_ref());
        for level in levels {
            let _ = writeln!(out, "\n### {}\n", inline(&level.name));
            for area in &track.areas {
                let mut criteria = area.at(&level.id).peekable();
                if criteria.peek().is_none() {
                    continue;
                }
                let _ = writeln!(out, "**{}**\n", inline(&area.name));
                for criterion in criteria {
                    let rating = self.ratings.get(&criterion.id);
                    let _ = writeln!(out, "- {} — {}", inline(&criterion.text), grades(rating));
                    self.details(out, &criterion.id, include);
                }
                out.push('\n');
            }
        }
    }
}

/// One level's line of the summary: the figure and what it rests on.
fn summary(out: &mut String, name: &str, role: &str, score: Score) {
    let _ = match score.percent() {
        Some(percent) => writeln!(
            out,
            "- **{name}, {role}:** {percent}% by my own grades, over the {} of {} criteria I have graded.",
            score.graded, score.total
        ),
        None => writeln!(
            out,
            "- **{name}, {role}:** not graded yet ({} criteria).",
            score.total
        ),
    };
}

/// "Me: Consistently · Manager: Sometimes", the grades recorded.
fn grades(rating: Option<&Rating>) -> String {
    let Some(rating) = rating else {
        return "not graded".to_owned();
    };
    let mine = if rating.not_applicable {
        "does not apply to my role".to_owned()
    } else {
        format!("me: {}", rating.mine.map_or("not graded", Grade::label))
    };
    let others = [("manager", rating.manager), ("peer", rating.peer)]
        .into_iter()
        .filter_map(|(who, grade)| grade.map(|g| format!("{who}: {}", g.label())));
    std::iter::once(mine)
        .chain(others)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `text` as a sub-item headed `label`, or a nested list of its lines
/// when it has more than one; nothing when it is blank.
fn lines(out: &mut String, label: &str, text: &str) {
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    match lines.as_slice() {
        [] => {}
        [line] => {
            let _ = writeln!(out, "  - {label}: {}", inline(line));
        }
        lines => {
            let _ = writeln!(out, "  - {label}:");
            for line in lines {
                let _ = writeln!(out, "    - {}", inline(line));
            }
        }
    }
}

//! The readiness report: the self-assessment as Markdown, for the user's
//! manager.

use std::fmt::Write;

use crate::core::assessment::{current_verdict, target_verdict, Grade, Item, Report, Score};
use crate::core::counted;
use crate::core::markdown::inline;

impl Report {
    /// The readiness report as Markdown, dated `date`. Text from the rubric
    /// and the caller always lands mid-line after fixed text, and is passed
    /// through an escape that collapses line breaks and backslash-escapes
    /// inline Markdown and `|`, so an imported rubric cannot break the
    /// layout.
    pub fn markdown(&self, date: &str) -> String {
        let mut out = String::from("# Promotion readiness\n\n");
        let current = inline(&self.current.name);
        let target = self.target.as_ref().map(|level| inline(&level.name));
        let levels = match &target {
            Some(target) => format!("{current} → {target}"),
            None => format!("{current}, the top level"),
        };
        let _ = write!(
            out,
            "Date: {} · Track: {} · Level: {levels}\n\n",
            inline(date),
            inline(&self.track_name),
        );

        let overall = |label: &str, score: Score, verdict: fn(u8) -> &'static str| {
            format!(
                "- **{label}:** {}% — {} ({} of {} criteria graded)\n",
                score.percent(),
                verdict(score.percent()),
                score.graded,
                score.total
            )
        };
        out += &overall(
            &format!("Current level, {current}"),
            self.overall_current,
            current_verdict,
        );
        if let (Some(name), Some(score)) = (&target, self.overall_target) {
            out += &overall(&format!("Target level, {name}"), score, target_verdict);
        }

        let _ = write!(out, "\n| Area | {current} |");
        if let Some(name) = &target {
            let _ = write!(out, " {name} |");
        }
        out += "\n| --- | ---: |";
        if target.is_some() {
            out += " ---: |";
        }
        for area in &self.areas {
            let _ = write!(
                out,
                "\n| {} | {}% |",
                inline(&area.name),
                area.current.percent()
            );
            if let Some(score) = area.target {
                let _ = write!(out, " {}% |", score.percent());
            }
        }

        out += "\n\n## Gaps\n\n";
        list(&mut out, &self.gaps, "None recorded.", |item| {
            item.grade.map_or("Not graded", Grade::label).to_owned()
        });
        if let (Some(name), 1..) = (&target, self.unassessed_target) {
            let _ = writeln!(
                out,
                "\n{} of {name} not graded yet.",
                counted(self.unassessed_target as usize, "criterion", "criteria")
            );
        }

        out += "\n## Strengths\n\n";
        list(&mut out, &self.strengths, "None recorded yet.", |item| {
            let grade = item.grade.map_or("Not graded", Grade::label);
            format!("{grade} at {}", inline(&item.level))
        });

        out += "\n## Honesty check\n\n";
        if self.flags.is_empty() {
            out += "Nothing was flagged.\n";
        }
        for flag in &self.flags {
            let _ = writeln!(out, "- {}", inline(&flag.message()));
        }

        if !self.comparisons.is_empty() {
            out += "\n## Where others see it differently\n\n| Criterion | You | Manager | Peer |\n| --- | --- | --- | --- |\n";
            let cell = |grade: Option<Grade>| grade.map_or("—", Grade::label);
            for c in &self.comparisons {
                let _ = writeln!(
                    out,
                    "| **{}:** {} | {} | {} | {} |",
                    inline(&c.area),
                    inline(&c.text),
                    cell(c.mine),
                    cell(c.manager),
                    cell(c.peer)
                );
            }
        }

        out += "\n*Readiness counts your own grades only: \u{201c}sometimes\u{201d} earns half a criterion, \
                \u{201c}consistently\u{201d} or \u{201c}beyond\u{201d} three quarters and the whole criterion once evidence is written, \
                and criteria not graded earn nothing.*\n";
        out
    }
}

/// A bulleted list of `items`, or `empty` when there are none; `detail`
/// gives the words in brackets after each.
fn list(out: &mut String, items: &[Item], empty: &str, detail: fn(&Item) -> String) {
    if items.is_empty() {
        let _ = writeln!(out, "{empty}");
    }
    for item in items {
        let _ = writeln!(
            out,
            "- **{}** — {} ({})",
            inline(&item.area),
            inline(&item.text),
            detail(item)
        );
    }
}

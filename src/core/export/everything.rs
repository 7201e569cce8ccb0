//! Everything the user keeps, as one readable Markdown file.

use std::fmt::Write as _;

use super::glossary::markdown as glossary_markdown;
use super::readiness::Include;
use crate::core::rubric::Rubric;
use crate::core::schema::Document;
use crate::core::time::Date;

/// Everything as one readable Markdown file: the readiness report (when
/// `rubric` is here and something was graded), the plan and the user's own
/// terms.
pub fn markdown(document: &Document, rubric: Option<&Rubric>, today: Date) -> String {
    let mut out = String::from("# Everything in Rungs\n\n");
    let _ = writeln!(out, "Exported {}.", today.label());
    let report = rubric.and_then(|rubric| {
        Some((
            rubric,
            document
                .assessment
                .report(rubric, document.evidence.value())?,
        ))
    });
    match report {
        Some((rubric, report)) => section(
            &mut out,
            &report.markdown(rubric, &today.label(), Include { notes: true }),
        ),
        None => section(&mut out, "# Promotion readiness\n\nNo assessment yet.\n"),
    }
    section(
        &mut out,
        &super::plan::markdown(&document.plan, rubric, today),
    );
    let terms: Vec<_> = document.vocabulary.terms.iter().collect();
    section(
        &mut out,
        &glossary_markdown("Your own terms", &terms, &terms, &document.vocabulary),
    );
    out
}

/// Appends `markdown` one heading level down.
fn section(out: &mut String, markdown: &str) {
    out.push('\n');
    for line in markdown.lines() {
        if line.starts_with('#') {
            out.push('#');
        }
        out.push_str(line);
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::{Goal, PlanEdit};

    #[test]
    fn the_markdown_of_everything_has_each_section_a_level_down() {
        let mut document = Document::default();
        document.apply(PlanEdit::SaveGoal(Goal {
            id: "g1".into(),
            outcome: "Goal g1".into(),
            ..Goal::default()
        }));
        let markdown = markdown(&document, None, Date::parse("2026-11-30").unwrap());
        assert!(markdown.starts_with("# Everything in Rungs\n"));
        assert!(markdown.contains("\n## Promotion readiness\n"));
        assert!(markdown.contains("\n## Development plan\n"));
        assert!(markdown.contains("Goal g1"));
        assert!(markdown.contains("\n## Your own terms\n"));
    }
}

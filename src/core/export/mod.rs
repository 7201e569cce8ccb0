//! Everything Rungs writes for reading outside it: the readiness report,
//! the glossary and the plan as Markdown, the plan as a calendar, all of it
//! in one Markdown file; and the name each file is given. (The data file
//! that imports again is `transfer`'s.)

pub mod everything;
pub mod glossary;
pub mod ics;
pub mod plan;
pub mod readiness;

use super::time::Date;

/// The name of a file exported on `today`: `file_name("rungs-plan", today,
/// "md")` is "rungs-plan-2026-11-21.md".
pub fn file_name(stem: &str, today: Date, extension: &str) -> String {
    format!("{stem}-{}.{extension}", today.iso())
}

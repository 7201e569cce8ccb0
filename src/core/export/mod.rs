//! Everything Rungs writes for use outside it: the plan as Markdown and as
//! a calendar, and the name each file is given.

pub mod ics;
pub mod plan;

use super::time::Date;

/// The name of a file exported on `today`: `file_name("rungs-plan", today,
/// "md")` is "rungs-plan-2026-11-21.md".
pub fn file_name(stem: &str, today: Date, extension: &str) -> String {
    format!("{stem}-{}.{extension}", today.iso())
}

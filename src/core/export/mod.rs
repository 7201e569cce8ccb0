//! The pages' exports for use outside Rungs: the glossary as Markdown, and
//! the plan as Markdown and as a calendar. (The readiness report writes its
//! own Markdown, in `assessment`; a copy of all the data is `transfer`'s.)

pub mod glossary;
pub mod ics;
pub mod plan;

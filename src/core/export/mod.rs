//! Exports of the plan for use outside Rungs.

pub mod ics;
pub mod plan;

//! The criteria the built-in rubric (`src/content/rubric.toml`) has
//! dropped since it was first released, each with the words it had when
//! it left.
//!
//! The app carries only its own release of the built-in rubric. Without
//! this list, grades, notes and goals given to a criterion an earlier
//! release had would stay in the assessment but be shown nowhere, and what
//! the criterion said would be lost. Listed here, such a criterion shows
//! under "No longer in the rubric" for as long as something is kept on it,
//! and what is kept there can be moved to a criterion of this release or
//! deleted, as for a user's ladder (see [`super::ladder::no_longer`]).
//!
//! A criterion whose meaning changes gets a new id in the rubric, and its
//! old id and text are added here. An id listed here is never used again;
//! `tests/content.rs` checks that none is back in the rubric.

/// The id of the built-in rubric.
pub const BUILT_IN: &str = "rungs-default";

/// Each criterion the built-in rubric dropped: its id (which names its
/// track, area and level), then its text as it read when it left.
pub const RETIRED: &[(&str, &str)] = &[
    // Dropped in the content review that made every criterion gradable at
    // promotion time and counted once.
    (
        "software.craft.principal.industry-practice",
        "Advances engineering practice beyond the company through open-source work, publications or standards bodies.",
    ),
    (
        "software.scope.senior.handles-change",
        "Keeps projects on course when requirements change midway by revising the plan and telling stakeholders the impact.",
    ),
    (
        "software.scope.staff.unseen-opportunities",
        "Identifies technical risks or opportunities the organization has not noticed yet and builds the case to act on them.",
    ),
    (
        "software.scope.principal.multi-year-view",
        "Anticipates how shifts in technology and the business will affect the company over several years and prepares engineering for them.",
    ),
    (
        "software.leadership.e2.leads-feature-decisions",
        "Makes the technical decisions within a feature and explains the reasoning to the team.",
    ),
    (
        "software.leadership.senior.team-first",
        "Picks up unglamorous work that unblocks the team, such as fixing the build or onboarding, ahead of personal projects.",
    ),
    (
        "software.leadership.principal.engineering-culture",
        "Shapes the company's engineering culture, such as how technical decisions are made, written down and revisited.",
    ),
    (
        "software.leadership.principal.defines-ladder",
        "Defines what technical leadership means at the company, including the career ladder and the staff-plus roles.",
    ),
    (
        "software.communication.e2.design-notes",
        "Writes short design notes for features that teammates can review and refer back to.",
    ),
    (
        "software.communication.senior.design-docs",
        "Writes design docs for team projects that circulate beyond the team and lead to clear decisions.",
    ),
    (
        "software.communication.staff.strategy-docs",
        "Writes technical strategy or architecture docs that several teams read and cite in their own plans.",
    ),
    (
        "software.communication.principal.external-voice",
        "Speaks or publishes externally in ways that build the company's engineering reputation and help hiring.",
    ),
    (
        "software.communication.principal.defining-documents",
        "Writes the documents that frame company-wide technical decisions and stay reference points for years.",
    ),
    (
        "software.impact.senior.prioritizes-by-impact",
        "Chooses projects by expected impact and can explain why lower-value work was deferred.",
    ),
    (
        "software.impact.staff.prevents-costly-mistakes",
        "Prevents costly mistakes across teams by spotting flawed plans early and redirecting them.",
    ),
    (
        "software.impact.principal.industry-influence",
        "Influences engineering practices or tools used across the industry, beyond the company's own products.",
    ),
    (
        "devops.craft.principal.community-contribution",
        "Contributes to infrastructure open source, standards or the SRE community in ways that practitioners elsewhere adopt.",
    ),
    (
        "devops.scope.principal.long-range-view",
        "Anticipates how changes in technology, regulation or scale will affect the company's infrastructure over several years.",
    ),
    (
        "devops.collaboration.senior.slo-agreements",
        "Agrees SLOs and error-budget policy with application team leads and plans reliability work with them.",
    ),
    (
        "devops.leadership.principal.operations-culture",
        "Shapes the company's operations culture, including blameless learning from failure and shared ownership of production.",
    ),
    (
        "devops.leadership.principal.defines-ladder",
        "Defines what senior SRE and platform leadership means at the company, including the career ladder for those roles.",
    ),
    (
        "devops.communication.senior.design-docs",
        "Writes design docs for infrastructure projects that circulate beyond the team and lead to clear decisions.",
    ),
    (
        "devops.communication.staff.reference-architecture",
        "Writes platform strategy or reference architecture docs that several teams read and follow.",
    ),
    (
        "devops.communication.principal.external-voice",
        "Speaks or publishes externally on SRE and platform topics in ways that build the company's engineering reputation.",
    ),
    (
        "devops.communication.principal.defining-documents",
        "Writes the documents that frame company-wide infrastructure decisions and stay reference points for years.",
    ),
    (
        "devops.impact.e2.cuts-toil",
        "Automates a recurring toil task in the team's area and reports the hours saved per month.",
    ),
    (
        "devops.impact.senior.prioritizes-by-impact",
        "Chooses projects by expected effect on reliability, speed or cost, and can explain why other work was deferred.",
    ),
    (
        "devops.impact.principal.industry-influence",
        "Influences SRE or platform practices used across the industry, beyond the company's own systems.",
    ),
];

/// What the retired criterion `id` of the built-in rubric said, if it is
/// one.
pub fn text(id: &str) -> Option<&'static str> {
    RETIRED
        .iter()
        .find(|(retired, _)| *retired == id)
        .map(|(_, text)| *text)
}

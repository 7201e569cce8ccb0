//! The short path a newcomer follows, and how far along it they are:
//! grade yourself, turn the gaps into goals, back the grades with evidence.

use super::assessment::{Assessment, Perspective, Report};
use super::counted;
use super::evidence::Log;
use super::plan::Plan;

/// One step of the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Grade yourself against your level and the next.
    Assess,
    /// Turn the gaps into goals in the plan.
    Plan,
    /// Write down what shows each grade you claim.
    Evidence,
}

impl Step {
    /// Every step, in the order to take them.
    pub const ALL: [Step; 3] = [Step::Assess, Step::Plan, Step::Evidence];

    /// The step in a few words.
    pub fn title(self) -> &'static str {
        match self {
            Step::Assess => "Grade yourself against your level and the next",
            Step::Plan => "Turn your biggest gaps into goals",
            Step::Evidence => "Back your grades with evidence",
        }
    }

    /// What to press to take the step.
    pub fn action(self, state: State) -> &'static str {
        match (self, state) {
            (Step::Assess, State::ToDo) => "Start your self-assessment",
            (Step::Assess, _) => "Continue grading",
            (Step::Plan, State::ToDo) => "Write your first goal",
            (Step::Plan, _) => "Open your plan",
            (Step::Evidence, _) => "Add evidence to your grades",
        }
    }
}

/// How far a step has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    ToDo,
    Started,
    Done,
}

/// Where one step stands, with a line saying why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub step: Step,
    pub state: State,
    pub detail: String,
}

/// Every step with where it stands. `report` is the assessment's report,
/// None while no level is chosen (or the rubric is not loaded). A top
/// grade is backed by written evidence or an entry of `log` linked to it.
pub fn path(
    assessment: &Assessment,
    report: Option<&Report>,
    plan: &Plan,
    log: &Log,
) -> [Progress; 3] {
    let assess = match report {
        None => (State::ToDo, "Not started.".to_owned()),
        Some(report) => {
            let scores = std::iter::once(report.overall_current).chain(report.overall_target);
            let (graded, total, enough) = scores.fold((0, 0, true), |(g, t, e), s| {
                (g + s.graded, t + s.total, e && s.left_for_verdict() == 0)
            });
            let state = match (graded, enough) {
                (_, true) => State::Done,
                (0, _) => State::ToDo,
                _ => State::Started,
            };
            (state, format!("{graded} of {total} criteria graded."))
        }
    };
    let goals = plan.goals.len();
    let plan = match (goals, report.map_or(0, |r| r.gaps.len())) {
        (0, 0) => (State::ToDo, "No goals yet.".to_owned()),
        (0, gaps) => (
            State::ToDo,
            format!(
                "No goals yet; {} to choose from.",
                counted(gaps, "gap", "gaps")
            ),
        ),
        (goals, _) => (
            State::Done,
            format!("{} in your plan.", counted(goals, "goal", "goals")),
        ),
    };
    let linked = log.count_by_criterion();
    let top = assessment
        .ratings
        .iter()
        .filter(|(_, r)| r.grade(Perspective::Mine).is_some_and(|g| g.meets()));
    let (claimed, backed) = top.fold((0, 0), |(c, b), (id, r)| {
        let backed = r.has_evidence() || linked.contains_key(id.as_str());
        (c + 1, b + usize::from(backed))
    });
    let evidence = match (claimed, backed) {
        (0, _) => (
            State::ToDo,
            "Nothing to back yet: grades of \u{201c}consistently\u{201d} or better need it."
                .to_owned(),
        ),
        (1, 1) => (State::Done, "Evidence behind your top grade.".to_owned()),
        (c, b) if b == c => (
            State::Done,
            format!("Evidence behind all {c} of your top grades."),
        ),
        (c, b) => (
            if b == 0 { State::ToDo } else { State::Started },
            format!(
                "{} still without evidence.",
                counted(c - b, "top grade", "top grades")
            ),
        ),
    };
    [
        (Step::Assess, assess),
        (Step::Plan, plan),
        (Step::Evidence, evidence),
    ]
    .map(|(step, (state, detail))| Progress {
        step,
        state,
        detail,
    })
}

/// The first step not done yet, the one to suggest.
pub fn next(path: &[Progress]) -> Option<Step> {
    path.iter().find(|p| p.state != State::Done).map(|p| p.step)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::assessment::{Edit, Grade, Perspective};
    use crate::core::evidence::{Entry, LogEdit};
    use crate::core::plan::Goal;
    use crate::core::rubric::Rubric;
    use crate::core::time::Date;

    fn rubric() -> Rubric {
        toml::from_str(include_str!("../content/rubric.toml")).unwrap()
    }

    fn states(path: &[Progress]) -> Vec<State> {
        path.iter().map(|p| p.state).collect()
    }

    #[test]
    fn a_newcomer_starts_with_the_assessment() {
        let path = path(
            &Assessment::default(),
            None,
            &Plan::default(),
            &Log::default(),
        );
        assert_eq!(states(&path), [State::ToDo; 3]);
        assert_eq!(next(&path), Some(Step::Assess));
        assert_eq!(
            Step::Assess.action(State::ToDo),
            "Start your self-assessment"
        );
    }

    #[test]
    fn each_step_is_done_by_what_it_asks_for() {
        let rubric = rubric();
        let mut assessment = Assessment::default();
        assessment.apply(Edit::Current("e2".into()));
        let selection = assessment.selection(&rubric).unwrap();
        let ids: Vec<String> = selection
            .levels()
            .flat_map(|level| selection.track.areas.iter().flat_map(|a| a.at(&level.id)))
            .map(|c| c.id.clone())
            .collect();
        let grade = |a: &mut Assessment, id: &str, grade| {
            a.apply(Edit::Grade {
                criterion: id.into(),
                perspective: Perspective::Mine,
                grade: Some(grade),
            });
        };
        grade(&mut assessment, &ids[0], Grade::Consistently);
        grade(&mut assessment, &ids[1], Grade::NotYet);
        let report = assessment.report(&rubric, &Log::default()).unwrap();
        let plan = Plan::default();
        let now = path(&assessment, Some(&report), &plan, &Log::default());
        assert_eq!(states(&now), [State::Started, State::ToDo, State::ToDo]);
        assert_eq!(
            now[0].detail,
            format!("2 of {} criteria graded.", ids.len())
        );
        assert_eq!(now[2].detail, "1 top grade still without evidence.");
        // An entry of the log linked to the criterion backs it too.
        let mut log = Log::default();
        let mut entry = Entry::quick("e1", "Led the migration", Date(0));
        entry.criteria.push(ids[0].clone());
        log.apply(LogEdit::Add(entry));
        let backed = path(&assessment, Some(&report), &plan, &log);
        assert_eq!(backed[2].detail, "Evidence behind your top grade.");

        // Three quarters of each level graded is done.
        for id in &ids {
            grade(&mut assessment, id, Grade::Sometimes);
        }
        grade(&mut assessment, &ids[0], Grade::Beyond);
        assessment.apply(Edit::Evidence {
            criterion: ids[0].clone(),
            text: "Led the migration.".into(),
        });
        let report = assessment.report(&rubric, &Log::default()).unwrap();
        let mut plan = Plan::default();
        plan.goals.push(Goal::default().into());
        let done = path(&assessment, Some(&report), &plan, &Log::default());
        assert_eq!(states(&done), [State::Done; 3]);
        assert_eq!(done[1].detail, "1 goal in your plan.");
        assert_eq!(done[2].detail, "Evidence behind your top grade.");
        assert_eq!(next(&done), None);
    }
}

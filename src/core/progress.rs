//! How far the plan has come, computed from it: whole percentages, what is
//! overdue, and the geometry of the timeline the UI draws as SVG. Integer
//! arithmetic only (no floats in the wasm build).

use super::counted;
use super::plan::{Goal, Milestone, Plan};
use super::time::Date;

/// `part` of `whole` as a whole percentage, rounded half up; 0 of nothing.
fn percent(part: usize, whole: usize) -> u8 {
    if whole == 0 {
        return 0;
    }
    let part = part.min(whole);
    // part / whole * 100 + 1/2, floored: (200 part + whole) / (2 whole).
    ((200 * part + whole) / (2 * whole)) as u8
}

/// A whole percentage: 100 once the goal is done, otherwise the share of its
/// milestones done (rounded half up), and 0 while it has no milestones.
pub fn goal_percent(goal: &Goal) -> u8 {
    if goal.done.is_some() {
        return 100;
    }
    percent(goal.milestones_done(), goal.milestones.len())
}

/// The plan's progress as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overall {
    /// The mean of [`goal_percent`] over all goals, each goal weighing the
    /// same, rounded half up; 0 with no goals.
    pub percent: u8,
    pub goals: usize,
    /// Goals done.
    pub done: usize,
    /// Milestones of all goals, and how many of them are ticked off.
    pub milestones: usize,
    pub milestones_done: usize,
}

impl Overall {
    /// "Goals done: 1 of 3. Milestones done: 4 of 9."
    pub fn counts(&self) -> String {
        format!(
            "Goals done: {} of {}. Milestones done: {} of {}.",
            self.done, self.goals, self.milestones_done, self.milestones
        )
    }
}

pub fn overall(plan: &Plan) -> Overall {
    let sum: usize = plan
        .goals
        .iter()
        .map(|g| usize::from(goal_percent(g)))
        .sum();
    let goals = plan.goals.len();
    let milestones = plan.goals.iter().map(|g| g.milestones.len()).sum();
    let milestones_done = plan.goals.iter().map(|g| g.milestones_done()).sum();
    Overall {
        // The mean of percentages is `sum / goals` percent of 100.
        percent: if goals == 0 {
            0
        } else {
            ((2 * sum + goals) / (2 * goals)) as u8
        },
        goals,
        done: plan.goals.iter().filter(|g| g.done.is_some()).count(),
        milestones,
        milestones_done,
    }
}

/// Something past its due date and not done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overdue {
    /// The goal's id, or the id of the goal the milestone belongs to.
    pub goal: String,
    /// The milestone's id, when it is a milestone that is overdue.
    pub milestone: Option<String>,
    /// The goal's title, or the milestone's own title.
    pub title: String,
    pub due: Date,
    /// Days late, at least 1.
    pub days: i32,
}

/// Whether `goal` is active and its due date has passed (due today is not
/// overdue yet).
pub fn goal_overdue(goal: &Goal, today: Date) -> bool {
    goal.is_active() && goal.due.is_some_and(|due| due < today)
}

/// Whether milestone `m` of `goal` is not done, its due date has passed and
/// `goal` is still active (a finished goal has nothing overdue).
pub fn milestone_overdue(m: &Milestone, goal: &Goal, today: Date) -> bool {
    goal.is_active() && m.done.is_none() && m.due.is_some_and(|due| due < today)
}

/// Every overdue goal and milestone, the most days late first, then in plan
/// order (each goal before its own milestones).
pub fn overdue(plan: &Plan, today: Date) -> Vec<Overdue> {
    let mut out = Vec::new();
    for goal in &plan.goals {
        if let (true, Some(due)) = (goal_overdue(goal, today), goal.due) {
            out.push(Overdue {
                goal: goal.id.clone(),
                milestone: None,
                title: goal.title().to_owned(),
                due,
                days: due.days_until(today),
            });
        }
        for m in &goal.milestones {
            if let (true, Some(due)) = (milestone_overdue(m, goal, today), m.due) {
                out.push(Overdue {
                    goal: goal.id.clone(),
                    milestone: Some(m.id.clone()),
                    title: m.title.clone(),
                    due,
                    days: due.days_until(today),
                });
            }
        }
    }
    // Stable: ties stay in plan order.
    out.sort_by_key(|o| std::cmp::Reverse(o.days));
    out
}

/// The timeline's x runs from 0 (its start) to `WIDTH` (its end), in SVG
/// user units.
pub const WIDTH: i32 = 1000;

/// How far ahead of today the timeline reaches at least, in days.
const AHEAD: i32 = 28;

/// The timeline of the plan, as numbers the UI turns into SVG elements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub start: Date,
    pub end: Date,
    /// The x of today (always within the span, which includes today).
    pub today: Option<i32>,
    /// The x of the promotion target, when set and within the span (a target
    /// already past may lie before the span's start).
    pub target: Option<i32>,
    pub ticks: Vec<Tick>,
    /// One row per goal, in plan order.
    pub rows: Vec<Row>,
    /// The timeline in one sentence, for screen readers.
    pub summary: String,
}

/// A mark on the axis at the first of a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub x: i32,
    /// "Dec", or "Jan 2027" at the first tick and at each January.
    pub label: String,
}

/// A goal's bar, from `x1` to `x2` (`x1 <= x2`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub goal: String,
    pub title: String,
    pub x1: i32,
    pub x2: i32,
    pub percent: u8,
    pub overdue: bool,
    /// The goal's milestones that have a due date, by due date (ties in plan
    /// order); milestones without one are not on the timeline.
    pub marks: Vec<Mark>,
}

/// A milestone on its goal's bar, at its due date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub milestone: String,
    pub x: i32,
    pub title: String,
    pub due: Date,
    pub state: MarkState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkState {
    Done,
    Open,
    Overdue,
}

/// The timeline of `plan` as seen on `today`; `None` when there are no
/// goals.
///
/// The span starts at the earliest of today, the goals' `started` dates and
/// every due date (goals' and milestones'), and ends at the latest of the
/// promotion target, every due date and four weeks after today.
///
/// A row runs from the goal's `started` date to its due date. Without a due
/// date it runs to its done date if it is done, otherwise to the span's end.
/// Without a `started` date, a goal whose due date has passed (overdue, or
/// finished late) starts at the span's start, so that its bar reaches up to
/// the missed date instead of running backwards; any other goal starts at the
/// earliest of today and its milestones' due dates, so that its bar covers
/// its marks.
pub fn timeline(plan: &Plan, today: Date) -> Option<Timeline> {
    if plan.goals.is_empty() {
        return None;
    }
    let dues = || {
        plan.goals.iter().flat_map(|g| {
            g.due
                .into_iter()
                .chain(g.milestones.iter().filter_map(|m| m.due))
        })
    };
    let start = dues()
        .chain(plan.goals.iter().filter_map(|g| g.started))
        .fold(today, Date::min);
    let end = dues()
        .chain(plan.target)
        .fold(today.plus_days(AHEAD), Date::max);
    let length = i64::from(start.days_until(end));
    let x = |date: Date| -> i32 {
        let days = i64::from(start.days_until(date)).clamp(0, length);
        (days * i64::from(WIDTH) / length) as i32
    };
    let within = |date: Date| start <= date && date <= end;

    let rows = plan
        .goals
        .iter()
        .map(|goal| {
            let from = goal.started.unwrap_or_else(|| match goal.due {
                Some(due) if due < today => start,
                _ => goal
                    .milestones
                    .iter()
                    .filter_map(|m| m.due)
                    .fold(today, Date::min),
            });
            let to = goal.due.or(goal.done).unwrap_or(end);
            let mut marks: Vec<Mark> = goal
                .milestones
                .iter()
                .filter_map(|m| {
                    let due = m.due?;
                    let state = if m.done.is_some() {
                        MarkState::Done
                    } else if milestone_overdue(m, goal, today) {
                        MarkState::Overdue
                    } else {
                        MarkState::Open
                    };
                    Some(Mark {
                        milestone: m.id.clone(),
                        x: x(due),
                        title: m.title.clone(),
                        due,
                        state,
                    })
                })
                .collect();
            marks.sort_by_key(|m| m.due);
            Row {
                goal: goal.id.clone(),
                title: goal.title().to_owned(),
                x1: x(from.min(to)),
                x2: x(from.max(to)),
                percent: goal_percent(goal),
                overdue: goal_overdue(goal, today),
                marks,
            }
        })
        .collect::<Vec<_>>();

    let (dates, step) = ticks(start, end);
    let ticks = dates
        .into_iter()
        .enumerate()
        .map(|(i, date)| {
            let (year, month, _) = date.ymd();
            let short = date.short_label(); // "1 Dec"
            let name = &short[2..];
            Tick {
                x: x(date),
                label: if step >= 12 {
                    year.to_string()
                } else if i == 0 || month == 1 {
                    format!("{name} {year}")
                } else {
                    name.to_owned()
                },
            }
        })
        .collect();

    let marks: usize = rows.iter().map(|row| row.marks.len()).sum();
    let late = overdue(plan, today).len();
    let mut summary = format!(
        "From {} to {}: {}, {}, {}.",
        start.label(),
        end.label(),
        counted(rows.len(), "goal", "goals"),
        counted(marks, "milestone", "milestones"),
        match late {
            0 => "none overdue".to_owned(),
            n => format!("{n} overdue"),
        }
    );
    if let Some(target) = plan.target {
        summary += &format!(" Promotion target {}.", target.label());
    }

    Some(Timeline {
        start,
        end,
        today: within(today).then(|| x(today)),
        target: plan.target.filter(|t| within(*t)).map(x),
        ticks,
        rows,
        summary,
    })
}

/// The most ticks the timeline's axis has, whatever its span.
pub const MAX_TICKS: usize = 24;

/// The ticks of the axis from `start` to `end`, both included, and the
/// months between them: the first of every month when the span is twelve
/// months or less; otherwise of every third month (January, April, July,
/// October), or, when that gives more than [`MAX_TICKS`], of January every
/// 1, 2, 5, 10, 20, 50… years, the fewest that give at most that many.
fn ticks(start: Date, end: Date) -> (Vec<Date>, i64) {
    // Months since the start of year 0.
    let month = |(year, month, _): (i64, u32, u32)| year * 12 + i64::from(month) - 1;
    let (sy, sm, sd) = start.ymd();
    let first = month((sy, sm, sd)) + i64::from(sd != 1);
    let last = month(end.ymd());
    let mut step: i64 = if end.ymd() > (sy + 1, sm, sd) { 3 } else { 1 };
    let aligned = |step: i64| first + (-first).rem_euclid(step);
    while (last - aligned(step)).div_euclid(step) + 1 > MAX_TICKS as i64 {
        step = match step {
            1 => 3,
            3 => 6,
            6 => 12,
            _ => {
                // Years 1, 2, 5, 10, 20, 50…: times 2.5 after a 2.
                let years = step / 12;
                let mut lead = years;
                while lead >= 10 {
                    lead /= 10;
                }
                12 * if lead == 2 { years / 2 * 5 } else { years * 2 }
            }
        };
    }
    let dates = (0..)
        .map(|n| aligned(step) + n * step)
        .take_while(|&m| m <= last)
        .filter_map(|m| Date::from_ymd(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1))
        .collect();
    (dates, step)
}

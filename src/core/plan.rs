//! The development plan: SMART goals with milestones, the check-in schedule
//! and log, and weekly goals. What is computed from it (the SMART check,
//! progress, the timeline, the exports) lives beside it in `core`.
//!
//! Ids are made from the time of creation ([`new_id`]), so they stay the
//! same for as long as the item exists: the calendar export builds its UIDs
//! from them, and a re-imported calendar updates instead of duplicating.

use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::part::Item;
use super::replace;
use super::rubric::{Criterion, Level, Rubric};
use super::schema::{Change, Document, Restore};
use super::time::{Date, Millis, Weekday};

/// The user's plan. Goals, check-ins and weeks are shared between copies
/// of the plan (one copy per change), so a change copies only the item it
/// touches, and saving encodes only the items changed since they were
/// last encoded (see [`Item`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Plan {
    /// The date the user aims to be promoted by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Date>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Item<Goal>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// Check-ins held, in the order they were logged.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checkins: Vec<Item<CheckIn>>,
    /// Weekly goals, one entry per week planned, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weeks: Vec<Item<Week>>,
}

/// A SMART goal. The text fields may be empty while it is being written;
/// [`super::smart`] says which letter is still weak.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    /// S: the specific outcome.
    pub outcome: String,
    /// M: what is measured, where it stands now, and where it should be.
    pub metric: String,
    pub baseline: String,
    pub target: String,
    /// A: who or what helps, and the time set aside for it.
    pub support: String,
    pub time: String,
    /// R: the ids of the rubric criteria this goal proves.
    pub criteria: Vec<String>,
    /// T: when it is due.
    pub due: Option<Date>,
    /// The day it was started; the timeline draws the goal from here.
    pub started: Option<Date>,
    /// The day it was finished; `None` while active.
    pub done: Option<Date>,
    pub milestones: Vec<Milestone>,
}

impl Goal {
    pub fn is_active(&self) -> bool {
        self.done.is_none()
    }

    /// The goal's title in lists: its outcome, or a stand-in while empty.
    pub fn title(&self) -> &str {
        match self.outcome.trim() {
            "" => "Untitled goal",
            outcome => outcome,
        }
    }

    /// How many of its milestones are done.
    pub fn milestones_done(&self) -> usize {
        self.milestones.iter().filter(|m| m.done.is_some()).count()
    }

    pub fn milestone(&self, id: &str) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.id == id)
    }

    /// Its milestones by due date, the earliest first; those without one
    /// last; ties in the order they were added.
    pub fn milestones_by_due(&self) -> Vec<&Milestone> {
        let mut milestones: Vec<&Milestone> = self.milestones.iter().collect();
        milestones.sort_by_key(|m| (m.due.is_none(), m.due));
        milestones
    }
}

/// One of a goal's SMART texts, edited on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalText {
    Outcome,
    Metric,
    Baseline,
    Target,
    Support,
    Time,
}

impl GoalText {
    /// The text in `goal`.
    pub fn of(self, goal: &Goal) -> &str {
        match self {
            GoalText::Outcome => &goal.outcome,
            GoalText::Metric => &goal.metric,
            GoalText::Baseline => &goal.baseline,
            GoalText::Target => &goal.target,
            GoalText::Support => &goal.support,
            GoalText::Time => &goal.time,
        }
    }

    fn slot(self, goal: &mut Goal) -> &mut String {
        match self {
            GoalText::Outcome => &mut goal.outcome,
            GoalText::Metric => &mut goal.metric,
            GoalText::Baseline => &mut goal.baseline,
            GoalText::Target => &mut goal.target,
            GoalText::Support => &mut goal.support,
            GoalText::Time => &mut goal.time,
        }
    }
}

/// A step towards a goal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    pub title: String,
    pub due: Option<Date>,
    pub done: Option<Date>,
}

impl Milestone {
    /// The milestone renamed `title` (trimmed) and due on `due`, as edited;
    /// done or not as it was.
    pub fn edited(&self, title: &str, due: Option<Date>) -> Result<Milestone, Missing> {
        Ok(Milestone {
            title: required(title, Missing::MilestoneTitle)?,
            due,
            ..self.clone()
        })
    }
}

/// When check-ins with the manager happen: every `every` weeks on
/// `weekday`, the first on or after `from`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    pub id: String,
    pub every: u8,
    pub weekday: Weekday,
    /// Minutes after midnight, local time.
    pub time: u16,
    /// Length in minutes.
    pub length: u16,
    /// Who the check-in is with ("Dana, my manager").
    pub with: String,
    pub from: Date,
}

/// The longest gap between check-ins a schedule may set, in weeks.
pub const MAX_EVERY: u8 = 12;

impl Schedule {
    /// The first check-in of the series.
    pub fn first(&self) -> Date {
        self.from.next_on(self.weekday)
    }

    /// The next check-in on or after `today`.
    pub fn next(&self, today: Date) -> Date {
        let first = self.first();
        if today <= first {
            return first;
        }
        let step = 7 * i32::from(self.every.max(1));
        let steps = first.days_until(today).div_euclid(step)
            + i32::from(first.days_until(today).rem_euclid(step) != 0);
        first.plus_days(steps * step)
    }

    /// The check-ins on or after `today`, in order, without end.
    pub fn upcoming(&self, today: Date) -> impl Iterator<Item = Date> {
        let step = 7 * i32::from(self.every.max(1));
        let next = self.next(today);
        (0..).map(move |n| next.plus_days(n * step))
    }

    /// What a new schedule starts as: every two weeks from `today`, on the
    /// next working day (Monday after a Friday or a weekend), at 10:00 for
    /// 30 minutes.
    pub fn suggested(today: Date) -> Schedule {
        let weekday = match today.weekday() {
            Weekday::Friday | Weekday::Saturday | Weekday::Sunday => Weekday::Monday,
            day => Weekday::ALL[day as usize + 1],
        };
        Schedule {
            id: String::new(),
            every: 2,
            weekday,
            time: 10 * 60,
            length: 30,
            with: String::new(),
            from: today,
        }
    }

    /// "10:00".
    pub fn time_label(&self) -> String {
        format!("{:02}:{:02}", self.time / 60, self.time % 60)
    }

    /// "Every 2 weeks on Tuesday at 09:30 for 30 minutes, with Dana."
    pub fn describe(&self) -> String {
        let every = every_label(self.every);
        let with = match self.with.trim() {
            "" => String::new(),
            with => format!(", with {with}"),
        };
        format!(
            "{every} on {} at {} for {} minutes{with}.",
            self.weekday.label(),
            self.time_label(),
            self.length
        )
    }

    /// "Tuesday 24 Nov 2026 at 09:30": the next check-in on or after
    /// `today`.
    pub fn next_label(&self, today: Date) -> String {
        let next = self.next(today);
        format!(
            "{} {} at {}",
            next.weekday().label(),
            next.label(),
            self.time_label()
        )
    }
}

/// "Every week", "Every 3 weeks": how often, as the schedule's choices
/// and its description say it.
pub fn every_label(weeks: u8) -> String {
    match weeks {
        0 | 1 => "Every week".to_owned(),
        n => format!("Every {n} weeks"),
    }
}

/// A check-in that took place.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckIn {
    pub id: String,
    pub date: Option<Date>,
    pub notes: String,
    /// What was agreed.
    pub agreed: String,
    pub followups: Vec<FollowUp>,
}

/// Something to do after a check-in; it can become a milestone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FollowUp {
    pub id: String,
    pub text: String,
    /// The milestone it became, as `(goal id, milestone id)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestone: Option<(String, String)>,
}

/// One week's goals. `start` is the week's Monday.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Week {
    pub start: Option<Date>,
    pub items: Vec<WeekItem>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WeekItem {
    pub id: String,
    pub text: String,
    pub status: Status,
    /// The item of the week before that this one carries over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
}

/// Where a weekly goal stands at the week's review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Planned, not reviewed yet.
    #[default]
    Open,
    Done,
    NotDone,
    /// Not done, and moved into the next week.
    Carried,
}

impl Status {
    /// The outcomes a review can give, in the order offered.
    pub const REVIEWED: [Status; 3] = [Status::Done, Status::NotDone, Status::Carried];

    pub fn id(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done => "done",
            Status::NotDone => "not-done",
            Status::Carried => "carried",
        }
    }

    /// The choice, as offered in the review.
    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "Not reviewed",
            Status::Done => "Done",
            Status::NotDone => "Not done",
            Status::Carried => "Carry over",
        }
    }

    /// Where the item stands, as said afterwards.
    pub fn outcome(self) -> &'static str {
        match self {
            Status::Carried => "Carried over",
            other => other.label(),
        }
    }
}

/// The Monday of the week to plan on `today`: this week's from Monday to
/// Friday, next week's at the weekend, when the week is ending.
pub fn week_to_plan(today: Date) -> Date {
    match today.weekday() {
        Weekday::Saturday | Weekday::Sunday => today.week_start().plus_days(7),
        _ => today.week_start(),
    }
}

impl Week {
    /// Whether every item has been reviewed.
    pub fn reviewed(&self) -> bool {
        self.items.iter().all(|item| item.status != Status::Open)
    }

    /// How many items have this status.
    pub fn count(&self, status: Status) -> usize {
        self.items
            .iter()
            .filter(|item| item.status == status)
            .count()
    }

    /// "2 done, 1 not done, 1 carried over": the review in words, leaving
    /// out what has none; "Nothing planned" for an empty week.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = [
            (Status::Done, "done"),
            (Status::NotDone, "not done"),
            (Status::Carried, "carried over"),
            (Status::Open, "not reviewed"),
        ]
        .into_iter()
        .filter_map(|(status, words)| match self.count(status) {
            0 => None,
            n => Some(format!("{n} {words}")),
        })
        .collect();
        if parts.is_empty() {
            "Nothing planned".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// An intent to change the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEdit {
    SetTarget(Option<Date>),
    /// Add a goal, or replace the SMART parts of the goal with its id (its
    /// milestones, start and done dates stay as they are).
    SaveGoal(Goal),
    DeleteGoal(String),
    SetGoalDone {
        goal: String,
        done: Option<Date>,
    },
    /// Replace one of the goal's SMART texts, as it is typed.
    SetGoalText {
        goal: String,
        field: GoalText,
        text: String,
    },
    SetGoalDue {
        goal: String,
        due: Option<Date>,
    },
    /// Link a rubric criterion the goal proves (once).
    LinkCriterion {
        goal: String,
        criterion: String,
    },
    UnlinkCriterion {
        goal: String,
        criterion: String,
    },
    /// Add a milestone, or replace the one with its id.
    SaveMilestone {
        goal: String,
        milestone: Milestone,
    },
    DeleteMilestone {
        goal: String,
        milestone: String,
    },
    SetMilestoneDone {
        goal: String,
        milestone: String,
        done: Option<Date>,
    },
    SetSchedule(Option<Schedule>),
    /// Add a check-in, or replace the one with its id.
    SaveCheckIn(CheckIn),
    DeleteCheckIn(String),
    /// Turn a follow-up into a milestone of `goal`.
    FollowUpToMilestone {
        checkin: String,
        followup: String,
        goal: String,
        milestone: Milestone,
    },
    /// Add an item to the week starting on `week` (a Monday).
    AddWeekItem {
        week: Date,
        item: WeekItem,
    },
    /// Review an item. Carrying it over adds a copy (with `copy_id`) to the
    /// next week; reviewing it otherwise removes that copy again if it was
    /// not reviewed itself.
    ReviewWeekItem {
        week: Date,
        item: String,
        status: Status,
        copy_id: String,
    },
    DeleteWeekItem {
        week: Date,
        item: String,
    },
}

impl Change for PlanEdit {
    fn apply_to(&self, document: &mut Document) -> Option<Restore> {
        document
            .plan
            .edit(|plan| plan.apply(self.clone()))
            .map(Restore::Plan)
    }

    /// Deleting a goal, a milestone, a check-in or a week's item, and
    /// stopping the schedule, are offered back.
    fn undo_label(&self, before: &Document) -> Option<String> {
        let plan = &before.plan;
        match self {
            PlanEdit::DeleteGoal(id) => {
                let goal = plan.goal(id)?;
                Some(format!("Deleted the goal “{}”.", goal.title()))
            }
            PlanEdit::DeleteMilestone { goal, milestone } => {
                let milestone = plan.goal(goal)?.milestone(milestone)?;
                Some(format!("Deleted the milestone “{}”.", milestone.title))
            }
            PlanEdit::DeleteCheckIn(id) => {
                let checkin = plan.checkins.iter().find(|c| &c.id == id)?;
                let date = checkin.date.map_or("Undated".to_owned(), Date::label);
                Some(format!("Deleted the check-in of {date}."))
            }
            PlanEdit::SetSchedule(None) => plan
                .schedule
                .is_some()
                .then(|| "Stopped the check-in schedule.".to_owned()),
            PlanEdit::DeleteWeekItem { week, item } => {
                let item = plan.week(*week)?.items.iter().find(|i| &i.id == item)?;
                Some(format!("Deleted “{}” from the week.", item.text))
            }
            _ => None,
        }
    }
}

impl Plan {
    /// Applies `edit`; returns whether anything changed. Edits naming a
    /// goal, milestone, check-in or week item that does not exist change
    /// nothing.
    pub fn apply(&mut self, edit: PlanEdit) -> bool {
        match edit {
            PlanEdit::SetTarget(date) => replace(&mut self.target, date),
            PlanEdit::SaveGoal(goal) => match self.goal_mut(&goal.id) {
                Some(slot) => {
                    let milestones = std::mem::take(&mut slot.milestones);
                    let kept = Goal {
                        milestones: Vec::new(),
                        started: slot.started,
                        done: slot.done,
                        ..goal
                    };
                    let changed = replace(slot, kept);
                    slot.milestones = milestones;
                    changed
                }
                None => {
                    self.goals.push(Item::new(goal));
                    true
                }
            },
            PlanEdit::DeleteGoal(id) => {
                let before = self.goals.len();
                self.goals.retain(|goal| goal.id != id);
                self.goals.len() != before
            }
            PlanEdit::SetGoalDone { goal, done } => match self.goal_mut(&goal) {
                Some(goal) => replace(&mut goal.done, done),
                None => false,
            },
            PlanEdit::SetGoalText { goal, field, text } => match self.goal_mut(&goal) {
                Some(goal) => replace(field.slot(goal), text),
                None => false,
            },
            PlanEdit::SetGoalDue { goal, due } => match self.goal_mut(&goal) {
                Some(goal) => replace(&mut goal.due, due),
                None => false,
            },
            PlanEdit::LinkCriterion { goal, criterion } => match self.goal_mut(&goal) {
                Some(goal) if !goal.criteria.contains(&criterion) => {
                    goal.criteria.push(criterion);
                    true
                }
                _ => false,
            },
            PlanEdit::UnlinkCriterion { goal, criterion } => match self.goal_mut(&goal) {
                Some(goal) => remove(&mut goal.criteria, |c| *c == criterion),
                None => false,
            },
            PlanEdit::SaveMilestone { goal, milestone } => match self.goal_mut(&goal) {
                Some(goal) => upsert(&mut goal.milestones, milestone, |m| &m.id),
                None => false,
            },
            PlanEdit::DeleteMilestone { goal, milestone } => match self.goal_mut(&goal) {
                Some(goal) => remove(&mut goal.milestones, |m| m.id == milestone),
                None => false,
            },
            PlanEdit::SetMilestoneDone {
                goal,
                milestone,
                done,
            } => match self
                .goal_mut(&goal)
                .and_then(|goal| goal.milestones.iter_mut().find(|m| m.id == milestone))
            {
                Some(milestone) => replace(&mut milestone.done, done),
                None => false,
            },
            PlanEdit::SetSchedule(schedule) => replace(&mut self.schedule, schedule),
            PlanEdit::SaveCheckIn(checkin) => {
                upsert(&mut self.checkins, Item::new(checkin), |c| &c.id)
            }
            PlanEdit::DeleteCheckIn(id) => remove(&mut self.checkins, |c| c.id == id),
            PlanEdit::FollowUpToMilestone {
                checkin,
                followup,
                goal,
                milestone,
            } => {
                let link = (goal.clone(), milestone.id.clone());
                let open = self
                    .checkins
                    .iter()
                    .find(|c| c.id == checkin)
                    .and_then(|c| c.followups.iter().find(|f| f.id == followup))
                    .is_some_and(|f| f.milestone.is_none());
                let free = self
                    .goal(&goal)
                    .is_some_and(|g| g.milestone(&milestone.id).is_none());
                if !open || !free {
                    return false;
                }
                let checkin = self.checkins.iter_mut().find(|c| c.id == checkin);
                let slot = checkin
                    .map(Item::make_mut)
                    .and_then(|c| c.followups.iter_mut().find(|f| f.id == followup));
                if let Some(slot) = slot {
                    slot.milestone = Some(link);
                }
                if let Some(goal) = self.goal_mut(&goal) {
                    goal.milestones.push(milestone);
                }
                true
            }
            PlanEdit::AddWeekItem { week, item } => {
                let week = self.week_mut_or_insert(week);
                if week.items.iter().any(|i| i.id == item.id) {
                    return false;
                }
                week.items.push(item);
                true
            }
            PlanEdit::ReviewWeekItem {
                week,
                item,
                status,
                copy_id,
            } => self.review(week, &item, status, copy_id),
            PlanEdit::DeleteWeekItem { week, item } => {
                let Some(slot) = self.week_mut(week) else {
                    return false;
                };
                let changed = remove(&mut slot.items, |i| i.id == item);
                self.weeks.retain(|w| !w.items.is_empty());
                changed
            }
        }
    }

    pub fn goal(&self, id: &str) -> Option<&Item<Goal>> {
        self.goals.iter().find(|goal| goal.id == id)
    }

    /// The goal with `id`, to change: copied first if another copy of the
    /// plan shares it.
    fn goal_mut(&mut self, id: &str) -> Option<&mut Goal> {
        self.goals
            .iter_mut()
            .find(|goal| goal.id == id)
            .map(Item::make_mut)
    }

    /// The week starting on `start`, if it has been planned.
    pub fn week(&self, start: Date) -> Option<&Week> {
        self.weeks
            .iter()
            .find(|week| week.start == Some(start))
            .map(|week| &**week)
    }

    /// The week starting on `start`, to change (see [`Plan::goal_mut`]).
    fn week_mut(&mut self, start: Date) -> Option<&mut Week> {
        self.weeks
            .iter_mut()
            .find(|week| week.start == Some(start))
            .map(Item::make_mut)
    }

    /// The check-ins, newest first; undated ones last; the later logged
    /// first on the same day.
    pub fn checkins_newest_first(&self) -> Vec<&Item<CheckIn>> {
        let mut checkins: Vec<&Item<CheckIn>> = self.checkins.iter().rev().collect();
        checkins.sort_by_key(|c| (c.date.is_none(), std::cmp::Reverse(c.date)));
        checkins
    }

    /// The weeks before `this_week` (a Monday) still to review, oldest
    /// first.
    pub fn weeks_to_review(&self, this_week: Date) -> impl Iterator<Item = &Item<Week>> {
        self.weeks
            .iter()
            .filter(move |week| week.start < Some(this_week) && !week.reviewed())
    }

    /// The weeks before `this_week` that have been reviewed, newest first.
    pub fn reviewed_weeks(&self, this_week: Date) -> impl Iterator<Item = &Item<Week>> {
        self.weeks
            .iter()
            .rev()
            .filter(move |week| week.start < Some(this_week) && week.reviewed())
    }

    /// The goals not finished yet.
    pub fn active_goals(&self) -> impl Iterator<Item = &Item<Goal>> {
        self.goals.iter().filter(|goal| goal.is_active())
    }

    /// Every id in the plan, for [`new_id`].
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let goals = self.goals.iter().flat_map(|goal| {
            std::iter::once(goal.id.as_str()).chain(goal.milestones.iter().map(|m| m.id.as_str()))
        });
        let checkins = self.checkins.iter().flat_map(|c| {
            std::iter::once(c.id.as_str()).chain(c.followups.iter().map(|f| f.id.as_str()))
        });
        let weeks = self
            .weeks
            .iter()
            .flat_map(|w| w.items.iter().map(|i| i.id.as_str()));
        goals
            .chain(checkins)
            .chain(weeks)
            .chain(self.schedule.iter().map(|s| s.id.as_str()))
    }

    fn week_mut_or_insert(&mut self, start: Date) -> &mut Week {
        let at = match self.weeks.iter().position(|w| w.start >= Some(start)) {
            Some(at) if self.weeks[at].start == Some(start) => at,
            Some(at) => {
                self.weeks.insert(at, Item::default());
                at
            }
            None => {
                self.weeks.push(Item::default());
                self.weeks.len() - 1
            }
        };
        let week = Item::make_mut(&mut self.weeks[at]);
        week.start = Some(start);
        week
    }

    fn review(&mut self, week: Date, item: &str, status: Status, copy_id: String) -> bool {
        let Some(slot) = self
            .week_mut(week)
            .and_then(|w| w.items.iter_mut().find(|i| i.id == item))
        else {
            return false;
        };
        let before = slot.status;
        if before == status {
            return false;
        }
        slot.status = status;
        let text = slot.text.clone();
        let next = week.plus_days(7);
        if before == Status::Carried {
            // Take the copy back, unless it has been reviewed in its week.
            if let Some(next_week) = self.week_mut(next) {
                next_week.items.retain(|i| {
                    i.carried_from.as_deref() != Some(item) || i.status != Status::Open
                });
            }
            self.weeks.retain(|w| !w.items.is_empty());
        }
        if status == Status::Carried {
            let next_week = self.week_mut_or_insert(next);
            if !next_week
                .items
                .iter()
                .any(|i| i.carried_from.as_deref() == Some(item))
            {
                next_week.items.push(WeekItem {
                    id: copy_id,
                    text,
                    status: Status::Open,
                    carried_from: Some(item.to_owned()),
                });
            }
        }
        true
    }
}

/// Adds `item`, or replaces the one with the same id; returns whether
/// anything changed.
fn upsert<T: PartialEq>(items: &mut Vec<T>, item: T, id: impl Fn(&T) -> &String) -> bool {
    match items.iter().position(|i| id(i) == id(&item)) {
        Some(at) => replace(&mut items[at], item),
        None => {
            items.push(item);
            true
        }
    }
}

/// Removes the items that match; returns whether there were any.
fn remove<T>(items: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> bool {
    let before = items.len();
    items.retain(|i| !matches(i));
    items.len() != before
}

/// What a form needs before it can add to the plan, said beside the field
/// that lacks it. Nothing is added until it is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// A goal's outcome.
    Outcome,
    /// A milestone's title.
    MilestoneTitle,
    /// The text of a week's goal.
    WeekItem,
    /// The date of a check-in.
    CheckInDate,
    /// Anything said, agreed or to follow up at a check-in.
    CheckInWords,
}

impl Missing {
    pub fn message(self) -> &'static str {
        match self {
            Missing::Outcome => "Write the outcome first; nothing has been added.",
            Missing::MilestoneTitle => "Name the milestone first; nothing has been added.",
            Missing::WeekItem => "Write the goal first; nothing has been added.",
            Missing::CheckInDate => "Give the date of the check-in; nothing has been logged.",
            Missing::CheckInWords => {
                "Write what was said, agreed or to follow up; nothing has been logged."
            }
        }
    }
}

/// `text` trimmed, or `missing` when nothing is left.
fn required(text: &str, missing: Missing) -> Result<String, Missing> {
    match text.trim() {
        "" => Err(missing),
        text => Ok(text.to_owned()),
    }
}

impl Plan {
    /// The id to save a schedule under: the stored schedule's, or a new
    /// one.
    pub fn schedule_id(&self, now: Millis) -> String {
        match &self.schedule {
            Some(schedule) => schedule.id.clone(),
            None => new_id(self, "s", now),
        }
    }

    /// The first check-in of the schedule after `today`, if there is a
    /// schedule.
    pub fn next_checkin(&self, today: Date) -> Option<Date> {
        self.schedule.as_ref().map(|s| s.next(today.plus_days(1)))
    }

    /// A new goal towards `outcome`, proving `criteria`, started `today`;
    /// its id is new to the plan at `now`.
    pub fn new_goal(
        &self,
        outcome: &str,
        criteria: Vec<String>,
        now: Millis,
        today: Date,
    ) -> Result<Goal, Missing> {
        Ok(Goal {
            id: new_id(self, "g", now),
            outcome: required(outcome, Missing::Outcome)?,
            criteria,
            started: Some(today),
            ..Goal::default()
        })
    }

    /// A goal that proves `criterion`, started `today`, whose outcome the
    /// user is still to write in their own words; its id is new to the plan
    /// at `now`.
    pub fn goal_for_criterion(&self, criterion: &str, now: Millis, today: Date) -> Goal {
        Goal {
            id: new_id(self, "g", now),
            criteria: vec![criterion.to_owned()],
            started: Some(today),
            ..Goal::default()
        }
    }

    /// A new milestone, due on `due` if given.
    pub fn new_milestone(
        &self,
        title: &str,
        due: Option<Date>,
        now: Millis,
    ) -> Result<Milestone, Missing> {
        Ok(Milestone {
            id: new_id(self, "m", now),
            title: required(title, Missing::MilestoneTitle)?,
            due,
            done: None,
        })
    }

    /// A new goal for a week, not reviewed yet.
    pub fn new_week_item(&self, text: &str, now: Millis) -> Result<WeekItem, Missing> {
        Ok(WeekItem {
            id: new_id(self, "w", now),
            text: required(text, Missing::WeekItem)?,
            ..WeekItem::default()
        })
    }

    /// A check-in held on `date`, with the notes, what was agreed and the
    /// follow-ups (one per line; blank lines dropped), all trimmed. It
    /// needs a date and at least one of the three.
    pub fn new_checkin(
        &self,
        date: Option<Date>,
        notes: &str,
        agreed: &str,
        followups: &str,
        now: Millis,
    ) -> Result<CheckIn, Missing> {
        let date = date.ok_or(Missing::CheckInDate)?;
        let lines: Vec<&str> = followups
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        let (notes, agreed) = (notes.trim(), agreed.trim());
        if notes.is_empty() && agreed.is_empty() && lines.is_empty() {
            return Err(Missing::CheckInWords);
        }
        let id = new_id(self, "c", now);
        let followups = lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| FollowUp {
                id: format!("{id}-f{}", i + 1),
                text: line.to_owned(),
                milestone: None,
            })
            .collect();
        Ok(CheckIn {
            id,
            date: Some(date),
            notes: notes.to_owned(),
            agreed: agreed.to_owned(),
            followups,
        })
    }
}

/// Rubric criteria a goal can link, under a heading ("Senior · Craft").
#[derive(Debug, PartialEq)]
pub struct CriteriaGroup<'r> {
    pub label: String,
    pub criteria: Vec<&'r Criterion>,
}

/// The criteria a goal can link, by level and area: the levels of the
/// self-assessment, target first, or every level of the first track
/// before there is one. Criteria in `linked` are left out, and so are the
/// groups left empty.
pub fn linkable<'r>(
    rubric: &'r Rubric,
    assessment: &Assessment,
    linked: &[String],
) -> Vec<CriteriaGroup<'r>> {
    let (track, levels): (_, Vec<&Level>) = match assessment.selection(rubric) {
        Some(selection) => (
            selection.track,
            selection
                .target
                .into_iter()
                .chain([selection.current])
                .collect(),
        ),
        None => match rubric.tracks.first() {
            Some(track) => (track, rubric.levels.iter().collect()),
            None => return Vec::new(),
        },
    };
    levels
        .into_iter()
        .flat_map(|level| {
            track.areas.iter().map(move |area| CriteriaGroup {
                label: format!("{} · {}", level.name, area.name),
                criteria: area
                    .at(&level.id)
                    .filter(|criterion| !linked.contains(&criterion.id))
                    .collect(),
            })
        })
        .filter(|group| !group.criteria.is_empty())
        .collect()
}

/// A new id for the plan: `prefix` and the time of creation in base 36
/// ("g1k3x9az0"), with "-2", "-3"… when the same moment is already taken.
pub fn new_id(plan: &Plan, prefix: &str, at: Millis) -> String {
    let mut digits = Vec::new();
    let mut n = at;
    loop {
        digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    let base = format!(
        "{prefix}{}",
        String::from_utf8(digits).expect("ASCII digits")
    );
    let taken = |id: &str| plan.ids().any(|existing| existing == id);
    let mut id = base.clone();
    let mut n = 1;
    while taken(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

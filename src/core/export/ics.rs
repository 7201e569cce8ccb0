//! The plan as an iCalendar file (RFC 5545), for the user's own calendar:
//! the check-in series as one recurring event, and every goal's and
//! milestone's due date as an all-day event.
//!
//! The UIDs are built from the items' ids only, which never change, so a
//! calendar that imports the file again updates its events instead of
//! adding them twice. The same plan exported at two moments differs only in
//! the DTSTAMP lines.
//!
//! Times are floating (no time zone): a check-in at 09:30 is at 09:30
//! wherever the user's calendar is, as it is in Rungs.

use crate::core::plan::{Goal, Milestone, Plan, Schedule};
use crate::core::time::{Date, DateTime, Millis};

/// The file name offered for download.
pub const FILE_NAME: &str = "rungs-plan.ics";

/// The longest content line, in octets, before it is folded (RFC 5545 3.1).
const LINE_OCTETS: usize = 75;

/// The plan as an iCalendar file (RFC 5545): the check-in series as one
/// recurring event, each goal's due date and each milestone's due date as
/// an all-day event. `stamp` is the moment of export (DTSTAMP).
pub fn calendar(plan: &Plan, stamp: Millis) -> String {
    let mut out = Lines {
        text: String::new(),
        stamp: utc_stamp(stamp),
    };
    out.raw("BEGIN", "VCALENDAR");
    out.raw("VERSION", "2.0");
    out.raw("PRODID", "-//Rungs//Promotion plan//EN");
    out.raw("CALSCALE", "GREGORIAN");
    out.raw("METHOD", "PUBLISH");
    out.text("X-WR-CALNAME", "Promotion plan");
    if let Some(schedule) = &plan.schedule {
        series(&mut out, plan, schedule);
    }
    for goal in &plan.goals {
        if let Some(due) = goal.due {
            goal_due(&mut out, goal, due);
        }
        for milestone in &goal.milestones {
            if let Some(due) = milestone.due {
                milestone_due(&mut out, goal, milestone, due);
            }
        }
    }
    out.raw("END", "VCALENDAR");
    out.text
}

/// The check-ins: one weekly event every `every` weeks, until the target
/// date when there is one.
fn series(out: &mut Lines, plan: &Plan, schedule: &Schedule) {
    let first = schedule.first();
    let time = schedule.time.min(24 * 60 - 1);
    let mut rule = format!(
        "FREQ=WEEKLY;INTERVAL={};BYDAY={}",
        schedule.every.max(1),
        schedule.weekday.code()
    );
    if let Some(target) = plan.target.filter(|target| *target >= first) {
        // Floating, like DTSTART (RFC 5545 3.3.10).
        rule.push_str(&format!(";UNTIL={}T235959", basic(target)));
    }
    let summary = match schedule.with.trim() {
        "" => "Check-in".to_owned(),
        with => format!("Check-in with {with}"),
    };
    let goals: Vec<&str> = plan.active_goals().map(|goal| goal.title()).collect();

    out.begin_event(&format!("{}@rungs", schedule.id));
    out.raw(
        "DTSTART",
        &format!("{}T{:02}{:02}00", basic(first), time / 60, time % 60),
    );
    out.raw("DURATION", &format!("PT{}M", schedule.length));
    out.raw("RRULE", &rule);
    out.text("SUMMARY", &summary);
    if !goals.is_empty() {
        out.text("DESCRIPTION", &format!("Goals:\n{}", goals.join("\n")));
    }
    out.raw("END", "VEVENT");
}

fn goal_due(out: &mut Lines, goal: &Goal, due: Date) {
    let summary = match goal.done {
        Some(_) => format!("Goal done: {}", goal.title()),
        None => format!("Goal due: {}", goal.title()),
    };
    out.begin_event(&format!("{}-due@rungs", goal.id));
    out.all_day(due);
    out.text("SUMMARY", &summary);
    if let Some(measure) = measure(goal) {
        out.text("DESCRIPTION", &measure);
    }
    out.raw("TRANSP", "TRANSPARENT");
    out.raw("END", "VEVENT");
}

fn milestone_due(out: &mut Lines, goal: &Goal, milestone: &Milestone, due: Date) {
    let title = match milestone.title.trim() {
        "" => "Untitled milestone",
        title => title,
    };
    let kind = match milestone.done {
        Some(_) => "Milestone done",
        None => "Milestone",
    };
    out.begin_event(&format!("{}@rungs", milestone.id));
    out.all_day(due);
    out.text("SUMMARY", &format!("{kind}: {title} ({})", goal.title()));
    out.raw("TRANSP", "TRANSPARENT");
    out.raw("END", "VEVENT");
}

/// "Review turnaround: 3 days → 1 day", or as much of it as is written.
fn measure(goal: &Goal) -> Option<String> {
    let metric = goal.metric.trim();
    let range = match (goal.baseline.trim(), goal.target.trim()) {
        ("", "") => String::new(),
        (baseline, "") => format!("from {baseline}"),
        ("", target) => format!("to {target}"),
        (baseline, target) => format!("{baseline} → {target}"),
    };
    match (metric, range.as_str()) {
        ("", "") => None,
        (metric, "") => Some(metric.to_owned()),
        ("", range) => Some(range.to_owned()),
        (metric, range) => Some(format!("{metric}: {range}")),
    }
}

/// The file being written: content lines, folded and ended with CRLF.
struct Lines {
    text: String,
    /// The DTSTAMP value every event carries.
    stamp: String,
}

impl Lines {
    /// A property whose value is written as it is (dates, rules, codes).
    fn raw(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        fold_into(&mut self.text, &line);
    }

    /// A property of type TEXT, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape(value));
    }

    fn begin_event(&mut self, uid: &str) {
        self.raw("BEGIN", "VEVENT");
        self.text("UID", uid);
        let line = format!("DTSTAMP:{}", self.stamp);
        fold_into(&mut self.text, &line);
    }

    /// DTSTART and DTEND of an event lasting the whole of `day` (DTEND is
    /// exclusive, so the day after).
    fn all_day(&mut self, day: Date) {
        self.raw("DTSTART;VALUE=DATE", &basic(day));
        self.raw("DTEND;VALUE=DATE", &basic(day.plus_days(1)));
    }
}

/// Appends `line` and its CRLF, folded so that no line is longer than 75
/// octets: a fold is CRLF and one space, and the space counts towards the
/// next line. Characters are never split.
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let octets = c.len_utf8();
        if width + octets > LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += octets;
    }
    out.push_str("\r\n");
}

/// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped,
/// line breaks (LF, CRLF or CR) as `\n`, other control characters but tab
/// dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// "20261121".
fn basic(date: Date) -> String {
    let (year, month, day) = date.ymd();
    format!("{year:04}{month:02}{day:02}")
}

/// "20261121T060507Z".
fn utc_stamp(at: Millis) -> String {
    let t = DateTime::at(at, 0);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year,
        t.month,
        t.day,
        t.hour,
        t.minute,
        at / 1000 % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        fold_into(&mut out, &"a".repeat(75));
        assert_eq!(out, format!("{}\r\n", "a".repeat(75)));

        let mut out = String::new();
        fold_into(&mut out, &"a".repeat(76));
        assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));

        // 74 octets, then a 2-octet character that would end at 76.
        let mut out = String::new();
        fold_into(&mut out, &format!("{}éé", "a".repeat(74)));
        assert_eq!(out, format!("{}\r\n éé\r\n", "a".repeat(74)));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a,b;c\\d"), "a\\,b\\;c\\\\d");
        assert_eq!(escape("1\n2\r\n3\r4"), "1\\n2\\n3\\n4");
        assert_eq!(escape("tab\there\u{7}"), "tab\there");
    }

    #[test]
    fn stamps_are_utc_to_the_second() {
        assert_eq!(utc_stamp(0), "19700101T000000Z");
        assert_eq!(utc_stamp(1_795_241_107_999), "20261121T060507Z");
    }

    #[test]
    fn measures_say_what_is_written() {
        let goal = |metric: &str, baseline: &str, target: &str| Goal {
            metric: metric.into(),
            baseline: baseline.into(),
            target: target.into(),
            ..Goal::default()
        };
        assert_eq!(measure(&goal(" ", "", "")), None);
        assert_eq!(
            measure(&goal("Latency", "3 s", "1 s")).as_deref(),
            Some("Latency: 3 s → 1 s")
        );
        assert_eq!(
            measure(&goal("Latency", "", "")).as_deref(),
            Some("Latency")
        );
        assert_eq!(
            measure(&goal("Latency", "", "1 s")).as_deref(),
            Some("Latency: to 1 s")
        );
        assert_eq!(measure(&goal("", "3 s", "")).as_deref(), Some("from 3 s"));
    }
}

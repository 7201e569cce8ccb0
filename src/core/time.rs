//! Dates without a date library: Unix milliseconds in, plain words out.

use serde::{Deserialize, Serialize};

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Millis = u64;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar date and time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl DateTime {
    /// The wall-clock time at `at`, `offset_minutes` east of UTC.
    pub fn at(at: Millis, offset_minutes: i64) -> DateTime {
        let minutes = (at / 60_000) as i64 + offset_minutes;
        let days = minutes.div_euclid(1440);
        let in_day = minutes.rem_euclid(1440);
        let (year, month, day) = civil_from_days(days);
        DateTime {
            year,
            month,
            day,
            hour: (in_day / 60) as u32,
            minute: (in_day % 60) as u32,
        }
    }

    /// "21 Nov 2026".
    pub fn date_label(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }

    /// "21 Nov 2026, 06:05".
    pub fn label(&self) -> String {
        format!("{}, {:02}:{:02}", self.date_label(), self.hour, self.minute)
    }
}

/// `at` in ISO 8601 UTC to the minute ("2026-11-21T06:05Z"), as HTML's
/// `<time datetime>` expects.
pub fn iso_utc(at: Millis) -> String {
    let t = DateTime::at(at, 0);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}Z",
        t.year, t.month, t.day, t.hour, t.minute
    )
}

/// A calendar day: days since 1970-01-01. Stored as `"YYYY-MM-DD"`, the
/// form HTML's `<input type="date">` reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i32);

/// The days of the week, Monday first (ISO 8601).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    #[default]
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday up to 6 for Sunday.
    pub fn index(self) -> i32 {
        self as i32
    }

    /// "Monday".
    pub fn label(self) -> &'static str {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][self as usize]
    }

    /// The two-letter code iCalendar uses ("MO").
    pub fn code(self) -> &'static str {
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][self as usize]
    }

    /// The stable id, as stored ("monday").
    pub fn id(self) -> &'static str {
        [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ][self as usize]
    }

    pub fn from_id(id: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|day| day.id() == id)
    }
}

impl Date {
    /// The day `at` falls on, `offset_minutes` east of UTC.
    pub fn at(at: Millis, offset_minutes: i64) -> Date {
        let minutes = (at / 60_000) as i64 + offset_minutes;
        Date(minutes.div_euclid(1440) as i32)
    }

    /// The date of a year, month (1–12) and day, if it exists.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day) as i32))
    }

    /// Reads `"YYYY-MM-DD"` (four-digit years only).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        Date::from_ymd(i64::from(number(0..4)?), number(5..7)?, number(8..10)?)
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(i64::from(self.0))
    }

    /// "2026-11-21".
    pub fn iso(self) -> String {
        let (year, month, day) = self.ymd();
        format!("{year:04}-{month:02}-{day:02}")
    }

    /// "21 Nov 2026".
    pub fn label(self) -> String {
        let (year, month, day) = self.ymd();
        format!("{day} {} {year}", MONTHS[month as usize - 1])
    }

    /// "21 Nov", for places where the year is plain from the context.
    pub fn short_label(self) -> String {
        let (_, month, day) = self.ymd();
        format!("{day} {}", MONTHS[month as usize - 1])
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.0 + 3).rem_euclid(7) as usize]
    }

    pub fn plus_days(self, days: i32) -> Date {
        Date(self.0 + days)
    }

    /// The Monday of this date's week.
    pub fn week_start(self) -> Date {
        self.plus_days(-self.weekday().index())
    }

    /// The first date on or after this one that falls on `weekday`.
    pub fn next_on(self, weekday: Weekday) -> Date {
        self.plus_days((weekday.index() - self.weekday().index()).rem_euclid(7))
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.0 - self.0
    }
}

/// The years a date typed into the plan may fall in. A date field reports
/// a date as each part of it is typed, so a year on its way to "2026" passes
/// through 0002, 0020 and 0202: those are not taken as dates.
pub const FIRST_YEAR: i64 = 1970;
pub const LAST_YEAR: i64 = 2200;

/// Why the text of a date field is not taken as a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// A date whose year is outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
    Year(i64),
    /// Text that is not a date at all.
    NotADate,
}

impl DateProblem {
    /// What is wrong, said beside the field.
    pub fn message(self) -> String {
        match self {
            DateProblem::Year(year) => format!(
                "{year:04} is not a year this plan can use: give a date from {FIRST_YEAR} to \
                 {LAST_YEAR}. Nothing has been changed."
            ),
            DateProblem::NotADate => {
                "That is not a date: give it as day, month and year. Nothing has been changed."
                    .to_owned()
            }
        }
    }
}

/// What a date field's text (`"YYYY-MM-DD"`, or empty once cleared) asks
/// for: no date, a date, or a problem to name.
pub fn entered_date(text: &str) -> Result<Option<Date>, DateProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = Date::parse(text).ok_or(DateProblem::NotADate)?;
    let (year, _, _) = date.ymd();
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(Some(date))
    } else {
        Err(DateProblem::Year(year))
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Date::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("“{text}” is not a date (YYYY-MM-DD)")))
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// How many days `month` (1–12) of `year` has.
pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's civil-to-days algorithm, the inverse of
/// [`civil_from_days`].
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = year - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// When `then` was, for a person: "3 days ago (21 Nov 2026, 06:05)", or
/// past a week just "21 Nov 2026, 06:05".
pub fn moment(then: Millis, now: Millis, offset_minutes: i64) -> String {
    let label = DateTime::at(then, offset_minutes).label();
    if now.saturating_sub(then) >= 604_800_000 {
        label
    } else {
        format!("{} ({label})", ago(then, now, offset_minutes))
    }
}

/// How long ago `then` was, in words: "just now", "5 minutes ago", "3 hours
/// ago", "yesterday", "4 days ago", and past a week the date itself.
pub fn ago(then: Millis, now: Millis, offset_minutes: i64) -> String {
    let seconds = now.saturating_sub(then) / 1000;
    let plural = |n: u64, unit: &str| {
        if n == 1 {
            format!("1 {unit} ago")
        } else {
            format!("{n} {unit}s ago")
        }
    };
    match seconds {
        0..=44 => "just now".to_owned(),
        45..=3599 => plural(seconds.div_ceil(60).max(1), "minute"),
        3600..=86_399 => plural(seconds / 3600, "hour"),
        86_400..=172_799 => "yesterday".to_owned(),
        172_800..=604_799 => plural(seconds / 86_400, "day"),
        _ => format!("on {}", DateTime::at(then, offset_minutes).date_label()),
    }
}

/// A time of day as a time input gives it, "09:30" (or "09:30:00" with
/// seconds), in minutes after midnight: 570. `None` when it is not one.
pub fn parse_time(text: &str) -> Option<u16> {
    let (hours, minutes) = text.split_once(':')?;
    let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.get(..2)?.parse().ok()?);
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_of_day_are_read_as_a_time_input_gives_them() {
        use super::parse_time;
        assert_eq!(parse_time("09:30"), Some(570));
        assert_eq!(parse_time("00:00"), Some(0));
        assert_eq!(parse_time("23:59:00"), Some(1439));
        for bad in ["", "9", "24:00", "12:60", "ab:cd", "12:5", "é:00"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    use super::*;

    const NOV_21_2026_0605_UTC: Millis = 1_795_241_100_000;

    #[test]
    fn a_moment_says_how_long_ago_only_within_a_week() {
        let at = NOV_21_2026_0605_UTC;
        assert_eq!(
            moment(at, at + 3 * 3_600_000, 0),
            "3 hours ago (21 Nov 2026, 06:05)"
        );
        assert_eq!(moment(at, at + 8 * 86_400_000, 0), "21 Nov 2026, 06:05");
    }

    #[test]
    fn formats_utc_and_offsets() {
        let utc = DateTime::at(NOV_21_2026_0605_UTC, 0);
        assert_eq!(utc.label(), "21 Nov 2026, 06:05");
        assert_eq!(
            DateTime::at(NOV_21_2026_0605_UTC, 120).label(),
            "21 Nov 2026, 08:05"
        );
        assert_eq!(
            DateTime::at(NOV_21_2026_0605_UTC, -420).label(),
            "20 Nov 2026, 23:05"
        );
    }

    #[test]
    fn iso_is_utc_whatever_the_offset() {
        assert_eq!(iso_utc(NOV_21_2026_0605_UTC), "2026-11-21T06:05Z");
        assert_eq!(iso_utc(0), "1970-01-01T00:00Z");
    }

    #[test]
    fn epoch_leap_days_and_year_ends() {
        assert_eq!(DateTime::at(0, 0).label(), "1 Jan 1970, 00:00");
        // 2024-02-29T12:00:00Z
        assert_eq!(
            DateTime::at(1_709_208_000_000, 0).date_label(),
            "29 Feb 2024"
        );
        // 2000-12-31T23:59:00Z
        assert_eq!(
            DateTime::at(978_307_140_000, 0).label(),
            "31 Dec 2000, 23:59"
        );
    }

    #[test]
    fn says_how_long_ago_in_words() {
        let now = NOV_21_2026_0605_UTC;
        let cases = [
            (0, "just now"),
            (44, "just now"),
            (45, "1 minute ago"),
            (150, "3 minutes ago"),
            (3600, "1 hour ago"),
            (7200 + 59, "2 hours ago"),
            (86_400, "yesterday"),
            (3 * 86_400, "3 days ago"),
            (30 * 86_400, "on 22 Oct 2026"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(ago(now - seconds * 1000, now, 0), expected, "{seconds}s");
        }
    }

    #[test]
    fn a_clock_that_went_backwards_is_just_now() {
        assert_eq!(ago(2_000, 1_000, 0), "just now");
    }

    #[test]
    fn dates_round_trip_through_iso_text() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2026-11-21",
            "2027-12-31",
            "1969-12-31",
        ] {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.iso(), text);
            assert_eq!(serde_json::to_string(&date).unwrap(), format!("\"{text}\""));
        }
        assert_eq!(Date::parse("1970-01-01"), Some(Date(0)));
        assert_eq!(Date::at(NOV_21_2026_0605_UTC, 0).iso(), "2026-11-21");
        assert_eq!(Date::at(NOV_21_2026_0605_UTC, -420).iso(), "2026-11-20");
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-11-21",
            "2026-1-21",
            "2026/11/21",
            "+026-11-21",
            "",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2100-02-29").is_none());
    }

    #[test]
    fn weekdays_and_weeks() {
        let saturday = Date::parse("2026-11-21").unwrap();
        assert_eq!(saturday.weekday(), Weekday::Saturday);
        assert_eq!(Date(0).weekday(), Weekday::Thursday);
        assert_eq!(saturday.week_start().iso(), "2026-11-16");
        assert_eq!(saturday.next_on(Weekday::Saturday), saturday);
        assert_eq!(saturday.next_on(Weekday::Monday).iso(), "2026-11-23");
        assert_eq!(saturday.next_on(Weekday::Friday).iso(), "2026-11-27");
        assert_eq!(saturday.label(), "21 Nov 2026");
        assert_eq!(saturday.days_until(Date::parse("2027-01-01").unwrap()), 41);
        assert_eq!(Weekday::from_id("sunday"), Some(Weekday::Sunday));
        assert_eq!(Weekday::Tuesday.code(), "TU");
    }

    #[test]
    fn a_date_field_gives_a_date_only_with_a_plausible_year() {
        assert_eq!(entered_date(""), Ok(None));
        assert_eq!(entered_date("2026-03-01"), Ok(Date::parse("2026-03-01")));
        assert_eq!(entered_date("1970-01-01"), Ok(Some(Date(0))));
        assert!(entered_date("2200-12-31").unwrap().is_some());
        // A year typed digit by digit on its way to 2026.
        for (text, year) in [
            ("0002-03-01", 2),
            ("0020-03-01", 20),
            ("0202-03-01", 202),
            ("0026-03-01", 26),
            ("1969-12-31", 1969),
            ("2201-01-01", 2201),
            ("9999-12-31", 9999),
        ] {
            assert_eq!(entered_date(text), Err(DateProblem::Year(year)), "{text}");
        }
        assert_eq!(entered_date("2026-02-30"), Err(DateProblem::NotADate));
        assert_eq!(
            DateProblem::Year(26).message(),
            "0026 is not a year this plan can use: give a date from 1970 to 2200. Nothing has \
             been changed."
        );
    }
}

//! Dates without a date library: Unix milliseconds in, plain words out.

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

#[cfg(test)]
mod tests {
    use super::*;

    const NOV_21_2026_0605_UTC: Millis = 1_795_241_100_000;

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
}

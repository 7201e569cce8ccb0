//! The clock and the user's time zone, read from the browser: the one
//! place the view asks what time it is, so that `core` takes time as an
//! argument and is tested with any time it likes.

use crate::core::time::{Date, Millis};

/// The current time in Unix milliseconds.
pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// The user's time zone, in minutes east of UTC.
pub fn utc_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

/// Today in the user's time zone.
pub fn today() -> Date {
    Date::at(now(), utc_offset_minutes())
}

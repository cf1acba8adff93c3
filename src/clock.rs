//! The time of day for spaced review and mock interviews, in Unix seconds. `KATA_NOW`
//! (Unix seconds) stands in for the clock, for tests of what days and minutes change; it
//! is read for nothing else.

use std::time::{SystemTime, UNIX_EPOCH};

pub fn now() -> u64 {
    if let Some(now) = std::env::var("KATA_NOW")
        .ok()
        .and_then(|v| v.trim().parse().ok())
    {
        return now;
    }
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A span of seconds for people: `3 days`, `1 day`, `5 h`, `12 min`.
pub fn span(secs: u64) -> String {
    const DAY: u64 = 86_400;
    match secs {
        s if s >= 2 * DAY => format!("{} days", s / DAY),
        s if s >= DAY => "1 day".to_string(),
        s if s >= 3600 => format!("{} h", s / 3600),
        s => format!("{} min", s.div_ceil(60)),
    }
}

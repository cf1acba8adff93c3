//! Spaced review: a solved kata comes due again after 1, 3, 7, 16 and 35 days. A review
//! accepted while due moves it one step along (staying at the last), a rejected one back
//! to the first. Plain data and plain functions; the progress file keeps a [`Review`] per
//! solved kata.

use serde::{Deserialize, Serialize};

/// The waits, in days, after the first solve and after each review passed.
pub const INTERVALS_DAYS: [u64; 5] = [1, 3, 7, 16, 35];

const DAY: u64 = 86_400;

/// Where a solved kata stands in its reviews.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The index in [`INTERVALS_DAYS`] of the wait that ends at `due`.
    pub step: usize,
    /// When it comes due, in Unix seconds.
    pub due: u64,
    /// Reviews accepted while due.
    #[serde(default)]
    pub passed: u32,
    /// Reviews rejected while due.
    #[serde(default)]
    pub failed: u32,
}

impl Review {
    /// The first wait, from a first solve at `now`.
    pub fn first(now: u64) -> Review {
        Review {
            step: 0,
            due: now + INTERVALS_DAYS[0] * DAY,
            passed: 0,
            failed: 0,
        }
    }

    pub fn is_due(&self, now: u64) -> bool {
        now >= self.due
    }

    /// A review judged at `now`: one step along when accepted, back to the first when not.
    pub fn judged(&mut self, accepted: bool, now: u64) {
        if accepted {
            self.step = (self.step + 1).min(INTERVALS_DAYS.len() - 1);
            self.passed += 1;
        } else {
            self.step = 0;
            self.failed += 1;
        }
        self.due = now + INTERVALS_DAYS[self.step] * DAY;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pass_waits_longer_and_a_failure_starts_again() {
        let mut r = Review::first(0);
        assert_eq!(r.due, DAY);
        assert!(!r.is_due(DAY - 1) && r.is_due(DAY));
        let mut now = r.due;
        let mut waits = Vec::new();
        for _ in 0..5 {
            r.judged(true, now);
            waits.push((r.due - now) / DAY);
            now = r.due;
        }
        assert_eq!(waits, [3, 7, 16, 35, 35]);
        r.judged(false, now);
        assert_eq!((r.step, r.due - now, r.passed, r.failed), (0, DAY, 5, 1));
    }
}

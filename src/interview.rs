//! Mock interviews: a few unsolved katas against a countdown, hints locked while it runs,
//! and a summary (time to first accept, attempts, verdicts) kept in the progress file.
//! Plain data; the commands around it read the clock and print.

use crate::verdict::Verdict;
use serde::{Deserialize, Serialize};

/// A mock interview, running or over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    /// When it started and when its time is up, in Unix seconds.
    pub started: u64,
    pub ends: u64,
    #[serde(default)]
    pub topic: Option<String>,
    pub katas: Vec<InterviewKata>,
    /// When it ended, and how; `None` while it runs.
    #[serde(default)]
    pub ended: Option<Ended>,
}

/// How an interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ended {
    pub at: u64,
    pub why: EndedWhy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndedWhy {
    /// Every kata was accepted.
    AllAccepted,
    TimeUp,
    /// `kata interview --stop`.
    Stopped,
}

/// One kata of an interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewKata {
    pub id: String,
    /// Submissions during the interview.
    #[serde(default)]
    pub attempts: u32,
    /// Seconds from the start to the first accepted submission.
    #[serde(default)]
    pub first_accept: Option<u64>,
    #[serde(default)]
    pub last_verdict: Option<Verdict>,
}

impl Interview {
    pub fn new(now: u64, minutes: u64, topic: Option<String>, ids: Vec<String>) -> Interview {
        Interview {
            started: now,
            ends: now + minutes * 60,
            topic,
            katas: ids
                .into_iter()
                .map(|id| InterviewKata {
                    id,
                    attempts: 0,
                    first_accept: None,
                    last_verdict: None,
                })
                .collect(),
            ended: None,
        }
    }

    /// Whether it still runs at `now` (time left, not ended).
    pub fn is_running(&self, now: u64) -> bool {
        self.ended.is_none() && now < self.ends
    }

    /// Seconds left at `now`.
    pub fn left(&self, now: u64) -> u64 {
        self.ends.saturating_sub(now)
    }

    pub fn accepted(&self) -> usize {
        self.katas
            .iter()
            .filter(|k| k.first_accept.is_some())
            .count()
    }

    /// A submission of `id` at `now`, while it runs.
    pub fn record(&mut self, id: &str, verdict: Verdict, now: u64) {
        if !self.is_running(now) {
            return;
        }
        let started = self.started;
        if let Some(k) = self.katas.iter_mut().find(|k| k.id == id) {
            k.attempts += 1;
            k.last_verdict = Some(verdict);
            if verdict == Verdict::Accepted && k.first_accept.is_none() {
                k.first_accept = Some(now - started);
            }
        }
    }

    /// Ends it if its time is up or every kata is accepted; whether it ended now.
    pub fn settle(&mut self, now: u64) -> bool {
        if self.ended.is_some() {
            return false;
        }
        let why = if self.accepted() == self.katas.len() {
            EndedWhy::AllAccepted
        } else if now >= self.ends {
            EndedWhy::TimeUp
        } else {
            return false;
        };
        self.ended = Some(Ended {
            at: now.min(self.ends),
            why,
        });
        true
    }

    /// Ends it now (`--stop`).
    pub fn stop(&mut self, now: u64) {
        if !self.settle(now) && self.ended.is_none() {
            self.ended = Some(Ended {
                at: now,
                why: EndedWhy::Stopped,
            });
        }
    }
}

/// `mm:ss` (or `h:mm:ss`).
pub fn clock_face(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interview_keeps_first_accepts_and_ends_when_all_are_accepted() {
        let mut iv = Interview::new(100, 30, None, vec!["a".into(), "b".into()]);
        iv.record("a", Verdict::WrongAnswer, 160);
        iv.record("a", Verdict::Accepted, 400);
        iv.record("a", Verdict::WrongAnswer, 500);
        assert!(!iv.settle(500));
        iv.record("b", Verdict::Accepted, 700);
        assert!(iv.settle(700));
        assert_eq!(iv.katas[0].first_accept, Some(300));
        assert_eq!(iv.katas[0].attempts, 3);
        assert_eq!(iv.ended.unwrap().why, EndedWhy::AllAccepted);
        // Nothing counts once it is over.
        iv.record("b", Verdict::WrongAnswer, 800);
        assert_eq!(iv.katas[1].attempts, 1);
    }

    #[test]
    fn time_up_ends_it_at_its_end() {
        let mut iv = Interview::new(0, 1, None, vec!["a".into()]);
        assert!(iv.is_running(59));
        assert!(!iv.is_running(60));
        assert!(iv.settle(1000));
        assert_eq!(
            iv.ended.unwrap(),
            Ended {
                at: 60,
                why: EndedWhy::TimeUp
            }
        );
        assert_eq!(clock_face(3599), "59:59");
        assert_eq!(clock_face(3600), "1:00:00");
    }
}

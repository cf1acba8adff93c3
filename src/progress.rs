//! The learner's progress: which katas are solved, attempts, hints shown and the kata `next`
//! served last, kept in `.kata/progress.json` in the workspace and written atomically.

use crate::error::{Error, Result};
use crate::interview::Interview;
use crate::review::Review;
use crate::verdict::Verdict;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Progress {
    /// The kata `next` served last: `submit` without an argument judges it.
    #[serde(default)]
    pub last_served: Option<String>,
    #[serde(default)]
    pub katas: BTreeMap<String, KataProgress>,
    /// Mock interviews, the latest last (it may still run).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interviews: Vec<Interview>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct KataProgress {
    #[serde(default)]
    pub solved: bool,
    #[serde(default)]
    pub attempts: u32,
    /// The verdict of the last submission.
    #[serde(default)]
    pub last_verdict: Option<Verdict>,
    /// Tests passed by the best submission, out of `total`.
    #[serde(default)]
    pub best_passed: usize,
    #[serde(default)]
    pub total: usize,
    #[serde(default)]
    pub hints_shown: usize,
    /// The reference solution was shown before the kata was solved (`solution --reveal`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revealed: bool,
    /// When the solved kata comes due for review, and how far along its reviews are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

/// Learner-facing status of a kata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    Attempted,
    Solved,
}

impl Progress {
    pub fn path(workspace: &Path) -> PathBuf {
        workspace.join(".kata").join("progress.json")
    }

    /// Reads the progress file; a missing file is an empty progress, a corrupt one an error
    /// (never silently replaced: it holds what the learner earned).
    pub fn load(workspace: &Path) -> Result<Progress> {
        let path = Self::path(workspace);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Progress::default()),
            Err(e) => return Err(Error::io("read", &path, e)),
        };
        serde_json::from_str(&text).map_err(|e| Error::Located {
            file: crate::workspace::display_path(&path).display().to_string(),
            line: e.line(),
            column: e.column(),
            message: format!("{e} (fix or remove the file)")
                .replace(&format!(" at line {} column {}", e.line(), e.column()), ""),
        })
    }

    /// Writes the progress file atomically.
    pub fn save(&self, workspace: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self).expect("progress serializes");
        crate::workspace::write_atomic(&Self::path(workspace), &text)
    }

    /// Reads, changes and writes the progress file under an exclusive lock on
    /// `.kata/lock`, so that two commands running at once (two terminals, a script) never
    /// lose each other's update.
    pub fn update<T>(workspace: &Path, change: impl FnOnce(&mut Progress) -> T) -> Result<T> {
        let dir = workspace.join(".kata");
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))?;
        let lock_path = dir.join("lock");
        let lock = std::fs::File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::io("open", &lock_path, e))?;
        crate::sys::lock_exclusive(&lock).map_err(|e| Error::io("lock", &lock_path, e))?;
        let mut progress = Progress::load(workspace)?;
        let out = change(&mut progress);
        progress.save(workspace)?;
        Ok(out)
    }

    /// Records a review (a judged `review/ID.rs`) at `now`. It counts only while the kata
    /// is due; returns its review afterwards when it counted.
    pub fn record_review(&mut self, id: &str, accepted: bool, now: u64) -> Option<Review> {
        let review = self.entry(id).review.as_mut()?;
        if !review.is_due(now) {
            return None;
        }
        review.judged(accepted, now);
        Some(review.clone())
    }

    /// The interview running at `now`, if one is.
    pub fn running_interview(&self, now: u64) -> Option<&Interview> {
        self.interviews.last().filter(|iv| iv.is_running(now))
    }

    /// Records a submission in the running interview and ends it when its time is up or
    /// every kata is accepted; returns the interview when it ended now.
    pub fn record_interview(&mut self, id: &str, verdict: Verdict, now: u64) -> Option<Interview> {
        let iv = self.interviews.last_mut()?;
        iv.record(id, verdict, now);
        iv.settle(now).then(|| iv.clone())
    }

    /// The katas due for review at `now`, the most overdue first.
    pub fn due_reviews(&self, now: u64) -> Vec<(&str, &Review)> {
        let mut due: Vec<(&str, &Review)> = self
            .katas
            .iter()
            .filter_map(|(id, k)| k.review.as_ref().map(|r| (id.as_str(), r)))
            .filter(|(_, r)| r.is_due(now))
            .collect();
        due.sort_by_key(|(id, r)| (r.due, *id));
        due
    }

    pub fn status(&self, id: &str) -> Status {
        match self.katas.get(id) {
            Some(k) if k.solved => Status::Solved,
            Some(k) if k.attempts > 0 => Status::Attempted,
            _ => Status::New,
        }
    }

    pub fn entry(&mut self, id: &str) -> &mut KataProgress {
        self.katas.entry(id.to_string()).or_default()
    }

    /// Records a submission's result. A kata once solved stays solved.
    pub fn record(&mut self, id: &str, verdict: Verdict, passed: usize, total: usize) {
        let k = self.entry(id);
        k.attempts += 1;
        k.last_verdict = Some(verdict);
        if verdict == Verdict::Accepted {
            k.solved = true;
            k.review
                .get_or_insert_with(|| Review::first(crate::clock::now()));
        }
        if passed >= k.best_passed {
            k.best_passed = passed;
            k.total = total;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_round_trips_and_solved_stays_solved() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = Progress::load(dir.path()).unwrap();
        p.record("two-sum", Verdict::Accepted, 12, 12);
        p.record("two-sum", Verdict::WrongAnswer, 3, 12);
        p.save(dir.path()).unwrap();
        Progress::update(dir.path(), |p| p.entry("iou").hints_shown = 1).unwrap();
        let p = Progress::load(dir.path()).unwrap();
        assert_eq!(p.katas["iou"].hints_shown, 1);
        assert_eq!(p.status("two-sum"), Status::Solved);
        assert_eq!(p.katas["two-sum"].attempts, 2);
        assert_eq!(p.katas["two-sum"].best_passed, 12);
        assert_eq!(p.status("iou"), Status::New);
    }

    #[test]
    fn a_corrupt_file_is_an_error_with_its_location() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".kata")).unwrap();
        std::fs::write(Progress::path(dir.path()), "{\n  \"katas\": [\n").unwrap();
        let err = Progress::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("progress.json:"), "{err}");
    }
}

//! `--shard K/N`: a deterministic share of a class's submissions, by a stable hash of the
//! student and the kata, so that N machines (a CI matrix, an indexed job, an array job)
//! judge the class between them without talking to each other.

use crate::cache;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Share `index` of `count`, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// The whole class.
    pub const ALL: Shard = Shard { index: 1, count: 1 };

    /// Whether this share judges `student`'s file for `kata`. The hash is SHA-256, so it is
    /// the same on every machine, platform and version.
    pub fn owns(&self, student: &str, kata: &str) -> bool {
        let key = cache::key(&[student.as_bytes(), kata.as_bytes()]);
        let n = u64::from_str_radix(&key[..16], 16).expect("hex digest");
        n % u64::from(self.count) == u64::from(self.index - 1)
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("`{s}`: expected K/N with 1 ≤ K ≤ N (e.g. 2/8)");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_split_a_class_between_them() {
        assert_eq!("2/3".parse(), Ok(Shard { index: 2, count: 3 }));
        for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        let shards: Vec<Shard> = (1..=3).map(|k| Shard { index: k, count: 3 }).collect();
        let mut counts = [0; 3];
        for s in 0..60 {
            let student = format!("student{s}");
            let owners: Vec<usize> = (0..3)
                .filter(|&i| shards[i].owns(&student, "two-sum"))
                .collect();
            assert_eq!(owners.len(), 1, "exactly one shard owns each file");
            counts[owners[0]] += 1;
            assert!(Shard::ALL.owns(&student, "two-sum"));
        }
        assert!(counts.iter().all(|&c| c > 5), "{counts:?}");
    }
}

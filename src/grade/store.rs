//! The output folder of a grading run. What instructors read: `grades.csv`, `report.html`,
//! `similarity.csv` and `results/STUDENT/KATA.json` (one `submit --json` object each). What
//! the run keeps for itself in `.grade/`: the roster, the share it judges, the similarity
//! pairs and, beside each result, the key of what it judged, so a run started again judges
//! only what is missing or changed. Every file is written atomically; the final files are
//! made from the folder alone, so a resumed run and a merge of shards write what one run
//! would have.

use super::class::Class;
use super::shard::Shard;
use super::similarity::Pair;
use crate::error::{Error, Result};
use crate::verdict::Verdict;
use crate::workspace::write_atomic_with_mode;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const STATE: &str = ".grade";
const RESULTS: &str = "results";
pub const GRADES: &str = "grades.csv";
pub const REPORT: &str = "report.html";
pub const SIMILARITY: &str = "similarity.csv";
/// Grades are for sharing (a course page, a spreadsheet): readable as any file the
/// instructor makes, as the umask allows.
const MODE: u32 = 0o644;

/// A submission's result as `results/STUDENT/KATA.json` holds it: the part of `submit
/// --json` the grades and the report read.
#[derive(Debug, Clone, Deserialize)]
pub struct Graded {
    pub message: Option<String>,
    pub verdict: Verdict,
    pub passed: usize,
    pub total: usize,
    pub tests: Vec<GradedTest>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GradedTest {
    pub name: String,
    pub verdict: Verdict,
    pub time_ms: f64,
    pub message: Option<String>,
    pub sample: bool,
}

/// Everything a finished folder holds, read back.
pub struct Grades {
    pub class: Class,
    /// By (student, kata).
    pub results: BTreeMap<(String, String), Graded>,
    pub pairs: Vec<Pair>,
}

pub struct Out {
    pub dir: PathBuf,
}

impl Out {
    pub fn new(dir: PathBuf) -> Out {
        Out { dir }
    }

    fn state(&self, name: &str) -> PathBuf {
        self.dir.join(STATE).join(name)
    }

    pub fn results_path(&self, student: &str, kata: &str) -> PathBuf {
        self.dir
            .join(RESULTS)
            .join(student)
            .join(format!("{kata}.json"))
    }

    fn key_path(&self, student: &str, kata: &str) -> PathBuf {
        self.state("keys").join(student).join(kata)
    }

    pub fn write_class(&self, class: &Class, shard: Shard, pairs: &[Pair]) -> Result<()> {
        write_json(&self.state("class.json"), class)?;
        write_json(&self.state("similarity.json"), pairs)?;
        write_json(&self.state("shard.json"), &shard)
    }

    /// The roster and share of an earlier run in this folder, if any.
    pub fn class(&self) -> Result<Option<(Class, Shard)>> {
        let path = self.state("class.json");
        if !path.exists() {
            return Ok(None);
        }
        Ok(Some((
            read_json(&path)?,
            read_json(&self.state("shard.json"))?,
        )))
    }

    pub fn pairs(&self) -> Result<Vec<Pair>> {
        read_json(&self.state("similarity.json"))
    }

    /// Whether the result of `student`'s file for `kata` is here, made from what `key` names.
    pub fn done(&self, student: &str, kata: &str, key: &str) -> bool {
        std::fs::read_to_string(self.key_path(student, kata)).is_ok_and(|k| k == key)
            && self.results_path(student, kata).is_file()
    }

    /// Records a result: the result first, its key after it, so a run killed between the two
    /// judges the file again rather than trusting a result it did not finish writing.
    pub fn record(&self, student: &str, kata: &str, key: &str, json: &str) -> Result<()> {
        write_atomic_with_mode(&self.results_path(student, kata), json.as_bytes(), MODE)?;
        write_atomic_with_mode(&self.key_path(student, kata), key.as_bytes(), MODE)
    }

    /// Copies the result of `student`'s file for `kata` from `other` (a shard's folder).
    pub fn copy_from(&self, other: &Out, student: &str, kata: &str) -> Result<()> {
        let read = |p: &Path| std::fs::read(p).map_err(|e| Error::io("read", p, e));
        let json = read(&other.results_path(student, kata))?;
        let key = read(&other.key_path(student, kata))?;
        write_atomic_with_mode(&self.results_path(student, kata), &json, MODE)?;
        write_atomic_with_mode(&self.key_path(student, kata), &key, MODE)
    }

    /// Whether every file of this share is judged.
    pub fn missing(&self, class: &Class, shard: Shard) -> usize {
        class
            .submissions()
            .filter(|(s, k)| shard.owns(s, k))
            .filter(|(s, k)| !self.key_path(s, k).is_file() || !self.results_path(s, k).is_file())
            .count()
    }

    /// Removes the results of files no longer in the class (a student who left, a file
    /// removed), so the folder holds this class's results only.
    pub fn prune(&self, class: &Class) -> Result<()> {
        let keep: std::collections::BTreeSet<PathBuf> = class
            .submissions()
            .flat_map(|(s, k)| [self.results_path(s, k), self.key_path(s, k)])
            .collect();
        // What a killed run was writing when it died.
        for dir in [self.dir.clone(), self.dir.join(STATE)] {
            for f in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                if f.file_name().to_string_lossy().starts_with(".tmp") {
                    let _ = std::fs::remove_file(f.path());
                }
            }
        }
        for root in [self.dir.join(RESULTS), self.state("keys")] {
            let Ok(students) = std::fs::read_dir(&root) else {
                continue;
            };
            for student in students.flatten() {
                let Ok(files) = std::fs::read_dir(student.path()) else {
                    continue;
                };
                for f in files.flatten() {
                    let p = f.path();
                    if f.file_type().is_ok_and(|t| t.is_file()) && !keep.contains(&p) {
                        std::fs::remove_file(&p).map_err(|e| Error::io("remove", &p, e))?;
                    }
                }
                // Only when empty.
                let _ = std::fs::remove_dir(student.path());
            }
        }
        Ok(())
    }

    /// The whole folder, read back: it must hold a result for every submission.
    pub fn load(&self) -> Result<Grades> {
        let Some((class, _)) = self.class()? else {
            return Err(Error::input(format!(
                "{}: no grading run here (no {STATE}/class.json)",
                self.dir.display()
            )));
        };
        let mut results = BTreeMap::new();
        for (student, kata) in class.submissions() {
            let graded: Graded = read_json(&self.results_path(student, kata))?;
            results.insert((student.to_string(), kata.to_string()), graded);
        }
        let pairs = self.pairs()?;
        Ok(Grades {
            class,
            results,
            pairs,
        })
    }

    /// The results of the files of one share.
    pub fn load_share(&self, class: &Class, shard: Shard) -> Result<Vec<Graded>> {
        class
            .submissions()
            .filter(|(s, k)| shard.owns(s, k))
            .map(|(s, k)| read_json(&self.results_path(s, k)))
            .collect()
    }

    pub fn write(&self, name: &str, text: &str) -> Result<()> {
        write_atomic_with_mode(&self.dir.join(name), text.as_bytes(), MODE)
    }
}

fn write_json<T: Serialize + ?Sized>(path: &Path, value: &T) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value).expect("serializes");
    text.push('\n');
    write_atomic_with_mode(path, text.as_bytes(), MODE)
}

fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
    serde_json::from_str(&text).map_err(|e| Error::Located {
        file: path.display().to_string(),
        line: e.line(),
        column: e.column(),
        message: format!("{e}")
            .replace(&format!(" at line {} column {}", e.line(), e.column()), ""),
    })
}

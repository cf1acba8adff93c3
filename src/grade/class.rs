//! The class to grade: one folder per student (a cloned repository each), holding `ID.rs`
//! files for the katas attempted. What each file is — a submission, a file for a kata that
//! does not exist, a file that cannot be read — is decided here, once, for every shard.

use crate::cache;
use crate::error::{Error, Result};
use crate::harness;
use crate::kata::KataSet;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The roster, as `class.json` keeps it: every shard of a class computes the same one, and
/// `merge` refuses shards whose rosters differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Class {
    /// Every student folder, sorted by name.
    pub students: Vec<String>,
    /// The katas someone handed a file in for, in study order: the columns of the grades.
    pub katas: Vec<KataInfo>,
    /// Every `.rs` file handed in, by student, then by file name.
    pub files: Vec<Handed>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KataInfo {
    pub id: String,
    pub title: String,
    /// The starter file `kata next` writes: what every submission shares by construction.
    pub starter: String,
}

/// One file of a student's folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handed {
    pub student: String,
    /// The file's name in the student's folder.
    pub file: String,
    /// The kata it is for, when its stem names one.
    pub kata: Option<String>,
    pub state: State,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum State {
    /// A file to judge, by a digest of its text.
    Submitted { digest: String },
    /// Its stem is no kata of the set.
    UnknownKata,
    /// It could not be read (a symbolic link, not UTF-8, no permission...).
    Unreadable { why: String },
}

/// A submission to judge: which file, and its text.
pub struct Source {
    pub student: String,
    pub kata: String,
    pub digest: String,
    pub text: String,
}

impl Class {
    /// Reads the class in `dir` against the katas of `set`; `read` reads one file (the same
    /// rules as `submit`: no symbolic links, UTF-8 only), its error becoming the reason a
    /// file is reported unreadable.
    pub fn discover(
        dir: &Path,
        set: &KataSet,
        read: impl Fn(&Path) -> Result<String>,
    ) -> Result<(Class, Vec<Source>)> {
        let mut students = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| Error::io("read", dir, e))? {
            let entry = entry.map_err(|e| Error::io("read", dir, e))?;
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            // `.git`, `.github` and the like are no students; a symbolic link is not
            // followed (it could point anywhere on the grader's machine).
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if !name.starts_with('.') && is_dir {
                students.push(name);
            }
        }
        if students.is_empty() {
            return Err(Error::input(format!(
                "{}: no student folders (expected one folder per student, holding ID.rs files)",
                dir.display()
            )));
        }
        students.sort();
        let mut files = Vec::new();
        let mut sources = Vec::new();
        for student in &students {
            let folder = dir.join(student);
            let mut names: Vec<String> = std::fs::read_dir(&folder)
                .map_err(|e| Error::io("read", &folder, e))?
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".rs") && !n.starts_with('.'))
                .collect();
            names.sort();
            for file in names {
                let stem = file.trim_end_matches(".rs");
                let kata = set.katas.iter().find(|k| k.id.as_str() == stem);
                let path = folder.join(&file);
                let state = match (kata, read(&path)) {
                    (None, _) => State::UnknownKata,
                    (Some(_), Err(e)) => State::Unreadable {
                        why: without_path(&e.to_string(), &path),
                    },
                    (Some(k), Ok(text)) => {
                        let digest = cache::key(&[text.as_bytes()]);
                        sources.push(Source {
                            student: student.clone(),
                            kata: k.id.as_str().to_string(),
                            digest: digest.clone(),
                            text,
                        });
                        State::Submitted { digest }
                    }
                };
                files.push(Handed {
                    student: student.clone(),
                    kata: kata.map(|k| k.id.as_str().to_string()),
                    file,
                    state,
                });
            }
        }
        let katas = set
            .katas
            .iter()
            .filter(|k| {
                files
                    .iter()
                    .any(|f| f.kata.as_deref() == Some(k.id.as_str()))
            })
            .map(|k| KataInfo {
                id: k.id.as_str().to_string(),
                title: k.title.clone(),
                starter: harness::starter(k),
            })
            .collect();
        Ok((
            Class {
                students,
                katas,
                files,
            },
            sources,
        ))
    }

    /// The file a student handed in for a kata.
    pub fn handed(&self, student: &str, kata: &str) -> Option<&Handed> {
        self.files
            .iter()
            .find(|f| f.student == student && f.kata.as_deref() == Some(kata))
    }

    /// The files to judge, as (student, kata).
    pub fn submissions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().filter_map(|f| match (&f.state, &f.kata) {
            (State::Submitted { .. }, Some(k)) => Some((f.student.as_str(), k.as_str())),
            _ => None,
        })
    }

    /// The files that are not graded: for no kata, or unreadable.
    pub fn problems(&self) -> impl Iterator<Item = (&Handed, String)> {
        self.files.iter().filter_map(|f| match &f.state {
            State::Submitted { .. } => None,
            State::UnknownKata => {
                Some((f, format!("no kata `{}`", f.file.trim_end_matches(".rs"))))
            }
            State::Unreadable { why } => Some((f, format!("cannot be read: {why}"))),
        })
    }
}

/// Why a file cannot be read, without its path: the roster must be the same wherever the
/// class folder is (each shard may have it elsewhere), and the report names the file.
fn without_path(why: &str, path: &Path) -> String {
    let shown = path.display().to_string();
    why.strip_prefix(&format!("cannot read {shown}: "))
        .or_else(|| why.strip_prefix(&format!("{shown}: ")))
        .unwrap_or(why)
        .to_string()
}

//! The temporary crate a program is built in, and the name its file goes by. The harness
//! writes the `#[path]` that includes the file, the compiler writes the files and remaps their
//! paths in diagnostics; both take every place from here.

use crate::error::{Error, Result};
use crate::workspace::display_path;
use std::path::{Path, PathBuf};

/// How diagnostics name the harness's own files (errors there mean the learner's signature
/// differs from the kata's).
pub const HARNESS_DISPLAY: &str = "<kata harness>/";

/// A program's source and the name diagnostics and panic messages give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub text: String,
    /// The file's name (`two-sum.rs`).
    pub name: String,
    /// Its folder as the learner sees it: `""` or `"work/"`.
    pub shown_dir: String,
}

impl SourceFile {
    /// The file at `path`, named as the learner sees it: relative to the current folder when
    /// it is inside it.
    pub fn at(path: &Path, text: String) -> Result<SourceFile> {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| Error::input(format!("{}: not a file name", path.display())))?;
        let shown_dir = match display_path(path).parent() {
            Some(p) if !p.as_os_str().is_empty() => format!("{}/", p.display()),
            _ => String::new(),
        };
        Ok(SourceFile::named(name, &shown_dir, text))
    }

    pub fn named(name: &str, shown_dir: &str, text: String) -> SourceFile {
        SourceFile {
            text,
            name: name.to_string(),
            shown_dir: shown_dir.to_string(),
        }
    }

    /// The path as the learner sees it.
    pub fn shown(&self) -> String {
        format!("{}{}", self.shown_dir, self.name)
    }
}

/// The temporary crate at `root`: the program's file in `src/`, and at the top the harness's
/// crate root, `main.rs`, which includes the file as `mod solution`.
#[derive(Debug, Clone)]
pub struct CrateLayout {
    root: PathBuf,
}

/// The folder of the program's file, relative to the crate root.
const SOURCE_DIR: &str = "src";
/// The harness's crate root.
const MAIN: &str = "main.rs";

impl CrateLayout {
    pub fn new(root: &Path) -> CrateLayout {
        CrateLayout {
            root: root.to_path_buf(),
        }
    }

    /// Creates the crate's folders.
    pub fn create(&self) -> Result<()> {
        let dir = self.root.join(SOURCE_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))
    }

    /// Where the program's file goes.
    pub fn source(&self, file: &SourceFile) -> PathBuf {
        self.root.join(SOURCE_DIR).join(&file.name)
    }

    /// Where the harness's crate root goes.
    pub fn main(&self) -> PathBuf {
        self.root.join(MAIN)
    }

    /// The `#[path]` of the program's file as seen from the harness's crate root.
    pub fn module_path(file: &SourceFile) -> String {
        format!("{SOURCE_DIR}/{}", file.name)
    }

    /// `--remap-path-prefix` values that make diagnostics and panic messages name the
    /// program's file as the learner sees it, and the harness as [`HARNESS_DISPLAY`].
    pub fn remaps(&self, file: &SourceFile) -> [String; 2] {
        [
            format!(
                "{}/={}",
                self.root.join(SOURCE_DIR).display(),
                file.shown_dir
            ),
            format!("{}={HARNESS_DISPLAY}{MAIN}", self.main().display()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_named_as_the_learner_sees_it() {
        let f = SourceFile::at(Path::new("work/add.rs"), String::new()).unwrap();
        assert_eq!((f.name.as_str(), f.shown_dir.as_str()), ("add.rs", "work/"));
        assert_eq!(f.shown(), "work/add.rs");
        let f = SourceFile::at(Path::new("./add.rs"), String::new()).unwrap();
        assert_eq!(f.shown(), "add.rs");
    }

    #[test]
    fn the_harness_includes_the_file_where_the_compiler_writes_it() {
        let layout = CrateLayout::new(Path::new("/tmp/b"));
        let f = SourceFile::named("add.rs", "work/", String::new());
        assert_eq!(
            layout
                .main()
                .parent()
                .unwrap()
                .join(CrateLayout::module_path(&f)),
            layout.source(&f)
        );
        assert_eq!(
            layout.remaps(&f),
            [
                "/tmp/b/src/=work/".to_string(),
                "/tmp/b/main.rs=<kata harness>/main.rs".to_string()
            ]
        );
    }
}

//! The workspace as a Cargo project, so that an editor's rust-analyzer (and `cargo check`)
//! sees the learner's files: a `Cargo.toml` at the top of the workspace whose library is
//! `.kata.rs`, which includes each kata file (`ID.rs`, `review/ID.rs`) as a module through
//! `#[path]`. The crate root sits beside the files so that every diagnostic names the
//! learner's own file (`two-sum.rs:3:5`), not a path through the tool's folder.
//!
//! Nothing here is judged: `submit` compiles the learner's file on its own, as before. The
//! project has no dependencies, so `cargo check --offline` works. A `Cargo.toml` without
//! the tool's first line is the learner's own and is never touched.

use crate::error::Result;
use crate::kata::KataSet;
use crate::workspace::{write_atomic, Workspace};
use std::path::Path;

/// The crate root, beside the learner's files.
pub const CRATE_ROOT: &str = ".kata.rs";

/// The first line of a manifest the tool wrote; without it a `Cargo.toml` is the learner's.
const MARK: &str = "# Written by `kata next`";

/// What became of the editor project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Project {
    /// `Cargo.toml` was written now (it did not exist).
    Created,
    /// The tool's project is up to date.
    Kept,
    /// The workspace has a `Cargo.toml` of the learner's, which does not name the crate
    /// root: the text says what to add.
    Theirs(String),
}

/// The module name of a kata file: dashes become underscores; a kata id may start with a
/// digit, which a module name may not.
fn module_name(prefix: &str, id: &str) -> String {
    let name = format!("{prefix}{}", id.replace('-', "_"));
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("kata_{name}")
    } else {
        name
    }
}

/// The crate root including `files` (module name, path relative to the workspace).
fn crate_root(files: &[(String, String)]) -> String {
    let mut s = String::from(
        "// Written by `kata next` so that editors and `cargo check` see your kata files, each\n\
         // as a module of this crate; rewritten as files come. `kata submit` does not use it.\n\
         #![allow(dead_code)]\n",
    );
    for (module, path) in files {
        s.push_str(&format!("\n#[path = \"{path}\"]\npub mod {module};\n"));
    }
    s
}

fn manifest() -> String {
    format!(
        "{MARK} so that editors (rust-analyzer) and `cargo check` see your\n\
         # kata files. `kata submit` does not use it. Replace it with your own if you like:\n\
         # kata then never touches it.\n\
         [package]\n\
         name = \"kata-workspace\"\n\
         version = \"0.0.0\"\n\
         edition = \"2021\"\n\
         publish = false\n\
         autobins = false\n\
         autoexamples = false\n\
         autotests = false\n\
         autobenches = false\n\
         \n\
         [lib]\n\
         path = \"{CRATE_ROOT}\"\n\
         \n\
         # A workspace of its own, even inside another Cargo project's folder.\n\
         [workspace]\n"
    )
}

/// The kata files of the workspace: `ID.rs` and `review/ID.rs` for each kata of `set`
/// that has one, in study order.
fn kata_files(ws: &Workspace, set: &KataSet) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (dir, prefix) in [("", ""), ("review/", "review_")] {
        for kata in &set.katas {
            let id = kata.id.as_str();
            let rel = format!("{dir}{id}.rs");
            if ws.root.join(&rel).is_file() {
                files.push((module_name(prefix, id), rel));
            }
        }
    }
    files
}

/// Creates or updates the editor project of `ws` for the kata files it holds.
pub fn update(ws: &Workspace, set: &KataSet) -> Result<Project> {
    let manifest_path = ws.root.join("Cargo.toml");
    let existing = std::fs::read_to_string(&manifest_path).ok();
    let project = match &existing {
        None => {
            write_atomic(&manifest_path, &manifest())?;
            Project::Created
        }
        Some(text) if text.starts_with(MARK) => Project::Kept,
        Some(text) if text.contains(CRATE_ROOT) => Project::Kept,
        Some(_) => Project::Theirs(format!(
            "{} is yours, so kata leaves it as it is; for an editor to see your kata files, \
             add `[lib] path = \"{CRATE_ROOT}\"` to it (or include `{CRATE_ROOT}` as a module)",
            crate::workspace::display_path(&manifest_path).display()
        )),
    };
    write_if_changed(&ws.root.join(CRATE_ROOT), &crate_root(&kata_files(ws, set)))?;
    Ok(project)
}

fn write_if_changed(path: &Path, text: &str) -> Result<()> {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        write_atomic(path, text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names_are_identifiers() {
        assert_eq!(module_name("", "two-sum"), "two_sum");
        assert_eq!(module_name("review_", "two-sum"), "review_two_sum");
        assert_eq!(module_name("", "3sum"), "kata_3sum");
    }

    #[test]
    fn the_crate_root_includes_each_file_by_path() {
        let root = crate_root(&[("two_sum".into(), "two-sum.rs".into())]);
        assert!(
            root.contains("#[path = \"two-sum.rs\"]\npub mod two_sum;"),
            "{root}"
        );
    }
}

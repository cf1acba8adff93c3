//! The learner's workspace: their files (`ID.rs`, created once, never overwritten) and the
//! tool's state in `.kata/`.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
}

impl Workspace {
    pub fn new(root: PathBuf) -> Self {
        Workspace { root }
    }

    /// The learner's file for kata `id`.
    pub fn file(&self, id: &str) -> PathBuf {
        self.root.join(format!("{id}.rs"))
    }

    /// The review file for kata `id` (`kata review`).
    pub fn review_file(&self, id: &str) -> PathBuf {
        self.root.join("review").join(format!("{id}.rs"))
    }

    /// Whether `path` is the review file of kata `id`.
    pub fn is_review_file(&self, path: &Path, id: &str) -> bool {
        let review = self.review_file(id);
        match (path.canonicalize(), review.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }

    /// Writes the starter file unless the learner's file exists; returns whether it wrote.
    pub fn write_starter(&self, id: &str, text: &str) -> Result<bool> {
        write_new(&self.file(id), text)
    }
}

/// Writes `text` to `path` unless a file is there; returns whether it wrote. `create_new`
/// makes the check and the creation one step, so a file appearing in between is never
/// clobbered.
pub fn write_new(path: &Path, text: &str) -> Result<bool> {
    let dir = path.parent().expect("has a parent");
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    match std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(mut f) => {
            f.write_all(text.as_bytes())
                .map_err(|e| Error::io("write", path, e))?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(Error::io("create", path, e)),
    }
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over the old one, so a reader never sees half a file. The file is private (0600).
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
    write_atomic_with_mode(path, text.as_bytes(), 0o600)
}

/// [`write_atomic`] of any bytes, the file getting `mode` (less the umask).
pub fn write_atomic_with_mode(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .permissions(std::fs::Permissions::from_mode(mode))
        .tempfile_in(dir)
        .map_err(|e| Error::io("write in", dir, e))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io("write", tmp.path(), e))?;
    tmp.persist(path)
        .map_err(|e| Error::io("write", path, e.error))?;
    Ok(())
}

/// How to show `path` to the learner: relative to the current folder when it is inside it.
pub fn display_path(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().ok();
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        // `./two-sum.rs` shows as `two-sum.rs`.
        return path
            .components()
            .filter(|c| *c != std::path::Component::CurDir)
            .collect();
    };
    match cwd.and_then(|c| abs.strip_prefix(&c).ok().map(Path::to_path_buf)) {
        Some(rel) if !rel.as_os_str().is_empty() => rel,
        _ => abs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_never_overwrites_the_learners_file() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path().to_path_buf());
        assert!(ws.write_starter("two-sum", "starter").unwrap());
        std::fs::write(ws.file("two-sum"), "my work").unwrap();
        assert!(!ws.write_starter("two-sum", "starter").unwrap());
        assert_eq!(
            std::fs::read_to_string(ws.file("two-sum")).unwrap(),
            "my work"
        );
    }
}

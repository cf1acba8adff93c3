//! A content-addressed cache of built binaries and generated tests, keyed by everything that
//! goes into them (sources, harness, compiler version, flags). Entries are written to a
//! temporary name and renamed, so concurrent judges never see half a file.

use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// How many built binaries are kept, and how many bytes in all; the least recently used go
/// first.
const MAX_BINARIES: usize = 200;
const MAX_BINARY_BYTES: u64 = 1 << 30;
/// The same bounds for generated tests and reports.
const MAX_ENTRIES: usize = 2000;
const MAX_ENTRY_BYTES: u64 = 1 << 30;

#[derive(Debug, Clone)]
pub struct Cache {
    root: PathBuf,
}

/// A hex SHA-256 over the parts, each length-prefixed so that parts cannot run together.
pub fn key(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Cache {
    /// `KATA_CACHE_DIR`, else `$XDG_CACHE_HOME/kata`, else `~/.cache/kata`, else a folder in
    /// the system's temporary directory.
    pub fn locate() -> Cache {
        let root = std::env::var_os("KATA_CACHE_DIR")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("kata")))
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/kata")))
            .unwrap_or_else(|| std::env::temp_dir().join("kata-cache"));
        Cache { root }
    }

    pub fn at(root: PathBuf) -> Cache {
        Cache { root }
    }

    /// The path an entry has (or would have) in folder `kind`.
    pub fn path(&self, kind: &str, key: &str) -> PathBuf {
        self.root.join(kind).join(key)
    }

    /// The entry's path if it exists; touches it so it counts as recently used.
    pub fn get(&self, kind: &str, key: &str) -> Option<PathBuf> {
        let p = self.path(kind, key);
        let file = fs::File::options().append(true).open(&p).ok()?;
        let _ = file.set_modified(std::time::SystemTime::now());
        Some(p)
    }

    /// Moves `file` into the cache under `key` and returns the entry's path.
    pub fn put_file(&self, kind: &str, key: &str, file: &Path) -> std::io::Result<PathBuf> {
        let dir = self.root.join(kind);
        fs::create_dir_all(&dir)?;
        let dest = dir.join(key);
        // A rename is atomic; across file systems it fails, and a copy to a temporary
        // name in the cache, then a rename, takes its place.
        if fs::rename(file, &dest).is_err() {
            let tmp = tempfile::NamedTempFile::new_in(&dir)?;
            fs::copy(file, tmp.path())?;
            tmp.persist(&dest).map_err(|e| e.error)?;
        }
        if kind == "bin" {
            self.prune(&dir, MAX_BINARIES, MAX_BINARY_BYTES);
        }
        Ok(dest)
    }

    /// Writes `bytes` as the entry `key`, through a temporary file of a unique name, so
    /// that concurrent writers (threads or processes) never mix their bytes.
    pub fn put_bytes(&self, kind: &str, key: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
        use std::io::Write;
        let dir = self.root.join(kind);
        fs::create_dir_all(&dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
        tmp.write_all(bytes)?;
        let dest = dir.join(key);
        tmp.persist(&dest).map_err(|e| e.error)?;
        // Keys are uniform hex: pruning on one write in sixteen keeps the bound without
        // listing the folder on every submission.
        if !matches!(kind, "toolchain" | "guards") && key.starts_with('0') {
            self.prune(&dir, MAX_ENTRIES, MAX_ENTRY_BYTES);
        }
        Ok(dest)
    }

    /// Removes the least recently used entries of `dir` until at most `keep` entries and
    /// `max_bytes` bytes remain.
    fn prune(&self, dir: &Path, keep: usize, max_bytes: u64) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let m = e.metadata().ok()?;
                Some((m.modified().ok()?, m.len(), e.path()))
            })
            .collect();
        // Newest first: keep from the front while within both bounds.
        files.sort_by_key(|f| std::cmp::Reverse(f.0));
        let mut total = 0;
        for (i, (_, len, path)) in files.iter().enumerate() {
            total += len;
            if i >= keep || total > max_bytes {
                let _ = fs::remove_file(path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_separate_their_parts() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"x"]).len(), 64);
    }

    #[test]
    fn entries_round_trip_and_are_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path().to_path_buf());
        assert!(cache.get("bin", "k").is_none());
        cache.put_bytes("gen", "k", b"data").unwrap();
        assert_eq!(fs::read(cache.get("gen", "k").unwrap()).unwrap(), b"data");
        for i in 0..5 {
            cache.put_bytes("bin", &format!("k{i}"), b"x").unwrap();
        }
        cache.prune(&dir.path().join("bin"), 2, u64::MAX);
        assert_eq!(fs::read_dir(dir.path().join("bin")).unwrap().count(), 2);
        cache.prune(&dir.path().join("bin"), 10, 1);
        assert_eq!(fs::read_dir(dir.path().join("bin")).unwrap().count(), 1);
    }
}

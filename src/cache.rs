//! A content-addressed cache of built programs, generated tests and reports, keyed by
//! everything that goes into them (sources, harness, compiler version, flags). Each kind of
//! entry is a [`Kind`], which knows its folder and how many of its entries are kept; typed
//! entries ([`Entry`]) are read and written in one place.
//!
//! The cache is private: its folder, and every folder and file in it, must be this user's and
//! writable by no one else, or it is not used (another user could otherwise plant a report
//! that says `accepted`, or a program). Entries are written to a temporary name and renamed,
//! so concurrent judges never see half a file; an entry that fails to decode is absent.

use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The kinds of entries, each in a folder of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Built programs: learners', references', generators'.
    Binary,
    /// The harness runtime's rlib, one per toolchain (`<key>/lib<crate>.rlib`).
    Runtime,
    /// A kata's harness glue rlib (`lib<key>.rlib`), one per kata and runtime.
    Glue,
    /// The arguments and answers of generated tests.
    Generated,
    /// Reports of earlier runs of the same program on the same kata.
    Report,
    /// The compiler found for a given `PATH` and rustup setting.
    Toolchain,
    /// The sandbox guards this machine lacks, per boot.
    Guards,
}

/// How many entries of a kind are kept, and how many bytes in all; the least recently used
/// go first.
#[derive(Debug, Clone, Copy)]
struct Bound {
    entries: usize,
    bytes: u64,
    /// Pruned on one write in this many (keys are uniform hex: those starting with `0`), so
    /// that the folder is not listed on every submission.
    every: u32,
}

impl Kind {
    fn dir(self) -> &'static str {
        match self {
            Kind::Binary => "bin",
            Kind::Runtime => "rt",
            Kind::Glue => "glue",
            Kind::Generated => "gen",
            Kind::Report => "result",
            Kind::Toolchain => "toolchain",
            Kind::Guards => "guards",
        }
    }

    /// `None`: one entry per toolchain or boot, few enough to keep.
    fn bound(self) -> Option<Bound> {
        match self {
            Kind::Binary => Some(Bound {
                entries: 200,
                bytes: 1 << 30,
                every: 1,
            }),
            Kind::Glue => Some(Bound {
                entries: 500,
                bytes: 256 << 20,
                every: 16,
            }),
            Kind::Generated | Kind::Report => Some(Bound {
                entries: 2000,
                bytes: 1 << 30,
                every: 16,
            }),
            Kind::Runtime | Kind::Toolchain | Kind::Guards => None,
        }
    }

    /// How a file entry starts (an ELF program, an `ar` archive), so that a file that does
    /// not is absent; typed entries are checked by decoding them instead.
    fn magic(self) -> &'static [u8] {
        match self {
            Kind::Binary => b"\x7fELF",
            Kind::Runtime | Kind::Glue => b"!<arch>\n",
            _ => b"",
        }
    }

    /// Whether entries hold hidden tests, their answers or what was computed from them: the
    /// compiler may read none of them.
    pub fn is_secret(self) -> bool {
        matches!(self, Kind::Binary | Kind::Generated | Kind::Report)
    }

    pub const ALL: [Kind; 7] = [
        Kind::Binary,
        Kind::Runtime,
        Kind::Glue,
        Kind::Generated,
        Kind::Report,
        Kind::Toolchain,
        Kind::Guards,
    ];
}

/// A typed entry: its kind and its bytes.
pub trait Entry: Sized {
    const KIND: Kind;
    fn encode(&self) -> Vec<u8>;
    /// `None` when the bytes are not an entry of this type: the entry is then absent.
    fn decode(bytes: &[u8]) -> Option<Self>;
}

/// An entry kept as JSON.
pub trait JsonEntry: Serialize + DeserializeOwned {
    const KIND: Kind;
}

impl<T: JsonEntry> Entry for T {
    const KIND: Kind = <T as JsonEntry>::KIND;

    fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("cache entries serialize")
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        serde_json::from_slice(bytes).ok()
    }
}

#[derive(Debug, Clone)]
pub struct Cache {
    root: PathBuf,
    /// A cache for this run alone, removed with the last clone of it.
    _scratch: Option<Arc<tempfile::TempDir>>,
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
    /// `KATA_CACHE_DIR`, else `$XDG_CACHE_HOME/kata`, else `~/.cache/kata`, created 0700.
    /// A folder that is not private is refused, with a warning that says why; without a
    /// usable folder, the cache is a fresh private folder for this run (never a predictable
    /// one in `/tmp`, which another user could make first).
    pub fn locate() -> (Cache, Option<String>) {
        let env = |v: &str| {
            std::env::var_os(v)
                .filter(|d| !d.is_empty())
                .map(PathBuf::from)
        };
        let root = match (env("KATA_CACHE_DIR"), env("XDG_CACHE_HOME"), env("HOME")) {
            (Some(dir), _, _) => dir,
            (None, Some(xdg), _) => xdg.join("kata"),
            (None, None, Some(home)) => home.join(".cache/kata"),
            (None, None, None) => return (Cache::scratch(), None),
        };
        match private_root(&root) {
            Ok(()) => (Cache::at(root), None),
            Err(why) => (
                Cache::scratch(),
                Some(format!(
                    "not using the cache {}: {why}; judging without a cache",
                    root.display()
                )),
            ),
        }
    }

    /// The cache in `root`, which the caller has checked.
    pub fn at(root: PathBuf) -> Cache {
        Cache {
            root,
            _scratch: None,
        }
    }

    /// A fresh private folder for this run (a random name, mode 0700).
    fn scratch() -> Cache {
        match tempfile::Builder::new().prefix("kata-cache-").tempdir() {
            Ok(dir) => Cache {
                root: dir.path().to_path_buf(),
                _scratch: Some(Arc::new(dir)),
            },
            // Nothing can be written: every write fails, and judging fails with it.
            Err(_) => Cache::at(PathBuf::from("/nonexistent/kata-cache")),
        }
    }

    /// The folder of a kind's entries.
    pub fn dir(&self, kind: Kind) -> PathBuf {
        self.root.join(kind.dir())
    }

    /// The typed entry `key`, if it is there, private and decodes.
    pub fn load<E: Entry>(&self, key: &str) -> Option<E> {
        let mut file = self.open(E::KIND, key)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).ok()?;
        E::decode(&bytes)
    }

    /// Stores `entry` as `key`; a cache that cannot be written only costs time.
    pub fn store<E: Entry>(&self, key: &str, entry: &E) {
        let _ = self.put_bytes(E::KIND, key, &entry.encode());
    }

    /// The path of the file entry `name` (`key`, or `key/file`), if it is there, private and
    /// of its kind.
    pub fn file(&self, kind: Kind, name: &str) -> Option<PathBuf> {
        let mut head = vec![0; kind.magic().len()];
        self.open(kind, name)?.read_exact(&mut head).ok()?;
        (head == kind.magic()).then(|| self.dir(kind).join(name))
    }

    /// Moves `file` into the cache as `name` and returns the entry's path.
    pub fn put_file(&self, kind: Kind, name: &str, file: &Path) -> std::io::Result<PathBuf> {
        let dest = self.entry_path(kind, name)?;
        let dir = dest.parent().expect("entries are in a folder");
        private_dirs(&self.root, dir)?;
        // Writable by this user alone, like every entry.
        let mode = fs::metadata(file)?.permissions().mode() & 0o755;
        fs::set_permissions(file, fs::Permissions::from_mode(mode))?;
        // Entries are named by their content, so a good entry already there (another judge
        // built the same program meanwhile) is kept: replacing it would change the file
        // under a judge about to execute it, whose sandbox allows that file alone. A hard
        // link never replaces; across file systems a copy in the cache is linked instead.
        let link = |src: &Path| match fs::hard_link(src, &dest) {
            // A bad entry in the way (one that does not decode) is replaced.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if self.file(kind, name).is_some() {
                    Ok(())
                } else {
                    fs::remove_file(&dest)?;
                    fs::hard_link(src, &dest)
                }
            }
            linked => linked,
        };
        let linked = link(file).or_else(|_| {
            let tmp = tempfile::NamedTempFile::new_in(dir)?;
            fs::copy(file, tmp.path())?;
            link(tmp.path())
        });
        let _ = fs::remove_file(file);
        linked?;
        self.prune_after_write(kind, name);
        Ok(dest)
    }

    /// Writes `bytes` as the entry `key`, through a temporary file of a unique name, so
    /// that concurrent writers (threads or processes) never mix their bytes.
    fn put_bytes(&self, kind: Kind, key: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let dest = self.entry_path(kind, key)?;
        let dir = dest.parent().expect("entries are in a folder");
        private_dirs(&self.root, dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(bytes)?;
        tmp.persist(&dest).map_err(|e| e.error)?;
        self.prune_after_write(kind, key);
        Ok(dest)
    }

    /// Opens an entry for reading if it is a regular file of this user's, writable by no
    /// one else, in folders that are the same; touches it so it counts as recently used.
    fn open(&self, kind: Kind, name: &str) -> Option<fs::File> {
        let path = self.entry_path(kind, name).ok()?;
        let mut dir = path.parent()?;
        while dir.starts_with(&self.root) {
            check_private_dir(&fs::symlink_metadata(dir).ok()?).ok()?;
            dir = dir.parent()?;
        }
        let file = fs::File::options()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .ok()?;
        let meta = file.metadata().ok()?;
        if !meta.is_file() || meta.uid() != crate::sys::euid() || meta.mode() & 0o022 != 0 {
            return None;
        }
        let _ = file.set_modified(std::time::SystemTime::now());
        Some(file)
    }

    /// Where entry `name` of `kind` goes; names are keys, `key/file` for the runtime or
    /// `lib<key>.rlib` for a glue library, and never leave their folder.
    fn entry_path(&self, kind: Kind, name: &str) -> std::io::Result<PathBuf> {
        let safe = |part: &str| {
            !part.is_empty()
                && !part.starts_with('.')
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        };
        if name.split('/').all(safe) {
            Ok(self.dir(kind).join(name))
        } else {
            Err(std::io::Error::other(format!(
                "bad cache entry name {name:?}"
            )))
        }
    }

    fn prune_after_write(&self, kind: Kind, key: &str) {
        if let Some(bound) = kind.bound() {
            // A library's entry is named `lib<key>.rlib`, as the compiler wants it.
            let key = key.strip_prefix("lib").unwrap_or(key);
            if bound.every == 1 || key.starts_with('0') {
                prune(&self.dir(kind), bound.entries, bound.bytes);
            }
        }
    }
}

/// Removes the least recently used entries of `dir` until at most `keep` entries and
/// `max_bytes` bytes remain.
fn prune(dir: &Path, keep: usize, max_bytes: u64) {
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

/// Makes sure the cache folder `root` is private, creating it and the missing folders above
/// it (`~/.cache`, `$XDG_CACHE_HOME`) with mode 0700; the folders above must be writable only
/// by their owner (root or this user), unless sticky, like `/tmp`.
fn private_root(root: &Path) -> Result<(), String> {
    let mut missing: Vec<&Path> = root
        .ancestors()
        .take_while(|p| !p.as_os_str().is_empty() && fs::symlink_metadata(p).is_err())
        .collect();
    missing.reverse();
    for dir in missing {
        match fs::DirBuilder::new().mode(0o700).create(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("cannot create {}: {e}", dir.display())),
        }
    }
    let meta = fs::symlink_metadata(root).map_err(|e| e.to_string())?;
    check_private_dir(&meta)?;
    let real = fs::canonicalize(root).map_err(|e| e.to_string())?;
    let above = root.ancestors().skip(1).chain(real.ancestors().skip(1));
    for dir in above.filter(|d| !d.as_os_str().is_empty()) {
        let meta = fs::metadata(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let owner_ok = meta.uid() == 0 || meta.uid() == crate::sys::euid();
        let sticky = meta.mode() & 0o1000 != 0;
        if !owner_ok || (meta.mode() & 0o022 != 0 && !sticky) {
            return Err(format!(
                "{} above it is writable by other users",
                dir.display()
            ));
        }
    }
    Ok(())
}

/// Creates the folders from `root` down to `dir` that are missing, mode 0700, and checks
/// that each is private.
fn private_dirs(root: &Path, dir: &Path) -> std::io::Result<()> {
    let below: Vec<&Path> = dir
        .ancestors()
        .take_while(|d| d.starts_with(root) && *d != root)
        .collect();
    for d in below.into_iter().rev() {
        match fs::DirBuilder::new().mode(0o700).create(d) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        check_private_dir(&fs::symlink_metadata(d)?).map_err(std::io::Error::other)?;
    }
    Ok(())
}

/// A real folder (not a symbolic link) of this user's that no one else may write.
fn check_private_dir(meta: &fs::Metadata) -> Result<(), String> {
    if meta.file_type().is_symlink() {
        return Err("it is a symbolic link".into());
    }
    if !meta.is_dir() {
        return Err("it is not a folder".into());
    }
    if meta.uid() != crate::sys::euid() {
        return Err(format!("it belongs to another user (uid {})", meta.uid()));
    }
    if meta.mode() & 0o022 != 0 {
        return Err(format!(
            "it is writable by group or others (mode {:o}; `chmod go-w` it)",
            meta.mode() & 0o7777
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Note(String);

    impl JsonEntry for Note {
        const KIND: Kind = Kind::Report;
    }

    fn private_tempdir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        dir
    }

    #[test]
    fn keys_separate_their_parts() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"x"]).len(), 64);
    }

    #[test]
    fn entries_round_trip_and_are_pruned() {
        let dir = private_tempdir();
        let cache = Cache::at(dir.path().to_path_buf());
        assert!(cache.file(Kind::Binary, "k").is_none());
        let program = dir.path().join("program");
        fs::write(&program, b"\x7fELF...").unwrap();
        let entry = cache.put_file(Kind::Binary, "k", &program).unwrap();
        assert_eq!(cache.file(Kind::Binary, "k"), Some(entry.clone()));
        fs::write(&entry, b"#!/bin/sh").unwrap();
        assert_eq!(cache.file(Kind::Binary, "k"), None);
        cache.store("k", &Note("data".into()));
        assert_eq!(cache.load::<Note>("k"), Some(Note("data".into())));
        for i in 0..5 {
            cache
                .put_bytes(Kind::Binary, &format!("k{i}"), b"x")
                .unwrap();
        }
        prune(&cache.dir(Kind::Binary), 2, u64::MAX);
        assert_eq!(fs::read_dir(cache.dir(Kind::Binary)).unwrap().count(), 2);
        prune(&cache.dir(Kind::Binary), 10, 1);
        assert_eq!(fs::read_dir(cache.dir(Kind::Binary)).unwrap().count(), 1);
    }

    #[test]
    fn an_entry_that_does_not_decode_or_is_not_private_is_absent() {
        let dir = private_tempdir();
        let cache = Cache::at(dir.path().to_path_buf());
        cache.store("k", &Note("data".into()));
        let path = cache.dir(Kind::Report).join("k");
        fs::write(&path, b"{ not json").unwrap();
        assert_eq!(cache.load::<Note>("k"), None);
        fs::write(&path, b"\"data\"").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o666)).unwrap();
        assert_eq!(cache.load::<Note>("k"), None);
        fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), &path).unwrap();
        fs::write(dir.path().join("elsewhere"), b"\"data\"").unwrap();
        assert_eq!(cache.load::<Note>("k"), None);
        assert!(cache.put_bytes(Kind::Report, "../k", b"x").is_err());
    }

    #[test]
    fn a_cache_folder_others_may_write_is_refused() {
        let dir = private_tempdir();
        let root = dir.path().join("kata");
        assert_eq!(private_root(&root), Ok(()));
        assert_eq!(
            fs::metadata(&root).unwrap().permissions().mode() & 0o777,
            0o700
        );
        fs::set_permissions(&root, fs::Permissions::from_mode(0o770)).unwrap();
        assert!(private_root(&root)
            .unwrap_err()
            .contains("writable by group"));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&root, &link).unwrap();
        assert!(private_root(&link).unwrap_err().contains("symbolic link"));
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
        let inner = dir.path().join("inner");
        assert!(private_root(&inner).unwrap_err().contains("above it"));
    }
}

//! The Rust toolchain the judge compiles with: the real `rustc` behind any rustup proxy,
//! its sysroot and its version (which keys every cache).

use crate::cache::{self, Cache, JsonEntry, Kind};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Toolchain {
    /// The compiler binary itself (inside the sysroot), runnable with a cleared environment.
    pub rustc: PathBuf,
    pub sysroot: PathBuf,
    /// `rustc -vV`, verbatim.
    pub version: String,
}

/// A cached detection, valid while the compiler binary is the one that was seen.
#[derive(Serialize, Deserialize)]
struct Cached {
    toolchain: Toolchain,
    rustc_stamp: String,
}

impl JsonEntry for Cached {
    const KIND: Kind = Kind::Toolchain;
}

impl Toolchain {
    /// [`Toolchain::detect`], remembered in the cache: asking a rustup proxy costs two
    /// compiler start-ups (tens of milliseconds), more than judging a small kata. The entry
    /// is keyed by everything that picks the toolchain (the driver found on `PATH`, rustup's
    /// variables, its settings file, `rust-toolchain` files above the current folder) and
    /// holds only while the compiler binary it names is unchanged.
    pub fn detect_cached(cache: &Cache) -> Result<Toolchain> {
        let key = selection_key();
        let hit = cache
            .load::<Cached>(&key)
            .filter(|c| stamp(&c.toolchain.rustc).as_deref() == Some(c.rustc_stamp.as_str()));
        if let Some(c) = hit {
            return Ok(c.toolchain);
        }
        let toolchain = Toolchain::detect()?;
        if let Some(rustc_stamp) = stamp(&toolchain.rustc) {
            let entry = Cached {
                toolchain: toolchain.clone(),
                rustc_stamp,
            };
            cache.store(&key, &entry);
        }
        Ok(toolchain)
    }

    /// Finds `rustc`: `KATA_RUSTC`, else `rustc` on `PATH`.
    pub fn detect() -> Result<Toolchain> {
        let driver = std::env::var_os("KATA_RUSTC").unwrap_or_else(|| "rustc".into());
        let out = Command::new(&driver)
            .args(["--print", "sysroot"])
            .output()
            .map_err(|e| {
                Error::env(format!(
                    "cannot run `{}`: {e} (install Rust from https://rustup.rs or set KATA_RUSTC)",
                    Path::new(&driver).display()
                ))
            })?;
        if !out.status.success() {
            return Err(Error::env(format!(
                "`{} --print sysroot` failed: {}",
                Path::new(&driver).display(),
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        let sysroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        let inner = sysroot.join("bin").join("rustc");
        // A rustup proxy needs its environment; the compiler inside the sysroot does not.
        let rustc = if inner.is_file() {
            inner
        } else {
            PathBuf::from(driver)
        };
        let out = Command::new(&rustc)
            .arg("-vV")
            .output()
            .map_err(|e| Error::env(format!("cannot run {}: {e}", rustc.display())))?;
        let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !out.status.success() || version.is_empty() {
            return Err(Error::env(format!("`{} -vV` failed", rustc.display())));
        }
        Ok(Toolchain {
            rustc,
            sysroot,
            version,
        })
    }

    /// The first line of `rustc -vV`, e.g. `rustc 1.95.0 (59807616e 2026-04-14)`.
    pub fn short_version(&self) -> &str {
        self.version.lines().next().unwrap_or("")
    }

    /// The target the compiler runs on and builds for, e.g. `x86_64-unknown-linux-gnu`.
    pub fn host(&self) -> Option<&str> {
        self.version.lines().find_map(|l| l.strip_prefix("host: "))
    }

    /// The standard library as a shared library (`libstd-<hash>.so` in the sysroot's
    /// library folder for the host), by its real path; `None` when the toolchain ships none,
    /// or more than one (then which one the compiler links is not known here).
    pub fn std_dylib(&self) -> Option<PathBuf> {
        let dir = self
            .sysroot
            .join("lib/rustlib")
            .join(self.host()?)
            .join("lib");
        let mut found = std::fs::read_dir(dir).ok()?.filter_map(|e| {
            let e = e.ok()?;
            let name = e.file_name();
            let name = name.to_str()?;
            (name.starts_with("libstd-") && name.ends_with(".so")).then(|| e.path())
        });
        match (found.next(), found.next()) {
            (Some(lib), None) => std::fs::canonicalize(lib).ok(),
            _ => None,
        }
    }
}

/// Size, modification time and inode of a file, or `None` when it is missing.
fn stamp(path: &Path) -> Option<String> {
    let m = std::fs::metadata(path).ok()?;
    Some(format!(
        "{}:{}:{}:{}",
        m.len(),
        m.mtime(),
        m.mtime_nsec(),
        m.ino()
    ))
}

/// What decides which compiler `rustc` means here.
fn selection_key() -> String {
    let driver = std::env::var_os("KATA_RUSTC").unwrap_or_else(|| "rustc".into());
    let mut parts: Vec<String> = vec![driver.to_string_lossy().into_owned()];
    let resolved = if Path::new(&driver).components().count() > 1 {
        Some(PathBuf::from(&driver))
    } else {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join(&driver))
                .find(|p| p.is_file())
        })
    };
    parts.push(format!("{resolved:?}"));
    parts.push(resolved.as_deref().and_then(stamp).unwrap_or_default());
    for var in ["RUSTUP_TOOLCHAIN", "RUSTUP_HOME", "CARGO_HOME", "HOME"] {
        parts.push(std::env::var(var).unwrap_or_default());
    }
    let rustup_home = std::env::var_os("RUSTUP_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".rustup")));
    if let Some(home) = rustup_home {
        parts.push(stamp(&home.join("settings.toml")).unwrap_or_default());
    }
    if let Ok(cwd) = std::env::current_dir() {
        parts.push(cwd.display().to_string());
        for dir in cwd.ancestors() {
            for name in ["rust-toolchain", "rust-toolchain.toml"] {
                if let Some(s) = stamp(&dir.join(name)) {
                    parts.push(format!("{}={s}", dir.join(name).display()));
                }
            }
        }
    }
    let parts: Vec<&[u8]> = parts.iter().map(|p| p.as_bytes()).collect();
    cache::key(&parts)
}

//! The Rust toolchain the judge compiles with: the real `rustc` behind any rustup proxy,
//! its sysroot and its version (which keys every cache).

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, Clone)]
pub struct Toolchain {
    /// The compiler binary itself (inside the sysroot), runnable with a cleared environment.
    pub rustc: PathBuf,
    pub sysroot: PathBuf,
    /// `rustc -vV`, verbatim.
    pub version: String,
}

impl Toolchain {
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
}

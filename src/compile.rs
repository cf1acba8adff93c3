//! Compiling: the learner's file in a temporary crate, built by `rustc` directly (cargo buys
//! nothing for one file and would read `.cargo/config.toml` from every parent folder), under
//! the sandbox, with a time and memory limit. Built binaries are cached by content.

use crate::cache::{self, Cache, Kind};
use crate::color::Color;
use crate::error::{Error, Result};
use crate::harness::layout::{CrateLayout, SourceFile, HARNESS_DISPLAY};
use crate::harness::{self, RT_CRATE};
use crate::sandbox::{self, Policy, Profile};
use crate::source_policy;
use crate::sys;
use crate::toolchain::Toolchain;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use wait_timeout::ChildExt;

/// Flags every program is built with; part of every cache key. Beyond `-O`, each buys
/// compile time (measured by `scripts/bench.py`): no symbol table to write, no thin-local
/// LTO pass over a one-file crate, a non-PIE executable, which links and starts with fewer
/// relocations, `panic=abort`, which generates no unwinding paths (the largest saving), and
/// four codegen units instead of sixteen (a one-file crate gains nothing from more on the
/// cores a judge has, and pays for each).
/// A panic still prints its message and location before aborting; the verdict reads it
/// from stderr whatever the signal.
const FLAGS: &[&str] = &[
    "--edition",
    "2021",
    "-O",
    "-C",
    "debuginfo=0",
    "-C",
    "strip=symbols",
    "-C",
    "lto=off",
    "-C",
    "relocation-model=static",
    "-C",
    "panic=abort",
    "-C",
    "codegen-units=4",
];
/// Wall-clock limit of one compilation (an endless const evaluation ends here), unless
/// `KATA_COMPILE_TIMEOUT_MS` says otherwise.
pub const COMPILE_TIME_LIMIT: Duration = Duration::from_secs(30);

fn compile_time_limit() -> Duration {
    std::env::var("KATA_COMPILE_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(COMPILE_TIME_LIMIT, Duration::from_millis)
}
/// Data-segment limit of the compiler.
const COMPILE_MEMORY_LIMIT: u64 = 2 << 30;
/// Largest file the compiler may write: a program with a huge `static` fails to build
/// rather than filling the cache (a real solution's binary is well under a megabyte).
pub const MAX_BINARY: u64 = 64 << 20;
/// Largest diagnostics kept.
const MAX_DIAGNOSTICS: u64 = 256 << 10;

/// One program to build.
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// The learner's (or reference, or generator) file.
    pub file: &'a SourceFile,
    /// The harness crate root (see [`CrateLayout`]), or `None` when the file is a whole
    /// program with its own `main`.
    pub main: Option<String>,
    /// Whether learner code may use `unsafe` (never for learners; the generator is trusted).
    pub forbid_unsafe: bool,
}

#[derive(Debug)]
pub enum Compiled {
    Binary(PathBuf),
    Failed(String),
}

pub struct Compiler<'a> {
    pub toolchain: &'a Toolchain,
    pub cache: &'a Cache,
    /// Colour in diagnostics.
    pub color: Color,
    /// Paths carved out of the compiler's read rules (see `sandbox::without`).
    pub hidden: &'a [PathBuf],
}

impl Compiler<'_> {
    /// The runtime library's cache entry.
    fn runtime_entry(&self) -> String {
        let key = cache::key(&[
            harness::RT_SOURCE.as_bytes(),
            self.toolchain.version.as_bytes(),
            FLAGS.join(" ").as_bytes(),
        ]);
        format!("{key}/lib{RT_CRATE}.rlib")
    }

    /// The runtime library's rlib, built once per toolchain.
    pub fn runtime(&self) -> Result<PathBuf> {
        let name = format!("lib{RT_CRATE}.rlib");
        let entry = self.runtime_entry();
        if let Some(p) = self.cache.file(Kind::Runtime, &entry) {
            return Ok(p);
        }
        let dir = self.tempdir()?;
        let src = dir.path().join(format!("{RT_CRATE}.rs"));
        write(&src, harness::RT_SOURCE)?;
        let out = dir.path().join(&name);
        let mut args: Vec<String> = FLAGS.iter().map(|s| s.to_string()).collect();
        args.extend([
            "--crate-type".into(),
            "rlib".into(),
            "--crate-name".into(),
            RT_CRATE.into(),
            "-o".into(),
            out.display().to_string(),
            src.display().to_string(),
        ]);
        match self.rustc(dir.path(), &args, &[])? {
            None => self
                .cache
                .put_file(Kind::Runtime, &entry, &out)
                .map_err(|e| Error::env(format!("cannot write the cache: {e}"))),
            Some(diag) => Err(Error::env(format!(
                "cannot build the harness runtime with {}:\n{diag}",
                self.toolchain.short_version()
            ))),
        }
    }

    /// The cache key of `unit`'s program, built against the runtime `rt`.
    fn binary_key(&self, unit: &Unit, rt: &Path) -> String {
        cache::key(&[
            self.toolchain.version.as_bytes(),
            rt.to_string_lossy().as_bytes(),
            FLAGS.join(" ").as_bytes(),
            unit.file.text.as_bytes(),
            unit.file.name.as_bytes(),
            unit.file.shown_dir.as_bytes(),
            unit.main.as_deref().unwrap_or("").as_bytes(),
            &[u8::from(unit.forbid_unsafe)],
        ])
    }

    /// `unit`'s program if it was built before (the runtime too), without building anything:
    /// a judge that finds its report cached needs nothing else.
    pub fn cached(&self, unit: &Unit) -> Option<PathBuf> {
        let rt = self.cache.file(Kind::Runtime, &self.runtime_entry())?;
        self.cache.file(Kind::Binary, &self.binary_key(unit, &rt))
    }

    /// Builds `unit`, or finds it in the cache.
    pub fn build(&self, unit: &Unit) -> Result<Compiled> {
        if unit.forbid_unsafe {
            let refused = source_policy::check(&unit.file.text);
            if !refused.is_empty() {
                let file = unit.file.shown();
                return Ok(Compiled::Failed(
                    refused.iter().map(|r| r.diagnostic(&file)).collect(),
                ));
            }
        }
        let rt = self.runtime()?;
        let key = self.binary_key(unit, &rt);
        if let Some(p) = self.cache.file(Kind::Binary, &key) {
            return Ok(Compiled::Binary(p));
        }
        let dir = self.tempdir()?;
        let root = dir.path();
        let layout = CrateLayout::new(root);
        layout.create()?;
        let file = layout.source(unit.file);
        write(&file, &unit.file.text)?;
        let crate_root = match &unit.main {
            Some(main) => {
                let p = layout.main();
                write(&p, main)?;
                p
            }
            None => file,
        };
        let [remap_file, remap_main] = layout.remaps(unit.file);
        let out = root.join("solution");
        let mut args: Vec<String> = FLAGS.iter().map(|s| s.to_string()).collect();
        args.extend([
            "--crate-type".into(),
            "bin".into(),
            "--crate-name".into(),
            "solution".into(),
            "-A".into(),
            "unused".into(),
            "--color".into(),
            if self.color.enabled() {
                "always"
            } else {
                "never"
            }
            .into(),
            format!("--remap-path-prefix={remap_file}"),
            format!("--remap-path-prefix={remap_main}"),
            "--extern".into(),
            format!("{RT_CRATE}={}", rt.display()),
            "-o".into(),
            out.display().to_string(),
            crate_root.display().to_string(),
        ]);
        if unit.forbid_unsafe {
            args.extend(["-F".into(), "unsafe_code".into()]);
        }
        let rt_dir = rt.parent().map(Path::to_path_buf).unwrap_or_default();
        match self.rustc(root, &args, &[rt_dir])? {
            Some(diag) => Ok(Compiled::Failed(explain(&diag))),
            None => {
                // Readable and executable by the unprivileged uid that runs it (a judge with
                // umask 077 would make it the judge's alone).
                std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755))
                    .map_err(|e| Error::io("set the mode of", &out, e))?;
                let p = self
                    .cache
                    .put_file(Kind::Binary, &key, &out)
                    .map_err(|e| Error::env(format!("cannot write the cache: {e}")))?;
                Ok(Compiled::Binary(p))
            }
        }
    }

    fn tempdir(&self) -> Result<tempfile::TempDir> {
        let dir = tempfile::Builder::new()
            .prefix(BUILD_PREFIX)
            .tempdir()
            .map_err(|e| Error::env(format!("cannot create a temporary folder: {e}")))?;
        // A judge stopped by Ctrl-C leaves its build folder behind; now and then (the
        // random names make it one build in about thirty), sweep those of past hours.
        if dir
            .path()
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with('0'))
        {
            sweep_stale_builds(dir.path().parent().unwrap_or(Path::new("/tmp")));
        }
        Ok(dir)
    }

    /// Runs the sandboxed compiler in `dir`; `Ok(None)` on success, `Ok(Some(diagnostics))`
    /// when the code did not compile.
    fn rustc(&self, dir: &Path, args: &[String], extra_read: &[PathBuf]) -> Result<Option<String>> {
        let mut read = sandbox::system_read_paths();
        read.push(self.toolchain.sysroot.clone());
        read.extend(extra_read.iter().cloned());
        let read = sandbox::without(read, self.hidden);
        let policy = Policy {
            cgroups: Vec::new(),
            profile: Profile::Compile,
            read,
            write: vec![dir.to_path_buf()],
            memory: Some(COMPILE_MEMORY_LIMIT),
            cpu: Some(compile_time_limit() + Duration::from_secs(5)),
            file_size: MAX_BINARY,
            stack: None,
        };
        let os_args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
        let mut cmd = policy.command(&self.toolchain.rustc, &os_args, None);
        // The compiler sees no variable of the learner's environment (`env!` reads them).
        cmd.env_clear()
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("TMPDIR", dir)
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| {
            Error::env(format!(
                "cannot start {}: {e}",
                self.toolchain.rustc.display()
            ))
        })?;
        let stderr = child.stderr.take().expect("piped");
        let reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr.take(MAX_DIAGNOSTICS).read_to_end(&mut buf);
            buf
        });
        let limit = compile_time_limit();
        let status = match child.wait_timeout(limit) {
            Ok(Some(status)) => status,
            Ok(None) => {
                sys::kill_group(child.id());
                let _ = child.wait();
                let _ = reader.join();
                return Ok(Some(format!(
                    "error: compilation took longer than {:.1} s, the limit (an endless `const` evaluation?)",
                    limit.as_secs_f64()
                )));
            }
            Err(e) => return Err(Error::env(format!("cannot wait for the compiler: {e}"))),
        };
        // Descendants (the linker) are gone with rustc; make sure of it.
        sys::kill_group(child.id());
        let diag = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
        if let Some(cause) = sandbox::launch_failure(status, &diag) {
            return Err(Error::env(cause));
        }
        if status.success() {
            Ok(None)
        } else if status.signal() == Some(libc::SIGXFSZ) || diag.contains("File too large") {
            Ok(Some(format!(
                "error: the compiled program would be larger than {} MiB, the limit (a huge `static` or `const`?)",
                MAX_BINARY >> 20
            )))
        } else if diag.trim().is_empty() {
            Ok(Some(format!(
                "error: the compiler stopped ({status}), printing nothing: out of memory?"
            )))
        } else {
            Ok(Some(diag))
        }
    }
}

/// The name every temporary build folder starts with.
const BUILD_PREFIX: &str = "kata-build-";
/// A build folder this old belongs to no running compilation (the limit is 30 s).
const STALE_BUILD: Duration = Duration::from_secs(3600);

/// Removes build folders in `tmp` last changed more than [`STALE_BUILD`] ago.
fn sweep_stale_builds(tmp: &Path) {
    let Ok(entries) = std::fs::read_dir(tmp) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let stale = entry
            .file_name()
            .to_string_lossy()
            .starts_with(BUILD_PREFIX)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > STALE_BUILD);
        if stale {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text)
        .map_err(|e| Error::env(format!("cannot write {}: {e}", path.display())))
}

/// Adds a note when an error points into the harness: the learner's signature differs.
fn explain(diag: &str) -> String {
    if diag.contains(HARNESS_DISPLAY) {
        format!(
            "{diag}\nnote: errors in {HARNESS_DISPLAY} mean the judge could not call your function: \
             check that it is `pub` and that its name and signature match the kata's (`kata show ID`)."
        )
    } else {
        diag.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_build_folders_are_swept_and_fresh_ones_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let old = tmp.path().join(format!("{BUILD_PREFIX}old"));
        let fresh = tmp.path().join(format!("{BUILD_PREFIX}fresh"));
        let other = tmp.path().join("someone-else");
        for d in [&old, &fresh, &other] {
            std::fs::create_dir(d).unwrap();
        }
        let hours_ago = std::time::SystemTime::now() - Duration::from_secs(7200);
        for d in [&old, &other] {
            std::fs::File::open(d)
                .unwrap()
                .set_modified(hours_ago)
                .unwrap();
        }
        sweep_stale_builds(tmp.path());
        assert!(!old.exists());
        assert!(fresh.exists());
        assert!(other.exists());
    }
}

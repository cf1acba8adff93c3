//! Compiling: the learner's file in a temporary crate, built by `rustc` directly (cargo buys
//! nothing for one file and would read `.cargo/config.toml` from every parent folder), under
//! the sandbox, with a time and memory limit. Built binaries are cached by content.

use crate::cache::{self, Cache, Kind};
use crate::color::Color;
use crate::error::{Error, Result};
use crate::harness::layout::{CrateLayout, SourceFile, HARNESS_DISPLAY};
use crate::harness::{self, Harness, GLUE_CRATE, RT_CRATE};
use crate::linker::{self, Linker};
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

/// Flags every program and library is built with; part of every cache key. Beyond `-O`, each
/// buys compile time (measured by `scripts/bench.py`): no symbol table to write, no
/// thin-local LTO pass over a one-file crate, a non-PIE executable, which links with fewer
/// relocations, and two codegen units instead of sixteen (a one-file crate gains nothing
/// from more, and pays for each: measured here, two compile a small solution 0.94x the time
/// of four, and one a `HashMap`-using one 1.3x). [`Linkage`] adds the rest.
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
    "codegen-units=2",
];

/// How programs get the standard library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Linkage {
    /// Loaded at run time from the toolchain's shared library, this file (a real path),
    /// which the program finds through its run path (`-C prefer-dynamic`, which needs
    /// `panic=unwind`: the shared library holds the unwinding runtime). The linker then
    /// resolves the program against the library's symbol table instead of copying and
    /// relocating the parts of `std` it uses, the largest part of a link. A run path in the
    /// program, rather than `LD_LIBRARY_PATH` at each run, keeps the program whole: any
    /// runner, in the sandbox or not, starts it as it is.
    Dynamic(PathBuf),
    /// Copied into every program, with `panic=abort`, which generates no unwinding paths:
    /// for a toolchain without a shared standard library, or one the runs cannot load.
    Static,
}

impl Linkage {
    /// Dynamic when the toolchain has a shared standard library that the runs can load (see
    /// `sandbox::expose_runtime_library`), that is none of `hidden`, and whose folder a run
    /// path can name (the loader splits run paths at `:` and expands `$` words).
    /// `own_root`: whether runs get a mount namespace (see `sandbox::runs_have_own_root`).
    pub fn choose(
        toolchain: &Toolchain,
        hidden: &[PathBuf],
        own_root: impl FnOnce() -> bool,
    ) -> Linkage {
        let nameable = |lib: &Path| {
            lib.parent()
                .and_then(Path::to_str)
                .is_some_and(|dir| !dir.contains([':', '$']))
        };
        match toolchain.std_dylib() {
            Some(lib)
                if nameable(&lib)
                    && !sandbox::without(vec![lib.clone()], hidden).is_empty()
                    && sandbox::expose_runtime_library(&lib, own_root) =>
            {
                Linkage::Dynamic(lib)
            }
            _ => Linkage::Static,
        }
    }

    /// Code generation flags, of libraries and programs alike.
    fn codegen_flags(&self) -> Vec<String> {
        let mut flags: Vec<String> = FLAGS.iter().map(|s| s.to_string()).collect();
        flags.extend(match self {
            // A panic still prints its message and location, which the verdict reads from
            // stderr, and ends the program: the harness's glue aborts after the report
            // (a program of its own, a stdin/stdout kata's, exits with status 101).
            Linkage::Dynamic(_) => ["-C".to_string(), "prefer-dynamic".to_string()],
            Linkage::Static => ["-C".to_string(), "panic=abort".to_string()],
        });
        flags
    }

    /// Flags of programs only, linked by `linker`: where the library is found at run time.
    pub fn program_flags(&self, linker: &Linker) -> Vec<String> {
        let mut flags = self.codegen_flags();
        flags.extend(linker.flags());
        if let Linkage::Dynamic(lib) = self {
            // Where the runs' mount namespace shows it, then where it is, for a run without
            // that namespace.
            for dir in [
                Path::new(sandbox::RUNS_LIBRARY_DIR),
                lib.parent().unwrap_or(Path::new("/")),
            ] {
                flags.extend(linker.arg(&format!("-rpath={}", dir.display())));
            }
        }
        flags
    }
}

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
    /// The harness around a kata's function or type, or `None` when the file is a whole
    /// program with its own `main`.
    pub harness: Option<Harness>,
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
    pub linkage: &'a Linkage,
    pub linker: &'a Linker,
}

/// A library the judge builds of its own source, once: the runtime, a kata's glue.
struct Library<'s> {
    kind: Kind,
    /// Its cache entry.
    entry: String,
    crate_name: &'static str,
    source: &'s str,
    /// What it is, in the message of a build that failed.
    what: &'static str,
}

impl Compiler<'_> {
    /// The runtime library's cache entry.
    fn runtime_entry(&self) -> String {
        let key = cache::key(&[
            harness::RT_SOURCE.as_bytes(),
            self.toolchain.version.as_bytes(),
            self.linkage.codegen_flags().join(" ").as_bytes(),
        ]);
        format!("{key}/lib{RT_CRATE}.rlib")
    }

    /// The runtime library's rlib, built once per toolchain.
    pub fn runtime(&self) -> Result<PathBuf> {
        self.library(
            &Library {
                kind: Kind::Runtime,
                entry: self.runtime_entry(),
                crate_name: RT_CRATE,
                source: harness::RT_SOURCE,
                what: "the harness runtime",
            },
            None,
        )
    }

    /// The cache entry of the glue library `source`, built against the runtime `rt`.
    fn glue_entry(&self, source: &str, rt: &Path) -> String {
        let key = cache::key(&[
            source.as_bytes(),
            rt.to_string_lossy().as_bytes(),
            self.toolchain.version.as_bytes(),
            self.linkage.codegen_flags().join(" ").as_bytes(),
        ]);
        format!("lib{key}.rlib")
    }

    /// A kata's glue library (see [`Harness`]), built once per kata, toolchain and runtime.
    fn glue(&self, source: &str, rt: &Path) -> Result<PathBuf> {
        self.library(
            &Library {
                kind: Kind::Glue,
                entry: self.glue_entry(source, rt),
                crate_name: GLUE_CRATE,
                source,
                what: "the harness glue",
            },
            Some(rt),
        )
    }

    /// `lib`'s rlib from the cache, or built (against the runtime `rt`, if given) and
    /// cached.
    fn library(&self, lib: &Library, rt: Option<&Path>) -> Result<PathBuf> {
        if let Some(p) = self.cache.file(lib.kind, &lib.entry) {
            return Ok(p);
        }
        let dir = self.tempdir()?;
        let src = dir.path().join(format!("{}.rs", lib.crate_name));
        write(&src, lib.source)?;
        let out = dir.path().join(format!("lib{}.rlib", lib.crate_name));
        let mut args = self.linkage.codegen_flags();
        args.extend([
            "--crate-type".into(),
            "rlib".into(),
            "--crate-name".into(),
            lib.crate_name.into(),
            "-A".into(),
            "unused".into(),
            // Diagnostics and panic messages of a learner's program that point here name
            // the harness, not a temporary folder.
            format!(
                "--remap-path-prefix={}/={HARNESS_DISPLAY}",
                dir.path().display()
            ),
            "-o".into(),
            out.display().to_string(),
            src.display().to_string(),
        ]);
        let mut read = Vec::new();
        if let Some(rt) = rt {
            args.extend(["--extern".into(), format!("{RT_CRATE}={}", rt.display())]);
            read.extend(rt.parent().map(Path::to_path_buf));
        }
        match self.rustc(dir.path(), &args, &read)? {
            None => self
                .cache
                .put_file(lib.kind, &lib.entry, &out)
                .map_err(|e| Error::env(format!("cannot write the cache: {e}"))),
            Some(diag) => Err(Error::env(format!(
                "cannot build {} with {}:\n{diag}",
                lib.what,
                self.toolchain.short_version()
            ))),
        }
    }

    /// The cache key of `unit`'s program, built against the runtime `rt` and, for a
    /// harness, the glue library `glue`.
    fn binary_key(&self, unit: &Unit, rt: &Path, glue: Option<&Path>) -> String {
        let main = unit.harness.as_ref().map_or("", |h| h.main.as_str());
        let glue = glue.map(|g| g.to_string_lossy()).unwrap_or_default();
        cache::key(&[
            self.toolchain.version.as_bytes(),
            rt.to_string_lossy().as_bytes(),
            glue.as_bytes(),
            self.linkage.program_flags(self.linker).join(" ").as_bytes(),
            unit.file.text.as_bytes(),
            unit.file.name.as_bytes(),
            unit.file.shown_dir.as_bytes(),
            main.as_bytes(),
            &[u8::from(unit.forbid_unsafe)],
        ])
    }

    /// `unit`'s program if it was built before (the runtime and glue too), without building
    /// anything: a judge that finds its report cached needs nothing else.
    pub fn cached(&self, unit: &Unit) -> Option<PathBuf> {
        self.cache.file(Kind::Binary, &self.built_key(unit)?)
    }

    /// Where `unit`'s program is, or will be once built, when the runtime and the glue it is
    /// built against are built already (they are part of its key).
    pub fn binary_path(&self, unit: &Unit) -> Option<PathBuf> {
        Some(self.cache.dir(Kind::Binary).join(self.built_key(unit)?))
    }

    fn built_key(&self, unit: &Unit) -> Option<String> {
        let rt = self.cache.file(Kind::Runtime, &self.runtime_entry())?;
        let glue = match &unit.harness {
            Some(h) => Some(
                self.cache
                    .file(Kind::Glue, &self.glue_entry(&h.glue, &rt))?,
            ),
            None => None,
        };
        Some(self.binary_key(unit, &rt, glue.as_deref()))
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
        let glue = match &unit.harness {
            Some(h) => Some(self.glue(&h.glue, &rt)?),
            None => None,
        };
        let key = self.binary_key(unit, &rt, glue.as_deref());
        if let Some(p) = self.cache.file(Kind::Binary, &key) {
            return Ok(Compiled::Binary(p));
        }
        let dir = self.tempdir()?;
        let root = dir.path();
        let layout = CrateLayout::new(root);
        layout.create()?;
        let file = layout.source(unit.file);
        write(&file, &unit.file.text)?;
        let crate_root = match &unit.harness {
            Some(h) => {
                let p = layout.main();
                write(&p, &h.main)?;
                p
            }
            None => file,
        };
        let [remap_file, remap_main] = layout.remaps(unit.file);
        let out = root.join("solution");
        let mut args = self.linkage.program_flags(self.linker);
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
        ]);
        let rt_dir = rt.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut read = vec![rt_dir.clone()];
        match &glue {
            // The crate root calls the glue alone; the runtime is only the glue's dependency.
            Some(glue) => {
                args.extend([
                    "--extern".into(),
                    format!("{GLUE_CRATE}={}", glue.display()),
                    "-L".into(),
                    format!("dependency={}", rt_dir.display()),
                ]);
                read.push(glue.clone());
            }
            None => args.extend(["--extern".into(), format!("{RT_CRATE}={}", rt.display())]),
        }
        args.extend([
            "-o".into(),
            out.display().to_string(),
            crate_root.display().to_string(),
        ]);
        if unit.forbid_unsafe {
            args.extend(["-F".into(), "unsafe_code".into()]);
        }
        match self.rustc(root, &args, &read)? {
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
        let (mut cmd, early) = policy
            .early_command(&self.toolchain.rustc, &os_args, None)
            .map_err(|e| Error::env(format!("cannot create a pipe: {e}")))?;
        // The compiler sees no variable of the learner's environment (`env!` reads them).
        cmd.env_clear()
            .env("PATH", linker::COMPILE_PATH)
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
        if let Some(early) = early {
            early.give();
        }
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
    fn a_dynamic_program_finds_its_library_in_the_sandbox_and_outside() {
        let lib = PathBuf::from("/opt/rust, a toolchain/lib/libstd-0123.so");
        let dynamic = Linkage::Dynamic(lib);
        assert!(dynamic
            .codegen_flags()
            .join(" ")
            .ends_with("-C prefer-dynamic"));
        let codegen = dynamic.codegen_flags().len();
        assert_eq!(
            dynamic.program_flags(&Linker::Driver)[codegen..],
            [
                "-C",
                "link-arg=-Xlinker",
                "-C",
                &format!("link-arg=-rpath={}", sandbox::RUNS_LIBRARY_DIR),
                "-C",
                "link-arg=-Xlinker",
                "-C",
                "link-arg=-rpath=/opt/rust, a toolchain/lib",
            ]
        );
        assert!(Linkage::Static
            .codegen_flags()
            .join(" ")
            .ends_with("-C panic=abort"));
        assert_eq!(
            Linkage::Static.program_flags(&Linker::Driver),
            Linkage::Static.codegen_flags()
        );
    }

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

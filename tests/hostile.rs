//! Hostile learner programs against the whole judge: each file of `tests/hostile/programs`
//! is submitted through the real `kata` binary to the `probe` kata (`pub fn probe(x: i64) ->
//! i64`, expected `x`), and both its verdict (its `// expect:` line) and the side effect of
//! its attack are checked. A program returns `x` when its attack fails and something else
//! when it succeeds, so a sandbox that lets an attack through turns `accepted` into
//! `wrong_answer`.
//!
//! Programs get paths, ports and a marker unique to the test by substitution of
//! `{{NAME}}` placeholders. The marker (a 9-digit number) names every process or thread a
//! program tries to leave behind (`sleep MARKER`, threads `khMARKER`), so that the test can
//! look for them in `/proc` afterwards.
//!
//! Every test runs as the calling user and, when that is root, a second time as `nobody`
//! (uid 65534, through `setpriv`), which takes the sandbox's unprivileged path. `nobody`
//! cannot run the toolchain under `/root`, so each test run links the parts of the sysroot
//! that `rustc` needs into a folder `nobody` may read, and points `KATA_RUSTC` at it.

// Hostile programs and the checks on them call libc directly.
#![allow(unsafe_code)]

mod common;

use common::{declared_verdict, Output, Run, User};
use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::CString;
use std::hash::{BuildHasher, Hasher};
use std::io::ErrorKind;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;
use tempfile::TempDir;

/// uid and gid of `nobody`.
const NOBODY: u32 = 65534;
/// The probe kata's limits and test count (`tests/hostile/katas/probe.toml`).
const TIME_LIMIT: Duration = Duration::from_millis(500);
const TESTS: u32 = 3;
/// The hidden test's argument: it appears nowhere but in the kata file.
const HIDDEN_VALUE: &str = "7340021";
/// Name of the variable the judge gets with a secret value.
const SECRET_VAR: &str = "KATA_HOSTILE_SECRET";
/// Longest a judge may take before the test kills it.
const JUDGE_TIMEOUT: Duration = Duration::from_secs(90);

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn kata_dir() -> PathBuf {
    hostile_dir().join("katas")
}

fn kata_toml() -> PathBuf {
    kata_dir().join("probe.toml")
}

fn programs_dir() -> PathBuf {
    hostile_dir().join("programs")
}

/// Gives `path` to `user` (a no-op for the caller).
fn own(user: User, path: &Path) {
    if user == User::Nobody {
        std::os::unix::fs::chown(path, Some(NOBODY), Some(NOBODY))
            .unwrap_or_else(|e| panic!("chown {}: {e}", path.display()));
    }
}

/// A fresh random number.
fn random() -> u64 {
    let mut h = RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos(),
    );
    h.finish()
}

/// A temporary folder with the given mode, owned by `owner` (root keeps folders that only
/// the sandbox should keep `nobody` out of).
fn dir(owner: User, mode: u32) -> TempDir {
    let d = tempfile::Builder::new()
        .prefix("kata-hostile-")
        .tempdir()
        .unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    own(owner, d.path());
    d
}

fn write(path: &Path, text: &str, owner: User, mode: u32) {
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    own(owner, path);
}

// ---------------------------------------------------------------------------------------------
// The toolchain and caches of each user
// ---------------------------------------------------------------------------------------------

struct Setup {
    /// `KATA_RUSTC`: the compiler inside a sysroot this user can read.
    rustc: PathBuf,
    /// The `kata` binary and the folder of the probe kata, where this user can read them.
    kata: PathBuf,
    katas: PathBuf,
    /// A cache that holds the harness runtime for this user; each test copies it into a
    /// cache of its own, so that nothing a test builds outlives it.
    cache: PathBuf,
}

/// The caller's sysroot and host triple.
fn sysroot() -> &'static (PathBuf, String) {
    static SYSROOT: OnceLock<(PathBuf, String)> = OnceLock::new();
    SYSROOT.get_or_init(|| {
        let driver = std::env::var_os("KATA_RUSTC").unwrap_or_else(|| "rustc".into());
        let out = Command::new(&driver)
            .args(["--print", "sysroot"])
            .output()
            .expect("rustc runs");
        assert!(out.status.success(), "rustc --print sysroot failed");
        let sysroot = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
        let out = Command::new(sysroot.join("bin/rustc"))
            .arg("-vV")
            .output()
            .expect("rustc -vV runs");
        let host = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
            .expect("rustc -vV names the host");
        (sysroot, host)
    })
}

fn setup(user: User) -> &'static Setup {
    static CALLER: OnceLock<Setup> = OnceLock::new();
    static NOBODY_SETUP: OnceLock<Setup> = OnceLock::new();
    let cell = match user {
        User::Caller => &CALLER,
        User::Nobody => &NOBODY_SETUP,
    };
    cell.get_or_init(|| {
        let (sysroot, host) = sysroot();
        let kata = PathBuf::from(env!("CARGO_BIN_EXE_kata"));
        let (rustc, kata, katas) = match user {
            User::Caller => (sysroot.join("bin/rustc"), kata, kata_dir()),
            User::Nobody => {
                let shared = readable_copies(sysroot, host);
                let katas = if reachable_by_others(&kata_toml()) {
                    kata_dir()
                } else {
                    shared.join("hostile/katas")
                };
                let kata = if reachable_by_others(&kata) {
                    kata
                } else {
                    shared.join("kata")
                };
                (shared.join("bin/rustc"), kata, katas)
            }
        };
        let base = shared_base().join("hostile-cache");
        std::fs::create_dir_all(&base).unwrap();
        std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o755)).unwrap();
        let cache = base.join(user.name());
        std::fs::create_dir_all(&cache).unwrap();
        own(user, &cache);
        let setup = Setup {
            rustc,
            kata,
            katas,
            cache,
        };
        // Warm up: the reference solution as it is, judged with the shared cache, builds
        // the harness runtime once for this user (and for later test runs) before any test
        // measures its time.
        let mut warm_up = reference_with(user, &setup);
        warm_up.source = std::fs::read_to_string(hostile_dir().join("solutions/probe.rs")).unwrap();
        warm_up.cache = setup.cache.clone();
        warm_up.judged();
        setup
    })
}

/// The kata's reference solution, to be judged afresh.
fn reference(user: User) -> Probe {
    reference_with(user, setup(user))
}

fn reference_with(user: User, setup: &Setup) -> Probe {
    let source = std::fs::read_to_string(hostile_dir().join("solutions/probe.rs")).unwrap();
    Probe::with_source(user, setup, "reference.rs", &source)
}

/// Whether other users can reach `path`: every folder above it is searchable by them.
fn reachable_by_others(path: &Path) -> bool {
    path.ancestors()
        .skip(1)
        .all(|dir| std::fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o001 != 0))
}

/// Where both users' files go: the target directory's temporary folder when other users can
/// reach it, else the system's temporary folder.
fn shared_base() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"));
    if reachable_by_others(&target.join("x")) {
        target.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

/// Links (or, across file systems, copies) into a folder that every user may read what
/// `nobody` needs and may not reach where it is: the parts of the sysroot that `rustc`
/// needs (`bin/rustc`, the shared libraries of `lib/`, and the host's
/// `lib/rustlib/HOST/{lib,bin}`: standard library and linker), the `kata` binary and the
/// probe kata. Copies left by earlier test runs are removed.
fn readable_copies(sysroot: &Path, host: &str) -> PathBuf {
    let base = shared_base();
    for entry in std::fs::read_dir(&base).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("hostile-toolchain-") {
            if !Path::new("/proc").join(pid).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let dest = base.join(format!("hostile-toolchain-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dest);
    make_dir(&dest);
    make_dir(&dest.join("bin"));
    link(&sysroot.join("bin/rustc"), &dest.join("bin/rustc"));
    make_dir(&dest.join("lib"));
    for entry in std::fs::read_dir(sysroot.join("lib")).unwrap().flatten() {
        if !entry.file_type().unwrap().is_dir() {
            link(&entry.path(), &dest.join("lib").join(entry.file_name()));
        }
    }
    let rustlib = Path::new("lib/rustlib").join(host);
    make_dir(&dest.join("lib/rustlib"));
    make_dir(&dest.join(&rustlib));
    for part in ["lib", "bin"] {
        let from = sysroot.join(&rustlib).join(part);
        if from.exists() {
            link_tree(&from, &dest.join(&rustlib).join(part));
        }
    }
    link(Path::new(env!("CARGO_BIN_EXE_kata")), &dest.join("kata"));
    make_dir(&dest.join("hostile"));
    for part in ["katas", "solutions"] {
        link_tree(&hostile_dir().join(part), &dest.join("hostile").join(part));
    }
    dest
}

fn make_dir(path: &Path) {
    std::fs::create_dir(path).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn link(from: &Path, to: &Path) {
    let meta = std::fs::symlink_metadata(from).unwrap();
    if meta.file_type().is_symlink() {
        std::os::unix::fs::symlink(std::fs::read_link(from).unwrap(), to).unwrap();
    } else if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to).unwrap();
    }
}

fn link_tree(from: &Path, to: &Path) {
    make_dir(to);
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            link_tree(&entry.path(), &target);
        } else {
            link(&entry.path(), &target);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A submission
// ---------------------------------------------------------------------------------------------

/// One hostile program, ready to submit in a workspace of its own.
struct Probe {
    user: User,
    file: String,
    source: String,
    declared: String,
    workspace: TempDir,
    home: TempDir,
    marker: String,
    secret_env: String,
    rustc: PathBuf,
    kata: PathBuf,
    katas: PathBuf,
    /// `KATA_CACHE_DIR`, this submission's own unless replaced.
    cache: PathBuf,
    _cache_dir: TempDir,
    env: Vec<(String, String)>,
    /// Submit a symbolic link to this file instead of the program.
    link: Option<PathBuf>,
    /// The kata of `tests/hostile/katas` judged: `probe`, or the stdin/stdout `echo`.
    kata_id: &'static str,
}

impl Probe {
    /// `tests/hostile/programs/FILE`, with the placeholders every program may use filled in.
    fn new(user: User, file: &str) -> Probe {
        let path = programs_dir().join(file);
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Probe::with_source(user, setup(user), file, &source)
    }

    fn with_source(user: User, setup: &Setup, file: &str, source: &str) -> Probe {
        let declared = if source.contains("// expect:") {
            declared_verdict(source, Path::new(file))
        } else {
            "accepted".into()
        };
        let marker = (100_000_000 + random() % 900_000_000).to_string();
        let workspace = dir(user, 0o700);
        let home = dir(user, 0o700);
        let secret_env = format!("env-secret-{marker}-{:016x}", random());
        write(
            &home.path().join(".secret"),
            &format!("home-secret-{marker}"),
            user,
            0o600,
        );
        // A unique last line: every submission compiles and runs afresh, never answered
        // from the judge's cache of reports by an earlier run of the same program.
        let source = format!("{source}\n// run {marker}\n");
        let cache_dir = dir(user, 0o700);
        if setup.cache.join("rt").exists() {
            copy_tree(&setup.cache.join("rt"), &cache_dir.path().join("rt"), user);
        }
        let mut p = Probe {
            user,
            file: file.to_string(),
            source,
            declared,
            workspace,
            home,
            marker,
            secret_env,
            rustc: setup.rustc.clone(),
            kata: setup.kata.clone(),
            katas: setup.katas.clone(),
            cache: cache_dir.path().to_path_buf(),
            _cache_dir: cache_dir,
            env: Vec::new(),
            link: None,
            kata_id: "probe",
        };
        let workspace = p.workspace.path().display().to_string();
        let home = p.home.path().display().to_string();
        let marker = p.marker.clone();
        let katas = p.katas.display().to_string();
        let kata_toml = p.katas.join("probe.toml").display().to_string();
        let raw_syscalls = std::fs::read_to_string(hostile_dir().join("raw_syscalls.rs")).unwrap();
        p = p
            .var("RAW_SYSCALLS", &raw_syscalls)
            .var("MARKER", &marker)
            .var("WORKSPACE", &workspace)
            .var("HOME", &home)
            .var("KATA_TOML", &kata_toml)
            .var("KATA_DIR", &katas);
        p
    }

    /// Judges the program on kata `id` of `tests/hostile/katas` instead of `probe`.
    fn kata(mut self, id: &'static str) -> Probe {
        self.kata_id = id;
        self
    }

    /// Replaces `{{KEY}}` in the program.
    fn var(mut self, key: &str, value: &str) -> Probe {
        self.source = self.source.replace(&format!("{{{{{key}}}}}"), value);
        self
    }

    /// A variable of the judge's environment.
    fn env(mut self, key: &str, value: &str) -> Probe {
        self.env.push((key.into(), value.into()));
        self
    }

    /// A file of the learner's workspace besides the program.
    fn file(self, name: &str, text: &str) -> Probe {
        write(&self.workspace.path().join(name), text, self.user, 0o600);
        self
    }

    fn path(&self, name: &str) -> PathBuf {
        self.workspace.path().join(name)
    }

    /// `kata --katas tests/hostile/katas submit FILE --kata KATA --json`, as this user.
    fn submit(&mut self) -> Submitted {
        self.submit_with(&["--json"])
    }

    /// `kata --katas tests/hostile/katas submit FILE --kata KATA EXTRA...`, as this user.
    fn submit_with(&mut self, extra: &[&str]) -> Submitted {
        if let Some(start) = self.source.find("{{") {
            let rest = &self.source[start..];
            let end = rest.find("}}").map_or(rest.len(), |e| e + 2);
            assert!(
                !rest[2..end.saturating_sub(2)]
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_'),
                "{}: placeholder {} left unfilled",
                self.file,
                &rest[..end]
            );
        }
        let program = self.path(&self.file);
        match &self.link {
            None => write(&program, &self.source, self.user, 0o600),
            Some(target) => {
                let _ = std::fs::remove_file(&program);
                std::os::unix::fs::symlink(target, &program).unwrap();
            }
        }
        let measured = Run::new(&self.kata)
            .args(&["--color", "never", "--katas"])
            .arg(&self.katas)
            .args(&["submit", &self.file, "--kata", self.kata_id])
            .args(extra)
            .user(self.user)
            .dir(self.workspace.path())
            .env_clear()
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("HOME", self.home.path())
            .env("KATA_CACHE_DIR", &self.cache)
            .env("KATA_RUSTC", &self.rustc)
            .env(SECRET_VAR, &self.secret_env)
            .envs(&self.env)
            .timeout(JUDGE_TIMEOUT)
            .run_measured();
        let (out, elapsed, judge_rss) = (measured.out, measured.elapsed, measured.peak_rss);
        let json = serde_json::from_str(&out.stdout).unwrap_or(serde_json::Value::Null);
        let r = Submitted {
            file: self.file.clone(),
            user: self.user,
            out,
            json,
            elapsed,
            judge_rss,
        };
        eprintln!(
            "{} as {}: {} in {:.2} s",
            r.file,
            r.user.name(),
            r.verdict(),
            r.elapsed.as_secs_f64()
        );
        // Whatever the attack, the judge's environment never shows.
        r.hides(&self.secret_env);
        r
    }

    /// Submits and checks the declared verdict and exit status.
    fn judged(&mut self) -> Submitted {
        let r = self.submit();
        r.has_verdict(&self.declared);
        r
    }
}

fn copy_tree(from: &Path, to: &Path, owner: User) {
    std::fs::create_dir_all(to).unwrap();
    own(owner, to);
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target, owner);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
            own(owner, &target);
        }
    }
}

/// What the judge said about one submission.
struct Submitted {
    file: String,
    user: User,
    out: Output,
    json: serde_json::Value,
    elapsed: Duration,
    /// The judge's own peak resident memory, in bytes.
    judge_rss: u64,
}

impl Submitted {
    fn describe(&self) -> String {
        format!(
            "{} as {}: exit {} after {:.2} s, judge's peak memory {} MiB\nstdout:\n{}\nstderr:\n{}",
            self.file,
            self.user.name(),
            self.out.code,
            self.elapsed.as_secs_f64(),
            self.judge_rss >> 20,
            self.out.stdout,
            self.out.stderr
        )
    }

    fn verdict(&self) -> &str {
        self.json["verdict"].as_str().unwrap_or("(no JSON verdict)")
    }

    fn has_verdict(&self, expected: &str) -> &Self {
        assert_eq!(self.verdict(), expected, "{}", self.describe());
        let code = if expected == "accepted" { 0 } else { 1 };
        assert_eq!(self.out.code, code, "exit status\n{}", self.describe());
        self
    }

    /// The per-test objects of the JSON report.
    fn tests(&self) -> Vec<serde_json::Value> {
        self.json["tests"].as_array().cloned().unwrap_or_default()
    }

    /// Every test's verdict is `verdict` (not only the first failing one).
    fn every_test(&self, verdict: &str) -> &Self {
        let tests = self.tests();
        assert_eq!(tests.len(), TESTS as usize, "{}", self.describe());
        for t in &tests {
            assert_eq!(t["verdict"], verdict, "{}: {}", t["name"], self.describe());
        }
        self
    }

    /// Every sample's message contains `text` (a hidden test's is a fixed sentence for its
    /// verdict: the probe kata reveals samples only).
    fn every_message_has(&self, text: &str) -> &Self {
        for t in self.tests().iter().filter(|t| t["sample"] == true) {
            let message = t["message"].as_str().unwrap_or("");
            assert!(
                message.contains(text),
                "{}: message {message:?} lacks {text:?}\n{}",
                t["name"],
                self.describe()
            );
        }
        self
    }

    /// The compiler's diagnostics (compile errors) contain `text`.
    fn diagnostics_have(&self, text: &str) -> &Self {
        let message = self.json["message"].as_str().unwrap_or("");
        assert!(
            message.contains(text),
            "diagnostics lack {text:?}\n{}",
            self.describe()
        );
        self
    }

    /// `text` appears nowhere in what the judge printed.
    fn hides(&self, text: &str) -> &Self {
        assert!(!text.is_empty());
        assert!(
            !self.out.stdout.contains(text) && !self.out.stderr.contains(text),
            "the judge's output leaks {text:?}\n{}",
            self.describe()
        );
        self
    }

    fn within(&self, limit: Duration) -> &Self {
        assert!(
            self.elapsed <= limit,
            "took {:.2} s, more than {:.2} s\n{}",
            self.elapsed.as_secs_f64(),
            limit.as_secs_f64(),
            self.describe()
        );
        self
    }
}

/// Longest a test may run: twice its time limit plus a second (the wall-clock limit of a
/// sleeping program), and a little for killing and reaping it.
fn per_test_bound() -> Duration {
    TIME_LIMIT * 2 + Duration::from_millis(1100)
}

/// How long the judge may take to run the probe kata's tests (two at a time) when each is
/// stopped in time, the build being cached: the judge's start and end included.
fn run_bound() -> Duration {
    per_test_bound() * TESTS.div_ceil(2) + Duration::from_millis(500)
}

// ---------------------------------------------------------------------------------------------
// Leftovers
// ---------------------------------------------------------------------------------------------

/// Processes whose command line, or threads whose name, contain `marker`; each is killed
/// (by its pid) so that a failing test leaves nothing running.
fn leftovers(marker: &str) -> Vec<String> {
    // A double fork or a detached child takes a moment to exec `sleep MARKER`.
    std::thread::sleep(Duration::from_millis(300));
    let own = std::process::id();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if pid == own {
            continue;
        }
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        let mut hit = cmdline.contains(marker);
        if let Ok(tasks) = std::fs::read_dir(entry.path().join("task")) {
            for task in tasks.flatten() {
                let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
                hit |= comm.contains(marker);
            }
        }
        if hit {
            found.push(format!("pid {pid}: {cmdline}"));
            // SAFETY: sends a signal to a process that carries this test's unique marker.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        }
    }
    found
}

fn assert_no_leftovers(marker: &str, r: &Submitted) {
    let found = leftovers(marker);
    assert!(
        found.is_empty(),
        "processes left behind: {found:#?}\n{}",
        r.describe()
    );
}

/// Compilers still running in a build folder the judge already removed.
fn orphan_compilers() -> Vec<String> {
    let build_dirs = std::env::temp_dir().join("kata-build-");
    let prefix = build_dirs.display().to_string();
    let mut found = Vec::new();
    for _ in 0..10 {
        found.clear();
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            if let Ok(cwd) = std::fs::read_link(entry.path().join("cwd")) {
                let cwd = cwd.display().to_string();
                if cwd.starts_with(&prefix) && cwd.ends_with(" (deleted)") {
                    found.push(format!("pid {:?} in {cwd}", entry.file_name()));
                }
            }
        }
        if found.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    found
}

/// A folder that only the sandbox keeps the judged program out of: anyone may read it.
struct Secret {
    dir: TempDir,
    text: String,
}

impl Secret {
    fn new(name: &str, text: &str) -> Secret {
        let dir = dir(User::Caller, 0o755);
        write(&dir.path().join(name), text, User::Caller, 0o644);
        Secret {
            dir,
            text: text.to_string(),
        }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }
}

/// The first line of /etc/shadow, when this user can read it.
fn shadow_line() -> Option<String> {
    let text = std::fs::read_to_string("/etc/shadow").ok()?;
    text.lines()
        .find(|l| !l.trim().is_empty())
        .map(str::to_string)
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

fn read_etc_shadow(user: User) {
    let r = Probe::new(user, "read_etc_shadow.rs").judged();
    if let Some(line) = shadow_line() {
        r.hides(&line);
    }
}

fn read_secret_file(user: User) {
    let secret = Secret::new("secret.txt", &format!("file-secret-{:x}", random()));
    let r = Probe::new(user, "read_secret_file.rs")
        .var("SECRET_FILE", &secret.path("secret.txt"))
        .judged();
    r.hides(&secret.text);
}

fn read_kata_toml(user: User) {
    let r = Probe::new(user, "read_kata_toml.rs").judged();
    r.hides(HIDDEN_VALUE).hides("probe.toml");
}

fn read_workspace(user: User) {
    let text = format!("notes-secret-{:x}", random());
    let r = Probe::new(user, "read_workspace.rs")
        .file("notes.txt", &text)
        .judged();
    r.hides(&text);
}

fn symlinked_solution(user: User) {
    // The submitted file is a link to a secret (a learner's archive may hold links): the
    // judge reads it with its own rights, and a compile error quotes its first line.
    let secret = Secret::new(
        "secret.txt",
        &format!("symlink-secret-{:x} = 1\n", random()),
    );
    let mut p = Probe::with_source(user, setup(user), "linked.rs", "");
    p.link = Some(secret.dir.path().join("secret.txt"));
    let r = p.submit();
    assert_ne!(r.out.code, 0, "{}", r.describe());
    r.hides(secret.text.trim());
}

fn read_home(user: User) {
    let mut p = Probe::new(user, "read_home.rs");
    let text = format!("home-secret-{}", p.marker);
    let r = p.judged();
    r.hides(&text);
}

fn read_proc_1_environ(user: User) {
    Probe::new(user, "read_proc_1_environ.rs").judged();
}

fn read_judge_environ(user: User) {
    // `submit` checks that the secret value shows nowhere; the name must not either.
    Probe::new(user, "read_judge_environ.rs")
        .judged()
        .hides("leaked");
}

fn write_outside(user: User) {
    let out = dir(User::Caller, 0o777);
    let out_file = out.path().join("planted.rs");
    let mut p =
        Probe::new(user, "write_outside.rs").var("OUT_FILE", &out_file.display().to_string());
    let r = p.judged();
    for path in [out_file, p.path("planted.rs"), p.path("planted.txt")] {
        assert!(
            !path.exists(),
            "{} was written\n{}",
            path.display(),
            r.describe()
        );
    }
}

fn write_tmp_shm(user: User) {
    let mut p = Probe::new(user, "write_tmp_shm.rs");
    let r = p.judged();
    for dir in ["/tmp", "/dev/shm", "/var/tmp"] {
        let path = Path::new(dir).join(format!("kata-hostile-{}", p.marker));
        let written = path.exists();
        let _ = std::fs::remove_file(&path);
        assert!(!written, "{} was written\n{}", path.display(), r.describe());
    }
}

fn fill_disk(user: User) {
    let mut p = Probe::new(user, "fill_disk.rs");
    let r = p.judged();
    let name = format!("kata-fill-{}", p.marker);
    let dirs = [
        p.workspace.path().to_path_buf(),
        p.home.path().to_path_buf(),
        "/tmp".into(),
        "/dev/shm".into(),
        "/var/tmp".into(),
        p.cache.join("bin"),
    ];
    for dir in dirs {
        let path = dir.join(&name);
        let written = path.exists();
        let _ = std::fs::remove_file(&path);
        assert!(!written, "{} was written\n{}", path.display(), r.describe());
    }
}

fn poison_cache(user: User) {
    let mut p = Probe::new(user, "poison_cache.rs");
    let r = p.judged();
    let bin = p.cache.join("bin");
    let entries: Vec<PathBuf> = std::fs::read_dir(&bin)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}\n{}", r.describe());
    let head = std::fs::read(&entries[0]).unwrap();
    assert_eq!(&head[..4], b"\x7fELF", "the cached program was overwritten");
}

fn write_tty(user: User) {
    Probe::new(user, "write_tty.rs").judged();
}

fn read_cache(user: User) {
    Probe::new(user, "read_cache.rs").judged();
}

fn forge_channel(user: User) {
    Probe::new(user, "forge_channel.rs").judged();
}

fn channel_flood(user: User) {
    let mut p = Probe::new(user, "channel_flood.rs");
    let r = p.submit();
    assert!(
        r.judge_rss < 200 << 20,
        "the judge's own memory grew to {} MiB\n{}",
        r.judge_rss >> 20,
        r.describe()
    );
    r.has_verdict(&p.declared);
}

// ---------------------------------------------------------------------------------------------
// Compile time
// ---------------------------------------------------------------------------------------------

fn include_str_secret(user: User) {
    let secret = Secret::new("secret.txt", &format!("include-secret-{:x}", random()));
    let r = Probe::new(user, "include_str_secret.rs")
        .var("SECRET_FILE", &secret.path("secret.txt"))
        .judged();
    r.hides(&secret.text)
        .diagnostics_have("include_str_secret.rs");
}

fn include_bytes_shadow(user: User) {
    let r = Probe::new(user, "include_bytes_shadow.rs").judged();
    r.diagnostics_have("/etc/shadow");
    if let Some(line) = shadow_line() {
        r.hides(&line);
    }
}

fn include_proc_environ(user: User) {
    Probe::new(user, "include_proc_environ.rs")
        .judged()
        .diagnostics_have("/proc/self/environ");
}

fn path_mod_secret(user: User) {
    let text = format!("path-secret-{:x}", random());
    let secret = Secret::new(
        "stolen.rs",
        &format!("// {text}\npub const LEAKED: i64 = 1;\n"),
    );
    let r = Probe::new(user, "path_mod_secret.rs")
        .var("SECRET_RS", &secret.path("stolen.rs"))
        .judged();
    r.hides(&secret.text);
}

fn path_mod_kata_toml(user: User) {
    let r = Probe::new(user, "path_mod_kata_toml.rs").judged();
    // Read, the file would fail to parse at its first line, which the diagnostics quote.
    r.hides("title = \"Probe\"")
        .hides(HIDDEN_VALUE)
        .hides("hostile test suite");
}

fn env_secret(user: User) {
    Probe::new(user, "env_secret.rs")
        .judged()
        .diagnostics_have(SECRET_VAR);
}

fn option_env_secret(user: User) {
    Probe::new(user, "option_env_secret.rs").judged();
}

fn global_asm_incbin(user: User) {
    let secret = Secret::new("secret.bin", &format!("asm-secret-{:x}", random()));
    let r = Probe::new(user, "global_asm_incbin.rs")
        .var("SECRET_FILE", &secret.path("secret.bin"))
        .judged();
    r.hides(&secret.text);
}

fn endless_const(user: User) {
    let r = Probe::new(user, "endless_const.rs")
        .env("KATA_COMPILE_TIMEOUT_MS", "3000")
        .judged();
    r.diagnostics_have("longer than 3.0 s")
        .within(Duration::from_secs(5));
    let orphans = orphan_compilers();
    assert!(
        orphans.is_empty(),
        "compilers left running: {orphans:?}\n{}",
        r.describe()
    );
}

fn include_dev_zero(user: User) {
    let r = Probe::new(user, "include_dev_zero.rs").judged();
    r.diagnostics_have("/dev/zero")
        .within(Duration::from_secs(20));
}

fn huge_static(user: User) {
    let r = Probe::new(user, "huge_static.rs").judged();
    r.diagnostics_have("huge_static.rs:")
        .within(Duration::from_secs(10));
    let orphans = orphan_compilers();
    assert!(orphans.is_empty(), "compilers left running: {orphans:?}");
}

fn huge_binary(user: User) {
    let mut p = Probe::new(user, "huge_binary.rs");
    let r = p.submit();
    let bin = p.cache.join("bin");
    let biggest = std::fs::read_dir(&bin)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.metadata().unwrap().len())
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    assert!(
        biggest < 64 << 20,
        "the judge keeps a {} MiB program in its cache\n{}",
        biggest >> 20,
        r.describe()
    );
    r.has_verdict(&p.declared);
}

fn allow_unsafe(user: User) {
    Probe::new(user, "allow_unsafe.rs")
        .judged()
        .diagnostics_have("forbid");
}

fn no_mangle_hijack(user: User) {
    Probe::new(user, "no_mangle_hijack.rs")
        .judged()
        .diagnostics_have("no_mangle");
}

fn fork_unsafe(user: User) {
    let mut p = Probe::new(user, "fork_unsafe.rs");
    let r = p.judged();
    r.diagnostics_have("unsafe");
    assert_no_leftovers(&p.marker, &r);
}

fn kill_unsafe(user: User) {
    Probe::new(user, "kill_unsafe.rs")
        .judged()
        .diagnostics_have("unsafe");
}

fn null_deref(user: User) {
    Probe::new(user, "null_deref.rs")
        .judged()
        .diagnostics_have("unsafe");
}

// ---------------------------------------------------------------------------------------------
// Network
// ---------------------------------------------------------------------------------------------

fn tcp_connect(user: User) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let r = Probe::new(user, "tcp_connect.rs")
        .var("PORT", &port)
        .judged();
    match listener.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        other => panic!("the listener saw {other:?}\n{}", r.describe()),
    }
}

fn udp_send(user: User) {
    let socket = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    socket.set_nonblocking(true).unwrap();
    let port = socket.local_addr().unwrap().port().to_string();
    let r = Probe::new(user, "udp_send.rs").var("PORT", &port).judged();
    let mut buf = [0u8; 64];
    match socket.recv_from(&mut buf) {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        other => panic!("the socket received {other:?}\n{}", r.describe()),
    }
}

fn tcp_bind(user: User) {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port().to_string()
    };
    Probe::new(user, "tcp_bind.rs").var("PORT", &port).judged();
}

fn unix_socket(user: User) {
    use std::os::linux::net::SocketAddrExt;
    use std::os::unix::net::{SocketAddr, UnixListener};
    let dir = dir(User::Caller, 0o777);
    let path = dir.path().join("service.sock");
    let listener = UnixListener::bind(&path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o777)).unwrap();
    listener.set_nonblocking(true).unwrap();
    let name = format!("kata-hostile-{:x}", random());
    let abstract_listener =
        UnixListener::bind_addr(&SocketAddr::from_abstract_name(name.as_bytes()).unwrap()).unwrap();
    abstract_listener.set_nonblocking(true).unwrap();
    let r = Probe::new(user, "unix_socket.rs")
        .var("SOCKET", &path.display().to_string())
        .var("ABSTRACT", &name)
        .judged();
    for l in [&listener, &abstract_listener] {
        match l.accept() {
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            other => panic!("the listener saw {other:?}\n{}", r.describe()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

fn leaves_nothing(user: User, file: &str) {
    let mut p = Probe::new(user, file);
    let r = p.judged();
    assert_no_leftovers(&p.marker, &r);
}

fn fork_bomb(user: User) {
    leaves_nothing(user, "fork_bomb.rs");
}

fn spawn_shell(user: User) {
    leaves_nothing(user, "spawn_shell.rs");
}

fn detached_child(user: User) {
    leaves_nothing(user, "detached_child.rs");
}

fn setsid_double_fork(user: User) {
    leaves_nothing(user, "setsid_double_fork.rs");
}

fn thread_bomb(user: User) {
    let mut p = Probe::new(user, "thread_bomb.rs");
    let r = p.submit();
    answered_or_out_of_memory(&r);
    r.within(Duration::from_secs(20));
    assert_no_leftovers(&p.marker, &r);
    // The machine survived: it still judges a program afresh.
    reference(user).judged();
}

/// A test that holds every task it can while the other worker's next test needs one: that
/// test's process waits to be made, and every test gets its verdict (not an error of the
/// judge's environment).
fn hold_every_task(user: User) {
    let mut p = Probe::new(user, "hold_every_task.rs");
    let r = p.submit();
    answered_or_out_of_memory(&r);
    assert_no_leftovers(&p.marker, &r);
}

/// Either the program answered when spawning failed, or a thread started at the limit could
/// not get its signal stack and std aborted: both are honest.
fn answered_or_out_of_memory(r: &Submitted) {
    let out_of_memory = r.tests().iter().all(|t| {
        t["verdict"] == "accepted"
            || t["message"].as_str().is_some_and(|m| {
                // A hidden test's panic message is not shown (the kata reveals samples only).
                m.contains("Cannot allocate memory")
                    || (t["sample"] != true && m.contains("message is hidden"))
            })
    });
    assert!(
        out_of_memory && ["accepted", "runtime_error"].contains(&r.verdict()),
        "{}",
        r.describe()
    );
}

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

/// Submits twice: the first time builds the program, the second is timed without the build.
fn judged_twice(p: &mut Probe) -> Submitted {
    p.judged();
    p.judged()
}

fn stopped_in_time(r: &Submitted) {
    r.every_test("time_limit_exceeded").within(run_bound());
    let most = per_test_bound().as_millis() as f64;
    for t in r.tests() {
        let cpu = t["time_ms"].as_f64().unwrap();
        assert!(
            cpu <= most,
            "{}: {cpu} ms of CPU\n{}",
            t["name"],
            r.describe()
        );
        let message = t["message"].as_str().unwrap_or("");
        if let Some(wall) = message
            .strip_prefix("stopped after ")
            .and_then(|m| m.split(' ').next())
            .and_then(|ms| ms.parse::<f64>().ok())
        {
            assert!(wall <= most, "{}: {message}\n{}", t["name"], r.describe());
        }
    }
}

fn busy_loop(user: User) {
    let r = judged_twice(&mut Probe::new(user, "busy_loop.rs"));
    stopped_in_time(&r);
    // Stopped at its CPU limit; on a machine so loaded that the loop gets less than a third
    // of a core, the wall clock runs out first, and the report says so.
    for t in r.tests() {
        let message = t["message"].as_str().unwrap_or("");
        assert!(
            message.contains("ms of CPU time") || message.contains("wall-clock"),
            "{}: {message:?}\n{}",
            t["name"],
            r.describe()
        );
    }
    assert!(
        r.tests().iter().any(|t| t["message"]
            .as_str()
            .unwrap_or("")
            .contains("ms of CPU time")),
        "no test was stopped for CPU time\n{}",
        r.describe()
    );
}

fn busy_threads(user: User) {
    let mut p = Probe::new(user, "busy_threads.rs");
    let r = judged_twice(&mut p);
    stopped_in_time(&r);
    assert_no_leftovers(&p.marker, &r);
}

fn sleep_forever(user: User) {
    let r = judged_twice(&mut Probe::new(user, "sleep_forever.rs"));
    stopped_in_time(&r);
    r.every_message_has("wall-clock");
}

fn alloc_beyond(user: User) {
    Probe::new(user, "alloc_beyond.rs")
        .judged()
        .every_test("memory_limit_exceeded");
}

fn with_capacity_huge(user: User) {
    let r = Probe::new(user, "with_capacity_huge.rs").judged();
    r.every_test("memory_limit_exceeded");
    // The sample's message quotes Rust's. A hidden test's shows nothing of the program's
    // stderr: it could not be told from a line the program printed its input in
    // (leak_alloc_message.rs).
    let sample = &r.tests()[0];
    assert!(
        sample["message"]
            .as_str()
            .unwrap_or("")
            .contains("memory allocation of 1099511627776 bytes failed"),
        "{}",
        r.describe()
    );
}

fn read_dev_zero(user: User) {
    // The allocation is refused: the program sees OutOfMemory and answers.
    Probe::new(user, "read_dev_zero.rs").judged();
}

fn stdout_flood(user: User) {
    let r = judged_twice(&mut Probe::new(user, "stdout_flood.rs"));
    r.every_test("output_limit_exceeded").within(run_bound());
}

fn stderr_flood(user: User) {
    let r = judged_twice(&mut Probe::new(user, "stderr_flood.rs"));
    r.every_test("output_limit_exceeded").within(run_bound());
}

// ---------------------------------------------------------------------------------------------
// Honest verdicts
// ---------------------------------------------------------------------------------------------

fn stack_overflow(user: User) {
    Probe::new(user, "stack_overflow.rs")
        .judged()
        .every_test("runtime_error")
        .every_message_has("stack overflow");
}

fn aborts(user: User) {
    Probe::new(user, "abort.rs")
        .judged()
        .every_test("runtime_error")
        .every_message_has("SIGABRT");
}

fn panics(user: User) {
    let r = Probe::new(user, "panic.rs").judged();
    r.every_test("runtime_error");
    // The sample's panic is shown in full; a hidden test's message could print its input
    // (the probe kata reveals samples only), so only the fact of the panic is.
    for t in r.tests() {
        let message = t["message"].as_str().unwrap_or("");
        let shown = if t["sample"] == true {
            message.contains("panicked at panic.rs:") && message.contains("the probe gives up on ")
        } else {
            message.contains("message is hidden") && !message.contains("7340021")
        };
        assert!(shown, "{}: {message:?}\n{}", t["name"], r.describe());
    }
}

fn exit_zero(user: User) {
    Probe::new(user, "exit_zero.rs")
        .judged()
        .every_test("runtime_error")
        .every_message_has("std::process::exit");
}

fn terminal_escape(user: User) {
    let mut p = Probe::new(user, "terminal_escape.rs");
    p.judged();
    // The report for people, as a terminal would get it (colours are off).
    let r = p.submit_with(&[]);
    assert_eq!(r.out.code, 1, "{}", r.describe());
    assert!(
        r.out.stdout.contains("runtime_error: 0/3 tests passed"),
        "{}",
        r.describe()
    );
    for c in ['\x1b', '\x07', '\r', '\u{9b}'] {
        assert!(
            !r.out.stdout.contains(c) && !r.out.stderr.contains(c),
            "the report passes {c:?} to the terminal\n{}",
            r.describe().escape_debug()
        );
    }
}

fn imitate_channel(user: User) {
    let r = Probe::new(user, "imitate_channel.rs").judged();
    r.every_test("wrong_answer");
    let sample = &r.tests()[0];
    assert!(
        sample["output"]
            .as_str()
            .unwrap_or("")
            .starts_with("1\n1 \n"),
        "{}",
        r.describe()
    );
}

// ---------------------------------------------------------------------------------------------
// Raw system calls
// ---------------------------------------------------------------------------------------------
//
// Programs that reach the kernel directly, from code that `-F unsafe_code` accepts: the
// soundness hole rust-lang/rust#25860 gives them a `transmute`, which makes libc's
// `syscall`, declared in a plain `extern` block, callable. Against them only the kernel's
// guards hold (the seccomp allowlist, identities, namespaces, limits). Each such program
// first checks that its calls get through (a raw getpid against std's) and answers wrongly
// when they do not; were a compiler to close the hole, they would stop compiling, and their
// tests fail with the compiler's diagnostics. Their system call numbers are x86_64's.

/// Whether the raw system call programs can run here.
fn raw_syscalls_here() -> bool {
    let here = cfg!(target_arch = "x86_64");
    if !here {
        eprintln!("skipped: the program's system call numbers are x86_64's");
    }
    here
}

/// The uid that the judge runs as for `user`.
fn uid(user: User) -> u32 {
    match user {
        // SAFETY: geteuid has no preconditions and cannot fail.
        User::Caller => unsafe { libc::geteuid() },
        User::Nobody => NOBODY,
    }
}

fn cstring(path: &Path) -> CString {
    CString::new(path.as_os_str().as_bytes()).unwrap()
}

/// What a program must not change of a file: what `stat` shows but the access time, its
/// extended attributes and its inode flags (`lsattr`). The change time moves with any change
/// of the others, even one that sets a value to what it was.
#[derive(Debug, PartialEq, Eq)]
struct FileMeta {
    mode: u32,
    uid: u32,
    gid: u32,
    mtime: (i64, i64),
    ctime: (i64, i64),
    xattrs: Vec<(String, Vec<u8>)>,
    flags: Option<libc::c_int>,
}

fn file_meta(path: &Path) -> FileMeta {
    let m =
        std::fs::symlink_metadata(path).unwrap_or_else(|e| panic!("stat {}: {e}", path.display()));
    FileMeta {
        mode: m.mode(),
        uid: m.uid(),
        gid: m.gid(),
        mtime: (m.mtime(), m.mtime_nsec()),
        ctime: (m.ctime(), m.ctime_nsec()),
        xattrs: xattrs(path),
        flags: inode_flags(path),
    }
}

/// The extended attributes of `path`, with their values.
fn xattrs(path: &Path) -> Vec<(String, Vec<u8>)> {
    let c = cstring(path);
    let mut names = vec![0u8; 64 << 10];
    // SAFETY: `c` is NUL-terminated; the buffer's length goes with it.
    let n = unsafe { libc::llistxattr(c.as_ptr(), names.as_mut_ptr().cast(), names.len()) };
    names.truncate(n.max(0) as usize);
    names
        .split(|&b| b == 0)
        .filter(|name| !name.is_empty())
        .map(|name| {
            let cname = CString::new(name).unwrap();
            let mut value = vec![0u8; 64 << 10];
            // SAFETY: as above.
            let len = unsafe {
                libc::lgetxattr(
                    c.as_ptr(),
                    cname.as_ptr(),
                    value.as_mut_ptr().cast(),
                    value.len(),
                )
            };
            value.truncate(len.max(0) as usize);
            (String::from_utf8_lossy(name).into_owned(), value)
        })
        .collect()
}

/// FS_IOC_GETFLAGS, and FS_NODUMP_FL among the flags (`chattr +d`).
const FS_IOC_GETFLAGS: libc::c_ulong = 0x8008_6601;
const FS_NODUMP_FL: libc::c_int = 0x40;

/// The inode flags of `path`, where its file system has them.
fn inode_flags(path: &Path) -> Option<libc::c_int> {
    let f = std::fs::File::open(path).ok()?;
    let mut flags: libc::c_int = 0;
    // SAFETY: FS_IOC_GETFLAGS writes one int at the address given, which outlives the call.
    let r = unsafe { libc::ioctl(f.as_raw_fd(), FS_IOC_GETFLAGS as _, &mut flags) };
    (r == 0).then_some(flags)
}

/// Two files of the host that programs try to change: `host.bin`, a binary of the caller
/// (root's, when the tests run as root: setuid, or given a file capability, it would make
/// whoever runs it root), and `own.bin`, a file of the user the judge runs as, whose own
/// rights let it change it. Each has a mode, times and an extended attribute of its own.
struct HostFiles {
    _dir: TempDir,
    files: Vec<(PathBuf, FileMeta)>,
}

impl HostFiles {
    fn new(user: User) -> HostFiles {
        let dir = dir(User::Caller, 0o755);
        let mut files = Vec::new();
        for (name, owner) in [("host.bin", User::Caller), ("own.bin", user)] {
            let path = dir.path().join(name);
            write(&path, "#!/bin/sh\necho hostile\n", owner, 0o755);
            // Best effort: not every file system keeps user attributes.
            // SAFETY: NUL-terminated path and name, a value with its length.
            unsafe {
                libc::setxattr(
                    cstring(&path).as_ptr(),
                    c"user.kata".as_ptr(),
                    b"keep".as_ptr().cast(),
                    4,
                    0,
                )
            };
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(std::time::UNIX_EPOCH + Duration::from_secs(1_000_000_000))
                .unwrap();
            files.push((path.clone(), file_meta(&path)));
        }
        HostFiles { _dir: dir, files }
    }

    /// `{{HOST_FILE}}` and `{{OWN_FILE}}`.
    fn given_to(&self, p: Probe) -> Probe {
        let path = |i: usize| self.files[i].0.display().to_string();
        p.var("HOST_FILE", &path(0)).var("OWN_FILE", &path(1))
    }

    fn unchanged(&self, r: &Submitted) {
        for (path, before) in &self.files {
            let after = file_meta(path);
            assert_eq!(
                &after,
                before,
                "{} changed\n{}",
                path.display(),
                r.describe()
            );
        }
    }
}

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        match entry.file_type() {
            Ok(t) if t.is_dir() => files_under(&entry.path(), found),
            Ok(t) if t.is_file() => found.push(entry.path()),
            _ => {}
        }
    }
}

/// The submission's cache, where its binary is, as no program that ran from it may leave
/// it: a file setuid, setgid or writable by all, given away, dated back, with an attribute
/// or a flag planted.
fn cache_untouched(p: &Probe, r: &Submitted) {
    let mut files = Vec::new();
    files_under(&p.cache, &mut files);
    let day_ago = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        - 86_400;
    for path in files {
        let m = file_meta(&path);
        let planted = m
            .xattrs
            .iter()
            .any(|(name, _)| name.contains("kata-planted") || name == "security.capability");
        let changed = m.mode & 0o7002 != 0
            || m.uid != uid(p.user)
            || m.mtime.0 < day_ago
            || planted
            || m.flags.is_some_and(|f| f & FS_NODUMP_FL != 0);
        assert!(
            !changed,
            "{} was changed: {m:?}\n{}",
            path.display(),
            r.describe()
        );
    }
}

/// A program that changes, or tries to, the metadata of the host files and of its binary.
fn host_metadata(user: User, file: &str) {
    if !raw_syscalls_here() {
        return;
    }
    let files = HostFiles::new(user);
    let mut p = files.given_to(Probe::new(user, file));
    let r = p.submit();
    files.unchanged(&r);
    cache_untouched(&p, &r);
    r.has_verdict(&p.declared);
}

fn chmod_host_files(user: User) {
    host_metadata(user, "chmod_host_files.rs");
}

fn chown_host_files(user: User) {
    host_metadata(user, "chown_host_files.rs");
}

fn utimes_host_files(user: User) {
    host_metadata(user, "utimes_host_files.rs");
}

fn xattr_host_files(user: User) {
    host_metadata(user, "xattr_host_files.rs");
}

/// Tests that watch state of the whole machine (SysV objects, network interfaces, page-table
/// memory) take turns, so that none takes another's attack for its own.
fn machine_wide() -> std::sync::MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The host's SysV objects (/proc/sysvipc, what `ipcs` lists) as kind, id and, for shared
/// memory, the creator's pid.
fn sysv_objects() -> BTreeSet<(&'static str, i32, u32)> {
    let mut found = BTreeSet::new();
    for kind in ["shm", "msg", "sem"] {
        let text = std::fs::read_to_string(format!("/proc/sysvipc/{kind}")).unwrap_or_default();
        for line in text.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let Some(id) = fields.get(1).and_then(|f| f.parse().ok()) else {
                continue;
            };
            let creator = match kind {
                "shm" => fields.get(4).and_then(|f| f.parse().ok()).unwrap_or(0),
                _ => 0,
            };
            found.insert((kind, id, creator));
        }
    }
    found
}

/// SysV objects that appeared since `before` and that this process did not make; each is
/// removed, so that a failing test leaves no memory behind.
fn sysv_left_since(before: &BTreeSet<(&'static str, i32, u32)>) -> Vec<String> {
    let own = std::process::id();
    let mut left = Vec::new();
    for (kind, id, creator) in sysv_objects() {
        if before.contains(&(kind, id, creator)) || creator == own {
            continue;
        }
        left.push(match creator {
            0 => format!("{kind} {id}"),
            pid => format!("{kind} {id}, made by pid {pid}"),
        });
        // SAFETY: IPC_RMID with a null buffer, on an object that this test's program left.
        unsafe {
            match kind {
                "shm" => libc::shmctl(id, libc::IPC_RMID, std::ptr::null_mut()),
                "msg" => libc::msgctl(id, libc::IPC_RMID, std::ptr::null_mut()),
                _ => libc::semctl(id, 0, libc::IPC_RMID),
            }
        };
    }
    left
}

/// A program that makes SysV objects (and a POSIX queue), then exits without removing them.
fn leaves_no_ipc(user: User, file: &str) {
    if !raw_syscalls_here() {
        return;
    }
    let _turn = machine_wide();
    let before = sysv_objects();
    let mut p = Probe::new(user, file);
    let r = p.submit();
    let left = sysv_left_since(&before);
    let queue = CString::new(format!("/kata-hostile-{}", p.marker)).unwrap();
    // SAFETY: a NUL-terminated name; without O_CREAT, mq_open reads no further argument.
    let q = unsafe { libc::mq_open(queue.as_ptr(), libc::O_RDONLY) };
    if q != -1 {
        // SAFETY: closes the descriptor just opened and removes the queue the program left.
        unsafe {
            libc::mq_close(q);
            libc::mq_unlink(queue.as_ptr());
        }
    }
    assert!(left.is_empty(), "left behind: {left:?}\n{}", r.describe());
    assert!(q == -1, "a POSIX message queue was left\n{}", r.describe());
    r.has_verdict(&p.declared);
}

fn sysv_shm_leftover(user: User) {
    leaves_no_ipc(user, "sysv_shm_leftover.rs");
}

fn sysv_msg_sem(user: User) {
    leaves_no_ipc(user, "sysv_msg_sem.rs");
}

fn sysv_shm_foreign(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    let _turn = machine_wide();
    // Another program's segment, open to every user: only an IPC namespace keeps it out of
    // reach.
    let text = format!("foreign-{:x}\0", random());
    // SAFETY: creates a private segment of one page; its id is checked below.
    let id = unsafe { libc::shmget(libc::IPC_PRIVATE, 4096, libc::IPC_CREAT | 0o666) };
    assert!(id >= 0, "shmget: {}", std::io::Error::last_os_error());
    // SAFETY: attaches the segment just made, at an address the kernel picks.
    let at = unsafe { libc::shmat(id, std::ptr::null(), 0) };
    assert!(
        at as isize != -1,
        "shmat: {}",
        std::io::Error::last_os_error()
    );
    // SAFETY: the segment is 4096 bytes long and mapped at `at`, writable by this process.
    let memory = unsafe { std::slice::from_raw_parts_mut(at.cast::<u8>(), 4096) };
    memory[..text.len()].copy_from_slice(text.as_bytes());
    let before = sysv_objects();
    let mut p = Probe::new(user, "sysv_shm_foreign.rs").var("SHM_ID", &id.to_string());
    let r = p.submit();
    let intact = &memory[..text.len()] == text.as_bytes();
    // SAFETY: a buffer the size of `shmid_ds`, which IPC_STAT fills.
    let mut stat: libc::shmid_ds = unsafe { std::mem::zeroed() };
    // SAFETY: `stat` outlives the call.
    let exists = unsafe { libc::shmctl(id, libc::IPC_STAT, &mut stat) } == 0;
    // SHM_DEST (0o1000): marked for removal.
    let still_there = exists && stat.shm_perm.mode & 0o1000 == 0;
    // SAFETY: detaches and removes the segment this test made; `memory` is not used after.
    unsafe {
        libc::shmdt(at);
        libc::shmctl(id, libc::IPC_RMID, std::ptr::null_mut());
    }
    let left = sysv_left_since(&before);
    assert!(intact, "the segment was overwritten\n{}", r.describe());
    assert!(
        still_there,
        "the segment was marked for removal\n{}",
        r.describe()
    );
    assert!(left.is_empty(), "left behind: {left:?}\n{}", r.describe());
    r.has_verdict(&p.declared);
}

/// The flags of each of the host's network interfaces.
fn interface_flags() -> BTreeMap<String, u32> {
    std::fs::read_dir("/sys/class/net")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path().join("flags")).ok()?;
            let flags = u32::from_str_radix(text.trim().trim_start_matches("0x"), 16).ok()?;
            Some((e.file_name().to_string_lossy().into_owned(), flags))
        })
        .collect()
}

/// Sets an interface's flags back (SIOCSIFFLAGS; root only).
fn restore_interface_flags(name: &str, flags: u32) {
    // struct ifreq: the name, then the flags as a short.
    let mut req = [0u8; 40];
    req[..name.len().min(15)].copy_from_slice(&name.as_bytes()[..name.len().min(15)]);
    req[16..18].copy_from_slice(&(flags as u16).to_ne_bytes());
    // SAFETY: a datagram socket of this process and an ifreq buffer that outlives the call.
    unsafe {
        let s = libc::socket(libc::AF_INET, libc::SOCK_DGRAM, 0);
        libc::ioctl(s, 0x8914, req.as_mut_ptr());
        libc::close(s);
    }
}

fn netdev_ioctl(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    let _turn = machine_wide();
    let before = interface_flags();
    let mut p = Probe::new(user, "netdev_ioctl.rs");
    let r = p.submit();
    let after = interface_flags();
    for (name, flags) in &before {
        if after.get(name) != Some(flags) {
            restore_interface_flags(name, *flags);
        }
    }
    assert_eq!(
        after,
        before,
        "the host's interfaces' flags changed\n{}",
        r.describe()
    );
    // Its answer says whether it could list the host's interfaces.
    r.has_verdict(&p.declared);
}

/// One figure of /proc/meminfo (`PageTables`, `Shmem`), in bytes.
fn meminfo(field: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb << 10)
}

/// `f`'s result, and how far the machine's `field` of /proc/meminfo grew while it ran.
fn meminfo_growth<T>(field: &str, f: impl FnOnce() -> T) -> (T, u64) {
    let base = meminfo(field);
    let done = AtomicBool::new(false);
    let peak = AtomicU64::new(base);
    let out = std::thread::scope(|s| {
        s.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                peak.fetch_max(meminfo(field), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(1));
            }
        });
        let out = f();
        done.store(true, Ordering::Relaxed);
        out
    });
    (out, peak.into_inner().saturating_sub(base))
}

/// Shared memory is not counted by RLIMIT_DATA: a run may not make any.
fn shared_memory(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    let _turn = machine_wide();
    let mut p = Probe::new(user, "shared_memory.rs");
    let (r, growth) = meminfo_growth("Shmem", || p.submit());
    assert!(
        growth < 64 << 20,
        "the machine's shared memory grew by {} MiB\n{}",
        growth >> 20,
        r.describe()
    );
    r.has_verdict(&p.declared);
}

fn page_tables(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    let _turn = machine_wide();
    let mut p = Probe::new(user, "page_tables.rs");
    let (r, growth) = meminfo_growth("PageTables", || p.submit());
    // The memory limit; the compiler's own page tables, and other programs', fit well
    // under it.
    assert!(
        growth < 64 << 20,
        "the machine's page tables grew by {} MiB\n{}",
        growth >> 20,
        r.describe()
    );
    r.has_verdict(&p.declared);
}

/// The /proc status of the first process named `kh` + `marker` seen while `f` runs.
fn status_while<T>(marker: &str, f: impl FnOnce() -> T) -> (T, Option<String>) {
    let name = format!("kh{marker}");
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        let scan = s.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                for entry in std::fs::read_dir("/proc").unwrap().flatten() {
                    let comm = std::fs::read_to_string(entry.path().join("comm"));
                    if comm.is_ok_and(|c| c.trim() == name) {
                        if let Ok(status) = std::fs::read_to_string(entry.path().join("status")) {
                            return Some(status);
                        }
                    }
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            None
        });
        let out = f();
        done.store(true, Ordering::Relaxed);
        (out, scan.join().unwrap())
    })
}

fn privilege_dropped(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    let judge_is_root = user == User::Caller && common::is_root();
    let mut p =
        Probe::new(user, "privilege_dropped.rs").var("JUDGE_IS_ROOT", &judge_is_root.to_string());
    let marker = p.marker.clone();
    let (r, status) = status_while(&marker, || p.submit());
    // What the program may not be able to read of itself (capget is not on the allowlist,
    // and Landlock may keep /proc/self/status from it), the kernel shows the test.
    let status =
        status.unwrap_or_else(|| panic!("the program was never seen running\n{}", r.describe()));
    for line in status.lines() {
        let (key, value) = line.split_once(':').unwrap_or((line, ""));
        let fields: Vec<&str> = value.split_whitespace().collect();
        let privileged = match key {
            "Uid" | "Gid" => fields.contains(&"0"),
            "Groups" => judge_is_root && !fields.is_empty(),
            "CapInh" | "CapPrm" | "CapEff" | "CapAmb" => {
                fields.iter().any(|f| !f.trim_start_matches('0').is_empty())
            }
            // A judge run as root can empty the bounding set too (without a user namespace,
            // another user's judge cannot).
            "CapBnd" => {
                judge_is_root && fields.iter().any(|f| !f.trim_start_matches('0').is_empty())
            }
            "NoNewPrivs" => fields != ["1"],
            _ => false,
        };
        assert!(
            !privileged,
            "the program ran with {line:?}\n{status}\n{}",
            r.describe()
        );
    }
    r.has_verdict(&p.declared);
}

fn setuid_root(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    Probe::new(user, "setuid_root.rs").judged();
}

fn stat_host_paths(user: User) {
    let p = Probe::new(user, "stat_host_paths.rs");
    let cache = p.cache.display().to_string();
    p.var("CACHE_DIR", &cache).judged();
}

fn raw_fork(user: User) {
    if raw_syscalls_here() {
        leaves_nothing(user, "raw_fork.rs");
    }
}

fn prctl_options(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    Probe::new(user, "prctl_options.rs").judged();
}

fn mmap_wx(user: User) {
    if raw_syscalls_here() {
        Probe::new(user, "mmap_wx.rs").judged();
    }
}

fn signal_judge(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    Probe::new(user, "signal_judge.rs")
        .var("TEST_PID", &std::process::id().to_string())
        .judged();
    // The judge survived, and judges afresh.
    reference(user).judged();
}

/// A test process holds no descriptor of the server that forked it.
fn server_descriptors(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    Probe::new(user, "server_descriptors.rs").judged();
}

/// A test process may make none of the calls that only its server's filters allow.
/// A program launched as itself (a stdin/stdout kata's) cannot exec anything, not even
/// through the descriptor number its launcher used with an absolute path.
fn exec_absolute_path(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    Probe::new(user, "exec_absolute_path.rs")
        .kata("echo")
        .judged();
}

fn server_only_calls(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    Probe::new(user, "server_only_calls.rs").judged();
    // The server survived, and serves afresh.
    reference(user).judged();
}

// ---------------------------------------------------------------------------------------------
// Learner source policy: refused before compiling
// ---------------------------------------------------------------------------------------------

/// A program that the judge refuses before compiling it: a compile error whose diagnostics
/// name the learner's file at one of `lines` (where the refused construct is), with a column.
fn refused_at(user: User, file: &str, lines: &[u32]) {
    let r = Probe::new(user, file).judged();
    let message = r.json["message"].as_str().unwrap_or("");
    let named = lines.iter().any(|line| {
        let at = format!("{file}:{line}:");
        message
            .match_indices(&at)
            .any(|(i, _)| message[i + at.len()..].starts_with(|c: char| c.is_ascii_digit()))
    });
    assert!(
        named,
        "the diagnostics name no {file}:LINE:COLUMN with LINE in {lines:?}\n{}",
        r.describe()
    );
}

fn naked_syscall(user: User) {
    refused_at(user, "naked_syscall.rs", &[4, 6]);
}

fn naked_renamed_asm(user: User) {
    refused_at(user, "naked_renamed_asm.rs", &[4, 6, 8]);
}

fn cfg_attr_naked(user: User) {
    refused_at(user, "cfg_attr_naked.rs", &[4, 6]);
}

fn naked_by_macro(user: User) {
    refused_at(user, "naked_by_macro.rs", &[6, 8, 12]);
}

fn naked_raw_ident(user: User) {
    refused_at(user, "naked_raw_ident.rs", &[4, 6]);
}

fn naked_init_array(user: User) {
    refused_at(user, "naked_init_array.rs", &[8, 10]);
}

fn link_section_init_array(user: User) {
    refused_at(user, "link_section_init_array.rs", &[9]);
}

fn no_mangle_unsafe_attr(user: User) {
    refused_at(user, "no_mangle_unsafe_attr.rs", &[4]);
}

fn cfg_attr_no_mangle(user: User) {
    refused_at(user, "cfg_attr_no_mangle.rs", &[4]);
}

fn export_name_main(user: User) {
    refused_at(user, "export_name_main.rs", &[4]);
}

fn link_attribute(user: User) {
    refused_at(user, "link_attribute.rs", &[4]);
}

fn asm_renamed(user: User) {
    refused_at(user, "asm_renamed.rs", &[4, 8]);
}

fn global_asm_call(user: User) {
    refused_at(user, "global_asm_call.rs", &[4]);
}

// ---------------------------------------------------------------------------------------------
// Hidden tests stay hidden; the judge stays bounded
// ---------------------------------------------------------------------------------------------

/// Nothing the program did on a hidden test shows, in the JSON report or the one for people:
/// none of `texts` (what it printed, or exited with), and the two hidden tests, which it
/// treats differently, read the same.
fn hidden_stays_hidden(p: &mut Probe, r: &Submitted, texts: &[&str]) {
    for text in texts {
        r.hides(text);
    }
    let hidden: Vec<serde_json::Value> = r
        .tests()
        .into_iter()
        .filter(|t| t["sample"] != true)
        .collect();
    assert_eq!(hidden.len(), 2, "{}", r.describe());
    if hidden[0]["verdict"] == hidden[1]["verdict"] {
        for field in ["message", "output"] {
            assert_eq!(
                hidden[0][field],
                hidden[1][field],
                "the hidden tests' {field}s differ\n{}",
                r.describe()
            );
        }
    }
    let people = p.submit_with(&[]);
    for text in texts {
        people.hides(text);
    }
}

fn leak_alloc_message(user: User) {
    let mut p = Probe::new(user, "leak_alloc_message.rs");
    let r = p.judged();
    hidden_stays_hidden(&mut p, &r, &[HIDDEN_VALUE]);
}

fn leak_exit_status(user: User) {
    let mut p = Probe::new(user, "leak_exit_status.rs");
    let r = p.judged();
    // 7340021 & 0xff and -3 & 0xff.
    hidden_stays_hidden(&mut p, &r, &["status 245", "status 253"]);
}

fn leak_signal(user: User) {
    if !raw_syscalls_here() {
        return;
    }
    let mut p = Probe::new(user, "leak_signal.rs");
    let r = p.judged();
    // The hidden inputs' low 4 bits pick SIGABRT and SIGPROF.
    hidden_stays_hidden(&mut p, &r, &["SIGPROF", "signal 27"]);
}

fn leak_stdout(user: User) {
    let mut p = Probe::new(user, "leak_stdout.rs");
    let r = p.judged();
    // What it printed, and its answer, the input plus one.
    hidden_stays_hidden(&mut p, &r, &[HIDDEN_VALUE, "7340022"]);
}

fn leak_thread_name(user: User) {
    let mut p = Probe::new(user, "leak_thread_name.rs");
    let r = p.judged();
    hidden_stays_hidden(&mut p, &r, &[HIDDEN_VALUE, "0x7000f5"]);
}

/// Largest report, JSON or for people, of any submission to the probe kata.
const MAX_REPORT: usize = 4 << 20;
/// How much more memory than for the reference solution the judge may take, whatever the
/// program prints (each test may print up to the 16 MiB output limit on each stream).
const JUDGE_MEMORY_MARGIN: u64 = 16 << 20;

/// A program that prints 15 MiB on every test: the reports and the judge's memory stay small.
fn bounded_judge(user: User, file: &str) {
    let baseline = reference(user).judged().judge_rss;
    let mut p = Probe::new(user, file);
    let r = p.submit();
    // Failing, these say little: a full report could be a hundred megabytes.
    assert!(
        r.out.stdout.len() < MAX_REPORT,
        "a JSON report of {} MiB",
        r.out.stdout.len() >> 20
    );
    assert!(
        r.judge_rss < baseline + JUDGE_MEMORY_MARGIN,
        "the judge's own memory grew to {} MiB, {} MiB for the reference solution",
        r.judge_rss >> 20,
        baseline >> 20
    );
    assert_eq!(r.verdict(), p.declared);
    let people = p.submit_with(&[]);
    let size = people.out.stdout.len() + people.out.stderr.len();
    assert!(size < MAX_REPORT, "a report of {} MiB", size >> 20);
}

fn huge_panic(user: User) {
    bounded_judge(user, "huge_panic.rs");
}

fn huge_stderr_line(user: User) {
    bounded_judge(user, "huge_stderr_line.rs");
}

// ---------------------------------------------------------------------------------------------
// The tests: each attack as the caller and, when that is root, as `nobody`
// ---------------------------------------------------------------------------------------------

macro_rules! hostile_tests {
    ($($name:ident),* $(,)?) => {
        mod as_caller {
            $(
                #[test]
                fn $name() {
                    super::$name(super::User::Caller);
                }
            )*
        }
        mod as_nobody {
            $(
                #[test]
                fn $name() {
                    if super::User::Nobody.available() {
                        super::$name(super::User::Nobody);
                    } else {
                        eprintln!("skipped: the `nobody` pass needs root and /usr/bin/setpriv");
                    }
                }
            )*
        }
    };
}

hostile_tests!(
    read_etc_shadow,
    read_secret_file,
    read_kata_toml,
    read_workspace,
    symlinked_solution,
    read_home,
    read_proc_1_environ,
    read_judge_environ,
    write_outside,
    write_tmp_shm,
    fill_disk,
    poison_cache,
    write_tty,
    read_cache,
    forge_channel,
    channel_flood,
    include_str_secret,
    include_bytes_shadow,
    include_proc_environ,
    path_mod_secret,
    path_mod_kata_toml,
    env_secret,
    option_env_secret,
    global_asm_incbin,
    endless_const,
    huge_static,
    include_dev_zero,
    huge_binary,
    allow_unsafe,
    no_mangle_hijack,
    fork_unsafe,
    kill_unsafe,
    null_deref,
    tcp_connect,
    udp_send,
    tcp_bind,
    unix_socket,
    fork_bomb,
    spawn_shell,
    detached_child,
    setsid_double_fork,
    thread_bomb,
    hold_every_task,
    busy_loop,
    busy_threads,
    sleep_forever,
    alloc_beyond,
    with_capacity_huge,
    read_dev_zero,
    stdout_flood,
    stderr_flood,
    stack_overflow,
    aborts,
    panics,
    exit_zero,
    imitate_channel,
    terminal_escape,
    chmod_host_files,
    chown_host_files,
    utimes_host_files,
    xattr_host_files,
    sysv_shm_leftover,
    sysv_shm_foreign,
    sysv_msg_sem,
    netdev_ioctl,
    page_tables,
    shared_memory,
    privilege_dropped,
    setuid_root,
    stat_host_paths,
    raw_fork,
    prctl_options,
    mmap_wx,
    signal_judge,
    server_descriptors,
    exec_absolute_path,
    server_only_calls,
    naked_syscall,
    naked_renamed_asm,
    cfg_attr_naked,
    naked_by_macro,
    naked_raw_ident,
    naked_init_array,
    link_section_init_array,
    no_mangle_unsafe_attr,
    cfg_attr_no_mangle,
    export_name_main,
    link_attribute,
    asm_renamed,
    global_asm_call,
    leak_alloc_message,
    leak_exit_status,
    leak_signal,
    leak_stdout,
    leak_thread_name,
    huge_panic,
    huge_stderr_line,
);

#[test]
fn the_leftover_scan_finds_a_marked_process_and_a_marked_thread() {
    let marker = (100_000_000 + random() % 900_000_000).to_string();
    let mut sleeper = Command::new("sleep").arg(&marker).spawn().unwrap();
    let found = leftovers(&marker);
    let _ = sleeper.wait();
    assert_eq!(found.len(), 1, "{found:?}");
    let thread_marker = (100_000_000 + random() % 900_000_000).to_string();
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let (started_tx, started) = std::sync::mpsc::channel::<()>();
    let parked = std::thread::Builder::new()
        .name(format!("kh{thread_marker}"))
        .spawn(move || {
            started_tx.send(()).unwrap();
            rx.recv()
        })
        .unwrap();
    started.recv().unwrap();
    // This process is never reported (or killed): look at the thread's name directly.
    let comm = std::fs::read_dir("/proc/self/task")
        .unwrap()
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("comm")).ok())
        .any(|c| c.contains(&thread_marker));
    drop(tx);
    let _ = parked.join();
    assert!(comm, "thread names are readable in /proc");
}

#[test]
fn every_hostile_program_declares_its_verdict_and_is_submitted() {
    let this = include_str!("hostile.rs");
    let mut names: Vec<String> = std::fs::read_dir(programs_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert!(names.len() >= 24, "{names:?}");
    for name in &names {
        let path = programs_dir().join(name);
        let source = std::fs::read_to_string(&path).unwrap();
        assert!(
            source.starts_with("// expect: "),
            "{name} does not start with its verdict"
        );
        declared_verdict(&source, &path);
        assert!(
            this.contains(&format!("\"{name}\"")),
            "{name} is never submitted"
        );
    }
}

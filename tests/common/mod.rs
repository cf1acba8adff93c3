//! The runner every integration suite shares: it runs the real `kata` binary and checks what
//! it did, with the expectations written into the command, so that each test reads as one
//! sentence:
//!
//! ```ignore
//! Test::new().fixture_katas().file("add.rs", SRC)
//!     .kata(&["submit", "add.rs"]).status(1).stdout_has("✗ hidden: negatives").run();
//! ```
//!
//! [`Test`] is a fresh workspace (and the kata folder, the environment); [`Run`] is one
//! command in it, or any command at all (another binary, as another user, with a timeout),
//! with its expectations; [`Output`] is what it printed, for what the builder cannot say.
#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The fixture folder of kata files and solutions used by the judge's own tests.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture file's text (`verdicts/wrong_answer.rs`).
pub fn fixture(path: &str) -> String {
    let path = fixtures().join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One compiler cache shared by the whole test run, so the harness runtime builds once.
pub fn shared_cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("kata-cache")
}

/// A workspace of its own, and how `kata` is run in it.
pub struct Test {
    pub workspace: tempfile::TempDir,
    katas: Option<PathBuf>,
    env: Vec<(OsString, OsString)>,
}

impl Default for Test {
    fn default() -> Self {
        Test::new()
    }
}

impl Test {
    pub fn new() -> Test {
        Test {
            workspace: tempfile::tempdir().unwrap(),
            katas: None,
            env: Vec::new(),
        }
    }

    /// Serves the fixture katas instead of the bundled set.
    pub fn fixture_katas(self) -> Test {
        self.katas(&fixtures().join("katas"))
    }

    pub fn katas(mut self, dir: &Path) -> Test {
        self.katas = Some(dir.to_path_buf());
        self
    }

    /// Writes a file into the workspace.
    pub fn file(self, name: &str, text: &str) -> Test {
        self.write(name, text);
        self
    }

    /// Copies a fixture (`verdicts/accepted.rs`) into the workspace as `name`.
    pub fn fixture(self, name: &str, fixture_path: &str) -> Test {
        self.file(name, &fixture(fixture_path))
    }

    /// A variable of every command's environment.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Test {
        self.env.push((key.into(), value.as_ref().into()));
        self
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.workspace.path().join(name)
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap()
    }

    /// Writes (or rewrites) a file of the workspace.
    pub fn write(&self, name: &str, text: &str) {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// `kata ARGS` in this workspace: colour off, the shared compiler cache, the kata folder
    /// if one was chosen, and nothing of the caller's `KATA_*` or `NO_COLOR`.
    pub fn kata(&self, args: &[&str]) -> Run {
        let mut run = Run::kata()
            .dir(self.workspace.path())
            .env_remove("KATA_DIR")
            .env_remove("KATA_WORKSPACE")
            .env_remove("NO_COLOR")
            .env("KATA_CACHE_DIR", shared_cache());
        if let Some(k) = &self.katas {
            run = run.arg("--katas").arg(k);
        }
        run = run.args(&["--color", "never"]).args(args);
        for (k, v) in &self.env {
            run = run.env(k, v);
        }
        run
    }
}

/// Whether the tests run as root.
pub fn is_root() -> bool {
    kata::sys::euid() == 0
}

/// Who runs the program under test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum User {
    /// The user running the tests.
    Caller,
    /// uid/gid 65534 through setpriv, only when the tests run as root.
    Nobody,
}

impl User {
    pub fn name(self) -> &'static str {
        match self {
            User::Caller => "caller",
            User::Nobody => "nobody",
        }
    }

    /// Whether this pass runs here; `nobody` needs root and setpriv.
    pub fn available(self) -> bool {
        match self {
            User::Caller => true,
            User::Nobody => is_root() && Path::new("/usr/bin/setpriv").exists(),
        }
    }
}

/// The users to test as: the caller, and `nobody` too when the caller is root.
pub fn users() -> Vec<User> {
    [User::Caller, User::Nobody]
        .into_iter()
        .filter(|u| u.available())
        .collect()
}

/// The verdict a known-wrong or hostile solution declares in a `// expect: VERDICT` line.
pub fn declared_verdict(source: &str, path: &Path) -> String {
    source
        .lines()
        .find_map(|l| l.trim().strip_prefix("// expect:"))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| panic!("{} has no `// expect: VERDICT` line", path.display()))
}

/// One command and what it must do.
#[must_use = "a command does nothing until `.run()`"]
pub struct Run {
    program: PathBuf,
    args: Vec<OsString>,
    dir: Option<PathBuf>,
    env: Vec<(OsString, Option<OsString>)>,
    clear_env: bool,
    user: User,
    stdout_to: Option<PathBuf>,
    stdout_closed: bool,
    timeout: Duration,
    status: Option<i32>,
    verdict: Option<String>,
    stdout_has: Vec<String>,
    stdout_lacks: Vec<String>,
    stderr_has: Vec<String>,
    stderr_lacks: Vec<String>,
}

/// What a command printed and how it ended.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A command's output, and what it cost.
#[derive(Debug)]
pub struct Measured {
    pub out: Output,
    pub elapsed: Duration,
    /// The command's own peak resident memory (its children not counted), in bytes.
    pub peak_rss: u64,
}

impl Output {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// The per-test objects of a JSON report.
    pub fn tests(&self) -> Vec<serde_json::Value> {
        self.json()["tests"].as_array().cloned().unwrap_or_default()
    }

    /// The verdict of a JSON report, or of a human one (its last line, `VERDICT: ...`).
    pub fn verdict(&self) -> String {
        match serde_json::from_str::<serde_json::Value>(&self.stdout) {
            Ok(json) => json["verdict"].as_str().unwrap_or("").to_string(),
            Err(_) => self
                .stdout
                .lines()
                .last()
                .and_then(|l| l.split(':').next())
                .unwrap_or("")
                .to_string(),
        }
    }
}

impl Run {
    /// The `kata` binary under test, with nothing set.
    pub fn kata() -> Run {
        Run::new(env!("CARGO_BIN_EXE_kata"))
    }

    pub fn new(program: impl AsRef<Path>) -> Run {
        Run {
            program: program.as_ref().to_path_buf(),
            args: Vec::new(),
            dir: None,
            env: Vec::new(),
            clear_env: false,
            user: User::Caller,
            stdout_to: None,
            stdout_closed: false,
            timeout: Duration::from_secs(300),
            status: None,
            verdict: None,
            stdout_has: Vec::new(),
            stdout_lacks: Vec::new(),
            stderr_has: Vec::new(),
            stderr_lacks: Vec::new(),
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Run {
        self.args.push(arg.as_ref().into());
        self
    }

    pub fn args(mut self, args: &[&str]) -> Run {
        self.args.extend(args.iter().map(OsString::from));
        self
    }

    pub fn dir(mut self, dir: &Path) -> Run {
        self.dir = Some(dir.to_path_buf());
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Run {
        self.env
            .push((key.as_ref().into(), Some(value.as_ref().into())));
        self
    }

    pub fn envs(mut self, vars: &[(String, String)]) -> Run {
        for (k, v) in vars {
            self = self.env(k, v);
        }
        self
    }

    pub fn env_remove(mut self, key: &str) -> Run {
        self.env.push((key.into(), None));
        self
    }

    /// Starts from an empty environment.
    pub fn env_clear(mut self) -> Run {
        self.clear_env = true;
        self
    }

    /// Runs as `user` (`nobody` through setpriv, with no supplementary groups).
    pub fn user(mut self, user: User) -> Run {
        self.user = user;
        self
    }

    /// Sends stdout to a file (`/dev/full`) instead of reading it.
    pub fn stdout_to(mut self, path: &Path) -> Run {
        self.stdout_to = Some(path.to_path_buf());
        self
    }

    /// Sends stdout to a pipe nobody reads: its reader is gone before the command starts.
    pub fn stdout_closed(mut self) -> Run {
        self.stdout_closed = true;
        self
    }

    /// Kills the command (and its process group) after `limit`, failing the test.
    pub fn timeout(mut self, limit: Duration) -> Run {
        self.timeout = limit;
        self
    }

    /// The exit status.
    pub fn status(mut self, code: i32) -> Run {
        self.status = Some(code);
        self
    }

    /// The report's verdict (JSON or human).
    pub fn verdict(mut self, verdict: &str) -> Run {
        self.verdict = Some(verdict.into());
        self
    }

    pub fn stdout_has(mut self, text: &str) -> Run {
        self.stdout_has.push(text.into());
        self
    }

    pub fn stdout_lacks(mut self, text: &str) -> Run {
        self.stdout_lacks.push(text.into());
        self
    }

    pub fn stderr_has(mut self, text: &str) -> Run {
        self.stderr_has.push(text.into());
        self
    }

    pub fn stderr_lacks(mut self, text: &str) -> Run {
        self.stderr_lacks.push(text.into());
        self
    }

    /// Runs the command and checks every expectation, failing at the caller's line with
    /// the command and all it printed.
    #[track_caller]
    pub fn run(self) -> Output {
        self.run_measured().out
    }

    /// [`Run::run`], with the time and memory the command took.
    #[track_caller]
    pub fn run_measured(self) -> Measured {
        let measured = self.spawn();
        let out = &measured.out;
        let mut failures = Vec::new();
        if let Some(code) = self.status {
            if out.code != code {
                failures.push(format!("exit status {}, expected {code}", out.code));
            }
        }
        if let Some(v) = &self.verdict {
            if out.verdict() != *v {
                failures.push(format!("verdict {:?}, expected {v:?}", out.verdict()));
            }
        }
        let checks = [
            ("stdout", &out.stdout, &self.stdout_has, true),
            ("stdout", &out.stdout, &self.stdout_lacks, false),
            ("stderr", &out.stderr, &self.stderr_has, true),
            ("stderr", &out.stderr, &self.stderr_lacks, false),
        ];
        for (stream, text, needles, present) in checks {
            for needle in needles
                .iter()
                .filter(|n| text.contains(n.as_str()) != present)
            {
                let verb = if present { "lacks" } else { "has" };
                failures.push(format!("{stream} {verb} {needle:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} {:?}: {}\nstdout:\n{}\nstderr:\n{}",
            self.program.display(),
            self.args,
            failures.join("; "),
            out.stdout,
            out.stderr
        );
        measured
    }

    /// Starts the command and returns at once, for a test that must stop it itself (kill it
    /// mid-way); stdout and stderr go nowhere.
    pub fn start(&self) -> std::process::Child {
        let mut cmd = self.command();
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        cmd.spawn()
            .unwrap_or_else(|e| panic!("{}: {e}", self.program.display()))
    }

    fn command(&self) -> Command {
        let mut cmd = match self.user {
            User::Caller => Command::new(&self.program),
            User::Nobody => {
                let mut c = Command::new("/usr/bin/setpriv");
                c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
                    .arg(&self.program);
                c
            }
        };
        cmd.args(&self.args)
            .stdin(Stdio::null())
            .stderr(Stdio::piped())
            .process_group(0);
        if self.clear_env {
            cmd.env_clear();
        }
        for (k, v) in &self.env {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        if let Some(dir) = &self.dir {
            cmd.current_dir(dir);
        }
        cmd
    }

    fn spawn(&self) -> Measured {
        let mut cmd = self.command();
        match &self.stdout_to {
            Some(path) => cmd.stdout(std::fs::File::create(path).unwrap()),
            None if self.stdout_closed => cmd.stdout(kata::sys::pipe().unwrap().1),
            None => cmd.stdout(Stdio::piped()),
        };
        let start = Instant::now();
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e}", self.program.display()));
        let read_all = |stream: Option<Box<dyn Read + Send>>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                if let Some(mut s) = stream {
                    let _ = s.read_to_end(&mut bytes);
                }
                String::from_utf8_lossy(&bytes).into_owned()
            })
        };
        let stdout = read_all(child.stdout.take().map(|s| Box::new(s) as _));
        let stderr = read_all(child.stderr.take().map(|s| Box::new(s) as _));
        // The command's own peak memory (VmHWM), read while it runs.
        let status_file = format!("/proc/{}/status", child.id());
        let mut peak_rss = 0u64;
        let status = loop {
            if let Some(kb) = std::fs::read_to_string(&status_file).ok().and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            }) {
                peak_rss = peak_rss.max(kb * 1024);
            }
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > self.timeout {
                kata::sys::kill_group(child.id());
                let _ = child.wait();
                panic!(
                    "{} {:?} still ran after {:?}",
                    self.program.display(),
                    self.args,
                    self.timeout
                );
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let out = Output {
            code: status.code().unwrap_or(-1),
            stdout: stdout.join().unwrap(),
            stderr: stderr.join().unwrap(),
        };
        Measured {
            out,
            elapsed: start.elapsed(),
            peak_rss,
        }
    }
}

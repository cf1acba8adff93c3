//! A small builder that runs the real `kata` binary in a fresh workspace, so that each test
//! reads as one sentence: `Test::new().file(..).args(..).run()`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Test {
    pub workspace: tempfile::TempDir,
    args: Vec<String>,
    katas: Option<PathBuf>,
    env: Vec<(String, String)>,
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// The fixture folder of kata files used by the judge's own tests.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// One compiler cache shared by the whole test run, so the harness runtime builds once.
fn cache_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("kata-cache")
}

impl Test {
    pub fn new() -> Test {
        Test {
            workspace: tempfile::tempdir().unwrap(),
            args: Vec::new(),
            katas: None,
            env: Vec::new(),
        }
    }

    /// Serves the fixture katas instead of the bundled set.
    pub fn fixture_katas(mut self) -> Test {
        self.katas = Some(fixtures().join("katas"));
        self
    }

    pub fn katas(mut self, dir: &Path) -> Test {
        self.katas = Some(dir.to_path_buf());
        self
    }

    /// Writes a file into the workspace.
    pub fn file(self, name: &str, text: &str) -> Test {
        let path = self.workspace.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn args(mut self, args: &[&str]) -> Test {
        self.args = args.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.into(), value.into()));
        self
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.workspace.path().join(name)
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap()
    }

    /// Runs `kata` with other arguments in the same workspace.
    pub fn run_with(&self, args: &[&str]) -> Output {
        self.with(args).run()
    }

    /// Runs `kata` with other arguments in the same workspace and asserts the exit status.
    pub fn expect_with(&self, args: &[&str], code: i32) -> Output {
        self.with(args).expect(code)
    }

    fn with(&self, args: &[&str]) -> Runner<'_> {
        Runner {
            test: self,
            args: args.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Runs `kata` with the arguments, in the workspace.
    pub fn run(&self) -> Output {
        self.with(&[]).run_args(&self.args)
    }

    /// Runs and asserts the exit status, showing the output when it differs.
    pub fn expect(&self, code: i32) -> Output {
        self.with(&[]).expect_args(&self.args, code)
    }
}

struct Runner<'a> {
    test: &'a Test,
    args: Vec<String>,
}

impl Runner<'_> {
    fn run(&self) -> Output {
        self.run_args(&self.args)
    }

    fn expect(&self, code: i32) -> Output {
        self.expect_args(&self.args, code)
    }

    fn run_args(&self, args: &[String]) -> Output {
        let t = self.test;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kata"));
        cmd.current_dir(t.workspace.path())
            .env_remove("KATA_DIR")
            .env_remove("KATA_WORKSPACE")
            .env_remove("NO_COLOR")
            .env("KATA_CACHE_DIR", cache_dir());
        if let Some(k) = &t.katas {
            cmd.arg("--katas").arg(k);
        }
        cmd.arg("--color").arg("never").args(args);
        for (k, v) in &t.env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn expect_args(&self, args: &[String], code: i32) -> Output {
        let out = self.run_args(args);
        assert_eq!(
            out.code, code,
            "exit status of kata {:?}\nstdout:\n{}\nstderr:\n{}",
            args, out.stdout, out.stderr
        );
        out
    }
}

/// The verdict a known-wrong or hostile solution declares in a `// expect: VERDICT` line.
pub fn declared_verdict(source: &str, path: &Path) -> String {
    source
        .lines()
        .find_map(|l| l.trim().strip_prefix("// expect:"))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| panic!("{} has no `// expect: VERDICT` line", path.display()))
}

/// Whether the tests run as root.
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
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

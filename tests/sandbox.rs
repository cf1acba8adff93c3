//! The sandbox launcher against hostile programs: each test runs the built `kata` binary as
//! `kata __sandbox ...` and checks the effect. When the tests run as root, the tests also run
//! as `nobody` (through `setpriv`), which takes the launcher's unprivileged path (a user
//! namespace instead of a plain network namespace, RLIMIT_NPROC binding).

// Hostile programs and the checks on them call libc directly.
#![allow(unsafe_code)]

mod common;

use common::{users, User};

use std::ffi::OsString;
use std::io::Read;
use std::net::TcpListener;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use kata::sandbox::{
    guards, runtime_read_paths, system_read_paths, Policy, Profile, LAUNCH_FAILED,
    LAUNCH_FAILED_PREFIX,
};
use tempfile::TempDir;
use wait_timeout::ChildExt;

/// One program with a mode per attack; compiled once per test run.
const HOSTILE: &str = r#"
use std::io::Write;
extern "C" {
    fn fork() -> i32;
    fn kill(pid: i32, sig: i32) -> i32;
    fn fcntl(fd: i32, cmd: i32, ...) -> i32;
    fn _exit(code: i32) -> !;
}
fn err() -> std::io::Error { std::io::Error::last_os_error() }
fn overflow(n: u64) -> u64 {
    let frame = std::hint::black_box([n; 512]);
    overflow(frame[7] + 1) + frame[3]
}
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args[i].clone();
    match args[0].as_str() {
        "read" => match std::fs::read(arg(1)) {
            Ok(b) => println!("read {} bytes", b.len()),
            Err(e) => println!("read failed: {e}"),
        },
        "write" => match std::fs::write(arg(1), "x") {
            Ok(()) => println!("wrote"),
            Err(e) => println!("write failed: {e}"),
        },
        "fork" => match unsafe { fork() } {
            0 => unsafe { _exit(0) },
            -1 => println!("fork failed: {}", err()),
            _ => println!("forked"),
        },
        "spawn" => match std::process::Command::new(arg(1)).status() {
            Ok(s) => println!("spawned: {s}"),
            Err(e) => println!("spawn failed: {e}"),
        },
        "thread" => {
            let n = std::thread::spawn(|| 41 + 1).join().unwrap();
            println!("thread returned {n}");
        }
        "connect" => match std::net::TcpStream::connect(arg(1)) {
            Ok(_) => println!("connected"),
            Err(e) => println!("connect failed: {e}"),
        },
        "alloc" => {
            let v = vec![1u8; arg(1).parse().unwrap()];
            println!("allocated {}", std::hint::black_box(v).len());
        }
        "overflow" => println!("{}", overflow(0)),
        "spin" => loop { std::hint::black_box(0u64); },
        "abort" => std::process::abort(),
        "sleep" => std::thread::sleep(std::time::Duration::from_secs(arg(1).parse().unwrap())),
        "kill" => {
            let (pid, sig): (i32, i32) = (arg(1).parse().unwrap(), arg(2).parse().unwrap());
            // kill(-1, 0) sends nothing; if even that is allowed, never send the real signal.
            if pid == -1 && unsafe { kill(-1, 0) } == 0 {
                println!("kill(-1) is not blocked; refusing to send");
                std::process::exit(3);
            }
            match unsafe { kill(pid, sig) } {
                0 => println!("killed"),
                _ => println!("kill failed: {}", err()),
            }
        }
        "fds" => {
            let open: Vec<i32> = (3..1024).filter(|&fd| unsafe { fcntl(fd, 1) } != -1).collect();
            println!("open fds: {open:?}");
            if open.contains(&3) {
                use std::os::fd::FromRawFd;
                let mut f = unsafe { std::fs::File::from_raw_fd(3) };
                f.write_all(b"via fd 3").unwrap();
            }
        }
        m => panic!("unknown mode {m}"),
    }
}
"#;

fn kata() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_kata"))
}

/// A temporary directory that `nobody` may enter (and, if `writable`, write).
fn shared_dir(writable: bool) -> TempDir {
    let dir = TempDir::new().unwrap();
    let mode = if writable { 0o777 } else { 0o755 };
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    dir
}

fn write_file(path: &Path, content: &str) {
    std::fs::write(path, content).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
}

struct Fixture {
    dir: TempDir,
    hostile: PathBuf,
}

/// The hostile program, compiled once.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = shared_dir(false);
        let src = dir.path().join("hostile.rs");
        let hostile = dir.path().join("hostile");
        std::fs::write(&src, HOSTILE).unwrap();
        let out = Command::new("rustc")
            .args(["-O", "--edition", "2021", "-o"])
            .arg(&hostile)
            .arg(&src)
            .output()
            .expect("rustc runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Fixture { dir, hostile }
    })
}

/// One sandboxed process, built up and run; each test reads as one sentence.
struct Sandboxed {
    policy: Policy,
    program: PathBuf,
    args: Vec<OsString>,
    user: User,
    fd3: Option<OwnedFd>,
    env: Vec<(String, OsString)>,
    cwd: Option<PathBuf>,
}

impl Sandboxed {
    /// The hostile program in `mode` under the Run profile, allowed to read its own directory
    /// and the runtime libraries only.
    fn hostile(profile: Profile, args: &[&str]) -> Self {
        let f = fixture();
        let mut read = vec![f.dir.path().to_path_buf()];
        read.extend(runtime_read_paths());
        Sandboxed::new(
            Policy {
                profile,
                read,
                write: Vec::new(),
                memory: Some(256 << 20),
                cpu: Some(Duration::from_secs(5)),
                file_size: 1 << 20,
                stack: Some(8 << 20),
                cgroups: Vec::new(),
            },
            &f.hostile,
            args,
        )
    }

    fn new(policy: Policy, program: &Path, args: &[&str]) -> Self {
        Sandboxed {
            policy,
            program: program.to_path_buf(),
            args: args.iter().map(OsString::from).collect(),
            user: User::Caller,
            fd3: None,
            env: vec![("PATH".into(), "/usr/bin:/bin".into())],
            cwd: None,
        }
    }

    fn user(mut self, user: User) -> Self {
        self.user = user;
        self
    }
    fn write(mut self, path: &Path) -> Self {
        self.policy.write.push(path.to_path_buf());
        self
    }
    fn memory(mut self, bytes: u64) -> Self {
        self.policy.memory = Some(bytes);
        self
    }
    fn cpu(mut self, limit: Duration) -> Self {
        self.policy.cpu = Some(limit);
        self
    }
    fn fd3(mut self, fd: OwnedFd) -> Self {
        self.fd3 = Some(fd);
        self
    }
    fn env(mut self, key: &str, value: impl Into<OsString>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }
    fn cwd(mut self, dir: &Path) -> Self {
        self.cwd = Some(dir.to_path_buf());
        self
    }

    /// The command as the judge would build it (wrapped in setpriv for `nobody`).
    fn command(&self) -> Command {
        let fd3 = self.fd3.as_ref().map(|fd| fd.as_raw_fd());
        let inner = self.policy.command_with_launcher(
            kata(),
            &self.program,
            &self.args,
            fd3,
            self.user == User::Caller,
        );
        let mut cmd = match self.user {
            User::Caller => inner,
            User::Nobody => {
                // setpriv execs the launcher, so the test process stays its parent.
                let mut outer = Command::new("/usr/bin/setpriv");
                outer
                    .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                    .arg(inner.get_program())
                    .args(inner.get_args())
                    .process_group(0);
                outer
            }
        };
        cmd.env_clear()
            .envs(self.env.iter().cloned())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(dir) = &self.cwd {
            cmd.current_dir(dir);
        }
        cmd
    }

    fn output(self) -> Run {
        let mut child = self.command().spawn().expect("launcher spawns");
        // The child has its copy; the pipe must reach end of file once the child is done.
        drop(self.fd3);
        let status = match child.wait_timeout(Duration::from_secs(30)).unwrap() {
            Some(status) => status,
            None => {
                // SAFETY: kills the process group the child leads.
                unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
                panic!("sandboxed process still running after 30 s");
            }
        };
        let (mut stdout, mut stderr) = (String::new(), String::new());
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut stdout)
            .unwrap();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        Run(Output {
            status,
            stdout: stdout.into_bytes(),
            stderr: stderr.into_bytes(),
        })
    }
}

/// The result of a sandboxed run, with assertions that print everything on failure.
struct Run(Output);

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    fn describe(&self) -> String {
        format!(
            "status: {:?}\nstdout: {}\nstderr: {}",
            self.0.status,
            self.stdout(),
            self.stderr()
        )
    }
    fn stdout_has(&self, text: &str) -> &Self {
        self.has("stdout", &self.stdout(), text)
    }
    fn stderr_has(&self, text: &str) -> &Self {
        self.has("stderr", &self.stderr(), text)
    }
    fn has(&self, stream: &str, content: &str, text: &str) -> &Self {
        assert!(
            content.contains(text),
            "expected {stream} with {text:?}\n{}",
            self.describe()
        );
        self
    }
    fn success(&self) -> &Self {
        assert!(
            self.0.status.success(),
            "expected success\n{}",
            self.describe()
        );
        self
    }
    fn failure(&self) -> &Self {
        assert!(
            !self.0.status.success(),
            "expected failure\n{}",
            self.describe()
        );
        self
    }
    fn signal(&self, signals: &[i32]) -> &Self {
        let got = self.0.status.signal();
        assert!(
            got.is_some_and(|s| signals.contains(&s)),
            "expected one of signals {signals:?}\n{}",
            self.describe()
        );
        self
    }
}

#[test]
fn the_machine_provides_the_required_guards() {
    for guard in guards() {
        assert!(
            guard.provided || !guard.required,
            "required guard missing: {guard:?}"
        );
    }
}

#[test]
fn reads_stay_inside_the_sandbox() {
    let f = fixture();
    let mine = f.dir.path().join("mine.txt");
    write_file(&mine, "mine!");
    let elsewhere = shared_dir(false);
    let secret = elsewhere.path().join("hidden-tests.toml");
    write_file(&secret, "expected = 42");
    for user in users() {
        let read = |profile: Profile, path: &Path| {
            Sandboxed::hostile(profile, &["read", path.to_str().unwrap()])
                .user(user)
                .output()
        };
        // A run reads its runtime libraries and nothing else. In the judge's namespaces
        // (joined here by the caller's runs; `nobody`'s launchers here join none) not even
        // the paths of its read rules exist for it.
        read(Profile::Run, Path::new("/etc/ld.so.cache"))
            .success()
            .stdout_has("read ");
        for path in [&secret, Path::new("/etc/shadow"), Path::new("/etc/passwd")] {
            read(Profile::Run, path).stdout_has("read failed");
        }
        let own = read(Profile::Run, &mine);
        if user == User::Caller {
            own.stdout_has("read failed: No such file");
        } else {
            own.stdout_has("read 5 bytes");
        }
        // The compiler reads its own paths only.
        read(Profile::Compile, &mine)
            .success()
            .stdout_has("read 5 bytes");
        read(Profile::Compile, &secret).stdout_has("read failed: Permission denied");
        read(Profile::Compile, Path::new("/etc/shadow"))
            .stdout_has("read failed: Permission denied");
    }
}

#[test]
fn writes_stay_inside_the_sandbox() {
    for user in users() {
        let scratch = shared_dir(true);
        let elsewhere = shared_dir(true);
        let write = |profile: Profile, path: &Path| {
            Sandboxed::hostile(profile, &["write", path.to_str().unwrap()])
                .write(scratch.path())
                .user(user)
                .output()
        };
        write(Profile::Compile, &scratch.path().join("ok"))
            .success()
            .stdout_has("wrote");
        assert!(scratch.path().join("ok").exists());
        let outside = elsewhere.path().join("escaped");
        write(Profile::Compile, &outside).stdout_has("write failed: Permission denied");
        write(Profile::Run, &outside).stdout_has("write failed");
        assert!(!outside.exists(), "{user:?} wrote outside the sandbox");
        if user == User::Caller {
            // In the judge's mount namespace a run writes nowhere, not even where its
            // policy would allow (the judge never gives a run a writable path).
            write(Profile::Run, &scratch.path().join("run")).stdout_has("write failed");
            assert!(!scratch.path().join("run").exists(), "a run wrote");
        }
    }
}

#[test]
fn runs_cannot_create_processes_but_can_create_threads() {
    for user in users() {
        let run = |args: &[&str]| Sandboxed::hostile(Profile::Run, args).user(user).output();
        run(&["fork"]).stdout_has("fork failed: Operation not permitted");
        run(&["spawn", "/bin/sh"]).stdout_has("spawn failed");
        run(&["spawn", fixture().hostile.to_str().unwrap()]).stdout_has("spawn failed");
        run(&["thread"]).success().stdout_has("thread returned 42");
    }
}

#[test]
fn the_network_is_unreachable() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    for user in users() {
        for profile in [Profile::Run, Profile::Compile] {
            Sandboxed::hostile(profile, &["connect", &addr])
                .user(user)
                .output()
                .stdout_has("connect failed");
        }
    }
    let accepted = listener.accept();
    assert!(
        matches!(&accepted, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "the listener saw a connection: {accepted:?}"
    );
}

#[test]
fn memory_beyond_the_limit_fails_to_allocate() {
    for user in users() {
        let alloc = |bytes: &str| {
            Sandboxed::hostile(Profile::Run, &["alloc", bytes])
                .memory(64 << 20)
                .user(user)
                .output()
        };
        alloc("16777216").success().stdout_has("allocated 16777216");
        alloc("268435456")
            .signal(&[libc::SIGABRT])
            .stderr_has("memory allocation of 268435456 bytes failed");
    }
}

#[test]
fn a_stack_overflow_is_reported() {
    for user in users() {
        Sandboxed::hostile(Profile::Run, &["overflow"])
            .user(user)
            .output()
            .signal(&[libc::SIGABRT])
            .stderr_has("has overflowed its stack");
    }
}

#[test]
fn the_cpu_limit_stops_a_busy_loop() {
    for user in users() {
        let start = Instant::now();
        Sandboxed::hostile(Profile::Run, &["spin"])
            .cpu(Duration::from_millis(500))
            .user(user)
            .output()
            .signal(&[libc::SIGXCPU, libc::SIGKILL]);
        // CPU seconds, not wall-clock ones: generous for a loaded machine.
        assert!(start.elapsed() < Duration::from_secs(15));
    }
}

#[test]
fn signals_cannot_reach_other_processes() {
    for user in users() {
        let mut sentinel = match user {
            User::Caller => Command::new("sleep"),
            User::Nobody => {
                let mut c = Command::new("/usr/bin/setpriv");
                c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "sleep"]);
                c
            }
        };
        let mut sentinel = sentinel.arg("30").spawn().unwrap();
        let pid = sentinel.id().to_string();
        // Run: seccomp allows signals to the program's own pid only. Compile: seccomp lets a
        // positive pid through, and Landlock's signal scoping stops it.
        for profile in [Profile::Run, Profile::Compile] {
            for target in [pid.as_str(), "-1"] {
                Sandboxed::hostile(profile, &["kill", target, "9"])
                    .user(user)
                    .output()
                    .stdout_has("kill failed: Operation not permitted");
            }
        }
        assert!(
            sentinel.try_wait().unwrap().is_none(),
            "{user:?}: the sentinel was killed"
        );
        sentinel.kill().unwrap();
        sentinel.wait().unwrap();
    }
}

#[test]
fn no_core_dump_is_written() {
    // Allow cores in the test process, so that only the launcher's limit can prevent one.
    let mut core = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit with a valid rlimit.
    unsafe {
        libc::getrlimit(libc::RLIMIT_CORE, &mut core);
        core.rlim_cur = core.rlim_max;
        libc::setrlimit(libc::RLIMIT_CORE, &core);
    }
    for user in users() {
        let scratch = shared_dir(true);
        Sandboxed::hostile(Profile::Run, &["abort"])
            .write(scratch.path())
            .cwd(scratch.path())
            .user(user)
            .output()
            .signal(&[libc::SIGABRT]);
        let files: Vec<_> = std::fs::read_dir(scratch.path()).unwrap().collect();
        assert!(files.is_empty(), "{user:?}: {files:?}");
    }
}

#[test]
fn only_the_result_descriptor_is_passed() {
    // A descriptor the judge leaked by mistake (no close-on-exec) must not reach the program.
    // SAFETY: dup of stdin into a fresh descriptor that this test owns.
    let leaked = unsafe { OwnedFd::from_raw_fd(libc::dup(0)) };
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills two descriptors, which become owned right below.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: both descriptors were just created and are owned by nothing else.
    let (reader, writer) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    let run = Sandboxed::hostile(Profile::Run, &["fds"])
        .fd3(writer)
        .output();
    run.success().stdout_has("open fds: [3]");
    let mut message = String::new();
    std::fs::File::from(reader)
        .read_to_string(&mut message)
        .unwrap();
    assert_eq!(message, "via fd 3");
    Sandboxed::hostile(Profile::Run, &["fds"])
        .output()
        .success()
        .stdout_has("open fds: []");
    assert!(leaked.as_raw_fd() > 2);
}

#[test]
fn setup_failures_are_reported_with_their_own_status() {
    // /bin is not readable in the Run profile, so the exec itself is refused.
    let run = Sandboxed::hostile(Profile::Run, &[]);
    let run = Sandboxed {
        program: "/bin/true".into(),
        ..run
    }
    .output();
    assert_eq!(
        run.0.status.code(),
        Some(LAUNCH_FAILED),
        "{}",
        run.describe()
    );
    // The failure line is signed with the token of the process that built the command.
    run.stderr_has(&format!("{LAUNCH_FAILED_PREFIX} ("));
    run.stderr_has(") cannot execute /bin/true");
}

#[test]
fn the_program_dies_with_its_parent() {
    // A shell stands for the judge: it starts the launcher in the background with itself as
    // the parent, prints the program's pid and exits, leaving the program orphaned.
    let cmd = Sandboxed::hostile(Profile::Run, &["sleep", "30"]).command();
    let args: Vec<OsString> = cmd
        .get_args()
        .filter(|a| !a.to_string_lossy().starts_with("parent="))
        .map(OsString::from)
        .collect();
    let script = format!(
        concat!(
            r#"{k} {first} parent=$$ "$@" >/dev/null 2>&1 & p=$!; "#,
            r#"for i in $(seq 100); do "#,
            r#"[ "$(cat /proc/$p/comm 2>/dev/null)" = hostile ] && break; sleep 0.05; "#,
            r#"done; echo $p; cat /proc/$p/comm"#
        ),
        k = shell_quote(kata().as_os_str()),
        first = shell_quote(&args[0]),
    );
    let out = Command::new("/bin/sh")
        .arg("-c")
        .arg(script)
        .arg("sh")
        .args(&args[1..])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let (pid, comm) = stdout
        .trim()
        .split_once('\n')
        .expect("pid and command name");
    assert_eq!(comm, "hostile", "the program was not running");
    let pid: u32 = pid.parse().unwrap();
    let stat = PathBuf::from(format!("/proc/{pid}/stat"));
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::fs::read_to_string(&stat).is_ok_and(|s| !s.contains(") Z ")) {
        assert!(Instant::now() < deadline, "the program outlived its parent");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn shell_quote(s: &std::ffi::OsStr) -> String {
    format!("'{}'", s.to_string_lossy().replace('\'', r"'\''"))
}

/// The rustc of the active toolchain, not the rustup proxy (which reads rustup's settings).
fn real_rustc() -> Option<(PathBuf, PathBuf)> {
    let out = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .ok()?;
    let sysroot = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    let rustc = sysroot.join("bin/rustc");
    rustc.exists().then_some((sysroot, rustc))
}

/// A Compile-profile policy that reads the toolchain and `src`, and writes `out` only.
fn compile_policy(extra_read: &[&Path], src: &Path, out: &Path) -> Policy {
    let mut read = system_read_paths();
    read.extend(extra_read.iter().map(|p| p.to_path_buf()));
    read.push(src.to_path_buf());
    Policy {
        profile: Profile::Compile,
        read,
        write: vec![out.to_path_buf()],
        memory: Some(2 << 30),
        cpu: Some(Duration::from_secs(30)),
        file_size: 64 << 20,
        stack: None,
        cgroups: Vec::new(),
    }
}

#[test]
fn rustc_compiles_under_the_compile_profile_and_cannot_read_secrets() {
    let (sysroot, rustc) = real_rustc().expect("rustc is installed");
    let src = shared_dir(false);
    let out = shared_dir(true);
    write_file(
        &src.path().join("hello.rs"),
        "fn main() { println!(\"hello\"); }",
    );
    write_file(
        &src.path().join("sneaky.rs"),
        "fn main() { print!(\"{}\", include_str!(\"/etc/passwd\")); }",
    );
    let compile = |file: &str| {
        let policy = compile_policy(&[&sysroot], src.path(), out.path());
        let args = [
            src.path().join(file).to_str().unwrap().to_string(),
            "-o".into(),
        ];
        let bin = out.path().join(file.trim_end_matches(".rs"));
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.push(bin.to_str().unwrap());
        Sandboxed::new(policy, &rustc, &args)
            .env("TMPDIR", out.path())
            .output()
    };
    compile("hello.rs").success();
    let hello = out.path().join("hello");
    let mut read = runtime_read_paths();
    read.push(out.path().to_path_buf());
    Sandboxed::new(
        Policy {
            read,
            ..compile_policy(&[], src.path(), out.path())
        },
        &hello,
        &[],
    )
    .output()
    .success()
    .stdout_has("hello");
    compile("sneaky.rs").failure().stderr_has("/etc/passwd");
    assert!(!out.path().join("sneaky").exists());
}

#[test]
fn cc_compiles_under_the_compile_profile_for_every_user() {
    let elsewhere = shared_dir(false);
    let secret = elsewhere.path().join("secret.h");
    write_file(&secret, "int secret = 42;");
    let src = shared_dir(false);
    write_file(&src.path().join("hello.c"), "int main(void) { return 0; }");
    write_file(
        &src.path().join("sneaky.c"),
        &format!(
            "#include \"{}\"\nint main(void) {{ return secret; }}",
            secret.display()
        ),
    );
    for user in users() {
        let out = shared_dir(true);
        let compile = |file: &str| {
            let policy = compile_policy(&[], src.path(), out.path());
            let input = src.path().join(file);
            let output = out.path().join(file.trim_end_matches(".c"));
            Sandboxed::new(
                policy,
                Path::new("/usr/bin/cc"),
                &[input.to_str().unwrap(), "-o", output.to_str().unwrap()],
            )
            .env("TMPDIR", out.path())
            .user(user)
            .output()
        };
        compile("hello.c").success();
        assert!(out.path().join("hello").exists());
        compile("sneaky.c")
            .failure()
            .stderr_has("Permission denied");
    }
}

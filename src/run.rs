//! Running one test: the program under the sandbox with its limits, stdin fed from a thread,
//! stdout, stderr and the result channel read in one `poll` loop with the deadline, the
//! whole process group killed on timeout or flood, and the CPU time and peak memory read
//! back with `wait4`.

use crate::error::{Error, Result};
use crate::harness::protocol::{parse_ended, ENDED, READY, SERVE_ENV, STARTED};
use crate::sandbox::{self, Policy, Profile, Slot};
use crate::sys;
use std::ffi::OsString;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// The limits of one run.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// CPU time allowed; the wall clock allows three times that plus half a second (a
    /// sleeping program times out too; a busy machine, where a program gets a fraction of a
    /// core, does not fail a correct one), and after [`wait_for_cpu`] whatever time the
    /// program waited for a CPU. A busy program is stopped at its CPU limit.
    pub time: Duration,
    /// Data-segment limit in bytes.
    pub memory: u64,
    /// Bytes allowed on stdout and on stderr, each.
    pub output: usize,
    /// Bytes of stdout kept for the verdict: all of it for a stdin/stdout kata or a generator,
    /// what a report shows otherwise (the rest is counted, not kept).
    pub stdout_kept: usize,
    /// Bytes allowed on the result channel: a few times the expected answer's size, so that
    /// an answer cannot make the judge decode (and hold) far more than it must compare.
    pub answer: usize,
}

impl Limits {
    pub fn wall(&self) -> Duration {
        self.time * 3 + Duration::from_millis(500)
    }
}

/// Whether the wall-clock deadline moves by the time a program waited for a CPU; see
/// [`wait_for_cpu`].
static CPU_WAIT_EXTENDS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// From now on, a program's wall-clock deadline moves by the time it waited for a CPU
/// (`kata grade`, which runs a program on every core, so that no verdict depends on how
/// many run at once). Otherwise the deadline stays fixed: a judge of one submission is
/// bounded in wall-clock time however loaded the machine, and a program is judged alone.
pub fn wait_for_cpu() {
    CPU_WAIT_EXTENDS.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Bytes of stderr kept from its start (and [`TAIL`] from its end): panic messages, the
/// allocation failure line, what a report shows.
pub const STDERR_KEPT: usize = 16 << 10;
/// Bytes of a function kata's stdout kept: what a report shows, and more.
pub const SHOWN_OUTPUT: usize = 16 << 10;

/// How often CPU time is read while a run may be over its limit.
const CPU_CHECK_EVERY: Duration = Duration::from_millis(10);

/// Largest answer read from the result channel (10^6 floats take about 20 MiB).
pub const MAX_CHANNEL: usize = 128 << 20;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
}

/// What one run did.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub exit: Exit,
    /// Wall-clock time, less what the program spent waiting for a CPU once it reached its
    /// deadline (see [`Limits::wall`]).
    pub wall: Duration,
    pub cpu: Duration,
    /// Peak resident memory in bytes.
    pub max_rss: u64,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// What the harness wrote on fd 3.
    pub channel: Vec<u8>,
    /// The judge killed it at the wall-clock deadline.
    pub timed_out: bool,
    /// The judge killed it for writing more than the output limit.
    pub flooded: bool,
    /// The judge killed it for an answer far larger than the expected one.
    pub answer_overflow: bool,
}

/// What a test reads on stdin: bytes, or a file of the judge's cache (a generated input of
/// megabytes, handed to the program as it is instead of copied).
#[derive(Debug, Clone, PartialEq)]
pub enum Stdin {
    Bytes(Vec<u8>),
    File { path: PathBuf, len: usize },
}

impl Stdin {
    pub fn len(&self) -> usize {
        match self {
            Stdin::Bytes(b) => b.len(),
            Stdin::File { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes (a file's read now; empty if it cannot be).
    pub fn bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        match self {
            Stdin::Bytes(b) => b.into(),
            Stdin::File { path, .. } => std::fs::read(path).unwrap_or_default().into(),
        }
    }

    /// A descriptor to read it from, positioned at its start: a sealed in-memory file of the
    /// bytes, or the file itself, opened read-only (the program can neither change it nor
    /// reach anything beside it).
    fn open(&self) -> Result<std::fs::File> {
        match self {
            Stdin::Bytes(b) => input_file(b),
            Stdin::File { path, .. } => {
                std::fs::File::open(path).map_err(|e| Error::io("open", path, e))
            }
        }
    }
}

/// A program to run and the files it may read.
pub struct Program<'a> {
    pub binary: &'a Path,
    /// Extra paths the program may read besides its binary and the system libraries.
    pub read: Vec<PathBuf>,
}

/// The sandbox policy of a program's process (`profile`: a run or a test server).
fn policy(program: &Program, limits: Limits, profile: Profile, slot: Option<&Slot>) -> Policy {
    let mut read = sandbox::runtime_read_paths();
    read.push(program.binary.to_path_buf());
    read.extend(program.read.iter().cloned());
    Policy {
        cgroups: slot.map(|s| s.dirs()).unwrap_or_default(),
        profile,
        read,
        write: Vec::new(),
        memory: Some(limits.memory),
        cpu: Some(limits.time + Duration::from_secs(1)),
        file_size: 0,
        stack: Some(limits.memory.min(1 << 30)),
    }
}

/// The three streams of one run: stdout, stderr and the result channel, the judge's ends
/// and the program's.
struct Pipes {
    ours: [OwnedFd; 3],
    theirs: [OwnedFd; 3],
}

impl Pipes {
    fn new() -> Result<Pipes> {
        let (stdout_r, stdout_w) = pipe()?;
        let (stderr_r, stderr_w) = pipe()?;
        // The result channel is a socket, not a pipe: see `sys::socketpair`.
        let (chan_r, chan_w) = sys::socketpair()
            .map_err(|e| Error::env(format!("cannot create a socket pair: {e}")))?;
        Ok(Pipes {
            ours: [stdout_r, stderr_r, chan_r],
            theirs: [stdout_w, stderr_w, chan_w],
        })
    }
}

fn input_file(stdin: &[u8]) -> Result<std::fs::File> {
    sys::sealed_file(stdin).map_err(|e| Error::env(format!("cannot create the input file: {e}")))
}

/// Runs `program` once with `stdin` as its input, launched on its own.
pub fn run(program: &Program, stdin: &[u8], limits: Limits) -> Result<Outcome> {
    // A cgroup where the machine allows one: it counts what RLIMIT_DATA does not (page
    // tables, kernel memory, shared memory) and limits the tasks.
    let slot = sandbox::memory_slot(limits.memory);
    let policy = policy(program, limits, Profile::Run, slot.as_ref());
    let Pipes { ours, theirs } = Pipes::new()?;
    let [stdout_w, stderr_w, chan_w] = theirs;
    let input = input_file(stdin)?;
    let mut cmd = policy.command(program.binary, &[] as &[OsString], Some(chan_w.as_raw_fd()));
    cmd.env_clear()
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::from(input))
        .stdout(Stdio::from(stdout_w))
        .stderr(Stdio::from(stderr_w));
    let oom_before = slot.as_ref().map_or(0, |s| s.oom_kills());
    let start = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| Error::env(format!("cannot start {}: {e}", program.binary.display())))?;
    // The parent's copies of the write ends must go, or the pipes never reach end of file.
    drop(cmd);
    drop(chan_w);
    let pid = child.id();
    let mut process = Launched {
        pid,
        pidfd: pidfd_open(pid)?,
    };
    let outcome = supervise(&mut process, ours, start, limits, slot.as_ref(), oom_before)?;
    drop(slot);
    Ok(outcome)
}

/// A process the judge watches: how its end shows, how it is stopped and reaped.
trait Watched {
    fn pid(&self) -> u32;
    /// A descriptor that becomes readable once the process has ended.
    fn ended_fd(&self) -> std::os::fd::RawFd;
    /// Kills it and everything it started.
    fn kill(&self);
    /// Once ended: its wait status and resource usage (peak memory 0 when unknown).
    fn reap(&mut self) -> Result<(i32, sys::Usage)>;
}

/// A program the launcher started, the judge's own child.
struct Launched {
    pid: u32,
    pidfd: OwnedFd,
}

impl Watched for Launched {
    fn pid(&self) -> u32 {
        self.pid
    }
    fn ended_fd(&self) -> std::os::fd::RawFd {
        self.pidfd.as_raw_fd()
    }
    fn kill(&self) {
        sys::kill_group(self.pid);
    }
    fn reap(&mut self) -> Result<(i32, sys::Usage)> {
        let (status, mut usage) = sys::wait4(self.pid)
            .map_err(|e| Error::env(format!("cannot wait for the program: {e}")))?;
        // A child's `ru_maxrss` starts at the judge's own peak (exec records the peak of the
        // address space it replaces, and posix_spawn's child runs in the judge's until it
        // execs), so it says nothing of a program smaller than the judge. The judge's peak
        // only grows, so reading it now errs on the side of "unknown".
        if usage.max_rss <= own_peak_memory() {
            usage.max_rss = 0;
        }
        Ok((status, usage))
    }
}

/// Watches `process` until it ends (or is killed at its limits), reading its streams; then
/// what it did.
fn supervise(
    process: &mut dyn Watched,
    streams: [OwnedFd; 3],
    start: Instant,
    limits: Limits,
    slot: Option<&Slot>,
    oom_before: u64,
) -> Result<Outcome> {
    let pid = process.pid();
    let [stdout_r, stderr_r, chan_r] = streams;
    let mut streams = [
        Stream::new(stdout_r, limits.output, limits.stdout_kept),
        Stream::new(stderr_r, limits.output, STDERR_KEPT),
        Stream::new(chan_r, limits.answer.min(MAX_CHANNEL), usize::MAX),
    ];
    let mut deadline = start + limits.wall();
    let mut waited = Duration::ZERO;
    let mut timed_out = false;
    let mut flooded = false;
    let mut answer_overflow = false;
    let mut exited = false;
    let mut drain_until: Option<Instant> = None;
    // CPU time is read from /proc every few milliseconds once it could be over the limit, so
    // a busy loop stops at its limit rather than at the wall-clock deadline.
    let mut next_cpu_check = start + limits.time / 2;
    loop {
        let now = Instant::now();
        if !exited && now >= deadline {
            // Time spent waiting for a CPU is the machine's, not the program's: when the
            // judge fills the machine (a class graded on every core) the deadline moves by
            // it, so that only a program that sleeps or blocks meets it, however many run
            // at once.
            if CPU_WAIT_EXTENDS.load(std::sync::atomic::Ordering::Relaxed) {
                waited = run_delay(pid);
            }
            if start + limits.wall() + waited > now {
                deadline = start + limits.wall() + waited;
            } else {
                timed_out = true;
                process.kill();
            }
        }
        if !exited && !timed_out && now >= next_cpu_check {
            if cpu_time(pid).is_some_and(|cpu| cpu > limits.time) {
                timed_out = true;
                process.kill();
            }
            next_cpu_check = now + CPU_CHECK_EVERY;
        }
        if streams.iter().all(|s| s.closed) && exited {
            break;
        }
        if drain_until.is_some_and(|t| now >= t) {
            break;
        }
        let wait_until = if exited {
            drain_until
        } else {
            Some(deadline.min(next_cpu_check))
        };
        let timeout_ms = wait_until
            .map(|t| {
                t.saturating_duration_since(now)
                    .as_millis()
                    .min(i32::MAX as u128) as i32
                    + 1
            })
            .unwrap_or(-1);
        let mut fds: Vec<libc::pollfd> = streams
            .iter()
            .filter(|s| !s.closed)
            .map(|s| libc::pollfd {
                fd: s.fd.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            })
            .collect();
        let ended_fd = process.ended_fd();
        if !exited {
            fds.push(libc::pollfd {
                fd: ended_fd,
                events: libc::POLLIN,
                revents: 0,
            });
        }
        sys::poll(&mut fds, timeout_ms);
        for pfd in &fds {
            if pfd.revents == 0 {
                continue;
            }
            if pfd.fd == ended_fd {
                exited = true;
                // Whatever is still buffered in the pipes arrives at once; a pipe kept open
                // by a leftover process does not hold the judge.
                drain_until = Some(Instant::now() + Duration::from_millis(100));
                continue;
            }
            let (i, stream) = streams
                .iter_mut()
                .enumerate()
                .find(|(_, s)| s.fd.as_raw_fd() == pfd.fd)
                .expect("polled stream");
            if stream.read_some() && stream.overflowed() && !(flooded || answer_overflow) {
                // Streams 0 and 1 are stdout and stderr; 2 is the result channel.
                if i == 2 {
                    answer_overflow = true;
                } else {
                    flooded = true;
                }
                process.kill();
            }
        }
    }
    process.kill();
    let (status, usage) = process.reap()?;
    let wall = start.elapsed().saturating_sub(waited);
    // The peak memory of the program alone: the cgroup's, where there is one; an OOM kill
    // there is the memory limit, whatever the kind of memory. Without a cgroup, RLIMIT_DATA
    // still limits it.
    let max_rss = match slot {
        Some(slot) => {
            let peak = slot.peak().unwrap_or(0);
            if slot.oom_kills() > oom_before {
                peak.max(limits.memory + 1)
            } else {
                peak
            }
        }
        None => usage.max_rss,
    };
    let [stdout, stderr, channel] = streams.map(Stream::into_bytes);
    let exit = if libc::WIFSIGNALED(status) {
        Exit::Signal(libc::WTERMSIG(status))
    } else {
        Exit::Code(libc::WEXITSTATUS(status))
    };
    let stderr_text = String::from_utf8_lossy(&stderr);
    let status_of = std::process::ExitStatus::from_raw(status);
    if let Some(cause) = sandbox::launch_failure(status_of, &stderr_text) {
        return Err(Error::env(cause));
    }
    Ok(Outcome {
        exit,
        wall,
        cpu: usage.cpu,
        max_rss,
        stdout,
        stderr,
        channel,
        timed_out,
        flooded,
        answer_overflow,
    })
}

/// A program started once as a test server (see `harness::protocol::SERVE_ENV`), which
/// forks a fresh process for each test: a test then costs a `fork`, not a launcher, its
/// guards and an `exec`. The server is confined as a run is (its cgroup, limits, namespaces,
/// Landlock and seccomp), and every test process installs the run's seccomp filters, with
/// its own pid, before the learner's code runs. Tests of one server run one at a time; its
/// cgroup's peak is reset before each. A server that dies is started again for the next test.
pub struct Server<'p> {
    program: Program<'p>,
    limits: Limits,
    live: Option<Live>,
}

/// A running server.
struct Live {
    control: OwnedFd,
    child: std::process::Child,
    /// The launcher's (and the server's own) stderr: why it could not start.
    stderr: OwnedFd,
    slot: Option<Slot>,
    /// The go-ahead a server started ahead of its program waits for (see [`Server::ahead`]).
    go: Option<sandbox::GoAhead>,
}

impl Drop for Live {
    fn drop(&mut self) {
        // The server and any test process of its group.
        sys::kill_group(self.child.id());
        let _ = self.child.wait();
    }
}

impl Live {
    /// Why the server ended: the launcher's signed cause, or what it printed.
    fn failure(mut self) -> Error {
        sys::kill_group(self.child.id());
        let status = self.child.wait().ok();
        let text = read_to_end_kept(&self.stderr);
        if let Some(cause) = status.and_then(|s| sandbox::launch_failure(s, &text)) {
            return Error::env(cause);
        }
        Error::env(format!(
            "the test server ended unexpectedly: {}",
            text.lines().last().unwrap_or("it printed nothing")
        ))
    }
}

/// What a stream that has ended (its writers gone) holds, about [`STDERR_KEPT`] bytes at
/// most: why a server or a test process could not start.
fn read_to_end_kept(fd: &OwnedFd) -> String {
    let mut text = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = sys::read(fd, &mut chunk);
        if n == 0 || text.len() > STDERR_KEPT {
            break;
        }
        text.extend_from_slice(&chunk[..n]);
    }
    String::from_utf8_lossy(&text).into_owned()
}

/// Why a test did not start on a server.
enum NotStarted {
    /// The server is gone (a previous test's out-of-memory kill, a failed launch).
    Gone,
    Failed(Error),
}

impl<'p> Server<'p> {
    /// A server of `program`, started on its first test; every test runs under `limits`'
    /// time and memory limits.
    pub fn new(program: Program<'p>, limits: Limits) -> Server<'p> {
        Server {
            program,
            limits,
            live: None,
        }
    }

    /// A server started now, while its program is still compiling at `program.binary`: its
    /// launcher joins the cgroups (the slow part, which waits for the kernel's grace period)
    /// meanwhile, and goes on at the first test. Spawned by the calling thread, which must
    /// outlive it (see `Policy::command`).
    pub fn ahead(program: Program<'p>, limits: Limits) -> Result<Server<'p>> {
        let mut server = Server::new(program, limits);
        server.live = Some(server.launch(true)?);
        Ok(server)
    }

    fn launch(&self, ahead: bool) -> Result<Live> {
        let program = &self.program;
        let slot = sandbox::memory_slot(self.limits.memory);
        let policy = policy(program, self.limits, Profile::Serve, slot.as_ref());
        let (control, theirs) = sys::seqpacket_pair()
            .map_err(|e| Error::env(format!("cannot create a socket pair: {e}")))?;
        let (stderr_r, stderr_w) = pipe()?;
        let no_args: &[OsString] = &[];
        let fd3 = Some(theirs.as_raw_fd());
        let (mut cmd, mut go) = match ahead {
            true => {
                let (cmd, go) = policy
                    .waiting_command(program.binary, no_args, fd3)
                    .map_err(|e| Error::env(format!("cannot create a pipe: {e}")))?;
                (cmd, Some(go))
            }
            false => (policy.command(program.binary, no_args, fd3), None),
        };
        cmd.env_clear()
            .env("RUST_BACKTRACE", "0")
            .env(SERVE_ENV, sandbox::run_filters())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(stderr_w));
        let child = cmd
            .spawn()
            .map_err(|e| Error::env(format!("cannot start {}: {e}", program.binary.display())))?;
        drop(cmd);
        drop(theirs);
        if let Some(go) = &mut go {
            go.spawned();
        }
        Ok(Live {
            control,
            child,
            stderr: stderr_r,
            slot,
            go,
        })
    }

    /// Tells a server started ahead that its program is built: its launcher goes on (a
    /// failure shows as a server gone, at its first test).
    pub fn go(&mut self) {
        if let Some(go) = self.live.as_mut().and_then(|live| live.go.take()) {
            go.give();
        }
    }

    /// Runs one test: `stdin` holds its arguments alone, `nonce` is its channel's; the limits
    /// are the server's but for `answer`, the channel's bound for this test.
    pub fn run(&mut self, stdin: &Stdin, nonce: &[u8], answer: usize) -> Result<Outcome> {
        let limits = Limits {
            answer,
            ..self.limits
        };
        // A server found dead is started again, once per test.
        for attempt in 0..2 {
            self.go();
            let live = match self.live.take() {
                Some(live) => live,
                None => self.launch(false)?,
            };
            let live = self.live.insert(live);
            match start_test(live, stdin, nonce, limits) {
                Ok((mut process, streams, start, oom_before)) => {
                    let outcome = supervise(
                        &mut process,
                        streams,
                        start,
                        limits,
                        live.slot.as_ref(),
                        oom_before,
                    );
                    if process.lost {
                        self.live = None;
                    }
                    return outcome;
                }
                Err(NotStarted::Failed(e)) => return Err(e),
                Err(NotStarted::Gone) => {
                    let live = self.live.take().expect("just inserted");
                    if attempt == 1 {
                        return Err(live.failure());
                    }
                    // Reaped here; a launch that failed fails again, and says why.
                    drop(live);
                }
            }
        }
        unreachable!("the second attempt returns")
    }
}

/// Hands one test to `live`, and waits until its process is ready to run the learner's code.
fn start_test<'l>(
    live: &'l Live,
    stdin: &Stdin,
    nonce: &[u8],
    limits: Limits,
) -> std::result::Result<(Served<'l>, [OwnedFd; 3], Instant, u64), NotStarted> {
    let failed = NotStarted::Failed;
    if let Some(slot) = &live.slot {
        slot.reset_peak();
    }
    let oom_before = live.slot.as_ref().map_or(0, |s| s.oom_kills());
    let Pipes { ours, theirs } = Pipes::new().map_err(failed)?;
    let input = stdin.open().map_err(failed)?;
    let start = Instant::now();
    let pass = [
        input.as_raw_fd(),
        theirs[0].as_raw_fd(),
        theirs[1].as_raw_fd(),
        theirs[2].as_raw_fd(),
    ];
    if sys::send_fds(&live.control, nonce, &pass).is_err() {
        return Err(NotStarted::Gone);
    }
    drop(input);
    drop(theirs);
    let mut started: Option<(u32, OwnedFd)> = None;
    let mut ready = false;
    let deadline = start + limits.wall();
    while started.is_none() || !ready {
        let mut fds = [libc::pollfd {
            fd: live.control.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        }];
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(failed(Error::env(
                "the test server did not start a test in time",
            )));
        }
        sys::poll(&mut fds, left.as_millis().min(i32::MAX as u128) as i32 + 1);
        if fds[0].revents == 0 {
            continue;
        }
        let mut buf = [0u8; 64];
        let (n, fd) = sys::recv_fd(&live.control, &mut buf).map_err(|_| NotStarted::Gone)?;
        match (n, buf[0]) {
            (0, _) => return Err(NotStarted::Gone),
            (5, STARTED) => {
                let pid = u32::from_le_bytes(buf[1..5].try_into().expect("4 bytes"));
                let pidfd =
                    fd.ok_or_else(|| failed(Error::env("the test server sent no pidfd")))?;
                started = Some((pid, pidfd));
            }
            (1, READY) => ready = true,
            (_, ENDED) => {
                // The test process ended before its guards were set: it said why on stderr.
                let text = read_to_end_kept(&ours[1]);
                return Err(failed(Error::env(format!(
                    "{} {}",
                    sandbox::LAUNCH_FAILED_PREFIX,
                    text.trim()
                ))));
            }
            _ => {
                return Err(failed(Error::env(
                    "the test server sent a malformed message",
                )))
            }
        }
    }
    let (pid, pidfd) = started.expect("started");
    Ok((
        Served {
            pid,
            pidfd,
            control: &live.control,
            lost: false,
        },
        ours,
        start,
        oom_before,
    ))
}

/// A test process of a server: the server's child, not the judge's.
struct Served<'l> {
    pid: u32,
    pidfd: OwnedFd,
    control: &'l OwnedFd,
    /// The server ended with it (its memory limit, most likely): start another.
    lost: bool,
}

impl Watched for Served<'_> {
    fn pid(&self) -> u32 {
        self.pid
    }
    /// The server's report of the end comes on the control socket.
    fn ended_fd(&self) -> std::os::fd::RawFd {
        self.control.as_raw_fd()
    }
    fn kill(&self) {
        sys::pidfd_kill(&self.pidfd);
    }
    fn reap(&mut self) -> Result<(i32, sys::Usage)> {
        let mut buf = [0u8; 64];
        let ended = sys::recv_fd(self.control, &mut buf)
            .ok()
            .and_then(|(n, _)| parse_ended(&buf[..n]));
        match ended {
            Some((status, user_us, system_us, max_rss_kb)) => Ok((
                status,
                sys::Usage {
                    cpu: Duration::from_micros(user_us.saturating_add(system_us)),
                    max_rss: max_rss_kb.saturating_mul(1024),
                },
            )),
            None => {
                // The server died, and its test process with it (its parent-death signal).
                self.lost = true;
                Ok((
                    libc::SIGKILL,
                    sys::Usage {
                        cpu: cpu_time(self.pid).unwrap_or_default(),
                        max_rss: 0,
                    },
                ))
            }
        }
    }
}

/// What the judge keeps of a stream: all of it up to `keep` bytes, and past that the last
/// [`TAIL`] bytes (where a panic message is), so that its memory does not grow with what the
/// program prints; every byte is counted against `limit`.
struct Stream {
    fd: OwnedFd,
    head: Vec<u8>,
    /// A ring of the last bytes once `head` is full; `tail_at` is where the next byte goes.
    tail: Vec<u8>,
    tail_at: usize,
    total: usize,
    keep: usize,
    limit: usize,
    closed: bool,
}

/// Bytes kept from the end of a stream that outgrew what is kept of its start.
const TAIL: usize = 16 << 10;

impl Stream {
    fn new(fd: OwnedFd, limit: usize, keep: usize) -> Self {
        Stream {
            fd,
            head: Vec::new(),
            tail: Vec::new(),
            tail_at: 0,
            total: 0,
            keep: keep.min(limit.saturating_add(1)),
            limit,
            closed: false,
        }
    }

    /// Reads what is available; returns whether anything was read.
    fn read_some(&mut self) -> bool {
        let mut chunk = [0u8; 64 << 10];
        match sys::read(&self.fd, &mut chunk) {
            0 => {
                self.closed = true;
                false
            }
            n => {
                self.take(&chunk[..n]);
                true
            }
        }
    }

    fn take(&mut self, mut bytes: &[u8]) {
        self.total = self.total.saturating_add(bytes.len());
        let room = self.keep.saturating_sub(self.head.len());
        let (to_head, rest) = bytes.split_at(room.min(bytes.len()));
        self.head.extend_from_slice(to_head);
        bytes = rest;
        if bytes.len() > TAIL {
            bytes = &bytes[bytes.len() - TAIL..];
        }
        for &b in bytes {
            if self.tail.len() < TAIL {
                self.tail.push(b);
            } else {
                self.tail[self.tail_at] = b;
            }
            self.tail_at = (self.tail_at + 1) % TAIL;
        }
    }

    fn overflowed(&self) -> bool {
        self.total > self.limit
    }

    /// What was kept, with a line in the middle saying how much was not.
    fn into_bytes(self) -> Vec<u8> {
        let mut out = self.head;
        if self.tail.is_empty() {
            return out;
        }
        let kept = out.len() + self.tail.len();
        if self.total > kept {
            out.extend_from_slice(
                format!("\n[... {} bytes not kept ...]\n", self.total - kept).as_bytes(),
            );
        }
        // Oldest first: once the ring is full, from the next write position on.
        let (newest, oldest) = if self.tail.len() == TAIL {
            self.tail.split_at(self.tail_at)
        } else {
            (&self.tail[..], &[][..])
        };
        out.extend_from_slice(oldest);
        out.extend_from_slice(newest);
        out
    }
}

/// This process's peak resident memory (VmHWM), in bytes.
fn own_peak_memory() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(u64::MAX, |kb| kb * 1024)
}

/// Time the threads of a running process spent runnable but waiting for a CPU, from
/// `/proc/PID/task/*/schedstat` (zero where the kernel does not keep it).
fn run_delay(pid: u32) -> Duration {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Duration::ZERO;
    };
    let nanos: u64 = tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .sum();
    Duration::from_nanos(nanos)
}

/// CPU time (user + system) of a running process, from `/proc/PID/stat`.
fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    let ticks = sys::clock_ticks();
    Some(Duration::from_secs_f64(
        (utime + stime) as f64 / ticks as f64,
    ))
}

fn pipe() -> Result<(OwnedFd, OwnedFd)> {
    sys::pipe().map_err(|e| Error::env(format!("cannot create a pipe: {e}")))
}

fn pidfd_open(pid: u32) -> Result<OwnedFd> {
    sys::pidfd_open(pid)
        .map_err(|e| Error::env(format!("pidfd_open: {e} (Linux 5.3 or later is needed)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(keep: usize, limit: usize) -> Stream {
        let (r, _w) = sys::pipe().unwrap();
        Stream::new(r, limit, keep)
    }

    #[test]
    fn a_stream_keeps_its_start_and_end_and_counts_the_rest() {
        let mut s = stream(4, 1 << 30);
        s.take(b"abcd");
        assert_eq!(s.into_bytes(), b"abcd");
        let mut s = stream(4, 1 << 30);
        s.take(b"abcdef");
        assert_eq!(s.into_bytes(), b"abcdef");
        let mut s = stream(2, 1 << 30);
        s.take(&vec![b'x'; 5 * TAIL]);
        s.take(b"panicked at here");
        assert!(!s.overflowed());
        let out = s.into_bytes();
        assert!(out.starts_with(b"xx\n[... "));
        assert!(out.ends_with(b"panicked at here"));
        assert_eq!(
            out.len(),
            2 + TAIL + format!("\n[... {} bytes not kept ...]\n", 4 * TAIL - 2 + 16).len()
        );
    }

    #[test]
    fn a_stream_past_its_limit_overflows_without_keeping_it() {
        let mut s = stream(usize::MAX, 10);
        s.take(b"0123456789");
        assert!(!s.overflowed());
        s.take(b"!");
        assert!(s.overflowed());
        assert!(s.head.len() <= 11);
    }
}

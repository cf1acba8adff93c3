//! Running one test: the program under the sandbox with its limits, stdin fed from a thread,
//! stdout, stderr and the result channel read in one `poll` loop with the deadline, the
//! whole process group killed on timeout or flood, and the CPU time and peak memory read
//! back with `wait4`.

use crate::error::{Error, Result};
use crate::sandbox::{self, Policy, Profile};
use crate::sys;
use std::ffi::OsString;
use std::io::Write;
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
    /// core, does not fail a correct one). A busy program is stopped at its CPU limit.
    pub time: Duration,
    /// Data-segment limit in bytes.
    pub memory: u64,
    /// Bytes allowed on stdout and on stderr, each.
    pub output: usize,
    /// Bytes allowed on the result channel: a few times the expected answer's size, so that
    /// an answer cannot make the judge decode (and hold) far more than it must compare.
    pub answer: usize,
}

impl Limits {
    pub fn wall(&self) -> Duration {
        self.time * 3 + Duration::from_millis(500)
    }
}

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

/// A program to run and the files it may read.
pub struct Program<'a> {
    pub binary: &'a Path,
    /// Extra paths the program may read besides its binary and the system libraries.
    pub read: Vec<PathBuf>,
}

/// Runs `program` once with `stdin` as its input.
pub fn run(program: &Program, stdin: &[u8], limits: Limits) -> Result<Outcome> {
    let (stdout_r, stdout_w) = pipe()?;
    let (stderr_r, stderr_w) = pipe()?;
    // The result channel is a socket, not a pipe: see `sys::socketpair`.
    let (chan_r, chan_w) =
        sys::socketpair().map_err(|e| Error::env(format!("cannot create a socket pair: {e}")))?;
    let mut read = sandbox::runtime_read_paths();
    read.push(program.binary.to_path_buf());
    read.extend(program.read.iter().cloned());
    // A cgroup where the machine allows one: it counts what RLIMIT_DATA does not (page
    // tables, kernel memory, shared memory) and limits the tasks.
    let slot = sandbox::memory_slot(limits.memory);
    let policy = Policy {
        cgroups: slot.as_ref().map(|s| s.dirs()).unwrap_or_default(),
        profile: Profile::Run,
        read,
        write: Vec::new(),
        memory: Some(limits.memory),
        cpu: Some(limits.time + Duration::from_secs(1)),
        file_size: 0,
        stack: Some(limits.memory.min(1 << 30)),
    };
    let mut cmd = policy.command(program.binary, &[] as &[OsString], Some(chan_w.as_raw_fd()));
    cmd.env_clear()
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::from(stdout_w))
        .stderr(Stdio::from(stderr_w));
    let oom_before = slot.as_ref().map_or(0, |s| s.oom_kills());
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| Error::env(format!("cannot start {}: {e}", program.binary.display())))?;
    // The parent's copies of the write ends must go, or the pipes never reach end of file.
    drop(cmd);
    drop(chan_w);
    let pid = child.id();
    let mut stdin_pipe = child.stdin.take().expect("piped");
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        // A program that exits without reading its input closes the pipe: not an error.
        let _ = stdin_pipe.write_all(&input);
    });
    let pidfd = pidfd_open(pid)?;
    let mut streams = [
        Stream::new(stdout_r, limits.output),
        Stream::new(stderr_r, limits.output),
        Stream::new(chan_r, limits.answer.min(MAX_CHANNEL)),
    ];
    let deadline = start + limits.wall();
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
            timed_out = true;
            sys::kill_group(pid);
        }
        if !exited && !timed_out && now >= next_cpu_check {
            if cpu_time(pid).is_some_and(|cpu| cpu > limits.time) {
                timed_out = true;
                sys::kill_group(pid);
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
        if !exited {
            fds.push(libc::pollfd {
                fd: pidfd.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            });
        }
        sys::poll(&mut fds, timeout_ms);
        for pfd in &fds {
            if pfd.revents == 0 {
                continue;
            }
            if pfd.fd == pidfd.as_raw_fd() {
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
                sys::kill_group(pid);
            }
        }
    }
    sys::kill_group(pid);
    let (status, rusage) =
        sys::wait4(pid).map_err(|e| Error::env(format!("cannot wait for the program: {e}")))?;
    let wall = start.elapsed();
    // An OOM kill in the cgroup is the memory limit, whatever the kind of memory: reported
    // as the peak the cgroup saw, which is above the limit.
    let mut max_rss = rusage.max_rss;
    if let Some(slot) = &slot {
        if slot.oom_kills() > oom_before {
            max_rss = max_rss.max(slot.peak().unwrap_or(0)).max(limits.memory + 1);
        }
    }
    drop(slot);
    let _ = feeder.join();
    let [stdout, stderr, channel] = streams.map(|s| s.buf);
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
        cpu: rusage.cpu,
        max_rss,
        stdout,
        stderr,
        channel,
        timed_out,
        flooded,
        answer_overflow,
    })
}

struct Stream {
    fd: OwnedFd,
    buf: Vec<u8>,
    limit: usize,
    closed: bool,
}

impl Stream {
    fn new(fd: OwnedFd, limit: usize) -> Self {
        Stream {
            fd,
            buf: Vec::new(),
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
                // Keep one byte past the limit so that overflow can be told apart.
                let room = (self.limit + 1).saturating_sub(self.buf.len());
                self.buf.extend_from_slice(&chunk[..n.min(room)]);
                true
            }
        }
    }

    fn overflowed(&self) -> bool {
        self.buf.len() > self.limit
    }
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

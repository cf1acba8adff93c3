//! Running one test: the program under the sandbox with its limits, stdin fed from a thread,
//! stdout, stderr and the result channel read in one `poll` loop with the deadline, the
//! whole process group killed on timeout or flood, and the CPU time and peak memory read
//! back with `wait4`.

use crate::error::{Error, Result};
use crate::sandbox::{self, Policy, Profile};
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
    let input = sys::sealed_file(stdin)
        .map_err(|e| Error::env(format!("cannot create the input file: {e}")))?;
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
    let pidfd = pidfd_open(pid)?;
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
                sys::kill_group(pid);
            }
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
    let wall = start.elapsed().saturating_sub(waited);
    // The peak memory of the program alone. A child's `ru_maxrss` starts at the judge's own
    // peak (exec records the peak of the address space it replaces, and posix_spawn's child
    // runs in the judge's until it execs), so it says nothing of a program smaller than the
    // judge. The cgroup's peak is the program's alone; an OOM kill there is the memory
    // limit, whatever the kind of memory. Without a cgroup, RLIMIT_DATA still limits it.
    let max_rss = match &slot {
        Some(slot) => {
            let peak = slot.peak().unwrap_or(0);
            if slot.oom_kills() > oom_before {
                peak.max(limits.memory + 1)
            } else {
                peak
            }
        }
        // The judge's peak only grows, so reading it now errs on the side of "unknown".
        None if rusage.max_rss > own_peak_memory() => rusage.max_rss,
        None => 0,
    };
    drop(slot);
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

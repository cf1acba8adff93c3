//! `kata_rt`: the part of the harness that is the same for every kata. The judge compiles it
//! once per toolchain into an rlib and links every solution against it.
//!
//! It reads the arguments the judge wrote on stdin, and writes the answer on the result
//! channel, framed as `protocol.rs` says (the judge appends that file to this one as
//! `mod protocol`). The wire format of values is described in the judge's `value.rs`.

use std::io::{Read, Write};

/// The arguments of one test, read from stdin before the learner's code runs.
pub struct Input {
    bytes: &'static [u8],
    pos: usize,
    nonce: Vec<u8>,
}

impl Input {
    /// Reads all of stdin: a nonce line, then the arguments. A test server (see
    /// `protocol::SERVE_ENV`) serves its tests first and returns here in each test process,
    /// whose nonce came with the test and whose stdin holds the arguments alone.
    pub fn stdin() -> Input {
        let served = serve::serve();
        let bytes = stdin_bytes();
        let (nonce, pos) = match served {
            Some(nonce) => (nonce, 0),
            None => {
                let (nonce, args) = protocol::split_input(bytes);
                (nonce.to_vec(), bytes.len() - args.len())
            }
        };
        Input { bytes, pos, nonce }
    }

    /// Reads the next argument.
    pub fn arg<T: Wire>(&mut self) -> T {
        T::read(self)
    }

    /// The next argument, a `Vec<T>` in the wire format, lent as a slice of the input itself
    /// where its bytes are aligned for `T` (a mapped stdin: a large input is never copied),
    /// else of a copy. The input is read-only, and lives as long as the process.
    pub fn slice<T: Plain>(&mut self) -> &'static [T] {
        let n = self.len();
        let size = std::mem::size_of::<T>();
        let start = self.pos;
        let bytes: &'static [u8] = self.bytes;
        let end = match n.checked_mul(size).and_then(|b| start.checked_add(b)) {
            Some(end) if end <= bytes.len() => end,
            _ => ended(),
        };
        let lent = &bytes[start..end];
        if cfg!(target_endian = "little") && lent.as_ptr() as usize % std::mem::align_of::<T>() == 0
        {
            self.pos = end;
            // SAFETY: `lent` holds `n` values of `T` in its in-memory form (a `Plain` type
            // is little-endian numbers, every bit pattern valid), aligned as checked, and
            // lives as long as the process.
            return unsafe { std::slice::from_raw_parts(lent.as_ptr().cast::<T>(), n) };
        }
        Vec::leak(T::read_vec(self, n))
    }

    /// The next `n` bytes.
    #[inline]
    fn take(&mut self, n: usize) -> &[u8] {
        let end = match self.pos.checked_add(n) {
            Some(end) if end <= self.bytes.len() => end,
            _ => ended(),
        };
        let bytes = &self.bytes[self.pos..end];
        self.pos = end;
        bytes
    }

    #[inline]
    fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N));
        a
    }

    fn len(&mut self) -> usize {
        u64::from_le_bytes(self.array()) as usize
    }
}

/// All of stdin, for the rest of the process. The judge's stdin is a file (its size known):
/// mapped, it costs no copy, and the pages of a large input are the kernel's page cache rather
/// than the program's heap. Anything else is read.
fn stdin_bytes() -> &'static [u8] {
    use std::os::fd::FromRawFd;
    extern "C" {
        fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
    }
    const PROT_READ: i32 = 1;
    const MAP_PRIVATE: i32 = 2;
    // SAFETY: descriptor 0 is stdin, which nothing else in this process owns as a File; the
    // ManuallyDrop leaves it open.
    let mut file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(0) });
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map_or(0, |m| m.len() as usize);
    if size > 0 {
        // SAFETY: a private, read-only mapping of a file the judge sealed (or no one writes),
        // never unmapped: the slice lives as long as the process.
        let p = unsafe { mmap(std::ptr::null_mut(), size, PROT_READ, MAP_PRIVATE, 0, 0) };
        if p as isize != -1 {
            // SAFETY: the mapping is `size` readable bytes for the rest of the process.
            return unsafe { std::slice::from_raw_parts(p, size) };
        }
    }
    let mut bytes = Vec::with_capacity(size);
    file.read_to_end(&mut bytes)
        .expect("kata harness: cannot read the arguments");
    Vec::leak(bytes)
}

#[inline(never)]
#[cold]
fn ended() -> ! {
    panic!("kata harness: the arguments ended early")
}

/// A number whose wire form is its in-memory form on a little-endian machine, every bit
/// pattern a value (so not `bool` or `char`): a slice of them can be the input's bytes.
pub trait Plain: Wire + Copy {}

macro_rules! plain {
    ($($t:ty)*) => {$(impl Plain for $t {})*};
}
plain!(i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);
#[cfg(target_pointer_width = "64")]
plain!(isize usize);

/// A type the harness can read from the judge and write back, in the binary wire format the
/// judge's `value.rs` describes (little-endian, lengths in 8 bytes).
pub trait Wire: Sized {
    fn read(input: &mut Input) -> Self;
    fn write(&self, out: &mut Vec<u8>);

    /// `n` values one after another (numbers override it with one bulk conversion).
    fn read_vec(input: &mut Input, n: usize) -> Vec<Self> {
        // A length the input cannot hold is the judge's error, not a reason to allocate it.
        let mut v = Vec::with_capacity(n.min(input.bytes.len() - input.pos));
        for _ in 0..n {
            v.push(Self::read(input));
        }
        v
    }
}

macro_rules! wire_num {
    ($($t:ty)*) => {$(
        impl Wire for $t {
            #[inline]
            fn read(input: &mut Input) -> Self {
                <$t>::from_le_bytes(input.array())
            }
            #[inline]
            fn write(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn read_vec(input: &mut Input, n: usize) -> Vec<Self> {
                const SIZE: usize = std::mem::size_of::<$t>();
                let bytes = input.take(n.checked_mul(SIZE).unwrap_or_else(|| ended()));
                bytes
                    .chunks_exact(SIZE)
                    .map(|c| <$t>::from_le_bytes(c.try_into().expect("a whole value")))
                    .collect()
            }
        }
    )*};
}
wire_num!(i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64);

impl Wire for isize {
    fn read(input: &mut Input) -> Self {
        i64::read(input) as isize
    }
    fn write(&self, out: &mut Vec<u8>) {
        (*self as i64).write(out);
    }
}

impl Wire for usize {
    fn read(input: &mut Input) -> Self {
        u64::read(input) as usize
    }
    fn write(&self, out: &mut Vec<u8>) {
        (*self as u64).write(out);
    }
}

impl Wire for bool {
    fn read(input: &mut Input) -> Self {
        input.take(1)[0] == 1
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
}

impl Wire for char {
    fn read(input: &mut Input) -> Self {
        char::from_u32(u32::read(input)).expect("kata harness: bad char")
    }
    fn write(&self, out: &mut Vec<u8>) {
        u32::from(*self).write(out);
    }
}

impl Wire for String {
    fn read(input: &mut Input) -> Self {
        let n = input.len();
        String::from_utf8(input.take(n).to_vec()).expect("kata harness: string is not UTF-8")
    }
    fn write(&self, out: &mut Vec<u8>) {
        write_len(out, self.len());
        out.extend_from_slice(self.as_bytes());
    }
}

/// Writes a length. Generic code calls these small non-generic functions, which are
/// compiled once with this crate instead of again in every solution.
#[inline(never)]
fn write_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

#[inline(never)]
fn read_len(input: &mut Input) -> usize {
    input.len()
}

impl<T: Wire> Wire for Vec<T> {
    fn read(input: &mut Input) -> Self {
        let n = read_len(input);
        T::read_vec(input, n)
    }
    fn write(&self, out: &mut Vec<u8>) {
        write_len(out, self.len());
        for x in self {
            x.write(out);
        }
    }
}

impl<T: Wire, const N: usize> Wire for [T; N] {
    fn read(input: &mut Input) -> Self {
        let v: Vec<T> = Vec::read(input);
        match v.try_into() {
            Ok(a) => a,
            Err(_) => wrong_length(N),
        }
    }
    fn write(&self, out: &mut Vec<u8>) {
        write_len(out, N);
        for x in self {
            x.write(out);
        }
    }
}

impl<T: Wire> Wire for Option<T> {
    fn read(input: &mut Input) -> Self {
        match input.take(1)[0] {
            0 => None,
            _ => Some(T::read(input)),
        }
    }
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(x) => {
                out.push(1);
                x.write(out);
            }
        }
    }
}

#[inline(never)]
#[cold]
fn wrong_length(n: usize) -> ! {
    panic!("kata harness: expected {n} items")
}

macro_rules! wire_tuple {
    ($($name:ident)*) => {
        impl<$($name: Wire),*> Wire for ($($name,)*) {
            #[allow(unused_variables)]
            fn read(input: &mut Input) -> Self {
                ($($name::read(input),)*)
            }
            #[allow(non_snake_case, unused_variables)]
            fn write(&self, out: &mut Vec<u8>) {
                let ($($name,)*) = self;
                $($name.write(out);)*
            }
        }
    };
}
wire_tuple!();
wire_tuple!(A);
wire_tuple!(A B);
wire_tuple!(A B C);
wire_tuple!(A B C D);
wire_tuple!(A B C D E);
wire_tuple!(A B C D E F);
wire_tuple!(A B C D E F G);
wire_tuple!(A B C D E F G H);

/// Writes the answer on the result channel, tagged with this run's nonce.
pub fn answer<T: Wire>(input: Input, value: &T) {
    send(protocol::frame_answer(&input.nonce, |out| value.write(out)));
}

#[inline(never)]
fn send(framed: Vec<u8>) {
    // The learner may have buffered output on stdout: flush it so it is not lost.
    let _ = std::io::stdout().flush();
    use std::os::fd::FromRawFd;
    // SAFETY: the judge passes every run its end of the channel's socket pair as this
    // descriptor, and nothing else in this process owns it.
    let mut channel = unsafe { std::fs::File::from_raw_fd(protocol::CHANNEL_FD) };
    channel
        .write_all(&framed)
        .expect("kata harness: cannot write the answer");
}

/// A design test's results so far: written on the channel when the calls end, or by the
/// panic hook when one of them panics, so that the judge can show the calls up to the one
/// that failed.
struct Record {
    nonce: Vec<u8>,
    results: Vec<u8>,
    done: usize,
}

thread_local! {
    static RECORD: std::cell::RefCell<Option<Record>> = const { std::cell::RefCell::new(None) };
}

/// Starts recording the results of a design test's calls.
pub fn calls_begin(input: &Input) {
    let record = Record {
        nonce: input.nonce.clone(),
        results: Vec::new(),
        done: 0,
    };
    RECORD.with(|r| *r.borrow_mut() = Some(record));
    let print = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        print(info);
        calls_end();
    }));
}

/// Records the result of a call of method `method`.
pub fn returned<T: Wire>(method: usize, value: &T) {
    RECORD.with(|r| {
        if let Some(rec) = r.borrow_mut().as_mut() {
            write_len(&mut rec.results, method);
            value.write(&mut rec.results);
            rec.done += 1;
        }
    });
}

/// Records that a call of method `method`, which returns nothing, returned.
#[inline(never)]
pub fn returned_unit(method: usize) {
    returned(method, &());
}

/// Writes the results recorded so far on the channel, once.
#[inline(never)]
pub fn calls_end() {
    let record = RECORD
        .try_with(|r| r.try_borrow_mut().ok().and_then(|mut r| r.take()))
        .ok()
        .flatten();
    if let Some(rec) = record {
        send(protocol::frame_answer(&rec.nonce, |out| {
            write_len(out, rec.done);
            out.extend_from_slice(&rec.results);
        }));
    }
}

#[inline(never)]
#[cold]
pub fn bad_call(index: usize) -> ! {
    panic!("kata harness: no method has index {index}")
}

/// Reads a generator's seed and size from stdin.
pub fn generator_args() -> (u64, usize) {
    let mut input = Input::stdin();
    (input.arg(), input.arg())
}

/// Writes a generator's output (a tuple of the arguments) on stdout.
pub fn emit<T: Wire>(value: &T) {
    let mut out = Vec::new();
    value.write(&mut out);
    emit_bytes(&out);
}

#[inline(never)]
fn emit_bytes(out: &[u8]) {
    std::io::stdout()
        .lock()
        .write_all(out)
        .expect("kata generator: cannot write");
}

/// The deterministic random generator of test generators (SplitMix64).
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, n)`; `n > 0`.
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0, "Rng::below(0)");
        // Multiply-shift: unbiased enough for tests, and fast.
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `[lo, hi]`, inclusive.
    pub fn range_i64(&mut self, lo: i64, hi: i64) -> i64 {
        assert!(lo <= hi, "Rng::range_i64 with lo > hi");
        let span = (hi as i128 - lo as i128 + 1) as u128;
        if span > u128::from(u64::MAX) {
            return self.next_u64() as i64;
        }
        (lo as i128 + i128::from(self.below(span as u64))) as i64
    }

    /// Uniform in `[0, 1)`.
    pub fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn range_f64(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f64()
    }

    pub fn bool(&mut self) -> bool {
        self.next_u64() >> 63 == 1
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// The test server: one process per test, forked from a harness in which no learner code ever
/// ran, so that a test costs a `fork` rather than a launcher, its guards and an `exec`. The
/// server was confined by the launcher (see the judge's `sandbox`); each test process adds
/// the run's own seccomp filters before it returns to the harness's `main`.
mod serve {
    use super::protocol;
    use std::os::raw::{c_int, c_long, c_void};

    #[repr(C)]
    struct IoVec {
        base: *mut c_void,
        len: usize,
    }

    #[repr(C)]
    struct MsgHdr {
        name: *mut c_void,
        namelen: u32,
        iov: *mut IoVec,
        iovlen: usize,
        control: *mut c_void,
        controllen: usize,
        flags: c_int,
    }

    #[repr(C)]
    struct SockFprog {
        len: u16,
        filter: *const protocol::Instruction,
    }

    #[repr(C)]
    struct Rusage {
        user: [i64; 2],
        system: [i64; 2],
        /// `ru_maxrss` (KiB) first.
        rest: [i64; 14],
    }

    extern "C" {
        fn fork() -> c_int;
        fn recvmsg(fd: c_int, msg: *mut MsgHdr, flags: c_int) -> isize;
        fn sendmsg(fd: c_int, msg: *const MsgHdr, flags: c_int) -> isize;
        fn write(fd: c_int, buf: *const c_void, n: usize) -> isize;
        fn close(fd: c_int) -> c_int;
        fn dup3(old: c_int, new: c_int, flags: c_int) -> c_int;
        fn wait4(pid: c_int, status: *mut c_int, options: c_int, usage: *mut Rusage) -> c_int;
        fn getpid() -> c_int;
        fn getppid() -> c_int;
        fn prctl(option: c_int, ...) -> c_int;
        fn syscall(number: c_long, ...) -> c_long;
        fn _exit(code: c_int) -> !;
    }

    #[cfg(target_arch = "x86_64")]
    const SYS_SECCOMP: c_long = 317;
    #[cfg(target_arch = "aarch64")]
    const SYS_SECCOMP: c_long = 277;
    const SYS_PIDFD_OPEN: c_long = 434;
    const SECCOMP_SET_MODE_FILTER: c_long = 1;
    const PR_SET_PDEATHSIG: c_int = 1;
    const SIGKILL: c_int = 9;
    const SOL_SOCKET: c_int = 1;
    const SCM_RIGHTS: c_int = 1;
    const MSG_CMSG_CLOEXEC: c_int = 0x4000_0000;
    const EINTR: i32 = 4;
    /// The launcher's status when a guard cannot be set.
    const SETUP_FAILED: c_int = 125;
    /// Descriptors that come with a test: stdin, stdout, stderr, the result channel.
    const TEST_FDS: usize = 4;
    /// Room for the cmsghdr (16 bytes) and four descriptors, 8-byte aligned.
    const CONTROL_WORDS: usize = 8;

    fn fail(what: &str) -> ! {
        let line = format!("kata harness: test server: {what}: {}\n", std::io::Error::last_os_error());
        // SAFETY: writes a buffer that outlives the call, then ends the process.
        unsafe {
            write(2, line.as_ptr().cast(), line.len());
            _exit(SETUP_FAILED)
        }
    }

    /// Serves tests when the judge started this program as a server: returns in each test
    /// process with the test's nonce, never in the server (which exits when the judge closes
    /// the control socket). Returns `None` at once otherwise.
    pub fn serve() -> Option<Vec<u8>> {
        let filters = std::env::var(protocol::SERVE_ENV).ok()?;
        let filters = protocol::decode_filters(&filters)
            .unwrap_or_else(|| fail("malformed seccomp filters"));
        let control = protocol::CHANNEL_FD;
        // SAFETY: getpid has no preconditions.
        let server = unsafe { getpid() };
        loop {
            // The next test's process, made before its test comes: it waits for it. When no
            // process can be made (a task limit that another test of this program fills, on
            // another worker), its test waits, within its wall-clock limit on the judge's
            // side, until one can.
            let pid = loop {
                // SAFETY: this process is single-threaded (the harness starts no thread
                // before it serves), so the child may run any code.
                let pid = unsafe { fork() };
                if pid >= 0 {
                    break pid;
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
            };
            if pid == 0 {
                return Some(test_process(server, &filters));
            }
            // SAFETY: a plain system call on a child not yet waited for (its pid is stable).
            let pidfd = unsafe { syscall(SYS_PIDFD_OPEN, pid as c_long, 0 as c_long) } as c_int;
            let mut started = [protocol::STARTED, 0, 0, 0, 0];
            started[1..].copy_from_slice(&pid.to_le_bytes());
            send(control, &started, (pidfd >= 0).then_some(pidfd));
            if pidfd >= 0 {
                // SAFETY: our own descriptor.
                unsafe { close(pidfd) };
            }
            let mut status = 0;
            let mut usage = Rusage {
                user: [0; 2],
                system: [0; 2],
                rest: [0; 14],
            };
            // SAFETY: both pointers are to live locals.
            while unsafe { wait4(pid, &mut status, 0, &mut usage) } < 0 {
                if std::io::Error::last_os_error().raw_os_error() != Some(EINTR) {
                    fail("wait4");
                }
            }
            let us = |t: [i64; 2]| (t[0] as u64) * 1_000_000 + t[1] as u64;
            send(
                control,
                &protocol::ended(
                    status,
                    us(usage.user),
                    us(usage.system),
                    usage.rest[0] as u64,
                ),
                None,
            );
        }
    }

    /// The next test's message on `control`, its nonce and descriptors; `None` once the judge
    /// has closed the socket.
    fn next_test(control: c_int) -> Option<(Vec<u8>, [c_int; TEST_FDS])> {
        let mut nonce = [0u8; 256];
        let mut fds = [-1; TEST_FDS];
        let n = receive(control, &mut nonce, &mut fds);
        (n > 0).then(|| (nonce[..n].to_vec(), fds))
    }

    /// In a fresh test process: die with the server, make the run's filters with this
    /// process's own pid, wait for the test, take its streams, install the filters, tell the
    /// judge, take the result channel. Returns the test's nonce.
    fn test_process(server: c_int, filters: &[Vec<protocol::Instruction>]) -> Vec<u8> {
        // SAFETY: plain system calls on this process's own state and descriptors.
        unsafe {
            if prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 {
                fail("prctl(PR_SET_PDEATHSIG)");
            }
            if getppid() != server {
                fail("the server ended");
            }
            // A test process executes nothing: no descriptor, no path is the launcher's.
            let patched = protocol::StandIns {
                own_pid: getpid() as u32,
                exec_fd: u32::MAX,
                exec_path: 0,
            }
            .fill(filters);
            let Some((nonce, fds)) = next_test(protocol::CHANNEL_FD) else {
                // The judge closed the socket: no test comes.
                _exit(0)
            };
            for (to, &from) in fds[..3].iter().enumerate() {
                if dup3(from, to as c_int, 0) < 0 {
                    fail("dup3");
                }
                close(from);
            }
            for patched in &patched {
                let prog = SockFprog {
                    len: patched.len() as u16,
                    filter: patched.as_ptr(),
                };
                if syscall(SYS_SECCOMP, SECCOMP_SET_MODE_FILTER, 0 as c_long, &prog as *const SockFprog) != 0 {
                    fail("seccomp");
                }
            }
            let ready = [protocol::READY];
            if write(protocol::CHANNEL_FD, ready.as_ptr().cast(), 1) != 1 {
                fail("cannot tell the judge");
            }
            if dup3(fds[3], protocol::CHANNEL_FD, 0) < 0 {
                fail("dup3");
            }
            close(fds[3]);
            nonce
        }
    }

    /// One message and its descriptors (close-on-exec); 0 at end of file.
    fn receive(fd: c_int, data: &mut [u8], fds: &mut [c_int; TEST_FDS]) -> usize {
        let mut iov = IoVec {
            base: data.as_mut_ptr().cast(),
            len: data.len(),
        };
        let mut control = [0u64; CONTROL_WORDS];
        let mut msg = MsgHdr {
            name: std::ptr::null_mut(),
            namelen: 0,
            iov: &mut iov,
            iovlen: 1,
            control: control.as_mut_ptr().cast(),
            controllen: std::mem::size_of_val(&control),
            flags: 0,
        };
        let n = loop {
            // SAFETY: every pointer in `msg` is to a live local of the right size.
            let n = unsafe { recvmsg(fd, &mut msg, MSG_CMSG_CLOEXEC) };
            if n >= 0 {
                break n as usize;
            }
            if std::io::Error::last_os_error().raw_os_error() != Some(EINTR) {
                fail("recvmsg");
            }
        };
        if n == 0 {
            return 0;
        }
        // One control message: length, level and type as the kernel writes them.
        let len = control[0] as usize;
        let words = control[1];
        let (level, kind) = (words as u32 as c_int, (words >> 32) as u32 as c_int);
        let count = len.saturating_sub(16) / 4;
        if level != SOL_SOCKET || kind != SCM_RIGHTS || count != TEST_FDS {
            fail("a test came without its four descriptors");
        }
        for (i, slot) in fds.iter_mut().enumerate() {
            let word = control[2 + i / 2];
            *slot = (word >> (32 * (i % 2))) as u32 as c_int;
        }
        n
    }

    /// Sends `data`, with `fd` as ancillary data when given.
    fn send(fd: c_int, data: &[u8], pass: Option<c_int>) {
        let mut iov = IoVec {
            base: data.as_ptr() as *mut c_void,
            len: data.len(),
        };
        let mut control = [0u64; 3];
        let mut msg = MsgHdr {
            name: std::ptr::null_mut(),
            namelen: 0,
            iov: &mut iov,
            iovlen: 1,
            control: std::ptr::null_mut(),
            controllen: 0,
            flags: 0,
        };
        if let Some(pass) = pass {
            control[0] = 20;
            control[1] = (SOL_SOCKET as u32 as u64) | ((SCM_RIGHTS as u32 as u64) << 32);
            control[2] = pass as u32 as u64;
            msg.control = control.as_mut_ptr().cast();
            msg.controllen = 24;
        }
        // SAFETY: every pointer in `msg` is to a live local of the right size.
        while unsafe { sendmsg(fd, &msg, 0) } < 0 {
            if std::io::Error::last_os_error().raw_os_error() != Some(EINTR) {
                fail("sendmsg");
            }
        }
    }
}

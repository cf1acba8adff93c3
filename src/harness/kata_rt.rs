//! `kata_rt`: the part of the harness that is the same for every kata. The judge compiles it
//! once per toolchain into an rlib and links every solution against it.
//!
//! It reads the arguments the judge wrote on stdin, and writes the answer on the result
//! channel, framed as `protocol.rs` says (the judge appends that file to this one as
//! `mod protocol`). The wire format of values is described in the judge's `value.rs`.

use std::io::{Read, Write};

/// The arguments of one test, read from stdin before the learner's code runs.
pub struct Input {
    bytes: Vec<u8>,
    pos: usize,
    nonce: Vec<u8>,
}

impl Input {
    /// Reads all of stdin: a nonce line, then the arguments.
    pub fn stdin() -> Input {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .expect("kata harness: cannot read the arguments");
        let (nonce, args) = protocol::split_input(&bytes);
        let nonce = nonce.to_vec();
        let pos = bytes.len() - args.len();
        Input { bytes, pos, nonce }
    }

    /// Reads the next argument.
    pub fn arg<T: Wire>(&mut self) -> T {
        T::read(self)
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

#[inline(never)]
#[cold]
fn ended() -> ! {
    panic!("kata harness: the arguments ended early")
}

/// A type the harness can read from the judge and write back, in the binary wire format the
/// judge's `value.rs` describes (little-endian, lengths in 8 bytes).
pub trait Wire: Sized {
    fn read(input: &mut Input) -> Self;
    fn write(&self, out: &mut Vec<u8>);
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
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::read(input));
        }
        v
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

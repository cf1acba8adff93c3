//! The answer channel's framing, the one part of the wire protocol both sides must agree on
//! byte for byte. This file is compiled twice: into the judge, as `harness::protocol`, and
//! into the harness runtime (`kata_rt`), which every solution links. So it uses nothing but
//! `std` and names nothing of either side.
//!
//! A function-kata run reads on stdin a nonce line (a fresh random token for this run) and
//! then its arguments. It writes its answer on descriptor [`CHANNEL_FD`], one end of a socket
//! pair the judge made for this run alone, as the same nonce line and the answer. The
//! learner's own stdout is never taken for the answer, and an answer that does not start with
//! the run's nonce was not written by the harness.

/// The descriptor the harness writes its answer on.
pub const CHANNEL_FD: i32 = 3;

/// A run's stdin: the nonce line, then the arguments.
pub fn frame_input(nonce: &[u8], args: &[u8]) -> Vec<u8> {
    frame(nonce, args)
}

/// `(nonce, arguments)` of a run's stdin.
pub fn split_input(stdin: &[u8]) -> (&[u8], &[u8]) {
    split(stdin)
}

/// What the harness writes on the channel: the nonce line, the answer (written in place by
/// `write_answer`, so that a large answer is never copied), a newline.
pub fn frame_answer(nonce: &[u8], write_answer: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut out = frame(nonce, &[]);
    write_answer(&mut out);
    out.push(b'\n');
    out
}

/// Why the channel holds no answer of this run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unanswered {
    /// Nothing was written: the program ended before the harness could answer.
    Empty,
    /// The first line is not this run's nonce.
    Forged,
}

/// The answer on the channel after this run's nonce line.
pub fn split_answer<'c>(channel: &'c [u8], nonce: &[u8]) -> Result<&'c [u8], Unanswered> {
    if channel.is_empty() {
        return Err(Unanswered::Empty);
    }
    match split(channel) {
        (line, answer) if line == nonce => Ok(answer),
        _ => Err(Unanswered::Forged),
    }
}

fn frame(nonce: &[u8], rest: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(nonce.len() + 1 + rest.len() + 1);
    v.extend_from_slice(nonce);
    v.push(b'\n');
    v.extend_from_slice(rest);
    v
}

/// The first line and what follows it.
fn split(bytes: &[u8]) -> (&[u8], &[u8]) {
    let nl = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len());
    (&bytes[..nl], &bytes[(nl + 1).min(bytes.len())..])
}

/// A harness started with this variable in its environment is a test server: one message per
/// test comes on [`CHANNEL_FD`] (a sequenced-packet socket): the nonce, with the test's
/// stdin, stdout, stderr and result channel as descriptors. Ahead of each test the server
/// forks a test process, which takes that message itself and installs the run's seccomp
/// filters (the variable's value, with the stand-ins below) before any learner code runs;
/// meanwhile the server only waits for it to end. The judge never runs two tests of one
/// server at once.
pub const SERVE_ENV: &str = "KATA_SERVE";

/// Stand-ins, in seccomp filters made ahead, for what only the process installing them
/// knows: no pid reaches 2^30 (`pid_max` is at most 2^22), and no descriptor of a run does.
pub const PID_STAND_IN: u32 = 0x3fff_fffe;
pub const FD_STAND_IN: u32 = 0x3fff_fffd;
/// The two halves of the launcher's exec path pointer (see `seccomp::Context::exec_path`).
pub const PATH_STAND_IN_HIGH: u32 = 0x3fff_fffc;
pub const PATH_STAND_IN_LOW: u32 = 0x3fff_fffb;

/// One instruction of a classic BPF program, laid out as the kernel's `struct sock_filter`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instruction {
    pub code: u16,
    pub jt: u8,
    pub jf: u8,
    pub k: u32,
}

/// Seccomp filters made ahead, as text: every instruction as `code:jt:jf:k` in hex,
/// instructions separated by `.`, filters by `;`.
pub fn encode_filters(filters: &[Vec<Instruction>]) -> String {
    filters
        .iter()
        .map(|f| {
            f.iter()
                .map(|i| format!("{:x}:{:x}:{:x}:{:x}", i.code, i.jt, i.jf, i.k))
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// The filters [`encode_filters`] wrote; `None` for text it could not have written.
pub fn decode_filters(text: &str) -> Option<Vec<Vec<Instruction>>> {
    text.split(';')
        .map(|f| {
            f.split('.')
                .map(|i| {
                    let mut p = i.split(':').map(|x| u32::from_str_radix(x, 16).ok());
                    let instruction = Instruction {
                        code: u16::try_from(p.next()??).ok()?,
                        jt: u8::try_from(p.next()??).ok()?,
                        jf: u8::try_from(p.next()??).ok()?,
                        k: p.next()??,
                    };
                    p.next().is_none().then_some(instruction)
                })
                .collect()
        })
        .collect()
}

/// What only the process that installs seccomp filters knows, which filters made ahead hold
/// stand-ins for.
#[derive(Debug, Clone, Copy)]
pub struct StandIns {
    /// The process's own id, which its program keeps (exec keeps the pid).
    pub own_pid: u32,
    /// The descriptor of the program the launcher executes.
    pub exec_fd: u32,
    /// The address of the empty path the launcher gives that `execveat`, on a page mapped at
    /// a random place and gone with the exec: an absolute path makes the kernel ignore the
    /// descriptor, so the program could otherwise exec any file with the descriptor's number,
    /// and it cannot guess where this was.
    pub exec_path: u64,
}

impl StandIns {
    /// The stand-ins themselves: what filters made ahead are made with.
    pub const AHEAD: StandIns = StandIns {
        own_pid: PID_STAND_IN,
        exec_fd: FD_STAND_IN,
        exec_path: ((PATH_STAND_IN_HIGH as u64) << 32) | PATH_STAND_IN_LOW as u64,
    };

    /// `filters` with every stand-in replaced by its value.
    pub fn fill(&self, filters: &[Vec<Instruction>]) -> Vec<Vec<Instruction>> {
        let own_group = (PID_STAND_IN as i32).wrapping_neg() as u32;
        let k = |k: u32| match k {
            PID_STAND_IN => self.own_pid,
            k if k == own_group => (self.own_pid as i32).wrapping_neg() as u32,
            FD_STAND_IN => self.exec_fd,
            PATH_STAND_IN_HIGH => (self.exec_path >> 32) as u32,
            PATH_STAND_IN_LOW => self.exec_path as u32,
            k => k,
        };
        filters
            .iter()
            .map(|f| f.iter().map(|i| Instruction { k: k(i.k), ..*i }).collect())
            .collect()
    }
}

/// Server to judge: the next test's process started (it waits for its test); its pid follows
/// (4 bytes, little-endian) and a pidfd of it rides along.
pub const STARTED: u8 = b'P';
/// Test process to judge, on the control socket it still holds: its guards are set, learner
/// code runs next. A test process that ends before sending it could not set them.
pub const READY: u8 = b'R';
/// Server to judge: the test process ended; its wait status and CPU times follow.
pub const ENDED: u8 = b'E';

/// The [`ENDED`] message: the wait status, user and system CPU time in microseconds, and
/// the peak resident memory in KiB.
pub fn ended(status: i32, user_us: u64, system_us: u64, max_rss_kb: u64) -> [u8; ENDED_LEN] {
    let mut m = [0u8; ENDED_LEN];
    m[0] = ENDED;
    m[1..5].copy_from_slice(&status.to_le_bytes());
    m[5..13].copy_from_slice(&user_us.to_le_bytes());
    m[13..21].copy_from_slice(&system_us.to_le_bytes());
    m[21..29].copy_from_slice(&max_rss_kb.to_le_bytes());
    m
}

/// The length of an [`ENDED`] message.
pub const ENDED_LEN: usize = 29;

/// `(status, user_us, system_us, max_rss_kb)` of an [`ENDED`] message.
pub fn parse_ended(m: &[u8]) -> Option<(i32, u64, u64, u64)> {
    if m.len() != ENDED_LEN || m[0] != ENDED {
        return None;
    }
    let word = |at: usize| u64::from_le_bytes(m[at..at + 8].try_into().expect("8 bytes"));
    Some((
        i32::from_le_bytes(m[1..5].try_into().ok()?),
        word(5),
        word(13),
        word(21),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_and_answer_round_trip() {
        let stdin = frame_input(b"abc", b"1 2 ");
        assert_eq!(split_input(&stdin), (&b"abc"[..], &b"1 2 "[..]));
        let channel = frame_answer(b"abc", |out| out.extend_from_slice(b"3 "));
        assert_eq!(split_answer(&channel, b"abc"), Ok(&b"3 \n"[..]));
    }

    #[test]
    fn the_channel_must_carry_the_runs_nonce() {
        assert_eq!(split_answer(b"xyz\n1 2 ", b"abc"), Err(Unanswered::Forged));
        assert_eq!(split_answer(b"abc", b"abcd"), Err(Unanswered::Forged));
        assert_eq!(split_answer(b"", b"abc"), Err(Unanswered::Empty));
    }

    #[test]
    fn filters_round_trip_as_text_and_their_stand_ins_fill_in() {
        let at = |k| Instruction {
            code: 0x15,
            jt: 1,
            jf: 0,
            k,
        };
        let own_group = (PID_STAND_IN as i32).wrapping_neg() as u32;
        let filters = vec![
            vec![at(PID_STAND_IN), at(own_group), at(7)],
            vec![
                at(FD_STAND_IN),
                at(PATH_STAND_IN_HIGH),
                at(PATH_STAND_IN_LOW),
            ],
        ];
        let text = encode_filters(&filters);
        assert_eq!(decode_filters(&text), Some(filters.clone()));
        assert_eq!(decode_filters("15:1:0:zz"), None);
        assert_eq!(decode_filters("15:1:0:7:9"), None);
        assert_eq!(decode_filters("15:100:0:7"), None);
        let filled = StandIns {
            own_pid: 42,
            exec_fd: 5,
            exec_path: 0x7f12_3456_7000,
        }
        .fill(&filters);
        let ks: Vec<Vec<u32>> = filled
            .iter()
            .map(|f| f.iter().map(|i| i.k).collect())
            .collect();
        assert_eq!(
            ks,
            [vec![42, (-42i32) as u32, 7], vec![5, 0x7f12, 0x3456_7000]]
        );
    }

    #[test]
    fn the_ended_message_round_trips() {
        assert_eq!(
            parse_ended(&ended(-9, 1, u64::MAX, 7)),
            Some((-9, 1, u64::MAX, 7))
        );
        assert_eq!(parse_ended(&ended(0, 0, 0, 0)[..20]), None);
        assert_eq!(parse_ended(b"P1234"), None);
    }
}

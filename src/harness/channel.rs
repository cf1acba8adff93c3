//! The judge's side of the answer channel (framing in [`protocol`]): a fresh nonce for each
//! run, the bound on what a run may write there, and the answer read back.

use super::protocol::{self, Unanswered};
use std::hash::{BuildHasher, Hasher};

/// The channel may carry this many times the expected answer's size (a wrong answer may well
/// be longer: floats printed in full, a longer list), and at least [`MIN_ANSWER_LIMIT`], so
/// that an answer cannot make the judge decode (and hold) far more than it must compare.
pub const ANSWER_FACTOR: usize = 4;
const MIN_ANSWER_LIMIT: usize = 64 << 10;

/// A fresh random token for one run's channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nonce(String);

impl Nonce {
    pub fn new() -> Nonce {
        let a = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(a);
        Nonce(format!("{a:016x}{:016x}", h.finish()))
    }

    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The stdin of a run with these arguments (in the wire format).
    pub fn input(&self, args: &[u8]) -> Vec<u8> {
        protocol::frame_input(self.as_bytes(), args)
    }

    /// Bytes the channel may carry when the expected answer takes `expected_len` bytes.
    pub fn answer_limit(&self, expected_len: usize) -> usize {
        (self.0.len() + 1 + expected_len * ANSWER_FACTOR).max(MIN_ANSWER_LIMIT)
    }

    /// The answer this run wrote on its channel, or why there is none, in words.
    pub fn answer<'c>(&self, channel: &'c [u8]) -> Result<&'c [u8], String> {
        protocol::split_answer(channel, self.as_bytes()).map_err(|why| {
            match why {
                Unanswered::Empty => "the program ended without returning an answer (did it call `std::process::exit`?)",
                Unanswered::Forged => "the result channel carried a forged answer",
            }
            .to_string()
        })
    }
}

impl Default for Nonce {
    fn default() -> Self {
        Nonce::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_differ() {
        assert_ne!(Nonce::new(), Nonce::new());
        assert_eq!(Nonce::new().0.len(), 32);
    }

    #[test]
    fn a_run_answers_on_its_own_nonce_only() {
        let nonce = Nonce::new();
        let other = Nonce::new();
        let channel =
            protocol::frame_answer(nonce.0.as_bytes(), |out| out.extend_from_slice(b"42 "));
        assert_eq!(nonce.answer(&channel).unwrap(), b"42 \n");
        assert!(other.answer(&channel).unwrap_err().contains("forged"));
        assert!(nonce.answer(b"").unwrap_err().contains("process::exit"));
        assert!(nonce.input(b"1 ").starts_with(nonce.0.as_bytes()));
    }

    #[test]
    fn the_answer_limit_follows_the_expected_size() {
        let nonce = Nonce::new();
        assert_eq!(nonce.answer_limit(0), MIN_ANSWER_LIMIT);
        assert_eq!(nonce.answer_limit(1 << 20), 33 + (4 << 20));
    }
}

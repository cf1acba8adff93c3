//! Preparing a submission's tests for their runs: each one's stdin (the arguments in the wire
//! format, which a test server's test process reads after the nonce came with the test, or a
//! stdin kata's text), the answer it expects, and how much its answer channel may carry.

use crate::harness::channel::Nonce;
use crate::kata::{Case, CaseData, Kata};
use crate::run::Stdin;
use crate::signature::{Signature, Ty};
use crate::value::{Value, Wire};

/// One test ready to run.
pub struct Job<'k> {
    pub case: &'k Case,
    pub stdin: Stdin,
    /// A function kata's arguments, to show them.
    pub args: Option<Args>,
    pub expected: Expected<'k>,
    pub nonce: Nonce,
    /// Bytes allowed on the answer channel.
    pub answer_limit: usize,
}

/// What a test expects.
pub enum Expected<'k> {
    /// A function kata's answer (its return value, or its `&mut` parameter's final value).
    Value { value: Value, ty: &'k Ty },
    /// A stdin kata's stdout.
    Text(&'k str),
}

/// A test's arguments: written in the kata file, or generated (kept in the wire format, as
/// the test's stdin, and decoded only to be shown, since a large input costs more to decode
/// than to run).
pub enum Args {
    Values(Vec<Value>),
    Stdin,
}

impl Job<'_> {
    /// A function kata's arguments, as values.
    pub fn arg_values(&self, sig: &Signature) -> Vec<Value> {
        match &self.args {
            Some(Args::Values(v)) => v.clone(),
            Some(Args::Stdin) => {
                let params = Ty::Tuple(sig.params.iter().map(|p| p.ty.clone()).collect());
                match Value::decode(&mut Wire::new(&self.stdin.bytes()), &params) {
                    Ok(Value::Tuple(values)) => values,
                    _ => Vec::new(),
                }
            }
            None => Vec::new(),
        }
    }
}

/// A generated test: its arguments in the wire format and its expected answer, with the
/// answer's size in the wire format (which bounds the channel).
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratedCase {
    pub args: Stdin,
    pub answer: Value,
    pub answer_len: usize,
}

/// A function's arguments in the wire format, one value per parameter.
pub fn encode_args(args: &[Value], sig: &Signature) -> Vec<u8> {
    let mut wire = Vec::new();
    for (v, p) in args.iter().zip(&sig.params) {
        v.encode(&p.ty, &mut wire);
    }
    wire
}

/// How many tests [`jobs`] makes.
pub fn count(kata: &Kata, samples_only: bool) -> usize {
    kata.cases
        .iter()
        .filter(|c| c.sample || !samples_only)
        .count()
}

/// The kata's tests in order (samples only, or all), `generated` giving the generated ones
/// in their order.
pub fn jobs(kata: &Kata, samples_only: bool, generated: Vec<GeneratedCase>) -> Vec<Job<'_>> {
    let mut generated = generated.into_iter();
    let cases = kata.cases.iter().filter(|c| c.sample || !samples_only);
    cases
        .map(|case| {
            let nonce = Nonce::new();
            // Each arm also gives the expected answer's size in the wire format.
            let (stdin, args, expected, expected_len) = match (&case.data, kata.signature()) {
                (CaseData::Function { args, expected }, Some(sig)) => {
                    let wire = encode_args(args, sig);
                    let mut answer = Vec::new();
                    expected.encode(sig.answer_ty(), &mut answer);
                    (
                        Stdin::Bytes(wire),
                        Some(Args::Values(args.clone())),
                        Expected::Value {
                            value: expected.clone(),
                            ty: sig.answer_ty(),
                        },
                        answer.len(),
                    )
                }
                (CaseData::Generated(_), Some(sig)) => {
                    let g = generated.next().expect("one entry per generated case");
                    (
                        g.args,
                        Some(Args::Stdin),
                        Expected::Value {
                            value: g.answer,
                            ty: sig.answer_ty(),
                        },
                        g.answer_len,
                    )
                }
                (CaseData::Stdio { input, expected }, _) => (
                    Stdin::Bytes(input.as_bytes().to_vec()),
                    None,
                    Expected::Text(expected),
                    0,
                ),
                _ => unreachable!("case kinds are checked at load"),
            };
            Job {
                case,
                stdin,
                args,
                expected,
                answer_limit: nonce.answer_limit(expected_len),
                nonce,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn each_test_reads_its_nonce_then_its_arguments() {
        let kata = Kata::parse("add", Path::new("add.toml"), crate::kata::tests::GOOD).unwrap();
        let jobs = jobs(&kata, false, Vec::new());
        assert_eq!(jobs.len(), 2);
        let args = [(-1i32).to_le_bytes(), (-2i32).to_le_bytes()].concat();
        assert_eq!(jobs[1].stdin, Stdin::Bytes(args));
        assert!(matches!(
            jobs[1].expected,
            Expected::Value {
                value: Value::Int(-3),
                ..
            }
        ));
        assert_ne!(jobs[0].nonce, jobs[1].nonce);
        assert_eq!(super::jobs(&kata, true, Vec::new()).len(), 1);
    }
}

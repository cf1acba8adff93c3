//! `kata stress`: the search for an input on which a program and the reference solution
//! differ. Inputs are drawn from the kata's generator with sizes growing from 0; once one
//! differs, smaller ones are drawn for a few batches more, and the smallest that differs is
//! kept, with the `[[tests]]` entry that makes it a test. The judging is the judge's
//! ([`Judge::judge_draws`]); this module only chooses what to draw.

use crate::error::Result;
use crate::judge::{Drawn, Judge, Stage, Submission};
use crate::kata::{Generate, Kata};
use crate::report::Report;
use crate::value::{call_parts, Value};
use crate::verdict::Verdict;
use std::time::{Duration, Instant};

/// Inputs in a batch, per core: enough that every core stays busy between the batches'
/// phases (generator, reference, program), few enough that the budget is kept to a batch.
const PER_WORKER: usize = 4;
/// Batches of smaller inputs drawn once one differs.
const SHRINK_BATCHES: usize = 4;

/// How a search ended.
#[derive(Debug)]
pub struct Outcome {
    /// The program did not compile: its report, and nothing was drawn.
    pub compile_error: Option<Report>,
    /// Inputs the program ran on.
    pub inputs: usize,
    /// The largest size drawn.
    pub largest: usize,
    /// How many inputs differed.
    pub differing: usize,
    /// The time spent drawing and running (building not counted).
    pub elapsed: Duration,
    /// The smallest input found that differs.
    pub found: Option<Drawn>,
}

/// How far a search is, for a progress line.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub inputs: usize,
    pub size: usize,
    pub differing: usize,
}

/// Runs `sub` against the reference on inputs drawn from its kata's generator for at most
/// `budget` (and the batch under way), stopping early once a differing input has been made as
/// small as a few more batches can.
pub fn stress(
    judge: &Judge,
    sub: &Submission,
    budget: Duration,
    on_stage: &(dyn Fn(Stage) + Sync),
    on_progress: &dyn Fn(Progress),
) -> Result<Outcome> {
    let batch = PER_WORKER * crate::schedule::workers();
    let mut search = Search::new(batch);
    let mut started: Option<Instant> = None;
    let compile_error = judge.judge_draws(sub, on_stage, &mut |results| {
        // The clock starts once the programs are built.
        let start = *started.get_or_insert_with(Instant::now);
        search.take(results);
        on_progress(search.progress());
        search.next(start.elapsed() < budget)
    })?;
    Ok(Outcome {
        compile_error,
        inputs: search.inputs,
        largest: search.largest,
        differing: search.differing,
        elapsed: started.map(|s| s.elapsed()).unwrap_or_default(),
        found: search.best,
    })
}

/// What to draw next, from what the draws so far gave: a pure state machine.
#[derive(Debug)]
struct Search {
    batch: usize,
    /// Seeds are numbered draws, so a search is the same on every run and every input found
    /// can be drawn again by its seed and size.
    next_seed: u64,
    inputs: usize,
    largest: usize,
    differing: usize,
    best: Option<Drawn>,
    /// Batches of smaller inputs still to draw once one differs.
    shrink_left: usize,
}

impl Search {
    fn new(batch: usize) -> Search {
        Search {
            batch: batch.max(1),
            next_seed: 0,
            inputs: 0,
            largest: 0,
            differing: 0,
            best: None,
            shrink_left: SHRINK_BATCHES,
        }
    }

    /// Takes in a batch's results: the smallest that differs is kept.
    fn take(&mut self, results: Vec<Drawn>) {
        self.inputs += results.len();
        for d in results {
            self.largest = self.largest.max(d.draw.size);
            if d.test.verdict == Verdict::Accepted {
                continue;
            }
            self.differing += 1;
            if self
                .best
                .as_ref()
                .is_none_or(|b| smallness(&d) < smallness(b))
            {
                self.best = Some(d);
            }
        }
    }

    fn progress(&self) -> Progress {
        Progress {
            inputs: self.inputs,
            size: self.largest,
            differing: self.differing,
        }
    }

    /// The next batch, or `None` when the search is over.
    fn next(&mut self, time_left: bool) -> Option<Vec<Generate>> {
        if !time_left {
            return None;
        }
        let sizes: Vec<usize> = match &self.best {
            None => (0..self.batch as u64)
                .map(|i| size_at(self.next_seed + i))
                .collect(),
            Some(best) => {
                if self.shrink_left == 0 || best.draw.size == 0 {
                    return None;
                }
                self.shrink_left -= 1;
                // Sizes spread below the best one's, each with a seed not drawn before.
                let below = best.draw.size;
                (0..self.batch).map(|j| j * below / self.batch).collect()
            }
        };
        let batch = sizes
            .into_iter()
            .map(|size| {
                let seed = self.next_seed;
                self.next_seed += 1;
                Generate { seed, size }
            })
            .collect();
        Some(batch)
    }
}

/// The size of the `i`-th draw: 0, 1, 2, 2, 2, 3, …, each size drawn about as many times as
/// it is large, so that small inputs, where a bug is easiest to read, come first and often.
fn size_at(i: u64) -> usize {
    (2 * i).isqrt() as usize
}

/// Which of two differing inputs is smaller: the shorter arguments as printed, then the
/// smaller size and seed.
fn smallness(d: &Drawn) -> (usize, usize, u64) {
    let printed = d.args.iter().map(|v| v.compact().len()).sum();
    (printed, d.draw.size, d.draw.seed)
}

/// The `[[tests]]` entry that makes a drawn input a test of the kata, ready to paste. A design
/// kata's calls stop at the first that failed: the ones after it do not matter.
pub fn test_entry(kata: &Kata, d: &Drawn) -> String {
    let name = crate::generate::draw_name(d.draw);
    if let (Some(design), [Value::List(calls)], Value::List(results)) =
        (kata.design(), d.args.as_slice(), &d.expected)
    {
        let end = d
            .test
            .call
            .map_or(calls.len(), |c| (c + 1).min(calls.len()));
        let lines: Vec<String> = calls[..end]
            .iter()
            .zip(results)
            .map(|(call, result)| {
                let (index, args) = call_parts(call);
                let mut items = vec![toml::Value::String(design.methods[index].name.clone())];
                items.extend(args.iter().map(to_toml));
                items.extend(call_parts(result).1.iter().map(to_toml));
                format!("  {},", toml::Value::Array(items))
            })
            .collect();
        return format!(
            "[[tests]]\nname = \"found by kata stress ({name})\"\ncalls = [\n{}\n]\n",
            lines.join("\n")
        );
    }
    let args = toml::Value::Array(d.args.iter().map(to_toml).collect());
    format!(
        "[[tests]]\nname = \"found by kata stress ({name})\"\nargs = {args}\nexpected = {}\n",
        to_toml(&d.expected)
    )
}

/// A value in the TOML form `Value::from_toml` reads back (see the types table of the kata
/// format): integers past `i64` as strings, chars as one-character strings, tuples as
/// arrays, `None` as `[]` and `Some(x)` as `[x]`.
fn to_toml(v: &Value) -> toml::Value {
    use toml::Value as T;
    match v {
        Value::Int(n) => i64::try_from(*n).map_or_else(|_| T::String(n.to_string()), T::Integer),
        Value::Float(x) => T::Float(*x),
        Value::Bool(b) => T::Boolean(*b),
        Value::Char(c) => T::String(c.to_string()),
        Value::Str(s) => T::String(s.clone()),
        Value::List(items) | Value::Tuple(items) => T::Array(items.iter().map(to_toml).collect()),
        Value::Option(None) => T::Array(Vec::new()),
        Value::Option(Some(x)) => T::Array(vec![to_toml(x)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TestReport;
    use std::path::Path;

    fn drawn(seed: u64, size: usize, verdict: Verdict, args: Vec<Value>) -> Drawn {
        Drawn {
            draw: Generate { seed, size },
            args,
            expected: Value::Int(0),
            test: TestReport {
                name: String::new(),
                sample: true,
                verdict,
                time: Duration::ZERO,
                reason: None,
                output: String::new(),
                detail: None,
                call: None,
            },
        }
    }

    #[test]
    fn sizes_grow_from_zero_and_every_size_comes() {
        let sizes: Vec<usize> = (0..10).map(size_at).collect();
        assert_eq!(sizes, [0, 1, 2, 2, 2, 3, 3, 3, 4, 4]);
        assert!((0..1000)
            .map(size_at)
            .collect::<Vec<_>>()
            .windows(2)
            .all(|w| w[1] - w[0] <= 1));
    }

    #[test]
    fn a_difference_is_shrunk_for_a_few_batches_then_the_smallest_is_kept() {
        let mut s = Search::new(4);
        let first = s.next(true).unwrap();
        assert_eq!(
            first.iter().map(|g| g.seed).collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
        s.take(vec![
            drawn(
                2,
                9,
                Verdict::WrongAnswer,
                vec![Value::Str("abcdef".into())],
            ),
            drawn(3, 9, Verdict::RuntimeError, vec![Value::Str("abc".into())]),
            drawn(4, 1, Verdict::Accepted, vec![Value::Str("a".into())]),
        ]);
        assert_eq!(s.differing, 2);
        assert_eq!(s.best.as_ref().unwrap().draw.seed, 3);
        let mut shrink_batches = 0;
        while let Some(batch) = s.next(true) {
            assert!(batch.iter().all(|g| g.size < 9 && g.seed >= 4));
            shrink_batches += 1;
        }
        assert_eq!(shrink_batches, SHRINK_BATCHES);
        // No time left: no batch, found or not.
        assert!(Search::new(4).next(false).is_none());
    }

    #[test]
    fn the_test_entry_reads_back_as_the_same_values() {
        let sig = "pub fn f(a: &[(u8, char)], b: Option<String>, c: i128, d: f64) -> Vec<bool>";
        let text = format!(
            "title = \"F\"\ntopic = \"t\"\ndifficulty = \"easy\"\nstatement = \"s\"\n\
             [function]\nsignature = \"{sig}\"\n[[samples]]\nargs = [[], [], 0, 0.0]\nexpected = []\n"
        );
        let mut d = drawn(
            7,
            3,
            Verdict::WrongAnswer,
            vec![
                Value::List(vec![Value::Tuple(vec![Value::Int(255), Value::Char('é')])]),
                Value::Option(Some(Box::new(Value::Str("a \"q\"\n".into())))),
                Value::Int(i128::from(i64::MAX) * 4),
                Value::Float(4516.974),
            ],
        );
        d.expected = Value::List(vec![Value::Bool(true)]);
        let kata = Kata::parse("f", Path::new("f.toml"), &text).unwrap();
        let entry = test_entry(&kata, &d);
        assert!(
            entry.contains("name = \"found by kata stress (seed 7, size 3)\""),
            "{entry}"
        );
        let kata = Kata::parse("f", Path::new("f.toml"), &format!("{text}{entry}")).unwrap();
        match &kata.cases[1].data {
            crate::kata::CaseData::Function { args, expected } => {
                assert_eq!(args, &d.args);
                assert_eq!(expected, &d.expected);
            }
            other => panic!("{other:?}"),
        }
    }
}

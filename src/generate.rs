//! Generated tests: a kata's `[generator]` makes the arguments of its large tests and the
//! reference solution their answers. Both programs are built only when a case is not in the
//! cache, where each case is kept by everything it depends on. [`Drawer`] answers inputs
//! drawn at will from the same two programs.

use crate::cache::{self, Entry, Kind};
use crate::compile::{Compiled, Compiler, Unit};
use crate::error::{Error, Result};
use crate::harness::channel::Nonce;
use crate::harness::layout::SourceFile;
use crate::harness::{self};
use crate::kata::{CaseData, Generate, Kata};
use crate::prepare::GeneratedCase;
use crate::run::{self, Limits, Program, Stdin};
use crate::schedule;
use crate::signature::{Design, IntTy, Signature, Ty};
use crate::value::{self, Value, Wire};
use crate::verdict;
use std::path::PathBuf;
use std::time::Duration;

/// A case as made: its arguments and answer in the wire format.
struct Stored {
    args: Vec<u8>,
    answer: Vec<u8>,
}

/// A cache entry of bytes as they are. A generated case is two: its answer (`KEY`) and its
/// arguments (`KEY.args`), a file of their own, which becomes the test's stdin as it is: the
/// judge never reads the megabytes of a large input, and the program sees its arguments and
/// nothing else (never the answer).
struct Raw(Vec<u8>);

impl Entry for Raw {
    const KIND: Kind = Kind::Generated;

    fn encode(&self) -> Vec<u8> {
        self.0.clone()
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        Some(Raw(bytes.to_vec()))
    }
}

/// Names the layout of generated entries in their keys: entries of another layout are never
/// taken for these.
const LAYOUT: &[u8] = b"answer; arguments in KEY.args";

/// A cached case: its answer, decoded, and the path of its arguments.
fn cached_case(cache: &cache::Cache, key: &str, sig: &Signature) -> Option<GeneratedCase> {
    let args_name = format!("{key}.args");
    let path = cache.file(Kind::Generated, &args_name)?;
    let len = std::fs::metadata(&path).ok()?.len() as usize;
    let Raw(answer) = cache.load::<Raw>(key)?;
    // An entry whose answer does not decode is as good as absent.
    answer_case(Stdin::File { path, len }, &answer, sig).ok()
}

/// The kata's generated cases, in order.
pub fn cases(compiler: &Compiler, kata: &Kata) -> Result<Vec<GeneratedCase>> {
    let sig = kata
        .signature()
        .expect("generated tests need a function kata");
    let (_, sol_source) = reference(kata)?;
    let base = [
        LAYOUT,
        kata.source.as_bytes(),
        sol_source.as_bytes(),
        harness::RT_SOURCE.as_bytes(),
        compiler.toolchain.version.as_bytes(),
    ];
    let mut out = Vec::new();
    let mut built: Option<(PathBuf, PathBuf)> = None;
    for case in &kata.cases {
        let CaseData::Generated(g) = case.data else {
            continue;
        };
        let seed = g.seed.to_le_bytes();
        let size = (g.size as u64).to_le_bytes();
        let mut parts = base.to_vec();
        parts.extend([&seed[..], &size[..]]);
        let key = cache::key(&parts);
        if let Some(case) = cached_case(compiler.cache, &key, sig) {
            out.push(case);
            continue;
        }
        if built.is_none() {
            built = Some(build(compiler, kata)?);
        }
        let (gen_bin, ref_bin) = built.as_ref().expect("just built");
        let stored = produce(kata, &case.name, g, gen_bin, ref_bin)?;
        let args_name = format!("{key}.args");
        // The arguments first: an answer found in the cache has its arguments beside it.
        compiler.cache.store(&args_name, &Raw(stored.args.clone()));
        compiler.cache.store(&key, &Raw(stored.answer.clone()));
        let args = match compiler.cache.file(Kind::Generated, &args_name) {
            Some(path) => Stdin::File {
                path,
                len: stored.args.len(),
            },
            // A cache that cannot be written only costs time.
            None => Stdin::Bytes(stored.args),
        };
        let case = answer_case(args, &stored.answer, sig)
            .map_err(|why| malformed(kata, &case.name, &why))?;
        out.push(case);
    }
    Ok(out)
}

fn malformed(kata: &Kata, name: &str, why: &str) -> Error {
    Error::input(format!(
        "{}: test {name:?}: the reference solution's answer is malformed: {why}",
        kata.path.display()
    ))
}

/// The generator and the reference solution of a kata, built, to answer inputs drawn at will
/// (`kata stress`) rather than the kata's own generated tests.
pub struct Drawer {
    generator: PathBuf,
    reference: PathBuf,
}

impl Drawer {
    /// Builds (or finds in the cache) the kata's generator and reference solution.
    pub fn build(compiler: &Compiler, kata: &Kata) -> Result<Drawer> {
        if kata.signature().is_none() || kata.generator.is_none() {
            return Err(Error::input(format!(
                "{}: has no [generator] to draw inputs from",
                kata.path.display()
            )));
        }
        let (generator, reference) = build(compiler, kata)?;
        Ok(Drawer {
            generator,
            reference,
        })
    }

    /// The arguments and the reference's answer of each draw, side by side, made afresh:
    /// draws are small and many, so none is worth a cache entry.
    pub fn draw(&self, kata: &Kata, draws: &[Generate]) -> Result<Vec<GeneratedCase>> {
        let sig = kata.signature().expect("checked when built");
        let one = |g: &Generate| {
            let name = draw_name(*g);
            let stored = produce(kata, &name, *g, &self.generator, &self.reference)?;
            answer_case(Stdin::Bytes(stored.args), &stored.answer, sig)
                .map_err(|why| malformed(kata, &name, &why))
        };
        schedule::run_all(draws, schedule::workers(), |g| g.size, one, |_| {})
            .into_iter()
            .collect()
    }
}

/// How a drawn input is named, in messages and reports.
pub fn draw_name(g: Generate) -> String {
    format!("seed {}, size {}", g.seed, g.size)
}

fn answer_case(args: Stdin, answer: &[u8], sig: &Signature) -> Result<GeneratedCase, String> {
    Ok(GeneratedCase {
        args,
        answer: Value::decode(&mut Wire::new(answer), sig.answer_ty())?,
        answer_len: answer.len(),
    })
}

fn reference(kata: &Kata) -> Result<&(PathBuf, String)> {
    kata.solution.as_ref().ok_or_else(|| {
        Error::input(format!(
            "{}: needs the reference solution solutions/{}.rs",
            kata.path.display(),
            kata.id
        ))
    })
}

/// Builds the generator and the reference solution, side by side.
fn build(compiler: &Compiler, kata: &Kata) -> Result<(PathBuf, PathBuf)> {
    let gen_source = kata.generator.as_deref().expect("checked at load");
    let gen_file = SourceFile::named(
        "generator.rs",
        "",
        harness::generator_main(&kata.kind, gen_source),
    );
    let gen_unit = Unit {
        file: &gen_file,
        harness: None,
        forbid_unsafe: true,
    };
    let (g, r) = std::thread::scope(|s| {
        let g = s.spawn(|| {
            build_unit(
                compiler,
                &gen_unit,
                format!("the generator of {}", kata.path.display()),
            )
        });
        let r = build_reference(compiler, kata);
        (g.join().expect("generator build"), r)
    });
    Ok((g?, r?))
}

/// Builds (or finds in the cache) the kata's reference solution, with the harness around a
/// function kata's function.
pub fn build_reference(compiler: &Compiler, kata: &Kata) -> Result<PathBuf> {
    let (sol_path, sol_source) = reference(kata)?;
    let sol_file = SourceFile::named(&format!("{}.rs", kata.id), "solutions/", sol_source.clone());
    let ref_unit = Unit {
        file: &sol_file,
        harness: harness::around(&kata.kind, &sol_file),
        forbid_unsafe: true,
    };
    build_unit(
        compiler,
        &ref_unit,
        format!("the reference solution {}", sol_path.display()),
    )
}

/// A program of the kata's own, which must compile.
fn build_unit(compiler: &Compiler, unit: &Unit, what: String) -> Result<PathBuf> {
    match compiler.build(unit)? {
        Compiled::Binary(p) => Ok(p),
        Compiled::Failed(diag) => Err(Error::input(format!("{what} does not compile:\n{diag}"))),
    }
}

/// Runs the generator and the reference on one generated case.
fn produce(
    kata: &Kata,
    name: &str,
    g: Generate,
    gen_bin: &std::path::Path,
    ref_bin: &std::path::Path,
) -> Result<Stored> {
    let limits = Limits {
        time: Duration::from_secs(20),
        memory: 4 << 30,
        output: 1 << 30,
        stdout_kept: 1 << 30,
        answer: run::MAX_CHANNEL,
    };
    let fail = |what: &str, why: String| {
        Error::input(format!(
            "{}: test {name:?}: the {what} failed: {why}",
            kata.path.display()
        ))
    };
    let program = Program {
        binary: gen_bin,
        read: Vec::new(),
    };
    // The generator reads its seed and size after an empty nonce line, like any harness.
    let mut stdin = b"\n".to_vec();
    Value::Int(g.seed.into()).encode(&Ty::Int(IntTy::U64), &mut stdin);
    Value::Int(g.size as i128).encode(&Ty::Int(IntTy::Usize), &mut stdin);
    let o = run::run(&program, &stdin, limits)?;
    if let Some((v, why)) = verdict::classify(&o, &limits) {
        return Err(fail("generator", format!("{}: {why}", v.label())));
    }
    let args = o.stdout;
    if let Some(design) = kata.design() {
        check_calls(design, &args).map_err(|why| fail("generator", why))?;
    }
    let nonce = Nonce::new();
    let program = Program {
        binary: ref_bin,
        read: Vec::new(),
    };
    let o = run::run(&program, &nonce.input(&args), limits)?;
    if let Some((v, why)) = verdict::classify(&o, &limits) {
        return Err(fail("reference solution", format!("{}: {why}", v.label())));
    }
    let answer = nonce
        .answer(&o.channel)
        .map_err(|why| fail("reference solution", why))?;
    Ok(Stored {
        args,
        answer: answer.to_vec(),
    })
}

/// That a design kata's generated calls read back and start with the constructor, which
/// they call only there (the harness takes the first call for the constructor).
fn check_calls(design: &Design, args: &[u8]) -> std::result::Result<(), String> {
    let calls = match Value::decode(&mut Wire::new(args), &design.sig.params[0].ty)? {
        Value::List(calls) => calls,
        _ => unreachable!("calls decode as a list"),
    };
    if calls.is_empty() {
        return Err("it made no calls: a sequence starts with the constructor".into());
    }
    for (position, call) in calls.iter().enumerate() {
        let (index, _) = value::call_parts(call);
        if let Some(why) = design.misplaced(position, index) {
            return Err(format!("call {}: {why}", position + 1));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_case_is_its_answer_with_its_arguments_file_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache::Cache::at(dir.path().to_path_buf());
        let sig = Signature::parse("pub fn f(x: i64) -> i64").unwrap();
        let args = 5i64.to_le_bytes().to_vec();
        cache.store("k1", &Raw(6i64.to_le_bytes().to_vec()));
        // The answer alone is not a case.
        assert!(cached_case(&cache, "k1", &sig).is_none());
        cache.store("k1.args", &Raw(args.clone()));
        let case = cached_case(&cache, "k1", &sig).unwrap();
        assert_eq!(case.answer, Value::Int(6));
        assert_eq!(case.answer_len, 8);
        match &case.args {
            Stdin::File { path, len } => {
                assert_eq!(*len, 8);
                assert_eq!(std::fs::read(path).unwrap(), args);
            }
            other => panic!("{other:?}"),
        }
        // An answer that does not decode is as good as absent.
        cache.store("k1", &Raw(vec![1, 2]));
        assert!(cached_case(&cache, "k1", &sig).is_none());
    }
}

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
use crate::run::{self, Limits, Program};
use crate::schedule;
use crate::signature::{Design, IntTy, Signature, Ty};
use crate::value::{self, Value, Wire};
use crate::verdict;
use std::path::PathBuf;
use std::time::Duration;

/// A case as cached: its arguments and answer in the wire format.
struct Stored {
    args: Vec<u8>,
    answer: Vec<u8>,
}

impl Entry for Stored {
    const KIND: Kind = Kind::Generated;

    /// The arguments' length, the arguments, the answer: no parsing on the way back, which
    /// matters for inputs of megabytes.
    fn encode(&self) -> Vec<u8> {
        let mut bytes = (self.args.len() as u64).to_le_bytes().to_vec();
        bytes.extend_from_slice(&self.args);
        bytes.extend_from_slice(&self.answer);
        bytes
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        let len = usize::try_from(u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?)).ok()?;
        let args = bytes.get(8..8usize.checked_add(len)?)?.to_vec();
        Some(Stored {
            args,
            answer: bytes[8 + len..].to_vec(),
        })
    }
}

/// The kata's generated cases, in order.
pub fn cases(compiler: &Compiler, kata: &Kata) -> Result<Vec<GeneratedCase>> {
    let sig = kata
        .signature()
        .expect("generated tests need a function kata");
    let (_, sol_source) = reference(kata)?;
    let base = [
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
        // An entry whose answer does not decode is as good as absent.
        if let Some(case) = compiler
            .cache
            .load::<Stored>(&key)
            .and_then(|s| generated_case(s, sig).ok())
        {
            out.push(case);
            continue;
        }
        if built.is_none() {
            built = Some(build(compiler, kata)?);
        }
        let (gen_bin, ref_bin) = built.as_ref().expect("just built");
        let stored = produce(kata, &case.name, g, gen_bin, ref_bin)?;
        compiler.cache.store(&key, &stored);
        let case = generated_case(stored, sig).map_err(|why| malformed(kata, &case.name, &why))?;
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
            generated_case(stored, sig).map_err(|why| malformed(kata, &name, &why))
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

fn generated_case(stored: Stored, sig: &Signature) -> Result<GeneratedCase, String> {
    let answer = Value::decode(&mut Wire::new(&stored.answer), sig.answer_ty())?;
    Ok(GeneratedCase {
        args: stored.args,
        answer,
        answer_len: stored.answer.len(),
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
        main: None,
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
        main: harness::main(&kata.kind, &sol_file),
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
    fn stored_cases_round_trip_and_a_short_entry_is_absent() {
        let stored = Stored {
            args: b"\x03\0\0\0\0\0\0\0\x01\x02\x03".to_vec(),
            answer: b"\x06\n".to_vec(),
        };
        let back = Stored::decode(&stored.encode()).unwrap();
        assert_eq!((back.args, back.answer), (stored.args, stored.answer));
        assert!(Stored::decode(b"\xff\xff\xff\xff\xff\xff\xff\x7f12").is_none());
        assert!(Stored::decode(b"123").is_none());
    }
}

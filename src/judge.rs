//! The conductor: judging one submission is building it (and, once per kata, the generated
//! tests), then, unless the same program was judged on the same kata before, preparing its
//! tests, running them side by side under their limits, deciding each verdict and making the
//! report. Each step is its own module; this one orders them and hands each the last one's
//! result. Every front end (`submit`, `test`, `validate`, ...) calls [`Judge::judge`];
//! `stress` calls [`Judge::judge_draws`], the same steps on inputs drawn from the generator;
//! `grade` calls [`Judge::prepare`] once per kata and [`Judge::judge_prepared`] per file.

use crate::cache::{self, Cache, JsonEntry, Kind};
use crate::color::Color;
use crate::compile::{Compiled, Compiler, Linkage, Unit};
use crate::error::Result;
use crate::generate;
use crate::harness::channel::Nonce;
use crate::harness::{self, layout::SourceFile};
use crate::kata::{self, Case, CaseData, Generate, Kata, Reveal};
use crate::linker::Linker;
use crate::prepare::{self, Expected, Job};
use crate::report::{Header, Report, Shown, TestReport};
use crate::run::{self, Limits, Outcome, Program};
use crate::sandbox;
use crate::schedule;
use crate::toolchain::Toolchain;
use crate::value::Value;
use crate::verdict::{self, Answer, Verdict};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::mpsc;

/// Bytes allowed on each of stdout and stderr.
const OUTPUT_LIMIT: usize = 16 << 20;

/// What the judge is doing, for a progress line.
#[derive(Debug, Clone, Copy)]
pub enum Stage {
    Compiling,
    Running { done: usize, total: usize },
}

/// A file to judge against a kata.
pub struct Submission<'a> {
    pub kata: &'a Kata,
    pub file: SourceFile,
    /// Run the samples only (`kata test`).
    pub samples_only: bool,
    /// Run the tests even if this program was judged on this kata before.
    pub rerun: bool,
}

/// A kata ready to judge many files: what [`Judge::prepare`] built once.
pub struct Prepared<'k> {
    kata: &'k Kata,
    generated: Vec<prepare::GeneratedCase>,
}

/// One input drawn from a kata's generator, and how a submission did on it.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub draw: Generate,
    pub args: Vec<Value>,
    /// The reference solution's answer.
    pub expected: Value,
    /// The submission's run, judged as a test named after the draw.
    pub test: TestReport,
}

/// A learner's own input (`kata run`): a function kata's arguments, or a stdin kata's text.
#[derive(Debug, Clone)]
pub enum Input {
    Args(Vec<Value>),
    Stdin(String),
}

/// How one program did on a learner's input.
#[derive(Debug, Clone)]
pub struct Ran {
    /// Its answer (a function's value, or a stdin kata's stdout), when it ran to its end.
    pub answer: Option<Answer>,
    /// How it ended, when that was not normally: the verdict and why.
    pub failure: Option<(Verdict, String)>,
    /// CPU time.
    pub time: std::time::Duration,
    /// A function kata's debugging output (what it printed), shortened.
    pub output: String,
}

/// The learner's program and the reference solution on the learner's input.
#[derive(Debug, Clone)]
pub struct InputReport {
    pub reference: Ran,
    pub learner: Ran,
    /// The checker's decision on the learner's run, against the reference's answer; `None`
    /// when the reference has no answer (the input is outside what it handles).
    pub verdict: Option<Verdict>,
    /// The whole decision behind `verdict` (a design kata's first failed call and the
    /// results before it).
    pub decision: Option<verdict::Decision>,
}

/// Where judging happens: the compiler, the cache, what the compiler may not read, and what
/// this machine lacks. Made once per command, for any number of submissions.
pub struct Judge {
    toolchain: Toolchain,
    cache: Cache,
    /// Colour in compiler diagnostics.
    color: Color,
    /// Paths the compiler must not read even inside the folders it may (hidden tests).
    hidden: Vec<PathBuf>,
    linkage: Linkage,
    linker: Linker,
    warnings: Vec<String>,
}

/// The sandbox guards this machine lacks, remembered per boot and user.
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
struct MissingGuards(Vec<String>);

impl JsonEntry for MissingGuards {
    const KIND: Kind = Kind::Guards;
}

/// Whether runs get a mount namespace of their own, remembered per boot and user.
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
struct OwnRoot(bool);

impl JsonEntry for OwnRoot {
    const KIND: Kind = Kind::Guards;
}

impl JsonEntry for Report {
    const KIND: Kind = Kind::Report;
}

impl Judge {
    /// The judge for the katas of `katas`; `color`: colour in diagnostics.
    pub fn new(katas: &kata::Source, color: Color) -> Result<Judge> {
        let (cache, cache_warning) = Cache::locate();
        let toolchain = Toolchain::detect_cached(&cache)?;
        let hidden = hidden_paths(katas, &cache);
        // Before anything runs in the sandbox: the runs' libraries are fixed with its
        // namespaces.
        let linkage = Linkage::choose(&toolchain, &hidden, || {
            per_boot(
                &cache,
                "own root",
                || OwnRoot(sandbox::runs_have_own_root()),
            )
            .0
        });
        let linker = Linker::find(&toolchain, &cache, |l| linkage.program_flags(l));
        let mut warnings = missing_guards(&cache);
        warnings.extend(cache_warning);
        Ok(Judge {
            toolchain,
            cache,
            color,
            hidden,
            linkage,
            linker,
            warnings,
        })
    }

    /// What the learner should know about this machine: missing sandbox guards, a cache that
    /// could not be used.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    fn compiler(&self) -> Compiler<'_> {
        Compiler {
            toolchain: &self.toolchain,
            cache: &self.cache,
            color: self.color,
            hidden: &self.hidden,
            linkage: &self.linkage,
            linker: &self.linker,
        }
    }

    /// Judges `sub`, telling `on_stage` how far it is.
    pub fn judge(&self, sub: &Submission, on_stage: &(dyn Fn(Stage) + Sync)) -> Result<Report> {
        // A program judged before on this kata: its report, without reading the generated
        // tests (megabytes, for a large kata).
        if let Some(report) = self
            .compiler()
            .cached(&unit(sub))
            .and_then(|binary| self.cached_report(sub, &binary))
        {
            return Ok(report);
        }
        on_stage(Stage::Compiling);
        self.build_and_run(sub, schedule::workers(), on_stage, || self.build(sub))
    }

    /// Builds `sub`'s program with `build` and runs its tests, while its test servers start
    /// on a thread of their own (see `servers_ahead`), which lives until the tests end: a
    /// server dies with the thread that started it (see `Policy::command`).
    fn build_and_run(
        &self,
        sub: &Submission,
        workers: usize,
        on_stage: &(dyn Fn(Stage) + Sync),
        build: impl FnOnce() -> Result<(Compiled, Vec<prepare::GeneratedCase>)>,
    ) -> Result<Report> {
        let place = self.compiler().binary_path(&unit(sub));
        let place = place.as_deref();
        std::thread::scope(|s| {
            let (started, servers) = mpsc::channel();
            let (done, ended) = mpsc::channel::<()>();
            s.spawn(move || {
                let _ = started.send(self.servers_ahead(sub, place, workers));
                let _ = ended.recv();
            });
            let report = (|| {
                let (compiled, generated) = build()?;
                let binary = match compiled {
                    Compiled::Binary(p) => p,
                    Compiled::Failed(diag) => return Ok(Report::compile_error(header(sub), diag)),
                };
                let mut ahead = match place == Some(binary.as_path()) {
                    true => servers.recv().unwrap_or_default(),
                    false => Vec::new(),
                };
                // All at once: each has the program to load before its first test.
                ahead.iter_mut().for_each(run::Server::go);
                self.run_built(sub, &binary, generated, workers, on_stage, ahead)
            })();
            drop(done);
            report
        })
    }

    /// The test servers of `sub`'s program, one per worker its tests will keep busy,
    /// started now that its place in the cache (`binary`) is known, while it compiles (see
    /// `run::Server::ahead`); none for a program that does not serve its tests, or whose
    /// place is not known yet (its kata's harness is not built). One that cannot start is
    /// started again, and says why, at the first test.
    fn servers_ahead<'b>(
        &self,
        sub: &Submission,
        binary: Option<&'b std::path::Path>,
        workers: usize,
    ) -> Vec<run::Server<'b>> {
        let kata = sub.kata;
        let (Some(binary), true) = (binary, serves(kata)) else {
            return Vec::new();
        };
        let tests = prepare::count(kata, sub.samples_only);
        (0..workers.clamp(1, tests.max(1)))
            .filter_map(|_| {
                let program = Program {
                    binary,
                    read: Vec::new(),
                };
                run::Server::ahead(program, limits(kata, 0)).ok()
            })
            .collect()
    }

    /// The kata made ready for judging many files (`kata grade`): the harness runtime and
    /// the generated tests, built and read once for all of them.
    pub fn prepare<'k>(&self, kata: &'k Kata) -> Result<Prepared<'k>> {
        let compiler = self.compiler();
        compiler.runtime()?;
        let generated = if kata
            .cases
            .iter()
            .any(|c| matches!(c.data, CaseData::Generated(_)))
        {
            generate::cases(&compiler, kata)?
        } else {
            Vec::new()
        };
        Ok(Prepared { kata, generated })
    }

    /// Judges `file` on a prepared kata, as [`Judge::judge`] would, its tests on up to
    /// `workers` threads.
    pub fn judge_prepared(
        &self,
        prepared: &Prepared,
        file: SourceFile,
        workers: usize,
    ) -> Result<Report> {
        let sub = Submission {
            kata: prepared.kata,
            file,
            samples_only: false,
            rerun: false,
        };
        let built = || {
            Ok((
                self.compiler().build(&unit(&sub))?,
                prepared.generated.clone(),
            ))
        };
        self.build_and_run(&sub, workers, &|_| {}, built)
    }

    /// The tests of a built program, or its report of an earlier run.
    /// The cached report of `binary` on `sub`'s kata, unless `sub` asks to run again.
    fn cached_report(&self, sub: &Submission, binary: &std::path::Path) -> Option<Report> {
        if sub.rerun {
            return None;
        }
        let report = self.cache.load::<Report>(&report_key(sub, binary))?;
        Some(Report {
            cached: true,
            ..report
        })
    }

    fn run_built(
        &self,
        sub: &Submission,
        binary: &std::path::Path,
        generated: Vec<prepare::GeneratedCase>,
        workers: usize,
        on_stage: &(dyn Fn(Stage) + Sync),
        servers: Vec<run::Server>,
    ) -> Result<Report> {
        let kata = sub.kata;
        if let Some(report) = self.cached_report(sub, binary) {
            return Ok(report);
        }
        let key = report_key(sub, binary);
        let jobs = prepare::jobs(kata, sub.samples_only, generated);
        let tests = run_tests(kata, binary, &jobs, workers, on_stage, servers)?;
        let report = Report::ran(header(sub), tests);
        if report.is_deterministic() {
            self.cache.store(&key, &report);
        }
        Ok(report)
    }

    /// Judges `sub` on inputs drawn from the kata's generator instead of its tests, each
    /// answered afresh by the reference solution, batch after batch (`kata stress`): `next`
    /// is given how the last batch went (nothing, the first time) and returns the next one,
    /// or `None` to stop. The programs are built once; a program that does not compile ends
    /// it with the report of its compile error.
    pub fn judge_draws(
        &self,
        sub: &Submission,
        on_stage: &(dyn Fn(Stage) + Sync),
        next: &mut dyn FnMut(Vec<Drawn>) -> Option<Vec<Generate>>,
    ) -> Result<Option<Report>> {
        let kata = sub.kata;
        let sig = kata.signature().ok_or_else(|| {
            crate::error::Error::input(format!(
                "{}: a stdin/stdout kata has no generator to draw inputs from",
                kata.path.display()
            ))
        })?;
        on_stage(Stage::Compiling);
        let (compiled, drawer) = self.build_beside(sub, |c| generate::Drawer::build(c, kata))?;
        let binary = match compiled {
            Compiled::Binary(p) => p,
            Compiled::Failed(diag) => return Ok(Some(Report::compile_error(header(sub), diag))),
        };
        let drawer = drawer?;
        // The draws are the tests of this kata, all shown: they are no secret of the kata's.
        let mut drawn_kata = Kata {
            reveal: Reveal::FirstFailure,
            cases: Vec::new(),
            ..kata.clone()
        };
        let mut last = Vec::new();
        while let Some(batch) = next(std::mem::take(&mut last)) {
            let generated = drawer.draw(kata, &batch)?;
            drawn_kata.cases = batch
                .iter()
                .map(|g| Case {
                    name: generate::draw_name(*g),
                    offset: 0,
                    sample: true,
                    data: CaseData::Generated(*g),
                })
                .collect();
            let jobs = prepare::jobs(&drawn_kata, false, generated);
            let tests = run_tests(
                &drawn_kata,
                &binary,
                &jobs,
                schedule::workers(),
                &|_| {},
                Vec::new(),
            )?;
            last = batch
                .into_iter()
                .zip(jobs)
                .zip(tests)
                .map(|((draw, job), test)| Drawn {
                    draw,
                    args: job.arg_values(sig),
                    expected: match job.expected {
                        Expected::Value { value, .. } => value,
                        Expected::Text(_) => unreachable!("a function kata"),
                    },
                    test,
                })
                .collect();
        }
        Ok(None)
    }

    /// Runs `sub` and the kata's reference solution on the learner's own `input` (`kata
    /// run`), each under the kata's limits in the sandbox, and judges the learner's answer
    /// with the kata's checker against the reference's. A program that does not compile
    /// ends it with the report of its compile error.
    pub fn judge_input(
        &self,
        sub: &Submission,
        input: &Input,
        on_stage: &(dyn Fn(Stage) + Sync),
    ) -> Result<std::result::Result<InputReport, Report>> {
        let kata = sub.kata;
        on_stage(Stage::Compiling);
        let (compiled, reference) =
            self.build_beside(sub, |c| generate::build_reference(c, kata))?;
        let binary = match compiled {
            Compiled::Binary(p) => p,
            Compiled::Failed(diag) => return Ok(Err(Report::compile_error(header(sub), diag))),
        };
        let reference = reference?;
        on_stage(Stage::Running { done: 0, total: 2 });
        let payload = match (input, kata.signature()) {
            (Input::Args(args), Some(sig)) => Some(prepare::encode_args(args, sig)),
            (Input::Stdin(_), None) => None,
            _ => unreachable!("the input's kind follows the kata's"),
        };
        let stdin = |nonce: &Nonce| match (&payload, input) {
            (Some(wire), _) => nonce.input(wire),
            (None, Input::Stdin(text)) => text.as_bytes().to_vec(),
            (None, Input::Args(_)) => unreachable!("arguments are encoded"),
        };
        let run_one = |binary: &std::path::Path, answer: usize| -> Result<(Outcome, Nonce)> {
            let nonce = Nonce::new();
            let program = Program {
                binary,
                read: Vec::new(),
            };
            let outcome = run::run(&program, &stdin(&nonce), limits(kata, answer))?;
            Ok((outcome, nonce))
        };
        let (ref_outcome, ref_nonce) = run_one(&reference, run::MAX_CHANNEL)?;
        let reference = ran(kata, &ref_outcome, &ref_nonce, run::MAX_CHANNEL);
        on_stage(Stage::Running { done: 1, total: 2 });
        let expected_len = match &reference.answer {
            Some(Answer::Value(v)) => {
                let mut wire = Vec::new();
                v.encode(
                    kata.signature().expect("a function kata").answer_ty(),
                    &mut wire,
                );
                wire.len()
            }
            _ => 0,
        };
        let answer_limit = Nonce::new().answer_limit(expected_len);
        let (outcome, nonce) = run_one(&binary, answer_limit)?;
        let learner = ran(kata, &outcome, &nonce, answer_limit);
        let decision = reference.answer.as_ref().map(|answer| {
            let expected = match (answer, kata.signature()) {
                (Answer::Value(value), Some(sig)) => Expected::Value {
                    value: value.clone(),
                    ty: sig.answer_ty(),
                },
                (Answer::Text(text), _) => Expected::Text(text),
                _ => unreachable!("the answer's kind follows the kata's"),
            };
            verdict::decide(
                &outcome,
                &limits(kata, answer_limit),
                &expected,
                &nonce,
                &kata.check,
            )
        });
        on_stage(Stage::Running { done: 2, total: 2 });
        Ok(Ok(InputReport {
            reference,
            learner,
            verdict: decision.as_ref().map(|d| d.verdict),
            decision,
        }))
    }

    /// The learner's program and, side by side, what `other` builds of the kata's own (the
    /// generator, the reference solution).
    fn build_beside<T: Send>(
        &self,
        sub: &Submission,
        other: impl FnOnce(&Compiler) -> Result<T> + Send,
    ) -> Result<(Compiled, Result<T>)> {
        let compiler = self.compiler();
        let unit = unit(sub);
        let (compiled, built) = std::thread::scope(|s| {
            let built = s.spawn(|| other(&compiler));
            (compiler.build(&unit), built.join().expect("build thread"))
        });
        Ok((compiled?, built))
    }

    /// The learner's program and the generated tests, which do not depend on each other,
    /// side by side.
    fn build(&self, sub: &Submission) -> Result<(Compiled, Vec<prepare::GeneratedCase>)> {
        let kata = sub.kata;
        let unit = unit(sub);
        let needs_generated = !sub.samples_only
            && kata
                .cases
                .iter()
                .any(|c| matches!(c.data, CaseData::Generated(_)));
        let compiler = self.compiler();
        let (compiled, generated) = std::thread::scope(|s| {
            let gen = needs_generated.then(|| s.spawn(|| generate::cases(&compiler, kata)));
            let compiled = compiler.build(&unit);
            (compiled, gen.map(|h| h.join().expect("generator thread")))
        });
        Ok((compiled?, generated.transpose()?.unwrap_or_default()))
    }
}

/// Where a submission's report comes from.
fn header<'a>(sub: &'a Submission) -> Header<'a> {
    Header {
        kata: &sub.kata.id,
        title: &sub.kata.title,
        reveal: sub.kata.reveal,
        samples_only: sub.samples_only,
    }
}

/// The program to build for a submission: its file, and the harness around a function or type.
fn unit<'a>(sub: &'a Submission) -> Unit<'a> {
    Unit {
        file: &sub.file,
        harness: harness::around(&sub.kata.kind, &sub.file),
        forbid_unsafe: true,
    }
}

/// Whether a kata's program serves its tests, one fork each (see `run::Server`): one built
/// around the harness. A stdin/stdout kata's program is the learner's own, launched once
/// per test.
fn serves(kata: &Kata) -> bool {
    !matches!(kata.kind, kata::Kind::Stdio)
}

/// Runs every job and judges each run, with `servers` (started ahead) or servers started at
/// the first test of each worker.
fn run_tests<'b>(
    kata: &Kata,
    binary: &'b std::path::Path,
    jobs: &[Job],
    workers: usize,
    on_stage: &(dyn Fn(Stage) + Sync),
    servers: Vec<run::Server<'b>>,
) -> Result<Vec<TestReport>> {
    let program = Program {
        binary,
        read: Vec::new(),
    };
    let total = jobs.len();
    on_stage(Stage::Running { done: 0, total });
    let servers = std::sync::Mutex::new(servers);
    let server = || {
        let ahead = servers.lock().expect("servers").pop();
        ahead.or_else(|| {
            let program = Program {
                binary,
                read: Vec::new(),
            };
            serves(kata).then(|| run::Server::new(program, limits(kata, 0)))
        })
    };
    schedule::run_all_with(
        jobs,
        workers,
        |job| job.stdin.len(),
        server,
        |server, job| {
            let limits = limits(kata, job.answer_limit);
            let outcome = match server {
                Some(server) => server.run(&job.stdin, job.nonce.as_bytes(), job.answer_limit)?,
                None => run::run(&program, &job.stdin.bytes(), limits)?,
            };
            let decision =
                verdict::decide(&outcome, &limits, &job.expected, &job.nonce, &kata.check);
            // Built only for a failure that may be shown: a large input costs to print.
            let may_show = job.case.sample || kata.reveal == Reveal::FirstFailure;
            let shown =
                (may_show && decision.verdict != Verdict::Accepted).then(|| shown(kata, job));
            let debug_output = kata.signature().is_some();
            Ok(TestReport::new(
                job.case,
                outcome.cpu,
                decision,
                &outcome.stdout,
                debug_output,
                shown,
            ))
        },
        |done| on_stage(Stage::Running { done, total }),
    )
    .into_iter()
    .collect()
}

/// How a run ended, and its answer when it ended normally.
fn ran(kata: &Kata, outcome: &Outcome, nonce: &Nonce, answer_limit: usize) -> Ran {
    let mut failure = verdict::classify(outcome, &limits(kata, answer_limit));
    let answer = match (failure.is_none(), kata.signature()) {
        (false, _) => None,
        (true, Some(sig)) => match nonce
            .answer(&outcome.channel)
            .and_then(|a| Value::decode(&mut crate::value::Wire::new(a), sig.answer_ty()))
        {
            Ok(v) => Some(Answer::Value(v)),
            Err(why) => {
                failure = Some((Verdict::RuntimeError, why));
                None
            }
        },
        (true, None) => Some(Answer::Text(
            String::from_utf8_lossy(&outcome.stdout).into_owned(),
        )),
    };
    let output = match kata.signature() {
        Some(_) => crate::value::truncate_text(&String::from_utf8_lossy(&outcome.stdout), 4096),
        None => String::new(),
    };
    Ran {
        answer,
        failure,
        time: outcome.cpu,
        output,
    }
}

/// A kata's limits on one run; `answer`: bytes allowed on the answer channel.
fn limits(kata: &Kata, answer: usize) -> Limits {
    Limits {
        time: kata.time_limit,
        memory: kata.memory_limit,
        output: OUTPUT_LIMIT,
        // A stdin kata's answer is its stdout.
        stdout_kept: match kata.signature() {
            None => OUTPUT_LIMIT,
            Some(_) => run::SHOWN_OUTPUT,
        },
        answer,
    }
}

/// What a failing test shows: its input and expected answer.
fn shown<'k>(kata: &'k Kata, job: &'k Job) -> Shown<'k> {
    match (&job.expected, &job.case.data, kata.signature()) {
        (Expected::Value { value, .. }, _, Some(sig)) => Shown::Function {
            sig,
            args: job.arg_values(sig),
            expected: value,
        },
        (Expected::Text(expected), CaseData::Stdio { input, .. }, _) => {
            Shown::Stdio { input, expected }
        }
        _ => unreachable!("case kinds are checked at load"),
    }
}

/// The same program on the same kata, run by the same user, gets the same report, unless
/// limits decided it.
fn report_key(sub: &Submission, binary: &std::path::Path) -> String {
    let kata = sub.kata;
    let reference = kata.solution.as_ref().map_or("", |(_, src)| src.as_str());
    cache::key(&[
        binary.to_string_lossy().as_bytes(),
        &crate::sys::euid().to_le_bytes(),
        kata.source.as_bytes(),
        // `validate` judges with other limits than the kata file's.
        &kata.time_limit.as_nanos().to_le_bytes(),
        &kata.memory_limit.to_le_bytes(),
        // Generated tests' answers come from the reference solution.
        reference.as_bytes(),
        &[u8::from(sub.samples_only)],
        judge_stamp().as_bytes(),
    ])
}

/// Identifies this build of the judge, so that a new judge never reuses an old one's report.
fn judge_stamp() -> String {
    use std::os::unix::fs::MetadataExt;
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{}:{}:{}", m.len(), m.mtime(), m.mtime_nsec()))
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
}

/// [`sandbox::missing_guard_warnings`], probed once per boot and user: the probe forks and
/// tries a namespace, which is worth a few milliseconds of every submission only the first
/// time. `kata doctor` always probes afresh.
fn missing_guards(cache: &Cache) -> Vec<String> {
    per_boot(cache, "missing guards", || {
        MissingGuards(sandbox::missing_guard_warnings())
    })
    .0
}

/// What `probe` finds out about this machine, probed once per boot and user (and version of
/// the judge) and remembered in the cache as `what`.
fn per_boot<T: JsonEntry>(cache: &Cache, what: &str, probe: impl FnOnce() -> T) -> T {
    let boot = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").unwrap_or_default();
    if boot.is_empty() {
        return probe();
    }
    let key = cache::key(&[
        what.as_bytes(),
        boot.as_bytes(),
        &crate::sys::euid().to_le_bytes(),
        env!("CARGO_PKG_VERSION").as_bytes(),
    ]);
    if let Some(known) = cache.load(&key) {
        return known;
    }
    let found = probe();
    cache.store(&key, &found);
    found
}

/// What holds hidden tests or their answers: this binary (it embeds the bundled katas), the
/// kata folder and its reference solutions, and the cache's secret kinds. The compiler may
/// read none of it, wherever the judge is installed.
fn hidden_paths(katas: &kata::Source, cache: &Cache) -> Vec<PathBuf> {
    let mut hidden: Vec<PathBuf> = std::env::current_exe().into_iter().collect();
    if let kata::Source::Dir(dir) = katas {
        hidden.push(dir.clone());
        hidden.push(kata::solutions_dir(dir));
    }
    hidden.extend(
        Kind::ALL
            .into_iter()
            .filter(|k| k.is_secret())
            .map(|k| cache.dir(k)),
    );
    hidden
}

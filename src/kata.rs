//! The kata model and its loader: `katas/<id>.toml` files, bundled or from a folder.

use crate::error::{Error, Result};
use crate::signature::{Design, Signature};
use crate::value::Value;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use toml::Spanned;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// A kata id: the file stem, lower-case letters, digits and dashes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KataId(String);

impl KataId {
    pub fn new(id: &str) -> Result<Self, String> {
        let ok = !id.is_empty()
            && id.len() <= 64
            && !id.starts_with('-')
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok {
            Ok(KataId(id.to_string()))
        } else {
            Err(format!(
                "invalid kata id `{id}`: use lower-case letters, digits and dashes"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KataId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The on-disk format of a kata file: this struct is the schema.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KataFile {
    title: String,
    /// hashmap | two-pointers | sliding-window | ml | any other word.
    topic: String,
    difficulty: Difficulty,
    /// Study order, lower first; ties by id.
    #[serde(default)]
    order: i64,
    /// Per test case; default 2000.
    #[serde(default = "default_time_limit")]
    time_limit_ms: Spanned<u64>,
    /// Per test case; default 256.
    #[serde(default = "default_memory_limit")]
    memory_limit_mb: Spanned<u64>,
    statement: String,
    #[serde(default)]
    hints: Vec<String>,
    #[serde(default)]
    reveal: Reveal,
    /// Absent for a stdin/stdout kata.
    function: Option<FunctionSpec>,
    /// A type and its methods, instead of `[function]`.
    design: Option<Spanned<DesignSpec>>,
    #[serde(default)]
    check: CheckSpec,
    /// Rust source of `pub fn generate(rng: &mut Rng, size: usize) -> (params...)`.
    generator: Option<GeneratorSpec>,
    #[serde(default)]
    samples: Vec<Spanned<CaseSpec>>,
    #[serde(default)]
    tests: Vec<Spanned<CaseSpec>>,
}

fn default_time_limit() -> Spanned<u64> {
    Spanned::new(0..0, 2000)
}

fn default_memory_limit() -> Spanned<u64> {
    Spanned::new(0..0, 256)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FunctionSpec {
    signature: Spanned<String>,
}

/// `[design]`: the type a learner writes, its constructor and its methods.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DesignSpec {
    /// `LruCache`
    #[serde(rename = "type")]
    type_name: Spanned<String>,
    /// `fn new(capacity: usize) -> Self`
    constructor: Spanned<String>,
    /// `fn get(&mut self, key: i32) -> Option<i32>`, ...
    methods: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GeneratorSpec {
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckSpec {
    #[serde(default)]
    mode: CheckMode,
    #[serde(default = "default_tolerance")]
    tolerance: Spanned<f64>,
    #[serde(default = "default_depth")]
    depth: usize,
}

impl Default for CheckSpec {
    fn default() -> Self {
        CheckSpec {
            mode: CheckMode::default(),
            tolerance: default_tolerance(),
            depth: default_depth(),
        }
    }
}

fn default_tolerance() -> Spanned<f64> {
    Spanned::new(0..0, 1e-6)
}

fn default_depth() -> usize {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseSpec {
    name: Option<String>,
    /// Function kata: one TOML value per parameter.
    args: Option<Spanned<Vec<toml::Value>>>,
    /// Stdin/stdout kata: the text fed to stdin.
    input: Option<String>,
    expected: Option<Spanned<toml::Value>>,
    /// Design kata: the calls, the constructor first, each `[method, args..., expected]`
    /// (no `expected` for the constructor and for methods returning `()`).
    calls: Option<Spanned<Vec<CallSpec>>>,
    /// A generated test: `{ seed = 1, size = 100000 }`.
    generate: Option<Generate>,
}

/// One call of a design test, `[method, args..., expected]`, each item located.
pub type CallSpec = Spanned<Vec<Spanned<toml::Value>>>;

/// A generated test's parameters.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Generate {
    pub seed: u64,
    pub size: usize,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        })
    }
}

/// What a failing hidden test may show.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Reveal {
    /// The first failing hidden test's input and diff are shown.
    #[default]
    FirstFailure,
    /// Hidden tests stay secret: only their names and verdicts are shown.
    Samples,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CheckMode {
    #[default]
    Exact,
    Float,
    Unordered,
}

/// How answers are compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Check {
    pub mode: CheckMode,
    /// Absolute-or-relative tolerance for floats (used by `float` and `unordered`).
    pub tolerance: f64,
    /// For `unordered`: how many levels of nesting, from the outside, are multisets.
    pub depth: usize,
}

/// Whether a kata calls a function or runs a whole program.
#[derive(Debug, Clone)]
pub enum Kind {
    Function(Signature),
    /// A type with methods; a test is a sequence of calls.
    Design(Design),
    Stdio,
}

#[derive(Debug, Clone)]
pub enum CaseData {
    Function { args: Vec<Value>, expected: Value },
    Stdio { input: String, expected: String },
    Generated(Generate),
}

#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    /// Where the test starts in the kata file (byte offset), for messages.
    pub offset: usize,
    /// Samples are shown to the learner; the rest are hidden.
    pub sample: bool,
    pub data: CaseData,
}

/// A loaded, checked kata.
#[derive(Debug, Clone)]
pub struct Kata {
    pub id: KataId,
    /// Where the kata came from, for messages (`katas/two-sum.toml`).
    pub path: PathBuf,
    /// The file's text, which keys caches of generated tests.
    pub source: String,
    pub title: String,
    pub topic: String,
    pub difficulty: Difficulty,
    pub order: i64,
    pub time_limit: Duration,
    pub memory_limit: u64,
    pub statement: String,
    pub hints: Vec<String>,
    pub reveal: Reveal,
    pub kind: Kind,
    pub check: Check,
    pub generator: Option<String>,
    /// Samples first, then hidden tests, in file order.
    pub cases: Vec<Case>,
    /// The reference solution's source and where it came from.
    pub solution: Option<(PathBuf, String)>,
}

impl Kata {
    /// Parses and checks `source`, the text of `path`.
    pub fn parse(id: &str, path: &Path, source: &str) -> Result<Kata> {
        let at = |offset: usize, msg: String| Error::at(path, source, offset, msg);
        let id = KataId::new(id).map_err(|e| Error::input(format!("{}: {e}", path.display())))?;
        let file: KataFile = toml::from_str(source).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let message = e.message().trim();
            match key_before(source, offset) {
                Some(key) if !message.contains(&format!("`{key}`")) => {
                    at(offset, format!("`{key}`: {message}"))
                }
                _ => at(offset, message.to_string()),
            }
        })?;
        let kind = match (&file.function, &file.design) {
            (Some(_), Some(d)) => {
                return Err(at(
                    d.span().start,
                    "a kata has `[function]` or `[design]`, not both".into(),
                ))
            }
            (Some(f), None) => Kind::Function(
                Signature::parse(f.signature.get_ref())
                    .map_err(|e| at(f.signature.span().start, format!("signature: {e}")))?,
            ),
            (None, Some(d)) => {
                let d = d.get_ref();
                let methods: Vec<&str> = d.methods.iter().map(|m| m.get_ref().as_str()).collect();
                let design =
                    Design::parse(d.type_name.get_ref(), d.constructor.get_ref(), &methods)
                        .map_err(|(item, e)| {
                            let span = match item {
                                0 => d.type_name.span(),
                                1 => d.constructor.span(),
                                i => d.methods[i - 2].span(),
                            };
                            at(span.start, e)
                        })?;
                Kind::Design(design)
            }
            (None, None) => Kind::Stdio,
        };
        let limit_at = |v: &Spanned<u64>, key: &str, max: u64| {
            let n = *v.get_ref();
            if n == 0 || n > max {
                Err(at(
                    v.span().start,
                    format!("`{key}` must be between 1 and {max}"),
                ))
            } else {
                Ok(n)
            }
        };
        let time_ms = limit_at(&file.time_limit_ms, "time_limit_ms", 60_000)?;
        let memory_mb = limit_at(&file.memory_limit_mb, "memory_limit_mb", 16_384)?;
        let tolerance = *file.check.tolerance.get_ref();
        if tolerance.is_nan() || tolerance < 0.0 {
            return Err(at(
                file.check.tolerance.span().start,
                "`tolerance` must be zero or more".into(),
            ));
        }
        let mut cases = Vec::new();
        let groups = [(&file.samples, true), (&file.tests, false)];
        for (specs, sample) in groups {
            for (i, spec) in specs.iter().enumerate() {
                let default_name = if sample {
                    format!("sample {}", i + 1)
                } else {
                    format!("test {}", i + 1)
                };
                let offset = spec.span().start;
                let spec = spec.get_ref();
                let data = case_data(spec, &kind, file.generator.is_some(), sample)
                    .map_err(|(o, msg)| at(o.unwrap_or(offset), msg))?;
                cases.push(Case {
                    name: spec.name.clone().unwrap_or(default_name),
                    offset,
                    sample,
                    data,
                });
            }
        }
        Ok(Kata {
            id,
            path: path.to_path_buf(),
            source: source.to_string(),
            title: file.title,
            topic: file.topic,
            difficulty: file.difficulty,
            order: file.order,
            time_limit: Duration::from_millis(time_ms),
            memory_limit: memory_mb << 20,
            statement: file.statement,
            hints: file.hints,
            reveal: file.reveal,
            kind,
            check: Check {
                mode: file.check.mode,
                tolerance,
                depth: file.check.depth,
            },
            generator: file.generator.map(|g| g.source),
            cases,
            solution: None,
        })
    }

    pub fn samples(&self) -> impl Iterator<Item = &Case> {
        self.cases.iter().filter(|c| c.sample)
    }

    /// The function the judge calls: a design kata's is its sequence of calls.
    pub fn signature(&self) -> Option<&Signature> {
        match &self.kind {
            Kind::Function(sig) => Some(sig),
            Kind::Design(d) => Some(&d.sig),
            Kind::Stdio => None,
        }
    }

    pub fn design(&self) -> Option<&Design> {
        match &self.kind {
            Kind::Design(d) => Some(d),
            _ => None,
        }
    }
}

/// The key whose value starts at `offset` (`key = value` on the same line), to name it in
/// a type error.
fn key_before(source: &str, offset: usize) -> Option<&str> {
    let before = source.get(..offset)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let key = line.trim_end().strip_suffix('=')?.trim_end();
    let key = key.rsplit(['{', ',', ' ', '\t']).next()?;
    (!key.is_empty()).then_some(key.trim_matches('"'))
}

/// What is wrong with a test, and where (a byte offset) when known.
pub type CaseError = (Option<usize>, String);

fn case_data(
    spec: &CaseSpec,
    kind: &Kind,
    has_generator: bool,
    sample: bool,
) -> Result<CaseData, CaseError> {
    if let Some(g) = spec.generate {
        if spec.args.is_some()
            || spec.input.is_some()
            || spec.expected.is_some()
            || spec.calls.is_some()
        {
            return Err((None, "a generated test has no `args`, `calls`, `input` or `expected`: the reference solution computes the answer".into()));
        }
        if !has_generator || matches!(kind, Kind::Stdio) {
            return Err((
                None,
                "`generate` needs a `[generator]` section and a `[function]` kata".into(),
            ));
        }
        if sample {
            return Err((None, "samples are written out, not generated".into()));
        }
        return Ok(CaseData::Generated(g));
    }
    if let Kind::Design(design) = kind {
        return design_case(spec, design);
    }
    if let Some(calls) = &spec.calls {
        return Err((
            Some(calls.span().start),
            "`calls` are the tests of a `[design]` kata".into(),
        ));
    }
    let expected = spec
        .expected
        .as_ref()
        .ok_or((None, "missing `expected`".to_string()))?;
    match kind {
        Kind::Function(sig) => {
            if spec.input.is_some() {
                return Err((
                    None,
                    "a function kata's tests have `args`, not `input`".into(),
                ));
            }
            let args = spec
                .args
                .as_ref()
                .ok_or((None, "missing `args`".to_string()))?;
            let at_args = Some(args.span().start);
            if args.get_ref().len() != sig.params.len() {
                return Err((
                    at_args,
                    format!(
                        "`args` has {} values but `{}` takes {} parameters",
                        args.get_ref().len(),
                        sig.name,
                        sig.params.len()
                    ),
                ));
            }
            let args = args
                .get_ref()
                .iter()
                .zip(&sig.params)
                .map(|(v, p)| {
                    Value::from_toml(v, &p.ty).map_err(|e| (at_args, format!("`{}`: {e}", p.name)))
                })
                .collect::<Result<_, _>>()?;
            let expected = Value::from_toml(expected.get_ref(), sig.answer_ty())
                .map_err(|e| (Some(expected.span().start), format!("`expected`: {e}")))?;
            Ok(CaseData::Function { args, expected })
        }
        Kind::Stdio => {
            if spec.args.is_some() {
                return Err((
                    None,
                    "a stdin/stdout kata's tests have `input`, not `args`".into(),
                ));
            }
            let input = spec
                .input
                .clone()
                .ok_or((None, "missing `input`".to_string()))?;
            let expected = match expected.get_ref() {
                toml::Value::String(s) => s.clone(),
                _ => {
                    return Err((
                        Some(expected.span().start),
                        "`expected` must be a string (the expected stdout)".into(),
                    ))
                }
            };
            Ok(CaseData::Stdio { input, expected })
        }
        Kind::Design(_) => unreachable!("handled above"),
    }
}

/// A design kata's test: its calls become the one argument, their results the answer.
fn design_case(spec: &CaseSpec, design: &Design) -> Result<CaseData, CaseError> {
    if spec.args.is_some() || spec.input.is_some() || spec.expected.is_some() {
        return Err((
            None,
            "a design kata's tests have `calls`, each `[method, args..., expected]`, not `args`, `input` or `expected`".into(),
        ));
    }
    let calls = spec
        .calls
        .as_ref()
        .ok_or((None, "missing `calls`".to_string()))?;
    if calls.get_ref().is_empty() {
        return Err((
            Some(calls.span().start),
            format!(
                "`calls` is empty: a test starts with the constructor, {}",
                design.methods[0].call_form()
            ),
        ));
    }
    let (args, results) = design_calls(design, calls.get_ref(), true)?;
    Ok(CaseData::Function {
        args: vec![Value::List(args)],
        expected: Value::List(results),
    })
}

/// A design test's calls, `[method, args..., expected]` each (without `expected` when
/// `expected` is false: a learner's own input), as the calls and their expected results.
pub fn design_calls(
    design: &Design,
    calls: &[CallSpec],
    expected: bool,
) -> Result<(Vec<Value>, Vec<Value>), CaseError> {
    let mut args = Vec::new();
    let mut results = Vec::new();
    for (position, call) in calls.iter().enumerate() {
        let at_call = Some(call.span().start);
        let items = call.get_ref();
        let (name, rest) = match items.split_first() {
            Some((name, rest)) => match name.get_ref() {
                toml::Value::String(n) => (n, rest),
                _ => {
                    return Err((
                        Some(name.span().start),
                        "a call starts with the method's name, a string".into(),
                    ))
                }
            },
            None => {
                return Err((
                    at_call,
                    "a call is `[method, args..., expected]`, not empty".into(),
                ))
            }
        };
        let at_name = Some(items[0].span().start);
        let index = design.method(name).ok_or_else(|| {
            let names: Vec<String> = design
                .methods
                .iter()
                .map(|m| format!("`{}`", m.name))
                .collect();
            (
                at_name,
                format!(
                    "unknown method `{name}`: `{}` has {}",
                    design.type_name,
                    names.join(", ")
                ),
            )
        })?;
        if let Some(why) = design.misplaced(position, index) {
            return Err((at_name, why));
        }
        let m = &design.methods[index];
        let wanted = m.params.len() + usize::from(expected && m.ret.is_some());
        if rest.len() != wanted {
            let form = if expected {
                m.call_form()
            } else {
                m.call_form().replace(", expected]", "]")
            };
            return Err((
                at_call,
                format!(
                    "`{}` is called as {form}: {wanted} value{} after the name, found {}",
                    m.name,
                    if wanted == 1 { "" } else { "s" },
                    rest.len()
                ),
            ));
        }
        let mut call_value = vec![Value::Int(index as i128)];
        for (v, p) in rest.iter().zip(&m.params) {
            call_value.push(
                Value::from_toml(v.get_ref(), &p.ty)
                    .map_err(|e| (Some(v.span().start), format!("`{}`: {e}", p.name)))?,
            );
        }
        let mut result = vec![Value::Int(index as i128)];
        if let (Some(v), Some(t), true) = (rest.last(), &m.ret, expected) {
            result.push(Value::from_toml(v.get_ref(), t).map_err(|e| {
                (
                    Some(v.span().start),
                    format!("`{}`'s expected result: {e}", m.name),
                )
            })?);
        }
        args.push(Value::Tuple(call_value));
        results.push(Value::Tuple(result));
    }
    Ok((args, results))
}

/// Where the katas come from.
#[derive(Debug, Clone)]
pub enum Source {
    Bundled,
    Dir(PathBuf),
}

/// Every kata of a source, in study order.
#[derive(Debug)]
pub struct KataSet {
    pub katas: Vec<Kata>,
}

impl KataSet {
    pub fn load(source: &Source) -> Result<KataSet> {
        let mut katas = match source {
            Source::Bundled => bundled::BUNDLED
                .iter()
                .map(parse_bundled)
                .collect::<Result<Vec<_>>>()?,
            Source::Dir(dir) => load_dir(dir)?,
        };
        katas.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
        Ok(KataSet { katas })
    }

    /// What a command on the one kata `id` needs of [`KataSet::load`]: that kata alone when it
    /// is a bundled one (parsing all of them is most of the time a re-submit takes), else
    /// every kata, as `load` gives them.
    pub fn load_for(source: &Source, id: Option<&str>) -> Result<KataSet> {
        let one = match (source, id) {
            (Source::Bundled, Some(id)) => bundled::BUNDLED.iter().find(|(i, ..)| *i == id),
            _ => None,
        };
        match one {
            Some(entry) => Ok(KataSet {
                katas: vec![parse_bundled(entry)?],
            }),
            None => KataSet::load(source),
        }
    }

    pub fn get(&self, id: &str) -> Result<&Kata> {
        self.katas
            .iter()
            .find(|k| k.id.as_str() == id)
            .ok_or_else(|| Error::input(format!("unknown kata `{id}` (see `kata list`)")))
    }
}

/// A bundled kata, with its reference solution.
fn parse_bundled((id, text, solution): &(&str, &str, Option<&'static str>)) -> Result<Kata> {
    let path = PathBuf::from(format!("katas/{id}.toml"));
    let mut kata = Kata::parse(id, &path, text)?;
    kata.solution = solution.map(|s| (PathBuf::from(format!("solutions/{id}.rs")), s.to_string()));
    Ok(kata)
}

fn load_dir(dir: &Path) -> Result<Vec<Kata>> {
    load_each(dir)?.into_iter().map(|(_, k)| k).collect()
}

/// Loads every kata file of `dir` on its own, so that one broken file does not hide the
/// others (`kata validate`). The reference solution of `katas/ID.toml` is
/// `solutions/ID.rs` beside the kata folder.
pub fn load_each(dir: &Path) -> Result<Vec<(PathBuf, Result<Kata>)>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read the kata folder", dir, e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let solutions = solutions_dir(dir);
    Ok(paths
        .into_iter()
        .map(|path| {
            let kata = load_file(&path, &solutions);
            (path, kata)
        })
        .collect())
}

/// The folder of reference solutions that goes with the kata folder `dir`.
pub fn solutions_dir(dir: &Path) -> PathBuf {
    match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join("solutions"),
        _ => PathBuf::from("solutions"),
    }
}

fn load_file(path: &Path, solutions: &Path) -> Result<Kata> {
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
    let mut kata = Kata::parse(id, path, &text)?;
    let sol = solutions.join(format!("{id}.rs"));
    if let Ok(text) = std::fs::read_to_string(&sol) {
        kata.solution = Some((sol, text));
    }
    Ok(kata)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small valid kata, for the tests of other modules too.
    pub(crate) const GOOD: &str = r#"
title = "Add"
topic = "basics"
difficulty = "easy"
statement = "Add two numbers."
[function]
signature = "pub fn add(a: i32, b: i32) -> i32"
[[samples]]
args = [1, 2]
expected = 3
[[tests]]
name = "negatives"
args = [-1, -2]
expected = -3
"#;

    fn parse(text: &str) -> Result<Kata> {
        Kata::parse("add", Path::new("katas/add.toml"), text)
    }

    #[test]
    fn loads_a_function_kata() {
        let k = parse(GOOD).unwrap();
        assert_eq!(k.cases.len(), 2);
        assert_eq!(k.cases[0].name, "sample 1");
        assert!(k.cases[0].sample);
        assert_eq!(k.cases[1].name, "negatives");
        assert_eq!(k.time_limit, Duration::from_secs(2));
        assert_eq!(k.memory_limit, 256 << 20);
    }

    #[test]
    fn an_unknown_key_is_located() {
        let text = GOOD.replace("topic = \"basics\"", "topic = \"basics\"\ncolour = 3");
        let err = parse(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("katas/add.toml:4:1: unknown field `colour`"),
            "{err}"
        );
    }

    #[test]
    fn a_wrong_typed_value_is_located() {
        let text = GOOD.replace("expected = -3", "expected = \"x\"");
        let err = parse(&text).unwrap_err().to_string();
        assert!(err.starts_with("katas/add.toml:14:12:"), "{err}");
        assert!(err.contains("expected an integer"), "{err}");
        let text = GOOD.replace("args = [-1, -2]", "args = [-1]");
        let err = parse(&text).unwrap_err().to_string();
        assert!(err.contains("`args` has 1 values"), "{err}");
    }

    /// A small design kata.
    pub(crate) const COUNTER: &str = r#"
title = "Counter"
topic = "systems"
difficulty = "easy"
statement = "Count."
[design]
type = "Counter"
constructor = "fn new(start: i64) -> Self"
methods = ["fn add(&mut self, n: i64)", "fn get(&self) -> i64"]
[[samples]]
calls = [["new", 1], ["add", 2], ["get", 3]]
"#;

    #[test]
    fn a_design_test_is_its_calls_and_their_results() {
        let k = Kata::parse("counter", Path::new("katas/counter.toml"), COUNTER).unwrap();
        let d = k.design().unwrap();
        assert_eq!(d.methods.len(), 3);
        match &k.cases[0].data {
            CaseData::Function { args, expected } => {
                assert_eq!(args[0].compact(), "[(0, 1), (1, 2), (2,)]");
                assert_eq!(expected.compact(), "[(0,), (1,), (2, 3)]");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bad_call_is_located() {
        let err = |from: &str, to: &str| {
            let text = COUNTER.replace(from, to);
            Kata::parse("counter", Path::new("katas/counter.toml"), &text)
                .unwrap_err()
                .to_string()
        };
        let e = err(r#"["get", 3]"#, r#"["gett", 3]"#);
        assert!(
            e.starts_with("katas/counter.toml:11:35: unknown method `gett`: `Counter` has `new`, `add`, `get`"),
            "{e}"
        );
        let e = err(r#"["add", 2]"#, r#"["add", 2, 5]"#);
        assert!(e.starts_with("katas/counter.toml:11:22:"), "{e}");
        assert!(e.contains(r#"called as ["add", n]"#), "{e}");
        let e = err(r#"["add", 2]"#, r#"["add", "x"]"#);
        assert!(
            e.starts_with("katas/counter.toml:11:30: `n`: expected an integer"),
            "{e}"
        );
        let e = err(r#"["new", 1], "#, "");
        assert!(
            e.contains("11:11: a test starts with the constructor"),
            "{e}"
        );
        let e = err(r#"["get", 3]]"#, r#"["get", 3], ["new", 2]]"#);
        assert!(e.contains("is called once, first"), "{e}");
        let e = err("fn get(&self) -> i64", "fn get(self) -> i64");
        assert!(e.starts_with("katas/counter.toml:9:41: method:"), "{e}");
        let e = err("calls = [", "args = [");
        assert!(e.contains("have `calls`"), "{e}");
    }

    #[test]
    fn ids_are_checked() {
        assert!(KataId::new("two-sum").is_ok());
        assert!(KataId::new("Two Sum").is_err());
        assert!(KataId::new("../x").is_err());
    }
}

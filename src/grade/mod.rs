//! Grading a class (`kata grade`): every student's file for every kata judged exactly as
//! `submit` judges it, each kata prepared once for the whole class, each distinct file judged
//! once, on every core; each result recorded as it is made, so a run started again goes on
//! where the last one stopped; a share of the class per machine (`--shard`) and a merge of
//! the shares into what one machine would have written.
//!
//! The pipeline: [`class`] (who handed in what) → the judge → [`store`] (results, as they
//! come) → [`table`], [`similarity`] and [`page`], made from the folder alone.

pub mod class;
pub mod page;
pub mod shard;
pub mod similarity;
pub mod store;
pub mod table;

use crate::cache;
use crate::error::{Error, Result};
use crate::harness::layout::SourceFile;
use crate::judge::Judge;
use crate::kata::{Kata, KataSet};
use crate::report::{self, Report};
use crate::schedule;
use class::{Class, Source};
use shard::Shard;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use store::Out;

/// How a run went.
#[derive(Debug, Default)]
pub struct Summary {
    /// Files whose results this run wrote.
    pub graded: usize,
    /// Of those, how many distinct programs were judged (identical files are judged once).
    pub judged: usize,
    /// Files whose results an earlier run in the same folder had written.
    pub kept: usize,
    /// The verdicts of this share's files, this run's and the kept ones.
    pub verdicts: BTreeMap<&'static str, usize>,
}

/// Which share of the class to judge, and how many programs at a time.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub shard: Shard,
    pub jobs: usize,
}

/// The files of `sources` (the class's submissions) that the shard owns, judged into `out`;
/// `on_done(n)` after each `n` files recorded. The roster
/// and the similarity pairs are written first, the final files (for the whole class only)
/// last.
pub fn grade(
    judge: &Judge,
    set: &KataSet,
    class: &Class,
    sources: &[Source],
    out: &Out,
    options: Options,
    on_done: &(dyn Fn(usize) + Sync),
) -> Result<Summary> {
    let Options { shard, jobs } = options;
    // Every core is busy with the class: no program may be stopped for waiting its turn.
    crate::run::wait_for_cpu();
    if let Some((_, earlier)) = out.class()? {
        if earlier != shard {
            return Err(Error::input(format!(
                "{}: holds shard {earlier} of a class; give shard {shard} a folder of its own",
                out.dir.display()
            )));
        }
    }
    let starters = class
        .katas
        .iter()
        .map(|k| (k.id.clone(), k.starter.clone()))
        .collect();
    out.write_class(class, shard, &similarity::pairs(sources, &starters))?;
    out.prune(class)?;
    let kata = |id: &str| set.get(id).expect("the class's katas are the set's");
    let key = |s: &Source| {
        let k = kata(&s.kata);
        let reference = k.solution.as_ref().map_or("", |(_, src)| src.as_str());
        cache::key(&[
            s.digest.as_bytes(),
            k.source.as_bytes(),
            reference.as_bytes(),
            env!("CARGO_PKG_VERSION").as_bytes(),
        ])
    };
    let mine: Vec<&Source> = sources
        .iter()
        .filter(|s| shard.owns(&s.student, &s.kata))
        .collect();
    let mut summary = Summary::default();
    // Identical files of one kata are one program to judge.
    let mut todo: BTreeMap<(&str, &str), Vec<&Source>> = BTreeMap::new();
    for s in &mine {
        if out.done(&s.student, &s.kata, &key(s)) {
            summary.kept += 1;
        } else {
            todo.entry((s.kata.as_str(), s.digest.as_str()))
                .or_default()
                .push(s);
        }
    }
    let todo: Vec<Vec<&Source>> = todo.into_values().collect();
    // Each kata's harness and generated tests, once for the whole run.
    let mut needed: Vec<&Kata> = todo.iter().map(|g| kata(&g[0].kata)).collect();
    needed.dedup_by_key(|k| k.id.clone());
    let prepared: BTreeMap<String, _> = schedule::run_all(
        &needed,
        jobs,
        |_| 0,
        |k| judge.prepare(k).map(|p| (k.id.as_str().to_string(), p)),
        |_| {},
    )
    .into_iter()
    .collect::<Result<_>>()?;
    // Each program gets a core; a lone program's tests share what the others leave.
    let workers = (schedule::workers() / jobs.max(1)).max(1);
    let failed: Mutex<Option<Error>> = Mutex::new(None);
    let stop = AtomicBool::new(false);
    let recorded = std::sync::atomic::AtomicUsize::new(0);
    schedule::run_all(
        &todo,
        jobs,
        |group| group[0].text.len(),
        |group| {
            if stop.load(Ordering::SeqCst) {
                return;
            }
            let first = group[0];
            let result =
                judge_one(judge, &prepared[&first.kata], first, workers).and_then(|report| {
                    let json = report::json::render(&report, judge.warnings());
                    for s in group {
                        out.record(&s.student, &s.kata, &key(s), &json)?;
                        on_done(recorded.fetch_add(1, Ordering::SeqCst) + 1);
                    }
                    Ok(())
                });
            if let Err(e) = result {
                stop.store(true, Ordering::SeqCst);
                failed.lock().expect("error").get_or_insert(e);
            }
        },
        |_| {},
    );
    if let Some(e) = failed.into_inner().expect("error") {
        return Err(e);
    }
    summary.judged = todo.len();
    summary.graded = todo.iter().map(Vec::len).sum();
    if out.missing(class, shard) == 0 && shard == Shard::ALL {
        finish(out)?;
    }
    let grades = out.load_share(class, shard)?;
    for g in grades {
        *summary.verdicts.entry(g.verdict.as_str()).or_default() += 1;
    }
    Ok(summary)
}

/// One program, judged as `submit` judges it. Its file is named after the kata alone, so
/// identical files get identical reports and nothing in a report depends on the folder.
fn judge_one(
    judge: &Judge,
    prepared: &crate::judge::Prepared,
    s: &Source,
    workers: usize,
) -> Result<Report> {
    let file = SourceFile::named(&format!("{}.rs", s.kata), "", s.text.clone());
    let report = judge.judge_prepared(prepared, file, workers)?;
    // Whether a report came from the cache is no part of a grade.
    Ok(Report {
        cached: false,
        ..report
    })
}

/// Writes the final files of a folder that holds every result of its class.
pub fn finish(out: &Out) -> Result<()> {
    let grades = out.load()?;
    out.write(store::GRADES, &table::grades_csv(&grades))?;
    out.write(store::SIMILARITY, &table::similarity_csv(&grades.pairs))?;
    out.write(store::REPORT, &page::render(&grades))
}

/// Joins the folders of the shards of one class into `out`, then writes the final files: what
/// one run over the whole class would have written.
pub fn merge(dirs: &[std::path::PathBuf], out: &Out) -> Result<usize> {
    let mut shards: Vec<(Out, Class, Shard)> = Vec::new();
    for dir in dirs {
        let o = Out::new(dir.clone());
        let Some((class, shard)) = o.class()? else {
            return Err(Error::input(format!(
                "{}: no grading run here (run `kata grade --shard K/N --out {}` first)",
                dir.display(),
                dir.display()
            )));
        };
        shards.push((o, class, shard));
    }
    let (first, class, count) = match shards.first() {
        Some((o, c, s)) => (o.dir.clone(), c.clone(), s.count),
        None => return Err(Error::input("merge: name the shards' folders")),
    };
    let pairs = shards[0].0.pairs()?;
    let mut seen = vec![None; count as usize];
    for (o, c, s) in &shards {
        if *c != class || o.pairs()? != pairs {
            return Err(Error::input(format!(
                "{}: another class than {} (the shards must grade the same folder with the same katas)",
                o.dir.display(),
                first.display()
            )));
        }
        if s.count != count {
            return Err(Error::input(format!(
                "{}: shard {s}, but {} is one of {count}",
                o.dir.display(),
                first.display()
            )));
        }
        if let Some(other) = seen[(s.index - 1) as usize].replace(o.dir.clone()) {
            return Err(Error::input(format!(
                "{}: shard {s} again (also in {})",
                o.dir.display(),
                other.display()
            )));
        }
        let missing = o.missing(c, *s);
        if missing > 0 {
            return Err(Error::input(format!(
                "{}: shard {s} is not finished ({missing} files not judged); run it again with the same --out",
                o.dir.display()
            )));
        }
    }
    if let Some(k) = seen.iter().position(Option::is_none) {
        return Err(Error::input(format!(
            "merge: shard {}/{count} is missing",
            k + 1
        )));
    }
    out.write_class(&class, Shard::ALL, &pairs)?;
    let mut n = 0;
    for (student, kata) in class.submissions() {
        let (from, _, _) = shards
            .iter()
            .find(|(_, _, s)| s.owns(student, kata))
            .expect("every file has its shard");
        out.copy_from(from, student, kata)?;
        n += 1;
    }
    out.prune(&class)?;
    finish(out)?;
    Ok(n)
}

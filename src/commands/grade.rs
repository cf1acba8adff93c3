//! `kata grade SUBMISSIONS` and `kata grade merge`: the front end of [`crate::grade`].

use super::Ctx;
use crate::cli::{GradeArgs, GradeCommand};
use crate::color::{Color, Style};
use crate::error::{Result, Status};
use crate::grade::{self, class::Class, shard::Shard, store, store::Out};
use crate::judge::Judge;

pub fn run(ctx: &Ctx, args: &GradeArgs) -> Result<Status> {
    if let Some(GradeCommand::Merge { dirs, out }) = &args.merge {
        let out = Out::new(out.clone());
        let n = grade::merge(dirs, &out)?;
        ctx.ui.out(&format!(
            "merged {} shards: {n} results; grades in {}",
            dirs.len(),
            out.dir.join(store::GRADES).display()
        ))?;
        return Ok(Status::Success);
    }
    let dir = args.submissions.as_ref().expect("clap requires it");
    let set = ctx.katas()?;
    let (class, sources) = Class::discover(dir, &set, |p| {
        super::submit::read_solution(p).map(|f| f.text)
    })?;
    for (f, why) in class.problems() {
        ctx.ui.warn(&format!(
            "{}: {why}; not graded",
            dir.join(&f.student).join(&f.file).display()
        ));
    }
    let judge = Judge::new(&ctx.source, Color::NEVER)?;
    for w in judge.warnings() {
        ctx.ui.warn(w);
    }
    let shard = args.shard.unwrap_or(Shard::ALL);
    let jobs = args
        .jobs
        .map_or_else(crate::schedule::workers, |n| n as usize);
    let out = Out::new(args.out.clone());
    let share = class
        .submissions()
        .filter(|(s, k)| shard.owns(s, k))
        .count();
    let bar = ctx.ui.progress_bar(share as u64);
    bar.set_message(format!("{} students", class.students.len()));
    bar.enable_steady_tick(std::time::Duration::from_millis(250));
    let summary = grade::grade(
        &judge,
        &set,
        &class,
        &sources,
        &out,
        grade::Options { shard, jobs },
        &|_| bar.inc(1),
    );
    bar.finish_and_clear();
    let summary = summary?;
    let c = ctx.color();
    let verdicts: Vec<String> = summary
        .verdicts
        .iter()
        .map(|(v, n)| format!("{n} {v}"))
        .collect();
    let what = if shard == Shard::ALL {
        String::new()
    } else {
        format!("shard {shard}: ")
    };
    let problems = class.problems().count();
    let next = if shard == Shard::ALL {
        format!("grades in {}", out.dir.join(store::GRADES).display())
    } else {
        format!(
            "results in {}; join the shards with `kata grade merge DIR... --out DIR`",
            out.dir.display()
        )
    };
    ctx.ui.out(&format!(
        "{what}graded {share} files of {} students ({} judged now as {}, {} kept from an earlier run{}): {}; {next}",
        class.students.len(),
        summary.graded,
        match summary.judged {
            1 => "1 program".to_string(),
            n => format!("{n} programs"),
        },
        summary.kept,
        if problems > 0 {
            format!(", {problems} not graded")
        } else {
            String::new()
        },
        if verdicts.is_empty() {
            "nothing to judge".to_string()
        } else {
            c.paint(Style::Strong, verdicts.join(", "))
        },
    ))?;
    Ok(Status::Success)
}

//! `kata next`: serve the first unsolved kata and write its starter file.

use super::Ctx;
use crate::color::{Mark, Style};
use crate::editor;
use crate::error::Status;
use crate::error::{Error, Result};
use crate::harness;
use crate::kata::{Kata, KataSet};
use crate::progress::{self, Progress};
use crate::workspace::display_path;

pub fn run(ctx: &Ctx, topic: Option<&str>) -> Result<Status> {
    let set = ctx.katas()?;
    let progress = ctx.progress()?;
    if let Some(t) = topic {
        check_topic(&set, t)?;
    }
    let pool: Vec<_> = set
        .katas
        .iter()
        .filter(|k| topic.is_none_or(|t| k.topic == t))
        .collect();
    let Some(kata) = pool
        .iter()
        .find(|k| progress.status(k.id.as_str()) != progress::Status::Solved)
    else {
        let attempts: u32 = pool
            .iter()
            .filter_map(|k| progress.katas.get(k.id.as_str()))
            .map(|p| p.attempts)
            .sum();
        ctx.ui.out(&format!(
            "{} All {} katas{} are solved, in {attempts} submissions. `kata list` shows them all.",
            ctx.color().mark(Mark::Pass),
            pool.len(),
            topic.map(|t| format!(" of topic {t}")).unwrap_or_default()
        ))?;
        if let Some(line) = super::review::due_line(&progress) {
            ctx.ui.out(&line)?;
        }
        return Ok(Status::Success);
    };
    let (wrote, project) = serve(ctx, &set, kata)?;
    let file = display_path(&ctx.workspace.file(kata.id.as_str()));
    ctx.ui.out(&super::statement(kata, ctx.color()))?;
    let note = if wrote {
        format!("Wrote the starter file {}.", file.display())
    } else {
        format!("Your file {} is kept as it is.", file.display())
    };
    let note = match project {
        editor::Project::Created => format!(
            "{note}\nWrote Cargo.toml so that your editor (rust-analyzer) and `cargo check` \
             see your kata files."
        ),
        editor::Project::Kept => note,
        editor::Project::Theirs(advice) => format!("{note}\n{advice}."),
    };
    let note = match super::review::due_line(&ctx.progress()?) {
        Some(line) => format!("{note}\n{line}"),
        None => note,
    };
    ctx.ui.out(&format!(
        "\n{note}\nEdit it, then run `{}` for the samples or `{}` to be judged.",
        ctx.color().paint(Style::Strong, "kata test"),
        ctx.color().paint(Style::Strong, "kata submit")
    ))?;
    Ok(Status::Success)
}

/// Serves `kata`: writes its starter file unless the learner's file exists, records it as
/// the kata served last, and brings the editor project up to date. Returns whether the
/// starter was written, and what became of the project.
pub(super) fn serve(ctx: &Ctx, set: &KataSet, kata: &Kata) -> Result<(bool, editor::Project)> {
    let wrote = ctx
        .workspace
        .write_starter(kata.id.as_str(), &harness::starter(kata))?;
    Progress::update(&ctx.workspace.root, |p| {
        p.last_served = Some(kata.id.to_string())
    })?;
    let project = editor::update(&ctx.workspace, set)?;
    Ok((wrote, project))
}

/// `--topic T`: some kata must have it.
pub(super) fn check_topic(set: &KataSet, t: &str) -> Result<()> {
    if set.katas.iter().any(|k| k.topic == t) {
        return Ok(());
    }
    let mut topics: Vec<&str> = set.katas.iter().map(|k| k.topic.as_str()).collect();
    topics.dedup();
    Err(Error::input(format!(
        "--topic: no kata has topic `{t}` (topics: {})",
        topics.join(", ")
    )))
}

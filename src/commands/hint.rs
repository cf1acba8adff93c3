//! `kata hint ID`: one more hint each time.

use super::Ctx;
use crate::color::Style;
use crate::error::Result;
use crate::error::Status;
use crate::kata::Kata;
use crate::progress::Progress;

pub fn run(ctx: &Ctx, id: &str) -> Result<Status> {
    let set = ctx.katas()?;
    let kata = set.get(id)?;
    for line in next_hint(ctx, kata)? {
        ctx.ui.out(&line)?;
    }
    Ok(Status::Success)
}

/// Shows one more hint of `kata` (recorded in the progress file): the lines to print, every
/// hint shown so far.
pub(super) fn next_hint(ctx: &Ctx, kata: &Kata) -> Result<Vec<String>> {
    super::interview::refuse_during(&ctx.progress()?, "hints are")?;
    if kata.hints.is_empty() {
        return Ok(vec![format!("{} has no hints.", kata.id)]);
    }
    let shown = Progress::update(&ctx.workspace.root, |p| {
        let entry = p.entry(kata.id.as_str());
        entry.hints_shown = (entry.hints_shown + 1).min(kata.hints.len());
        entry.hints_shown
    })?;
    let c = ctx.color();
    let mut lines: Vec<String> = kata
        .hints
        .iter()
        .take(shown)
        .enumerate()
        .map(|(i, hint)| {
            let label = format!("Hint {}/{}:", i + 1, kata.hints.len());
            format!("{} {hint}", c.paint(Style::Strong, label))
        })
        .collect();
    if shown == kata.hints.len() {
        lines.push(c.paint(Style::Dim, "That was the last hint."));
    }
    Ok(lines)
}

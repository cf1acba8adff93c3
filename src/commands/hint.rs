//! `kata hint ID`: one more hint each time.

use super::Ctx;
use crate::color::Style;
use crate::error::Result;
use crate::error::Status;
use crate::progress::Progress;

pub fn run(ctx: &Ctx, id: &str) -> Result<Status> {
    let set = ctx.katas()?;
    let kata = set.get(id)?;
    if kata.hints.is_empty() {
        ctx.ui.out(&format!("{} has no hints.", kata.id))?;
        return Ok(Status::Success);
    }
    let shown = Progress::update(&ctx.workspace.root, |p| {
        let entry = p.entry(id);
        entry.hints_shown = (entry.hints_shown + 1).min(kata.hints.len());
        entry.hints_shown
    })?;
    let c = ctx.color();
    for (i, hint) in kata.hints.iter().take(shown).enumerate() {
        let label = format!("Hint {}/{}:", i + 1, kata.hints.len());
        ctx.ui
            .out(&format!("{} {hint}", c.paint(Style::Strong, label)))?;
    }
    if shown == kata.hints.len() {
        ctx.ui
            .out(&c.paint(Style::Dim, "That was the last hint."))?;
    }
    Ok(Status::Success)
}

//! `kata hint ID`: one more hint each time.

use super::Ctx;
use crate::error::Result;
use crate::progress::Progress;
use colored::Colorize;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, id: &str) -> Result<ExitCode> {
    let set = ctx.katas()?;
    let kata = set.get(id)?;
    if kata.hints.is_empty() {
        ctx.ui.out(&format!("{} has no hints.", kata.id));
        return Ok(ExitCode::SUCCESS);
    }
    let shown = Progress::update(&ctx.workspace.root, |p| {
        let entry = p.entry(id);
        entry.hints_shown = (entry.hints_shown + 1).min(kata.hints.len());
        entry.hints_shown
    })?;
    for (i, hint) in kata.hints.iter().take(shown).enumerate() {
        ctx.ui.out(&format!(
            "{} {hint}",
            format!("Hint {}/{}:", i + 1, kata.hints.len()).bold()
        ));
    }
    if shown == kata.hints.len() {
        ctx.ui.out(&"That was the last hint.".dimmed().to_string());
    }
    Ok(ExitCode::SUCCESS)
}

//! `kata show ID`: the statement again.

use super::Ctx;
use crate::error::Result;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, id: &str) -> Result<ExitCode> {
    let set = ctx.katas()?;
    ctx.ui.out(&super::statement(set.get(id)?));
    Ok(ExitCode::SUCCESS)
}

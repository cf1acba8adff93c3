//! `kata show ID`: the statement again.

use super::Ctx;
use crate::error::Result;
use crate::error::Status;

pub fn run(ctx: &Ctx, id: &str) -> Result<Status> {
    let set = ctx.katas()?;
    ctx.ui.out(&super::statement(set.get(id)?, ctx.color()))?;
    Ok(Status::Success)
}

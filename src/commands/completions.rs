//! `kata completions SHELL` and `kata manpage`: what an installer puts beside the binary,
//! made from the same clap declaration as the parser, so they never fall behind it.

use super::Ctx;
use crate::cli::Cli;
use crate::error::{Error, Result, Status};
use clap::CommandFactory;

pub fn completions(ctx: &Ctx, shell: clap_complete::Shell) -> Result<Status> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kata", &mut out);
    print(ctx, out)
}

pub fn manpage(ctx: &Ctx) -> Result<Status> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| Error::env(format!("cannot render the man page: {e}")))?;
    print(ctx, out)
}

fn print(ctx: &Ctx, out: Vec<u8>) -> Result<Status> {
    let text = String::from_utf8(out).expect("clap writes UTF-8");
    ctx.ui.out(text.trim_end())?;
    Ok(Status::Success)
}

//! `kata doctor`: each sandbox guard and whether this machine provides it, and the compiler.

use super::Ctx;
use crate::color::Mark;
use crate::error::Status;
use crate::error::{Error, Result};
use crate::sandbox;
use crate::toolchain::Toolchain;
use serde::Serialize;

/// `kata doctor --json`.
#[derive(Serialize)]
struct Doctor<'a> {
    /// `rustc -vV`'s first line, `null` when no compiler was found.
    rustc: Option<&'a str>,
    rustc_path: Option<String>,
    guards: &'a [sandbox::Guard],
    /// The system calls each profile may make, with why.
    allowlists: Allowlists,
    /// Whether every required part is there.
    ok: bool,
}

#[derive(Serialize)]
struct Allowlists {
    run: Vec<sandbox::AllowedCall>,
    compile: Vec<sandbox::AllowedCall>,
}

pub fn run(ctx: &Ctx, as_json: bool) -> Result<Status> {
    let guards = sandbox::guards();
    let toolchain = Toolchain::detect();
    let broken = toolchain.is_err() || guards.iter().any(|g| g.required && !g.provided);
    if as_json {
        let doctor = Doctor {
            rustc: toolchain.as_ref().ok().map(|t| t.short_version()),
            rustc_path: toolchain
                .as_ref()
                .ok()
                .map(|t| t.rustc.display().to_string()),
            guards: &guards,
            allowlists: Allowlists {
                run: sandbox::allowlist(sandbox::Profile::Run),
                compile: sandbox::allowlist(sandbox::Profile::Compile),
            },
            ok: !broken,
        };
        ctx.ui
            .out(&serde_json::to_string(&doctor).expect("the report serializes"))?;
    } else {
        let c = ctx.color();
        let mut s = String::new();
        match &toolchain {
            Ok(t) => s.push_str(&format!(
                "{} rustc: {} ({})\n",
                c.mark(Mark::Pass),
                t.short_version(),
                t.rustc.display()
            )),
            Err(e) => s.push_str(&format!("{} rustc: {e}\n", c.mark(Mark::Fail))),
        }
        for g in &guards {
            let mark = match (g.provided, g.required) {
                (true, _) => Mark::Pass,
                (false, true) => Mark::Fail,
                (false, false) => Mark::Lacking,
            };
            s.push_str(&format!("{} {}: {}\n", c.mark(mark), g.name, g.detail));
        }
        s.push_str(if broken {
            "\nA required part is missing: untrusted code cannot be judged here."
        } else {
            "\nThe judge can run here."
        });
        ctx.ui.out(&s)?;
    }
    if broken {
        return Err(Error::env(
            "a required part of the sandbox or the compiler is missing",
        ));
    }
    Ok(Status::Success)
}

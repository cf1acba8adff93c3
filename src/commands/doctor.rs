//! `kata doctor`: each sandbox guard and whether this machine provides it, and the compiler.

use super::Ctx;
use crate::error::Result;
use crate::sandbox;
use crate::toolchain::Toolchain;
use colored::Colorize;
use serde_json::json;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, as_json: bool) -> Result<ExitCode> {
    let guards = sandbox::guards();
    let toolchain = Toolchain::detect();
    let broken = toolchain.is_err() || guards.iter().any(|g| g.required && !g.provided);
    if as_json {
        ctx.ui.out(
            &json!({
                "rustc": toolchain.as_ref().ok().map(|t| t.short_version().to_string()),
                "rustc_path": toolchain.as_ref().ok().map(|t| t.rustc.display().to_string()),
                "guards": guards,
                "allowlists": {
                    "run": sandbox::allowlist(sandbox::Profile::Run),
                    "compile": sandbox::allowlist(sandbox::Profile::Compile),
                },
                "ok": !broken,
            })
            .to_string(),
        );
    } else {
        let mut s = String::new();
        match &toolchain {
            Ok(t) => s.push_str(&format!(
                "{} rustc: {} ({})\n",
                "✓".green().bold(),
                t.short_version(),
                t.rustc.display()
            )),
            Err(e) => s.push_str(&format!("{} rustc: {e}\n", "✗".red().bold())),
        }
        for g in &guards {
            let mark = match (g.provided, g.required) {
                (true, _) => "✓".green().bold(),
                (false, true) => "✗".red().bold(),
                (false, false) => "!".yellow().bold(),
            };
            s.push_str(&format!("{mark} {}: {}\n", g.name, g.detail));
        }
        s.push_str(if broken {
            "\nA required part is missing: untrusted code cannot be judged here."
        } else {
            "\nThe judge can run here."
        });
        ctx.ui.out(&s);
    }
    Ok(if broken {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

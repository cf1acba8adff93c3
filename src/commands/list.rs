//! `kata list`: every kata in study order with the learner's status.

use super::Ctx;
use crate::error::Result;
use crate::progress::Status;
use colored::Colorize;
use serde_json::json;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, as_json: bool) -> Result<ExitCode> {
    let set = ctx.katas()?;
    let progress = ctx.progress()?;
    if as_json {
        let rows: Vec<_> = set
            .katas
            .iter()
            .map(|k| {
                json!({
                    "id": k.id,
                    "title": k.title,
                    "topic": k.topic,
                    "difficulty": k.difficulty,
                    "status": progress.status(k.id.as_str()),
                })
            })
            .collect();
        let solved = rows.iter().filter(|r| r["status"] == "solved").count();
        ctx.ui
            .out(&json!({ "katas": rows, "solved": solved, "total": set.katas.len() }).to_string());
        return Ok(ExitCode::SUCCESS);
    }
    let id_w = set
        .katas
        .iter()
        .map(|k| k.id.as_str().len())
        .max()
        .unwrap_or(2);
    let topic_w = set.katas.iter().map(|k| k.topic.len()).max().unwrap_or(5);
    let mut out = String::new();
    let mut solved = 0;
    for k in &set.katas {
        let status = progress.status(k.id.as_str());
        let mark = match status {
            Status::Solved => {
                solved += 1;
                "✓".green().bold()
            }
            Status::Attempted => "~".yellow().bold(),
            Status::New => "·".dimmed(),
        };
        out.push_str(&format!(
            "{mark} {:id_w$}  {:topic_w$}  {:6}  {}\n",
            k.id.as_str(),
            k.topic,
            k.difficulty.to_string(),
            k.title
        ));
    }
    out.push_str(&format!("\n{solved}/{} solved", set.katas.len()));
    ctx.ui.out(&out);
    Ok(ExitCode::SUCCESS)
}

//! `kata list`: every kata in study order with the learner's status.

use super::Ctx;
use crate::color::Mark;
use crate::error::Result;
use crate::error::Status;
use crate::kata::{Difficulty, KataId};
use crate::progress;
use serde::Serialize;

/// `kata list --json`.
#[derive(Debug, Serialize)]
struct List<'a> {
    /// In study order.
    katas: Vec<Row<'a>>,
    solved: usize,
    total: usize,
}

#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a KataId,
    title: &'a str,
    topic: &'a str,
    difficulty: Difficulty,
    status: progress::Status,
    /// The reference solution was shown before the kata was solved.
    revealed: bool,
}

pub fn run(ctx: &Ctx, as_json: bool) -> Result<Status> {
    ctx.ui.out(&render(ctx, as_json)?)?;
    Ok(Status::Success)
}

/// The list, for people or (`as_json`) for scripts.
pub(super) fn render(ctx: &Ctx, as_json: bool) -> Result<String> {
    let set = ctx.katas()?;
    let progress = ctx.progress()?;
    let rows: Vec<Row> = set
        .katas
        .iter()
        .map(|k| Row {
            id: &k.id,
            title: &k.title,
            topic: &k.topic,
            difficulty: k.difficulty,
            status: progress.status(k.id.as_str()),
            revealed: progress
                .katas
                .get(k.id.as_str())
                .is_some_and(|p| p.revealed),
        })
        .collect();
    let solved = rows
        .iter()
        .filter(|r| r.status == progress::Status::Solved)
        .count();
    if as_json {
        let list = List {
            solved,
            total: rows.len(),
            katas: rows,
        };
        return Ok(serde_json::to_string(&list).expect("the list serializes"));
    }
    let id_w = rows.iter().map(|r| r.id.as_str().len()).max().unwrap_or(2);
    let topic_w = rows.iter().map(|r| r.topic.len()).max().unwrap_or(5);
    let c = ctx.color();
    let mut out = String::new();
    for r in &rows {
        let mark = c.mark(match r.status {
            progress::Status::Solved => Mark::Pass,
            progress::Status::Attempted => Mark::Tried,
            progress::Status::New => Mark::Untried,
        });
        let revealed = if r.revealed {
            c.paint(crate::color::Style::Dim, "  (solution revealed)")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{mark} {:id_w$}  {:topic_w$}  {:6}  {}{revealed}\n",
            r.id.as_str(),
            r.topic,
            r.difficulty.to_string(),
            r.title
        ));
    }
    out.push_str(&format!("\n{solved}/{} solved", rows.len()));
    Ok(out)
}

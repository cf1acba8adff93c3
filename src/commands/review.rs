//! `kata review`: the solved katas due for review, and the most overdue served afresh in
//! `review/ID.rs` (the learner's solved `ID.rs` stays as it is).

use super::Ctx;
use crate::clock;
use crate::color::Style;
use crate::error::{Error, Result, Status};
use crate::harness;
use crate::kata::{Kata, KataSet};
use crate::progress::Progress;
use crate::review::INTERVALS_DAYS;
use crate::workspace::{display_path, write_new};
use serde::Serialize;
use std::path::PathBuf;

/// `kata review --json`.
#[derive(Serialize)]
struct ReviewJson {
    /// Due now, the most overdue first.
    due: Vec<DueJson>,
    /// The kata served, and its file; `null` when nothing is due.
    served: Option<ServedJson>,
    /// The next kata to come due when none is, and when (Unix seconds).
    next: Option<DueJson>,
}

#[derive(Serialize)]
struct DueJson {
    kata: String,
    /// Unix seconds.
    due: u64,
    /// Reviews passed so far, of the five waits.
    step: usize,
}

#[derive(Serialize)]
struct ServedJson {
    kata: String,
    file: PathBuf,
    /// Where an earlier review file was moved to make way for the fresh starter.
    kept: Option<PathBuf>,
}

/// The one line `next` adds when reviews are due.
pub(super) fn due_line(progress: &Progress) -> Option<String> {
    let due = progress.due_reviews(clock::now());
    match due.len() {
        0 => None,
        1 => Some(format!(
            "{} is due for review: `kata review` serves it afresh.",
            due[0].0
        )),
        n => Some(format!(
            "{n} katas are due for review: `kata review` serves the most overdue ({}).",
            due[0].0
        )),
    }
}

pub fn run(ctx: &Ctx, json: bool) -> Result<Status> {
    let set = ctx.katas()?;
    let progress = ctx.progress()?;
    let now = clock::now();
    let due: Vec<(&Kata, &crate::review::Review)> = progress
        .due_reviews(now)
        .into_iter()
        .filter_map(|(id, r)| set.get(id).ok().map(|k| (k, r)))
        .collect();
    let entry = |k: &Kata, r: &crate::review::Review| DueJson {
        kata: k.id.to_string(),
        due: r.due,
        step: r.step,
    };
    let c = ctx.color();
    let Some(&(kata, _)) = due.first() else {
        let next = progress
            .katas
            .iter()
            .filter_map(|(id, k)| Some((set.get(id).ok()?, k.review.as_ref()?)))
            .min_by_key(|(k, r)| (r.due, k.id.as_str()));
        if json {
            let out = ReviewJson {
                due: Vec::new(),
                served: None,
                next: next.map(|(k, r)| entry(k, r)),
            };
            ctx.ui
                .out(&serde_json::to_string(&out).expect("serializes"))?;
        } else {
            let when = match next {
                Some((k, r)) => format!(
                    " The next is {}, in {}.",
                    k.id,
                    clock::span(r.due.saturating_sub(now))
                ),
                None => " Solve a kata first: it comes due a day later.".to_string(),
            };
            ctx.ui.out(&format!("Nothing is due for review.{when}"))?;
        }
        return Ok(Status::Success);
    };
    let (file, kept) = serve(ctx, &set, kata, now)?;
    if json {
        let out = ReviewJson {
            due: due.iter().map(|(k, r)| entry(k, r)).collect(),
            served: Some(ServedJson {
                kata: kata.id.to_string(),
                file: display_path(&file),
                kept: kept.as_deref().map(display_path),
            }),
            next: None,
        };
        ctx.ui
            .out(&serde_json::to_string(&out).expect("serializes"))?;
        return Ok(Status::Success);
    }
    let mut s = c.paint(Style::Strong, "Due for review, the most overdue first:");
    s.push('\n');
    for (k, r) in &due {
        s.push_str(&format!(
            "  {}  {}  {}\n",
            k.id,
            k.title,
            c.paint(
                Style::Dim,
                format!(
                    "due {} ago, review {}/{}",
                    clock::span(now - r.due),
                    r.step + 1,
                    INTERVALS_DAYS.len()
                )
            )
        ));
    }
    s.push('\n');
    s.push_str(&super::statement(kata, c));
    s.push_str("\n\n");
    if let Some(kept) = &kept {
        s.push_str(&format!(
            "Your earlier review file is kept as {}.\n",
            display_path(kept).display()
        ));
    }
    let shown = display_path(&file);
    s.push_str(&format!(
        "Wrote {}, a fresh starter ({}.rs is untouched). Solve it again, then run `{}`.",
        shown.display(),
        kata.id,
        c.paint(Style::Strong, format!("kata submit {}", shown.display()))
    ));
    ctx.ui.out(&s)?;
    Ok(Status::Success)
}

/// Writes a fresh starter as `review/ID.rs`. An earlier review file that is more than the
/// starter is moved into `review/done/` first, under the time it was moved: nothing the
/// learner wrote is lost.
fn serve(ctx: &Ctx, set: &KataSet, kata: &Kata, now: u64) -> Result<(PathBuf, Option<PathBuf>)> {
    let id = kata.id.as_str();
    let file = ctx.workspace.review_file(id);
    let starter = format!(
        "// A review of {id}: solve it afresh, then `kata submit review/{id}.rs`.\n{}",
        harness::starter(kata)
    );
    let mut kept = None;
    match std::fs::read_to_string(&file) {
        Ok(text) if text == starter => {}
        Ok(_) => {
            let done = ctx.workspace.root.join("review").join("done");
            std::fs::create_dir_all(&done).map_err(|e| Error::io("create", &done, e))?;
            let to = done.join(format!("{id}-{now}.rs"));
            std::fs::rename(&file, &to).map_err(|e| Error::io("move", &file, e))?;
            kept = Some(to);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io("read", &file, e)),
    }
    write_new(&file, &starter)?;
    crate::editor::update(&ctx.workspace, set)?;
    Ok((file, kept))
}

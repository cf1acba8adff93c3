//! `kata solution ID`: the reference solution, with the statement's note on complexity,
//! once the kata is solved; before that only with `--reveal`, which the progress file keeps.

use super::Ctx;
use crate::color::Style;
use crate::error::{Error, Result, Status};
use crate::progress::{self, Progress};
use crate::report::human::heading;
use serde::Serialize;

/// `kata solution --json`.
#[derive(Serialize)]
struct SolutionJson<'a> {
    kata: &'a str,
    /// The reference solution's source; `null` while it is not shown.
    solution: Option<&'a str>,
    /// The statement's note on complexity, when it has one.
    complexity: Option<String>,
    solved: bool,
    /// Shown before the kata was solved.
    revealed: bool,
}

pub fn run(ctx: &Ctx, id: &str, reveal: bool, json: bool) -> Result<Status> {
    let set = ctx.katas()?;
    let kata = set.get(id)?;
    let Some((_, source)) = &kata.solution else {
        return Err(Error::input(format!(
            "{}: has no reference solution (solutions/{id}.rs)",
            kata.path.display()
        )));
    };
    super::interview::refuse_during(&ctx.progress()?, "solutions are")?;
    let solved = ctx.progress()?.status(id) == progress::Status::Solved;
    let shown = solved || reveal;
    let revealed = if shown && !solved {
        Progress::update(&ctx.workspace.root, |p| {
            p.entry(id).revealed = true;
        })?;
        true
    } else {
        ctx.progress()?.katas.get(id).is_some_and(|k| k.revealed)
    };
    let complexity = complexity_note(&kata.statement);
    let c = ctx.color();
    if json {
        let out = SolutionJson {
            kata: kata.id.as_str(),
            solution: shown.then_some(source.as_str()),
            complexity,
            solved,
            revealed,
        };
        ctx.ui
            .out(&serde_json::to_string(&out).expect("serializes"))?;
    } else if !shown {
        ctx.ui.out(&format!(
            "{} is not solved yet: solve it first (`{}`), or see the solution now with `{}` \
             (your progress keeps that you did).",
            kata.id,
            c.paint(Style::Strong, format!("kata submit {id}")),
            c.paint(Style::Strong, format!("kata solution {id} --reveal"))
        ))?;
    } else {
        let mut s = heading(&kata.title, kata.id.as_str(), c);
        s.push_str(&c.paint(Style::Dim, "The reference solution"));
        s.push('\n');
        if let Some(note) = &complexity {
            s.push('\n');
            s.push_str(&crate::markdown::render(note, c, crate::markdown::width()));
            s.push('\n');
        }
        s.push('\n');
        s.push_str(source.trim_end());
        ctx.ui.out(&s)?;
    }
    Ok(if shown {
        Status::Success
    } else {
        Status::Rejected
    })
}

/// The items of the statement's lists that speak of complexity (`O(n)`), each with its
/// continuation lines.
fn complexity_note(statement: &str) -> Option<String> {
    let mut items: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in statement.lines() {
        let trimmed = line.trim_start();
        let continues = line.starts_with("  ") && !trimmed.is_empty();
        if trimmed.starts_with("- ") || trimmed.starts_with("* ") {
            items.extend(current.take());
            current = Some(trimmed.to_string());
        } else if let (true, Some(item)) = (continues, current.as_mut()) {
            item.push(' ');
            item.push_str(trimmed);
        } else {
            items.extend(current.take());
        }
    }
    items.extend(current);
    let notes: Vec<String> = items.into_iter().filter(|i| i.contains("O(")).collect();
    (!notes.is_empty()).then(|| notes.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_complexity_note_is_the_list_item_that_names_one() {
        let statement = "Do it.\n\n### Constraints\n\n- `n <= 10^5`\n- Aim for **O(n)** time. \
                         Checking every pair is O(n²) and too slow for the\n  largest tests.\n";
        assert_eq!(
            complexity_note(statement).as_deref(),
            Some("- Aim for **O(n)** time. Checking every pair is O(n²) and too slow for the largest tests.")
        );
        assert_eq!(complexity_note("No list here, O(1)."), None);
    }
}

//! `kata interview`: a mock interview. It serves unsolved katas (two by default) against a
//! countdown that `submit`, `test` and `watch` show, locks hints (and solutions) while it
//! runs, and ends with a summary, kept in the progress file: time to first accept,
//! attempts and the last verdict of each kata.

use super::Ctx;
use crate::clock;
use crate::color::{Color, Style};
use crate::error::{Error, Result, Status};
use crate::interview::{clock_face, EndedWhy, Interview};
use crate::progress::{self, Progress};
use crate::workspace::display_path;

/// `kata interview`'s flags.
pub struct Args<'a> {
    pub minutes: Option<u64>,
    pub topic: Option<&'a str>,
    pub count: usize,
    pub stop: bool,
    pub last: bool,
    pub json: bool,
}

const DEFAULT_MINUTES: u64 = 45;

pub fn run(ctx: &Ctx, args: &Args) -> Result<Status> {
    let now = clock::now();
    let c = ctx.color();
    let progress = ctx.progress()?;
    if args.last || args.stop {
        let iv = Progress::update(&ctx.workspace.root, |p| {
            let iv = p.interviews.last_mut()?;
            if args.stop {
                if !iv.is_running(now) {
                    return None;
                }
                iv.stop(now);
            } else {
                iv.settle(now);
            }
            Some(iv.clone())
        })?;
        let Some(iv) = iv else {
            return Err(Error::input(if args.stop {
                "--stop: no mock interview is running"
            } else {
                "--last: there has been no mock interview yet (`kata interview` starts one)"
            }));
        };
        return show(ctx, &iv, args.json);
    }
    if let Some(iv) = progress.interviews.last() {
        if iv.is_running(now) {
            if args.minutes.is_some() || args.topic.is_some() {
                return Err(Error::input(format!(
                    "a mock interview is running ({} left): `kata interview --stop` ends it",
                    clock_face(iv.left(now))
                )));
            }
            return show(ctx, iv, args.json);
        }
        if iv.ended.is_none() {
            // Its time ran out since the last command: the summary first.
            let iv = Progress::update(&ctx.workspace.root, |p| {
                let iv = p.interviews.last_mut().expect("checked");
                iv.settle(now);
                iv.clone()
            })?;
            return show(ctx, &iv, args.json);
        }
    }
    let set = ctx.katas()?;
    if let Some(t) = args.topic {
        super::next::check_topic(&set, t)?;
    }
    let picked: Vec<_> = set
        .katas
        .iter()
        .filter(|k| args.topic.is_none_or(|t| k.topic == t))
        .filter(|k| progress.status(k.id.as_str()) != progress::Status::Solved)
        .take(args.count)
        .collect();
    if picked.is_empty() {
        return Err(Error::input(
            "no unsolved kata is left for a mock interview (`kata review` serves solved ones)",
        ));
    }
    let minutes = args.minutes.unwrap_or(DEFAULT_MINUTES);
    for k in &picked {
        ctx.workspace
            .write_starter(k.id.as_str(), &crate::harness::starter(k))?;
    }
    let iv = Interview::new(
        now,
        minutes,
        args.topic.map(str::to_string),
        picked.iter().map(|k| k.id.to_string()).collect(),
    );
    Progress::update(&ctx.workspace.root, |p| {
        p.last_served = Some(picked[0].id.to_string());
        p.interviews.push(iv.clone());
    })?;
    crate::editor::update(&ctx.workspace, &set)?;
    if args.json {
        ctx.ui
            .out(&serde_json::to_string(&iv).expect("serializes"))?;
        return Ok(Status::Success);
    }
    let mut s = format!(
        "{} {minutes} minutes, {} kata{}. Hints and solutions are locked until it ends.\n",
        c.paint(Style::Strong, "Mock interview:"),
        picked.len(),
        if picked.len() == 1 { "" } else { "s" }
    );
    for k in &picked {
        s.push_str(&format!("\n{}\n", super::statement(k, c)));
    }
    let files: Vec<String> = picked
        .iter()
        .map(|k| {
            display_path(&ctx.workspace.file(k.id.as_str()))
                .display()
                .to_string()
        })
        .collect();
    s.push_str(&format!(
        "\nYour files: {}. `{}` judges one; `kata interview` shows the time left, \
         `kata interview --stop` ends it.",
        files.join(", "),
        c.paint(Style::Strong, format!("kata submit {}", picked[0].id))
    ));
    ctx.ui.out(&s)?;
    Ok(Status::Success)
}

/// The running interview's state, or an ended one's summary.
fn show(ctx: &Ctx, iv: &Interview, json: bool) -> Result<Status> {
    if json {
        ctx.ui
            .out(&serde_json::to_string(iv).expect("serializes"))?;
    } else {
        ctx.ui.out(&summary(iv, clock::now(), ctx.color()))?;
    }
    Ok(Status::Success)
}

/// A line for `submit`, `test` and `watch` while an interview runs (or has run out of time
/// without a command noticing).
pub(super) fn countdown_line(progress: &Progress, now: u64, c: Color) -> Option<String> {
    let iv = progress.interviews.last().filter(|iv| iv.ended.is_none())?;
    let label = c.paint(Style::Strong, "Mock interview:");
    Some(if iv.is_running(now) {
        format!(
            "{label} {} left · {}/{} accepted",
            clock_face(iv.left(now)),
            iv.accepted(),
            iv.katas.len()
        )
    } else {
        format!("{label} time is up. `kata interview` shows the summary.")
    })
}

/// Refuses `what` while an interview runs.
pub(super) fn refuse_during(progress: &Progress, what: &str) -> Result<()> {
    let now = clock::now();
    match progress.running_interview(now) {
        Some(iv) => Err(Error::input(format!(
            "{what} locked during the mock interview ({} left; `kata interview --stop` ends it)",
            clock_face(iv.left(now))
        ))),
        None => Ok(()),
    }
}

/// The interview as it stands: time left, or how it ended; each kata's time to first
/// accept, attempts and last verdict.
pub(super) fn summary(iv: &Interview, now: u64, c: Color) -> String {
    let minutes = (iv.ends - iv.started) / 60;
    let head = match iv.ended {
        None => format!("{} left", clock_face(iv.left(now))),
        Some(e) => {
            let why = match e.why {
                EndedWhy::AllAccepted => "every kata accepted",
                EndedWhy::TimeUp => "time up",
                EndedWhy::Stopped => "stopped",
            };
            format!("over ({why}) after {}", clock_face(e.at - iv.started))
        }
    };
    let mut s = format!(
        "{} {minutes} minutes, {head}\n",
        c.paint(Style::Strong, "Mock interview:")
    );
    let id_w = iv.katas.iter().map(|k| k.id.len()).max().unwrap_or(0);
    for k in &iv.katas {
        let first = match k.first_accept {
            Some(t) => format!("{} accepted after {}", c.pass_fail(true), clock_face(t)),
            None => format!("{} not accepted        ", c.pass_fail(false)),
        };
        let last = k
            .last_verdict
            .map_or("not submitted".to_string(), |v| format!("last: {v}"));
        let attempts = format!(
            "{} attempt{}",
            k.attempts,
            if k.attempts == 1 { "" } else { "s" }
        );
        s.push_str(&format!(
            "  {:id_w$}  {first}  {attempts:<11} {}\n",
            k.id,
            c.paint(Style::Dim, last)
        ));
    }
    s.push_str(&format!("{}/{} accepted", iv.accepted(), iv.katas.len()));
    s
}

//! One module per subcommand; this one holds what they share: the context built from the
//! global flags, the statement printer used by `next` and `show`, and the progress line of
//! the commands that judge.

mod completions;
mod custom;
mod doctor;
mod grade;
mod hint;
mod interview;
mod list;
mod new;
mod next;
mod review;
mod show;
mod solution;
mod stress;
mod submit;
mod validate;
mod watch;

use crate::cli::{Cli, Command};
use crate::color::{Color, Style};
use crate::error::Result;
use crate::error::Status;
use crate::judge::Stage;
use crate::kata::{CaseData, Kata, KataSet, Source};
use crate::progress::Progress;
use crate::report::calls;
use crate::report::human::heading;
use crate::ui::Ui;
use crate::value::Value;
use crate::workspace::Workspace;
use std::fmt::Write as _;
use std::path::PathBuf;

/// What every command may need, from the global flags.
pub struct Ctx<'a> {
    pub source: Source,
    pub workspace: Workspace,
    pub ui: &'a Ui,
}

impl Ctx<'_> {
    pub fn katas(&self) -> Result<KataSet> {
        KataSet::load(&self.source)
    }

    pub fn progress(&self) -> Result<Progress> {
        Progress::load(&self.workspace.root)
    }

    pub fn color(&self) -> Color {
        self.ui.color()
    }
}

pub fn run(cli: Cli, ui: &Ui) -> Result<Status> {
    let ctx = Ctx {
        source: cli.katas.clone().map_or(Source::Bundled, Source::Dir),
        workspace: Workspace::new(cli.workspace.clone().unwrap_or_else(|| PathBuf::from("."))),
        ui,
    };
    match cli.command {
        Command::Next { topic } => next::run(&ctx, topic.as_deref()),
        Command::Submit(args) => submit::run(&ctx, &args, false),
        Command::Test(args) => submit::run(&ctx, &args, true),
        Command::List { json } => list::run(&ctx, json),
        Command::Show { id } => show::run(&ctx, &id),
        Command::Hint { id } => hint::run(&ctx, &id),
        Command::Validate {
            ids,
            suggest_time_limit,
        } => validate::run(&ctx, &ids, suggest_time_limit),
        Command::Stress(args) => stress::run(&ctx, &args),
        Command::New { id } => new::run(&ctx, &id),
        Command::Doctor { json } => doctor::run(&ctx, json),
        Command::Watch { id } => watch::run(&ctx, id.as_deref()),
        Command::Review { json } => review::run(&ctx, json),
        Command::Interview(a) => interview::run(
            &ctx,
            &interview::Args {
                minutes: a.minutes,
                topic: a.topic.as_deref(),
                count: a.count as usize,
                stop: a.stop,
                last: a.last,
                json: a.json,
            },
        ),
        Command::Run(args) => custom::run(&ctx, &args),
        Command::Solution { id, reveal, json } => solution::run(&ctx, &id, reveal, json),
        Command::Grade(args) => grade::run(&ctx, &args),
        Command::Completions { shell } => completions::completions(&ctx, shell),
        Command::Manpage => completions::manpage(&ctx),
    }
}

/// The progress line of a judge at work on `shown` (a terminal only).
pub fn progress_line<'a>(ui: &'a Ui, shown: &'a str) -> impl Fn(Stage) + Sync + 'a {
    move |stage| match stage {
        Stage::Compiling => ui.status(&format!("compiling {shown}…")),
        Stage::Running { done, total } => ui.status(&format!("running tests {done}/{total}…")),
    }
}

/// Title, topic, difficulty, limits, statement and samples of a kata.
pub fn statement(kata: &Kata, c: Color) -> String {
    let mut s = heading(&kata.title, kata.id.as_str(), c);
    let facts = format!(
        "{} · {} · {} ms · {} MB",
        kata.topic,
        kata.difficulty,
        kata.time_limit.as_millis(),
        kata.memory_limit >> 20
    );
    writeln!(s, "{}", c.paint(Style::Dim, facts)).unwrap();
    if let Some(design) = kata.design() {
        writeln!(s).unwrap();
        for line in design.text().lines() {
            writeln!(s, "    {}", c.paint(Style::Code, line)).unwrap();
        }
    } else if let Some(sig) = kata.signature() {
        writeln!(s, "\n    {}", c.paint(Style::Code, &sig.text)).unwrap();
    }
    let text = crate::markdown::render(&kata.statement, c, crate::markdown::width());
    writeln!(s, "\n{text}").unwrap();
    for (i, case) in kata.samples().enumerate() {
        writeln!(
            s,
            "\n{}",
            c.paint(Style::Strong, format!("Sample {}", i + 1))
        )
        .unwrap();
        match (&case.data, kata.signature()) {
            (CaseData::Function { args, expected }, Some(sig)) if kata.design().is_some() => {
                let (Some(Value::List(calls)), Value::List(results)) = (args.first(), expected)
                else {
                    unreachable!("a design test's calls and results are lists")
                };
                let methods = &kata.design().expect("a design kata").methods;
                let table = calls::table(&sig.name, methods, calls, results, None);
                for l in table.lines() {
                    writeln!(s, "    {l}").unwrap();
                }
            }
            (CaseData::Function { args, expected }, Some(sig)) => {
                for (p, v) in sig.params.iter().zip(args) {
                    writeln!(s, "    {} = {}", p.name, v.compact()).unwrap();
                }
                writeln!(s, "    {} {}", c.paint(Style::Dim, "→"), expected.compact()).unwrap();
            }
            (CaseData::Stdio { input, expected }, _) => {
                writeln!(s, "  input:").unwrap();
                for l in input.lines() {
                    writeln!(s, "    {l}").unwrap();
                }
                writeln!(s, "  output:").unwrap();
                for l in expected.lines() {
                    writeln!(s, "    {l}").unwrap();
                }
            }
            _ => {}
        }
    }
    s.trim_end().to_string()
}

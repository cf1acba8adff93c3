//! The command line, declared with clap.

use crate::color::UseColor;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// A judge and kata runner for ML and GenAI engineering interview practice.
#[derive(Debug, Parser)]
#[command(name = "kata", version, about, propagate_version = true)]
pub struct Cli {
    /// Folder of kata files (default: the bundled set).
    #[arg(long, global = true, env = "KATA_DIR", value_name = "DIR")]
    pub katas: Option<PathBuf>,
    /// Folder of your solutions and progress (default: the current folder).
    #[arg(long, global = true, env = "KATA_WORKSPACE", value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = UseColor::Auto, value_name = "WHEN")]
    pub color: UseColor,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the first unsolved kata and write its starter file.
    Next {
        /// Only katas of this topic.
        #[arg(long)]
        topic: Option<String>,
    },
    /// Judge a solution against the samples and hidden tests.
    Submit(JudgeArgs),
    /// Run the samples only, with full diffs.
    Test(JudgeArgs),
    /// Every kata in study order, with your status.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show a kata's statement again.
    Show { id: String },
    /// Show the next hint of a kata.
    Hint { id: String },
    /// Check kata files, reference solutions, starters and verdict folders (for instructors).
    Validate {
        ids: Vec<String>,
        /// Also print, for each kata, the time limits its submissions allow.
        #[arg(long)]
        suggest_time_limit: bool,
    },
    /// Run a file and the reference solution on random inputs until they differ.
    Stress(StressArgs),
    /// Scaffold a new kata file and reference solution (for instructors).
    New { id: String },
    /// Show which sandbox guards this machine provides, and the compiler.
    Doctor {
        #[arg(long)]
        json: bool,
    },
    /// Judge your file on every save, on one screen redrawn (keys: h n l r q).
    Watch {
        /// The kata (default: the kata `next` served last).
        id: Option<String>,
    },
    /// List the solved katas due for review and serve the most overdue afresh.
    Review {
        #[arg(long)]
        json: bool,
    },
    /// A timed mock interview: unsolved katas, a countdown, hints locked, a summary.
    Interview(InterviewArgs),
    /// Run your file and the reference solution on your own input.
    Run(RunArgs),
    /// Show the reference solution of a kata you solved.
    Solution {
        id: String,
        /// Show it before the kata is solved (recorded in your progress, shown by `list`).
        #[arg(long)]
        reveal: bool,
        /// Print one JSON object on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Judge a class: one folder per student, holding ID.rs files (for instructors).
    Grade(GradeArgs),
    /// Print the shell completion script for SHELL on stdout.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) on stdout.
    Manpage,
}

#[derive(Debug, clap::Args)]
pub struct JudgeArgs {
    /// A kata id (judges ID.rs in the workspace) or a path to a .rs file. Default: the kata
    /// `next` served last.
    pub target: Option<String>,
    /// The kata to judge a file against (default: the file's stem).
    #[arg(long, value_name = "ID")]
    pub kata: Option<String>,
    /// Print one JSON object on stdout (exercism's results.json, version 2).
    #[arg(long)]
    pub json: bool,
    /// Run the tests again even if this exact file was judged before.
    #[arg(long)]
    pub rerun: bool,
}

#[derive(Debug, clap::Args)]
pub struct StressArgs {
    /// The kata, which must have a [generator].
    pub id: String,
    /// The file to run against the reference solution.
    pub file: PathBuf,
    /// How long to draw inputs for, once the programs are built.
    #[arg(long, default_value_t = 5, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub seconds: u64,
    /// Print one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The kata (runs ID.rs in the workspace).
    pub id: String,
    /// The arguments, as a TOML array with one value per parameter: '[[2, 7, 11, 15], 9]'.
    #[arg(long, value_name = "TOML", conflicts_with = "input")]
    pub args: Option<String>,
    /// A file holding the input: a stdin/stdout kata's stdin, or a function kata's
    /// arguments as for --args; `-` reads standard input.
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Print one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct GradeArgs {
    #[command(subcommand)]
    pub merge: Option<GradeCommand>,
    /// The class: one folder per student (a cloned repository each) holding ID.rs files.
    #[arg(required = true, value_name = "SUBMISSIONS")]
    pub submissions: Option<PathBuf>,
    /// Where grades.csv, report.html, similarity.csv and results/ go; a run started again
    /// with the same folder judges only what is left.
    #[arg(long, default_value = "grades", value_name = "DIR")]
    pub out: PathBuf,
    /// Files judged at once (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub jobs: Option<u32>,
    /// Judge share K of N of the class, by a stable hash of student and kata; join the
    /// shares with `kata grade merge`.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::grade::shard::Shard>,
}

#[derive(Debug, Subcommand)]
pub enum GradeCommand {
    /// Join the folders of `--shard` runs into what one run would have written.
    Merge {
        /// The shards' --out folders.
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct InterviewArgs {
    /// How long it lasts (default 45).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=600))]
    pub minutes: Option<u64>,
    /// Only katas of this topic.
    #[arg(long, value_name = "T")]
    pub topic: Option<String>,
    /// How many katas.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..=20))]
    pub count: u64,
    /// End the running interview now, with its summary.
    #[arg(long, conflicts_with_all = ["minutes", "topic", "last"])]
    pub stop: bool,
    /// The summary of the latest interview.
    #[arg(long, conflicts_with_all = ["minutes", "topic"])]
    pub last: bool,
    /// Print one JSON object on stdout (the interview as the progress file keeps it).
    #[arg(long)]
    pub json: bool,
}

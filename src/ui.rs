//! The terminal: the colour decision (taken once) and the only place that writes to stdout
//! and stderr. A closed stdout (`kata list | head`) ends the program quietly.

use colored::Colorize;
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum UseColor {
    #[default]
    Auto,
    Always,
    Never,
}

impl UseColor {
    /// Whether to colour: the flag, then `NO_COLOR`, then whether stdout is a terminal.
    pub fn decide(self) -> bool {
        match self {
            UseColor::Always => true,
            UseColor::Never => false,
            UseColor::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

pub struct Ui {
    pub color: bool,
    /// A transient status line is shown on stderr (only when it is a terminal).
    status: Option<Mutex<bool>>,
}

impl Ui {
    pub fn new(color: bool) -> Ui {
        colored::control::set_override(color);
        let status = std::io::stderr().is_terminal().then(|| Mutex::new(false));
        Ui { color, status }
    }

    /// Prints `text` and a newline on stdout.
    pub fn out(&self, text: &str) {
        self.clear_status();
        let mut out = std::io::stdout().lock();
        if writeln!(out, "{text}").and_then(|_| out.flush()).is_err() {
            // A closed pipe: the reader has what it wanted.
            #[allow(clippy::exit)]
            std::process::exit(0);
        }
    }

    /// Prints a one-line message on stderr.
    pub fn err(&self, text: &str) {
        self.clear_status();
        eprintln!("{text}");
    }

    pub fn warn(&self, text: &str) {
        self.err(&format!("{} {text}", "warning:".yellow().bold()));
    }

    /// Replaces the status line (a terminal only); a spinner-like progress line.
    pub fn status(&self, text: &str) {
        if let Some(shown) = &self.status {
            let mut shown = shown.lock().expect("status");
            eprint!("\r\x1b[2K{}", text.dimmed());
            let _ = std::io::stderr().flush();
            *shown = true;
        }
    }

    pub fn clear_status(&self) {
        if let Some(shown) = &self.status {
            let mut shown = shown.lock().expect("status");
            if *shown {
                eprint!("\r\x1b[2K");
                let _ = std::io::stderr().flush();
                *shown = false;
            }
        }
    }
}

//! The terminal: the only place that writes to stdout and stderr. A closed stdout
//! (`kata list | head`) ends the command quietly; any other write error (a full disk) is an
//! error with its cause.

use crate::color::{Color, Style};
use crate::error::{Error, Result};
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

pub struct Ui {
    color: Color,
    /// A transient status line is shown on stderr (only when it is a terminal).
    status: Option<Mutex<bool>>,
}

impl Ui {
    pub fn new(color: Color) -> Ui {
        let status = std::io::stderr().is_terminal().then(|| Mutex::new(false));
        Ui { color, status }
    }

    /// The colour decision for everything this terminal shows.
    pub fn color(&self) -> Color {
        self.color
    }

    /// Prints `text` and a newline on stdout.
    pub fn out(&self, text: &str) -> Result<()> {
        self.clear_status();
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}")
            .and_then(|_| out.flush())
            .map_err(|e| match e.kind() {
                // The reader has what it wanted.
                std::io::ErrorKind::BrokenPipe => Error::BrokenPipe,
                _ => Error::env(format!("cannot write to stdout: {e}")),
            })
    }

    /// Prints a one-line message on stderr. Nothing is left to tell if stderr is gone.
    pub fn err(&self, text: &str) {
        self.clear_status();
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    }

    pub fn warn(&self, text: &str) {
        self.err(&format!(
            "{} {text}",
            self.color.paint(Style::Warn, "warning:")
        ));
    }

    /// Replaces the status line (a terminal only); a spinner-like progress line.
    pub fn status(&self, text: &str) {
        if let Some(shown) = &self.status {
            let mut shown = shown.lock().expect("status");
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{}", self.color.paint(Style::Dim, text));
            let _ = err.flush();
            *shown = true;
        }
    }

    /// A progress bar of `len` steps on stderr when it is a terminal; hidden otherwise.
    pub fn progress_bar(&self, len: u64) -> indicatif::ProgressBar {
        if self.status.is_none() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(len),
            indicatif::ProgressDrawTarget::stderr(),
        );
        let style = indicatif::ProgressStyle::with_template(
            "{bar:32} {pos}/{len} files · {elapsed} · about {eta} left · {msg}",
        )
        .expect("a valid template");
        bar.set_style(style);
        bar
    }

    pub fn clear_status(&self) {
        if let Some(shown) = &self.status {
            let mut shown = shown.lock().expect("status");
            if *shown {
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r\x1b[2K");
                let _ = err.flush();
                *shown = false;
            }
        }
    }
}

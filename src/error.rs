//! How a command ends: a [`Status`] when it ran to its end (exit 0, or 1 for a rejected
//! solution, which is not an error), or the one error type of the judge, bad input (exit 2)
//! or a broken environment (exit 3), each with the message that says why, formed here.

use std::fmt;
use std::path::Path;

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Exit 0: accepted, or the command did what it was asked.
    Success,
    /// Exit 1: the solution (or a kata, for `validate`) was not accepted.
    Rejected,
}

/// Why a command could not do its job.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input: an unknown kata, a missing file, invalid TOML, a bad flag.
    #[error("{0}")]
    Input(String),
    /// Bad input located in a file: `file:line:column: message`.
    #[error("{file}:{line}:{column}: {message}")]
    Located {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The environment is broken: no `rustc`, the sandbox cannot start, stdout cannot be
    /// written.
    #[error("{0}")]
    Environment(String),
    /// The command line is wrong; clap has already said how.
    #[error("bad usage")]
    Usage,
    /// Stdout was closed by its reader (`kata list | head`): a quiet end.
    #[error("stdout was closed")]
    BrokenPipe,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn input(message: impl fmt::Display) -> Self {
        Error::Input(message.to_string())
    }

    pub fn env(message: impl fmt::Display) -> Self {
        Error::Environment(message.to_string())
    }

    /// An error at byte `offset` of `source`, the text of `file`.
    pub fn at(file: &Path, source: &str, offset: usize, message: impl fmt::Display) -> Self {
        let (line, column) = line_column(source, offset);
        Error::Located {
            file: file.display().to_string(),
            line,
            column,
            message: message.to_string(),
        }
    }

    /// An I/O failure on `path`, worded for the learner.
    pub fn io(action: &str, path: &Path, err: std::io::Error) -> Self {
        Error::Input(format!("cannot {action} {}: {err}", path.display()))
    }
}

/// One-based line and column (in characters) of byte `offset` in `source`.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..floor_char_boundary(source, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        let src = "a = 1\nbé = x\n";
        assert_eq!(line_column(src, 0), (1, 1));
        assert_eq!(line_column(src, 6), (2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(line_column(src, 11), (2, 5));
    }
}

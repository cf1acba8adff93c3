//! Colour: the decision, taken once from `--color`, `NO_COLOR` and whether stdout is a
//! terminal, and the styles of the tool's output, named for what the text is. A `Color` value
//! is handed to whatever renders text; nothing reads a global.

use std::fmt::Display;
use std::io::IsTerminal;

/// `--color`: when to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum UseColor {
    #[default]
    Auto,
    Always,
    Never,
}

impl UseColor {
    /// The flag, then `NO_COLOR`, then whether stdout is a terminal.
    pub fn decide(self) -> Color {
        Color(match self {
            UseColor::Always => true,
            UseColor::Never => false,
            UseColor::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        })
    }
}

/// Whether text is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(bool);

/// What a piece of text is, which decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A title, a label (`input:`), a command to type.
    Strong,
    /// Secondary detail: times, limits, notes.
    Dim,
    /// Accepted, solved, provided.
    Good,
    /// Rejected, missing.
    Bad,
    /// Attempted, optional and missing, a warning.
    Warn,
    /// A signature.
    Code,
    /// A diff's expected line.
    Removed,
    /// A diff's actual line.
    Added,
}

impl Style {
    /// The SGR parameters of the style.
    fn sgr(self) -> &'static str {
        match self {
            Style::Strong => "1",
            Style::Dim => "2",
            Style::Good => "1;32",
            Style::Bad => "1;31",
            Style::Warn => "1;33",
            Style::Code => "36",
            Style::Removed => "31",
            Style::Added => "32",
        }
    }
}

/// The one-character marks before a line of `list`, `validate`, `doctor` and the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// ✓: accepted, solved, provided.
    Pass,
    /// ✗: rejected, a required part missing.
    Fail,
    /// ~: attempted, not solved.
    Tried,
    /// ·: not tried yet.
    Untried,
    /// !: an optional part missing.
    Lacking,
}

impl Color {
    pub const ALWAYS: Color = Color(true);
    pub const NEVER: Color = Color(false);

    pub fn enabled(self) -> bool {
        self.0
    }

    /// `text` in `style`.
    pub fn paint(self, style: Style, text: impl Display) -> String {
        if self.0 {
            format!("\x1b[{}m{text}\x1b[0m", style.sgr())
        } else {
            text.to_string()
        }
    }

    pub fn mark(self, mark: Mark) -> String {
        let (symbol, style) = match mark {
            Mark::Pass => ("✓", Style::Good),
            Mark::Fail => ("✗", Style::Bad),
            Mark::Tried => ("~", Style::Warn),
            Mark::Untried => ("·", Style::Dim),
            Mark::Lacking => ("!", Style::Warn),
        };
        self.paint(style, symbol)
    }

    /// ✓ or ✗.
    pub fn pass_fail(self, passed: bool) -> String {
        self.mark(if passed { Mark::Pass } else { Mark::Fail })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_off_is_plain_text() {
        assert_eq!(Color::NEVER.paint(Style::Bad, "x"), "x");
        assert_eq!(Color::NEVER.pass_fail(true), "✓");
        assert_eq!(
            Color::ALWAYS.paint(Style::Good, "ok"),
            "\x1b[1;32mok\x1b[0m"
        );
        assert_eq!(Color::ALWAYS.mark(Mark::Fail), "\x1b[1;31m✗\x1b[0m");
    }
}

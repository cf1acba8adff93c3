//! A kata's statement (Markdown) for the terminal, rendered by `termimad`: headings,
//! emphasis, code spans, fenced code and tables with aligned columns, styled when colour is
//! on and plain text without markup otherwise.

use crate::color::Color;
use termimad::crossterm::style::{Attribute, Color as Fg};
use termimad::{Alignment, MadSkin};

/// Width of the text when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 88;

/// The width to wrap at: the terminal's, up to a comfortable reading width.
pub fn width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        if let Ok((cols, _)) = termimad::crossterm::terminal::size() {
            return usize::from(cols).clamp(40, DEFAULT_WIDTH);
        }
    }
    DEFAULT_WIDTH
}

fn skin(color: Color) -> MadSkin {
    let mut skin = if color.enabled() {
        let mut s = MadSkin::default();
        s.bold.set_fg(Fg::Reset);
        s.italic.set_fg(Fg::Reset);
        s.inline_code.set_fg(Fg::Cyan);
        s.inline_code.set_bg(Fg::Reset);
        s.code_block.set_fg(Fg::Cyan);
        s.code_block.set_bg(Fg::Reset);
        for h in &mut s.headers {
            h.set_fg(Fg::Reset);
            h.add_attr(Attribute::Bold);
        }
        s
    } else {
        MadSkin::no_style()
    };
    for h in &mut skin.headers {
        h.align = Alignment::Left;
    }
    skin.code_block.align = Alignment::Left;
    // Code stands apart from prose by its indent, as in the statement's samples.
    skin.code_block.left_margin = 4;
    skin
}

/// `md` rendered at `width` columns, without trailing white space.
pub fn render(md: &str, color: Color, width: usize) -> String {
    let text = skin(color).text(md, Some(width)).to_string();
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim_matches('\n')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MD: &str = "Return **the sum** of `a` and *b*.\n\n### Examples\n\n\
                      | `a` | `b` | result |\n|---|---|---|\n| `1` | `2` | `3` |\n| `10` | `-20` | `-10` |\n\n\
                      ```rust\npub fn add(a: i64, b: i64) -> i64\n```\n";

    #[test]
    fn plain_text_has_no_markup() {
        let text = render(MD, Color::NEVER, 60);
        for noise in ["**", "`", "###", "```", "\x1b["] {
            assert!(!text.contains(noise), "{noise:?} in\n{text}");
        }
        assert!(text.contains("Return the sum of a and b."), "{text}");
        assert!(text.contains("pub fn add(a: i64, b: i64) -> i64"), "{text}");
    }

    #[test]
    fn colour_styles_emphasis_and_code() {
        let text = render(MD, Color::ALWAYS, 60);
        assert!(text.contains("\x1b["), "{text}");
        assert!(!text.contains("**"), "{text}");
    }
}

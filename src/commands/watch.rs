//! `kata watch [ID]`: judges the learner's file on every save — the samples, then, once they
//! pass, every test, recorded like `submit` — and redraws one screen with the result. Single
//! keys: `h` next hint, `n` next kata once accepted, `l` list, `r` rerun, `q` (or Ctrl-C)
//! quit.
//!
//! Saves come from `notify` through its debouncer, watching the file's folder rather than
//! the file, so that an editor's write-then-rename (a new file under the old name) is seen,
//! and seen once. The terminal is handled by `crossterm`: raw mode for single keys and the
//! alternate screen, both undone by a guard however the loop ends. Off a terminal there are
//! no keys and no redrawing: each result is printed in turn, until the process is stopped.

use super::Ctx;
use crate::cli::JudgeArgs;
use crate::color::Style;
use crate::error::{Error, Result, Status};
use crate::judge::{Judge, Submission};
use crate::kata::{Kata, KataSet};
use crate::progress;
use crate::report;
use crate::verdict::Verdict;
use crate::workspace::display_path;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, queue, style, terminal};
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Events on one path closer together than this are one save.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// How often the loop looks at the keyboard and the clock.
const TICK: Duration = Duration::from_millis(50);

pub fn run(ctx: &Ctx, id: Option<&str>) -> Result<Status> {
    let set = ctx.katas()?;
    let last = ctx.progress()?.last_served;
    let args = JudgeArgs {
        target: id.map(str::to_string),
        kata: None,
        json: false,
        rerun: false,
    };
    let (kata, path) = super::submit::resolve(ctx, &set, &args, last.as_deref())?;
    let judge = Judge::new(&ctx.source, ctx.color())?;
    let (tx, saves) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |events| {
        let _ = tx.send(events);
    })
    .map_err(|e| Error::env(format!("cannot watch files: {e}")))?;
    // The workspace, where `n` serves the next kata, and the file's own folder, for a file
    // elsewhere (`kata watch review/ID.rs`).
    let mut folders = vec![ctx.workspace.root.clone()];
    folders.extend(path.parent().map(Path::to_path_buf));
    folders.dedup_by(|a, b| a.canonicalize().ok() == b.canonicalize().ok());
    for folder in &folders {
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        debouncer
            .watch(folder, RecursiveMode::NonRecursive)
            .map_err(|e| {
                Error::env(format!(
                    "cannot watch {}: {e}",
                    display_path(folder).display()
                ))
            })?;
    }
    let keys = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let screen = if keys { Some(Screen::enter()?) } else { None };
    let mut watch = Watch {
        ctx,
        set: &set,
        judge: &judge,
        kata,
        path,
        judged: 0,
        last_text: None,
        body: String::new(),
        listing: false,
        hints: Vec::new(),
        message: String::new(),
        screen,
    };
    watch.judge(false)?;
    let mut last_tick = std::time::Instant::now();
    loop {
        // The countdown of a mock interview moves on by itself.
        if watch.screen.is_some() && last_tick.elapsed() >= Duration::from_secs(1) {
            last_tick = std::time::Instant::now();
            if watch.countdown().is_some() {
                watch.draw()?;
            }
        }
        match saves.recv_timeout(TICK) {
            Ok(Ok(events)) => {
                if events.iter().any(|e| watch.is_save(e)) && watch.changed() {
                    watch.judge(false)?;
                }
            }
            Ok(Err(errors)) => {
                let e = errors.first().map(ToString::to_string).unwrap_or_default();
                watch.message = format!("watching stopped working: {e}");
                watch.draw()?;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if watch.screen.is_some() {
            while event::poll(Duration::ZERO).map_err(term_error)? {
                let key = match event::read().map_err(term_error)? {
                    Event::Key(key) => key,
                    Event::Resize(..) => {
                        watch.draw()?;
                        continue;
                    }
                    _ => continue,
                };
                if key.kind != KeyEventKind::Press {
                    continue;
                }
                if !watch.key(key)? {
                    return Ok(Status::Success);
                }
            }
        }
    }
    Ok(Status::Success)
}

fn term_error(e: std::io::Error) -> Error {
    Error::env(format!("terminal: {e}"))
}

/// The terminal in raw mode on the alternate screen, given back as it was when dropped.
struct Screen;

impl Screen {
    fn enter() -> Result<Screen> {
        terminal::enable_raw_mode().map_err(term_error)?;
        // From here on the guard undoes whatever was done, even if the rest fails.
        let screen = Screen;
        execute!(
            std::io::stdout(),
            terminal::EnterAlternateScreen,
            cursor::Hide
        )
        .map_err(term_error)?;
        Ok(screen)
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = execute!(
            std::io::stdout(),
            cursor::Show,
            terminal::LeaveAlternateScreen
        );
        let _ = terminal::disable_raw_mode();
    }
}

/// What the screen shows, and what the keys act on.
struct Watch<'a> {
    ctx: &'a Ctx<'a>,
    set: &'a KataSet,
    judge: &'a Judge,
    kata: &'a Kata,
    path: PathBuf,
    /// How many times the file was judged: each save counts once.
    judged: usize,
    /// The text judged last: a save that changes nothing (a starter `n` just wrote, an
    /// editor's second write of the same text) is not judged again.
    last_text: Option<String>,
    /// The last report (or the list).
    body: String,
    /// The body is the list, not a report: nothing in it gives way but its end.
    listing: bool,
    /// The hints shown so far.
    hints: Vec<String>,
    /// A line about the last key.
    message: String,
    screen: Option<Screen>,
}

impl Watch<'_> {
    /// Whether `event` is a save of the watched file: its content or name changed (a
    /// rename onto it included). Reading it, as the judge does, is no save.
    fn is_save(&self, event: &notify_debouncer_full::DebouncedEvent) -> bool {
        matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_))
            && event
                .paths
                .iter()
                .any(|p| p.file_name() == self.path.file_name())
    }

    /// Judges the file: the samples, then every test once they pass, recorded like `submit`.
    fn judge(&mut self, rerun: bool) -> Result<()> {
        self.judged += 1;
        self.message.clear();
        self.listing = false;
        self.body = format!("judging {}…", display_path(&self.path).display());
        self.draw()?;
        self.body = match self.judge_once(rerun) {
            Ok(text) => text,
            // A file gone for a moment, or unreadable: shown, and the next save judges again.
            Err(e @ (Error::Input(_) | Error::Located { .. })) => {
                self.ctx.color().paint(Style::Bad, e.to_string())
            }
            Err(e) => return Err(e),
        };
        self.draw()
    }

    /// Whether the file's text differs from the text judged last.
    fn changed(&self) -> bool {
        std::fs::read_to_string(&self.path).ok() != self.last_text
    }

    fn judge_once(&mut self, rerun: bool) -> Result<String> {
        let file = super::submit::read_solution(&self.path)?;
        self.last_text = Some(file.text.clone());
        let mut sub = Submission {
            kata: self.kata,
            file,
            samples_only: true,
            rerun,
        };
        let quiet = |_| {};
        let c = self.ctx.color();
        let (samples, _) =
            super::submit::judge_and_record(self.ctx, self.judge, &sub, &self.path, &quiet)?;
        if samples.verdict != Verdict::Accepted {
            return Ok(report::human::render(&samples, true, c));
        }
        sub.samples_only = false;
        let (full, review) =
            super::submit::judge_and_record(self.ctx, self.judge, &sub, &self.path, &quiet)?;
        let mut text = report::human::render(&full, false, c);
        for note in review {
            text.push_str(&format!("\n\n{note}"));
        }
        if full.verdict == Verdict::Accepted {
            text.push_str(&format!(
                "\n\n{} Press {} for the next kata.",
                c.mark(crate::color::Mark::Pass),
                c.paint(Style::Strong, "n")
            ));
        }
        Ok(text)
    }

    /// Acts on a key; `false` to quit.
    fn key(&mut self, key: KeyEvent) -> Result<bool> {
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            _ if ctrl_c => return Ok(false),
            KeyCode::Char('q') | KeyCode::Esc => return Ok(false),
            KeyCode::Char('r') => self.judge(true)?,
            KeyCode::Char('h') => {
                self.message.clear();
                match super::hint::next_hint(self.ctx, self.kata) {
                    Ok(hints) => self.hints = hints,
                    // Locked during a mock interview.
                    Err(Error::Input(why)) => self.message = why,
                    Err(e) => return Err(e),
                }
                self.draw()?;
            }
            KeyCode::Char('l') => {
                self.message = "the list; r judges your file again".to_string();
                self.body = super::list::render(self.ctx, false)?;
                self.listing = true;
                self.draw()?;
            }
            KeyCode::Char('n') => self.next()?,
            _ => {}
        }
        Ok(true)
    }

    /// Moves on to the next unsolved kata, once this one is solved.
    fn next(&mut self) -> Result<()> {
        let progress = self.ctx.progress()?;
        if progress.status(self.kata.id.as_str()) != progress::Status::Solved {
            self.message = format!(
                "{} is not solved yet: n moves on once it is accepted",
                self.kata.id
            );
            return self.draw();
        }
        let set = self.set;
        let Some(kata) = set
            .katas
            .iter()
            .find(|k| progress.status(k.id.as_str()) != progress::Status::Solved)
        else {
            self.message = format!("All {} katas are solved.", set.katas.len());
            return self.draw();
        };
        super::next::serve(self.ctx, set, kata)?;
        self.kata = kata;
        self.path = self.ctx.workspace.file(kata.id.as_str());
        self.hints.clear();
        self.judged = 0;
        self.judge(false)?;
        self.message = format!(
            "Next: {}. `kata show {}` prints its statement.",
            kata.title, kata.id
        );
        self.draw()
    }

    /// The mock interview's countdown, while one runs.
    fn countdown(&self) -> Option<String> {
        let progress = self.ctx.progress().ok()?;
        super::interview::countdown_line(&progress, crate::clock::now(), self.ctx.color())
    }

    /// The first line of the screen.
    fn head(&self) -> String {
        let c = self.ctx.color();
        let saves = if self.judged == 1 {
            "judged once".to_string()
        } else {
            format!("judged {} times", self.judged)
        };
        format!(
            "{} · {} {} · {} · {}",
            c.paint(Style::Strong, "kata watch"),
            c.paint(Style::Strong, &self.kata.title),
            c.paint(Style::Dim, format!("({})", self.kata.id)),
            display_path(&self.path).display(),
            c.paint(Style::Dim, saves),
        )
    }

    /// What comes under the report: hints, the last key's message, the countdown, the keys.
    fn tail(&self) -> String {
        let c = self.ctx.color();
        let mut s = String::new();
        if !self.hints.is_empty() {
            s.push('\n');
            for h in &self.hints {
                s.push_str(h);
                s.push('\n');
            }
        }
        if !self.message.is_empty() {
            s.push_str(&format!("\n{}\n", self.message));
        }
        if let Some(line) = self.countdown() {
            s.push_str(&format!("\n{line}\n"));
        }
        if self.screen.is_some() {
            s.push_str(&format!(
                "\n{}",
                c.paint(
                    Style::Dim,
                    "h hint · n next kata · l list · r rerun · q quit"
                )
            ));
        }
        s
    }

    /// Redraws the screen, or (off a terminal) prints the result once it is there.
    fn draw(&self) -> Result<()> {
        let (head, body, tail) = (self.head(), self.body.trim_end(), self.tail());
        if self.screen.is_none() {
            if self.body.ends_with('…') {
                return Ok(());
            }
            return self
                .ctx
                .ui
                .out(&format!("{head}\n\n{body}\n{}\n", tail.trim_end()));
        }
        let (cols, rows) = terminal::size().unwrap_or((80, 24));
        let (cols, rows) = (usize::from(cols).max(20), usize::from(rows).max(8));
        let tail: Vec<&str> = tail.lines().collect();
        let tail_rows: usize = tail.iter().map(|l| wrap(l, cols).len()).sum();
        // The head, a blank line, the report, the tail: the report gives way.
        let room = rows.saturating_sub(2 + tail_rows).max(3);
        let mut lines = vec![fit_line(&head, cols), String::new()];
        lines.extend(fit(body, room, cols, !self.listing));
        lines.extend(tail.iter().flat_map(|l| wrap(l, cols)));
        let mut out = std::io::stdout().lock();
        queue!(
            out,
            cursor::MoveTo(0, 0),
            terminal::Clear(terminal::ClearType::All)
        )
        .map_err(term_error)?;
        // Raw mode: a new line does not return the carriage by itself.
        for (i, line) in lines.iter().take(rows).enumerate() {
            let end = if i + 1 < rows { "\r\n" } else { "" };
            queue!(out, style::Print(line), style::Print(end)).map_err(term_error)?;
        }
        out.flush().map_err(term_error)
    }
}

/// `line` cut to `cols` visible characters (colour codes kept, and closed when cut).
fn cut(line: &str, cols: usize) -> String {
    let mut out = String::new();
    let mut shown = 0;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '\x1b' {
            out.push(ch);
            for c in chars.by_ref() {
                out.push(c);
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        if shown + 1 == cols && chars.peek().is_some() {
            out.push('…');
            if line.contains('\x1b') {
                out.push_str("\x1b[0m");
            }
            return out;
        }
        out.push(ch);
        shown += 1;
    }
    out
}

/// `line` in `cols` columns: a line too wide loses its colour, then its padding, then the
/// middle of its text, so that the end (a test's time and verdict) stays in sight.
fn fit_line(line: &str, cols: usize) -> String {
    let plain = visible(line);
    if plain.chars().count() <= cols {
        return line.to_string();
    }
    let mut squeezed = String::new();
    for ch in plain.chars() {
        if !(ch == ' ' && squeezed.ends_with("  ")) {
            squeezed.push(ch);
        }
    }
    let chars: Vec<char> = squeezed.chars().collect();
    if chars.len() <= cols {
        return squeezed;
    }
    let tail = (cols / 2).min(32);
    let head = cols.saturating_sub(tail + 1);
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - tail..]);
    out
}

/// Prose (a hint, a message) in lines of at most `cols`, broken between words; a line that
/// fits keeps its colour.
fn wrap(line: &str, cols: usize) -> Vec<String> {
    let plain = visible(line);
    if plain.chars().count() <= cols {
        return vec![line.to_string()];
    }
    let mut lines = vec![String::new()];
    for word in plain.split(' ') {
        let last = lines.last_mut().expect("one line");
        let len = last.chars().count();
        if len > 0 && len + 1 + word.chars().count() > cols {
            lines.push(cut(word, cols));
        } else {
            if len > 0 {
                last.push(' ');
            }
            last.push_str(&cut(word, cols - len.min(cols - 1)));
        }
    }
    lines
}

/// Visible text, without colour codes.
fn visible(line: &str) -> String {
    cut(line, usize::MAX)
        .split('\x1b')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once(|c: char| c.is_ascii_alphabetic())
                    .map_or("", |(_, rest)| rest)
            }
        })
        .collect()
}

/// A report in at most `rows` lines of `cols`: the tests that passed give way first (the
/// failures, their detail and the verdict are what the learner acts on), then the end.
fn fit(body: &str, rows: usize, cols: usize, report: bool) -> Vec<String> {
    let lines: Vec<&str> = body.lines().collect();
    if lines.len() <= rows {
        return lines.iter().map(|l| fit_line(l, cols)).collect();
    }
    let mut kept: Vec<String> = Vec::new();
    let mut passed = 0;
    let mut at = None;
    let mut after_pass = false;
    for l in &lines {
        let v = visible(l);
        let t = v.trim_start();
        // A passing test's line, or its time on a line of its own.
        let time_only =
            after_pass && t.ends_with(" ms") && t.starts_with(|c: char| c.is_ascii_digit());
        if report && (t.starts_with('✓') || time_only) {
            if !time_only {
                passed += 1;
            }
            at.get_or_insert(kept.len());
            after_pass = true;
            continue;
        }
        after_pass = false;
        kept.push(fit_line(l, cols));
    }
    if let Some(i) = at {
        kept.insert(i, format!("  ✓ {passed} passed (not shown)"));
    }
    if kept.len() > rows {
        let more = kept.len() - (rows - 1);
        kept.truncate(rows - 1);
        kept.push(if report {
            format!("… {more} more lines: `kata submit` prints the whole report")
        } else {
            format!("… {more} more lines: `kata list` prints them all")
        });
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_and_colour_codes_take_no_room() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abcd", 4), "abcd");
        assert_eq!(cut("\x1b[1mab\x1b[0mcdef", 4), "\x1b[1mab\x1b[0mc…\x1b[0m");
        assert_eq!(visible("\x1b[1;32m✓\x1b[0m ok"), "✓ ok");
        assert_eq!(wrap("Hint 1/2: use a map", 10), ["Hint 1/2:", "use a map"]);
        // The padding goes first, then the middle: the verdict at the end stays.
        assert_eq!(
            fit_line("✗ name      1.0 ms  wrong", 22),
            "✗ name  1.0 ms  wrong"
        );
        assert_eq!(
            fit_line("✗ a very long test name  1.0 ms  wrong", 30),
            "✗ a very long …  1.0 ms  wrong"
        );
    }

    #[test]
    fn passing_tests_give_way_to_the_failure() {
        let body = "Title\n  ✓ sample 1   1 ms\n  ✓ hidden: a long name\n        2.0 ms\n  ✗ hidden: b   wrong answer\n\ndetail\nverdict";
        assert_eq!(
            fit(body, 6, 40, true),
            [
                "Title",
                "  ✓ 2 passed (not shown)",
                "  ✗ hidden: b   wrong answer",
                "",
                "detail",
                "verdict"
            ]
        );
        let cut_short = fit(body, 4, 40, true);
        assert_eq!(cut_short.len(), 4);
        assert!(cut_short[3].starts_with("… 3 more lines"), "{cut_short:?}");
        assert_eq!(fit("a\nb", 5, 40, true), ["a", "b"]);
        // The list gives way at its end only.
        let list = fit("✓ add\n· two-sum\n· iou\n\n1/3 solved", 3, 40, false);
        assert_eq!(list[..2], ["✓ add", "· two-sum"]);
        assert!(
            list[2].starts_with("… 3 more lines: `kata list`"),
            "{list:?}"
        );
    }
}

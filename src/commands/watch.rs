//! `kata watch [ID]`: judges the learner's file on every save — the samples, then, once they
//! pass, every test, recorded like `submit` — and redraws one screen with the result. Single
//! keys: `h` next hint, `n` next kata once accepted, `l` list, `r` rerun, `q` (or Ctrl-C)
//! quit.
//!
//! Saves come from `notify` through its debouncer, watching the workspace folder rather than
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
use std::path::PathBuf;
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
    debouncer
        .watch(&ctx.workspace.root, RecursiveMode::NonRecursive)
        .map_err(|e| {
            Error::env(format!(
                "cannot watch {}: {e}",
                display_path(&ctx.workspace.root).display()
            ))
        })?;
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
                let Event::Key(key) = event::read().map_err(term_error)? else {
                    continue;
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

    /// The whole screen.
    fn text(&self) -> String {
        let c = self.ctx.color();
        let saves = if self.judged == 1 {
            "judged once".to_string()
        } else {
            format!("judged {} times", self.judged)
        };
        let mut s = format!(
            "{} · {} {} · {} · {}\n\n{}\n",
            c.paint(Style::Strong, "kata watch"),
            c.paint(Style::Strong, &self.kata.title),
            c.paint(Style::Dim, format!("({})", self.kata.id)),
            display_path(&self.path).display(),
            c.paint(Style::Dim, saves),
            self.body.trim_end()
        );
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
        let text = self.text();
        if self.screen.is_none() {
            if self.body.ends_with('…') {
                return Ok(());
            }
            return self.ctx.ui.out(&format!("{}\n", text.trim_end()));
        }
        let mut out = std::io::stdout().lock();
        queue!(
            out,
            cursor::MoveTo(0, 0),
            terminal::Clear(terminal::ClearType::All)
        )
        .map_err(term_error)?;
        // Raw mode: a new line does not return the carriage by itself.
        for line in text.lines() {
            queue!(out, style::Print(line), style::Print("\r\n")).map_err(term_error)?;
        }
        out.flush().map_err(term_error)
    }
}

//! The learner's loop beyond `next` and `submit`, driven through the real binary: shell
//! completions and the man page, the editor project, `run`, `solution`, statements for the
//! terminal, `watch` in a real terminal (tmux), spaced review and mock interviews.

mod common;

use common::{Run, Test};

// ---------------------------------------------------------------------------------------------
// Completions and the man page
// ---------------------------------------------------------------------------------------------

#[test]
fn bash_completes_subcommands_from_the_generated_script() {
    let t = Test::new();
    let script = t.kata(&["completions", "bash"]).status(0).run().stdout;
    t.write("kata.bash", &script);
    // What bash offers after `kata su<TAB>`, as its completion machinery asks for it.
    Run::new("bash")
        .args(&[
            "-c",
            "source kata.bash; COMP_WORDS=(kata su); COMP_CWORD=1; _kata kata su kata; \
             echo \"${COMPREPLY[@]}\"",
        ])
        .dir(t.workspace.path())
        .status(0)
        .stdout_has("submit")
        .run();
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        t.kata(&["completions", shell])
            .status(0)
            .stdout_has("manpage")
            .run();
    }
    t.kata(&["completions", "tcsh"])
        .status(2)
        .stderr_has("invalid value 'tcsh'")
        .run();
}

#[test]
fn the_man_page_renders_with_man() {
    let t = Test::new();
    let page = t.kata(&["manpage"]).status(0).run().stdout;
    assert!(page.starts_with(".ie"), "{page}");
    t.write("kata.1", &page);
    Run::new("man")
        .args(&["-l", "-P", "cat", "kata.1"])
        .env("MANWIDTH", "100")
        .dir(t.workspace.path())
        .status(0)
        .stdout_has("SUBCOMMANDS")
        .stdout_has("kata-submit(1)")
        .run();
}

// ---------------------------------------------------------------------------------------------
// The workspace as a Cargo project for editors
// ---------------------------------------------------------------------------------------------

/// `cargo check --offline` in the workspace, with its own target folder.
fn cargo_check(t: &Test) -> Run {
    Run::new("cargo")
        .args(&["check", "--offline", "--message-format=short"])
        .env("CARGO_TARGET_DIR", t.path("target"))
        .env("CARGO_TERM_COLOR", "never")
        .dir(t.workspace.path())
}

#[test]
fn next_makes_a_cargo_project_whose_check_points_at_the_learners_file() {
    let t = Test::new().fixture_katas();
    t.kata(&["next"])
        .status(0)
        .stdout_has("Wrote Cargo.toml so that your editor (rust-analyzer)")
        .run();
    cargo_check(&t).status(0).run();
    // Solved, then the next kata (a stdin/stdout one, with `main`) joins the project.
    t.write(
        "add.rs",
        "pub fn add(a: i64, b: i64) -> i64 {\n    a + b\n}\n",
    );
    t.kata(&["submit"]).status(0).run();
    t.kata(&["next"])
        .status(0)
        .stdout_has("sum-lines.rs")
        .stdout_lacks("Wrote Cargo.toml")
        .run();
    let root = t.read(".kata.rs");
    assert!(
        root.contains("#[path = \"add.rs\"]\npub mod add;"),
        "{root}"
    );
    assert!(
        root.contains("#[path = \"sum-lines.rs\"]\npub mod sum_lines;"),
        "{root}"
    );
    cargo_check(&t).status(0).run();
    // A type error is reported at the learner's own file and line.
    t.write(
        "add.rs",
        "pub fn add(a: i64, b: i64) -> i64 {\n    a + \"b\"\n}\n",
    );
    cargo_check(&t)
        .status(101)
        .stderr_has("add.rs:2:7: error[E0277]: cannot add `&str` to `i64`")
        .run();
    // What submit judges is the file alone, as before.
    t.kata(&["submit", "add"])
        .status(1)
        .verdict("compile_error")
        .stdout_has("add.rs:2:7")
        .run();
}

#[test]
fn a_cargo_toml_of_the_learners_is_never_overwritten() {
    let mine = "[package]\nname = \"mine\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    let t = Test::new().fixture_katas().file("Cargo.toml", mine);
    t.kata(&["next"])
        .status(0)
        .stdout_has("Cargo.toml is yours, so kata leaves it as it is")
        .stdout_has("add `[lib] path = \".kata.rs\"`")
        .run();
    assert_eq!(t.read("Cargo.toml"), mine);
    // Once it names the crate root, the advice stops.
    t.write("Cargo.toml", &format!("{mine}[lib]\npath = \".kata.rs\"\n"));
    t.kata(&["next"]).status(0).stdout_lacks("is yours").run();
    cargo_check(&t).status(0).run();
}

/// Whether rust-analyzer is installed (`rustup component add rust-analyzer`).
fn has_rust_analyzer() -> bool {
    std::process::Command::new("rust-analyzer")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn rust_analyzer_sees_the_learners_file_as_part_of_the_crate() {
    if !has_rust_analyzer() {
        eprintln!("rust-analyzer is not installed: this test checks nothing here");
        return;
    }
    let t = Test::new().fixture_katas();
    t.kata(&["next"]).status(0).run();
    t.write(
        "add.rs",
        "pub fn add(a: i64, b: i64) -> i64 {\n    let x: i64 = \"b\";\n    a + x\n}\n",
    );
    // rust-analyzer's own analysis (no cargo check): the file belongs to the workspace's
    // crate, and the type error is found on its second line (counted from 0).
    let out = Run::new("rust-analyzer")
        .args(&["diagnostics", "."])
        .env("CARGO_TARGET_DIR", t.path("target"))
        .dir(t.workspace.path())
        .timeout(std::time::Duration::from_secs(600))
        .run();
    let all = format!("{}{}", out.stdout, out.stderr);
    let file = t.path("add.rs").canonicalize().unwrap();
    assert!(
        all.contains(&format!(
            "at crate kata_workspace, file {}: Error RustcHardError(\"E0308\") from LineCol {{ line: 1,",
            file.display()
        )),
        "{all}"
    );
    assert!(!all.contains("unlinked-file"), "{all}");
}

// ---------------------------------------------------------------------------------------------
// kata run: the learner's own input
// ---------------------------------------------------------------------------------------------

/// `add` that is wrong when `a` is 3, and says what it adds.
const ADD_OFF_AT_3: &str = "pub fn add(a: i64, b: i64) -> i64 {\n    \
    println!(\"adding {a} and {b}\");\n    a + b + i64::from(a == 3)\n}\n";

#[test]
fn run_shows_both_answers_the_checkers_verdict_and_the_learners_output() {
    let t = Test::new().fixture_katas().file("add.rs", ADD_OFF_AT_3);
    t.kata(&["run", "add", "--args", "[1, 2]"])
        .status(0)
        .stdout_has("    a = 1\n    b = 2")
        .stdout_has(" reference  3  ")
        .stdout_has("     yours  3  ")
        .stdout_has("your output:\n    adding 1 and 2")
        .stdout_has("✓ the checker (exact) accepts your answer")
        .run();
    t.kata(&["run", "add", "--args", "[3, 2]"])
        .status(1)
        .stdout_has(" reference  5  ")
        .stdout_has("     yours  6  ")
        .stdout_has("✗ wrong_answer")
        .run();
    let out = t
        .kata(&["run", "add", "--args", "[3, 4]", "--json"])
        .status(1)
        .run();
    let json = out.json();
    assert_eq!(json["reference"]["answer"], "7");
    assert_eq!(json["yours"]["answer"], "8");
    assert_eq!(json["yours"]["output"], "adding 3 and 4\n");
    assert_eq!(json["verdict"], "wrong_answer");
    assert!(json["yours"]["time_ms"].as_f64().unwrap() > 0.0);
    // Nothing is recorded: a run is not a submission.
    assert!(!t.path(".kata/progress.json").exists());
}

#[test]
fn run_names_the_parameter_and_its_type_on_bad_input() {
    let t = Test::new().fixture_katas().file("add.rs", ADD_OFF_AT_3);
    let cases: &[(&[&str], &str)] = &[
        (
            &["--args", "[1]"],
            "kata: --args: `add` takes 2 arguments (a: i64, b: i64), got 1\n",
        ),
        (
            &["--args", "[1, \"two\"]"],
            "kata: --args: `b`: expected an integer for `i64`, found the string \"two\"\n",
        ),
        (&["--args", "[1, 2"], "kata: --args: not valid TOML: "),
        (
            &[],
            "give the input with --args, one TOML value per parameter of `add` (a: i64, b: i64)",
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["run", "add"];
        args.extend(*extra);
        let out = t.kata(&args).status(2).stderr_has(message).run();
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert!(out.stdout.is_empty(), "{}", out.stdout);
    }
    t.kata(&["run", "add", "--args", "[1, 2]", "--input", "x"])
        .status(2)
        .stderr_has("cannot be used with")
        .run();
}

#[test]
fn run_feeds_a_stdin_katas_file_and_holds_the_learner_to_the_limits() {
    let t = Test::new()
        .fixture_katas()
        .fixture("sum-lines.rs", "solutions/sum-lines.rs")
        .file("in.txt", "1\n2\n39\n");
    t.kata(&["run", "sum-lines", "--input", "in.txt"])
        .status(0)
        .stdout_has(" reference  42  ")
        .stdout_has("     yours  42  ")
        .run();
    // An input the reference cannot handle is bad input; its panic (its source) stays hidden.
    t.write("in.txt", "x\n");
    t.kata(&["run", "sum-lines", "--input", "in.txt"])
        .status(2)
        .stdout_has(" reference  runtime_error  ")
        .stdout_lacks("solutions/")
        .stderr_has("the reference solution does not handle this input (runtime_error)")
        .run();
    t.kata(&["run", "sum-lines", "--args", "[1]"])
        .status(2)
        .stderr_has("sum-lines is a stdin/stdout kata; give its input with --input FILE")
        .run();
    // The kata's time limit holds, as in `submit`.
    t.write(
        "add.rs",
        "pub fn add(a: i64, b: i64) -> i64 {\n    loop {}\n}\n",
    );
    t.kata(&["run", "add", "--args", "[1, 2]"])
        .status(1)
        .stdout_has("yours  time_limit_exceeded")
        .stdout_has(" reference  3  ")
        .run();
}

// ---------------------------------------------------------------------------------------------
// Statements for the terminal, and the reference solution
// ---------------------------------------------------------------------------------------------

/// A statement with each kind of Markdown a kata uses.
const RICH_STATEMENT: &str = r#"statement = """
Return **the sum** of `a` and *b*.

### Examples

| `a` | `b` | result |
|---|---|---|
| `1` | `2` | `3` |
| `10` | `-20` | `-10` |

```rust
pub fn add(a: i64, b: i64) -> i64
```

### Constraints

- `-10^9 <= a, b <= 10^9`
- Aim for **O(1)** time: one addition, no loop over
  the numbers between them.
""""#;

/// A kata folder (`katas/`, `solutions/`) of its own: the fixture `add` with a rich statement.
fn rich_katas(t: &Test) -> std::path::PathBuf {
    let toml = common::fixture("katas/add.toml")
        .replace("statement = \"Return `a + b`.\"", RICH_STATEMENT);
    t.write("course/katas/add.toml", &toml);
    t.write(
        "course/solutions/add.rs",
        &common::fixture("solutions/add.rs"),
    );
    t.path("course/katas")
}

#[test]
fn statements_are_plain_text_off_a_terminal_and_styled_with_colour_always() {
    let t = Test::new();
    let katas = rich_katas(&t);
    let t = t.katas(&katas);
    let plain = t.kata(&["show", "add"]).status(0).run().stdout;
    for noise in ["**", "`", "###", "```", "\x1b["] {
        assert!(!plain.contains(noise), "{noise:?} in\n{plain}");
    }
    assert!(plain.contains("Return the sum of a and b."), "{plain}");
    assert!(plain.contains("\nExamples\n"), "{plain}");
    assert!(
        plain.contains("    pub fn add(a: i64, b: i64) -> i64"),
        "{plain}"
    );
    // The table's columns line up.
    let rows: Vec<&str> = plain.lines().filter(|l| l.starts_with('│')).collect();
    assert_eq!(rows.len(), 3, "{plain}");
    let bars = |l: &str| {
        l.chars()
            .enumerate()
            .filter(|(_, c)| *c == '│')
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    assert!(rows.iter().all(|r| bars(r) == bars(rows[0])), "{plain}");
    // `--color always` styles it, even into a pipe.
    let styled = Run::kata()
        .dir(t.workspace.path())
        .arg("--katas")
        .arg(&katas)
        .args(&["--color", "always", "show", "add"])
        .status(0)
        .run()
        .stdout;
    assert!(styled.contains("\x1b[1mthe sum\x1b[0m"), "{styled:?}");
    assert!(!styled.contains("**"), "{styled:?}");
    // `next` prints the same statement.
    t.kata(&["next"])
        .status(0)
        .stdout_has("Return the sum of a and b.")
        .run();
}

#[test]
fn the_solution_waits_for_a_solve_unless_revealed_and_list_tells() {
    let t = Test::new();
    let katas = rich_katas(&t);
    let t = t.katas(&katas);
    t.write(
        "add.rs",
        "pub fn add(a: i64, b: i64) -> i64 {\n    a - b\n}\n",
    );
    t.kata(&["solution", "add"])
        .status(1)
        .stdout_has("add is not solved yet")
        .stdout_has("kata solution add --reveal")
        .stdout_lacks("a + b")
        .run();
    let out = t.kata(&["solution", "add", "--json"]).status(1).run();
    assert_eq!(out.json()["solution"], serde_json::Value::Null);
    t.kata(&["list"]).status(0).stdout_lacks("revealed").run();
    t.kata(&["solution", "add", "--reveal"])
        .status(0)
        .stdout_has("The reference solution")
        .stdout_has("• Aim for O(1) time: one addition, no loop over the numbers between them.")
        .stdout_has("pub fn add(a: i64, b: i64) -> i64 {\n    a + b\n}")
        .run();
    let progress: serde_json::Value = serde_json::from_str(&t.read(".kata/progress.json")).unwrap();
    assert_eq!(progress["katas"]["add"]["revealed"], true);
    t.kata(&["list"])
        .status(0)
        .stdout_has("Add  (solution revealed)")
        .run();
    let listed = t.kata(&["list", "--json"]).status(0).run().json();
    assert_eq!(listed["katas"][0]["revealed"], true);
    // Solved, it is shown without asking, and the reveal stays on record.
    t.write(
        "add.rs",
        "pub fn add(a: i64, b: i64) -> i64 {\n    a + b\n}\n",
    );
    t.kata(&["submit", "add"]).status(0).run();
    let out = t
        .kata(&["solution", "add", "--json"])
        .status(0)
        .run()
        .json();
    assert_eq!(out["solved"], true);
    assert_eq!(out["revealed"], true);
    assert!(out["solution"].as_str().unwrap().contains("a + b"));
    assert!(out["complexity"].as_str().unwrap().contains("O(1)"));
    t.kata(&["solution", "nope"])
        .status(2)
        .stderr_has("unknown kata `nope`")
        .run();
}

// ---------------------------------------------------------------------------------------------
// kata watch, in a real terminal
// ---------------------------------------------------------------------------------------------

/// A tmux server of the test's own, with one window running a plain shell in `dir`; the
/// server is killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(dir: &std::path::Path, name: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("kata-test-{}-{name}", std::process::id()),
        };
        tmux.cmd(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "w",
            "-x",
            "110",
            "-y",
            "60",
        ])
        .arg("-c")
        .arg(dir)
        .args(&["env", "PS1=$ ", "bash", "--norc", "--noprofile"])
        .status(0)
        .run();
        tmux
    }

    fn cmd(&self, args: &[&str]) -> Run {
        Run::new("tmux").args(&["-L", &self.socket]).args(args)
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "w"];
        args.extend(keys);
        self.cmd(&args).status(0).run();
    }

    fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", "w"])
            .status(0)
            .run()
            .stdout
    }

    /// Waits until the screen shows every one of `texts`, and returns it.
    #[track_caller]
    fn wait_for(&self, texts: &[&str]) -> String {
        let start = std::time::Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(120),
                "the screen never showed {texts:?}:\n{screen}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    /// The processes of the window's session that are alive (zombies, which this machine's
    /// init may never reap, are dead), the shell first.
    fn live_processes(&self) -> Vec<String> {
        let pane = self
            .cmd(&["display", "-p", "-t", "w", "#{pane_pid}"])
            .status(0)
            .run();
        let sid = pane.stdout.trim().to_string();
        let ps = Run::new("ps")
            .args(&["-eo", "sid=,stat=,args="])
            .status(0)
            .run();
        ps.stdout
            .lines()
            .filter_map(|l| {
                let mut f = l.split_whitespace();
                let (s, stat) = (f.next()?, f.next()?);
                (s == sid && !stat.starts_with('Z')).then(|| f.collect::<Vec<_>>().join(" "))
            })
            .collect()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = std::process::Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// The command line that starts `kata watch` in the window, then says how it ended and
/// whether the terminal is back in its normal (canonical, echoing) mode.
fn watch_command(katas: &std::path::Path) -> String {
    format!(
        "KATA_CACHE_DIR={} {} --katas {} --color never watch add; echo \"exit=$?\"; \
         stty -a | tr ' ' '\\n' | grep -x -e '-\\?icanon' -e '-\\?echo' | tr '\\n' ' '; echo",
        common::shared_cache().display(),
        env!("CARGO_BIN_EXE_kata"),
        katas.display()
    )
}

const ADD_WRONG: &str = "pub fn add(a: i64, b: i64) -> i64 {\n    a - b\n}\n";
const ADD_RIGHT: &str = "pub fn add(a: i64, b: i64) -> i64 {\n    a + b\n}\n";

#[test]
fn watch_judges_each_save_once_takes_keys_and_leaves_nothing_behind() {
    let t = Test::new().fixture_katas().file("add.rs", ADD_WRONG);
    let tmux = Tmux::start(t.workspace.path(), "keys");
    tmux.send(&[&watch_command(&common::fixtures().join("katas")), "Enter"]);
    tmux.wait_for(&[
        "kata watch · Add (add) · add.rs · judged once",
        "wrong_answer: 0/1 samples passed",
        "h hint · n next kata · l list · r rerun · q quit",
    ]);
    // An editor's save: the new text written to another file, renamed over the old one.
    t.write(".add.rs.swp", ADD_RIGHT);
    std::fs::rename(t.path(".add.rs.swp"), t.path("add.rs")).unwrap();
    tmux.wait_for(&[
        "judged 2 times",
        "accepted: 3/3 tests passed",
        "Press n for the next kata",
    ]);
    // One save, one judging, even a while later.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        tmux.screen().contains("judged 2 times"),
        "{}",
        tmux.screen()
    );
    // Recorded as `submit` records it.
    let progress: serde_json::Value = serde_json::from_str(&t.read(".kata/progress.json")).unwrap();
    assert_eq!(progress["katas"]["add"]["solved"], true);
    tmux.send(&["h"]);
    tmux.wait_for(&["Hint 1/2: Use `+`."]);
    tmux.send(&["l"]);
    tmux.wait_for(&["✓ add", "· sum-lines", "1/4 solved"]);
    tmux.send(&["r"]);
    tmux.wait_for(&["judged 3 times", "accepted: 3/3 tests passed"]);
    tmux.send(&["n"]);
    tmux.wait_for(&[
        "kata watch · Sum Lines (sum-lines) · sum-lines.rs · judged once",
        "not yet implemented",
        "Next: Sum Lines.",
    ]);
    assert!(t.read("sum-lines.rs").contains("fn main()"));
    tmux.send(&["q"]);
    let screen = tmux.wait_for(&["exit=0"]);
    // The shell's own screen is back, in its own mode.
    assert!(screen.contains("icanon echo"), "{screen}");
    assert!(!screen.contains("h hint · n next kata"), "{screen}");
    assert_eq!(
        tmux.live_processes(),
        vec!["bash --norc --noprofile".to_string()]
    );
}

#[test]
fn ctrl_c_ends_watch_and_gives_the_terminal_back() {
    let t = Test::new().fixture_katas().file("add.rs", ADD_WRONG);
    let tmux = Tmux::start(t.workspace.path(), "ctrl-c");
    tmux.send(&[&watch_command(&common::fixtures().join("katas")), "Enter"]);
    tmux.wait_for(&["wrong_answer: 0/1 samples passed"]);
    // A key that means nothing changes nothing.
    tmux.send(&["x"]);
    tmux.send(&["C-c"]);
    let screen = tmux.wait_for(&["exit=0"]);
    assert!(screen.contains("icanon echo"), "{screen}");
    assert_eq!(
        tmux.live_processes(),
        vec!["bash --norc --noprofile".to_string()]
    );
}

#[test]
fn off_a_terminal_watch_prints_each_result_in_turn() {
    off_a_terminal("add.rs");
}

#[test]
fn watch_follows_a_file_in_a_folder_of_its_own() {
    off_a_terminal("review/add.rs");
}

/// `kata watch FILE` with stdout in a file: a wrong answer, a save that passes, an interrupt.
fn off_a_terminal(file: &str) {
    let t = Test::new().fixture_katas().file(file, ADD_WRONG);
    let log = t.path("watch.log");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kata"))
        .args(["--color", "never", "--katas"])
        .arg(common::fixtures().join("katas"))
        .args(["watch", if file == "add.rs" { "add" } else { file }])
        .env("KATA_CACHE_DIR", common::shared_cache())
        .current_dir(t.workspace.path())
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let wait_for = |text: &str| {
        let start = std::time::Instant::now();
        while !std::fs::read_to_string(&log).unwrap().contains(text) {
            assert!(start.elapsed().as_secs() < 120, "no {text:?} in the log");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    };
    wait_for("wrong_answer: 0/1 samples passed");
    t.write(file, ADD_RIGHT);
    wait_for("accepted: 3/3 tests passed");
    // Interrupted, as by Ctrl-C at a shell.
    Run::new("kill")
        .args(&["-INT", &child.id().to_string()])
        .status(0)
        .run();
    let status = child.wait().unwrap();
    assert!(!status.success(), "{status:?}");
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(!text.contains("h hint"), "{text}");
    assert!(!text.contains('\x1b'), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Spaced review
// ---------------------------------------------------------------------------------------------

const DAY: u64 = 86_400;

#[test]
fn a_solved_kata_comes_back_for_review_and_each_pass_waits_longer() {
    let t0: u64 = 1_800_000_000;
    let at = |secs: u64| (t0 + secs).to_string();
    let t = Test::new().fixture_katas().file("add.rs", ADD_RIGHT);
    t.kata(&["submit", "add"])
        .env("KATA_NOW", at(0))
        .status(0)
        .run();
    t.kata(&["review"])
        .env("KATA_NOW", at(3600))
        .status(0)
        .stdout_has("Nothing is due for review. The next is add, in 23 h.")
        .run();
    assert!(!t.path("review").exists());
    t.kata(&["next"])
        .env("KATA_NOW", at(DAY + 3600))
        .status(0)
        .stdout_has("add is due for review: `kata review` serves it afresh.")
        .run();
    t.kata(&["review"])
        .env("KATA_NOW", at(DAY + 3600))
        .status(0)
        .stdout_has("  add  Add  due 1 h ago, review 1/5")
        .stdout_has("Wrote review/add.rs, a fresh starter (add.rs is untouched).")
        .stdout_has("kata submit review/add.rs")
        .run();
    assert!(t.read("review/add.rs").contains("todo!()"));
    assert!(t
        .read(".kata.rs")
        .contains("#[path = \"review/add.rs\"]\npub mod review_add;"));
    // The starter as it is fails: back to the first wait.
    t.kata(&["submit", "review/add.rs"])
        .env("KATA_NOW", at(DAY + 7200))
        .status(1)
        .stdout_has("Review not passed: add comes back in 1 day, and the waits start again.")
        .run();
    // Solved again while due: the next wait is 3 days, then 7.
    t.write("review/add.rs", ADD_RIGHT);
    t.kata(&["submit", "review/add.rs"])
        .env("KATA_NOW", at(2 * DAY + 7200))
        .status(0)
        .stdout_has("Review passed: add comes back in 3 days.")
        .run();
    // Before it is due, a submission changes nothing of the review.
    t.kata(&["submit", "review/add.rs", "--rerun"])
        .env("KATA_NOW", at(3 * DAY))
        .status(0)
        .stdout_lacks("Review")
        .run();
    let progress: serde_json::Value = serde_json::from_str(&t.read(".kata/progress.json")).unwrap();
    let review = &progress["katas"]["add"]["review"];
    assert_eq!(review["step"], 1);
    assert_eq!(review["due"], t0 + 5 * DAY + 7200);
    assert_eq!(
        (review["passed"].clone(), review["failed"].clone()),
        (1.into(), 1.into())
    );
    // Due again: the solved review file is kept aside, and a fresh starter served.
    let out = t
        .kata(&["review", "--json"])
        .env("KATA_NOW", at(6 * DAY))
        .status(0)
        .run()
        .json();
    assert_eq!(out["due"][0]["kata"], "add");
    assert_eq!(out["served"]["kata"], "add");
    let kept = out["served"]["kept"].as_str().unwrap();
    assert!(
        kept.ends_with(&format!("review/done/add-{}.rs", t0 + 6 * DAY)),
        "{kept}"
    );
    assert_eq!(std::fs::read_to_string(t.path(kept)).unwrap(), ADD_RIGHT);
    assert!(t.read("review/add.rs").contains("todo!()"));
    // The learner's own solved file never changed.
    assert_eq!(t.read("add.rs"), ADD_RIGHT);
}

// ---------------------------------------------------------------------------------------------
// Mock interviews
// ---------------------------------------------------------------------------------------------

#[test]
fn a_mock_interview_counts_down_locks_hints_and_keeps_a_summary() {
    let t0: u64 = 1_800_000_000;
    let at = |secs: u64| (t0 + secs).to_string();
    let t = Test::new().fixture_katas();
    let started = t
        .kata(&["interview", "--minutes", "30", "--json"])
        .env("KATA_NOW", at(0))
        .status(0)
        .run()
        .json();
    assert_eq!(started["ends"], t0 + 1800);
    let ids: Vec<&str> = started["katas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["add", "sum-lines"]);
    assert!(t.read("add.rs").contains("todo!()") && t.read("sum-lines.rs").contains("fn main"));
    t.kata(&["interview", "--minutes", "10"])
        .env("KATA_NOW", at(60))
        .status(2)
        .stderr_has("a mock interview is running (29:00 left): `kata interview --stop` ends it")
        .run();
    t.kata(&["hint", "add"])
        .env("KATA_NOW", at(60))
        .status(2)
        .stderr_has("hints are locked during the mock interview (29:00 left;")
        .run();
    t.kata(&["solution", "add", "--reveal"])
        .env("KATA_NOW", at(60))
        .status(2)
        .stderr_has("solutions are locked during the mock interview")
        .run();
    t.write("add.rs", ADD_WRONG);
    t.kata(&["test", "add"])
        .env("KATA_NOW", at(90))
        .status(1)
        .stdout_has("Mock interview: 28:30 left · 0/2 accepted")
        .run();
    t.kata(&["submit", "add"])
        .env("KATA_NOW", at(100))
        .status(1)
        .stdout_has("Mock interview: 28:20 left · 0/2 accepted")
        .run();
    t.write("add.rs", ADD_RIGHT);
    t.kata(&["submit", "add"])
        .env("KATA_NOW", at(400))
        .status(0)
        .stdout_has("Mock interview: 23:20 left · 1/2 accepted")
        .run();
    t.kata(&["interview"])
        .env("KATA_NOW", at(600))
        .status(0)
        .stdout_has("Mock interview: 30 minutes, 20:00 left")
        .stdout_has("  add        ✓ accepted after 06:40  2 attempts  last: accepted")
        .stdout_has("  sum-lines  ✗ not accepted          0 attempts  not submitted")
        .run();
    // The first submission after the time is up ends it, with the summary.
    t.kata(&["submit", "sum-lines"])
        .env("KATA_NOW", at(1900))
        .status(1)
        .stdout_has("Mock interview: 30 minutes, over (time up) after 30:00")
        .stdout_has("1/2 accepted")
        .stdout_lacks("left ·")
        .run();
    let progress: serde_json::Value = serde_json::from_str(&t.read(".kata/progress.json")).unwrap();
    let iv = &progress["interviews"][0];
    assert_eq!(iv["ended"]["why"], "time_up");
    assert_eq!(iv["katas"][0]["first_accept"], 400);
    assert_eq!(iv["katas"][0]["attempts"], 2);
    assert_eq!(iv["katas"][1]["first_accept"], serde_json::Value::Null);
    assert_eq!(iv["katas"][1]["attempts"], 0);
    t.kata(&["interview", "--last"])
        .env("KATA_NOW", at(2000))
        .status(0)
        .stdout_has("over (time up) after 30:00")
        .run();
    // Over, hints are back.
    t.kata(&["hint", "add"])
        .env("KATA_NOW", at(2000))
        .status(0)
        .stdout_has("Hint 1/2")
        .run();
    t.kata(&["interview", "--stop"])
        .env("KATA_NOW", at(2000))
        .status(2)
        .stderr_has("--stop: no mock interview is running")
        .run();
}

#[test]
fn watch_shows_the_interview_countdown_and_locks_hints() {
    let t = Test::new().fixture_katas();
    t.kata(&["interview", "--minutes", "45"]).status(0).run();
    let tmux = Tmux::start(t.workspace.path(), "interview");
    tmux.send(&[&watch_command(&common::fixtures().join("katas")), "Enter"]);
    let first = tmux.wait_for(&["not yet implemented", " left · 0/2 accepted"]);
    assert!(
        first.contains("Mock interview: 44:") || first.contains("Mock interview: 45:00"),
        "{first}"
    );
    tmux.send(&["h"]);
    tmux.wait_for(&["hints are locked during the mock interview"]);
    // The countdown moves by itself.
    let face = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("Mock interview:"))
            .map(str::to_string)
    };
    let before = face(&tmux.screen());
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert_ne!(face(&tmux.screen()), before);
    tmux.send(&["q"]);
    tmux.wait_for(&["exit=0"]);
    assert_eq!(
        tmux.live_processes(),
        vec!["bash --norc --noprofile".to_string()]
    );
}

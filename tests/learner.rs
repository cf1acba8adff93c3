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

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

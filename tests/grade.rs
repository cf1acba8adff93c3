//! `kata grade` on a synthetic class (`tests/fixtures/class`): five students with accepted,
//! wrong, compile-error, too-slow, missing, unknown-kata and unreadable files, and one copy
//! with every name changed and its functions reordered. Each test drives the real binary.

mod common;

use common::{fixtures, Run, Test};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn class() -> PathBuf {
    fixtures().join("class")
}

/// `kata grade ARGS` in a fresh workspace of `test`.
fn grade(test: &Test, args: &[&str]) -> Run {
    test.kata(&["grade"]).args(args)
}

/// One uninterrupted run over the whole class, made once for the tests that compare with it.
fn full_run() -> &'static Path {
    static RUN: OnceLock<(Test, PathBuf)> = OnceLock::new();
    let (_, out) = RUN.get_or_init(|| {
        let test = Test::new();
        let out = test.path("full");
        grade(
            &test,
            &[class().to_str().unwrap(), "--out", out.to_str().unwrap()],
        )
        .status(0)
        .run();
        (test, out)
    });
    out
}

const GRADES: &str = "\
student,two-sum,group-anagrams,valid-palindrome,solved,tests_passed,tests_total
ada,accepted,accepted,accepted,3,59,59
ben,wrong_answer,accepted,accepted,2,57,59
cy,time_limit_exceeded,accepted,compile_error,1,34,37
dee,accepted,not_submitted,not_submitted,1,19,19
eve,not_submitted,wrong_answer,unreadable,0,16,18
";

#[test]
fn a_class_is_graded_with_each_files_verdict() {
    let test = Test::new();
    let out = test.path("grades");
    let run = grade(&test, &[class().to_str().unwrap()])
        .status(0)
        .stderr_has("dee/fizz-buzz.rs: no kata `fizz-buzz`; not graded")
        .stderr_has("eve/valid-palindrome.rs: cannot be read")
        .stdout_has("graded 11 files of 5 students")
        .stdout_has("2 not graded")
        .run();
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    // `--out` defaults to `grades/`.
    assert_eq!(
        std::fs::read_to_string(out.join("grades.csv")).unwrap(),
        GRADES
    );
    // One `submit --json` object per submission, and none for what was not graded.
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("results/cy/valid-palindrome.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["status"], "error");
    assert_eq!(json["verdict"], "compile_error");
    assert!(
        json["message"]
            .as_str()
            .unwrap()
            .contains("valid-palindrome.rs:2:"),
        "{json}"
    );
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("results/cy/two-sum.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["verdict"], "time_limit_exceeded");
    assert!(json["tests"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["verdict"] == "time_limit_exceeded"
            && t["message"].as_str().unwrap().contains("of CPU time")));
    assert!(!out.join("results/dee/fizz-buzz.json").exists());
    assert!(!out.join("results/eve/valid-palindrome.json").exists());
    assert_eq!(files(&out.join("results")).len(), 11);
    // The same class graded again is all kept.
    grade(&test, &[class().to_str().unwrap()])
        .status(0)
        .stdout_has("0 judged now as 0 programs, 11 kept from an earlier run")
        .run();
    assert_eq!(
        std::fs::read_to_string(out.join("grades.csv")).unwrap(),
        GRADES
    );
}

#[test]
fn identical_files_are_judged_once() {
    let test = Test::new();
    let text = std::fs::read_to_string(class().join("ada/two-sum.rs")).unwrap();
    for s in ["kim", "lee", "max"] {
        test.write(&format!("twins/{s}/two-sum.rs"), &text);
    }
    test.write("twins/max/two-sum.rs", &format!("{text}// my own\n"));
    grade(&test, &["twins"])
        .status(0)
        .stdout_has("(3 judged now as 2 programs, 0 kept")
        .run();
    let read = |s: &str| {
        std::fs::read_to_string(test.path(&format!("grades/results/{s}/two-sum.json"))).unwrap()
    };
    assert_eq!(read("kim"), read("lee"));
    // The same file twice is the most alike pair there is.
    let csv = std::fs::read_to_string(test.path("grades/similarity.csv")).unwrap();
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("two-sum,kim,lee,100,"),
        "{csv}"
    );
}

#[test]
fn bad_input_is_one_line_naming_the_flag_or_folder() {
    let test = Test::new();
    grade(&test, &["no-such-class"])
        .status(2)
        .stderr_has("kata: cannot read no-such-class")
        .run();
    test.write("empty/README.md", "no students yet");
    grade(&test, &["empty"])
        .status(2)
        .stderr_has("empty: no student folders")
        .run();
    grade(&test, &[class().to_str().unwrap(), "--shard", "4/3"])
        .status(2)
        .stderr_has("expected K/N with 1 ≤ K ≤ N")
        .run();
    grade(&test, &["merge", "nowhere", "--out", "m"])
        .status(2)
        .stderr_has("nowhere: no grading run here")
        .run();
}

/// Every file under `dir`, by path relative to it, with its text.
fn files(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.insert(
                    rel,
                    String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned(),
                );
            }
        }
    }
    out
}

/// A file's text with what no two runs share taken out: the CPU times (in the results,
/// the slowest tests, the time-limit messages). Everything else must be equal byte for byte.
fn comparable(name: &str, text: &str) -> String {
    if name.ends_with(".json") && name.starts_with("results") {
        let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
        for t in json["tests"].as_array_mut().unwrap() {
            t["time_ms"] = 0.into();
        }
        return mask_times(&json.to_string());
    }
    if name == "report.html" {
        let start = text.find("<section id=\"slowest\">").unwrap();
        let end = start + text[start..].find("</section>").unwrap();
        return mask_times(&format!("{}{}", &text[..start], &text[end..]));
    }
    text.to_string()
}

/// Numbers of three digits or more (milliseconds) as `#`.
fn mask_times(s: &str) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    for c in s.chars().chain(['\0']) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        out.push_str(if digits.len() >= 3 { "#" } else { &digits });
        digits.clear();
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

#[track_caller]
fn assert_same_outputs(a: &Path, b: &Path) {
    let (fa, fb) = (files(a), files(b));
    assert_eq!(
        fa.keys().collect::<Vec<_>>(),
        fb.keys().collect::<Vec<_>>(),
        "the two folders hold other files"
    );
    for (name, text) in &fa {
        assert_eq!(
            comparable(name, text),
            comparable(name, &fb[name]),
            "{name} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

#[test]
fn three_shards_merged_are_one_run() {
    let full = full_run();
    let test = Test::new();
    let mut shards = Vec::new();
    let mut judged = 0;
    // Each machine has the class folder somewhere else.
    let elsewhere = test.path("elsewhere/class");
    copy_dir(&class(), &elsewhere);
    for k in 1..=3 {
        let dir = format!("shard{k}");
        let folder = if k == 2 { elsewhere.clone() } else { class() };
        let out = grade(
            &test,
            &[
                folder.to_str().unwrap(),
                "--shard",
                &format!("{k}/3"),
                "--out",
                &dir,
            ],
        )
        .status(0)
        .stdout_has(&format!("shard {k}/3: graded "))
        .stdout_has("kata grade merge")
        .run();
        let n: usize = out
            .stdout
            .split("graded ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        judged += n;
        // A share writes its results only; the merge writes the class's files.
        assert!(!test.path(&dir).join("grades.csv").exists());
        shards.push(dir);
    }
    assert_eq!(judged, 11, "each file is judged by exactly one shard");
    // An incomplete set of shards is refused.
    grade(&test, &["merge", "shard1", "shard3", "--out", "merged"])
        .status(2)
        .stderr_has("shard 2/3 is missing")
        .run();
    grade(
        &test,
        &["merge", "shard1", "shard2", "shard3", "--out", "merged"],
    )
    .status(0)
    .stdout_has("merged 3 shards: 11 results")
    .run();
    let merged = test.path("merged");
    assert_eq!(
        std::fs::read_to_string(merged.join("grades.csv")).unwrap(),
        GRADES
    );
    assert_same_outputs(full, &merged);
    // A shard's folder keeps to its share.
    grade(
        &test,
        &[
            class().to_str().unwrap(),
            "--shard",
            "1/2",
            "--out",
            "shard1",
        ],
    )
    .status(2)
    .stderr_has("holds shard 1/3 of a class")
    .run();
}

#[test]
fn a_run_killed_mid_way_and_started_again_ends_as_one_run() {
    let full = full_run();
    let test = Test::new();
    let out = test.path("resumed");
    let class = class();
    let args = [
        class.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--jobs",
        "1",
    ];
    let mut child = grade(&test, &args).start();
    let results = out.join("results");
    let started = Instant::now();
    // Killed (SIGKILL, no chance to tidy up) once some results are written, not all.
    while json_count(&results) < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(240),
            "no result written"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = json_count(&results);
    assert!(
        before < 11,
        "the run finished before it was killed ({before} results)"
    );
    assert!(!out.join("grades.csv").exists());
    let run = grade(&test, &args).status(0).run();
    let kept: usize = run
        .stdout
        .split(" kept from")
        .next()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // The last result may have been written without its key: that file is judged again.
    assert!(
        kept >= 1 && kept + 1 >= before,
        "{before} results before: {}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("({} judged now", 11 - kept)),
        "{}",
        run.stdout
    );
    assert_same_outputs(full, &out);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn json_count(dir: &Path) -> usize {
    if !dir.exists() {
        return 0;
    }
    files(dir).keys().filter(|k| k.ends_with(".json")).count()
}

#[test]
fn the_planted_copy_is_the_most_similar_pair_and_no_honest_pair_is_flagged() {
    let csv = std::fs::read_to_string(full_run().join("similarity.csv")).unwrap();
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert!(!rows.is_empty(), "{csv}");
    assert_eq!(&rows[0][..3], ["group-anagrams", "ada", "ben"], "{csv}");
    assert_eq!(rows[0][5], "true", "{csv}");
    assert!(rows[0][3].parse::<u32>().unwrap() >= 80, "{csv}");
    // Both functions of the copy are shared regions.
    assert!(
        rows[0][6].contains(' ') && rows[0][7].contains(' '),
        "{csv}"
    );
    for r in &rows[1..] {
        assert_eq!(r[5], "false", "an honest pair is flagged: {r:?}");
    }
}

/// Debian's chromium, as the tests run it (as root it needs `--no-sandbox`).
fn chromium() -> PathBuf {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .unwrap_or_else(|| {
            panic!(
                "no headless browser to check report.html: install Debian's chromium \
                 (`apt-get install -y chromium`; .ci/run does)"
            )
        })
}

fn browse(test: &Test, page: &Path, what: &[&str]) -> common::Output {
    let profile = tempfile::tempdir().unwrap();
    Run::new(chromium())
        .args(&[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,2000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(what)
        .arg(format!("file://{}", page.display()))
        .dir(test.workspace.path())
        .timeout(Duration::from_secs(120))
        .status(0)
        .run()
}

#[test]
fn the_report_renders_in_a_browser() {
    let page = full_run().join("report.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page fetches nothing"
    );
    let test = Test::new();
    // The DOM as the browser built it from the page.
    let dom = browse(&test, &page, &["--dump-dom"]).stdout;
    let heat = section(&dom, "heatmap");
    assert_eq!(heat.matches("<td class=\"cell v-").count(), 5 * 3, "{heat}");
    for (cell, n) in [
        ("v-accepted", 7),
        ("v-wrong_answer", 2),
        ("v-time_limit_exceeded", 1),
        ("v-compile_error", 1),
        ("v-unreadable", 1),
        ("v-not_submitted", 3),
    ] {
        assert_eq!(
            heat.matches(&format!("cell {cell}\"")).count(),
            n,
            "{cell}: {heat}"
        );
    }
    let dist = section(&dom, "distribution");
    assert!(dist.contains("<tr data-kata=\"two-sum\">"), "{dist}");
    assert!(
        section(&dom, "slowest").contains("large: "),
        "the slowest tests are the large ones"
    );
    assert!(section(&dom, "most-failed").contains("cy"));
    let similar = section(&dom, "similarity");
    let first = similar.find("<details").unwrap();
    assert!(similar[first..].starts_with("<details class=\"pair\" data-kata=\"group-anagrams\" data-a=\"ada\" data-b=\"ben\" open=\"\">"), "{similar}");
    assert!(similar.contains("class=\"shared\""));
    assert!(section(&dom, "not-graded").contains("dee/fizz-buzz.rs"));
    let students = section(&dom, "students");
    assert_eq!(students.matches("<section class=\"student\"").count(), 5);
    assert!(
        students.contains("expected `;`"),
        "cy's compiler output is shown"
    );
    // And the page as a person sees it.
    let shot = test.path("report.png");
    browse(&test, &page, &[&format!("--screenshot={}", shot.display())]);
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 1280);
    assert!(
        png.len() > 50_000,
        "a blank page is smaller ({} bytes)",
        png.len()
    );
}

/// The `<section id=ID>` of a page.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no section {id}"));
    // To the next top-level section (the students' own sections have no `id` first).
    let rest = &page[start + 1..];
    let end = start
        + 1
        + rest
            .find("<section id=")
            .or_else(|| rest.find("</body>"))
            .unwrap();
    &page[start..end]
}

/// On a terminal the run draws a progress bar, then leaves the one-line summary alone.
#[test]
fn a_terminal_shows_a_progress_bar() {
    let test = Test::new();
    let socket = format!("kata-grade-{}", std::process::id());
    let tmux = |args: &[&str]| Run::new("tmux").args(&["-L", &socket]).args(args);
    let command = format!(
        "KATA_CACHE_DIR={} {} --color never grade {} --out bar-out --jobs 1; echo exit=$?; sleep 600",
        common::shared_cache().display(),
        env!("CARGO_BIN_EXE_kata"),
        class().display()
    );
    tmux(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "g",
        "-x",
        "150",
        "-y",
        "30",
    ])
    .arg("-c")
    .arg(test.workspace.path())
    .arg(command)
    .status(0)
    .run();
    let screen = || {
        tmux(&["capture-pane", "-p", "-t", "g"])
            .status(0)
            .run()
            .stdout
    };
    let started = Instant::now();
    let mut bars = Vec::new();
    let last = loop {
        let s = screen();
        if let Some(bar) = s.lines().find(|l| l.contains("/11 files ·")) {
            bars.push(bar.to_string());
        }
        if s.contains("exit=") {
            break s;
        }
        assert!(started.elapsed() < Duration::from_secs(240), "no end:\n{s}");
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = std::process::Command::new("tmux")
        .args(["-L", &socket, "kill-server"])
        .output();
    assert!(!bars.is_empty(), "no progress bar was drawn:\n{last}");
    assert!(last.contains("exit=0"), "{last}");
    assert!(last.contains("graded 11 files of 5 students"), "{last}");
    assert!(
        !last.contains("/11 files ·"),
        "the bar is cleared at the end:\n{last}"
    );
}

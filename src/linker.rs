//! How programs are linked: by the toolchain's own `rust-lld`, called directly with what the
//! C compiler driver would have given it, when that was found and proven to work on this
//! machine; else through the driver (`cc`), as `rustc` does by default.
//!
//! The driver costs a link about half its time (27 ms against 13 ms, timing the two link
//! commands of one solution: `cc` and `collect2` start, read their specs and search for the
//! start files before the linker runs), and a learner's program is a few kilobytes: the link
//! is most of what is left of a compilation once the code is generated.

use crate::cache::{self, Cache, JsonEntry, Kind};
use crate::toolchain::Toolchain;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The `PATH` the compiler runs with, where it finds `cc`.
pub const COMPILE_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// How the final link of a program is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Linker {
    /// Through the C compiler driver, `rustc`'s default.
    Driver,
    /// By `rust-lld` itself.
    Direct(Recipe),
}

/// What the driver gives the linker beyond `rustc`'s own arguments, read off the driver once
/// (`cc -###`): the start files (`crt1.o`, `crti.o`, `crtbegin.o` and their ends), the
/// dynamic loader, the library folders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipe {
    lld: PathBuf,
    args: Vec<String>,
}

/// What was found for a toolchain and linkage: a recipe that linked and ran a program, or
/// none.
#[derive(Serialize, Deserialize)]
struct Probed {
    recipe: Option<Recipe>,
}

impl JsonEntry for Probed {
    const KIND: Kind = Kind::Toolchain;
}

/// Stands for the objects `rustc` gives, in the driver's command line.
const OBJECTS: &str = "kata-objects.o";

impl Linker {
    /// The direct linker of `toolchain`, for programs built with the flags `flags` gives
    /// for a linker, when a program it linked ran (once per toolchain, then cached); else
    /// the driver.
    pub fn find(
        toolchain: &Toolchain,
        cache: &Cache,
        flags: impl Fn(&Linker) -> Vec<String>,
    ) -> Linker {
        let key = cache::key(&[
            b"direct link 1",
            toolchain.version.as_bytes(),
            flags(&Linker::Driver).join(" ").as_bytes(),
        ]);
        let cached = cache
            .load::<Probed>(&key)
            .filter(|p| p.recipe.as_ref().is_none_or(Recipe::is_whole));
        let probed = cached.unwrap_or_else(|| {
            let probed = Probed {
                recipe: Recipe::probe(toolchain, flags),
            };
            cache.store(&key, &probed);
            probed
        });
        probed.recipe.map_or(Linker::Driver, Linker::Direct)
    }

    /// The `rustc` flags that pick this linker.
    pub fn flags(&self) -> Vec<String> {
        match self {
            Linker::Driver => Vec::new(),
            Linker::Direct(recipe) => recipe.flags(),
        }
    }

    /// `rustc` flags that give `arg` to the linker itself.
    pub fn arg(&self, arg: &str) -> Vec<String> {
        match self {
            // One driver argument, whatever `arg` holds (`-Wl,` splits at commas).
            Linker::Driver => vec![
                "-C".into(),
                "link-arg=-Xlinker".into(),
                "-C".into(),
                format!("link-arg={arg}"),
            ],
            Linker::Direct(_) => vec!["-C".into(), format!("link-arg={arg}")],
        }
    }
}

impl Recipe {
    fn flags(&self) -> Vec<String> {
        let mut flags = vec![
            "-C".to_string(),
            format!("linker={}", self.lld.display()),
            "-C".into(),
            "linker-flavor=ld.lld".into(),
        ];
        for arg in &self.args {
            flags.extend(["-C".into(), format!("link-arg={arg}")]);
        }
        flags
    }

    /// The start files `args` names, which must still be there (a compiler upgrade moves
    /// them).
    fn files(&self) -> impl Iterator<Item = &Path> {
        start_files(&self.args)
    }

    fn is_whole(&self) -> bool {
        self.lld.is_file() && self.files().all(Path::is_file)
    }

    /// The recipe read off the driver, if a program linked by it runs and unwinds.
    fn probe(toolchain: &Toolchain, flags: impl Fn(&Linker) -> Vec<String>) -> Option<Recipe> {
        let lld = toolchain
            .sysroot
            .join("lib/rustlib")
            .join(toolchain.host()?)
            .join("bin/rust-lld");
        if !lld.is_file() {
            return None;
        }
        let out = Command::new("cc")
            .args([
                "-###",
                "-no-pie",
                "-nodefaultlibs",
                OBJECTS,
                "-o",
                "kata-program",
            ])
            .env("PATH", COMPILE_PATH)
            .env("LC_ALL", "C")
            .stdin(Stdio::null())
            .output()
            .ok()?;
        let recipe = Recipe::read(lld, &String::from_utf8_lossy(&out.stderr))?;
        Recipe::links(toolchain, &flags(&Linker::Direct(recipe.clone()))).then_some(recipe)
    }

    /// The linker's command line in the driver's `-###` output, `rustc`'s objects and the
    /// driver's own plugin taken out.
    fn read(lld: PathBuf, driver: &str) -> Option<Recipe> {
        // Its words, separated by spaces, some in double quotes.
        let words = driver.lines().rev().find_map(|l| {
            let words = shlex::split(l)?;
            (words.iter().any(|w| w == OBJECTS)
                && words.first().is_some_and(|w| !w.starts_with("COLLECT_")))
            .then_some(words)
        })?;
        let mut words = words.into_iter().skip(1);
        let mut args = Vec::new();
        while let Some(w) = words.next() {
            match w.as_str() {
                "-plugin" | "-o" => {
                    words.next();
                }
                OBJECTS => {}
                w if w.starts_with("-plugin-opt=") => {}
                _ => args.push(w),
            }
        }
        // Start files are the point: a driver that names none is not understood here.
        let understood = start_files(&args).next().is_some()
            && start_files(&args).all(Path::is_absolute)
            && args.iter().any(|a| a == "-dynamic-linker");
        understood.then(|| {
            // One thread: the inputs are small, and programs are linked side by side.
            args.push("--threads=1".into());
            Recipe { lld, args }
        })
    }

    /// Whether a program built with `flags` (which pick the linker) runs and, with
    /// unwinding, catches a panic.
    fn links(toolchain: &Toolchain, flags: &[String]) -> bool {
        let Ok(dir) = tempfile::Builder::new().prefix("kata-link-").tempdir() else {
            return false;
        };
        let unwinds = !flags.iter().any(|f| f == "panic=abort");
        let body = if unwinds {
            "std::panic::set_hook(Box::new(|_| {}));\n    \
             let caught = std::panic::catch_unwind(|| panic!(\"probe\")).is_err();\n    \
             print!(\"{caught}\");"
        } else {
            "print!(\"true\");"
        };
        let src = dir.path().join("probe.rs");
        let program = dir.path().join("probe");
        if std::fs::write(&src, format!("fn main() {{\n    {body}\n}}\n")).is_err() {
            return false;
        }
        let built = Command::new(&toolchain.rustc)
            .args(flags)
            .arg("-o")
            .arg(&program)
            .arg(&src)
            .env_clear()
            .env("PATH", COMPILE_PATH)
            .env("TMPDIR", dir.path())
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output();
        if !built.is_ok_and(|o| o.status.success()) {
            return false;
        }
        Command::new(&program)
            .env_clear()
            .stdin(Stdio::null())
            .output()
            .is_ok_and(|o| o.status.success() && o.stdout == b"true")
    }
}

/// The object files of a linker command line: the start files, in a driver's.
fn start_files(args: &[String]) -> impl Iterator<Item = &Path> {
    args.iter().filter(|a| a.ends_with(".o")).map(Path::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRIVER: &str = "Using built-in specs.\n\
        COLLECT_GCC_OPTIONS='-no-pie' '-nodefaultlibs' '-o' 'kata-program'\n \
        /usr/lib/gcc/x86_64-linux-gnu/12/collect2 -plugin /usr/lib/gcc/x86_64-linux-gnu/12/liblto_plugin.so \
        \"-plugin-opt=/usr/lib/gcc/x86_64-linux-gnu/12/lto-wrapper\" \"-plugin-opt=-fresolution=/tmp/cc.res\" \
        --build-id --eh-frame-hdr -m elf_x86_64 \"--hash-style=gnu\" --as-needed \
        -dynamic-linker /lib64/ld-linux-x86-64.so.2 -o kata-program \
        /usr/lib/x86_64-linux-gnu/crt1.o /usr/lib/x86_64-linux-gnu/crti.o /usr/lib/gcc/x86_64-linux-gnu/12/crtbegin.o \
        -L/usr/lib/gcc/x86_64-linux-gnu/12 -L/usr/lib/x86_64-linux-gnu kata-objects.o \
        /usr/lib/gcc/x86_64-linux-gnu/12/crtend.o /usr/lib/x86_64-linux-gnu/crtn.o\n\
        COLLECT_GCC_OPTIONS='-no-pie' '-nodefaultlibs' '-o' 'kata-program'\n";

    #[test]
    fn the_recipe_is_the_drivers_line_without_its_plugin_output_and_objects() {
        let r = Recipe::read("/rust-lld".into(), DRIVER).expect("understood");
        assert_eq!(
            r.args,
            [
                "--build-id",
                "--eh-frame-hdr",
                "-m",
                "elf_x86_64",
                "--hash-style=gnu",
                "--as-needed",
                "-dynamic-linker",
                "/lib64/ld-linux-x86-64.so.2",
                "/usr/lib/x86_64-linux-gnu/crt1.o",
                "/usr/lib/x86_64-linux-gnu/crti.o",
                "/usr/lib/gcc/x86_64-linux-gnu/12/crtbegin.o",
                "-L/usr/lib/gcc/x86_64-linux-gnu/12",
                "-L/usr/lib/x86_64-linux-gnu",
                "/usr/lib/gcc/x86_64-linux-gnu/12/crtend.o",
                "/usr/lib/x86_64-linux-gnu/crtn.o",
                "--threads=1",
            ]
        );
        assert_eq!(r.files().count(), 5);
        assert!(r
            .files()
            .any(|f| f == Path::new("/usr/lib/x86_64-linux-gnu/crtn.o")));
        let flags = r.flags();
        assert_eq!(
            flags[..4],
            ["-C", "linker=/rust-lld", "-C", "linker-flavor=ld.lld"]
        );
    }

    #[test]
    fn a_driver_that_names_no_start_files_is_not_used() {
        assert_eq!(
            Recipe::read("/rust-lld".into(), "cc: error: no input files\n"),
            None
        );
        let bare = " /usr/bin/ld -o kata-program kata-objects.o -lc\n";
        assert_eq!(Recipe::read("/rust-lld".into(), bare), None);
    }

    #[test]
    fn quoted_words_keep_their_spaces_and_escapes() {
        let driver =
            r#" /bin/collect2 "-L/a b" -o "x\"y" -dynamic-linker /ld.so /crt1.o kata-objects.o"#;
        let r = Recipe::read("/rust-lld".into(), driver).expect("understood");
        assert_eq!(
            r.args,
            [
                "-L/a b",
                "-dynamic-linker",
                "/ld.so",
                "/crt1.o",
                "--threads=1"
            ]
        );
        let escaped = r#" /bin/collect2 "-L/x\"y" -dynamic-linker /ld.so /crt1.o kata-objects.o"#;
        let r = Recipe::read("/rust-lld".into(), escaped).expect("understood");
        assert_eq!(r.args[0], "-L/x\"y");
    }

    #[test]
    fn arguments_reach_the_linker_whole_either_way() {
        assert_eq!(
            Linker::Driver.arg("-rpath=/a,b"),
            ["-C", "link-arg=-Xlinker", "-C", "link-arg=-rpath=/a,b"]
        );
        let r = Recipe::read("/rust-lld".into(), DRIVER).unwrap();
        assert_eq!(
            Linker::Direct(r).arg("-rpath=/a,b"),
            ["-C", "link-arg=-rpath=/a,b"]
        );
    }
}

//! `kata new ID`: scaffold `katas/ID.toml` and `solutions/ID.rs` that already validate, for
//! an instructor to edit.

use super::Ctx;
use crate::error::Status;
use crate::error::{Error, Result};
use crate::kata::{self, KataId, Source};
use std::path::PathBuf;

const TEMPLATE: &str = r#"title = "TITLE"
topic = "hashmap"                 # hashmap | two-pointers | sliding-window | ml | ...
difficulty = "easy"               # easy | medium | hard
order = 100                       # study order, lower first; ties by id
time_limit_ms = 1000              # per test case
memory_limit_mb = 256             # per test case
statement = """
Return the sum of `nums`.

**Constraints:** `0 <= nums.len() <= 10^5`, `-10^9 <= nums[i] <= 10^9`.
"""
hints = ["Start with an accumulator at zero."]

[function]
signature = "pub fn solve(nums: &[i64]) -> i64"

[[samples]]
args = [[1, 2, 3]]
expected = 6

[[tests]]
name = "empty"
args = [[]]
expected = 0
"#;

const SOLUTION: &str = "/// Reference solution: sums the numbers.\npub fn solve(nums: &[i64]) -> i64 {\n    nums.iter().sum()\n}\n";

pub fn run(ctx: &Ctx, id: &str) -> Result<Status> {
    let id = KataId::new(id).map_err(Error::input)?;
    let dir = match &ctx.source {
        Source::Dir(d) => d.clone(),
        Source::Bundled => PathBuf::from("katas"),
    };
    let toml_path = dir.join(format!("{id}.toml"));
    let sol_dir = kata::solutions_dir(&dir);
    let sol_path = sol_dir.join(format!("{id}.rs"));
    for p in [&toml_path, &sol_path] {
        if p.exists() {
            return Err(Error::input(format!(
                "{}: already exists, not overwritten",
                p.display()
            )));
        }
    }
    for d in [&dir, &sol_dir] {
        std::fs::create_dir_all(d).map_err(|e| Error::io("create", d, e))?;
    }
    let title = id
        .as_str()
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    write_new(&toml_path, &TEMPLATE.replace("TITLE", &title))?;
    write_new(&sol_path, SOLUTION)?;
    ctx.ui.out(&format!(
        "Created {} and {}.\nEdit them, then run `kata --katas {} validate {id}`.",
        toml_path.display(),
        sol_path.display(),
        dir.display()
    ))?;
    Ok(Status::Success)
}

fn write_new(path: &std::path::Path, text: &str) -> Result<()> {
    use std::io::Write;
    let mut f = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Error::io("create", path, e))?;
    f.write_all(text.as_bytes())
        .map_err(|e| Error::io("write", path, e))
}

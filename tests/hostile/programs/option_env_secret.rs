// expect: accepted
// Reads variables of the judge's environment at compile time, where a missing one is no
// error.
pub fn probe(x: i64) -> i64 {
    let mut leaked = 0;
    for (name, value) in [
        ("KATA_HOSTILE_SECRET", option_env!("KATA_HOSTILE_SECRET")),
        ("HOME", option_env!("HOME")),
        ("KATA_CACHE_DIR", option_env!("KATA_CACHE_DIR")),
    ] {
        if let Some(value) = value {
            println!("leaked {name}={value}");
            leaked += 1;
        }
    }
    x + leaked
}

// expect: accepted
// Double fork into a new session with setsid(1): the grandchild belongs to no group or
// session of the judge.
pub fn probe(x: i64) -> i64 {
    match std::process::Command::new("setsid")
        .args(["-f", "sleep", "{{MARKER}}"])
        .status()
    {
        Ok(status) => {
            println!("setsid: {status}");
            x + 1
        }
        Err(_) => x,
    }
}

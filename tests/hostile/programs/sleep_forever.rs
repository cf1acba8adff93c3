// expect: time_limit_exceeded
// Sleeps instead of working: no CPU time is used, the wall clock stops it.
pub fn probe(x: i64) -> i64 {
    std::thread::sleep(std::time::Duration::from_secs(1000));
    x
}

// expect: accepted
// Floods the result channel, which the judge reads with a far larger limit than stdout's:
// the judge itself would hold hundreds of megabytes per test.
use std::io::Write;

pub fn probe(x: i64) -> i64 {
    let Ok(mut channel) = std::fs::OpenOptions::new().write(true).open("/proc/self/fd/3") else {
        return x;
    };
    let block = vec![b'7'; 1 << 20];
    let mut sent = 0;
    while channel.write_all(&block).is_ok() {
        sent += 1;
    }
    x + 1 + sent
}

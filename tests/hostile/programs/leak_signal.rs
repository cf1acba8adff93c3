// expect: runtime_error
// Kills itself with one of 16 signals chosen by its input's low 4 bits: a report that names
// the signal tells 4 bits of every hidden input.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    // Signals whose default action ends the process, and that neither std handles (SIGSEGV,
    // SIGBUS, SIGPIPE) nor the judge may read as a limit (SIGKILL, SIGXCPU, SIGSYS).
    const SIGNALS: [i64; 16] = [1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 15, 16, 26, 27, 29, 30];
    let signal = SIGNALS[(x & 15) as usize];
    let pid = sys(39, &[]).unwrap_or(0);
    let tid = sys(186, &[]).unwrap_or(0);
    let r = sys(234, &[pid, tid, signal]);
    eprintln!("tgkill(self, {signal}): {r:?}");
    x
}

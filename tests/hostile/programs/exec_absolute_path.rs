// expect: accepted
// A program launched as itself (a stdin/stdout kata's), whose launcher executed it through a
// descriptor that is closed now: execveat with each descriptor number the launcher could
// have had, AT_EMPTY_PATH, and an absolute path (which the kernel follows whatever the
// descriptor). The run's filters allow only the launcher's own exec, so each must be refused.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_line(&mut input).unwrap();
    if !raw_calls_work() {
        println!("raw system calls do not reach the kernel");
        return;
    }
    // A path that does not exist: an allowed exec fails with ENOENT and this process goes on.
    let path = b"/nonexistent-kata-{{MARKER}}\0";
    let argv = [addr(path), 0];
    let envp = [0i64];
    let mut reached = Vec::new();
    for fd in -1..64 {
        let r = sys(322, &[fd, addr(path), addr(&argv), addr(&envp), 0x1000]);
        if r != Err(1) {
            reached.push((fd, r));
        }
    }
    if reached.is_empty() {
        print!("{input}");
    } else {
        println!("execveat reached the kernel: {reached:?}");
    }
}

// expect: compile_error
// Calls fork(2) directly: `unsafe` is forbidden.
extern "C" {
    fn fork() -> i32;
    fn _exit(code: i32) -> !;
}

pub fn probe(x: i64) -> i64 {
    let pid = unsafe { fork() };
    if pid == 0 {
        std::thread::sleep(std::time::Duration::from_secs({{MARKER}}));
        unsafe { _exit(0) }
    }
    if pid > 0 {
        x + 1
    } else {
        x
    }
}

// expect: runtime_error
// Panics in a thread named after its input: the panic's first line names the thread, for
// a report that hides the message but keeps the rest.
pub fn probe(x: i64) -> i64 {
    let panicked = std::thread::Builder::new()
        .name(format!("input {x}"))
        .spawn(move || panic!("x = {x:#x}"))
        .unwrap()
        .join();
    x + panicked.is_err() as i64
}

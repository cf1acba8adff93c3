// expect: runtime_error
// Panics on every test with a 15 MiB message: a judge that keeps whole messages grows, and
// so does its report, with what the program prints.
pub fn probe(x: i64) -> i64 {
    let mut message = String::with_capacity((15 << 20) + 32);
    while message.len() < 15 << 20 {
        message.push_str("panic! ");
    }
    message.push_str(&x.to_string());
    // std's own hook formats a message into a buffer before writing it, twice its size in
    // memory; this one writes it as it is, in the same form, and stays under the limit.
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().unwrap();
        let message = info.payload().downcast_ref::<String>().unwrap();
        eprintln!("\nthread 'main' panicked at {location}:\n{message}");
    }));
    std::panic::panic_any(message)
}

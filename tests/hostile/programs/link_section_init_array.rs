// expect: compile_error
// A function pointer placed in `.init_array` by an `unsafe(link_section)` attribute: code
// that runs before `main`, before anything the harness sets up.
extern "C" fn before_main() {
    eprintln!("running before main");
}

#[used]
#[unsafe(link_section = ".init_array")]
static RUN_FIRST: extern "C" fn() = before_main;

pub fn probe(x: i64) -> i64 {
    x + 1
}

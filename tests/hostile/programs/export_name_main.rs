// expect: compile_error
// Exports a function as the C `main`, in place of the harness's: the program then does
// whatever it likes before (or instead of) reading its input.
#[export_name = "main"]
pub extern "C" fn replaced_main() -> i32 {
    0
}

pub fn probe(x: i64) -> i64 {
    x + 1
}

// expect: compile_error
// A 256 MiB static, within the compiler's memory limit: the program builds to a binary of
// that size, which the judge would keep in its cache (and the next such program another).
static HUGE: [u8; 256 << 20] = [7; 256 << 20];

pub fn probe(x: i64) -> i64 {
    x + HUGE[(x as usize) & 0xffff] as i64 - 7
}

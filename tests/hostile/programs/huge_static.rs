// expect: compile_error
// A 4 GiB static: the compiler would allocate it and write it to disk.
static HUGE: [u8; 1 << 32] = [7; 1 << 32];

pub fn probe(x: i64) -> i64 {
    x + HUGE[(x as usize) & 0xffff] as i64 - 7
}

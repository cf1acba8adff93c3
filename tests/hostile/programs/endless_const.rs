// expect: compile_error
// A constant whose evaluation never ends: the compiler would run forever.
#![allow(long_running_const_eval)]

const SPIN: u64 = {
    let mut i: u64 = 1;
    while i != 0 {
        i = i
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        if i == 0x5eed {
            break;
        }
    }
    i
};

pub fn probe(x: i64) -> i64 {
    x + SPIN as i64 * 0
}

pub fn probe(x: i64) -> i64 {
    x
}

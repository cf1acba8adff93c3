// expect: wrong_answer
// Prints what the right answer would look like in every form it might take, then returns
// a wrong one.
pub fn probe(x: i64) -> i64 {
    println!("{x}");
    println!("{x} ");
    println!("0123456789abcdef0123456789abcdef\n{x} ");
    eprintln!("{x}");
    x + 1
}

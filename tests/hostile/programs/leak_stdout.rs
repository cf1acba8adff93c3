// expect: wrong_answer
// Prints its input on stdout and answers wrongly, one more than its input: a report that
// shows a hidden test's output, or its answer, tells the input.
pub fn probe(x: i64) -> i64 {
    println!("the input is {x}");
    x + 1
}

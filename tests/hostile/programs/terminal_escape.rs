// expect: runtime_error
// Escape sequences in what the judge shows back (the program's output, its panic message):
// on a terminal they clear the screen, fake the judge's verdict, and hide the lines after
// them (concealed text), or set the terminal's title and clipboard.
const FAKE: &str = "\x1b[2J\x1b[H\r\x1b[32m\u{2713} probe: accepted, 3/3 tests passed\x1b[0m\x1b[8m";
const OSC: &str = "\x1b]0;kata\x07\x1b]52;c;ZWNobyBoaQ==\x07";

pub fn probe(x: i64) -> i64 {
    if x == 1 {
        panic!("{FAKE}{OSC}");
    }
    print!("{FAKE}{OSC}");
    x + 1
}

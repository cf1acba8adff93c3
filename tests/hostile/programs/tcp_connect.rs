// expect: accepted
// Connects to a TCP listener on the loopback and sends a message.
use std::io::Write;

pub fn probe(x: i64) -> i64 {
    match std::net::TcpStream::connect("127.0.0.1:{{PORT}}") {
        Ok(mut stream) => {
            let _ = stream.write_all(b"hello from the sandbox");
            println!("connected");
            x + 1
        }
        Err(_) => x,
    }
}

// expect: accepted
// Connects to Unix sockets of other processes: one on a path, one abstract.
use std::io::Write;
use std::os::linux::net::SocketAddrExt;
use std::os::unix::net::{SocketAddr, UnixStream};

pub fn probe(x: i64) -> i64 {
    let mut reached = 0;
    if let Ok(mut s) = UnixStream::connect("{{SOCKET}}") {
        let _ = s.write_all(b"hello from the sandbox");
        println!("connected to the path socket");
        reached += 1;
    }
    if let Ok(addr) = SocketAddr::from_abstract_name(b"{{ABSTRACT}}") {
        if let Ok(mut s) = UnixStream::connect_addr(&addr) {
            let _ = s.write_all(b"hello from the sandbox");
            println!("connected to the abstract socket");
            reached += 1;
        }
    }
    x + reached
}

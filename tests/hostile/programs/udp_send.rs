// expect: accepted
// Sends a UDP datagram to a socket on the loopback.
pub fn probe(x: i64) -> i64 {
    let Ok(socket) = std::net::UdpSocket::bind("127.0.0.1:0") else { return x };
    match socket.send_to(b"hello from the sandbox", "127.0.0.1:{{PORT}}") {
        Ok(_) => {
            println!("sent");
            x + 1
        }
        Err(_) => x,
    }
}

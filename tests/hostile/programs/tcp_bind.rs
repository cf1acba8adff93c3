// expect: accepted
// Opens a TCP server, on any port and on the loopback.
pub fn probe(x: i64) -> i64 {
    let mut bound = 0;
    for addr in ["127.0.0.1:0", "0.0.0.0:{{PORT}}"] {
        if let Ok(listener) = std::net::TcpListener::bind(addr) {
            println!("listening on {:?}", listener.local_addr());
            bound += 1;
        }
    }
    x + bound
}

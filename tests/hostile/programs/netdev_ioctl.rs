// expect: accepted
// Lists the host's network interfaces and sets a flag on its loopback, by ioctls on the
// result channel (descriptor 3, a socket the judge made in its own namespace) and others.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

const SIOCGIFCONF: i64 = 0x8912;
const SIOCGIFFLAGS: i64 = 0x8913;
const SIOCSIFFLAGS: i64 = 0x8914;
/// IFF_DEBUG: a flag without effect, but one that the host's `ip link` shows.
const IFF_DEBUG: u16 = 0x4;
/// struct ifreq: a name of 16 bytes, then a union of 24 (here an address or the flags).
const IFREQ: usize = 40;

/// The interfaces that SIOCGIFCONF on `fd` lists, or its errno.
fn interfaces(fd: i64) -> Result<Vec<String>, i32> {
    let mut reqs = [0u8; IFREQ * 32];
    // struct ifconf: the buffer's length (an int, padded to 8 bytes), then its address.
    let mut conf = [reqs.len() as i64, addr_mut(&mut reqs[..])];
    sys(16, &[fd, SIOCGIFCONF, addr_mut(&mut conf)])?;
    let len = (conf[0] as i32 as usize).min(reqs.len());
    let reqs = std::hint::black_box(&reqs);
    Ok(reqs[..len]
        .chunks(IFREQ)
        .map(|r| {
            String::from_utf8_lossy(&r[..16])
                .trim_end_matches('\0')
                .to_string()
        })
        .collect())
}

/// SIOCGIFFLAGS then SIOCSIFFLAGS on `lo`, with IFF_DEBUG added.
fn flag_loopback(fd: i64) -> Result<i64, i32> {
    let mut req = [0u8; IFREQ];
    req[..2].copy_from_slice(b"lo");
    sys(16, &[fd, SIOCGIFFLAGS, addr_mut(&mut req[..])])?;
    let req = std::hint::black_box(&mut req);
    let flags = u16::from_ne_bytes([req[16], req[17]]) | IFF_DEBUG;
    req[16..18].copy_from_slice(&flags.to_ne_bytes());
    sys(16, &[fd, SIOCSIFFLAGS, addr_mut(&mut req[..])])
}

pub fn probe(x: i64) -> i64 {
    use std::os::unix::io::AsRawFd;
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let mut fds = vec![("descriptor 3", 3i64)];
    let pair = std::os::unix::net::UnixStream::pair();
    match &pair {
        Ok((a, _)) => fds.push(("a socket pair", a.as_raw_fd() as i64)),
        Err(e) => eprintln!("socketpair: {e}"),
    }
    // socket(AF_INET, SOCK_DGRAM, 0) and socket(AF_UNIX, SOCK_DGRAM, 0).
    for (what, domain) in [("an inet socket", 2), ("a unix socket", 1)] {
        match sys(41, &[domain, 2, 0]) {
            Ok(fd) => fds.push((what, fd)),
            Err(e) => eprintln!("{what}: errno {e}"),
        }
    }
    let mut reached = 0;
    for (what, fd) in fds {
        match interfaces(fd) {
            Ok(names) => {
                eprintln!("{what}: SIOCGIFCONF lists {names:?}");
                // A namespace of its own would show its loopback at most.
                reached += names.iter().any(|n| n != "lo") as i64;
            }
            Err(e) => eprintln!("{what}: SIOCGIFCONF: errno {e}"),
        }
        match flag_loopback(fd) {
            Ok(_) => {
                eprintln!("{what}: SIOCSIFFLAGS set IFF_DEBUG on lo");
                reached += 1;
            }
            Err(e) => eprintln!("{what}: SIOCGIFFLAGS/SIOCSIFFLAGS: errno {e}"),
        }
    }
    x + reached
}

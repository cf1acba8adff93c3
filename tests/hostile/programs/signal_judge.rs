// expect: accepted
// Reaches for other processes. Signal 0 (a permission check, nothing is sent) to its parent
// (the judge), every process, the test and init; pidfds, ptrace, process_vm_readv.
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

/// Whether the kernel let the call at its target: any answer but "not permitted", "no such
/// process" or "no such call" (EFAULT from reading an address of its own in the judge's
/// memory means the read was allowed).
fn reached(what: &str, r: Result<i64, i32>) -> i64 {
    eprintln!("{what}: {r:?}");
    !matches!(r, Err(1) | Err(3) | Err(38)) as i64
}

static SOME_DATA: [u8; 8] = *b"kata-rd\0";

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let own = sys(39, &[]).unwrap_or(0);
    let judge = sys(110, &[]).unwrap_or(0);
    let test: i64 = {{TEST_PID}};
    let mut n = 0;
    // Every process but its own (in a pid namespace, its parent shows as 0, and it may be 1).
    let others = [("the judge", judge), ("the test", test), ("init", 1)];
    for (what, pid) in others.into_iter().filter(|&(_, pid)| pid > 0 && pid != own) {
        n += reached(&format!("kill({what}, 0)"), sys(62, &[pid, 0]));
    }
    n += reached("kill(every process, 0)", sys(62, &[-1, 0]));
    if judge <= 0 || judge == own {
        eprintln!("its parent, the judge, is out of sight");
        return x + n;
    }
    n += reached("tgkill(judge, judge, 0)", sys(234, &[judge, judge, 0]));
    match sys(434, &[judge, 0]) {
        Ok(pidfd) => {
            n += 1;
            n += reached("pidfd_send_signal(judge, 0)", sys(424, &[pidfd, 0, 0, 0]));
        }
        Err(e) => eprintln!("pidfd_open(judge): errno {e}"),
    }
    // PTRACE_SEIZE: tracing without stopping the judge.
    n += reached(
        "ptrace(PTRACE_SEIZE, judge)",
        sys(101, &[0x4206, judge, 0, 0]),
    );
    let mut buf = [0u8; 8];
    let local = [addr_mut(&mut buf), 8];
    let remote = [addr(&SOME_DATA), 8];
    n += reached(
        "process_vm_readv(judge)",
        sys(310, &[judge, addr(&local), 1, addr(&remote), 1, 0]),
    );
    x + n
}

// expect: accepted
// Changes through prctl what the sandbox set up or relies on: the parent-death signal, being
// dumpable or traceable by anyone, the memory map's metadata, reaping orphans.
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

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let mut size = 0u32;
    let size_at = addr_mut(&mut size);
    let attempts: [(&str, [i64; 3]); 5] = [
        ("PR_SET_PDEATHSIG(0)", [1, 0, 0]),
        ("PR_SET_DUMPABLE(1)", [4, 1, 0]),
        ("PR_SET_PTRACER(any)", [0x5961_6d61, -1, 0]),
        ("PR_SET_CHILD_SUBREAPER(1)", [36, 1, 0]),
        // PR_SET_MM_MAP_SIZE only reports a size: it shows whether PR_SET_MM gets through.
        ("PR_SET_MM(PR_SET_MM_MAP_SIZE)", [35, 15, size_at]),
    ];
    let mut changed = 0;
    for (what, args) in attempts {
        let r = sys(157, &[args[0], args[1], args[2], 0, 0]);
        eprintln!("{what}: {r:?}");
        changed += r.is_ok() as i64;
    }
    // Harmless whether or not they are allowed: reading the bounding set, and stacking a
    // seccomp filter that allows everything (filters only ever add restrictions).
    let r = sys(157, &[23, 21, 0, 0, 0]);
    eprintln!("PR_CAPBSET_READ(CAP_SYS_ADMIN): {r:?}");
    // struct sock_filter { code: u16 = BPF_RET | BPF_K, jt, jf, k: u32 = SECCOMP_RET_ALLOW }.
    let allow_all = [0x7fff_0000_0000_0006u64];
    // struct sock_fprog { len: u16 (padded), filter }.
    let program = [1i64, addr(&allow_all)];
    let r = sys(317, &[1, 0, addr(&program)]);
    eprintln!("seccomp(SECCOMP_SET_MODE_FILTER, allow all): {r:?}");
    x + changed
}

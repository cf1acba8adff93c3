// expect: accepted
// Asks who it runs as (raw calls, /proc/self/status; the test reads its status from outside):
// under a judge run as root, not root, no supplementary group, no capability, no_new_privs.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    // Supplementary groups are the judge's own business unless it runs as root.
    let judge_is_root = {{JUDGE_IS_ROOT}};
    let mut privileged = 0;
    let mut flag = |what: &str, bad: bool| {
        if bad {
            eprintln!("privileged: {what}");
            privileged += 1;
        }
    };
    for (what, n) in [
        ("getuid", 102),
        ("geteuid", 107),
        ("getgid", 104),
        ("getegid", 108),
    ] {
        let id = sys(n, &[]);
        eprintln!("{what}: {id:?}");
        flag(what, id == Ok(0));
    }
    // getgroups(0, NULL): how many supplementary groups.
    let groups = sys(115, &[0, 0]);
    eprintln!("getgroups: {groups:?}");
    flag("getgroups", judge_is_root && groups.is_ok_and(|n| n > 0));
    // capget, version 3: effective, permitted, inheritable, two 32-bit words each.
    let header = [0x2008_0522u32, 0];
    let mut sets = [0u32; 6];
    let got = sys(125, &[addr(&header), addr_mut(&mut sets)]);
    let sets = std::hint::black_box(sets);
    eprintln!("capget: {got:?} {sets:x?}");
    flag("capget", got.is_ok() && sets.iter().any(|&w| w != 0));
    // The same as the kernel shows it, with the ambient set and no_new_privs.
    match std::fs::read_to_string("/proc/self/status") {
        Ok(status) => {
            for line in status.lines() {
                let (key, value) = line.split_once(':').unwrap_or((line, ""));
                let fields: Vec<&str> = value.split_whitespace().collect();
                match key {
                    "Uid" | "Gid" => flag(line, fields.contains(&"0")),
                    "Groups" => flag(line, judge_is_root && !fields.is_empty()),
                    "CapInh" | "CapPrm" | "CapEff" | "CapAmb" => {
                        flag(line, fields.iter().any(|f| f.trim_start_matches('0') != ""))
                    }
                    "NoNewPrivs" => flag(line, fields != ["1"]),
                    _ => {}
                }
            }
        }
        Err(e) => eprintln!("/proc/self/status: {e}"),
    }
    // Where the sandbox hides its own state from it, the test still sees it: under a name
    // the test looks for, it waits a moment.
    let name = b"kh{{MARKER}}\0";
    let _ = sys(157, &[15, addr(name)]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    x + privileged
}

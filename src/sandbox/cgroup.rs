//! Memory and task limits counted by the kernel: a cgroup per running test (a *slot*, reused
//! from test to test), under a folder of this judge's own (`kata-PID`), in the v1 `memory`
//! and `pids` hierarchies or in the unified (v2) one. A cgroup counts everything the program
//! makes the kernel hold (heap, stacks, page tables, kernel memory, shared memory), which
//! RLIMIT_DATA does not; an OOM kill inside it is a memory_limit_exceeded.
//!
//! The judge may create cgroups only where it can write: as root, or in a v2 subtree
//! delegated to its user. Elsewhere there is none, and `kata doctor` says so.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Tasks (threads included) one test may have at once.
pub const TASKS: u64 = 64;
/// Memory a test may use beyond its limit for what the kernel keeps on its behalf (page
/// tables of the binary and libraries, the kernel stacks of its threads).
pub const KERNEL_ALLOWANCE: u64 = 16 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// cgroup v1: the `memory` and `pids` hierarchies, each a folder of this judge's.
    V1 {
        memory: PathBuf,
        pids: Option<PathBuf>,
    },
    /// cgroup v2: one folder with both controllers.
    V2 { base: PathBuf },
}

#[derive(Debug)]
pub struct Cgroups {
    pub layout: Layout,
    /// Slots not in use, with the memory limit last written to each.
    free: Mutex<Vec<(usize, u64)>>,
    made: Mutex<usize>,
}

/// This judge's cgroups, or why there are none.
pub fn get() -> &'static Result<Cgroups, String> {
    static CGROUPS: OnceLock<Result<Cgroups, String>> = OnceLock::new();
    CGROUPS.get_or_init(setup)
}

/// One line of /proc/self/mountinfo that mounts a cgroup file system: (mount point, fs type,
/// super options).
fn cgroup_mounts(mountinfo: &str) -> Vec<(PathBuf, String, String)> {
    mountinfo
        .lines()
        .filter_map(|line| {
            let (left, right) = line.split_once(" - ")?;
            let mount_point = left.split(' ').nth(4)?;
            let mut right = right.split(' ');
            let fstype = right.next()?;
            let _source = right.next()?;
            let options = right.next().unwrap_or("");
            fstype.starts_with("cgroup").then(|| {
                (
                    PathBuf::from(mount_point),
                    fstype.to_string(),
                    options.to_string(),
                )
            })
        })
        .collect()
}

/// This process's cgroup in the v1 hierarchy holding `controller`, or in v2 (`""`).
fn own_cgroup(proc_cgroup: &str, controller: &str) -> Option<String> {
    proc_cgroup.lines().find_map(|line| {
        let mut parts = line.splitn(3, ':');
        let (_, controllers, path) = (parts.next()?, parts.next()?, parts.next()?);
        let hit = if controller.is_empty() {
            controllers.is_empty()
        } else {
            controllers.split(',').any(|c| c == controller)
        };
        hit.then(|| path.to_string())
    })
}

fn setup() -> Result<Cgroups, String> {
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").map_err(|e| e.to_string())?;
    let proc_cgroup = std::fs::read_to_string("/proc/self/cgroup").map_err(|e| e.to_string())?;
    let mounts = cgroup_mounts(&mountinfo);
    let v1 = |controller: &str| -> Option<PathBuf> {
        let (mount, _, _) = mounts
            .iter()
            .find(|(_, t, o)| t == "cgroup" && o.split(',').any(|opt| opt == controller))?;
        let own = own_cgroup(&proc_cgroup, controller)?;
        Some(mount.join(own.trim_start_matches('/')))
    };
    let name = format!("kata-{}", std::process::id());
    let layout = if let Some(memory) = v1("memory") {
        let make = |dir: &Path| -> Result<PathBuf, String> {
            let own = dir.join(&name);
            std::fs::create_dir(&own)
                .map_err(|e| format!("cannot create a cgroup in {}: {e}", dir.display()))?;
            Ok(own)
        };
        let memory = make(&memory)?;
        let pids = v1("pids").and_then(|p| make(&p).ok());
        Layout::V1 { memory, pids }
    } else {
        let (mount, _, _) = mounts
            .iter()
            .find(|(_, t, _)| t == "cgroup2")
            .ok_or("no cgroup file system is mounted")?;
        let own = own_cgroup(&proc_cgroup, "").ok_or("this process is in no v2 cgroup")?;
        let dir = mount.join(own.trim_start_matches('/'));
        let controllers =
            std::fs::read_to_string(dir.join("cgroup.controllers")).unwrap_or_default();
        if !controllers.split_whitespace().any(|c| c == "memory") {
            return Err(format!(
                "the memory controller is not available in {} (v1 holds it, or it is not delegated)",
                dir.display()
            ));
        }
        let base = dir.join(&name);
        std::fs::create_dir(&base)
            .map_err(|e| format!("cannot create a cgroup in {}: {e}", dir.display()))?;
        // Children of `base` get the controllers only if `base` passes them on, and `base`
        // holds no process, so it may.
        let enable = if controllers.split_whitespace().any(|c| c == "pids") {
            "+memory +pids"
        } else {
            "+memory"
        };
        if let Err(e) = std::fs::write(dir.join("cgroup.subtree_control"), enable)
            .and_then(|_| std::fs::write(base.join("cgroup.subtree_control"), enable))
        {
            let _ = std::fs::remove_dir(&base);
            return Err(format!(
                "cannot delegate the memory controller below {} ({e}); run the judge in a \
                 cgroup of its own",
                dir.display()
            ));
        }
        Layout::V2 { base }
    };
    Ok(Cgroups {
        layout,
        free: Mutex::new(Vec::new()),
        made: Mutex::new(0),
    })
}

impl Cgroups {
    /// The folders of this judge (to remove when it ends).
    pub fn roots(&self) -> Vec<PathBuf> {
        match &self.layout {
            Layout::V1 { memory, pids } => std::iter::once(memory.clone())
                .chain(pids.clone())
                .collect(),
            Layout::V2 { base } => vec![base.clone()],
        }
    }

    /// A slot for one test, limited to `memory` bytes (plus the kernel's allowance).
    pub fn slot(&'static self, memory: u64) -> Result<Slot, String> {
        let (n, limit) = match self.free.lock().expect("slots").pop() {
            Some(free) => free,
            None => {
                let mut made = self.made.lock().expect("slots");
                let n = *made;
                for root in self.roots() {
                    let dir = root.join(format!("slot-{n}"));
                    std::fs::create_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                    let pids = dir.join("pids.max");
                    if pids.exists() {
                        write(pids, &TASKS.to_string())?;
                    }
                }
                *made += 1;
                (n, 0)
            }
        };
        let mut slot = Slot {
            cgroups: self,
            n,
            limit,
        };
        slot.prepare(memory + KERNEL_ALLOWANCE)?;
        Ok(slot)
    }
}

/// One test's cgroup; given back for reuse when dropped (after the test was reaped).
pub struct Slot {
    cgroups: &'static Cgroups,
    n: usize,
    /// The memory limit written to it (most tests of a run share one: written once).
    limit: u64,
}

fn write(path: PathBuf, value: &str) -> Result<(), String> {
    std::fs::write(&path, value).map_err(|e| format!("{}: {e}", path.display()))
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The value of `key` in a flat-keyed file (`memory.events`, `memory.oom_control`).
fn keyed(text: &str, key: &str) -> u64 {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.trim().parse().ok())
        .unwrap_or(0)
}

impl Slot {
    /// The folders a process joins, one per hierarchy.
    pub fn dirs(&self) -> Vec<PathBuf> {
        self.cgroups
            .roots()
            .iter()
            .map(|r| r.join(format!("slot-{}", self.n)))
            .collect()
    }

    fn memory_dir(&self) -> PathBuf {
        self.dirs().swap_remove(0)
    }

    fn prepare(&mut self, limit: u64) -> Result<(), String> {
        let mem = self.memory_dir();
        let v1 = matches!(self.cgroups.layout, Layout::V1 { .. });
        if self.limit != limit {
            let (max, swap, swap_value) = if v1 {
                // Swap would let memory leave the count; where the kernel counts it, it
                // is limited to the same total.
                (
                    "memory.limit_in_bytes",
                    "memory.memsw.limit_in_bytes",
                    limit.to_string(),
                )
            } else {
                ("memory.max", "memory.swap.max", "0".to_string())
            };
            // v1 refuses a memory+swap limit below the memory limit: when a slot's limit
            // rises, the memory+swap one rises first.
            let swap = mem.join(swap);
            if swap.exists() && v1 && self.limit != 0 && limit > self.limit {
                let _ = write(swap.clone(), &swap_value);
            }
            write(mem.join(max), &limit.to_string())?;
            if swap.exists() {
                let _ = write(swap, &swap_value);
            }
            self.limit = limit;
        }
        self.reset_peak();
        Ok(())
    }

    /// Forgets the peak so far: the previous test's must not count for the next one (v2:
    /// since Linux 6.12; v1 restarts from what the slot uses now).
    pub fn reset_peak(&self) {
        let v1 = matches!(self.cgroups.layout, Layout::V1 { .. });
        let peak = self.memory_dir().join(if v1 {
            "memory.max_usage_in_bytes"
        } else {
            "memory.peak"
        });
        if v1 || peak.exists() {
            let _ = write(peak, "0");
        }
    }

    /// How many times the kernel has killed a process of this slot for memory.
    pub fn oom_kills(&self) -> u64 {
        let mem = self.memory_dir();
        match self.cgroups.layout {
            Layout::V1 { .. } => keyed(&read(mem.join("memory.oom_control")), "oom_kill "),
            Layout::V2 { .. } => keyed(&read(mem.join("memory.events")), "oom_kill "),
        }
    }

    /// Peak memory of the slot in bytes, where the kernel tells it.
    pub fn peak(&self) -> Option<u64> {
        let mem = self.memory_dir();
        let file = match self.cgroups.layout {
            Layout::V1 { .. } => "memory.max_usage_in_bytes",
            Layout::V2 { .. } => "memory.peak",
        };
        read(mem.join(file)).trim().parse().ok()
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.cgroups
            .free
            .lock()
            .expect("slots")
            .push((self.n, self.limit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cgroup_mounts_and_own_paths_are_read_from_proc() {
        let mountinfo = "\
30 25 0:26 / /sys/fs/cgroup/memory rw,nosuid - cgroup cgroup rw,memory
31 25 0:27 / /sys/fs/cgroup/pids rw,nosuid - cgroup cgroup rw,pids
32 25 0:28 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw
33 25 0:29 / /proc rw - proc proc rw";
        let mounts = cgroup_mounts(mountinfo);
        assert_eq!(mounts.len(), 3);
        assert_eq!(mounts[0].0, PathBuf::from("/sys/fs/cgroup/memory"));
        assert_eq!(mounts[2].1, "cgroup2");
        let cgroup = "9:name=systemd:/\n8:pids:/\n4:memory:/a/b\n0::/user.slice\n";
        assert_eq!(own_cgroup(cgroup, "memory").as_deref(), Some("/a/b"));
        assert_eq!(own_cgroup(cgroup, "pids").as_deref(), Some("/"));
        assert_eq!(own_cgroup(cgroup, "").as_deref(), Some("/user.slice"));
        assert_eq!(own_cgroup(cgroup, "cpu"), None);
    }

    #[test]
    fn keyed_files_are_parsed() {
        let oom = "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n";
        assert_eq!(keyed(oom, "oom_kill "), 3);
        assert_eq!(
            keyed("low 0\nhigh 0\nmax 5\noom 1\noom_kill 1\n", "max "),
            5
        );
        assert_eq!(keyed("", "oom_kill "), 0);
    }
}

//! Landlock: the files a sandboxed process may open, TCP denied, and signals and abstract
//! Unix sockets scoped to the sandbox. The rules are made (their paths opened) before the
//! launcher enters the namespaces, and enforced just before seccomp.

use super::policy::{Policy, SetupError};
use landlock::{
    Access, AccessFs, AccessNet, PathBeneath, PathFd, PathFdError, Ruleset, RulesetAttr,
    RulesetCreated, RulesetCreatedAttr, RulesetStatus, Scope, ABI,
};
use std::io;
use std::path::PathBuf;

/// The Landlock ABI of the running kernel, or 0 (or a negative errno) without Landlock.
pub fn abi() -> i32 {
    const LANDLOCK_CREATE_RULESET_VERSION: libc::c_uint = 1;
    // SAFETY: with this flag and a null attribute, the call only returns the ABI version.
    let v = unsafe {
        libc::syscall(
            libc::SYS_landlock_create_ruleset,
            std::ptr::null::<libc::c_void>(),
            0usize,
            LANDLOCK_CREATE_RULESET_VERSION,
        )
    };
    if v < 0 {
        -io::Error::last_os_error().raw_os_error().unwrap_or(0)
    } else {
        v as i32
    }
}

/// A ruleset with every rule added, not yet enforced.
pub struct Rules {
    ruleset: RulesetCreated,
    abi: i32,
}

fn landlock(e: landlock::RulesetError) -> SetupError {
    SetupError(format!("landlock: {e}"))
}

/// Opens every path of `policy` as a rule (the program to execute must be among them).
pub fn rules(policy: &Policy, own_pid: u32) -> Result<Rules, SetupError> {
    // The newest ABI this crate knows; in its default best-effort mode the crate drops the
    // rights the running kernel lacks, and `guards()` reports what is left.
    let newest = ABI::V10;
    let all = AccessFs::from_all(newest);
    let read = AccessFs::from_read(newest);
    // No device nodes even in writable directories: root could otherwise create the disk's
    // block device there and read around every other rule.
    let write = all & !(AccessFs::MakeChar | AccessFs::MakeBlock);
    let mut ruleset = Ruleset::default()
        .handle_access(all)
        .and_then(|r| r.handle_access(AccessNet::from_all(newest)))
        .and_then(|r| r.scope(Scope::from_all(newest)))
        .and_then(|r| r.create())
        .map_err(landlock)?;
    let mut rules: Vec<(PathBuf, _, bool)> = Vec::new();
    rules.extend(policy.read.iter().map(|p| (p.clone(), read, false)));
    rules.extend(policy.write.iter().map(|p| (p.clone(), write, true)));
    // Devices that programs and compilers open routinely.
    let rw = AccessFs::ReadFile | AccessFs::WriteFile | AccessFs::Truncate;
    rules.push(("/dev/null".into(), rw, false));
    for device in ["/dev/zero", "/dev/random", "/dev/urandom"] {
        rules.push((device.into(), AccessFs::ReadFile.into(), false));
    }
    // Rust's stack-overflow message needs the main thread's stack bounds, which glibc reads
    // from /proc/self/maps. /proc/self is resolved now: the pid survives exec, so this grants
    // the program its own maps file and nothing else of /proc.
    rules.push((
        format!("/proc/{own_pid}/maps").into(),
        AccessFs::ReadFile.into(),
        false,
    ));
    for (path, access, required) in rules {
        match PathFd::new(&path) {
            Ok(fd) => {
                ruleset = ruleset
                    .add_rule(PathBeneath::new(fd, access))
                    .map_err(landlock)?;
            }
            // A missing read path (a /lib32 on another machine) grants nothing; a missing
            // write path is the caller's mistake.
            Err(PathFdError::OpenCall { source, .. })
                if !required && source.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(SetupError(format!("landlock: {e}"))),
        }
    }
    Ok(Rules {
        ruleset,
        abi: abi(),
    })
}

impl Rules {
    /// Lets the program read its own maps file as it appears now (after joining the mount
    /// namespace, whose /proc may be an instance of its own).
    pub fn allow_proc_maps(&mut self, own_pid: u32) -> Result<(), SetupError> {
        let path = format!("/proc/{own_pid}/maps");
        let fd = PathFd::new(&path).map_err(|e| SetupError(format!("landlock: {e}")))?;
        (&mut self.ruleset)
            .add_rule(PathBeneath::new(fd, AccessFs::ReadFile))
            .map_err(landlock)?;
        Ok(())
    }

    /// Enforces the rules on this process (no_new_privs must be set).
    pub fn enforce(self) -> Result<(), SetupError> {
        let status = self.ruleset.restrict_self().map_err(landlock)?;
        if self.abi >= 1 && status.ruleset == RulesetStatus::NotEnforced {
            return Err(SetupError(
                "landlock: the kernel supports it but the ruleset was not enforced".into(),
            ));
        }
        Ok(())
    }
}

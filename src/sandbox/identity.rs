//! Who a sandboxed process is: never privileged. A learner's program started by a judge
//! running as root runs as a dedicated unprivileged uid with no groups; the compiler keeps
//! the judge's uid (the toolchain is often readable by it alone) with every capability gone,
//! so that neither can use root's powers, though uid 0 still owns root's files (the seccomp
//! allowlists deny every call that changes a file's metadata).

use super::policy::{Profile, SetupError};

/// The uid and gid of learner programs when the judge runs as root: owned by nothing on a
/// usual system (Debian allocates 65534 to `nobody`, systemd's dynamic users end at 65519).
pub const SANDBOX_UID: u32 = 65533;
pub const SANDBOX_GID: u32 = 65533;

pub fn euid_is_root() -> bool {
    // SAFETY: geteuid cannot fail and has no side effects.
    unsafe { libc::geteuid() == 0 }
}

// securebits (linux/securebits.h): uid 0 gains no capabilities by exec, and that is locked.
const SECBIT_NOROOT: libc::c_ulong = 1 << 0;
const SECBIT_NOROOT_LOCKED: libc::c_ulong = 1 << 1;
const SECBIT_NO_SETUID_FIXUP: libc::c_ulong = 1 << 2;
const SECBIT_NO_SETUID_FIXUP_LOCKED: libc::c_ulong = 1 << 3;
const SECBIT_KEEP_CAPS_LOCKED: libc::c_ulong = 1 << 5;
const SECBIT_NO_CAP_AMBIENT_RAISE: libc::c_ulong = 1 << 6;
const SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED: libc::c_ulong = 1 << 7;

#[repr(C)]
struct CapHeader {
    version: u32,
    pid: i32,
}

#[repr(C)]
#[derive(Default, Clone, Copy)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

const CAPABILITY_VERSION_3: u32 = 0x2008_0522;
/// The capability that allows dropping others from the bounding set.
const CAP_SETPCAP: u32 = 8;

/// The effective, permitted and inheritable sets of this process, as 64-bit masks.
pub fn capabilities() -> Option<[u64; 3]> {
    let mut header = CapHeader {
        version: CAPABILITY_VERSION_3,
        pid: 0,
    };
    let mut data = [CapData::default(); 2];
    // SAFETY: capget fills the two-element array that version 3 of the header asks for.
    let r = unsafe { libc::syscall(libc::SYS_capget, &mut header, data.as_mut_ptr()) };
    if r != 0 {
        return None;
    }
    let join = |f: fn(&CapData) -> u32| u64::from(f(&data[0])) | u64::from(f(&data[1])) << 32;
    Some([
        join(|d| d.effective),
        join(|d| d.permitted),
        join(|d| d.inheritable),
    ])
}

fn prctl(option: libc::c_int, arg: libc::c_ulong, what: &str) -> Result<(), SetupError> {
    // SAFETY: prctl with integer arguments only.
    if unsafe { libc::prctl(option, arg, 0 as libc::c_ulong, 0 as libc::c_ulong, 0) } != 0 {
        return Err(SetupError::os(what));
    }
    Ok(())
}

/// Empties the bounding and ambient sets, so that no exec can grant a capability again.
/// Without CAP_SETPCAP (an unprivileged judge outside a user namespace) there is nothing to
/// drop: the process holds no capability and exec grants none to a non-zero uid.
fn drop_bounding_and_ambient() -> Result<(), SetupError> {
    let has_setpcap = capabilities().is_some_and(|[eff, ..]| eff & (1 << CAP_SETPCAP) != 0);
    // SAFETY: prctl with integer arguments only.
    unsafe {
        libc::prctl(
            libc::PR_CAP_AMBIENT,
            libc::PR_CAP_AMBIENT_CLEAR_ALL as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
        )
    };
    if !has_setpcap {
        return Ok(());
    }
    for cap in 0..64 {
        // SAFETY: prctl with integer arguments only.
        if unsafe { libc::prctl(libc::PR_CAPBSET_DROP, cap as libc::c_ulong, 0, 0, 0) } != 0 {
            // EINVAL: past the last capability this kernel knows.
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINVAL) {
                break;
            }
            return Err(SetupError::os("prctl(PR_CAPBSET_DROP)"));
        }
    }
    Ok(())
}

/// Clears the effective, permitted and inheritable sets.
fn clear_capabilities() -> Result<(), SetupError> {
    let mut header = CapHeader {
        version: CAPABILITY_VERSION_3,
        pid: 0,
    };
    let data = [CapData::default(); 2];
    // SAFETY: capset reads the header and the two-element array version 3 asks for.
    if unsafe { libc::syscall(libc::SYS_capset, &mut header, data.as_ptr()) } != 0 {
        return Err(SetupError::os("capset"));
    }
    Ok(())
}

/// Makes this process unprivileged for `profile` (see the module's comment). Runs after the
/// namespaces are joined (that needs the privilege) and before Landlock and seccomp.
pub fn drop_privileges(profile: Profile) -> Result<(), SetupError> {
    let root = euid_is_root();
    if root {
        // SAFETY: an empty list; setgroups reads nothing.
        if unsafe { libc::setgroups(0, std::ptr::null()) } != 0 {
            return Err(SetupError::os("setgroups"));
        }
    }
    match (profile, root) {
        (Profile::Run | Profile::Serve, true) => {
            drop_bounding_and_ambient()?;
            // SAFETY: set*id with plain integers.
            if unsafe { libc::setresgid(SANDBOX_GID, SANDBOX_GID, SANDBOX_GID) } != 0 {
                return Err(SetupError::os("setresgid"));
            }
            // SAFETY: as above. Leaving uid 0 clears the permitted and effective sets.
            if unsafe { libc::setresuid(SANDBOX_UID, SANDBOX_UID, SANDBOX_UID) } != 0 {
                return Err(SetupError::os("setresuid"));
            }
        }
        (Profile::Compile, true) => {
            prctl(
                libc::PR_SET_SECUREBITS,
                SECBIT_NOROOT
                    | SECBIT_NOROOT_LOCKED
                    | SECBIT_NO_SETUID_FIXUP
                    | SECBIT_NO_SETUID_FIXUP_LOCKED
                    | SECBIT_KEEP_CAPS_LOCKED
                    | SECBIT_NO_CAP_AMBIENT_RAISE
                    | SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED,
                "prctl(PR_SET_SECUREBITS)",
            )?;
            drop_bounding_and_ambient()?;
        }
        (_, false) => drop_bounding_and_ambient()?,
    }
    clear_capabilities()?;
    match capabilities() {
        Some([0, 0, 0]) => Ok(()),
        other => Err(SetupError(format!(
            "capabilities remain after dropping them: {other:x?}"
        ))),
    }
}

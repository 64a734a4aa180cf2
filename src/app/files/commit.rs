//! Writing a run's files together: each to a temporary file beside its target, then all
//! renamed over their targets in one short stretch ([`Outputs::commit`]); the temporary
//! files of runs stopped by force removed.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{folder_of, place, target, Existing, FileId, IN_FLIGHT};
use crate::app::error::Error;

/// The prefix of this process's temporary files: a dead run's can be told by its number.
fn temp_prefix() -> String {
    format!(".briefing-{}-", std::process::id())
}

/// Whether process `pid` is running.
fn alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
        // Signal 0 checks that the process exists; EPERM means it does, as another user.
        let exists = unsafe { libc::kill(pid, 0) } == 0;
        exists || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Removes the temporary files that runs stopped by force (SIGKILL, a power cut) left in
/// `dir`: `.briefing-PID-XXXXXX.tmp` of a process that is no longer running.
pub fn remove_debris(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name.strip_prefix(".briefing-").and_then(|r| r.strip_suffix(".tmp")) else { continue };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else { continue };
        if pid != std::process::id() && !alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over the target (through a link, over the file it points to). On any failure (or a
/// signal) the old file is untouched and no temporary file is left. A new file gets `0666`
/// less the umask; a replaced one keeps its mode.
pub fn write_atomic(path: &Path, bytes: &[u8], existing: Existing) -> Result<(), Error> {
    let mut outputs = Outputs::new(existing);
    outputs.add(path, bytes)?;
    outputs.commit()
}

/// Files written together, all or none (the two PDFs of a bilingual briefing, the sources a
/// dossier carries): each is written to a temporary file beside its target as it comes, and
/// only when every one is complete are they renamed over their targets, one after the other
/// under the lock the signal handler takes, so that Ctrl-C or SIGTERM either comes before the
/// first rename (and removes every temporary file) or waits until the last one. Dropped
/// without [`Outputs::commit`], they leave nothing behind.
pub struct Outputs {
    existing: Existing,
    /// Each file's temporary file, where it goes, and its name as given.
    staged: Vec<(PathBuf, PathBuf, PathBuf)>,
    /// Where the staged files go, as [`place`] resolves it (a set: a run of 4,000 page images
    /// compared each with every one before it, through the file system).
    places: std::collections::HashSet<PathBuf>,
    /// The folders cleared of dead runs' temporary files already (each once a run).
    cleared: std::collections::HashSet<PathBuf>,
}

impl Outputs {
    pub fn new(existing: Existing) -> Outputs {
        Outputs { existing, staged: Vec::new(), places: Default::default(), cleared: Default::default() }
    }

    /// How they treat an existing file.
    pub fn existing(&self) -> Existing {
        self.existing
    }

    /// Writes `bytes` for `path` to a temporary file, after checking `path` as [`target`] does.
    pub fn add(&mut self, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        let real = target(path, self.existing)?;
        if !self.places.insert(place(&real)) {
            let e = std::io::Error::other("another output of this run is written there too");
            return Err(Error::write(path, e));
        }
        let dir = folder_of(&real);
        if self.cleared.insert(dir.to_path_buf()) {
            remove_debris(dir);
        }
        let old = std::fs::metadata(&real).ok();
        #[cfg(unix)]
        let mode = {
            use std::os::unix::fs::PermissionsExt as _;
            // Created with this mode, the kernel takes the umask off a new file's; a replaced
            // file keeps its own (set again below, as the umask applies at creation).
            old.as_ref().map_or(0o666, |m| m.permissions().mode() & 0o7777)
        };
        let (mut file, tmp) = create_temporary(
            dir,
            &temp_prefix(),
            #[cfg(unix)]
            mode,
        )
        .map_err(|e| Error::write(path, e))?;
        // Noted at once: dropped on an error below, `self` removes it.
        self.staged.push((tmp, real, path.to_path_buf()));
        (|| -> std::io::Result<()> {
            file.write_all(bytes)?;
            #[cfg(unix)]
            if old.is_some() {
                use std::os::unix::fs::PermissionsExt as _;
                file.set_permissions(std::fs::Permissions::from_mode(mode))?;
            }
            file.sync_all()
        })()
        .map_err(|e| Error::write(path, e))
    }

    /// Renames every temporary file over its target, in one short stretch that a signal does
    /// not cut, nor another run's renames into the same folders ([`FolderLocks`]).
    pub fn commit(mut self) -> Result<(), Error> {
        let staged = std::mem::take(&mut self.staged);
        // Taken before the signal handler's lock: a signal while another run holds a folder
        // ends this one as before its first rename.
        let _folders = FolderLocks::take(staged.iter().map(|(_, real, _)| folder_of(real)));
        let mut in_flight = IN_FLIGHT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // Each file about to be replaced keeps a second name until the last rename, so that a
        // rename that fails after others puts every file back as it was (text47b F47b-1: a
        // dossier's second source, named too long, failed after the first had replaced an
        // edited file). Where a second name cannot be made (a file system without hard
        // links), that file is replaced as before.
        let several = staged.len() > 1 && self.existing != Existing::Keep;
        let before: Vec<(bool, Option<PathBuf>)> = staged
            .iter()
            .map(|(tmp, real, _)| {
                let existed = std::fs::symlink_metadata(real).is_ok();
                let old = tmp.with_extension("old.tmp");
                let kept = (several && existed && std::fs::hard_link(real, &old).is_ok()).then(|| {
                    in_flight.push(old.clone());
                    old
                });
                (existed, kept)
            })
            .collect();
        let mut result = Ok(());
        let mut renamed = 0;
        for (tmp, real, shown) in &staged {
            if result.is_ok() {
                let done = if self.existing == Existing::Keep {
                    // A link fails if the target exists: never over a file, even one made meanwhile.
                    std::fs::hard_link(tmp, real).map_err(|e| Error::write(shown, e))
                } else {
                    std::fs::rename(tmp, real).map_err(|e| Error::write(shown, e))
                };
                match done {
                    Ok(()) => renamed += 1,
                    Err(e) => result = Err(e),
                }
            }
            let _ = std::fs::remove_file(tmp);
            in_flight.retain(|f| f != tmp);
            #[cfg(test)]
            if let Some(pause) = BETWEEN_RENAMES.get() {
                pause();
            }
        }
        if result.is_err() {
            for ((_, real, _), (existed, old)) in staged.iter().zip(&before).take(renamed).rev() {
                let _ = match old {
                    Some(old) => std::fs::rename(old, real),
                    None if !existed => std::fs::remove_file(real),
                    None => Ok(()),
                };
            }
        }
        for old in before.iter().filter_map(|(_, old)| old.as_ref()) {
            let _ = std::fs::remove_file(old);
            in_flight.retain(|f| f != old);
        }
        result
    }
}

/// Exclusive advisory locks (`flock`) on the folders a run's files are renamed into, held
/// across all its renames and released when dropped: two runs writing one set of files at
/// once (two terminals, `watch` and a `build`) put theirs in place one after the other, never
/// interleaved (text46b F46b-6: `x.en.pdf` of one run beside `x.ja.pdf` of the other). A
/// folder is locked itself, not a lock file beside the outputs: nothing is left behind, and
/// runs whose sets overlap only in part (one language, then both) wait for each other too.
struct FolderLocks {
    _held: Vec<std::fs::File>,
}

impl FolderLocks {
    /// Locks each of `folders` once, in the order of their identities (the same in every run,
    /// so that two runs never each wait for the other), waiting while another run holds one.
    /// A folder that cannot be opened or locked (a file system without locks) is written
    /// without, as it was before there were locks.
    fn take<'a>(folders: impl Iterator<Item = &'a Path>) -> FolderLocks {
        let mut ids: Vec<(FileId, &Path)> = folders.filter_map(|d| FileId::of(d).map(|id| (id, d))).collect();
        ids.sort_by_key(|(id, _)| *id);
        ids.dedup_by_key(|(id, _)| *id);
        let lock = |dir: &Path| {
            let folder = std::fs::File::open(dir).ok()?;
            loop {
                match folder.lock() {
                    Ok(()) => return Some(folder),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => return None,
                }
            }
        };
        FolderLocks { _held: ids.into_iter().filter_map(|(_, dir)| lock(dir)).collect() }
    }
}

/// What a test does between two renames of [`Outputs::commit`] (in a process of its own).
#[cfg(test)]
static BETWEEN_RENAMES: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

impl Drop for Outputs {
    fn drop(&mut self) {
        let mut in_flight = IN_FLIGHT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for (tmp, _, _) in self.staged.drain(..) {
            let _ = std::fs::remove_file(&tmp);
            in_flight.retain(|f| *f != tmp);
        }
    }
}

/// Creates a new temporary file in `dir` named `PREFIX` + random letters + `.tmp`, noted in
/// [`IN_FLIGHT`] under its lock: a signal handler that holds the lock either runs before the
/// file exists (and the process ends before it is made) or after it is noted (and removes it).
fn create_temporary(dir: &Path, prefix: &str, #[cfg(unix)] mode: u32) -> std::io::Result<(std::fs::File, PathBuf)> {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut files = IN_FLIGHT.lock().map_err(|_| std::io::Error::other("a writer panicked"))?;
    for attempt in 0u32..100 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u32(attempt);
        let letters: String = h.finish().to_le_bytes().iter().map(|b| char::from(b'a' + b % 26)).take(6).collect();
        let path = dir.join(format!("{prefix}{letters}.tmp"));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(mode);
        }
        match options.open(&path) {
            Ok(file) => {
                files.push(path.clone());
                return Ok((file, path));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free temporary file name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// text47b F47b-1: a rename that fails after others puts back what those replaced, and
    /// removes what they made.
    #[test]
    fn a_rename_that_fails_puts_back_the_files_renamed_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
        std::fs::write(&a, "edited").unwrap();
        let long = dir.path().join(format!("{}.yaml", "x".repeat(300)));
        let mut outputs = Outputs::new(Existing::Force);
        outputs.add(&a, b"extracted").unwrap();
        outputs.add(&b, b"new").unwrap();
        outputs.add(&long, b"too long a name").unwrap();
        assert!(outputs.commit().is_err());
        assert_eq!(std::fs::read(&a).unwrap(), b"edited");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, ["a.yaml"], "only the file that was there");
    }

    #[test]
    fn outputs_are_written_all_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("x.en.pdf"), dir.path().join("x.ja.pdf"));
        std::fs::write(&a, "old en").unwrap();
        let mut outputs = Outputs::new(Existing::Replace);
        outputs.add(&a, b"new en").unwrap();
        outputs.add(&b, b"new ja").unwrap();
        assert!(outputs.add(&a, b"again").is_err(), "two outputs of one run in one file");
        assert_eq!(std::fs::read(&a).unwrap(), b"old en", "nothing is replaced before the commit");
        drop(outputs);
        assert_eq!(std::fs::read(&a).unwrap(), b"old en");
        assert!(!b.exists());
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "dropped, the temporary files are gone: {names:?}");
        let mut outputs = Outputs::new(Existing::Replace);
        outputs.add(&a, b"new en").unwrap();
        outputs.add(&b, b"new ja").unwrap();
        outputs.commit().unwrap();
        assert_eq!((std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap()), (b"new en".to_vec(), b"new ja".to_vec()));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn debris_of_dead_runs_is_removed_and_that_of_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // Process ids are below 2^22 on Linux; this one is not running.
        let dead = dir.path().join(".briefing-4194303-abcdef.tmp");
        let live = dir.path().join(format!(".briefing-{}-abcdef.tmp", std::process::id()));
        let other = dir.path().join("notes.tmp");
        for f in [&dead, &live, &other] {
            std::fs::write(f, "x").unwrap();
        }
        remove_debris(dir.path());
        assert!(!dead.exists());
        assert!(live.exists() && other.exists());
    }

    /// This process's part in [`two_runs_never_mix_a_pair`], if it is one of its runs: which,
    /// and the folder.
    fn run_of_the_test() -> Option<(String, PathBuf)> {
        Some((std::env::var("BRIEFING_TEST_RUN").ok()?, std::env::var_os("BRIEFING_TEST_DIR")?.into()))
    }

    /// Waits until `path` exists, at most `limit`: whether it does.
    fn wait_for(path: &Path, limit: std::time::Duration) -> bool {
        let start = std::time::Instant::now();
        while !path.exists() {
            if start.elapsed() > limit {
                return false;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        true
    }

    /// The first run, after its first rename: says so, and waits until the second run has
    /// put its files in place, or 1.5 s (when a lock keeps it waiting for this one).
    fn pause_after_the_first_rename() {
        static ONCE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if ONCE.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return;
        }
        let (_, dir) = run_of_the_test().unwrap();
        std::fs::write(dir.join("first-renamed"), "").unwrap();
        wait_for(&dir.join("second-done"), std::time::Duration::from_millis(1500));
    }

    #[test]
    fn two_runs_never_mix_a_pair() {
        // text46b F46b-6: two builds of one bilingual briefing at once (two terminals, `watch`
        // and a `build`) left x.en.pdf of one beside x.ja.pdf of the other. Two processes:
        // the second commits while the first is between its two renames.
        if let Some((run, dir)) = run_of_the_test() {
            let mut outputs = Outputs::new(Existing::Replace);
            outputs.add(&dir.join("x.en.pdf"), run.as_bytes()).unwrap();
            outputs.add(&dir.join("x.ja.pdf"), run.as_bytes()).unwrap();
            if run == "first" {
                BETWEEN_RENAMES.set(pause_after_the_first_rename).unwrap();
            } else {
                assert!(wait_for(&dir.join("first-renamed"), std::time::Duration::from_secs(60)));
            }
            outputs.commit().unwrap();
            if run == "second" {
                std::fs::write(dir.join("second-done"), "").unwrap();
            }
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let exe = std::env::current_exe().unwrap();
        let start = |run: &str| {
            std::process::Command::new(&exe)
                .args(["--exact", "app::files::commit::tests::two_runs_never_mix_a_pair", "--test-threads=1"])
                .env("BRIEFING_TEST_RUN", run)
                .env("BRIEFING_TEST_DIR", dir.path())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        };
        let runs = [start("first"), start("second")];
        for mut run in runs {
            assert!(run.wait().unwrap().success());
        }
        let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(dir.path().join("first-renamed").exists(), "the first run paused between its renames");
        assert_eq!(read("x.en.pdf"), read("x.ja.pdf"), "the pair is of one run");
    }
}

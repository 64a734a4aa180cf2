//! Files at the edges: reading with a limit for each kind of file, knowing when two paths are
//! the same file, and writing so that nothing is ever lost: a temporary file in the target's
//! folder, renamed over the target only when complete, never over a read-only file or one the
//! run reads, and removed if the process is interrupted.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use super::error::{Error, FileKind};

/// Reads `path`, at most its kind's limit: a larger file (or an endless one, `/dev/zero`) is
/// refused with an error naming the file and the limit, before it fills memory.
pub fn read(path: &Path, kind: FileKind) -> Result<Vec<u8>, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::read(path, e))?;
    let meta = file.metadata().map_err(|e| Error::read(path, e))?;
    if meta.is_dir() {
        return Err(Error::NotAFile { path: path.to_path_buf(), wanted: kind.name() });
    }
    let limit = kind.limit();
    if meta.is_file() && meta.len() > limit {
        return Err(Error::TooLarge { path: path.to_path_buf(), kind, size: Some(meta.len()) });
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Error::read(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge { path: path.to_path_buf(), kind, size: None });
    }
    Ok(bytes)
}

/// A file's identity: device and inode, links followed. Two paths with the same identity are
/// the same file, whatever their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId(u64, u64);

impl FileId {
    /// The identity of the file at `path`, if there is one.
    pub fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            std::fs::metadata(path).ok().map(|m| FileId(m.dev(), m.ino()))
        }
        #[cfg(not(unix))]
        {
            std::fs::canonicalize(path).ok().map(|p| {
                use std::hash::{Hash as _, Hasher as _};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                p.hash(&mut h);
                FileId(0, h.finish())
            })
        }
    }
}

/// The files a run reads, with what each is to the run, so that no output replaces one.
#[derive(Debug, Clone, Default)]
pub struct Reads {
    files: Vec<(FileId, PathBuf, &'static str)>,
}

impl Reads {
    /// Notes that the run reads `path` as `role` ("input", "template", "logo", "font").
    pub fn add(&mut self, path: &Path, role: &'static str) {
        if let Some(id) = FileId::of(path) {
            self.files.push((id, path.to_path_buf(), role));
        }
    }

    pub fn extend(&mut self, other: &Reads) {
        self.files.extend(other.files.iter().cloned());
    }

    /// The paths read, in the order they were noted.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().map(|(_, p, _)| p.as_path())
    }

    /// Refuses an output that is one of the files read.
    pub fn check_output(&self, output: &Path) -> Result<(), Error> {
        let Some(id) = FileId::of(output) else { return Ok(()) };
        match self.files.iter().find(|(f, _, _)| *f == id) {
            Some((_, input, role)) => {
                Err(Error::WouldOverwrite { output: output.to_path_buf(), input: input.clone(), role })
            }
            None => Ok(()),
        }
    }
}

/// Temporary files being written, removed by the signal handler if the process is stopped.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// What Ctrl-C and SIGTERM do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnSignal {
    /// Remove the temporary files being written and exit with 130.
    Exit,
    /// Set the returned flag; the command stops at its next chance (`watch`, between builds).
    Flag,
}

/// Installs the handler for SIGINT and SIGTERM. Whatever it does, a temporary file never
/// outlives the process.
pub fn on_signal(mode: OnSignal) -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || {
        if mode == OnSignal::Flag {
            flag.store(true, Ordering::SeqCst);
            return;
        }
        // Holding the lock until the process ends: no temporary file is made after this.
        let files = IN_FLIGHT.lock();
        if let Ok(files) = &files {
            for f in files.iter() {
                let _ = std::fs::remove_file(f);
            }
        }
        std::process::exit(130);
    });
    stop
}

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

/// Whether the file at `path` must not be replaced: it has no write permission for anyone, or
/// not for this user.
fn read_only(path: &Path, meta: &std::fs::Metadata) -> bool {
    if meta.permissions().readonly() {
        return true;
    }
    // Opening for writing changes nothing, and fails where this user may not write.
    matches!(
        std::fs::OpenOptions::new().write(true).open(path),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied
    )
}

/// How a write may treat an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replace it, unless it is read-only.
    Replace,
    /// Replace it even if it is read-only (`--force`).
    Force,
    /// Never replace it (`new`).
    Keep,
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over the target. On any failure (or a signal) the old file is untouched and no
/// temporary file is left. A new file gets `0666` less the umask; a replaced one keeps its
/// mode.
pub fn write_atomic(path: &Path, bytes: &[u8], existing: Existing) -> Result<(), Error> {
    if path.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR) || path.is_dir() {
        return Err(Error::NotAFile { path: path.to_path_buf(), wanted: "output" });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.exists() {
        return Err(Error::NoFolder { path: path.to_path_buf(), folder: dir.to_path_buf() });
    }
    if !dir.is_dir() {
        return Err(Error::NotAFolder { path: dir.to_path_buf() });
    }
    let old = std::fs::metadata(path).ok();
    if let Some(meta) = &old {
        if existing == Existing::Keep {
            let e = std::io::Error::new(std::io::ErrorKind::AlreadyExists, "it already exists; not overwriting it");
            return Err(Error::write(path, e));
        }
        if existing == Existing::Replace && read_only(path, meta) {
            return Err(Error::ReadOnly { path: path.to_path_buf() });
        }
    }
    remove_debris(dir);
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
    let result = (|| -> std::io::Result<()> {
        file.write_all(bytes)?;
        #[cfg(unix)]
        if old.is_some() {
            use std::os::unix::fs::PermissionsExt as _;
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        file.sync_all()?;
        drop(file);
        match existing {
            // A link fails if the target exists: never over a file, even one made meanwhile.
            Existing::Keep => std::fs::hard_link(&tmp, path).and_then(|()| std::fs::remove_file(&tmp)),
            _ => std::fs::rename(&tmp, path),
        }
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    if let Ok(mut files) = IN_FLIGHT.lock() {
        files.retain(|f| *f != tmp);
    }
    result.map_err(|e| Error::write(path, e))
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

    #[test]
    fn a_file_over_its_limit_is_refused_before_it_fills_memory() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.png");
        std::fs::write(&big, vec![0u8; (FileKind::Logo.limit() + 1) as usize]).unwrap();
        assert!(matches!(read(&big, FileKind::Logo), Err(Error::TooLarge { size: Some(_), .. })));
        #[cfg(unix)]
        assert!(matches!(read(Path::new("/dev/zero"), FileKind::Logo), Err(Error::TooLarge { size: None, .. })));
        assert!(matches!(read(dir.path(), FileKind::Font), Err(Error::NotAFile { .. })));
    }

    #[test]
    fn the_same_file_is_known_by_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.yaml");
        std::fs::write(&a, "x").unwrap();
        let mut reads = Reads::default();
        reads.add(&a, "template");
        assert!(matches!(reads.check_output(&dir.path().join("./a.yaml")), Err(Error::WouldOverwrite { .. })));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.pdf");
            std::os::unix::fs::symlink(&a, &link).unwrap();
            assert!(reads.check_output(&link).is_err(), "a link to the template");
            let hard = dir.path().join("hard.pdf");
            std::fs::hard_link(&a, &hard).unwrap();
            assert!(reads.check_output(&hard).is_err(), "a hard link to the template");
        }
        assert!(reads.check_output(&dir.path().join("new.pdf")).is_ok());
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

    #[test]
    fn keep_never_replaces_and_replace_respects_read_only_files() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("x.pdf");
        write_atomic(&f, b"one", Existing::Keep).unwrap();
        assert!(write_atomic(&f, b"two", Existing::Keep).is_err());
        assert_eq!(std::fs::read(&f).unwrap(), b"one");
        let mut perms = std::fs::metadata(&f).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&f, perms).unwrap();
        assert!(matches!(write_atomic(&f, b"two", Existing::Replace), Err(Error::ReadOnly { .. })));
        assert_eq!(std::fs::read(&f).unwrap(), b"one");
        write_atomic(&f, b"three", Existing::Force).unwrap();
        assert_eq!(std::fs::read(&f).unwrap(), b"three");
        assert!(std::fs::metadata(&f).unwrap().permissions().readonly(), "the mode is kept");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}

//! Files at the edges: reading with a limit for each kind of file, knowing when two paths are
//! the same file, and writing so that nothing is ever lost: a temporary file in the target's
//! folder, renamed over the target only when complete, never over a read-only file or one the
//! run reads, and removed if the process is interrupted.

use crate::shown::Show;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use super::error::{Error, FileKind};
use crate::app::say::say;
use crate::load::NotRegular;

mod commit;
pub use commit::{remove_debris, write_atomic, Outputs};

/// Reads `path`, at most its kind's limit: a larger file is refused with an error naming the
/// file and the limit, before it fills memory; so is anything but a regular file (a folder, a
/// FIFO, a device such as `/dev/zero`), before it is read.
pub fn read(path: &Path, kind: FileKind) -> Result<Vec<u8>, Error> {
    let file = open(path, kind)?;
    let meta = file.metadata().map_err(|e| Error::read(path, e))?;
    let limit = kind.limit();
    if meta.len() > limit {
        return Err(Error::TooLarge { path: path.to_path_buf(), kind, size: Some(meta.len()) });
    }
    let mut bytes = Vec::new();
    // A file may grow while it is read: the limit holds whatever its size said.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Error::read(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge { path: path.to_path_buf(), kind, size: None });
    }
    Ok(bytes)
}

/// Opens `path` to read as a `kind` file, refusing anything but a regular file without
/// blocking on it ([`crate::load::open_regular`]).
fn open(path: &Path, kind: FileKind) -> Result<std::fs::File, Error> {
    crate::load::open_regular(path).map_err(|e| match NotRegular::in_error(&e) {
        Some(NotRegular("a folder")) => Error::NotAFile { path: path.to_path_buf(), wanted: kind.name() },
        Some(NotRegular(is)) => Error::Special { path: path.to_path_buf(), is, wanted: kind.name() },
        None => Error::read(path, e),
    })
}

/// A short fingerprint of what the file at `path` holds (its bytes' MD5), read as [`read`]
/// reads: nothing for a file that cannot be read, is not a regular file or is over `kind`'s
/// limit. For `watch`, which must see a change without holding every file it watches.
pub fn fingerprint(path: &Path, kind: FileKind) -> Option<[u8; 16]> {
    use md5::Digest as _;
    let file = open(path, kind).ok()?;
    let mut hasher = md5::Md5::new();
    let mut buf = vec![0u8; 64 << 10];
    let mut left = kind.limit() + 1;
    let mut file = file.take(left);
    loop {
        let n = file.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        left -= n as u64;
        if left == 0 {
            return None;
        }
    }
    Some(hasher.finalize().into())
}

/// The [`fingerprint`] of a file that held `bytes`.
pub fn digest(bytes: &[u8]) -> [u8; 16] {
    use md5::Digest as _;
    md5::Md5::digest(bytes).into()
}

/// Why the file at `path` cannot be opened as `kind` (missing, not a regular file), if it
/// cannot: for `watch`, to which a change of why (a logo removed, then made a link to
/// `/dev/zero`) is a change too.
pub fn unreadable(path: &Path, kind: FileKind) -> Option<String> {
    open(path, kind).err().map(|e| e.to_string())
}

/// A file's identity: device and inode, links followed. Two paths with the same identity are
/// the same file, whatever their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

/// The files a run reads, with what each is to the run, so that no output replaces one, and
/// for those whose bytes it noted, their [`digest`]: what this run used, for `watch`.
#[derive(Debug, Clone, Default)]
pub struct Reads {
    files: Vec<(FileId, PathBuf, &'static str, Option<[u8; 16]>)>,
}

impl Reads {
    /// Notes that the run reads `path` as `role` ("input", "template", "logo", "font").
    pub fn add(&mut self, path: &Path, role: &'static str) {
        self.note(path, role, None);
    }

    /// Notes that the run read `path` as `role`, and used bytes of this [`digest`].
    pub fn add_read(&mut self, path: &Path, role: &'static str, held: [u8; 16]) {
        self.note(path, role, Some(held));
    }

    fn note(&mut self, path: &Path, role: &'static str, held: Option<[u8; 16]>) {
        if let Some(id) = FileId::of(path) {
            self.files.push((id, path.to_path_buf(), role, held));
        }
    }

    /// The paths read, in the order they were noted, each with the kind of file it was read as
    /// and the digest of the bytes the run used, if it noted them.
    pub fn files(&self) -> impl Iterator<Item = (&Path, FileKind, Option<[u8; 16]>)> {
        self.files.iter().map(|(_, p, role, held)| {
            let kind = match *role {
                "template" => FileKind::Template,
                "logo" => FileKind::Logo,
                "font" => FileKind::Font,
                _ => FileKind::Briefing,
            };
            (p.as_path(), kind, *held)
        })
    }

    /// Adds the files `other` notes that this one does not.
    pub fn extend(&mut self, other: &Reads) {
        self.join(other, |held| held);
    }

    /// Adds the files `other` notes that this one does not, as files this run did not read
    /// (what an earlier run read of them is not what this one used).
    pub fn extend_unread(&mut self, other: &Reads) {
        self.join(other, |_| None);
    }

    fn join(&mut self, other: &Reads, held: impl Fn(Option<[u8; 16]>) -> Option<[u8; 16]>) {
        for (id, path, role, h) in &other.files {
            if !self.files.iter().any(|f| f.0 == *id && f.1 == *path) {
                self.files.push((*id, path.clone(), *role, held(*h)));
            }
        }
    }

    /// Refuses an output that is one of the files read.
    pub fn check_output(&self, output: &Path) -> Result<(), Error> {
        let Some(id) = FileId::of(output) else { return Ok(()) };
        match self.files.iter().find(|(f, ..)| *f == id) {
            Some((_, input, role, _)) => {
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
    /// Remove the temporary files being written and exit with 128 and the signal's number (130
    /// for Ctrl-C, 143 for SIGTERM), as a shell reports a process a signal ended.
    Exit,
    /// Set the returned flag, so that the command stops at its next chance (`watch`, between
    /// builds); while a [`Busy`] guard lives (a build is running), say this and exit as `Exit`
    /// does.
    Flag(&'static str),
}

/// Whether a [`Busy`] guard lives.
static BUSY: AtomicBool = AtomicBool::new(false);
/// Set by the signal handler: a stop was asked for.
static STOPPED: AtomicBool = AtomicBool::new(false);
/// Orders a signal against the start and end of a build, so that a stop is either before the
/// build (no build starts, the caller ends as it ends when idle) or during it (the process
/// ends at once, as [`OnSignal::Exit`]): never both, which raced on the exit code.
static GATE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// While it lives, a signal stops the process at once even under [`OnSignal::Flag`]: a slow
/// build is stopped, not finished first.
pub struct Busy(());

impl Busy {
    /// `None` when a stop was asked for already: start nothing.
    pub fn start() -> Option<Busy> {
        let _gate = GATE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if STOPPED.load(Ordering::SeqCst) {
            return None;
        }
        BUSY.store(true, Ordering::SeqCst);
        Some(Busy(()))
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        // (Waits for ever when a signal is ending the process: it holds the gate.)
        let _gate = GATE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        BUSY.store(false, Ordering::SeqCst);
    }
}

/// Installs the handler for SIGINT, SIGTERM and SIGHUP (once a process; the first mode
/// holds). Whatever it does, a temporary file never outlives the process.
pub fn on_signal(mode: OnSignal) -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    on_signals(move |signal| {
        let gate = GATE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        flag.store(true, Ordering::SeqCst);
        STOPPED.store(true, Ordering::SeqCst);
        if matches!(mode, OnSignal::Flag(_)) && !BUSY.load(Ordering::SeqCst) {
            return;
        }
        // The gate stays shut until the process ends: the build in progress cannot end and
        // let its caller exit as if idle.
        std::mem::forget(gate);
        // Holding the lock until the process ends: no temporary file is made, and no rename
        // of [`Outputs::commit`] begins, after this; one under way finishes first.
        let files = IN_FLIGHT.lock();
        if let Ok(files) = &files {
            for f in files.iter() {
                let _ = std::fs::remove_file(f);
            }
        }
        if let OnSignal::Flag(busy) = mode {
            say!("{busy}");
        }
        std::process::exit(128 + signal);
    });
    stop
}

/// Calls `handler` with the signal's number, on a thread of its own (so that it may take
/// locks and remove files), each time SIGINT, SIGTERM or SIGHUP comes. Once a process.
#[cfg(unix)]
fn on_signals(handler: impl Fn(i32) + Send + 'static) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        // A signal the process was started ignoring stays ignored, as POSIX shells and the GNU
        // coding standards ask: `nohup` ignores SIGHUP, and a script's background job SIGINT.
        let wanted: Vec<i32> = [SIGINT, SIGTERM, SIGHUP].into_iter().filter(|s| !ignored(*s)).collect();
        if wanted.is_empty() {
            return;
        }
        let Ok(mut signals) = signal_hook::iterator::Signals::new(&wanted) else { return };
        std::thread::spawn(move || signals.forever().for_each(handler));
    });
}

/// Whether `signal`'s action is to be ignored (inherited from the parent: nothing in this
/// process sets one).
#[cfg(unix)]
fn ignored(signal: i32) -> bool {
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: a null new action only reads the current one into `old`, which is valid and ours.
    let read = unsafe { libc::sigaction(signal, std::ptr::null(), &mut old) };
    read == 0 && old.sa_sigaction == libc::SIG_IGN
}

/// Ctrl-C, Ctrl-Break and the console closing, reported as SIGINT (2).
#[cfg(not(unix))]
fn on_signals(handler: impl Fn(i32) + Send + 'static) {
    let _ = ctrlc::set_handler(move || handler(2));
}

/// Whether the file at `path` must not be replaced: it has no write permission for anyone, or
/// not for this user.
fn read_only(path: &Path, meta: &std::fs::Metadata) -> bool {
    if meta.permissions().readonly() {
        return true;
    }
    // Opening for writing changes nothing, and fails where this user may not write (the file
    // is known to be regular: the open cannot block).
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

/// The most links followed from an output to the file it names (as the kernel's own limit).
const MAX_LINKS: usize = 40;

/// The file a write to `path` lands in: `path` itself, or, when it is a symbolic link, the
/// file the link points to (followed as editors do, whether that file exists or not), so that
/// the link stays a link and its target gets the new content.
fn follow_links(path: &Path) -> Result<PathBuf, Error> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = std::fs::read_link(&at).map_err(|e| Error::write(path, e))?;
                at = match at.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
            }
            _ => return Ok(at),
        }
    }
    let e = std::io::Error::other(format!("more than {MAX_LINKS} symbolic links in a row"));
    Err(Error::write(path, e))
}

/// Where a write to `path` goes, once it is known that it may go there: the file itself, or
/// the one a link at `path` points to. Refuses, naming `path`: a folder, anything that is not
/// a regular file (a FIFO, a device such as `/dev/null`: nothing is opened), a folder that
/// does not exist; a read-only file unless `Force`; any existing file (a link too) with
/// `Keep`. Every command checks its outputs with this before writing any of them.
pub fn target(path: &Path, existing: Existing) -> Result<PathBuf, Error> {
    if path.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR) || path.is_dir() {
        return Err(Error::NotAFile { path: path.to_path_buf(), wanted: "output" });
    }
    if existing == Existing::Keep && std::fs::symlink_metadata(path).is_ok() {
        let e = std::io::Error::new(std::io::ErrorKind::AlreadyExists, "it already exists; not overwriting it");
        return Err(Error::write(path, e));
    }
    let real = follow_links(path)?;
    let dir = folder_of(&real);
    if !dir.exists() {
        return Err(Error::NoFolder { path: path.to_path_buf(), folder: dir.to_path_buf() });
    }
    if !dir.is_dir() {
        return Err(Error::NotAFolder { path: dir.to_path_buf() });
    }
    if let Ok(meta) = std::fs::metadata(&real) {
        if let Some(NotRegular(is)) = NotRegular::of(&meta) {
            return Err(Error::Special { path: path.to_path_buf(), is, wanted: "output" });
        }
        if existing == Existing::Replace && read_only(&real, &meta) {
            return Err(Error::ReadOnly { path: path.to_path_buf() });
        }
    }
    Ok(real)
}

/// Where two outputs are the same file: the same absolute path once links are followed.
pub fn place(path: &Path) -> PathBuf {
    let real = follow_links(path).unwrap_or_else(|_| path.to_path_buf());
    std::path::absolute(&real).unwrap_or(real)
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Creates the new file `path` (never over one that is there: an error), readable and
/// writable by this user only, noted with the temporary files under their lock: however the
/// process is stopped (a signal too, but SIGKILL), it does not outlive it. Removed with
/// [`remove_noted`]. (The editor's launch file, which holds its address and token: text46b
/// F46b-2, it stayed behind a Ctrl-C during a request.)
pub fn create_noted(path: &Path) -> std::io::Result<std::fs::File> {
    let mut files = IN_FLIGHT.lock().map_err(|_| std::io::Error::other("a writer panicked"))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(path)?;
    files.push(path.to_path_buf());
    Ok(file)
}

/// Removes a file [`create_noted`] made, and its note.
pub fn remove_noted(path: &Path) {
    let mut files = IN_FLIGHT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let _ = std::fs::remove_file(path);
    files.retain(|f| f != path);
}

/// Whether `path` is among the files a signal removes.
#[cfg(test)]
pub fn is_noted(path: &Path) -> bool {
    IN_FLIGHT.lock().unwrap_or_else(std::sync::PoisonError::into_inner).iter().any(|f| f == path)
}

/// `path` with its stem followed by `suffix` and the extension `ext` (`x.yaml`, `.ja`, `pdf`
/// → `x.ja.pdf`), the stem's bytes kept as they are: a name that is not UTF-8 stays so. A
/// stem of `.` (`..pdf`) stays `.`: `.-1.png`, as odd as the name it comes from, is the one
/// name no other briefing's files take (`...yaml` has `..-1.png`, `briefing.yaml`
/// `briefing-1.png`; text46b F46b-4).
pub fn sibling(path: &Path, suffix: &str, ext: &std::ffi::OsStr) -> PathBuf {
    let mut name = path.file_stem().unwrap_or_default().to_os_string();
    name.push(suffix);
    name.push(".");
    name.push(ext);
    path.with_file_name(name)
}

/// `path` with its extension replaced by `ext`, or given it: as [`Path::with_extension`],
/// except that a name whose stem is `.` keeps it (`..yaml` → `..pdf`, where `with_extension`
/// gives `..`, the folder above: text44b F44b-14).
pub fn with_ext(path: &Path, ext: &std::ffi::OsStr) -> PathBuf {
    match (path.file_stem(), path.extension()) {
        (Some(stem), Some(_)) => {
            let mut name = stem.to_os_string();
            name.push(".");
            name.push(ext);
            path.with_file_name(name)
        }
        _ => path.with_extension(ext),
    }
}

/// A usage error when `base`, the file of the language `lang` of `input` (each format's as
/// `path_of` names it), is another briefing's own: `x.el.pdf` is also the PDF of an
/// `x.el.yaml` beside it, where it is written, however named (text30 F30b-1 and text31
/// F31b-1: one replaced the other's files, its pages removed as stale), or through a link to
/// it (text33b F33b-1). Named as this run writes it: `x.el.html` for a web page.
pub fn not_another_briefings(
    base: &Path,
    input: &Path,
    lang: &str,
    formats: &[crate::Format],
    path_of: &dyn Fn(&Path, crate::Format) -> PathBuf,
) -> Result<(), Error> {
    let first = formats.first().copied().unwrap_or(crate::Format::Pdf);
    let through = |f: crate::Format| {
        let (path, target) = (path_of(base, f), super::config::link_target(&path_of(base, f))?);
        source_owning(&target, input).map(|o| (o, format!("{} (a link to {})", path.shown(), target.shown())))
    };
    let own = || source_owning(base, input).map(|o| (o, path_of(base, first).shown().to_string()));
    let Some((other, shown)) = own().or_else(|| formats.iter().find_map(|&f| through(f))) else { return Ok(()) };
    let name = PathBuf::from(format!("NAME.{}", first.extension()));
    let example = path_of(&super::language_output(&name, lang), first);
    Err(Error::Usage(format!(
        "{shown} would be both the `{lang}` file of {} and the file of {}: name this build's files apart with -o \
         (`-o {}` writes {} …)",
        input.shown(),
        other.shown(),
        name.shown(),
        example.shown()
    )))
}

/// The briefing, other than `input`, whose own file `base` is: `x.el.yaml` (or `.yml`, in any
/// case) beside `x.el.pdf`.
fn source_owning(base: &Path, input: &Path) -> Option<PathBuf> {
    let input = FileId::of(input);
    ["yaml", "yml", "YAML", "YML", "Yaml", "Yml"]
        .map(|ext| with_ext(base, ext.as_ref()))
        .into_iter()
        .find(|o| o.is_file() && FileId::of(o) != input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_that_starts_with_a_dot_keeps_it_when_its_extension_changes() {
        // text44b F44b-14: `..yaml` was to be built to `..`, the folder above.
        let out = |n: &str| super::super::default_output(Path::new(n));
        assert_eq!(out("..yaml"), Path::new("..pdf"));
        assert_eq!(out("d/..yaml"), Path::new("d/..pdf"));
        assert_eq!(out(".yaml"), Path::new(".yaml.pdf"));
        assert_eq!(out("a.b.yaml"), Path::new("a.b.pdf"));
        assert_eq!(out(".hidden"), Path::new(".hidden.pdf"));
        let html = crate::app::pages::format_path(Path::new("..pdf"), crate::Format::Html);
        assert_eq!(html, Path::new("..html"));
    }

    #[test]
    fn the_files_of_names_that_start_with_a_dot_are_theirs_alone() {
        // text46b F46b-4: `..yaml` writes `.-1.png`, its stem `.` and the page number, as
        // `x.yaml` writes `x-1.png`. Odd, but its own: any other name for it (`..-1.png`,
        // `briefing-1.png`) is another briefing's page.
        use crate::app::pages::{format_path, with_page};
        use crate::Format;
        let files = |input: &str| {
            let pdf = super::super::default_output(Path::new(input));
            let en = super::super::language_output(&pdf, "en");
            let redline = crate::app::diff::default_output(Path::new(input));
            let page = |o: &Path| with_page(&format_path(o, Format::Png), 1);
            let html = format_path(&pdf, Format::Html);
            vec![page(&pdf), html, pdf.clone(), page(&en), en, page(&redline), redline]
        };
        let shown = |input: &str| files(input).iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(" ");
        assert_eq!(shown("..yaml"), ".-1.png ..html ..pdf ..en-1.png ..en.pdf ..changes-1.png ..changes.pdf");
        assert_eq!(
            shown(".yaml"),
            ".yaml-1.png .yaml.html .yaml.pdf .yaml.en-1.png .yaml.en.pdf .yaml.changes-1.png .yaml.changes.pdf"
        );
        assert_eq!(shown(".x.yaml"), ".x-1.png .x.html .x.pdf .x.en-1.png .x.en.pdf .x.changes-1.png .x.changes.pdf");
        assert_eq!(
            shown("d/..yaml"),
            "d/.-1.png d/..html d/..pdf d/..en-1.png d/..en.pdf d/..changes-1.png d/..changes.pdf"
        );
        // No two of these names' files (nor a plain name's) are one file.
        let all: Vec<PathBuf> = ["..yaml", "...yaml", ".yaml", ".x.yaml", "x.yaml", "briefing.yaml", "-.yaml"]
            .iter()
            .flat_map(|i| files(i))
            .collect();
        let distinct: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(distinct.len(), all.len(), "{all:?}");
    }

    #[test]
    fn a_file_over_its_limit_is_refused_before_it_fills_memory() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.png");
        std::fs::write(&big, vec![0u8; (FileKind::Logo.limit() + 1) as usize]).unwrap();
        assert!(matches!(read(&big, FileKind::Logo), Err(Error::TooLarge { size: Some(_), .. })));
        assert!(matches!(read(dir.path(), FileKind::Font), Err(Error::NotAFile { .. })));
        assert_eq!(fingerprint(&big, FileKind::Logo), None);
        assert!(fingerprint(&big, FileKind::Font).is_some());
    }

    #[cfg(unix)]
    #[test]
    fn nothing_but_a_regular_file_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let link = dir.path().join("zero.png");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        // Each would block for ever or read without end if it were opened.
        for (path, is) in [(&fifo, "a FIFO (named pipe)"), (&link, "a device")] {
            match read(path, FileKind::Logo) {
                Err(Error::Special { is: found, .. }) => assert_eq!(found, is),
                other => panic!("{other:?}"),
            }
            assert_eq!(fingerprint(path, FileKind::Logo), None);
            assert!(matches!(target(path, Existing::Force), Err(Error::Special { .. })));
        }
        assert!(matches!(target(Path::new("/dev/null"), Existing::Force), Err(Error::Special { .. })));
    }

    #[cfg(unix)]
    #[test]
    fn a_write_through_a_link_replaces_the_file_it_points_to() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sent")).unwrap();
        let real = dir.path().join("sent/x.pdf");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("x.pdf");
        std::os::unix::fs::symlink("sent/x.pdf", &link).unwrap();
        write_atomic(&link, b"new", Existing::Replace).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is kept");
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // A link to a file not made yet makes it; `Keep` never writes through a link.
        let dangling = dir.path().join("later.pdf");
        std::os::unix::fs::symlink("sent/later.pdf", &dangling).unwrap();
        write_atomic(&dangling, b"made", Existing::Replace).unwrap();
        assert_eq!(std::fs::read(dir.path().join("sent/later.pdf")).unwrap(), b"made");
        assert!(write_atomic(&dangling, b"no", Existing::Keep).is_err());
        assert_eq!(place(&link), place(&real));
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

//! Reading a file as YAML text: only a regular file (never blocking on a FIFO or reading
//! `/dev/zero`), within the size limit, UTF-8 (not UTF-16, no NUL), not empty.

use crate::shown::Show;
use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::Limits;
use crate::diag::{Diagnostic, SourceFile, Span};

/// Why [`read_source`] could not produce a file to load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read (a usage or I/O problem: exit code 2).
    #[error("cannot read {}: {source}", path.shown())]
    Io {
        /// The path as given.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The file was read but is not YAML text: too large, not UTF-8, or empty (exit code 1).
    /// `file` holds what was read (invalid UTF-8 replaced by U+FFFD), so that the
    /// diagnostics can be rendered with [`crate::diag::render_all`].
    #[error("{} cannot be loaded: {}", file.name, diagnostics.first().map_or("", |d| d.message.as_str()))]
    Invalid {
        /// The file as read (empty when it was too large to read).
        file: SourceFile,
        /// What is wrong with it.
        diagnostics: Vec<Diagnostic>,
    },
}

/// Reads `path` as a YAML source: at most `limits.max_bytes` (a larger file is refused
/// before it is read), UTF-8 (a leading byte order mark is dropped), not empty.
pub fn read_source(path: &Path, limits: &Limits) -> Result<SourceFile, LoadError> {
    let name = path.shown().to_string();
    let io = |source| LoadError::Io { path: path.to_path_buf(), source };
    let file = open_regular(path).map_err(io)?;
    if let Ok(meta) = file.metadata() {
        if meta.len() > limits.max_bytes as u64 {
            return Err(too_large(name, Some(meta.len()), limits));
        }
    }
    let mut bytes = Vec::new();
    file.take(limits.max_bytes as u64 + 1).read_to_end(&mut bytes).map_err(io)?;
    source_from_bytes(name, bytes, limits)
}

/// What a path is when it is not a regular file: a folder, a FIFO, a device. Reading one
/// could block for ever (a FIFO nobody writes to) or never end (`/dev/zero`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("it is {0}, not a regular file")]
pub struct NotRegular(pub &'static str);

impl NotRegular {
    /// What `meta` (of a file that is not regular) describes.
    pub fn of(meta: &std::fs::Metadata) -> Option<NotRegular> {
        let kind = meta.file_type();
        if kind.is_file() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if kind.is_fifo() {
                return Some(NotRegular("a FIFO (named pipe)"));
            }
            if kind.is_char_device() || kind.is_block_device() {
                return Some(NotRegular("a device"));
            }
            if kind.is_socket() {
                return Some(NotRegular("a socket"));
            }
        }
        Some(NotRegular(if kind.is_dir() { "a folder" } else { "not a file" }))
    }

    /// The problem `e` (from [`open_regular`]) names, if it is this one.
    pub fn in_error(e: &std::io::Error) -> Option<NotRegular> {
        e.get_ref().and_then(|inner| inner.downcast_ref::<NotRegular>()).copied()
    }
}

/// Opens `path` for reading if it is a regular file (links followed), and only then: it is
/// checked before it is opened, opened without blocking (on unix, so that a FIFO swapped in
/// meanwhile cannot hold the open), and checked again once open. Anything else is refused
/// with a [`NotRegular`] inside the error.
pub fn open_regular(path: &Path) -> std::io::Result<File> {
    let refuse = |n: NotRegular| std::io::Error::new(std::io::ErrorKind::InvalidInput, n);
    let meta = std::fs::metadata(path).map_err(|e| match std::fs::read_link(path) {
        // A link to nothing says so: "No such file" alone would be about a file that is there.
        Ok(target) if e.kind() == std::io::ErrorKind::NotFound => {
            std::io::Error::new(e.kind(), format!("it is a symbolic link to {}, which does not exist", target.shown()))
        }
        _ => e,
    })?;
    if let Some(n) = NotRegular::of(&meta) {
        return Err(refuse(n));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    match NotRegular::of(&file.metadata()?) {
        Some(n) => Err(refuse(n)),
        // A regular file reads the same with or without O_NONBLOCK.
        None => Ok(file),
    }
}

/// The checks of [`read_source`] for bytes already in memory (standard input, tests).
pub fn source_from_bytes(name: impl Into<String>, bytes: Vec<u8>, limits: &Limits) -> Result<SourceFile, LoadError> {
    let name = name.into();
    if bytes.len() > limits.max_bytes {
        return Err(too_large(name, Some(bytes.len() as u64), limits));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || utf16_without_bom(&bytes) {
        let d = Diagnostic::new(None, "", "the file is UTF-16; save it as UTF-8");
        return Err(LoadError::Invalid { file: SourceFile::new(name, ""), diagnostics: vec![d] });
    }
    // A PDF or page image given for its briefing (the PDF that went out, to compare against):
    // what it is, and how to get its source (text40b F40b-22: "save the file as UTF-8").
    if bytes.starts_with(b"%PDF-") || bytes.starts_with(b"\x89PNG\r\n") {
        let (what, help) = if bytes.starts_with(b"%PDF-") {
            (
                "this is a PDF, not a briefing's YAML",
                format!("`briefing extract {name}` writes the YAML a briefing's PDF was built from"),
            )
        } else {
            ("this is a PNG image, not a briefing's YAML", "give the briefing's YAML file".to_string())
        };
        let d = Diagnostic::new(None, "", what).with_help(help);
        return Err(LoadError::Invalid { file: SourceFile::new(name, ""), diagnostics: vec![d] });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            // The lossy text is byte-identical up to `at`, where U+FFFD (3 bytes) stands in.
            let file = SourceFile::new(name, String::from_utf8_lossy(e.as_bytes()).into_owned());
            let d = Diagnostic::new(Some(Span::new(at, at + 3)), "", format!("not valid UTF-8 at byte {at}"))
                .with_help("save the file as UTF-8");
            return Err(LoadError::Invalid { file, diagnostics: vec![d] });
        }
    };
    let (text, bom) = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest.to_string(), true),
        None => (text, false),
    };
    // ISO-2022-JP (JIS, as Japanese e-mail is sent): ASCII bytes, so valid UTF-8, with escape
    // sequences that switch to kanji and back; read as UTF-8 it is a control character a line
    // and garbage (text45a F45a-30).
    let jis = ["\x1b$B", "\x1b$@", "\x1b(J", "\x1b(I", "\x1b$(D"].iter().filter_map(|e| text.find(e)).min();
    if let Some(at) = jis {
        let file = SourceFile::new(name, text);
        let d = Diagnostic::new(Some(Span::new(at, at + 1)), "", "this file is in ISO-2022-JP (JIS), not UTF-8")
            .with_help("save the file as UTF-8");
        return Err(LoadError::Invalid { file, diagnostics: vec![d] });
    }
    let nul = text.find('\0');
    let file = SourceFile { bom, ..SourceFile::new(name, text) };
    if let Some(at) = nul {
        let d = Diagnostic::new(Some(Span::new(at, at + 1)), "", "a NUL byte (U+0000): YAML text cannot hold one")
            .with_help("the file may be damaged, or not a text file; remove the character");
        return Err(LoadError::Invalid { file, diagnostics: vec![d] });
    }
    // A Windows file converted once more (or pasted through Outlook): YAML reads each `\r\r\n`
    // as two line breaks, so every line of a text is a paragraph of its own (text44a F44a-10).
    if let Some(at) = file.text.find("\r\r\n") {
        let d = Diagnostic::new(
            Some(Span::new(at, at + 3)),
            "",
            "the file's line ends are doubled (CR CR LF), which YAML reads as two line breaks: each line of a text would print as a paragraph of its own",
        )
        .with_help("save the file with Windows (CR LF) or Unix (LF) line ends");
        return Err(LoadError::Invalid { file, diagnostics: vec![d] });
    }
    if is_blank(&file.text) {
        let d =
            Diagnostic::new(None, "", "the file is empty: a briefing needs at least title, date, topics and contact");
        return Err(LoadError::Invalid { file, diagnostics: vec![d] });
    }
    Ok(file)
}

/// `file` with each carriage return that ends a line on its own (an old Mac file's line end:
/// `\r` with no `\n` after it) made a line feed. YAML 1.2 reads either as a line break, but
/// the loader finds lines at `\n`, and took such a file for one line (text42a F42a-3: false
/// "missing field" errors and a help quoting the whole file). As many bytes, so every span
/// holds for the file as read.
pub(crate) fn with_line_feeds(file: &SourceFile) -> Cow<'_, SourceFile> {
    let bytes = file.text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !file.text.contains('\r') || !(0..bytes.len()).any(lone) {
        return Cow::Borrowed(file);
    }
    let mut text = String::with_capacity(file.text.len());
    let mut rest = file.text.as_str();
    while let Some(i) = rest.find('\r') {
        text.push_str(&rest[..i]);
        text.push(if rest[i + 1..].starts_with('\n') { '\r' } else { '\n' });
        rest = &rest[i + 1..];
    }
    text.push_str(rest);
    Cow::Owned(SourceFile { name: file.name.clone(), text, bom: file.bom })
}

/// Whether `text` holds no value: nothing but blank lines, comments, document markers
/// (`---`, `...`) and a null (`~`, `null`).
pub fn is_blank(text: &str) -> bool {
    text.split(['\n', '\r']).all(|l| {
        let uncommented = match l.find('#') {
            Some(i) if i == 0 || l[..i].ends_with([' ', '\t']) => &l[..i],
            _ => l,
        };
        uncommented.split_whitespace().all(|w| matches!(w, "---" | "..." | "~" | "null" | "Null" | "NULL"))
    })
}

/// Whether `bytes` look like UTF-16 text without a byte order mark: ASCII text in UTF-16 has
/// a NUL in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return false;
    }
    let half = head.len() / 2;
    let (even, odd) =
        head.chunks_exact(2).fold((0, 0), |(e, o), p| (e + usize::from(p[0] == 0), o + usize::from(p[1] == 0)));
    even * 2 > half || odd * 2 > half
}

fn too_large(name: String, size: Option<u64>, limits: &Limits) -> LoadError {
    let d = Diagnostic::new(None, "", too_large_message(size, limits.max_bytes));
    LoadError::Invalid { file: SourceFile::new(name, ""), diagnostics: vec![d] }
}

pub(crate) fn too_large_message(size: Option<u64>, max: usize) -> String {
    let limit = if max >= 1 << 20 && max.is_multiple_of(1 << 20) {
        format!("{} MiB ({max} bytes)", max >> 20)
    } else {
        format!("{max} bytes")
    };
    match size {
        Some(size) => format!("the file is too large: {size} bytes, and the limit is {limit}"),
        None => format!("the file is too large: the limit is {limit}"),
    }
}

//! Why a command failed: one error type for the edges, each variant carrying what it is about
//! (the path, the limit, the source error), its wording in one `Display`, and the exit code
//! derived from the variant: 1 when the input (a briefing, a template, a PDF to extract from)
//! is at fault, 2 for the command line and the system (files that cannot be read or written).

use crate::shown::Show;
use std::fmt;
use std::path::PathBuf;

use crate::diag::{render_all, Diagnostic, SourceFile};

/// A file the tool reads, and how large it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Briefing,
    Template,
    Logo,
    Font,
    /// A PDF given to `extract`.
    Pdf,
}

impl FileKind {
    /// The most bytes a file of this kind may have.
    pub const fn limit(self) -> u64 {
        match self {
            FileKind::Briefing | FileKind::Template => 4 << 20,
            FileKind::Logo => 8 << 20,
            FileKind::Font => 64 << 20,
            FileKind::Pdf => 512 << 20,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            FileKind::Briefing => "briefing",
            FileKind::Template => "template",
            FileKind::Logo => "logo",
            FileKind::Font => "font",
            FileKind::Pdf => "PDF",
        }
    }
}

/// "4 MiB", "512 KiB", "300 bytes".
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / f64::from(1 << 20)),
        b if b >= 1 << 10 => format!("{} KiB", b.div_ceil(1 << 10)),
        b => format!("{b} bytes"),
    }
}

/// Everything that can end a command early.
#[derive(Debug)]
pub enum Error {
    /// The input has mistakes: each file with its diagnostics (exit 1).
    Invalid(Vec<(SourceFile, Vec<Diagnostic>)>),
    /// A file could not be read (exit 2).
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file could not be written (exit 2).
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A path names a folder where a file belongs, or a file where a folder does.
    NotAFile {
        path: PathBuf,
        wanted: &'static str,
    },
    NotAFolder {
        path: PathBuf,
    },
    /// A folder given as input holds no `.yaml` or `.yml` file.
    NoBriefings {
        folder: PathBuf,
    },
    /// A path names something that is not a regular file (a FIFO, a device) where a file to
    /// read or write belongs; nothing was opened.
    Special {
        path: PathBuf,
        /// What it is: "a FIFO (named pipe)", "a device".
        is: &'static str,
        wanted: &'static str,
    },
    /// The folder a file would be written in does not exist.
    NoFolder {
        path: PathBuf,
        folder: PathBuf,
    },
    /// The output is a file this run reads (by identity, links followed).
    WouldOverwrite {
        output: PathBuf,
        input: PathBuf,
        role: &'static str,
    },
    /// The output exists and is read-only.
    ReadOnly {
        path: PathBuf,
    },
    /// A file is larger than its kind may be (`size` unknown for an endless file).
    TooLarge {
        path: PathBuf,
        kind: FileKind,
        size: Option<u64>,
    },
    /// A dossier's briefings are more, or larger together, than one dossier may hold.
    DossierTooLarge {
        briefings: usize,
        bytes: u64,
        /// With a table of contents, whose titles count twice.
        contents: bool,
        /// Where the count stopped, when it did before the last briefing: how many were
        /// weighed, and the last of them. `bytes` is then what those came to.
        stopped: Option<(usize, PathBuf)>,
    },
    /// A briefing with a table of contents comes to more than one briefing may be, its
    /// titles counted again for the contents.
    ContentsTooLarge {
        bytes: u64,
    },
    /// A redline to be laid out (a PDF, page images) shows more text, or marks more changes,
    /// than one is laid out with in bounded time.
    RedlineTooLarge {
        bytes: u64,
        marks: usize,
        /// The bounds for what was asked for (lower for page images), and its name.
        most: (u64, usize),
        what: &'static str,
    },
    /// `extract` found no usable attachment, or a damaged one (exit 1).
    Extract {
        pdf: PathBuf,
        problem: String,
    },
    /// Rendering failed (a bug with built-in fonts).
    Render {
        what: String,
        source: crate::document::Error,
    },
    /// `SOURCE_DATE_EPOCH` is set but not a number.
    Epoch {
        value: String,
    },
    /// Watching a folder failed.
    Watch {
        path: PathBuf,
        problem: String,
    },
    /// Some briefings of a batch failed (their errors were printed as they came).
    Batch {
        failed: usize,
        total: usize,
        code: u8,
    },
    /// Any other mistake on the command line (exit 2).
    Usage(String),
    /// Several of the above, each about another input, all shown (exit 2 when any is a
    /// usage or I/O problem, else 1).
    Several(Vec<Error>),
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Invalid(_) | Error::Extract { .. } => 1,
            Error::Batch { code, .. } => *code,
            Error::Several(errors) => errors.iter().map(Error::exit_code).max().unwrap_or(2),
            _ => 2,
        }
    }

    pub fn read(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Read { path: path.into(), source }
    }

    pub fn write(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Write { path: path.into(), source }
    }

    /// One problem in `file` (a diagnostic without a place: the whole file).
    pub fn invalid(file: SourceFile, diagnostic: Diagnostic) -> Error {
        Error::Invalid(vec![(file, vec![diagnostic])])
    }
}

/// An OS error as people say it: "No such file or directory", without "(os error 2)".
fn os(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// "a logo", "an output".
fn a(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {noun}")
}

impl Error {
    /// What went wrong, in one line, without the `error: ` in front (for diagnostics that
    /// carry it to a template's line).
    pub fn message(&self) -> String {
        match self {
            Error::Invalid(files) => files.iter().map(|(file, diags)| render_all(file, diags)).collect(),
            Error::Read { path, source } => format!("cannot read {}: {}", path.shown(), os(source)),
            Error::Write { path, source } => format!("cannot write {}: {}", path.shown(), os(source)),
            Error::NotAFile { path, wanted } => format!("{} is a folder; give {} file", path.shown(), a(wanted)),
            Error::NotAFolder { path } => format!("{} is not a folder", path.shown()),
            Error::NoBriefings { folder } => {
                format!(
                    "{}: no .yaml or .yml files in this folder (its subfolders and hidden files are not read)",
                    folder.shown()
                )
            }
            Error::Special { path, is, wanted } => {
                format!("{} is {is}, not a regular file; give {} file", path.shown(), a(wanted))
            }
            Error::NoFolder { path, folder } => {
                format!("cannot write {}: folder {} does not exist", path.shown(), folder.shown())
            }
            Error::WouldOverwrite { output, input, role } => format!(
                "{} is the {role} this run reads ({}); write the output somewhere else",
                output.shown(),
                input.shown()
            ),
            Error::ReadOnly { path } => {
                format!("{} is read-only; it was left as it is (--force replaces it)", path.shown())
            }
            Error::TooLarge { path, kind, size: Some(bytes) } => {
                format!("{} is {}; a {} may be at most {}", path.shown(), size(*bytes), kind.name(), size(kind.limit()))
            }
            Error::TooLarge { path, kind, size: None } => {
                format!("{} is more than {}, all a {} may be", path.shown(), size(kind.limit()), kind.name())
            }
            Error::ContentsTooLarge { bytes } => format!(
                "with --toc, the contents list every title again, and the briefing and its contents come to {}, \
                 more than the {} one briefing may be; build it without --toc",
                size(*bytes),
                size(super::bundle::MAX_BYTES)
            ),
            Error::DossierTooLarge { briefings, bytes, contents, stopped } => {
                use super::bundle::{MAX_BRIEFINGS, MAX_BYTES};
                if *briefings > MAX_BRIEFINGS {
                    format!(
                        "a dossier holds at most {MAX_BRIEFINGS} briefings, and {briefings} were given; \
                         bundle them in several dossiers"
                    )
                } else if let Some((weighed, last)) = stopped.as_ref().filter(|(n, _)| n < briefings) {
                    // (Not the whole: the count stops where it passed, text43b F43b-18: "come
                    // to 4.0 MiB …, more than the 4 MiB".)
                    format!(
                        "the {briefings} briefings come to more than the {} a dossier may hold (as much as one \
                         briefing): the first {weighed}, up to {}, already come to {}{}; bundle them in several \
                         dossiers",
                        size(MAX_BYTES),
                        last.shown(),
                        size(*bytes),
                        if *contents { ", their titles counted twice for the contents (--toc)" } else { "" }
                    )
                } else {
                    format!(
                        "the {briefings} briefings come to {} together{}, more than the {} a dossier may hold \
                         (as much as one briefing); bundle them in several dossiers",
                        size(*bytes),
                        if *contents { ", their titles counted twice for the contents (--toc)" } else { "" },
                        size(MAX_BYTES)
                    )
                }
            }
            Error::RedlineTooLarge { bytes, marks, most: (most_bytes, most_marks), what: made } => {
                let what = if bytes > most_bytes {
                    // (Just past it, in bytes: "3.0 MiB, more than 3 MiB" would read as none.)
                    let (shown, most) = if *bytes - *most_bytes < *most_bytes / 20 {
                        (format!("{bytes} bytes"), format!("{most_bytes} bytes ({})", size(*most_bytes)))
                    } else {
                        (size(*bytes), size(*most_bytes))
                    };
                    format!("{shown} of text, old and new together, more than the {most} one redline {made} may show")
                } else {
                    format!("{marks} changes marked, more than the {most_marks} one redline {made} may hold")
                };
                format!(
                    "this redline is too large to lay out in bounded time: {what}; `--stat` counts the changes, \
                     and a web page (`-o CHANGES.html`) shows them all"
                )
            }
            Error::Extract { pdf, problem } => format!("cannot extract from {}: {problem}", pdf.shown()),
            Error::Render { what, source } => format!("cannot render {what}: {source}"),
            Error::Epoch { value } => {
                format!(
                    "SOURCE_DATE_EPOCH is {value:?}; it must be a whole number of seconds since 1970, \
                     before the year 10000"
                )
            }
            Error::Watch { path, problem } => format!("cannot watch {}: {problem}", path.shown()),
            Error::Batch { failed, total, .. } => format!("{failed} of {total} briefings failed"),
            Error::Usage(message) => message.clone(),
            Error::Several(errors) => errors.iter().map(Error::message).collect::<Vec<_>>().join("\n"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Invalid(_) => f.write_str(&self.message()),
            // Each failure was shown as it came, and the run's summary closes it.
            Error::Batch { .. } => Ok(()),
            Error::Several(errors) => errors.iter().try_for_each(|e| write!(f, "{e}")),
            _ => writeln!(f, "error: {}", self.message()),
        }
    }
}

impl std::error::Error for Error {}

/// Every input's problem, gathered so that a run reports them all at once: the diagnostics of
/// invalid files together, then what could not be read.
#[derive(Default)]
pub struct Problems {
    invalid: Vec<(SourceFile, Vec<Diagnostic>)>,
    others: Vec<Error>,
}

impl Problems {
    pub fn add(&mut self, error: Error) {
        match error {
            Error::Invalid(files) => self.invalid.extend(files),
            other => self.others.push(other),
        }
    }

    /// Nothing wrong, one problem as it is, or all of them.
    pub fn result(mut self) -> Result<(), Error> {
        if !self.invalid.is_empty() {
            self.others.insert(0, Error::Invalid(self.invalid));
        }
        match self.others.len() {
            0 => Ok(()),
            1 => Err(self.others.remove(0)),
            _ => Err(Error::Several(self.others)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_whose_fault_it_is() {
        let file = SourceFile::new("x.yaml", "a: 1\n");
        assert_eq!(Error::invalid(file, Diagnostic::new(None, "", "bad")).exit_code(), 1);
        assert_eq!(Error::Extract { pdf: "a.pdf".into(), problem: "damaged".into() }.exit_code(), 1);
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(Error::read("x.yaml", io).exit_code(), 2);
        assert_eq!(Error::ReadOnly { path: "x.pdf".into() }.exit_code(), 2);
    }

    #[test]
    fn messages_name_the_file_and_the_limit() {
        let e = Error::TooLarge { path: "logo.png".into(), kind: FileKind::Logo, size: Some(9 << 20) };
        assert_eq!(e.to_string(), "error: logo.png is 9 MiB; a logo may be at most 8 MiB\n");
        let io = std::io::Error::from_raw_os_error(2);
        assert_eq!(Error::read("x.yaml", io).to_string(), "error: cannot read x.yaml: No such file or directory\n");
    }
}

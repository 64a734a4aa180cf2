//! The edges: reading files, resolving templates, writing PDFs atomically, the clock and the
//! terminal. Each command lives in its own file; this one holds what they share.

mod build;
mod bundle;
mod extract;
mod new;
mod watch;

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory as _;

use crate::cli::{Cli, Command, RenderArgs};
use crate::diag::{render_all, Diagnostic, SourceFile};
use crate::fonts::FontBook;
use crate::load::{self, Limits, LoadError};
use crate::model::Briefing;
use crate::theme::{self, TemplateRef, Theme};
use crate::{validate, BuildOptions};

/// Why a command failed, and so its exit code.
#[derive(Debug)]
pub enum Failure {
    /// The input (a briefing or a template) has mistakes: exit 1.
    Invalid(Vec<(SourceFile, Vec<Diagnostic>)>),
    /// A file could not be read or written, or the command line is wrong: exit 2.
    Io(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Invalid(_) => 1,
            Failure::Io(_) => 2,
        }
    }

    fn io(what: &str, path: &Path, e: impl fmt::Display) -> Failure {
        Failure::Io(format!("{what} {}: {e}", path.display()))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Invalid(files) => {
                for (file, diags) in files {
                    f.write_str(&render_all(file, diags))?;
                }
                Ok(())
            }
            Failure::Io(message) => writeln!(f, "error: {message}"),
        }
    }
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Build(args) => build::build(&args),
        Command::Check { inputs, template } => build::check(&inputs, &template.template),
        Command::Watch { input, output, render } => watch::watch(&input, output.as_deref(), &render),
        Command::Bundle { inputs, output, title, date, render } => {
            bundle::bundle(&inputs, &output, &title, date.as_deref(), &render)
        }
        Command::New { path } => new::new(&path),
        Command::Templates => {
            for t in theme::BUILTIN {
                match Theme::resolve(TemplateRef::Builtin(t.name)) {
                    Ok(theme) => println!("{:<14} {}", t.name, theme.description),
                    Err(_) => println!("{:<14} (does not load)", t.name),
                }
            }
            Ok(())
        }
        Command::Extract { pdf, output } => extract::extract(&pdf, output.as_deref()),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "briefing", &mut std::io::stdout());
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprint!("{failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}

/// Reads a YAML file, mapping read errors to exit code 2 and undecodable bytes to 1.
pub fn read_source(path: &Path) -> Result<SourceFile, Failure> {
    load::read_source(path, &Limits::default()).map_err(|e| match e {
        LoadError::Io { path, source } => Failure::io("cannot read", &path, source),
        LoadError::Invalid { file, diagnostics } => Failure::Invalid(vec![(file, diagnostics)]),
    })
}

/// Reads and checks a briefing.
pub fn load_briefing(path: &Path, fonts: &FontBook) -> Result<(SourceFile, Briefing), Failure> {
    let file = read_source(path)?;
    match validate::load_briefing(&file, &Limits::default(), &|c| fonts.covers(c)) {
        Ok(b) => Ok((file, b)),
        Err(diags) => Err(Failure::Invalid(vec![(file, diags)])),
    }
}

/// A resolved template: the theme, and its logo read from disk.
pub struct Template {
    /// The theme for English briefings.
    pub theme: Theme,
    pub logo: Option<crate::pdf::Image>,
    /// The template's own font family, read from disk.
    family: Option<Family>,
    /// The user's template file, kept to resolve the theme for other languages.
    file: Option<SourceFile>,
    name: String,
}

impl Template {
    /// The fonts briefings are set in: the built-in faces, behind the template's family if
    /// it has one.
    pub fn font_book(&self) -> FontBook {
        match &self.family {
            None => FontBook::builtin(),
            Some(family) => {
                let styles = [(false, false), (true, false), (false, true), (true, true)];
                let faces = std::array::from_fn(|i| crate::fonts::FaceSource {
                    name: family[i].0.clone(),
                    data: std::borrow::Cow::Owned(family[i].1.clone()),
                    style: crate::fonts::FontStyle { bold: styles[i].0, italic: styles[i].1 },
                });
                FontBook::with_family(faces)
            }
        }
    }

    /// The theme for a briefing in `lang` (Japanese labels and dates for `ja`, …).
    pub fn theme_for(&self, lang: &str) -> Result<std::borrow::Cow<'_, Theme>, Failure> {
        let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
        if !theme::LANGUAGES.iter().any(|l| l.name == primary) {
            return Ok(std::borrow::Cow::Borrowed(&self.theme));
        }
        let template = match &self.file {
            Some(file) => TemplateRef::File(file),
            None => TemplateRef::Builtin(&self.name),
        };
        Theme::resolve_for(template, lang)
            .map(std::borrow::Cow::Owned)
            .map_err(|e| Failure::Invalid(vec![(e.file, e.diagnostics)]))
    }
}

/// `--template NAME|PATH`: a built-in name, else a file. A logo path in a template file is
/// relative to that file.
pub fn resolve_template(arg: &str) -> Result<Template, Failure> {
    let (result, base, file) = if theme::BUILTIN.iter().any(|b| b.name == arg) {
        (Theme::resolve(TemplateRef::Builtin(arg)), PathBuf::from("."), None)
    } else {
        let path = Path::new(arg);
        if !path.exists() {
            return Err(Failure::Io(format!(
                "no built-in template '{arg}' and no file {arg}; the built-in ones are {}",
                theme::builtin_names()
            )));
        }
        let file = load::source_from_bytes(
            path.display().to_string(),
            std::fs::read(path).map_err(|e| Failure::io("cannot read", path, e))?,
            &Limits::default(),
        )
        .map_err(|e| match e {
            LoadError::Io { path, source } => Failure::io("cannot read", &path, source),
            LoadError::Invalid { file, diagnostics } => Failure::Invalid(vec![(file, diagnostics)]),
        })?;
        let base = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        (Theme::resolve(TemplateRef::File(&file)), base, Some(file))
    };
    let theme = result.map_err(|e| Failure::Invalid(vec![(e.file, e.diagnostics)]))?;
    let logo = match theme.title_block.logo.trim() {
        "" => None,
        logo => {
            let path = base.join(logo);
            let bytes = std::fs::read(&path).map_err(|e| Failure::io("cannot read the template's logo", &path, e))?;
            let image = crate::pdf::decode_image(&bytes)
                .map_err(|e| Failure::Io(format!("cannot use the template's logo {}: {e}", path.display())))?;
            Some(image)
        }
    };
    let family = read_family(&theme.fonts, &base)?;
    Ok(Template { theme, logo, family, file, name: arg.to_string() })
}

/// A font family read from files: (PostScript name, bytes) for regular, bold, italic and
/// bold italic.
type Family = [(String, Vec<u8>); 4];

/// Reads a template's font files (relative to `base`): each style falls back to `regular`.
fn read_family(files: &theme::FontFiles, base: &Path) -> Result<Option<Family>, Failure> {
    let regular = files.regular.trim();
    if regular.is_empty() {
        return Ok(None);
    }
    let read = |file: &str| -> Result<(String, Vec<u8>), Failure> {
        let path = base.join(if file.trim().is_empty() { regular } else { file.trim() });
        let data = std::fs::read(&path).map_err(|e| Failure::io("cannot read the template's font", &path, e))?;
        let name = FontBook::check_face(&data)
            .map_err(|e| Failure::Io(format!("cannot use the template's font {}: {e}", path.display())))?;
        Ok((name, data))
    };
    Ok(Some([read(regular)?, read(&files.bold)?, read(&files.italic)?, read(&files.bold_italic)?]))
}

/// The template file behind `--template`, if it is a file (for watching).
pub fn template_path(arg: &str) -> Option<PathBuf> {
    (!theme::BUILTIN.iter().any(|b| b.name == arg)).then(|| PathBuf::from(arg))
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): seconds since 1970 to use as the PDF's
/// dates. Set but not a number is an error, as the specification asks.
pub fn source_date_epoch() -> Result<Option<i64>, Failure> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => s.trim().parse().map(Some).map_err(|_| {
            Failure::Io(format!("SOURCE_DATE_EPOCH is {s:?}; it must be a whole number of seconds since 1970"))
        }),
        Err(_) => Ok(None),
    }
}

/// Build options from the command line, the template and the environment
/// (`SOURCE_DATE_EPOCH`).
pub fn build_options(
    render: &RenderArgs,
    template: &Template,
    file: &SourceFile,
    path: &Path,
) -> Result<BuildOptions, Failure> {
    let date = source_date_epoch()?;
    let source = (!render.no_embed_source).then(|| crate::pdf::Attachment {
        name: path.file_name().map_or_else(|| "briefing.yaml".into(), |n| n.to_string_lossy().into_owned()),
        data: file.original_bytes(),
    });
    Ok(BuildOptions { toc: render.toc, source, date, logo: template.logo.clone() })
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over the target. On any failure the old file is untouched and no temporary file
/// is left behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Failure::Io(format!("cannot write {}: folder {} does not exist", path.display(), dir.display())));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".briefing-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Failure::io("cannot write", path, e))?;
    tmp.write_all(bytes).map_err(|e| Failure::io("cannot write", path, e))?;
    // A temporary file is private (0600); the result should be as readable as the file it
    // replaces, or as an ordinary new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| Failure::io("cannot write", path, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Failure::io("cannot write", path, e))?;
    tmp.persist(path).map_err(|e| Failure::io("cannot write", path, e.error))?;
    Ok(())
}

/// `NAME.yaml` → `NAME.pdf` beside it.
pub fn default_output(input: &Path) -> PathBuf {
    input.with_extension("pdf")
}

/// "27 KB", "1.2 MB".
pub fn human_size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

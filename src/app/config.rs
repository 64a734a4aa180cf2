//! The command line and the environment, resolved once into what the commands use: nothing
//! below this reads clap's types or the environment.

use crate::shown::Show;
use std::path::PathBuf;

use super::error::Error;
use super::files::Existing;
use crate::app::say::say;
use crate::cli::{FormatArgs, LanguageArgs, RenderArgs, TemplateArg};
use crate::Format;

/// What the environment says, read once at start.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// `SOURCE_DATE_EPOCH`, as set (checked when a command needs it).
    source_date_epoch: Option<String>,
}

impl Env {
    pub fn read() -> Env {
        Env { source_date_epoch: std::env::var("SOURCE_DATE_EPOCH").ok() }
    }

    /// `SOURCE_DATE_EPOCH` (reproducible-builds.org): seconds since 1970 to use as the PDF's
    /// dates. Set but not a number is an error, as the specification asks, and so is one
    /// past the years a PDF date can hold (0000 to 9999: 253,402,300,799 is the last second).
    pub fn epoch(&self) -> Result<Option<i64>, Error> {
        const LAST: i64 = 253_402_300_799;
        match &self.source_date_epoch {
            Some(s) => match s.trim().parse::<i64>() {
                Ok(v) if (0..=LAST).contains(&v) => Ok(Some(v)),
                _ => Err(Error::Epoch { value: s.clone() }),
            },
            None => Ok(None),
        }
    }
}

/// Which template, and the folder it may read from.
#[derive(Debug, Clone)]
pub struct TemplateChoice {
    pub name: String,
    pub root: Option<PathBuf>,
}

impl TemplateChoice {
    /// `--template` and `--root` as given; `--root` with a built-in template, which reads no
    /// file, is said to do nothing (text29 F29b-2: even `--root /nonexistent` was taken).
    pub fn chosen(a: &TemplateArg) -> TemplateChoice {
        if let Some(root) = a.root.as_deref().filter(|_| super::Template::is_builtin(&a.template)) {
            say!(
                "note: --root {} is the folder a template file reads from, and the built-in template `{}` reads \
                 none: it is left out",
                root.shown(),
                a.template
            );
        }
        TemplateChoice { name: a.template.clone(), root: a.root.clone() }
    }
}

/// How a PDF is made and written, for `build`, `watch` and `bundle`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub template: TemplateChoice,
    /// A table of contents whatever the template says.
    pub toc: bool,
    /// Attach the source YAML.
    pub embed_source: bool,
    /// How an existing output is treated (`--force`).
    pub existing: Existing,
    /// The PDF's dates, when `SOURCE_DATE_EPOCH` sets them.
    pub epoch: Option<i64>,
    /// `--fit-pages`, over the template's `fit_pages`.
    pub fit_pages: Option<u32>,
    /// `--lang`: the one language of a bilingual briefing to build.
    pub lang: Option<String>,
    /// `--parallel`: the languages side by side in one PDF.
    pub parallel: bool,
    /// `--format`: what to write (empty: as `-o`'s extension says, else PDF).
    pub formats: Vec<Format>,
    /// `--ppi`: the resolution of page images.
    pub ppi: f32,
    /// `--ppi` was given (not the default).
    pub ppi_given: bool,
}

impl Settings {
    pub fn new(args: &RenderArgs, env: &Env) -> Result<Settings, Error> {
        Ok(Settings {
            template: TemplateChoice::chosen(&args.template),
            toc: args.toc,
            embed_source: !args.no_embed_source,
            existing: if args.force { Existing::Force } else { Existing::Replace },
            epoch: env.epoch()?,
            fit_pages: args.fit_pages,
            lang: None,
            parallel: false,
            formats: Vec::new(),
            ppi: crate::DEFAULT_PPI,
            ppi_given: false,
        })
    }

    /// These settings with `--format`.
    pub fn with_formats(self, formats: &FormatArgs) -> Settings {
        Settings {
            formats: formats.format.iter().map(|&f| f.into()).collect(),
            ppi: formats.ppi.unwrap_or(crate::DEFAULT_PPI),
            ppi_given: formats.ppi.is_some(),
            ..self
        }
    }

    /// What to write to `output`: `--format`, else what `-o`'s extension says (`.html`,
    /// `.png`), else PDF; each once, in the order of `Format::ALL`.
    pub fn formats_for(&self, output: &std::path::Path) -> Vec<Format> {
        let mut asked = self.formats.clone();
        if asked.is_empty() {
            asked.push(match output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
                Some("html" | "htm") => Format::Html,
                Some("png") => Format::Png,
                _ => Format::Pdf,
            });
        }
        Format::ALL.into_iter().filter(|f| asked.contains(f)).collect()
    }

    /// Says which options have nothing to act on in these formats (a web page has no pages
    /// to fit or list; only page images have a resolution).
    pub fn note_unused_options(&self, formats: &[Format]) {
        let paged = formats.iter().any(|f| *f != Format::Html);
        if !paged && self.toc {
            say!("note: --toc lists pages, and a web page has none: it is left out");
        }
        if !paged && self.fit_pages.is_some() {
            say!("note: --fit-pages fits pages, and a web page has none: it is left out");
        }
        if !self.embed_source && !formats.contains(&Format::Pdf) {
            say!("note: --no-embed-source leaves the source out of a PDF, and none is made: it is left out");
        }
        if self.ppi_given && !formats.contains(&Format::Png) {
            say!("note: --ppi is the resolution of page images, and none are made (--format png)");
        }
    }

    /// These settings with the language choice of `build` or `watch`.
    pub fn with_languages(self, languages: &LanguageArgs) -> Settings {
        Settings { lang: languages.lang.clone(), parallel: languages.parallel, ..self }
    }
}

/// A usage error when `-o`'s extension names another format than the one asked for
/// (`-o page.html --format pdf` would write a PDF called page.html), or any other file, or
/// none: `-o other.yaml`, `-o README` or `-o notes.mp4` would replace that file with a PDF
/// (text29 F29b-3, text30 F30b-3).
pub fn output_names_its_format(output: &std::path::Path, formats: &[Format]) -> Result<(), super::Error> {
    // (A link is written through: its target is the file replaced, and must be named so
    // too; text31 F31b-5, `out.pdf` linked to NOTES.)
    if let Some(target) = link_target(output) {
        output_names_its_format(&target, formats)?;
    }
    let asked: Vec<&str> = formats.iter().map(|f| f.extension()).collect();
    let named = match output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("html" | "htm") => Format::Html,
        Some("png") => Format::Png,
        Some("pdf") => Format::Pdf,
        other => {
            let names = match other {
                Some(e) if !e.is_empty() => format!("names a .{e} file"),
                _ => "has no extension".to_string(),
            };
            return Err(super::Error::Usage(format!(
                "-o {} {names}, but this run writes {}: name the output .{}",
                output.shown(),
                asked.iter().map(|a| format!(".{a}")).collect::<Vec<_>>().join(" and "),
                asked.first().unwrap_or(&"pdf")
            )));
        }
    };
    // (With several formats, each file takes its extension: one of them must be -o's.)
    if formats.contains(&named) {
        return Ok(());
    }
    Err(super::Error::Usage(format!(
        "-o {} names a .{} file, but --format asks for {}: name the output for what it is",
        output.shown(),
        named.extension(),
        asked.join(",")
    )))
}

/// A usage error when `output`, one file of format `format` a run writes, is a link whose
/// target is named for another kind of file: the names `-o` expands to (`q.el.pdf`, each page
/// image `out2.png`) are written through links too (text32 F32-7, text33b F33b-1).
pub fn link_names_its_format(output: &std::path::Path, format: Format) -> Result<(), super::Error> {
    let Some(target) = link_target(output) else { return Ok(()) };
    output_names_its_format(&target, &[format]).map_err(|_| {
        super::Error::Usage(format!(
            "{} is a link to {}, which is not named .{ext}: writing through the link would put a .{ext} file \
             there; remove the link, or name the output apart with -o",
            output.shown(),
            target.shown(),
            ext = format.extension()
        ))
    })
}

/// Where `path` leads when it is a link, its links resolved: to a file that is there, or to
/// the name a write through it would create (a link to `notes.yaml`, not yet there; text33b).
pub fn link_target(path: &std::path::Path) -> Option<PathBuf> {
    let is_link = |p: &std::path::Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link(path) {
        return None;
    }
    if let Ok(target) = std::fs::canonicalize(path) {
        return Some(target);
    }
    // (Followed by hand while it dangles, as the kernel does, 40 links at most.)
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        if !is_link(&at) {
            break;
        }
        let to = std::fs::read_link(&at).ok()?;
        at = at.parent().map_or_else(|| to.clone(), |p| p.join(&to));
    }
    Some(at)
}

//! The edges: the command line and the environment (resolved once, `config`), reading and
//! writing files (`files`), templates from disk (`template`), the clock and the terminal.
//! Each command lives in its own file; this one holds what they share. Errors are typed
//! (`error`), and each knows its exit code.

mod build;
mod bundle;
pub mod config;
mod diff;
mod edit;
pub mod error;
pub mod extract;
pub mod files;
mod inputs;
mod languages;
mod new;
mod pages;
mod say;
pub mod template;
mod watch;

use crate::shown::Show;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory as _;

use crate::app::say::{say, say_part};
use crate::cli::{Cli, Command};
use crate::diag::SourceFile;
use crate::fonts::FontBook;
use crate::load::{self, Limits};
use crate::model::Briefing;
use crate::theme::{self, TemplateRef, Theme};
use crate::{validate, BuildOptions};

pub use validate::Reading;

pub use config::{Env, Settings};
pub use error::Error;
pub use template::Template;

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let env = Env::read();
    let result = match cli.command {
        Command::Build(args) => build::build(&args, &env),
        Command::Check { inputs, template, verbose } => {
            build::check(&inputs, &config::TemplateChoice::chosen(&template), verbose)
        }
        Command::Watch { input, output, languages, formats, render } => Settings::new(&render, &env).and_then(|s| {
            watch::watch(&input, output.as_deref(), &s.with_languages(&languages).with_formats(&formats))
        }),
        Command::Bundle { format: Some(format), .. } if !format.eq_ignore_ascii_case("pdf") => {
            Err(Error::Usage(format!(
                "--format {format}: a dossier is a PDF only; the briefings' web pages or page images come from \
             `build A.yaml B.yaml --format {format} --out-dir DIR`"
            )))
        }
        Command::Bundle { ppi: Some(ppi), .. } => Err(Error::Usage(format!(
            "--ppi {ppi}: a dossier is a PDF only, and --ppi is the resolution of page images; the briefings' \
             page images come from `build A.yaml B.yaml --format png --ppi {ppi} --out-dir DIR`"
        ))),
        Command::Bundle { output: None, .. } => Err(Error::Usage(
            "bundle writes one PDF: name it with -o, as in `bundle A.yaml B.yaml -o dossier.pdf`".into(),
        )),
        Command::Bundle { inputs, output: Some(output), title, date, lang, render, .. } => Settings::new(&render, &env)
            .and_then(|s| {
                let cover = bundle::CoverArgs { title: title.as_deref(), date: date.as_deref(), lang: lang.as_deref() };
                bundle::bundle(&inputs, &output, cover, &s)
            }),
        Command::Edit { input, port, no_open, template } => {
            let render =
                crate::cli::RenderArgs { template, toc: false, no_embed_source: false, force: false, fit_pages: None };
            Settings::new(&render, &env).and_then(|s| edit::edit(&input, edit::Serve { port, open: !no_open }, &s))
        }
        Command::New { path, lang } => new::new(&path, &lang),
        Command::Diff { old, new, output, stat, lang, formats, render } => Settings::new(&render, &env).and_then(|s| {
            let s = s.with_languages(&crate::cli::LanguageArgs { lang, parallel: false }).with_formats(&formats);
            diff::diff(diff::DiffArgs { old: &old, new: &new, output: output.as_deref(), stat }, &s)
        }),
        Command::Templates => {
            let mut list = String::new();
            for t in theme::BUILTIN {
                let description = Theme::resolve(TemplateRef::Builtin(t.name))
                    .map_or_else(|_| "(does not load)".to_string(), |theme| theme.description);
                list.push_str(&format!("{:<14} {description}\n", t.name));
            }
            say::print(list.as_bytes());
            Ok(())
        }
        Command::Extract { pdf, output, force } => extract::extract(&pdf, output.as_deref(), force),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "briefing", &mut script);
            say::print(&script);
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            say_part!("{error}");
            ExitCode::from(error.exit_code())
        }
    }
}

/// Reads a YAML file: unreadable is a system problem (exit 2), not YAML text an input one (1).
pub fn read_source(path: &Path) -> Result<SourceFile, Error> {
    load::read_source(path, &Limits::default()).map_err(template::load_error)
}

/// A briefing file, read and checked.
pub struct Loaded {
    pub file: SourceFile,
    /// The briefing in each of its languages, or in the one asked for.
    pub briefings: Vec<Briefing>,
    /// Whether the file is written in several languages (`lang: [en, ja]`).
    pub multilingual: bool,
    /// The problems a file read as typed ([`Reading::AsTyped`]) was read past; none else.
    pub past: Vec<crate::diag::Diagnostic>,
}

/// Reads and checks a briefing: in each of its languages (`lang: [en, ja]`), or, given
/// `only`, in that one. A language the briefing is not written in is a usage error, and so is
/// an `only` that is not a language tag.
pub fn load_briefings(path: &Path, fonts: &FontBook, only: Option<&str>) -> Result<Loaded, Error> {
    read_briefings(path, fonts, only, Reading::Checked)
}

/// [`load_briefings`], the file read as `reading` says.
pub fn read_briefings(path: &Path, fonts: &FontBook, only: Option<&str>, reading: Reading) -> Result<Loaded, Error> {
    if let Some(only) = only {
        check_lang(only)?;
    }
    let file = read_source(path)?;
    let (briefings, past) = match validate::read_briefings(&file, &Limits::default(), fonts, reading) {
        Ok(b) => b,
        Err(diags) => return Err(Error::Invalid(vec![(file, diags)])),
    };
    let multilingual = briefings.len() > 1;
    let Some(only) = only else { return Ok(Loaded { file, briefings, multilingual, past }) };
    let (chosen, others): (Vec<Briefing>, Vec<Briefing>) =
        briefings.into_iter().partition(|b| written_in(&b.lang, only));
    if chosen.is_empty() {
        let langs: Vec<String> = others.iter().map(|b| b.lang.clone()).collect();
        return Err(Error::Usage(format!(
            "--lang {only}: {} is written in {} only",
            path.shown(),
            crate::wording::and_list(&langs)
        )));
    }
    Ok(Loaded { file, briefings: chosen.into_iter().take(1).collect(), multilingual, past })
}

/// `--lang` must be a language tag (`en`, `ja`, `pt-BR`) whose language is named as BCP 47
/// names it (`ja`, not the country code `jp` or the three-letter `jpn`), as in the YAML:
/// anything else is a usage error before any file is read (it would end up as the PDF's
/// `/Lang`).
pub fn check_lang(lang: &str) -> Result<(), Error> {
    check_langs(&[lang])
}

/// [`check_lang`] for each language of a list (`new --lang en,jp`), the fix naming the list as
/// meant (`--lang en,ja`).
pub fn check_langs<S: AsRef<str>>(langs: &[S]) -> Result<(), Error> {
    let langs: Vec<&str> = langs.iter().map(AsRef::as_ref).collect();
    for &lang in &langs {
        if !crate::load::is_language_tag(lang) {
            let message = format!("--lang {lang:?} is not a language tag; write one such as en, ja or pt-BR");
            return Err(Error::Usage(message));
        }
        let Some(wrong) = crate::load::misnamed(lang) else { continue };
        let fix = match wrong.meant {
            Some(_) => {
                let meant = |l: &str| crate::load::misnamed(l).and_then(|w| w.meant).unwrap_or_else(|| l.to_string());
                format!("write --lang {}", langs.iter().map(|l| meant(l)).collect::<Vec<_>>().join(","))
            }
            None => "write one such as en, ja or pt-BR".to_string(),
        };
        return Err(Error::Usage(format!("--lang {lang}: {}: {fix}", wrong.message)));
    }
    Ok(())
}

/// Whether a briefing in language `lang` answers `--lang asked`: the same tag (in any case),
/// or the same primary language when `asked` names only that (`ja` takes `ja-JP`; `ja-JP`
/// does not take `ja` or `ja-Latn`). The one rule of every command that takes `--lang`.
pub fn written_in(lang: &str, asked: &str) -> bool {
    let primary = crate::script::primary_language;
    lang.eq_ignore_ascii_case(asked) || !asked.contains('-') && primary(lang) == primary(asked)
}

/// A file read by [`load_each`]: the briefing in the language taken, and the file's others.
pub struct Each {
    pub file: SourceFile,
    pub briefing: Briefing,
    /// The file's other languages, in its order, with [`Keep::Every`]; else none.
    pub others: Vec<Briefing>,
    /// Every language of the file, in its order (the first is the primary).
    pub langs: Vec<String>,
    /// The problems it was read past, read as typed ([`Reading::AsTyped`]).
    pub past: Vec<crate::diag::Diagnostic>,
}

impl Each {
    /// The briefing in `lang`, kept.
    pub fn in_lang(&self, lang: &str) -> Option<&Briefing> {
        std::iter::once(&self.briefing).chain(&self.others).find(|b| b.lang == lang)
    }
}

/// What [`load_each`] keeps of a file written in several languages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// The language taken (a dossier holds no more).
    Taken,
    /// Every language (`diff` compares in another when the taken one did not change).
    Every,
}

/// The most text a run's briefings may hold together, and how to weigh one's.
pub type Budget<'a> = (u64, &'a dyn Fn(&Briefing) -> u64);

/// Reads and checks several briefings, each as its [`Reading`] says, for a command that
/// takes one language of each (`bundle`, `diff`), and reports every input's problem at once: all their diagnostics
/// together, and an unreadable file beside the others. With `lang`, a briefing written in
/// several languages must be written in it (as with `build --lang`), and so must each
/// briefing when `each_in_lang`; without it, each in its first (primary) language.
///
/// With a `budget` (a dossier's), loading stops with [`Error::DossierTooLarge`] as soon as the
/// briefings' text, aliases expanded (`weigh`), comes to more than it: a file of a few
/// kilobytes may stand for 4 MiB of text.
pub fn load_each(
    paths: &[(&Path, Reading)],
    fonts: &FontBook,
    lang: Option<&str>,
    each_in_lang: bool,
    budget: Option<Budget<'_>>,
    keep: Keep,
) -> Result<Vec<Each>, Error> {
    if let Some(lang) = lang {
        check_lang(lang)?;
    }
    let mut loaded = Vec::new();
    let mut invalid = Vec::new();
    let mut others = Vec::new();
    let mut weight = 0;
    for (k, &(path, reading)) in paths.iter().enumerate() {
        let read = read_briefings(path, fonts, None, reading);
        let result = read.and_then(|Loaded { file, briefings, multilingual, past }| {
            let chosen = match lang {
                Some(lang) if multilingual || each_in_lang => {
                    let found = briefings.iter().position(|b| written_in(&b.lang, lang));
                    let Some(i) = found else {
                        let langs: Vec<&str> = briefings.iter().map(|b| b.lang.as_str()).collect();
                        let only = if langs.len() == 1 { "" } else { " only" };
                        return Err(Error::Usage(format!(
                            "--lang {lang}: {} is written in {}{only}",
                            path.shown(),
                            crate::wording::and_list(&langs)
                        )));
                    };
                    i
                }
                _ => {
                    // The other languages are left out: said, so that no one takes the
                    // dossier or the redline for the whole briefing.
                    if multilingual && lang.is_none() {
                        let langs: Vec<&str> = briefings.iter().map(|b| b.lang.as_str()).collect();
                        let others: Vec<String> = langs[1..].iter().map(|l| format!("--lang {l}")).collect();
                        let take =
                            if others.len() == 1 { format!("takes {}", langs[1]) } else { "take the others".into() };
                        say!(
                            "note: {} is written in {}; this takes {}, {} {take}",
                            path.shown(),
                            crate::wording::and_list(&langs),
                            langs[0],
                            others.join(", ")
                        );
                    }
                    0
                }
            };
            let langs: Vec<String> = briefings.iter().map(|b| b.lang.clone()).collect();
            let mut briefings = briefings;
            if chosen >= briefings.len() {
                return Err(Error::Usage(format!("{}: no briefing", path.shown())));
            }
            let briefing = briefings.remove(chosen);
            let others = if keep == Keep::Every { briefings } else { Vec::new() };
            Ok(Each { file, briefing, others, langs, past })
        });
        match result {
            Ok(b) => {
                if let Some((limit, weigh)) = budget {
                    weight += weigh(&b.briefing);
                    if weight > limit {
                        return Err(Error::DossierTooLarge {
                            briefings: paths.len(),
                            bytes: weight,
                            contents: false,
                            stopped: Some((k + 1, path.to_path_buf())),
                        });
                    }
                }
                loaded.push(b)
            }
            Err(Error::Invalid(files)) => invalid.extend(files),
            Err(other) => others.push(other),
        }
    }
    if !invalid.is_empty() {
        others.insert(0, Error::Invalid(invalid));
    }
    match others.len() {
        0 => Ok(loaded),
        1 => Err(others.remove(0)),
        _ => Err(Error::Several(others)),
    }
}

/// `x.pdf` → `x.ja.pdf`: one PDF per language of a bilingual briefing.
pub fn language_output(output: &Path, lang: &str) -> PathBuf {
    files::sibling(output, &format!(".{lang}"), output.extension().unwrap_or("pdf".as_ref()))
}

/// Build options for one briefing from the settings and the template.
pub fn build_options(settings: &Settings, template: &Template, file: &SourceFile, path: &Path) -> BuildOptions {
    let name = path.file_name().map_or_else(|| "briefing.yaml".into(), |n| n.to_string_lossy().into_owned());
    let source =
        settings.embed_source.then(|| crate::pdf::Attachment { name: name.clone(), data: file.original_bytes() });
    BuildOptions {
        toc: settings.toc,
        source,
        date: settings.epoch,
        logo: template.logo.clone(),
        fit_pages: settings.fit_pages,
        ppi: settings.ppi,
        source_name: name,
    }
}

/// `NAME.yaml` → `NAME.pdf` beside it (`..yaml` → `..pdf`; `.yaml`, a name with no
/// extension, → `.yaml.pdf`).
pub fn default_output(input: &Path) -> PathBuf {
    files::with_ext(input, "pdf".as_ref())
}

/// Refuses an output named after its input when that name holds `{p}`, which stands for a
/// page's number in an output's name: `r-{p}.yaml` wrote `r.pdf`, another briefing's, and
/// `{p}.yaml` `1.png`, `2.png` (text30 F30b-2).
pub fn no_page_in_input_name(input: &Path, output: &Path) -> Result<(), Error> {
    if !pages::names_pages(output) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "the name {} holds `{{p}}`, which stands for a page's number in an output's name: name the output with -o",
        input.shown()
    )))
}

/// "27 KB", "1.2 MB".
pub fn human_size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

//! The command line: clap definitions only, no logic.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Turn a YAML summary of a policy meeting into a formatted PDF briefing.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "\
Examples:
  briefing build data/japan-eu-ict-workshop-10.yaml
  briefing check data/japan-eu-ict-workshop-10.yaml
  briefing watch data/japan-eu-ict-workshop-10.yaml --template one-pager
  briefing new data/next-dialogue.yaml
  briefing edit data/next-dialogue.yaml

Exit codes: 0 ok, 1 the input is invalid, 2 usage or I/O error, 128 + N stopped by signal N (130 Ctrl-C).";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build PDF briefings from YAML files.
    #[command(after_help = "\
Examples:
  briefing build data/japan-eu-ict-workshop-10.yaml
  briefing build data/japan-eu-ict-workshop-10.yaml -o out/briefing.pdf --template press-release
  briefing build data/ --out-dir out/          (every *.yaml in data/, in parallel)
  briefing build data/japan-eu-ict-workshop-10.yaml --format pdf,html   (the PDF and its web page)
  briefing build data/japan-eu-ict-workshop-10.yaml --format png --ppi 96   (NAME-1.png, NAME-2.png…)

Without -o or --out-dir, each PDF is written next to its YAML file.")]
    Build(BuildArgs),

    /// Check briefings for mistakes without writing anything.
    #[command(after_help = "\
Example:
  briefing check data/japan-eu-ict-workshop-10.yaml

Prints every problem as FILE:LINE:COL with the line and a caret; exits 0 when valid, 1 if not.")]
    Check {
        /// Briefing YAML file(s).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Also say what was found rather than read: each briefing's language, and each
        /// topic's when it was detected.
        #[arg(long, short)]
        verbose: bool,
        #[command(flatten)]
        template: TemplateArg,
    },

    /// Build, then rebuild on every save of the briefing or its template.
    #[command(after_help = "\
Example:
  briefing watch data/japan-eu-ict-workshop-10.yaml -o /tmp/briefing.pdf

A save with mistakes prints them and keeps the last good PDF. Stop with Ctrl-C.")]
    Watch {
        /// Briefing YAML file.
        input: PathBuf,
        /// Output PDF (default: next to the input, with .pdf).
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        languages: LanguageArgs,
        #[command(flatten)]
        formats: FormatArgs,
        #[command(flatten)]
        render: RenderArgs,
    },

    /// Put several briefings into one PDF dossier with a cover and contents.
    #[command(after_help = "\
Example:
  briefing bundle data/a.yaml data/b.yaml -o dossier.pdf --title \"Japan-EU ICT Policy Dialogue\" --date 2020-11-20")]
    // (A dossier's briefings are not fitted: --fit-pages, shared with build, is left out of its
    // help, and refused with a reason when given: text49b F49b-8.)
    #[command(mut_arg("fit_pages", |a| a.hide(true)))]
    Bundle {
        /// Briefing YAML files, in the order they appear in the dossier.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output PDF (required).
        #[arg(short, long, required_unless_present_any = ["format", "ppi"])]
        output: Option<PathBuf>,
        /// Title on the cover page (default: the heading the briefings share, or "Dossier"
        /// with the date).
        #[arg(long)]
        title: Option<String>,
        /// Date on the cover page, YYYY-MM-DD (default: the latest briefing's date).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = cover_date)]
        date: Option<String>,
        /// Language of the cover (default: the first briefing's), and of each briefing written in it; one that is not keeps its own, with a note.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// (Not for dossiers, which are PDF only: accepted so that the error can say what to
        /// do instead of suggesting a look-alike option.)
        #[arg(long, value_name = "FORMAT", hide = true)]
        format: Option<String>,
        /// (Not for dossiers either: page images come from `build --format png`.)
        #[arg(long, value_name = "PPI", hide = true)]
        ppi: Option<String>,
        #[command(flatten)]
        render: RenderArgs,
    },

    /// Show what changed between two versions of a briefing: a redline PDF, or --stat.
    #[command(after_help = "\
Examples:
  briefing diff old.yaml dialogue.yaml                 (writes dialogue.changes.pdf)
  briefing diff old.yaml dialogue.yaml --stat          (the summary on the terminal)
  git show HEAD~3:dialogue.yaml > old.yaml && briefing diff old.yaml dialogue.yaml
The PDF is the new briefing with inserted text underlined, deleted text struck through and a
bar beside every changed line, after a box that counts the changes.")]
    // (A redline is neither fitted nor given contents: --toc and --fit-pages, shared with
    // build, are left out of its help, and refused with a reason when given.)
    #[command(mut_arg("toc", |a| a.hide(true)), mut_arg("fit_pages", |a| a.hide(true)))]
    Diff {
        /// The earlier version.
        old: PathBuf,
        /// The later version.
        new: PathBuf,
        /// Output PDF (default: NEW.changes.pdf beside NEW).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Print the summary of changes instead of writing a PDF.
        #[arg(long, conflicts_with_all = ["output", "format", "ppi"])]
        stat: bool,
        /// For briefings in several languages: compare this one (default: the first).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        #[command(flatten)]
        formats: FormatArgs,
        #[command(flatten)]
        render: RenderArgs,
    },
    /// Edit a briefing in the browser: a form, the YAML, a live preview of its pages.
    #[command(after_help = "\
Example:
  briefing edit data/japan-eu-ict-workshop-10.yaml

Starts a small web server on 127.0.0.1 for this one file and opens the page in the default
browser (--no-open only prints the address; open it in a browser on this machine). Only what
you edit changes in the file, and only when you save. Stop with Ctrl-C.")]
    Edit {
        /// Briefing YAML file.
        input: PathBuf,
        /// The port to listen on (default: a free one).
        #[arg(long, value_name = "N")]
        port: Option<u16>,
        /// Print the address instead of opening the browser.
        #[arg(long)]
        no_open: bool,
        #[command(flatten)]
        template: TemplateArg,
    },

    /// Write a commented starter briefing.
    #[command(after_help = "\
Example:
  briefing new data/next-dialogue.yaml && briefing build data/next-dialogue.yaml
  briefing new --lang en,ja data/dialogue.yaml     (one file in English and Japanese)")]
    New {
        /// Where to write it (refuses to overwrite).
        path: PathBuf,
        /// Languages of a starter written in several, the first being the primary
        /// (`--lang en,ja`).
        #[arg(long, value_name = "LANGS", value_delimiter = ',')]
        lang: Vec<String>,
    },

    /// List the built-in templates.
    #[command(after_help = "\
Example:
  briefing templates")]
    Templates,

    /// Write out the source YAML embedded in a briefing PDF.
    #[command(after_help = "\
Example:
  briefing extract briefing.pdf -o briefing.yaml
  briefing extract dossier.pdf -o sources/        (a dossier: one YAML per briefing, into a folder)")]
    Extract {
        /// A PDF made by briefing.
        pdf: PathBuf,
        /// Where to write the YAML (default: the attachment's own name, next to the PDF). For
        /// a dossier, which carries one YAML per briefing, -o names a folder (made if
        /// missing); for one attachment, a file, or a folder when it is one or ends with /.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace an existing file even if it is read-only.
        #[arg(long)]
        force: bool,
    },

    /// Print shell completions.
    #[command(after_help = "\
Example:
  briefing completions bash > /etc/bash_completion.d/briefing")]
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Briefing YAML file(s), or folders of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output PDF (one input only).
    #[arg(short, long, conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write each PDF to DIR/NAME.pdf.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    #[command(flatten)]
    pub languages: LanguageArgs,
    #[command(flatten)]
    pub formats: FormatArgs,
    #[command(flatten)]
    pub render: RenderArgs,
}

/// What a build writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The tagged PDF.
    Pdf,
    /// The press-release web page: one self-contained HTML file.
    Html,
    /// Page images: one PNG per page (NAME-1.png, NAME-2.png…).
    Png,
}

impl From<Format> for crate::document::Format {
    fn from(f: Format) -> crate::document::Format {
        match f {
            Format::Pdf => crate::document::Format::Pdf,
            Format::Html => crate::document::Format::Html,
            Format::Png => crate::document::Format::Png,
        }
    }
}

/// `--format`.
#[derive(Debug, Args, Clone, Default)]
pub struct FormatArgs {
    /// What to write: pdf (the default), html (the web page), png (an image of each page:
    /// NAME-1.png, NAME-2.png…), or a comma list (pdf,html writes both, the page linking to
    /// the PDF). Without it, -o's extension says (-o out.html is the web page). Page images
    /// to -o need {p} where the page number goes (-o 'out-{p}.png'), unless there is one page.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMATS")]
    pub format: Vec<Format>,
    /// Resolution of page images, in pixels per inch (A4 at 144 is 1191 × 1684 pixels;
    /// 144 when not given).
    #[arg(long, value_name = "PPI", value_parser = ppi)]
    pub ppi: Option<f32>,
}

/// `bundle --date`: a day that exists, as the YAML's `date:` must be.
fn cover_date(text: &str) -> Result<String, String> {
    match crate::model::Date::parse_iso(text.trim()) {
        Some(_) => Ok(text.trim().to_string()),
        None => Err(crate::validate::date_problem(text.trim())),
    }
}

/// `--ppi`: a number within what the rasteriser draws at.
fn ppi(text: &str) -> Result<f32, String> {
    let range = crate::raster::PPI_RANGE;
    match text.parse::<f32>() {
        Ok(v) if range.contains(&v) => Ok(v),
        _ => Err(format!("{text} is not a resolution in pixels per inch from {} to {}", range.start(), range.end())),
    }
}

/// Which languages of a briefing written in several (`lang: [en, ja]`) to build.
#[derive(Debug, Args, Clone, Default)]
pub struct LanguageArgs {
    /// Build this language only (its PDF is -o, or NAME.LANG.pdf). Without it, a briefing
    /// in several languages gives one PDF per language: NAME.en.pdf, NAME.ja.pdf (with
    /// -o out.pdf: out.en.pdf, out.ja.pdf).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// One PDF with the languages side by side in two columns, each topic starting level in
    /// both (a briefing in three languages is refused: build each, or one with --lang).
    #[arg(long, conflicts_with = "lang")]
    pub parallel: bool,
}

/// `--template`: any text (a built-in name or a file), with the built-in names offered to
/// shell completions.
#[derive(Debug, Clone, Copy)]
struct TemplateName;

impl clap::builder::TypedValueParser for TemplateName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(crate::theme::BUILTIN.iter().map(|t| clap::builder::PossibleValue::new(t.name))))
    }
}

#[derive(Debug, Args, Clone)]
pub struct TemplateArg {
    /// A built-in template (default, press-release, one-pager) or a template YAML file.
    #[arg(short, long, value_name = "NAME|PATH", default_value = "default", value_parser = TemplateName, hide_possible_values = true)]
    pub template: String,
    /// The folder a template file may read its logo and fonts from (default: the template's
    /// own folder; files outside it are refused).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct RenderArgs {
    #[command(flatten)]
    pub template: TemplateArg,
    /// Add a table of contents (whatever the template says); in a dossier, the contents list
    /// each briefing's sections and topics under it.
    #[arg(long)]
    pub toc: bool,
    /// Do not embed the source YAML in the PDF.
    #[arg(long)]
    pub no_embed_source: bool,
    /// Replace an output PDF even if it is read-only.
    #[arg(long)]
    pub force: bool,
    /// Fit the briefing on N pages, scaling type and spacing down as little as needed, never
    /// below the template's floor (fit_floor, 8 pt body by default). 0 turns a template's
    /// fit_pages off. Not for bundles.
    #[arg(long, value_name = "N")]
    pub fit_pages: Option<u32>,
}

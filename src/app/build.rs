//! `briefing build` (one briefing, or many in parallel into a folder) and `briefing check`.

use crate::shown::Show;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::config::{Env, Settings, TemplateChoice};
use super::files::{self, FileId, Reads};
use super::pages::{self, format_path};
use super::{build_options, default_output, human_size, inputs, language_output, Error, Template};
use crate::app::say::{say, say_part};
use crate::cli::BuildArgs;
use crate::fonts::FontBook;
use crate::theme::Theme;
use crate::{Context, Format, Job};

/// What one successful build produced.
pub struct Built {
    pub output: PathBuf,
    /// The language found from the text of a briefing that names none.
    pub detected: Option<String>,
    /// The last file, when there is one per page (`x-1.png` … `x-3.png`).
    pub through: Option<PathBuf>,
    /// How it was fitted to a page count, when asked.
    pub fit: Option<crate::Fit>,
    /// What the layout warns of (a running head cut short).
    pub warnings: Vec<String>,
    pub pages: usize,
    pub bytes: usize,
    pub millis: u128,
}

impl Built {
    pub fn summary(&self) -> String {
        let pages = match self.pages {
            0 => String::new(),
            1 => "1 page, ".to_string(),
            n => format!("{n} pages, "),
        };
        let through = self.through.as_ref().map(|t| format!(" … {}", t.shown())).unwrap_or_default();
        format!("wrote {}{through} ({pages}{}) in {} ms", self.output.shown(), human_size(self.bytes), self.millis)
            + &self.detected.as_ref().map(|l| format!("; lang: {l} (detected)")).unwrap_or_default()
            + &self
                .fit
                .filter(|f| f.fits && f.scale < 1.0)
                .map(|f| format!("; fitted at {} pt body", hundredths(f.body_size)))
                .unwrap_or_default()
    }

    /// The warnings of this output, a line each: when the briefing was to fit a page count
    /// and does not, even at the floor; what the layout warns of.
    pub fn warning(&self) -> Option<String> {
        let fit = self.fit.filter(|f| !f.fits).map(|f| {
            format!(
                "warning: {} does not fit on {} page{} even at the template's floor ({} pt body); it needs {} pages",
                self.output.shown(),
                f.pages,
                if f.pages == 1 { "" } else { "s" },
                hundredths(f.body_size),
                self.pages
            )
        });
        let layout = super::say::warnings_of(&self.output, &self.warnings);
        let all: Vec<String> = fit.into_iter().chain(layout).collect();
        (!all.is_empty()).then(|| all.join("\n"))
    }
}

/// A size as it was chosen, to the hundredth of a point (`9.7`, not `9.700001`).
fn hundredths(size: f32) -> f32 {
    (size * 100.0).round() / 100.0
}

/// One briefing file, read and checked, with where each of its files goes, every output
/// checked (not a file the build reads, not read-only, not a FIFO or device) before anything
/// is written.
pub struct Plan {
    input: PathBuf,
    loaded: super::Loaded,
    /// The languages side by side in one PDF (`--parallel` on a multilingual briefing).
    parallel: bool,
    /// Each file to write: where, in which format, of which briefing (`loaded.briefings[i]`).
    outputs: Vec<(PathBuf, Format, usize)>,
    /// What the build reads: no page image may be one of them either.
    reads: Reads,
    start: Instant,
}

/// Reads `input` and plans its outputs from `output`, in each format the settings ask for
/// (`--format`, or `-o`'s extension), with what the build read noted in `reads` (for `watch`).
/// `-o` (`named`) names the file exactly when one format is asked for; several take their own
/// extensions (`-o x.pdf --format pdf,html`: x.pdf and x.html, the page linking to the PDF). A
/// briefing in several languages gives one file per language and format (`x.en.pdf`,
/// `x.ja.html`, whether `output` was named or not, the pages linking to each other), or the
/// one `--lang` names (at `output` when `named`), or one PDF with the languages side by side
/// (`--parallel`).
pub fn plan(
    input: &Path,
    output: &Path,
    named: bool,
    template_reads: &Reads,
    fonts: &FontBook,
    settings: &Settings,
    reads: &mut Reads,
) -> Result<Plan, Error> {
    let start = Instant::now();
    if !named {
        super::no_page_in_input_name(input, output)?;
    }
    if settings.parallel && settings.fit_pages.is_some_and(|n| n > 0) {
        return Err(Error::Usage(
            "--fit-pages cannot fit --parallel columns; build the languages one by one to fit them".into(),
        ));
    }
    if settings.parallel && settings.toc {
        return Err(Error::Usage(
            "--toc makes no contents for --parallel columns; build the languages one by one for their contents".into(),
        ));
    }
    reads.extend(template_reads);
    reads.add(input, "input");
    let loaded = inputs::load(input, fonts, settings.lang.as_deref())?;
    let count = loaded.briefings.len();
    if settings.parallel && count > 2 {
        // Three columns of a page are too narrow to read, and a third language is never
        // dropped silently.
        let langs: Vec<&str> = loaded.briefings.iter().map(|b| b.lang.as_str()).collect();
        return Err(Error::Usage(format!(
            "{} is written in {} languages ({}); --parallel sets two side by side: build one PDF per \
             language (without --parallel), or one language with --lang {}",
            input.shown(),
            langs.len(),
            langs.join(", "),
            langs[2]
        )));
    }
    let formats = settings.formats_for(output);
    // `-o` names the one file asked for exactly; several formats each take their extension.
    let exact = named && formats.len() == 1;
    if named {
        pages::pattern_leaves_name(output, &formats)?;
    }
    let path_of = |base: &Path, f: Format| pages::output_path(base, f, exact);
    let parallel = settings.parallel && count > 1;
    if parallel && formats.contains(&Format::Html) {
        return Err(Error::Usage(
            "--parallel sets the languages side by side in a PDF; a web page is one language: \
             build without --parallel for one page per language, each linking to the other"
                .into(),
        ));
    }
    if settings.parallel && !parallel {
        say!("note: {} is written in one language; --parallel has nothing to set beside it", input.shown());
    }
    // Several files: each named for its language, from `-o` when given (`-o out.pdf` gives
    // out.en.pdf and out.ja.pdf). One language of several (`--lang`): `-o` as given.
    let several = !parallel && (count > 1 || (loaded.multilingual && !named));
    let outputs: Vec<(PathBuf, Format, usize)> = if parallel {
        formats.iter().map(|&f| (path_of(output, f), f, 0)).collect()
    } else {
        let mut outputs = Vec::new();
        for (i, b) in loaded.briefings.iter().enumerate() {
            let base = if several { language_output(output, &b.lang) } else { output.to_path_buf() };
            if several {
                files::not_another_briefings(&base, input, &b.lang, &formats, &path_of)?;
            }
            outputs.extend(formats.iter().map(|&f| (path_of(&base, f), f, i)));
        }
        outputs
    };
    for (o, f, _) in &outputs {
        reads.check_output(o)?;
        files::target(o, settings.existing)?;
        super::config::link_names_its_format(o, *f)?;
    }
    // (After what is more to the point: `-o seed.yaml` is the input, `-o /dev/null` a device.)
    if named {
        super::config::output_names_its_format(output, &formats)?;
    }
    settings.note_unused_options(&formats);
    Ok(Plan { input: input.to_path_buf(), loaded, parallel, outputs, reads: reads.clone(), start })
}

impl Plan {
    /// Builds every file and writes them together: a temporary file each, renamed over the
    /// previous files only when all are complete (a failure or a signal before leaves every
    /// previous file as it was: never a new English beside an old Japanese). Each briefing
    /// (or the languages side by side) is made once, in every format asked for; the page
    /// images of all its languages are refused together when more than one run draws.
    pub fn build(self, template: &Template, fonts: &FontBook, settings: &Settings) -> Result<Vec<Built>, Error> {
        let what = self.input.shown().to_string();
        let made = self.make(template, fonts, settings)?;
        pages::within_budget([&made.staged], &what)?;
        made.finish()
    }

    /// Makes every file ([`Plan::build`]): each staged in a temporary file, but page images,
    /// which are measured and wait for [`Made::finish`] to draw them, so that a batch can
    /// add up its images before it draws any.
    pub fn make(self, template: &Template, fonts: &FontBook, settings: &Settings) -> Result<Made, Error> {
        let Plan { input, loaded, parallel, outputs, reads, start } = self;
        inputs::numbered_by_hand(&loaded, template)?;
        let options = build_options(settings, template, &loaded.file, &input);
        let render = |source| Error::Render { what: input.shown().to_string(), source };
        let themes = loaded.briefings.iter().map(|b| template.theme_for(&b.lang)).collect::<Result<Vec<_>, _>>()?;
        // (Said, as a template's `labels:` can word them: text41a F41a-8, silent.)
        for b in loaded.briefings.iter().filter(|b| template.labels_english_for(&b.lang)) {
            say!(
                "note: {} is in `{}`, which has no built-in labels: its headings, contact labels and dates print in English (a template's `labels:` can word them)",
                input.shown(),
                b.lang
            );
        }
        // The languages side by side are set each with its theme, in one job.
        let owned: Vec<Theme> = if parallel { themes.iter().map(|&t| t.clone()).collect() } else { Vec::new() };
        let file_of =
            |i: usize, f: Format| outputs.iter().find(|(_, g, j)| *g == f && *j == i).map(|(p, _, _)| href(p));
        let mut staged = pages::Staged::new(settings.existing);
        let mut built = Vec::new();
        for (i, briefing) in loaded.briefings.iter().enumerate() {
            let mine: Vec<&(PathBuf, Format, usize)> = outputs.iter().filter(|(_, _, j)| *j == i).collect();
            if mine.is_empty() {
                continue;
            }
            // Contents lay out every title again: within one briefing's bound, counted so.
            if options.toc && mine.iter().any(|(_, f, _)| *f != Format::Html) {
                let bytes = briefing.laid_out_bytes(true);
                if bytes > super::bundle::MAX_BYTES {
                    return Err(Error::ContentsTooLarge { bytes });
                }
            }
            let job = if parallel {
                Job::Parallel { briefings: &loaded.briefings, themes: &owned }
            } else {
                Job::Single { briefing, theme: themes[i] }
            };
            // Each language's page links to the others (and names itself, as hreflang asks),
            // and to its PDF when one is made in the same run.
            let alternates = match loaded.briefings.len() {
                1 => Vec::new(),
                n => (0..n)
                    .filter_map(|j| {
                        let href = file_of(j, Format::Html)?;
                        Some(crate::html::Alternate { lang: loaded.briefings[j].lang.clone(), href })
                    })
                    .collect(),
            };
            let page = crate::html::PageOptions { alternates, pdf: file_of(i, Format::Pdf), ..Default::default() };
            let formats: Vec<Format> = mine.iter().map(|(_, f, _)| *f).collect();
            let made =
                crate::make(&job, &Context { fonts, options: &options, page: &page }, &formats).map_err(render)?;
            let detected = briefing.lang_detected.then(|| briefing.lang.clone());
            for ((path, _, _), artifact) in mine.iter().zip(made.artifacts) {
                let paged = artifact.format != Format::Html;
                let (paths, slot) = staged.add(path, artifact.format, artifact.files, &reads)?;
                let output = Built {
                    output: paths[0].clone(),
                    through: paths.last().filter(|_| paths.len() > 1).cloned(),
                    detected: detected.clone(),
                    fit: made.fit.filter(|_| paged),
                    warnings: if paged { made.warnings.clone() } else { Vec::new() },
                    pages: if paged { made.pages } else { 0 },
                    bytes: 0,
                    millis: 0,
                };
                built.push((output, slot));
            }
        }
        let outputs = outputs.into_iter().map(|(p, _, _)| p).collect();
        Ok(Made { outputs, staged, built, start })
    }
}

/// A briefing's files made ([`Plan::make`]), its page images still to draw.
pub struct Made {
    /// Where the files go, as planned.
    outputs: Vec<PathBuf>,
    staged: pages::Staged,
    /// What each output will say, and its slot in `staged`.
    built: Vec<(Built, usize)>,
    start: Instant,
}

impl Made {
    /// Where the files go, as planned.
    pub fn outputs(&self) -> impl Iterator<Item = &Path> {
        self.outputs.iter().map(PathBuf::as_path)
    }

    /// Draws the page images and puts every file in place ([`pages::Staged::finish`]).
    pub fn finish(self) -> Result<Vec<Built>, Error> {
        let bytes = self.staged.finish()?;
        let millis = self.start.elapsed().as_millis();
        Ok(self.built.into_iter().map(|(b, slot)| Built { bytes: bytes[slot], millis, ..b }).collect())
    }
}

/// A link from one output to another beside it: the file's name, every byte but letters,
/// digits and `-._~` percent-encoded (`my report.pdf` → `my%20report.pdf`), so that a space,
/// a `#` or a name that is not UTF-8 (`caf%E9.pdf`) still names the file.
pub fn href(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default();
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(name).to_vec();
    #[cfg(not(unix))]
    let bytes = name.to_string_lossy().into_owned().into_bytes();
    let mut out = String::with_capacity(bytes.len());
    for b in bytes {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Built {
    /// The summary line, and the warning under it if there is one.
    pub fn report(&self) -> String {
        self.warning().map_or_else(|| self.summary(), |w| format!("{}\n{w}", self.summary()))
    }
}

/// Makes `--out-dir` if it is missing, as `mkdir -p` does, and says so: `Some` of it when it
/// was made, to be taken back if the run stops before writing anything into it.
fn out_dir(dir: &Path) -> Result<Option<&Path>, Error> {
    if dir.is_dir() {
        return Ok(None);
    }
    if dir.exists() {
        return Err(Error::NotAFolder { path: dir.to_path_buf() });
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    say!("created folder {}", dir.shown());
    Ok(Some(dir))
}

/// Two outputs share a name: the run stops before writing anything, and a folder it made for
/// them goes again (empty, it is removed; anything in it, it is not).
fn clash(made: Option<&Path>, error: Error) -> Error {
    if let Some(dir) = made {
        if std::fs::remove_dir(dir).is_ok() {
            say!("removed folder {} again", dir.shown());
        }
    }
    error
}

pub fn build(args: &BuildArgs, env: &Env) -> Result<(), Error> {
    // From the start: a stop at any point exits 128 + N and leaves no file.
    files::on_signal(files::OnSignal::Exit);
    let settings = Settings::new(&args.render, env)?.with_languages(&args.languages).with_formats(&args.formats);
    let inputs = inputs::expand(&args.inputs)?;
    if args.output.is_some() && inputs.len() > 1 {
        return Err(Error::Usage("-o names one output file; with several inputs use --out-dir DIR".into()));
    }
    if let Some(o) = &args.output {
        if o.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR) || o.is_dir() {
            return Err(Error::Usage(format!(
                "-o {} is a folder; -o names the PDF file (or use --out-dir {})",
                o.shown(),
                o.shown()
            )));
        }
    }
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let resolve = || Template::resolve_for(&settings.template.name, settings.template.root.as_deref(), &paths);
    std::thread::scope(|s| {
        // One briefing with a built-in template, which sets the built-in fonts and reads no file:
        // the briefing is read and checked while another thread parses the template (a quarter
        // of a millisecond of the seed's build).
        let (template, fonts) = if inputs.len() == 1 && Template::is_builtin(&settings.template.name) {
            (Resolving::Pending(crate::ahead::ahead(s, resolve)), FontBook::builtin())
        } else {
            let template = resolve()?;
            let fonts = template.font_book();
            (Resolving::Ready(Box::new(template)), fonts)
        };
        let made = match &args.out_dir {
            Some(dir) => out_dir(dir)?,
            None => None,
        };
        let target = |input: &Path| -> PathBuf {
            match (&args.output, &args.out_dir) {
                (Some(o), _) => o.clone(),
                (None, Some(dir)) => dir.join(default_output(input).file_name().unwrap_or_default()),
                (None, None) => default_output(input),
            }
        };
        // Two inputs with one output (x/a.yaml and y/a.yaml into one folder, or a.yaml and
        // a.yml) would race, and one PDF would silently replace the other; and no output may be
        // one of the inputs.
        let mut seen: std::collections::HashMap<PathBuf, (usize, &Path)> = std::collections::HashMap::new();
        let mut all = Reads::default();
        for input in &inputs {
            all.add(input, "input");
        }
        for (i, input) in inputs.iter().enumerate() {
            // Each file of the formats asked for, named when two clash (`od/x.html`, not the
            // `od/x.pdf` that is not written).
            let out = target(input);
            for f in settings.formats_for(&out) {
                let file = format_path(&out, f);
                all.check_output(&file)?;
                if let Some((j, other)) = seen.insert(files::place(&file), (i, input)) {
                    return Err(clash(made, collision((j, other), (i, input), &file)));
                }
            }
        }
        if inputs.len() == 1 {
            let named = args.output.is_some();
            let plan = plan(
                &inputs[0],
                &target(&inputs[0]),
                named,
                template.reads(),
                &fonts,
                &settings,
                &mut Reads::default(),
            )?;
            let template = template.get()?;
            for built in plan.build(&template, &fonts, &settings)? {
                say!("{}", built.report());
            }
            return Ok(());
        }
        batch(&inputs, &target, &template.get()?, &fonts, &settings, made)
    })
}

/// The template of a build: resolved, or being resolved on another thread.
enum Resolving<'scope> {
    Ready(Box<Template>),
    Pending(crate::ahead::Ahead<'scope, Result<Template, Error>>),
}

impl Resolving<'_> {
    /// The files the template reads: none while it is a built-in one being parsed.
    fn reads(&self) -> &Reads {
        static NONE: std::sync::LazyLock<Reads> = std::sync::LazyLock::new(Reads::default);
        match self {
            Resolving::Ready(template) => &template.reads,
            Resolving::Pending(_) => &NONE,
        }
    }

    fn get(self) -> Result<Template, Error> {
        match self {
            Resolving::Ready(template) => Ok(*template),
            Resolving::Pending(template) => template.get(),
        }
    }
}

/// Two inputs whose outputs would share a name: one file given twice, or two of one name; or
/// two outputs of one input that are one file (`s.html` a link to `s.pdf`, with `--format
/// pdf,html`: it was "s.yaml is given twice", text49b F49b-3). Each input comes with its place
/// on the command line.
fn collision((i, one): (usize, &Path), (j, other): (usize, &Path), output: &Path) -> Error {
    if i == j {
        let e = std::io::Error::other("another output of this run is written there too");
        return Error::write(output, e);
    }
    if FileId::of(one).is_some() && FileId::of(one) == FileId::of(other) {
        let twice = if one == other {
            format!("{} is given twice", one.shown())
        } else {
            format!("{} and {} are the same file", one.shown(), other.shown())
        };
        return Error::Usage(format!("{twice}; give it once"));
    }
    Error::Usage(format!(
        "{} and {} would both be written to {}; build them into different folders",
        one.shown(),
        other.shown(),
        output.shown()
    ))
}

/// Builds many briefings in parallel. One bad input does not stop the others; every failure
/// is reported, a summary closes the run, and the exit code says whether all succeeded.
fn batch(
    inputs: &[PathBuf],
    target: &(dyn Fn(&Path) -> PathBuf + Sync),
    template: &Template,
    fonts: &FontBook,
    settings: &Settings,
    made_dir: Option<&Path>,
) -> Result<(), Error> {
    let start = Instant::now();
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    // Each input is read, planned and made in turn, each file staged (a temporary file; page
    // images measured, not drawn), and what was read is dropped as soon as its files are made:
    // a run holds one input per thread, not all of them (text44b F44b-17: 260 inputs of 3.9 MB
    // took 1 GB). Nothing is put in place until every input is made: then no two outputs may
    // share a name (a.yaml in English and Japanese, and a.en.yaml), and a clash stops the run
    // with nothing written.
    let made_all = inputs::made_each(
        inputs,
        |input| plan(input, &target(input), false, &template.reads, fonts, settings, &mut Reads::default()),
        |plan| plan.make(template, fonts, settings),
        || {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        },
    );
    let mut seen: std::collections::HashMap<PathBuf, (usize, &Path)> = std::collections::HashMap::new();
    let mut clashed = None;
    'outputs: for (i, (input, made)) in made_all.iter().enumerate() {
        for output in made.iter().flat_map(Made::outputs) {
            if let Some((j, other)) = seen.insert(files::place(output), (i, input)) {
                clashed = Some(collision((j, other), (i, input), output));
                break 'outputs;
            }
        }
    }
    if let Some(error) = clashed {
        // (Every staged file goes first: the folder made for them is then empty.)
        drop(made_all);
        return Err(clash(made_dir, error));
    }
    // The page images of the whole run are refused together, before any is drawn, when more
    // than one run draws.
    let ok = made_all.iter().filter_map(|(_, m)| m.as_ref().ok());
    let count = ok.clone().count();
    if let Err(e) = pages::within_budget(ok.map(|m| &m.staged), &format!("the {count} briefings")) {
        drop(made_all);
        return Err(clash(made_dir, e));
    }
    let results: Vec<(PathBuf, Result<Vec<Built>, Error>)> = made_all
        .into_par_iter()
        .map(|(input, made)| {
            let result = made.and_then(Made::finish);
            let line = match &result {
                Ok(built) => built.iter().map(Built::report).collect::<Vec<_>>().join("\n"),
                Err(_) => format!("failed: {}", input.shown()),
            };
            match &bar {
                Some(bar) => bar.set_message(line),
                None => say!("{line}"),
            }
            (input.clone(), result)
        })
        .collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut failed = 0;
    let mut worst = 0;
    for (input, result) in &results {
        if let Err(e) = result {
            failed += 1;
            worst = worst.max(e.exit_code());
            say!("{}:", input.shown());
            say_part!("{e}");
        }
    }
    let built = results.len() - failed;
    say!("built {built} of {} briefings in {} ms; {failed} failed", results.len(), start.elapsed().as_millis());
    match worst {
        0 => Ok(()),
        code => Err(Error::Batch { failed, total: results.len(), code }),
    }
}

pub fn check(inputs: &[PathBuf], template: &TemplateChoice, verbose: bool) -> Result<(), Error> {
    let inputs = inputs::expand(inputs)?;
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let resolved = Template::resolve_for(&template.name, template.root.as_deref(), &paths)?;
    let fonts = resolved.font_book();
    let mut problems = super::error::Problems::default();
    for input in inputs {
        let loaded = inputs::load(&input, &fonts, None);
        match loaded.and_then(|l| inputs::numbered_by_hand(&l, &resolved).map(|()| l)) {
            Ok(loaded) => {
                say!("{}: ok", input.shown());
                if verbose {
                    for b in &loaded.briefings {
                        say!("{}", super::languages::found(b, &loaded.file));
                    }
                }
            }
            Err(e) => problems.add(e),
        }
    }
    problems.result()
}

//! `briefing build` (one briefing, or many in parallel into a folder) and `briefing check`.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::config::{Env, Settings, TemplateChoice};
use super::files::{self, Reads};
use super::{build_options, default_output, human_size, language_output, load_briefings, Error, Template};
use crate::cli::BuildArgs;
use crate::fonts::FontBook;

/// What one successful build produced.
pub struct Built {
    pub output: PathBuf,
    /// The language found from the text of a briefing that names none.
    pub detected: Option<String>,
    /// How it was fitted to a page count, when asked.
    pub fit: Option<crate::Fit>,
    pub pages: usize,
    pub bytes: usize,
    pub millis: u128,
}

impl Built {
    pub fn summary(&self) -> String {
        format!(
            "wrote {} ({} page{}, {}) in {} ms",
            self.output.display(),
            self.pages,
            if self.pages == 1 { "" } else { "s" },
            human_size(self.bytes),
            self.millis
        ) + &self.detected.as_ref().map(|l| format!("; lang: {l} (detected)")).unwrap_or_default()
            + &self
                .fit
                .filter(|f| f.fits && f.scale < 1.0)
                .map(|f| format!("; fitted at {} pt body", hundredths(f.body_size)))
                .unwrap_or_default()
    }

    /// A warning when the briefing was to fit a page count and does not, even at the floor.
    pub fn warning(&self) -> Option<String> {
        let f = self.fit.filter(|f| !f.fits)?;
        Some(format!(
            "warning: {} does not fit on {} page{} even at the template's floor ({} pt body); it needs {} pages",
            self.output.display(),
            f.pages,
            if f.pages == 1 { "" } else { "s" },
            hundredths(f.body_size),
            self.pages
        ))
    }
}

/// A size as it was chosen, to the hundredth of a point (`9.7`, not `9.700001`).
fn hundredths(size: f32) -> f32 {
    (size * 100.0).round() / 100.0
}

/// Builds one briefing file to `output`, with what the build read noted in `reads` (for
/// `watch`). A briefing in several languages gives one PDF per language (`x.en.pdf`,
/// `x.ja.pdf` from `x.pdf`, whether `output` was `named` with `-o` or not), or the one
/// `--lang` names (at `output` when `named`), or one PDF with the languages side by side (`--parallel`). The
/// previous PDF is replaced only by a complete new one, and never when it is one of the files
/// the build reads.
pub fn build_one(
    input: &Path,
    output: &Path,
    named: bool,
    template: &Template,
    fonts: &FontBook,
    settings: &Settings,
    reads: &mut Reads,
) -> Result<Vec<Built>, Error> {
    let start = Instant::now();
    if settings.parallel && settings.fit_pages.is_some_and(|n| n > 0) {
        return Err(Error::Usage(
            "--fit-pages cannot fit --parallel columns; build the languages one by one to fit them".into(),
        ));
    }
    reads.extend(&template.reads);
    reads.add(input, "input");
    let super::Loaded { file, briefings, multilingual } = load_briefings(input, fonts, settings.lang.as_deref())?;
    let options = build_options(settings, template, &file, input);
    if settings.parallel && briefings.len() > 2 {
        // Three columns of a page are too narrow to read, and a third language is never
        // dropped silently.
        let langs: Vec<&str> = briefings.iter().map(|b| b.lang.as_str()).collect();
        return Err(Error::Usage(format!(
            "{} is written in {} languages ({}); --parallel sets two side by side: build one PDF per \
             language (without --parallel), or one language with --lang {}",
            input.display(),
            langs.len(),
            langs.join(", "),
            langs[2]
        )));
    }
    if settings.parallel && briefings.len() > 1 {
        reads.check_output(output)?;
        let themes = briefings
            .iter()
            .map(|b| template.theme_for(&b.lang).map(std::borrow::Cow::into_owned))
            .collect::<Result<Vec<_>, _>>()?;
        let out = crate::build_parallel(&briefings, &themes, fonts, &options)
            .map_err(|source| Error::Render { what: input.display().to_string(), source })?;
        files::write_atomic(output, &out.pdf, settings.existing)?;
        return Ok(vec![Built::new(output, None, &out, start)]);
    }
    if settings.parallel {
        eprintln!("note: {} is written in one language; --parallel has nothing to set beside it", input.display());
    }
    let mut built = Vec::new();
    for briefing in &briefings {
        // Several PDFs: each named for its language, from `-o` when given (`-o out.pdf` gives
        // out.en.pdf and out.ja.pdf). One language of several (`--lang`): `-o` as given.
        let several = briefings.len() > 1 || (multilingual && !named);
        let output = if several { language_output(output, &briefing.lang) } else { output.to_path_buf() };
        reads.check_output(&output)?;
        let theme = template.theme_for(&briefing.lang)?;
        let out = crate::build(briefing, &theme, fonts, &options)
            .map_err(|source| Error::Render { what: input.display().to_string(), source })?;
        files::write_atomic(&output, &out.pdf, settings.existing)?;
        let detected = briefing.lang_detected.then(|| briefing.lang.clone());
        built.push(Built::new(&output, detected, &out, start));
    }
    Ok(built)
}

impl Built {
    fn new(output: &Path, detected: Option<String>, out: &crate::Output, start: Instant) -> Built {
        Built {
            output: output.to_path_buf(),
            detected,
            fit: out.fit,
            pages: out.pages,
            bytes: out.pdf.len(),
            millis: start.elapsed().as_millis(),
        }
    }

    /// The summary line, and the warning under it if there is one.
    pub fn report(&self) -> String {
        self.warning().map_or_else(|| self.summary(), |w| format!("{}\n{w}", self.summary()))
    }
}

/// Every `*.yaml` / `*.yml` file named, or inside a named folder (sorted).
fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|e| Error::read(input, e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
                .collect();
            if found.is_empty() {
                return Err(Error::Usage(format!("no .yaml files in folder {}", input.display())));
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Makes `--out-dir` if it is missing, as `mkdir -p` does, and says so.
fn out_dir(dir: &Path) -> Result<(), Error> {
    if dir.is_dir() {
        return Ok(());
    }
    if dir.exists() {
        return Err(Error::NotAFolder { path: dir.to_path_buf() });
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    eprintln!("created folder {}", dir.display());
    Ok(())
}

pub fn build(args: &BuildArgs, env: &Env) -> Result<(), Error> {
    let settings = Settings::new(&args.render, env)?.with_languages(&args.languages);
    let inputs = expand_inputs(&args.inputs)?;
    if args.output.is_some() && inputs.len() > 1 {
        return Err(Error::Usage("-o names one output file; with several inputs use --out-dir DIR".into()));
    }
    if let Some(o) = &args.output {
        if o.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR) || o.is_dir() {
            return Err(Error::Usage(format!(
                "-o {} is a folder; -o names the PDF file (or use --out-dir {})",
                o.display(),
                o.display()
            )));
        }
    }
    let template = Template::resolve(&settings.template.name, settings.template.root.as_deref())?;
    let fonts = template.font_book();
    if let Some(dir) = &args.out_dir {
        out_dir(dir)?;
    }
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
    let mut seen: std::collections::HashMap<PathBuf, &Path> = std::collections::HashMap::new();
    let mut all = Reads::default();
    for input in &inputs {
        all.add(input, "input");
    }
    for input in &inputs {
        let out = target(input);
        all.check_output(&out)?;
        let key = std::path::absolute(&out).unwrap_or_else(|_| out.clone());
        if let Some(other) = seen.insert(key, input) {
            return Err(Error::Usage(format!(
                "{} and {} would both be written to {}; build them into different folders",
                other.display(),
                input.display(),
                out.display()
            )));
        }
    }
    files::on_signal(files::OnSignal::Exit);
    if inputs.len() == 1 {
        let named = args.output.is_some();
        for built in
            build_one(&inputs[0], &target(&inputs[0]), named, &template, &fonts, &settings, &mut Reads::default())?
        {
            eprintln!("{}", built.report());
        }
        return Ok(());
    }
    batch(&inputs, &target, &template, &fonts, &settings)
}

/// What `check --verbose` says of a briefing's languages: the briefing's, given or detected,
/// and each topic's that was detected.
fn languages_found(b: &crate::model::Briefing) -> String {
    let how = if b.lang_detected { "detected" } else { "given or default" };
    let mut out = format!("  lang: {} ({how})", b.lang);
    for (i, t) in b.topics.iter().enumerate().filter(|(_, t)| t.lang_detected) {
        let lang = t.lang.as_deref().unwrap_or_default();
        out.push_str(&format!("\n  topics[{i}] ({}): lang: {lang} (detected)", t.title));
    }
    out
}

/// Builds many briefings in parallel. One bad input does not stop the others; every failure
/// is reported, a summary closes the run, and the exit code says whether all succeeded.
fn batch(
    inputs: &[PathBuf],
    target: &(dyn Fn(&Path) -> PathBuf + Sync),
    template: &Template,
    fonts: &FontBook,
    settings: &Settings,
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
    let results: Vec<(PathBuf, Result<Vec<Built>, Error>)> = inputs
        .par_iter()
        .map(|input| {
            let result = build_one(input, &target(input), false, template, fonts, settings, &mut Reads::default());
            let line = match &result {
                Ok(built) => built.iter().map(Built::report).collect::<Vec<_>>().join("\n"),
                Err(_) => format!("failed: {}", input.display()),
            };
            match &bar {
                Some(bar) => {
                    bar.set_message(line);
                    bar.inc(1);
                }
                None => eprintln!("{line}"),
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
            eprintln!("{}:", input.display());
            eprint!("{e}");
        }
    }
    let built = results.len() - failed;
    eprintln!("built {built} of {} briefings in {} ms; {failed} failed", results.len(), start.elapsed().as_millis());
    match worst {
        0 => Ok(()),
        code => Err(Error::Batch { failed, total: results.len(), code }),
    }
}

pub fn check(inputs: &[PathBuf], template: &TemplateChoice, verbose: bool) -> Result<(), Error> {
    let fonts = Template::resolve(&template.name, template.root.as_deref())?.font_book();
    let mut invalid = Vec::new();
    for input in expand_inputs(inputs)? {
        match load_briefings(&input, &fonts, None) {
            Ok(loaded) => {
                eprintln!("{}: ok", input.display());
                if verbose {
                    for b in &loaded.briefings {
                        eprintln!("{}", languages_found(b));
                    }
                }
            }
            Err(Error::Invalid(files)) => invalid.extend(files),
            Err(other) => return Err(other),
        }
    }
    if invalid.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(invalid))
    }
}

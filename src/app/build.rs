//! `briefing build` (one briefing, or many in parallel into a folder) and `briefing check`.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::config::{Env, Settings, TemplateChoice};
use super::files::{self, Reads};
use super::{build_options, default_output, human_size, load_briefing, Error, Template};
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
                .map(|f| format!("; fitted at {} pt body", f.body_size))
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
            f.body_size,
            self.pages
        ))
    }
}

/// Builds one briefing to `output`, with what the build read noted in `reads` (for `watch`).
/// The previous PDF is replaced only by a complete new one, and never when it is one of the
/// files the build reads.
pub fn build_one(
    input: &Path,
    output: &Path,
    template: &Template,
    fonts: &FontBook,
    settings: &Settings,
    reads: &mut Reads,
) -> Result<Built, Error> {
    let start = Instant::now();
    reads.extend(&template.reads);
    reads.add(input, "input");
    reads.check_output(output)?;
    let (file, briefing) = load_briefing(input, fonts)?;
    let options = build_options(settings, template, &file, input);
    let theme = template.theme_for(&briefing.lang)?;
    let out = crate::build(&briefing, &theme, fonts, &options)
        .map_err(|source| Error::Render { what: input.display().to_string(), source })?;
    files::write_atomic(output, &out.pdf, settings.existing)?;
    Ok(Built {
        output: output.to_path_buf(),
        detected: briefing.lang_detected.then(|| briefing.lang.clone()),
        fit: out.fit,
        pages: out.pages,
        bytes: out.pdf.len(),
        millis: start.elapsed().as_millis(),
    })
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
    let settings = Settings::new(&args.render, env)?;
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
        let built = build_one(&inputs[0], &target(&inputs[0]), &template, &fonts, &settings, &mut Reads::default())?;
        eprintln!("{}", built.summary());
        if let Some(w) = built.warning() {
            eprintln!("{w}");
        }
        return Ok(());
    }
    batch(&inputs, &target, &template, &fonts, &settings)
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
    let results: Vec<(PathBuf, Result<Built, Error>)> = inputs
        .par_iter()
        .map(|input| {
            let result = build_one(input, &target(input), template, fonts, settings, &mut Reads::default());
            let line = match &result {
                Ok(b) => b.warning().map_or_else(|| b.summary(), |w| format!("{}\n{w}", b.summary())),
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

pub fn check(inputs: &[PathBuf], template: &TemplateChoice) -> Result<(), Error> {
    let fonts = Template::resolve(&template.name, template.root.as_deref())?.font_book();
    let mut invalid = Vec::new();
    for input in expand_inputs(inputs)? {
        match load_briefing(&input, &fonts) {
            Ok(_) => eprintln!("{}: ok", input.display()),
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

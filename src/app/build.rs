//! `briefing build` (one briefing, or many in parallel into a folder) and `briefing check`.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::{
    build_options, default_output, human_size, load_briefing, resolve_template, write_atomic, Failure, Template,
};
use crate::cli::{BuildArgs, RenderArgs};
use crate::fonts::FontBook;

/// What one successful build produced.
pub struct Built {
    pub output: PathBuf,
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
        )
    }
}

/// Builds one briefing to `output`. The previous PDF is replaced only by a complete new one.
pub fn build_one(
    input: &Path,
    output: &Path,
    template: &Template,
    fonts: &FontBook,
    render: &RenderArgs,
) -> Result<Built, Failure> {
    let start = Instant::now();
    // `-o` naming the input would replace the briefing with its PDF.
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
        if a == b {
            return Err(Failure::Io(format!("{} is the input; write the PDF somewhere else", output.display())));
        }
    }
    let (file, briefing) = load_briefing(input, fonts)?;
    let options = build_options(render, template, &file, input)?;
    let theme = template.theme_for(&briefing.lang)?;
    let out = crate::build(&briefing, &theme, fonts, &options)
        .map_err(|e| Failure::Io(format!("cannot render {}: {e}", input.display())))?;
    write_atomic(output, &out.pdf)?;
    Ok(Built {
        output: output.to_path_buf(),
        pages: out.pages,
        bytes: out.pdf.len(),
        millis: start.elapsed().as_millis(),
    })
}

/// Every `*.yaml` / `*.yml` file named, or inside a named folder (sorted).
fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|e| Failure::io("cannot read folder", input, e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
                .collect();
            if found.is_empty() {
                return Err(Failure::Io(format!("no .yaml files in folder {}", input.display())));
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

pub fn build(args: &BuildArgs) -> Result<(), Failure> {
    let inputs = expand_inputs(&args.inputs)?;
    if args.output.is_some() && inputs.len() > 1 {
        return Err(Failure::Io("-o names one output file; with several inputs use --out-dir DIR".into()));
    }
    let template = resolve_template(&args.render.template.template)?;
    let fonts = template.font_book();
    if let Some(dir) = &args.out_dir {
        if !dir.is_dir() {
            return Err(Failure::Io(format!("output folder {} does not exist", dir.display())));
        }
    }
    let target = |input: &Path| -> PathBuf {
        match (&args.output, &args.out_dir) {
            (Some(o), _) => o.clone(),
            (None, Some(dir)) => dir.join(default_output(input).file_name().unwrap_or_default()),
            (None, None) => default_output(input),
        }
    };
    // Two inputs with one output (x/a.yaml and y/a.yaml into one folder, or a.yaml and
    // a.yml) would race, and one PDF would silently replace the other.
    let mut seen: std::collections::HashMap<PathBuf, &Path> = std::collections::HashMap::new();
    for input in &inputs {
        let out = target(input);
        let key = std::path::absolute(&out).unwrap_or_else(|_| out.clone());
        if let Some(other) = seen.insert(key, input) {
            return Err(Failure::Io(format!(
                "{} and {} would both be written to {}; build them into different folders",
                other.display(),
                input.display(),
                out.display()
            )));
        }
    }
    if inputs.len() == 1 {
        let built = build_one(&inputs[0], &target(&inputs[0]), &template, &fonts, &args.render)?;
        eprintln!("{}", built.summary());
        return Ok(());
    }
    batch(&inputs, &target, &template, &fonts, &args.render)
}

/// Builds many briefings in parallel. One bad input does not stop the others; every failure
/// is reported, a summary closes the run, and the exit code says whether all succeeded.
fn batch(
    inputs: &[PathBuf],
    target: &(dyn Fn(&Path) -> PathBuf + Sync),
    template: &Template,
    fonts: &FontBook,
    render: &RenderArgs,
) -> Result<(), Failure> {
    let start = Instant::now();
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let results: Vec<(PathBuf, Result<Built, Failure>)> = inputs
        .par_iter()
        .map(|input| {
            let result = build_one(input, &target(input), template, fonts, render);
            let line = match &result {
                Ok(b) => b.summary(),
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
        if let Err(f) = result {
            failed += 1;
            worst = worst.max(f.exit_code());
            eprintln!("{}:", input.display());
            eprint!("{f}");
        }
    }
    let built = results.len() - failed;
    eprintln!("built {built} of {} briefings in {} ms; {failed} failed", results.len(), start.elapsed().as_millis());
    match worst {
        0 => Ok(()),
        1 => Err(Failure::Invalid(Vec::new())),
        _ => Err(Failure::Io(format!("{failed} of {} briefings failed", results.len()))),
    }
}

pub fn check(inputs: &[PathBuf], template: &str) -> Result<(), Failure> {
    let fonts = resolve_template(template)?.font_book();
    let mut invalid = Vec::new();
    for input in expand_inputs(inputs)? {
        match load_briefing(&input, &fonts) {
            Ok(_) => eprintln!("{}: ok", input.display()),
            Err(Failure::Invalid(files)) => invalid.extend(files),
            Err(other) => return Err(other),
        }
    }
    if invalid.is_empty() {
        Ok(())
    } else {
        Err(Failure::Invalid(invalid))
    }
}

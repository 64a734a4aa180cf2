//! `briefing bundle`: several briefings in one PDF dossier for a dialogue preparation.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::config::Settings;
use super::files;
use super::{build_options, human_size, load_briefing, Error, Template};
use crate::diag::{Diagnostic, SourceFile};
use crate::layout::Cover;
use crate::model::Date;
use crate::BundleItem;

pub fn bundle(
    inputs: &[PathBuf],
    output: &Path,
    title: &str,
    date: Option<&str>,
    settings: &Settings,
) -> Result<(), Error> {
    let start = Instant::now();
    let template = Template::resolve(&settings.template.name, settings.template.root.as_deref())?;
    let mut reads = template.reads.clone();
    for input in inputs {
        reads.add(input, "input");
    }
    reads.check_output(output)?;
    let fonts = template.font_book();
    // Every briefing is checked before anything is written; all their problems are shown.
    let mut items = Vec::new();
    let mut invalid = Vec::new();
    for input in inputs {
        match load_briefing(input, &fonts) {
            Ok((file, briefing)) => {
                let options = build_options(settings, &template, &file, input);
                items.push(BundleItem { briefing, source: options.source });
            }
            Err(Error::Invalid(files)) => invalid.extend(files),
            Err(other) => return Err(other),
        }
    }
    if !invalid.is_empty() {
        return Err(Error::Invalid(invalid));
    }
    let date = match date {
        Some(text) => Date::parse_iso(text).ok_or_else(|| {
            let message = format!("'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2020-11-20");
            Error::invalid(SourceFile::new("--date", text), Diagnostic::new(None, "", message))
        })?,
        // The latest briefing's date.
        None => items.iter().map(|i| i.briefing.date).max().ok_or_else(|| Error::Usage("nothing to bundle".into()))?,
    };
    let lang = items.first().map_or("en", |i| i.briefing.lang.as_str());
    let theme = template.theme_for(lang)?;
    let cover = Cover { title: title.to_string(), date };
    let out = crate::build_bundle(&items, &cover, &theme, &fonts, settings.epoch)
        .map_err(|source| Error::Render { what: "the dossier".into(), source })?;
    files::on_signal(files::OnSignal::Exit);
    files::write_atomic(output, &out.pdf, settings.existing)?;
    eprintln!(
        "wrote {} ({} briefings, {} pages, {}) in {} ms",
        output.display(),
        items.len(),
        out.pages,
        human_size(out.pdf.len()),
        start.elapsed().as_millis()
    );
    Ok(())
}

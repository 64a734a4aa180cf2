//! `briefing bundle`: several briefings in one PDF dossier for a dialogue preparation.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{build_options, human_size, load_briefing, resolve_template, write_atomic, Failure};
use crate::cli::RenderArgs;
use crate::diag::{Diagnostic, SourceFile};
use crate::layout::Cover;
use crate::model::Date;
use crate::BundleItem;

pub fn bundle(
    inputs: &[PathBuf],
    output: &Path,
    title: &str,
    date: Option<&str>,
    render: &RenderArgs,
) -> Result<(), Failure> {
    let start = Instant::now();
    let template = resolve_template(&render.template.template)?;
    let fonts = template.font_book();
    // Every briefing is checked before anything is written; all their problems are shown.
    let mut items = Vec::new();
    let mut invalid = Vec::new();
    for input in inputs {
        match load_briefing(input, &fonts) {
            Ok((file, briefing)) => {
                let options = build_options(render, &template, &file, input)?;
                items.push(BundleItem { briefing, source: options.source });
            }
            Err(Failure::Invalid(files)) => invalid.extend(files),
            Err(other) => return Err(other),
        }
    }
    if !invalid.is_empty() {
        return Err(Failure::Invalid(invalid));
    }
    let date = match date {
        Some(text) => Date::parse_iso(text).ok_or_else(|| {
            let file = SourceFile::new("--date", text);
            let message = format!("'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2020-11-20");
            Failure::Invalid(vec![(file, vec![Diagnostic { span: None, path: String::new(), message, help: None }])])
        })?,
        // The latest briefing's date.
        None => items.iter().map(|i| i.briefing.date).max().ok_or_else(|| Failure::Io("nothing to bundle".into()))?,
    };
    let lang = items.first().map_or("en", |i| i.briefing.lang.as_str());
    let theme = template.theme_for(lang)?;
    let cover = Cover { title: title.to_string(), date };
    let epoch = super::source_date_epoch()?;
    let out = crate::build_bundle(&items, &cover, &theme, &fonts, epoch)
        .map_err(|e| Failure::Io(format!("cannot render the dossier: {e}")))?;
    write_atomic(output, &out.pdf)?;
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

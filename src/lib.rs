//! `briefing`: a YAML summary of a policy meeting in, a formatted PDF briefing out.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `load` (YAML → raw model, with positions) → `validate` (raw → checked `model::Briefing`)
//! → `layout` (checked model + `theme` + `fonts` → positioned pages) → `pdf` (pages → bytes).
//! `document` makes a [`Job`] in each format asked for ([`make`]), through one back end per
//! format; only `app` touches the disk, the clock and the terminal.

pub mod ahead;
pub mod app;
pub mod cli;
pub mod diag;
pub mod document;
pub mod edit;
pub mod fonts;
pub mod html;
pub mod hyphenate;
pub mod language;
pub mod layout;
pub mod load;
pub mod markdown;
pub mod model;
pub mod pdf;
pub mod punctuation;
pub mod raster;
pub mod redline;
pub mod script;
pub mod shown;
pub mod theme;
pub mod validate;
pub mod wording;

use fonts::FontBook;
use model::Briefing;
use theme::Theme;

pub use document::{as_printed, make, metadata, BuildOptions, BundleItem, Context, Format, Job, Made, DEFAULT_PPI};
pub use layout::Fit;

/// A rendered briefing.
#[derive(Debug, Clone)]
pub struct Output {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// How the briefing was fitted to a page count, when it was asked to be.
    pub fit: Option<Fit>,
}

/// Lays out and renders one checked briefing as a PDF: [`make`] for the commonest job.
/// Pure: same arguments, same bytes.
pub fn build(b: &Briefing, theme: &Theme, fonts: &FontBook, options: &BuildOptions) -> Result<Output, document::Error> {
    let page = html::PageOptions::default();
    let ctx = Context { fonts, options, page: &page };
    let made = make(&Job::Single { briefing: b, theme }, &ctx, &[Format::Pdf])?;
    let files = match made.artifacts.into_iter().next() {
        Some(a) => a.files.into_made()?,
        None => Vec::new(),
    };
    let pdf = files.into_iter().next().unwrap_or_default();
    Ok(Output { pdf, pages: made.pages, fit: made.fit })
}

/// Compares two versions of a briefing ([`redline::compare`]), after the typographic
/// punctuation `theme` asks for, so that both are compared as they print.
pub fn compare(old: &Briefing, new: &Briefing, theme: &Theme) -> redline::Redline {
    redline::compare(&as_printed(old, theme), &as_printed(new, theme))
}

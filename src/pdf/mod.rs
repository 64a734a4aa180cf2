//! Pages to PDF bytes. The drawing layer (`genpdf/`, the only room that knows genpdf) draws
//! the text and lines; `content` writes each page's content stream from the layout's items
//! and that drawing; `assemble` builds the document around them: subset fonts (`embed`,
//! `type0`), outline and links (`navigation`), the watermark and images (`graphics`, `image`),
//! metadata and the attached source.

mod assemble;
pub mod content;
pub mod embed;
mod genpdf;
mod graphics;
mod icc;
mod image;
mod navigation;
mod objects;
mod structure;
mod type0;
mod writer;
mod xmp;

use crate::fonts::{FontBook, FontError};
use crate::layout::Document;

pub use assemble::{Attachment, Metadata, ATTACHMENT_DESCRIPTION};
pub use image::{decode as decode_image, Image, ImageKind, MAX_PIXELS};
pub use objects::compress;

/// What the PDF names as its producer.
pub const PRODUCER: &str = concat!("briefing ", env!("CARGO_PKG_VERSION"));

/// Rendering failed. With built-in fonts this is a bug; with user fonts it may be the font.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(transparent)]
    Font(#[from] FontError),
    #[error("PDF backend: {0}")]
    Backend(String),
}

impl From<lopdf::Error> for PdfError {
    fn from(e: lopdf::Error) -> Self {
        PdfError::Backend(e.to_string())
    }
}

/// The finished PDF: same input, same bytes.
///
/// The drawing layer draws the pages on a thread of its own while this one cuts the font
/// subsets and writes them; the runs of drawn pages come over a channel that holds one run,
/// so that no more than two runs of pages are ever in memory in the drawing layer's form.
pub fn render(doc: &Document, fonts: &FontBook, meta: &Metadata, logo: Option<&Image>) -> Result<Vec<u8>, PdfError> {
    let plan = &embed::Plan::new(doc, fonts);
    std::thread::scope(|s| {
        let (runs, drawn) = std::sync::mpsc::sync_channel(1);
        s.spawn(move || {
            for run in genpdf::draw(doc, plan) {
                // The receiver is gone when assembly failed: stop drawing.
                if runs.send(run).is_err() {
                    break;
                }
            }
        });
        let programs = plan.programs(fonts)?;
        assemble::finish(drawn, doc, (plan, &programs), fonts, meta, logo)
    })
}

/// The steps of [`render`], one after the other on this thread, with `stage` told the name
/// of each as it ends: "plan" (which glyphs and codes), "draw" (the drawing layer), "subset"
/// (the font programs) and "assemble" (the document, compressed and written out). For
/// `cargo bench`, which times each; the PDF is the one `render` makes.
pub fn render_in_stages(
    doc: &Document,
    fonts: &FontBook,
    meta: &Metadata,
    logo: Option<&Image>,
    stage: &mut dyn FnMut(&'static str),
) -> Result<Vec<u8>, PdfError> {
    let plan = embed::Plan::new(doc, fonts);
    stage("plan");
    let runs: Vec<_> = genpdf::draw(doc, &plan).collect();
    stage("draw");
    let programs = plan.programs(fonts)?;
    stage("subset");
    let pdf = assemble::finish(runs, doc, (&plan, &programs), fonts, meta, logo)?;
    stage("assemble");
    Ok(pdf)
}

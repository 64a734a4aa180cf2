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

use assemble::Parts;
pub use assemble::{distinct_names, Attachment, Metadata, ATTACHMENT_DESCRIPTION};
pub use image::{decode as decode_image, Image, ImageKind, MAX_PIXELS};
pub use navigation::one_line;
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
/// Two threads share the work. A briefing drawn in one run of pages (most are: a run is
/// about a hundred thousand characters) is drawn and assembled on this thread, which is
/// already running, while another cuts the font subsets and compresses what does not depend
/// on the drawing ([`Parts`]): on a busy or virtual machine a new thread can wait a whole
/// time slice before it runs (measured here: up to 1.5 ms, when the seed's subsets take
/// 0.7 ms and its drawing 2.4 ms), and the subsets can wait; if that thread has not begun
/// them when the drawing is done, this one cuts them ([`crate::ahead`]). A longer one is drawn on the
/// other thread, a run ahead of its assembly here, after the subsets; the channel between
/// them holds one run, so no more than two runs of pages are ever in memory in the drawing
/// layer's form.
pub fn render(doc: &Document, fonts: &FontBook, meta: &Metadata, logo: Option<&Image>) -> Result<Vec<u8>, PdfError> {
    let plan = &embed::Plan::new(doc, fonts);
    std::thread::scope(|s| {
        let runs = genpdf::draw(doc, plan);
        if runs.len() <= 1 {
            let parts = crate::ahead::ahead(s, || Parts::new(plan, fonts, meta));
            let parts = || parts.get();
            return assemble::finish(runs, doc, plan, parts, fonts, meta, logo);
        }
        let (sender, drawn) = std::sync::mpsc::sync_channel(1);
        s.spawn(move || {
            for run in runs {
                // The receiver is gone when assembly failed: stop drawing.
                if sender.send(run).is_err() {
                    break;
                }
            }
        });
        let parts = Parts::new(plan, fonts, meta)?;
        assemble::finish(drawn, doc, plan, || Ok(parts), fonts, meta, logo)
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
    let parts = Parts::new(&plan, fonts, meta)?;
    stage("subset");
    let pdf = assemble::finish(runs, doc, &plan, || Ok(parts), fonts, meta, logo)?;
    stage("assemble");
    Ok(pdf)
}

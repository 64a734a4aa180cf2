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
pub fn render(doc: &Document, fonts: &FontBook, meta: &Metadata, logo: Option<&Image>) -> Result<Vec<u8>, PdfError> {
    let plan = embed::Plan::new(doc, fonts)?;
    assemble::finish(genpdf::draw(doc, &plan), doc, &plan, fonts, meta, logo)
}

//! Pages to PDF bytes: genpdf draws (`draw`), then a post-pass over the bytes (`post`) puts in
//! the subset fonts (`embed`), compresses, and adds the outline, links, metadata, watermark
//! and the attached source.

mod draw;
pub mod embed;
mod graphics;
mod image;
mod navigation;
mod objects;
mod post;
mod type0;

use crate::fonts::{FontBook, FontError};
use crate::layout::Document;

pub use image::{decode as decode_image, Image, ImageKind};
pub use post::{Attachment, Metadata, ATTACHMENT_DESCRIPTION};

/// Rendering failed. With built-in fonts this is a bug; with user fonts it may be the font.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(transparent)]
    Font(#[from] FontError),
    #[error("PDF backend: {0}")]
    Backend(String),
}

impl From<genpdf::error::Error> for PdfError {
    fn from(e: genpdf::error::Error) -> Self {
        PdfError::Backend(e.to_string())
    }
}

impl From<lopdf::Error> for PdfError {
    fn from(e: lopdf::Error) -> Self {
        PdfError::Backend(e.to_string())
    }
}

/// The finished PDF: same input, same bytes.
pub fn render(doc: &Document, fonts: &FontBook, meta: &Metadata, logo: Option<&Image>) -> Result<Vec<u8>, PdfError> {
    let plan = embed::Plan::new(doc, fonts)?;
    let raw = draw::draw(doc, &plan)?;
    post::finish(&raw, doc, &plan, fonts, meta, logo)
}

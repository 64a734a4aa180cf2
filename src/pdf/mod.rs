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
mod synthetic;
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
    let chunks = chunks(doc).into_iter().map(|pages| draw::draw(doc, &plan, pages));
    post::finish(chunks, doc, &plan, fonts, meta, logo)
}

/// How much genpdf is given at once, in characters and items. genpdf and printpdf keep about
/// a hundred bytes per character (each becomes an object of its own) until the PDF is written;
/// in runs of pages this size, a briefing of thousands of pages needs no more memory for
/// drawing than one of twenty.
const WORK_PER_CHUNK: usize = 100_000;

/// The document's pages in consecutive runs of about [`WORK_PER_CHUNK`].
fn chunks(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let work = |page: &crate::layout::Page| -> usize {
        page.items
            .iter()
            .map(|item| match item {
                crate::layout::Item::Text(t) => 1 + t.text.len(),
                _ => 1,
            })
            .sum()
    };
    let mut out = Vec::new();
    let (mut start, mut sum) = (0, 0);
    for (i, page) in doc.pages.iter().enumerate() {
        let w = work(page);
        if i > start && sum + w > WORK_PER_CHUNK {
            out.push(start..i);
            (start, sum) = (i, 0);
        }
        sum += w;
    }
    out.push(start..doc.pages.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Item, Page, TextItem};
    use crate::theme::Rgb;

    fn page(chars: usize) -> Page {
        let text = "x".repeat(chars);
        let item = TextItem {
            x: 0.0,
            baseline: 0.0,
            face: crate::fonts::FaceId(0),
            size: 10,
            color: Rgb(0, 0, 0),
            text,
            width: 0.0,
            style: crate::fonts::FontStyle::REGULAR,
        };
        Page { items: vec![Item::Text(item)], owner: 0 }
    }

    #[test]
    fn chunks_cover_every_page_once_in_order() {
        let doc = Document {
            width: 1.0,
            height: 1.0,
            pages: [40_000, 40_000, 40_000, 500_000, 10].into_iter().map(page).collect(),
            outline: Vec::new(),
            watermark: None,
        };
        // A page bigger than a chunk is a chunk of its own; no chunk is empty.
        assert_eq!(chunks(&doc), vec![0..2, 2..3, 3..4, 4..5]);
        let small = Document { pages: vec![page(10); 3], ..doc };
        assert_eq!(chunks(&small), vec![0..3]);
    }
}

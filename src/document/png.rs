//! The PNG back end: each page of the document's PDF as an image (`crate::raster`), at the
//! resolution asked for: measured here, drawn one at a time by the caller ([`Files::ToDraw`]).

use super::{Backend, Error, Files, Prepared};

pub struct Png;

impl Backend for Png {
    fn extension(&self) -> &'static str {
        "png"
    }

    fn per_page(&self) -> bool {
        true
    }

    fn render(&self, doc: &Prepared<'_>) -> Result<Files, Error> {
        let options = doc.context().options;
        let pages = crate::raster::PageImages::new(doc.pdf()?.to_vec(), options.ppi)?.of(&options.source_name);
        Ok(Files::ToDraw(pages))
    }
}

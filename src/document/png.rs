//! The PNG back end: each page of the document's PDF as an image (`crate::raster`), at the
//! resolution asked for.

use super::{Backend, Error, Prepared};

pub struct Png;

impl Backend for Png {
    fn extension(&self) -> &'static str {
        "png"
    }

    fn per_page(&self) -> bool {
        true
    }

    fn render(&self, doc: &Prepared<'_>) -> Result<Vec<Vec<u8>>, Error> {
        Ok(crate::raster::pages_to_png(doc.pdf()?, doc.context().options.ppi)?)
    }
}

//! The PDF back end: the laid-out pages drawn and assembled (`crate::pdf`), tagged PDF/UA-1
//! and PDF/A-3a.

use super::{Backend, Error, Files, Job, Prepared};

pub struct Pdf;

impl Backend for Pdf {
    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn render(&self, doc: &Prepared<'_>) -> Result<Files, Error> {
        Ok(Files::Made(vec![doc.pdf()?.to_vec()]))
    }
}

/// The document's PDF (`Prepared::pdf` keeps it for the back ends that draw from it).
pub(super) fn render(doc: &Prepared<'_>) -> Result<Vec<u8>, Error> {
    let (pages, _) = doc.layout();
    // A dossier has no logo: each briefing starts with its title block, the cover with its own.
    let logo = match doc.job() {
        Job::Dossier { .. } => None,
        _ => doc.context().options.logo.as_deref(),
    };
    Ok(crate::pdf::render(pages, doc.context().fonts, &doc.metadata(), logo)?)
}

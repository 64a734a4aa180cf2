//! The HTML back end: the press-release web page (`crate::html`), from the briefing as it
//! prints, not from the laid-out pages (a web page reflows).

use super::{Backend, Error, Files, Job, Prepared};

pub struct Html;

impl Backend for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn render(&self, doc: &Prepared<'_>) -> Result<Files, Error> {
        let ctx = doc.context();
        let page = crate::html::PageOptions {
            description: doc.metadata().subject,
            generator: concat!("briefing ", env!("CARGO_PKG_VERSION")).to_string(),
            logo: ctx.options.logo.clone(),
            ..ctx.page.clone()
        };
        let html = match *doc.job() {
            Job::Single { theme, .. } => crate::html::page(doc.briefing(), theme, &page),
            Job::Redline { redline, since, theme } => crate::html::redline_page(redline, since, theme, &page),
            Job::Parallel { .. } => {
                return Err(Error::Unsupported { what: "two languages side by side", format: "a web page" })
            }
            Job::Dossier { .. } => return Err(Error::Unsupported { what: "a dossier", format: "a web page" }),
        };
        Ok(Files::Made(vec![html.into_bytes()]))
    }
}

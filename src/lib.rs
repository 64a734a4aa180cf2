//! `briefing`: a YAML summary of a policy meeting in, a formatted PDF briefing out.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `load` (YAML → raw model, with positions) → `validate` (raw → checked `model::Briefing`)
//! → `layout` (checked model + `theme` + `fonts` → positioned pages) → `pdf` (pages → bytes).
//! [`build`] runs the pure part; only `app` touches the disk, the clock and the terminal.

pub mod app;
pub mod cli;
pub mod diag;
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
pub mod theme;
pub mod validate;

use fonts::FontBook;
use model::Briefing;
use pdf::{Attachment, Metadata, PdfError};
use theme::Theme;

pub use layout::Fit;

/// Choices that come from the command line and the environment rather than the YAML.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Add a table of contents whatever the template says.
    pub toc: bool,
    /// The source file to embed in the PDF.
    pub source: Option<Attachment>,
    /// Creation date (Unix seconds) instead of the briefing's date (`SOURCE_DATE_EPOCH`).
    pub date: Option<i64>,
    /// The template's logo, read and decoded.
    pub logo: Option<pdf::Image>,
    /// Fit on this many pages (`--fit-pages`), over the template's `fit_pages`; 0 is off.
    pub fit_pages: Option<u32>,
}

/// A rendered briefing.
#[derive(Debug, Clone)]
pub struct Output {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// How the briefing was fitted to a page count, when it was asked to be.
    pub fit: Option<Fit>,
}

/// `b` as it prints with `theme`: with the language's quotes and dashes when the theme asks
/// for typographic punctuation.
fn as_printed<'b>(b: &'b Briefing, theme: &Theme) -> std::borrow::Cow<'b, Briefing> {
    if theme.smart_punctuation {
        std::borrow::Cow::Owned(punctuation::briefing(b))
    } else {
        std::borrow::Cow::Borrowed(b)
    }
}

/// Lays out and renders a checked briefing. Pure: same arguments, same bytes.
pub fn build(b: &Briefing, theme: &Theme, fonts: &FontBook, options: &BuildOptions) -> Result<Output, PdfError> {
    let b = &*as_printed(b, theme);
    let logo_aspect = options.logo.as_ref().map(pdf::Image::aspect);
    let layout_options = layout::Options { toc: options.toc, logo_aspect };
    let target = options.fit_pages.unwrap_or(theme.fit_pages.0) as usize;
    let (doc, fit) = if target > 0 {
        let (doc, fit) = layout::fit(b, theme, fonts, layout_options, target);
        (doc, Some(fit))
    } else {
        (layout::layout(b, theme, fonts, layout_options), None)
    };
    let meta = metadata(b, options);
    let pdf = pdf::render(&doc, fonts, &meta, options.logo.as_ref())?;
    Ok(Output { pdf, pages: doc.pages.len(), fit })
}

/// Lays out and renders one briefing in two languages side by side (`--parallel`):
/// `briefings` are the same briefing in each language (the first two are set), each with
/// its theme. Pure, like [`build`].
pub fn build_parallel(
    briefings: &[Briefing],
    themes: &[Theme],
    fonts: &FontBook,
    options: &BuildOptions,
) -> Result<Output, PdfError> {
    let briefings: Vec<Briefing> = briefings.iter().zip(themes).map(|(b, t)| as_printed(b, t).into_owned()).collect();
    let logo_aspect = options.logo.as_ref().map(pdf::Image::aspect);
    let doc = layout::parallel(&briefings, themes, fonts, layout::Options { toc: false, logo_aspect });
    let meta = metadata(&briefings[0], options);
    let pdf = pdf::render(&doc, fonts, &meta, options.logo.as_ref())?;
    Ok(Output { pdf, pages: doc.pages.len(), fit: None })
}

/// Compares two versions of a briefing ([`redline::compare`]), after the typographic
/// punctuation `theme` asks for, so that both are compared as they print.
pub fn compare(old: &Briefing, new: &Briefing, theme: &Theme) -> redline::Redline {
    redline::compare(&as_printed(old, theme), &as_printed(new, theme))
}

/// Lays out and renders a redline: the new briefing with its changes since `since` (the old
/// version's name) marked, after a box that sums them up. Pure, like [`build`].
pub fn build_redline(
    r: &redline::Redline,
    since: &str,
    theme: &Theme,
    fonts: &FontBook,
    options: &BuildOptions,
) -> Result<Output, PdfError> {
    let logo_aspect = options.logo.as_ref().map(pdf::Image::aspect);
    let doc = layout::redline(r, since, theme, fonts, layout::Options { toc: false, logo_aspect });
    let meta = metadata(&r.briefing, options);
    let pdf = pdf::render(&doc, fonts, &meta, options.logo.as_ref())?;
    Ok(Output { pdf, pages: doc.pages.len(), fit: None })
}

/// The briefing's press-release web page ([`html::page`]), as it prints with `theme` (its
/// punctuation), with the subject as its description. Pure, like [`build`].
pub fn build_html(b: &Briefing, theme: &Theme, options: &BuildOptions, page: html::PageOptions) -> String {
    let b = &*as_printed(b, theme);
    html::page(b, theme, &page_options(b, options, page))
}

/// A redline as a web page ([`html::redline_page`]). Pure, like [`build`].
pub fn build_html_redline(
    r: &redline::Redline,
    since: &str,
    theme: &Theme,
    options: &BuildOptions,
    page: html::PageOptions,
) -> String {
    html::redline_page(r, since, theme, &page_options(&r.briefing, options, page))
}

fn page_options(b: &Briefing, options: &BuildOptions, page: html::PageOptions) -> html::PageOptions {
    html::PageOptions {
        description: metadata(b, options).subject,
        generator: concat!("briefing ", env!("CARGO_PKG_VERSION")).to_string(),
        ..page
    }
}

/// One briefing of a dossier, with the source file to attach.
#[derive(Debug, Clone)]
pub struct BundleItem {
    pub briefing: Briefing,
    pub source: Option<Attachment>,
}

/// Lays out and renders several briefings as one dossier: a cover with `cover`'s title and
/// date and the list of briefings with their pages, then each briefing from a new page, each
/// set with its own theme (`themes[i]`, for its language). The cover is set with `cover_theme`
/// in `lang`. Pure, like [`build`].
pub fn build_bundle(
    items: &[BundleItem],
    themes: &[Theme],
    cover: &layout::Cover,
    (cover_theme, lang): (&Theme, &str),
    fonts: &FontBook,
    date: Option<i64>,
) -> Result<Output, PdfError> {
    let briefings: Vec<Briefing> =
        items.iter().zip(themes).map(|(i, t)| as_printed(&i.briefing, t).into_owned()).collect();
    let doc = layout::bundle(&briefings, themes, cover, (cover_theme, lang), fonts);
    let organisations: Vec<&String> = briefings.iter().filter_map(|b| b.organisation.as_ref()).collect();
    let author = organisations.first().filter(|first| organisations.iter().all(|o| o == *first)).map(|o| (*o).clone());
    let meta = Metadata {
        title: cover.title.clone(),
        author,
        subject: Some(format!("Dossier of {} briefings", briefings.len())),
        keywords: briefings.iter().map(|b| b.title.clone()).collect(),
        lang: lang.to_string(),
        date: date.unwrap_or_else(|| cover.date.unix_seconds()),
        draft: briefings.iter().any(|b| b.draft),
        attachments: items.iter().filter_map(|i| i.source.clone()).collect(),
    };
    let pdf = pdf::render(&doc, fonts, &meta, None)?;
    Ok(Output { pdf, pages: doc.pages.len(), fit: None })
}

/// The PDF's metadata: title, author (the organisation), subject (`subject:` or the first
/// sentence of the summary), keywords (the topic titles), language and dates.
pub fn metadata(b: &Briefing, options: &BuildOptions) -> Metadata {
    let subject = b.subject.clone().or_else(|| {
        let first = b.summary.iter().find_map(|block| match block {
            markdown::Block::Paragraph(inl) => Some(markdown::plain_text(inl)),
            _ => None,
        })?;
        Some(first_sentence(&first).to_string())
    });
    Metadata {
        title: b.title.clone(),
        author: b.organisation.clone(),
        subject,
        keywords: b.topics.iter().map(|t| t.title.clone()).collect(),
        lang: b.lang.clone(),
        date: options.date.unwrap_or_else(|| b.date.unix_seconds()),
        draft: b.draft,
        attachments: options.source.iter().cloned().collect(),
    }
}

/// Up to and including the first full stop that ends a sentence.
fn first_sentence(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => chars.peek().is_none_or(|(_, n)| n.is_whitespace()),
            _ => false,
        };
        if ends {
            return &text[..i + c.len_utf8()];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn first_sentence_stops_at_the_first_full_stop() {
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("Version 2.0 is out. Yes."), "Version 2.0 is out.");
        assert_eq!(first_sentence("日本。欧州。"), "日本。");
        assert_eq!(first_sentence("No stop"), "No stop");
    }
}

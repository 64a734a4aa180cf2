//! One way to make a document. A [`Job`] says what to make (one briefing, two languages side by
//! side, a redline, a dossier); [`make`] prepares it once (the typographic punctuation, the
//! metadata, the layout when a back end asks for it) and hands it to the [`Backend`] of each
//! [`Format`] asked for. Each back end is one file here and one row of [`Format::backend`]:
//! adding one changes no other. Pure: same arguments, same bytes.

mod html;
mod pdf;
mod png;

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::fonts::FontBook;
use crate::layout::{self, Cover, Fit};
use crate::markdown;
use crate::model::{Briefing, Change};
use crate::pdf::{Attachment, Metadata, PdfError};
use crate::raster::{PageImages, RasterError};
use crate::redline::Redline;
use crate::theme::Theme;

/// What to make, with the theme (or themes) each part is set in.
#[derive(Debug, Clone, Copy)]
pub enum Job<'a> {
    /// One briefing in one language.
    Single { briefing: &'a Briefing, theme: &'a Theme },
    /// One briefing in two languages side by side (`--parallel`): the same briefing in each
    /// language, each with its theme; the first two are set.
    Parallel { briefings: &'a [Briefing], themes: &'a [Theme] },
    /// The new version of a briefing with its changes since `since` (the old version's name)
    /// marked, after a box that sums them up.
    Redline { redline: &'a Redline, since: &'a str, theme: &'a Theme },
    /// Several briefings, each set with its own theme (`themes[i]`, for its language), after a
    /// cover set with `cover_theme` in `lang`.
    Dossier {
        items: &'a [BundleItem],
        themes: &'a [&'a Theme],
        cover: &'a Cover,
        cover_theme: &'a Theme,
        lang: &'a str,
    },
}

/// One briefing of a dossier, with the source file to attach.
#[derive(Debug, Clone)]
pub struct BundleItem {
    pub briefing: Briefing,
    pub source: Option<Attachment>,
}

/// Choices that come from the command line and the environment rather than the YAML.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Add a table of contents whatever the template says.
    pub toc: bool,
    /// The source file to embed in the PDF.
    pub source: Option<Attachment>,
    /// Creation date (Unix seconds) instead of the briefing's date (`SOURCE_DATE_EPOCH`).
    pub date: Option<i64>,
    /// The template's logo, read and decoded.
    pub logo: Option<std::sync::Arc<crate::pdf::Image>>,
    /// Fit on this many pages (`--fit-pages`), over the template's `fit_pages`; 0 is off.
    pub fit_pages: Option<u32>,
    /// Page images' resolution in pixels per inch (`--ppi`).
    pub ppi: f32,
    /// The name of the source's file, which page images carry (empty: none).
    pub source_name: String,
}

/// Page images at 144 ppi unless asked otherwise (twice a PDF's 72 points an inch).
pub const DEFAULT_PPI: f32 = 144.0;

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            toc: false,
            source: None,
            date: None,
            logo: None,
            fit_pages: None,
            ppi: DEFAULT_PPI,
            source_name: String::new(),
        }
    }
}

/// Everything beside the job: the fonts, the options, and what a web page links to.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub fonts: &'a FontBook,
    pub options: &'a BuildOptions,
    /// The web page's links to its other languages and to its PDF.
    pub page: &'a crate::html::PageOptions,
}

/// What a document is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The tagged PDF.
    Pdf,
    /// The press-release web page.
    Html,
    /// One PNG image per page.
    Png,
}

impl Format {
    /// Every format, in the order a run writes them.
    pub const ALL: [Format; 3] = [Format::Pdf, Format::Html, Format::Png];

    /// The back end that writes this format: the table of formats.
    pub fn backend(self) -> &'static dyn Backend {
        match self {
            Format::Pdf => &pdf::Pdf,
            Format::Html => &html::Html,
            Format::Png => &png::Png,
        }
    }

    /// The file extension of what it writes.
    pub fn extension(self) -> &'static str {
        self.backend().extension()
    }

    /// Whether it writes one file per page (`X-1.png`, `X-2.png`…).
    pub fn per_page(self) -> bool {
        self.backend().per_page()
    }
}

/// A back end: a document in, its file (or one file per page) out.
pub trait Backend: Sync {
    /// The file extension of what it writes ("pdf", "html", "png").
    fn extension(&self) -> &'static str;
    /// Whether it writes one file per page rather than one file.
    fn per_page(&self) -> bool {
        false
    }
    /// The file, or one file per page (made, or to be drawn one at a time).
    fn render(&self, doc: &Prepared<'_>) -> Result<Files, Error>;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error("page images: {0}")]
    Raster(#[from] RasterError),
    #[error("{what} cannot be written as {format}")]
    Unsupported { what: &'static str, format: &'static str },
}

/// What one format of a document came to.
#[derive(Debug, Clone)]
pub struct Artifact {
    pub format: Format,
    /// The file, or one file per page (`Format::per_page`).
    pub files: Files,
}

/// A back end's files: made, or page images measured and still to draw.
#[derive(Debug, Clone)]
pub enum Files {
    /// The file, or one file per page.
    Made(Vec<Vec<u8>>),
    /// Page images not drawn yet: a run adds up what all of its images cost and refuses too
    /// many before drawing any ([`crate::raster::within_budget`]), then writes each as it is
    /// drawn ([`PageImages::draw`]).
    ToDraw(PageImages),
}

impl Files {
    /// How many files.
    pub fn count(&self) -> usize {
        match self {
            Files::Made(files) => files.len(),
            Files::ToDraw(pages) => pages.count(),
        }
    }

    /// Every file, page images drawn (within what one run draws) and held together: for a
    /// caller that wants them all at once (the editor's preview, a PDF).
    pub fn into_made(self) -> Result<Vec<Vec<u8>>, Error> {
        match self {
            Files::Made(files) => Ok(files),
            Files::ToDraw(pages) => Ok(pages.all()?),
        }
    }
}

/// A made document: each format's files, and how it was laid out (when it was).
#[derive(Debug, Clone)]
pub struct Made {
    pub artifacts: Vec<Artifact>,
    /// Its pages, when a back end laid it out (0 when none did: a web page alone).
    pub pages: usize,
    /// How the briefing was fitted to a page count, when it was asked to be.
    pub fit: Option<Fit>,
    /// What the layout warns of (a running head cut short), for the build's report.
    pub warnings: Vec<String>,
}

/// Makes `job` in each of `formats`, in that order, preparing it once for all of them.
pub fn make(job: &Job<'_>, ctx: &Context<'_>, formats: &[Format]) -> Result<Made, Error> {
    let doc = Prepared::new(*job, *ctx);
    let artifacts = formats
        .iter()
        .map(|&format| Ok(Artifact { format, files: format.backend().render(&doc)? }))
        .collect::<Result<Vec<_>, Error>>()?;
    let (pages, fit, warnings) =
        doc.laid.get().map_or((0, None, Vec::new()), |(d, fit)| (d.pages.len(), *fit, d.warnings.clone()));
    Ok(Made { artifacts, pages, fit, warnings })
}

/// A document ready for the back ends: the briefings as they print, and, made at most once
/// and only when a back end asks, its layout and its PDF.
pub struct Prepared<'a> {
    job: Job<'a>,
    ctx: Context<'a>,
    /// Each briefing as it prints with its theme (its language's quotes and dashes): the one
    /// of a single job, each of a parallel one or a dossier; none for a redline (compared as
    /// printed).
    printed: Cow<'a, [Briefing]>,
    laid: OnceCell<(layout::Document, Option<Fit>)>,
    pdf: OnceCell<Vec<u8>>,
}

impl<'a> Prepared<'a> {
    fn new(job: Job<'a>, ctx: Context<'a>) -> Prepared<'a> {
        let printed = match job {
            Job::Single { briefing, theme } => match as_printed(briefing, theme) {
                Cow::Borrowed(b) => Cow::Borrowed(std::slice::from_ref(b)),
                Cow::Owned(b) => Cow::Owned(vec![b]),
            },
            Job::Parallel { briefings, themes } => {
                Cow::Owned(briefings.iter().zip(themes).map(|(b, t)| as_printed(b, t).into_owned()).collect())
            }
            Job::Redline { .. } => Cow::Borrowed(&[][..]),
            Job::Dossier { items, themes, .. } => {
                Cow::Owned(items.iter().zip(themes).map(|(i, t)| as_printed(&i.briefing, t).into_owned()).collect())
            }
        };
        Prepared { job, ctx, printed, laid: OnceCell::new(), pdf: OnceCell::new() }
    }

    pub fn job(&self) -> &Job<'a> {
        &self.job
    }

    pub fn context(&self) -> &Context<'a> {
        &self.ctx
    }

    /// The briefing as it prints (the first of several).
    pub fn briefing(&self) -> &Briefing {
        match self.job {
            Job::Redline { redline, .. } => &redline.briefing,
            _ => &self.printed[0],
        }
    }

    /// The laid-out pages (fitted when asked), made on first use.
    pub fn layout(&self) -> &(layout::Document, Option<Fit>) {
        self.laid.get_or_init(|| {
            let (fonts, options) = (self.ctx.fonts, self.ctx.options);
            let logo_aspect = options.logo.as_deref().map(crate::pdf::Image::aspect);
            let plain = layout::Options { toc: false, logo_aspect };
            match self.job {
                Job::Single { theme, .. } => {
                    let b = self.briefing();
                    let options = layout::Options { toc: options.toc, ..plain };
                    let bytes = b.laid_out_bytes(options.toc);
                    match options_fit(self.ctx.options, theme) {
                        0 => (layout::layout(b, theme, fonts, options), None),
                        // (Too long to fit in bounded time: said, not skipped in silence.)
                        target if bytes > layout::MAX_FIT_BYTES => {
                            let mut doc = layout::layout(b, theme, fonts, options);
                            if doc.pages.len() > target {
                                doc.warnings.push(format!(
                                    "not fitted to {}: {} pages at the template's sizes; fitting is done for \
                                     briefings of up to {} KiB of text, and this one has {} KiB",
                                    pages(target),
                                    doc.pages.len(),
                                    layout::MAX_FIT_BYTES >> 10,
                                    bytes.div_ceil(1 << 10)
                                ));
                            }
                            (doc, None)
                        }
                        target => {
                            let (doc, fit) = layout::fit(b, theme, fonts, options, target);
                            (doc, Some(fit))
                        }
                    }
                }
                Job::Parallel { themes, .. } => {
                    let mut doc = layout::parallel(&self.printed, themes, fonts, plain);
                    // A template that fits its briefings (one-pager) does not fit columns:
                    // said, not skipped in silence (`--fit-pages` with --parallel is refused).
                    let fit = themes.first().map_or(0, |t| options_fit(self.ctx.options, t));
                    if fit > 0 && doc.pages.len() > fit {
                        doc.warnings.push(format!(
                            "the template fits a briefing on {}, but --parallel columns are not \
                             fitted: {} pages; build the languages one by one to fit them",
                            pages(fit),
                            doc.pages.len()
                        ));
                    }
                    // (Nor contents, which `--toc` with --parallel is refused for: text45b F45b-13.)
                    if themes.first().is_some_and(|t| t.toc) {
                        doc.warnings.push(
                            "the template asks for contents (`toc: true`), but --parallel columns have none; \
                             build the languages one by one for their contents"
                                .into(),
                        );
                    }
                    (doc, None)
                }
                Job::Redline { redline, since, theme } => {
                    let mut doc = layout::redline(redline, since, theme, fonts, plain);
                    if theme.toc {
                        doc.warnings.push(
                            "the template asks for contents (`toc: true`), but a redline has none; build the new \
                             briefing with the template for its contents"
                                .into(),
                        );
                    }
                    (doc, None)
                }
                Job::Dossier { themes, cover, cover_theme, lang, .. } => {
                    let options = layout::Options { toc: options.toc, ..plain };
                    let mut doc = layout::bundle(&self.printed, themes, cover, (cover_theme, lang), fonts, options);
                    if let Some(warning) = unfitted(&doc, themes, self.ctx.options) {
                        doc.warnings.push(warning);
                    }
                    (doc, None)
                }
            }
        })
    }

    /// The PDF, made on first use (by the PDF back end, or by one that draws from it).
    pub fn pdf(&self) -> Result<&[u8], Error> {
        if let Some(bytes) = self.pdf.get() {
            return Ok(bytes);
        }
        let bytes = pdf::render(self)?;
        Ok(self.pdf.get_or_init(|| bytes))
    }

    /// The document's metadata: for a briefing, its title, organisation, subject (or first
    /// sentence), topic titles, language and date; for a dossier, the cover's.
    pub fn metadata(&self) -> Metadata {
        match self.job {
            Job::Dossier { items, cover, lang, .. } => {
                let organisations: Vec<&String> = self.printed.iter().filter_map(|b| b.organisation.as_ref()).collect();
                let author = organisations
                    .first()
                    .filter(|first| organisations.iter().all(|o| o == *first))
                    .map(|o| (*o).clone());
                Metadata {
                    // (On one line, as a briefing's: text44b F44b-6.)
                    title: crate::pdf::one_line(&cover.title).into_owned(),
                    author,
                    subject: Some(match items.len() {
                        1 => "Dossier of 1 briefing".to_string(),
                        n => format!("Dossier of {n} briefings"),
                    }),
                    keywords: keywords(self.printed.iter().map(|b| &b.title)),
                    lang: lang.to_string(),
                    date: self.ctx.options.date.unwrap_or_else(|| cover.date.unix_seconds()),
                    draft: self.printed.iter().any(|b| b.draft),
                    attachments: {
                        let sources: Vec<Attachment> = items.iter().filter_map(|i| i.source.clone()).collect();
                        let names =
                            crate::pdf::distinct_names(&sources.iter().map(|a| a.name.clone()).collect::<Vec<_>>());
                        sources.into_iter().zip(names).map(|(a, name)| Attachment { name, ..a }).collect()
                    },
                }
            }
            _ => metadata(self.briefing(), self.ctx.options),
        }
    }
}

/// A template that fits its briefings (one-pager) does not fit a dossier's: said, not skipped
/// in silence (`bundle --fit-pages` is refused), naming the briefings (numbered as given, the
/// cover being owner 0) that take more pages than it fits on.
fn unfitted(doc: &layout::Document, themes: &[&Theme], options: &BuildOptions) -> Option<String> {
    let mut fit = 0;
    let mut over = Vec::new();
    for (i, theme) in themes.iter().enumerate() {
        let target = options_fit(options, theme);
        if target > 0 && doc.pages.iter().filter(|p| p.owner == i + 1).count() > target {
            fit = target;
            over.push((i + 1).to_string());
        }
    }
    // "briefing 2 of the 2 given takes more than 1 page": it was "briefing 2 takes more pages
    // (numbered as given)", hard to parse (text49b F49b-8).
    let given = themes.len();
    let which = match over.len() {
        0 => return None,
        1 => format!("briefing {} of the {given} given takes", over[0]),
        _ => format!("briefings {} of the {given} given take", crate::wording::and_list_at_most(&over, 10)),
    };
    Some(format!(
        "the template fits a briefing on {}, but a dossier's briefings are not fitted: {which} more than {0}; \
         `briefing build` fits each on its own",
        pages(fit)
    ))
}

/// "1 page", "2 pages".
fn pages(n: usize) -> String {
    if n == 1 {
        "1 page".to_string()
    } else {
        format!("{n} pages")
    }
}

/// The page count to fit a single briefing on: `--fit-pages`, else the template's; 0 is off.
fn options_fit(options: &BuildOptions, theme: &Theme) -> usize {
    options.fit_pages.unwrap_or(theme.fit_pages.0) as usize
}

/// `b` as it prints with `theme`: with the language's quotes and dashes when the theme asks
/// for typographic punctuation.
pub fn as_printed<'b>(b: &'b Briefing, theme: &Theme) -> Cow<'b, Briefing> {
    if theme.smart_punctuation {
        Cow::Owned(crate::punctuation::briefing(b))
    } else {
        Cow::Borrowed(b)
    }
}

/// A briefing's metadata: title, author (the organisation), subject (`subject:` or the first
/// sentence of the summary), keywords (the topic titles), language and dates.
pub fn metadata(b: &Briefing, options: &BuildOptions) -> Metadata {
    let subject = b.subject.clone().or_else(|| {
        let first = b.summary.iter().find_map(|block| match block {
            // In a redline, the new version's text: what was deleted is put back only to be
            // seen struck through.
            markdown::Block::Paragraph(inl) => Some(
                inl.iter().filter(|i| i.change != Some(Change::Deleted)).map(|i| i.text.as_str()).collect::<String>(),
            ),
            _ => None,
        })?;
        Some(first_sentence(&first, &b.lang).to_string())
    });
    // (On one line, as a title bar shows them: text43a F43a-28, a title typed over two lines
    // showed its first.)
    let line = |text: &String| crate::pdf::one_line(text).into_owned();
    let titles: Vec<String> =
        b.topics.iter().filter(|t| t.change != Some(Change::Deleted)).map(|t| line(&t.title)).collect();
    Metadata {
        title: line(&b.title),
        author: b.organisation.as_ref().map(line),
        subject: subject.as_ref().map(line),
        keywords: keywords(titles.iter()),
        lang: b.lang.clone(),
        date: options.date.unwrap_or_else(|| b.date.unix_seconds()),
        draft: b.draft,
        attachments: options.source.iter().cloned().collect(),
    }
}

/// The most bytes of titles the PDF's keywords hold (in its XMP, which is not compressed, and
/// in its document information): a search tool's handful, not a second table of contents. A
/// briefing of 4,000 long titles wrote them twice over, 7.6 MB.
const MAX_KEYWORDS: usize = 2000;

/// The titles that are the PDF's keywords: the first ones, as many as [`MAX_KEYWORDS`] holds
/// (the first one cut there, if it alone is longer).
fn keywords<'a>(titles: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut bytes = 0;
    let mut out: Vec<String> = Vec::new();
    for t in titles {
        bytes += t.len();
        if bytes > MAX_KEYWORDS {
            if out.is_empty() {
                let cut = (0..=MAX_KEYWORDS).rev().find(|&k| t.is_char_boundary(k)).unwrap_or(0);
                out.push(t[..cut].to_string());
            }
            break;
        }
        out.push(t.clone());
    }
    out
}

/// Up to and including the first full stop that ends a sentence. A full stop ends one where
/// a space and then a capital, a digit or an opening mark follows (or nothing), and not after
/// an abbreviation: a single letter (`J. Smith`), letters with stops (`E.U.`, `z.B.`), or one
/// of [`ABBREVIATIONS`] (`Dr.`, `Art. 5`).
fn first_sentence<'t>(text: &'t str, lang: &str) -> &'t str {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Languages that write an ordinal number with a full stop (`am 1. Oktober`, `5. kokous`):
    // a number's full stop ends no sentence there (text42a F42a-7: "Am 1.").
    let primary = lang.split('-').next().unwrap_or(lang);
    let ordinals = ORDINAL_STOPS.contains(&primary);
    // Brackets open at each character: no sentence ends inside them (`The EU (incl. DG …)`).
    let mut open = 0usize;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let end = i + c.len_utf8();
        match c {
            '(' | '（' | '[' => open += 1,
            ')' | '）' | ']' => open = open.saturating_sub(1),
            _ => {}
        }
        let ends = match c {
            '。' | '！' | '？' | '．' => open == 0,
            '.' | '!' | '?' => {
                let spaced = chars.get(k + 1).is_none_or(|(_, n)| n.is_whitespace());
                let next = chars[k + 1..].iter().map(|&(_, n)| n).find(|n| !n.is_whitespace());
                let starts = next.is_none_or(|n| n.is_uppercase() || n.is_numeric() || "\"'“‘«„(".contains(n));
                let word = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
                let ordinal = ordinals && !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
                spaced && starts && open == 0 && (c != '.' || !abbreviation(&text[..i]) && !ordinal)
            }
            _ => false,
        };
        if ends {
            return &text[..end];
        }
    }
    text
}

/// Words that end with a full stop that ends no sentence, in the languages briefings are
/// written in (compared without case).
/// (Titles too: `doc.`, `Ing.`, `Mgr.` before a Czech or Slovak name, `Dott.`, `Sig.`, `Hon.`,
/// `Amb.`; text43a F43a-13, "… prof. Novák a doc.".)
/// (Hungarian `kb.`, `ill.`, `stb.`, Bulgarian `гр.`, `ул.`, Polish `np.`, `tzw.`, `ul.`,
/// Romanian `str.`, `dl.`, Greek `κ.`…; text49a F49a-25: the Subject ended "Az ülés kb.".)
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "nr", "art", "arts", "fig", "vol", "p", "pp", "para", "sec",
    "ch", "cf", "vs", "approx", "ca", "abs", "vgl", "bzw", "inkl", "mme", "mlle", "sr", "sra", "dña", "núm", "ust",
    "par", "incl", "excl", "resp", "dept", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "doc", "ing", "mgr", "dott", "sig", "hon", "amb", "kb", "ill", "stb", "pl", "ún", "vö", "sz", "гр", "ул",
    "бул", "пл", "проф", "доц", "акад", "напр", "вкл", "стр", "чл", "ал", "np", "tzw", "ul", "godz", "wg", "pkt", "al",
    "dz", "poz", "ds", "str", "dl", "dna", "alin", "lit", "κ", "κα", "δρ", "αρ", "σελ",
];

/// Languages whose ordinal numbers take a full stop (`1. Oktober`, `12. toukokuuta`).
const ORDINAL_STOPS: [&str; 17] =
    ["de", "da", "no", "nb", "nn", "fi", "cs", "sk", "sl", "hr", "hu", "et", "lv", "is", "sr", "bs", "pl"];

/// Whether `before` (the text before a full stop) ends with an abbreviation.
fn abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || "(\"'“‘«„".contains(c)).next().unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // (A short word after an apostrophe is a title after an article, `L'On.`, Italian's for
    // an MP: text43a F43a-13.)
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let elided = last.rsplit_once(['\'', '’']).is_some_and(|(article, title)| {
        (1..=2).contains(&article.chars().count())
            && (2..=4).contains(&title.chars().count())
            && title.starts_with(char::is_uppercase)
    });
    letters > 0
        && (word.chars().count() == 1
            || word.contains('.')
            || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
            || elided)
}

#[cfg(test)]
mod tests {
    use super::{keywords, MAX_KEYWORDS};

    #[test]
    fn keywords_are_the_first_titles_within_their_bound() {
        let titles: Vec<String> = (0..1000).map(|i| format!("Topic {i} on data flows")).collect();
        let k = keywords(titles.iter());
        assert!(k.len() > 10 && k.len() < 1000 && k.iter().map(String::len).sum::<usize>() <= MAX_KEYWORDS, "{k:?}");
        assert_eq!(k[..], titles[..k.len()]);
        let long = ["日本".repeat(2000)];
        let k = keywords(long.iter());
        assert!(k.len() == 1 && k[0].len() <= MAX_KEYWORDS && long[0].starts_with(&k[0]));
        assert_eq!(keywords([String::from("One")].iter()), ["One"]);
    }

    fn first_sentence_en(text: &str) -> &str {
        super::first_sentence(text, "en")
    }

    /// text42a F42a-7: "Am 1." and "The EU (incl." were the whole Subject.
    #[test]
    fn first_sentence_goes_past_ordinals_abbreviations_and_brackets() {
        let de = "Am 1. Oktober 2026 trafen sich die Delegationen in Brüssel. Sie vereinbarten mehr.";
        assert_eq!(super::first_sentence(de, "de"), "Am 1. Oktober 2026 trafen sich die Delegationen in Brüssel.");
        assert_eq!(super::first_sentence("Die 5. Sitzung fand statt. Dann.", "de-AT"), "Die 5. Sitzung fand statt.");
        let en = "The EU (incl. DG CONNECT) and Japan met on 1 Oct. 2026 in Tokyo. They agreed.";
        assert_eq!(first_sentence_en(en), "The EU (incl. DG CONNECT) and Japan met on 1 Oct. 2026 in Tokyo.");
        assert_eq!(first_sentence_en("Both met in 2019. Then more."), "Both met in 2019.");
        assert_eq!(super::first_sentence("日本．欧州．", "ja"), "日本．");
        // text43a F43a-13: a title before a name, and one after an elided article.
        let cs = "Jednání se zúčastnil prof. Novák a doc. Dvořák. Strany se dohodly.";
        assert_eq!(super::first_sentence(cs, "cs"), "Jednání se zúčastnil prof. Novák a doc. Dvořák.");
        let it = "L’On. Rossi ha incontrato il ministro a Bruxelles. Poi altro.";
        assert_eq!(super::first_sentence(it, "it"), "L’On. Rossi ha incontrato il ministro a Bruxelles.");
        assert_eq!(first_sentence_en("They met the EU’s. Then more."), "They met the EU’s.");
        // text49a F49a-25: Hungarian, Bulgarian and Polish abbreviations.
        for (text, lang) in [
            ("Az ülés kb. 3 órán át tartott, ill. folytatódott. Második.", "hu"),
            ("Сесията се проведе в гр. София, ул. Витоша. Втора.", "bg"),
            ("Spotkanie dotyczyło m.in. ochrony danych, np. RODO. Drugie.", "pl"),
        ] {
            let want = &text[..text.rfind(". ").unwrap() + 1];
            assert_eq!(super::first_sentence(text, lang), want, "{text}");
        }
    }

    #[test]
    fn first_sentence_stops_at_the_first_full_stop() {
        assert_eq!(first_sentence_en("One. Two."), "One.");
        assert_eq!(first_sentence_en("Version 2.0 is out. Yes."), "Version 2.0 is out.");
        assert_eq!(first_sentence_en("日本。欧州。"), "日本。");
        assert_eq!(first_sentence_en("No stop"), "No stop");
        assert_eq!(first_sentence_en("Done! Then more."), "Done!");
        // Abbreviations end no sentence.
        for text in [
            "Dr. Smith and the **E.U.** delegation met. Then.",
            "The E.U. and Japan met. Then.",
            "Under Art. 5 both sides met. Then.",
            "Die Kommission u. a. traf Japan. Dann.",
            "J. Smith met us, e.g. on Monday. Then.",
            "It rose to 2.5 per cent. Then.",
        ] {
            let want = &text[..text.rfind(". ").unwrap() + 1];
            assert_eq!(first_sentence_en(text), want, "{text}");
        }
        assert_eq!(first_sentence_en("We met. 5G was discussed."), "We met.");
        assert_eq!(first_sentence_en("We met. \"Good,\" they said."), "We met.");
    }
}

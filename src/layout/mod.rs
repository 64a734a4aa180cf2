//! Layout: a checked briefing, a theme and fonts in; positioned pages out. Pure: no I/O, no
//! PDF. One file per part of the briefing (`title`, `section`, `contact`, `toc`), with the
//! Markdown bodies in `body`, the running header and footer in `running` (its marking in
//! `marking`), and the machinery they share in `text` (setting lines), `flow` (blocks) and
//! `paginate` (cutting pages).

mod body;
mod capitals;
mod contact;
mod cut;
mod fit;
pub mod flow;
pub mod jlreq;
mod marking;
mod paginate;
mod parallel;
mod redline;
mod running;
mod section;
pub mod structure;
pub mod text;
mod title;
mod toc;

// What the web page (`html`) shares with the PDF: the same numbers, office line and links.
pub use contact::{field_target, mail_target, office_line, web_target};
pub use section::{achievements, overview_change, topic_numbers};
pub use title::logo_alt;

use crate::fonts::{FaceId, FontBook, FontStyle};
use crate::model::Briefing;
use crate::theme::{Rgb, Theme};

pub use fit::{fit, MAX_FIT_BYTES};
use flow::Flow;
pub use parallel::parallel;
pub use redline::redline;
pub use structure::{Artifact, NodeId, Role, Structure, Tag};

/// Text in one face, size and colour at a position. Coordinates are points from the page's
/// top-left corner; `baseline` is the y of the text's baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextItem {
    pub x: f32,
    pub baseline: f32,
    pub face: FaceId,
    pub size: f32,
    pub color: Rgb,
    pub text: String,
    /// Advance width of `text`, in points.
    pub width: f32,
    /// The style the text asks for. When `face` lacks it (a Japanese heading set in a
    /// fallback face with no bold), the PDF writer draws it emboldened or slanted.
    pub style: FontStyle,
    /// The structure element the text belongs to, or the artifact it is.
    pub tag: Tag,
    /// Extra space, in points, after the first `k` characters of `text`, for each `(k, space)`
    /// in increasing `k`: justification, and punctuation compression (negative). `width`
    /// includes it.
    pub gaps: Vec<(u32, f32)>,
    /// What the text reads as, when that is not what its glyphs say (the PDF's `/ActualText`):
    /// a word hyphenated across lines whole on its first part and empty on the rest, Japanese
    /// spaced beside Latin text or stretched as typed, capitals as typed. Consecutive items on
    /// one line that have it are read as one.
    pub actual: Option<String>,
}

/// Where a link leads.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// A web or e-mail address.
    Uri(String),
    /// An outline anchor of this document (a contents entry), until pagination resolves it.
    Anchor(usize),
    /// A place in this document: page index and the y of the top of what is linked to.
    Page { page: usize, y: f32 },
}

/// Something on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextItem),
    /// A straight line: an artifact (rules, frames, borders, change marks), but for the
    /// first mark of a change, which carries the change's label in its own language (see
    /// `layout::flow::changes`).
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        color: Rgb,
        tag: Tag,
    },
    /// A clickable area (not drawn) of link element `node`: the link's text is printed by
    /// `Text` items.
    Link {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        target: LinkTarget,
        node: NodeId,
    },
    /// A list bullet, drawn as a shape rather than set as a character: the `- ` it stands
    /// for is Markdown, not text, so the text read back from the page has no character for
    /// it. `x` is its left edge; it sits on the line whose baseline is `baseline`.
    Bullet {
        x: f32,
        baseline: f32,
        size: f32,
        color: Rgb,
        shape: BulletShape,
    },
    /// A contents line's dot leaders, drawn as `count` round dots rather than set as
    /// characters (an artifact: text read from the page has none): the first dot's centre is at
    /// `x`, each next one `step` to the right; they sit on the line whose baseline is
    /// `baseline`, as a full stop of text of `size` (in bold when `bold`) would. A thousand briefings' contents set
    /// as `. . .` held two thirds of the characters of the dossier (text45b F45b-4).
    Leaders {
        x: f32,
        baseline: f32,
        count: u32,
        step: f32,
        size: f32,
        bold: bool,
        color: Rgb,
    },
    /// The template's logo, scaled into this box (top-left corner, size), as figure `node`.
    Logo {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        node: NodeId,
    },
}

impl Item {
    /// The same item moved right by `dx` and down by `dy`.
    fn shifted(mut self, dx: f32, dy: f32) -> Item {
        match &mut self {
            Item::Text(t) => {
                t.x += dx;
                t.baseline += dy;
            }
            Item::Line { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
            Item::Link { x, y, .. } | Item::Logo { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Item::Bullet { x, baseline, .. } | Item::Leaders { x, baseline, .. } => {
                *x += dx;
                *baseline += dy;
            }
        }
        self
    }
}

/// Bullets alternate by list depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulletShape {
    /// A filled round dot (•), for the outer list and every other level below it.
    Dot,
    /// A short bar (–).
    Dash,
}

impl BulletShape {
    /// Width of the shape, in em.
    pub fn width(self) -> f32 {
        match self {
            BulletShape::Dot => 0.27,
            BulletShape::Dash => 0.42,
        }
    }
}

/// One page of the briefing.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub items: Vec<Item>,
    /// The briefing the page belongs to (in a dossier, 0 is the cover).
    pub owner: usize,
}

/// An entry of the PDF outline (bookmarks).
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    /// Nesting depth: 0 for sections, 1 for topics under a section (one more in a dossier).
    pub level: u8,
    /// Page index from 0, and the y of the heading's top.
    pub page: usize,
    pub y: f32,
}

/// Big diagonal text across every page (`draft: true`), in the briefing's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Watermark {
    /// The word, in runs of one face each (a Japanese word comes from the Japanese face).
    pub runs: Vec<(FaceId, String)>,
    pub size: f32,
    pub color: Rgb,
    /// Width of the text at `size`, in points (for centring).
    pub width: f32,
    /// The figure element the first page's watermark is, so that a screen reader says the
    /// document is a draft (on later pages, and for later briefings of a dossier, it is an
    /// artifact).
    pub node: Option<NodeId>,
}

/// The laid-out briefing.
#[derive(Debug, Clone)]
pub struct Document {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    /// The draft watermark of each page owner (a briefing, or a dossier's cover), in the
    /// owner's language; `None` for owners that are not drafts.
    pub watermarks: Vec<Option<Watermark>>,
    /// The logical structure; every drawn item's tag points into it.
    pub structure: Structure,
    /// What the reader of the build's report should know about the pages (a running head
    /// cut short), each once.
    pub warnings: Vec<String>,
}

/// Options that come from the command line rather than the template.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Force a table of contents.
    pub toc: bool,
    /// The logo's height over its width, when the template has a logo.
    pub logo_aspect: Option<f32>,
}

/// The cover of a dossier of several briefings.
#[derive(Debug, Clone)]
pub struct Cover {
    pub title: String,
    /// The title's language when it is not the cover's (a briefing's heading, say).
    pub title_lang: Option<String>,
    pub date: crate::model::Date,
}

/// The content area's left edge and width.
fn content_box(theme: &Theme) -> (f32, f32) {
    let page = &theme.page;
    let left = page.margin_left.pt();
    (left, page.size.width - left - page.margin_right.pt())
}

/// The space between two columns of text: see [`Theme::gutter`].
fn gutter(theme: &Theme) -> f32 {
    theme.gutter()
}

/// Cuts the flow into pages, adds running header and footer (`owners[i]` is the briefing
/// whose title and date page furniture shows for blocks of owner `i`) and the watermark.
/// `second` is the second column of a parallel document, `cover` a dossier cover's markings
/// for its running line (see [`running::decorate`]).
fn finish(
    mut flow: Flow<'_>,
    owners: &[(&Briefing, &Theme, bool)],
    (second, cover): (running::Second<'_>, running::CoverMarkings<'_>),
    fonts: &FontBook,
) -> Document {
    let theme = owners[0].1;
    let page = &theme.page;
    let top = page.margin_top.pt();
    let bottom = page.size.height - page.margin_bottom.pt();
    let mut doc = paginate::paginate(&mut flow, top, bottom, page.size.width, page.size.height);
    let parents: Vec<NodeId> =
        (0..owners.len()).map(|i| flow.owner_nodes.get(i).copied().unwrap_or(Structure::ROOT)).collect();
    running::decorate(&mut doc, owners, &parents, (second, cover), fonts);
    // Each draft's first page says so to a reader (a figure read before its marking and
    // title); its other pages carry the watermark as an artifact.
    doc.watermarks = owners
        .iter()
        .enumerate()
        .map(|(i, &(_, theme, draft))| {
            let has_pages = doc.pages.iter().any(|p| p.owner == i);
            draft.then(|| watermark(theme, fonts, &mut doc.structure, has_pages.then_some(parents[i])))
        })
        .collect();
    doc
}

/// Lays out a whole briefing.
pub fn layout(b: &Briefing, theme: &Theme, fonts: &FontBook, options: Options) -> Document {
    let (left, width) = content_box(theme);
    let mut flow = Flow::new(fonts, theme, left, width, &b.lang);
    if let Some(aspect) = options.logo_aspect {
        title::logo(&mut flow, aspect, b);
    }
    title::title_block(&mut flow, b);
    // The contents go after the title block; they are set last because they list the
    // anchors the sections make.
    let toc = (options.toc || theme.toc).then(|| toc::reserve(&mut flow));
    section::sections(&mut flow, b);
    contact::contact_block(&mut flow, &b.contact);
    if let Some(place) = toc {
        toc::contents(&mut flow, place, u8::MAX);
    }
    finish(flow, &[(b, theme, b.draft)], (None, None), fonts)
}

/// The outcome of fitting a briefing to a page count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The page count asked for.
    pub pages: usize,
    /// The scale type and spacing were set at (1 = the template's sizes).
    pub scale: f32,
    /// The body size that gives, in points.
    pub body_size: f32,
    /// Whether it fits; when not, it was set at the floor and `Output::pages` says how many
    /// pages that took.
    pub fits: bool,
    /// How many rounds of layouts finding it took (a round lays out one scale, or two side by
    /// side on a machine with two cores or more).
    pub layouts: usize,
}

/// The markings of a dossier's briefings, each once, in their order, each with the language
/// of the briefing it was first found in: a cover speaks for all of them.
fn cover_markings<'b>(briefings: &[&'b Briefing]) -> Vec<(&'b str, &'b str)> {
    let mut parts: Vec<(&str, &str)> = Vec::new();
    for b in briefings {
        let Some(m) = b.marking.as_deref().map(str::trim).filter(|m| !m.is_empty()) else { continue };
        if !parts.iter().any(|p| p.0 == m) {
            parts.push((m, &b.lang));
        }
    }
    parts
}

/// The marking of a dossier's cover: every marking of its briefings, each once, in their
/// order (`For official use only / Confidential`); a cover speaks for all of them. With it,
/// the language the markings are written in when they share one (`""` when they do not).
fn cover_marking(briefings: &[Briefing]) -> (Option<String>, String) {
    let parts = cover_markings(&briefings.iter().collect::<Vec<_>>());
    ((!parts.is_empty()).then(|| joined(&parts)), shared_lang(&parts).to_string())
}

/// Markings (of [`cover_markings`]) as a cover prints them, one after another.
fn joined(parts: &[(&str, &str)]) -> String {
    parts.iter().map(|p| p.0).collect::<Vec<_>>().join(" / ")
}

/// The language markings (of [`cover_markings`]) share, `""` when they do not.
fn shared_lang<'b>(parts: &[(&str, &'b str)]) -> &'b str {
    match parts.split_first() {
        Some((first, rest)) if rest.iter().all(|p| p.1 == first.1) => first.1,
        _ => "",
    }
}

/// Lays out a dossier: a cover with the list of briefings and their pages, then each
/// briefing from a new page, with bookmarks per briefing (sections and topics under it) and
/// page numbers running through. Each briefing is a section of the structure, set with its
/// own theme (`themes[i]`: its language's labels, dates and typesetting) and marked a draft
/// only if it is one; the cover is set with `theme`, in `lang`, and is a draft when every
/// briefing is. The contents list the briefings; with `options.toc` (or the cover theme's
/// `toc`), each briefing's sections and topics under it too.
pub fn bundle(
    briefings: &[Briefing],
    themes: &[&Theme],
    cover: &Cover,
    (theme, lang): (&Theme, &str),
    fonts: &FontBook,
    options: Options,
) -> Document {
    let (left, width) = content_box(theme);
    let mut flow = Flow::new(fonts, theme, left, width, lang);
    // The cover page's furniture shows the dossier's title and date, and its marking is in
    // the language of its briefings' markings.
    let (marking, marking_lang) = cover_marking(briefings);
    let cover_owner = Briefing {
        title: cover.title.clone(),
        short_title: cover.title.clone(),
        date: cover.date,
        organisation: None,
        summary: Vec::new(),
        heading: None,
        overview: Vec::new(),
        topics: Vec::new(),
        contact: Default::default(),
        subject: None,
        lang: marking_lang,
        lang_detected: false,
        marking,
        draft: false,
    };
    // The markings of the briefings, each in its language: printed in full under the cover's
    // title when they are too long together for its running line, else on that line.
    let markings: Vec<(String, String)> = cover_markings(&briefings.iter().collect::<Vec<_>>())
        .into_iter()
        .map(|(m, lang)| (m.to_string(), marking::marking_language(m, lang)))
        .collect();
    let in_full = title::cover(&mut flow, cover, &markings);
    let toc = toc::reserve(&mut flow);
    flow.owner_nodes.push(Structure::ROOT);
    for (i, b) in briefings.iter().enumerate() {
        flow.owner = i + 1;
        flow.page_break();
        flow.lang = b.lang.clone();
        flow.anchor("", &b.title, 0);
        flow.level_offset = 1;
        flow.theme = themes.get(i).copied().unwrap_or(theme);
        let (sect, outer) = flow.enter(Role::Sect);
        flow.owner_nodes.push(sect);
        title::title_block(&mut flow, b);
        section::sections(&mut flow, b);
        contact::contact_block(&mut flow, &b.contact);
        flow.leave(outer);
        flow.level_offset = 0;
    }
    flow.lang = lang.to_string();
    flow.theme = theme;
    toc::contents(&mut flow, toc, if options.toc || theme.toc { u8::MAX } else { 0 });
    let all_drafts = !briefings.is_empty() && briefings.iter().all(|b| b.draft);
    let owners: Vec<(&Briefing, &Theme, bool)> = std::iter::once((&cover_owner, theme, all_drafts))
        .chain(briefings.iter().enumerate().map(|(i, b)| (b, themes.get(i).copied().unwrap_or(theme), b.draft)))
        .collect();
    finish(flow, &owners, (None, Some(if in_full { &[] } else { &markings })), fonts)
}

/// The template's draft label, set in the faces that have its characters, at the template's
/// size unless that leaves it shorter than a third of the page's diagonal (案, one glyph) or
/// longer than three quarters of it (a long custom label on a small page). With a `figure`
/// parent, its first page's watermark is a figure read first in that element.
fn watermark(theme: &Theme, fonts: &FontBook, structure: &mut Structure, figure: Option<NodeId>) -> Watermark {
    let style = &theme.styles.watermark;
    let fstyle = FontStyle { bold: style.bold, italic: style.italic };
    let size = style.size.0;
    let mut runs: Vec<(FaceId, String)> = Vec::new();
    let mut width = 0.0;
    for c in theme.labels.draft.chars() {
        let Some(face) = fonts.face_for(c, fstyle) else { continue };
        width += fonts.metrics(face).map_or(0.0, |m| m.char_width(c)) * size;
        match runs.last_mut() {
            Some((f, s)) if *f == face => s.push(c),
            _ => runs.push((face, c.to_string())),
        }
    }
    let page = &theme.page.size;
    let diagonal = page.width.hypot(page.height);
    let scale = if width > 0.0 { (diagonal / 3.0 / width).max(1.0).min(0.75 * diagonal / width) } else { 1.0 };
    let node = figure.map(|parent| {
        let lang = structure.lang_of(parent).to_string();
        let node = structure.add_first(parent, Role::Figure, &lang);
        structure.set_alt(node, &theme.labels.draft);
        structure.content(node);
        node
    });
    Watermark { runs, size: size * scale, color: style.color, width: width * scale, node }
}

/// Formats a date with the template's `date_format` and month names (English ones when
/// `months` does not hold twelve).
pub fn format_date(date: crate::model::Date, format: &str, months: &[String]) -> String {
    let index = usize::from(date.month().clamp(1, 12)) - 1;
    let month = match months.get(index) {
        Some(name) if months.len() == 12 => name.as_str(),
        _ => crate::model::MONTH_NAMES[index],
    };
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let unpadded = chars.peek() == Some(&'-');
        if unpadded {
            chars.next();
        }
        match (chars.next(), unpadded) {
            (Some('Y'), _) => out.push_str(&date.year().to_string()),
            (Some('B'), _) => out.push_str(month),
            (Some('b'), _) => out.extend(month.chars().take(3)),
            (Some('d'), false) => out.push_str(&format!("{:02}", date.day())),
            (Some('d'), true) => out.push_str(&date.day().to_string()),
            (Some('m'), false) => out.push_str(&format!("{:02}", date.month())),
            (Some('m'), true) => out.push_str(&date.month().to_string()),
            (Some('%'), _) => out.push('%'),
            (Some(other), _) => {
                out.push('%');
                out.push(other);
            }
            (None, _) => out.push('%'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn dates_format_like_the_template_says() {
        let d = Date::new(2020, 10, 6).unwrap();
        assert_eq!(format_date(d, "%B %-d, %Y", &[]), "October 6, 2020");
        assert_eq!(format_date(d, "%d %b %Y", &[]), "06 Oct 2020");
        assert_eq!(format_date(d, "%Y年%-m月%-d日", &[]), "2020年10月6日");
        assert_eq!(format_date(d, "%Y-%m-%d 100%%", &[]), "2020-10-06 100%");
        let french: Vec<String> = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"]
            .into_iter()
            .chain(["septembre", "octobre", "novembre", "décembre"])
            .map(String::from)
            .collect();
        let august = Date::new(2021, 8, 30).unwrap();
        assert_eq!(format_date(august, "%-d %B %Y", &french), "30 août 2021");
        // Short names are cut by characters, not bytes.
        assert_eq!(format_date(august, "%b", &french), "aoû");
    }
}

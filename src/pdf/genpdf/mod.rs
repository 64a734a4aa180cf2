//! The drawing layer: the only code that names genpdf or printpdf (the user chose genpdf).
//!
//! genpdf draws each page's text and lines; what it wrote is read back (`parse.rs`) into the
//! document's own terms, one [`Drawn`] per layout item, so the rest of `pdf/` never sees
//! genpdf's fonts, encodings, units or content-stream layout. How stand-in characters keep
//! printpdf from embedding fonts itself is in `proxy.rs`.

mod parse;
mod proxy;

use genpdf::fonts::{FontCache, FontData, FontFamily};
use genpdf::render::Renderer;
use genpdf::style::{Color, Style};
use genpdf::{Mm, Position, Size};

use super::content::{Drawn, Shown, ShownText};
use super::embed::Plan;
use super::PdfError;
use crate::layout::{Document, Item, Page, TextItem};
use proxy::Slots;

impl From<genpdf::error::Error> for PdfError {
    fn from(e: genpdf::error::Error) -> Self {
        PdfError::Backend(e.to_string())
    }
}

/// What genpdf was asked to draw for one item, so that its output can be read back.
#[derive(Debug, Clone, PartialEq)]
enum Asked {
    Nothing,
    /// A text object with these slots, one `Tf`/`TJ` pair each.
    Text(Vec<usize>),
    Line,
}

/// Draws the document's pages, in runs (see [`WORK_PER_CHUNK`]): for each run, per page, what
/// was drawn for each of its items (`None` for items genpdf does not draw: links, bullets,
/// the logo).
pub fn draw<'a>(
    doc: &'a Document,
    plan: &'a Plan,
) -> impl ExactSizeIterator<Item = Result<Vec<Vec<Option<Drawn>>>, PdfError>> + Send + 'a {
    let slots = Slots::new(plan);
    chunks(doc).into_iter().map(move |range| draw_run(doc, plan, &slots, &doc.pages[range]))
}

/// The font program genpdf is given for every font: any will do (see `draw_run`), so it is
/// Noto Sans cut down to nothing, as [`FontBook::subset`] cuts it with no glyphs (a test
/// checks that it still is). Cutting it at every build took as long as drawing the seed's
/// pages.
const STAND_IN: &[u8] = include_bytes!("../../../fonts/stand-in.ttf");

fn mm(pt: f32) -> Mm {
    Mm::from(f64::from(pt) * 25.4 / 72.0)
}

fn color(c: crate::theme::Rgb) -> Color {
    Color::Rgb(c.0, c.1, c.2)
}

fn draw_run(doc: &Document, plan: &Plan, slots: &Slots, pages: &[Page]) -> Result<Vec<Vec<Option<Drawn>>>, PdfError> {
    let size = Size::new(mm(doc.width), mm(doc.height));
    let conformance = printpdf::PdfConformance::Custom(printpdf::CustomPdfConformance {
        requires_icc_profile: false,
        requires_xmp_metadata: false,
        ..Default::default()
    });
    let mut renderer = Renderer::new(size, "")?.with_conformance(conformance);
    for _ in 1..pages.len() {
        renderer.add_page(size);
    }
    // One genpdf font per plan font, all as the same standard font over the same stand-in
    // font program: the place of every piece is our layout's (`exact`), and its slot is known
    // from the order it was printed in, so genpdf needs no metrics of its own, and drawing
    // need not wait for the subsets.
    let data = |_: usize| FontData::new(STAND_IN.to_vec(), Some(printpdf::BuiltinFont::Helvetica));
    let mut handles = Vec::new();
    let mut cache = None;
    if !plan.fonts.is_empty() {
        let first = data(0)?;
        let family =
            FontFamily { regular: first.clone(), bold: first.clone(), italic: first.clone(), bold_italic: first };
        let mut c = FontCache::new(family);
        handles.push(c.default_font_family().regular);
        for i in 1..plan.fonts.len() {
            handles.push(c.add_font(data(i)?));
        }
        c.load_pdf_fonts(&renderer)?;
        cache = Some(c);
    }
    let mut asked = vec![Vec::new(); pages.len()];
    for (i, page) in pages.iter().enumerate() {
        let Some(p) = renderer.get_page(i) else { continue };
        let area = p.first_layer().area();
        for item in &page.items {
            let what = match item {
                Item::Text(t) => match (&cache, plan.font_of(t.face)) {
                    (Some(cache), Some(font)) => text(&area, cache, handles[font], slots, font, t)?,
                    _ => Asked::Nothing,
                },
                Item::Line { x1, y1, x2, y2, color: c, .. } => {
                    let points = vec![Position::new(mm(*x1), mm(*y1)), Position::new(mm(*x2), mm(*y2))];
                    area.draw_line(points, Style::new().with_color(color(*c)));
                    Asked::Line
                }
                Item::Link { .. } | Item::Logo { .. } | Item::Bullet { .. } | Item::Leaders { .. } => Asked::Nothing,
            };
            asked[i].push(what);
        }
    }
    let mut pdf = Vec::new();
    renderer.write(&mut pdf)?;
    let written = lopdf::Document::load_mem(&pdf)?;
    let mut out = Vec::with_capacity(pages.len());
    for (k, (_, page_id)) in written.get_pages().into_iter().enumerate() {
        let content = written.get_page_content(page_id)?;
        let page_items = pages.get(k).map_or(&[][..], |p| &p.items[..]);
        let mut drawn = parse::page(&content, asked.get(k).map_or(&[][..], Vec::as_slice), page_items, plan, slots)?;
        for (item, d) in page_items.iter().zip(&mut drawn) {
            if let (Item::Text(t), Some(Drawn::Text(shown))) = (item, d) {
                exact(shown, t, doc.height);
            }
        }
        out.push(drawn);
    }
    Ok(out)
}

/// genpdf's nearest whole size for `size` points.
fn whole_points(size: f32) -> u8 {
    size.round().clamp(1.0, 255.0) as u8
}

/// What genpdf drew for `t`, at `t`'s own size and place (genpdf knows whole sizes only), with
/// the layout's spacing adjustments (justification, punctuation compression, the quarter em
/// beside Latin text) put into what is shown. A space after a glyph that is not a space
/// character widens that glyph's advance (character spacing), so that poppler, which turns
/// the gap between two marked spans into a space, hears none where a link or a change meets
/// spaced Japanese (pdf.js and PDFium still count character spacing as a gap); other
/// adjustments are `TJ` numbers.
fn exact(shown: &mut ShownText, t: &TextItem, page_height: f32) {
    shown.size = t.size;
    shown.x = t.x;
    shown.y = page_height - t.baseline;
    if t.gaps.is_empty() || t.size <= 0.0 {
        return;
    }
    let codes = shown.codes();
    let chars: Vec<char> = t.text.chars().collect();
    // One code per character drawn; if that ever does not hold, the text is shown unadjusted
    // rather than adjusted in the wrong places.
    if codes.len() != chars.len() {
        return;
    }
    let mut out = Vec::with_capacity(t.gaps.len() * 2 + 1);
    // TJ numbers are thousandths of an em, and move the next glyph left when positive.
    let adjust = |out: &mut Vec<Shown>, extra: f32| {
        let n = -extra * 1000.0 / t.size;
        match out.last_mut() {
            Some(Shown::Adjust(a)) => *a += n,
            _ => out.push(Shown::Adjust(n)),
        }
    };
    let mut after = vec![0.0f32; codes.len()];
    let last = codes.len().saturating_sub(1);
    for &(k, extra) in &t.gaps {
        // (A gap past the last glyph is the last glyph's; one before the first, or in a run
        // with no glyph, a TJ number.)
        match (k as usize).checked_sub(1) {
            Some(i) if !after.is_empty() => after[i.min(last)] += extra,
            _ => adjust(&mut out, extra),
        }
    }
    for (k, ((&code, &ch), &extra)) in codes.iter().zip(&chars).zip(&after).enumerate() {
        // A space glyph's extra space is a TJ number, except at the item's end, where the next
        // marked stretch (a link, a change) starts: there poppler measured it as a gap and
        // read a second space (`詳細は  https://`).
        if extra > 0.0 && (!ch.is_whitespace() || k == last) {
            match out.last_mut() {
                Some(Shown::Spaced { codes, spacing }) if *spacing == extra => codes.push(code),
                _ => out.push(Shown::Spaced { codes: vec![code], spacing: extra }),
            }
            continue;
        }
        match out.last_mut() {
            Some(Shown::Codes(codes)) => codes.push(code),
            _ => out.push(Shown::Codes(vec![code])),
        }
        if extra != 0.0 {
            adjust(&mut out, extra);
        }
    }
    shown.shown = out;
}

/// One text item: a text section at the baseline, one `print_str` per slot it spans.
fn text(
    area: &genpdf::render::Area<'_>,
    cache: &FontCache,
    handle: genpdf::fonts::Font,
    slots: &Slots,
    font: usize,
    t: &TextItem,
) -> Result<Asked, PdfError> {
    let pieces = slots.pieces(font, &t.text);
    if pieces.is_empty() {
        return Ok(Asked::Nothing);
    }
    // genpdf sizes are whole points (a `u8`); the size and place it draws at are replaced by
    // the item's own when read back (`exact`), so fractional sizes never reach genpdf.
    let size = whole_points(t.size);
    let style = Style::new()
        .with_font_family(FontFamily { regular: handle, bold: handle, italic: handle, bold_italic: handle })
        .with_font_size(size)
        .with_color(color(t.color));
    // genpdf puts the baseline one glyph height below the position it is given.
    let glyph_height = style.font(cache).glyph_height(size);
    let position = Position::new(mm(t.x), mm(t.baseline) - glyph_height);
    let Some(mut section) = area.text_section(cache, position, style) else {
        return Ok(Asked::Nothing);
    };
    for (_, proxy) in &pieces {
        section.print_str(proxy, style)?;
    }
    Ok(Asked::Text(pieces.into_iter().map(|(slot, _)| slot).collect()))
}

/// How much genpdf is given at once, in characters and items. genpdf and printpdf keep about
/// a hundred bytes per character until the PDF is written, and about two kilobytes per item
/// (its style, font, position and operations), so an item counts as [`ITEM_WORK`]
/// characters. In runs of pages this size, a briefing of thousands of pages needs no more
/// memory for drawing than one of twenty, whether its pages hold prose or table cells.
const WORK_PER_CHUNK: usize = 100_000;
const ITEM_WORK: usize = 20;

/// The document's pages in consecutive runs of about [`WORK_PER_CHUNK`].
fn chunks(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let work = |page: &Page| -> usize {
        page.items
            .iter()
            .map(|item| match item {
                Item::Text(t) => ITEM_WORK + t.text.len(),
                _ => ITEM_WORK,
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
    use crate::fonts::{FaceId, FontBook, FontStyle};
    use crate::theme::Rgb;

    fn text_item(text: &str, face: u16) -> Item {
        Item::Text(TextItem {
            x: 10.0,
            baseline: 20.0,
            face: FaceId(face),
            size: 10.0,
            color: Rgb(0, 0, 255),
            text: text.into(),
            width: 0.0,
            style: FontStyle::REGULAR,
            tag: crate::layout::Tag::default(),
            gaps: Vec::new(),
            actual: None,
        })
    }

    fn doc(pages: Vec<Page>) -> Document {
        Document {
            width: 200.0,
            height: 100.0,
            pages,
            outline: Vec::new(),
            watermarks: Vec::new(),
            structure: crate::layout::Structure::new("en"),
            warnings: Vec::new(),
        }
    }

    fn page(chars: usize) -> Page {
        Page { items: vec![text_item(&"x".repeat(chars), 0)], owner: 0 }
    }

    /// `fonts/stand-in.ttf` is what the subsetter makes of Noto Sans with no glyphs, and
    /// genpdf reads it. After a change to the subsetter or the face, remake it with
    /// `BRIEFING_BLESS=1 cargo test stand_in`.
    #[test]
    fn the_stand_in_is_noto_sans_cut_down_to_nothing() {
        let made = FontBook::builtin().subset(FaceId(0), &[], &[]).unwrap();
        if std::env::var_os("BRIEFING_BLESS").is_some() {
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/stand-in.ttf"), &made).unwrap();
            return;
        }
        assert!(STAND_IN == &made[..], "fonts/stand-in.ttf is stale: BRIEFING_BLESS=1 cargo test stand_in");
        assert!(FontData::new(STAND_IN.to_vec(), Some(printpdf::BuiltinFont::Helvetica)).is_ok());
    }

    #[test]
    fn chunks_cover_every_page_once_in_order() {
        let d = doc([40_000, 40_000, 40_000, 500_000, 10].into_iter().map(page).collect());
        // A page bigger than a chunk is a chunk of its own; no chunk is empty.
        assert_eq!(chunks(&d), vec![0..2, 2..3, 3..4, 4..5]);
        assert_eq!(chunks(&doc(vec![page(10); 3])), vec![0..3]);
        // An item weighs more than its characters: pages of short table cells are cut too.
        let cells = Page { items: vec![text_item("x", 0); 3000], owner: 0 };
        assert_eq!(chunks(&doc(vec![cells; 3])), vec![0..1, 1..2, 2..3]);
    }

    /// A space after a glyph that is not a space is that glyph's character spacing, in runs
    /// of equal spacing; after a space, and before the first glyph, it is a `TJ` number.
    #[test]
    fn spaces_after_glyphs_are_character_spacing_and_after_a_space_an_adjustment() {
        let Item::Text(mut t) = text_item("日EU a b", 0) else { unreachable!() };
        t.gaps = vec![(0, 1.0), (1, 2.5), (2, 0.5), (3, 0.5), (4, 1.0), (6, -0.5)];
        let mut shown = ShownText {
            font: 0,
            size: 0.0,
            x: 0.0,
            y: 0.0,
            color: [0.0; 3],
            shown: vec![Shown::Codes(vec![1, 2, 3, 4, 5, 6, 7])],
        };
        exact(&mut shown, &t, 100.0);
        assert_eq!(
            shown.shown,
            vec![
                Shown::Adjust(-100.0),
                Shown::Spaced { codes: vec![1], spacing: 2.5 },
                Shown::Spaced { codes: vec![2, 3], spacing: 0.5 },
                Shown::Codes(vec![4]),
                Shown::Adjust(-100.0),
                Shown::Codes(vec![5, 6]),
                Shown::Adjust(50.0),
                Shown::Codes(vec![7]),
            ]
        );
        assert_eq!((shown.size, shown.x, shown.y), (10.0, 10.0, 80.0));
    }

    /// Every stand-in byte genpdf writes, in several slots of one font and in a second font,
    /// reads back as the document's own code for the character drawn.
    #[test]
    fn what_genpdf_writes_reads_back_as_our_codes() {
        let fonts = FontBook::builtin();
        let latin: String = (0x21u32..0x250)
            .filter_map(char::from_u32)
            .filter(|&c| fonts.face_for(c, FontStyle::REGULAR) == Some(FaceId(0)))
            .collect();
        assert!(latin.chars().count() > 2 * proxy::CODES_PER_SLOT, "three slots or more");
        let items = vec![
            text_item(&latin, 0),
            Item::Line { x1: 1.0, y1: 2.0, x2: 30.0, y2: 2.0, color: Rgb(255, 0, 0), tag: Default::default() },
            text_item("日本語のテキスト", 5),
        ];
        let d = doc(vec![Page { items, owner: 0 }]);
        let plan = Plan::new(&d, &fonts);
        let drawn: Vec<_> = draw(&d, &plan).collect::<Result<Vec<_>, _>>().unwrap();
        let page = &drawn[0][0];
        for (k, (expected, face)) in [(&latin[..], 0u16), ("日本語のテキスト", 5)].into_iter().enumerate() {
            let Some(Drawn::Text(t)) = &page[if k == 0 { 0 } else { 2 }] else { panic!("{page:?}") };
            let font = &plan.fonts[t.font];
            assert_eq!(font.face, FaceId(face));
            let codes: Vec<u16> = t.codes();
            let back: String = codes
                .iter()
                .map(|&code| font.chars.iter().find(|(c, _)| *c == code).map(|(_, ch)| *ch).unwrap())
                .collect();
            assert_eq!(back, expected);
            assert_eq!((t.x, t.y, t.size), (10.0, 80.0, 10.0));
            assert_eq!(t.color, [0.0, 0.0, 1.0]);
        }
        let Some(Drawn::Line { from, to, color }) = &page[1] else { panic!("{page:?}") };
        assert_eq!((*from, *to, *color), ((1.0, 98.0), (30.0, 98.0), [1.0, 0.0, 0.0]));
    }
}

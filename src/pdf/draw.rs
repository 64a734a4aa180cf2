//! Drawing laid-out pages with genpdf's renderer: text at positions, lines. Fonts come from
//! the embedding [`Plan`]; genpdf writes the codes, printpdf serialises the pages.

use genpdf::fonts::{FontCache, FontData, FontFamily};
use genpdf::render::Renderer;
use genpdf::style::{Color, Style};
use genpdf::{Mm, Position, Size};

use crate::layout::{Document, Item, TextItem};
use crate::theme::Rgb;

use super::embed::{Mode, Plan, SLOT_NAMES};
use super::PdfError;

fn mm(pt: f32) -> Mm {
    Mm::from(f64::from(pt) * 25.4 / 72.0)
}

fn color(c: Rgb) -> Color {
    Color::Rgb(c.0, c.1, c.2)
}

/// The PDF font resource name genpdf gives slot `i`.
pub fn resource_name(plan: &Plan, i: usize) -> String {
    match plan.mode {
        Mode::Proxy => {
            let name: &str = SLOT_NAMES[i].into();
            name.to_string()
        }
        // genpdf's default family takes cache entries 0 to 3 (all slot 0); slot i > 0 is
        // entry i + 3, and printpdf names entry k "Fk".
        Mode::Cid => format!("F{}", if i == 0 { 0 } else { i + 3 }),
    }
}

/// A run of pages as genpdf drew them.
pub struct Drawn {
    /// printpdf's PDF (fonts still to be replaced by `post.rs`).
    pub pdf: Vec<u8>,
    /// Per page, the indices of the text items drawn, in order: each became one `BT … ET`
    /// text object of the page's content.
    pub texts: Vec<Vec<usize>>,
}

/// Renders `pages` of the document with genpdf.
pub fn draw(doc: &Document, plan: &Plan, pages: std::ops::Range<usize>) -> Result<Drawn, PdfError> {
    let size = Size::new(mm(doc.width), mm(doc.height));
    let conformance = printpdf::PdfConformance::Custom(printpdf::CustomPdfConformance {
        requires_icc_profile: false,
        requires_xmp_metadata: false,
        ..Default::default()
    });
    let mut renderer = Renderer::new(size, "")?.with_conformance(conformance);
    let pages = &doc.pages[pages];
    for _ in 1..pages.len() {
        renderer.add_page(size);
    }

    // One genpdf font per slot. genpdf insists on a default family of four; slot 0 (or a
    // stand-in) fills it, and in `Proxy` mode the four share one standard-font name.
    let data = |i: usize| -> Result<FontData, PdfError> {
        let slot = &plan.slots[i];
        let builtin = (plan.mode == Mode::Proxy).then(|| SLOT_NAMES[i]);
        Ok(FontData::new(slot.data.clone(), builtin)?)
    };
    let first = if plan.slots.is_empty() { None } else { Some(data(0)?) };
    let Some(first) = first else {
        // A document with no text at all cannot happen (the title is required), but must
        // not crash: draw the lines alone.
        return finish(renderer, pages, None, plan);
    };
    let family = FontFamily { regular: first.clone(), bold: first.clone(), italic: first.clone(), bold_italic: first };
    let mut cache = FontCache::new(family);
    let mut handles = vec![cache.default_font_family().regular];
    for i in 1..plan.slots.len() {
        handles.push(cache.add_font(data(i)?));
    }
    cache.load_pdf_fonts(&renderer)?;
    finish(renderer, pages, Some((&cache, &handles)), plan)
}

fn finish(
    renderer: Renderer,
    pages: &[crate::layout::Page],
    fonts: Option<(&FontCache, &[genpdf::fonts::Font])>,
    plan: &Plan,
) -> Result<Drawn, PdfError> {
    let mut texts = vec![Vec::new(); pages.len()];
    for (i, page) in pages.iter().enumerate() {
        let Some(p) = renderer.get_page(i) else {
            continue;
        };
        let area = p.first_layer().area();
        for (index, item) in page.items.iter().enumerate() {
            match item {
                Item::Text(t) => {
                    if let Some((cache, handles)) = fonts {
                        if text(&area, cache, handles, plan, t)? {
                            texts[i].push(index);
                        }
                    }
                }
                Item::Line { x1, y1, x2, y2, color: c } => {
                    let points = vec![Position::new(mm(*x1), mm(*y1)), Position::new(mm(*x2), mm(*y2))];
                    area.draw_line(points, Style::new().with_color(color(*c)));
                }
                // Drawn by the post-pass, which writes content directly.
                Item::Link { .. } | Item::Logo { .. } | Item::Bullet { .. } => {}
            }
        }
    }
    let mut pdf = Vec::new();
    renderer.write(&mut pdf)?;
    Ok(Drawn { pdf, texts })
}

/// One text item: a text section at the baseline, one `print_str` per slot it spans (the
/// PDF's text position advances by the glyph widths, which are the layout's widths). Whether
/// a text object was written.
fn text(
    area: &genpdf::render::Area<'_>,
    cache: &FontCache,
    handles: &[genpdf::fonts::Font],
    plan: &Plan,
    t: &TextItem,
) -> Result<bool, PdfError> {
    let pieces = plan.pieces(t.face, &t.text);
    let Some((first_slot, _, _)) = pieces.first() else {
        return Ok(false);
    };
    let style_for = |slot: usize| {
        let f = handles[slot];
        Style::new()
            .with_font_family(FontFamily { regular: f, bold: f, italic: f, bold_italic: f })
            .with_font_size(t.size)
            .with_color(color(t.color))
    };
    let style = style_for(*first_slot);
    // genpdf puts the baseline one glyph height below the position it is given.
    let glyph_height = style.font(cache).glyph_height(t.size);
    let position = Position::new(mm(t.x), mm(t.baseline) - glyph_height);
    let Some(mut section) = area.text_section(cache, position, style) else {
        return Ok(false);
    };
    for (slot, proxy, _) in &pieces {
        section.print_str(proxy, style_for(*slot))?;
    }
    Ok(true)
}

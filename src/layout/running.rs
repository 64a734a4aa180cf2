//! The running header and footer, added once the page count is known ("Page 2 of 3").

use crate::fonts::FontBook;
use crate::model::Briefing;
use crate::theme::{Running, Theme};

use super::flow::{look, Flow};
use super::{format_date, Document, Item};

/// Fills the template's placeholders.
pub fn expand(template: &str, b: &Briefing, theme: &Theme, page: usize, pages: usize) -> String {
    template
        .replace("{page_of}", &theme.labels.page_of)
        .replace("{title}", &b.title)
        .replace("{short_title}", &b.short_title)
        .replace("{date}", &format_date(b.date, &theme.date_format))
        .replace("{marking}", b.marking.as_deref().unwrap_or(""))
        .replace("{pages}", &pages.to_string())
        .replace("{page}", &page.to_string())
}

/// Adds header and footer lines (and their rules) to every page they belong on; each page
/// shows the title and date of its owner.
pub fn decorate(doc: &mut Document, owners: &[&Briefing], theme: &Theme, fonts: &FontBook) {
    let page_theme = &theme.page;
    let left = page_theme.margin_left.pt();
    let right = doc.width - page_theme.margin_right.pt();
    let flow = Flow::new(fonts, theme, left, right - left);
    let style = &theme.styles.running;
    let look = look(style);
    let size = f32::from(style.size.0);
    let (line_height, ascent) = flow.line_metrics(size, style.line_height.0);
    // The header sits in the top margin, its rule a line above the content; the footer
    // starts a line below the content.
    let top = page_theme.margin_top.pt();
    let header_top = (top - 2.5 * line_height).max(0.0);
    let footer_top = doc.height - page_theme.margin_bottom.pt() + 1.0 * line_height;
    let pages = doc.pages.len();
    for (i, page) in doc.pages.iter_mut().enumerate() {
        let Some(b) = owners.get(page.owner).or(owners.first()) else { return };
        for (running, y, rule_y) in
            [(&theme.header, header_top, header_top + line_height + 2.0), (&theme.footer, footer_top, footer_top - 4.0)]
        {
            if i == 0 && !running.first_page {
                continue;
            }
            let printed = line(&flow, running, b, theme, i + 1, pages, left, right, y + ascent, &look, &mut page.items);
            if printed && running.rule {
                page.items.push(Item::Line { x1: left, y1: rule_y, x2: right, y2: rule_y, color: theme.colors.rule });
            }
        }
    }
}

/// One running line: left, centre and right parts. Returns whether anything was printed.
#[allow(clippy::too_many_arguments)]
fn line(
    flow: &Flow<'_>,
    running: &Running,
    b: &Briefing,
    theme: &Theme,
    page: usize,
    pages: usize,
    left: f32,
    right: f32,
    baseline: f32,
    look: &super::text::Look,
    items: &mut Vec<Item>,
) -> bool {
    let parts =
        [&running.left, &running.center, &running.right].map(|t| expand(t, b, theme, page, pages).trim().to_string());
    let widths = parts.clone().map(|p| flow.str_width(&p, look));
    let gap = 12.0;
    // The left part gives way if the line is crowded: it is the longest and least vital
    // (the title, printed in full on page 1). It must end before the centre part, or
    // before the right part when there is no centre.
    let limit = if widths[1] > 0.0 { (left + right - widths[1]) / 2.0 - gap } else { right - widths[2] - gap };
    let room = limit - left;
    let mut left_text = parts[0].clone();
    if widths[0] > room {
        while !left_text.is_empty() && flow.str_width(&format!("{left_text}…"), look) > room {
            left_text.pop();
        }
        left_text = format!("{}…", left_text.trim_end());
    }
    let mut printed = false;
    if !parts[0].is_empty() {
        flow.place_str(items, &left_text, left, baseline, look);
        printed = true;
    }
    if !parts[1].is_empty() {
        flow.place_str(items, &parts[1], (left + right - widths[1]) / 2.0, baseline, look);
        printed = true;
    }
    if !parts[2].is_empty() {
        flow.place_str(items, &parts[2], right - widths[2], baseline, look);
        printed = true;
    }
    printed
}

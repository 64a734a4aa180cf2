//! The running header and footer, added once the page count is known ("Page 2 of 3").

use crate::fonts::FontBook;
use crate::model::Briefing;
use crate::theme::{Running, Theme};

use super::flow::{look, Flow};
use super::structure::{Artifact, Tag};
use super::text::{self, Look};
use super::{format_date, Document, Item};

/// What the placeholders of one briefing's running lines print. A value wider than the whole
/// line is cut to what fits, with an ellipsis, once per briefing: a title of megabytes must
/// not be copied and measured again on each of its thousands of pages.
pub struct Fill {
    pub title: String,
    pub short_title: String,
    pub date: String,
    pub marking: String,
    /// The `page_of` label ("Page {page} of {pages}"), itself with placeholders.
    pub page_of: String,
}

impl Fill {
    pub fn new(b: &Briefing, theme: &Theme, flow: &Flow<'_>, look: &Look) -> Fill {
        let clip = |s: &str| clip(flow, s, flow.width, look);
        Fill {
            title: clip(&b.title),
            short_title: clip(&b.short_title),
            date: clip(&format_date(b.date, &theme.date_format, &theme.months.0)),
            marking: clip(b.marking.as_deref().unwrap_or("")),
            page_of: theme.labels.page_of.clone(),
        }
    }
}

/// `s` if it is at most `room` wide, else as much of it as fits with `…` after it.
fn clip(flow: &Flow<'_>, s: &str, room: f32, look: &Look) -> String {
    let keep = text::fitting_prefix(s, look, room, flow.fonts);
    if keep == s.len() {
        return s.to_string();
    }
    let keep = text::fitting_prefix(s, look, room - flow.str_width("…", look), flow.fonts);
    format!("{}…", s[..keep].trim_end())
}

/// Fills the template's placeholders.
pub fn expand(template: &str, fill: &Fill, page: usize, pages: usize) -> String {
    template
        .replace("{page_of}", &fill.page_of)
        .replace("{title}", &fill.title)
        .replace("{short_title}", &fill.short_title)
        .replace("{date}", &fill.date)
        .replace("{marking}", &fill.marking)
        .replace("{pages}", &pages.to_string())
        .replace("{page}", &page.to_string())
}

/// Adds header and footer lines (and their rules) to every page they belong on; each page
/// shows the title and date of its owner.
pub fn decorate(doc: &mut Document, owners: &[&Briefing], theme: &Theme, fonts: &FontBook) {
    let page_theme = &theme.page;
    let left = page_theme.margin_left.pt();
    let right = doc.width - page_theme.margin_right.pt();
    let mut flow = Flow::new(fonts, theme, left, right - left, "");
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
    let fills: Vec<Fill> = owners.iter().map(|b| Fill::new(b, theme, &flow, &look)).collect();
    for (i, page) in doc.pages.iter_mut().enumerate() {
        let Some(fill) = fills.get(page.owner).or(fills.first()) else { return };
        for (running, y, rule_y, artifact) in [
            (&theme.header, header_top, header_top + line_height + 2.0, Artifact::Header),
            (&theme.footer, footer_top, footer_top - 4.0, Artifact::Footer),
        ] {
            if i == 0 && !running.first_page {
                continue;
            }
            let at = (y + ascent, artifact);
            let printed = line(&mut flow, running, fill, i + 1, pages, left, right, at, &look, &mut page.items);
            if printed && running.rule {
                let color = theme.colors.rule;
                page.items.push(Item::Line { x1: left, y1: rule_y, x2: right, y2: rule_y, color, artifact });
            }
        }
    }
}

/// One running line: left, centre and right parts. Returns whether anything was printed.
#[allow(clippy::too_many_arguments)]
fn line(
    flow: &mut Flow<'_>,
    running: &Running,
    fill: &Fill,
    page: usize,
    pages: usize,
    left: f32,
    right: f32,
    (baseline, artifact): (f32, Artifact),
    look: &Look,
    items: &mut Vec<Item>,
) -> bool {
    let tag = Tag::Artifact(artifact);
    let parts = [&running.left, &running.center, &running.right].map(|t| {
        let text = expand(t, fill, page, pages);
        if running.caps {
            text.trim().to_uppercase()
        } else {
            text.trim().to_string()
        }
    });
    let widths = parts.clone().map(|p| flow.str_width(&p, look));
    let gap = 12.0;
    // The left part gives way if the line is crowded: it is the longest and least vital
    // (the title, printed in full on page 1). It must end before the centre part, or
    // before the right part when there is no centre.
    let limit = if widths[1] > 0.0 { (left + right - widths[1]) / 2.0 - gap } else { right - widths[2] - gap };
    let room = limit - left;
    let left_text = if widths[0] > room { clip(flow, &parts[0], room, look) } else { parts[0].clone() };
    let mut printed = false;
    // Without room for even a letter before the ellipsis, the left part is left out.
    if !parts[0].is_empty() && left_text != "…" {
        flow.place_str(items, &left_text, left, baseline, look, tag);
        printed = true;
    }
    if !parts[1].is_empty() {
        flow.place_str(items, &parts[1], (left + right - widths[1]) / 2.0, baseline, look, tag);
        printed = true;
    }
    if !parts[2].is_empty() {
        flow.place_str(items, &parts[2], right - widths[2], baseline, look, tag);
        printed = true;
    }
    printed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Page, Structure};
    use crate::model::{Contact, Date};
    use crate::theme::TemplateRef;

    fn briefing(title: &str, marking: &str) -> Briefing {
        Briefing {
            title: title.to_string(),
            short_title: title.to_string(),
            date: Date::new(2020, 10, 6).unwrap(),
            organisation: None,
            summary: Vec::new(),
            heading: None,
            overview: Vec::new(),
            topics: Vec::new(),
            contact: Contact::default(),
            subject: None,
            lang: "en".into(),
            marking: Some(marking.to_string()).filter(|m| !m.is_empty()),
            draft: false,
        }
    }

    /// The running lines of `pages` pages: the text items of each page, left to right.
    fn decorated(b: &Briefing, pages: usize) -> (Document, Theme) {
        let theme = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
        let fonts = FontBook::builtin();
        let (w, h) = (theme.page.size.width, theme.page.size.height);
        let mut doc = Document {
            width: w,
            height: h,
            pages: vec![Page::default(); pages],
            outline: vec![],
            watermark: None,
            structure: Structure::new("en"),
        };
        decorate(&mut doc, &[b], &theme, &fonts);
        (doc, theme)
    }

    fn texts(page: &Page) -> Vec<(f32, f32, String)> {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) => Some((t.x, t.x + t.width, t.text.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_short_title_is_printed_whole() {
        let (doc, _) = decorated(&briefing("Workshop", ""), 2);
        let line: String = texts(&doc.pages[1]).into_iter().map(|t| t.2).collect();
        // The header's title and date, the footer's page number.
        assert_eq!(line, "WORKSHOPOCTOBER 6, 2020Page 2 of 2");
    }

    #[test]
    fn a_huge_title_or_marking_is_cut_to_the_line() {
        // Cutting a character at a time, measuring the whole rest each time, took minutes
        // per page for these; a marking was printed whole, far off the page.
        let title = "Title ".repeat(200_000);
        let marking = "SECRET".repeat(100_000);
        for (b, expected) in [(briefing(&title, ""), "TITLE TITLE"), (briefing("Workshop", &marking), "SECRETSECRET")] {
            let (doc, theme) = decorated(&b, 50);
            let (left, right) = (theme.page.margin_left.pt(), doc.width - theme.page.margin_right.pt());
            for page in &doc.pages {
                let texts = texts(page);
                assert!(texts.iter().all(|t| t.0 >= left - 0.01 && t.1 <= right + 0.01), "{texts:?}");
                let line: String = texts.iter().map(|t| t.2.as_str()).collect();
                assert!(line.contains(expected) && line.contains('…'), "{line}");
                assert!(line.len() < 1000, "{} bytes", line.len());
            }
        }
    }
}

//! The running header and footer, added once the page count is known ("Page 2 of 3").

use crate::fonts::FontBook;
use crate::model::Briefing;
use crate::theme::{Running, Theme};

use super::flow::{look, Flow};
use super::structure::{Artifact, NodeId, Role, Structure, Tag};
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

/// The most characters a running part prints: more than a line holds, unless they have no
/// width (combining marks), which would otherwise be drawn in full on every page.
const MOST_CHARS: usize = 500;

/// `s` if it is at most `room` wide (and [`MOST_CHARS`] long), else as much of it as fits
/// with `…` after it.
fn clip(flow: &Flow<'_>, s: &str, room: f32, look: &Look) -> String {
    let most = s.char_indices().nth(MOST_CHARS).map_or(s.len(), |(i, _)| i);
    let keep = text::fitting_prefix(&s[..most], look, room, flow.fonts);
    if keep == s.len() {
        return s.to_string();
    }
    let most = s.char_indices().nth(MOST_CHARS - 1).map_or(s.len(), |(i, _)| i);
    let keep = text::fitting_prefix(&s[..most], look, room - flow.str_width("…", look), flow.fonts);
    format!("{}…", s[..keep].trim_end())
}

/// Fills the template's placeholders, in one pass: a value that itself holds `{date}` (a
/// title "The {date} field") is printed as written. With `caps`, the values (title, date,
/// marking) are in capitals; the template's own words (`Page … of …`) are not.
pub fn expand(template: &str, fill: &Fill, page: usize, pages: usize, caps: bool) -> String {
    fill_in(template, fill, (page, pages), caps, true)
}

/// `v` in capitals, unless it is Japanese text: the Latin words inside it (`Beyond 5G`) keep
/// their case, as capitals belong to Latin-script running heads only.
fn capitals(v: &str) -> String {
    if v.chars().any(crate::script::is_japanese) {
        v.to_string()
    } else {
        v.to_uppercase()
    }
}

/// [`expand`]; `label` says whether `{page_of}` may be filled (not inside the label itself).
fn fill_in(template: &str, fill: &Fill, (page, pages): (usize, usize), caps: bool, label: bool) -> String {
    let mut out = String::with_capacity(template.len() + fill.title.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let value = |v: &str| if caps { capitals(v) } else { v.to_string() };
        match &after[..close] {
            // The label has placeholders of its own: its page numbers.
            "page_of" if label => out.push_str(&fill_in(&fill.page_of, fill, (page, pages), false, false)),
            "title" => out.push_str(&value(&fill.title)),
            "short_title" => out.push_str(&value(&fill.short_title)),
            "date" => out.push_str(&value(&fill.date)),
            "marking" => out.push_str(&value(&fill.marking)),
            "page" => out.push_str(&page.to_string()),
            "pages" => out.push_str(&pages.to_string()),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Adds header and footer lines (and their rules) to every page they belong on; each page
/// shows the title and date of its owner.
/// Each owner's title and date are printed in its own theme's format (`owners[i]`: briefing,
/// theme, draft); the lines' layout is the first owner's.
/// Each owner's marking is read on its first page, first in the element `parents[i]` (the
/// document, or its briefing's section in a dossier).
pub fn decorate(doc: &mut Document, owners: &[(&Briefing, &Theme, bool)], parents: &[NodeId], fonts: &FontBook) {
    let Some(&(_, theme, _)) = owners.first() else { return };
    let page_theme = &theme.page;
    let left = page_theme.margin_left.pt();
    let right = doc.width - page_theme.margin_right.pt();
    let mut flow = Flow::new(fonts, theme, left, right - left, "");
    let style = &theme.styles.running;
    let look = look(style);
    let size = style.size.0;
    let (line_height, ascent) = flow.line_metrics(size, style.line_height.0);
    // The header sits in the top margin, its rule a line above the content; the footer
    // starts a line below the content.
    let top = page_theme.margin_top.pt();
    let header_top = (top - 2.5 * line_height).max(0.0);
    let footer_top = doc.height - page_theme.margin_bottom.pt() + 1.0 * line_height;
    let pages = doc.pages.len();
    let fills: Vec<Fill> = owners.iter().map(|&(b, t, _)| Fill::new(b, t, &flow, &look)).collect();
    // The page each owner starts on, and its marking's element and running part there.
    let mut markings = vec![None; owners.len()];
    let mut firsts = vec![false; doc.pages.len()];
    for (i, page) in doc.pages.iter().enumerate() {
        if i == 0 || doc.pages[i - 1].owner != page.owner {
            firsts[i] = true;
            if let (Some(fill), Some(slot)) = (fills.get(page.owner), markings.get_mut(page.owner)) {
                let parent = parents.get(page.owner).copied().unwrap_or(Structure::ROOT);
                *slot = marking(&mut doc.structure, theme, fill, parent, i == 0);
            }
        }
    }
    for (i, page) in doc.pages.iter_mut().enumerate() {
        let Some(fill) = fills.get(page.owner).or(fills.first()) else { return };
        let marking = if firsts[i] { markings.get(page.owner).copied().flatten() } else { None };
        for (running, y, rule_y, artifact) in [
            (&theme.header, header_top, header_top + line_height + 2.0, Artifact::Header),
            (&theme.footer, footer_top, footer_top - 4.0, Artifact::Footer),
        ] {
            if i == 0 && !running.first_page {
                continue;
            }
            // The first page's marking is read out, before anything else; every other running
            // part is an artifact.
            let tags = [&running.left, &running.center, &running.right].map(|part| match marking {
                Some((node, at)) if std::ptr::eq(part, at) => Tag::Node(node),
                _ => Tag::Artifact(artifact),
            });
            let at = (y + ascent, tags);
            let printed = line(&mut flow, running, fill, i + 1, pages, left, right, at, &look, &mut page.items);
            if printed && running.rule {
                let color = theme.colors.rule;
                page.items.push(Item::Line { x1: left, y1: rule_y, x2: right, y2: rule_y, color, artifact });
            }
        }
    }
}

/// The paragraph an owner's marking is on its first page, as the first element of `parent`,
/// and the running part (in the first line printed on that page) that prints it; none without
/// a marking. The document's first page prints only the lines that say so.
fn marking<'t>(
    structure: &mut Structure,
    theme: &'t Theme,
    fill: &Fill,
    parent: NodeId,
    first_page: bool,
) -> Option<(NodeId, &'t String)> {
    if fill.marking.trim().is_empty() {
        return None;
    }
    let part = [&theme.header, &theme.footer]
        .into_iter()
        .filter(|running| running.first_page || !first_page)
        .flat_map(|running| [&running.left, &running.center, &running.right])
        .find(|part| part.contains("{marking}"))?;
    let lang = structure.lang_of(parent).to_string();
    Some((structure.add_first(parent, Role::P, &lang), part))
}

/// One running line: left, centre and right parts, each with its tag. Returns whether
/// anything was printed.
#[allow(clippy::too_many_arguments)]
fn line(
    flow: &mut Flow<'_>,
    running: &Running,
    fill: &Fill,
    page: usize,
    pages: usize,
    left: f32,
    right: f32,
    (baseline, tags): (f32, [Tag; 3]),
    look: &Look,
    items: &mut Vec<Item>,
) -> bool {
    let parts = [&running.left, &running.center, &running.right]
        .map(|t| expand(t, fill, page, pages, running.caps).trim().to_string());
    // Capitals read as typed (a screen reader would spell them out).
    let typed = [&running.left, &running.center, &running.right]
        .map(|t| running.caps.then(|| expand(t, fill, page, pages, false).trim().to_string()));
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
        let typed = typed[0].as_deref().filter(|_| left_text == parts[0]);
        place(flow, items, (&left_text, typed), left, baseline, look, tags[0]);
        printed = true;
    }
    if !parts[1].is_empty() {
        place(flow, items, (&parts[1], typed[1].as_deref()), (left + right - widths[1]) / 2.0, baseline, look, tags[1]);
        printed = true;
    }
    if !parts[2].is_empty() {
        place(flow, items, (&parts[2], typed[2].as_deref()), right - widths[2], baseline, look, tags[2]);
        printed = true;
    }
    printed
}

/// Places one part. The running flow has a structure of its own, so a part that is content
/// (the marking) is placed as an artifact and its items then given to its element, in the
/// document's structure (where they are its only content), and moved to the front of the
/// page: the marking is painted first, as it is read first.
#[allow(clippy::too_many_arguments)]
fn place(
    flow: &mut Flow<'_>,
    items: &mut Vec<Item>,
    (s, typed): (&str, Option<&str>),
    x: f32,
    baseline: f32,
    look: &Look,
    tag: Tag,
) {
    let start = items.len();
    flow.place_str(items, s, x, baseline, look, Tag::Artifact(Artifact::Layout));
    // Printed in capitals: the part reads as typed (the items of one line are read as one).
    if let Some(typed) = typed.filter(|&t| t != s) {
        for (k, item) in items[start..].iter_mut().enumerate() {
            if let Item::Text(t) = item {
                t.actual = Some(if k == 0 { typed.to_string() } else { String::new() });
            }
        }
    }
    if let Tag::Node(_) = tag {
        // Painted first, as it is read first.
        let mut placed: Vec<Item> = items.drain(start..).collect();
        for item in &mut placed {
            if let Item::Text(t) = item {
                t.tag = tag;
            }
        }
        items.splice(0..0, placed);
    } else {
        for item in &mut items[start..] {
            if let Item::Text(t) = item {
                t.tag = tag;
            }
        }
    }
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
            lang_detected: false,
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
            watermarks: Vec::new(),
            structure: Structure::new("en"),
        };
        decorate(&mut doc, &[(b, &theme, false)], &[Structure::ROOT], &fonts);
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
    fn placeholders_are_filled_once_and_values_printed_as_written() {
        let b = briefing("The {date} field", "Ref. {page}");
        let theme = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
        let fonts = FontBook::builtin();
        let flow = Flow::new(&fonts, &theme, 0.0, 500.0, "en");
        let fill = Fill::new(&b, &theme, &flow, &look(&theme.styles.running));
        assert_eq!(
            expand("{title} | {marking} | {page_of} {x}", &fill, 2, 3, false),
            "The {date} field | Ref. {page} | Page 2 of 3 {x}"
        );
        assert_eq!(expand("{title} {page_of}", &fill, 2, 3, true), "THE {DATE} FIELD Page 2 of 3");
    }

    #[test]
    fn latin_words_in_a_japanese_running_head_keep_their_case() {
        let b = briefing("「Beyond 5G（6G）推進戦略」に関する意見交換", "");
        let (doc, _) = decorated(&b, 2);
        let line: String = texts(&doc.pages[1]).into_iter().map(|t| t.2).collect();
        assert!(line.starts_with("「Beyond 5G（6G）推進戦略」に関する意見交換"), "{line}");
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

    #[test]
    fn a_title_of_marks_without_width_is_cut_too() {
        let (doc, _) = decorated(&briefing(&format!("e{}", "\u{301}".repeat(100_000)), ""), 3);
        for page in &doc.pages {
            let line: String = texts(page).into_iter().map(|t| t.2).collect();
            assert!(line.starts_with('E') && line.contains('…'), "{line}");
            assert!(line.chars().count() < 600, "{} characters", line.chars().count());
        }
    }
}

//! The table of contents: one line per outline anchor, indented by level, with the page
//! number (filled in after pagination) right-aligned behind dot leaders. Each line is a
//! contents item whose link leads to the page.

use crate::theme::{Align, TextStyle};

use super::flow::{look, Flow, Label, TocEntry};
use super::section::SECTION;
use super::structure::{NodeId, Role};
use super::text::Span;
use super::{Item, LinkTarget};

/// Where the contents go: their heading and list elements and their first block. They are
/// printed after the title block but set last, when every anchor they list is known.
pub struct Place {
    heading: NodeId,
    toc: NodeId,
    at: usize,
}

/// Marks the place of the contents in the flow and in the structure.
pub fn reserve(flow: &mut Flow<'_>) -> Place {
    let heading = flow.node(Role::H((SECTION + flow.level_offset).min(6)));
    let toc = flow.node(Role::TOC);
    Place { heading, toc, at: flow.blocks.len() }
}

/// Sets the contents at `place`: the anchors up to `max_level`.
pub fn contents(flow: &mut Flow<'_>, place: Place, max_level: u8) {
    let anchors = flow.anchors.clone();
    let blocks = flow.detached(|flow| {
        let theme = flow.theme;
        let style = &theme.styles.toc;
        let spans = [Span { text: theme.labels.toc.clone(), look: look(&theme.styles.heading) }];
        let first = flow.blocks.len();
        flow.paragraph(place.heading, &spans, &theme.styles.heading, 0.0, Align::Left, None);
        for b in &mut flow.blocks[first..] {
            b.keep_with_next = true;
        }
        let number_room = flow.str_width("0000", &look(style));
        let right = flow.left + flow.width;
        let listed = || anchors.iter().enumerate().filter(|(_, a)| a.level <= max_level);
        // An entry's number hangs before its title, whose lines all start at the same place,
        // that of every title of its level (text48a F48a-7: a number stood alone on its line,
        // and a title's second line started under it).
        let style_of = |level: u8| TextStyle { bold: level == 0, ..style.clone() };
        let mut hangs = [0.0f32; 8];
        for (_, a) in listed().filter(|(_, a)| !a.number.is_empty()) {
            let width = flow.str_width(&a.number, &look(&style_of(a.level))) + 0.5 * style.size.0;
            let hang = &mut hangs[usize::from(a.level.min(7))];
            *hang = hang.max(width);
        }
        for (i, a) in listed() {
            let indent = flow.inset(f32::from(a.level) * theme.list_indent.0, number_room);
            let entry_style = style_of(a.level);
            let lk = look(&entry_style);
            let (label, hang, title) = match a.title.strip_prefix(&a.number) {
                Some(title) if !a.number.is_empty() => {
                    (Some(Label::Text(a.number.clone())), hangs[usize::from(a.level.min(7))], title.trim_start())
                }
                _ => (None, 0.0, a.title.as_str()),
            };
            let spans = [Span { text: title.to_string(), look: lk.clone() }];
            // An entry for a briefing or topic in another language is in that language.
            let item = flow.structure.add(place.toc, Role::TOCI, &a.lang);
            let link = flow.structure.add(item, Role::Link, "");
            flow.structure.set_alt(link, &a.title);
            let first = flow.blocks.len();
            // Leave room on the right for the page number.
            flow.width -= number_room;
            let contents_lang = std::mem::replace(&mut flow.lang, a.lang.clone());
            let label = label.as_ref().map(|l| (l, indent, link));
            flow.paragraph(link, &spans, &entry_style, indent + hang, Align::Left, label);
            flow.lang = contents_lang;
            flow.width += number_room;
            // Every line of the entry leads to its page, number and leaders included.
            let x = flow.left + indent;
            for b in &mut flow.blocks[first..] {
                let target = LinkTarget::Anchor(i);
                b.items.push(Item::Link { x, y: 0.0, width: right - x, height: b.height, target, node: link });
            }
            if let Some(last) = flow.blocks[first..].last_mut() {
                let texts = last.items.iter().filter_map(|it| match it {
                    Item::Text(t) => Some(t),
                    _ => None,
                });
                let (text_end, baseline) =
                    texts.fold((flow.left, 0.0), |(end, _), t| (end.max(t.x + t.width), t.baseline));
                last.toc_entry = Some(TocEntry { anchor: i, node: link, right, baseline, look: lk, text_end });
            }
        }
        flow.space(theme.title_block.space_after.0);
    });
    flow.blocks.splice(place.at..place.at, blocks);
}

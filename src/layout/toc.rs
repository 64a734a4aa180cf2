//! The table of contents: one line per outline anchor, indented by level, with the page
//! number (filled in after pagination) right-aligned behind dot leaders.

use crate::theme::Align;

use super::flow::{look, Anchor, Flow, TocEntry};
use super::section::heading;
use super::text::Span;
use super::Item;

/// Lists anchors up to `max_level`.
pub fn contents(flow: &mut Flow<'_>, anchors: &[Anchor], max_level: u8) {
    let theme = flow.theme;
    let style = &theme.styles.toc;
    heading(flow, "", &theme.labels.toc, &theme.styles.heading, None, 0.0);
    let number_room = flow.str_width("0000", &look(style));
    let right = flow.left + flow.width;
    for (i, a) in anchors.iter().enumerate().filter(|(_, a)| a.level <= max_level) {
        let indent = f32::from(a.level) * theme.list_indent.0;
        let mut lk = look(style);
        lk.style.bold = a.level == 0;
        let spans = [Span { text: a.title.clone(), look: lk.clone() }];
        let first = flow.blocks.len();
        // Leave room on the right for the page number.
        flow.width -= number_room;
        flow.paragraph(&spans, style, indent, Align::Left, None);
        flow.width += number_room;
        if let Some(last) = flow.blocks[first..].last_mut() {
            let texts = last.items.iter().filter_map(|it| match it {
                Item::Text(t) => Some(t),
                _ => None,
            });
            let (text_end, baseline) = texts.fold((flow.left, 0.0), |(end, _), t| (end.max(t.x + t.width), t.baseline));
            last.toc_entry = Some(TocEntry { anchor: i, right, baseline, look: lk, text_end });
        }
    }
    flow.space(theme.title_block.space_after.0);
}

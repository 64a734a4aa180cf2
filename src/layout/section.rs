//! The numbered sections: the summary, the optional part heading, "Overview", and "Major
//! achievements" with one numbered subsection per topic. One [`heading`] helper sets every
//! heading of the briefing (sections, topics, the contact block's label, the contents).

use crate::model::Briefing;
use crate::theme::TextStyle;

use super::body;
use super::flow::{look, Flow, Label};
use super::structure::{NodeId, Role};
use super::text::Span;

/// Heading levels of a briefing's structure: the title is 1, the sections (and the part
/// heading, the contents and the contact block) 2, topics 3, headings inside bodies one below
/// the heading they are under. In a dossier, all one lower.
pub const SECTION: u8 = 2;
pub const TOPIC: u8 = 3;

/// Sets a heading of structure level `h` (plus the flow's offset): an optional number hanging
/// in the margin of a hanging indent, the title wrapping beside it, an outline anchor at
/// `level` (unless `None`), and kept with what follows. Returns the heading's element.
pub fn heading(flow: &mut Flow<'_>, number: &str, title: &str, style: &TextStyle, level: Option<u8>, h: u8) -> NodeId {
    let room = if number.is_empty() { 0.0 } else { number_room(flow, &[number], style) };
    heading_at(flow, number, title, style, level, h, room)
}

/// [`heading`] with the title text `room` points in from the number.
fn heading_at(
    flow: &mut Flow<'_>,
    number: &str,
    title: &str,
    style: &TextStyle,
    level: Option<u8>,
    h: u8,
    room: f32,
) -> NodeId {
    let look = look(style);
    if let Some(level) = level {
        let entry = if number.is_empty() { title.to_string() } else { format!("{number} {title}") };
        flow.anchor(&entry, level);
    }
    let h = (h + flow.level_offset).min(6);
    flow.heading_level = h;
    let node = flow.node(Role::H(h));
    let spans = [Span { text: title.to_string(), look: look.clone() }];
    let label = Label::Text(number.to_string());
    let first = flow.blocks.len();
    flow.paragraph(node, &spans, style, room, style.align, (!number.is_empty()).then_some((&label, 0.0, node)));
    for b in &mut flow.blocks[first..] {
        b.keep_with_next = true;
    }
    node
}

/// Room for the widest of `numbers` in a hanging indent: numbered headings of one list all
/// start their text at the same place ("9." and "10." alike).
fn number_room(flow: &Flow<'_>, numbers: &[&str], style: &TextStyle) -> f32 {
    let look = look(style);
    let widest = numbers.iter().map(|n| flow.str_width(n, &look)).fold(0.0, f32::max);
    (widest + 0.5 * style.size.0).max(flow.theme.list_indent.0)
}

/// Everything between the title block and the contact block.
pub fn sections(flow: &mut Flow<'_>, b: &Briefing) {
    let theme = flow.theme;
    let styles = &theme.styles;
    flow.heading_level = 1 + flow.level_offset;
    body::blocks(flow, &b.summary, &styles.summary, 0.0);
    if let Some(part) = &b.heading {
        heading(flow, "", part, &styles.part, None, SECTION);
    }
    let mut n = 0;
    if !b.overview.is_empty() {
        n += 1;
        heading(flow, &theme.numbering.section(n), &theme.labels.overview, &styles.heading, Some(0), SECTION);
        body::blocks(flow, &b.overview, &styles.body, 0.0);
    }
    n += 1;
    heading(flow, &theme.numbering.section(n), &theme.labels.achievements, &styles.heading, Some(0), SECTION);
    let numbers: Vec<String> = (1..=b.topics.len()).map(|k| theme.numbering.subsection(n, k)).collect();
    let room = number_room(flow, &numbers.iter().map(String::as_str).collect::<Vec<_>>(), &styles.subheading);
    let briefing_lang = flow.lang.clone();
    for (topic, number) in b.topics.iter().zip(&numbers) {
        // A topic in another language: its elements say so.
        flow.lang = topic.lang.clone().unwrap_or_else(|| briefing_lang.clone());
        heading_at(flow, number, &topic.title, &styles.subheading, Some(1), TOPIC, room);
        body::blocks(flow, &topic.body, &styles.body, room);
    }
    flow.lang = briefing_lang;
}

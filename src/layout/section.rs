//! The numbered sections: the summary, the optional part heading, "Overview", and "Major
//! achievements" with one numbered subsection per topic. One [`heading`] helper sets every
//! heading of the briefing (sections, topics, the contact block's label).

use crate::model::Briefing;
use crate::theme::{Align, TextStyle};

use super::body;
use super::flow::{look, Flow};
use super::text::Span;

/// Sets a heading: an optional number hanging in the margin of a hanging indent, the title
/// wrapping beside it, an outline anchor at `level` (unless `None`), and kept with what follows.
/// Returns the indent at which the title text starts.
pub fn heading(
    flow: &mut Flow<'_>,
    number: &str,
    title: &str,
    style: &TextStyle,
    level: Option<u8>,
    indent: f32,
) -> f32 {
    let look = look(style);
    let text_indent = if number.is_empty() {
        indent
    } else {
        let w = flow.str_width(number, &look) + 0.5 * f32::from(style.size.0);
        indent + w.max(flow.theme.list_indent.0)
    };
    if let Some(level) = level {
        let entry = if number.is_empty() {
            title.to_string()
        } else {
            format!("{number} {title}")
        };
        flow.anchor(&entry, level);
    }
    let spans = [Span {
        text: title.to_string(),
        look: look.clone(),
    }];
    let label = (!number.is_empty()).then_some((number, indent));
    let first = flow.blocks.len();
    flow.paragraph(&spans, style, text_indent, Align::Left, label);
    for b in &mut flow.blocks[first..] {
        b.keep_with_next = true;
    }
    text_indent
}

/// Everything between the title block and the contact block.
pub fn sections(flow: &mut Flow<'_>, b: &Briefing) {
    let theme = flow.theme;
    let styles = &theme.styles;
    body::blocks(flow, &b.summary, &styles.summary, 0.0);
    if let Some(part) = &b.heading {
        heading(flow, "", part, &styles.part, None, 0.0);
    }
    let mut n = 0;
    if !b.overview.is_empty() {
        n += 1;
        heading(
            flow,
            &theme.numbering.section(n),
            &theme.labels.overview,
            &styles.heading,
            Some(0),
            0.0,
        );
        body::blocks(flow, &b.overview, &styles.body, 0.0);
    }
    n += 1;
    heading(
        flow,
        &theme.numbering.section(n),
        &theme.labels.achievements,
        &styles.heading,
        Some(0),
        0.0,
    );
    for (k, topic) in b.topics.iter().enumerate() {
        let number = theme.numbering.subsection(n, k + 1);
        let indent = heading(
            flow,
            &number,
            &topic.title,
            &styles.subheading,
            Some(1),
            0.0,
        );
        body::blocks(flow, &topic.body, &styles.body, indent);
    }
}

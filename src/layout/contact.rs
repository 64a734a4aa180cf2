//! The inquiry contact block at the end, set apart by a frame or a rule: the note, the office,
//! and labelled TEL / FAX / e-mail / web lines.

use crate::model::Contact;
use crate::theme::{Align, ContactStyle};

use super::flow::{look, Flow, Group};
use super::section::heading;
use super::text::Span;

pub fn contact_block(flow: &mut Flow<'_>, c: &Contact) {
    let theme = flow.theme;
    let styles = &theme.styles;
    let ct = &theme.contact;
    flow.space(styles.heading.space_before.0);
    if ct.heading {
        heading(flow, "", &theme.labels.contact, &styles.heading, Some(0), 0.0);
    } else {
        flow.anchor(&theme.labels.contact, 0);
    }
    let pad = ct.padding.0;
    flow.begin_group(Group {
        color: theme.colors.frame,
        frame: ct.style == ContactStyle::Frame,
        left: flow.left,
        right: flow.left + flow.width,
    });
    flow.strut(pad);
    let text = |t: &str| Span { text: t.to_string(), look: look(&styles.contact) };
    let label = |t: &str| Span { text: t.to_string(), look: look(&styles.contact_label) };
    // (spans, space after): the label and the note stand apart from the lines under them.
    let mut paragraphs: Vec<(Vec<Span>, f32)> = Vec::new();
    if ct.label && !ct.heading {
        paragraphs.push((vec![label(&theme.labels.contact)], styles.contact_label.space_after.0));
    }
    if let Some(note) = &c.note {
        paragraphs.push((vec![text(note)], styles.contact.space_after.0));
    }
    if let Some(name) = &c.name {
        paragraphs.push((vec![text(name)], 0.0));
    }
    let office: Vec<&str> =
        [&c.division, &c.bureau, &c.organisation].into_iter().flatten().map(String::as_str).collect();
    if !office.is_empty() {
        paragraphs.push((vec![text(&office.join(", "))], 0.0));
    }
    let lines = [
        (&theme.labels.tel, &c.tel, None),
        (&theme.labels.fax, &c.fax, None),
        (&theme.labels.email, &c.email, c.email.as_ref().map(|e| format!("mailto:{e}"))),
        (&theme.labels.url, &c.url, c.url.clone()),
    ];
    for (name, value, link) in lines {
        if let Some(value) = value {
            let mut v = text(value);
            if let Some(target) = link {
                v.look.link = Some(target);
                v.look.color = theme.colors.link;
            }
            paragraphs.push((vec![label(&format!("{name}: ")), v], 0.0));
        }
    }
    let mut style = styles.contact.clone();
    style.space_before.0 = 0.0;
    // The padding on the right too: lines end `pad` before the frame, as they start after it.
    flow.width -= pad;
    for (p, after) in &paragraphs {
        let mut s = style.clone();
        s.space_after.0 = *after;
        flow.paragraph(p, &s, pad, Align::Left, None);
    }
    flow.width += pad;
    flow.strut(pad);
    flow.end_group();
    // Keep the block in one piece where it fits on a page.
    for b in flow.blocks.iter_mut().rev().take_while(|b| b.group.is_some()).skip(1) {
        b.keep_with_next = true;
    }
}

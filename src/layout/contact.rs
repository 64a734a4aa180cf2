//! The inquiry contact block at the end, set apart by a frame or a rule: the note, the office,
//! and labelled TEL / FAX / e-mail / web lines.

use crate::model::Contact;
use crate::theme::{ContactStyle, Labels, OfficeOrder};

use super::flow::{look, Flow, Group};
use super::section::{heading, SECTION};
use super::structure::Role;
use super::text::Span;
use super::LinkTarget;

pub fn contact_block(flow: &mut Flow<'_>, c: &Contact) {
    let theme = flow.theme;
    let styles = &theme.styles;
    let ct = &theme.contact;
    flow.space(styles.heading.space_before.0);
    // One element holds the block: its label (a heading, for getting around) and its lines.
    let (_, outer) = flow.enter(Role::Div);
    if ct.heading {
        heading(flow, "", &theme.labels.contact, &styles.heading, Some(0), SECTION);
    } else {
        flow.anchor("", &theme.labels.contact, 0);
    }
    // Side by side (a column half as wide as the template's check saw), the padding leaves
    // the lines at least as much room as an indent does (text44b F44b-3).
    let pad = ct.padding.0.min(flow.inset(flow.width, 0.0) / 2.0);
    flow.begin_group(Group {
        color: theme.colors.frame,
        frame: ct.style == ContactStyle::Frame,
        left: flow.left,
        right: flow.left + flow.width,
    });
    flow.strut(pad);
    let text = |t: &str| Span { text: t.to_string(), look: look(&styles.contact) };
    let label = |t: &str| Span { text: t.to_string(), look: look(&styles.contact_label) };
    // In a redline, a changed line shows its old text beside the new (an empty side left out).
    let before = |field: &str| flow.old_value(&format!("contact.{field}")).map(str::to_string);
    let marked = |old: Option<String>, spans: Vec<Span>| match old {
        Some(old) => flow.changed_spans(&old, spans),
        None => spans,
    };
    // (role, spans, space after): the label and the note stand apart from the lines under them.
    let mut paragraphs: Vec<(Role, Vec<Span>, f32)> = Vec::new();
    if ct.label && !ct.heading {
        let h = Role::H((SECTION + flow.level_offset).min(6));
        paragraphs.push((h, vec![label(&theme.labels.contact)], styles.contact_label.space_after.0));
    }
    for (field, value, after) in [("note", &c.note, styles.contact.space_after.0), ("name", &c.name, 0.0)] {
        let (new, old) = (value.clone().unwrap_or_default(), before(field));
        if !new.is_empty() || old.as_deref().is_some_and(|o| !o.is_empty()) {
            paragraphs.push((Role::P, marked(old, vec![text(&new)]), after));
        }
    }
    let office_of = |parts: [Option<String>; 3]| office_line(parts, &theme.labels);
    let office = office_of([c.division.clone(), c.bureau.clone(), c.organisation.clone()]);
    let parts = [("division", &c.division), ("bureau", &c.bureau), ("organisation", &c.organisation)];
    let office_before = parts
        .iter()
        .any(|(f, _)| before(f).is_some())
        .then(|| office_of(parts.map(|(f, value)| before(f).or_else(|| value.clone()))))
        .filter(|o| *o != office);
    if !office.is_empty() || office_before.as_deref().is_some_and(|o| !o.is_empty()) {
        paragraphs.push((Role::P, marked(office_before, vec![text(&office)]), 0.0));
    }
    let lines = [
        (&theme.labels.tel, &c.tel, None),
        (&theme.labels.fax, &c.fax, None),
        (&theme.labels.email, &c.email, c.email.as_deref().map(mail_target)),
        (&theme.labels.url, &c.url, c.url.as_deref().map(web_target)),
    ];
    for ((name, value, link), field) in lines.into_iter().zip(["tel", "fax", "email", "url"]) {
        let old = before(field);
        if value.is_none() && old.is_none() {
            continue;
        }
        let new = value.clone().unwrap_or_default();
        let mut v = text(&new);
        if let Some(target) = link {
            v.look.link = Some(LinkTarget::Uri(target));
            v.look.color = theme.colors.link;
            v.look.group = 1;
        }
        let name = label(&format!("{name}{}", theme.labels.label_suffix));
        let spans = match old {
            Some(old) => {
                let mut spans = flow.changed_labelled(name, &old, vec![v]);
                // An old address, deleted, leads where it did, as in the box (text17 F6).
                let target = field_target(&format!("contact.{field}"), &old).filter(|_| !old.is_empty());
                if let (Some(target), Some(deleted)) = (target, spans.get_mut(1).filter(|s| s.text == old)) {
                    deleted.look.link = Some(LinkTarget::Uri(target));
                }
                spans
            }
            None => vec![name, v],
        };
        paragraphs.push((Role::P, spans, 0.0));
    }
    let mut style = styles.contact.clone();
    style.space_before.0 = 0.0;
    // The padding on the right too: lines end `pad` before the frame, as they start after it.
    flow.width -= pad;
    for (role, p, after) in paragraphs {
        let mut s = style.clone();
        s.space_after.0 = after;
        let node = flow.node(role);
        let text: String = p.iter().map(|s| s.text.as_str()).collect();
        flow.own_language(node, &text);
        flow.paragraph(node, &p, &s, pad, s.align, None);
    }
    flow.width += pad;
    flow.strut(pad);
    flow.end_group();
    flow.leave(outer);
    // Keep the block in one piece where it fits on a page.
    for b in flow.blocks.iter_mut().rev().take_while(|b| b.group.is_some()).skip(1) {
        b.keep_with_next = true;
    }
}

/// The office line: division, bureau and organisation (those given), in the order and with
/// the joiner the labels say.
pub fn office_line(parts: [Option<String>; 3], labels: &Labels) -> String {
    let mut office: Vec<String> = parts.into_iter().flatten().filter(|s| !s.is_empty()).collect();
    if labels.office_order == OfficeOrder::LargestFirst {
        office.reverse();
    }
    office.join(&labels.office_joiner)
}

/// Where a contact URL leads: as written when it names a scheme (`https:`, `mailto:` …),
/// otherwise the `https://` that `www.example.org` means.
pub fn web_target(url: &str) -> String {
    let url = &*crate::script::link_address(url);
    let scheme = url.split_once(':').map(|(s, _)| s);
    let has_scheme = scheme.is_some_and(|s| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
            && !s.contains('.')
    });
    if has_scheme {
        url.to_string()
    } else {
        format!("https://{url}")
    }
}

/// Where a changed field's value leads, as the contact block links it: an e-mail address
/// (`contact.email`) or a web address (`contact.url`); `None` for any other field.
pub fn field_target(field: &str, value: &str) -> Option<String> {
    match field {
        "contact.email" => Some(mail_target(value)),
        "contact.url" => Some(web_target(value)),
        _ => None,
    }
}

/// The `mailto:` link of an e-mail address, written with or without it.
pub fn mail_target(email: &str) -> String {
    if email.starts_with("mailto:") {
        email.to_string()
    } else {
        format!("mailto:{email}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_without_a_scheme_lead_to_https() {
        assert_eq!(web_target("www.soumu.go.jp/menu_news/"), "https://www.soumu.go.jp/menu_news/");
        assert_eq!(web_target("example.org:8080/x"), "https://example.org:8080/x");
        assert_eq!(web_target("https://www.soumu.go.jp/"), "https://www.soumu.go.jp/");
        assert_eq!(web_target("http://example.org"), "http://example.org");
    }

    #[test]
    fn a_wide_padding_in_a_narrow_column_leaves_the_lines_room() {
        // text44b F44b-3: a padding the template's check allows across the page, side by
        // side (a column half as wide), set the contact block a few letters a line.
        let fonts = crate::fonts::FontBook::builtin();
        let file = crate::diag::SourceFile::new("mine.yaml", "contact: { padding: 150 }\n");
        let theme = crate::theme::Theme::resolve(crate::theme::TemplateRef::File(&file)).unwrap();
        let (left, width) = (90.0, 196.0);
        let mut flow = Flow::new(&fonts, &theme, left, width, "en");
        let contact = Contact { note: Some("For further information please write to us".into()), ..Contact::default() };
        contact_block(&mut flow, &contact);
        let lines: Vec<(f32, f32)> = flow
            .blocks
            .iter()
            .flat_map(|b| &b.items)
            .filter_map(|i| match i {
                crate::layout::Item::Text(t) if t.text.trim() != "Contact" => Some((t.x, t.x + t.width)),
                _ => None,
            })
            .collect();
        assert!(!lines.is_empty());
        let min = crate::theme::MIN_INDENTED * 0.5 * theme.styles.body.size.0;
        for (start, end) in lines {
            assert!(start >= left && end <= left + width, "{start}..{end}");
        }
        // The padding is kept, smaller, on the left as on the right, and leaves the lines at
        // least the room an indent does.
        let start = flow.blocks.iter().flat_map(|b| &b.items).fold(f32::MAX, |x, i| match i {
            crate::layout::Item::Text(t) if t.text.trim() != "Contact" => x.min(t.x),
            _ => x,
        });
        assert!(start > left + 10.0 && width - 2.0 * (start - left) >= min - 0.01, "{start}");
    }

    #[test]
    fn mail_links_get_one_mailto() {
        assert_eq!(mail_target("desk@example.org"), "mailto:desk@example.org");
        assert_eq!(mail_target("mailto:desk@example.org"), "mailto:desk@example.org");
    }
}

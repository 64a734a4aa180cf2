//! A redline (`briefing diff OLD NEW`): a box that sums up the changes, then the new briefing
//! with inserted text underlined and deleted text struck through (each in its colour), and a
//! change bar in the margin beside every changed line. The marks themselves are drawn where
//! the text is set ([`super::flow::Flow::change_marks`]); this room adds the box.

use crate::fonts::FontBook;
use crate::markdown::Change;
use std::sync::Arc;

use crate::redline::Redline;
use crate::theme::Theme;

use super::flow::{look, Flow, Group};
use super::structure::Role;
use super::text::Span;
use super::{contact, content_box, finish, section, title, Document, LinkTarget, Options};

/// Lays out `r` (the new briefing, marked) after a box that sums up the changes since
/// `since` (the old version's name).
pub fn redline(r: &Redline, since: &str, theme: &Theme, fonts: &FontBook, options: Options) -> Document {
    let b = &r.briefing;
    let (left, width) = content_box(theme);
    let mut flow = Flow::new(fonts, theme, left, width, &b.lang);
    flow.change_bar = Some(left - (theme.styles.body.size.0 * 0.8).max(6.0));
    flow.fields = r.fields.clone();
    summary_box(&mut flow, r, since);
    if let Some(aspect) = options.logo_aspect {
        title::logo(&mut flow, aspect, b);
    }
    title::title_block(&mut flow, b);
    section::sections(&mut flow, b);
    contact::contact_block(&mut flow, &b.contact);
    finish(flow, &[(b, theme, b.draft)], (None, None), fonts)
}

/// The box: what changed, in counts, fields old → new, and how to read the marks; in the
/// words of the theme's labels, in their language (`changes_lang`), which its element names.
fn summary_box(flow: &mut Flow<'_>, r: &Redline, since: &str) {
    let theme = flow.theme;
    let styles = &theme.styles;
    let labels = &theme.labels;
    let briefing_lang = std::mem::replace(&mut flow.lang, labels.changes_lang.clone());
    let (node, outer) = flow.enter(Role::Div);
    flow.structure.set_lang(node, &labels.changes_lang);
    let pad = theme.contact.padding.0;
    flow.begin_group(Group {
        color: theme.colors.changed,
        frame: true,
        left: flow.left,
        right: flow.left + flow.width,
    });
    flow.strut(pad);
    let plain = |t: &str| Span { text: t.to_string(), look: look(&styles.contact) };
    let marked = |t: &str, change: Change, group: u32| {
        let mut l = look(&styles.contact);
        l.mark(change, group, &theme.colors);
        Span { text: t.to_string(), look: l }
    };
    let heading = look(&styles.contact_label);
    let title = labels.changes_since.replace("{since}", since);
    let mut paragraphs: Vec<Vec<Span>> = vec![vec![Span { text: title, look: heading }]];
    if r.stat.is_empty() {
        paragraphs.push(vec![plain(&labels.no_changes)]);
    } else {
        paragraphs.push(vec![plain(&crate::redline::totals(&r.stat, labels))]);
        // A topic's title, in a line about it, is read in the topic's language.
        let langs = crate::redline::topic_langs(r);
        for p in &r.parts {
            let line = crate::redline::part_line(p, labels);
            let Some((title, lang)) = crate::redline::title_in_line(p, &line, &langs) else {
                paragraphs.push(vec![plain(&line)]);
                continue;
            };
            let mut own = look(&styles.contact);
            (own.group, own.lang) = (1, Some(Arc::from(lang)));
            let shown = Span { text: line[title.clone()].to_string(), look: own };
            paragraphs.push(vec![plain(&line[..title.start]), shown, plain(&line[title.end..])]);
        }
        for f in &r.fields {
            let mut spans = vec![plain(&format!("{}: ", crate::redline::field_name(&f.field, labels)))];
            let lang = crate::redline::field_lang(&f.field, r).map(Arc::from);
            // An address leads where it says, as in the contact block, old or new.
            let changed = |text: &str, change, group| {
                let mut span = marked(text, change, group);
                span.look.lang = lang.clone();
                span.look.link = contact::field_target(&f.field, text).map(LinkTarget::Uri);
                span
            };
            if !f.old.is_empty() {
                spans.push(changed(&f.old, Change::Deleted, 1));
            }
            // (An arrow between two values only: a field added or removed is its value, marked.)
            if !f.old.is_empty() && !f.new.is_empty() {
                spans.push(plain(" → "));
            }
            if !f.new.is_empty() {
                spans.push(changed(&f.new, Change::Inserted, 2));
            }
            paragraphs.push(spans);
        }
        paragraphs.push(vec![plain(&labels.changes_legend)]);
    }
    let mut style = styles.contact.clone();
    style.space_before.0 = 0.0;
    style.space_after.0 = 1.0;
    flow.width -= pad;
    // The box's own marks need no bars beside them.
    let bar = flow.change_bar.take();
    for spans in paragraphs {
        let node = flow.node(Role::P);
        flow.paragraph(node, &spans, &style, pad, style.align, None);
    }
    flow.change_bar = bar;
    flow.width += pad;
    flow.strut(pad);
    flow.end_group();
    flow.leave(outer);
    flow.lang = briefing_lang;
    flow.space(styles.title.space_before.0.max(12.0));
}

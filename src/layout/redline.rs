//! A redline (`briefing diff OLD NEW`): a box that sums up the changes, then the new briefing
//! with inserted text underlined and deleted text struck through (each in its colour), and a
//! change bar in the margin beside every changed line. The marks themselves are drawn where
//! the text is set ([`super::flow::Flow::change_marks`]); this room adds the box.

use crate::fonts::FontBook;
use crate::markdown::Change;
use crate::redline::Redline;
use crate::theme::Theme;

use super::flow::{look, Flow, Group};
use super::structure::Role;
use super::text::Span;
use super::{contact, content_box, finish, section, title, Document, Options};

/// The words of the box, in English or Japanese.
struct Words {
    heading: &'static str,
    none: &'static str,
    legend: &'static str,
    arrow: &'static str,
}

fn words(lang: &str) -> Words {
    if crate::script::primary_language(lang) == "ja" {
        Words {
            heading: "変更点（{since}との比較）",
            none: "変更はありません。",
            legend:
                "挿入された文字は下線付き、削除された文字は取り消し線付きで示し、変更のある行の左に線を引いています。",
            arrow: " → ",
        }
    } else {
        Words {
            heading: "Changes since {since}",
            none: "No changes: the two versions are the same.",
            legend: "Inserted text is underlined twice, deleted text struck through, and a bar in the margin marks every changed line.",
            arrow: " → ",
        }
    }
}

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
    finish(flow, &[(b, theme, b.draft)], fonts)
}

/// The box: what changed, in counts, fields old → new, and how to read the marks.
fn summary_box(flow: &mut Flow<'_>, r: &Redline, since: &str) {
    let theme = flow.theme;
    let styles = &theme.styles;
    let w = words(&r.briefing.lang);
    let (_, outer) = flow.enter(Role::Div);
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
    let mut paragraphs: Vec<Vec<Span>> = vec![vec![Span { text: w.heading.replace("{since}", since), look: heading }]];
    if r.stat.is_empty() {
        paragraphs.push(vec![plain(w.none)]);
    } else {
        paragraphs.push(vec![plain(&crate::redline::totals(&r.stat))]);
        for p in &r.parts {
            let line = match p.change {
                None => format!(
                    "{}: {} inserted, {} deleted",
                    p.part,
                    crate::redline::words(p.words_inserted),
                    p.words_deleted
                ),
                Some(Change::Inserted) => format!("{}: added", p.part),
                Some(Change::Deleted) => format!("{}: removed", p.part),
            };
            paragraphs.push(vec![plain(&line)]);
        }
        for f in &r.fields {
            let mut spans = vec![plain(&format!("{}: ", f.field))];
            if !f.old.is_empty() {
                spans.push(marked(&f.old, Change::Deleted, 1));
            }
            spans.push(plain(w.arrow));
            if !f.new.is_empty() {
                spans.push(marked(&f.new, Change::Inserted, 2));
            }
            paragraphs.push(spans);
        }
        paragraphs.push(vec![plain(w.legend)]);
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
    flow.space(styles.title.space_before.0.max(12.0));
}

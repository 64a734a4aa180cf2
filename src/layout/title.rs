//! The title block at the top of page 1: title (the document's first heading), date (written
//! out in the template's format) and organisation, with an optional rule below.

use crate::model::Briefing;
use crate::theme::{Align, DatePlacement};

use super::flow::{look, Block, Flow};
use super::format_date;
use super::structure::Role;
use super::text::Span;
use super::Item;

pub fn title_block(flow: &mut Flow<'_>, b: &Briefing) {
    title_text(flow, b);
    rule_below(flow);
}

/// The title block's text: title, date and organisation.
pub fn title_text(flow: &mut Flow<'_>, b: &Briefing) {
    let theme = flow.theme;
    let tb = &theme.title_block;
    let styles = &theme.styles;
    let date = format_date(b.date, &theme.date_format, &theme.months.0);
    // In a redline, a changed field shows its old value beside the new.
    let meta = |flow: &mut Flow<'_>, text: &str, align: Align, field: &str| {
        let mut spans = vec![Span { text: text.to_string(), look: look(&styles.meta) }];
        if let Some(old) = flow.old_value(field) {
            let old = match field {
                "date" => crate::model::Date::parse_iso(old)
                    .map_or_else(|| old.to_string(), |d| format_date(d, &theme.date_format, &theme.months.0)),
                _ => old.to_string(),
            };
            spans = flow.changed_spans(&old, spans);
        }
        let p = flow.node(Role::P);
        if field == "organisation" {
            flow.own_language(p, text);
        }
        flow.paragraph(p, &spans, &styles.meta, 0.0, align, None);
    };
    if tb.date == DatePlacement::AboveRight {
        meta(flow, &date, Align::Right, "date");
        flow.space(styles.meta.space_after.0 * 3.0);
    }
    // (In a redline, a changed title's words are marked, as a topic's are.)
    let spans = match flow.marked_value("title") {
        Some(marked) => super::body::spans(marked, &styles.title, flow),
        None => vec![Span { text: b.title.clone(), look: look(&styles.title) }],
    };
    let h = flow.node(Role::H(1 + flow.level_offset));
    flow.own_language(h, &b.title);
    flow.paragraph(h, &spans, &styles.title, 0.0, tb.align, None);
    if tb.date == DatePlacement::BelowTitle {
        meta(flow, &date, tb.align, "date");
    }
    // (In a redline, an organisation removed is there, deleted.)
    let org = b.organisation.clone().unwrap_or_default();
    if !org.is_empty() || flow.old_value("organisation").is_some_and(|o| !o.is_empty()) {
        meta(flow, &org, tb.align, "organisation");
    }
}

/// What ends the title block: its rule, if the template has one, and the space after it.
/// Set on its own, so that side by side (`--parallel`) both columns' rules are level.
pub fn rule_below(flow: &mut Flow<'_>) {
    let theme = flow.theme;
    let tb = &theme.title_block;
    if tb.rule_below {
        flow.space(4.0);
        flow.rule(theme.colors.rule, 0.0, 2.0);
    }
    flow.space(tb.space_after.0);
}

/// The cover of a dossier: its title and date, a third of the way down the page, and its
/// briefings' `markings` (each with its language) when they are too long together for its
/// running line: then whether they are printed here.
pub fn cover(flow: &mut Flow<'_>, cover: &super::Cover, markings: &[(String, String)]) -> bool {
    let theme = flow.theme;
    let styles = &theme.styles;
    flow.strut(theme.page.size.height * 0.2);
    let mut big = styles.title.clone();
    big.size.0 += 6.0;
    let spans = [Span { text: cover.title.clone(), look: look(&big) }];
    let h = flow.node(Role::H(1));
    if let Some(lang) = &cover.title_lang {
        flow.structure.set_lang(h, lang);
    }
    flow.paragraph(h, &spans, &big, 0.0, theme.title_block.align, None);
    let date = format_date(cover.date, &theme.date_format, &theme.months.0);
    let spans = [Span { text: date, look: look(&styles.meta) }];
    let p = flow.node(Role::P);
    flow.paragraph(p, &spans, &styles.meta, 0.0, theme.title_block.align, None);
    // Markings too long together for the running line, cut short there, are printed here in
    // full, each in its language: none is lost.
    let joined = markings.iter().map(|m| m.0.as_str()).collect::<Vec<_>>().join(" / ");
    let in_full = !markings.is_empty() && super::marking::cover_in_full(flow, &joined);
    if in_full {
        let parts: Vec<(&str, &str)> = markings.iter().map(|(m, l)| (m.as_str(), l.as_str())).collect();
        let around = flow.lang.clone();
        let spans: Vec<Span> = super::marking::pieces_of(&parts, false, &around)
            .into_iter()
            .enumerate()
            .map(|(k, piece)| {
                let mut l = look(&styles.meta);
                l.style.bold = true;
                let lang = if piece.lang.is_empty() { around.as_str() } else { piece.lang.as_str() };
                (l.group, l.lang) = (k as u32 + 1, Some(std::sync::Arc::from(lang)));
                Span { text: piece.typed, look: l }
            })
            .collect();
        let p = flow.node(Role::P);
        flow.paragraph(p, &spans, &styles.meta, 0.0, theme.title_block.align, None);
    }
    flow.space(4.0);
    flow.rule(theme.colors.rule, 0.0, 2.0);
    flow.space(theme.title_block.space_after.0 * 2.0);
    in_full
}

/// What the logo shows, for readers who cannot see it (the PDF's figure, the web page's `alt`):
/// the template's `logo_alt`, or else the organisation's name.
pub fn logo_alt(tb: &crate::theme::TitleBlock, b: &Briefing) -> String {
    match (tb.logo_alt.trim(), &b.organisation) {
        ("", Some(org)) => format!("Logo: {org}"),
        ("", None) => "Logo".to_string(),
        (alt, _) => alt.to_string(),
    }
}

/// The template's logo above the title block, `logo_width` wide, aligned as it says: a figure
/// whose text alternative is the template's `logo_alt`, or else names the organisation.
pub fn logo(flow: &mut Flow<'_>, aspect: f32, b: &Briefing) {
    let tb = &flow.theme.title_block;
    let width = tb.logo_width.pt().min(flow.width);
    let height = width * aspect;
    let x = flow.left
        + match tb.logo_align {
            Align::Left | Align::Justify => 0.0,
            Align::Center => (flow.width - width) / 2.0,
            Align::Right => flow.width - width,
        };
    let alt = logo_alt(tb, b);
    let node = flow.node(Role::Figure);
    flow.structure.set_alt(node, &alt);
    flow.structure.content(node);
    flow.push(Block { height, items: vec![Item::Logo { x, y: 0.0, width, height, node }], ..Block::default() });
    flow.space(flow.theme.styles.meta.space_after.0 * 3.0);
}

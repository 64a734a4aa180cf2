//! The running header and footer, added once the page count is known ("Page 2 of 3").

use crate::fonts::FontBook;
use crate::model::Briefing;
use crate::theme::{Running, Theme};

use super::capitals::capitals;
use super::cut::{advice, bounded, clip, clip_title, fitting_size, typed_like};
use super::flow::{look, Flow};
use super::marking::{self, cut_like, marking_language, marking_look};
use super::structure::{Artifact, NodeId, Structure, Tag};
use super::text::Look;
use super::{format_date, Document, Item};

/// What the placeholders of one briefing's running lines print. A value wider than the whole
/// line is cut to what fits, with an ellipsis, once per briefing: a title of megabytes must
/// not be copied and measured again on each of its thousands of pages.
#[derive(Clone)]
pub struct Fill {
    pub title: String,
    pub short_title: String,
    pub date: String,
    pub marking: String,
    /// The language of the title and date: its briefing's (or a dossier cover's).
    pub lang: String,
    /// The language the marking is written in (`""`: its owner's element's).
    pub marking_lang: String,
    /// Side by side, the second column's marking when it differs from the first's, or on a
    /// dossier's cover the markings of its other briefings: printed after it, each in its own
    /// case (`For official use only / 取扱注意 / Μόνο για υπηρεσιακή χρήση`), and each one's
    /// language.
    pub marking_more: Vec<(String, String)>,
    /// The marking (either column's) is already cut short to what a line can hold.
    pub marking_cut: bool,
    /// The title and the short title are already cut short to what a line can hold at the
    /// smallest size: a part that prints one is cut, which the build reports.
    pub titles_cut: [bool; 2],
    /// A dossier's cover, which prints its title and date large: running parts that would
    /// repeat them are left off it.
    pub cover: bool,
    /// The `page_of` label ("Page {page} of {pages}"), itself with placeholders.
    pub page_of: String,
}

impl Fill {
    pub fn new(b: &Briefing, theme: &Theme, flow: &Flow<'_>, look: &Look) -> Fill {
        // (On one line, a line break a space: text41a F41a-14, two lines printed over each other.)
        let clip_to = |s: &str, look: &Look| clip(flow, &s.replace('\n', " "), flow.width, look);
        // (At the smallest size a running line is set at: a title as wide as the line at the
        // template's size is set smaller before it is cut, as `line` does. Cut here at that,
        // it printed cut short with no warning: text47a F47a-17.)
        let running = Look { size: SMALLEST, ..in_language(flow, look, &b.lang) };
        let clip = |s: &str| clip_to(s, &running);
        let (title, short_title) = (clip(&b.title), clip(&b.short_title));
        let typed_marking = b.marking.as_deref().unwrap_or("").replace('\n', " ");
        // Set smaller when long (see `line`): cut only past what fits at the smallest size.
        let marking = clip_to(&typed_marking, &Look { size: SMALLEST, ..marking_look(theme, look) });
        Fill {
            marking_cut: marking != typed_marking,
            titles_cut: [title != b.title.replace('\n', " "), short_title != b.short_title.replace('\n', " ")],
            title,
            short_title,
            date: clip(&format_date(b.date, &theme.date_format, &theme.months.0)),
            // A marking in Japanese script alone (`取扱注意`) is Japanese, whatever the
            // briefing's language: too short for detection, but plain from its letters.
            marking_lang: marking_language(&marking, &b.lang),
            lang: b.lang.clone(),
            marking,
            marking_more: Vec::new(),
            cover: false,
            page_of: theme.labels.page_of.clone(),
        }
    }
}

/// Fills the template's placeholders, in one pass: a value that itself holds `{date}` (a
/// title "The {date} field") is printed as written. With `caps`, the values (title, date,
/// marking) are in capitals; the template's own words (`Page … of …`) are not.
pub fn expand(template: &str, fill: &Fill, page: usize, pages: usize, caps: bool) -> String {
    fill_in(template, fill, (page, pages), caps, true)
}

/// [`expand`]; `label` says whether `{page_of}` may be filled (not inside the label itself).
fn fill_in<'a>(template: &str, fill: &'a Fill, (page, pages): (usize, usize), caps: bool, label: bool) -> String {
    let mut out = String::with_capacity(template.len() + fill.title.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let value = |v: &str, lang: &str| if caps { capitals(v, lang) } else { v.to_string() };
        // The marking's language (`""`: the briefing's).
        let in_lang = |lang: &'a str| if lang.is_empty() { fill.lang.as_str() } else { lang };
        match &after[..close] {
            // The label has placeholders of its own: its page numbers.
            "page_of" if label => out.push_str(&fill_in(&fill.page_of, fill, (page, pages), false, false)),
            "title" => out.push_str(&value(&fill.title, &fill.lang)),
            "short_title" => out.push_str(&value(&fill.short_title, &fill.lang)),
            "date" => out.push_str(&value(&fill.date, &fill.lang)),
            "marking" => {
                out.push_str(&value(&fill.marking, in_lang(&fill.marking_lang)));
                for (more, lang) in &fill.marking_more {
                    out.push_str(" / ");
                    out.push_str(&value(more, in_lang(lang)));
                }
            }
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

/// The second column of a parallel document: its briefing, template and left edge.
pub(super) type Second<'a> = Option<(&'a Briefing, &'a Theme, f32)>;

/// A dossier cover's markings for its running line, each with its language: none when
/// they are printed in full under its title.
pub(super) type CoverMarkings<'a> = Option<&'a [(String, String)]>;

/// Adds header and footer lines (and their rules) to every page they belong on; each page
/// shows the title and date of its owner.
/// Each owner's title and date are printed in its own theme's format (`owners[i]`: briefing,
/// theme, draft); the lines' layout is the first owner's.
/// Each owner's marking is read on its first page, first in the element `parents[i]` (the
/// document, or its briefing's section in a dossier).
/// Side by side (`--parallel`), `second` is the second column's briefing and theme and where
/// that column starts: its running title is printed at its column, in its language, and
/// both markings are printed. A dossier's cover shows `cover_markings`.
pub fn decorate(
    doc: &mut Document,
    owners: &[(&Briefing, &Theme, bool)],
    parents: &[NodeId],
    (second, cover_markings): (Second<'_>, CoverMarkings<'_>),
    fonts: &FontBook,
) {
    let Some(&(_, theme, _)) = owners.first() else { return };
    let page_theme = &theme.page;
    let left = page_theme.margin_left.pt();
    let right = doc.width - page_theme.margin_right.pt();
    let mut flow = Flow::new(fonts, theme, left, right - left, "");
    let style = &crate::theme::running_style(theme);
    let look = look(style);
    let size = style.size.0;
    let (line_height, ascent) = flow.line_metrics(size, style.line_height.0);
    // The marking stands apart from the running head, on a line of its own when it shares
    // its line with other parts.
    let marking_look = marking_look(theme, &look);
    let marking_line = flow.line_metrics(marking_look.size, style.line_height.0).0;
    // The header sits in the top margin, its rule a line above the content; the footer
    // starts a line below the content.
    let top = page_theme.margin_top.pt();
    let header_top = (top - 2.5 * line_height).max(0.0);
    let footer_top = doc.height - page_theme.margin_bottom.pt() + 1.0 * line_height;
    let pages = doc.pages.len();
    let mut fills: Vec<Fill> = owners.iter().map(|&(b, t, _)| Fill::new(b, t, &flow, &look)).collect();
    let second = second.map(|(b, t, x)| (Fill::new(b, t, &flow, &look), x));
    if let (Some(parts), Some(cover)) = (cover_markings, fills.first_mut()) {
        cover.cover = true;
        // Every marking of its briefings, each in its language (and so, where they differ,
        // each a span); none when they are too long together for the running line and are
        // printed in full under the cover's title instead (see `title::cover`).
        match parts {
            [] => {
                cover.marking.clear();
                cover.marking_more.clear();
            }
            [first, more @ ..] if !cover.marking_cut => {
                (cover.marking, cover.marking_lang) = first.clone();
                cover.marking_more = more.to_vec();
            }
            _ => {}
        }
    }
    if let (Some((other, _)), Some(first)) = (&second, fills.first_mut()) {
        match (first.marking.trim().is_empty(), other.marking.trim()) {
            (_, b) if b.is_empty() || b == first.marking.trim() => {}
            (true, _) => first.marking = other.marking.clone(),
            (false, _) => {
                first.marking_more = vec![(other.marking.clone(), other.marking_lang.clone())];
                first.marking_cut |= other.marking_cut;
            }
        }
    }
    // The page each owner starts on, and its marking's element and running part there, with
    // a span for each piece of it in a language of its own (see `marking::pieces`).
    let mut markings = vec![None; owners.len()];
    let mut firsts = vec![false; doc.pages.len()];
    for (i, page) in doc.pages.iter().enumerate() {
        if i == 0 || doc.pages[i - 1].owner != page.owner {
            firsts[i] = true;
            if let (Some(fill), Some(slot)) = (fills.get(page.owner), markings.get_mut(page.owner)) {
                let parent = parents.get(page.owner).copied().unwrap_or(Structure::ROOT);
                *slot = marking::element(&mut doc.structure, theme, fill, parent);
            }
        }
    }
    // What prints a running head cut short in full, said once.
    let (mut cut, mut marking_cut, mut cover_cut) = (None, false, false);
    // The owners whose marking was cut (in a dossier, the warning names their briefings).
    let mut cut_in: Vec<usize> = Vec::new();
    let mut fits = Fits::default();
    for (i, page) in doc.pages.iter_mut().enumerate() {
        let Some(fill) = fills.get(page.owner).or(fills.first()) else { break };
        let marking = if firsts[i] { markings.get(page.owner).cloned().flatten() } else { None };
        for (running, y, rule_y, artifact) in [
            (&theme.header, header_top, header_top + line_height + 2.0, Artifact::Header),
            (&theme.footer, footer_top, footer_top - 4.0, Artifact::Footer),
        ] {
            // A line that is not for the first page (the title and date are printed right
            // under it there) still prints its marking: a marking is on every page.
            let only_marking = i == 0 && !running.first_page;
            // The first page's marking is read out, before anything else; every other running
            // part is an artifact.
            let tags = [&running.left, &running.center, &running.right].map(|part| match &marking {
                Some((node, at, _)) if std::ptr::eq(part, *at) => Tag::Node(*node),
                _ => Tag::Artifact(artifact),
            });
            let spans: Option<Vec<Tag>> = marking
                .as_ref()
                .and_then(|(_, _, spans)| spans.as_ref())
                .map(|s| s.iter().map(|&n| Tag::Node(n)).collect());
            let at = (y + ascent, tags, spans);
            let side = if artifact == Artifact::Header { Side::Above } else { Side::Below };
            let looks = Looks { running: &look, marking: &marking_look, marking_line };
            let printed = line(
                &mut flow,
                running,
                fill,
                (i + 1, pages),
                (left, right),
                at,
                (&looks, side, only_marking),
                second.as_ref().map(|(fill, x)| (fill, *x)),
                (&mut page.items, &mut fits, page.owner),
            );
            cut = cut.or(printed.cut);
            // (A dossier's cover joins its briefings' markings: its own warning.)
            if fill.cover && printed.marking_cut {
                cover_cut = true;
            } else if printed.marking_cut && !cut_in.contains(&page.owner) {
                marking_cut = true;
                cut_in.push(page.owner);
            }
            // Printed in capitals, the marking's paragraph (or each span in it) reads as typed
            // for readers that take text from the structure (pdf.js) too, not only from its
            // marked content.
            if let Some((node, _, spans)) = &marking {
                for &id in std::iter::once(node).chain(spans.iter().flatten()) {
                    let typed = page.items.iter().find_map(|item| match item {
                        Item::Text(t) if t.tag == Tag::Node(id) => t.actual.clone().filter(|a| !a.is_empty()),
                        _ => None,
                    });
                    if let Some(typed) = typed {
                        doc.structure.set_actual(id, &typed);
                    }
                }
            }
            let printed = printed.any;
            if printed && running.rule && !only_marking {
                let color = theme.colors.rule;
                page.items.push(Item::Line {
                    x1: left,
                    y1: rule_y,
                    x2: right,
                    y2: rule_y,
                    color,
                    tag: Tag::Artifact(artifact),
                });
            }
        }
    }
    if cover_cut {
        doc.warnings.push(format!(
            "the cover's markings are cut short (\"…\"): together they do not fit across the page even at \
             {SMALLEST} pt; shorten the briefings' `marking`, or bundle fewer briefings of different markings"
        ));
    }
    if marking_cut {
        // (In a dossier, whose: the cover is owner 0.)
        let whose: Vec<String> = cut_in
            .iter()
            .filter(|_| fills.first().is_some_and(|f| f.cover))
            .filter_map(|&o| fills.get(o).map(|f| (o, f)))
            .map(|(o, f)| format!("{o} (\"{}\")", f.title))
            .collect();
        // (Numbered as given to bundle: two briefings may share a title.)
        let (of, verb, it) = match whose.len() {
            0 => (String::new(), "is", "it does"),
            1 => (format!(" of briefing {}", whose[0]), "is", "it does"),
            _ => (format!("s of briefings {}", crate::wording::and_list(&whose)), "are", "they do"),
        };
        doc.warnings.push(format!(
            "the marking{of} {verb} cut short (\"…\"): {it} not fit across the page even at {SMALLEST} pt; \
             shorten `marking`"
        ));
    }
    if let Some(advice) = cut {
        doc.warnings.push(format!(
            "the running head is cut short (\"…\"): it does not fit its line even at {SMALLEST} pt; {advice}"
        ));
    }
}

/// What a running line printed: anything, and whether a part (the marking) was cut short to
/// fit; a part cut short, with what would print it in full.
struct Printed {
    any: bool,
    cut: Option<&'static str>,
    marking_cut: bool,
}

/// Where a marking that does not share its line goes: above the header's line, below the
/// footer's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Above,
    Below,
}

/// The looks of a running line: its own, and the marking's (with its line height).
struct Looks<'a> {
    running: &'a Look,
    marking: &'a Look,
    marking_line: f32,
}

/// A running part fitted to its room: the size it is set at, the text it prints (cut short
/// when it did not fit even at [`SMALLEST`]) and, printed in capitals, what it reads as.
#[derive(Clone)]
struct Fit {
    size: f32,
    text: String,
    typed: Option<String>,
}

/// Each distinct running part fitted, by its owner, its place on the line (the marking, the
/// left part, the second column's left part), its text as filled in and its room: the title
/// and the marking are the same on every page of an owner, and only a part holding the page
/// number changes, so each is fitted once, not on each of thousands of pages (text45b
/// F45b-16: a 2,000-character title and marking took 10 s more on 18,000 pages).
#[derive(Default)]
struct Fits(std::collections::HashMap<(usize, u8, String, u32), Fit>);

impl Fits {
    /// The fit of `text` at `slot`, `fit` making it the first time.
    fn of(&mut self, (owner, slot, text, room): (usize, u8, &str, f32), fit: impl FnOnce() -> Fit) -> Fit {
        self.0.entry((owner, slot, text.to_string(), room.to_bits())).or_insert_with(fit).clone()
    }
}

/// The smallest size a running part is set at before it is cut short (from the template's
/// size down, in half points).
pub(super) const SMALLEST: f32 = crate::theme::RUNNING_FLOOR;

/// One running line: left, centre and right parts, each with its tag. A part that prints the
/// marking is set in the marking's look, on a line of its own when other parts print too;
/// with `only_marking` (the first page of a line that is not for it), only that part. Read in
/// pieces of different languages (`marking::pieces`), `spans` tag each. Returns what was
/// printed.
#[allow(clippy::too_many_arguments)]
fn line(
    flow: &mut Flow<'_>,
    running: &Running,
    fill: &Fill,
    (page, pages): (usize, usize),
    (left, right): (f32, f32),
    (baseline, tags, spans): (f32, [Tag; 3], Option<Vec<Tag>>),
    (looks, side, only_marking): (&Looks<'_>, Side, bool),
    second: Option<(&Fill, f32)>,
    (items, fits, owner): (&mut Vec<Item>, &mut Fits, usize),
) -> Printed {
    // On a dossier's cover, a part that repeats its title or date is left off.
    let repeats = |t: &str| fill.cover && ["{title}", "{short_title}", "{date}"].iter().any(|p| t.contains(p));
    let none = String::new();
    let templates = [&running.left, &running.center, &running.right].map(|t| if repeats(t) { &none } else { t });
    // A part as printed, and, printed in capitals, as typed (a screen reader would spell
    // capitals out).
    // (Cut at a bound before it is measured: a line holds far less.)
    let part = |t: &str, fill: &Fill| bounded(expand(t, fill, page, pages, running.caps)).trim().to_string();
    let as_typed = |t: &str, fill: &Fill| bounded(expand(t, fill, page, pages, false)).trim().to_string();
    let typed_part = |t: &str, fill: &Fill| running.caps.then(|| as_typed(t, fill));
    let mut parts = templates.map(|t| part(t, fill));
    let typed = templates.map(|t| typed_part(t, fill));
    let marking = (!fill.marking.trim().is_empty())
        .then(|| templates.iter().position(|t| t.contains("{marking}")))
        .flatten()
        .filter(|&k| !parts[k].is_empty());
    let mut printed = false;
    let mut marking_cut = false;
    if let Some(k) = marking {
        let whole = std::mem::take(&mut parts[k]);
        // A long marking (or two columns' markings together) is set smaller, down to the
        // running line's floor, and only then cut short, which the build reports.
        let fit = fits.of((owner, 0, &whole, right - left), || {
            let mut marking_look = looks.marking.clone();
            marking_look.size = fitting_size(flow, &whole, &marking_look, right - left, SMALLEST);
            let text = match flow.str_width(&whole, &marking_look) > right - left {
                true => clip(flow, &whole, right - left, &marking_look),
                false => whole.clone(),
            };
            Fit { size: marking_look.size, text, typed: None }
        });
        let marking_look = Look { size: fit.size, ..looks.marking.clone() };
        let text = fit.text;
        marking_cut = fill.marking_cut || text != whole;
        let looks = &Looks { marking: &marking_look, ..*looks };
        let others = parts.iter().any(|p| !p.is_empty()) && !only_marking;
        let y = match (others, side) {
            (false, _) => baseline,
            (true, Side::Above) => baseline - looks.marking_line,
            (true, Side::Below) => baseline + looks.marking_line,
        };
        let width = flow.str_width(&text, looks.marking);
        let x = match (others, k) {
            (true, _) | (false, 1) => (left + right - width) / 2.0,
            (false, 0) => left,
            _ => right - width,
        };
        let typed = typed[k].as_deref().map(|t| if marking_cut { cut_like(t, &text) } else { t.to_string() });
        let start = items.len();
        let content = matches!(tags[k], Tag::Node(_));
        // Each piece in a language of its own (`… / 取扱注意`) is a span, placed where it falls
        // in the whole; cut short, the pieces up to the cut. (Only where this part is the
        // marking's element: elsewhere it is furniture.)
        let pieces = spans.filter(|_| content).and_then(|spans| {
            let pieces = marking::placed(&text, typed.as_deref(), &marking::pieces(fill, running.caps))?;
            (pieces.len() <= spans.len()).then_some((pieces, spans))
        });
        match pieces {
            Some((pieces, spans)) => {
                for (i, ((shown, typed), tag)) in pieces.iter().zip(spans).enumerate() {
                    // (Measured to the end of the whole: a piece's trailing space has no
                    // width of its own when measured alone.)
                    let rest: String = pieces[i..].iter().map(|p| p.0.as_str()).collect();
                    let at = x + width - flow.str_width(&rest, looks.marking);
                    place(flow, items, (shown, typed.as_deref()), at, y, looks.marking, tag);
                }
            }
            None => place(flow, items, (&text, typed.as_deref()), x, y, looks.marking, tags[k]),
        }
        // Content (the first page's marking) is painted first, as it is read first.
        if content {
            to_front(items, start);
        }
        printed = true;
    }
    if only_marking {
        return Printed { any: printed, cut: None, marking_cut };
    }
    let look = &in_language(flow, looks.running, &fill.lang);
    // (The left part is measured where it is fitted, once: see [`Fits`].)
    let widths = [0.0, flow.str_width(&parts[1], look), flow.str_width(&parts[2], look)];
    let gap = 12.0;
    // The left part gives way if the line is crowded: it is the longest and least vital
    // (the title, printed in full on page 1). It must end before the centre part, or
    // before the right part when there is no centre. Side by side, each column has its own
    // left part, in its language: the first column's ends before the gutter, the second's
    // starts at its column.
    let centre = ((left + right - widths[1]) / 2.0, (left + right + widths[1]) / 2.0);
    let end = right - widths[2] - gap;
    let mut lefts = vec![(
        parts[0].clone(),
        typed[0].clone(),
        left,
        if widths[1] > 0.0 { centre.0 - gap } else { end },
        (templates[0].as_str(), fill),
    )];
    if let Some((second, x)) = second {
        lefts[0].3 = lefts[0].3.min(x - gap);
        let (text, typed) = (part(&running.left, second), typed_part(&running.left, second));
        let start = if widths[1] > 0.0 { x.max(centre.1 + gap) } else { x };
        lefts.push((text, typed, start, end, (running.left.as_str(), second)));
    }
    let mut cut = None;
    for (slot, (text, typed, from, to, (template, fill))) in (1..).zip(lefts) {
        let room = to - from;
        let look = &in_language(flow, looks.running, &fill.lang);
        let fit = fits.of((owner, slot, &text, room), || {
            let mut left_look = look.clone();
            left_look.size = fitting_size(flow, &text, &left_look, room, SMALLEST);
            let left_text = if flow.str_width(&text, &left_look) > room {
                clip_title(flow, (&text, |f: &Fill| part(template, f)), fill, room, &left_look)
            } else {
                text.clone()
            };
            // Cut, the part reads as typed up to where it is cut (in its title, or at its end).
            let typed = match typed {
                Some(t) if left_text != text => Some(typed_like(
                    (&t, &left_text),
                    |f: &Fill| part(template, f),
                    |f: &Fill| as_typed(template, f),
                    fill,
                )),
                typed => typed,
            };
            Fit { size: left_look.size, text: left_text, typed }
        });
        let (left_look, left_text, typed) = (Look { size: fit.size, ..look.clone() }, fit.text, fit.typed);
        cut = cut.or((left_text != text || prints_cut(template, fill)).then(|| advice(template)));
        // Without room for even a letter before the ellipsis, the left part is left out.
        if !text.is_empty() && left_text != "…" {
            place(flow, items, (&left_text, typed.as_deref()), from, baseline, &left_look, tags[0]);
            printed = true;
        }
    }
    if let Some(t) = templates[1..].iter().find(|t| prints_cut(t, fill)) {
        cut = cut.or(Some(advice(t)));
    }
    if !parts[1].is_empty() {
        place(flow, items, (&parts[1], typed[1].as_deref()), (left + right - widths[1]) / 2.0, baseline, look, tags[1]);
        printed = true;
    }
    if !parts[2].is_empty() {
        place(flow, items, (&parts[2], typed[2].as_deref()), right - widths[2], baseline, look, tags[2]);
        printed = true;
    }
    Printed { any: printed, cut, marking_cut }
}

/// Whether the running part `template` prints a title of `fill`'s already cut short.
fn prints_cut(template: &str, fill: &Fill) -> bool {
    ["{title}", "{short_title}"].iter().zip(fill.titles_cut).any(|(name, cut)| cut && template.contains(name))
}

/// `look` for a running line's text in `lang`: in Japanese, with the signs Japanese shares
/// with Latin text from the Japanese face, as in the body (text46a F46a-1: the running foot
/// drew a title's `……` as six small dots on the baseline).
fn in_language(flow: &Flow<'_>, look: &Look, lang: &str) -> Look {
    Look { mincho: flow.mincho(crate::script::primary_language(lang) == "ja", false), ..look.clone() }
}

/// Places one part, at the end of `items`. The running flow has a structure of its own, so a
/// part that is content (the marking) is placed as an artifact and its items then given to
/// its element, in the document's structure (where they are its only content).
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
    // Printed in capitals: the part reads as typed, less what is never drawn (text37b F37b-4),
    // the items of one line as one.
    if let Some(typed) = typed.filter(|&t| t != s) {
        for (k, item) in items[start..].iter_mut().enumerate() {
            if let Item::Text(t) = item {
                t.actual = Some(if k == 0 { typed.replace(crate::fonts::is_invisible, "") } else { String::new() });
            }
        }
    }
    for item in &mut items[start..] {
        if let Item::Text(t) = item {
            t.tag = tag;
        }
    }
}

/// Moves the items from `start` on to the front of the page: content that is read first
/// (the marking) is painted first.
fn to_front(items: &mut Vec<Item>, start: usize) {
    let placed: Vec<Item> = items.drain(start..).collect();
    items.splice(0..0, placed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Page, Structure, TextItem};
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
        decorated_in(b, pages, Theme::resolve(TemplateRef::Builtin("default")).unwrap())
    }

    /// [`decorated`] with `theme`.
    fn decorated_in(b: &Briefing, pages: usize, theme: Theme) -> (Document, Theme) {
        let fonts = FontBook::builtin();
        let (w, h) = (theme.page.size.width, theme.page.size.height);
        let mut doc = Document {
            width: w,
            height: h,
            pages: vec![Page::default(); pages],
            outline: vec![],
            watermarks: Vec::new(),
            structure: Structure::new("en"),
            warnings: Vec::new(),
        };
        decorate(&mut doc, &[(b, &theme, false)], &[Structure::ROOT], (None, None), &fonts);
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
    fn a_running_head_cut_short_is_told_what_prints_it_in_full() {
        // text44b F44b-1: a footer of `{title}` was told that a shorter `short_title` prints
        // in full, which it does not print.
        let long = "Results of the tenth Japan-EU ICT Strategy Workshop on the next generation of networks, \
                    trust services, data and artificial intelligence";
        let warnings = |left: &str| {
            let mut theme = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
            theme.footer.left = left.to_string();
            decorated_in(&briefing(long, ""), 2, theme).0.warnings
        };
        let short = warnings("{short_title} · {date}");
        assert!(short.iter().any(|w| w.ends_with("; a shorter `short_title` prints in full")), "{short:?}");
        let title = warnings("{title} · {date}");
        let fix = "write `{short_title}` in its place, and give the briefing a shorter `short_title`";
        assert!(title.iter().any(|w| w.ends_with(fix)), "{title:?}");
        assert!(!title.iter().any(|w| w.contains("a shorter `short_title` prints in full")), "{title:?}");
        let plain = warnings(&"abcdefghij ".repeat(27));
        assert!(
            plain.iter().any(|w| w.ends_with("a shorter part of the template's header or footer prints in full")),
            "{plain:?}"
        );
    }

    #[test]
    fn a_short_title_is_printed_whole() {
        let (doc, _) = decorated(&briefing("Workshop", ""), 2);
        let line: String = texts(&doc.pages[1]).into_iter().map(|t| t.2).collect();
        // No marking: the header is empty; the footer has the title and date, and the page.
        assert_eq!(line, "WORKSHOP · OCTOBER 6, 2020Page 2 of 2");
    }

    /// The text items of `page`.
    fn text_items(page: &Page) -> Vec<&TextItem> {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_marking_stands_apart_bold_larger_and_on_a_line_of_its_own() {
        let (doc, theme) = decorated(&briefing("Workshop", "For official use only"), 2);
        for page in &doc.pages {
            let items = text_items(page);
            let marking: Vec<_> = items.iter().filter(|t| t.text == "FOR OFFICIAL USE ONLY").collect();
            let head: Vec<_> = items.iter().filter(|t| t.text.starts_with("WORKSHOP")).collect();
            assert!(!marking.is_empty() && !head.is_empty(), "{items:?}");
            for m in &marking {
                assert!(m.style.bold && m.size > theme.styles.running.size.0 + 1.0, "{m:?}");
                assert_eq!(m.color, theme.styles.body.color);
                // Not on the line of the title and date, and not overlapping it.
                for h in &head {
                    assert!((m.baseline - h.baseline).abs() >= h.size, "{m:?} {h:?}");
                }
            }
        }
    }

    #[test]
    fn running_lines_too_tall_for_their_margin_are_set_smaller_and_the_marking_prints() {
        // text44b F44b-18: with a 10 mm bottom margin, or 16 pt running lines, the marking
        // under the footer was drawn below the paper's edge; from 30 pt the footer too.
        for template in [
            "page: { margin_bottom: 10 }\n",
            "styles: { running: { size: 16 } }\n",
            "styles: { running: { size: 30 } }\n",
        ] {
            let file = crate::diag::SourceFile::new("mine.yaml", template);
            let theme = Theme::resolve(TemplateRef::File(&file)).unwrap();
            let (doc, _) = decorated_in(&briefing("Workshop", "For official use only"), 2, theme);
            for page in &doc.pages {
                let items = text_items(page);
                let on_paper = |t: &&&TextItem| t.baseline > 0.0 && t.baseline < doc.height;
                let markings = items.iter().filter(|t| t.text == "FOR OFFICIAL USE ONLY").filter(on_paper).count();
                assert_eq!(markings, 2, "{template}: {items:?}");
                assert!(items.iter().filter(on_paper).any(|t| t.text.starts_with("Page ")), "{template}: {items:?}");
                assert!(items.iter().all(|t| t.baseline + t.size * 0.3 <= doc.height), "{template}: {items:?}");
            }
        }
    }

    #[test]
    fn page_one_has_no_running_head_above_its_title_block() {
        let (doc, theme) = decorated(&briefing("Workshop", ""), 2);
        let content_top = theme.page.margin_top.pt();
        for (i, page) in doc.pages.iter().enumerate() {
            let above = texts(page).len()
                - page.items.iter().filter(|i| matches!(i, Item::Text(t) if t.baseline > content_top)).count();
            // Only the footer prints: nothing above the content on any page, title and date
            // below it.
            assert_eq!(above, 0, "page {}", i + 1);
            let line: String = texts(page).into_iter().map(|t| t.2).collect();
            assert!(line.starts_with("WORKSHOP · OCTOBER 6, 2020"), "{line}");
        }
    }

    #[test]
    fn a_title_cut_before_its_line_is_fitted_is_said_and_cut_between_letters() {
        // text47a F47a-17: a title wider than the line at the template's size but not at
        // the smallest was cut to the line's width before the line was set smaller, and one
        // of letters with stacked marks (500 characters, none wider) at 500 characters, inside
        // a letter: either printed cut short with no warning.
        use unicode_segmentation::UnicodeSegmentation;
        let words = "eee ".repeat(60);
        let marks = format!("Ẹ̄ṣọ́ {}", ["ọ̀rọ̀", &"\u{301}\u{300}\u{304}".repeat(40)].concat().repeat(5));
        for title in [words.trim(), marks.as_str()] {
            let (doc, _) = decorated(&briefing(title, ""), 2);
            let line: String = texts(&doc.pages[1]).into_iter().map(|t| t.2).collect();
            assert!(line.contains('…'), "{line}");
            assert_eq!(doc.warnings.len(), 1, "{title}: {:?}", doc.warnings);
            assert!(doc.warnings[0].contains("a shorter `short_title` prints in full"), "{:?}", doc.warnings);
            // What prints of the title is whole letters, each with all its marks.
            let upper = capitals(title, "en");
            let shown = line.split('…').next().unwrap();
            let clusters: Vec<&str> = shown.graphemes(true).collect();
            let whole: Vec<&str> = upper.graphemes(true).take(clusters.len()).collect();
            assert_eq!(clusters, whole, "{title}");
        }
    }

    #[test]
    fn a_running_head_that_does_not_fit_is_set_smaller_then_cut_with_a_warning() {
        let (doc, theme) = decorated(&briefing("Workshop", ""), 1);
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        let long = "A long title of a workshop on the strategy for the next generation ".repeat(2);
        let (doc, _) = decorated(&briefing(&long, ""), 1);
        let head = doc.pages[0]
            .items
            .iter()
            .find_map(|i| match i {
                Item::Text(t) if t.text.starts_with("A LONG") => Some(t),
                _ => None,
            })
            .unwrap();
        assert!(head.size < theme.styles.running.size.0 && head.size >= SMALLEST, "{head:?}");
        // The title gives way; the date after it prints whole.
        assert!(head.text.ends_with("… · OCTOBER 6, 2020"), "{head:?}");
        assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
        assert!(doc.warnings[0].contains("short_title"), "{:?}", doc.warnings);
        // Japanese, set with its spacing beside Latin text, is cut to fit as well.
        let long = "第10回日EU・ICT戦略ワークショップの結果（Beyond 5G推進戦略）".repeat(3);
        let (doc, _) = decorated(&briefing(&long, ""), 1);
        // Set in two faces, the line is several items: those on the title's baseline.
        let texts = text_items(&doc.pages[0]);
        let first = texts.iter().find(|t| t.text.starts_with('第')).unwrap();
        let line: Vec<_> = texts.iter().filter(|t| (t.baseline - first.baseline).abs() < 0.01).collect();
        let read: String = line.iter().filter(|t| !t.text.starts_with("Page")).map(|t| t.text.as_str()).collect();
        assert!(read.ends_with("… · OCTOBER 6, 2020"), "{read}");
        let page = line.iter().find(|t| t.text.starts_with("Page")).unwrap();
        let end = line.iter().filter(|t| t.x < page.x).map(|t| t.x + t.width).fold(0.0, f32::max);
        assert!(end < page.x, "{read} runs into the page number");
    }

    #[test]
    fn a_long_marking_is_set_smaller_then_cut_with_a_warning_and_reads_as_typed() {
        let (_, theme) = decorated(&briefing("Workshop", ""), 1);
        let marking = |doc: &Document| {
            doc.pages[0]
                .items
                .iter()
                .find_map(|i| match i {
                    Item::Text(t) if t.text.starts_with("FOR OFFICIAL") => Some(t.clone()),
                    _ => None,
                })
                .unwrap()
        };
        // Longer than a line at its own size, shorter at a smaller one: printed whole.
        let longer = "For official use only: not for distribution outside the ministries and agencies of the two sides";
        let (doc, _) = decorated(&briefing("Workshop", longer), 1);
        let m = marking(&doc);
        assert!(m.size < theme.styles.running.size.0 + 2.0 && !m.text.ends_with('…'), "{m:?}");
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        // Too long even at the smallest size: cut, said, and read in its typed case.
        let long = format!("{longer}, {}", "and its partner agencies in the member states ".repeat(3));
        let (doc, _) = decorated(&briefing("Workshop", &long), 1);
        let m = marking(&doc);
        assert!(m.size >= SMALLEST && m.text.ends_with('…'), "{m:?}");
        assert!(doc.warnings.iter().any(|w| w.contains("the marking is cut short")), "{:?}", doc.warnings);
        let typed = m.actual.as_deref().unwrap();
        assert!(typed.starts_with("For official use only: not") && typed.ends_with('…'), "{typed}");
        assert_eq!(typed.chars().count(), m.text.chars().count(), "{typed} / {}", m.text);
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
    fn a_long_title_and_marking_are_fitted_once_not_on_each_page() {
        // text45b F45b-16: each page fitted them again, shrinking and cutting, 10 s more on
        // 18,000 pages: only the page number changes from page to page.
        let b = briefing(&"Title ".repeat(400), &"SECRET ".repeat(300));
        let clips = |pages: usize| {
            super::super::cut::CLIPS.with(|c| c.set(0));
            let (doc, _) = decorated(&b, pages);
            let line: String = texts(&doc.pages[pages - 1]).into_iter().map(|t| t.2).collect();
            assert!(line.contains("TITLE TITLE") && line.contains("SECRET SECRET") && line.contains('…'), "{line}");
            super::super::cut::CLIPS.with(std::cell::Cell::get)
        };
        // (Refitted where the page number takes another width: pages 1 to 9, then 10 on.)
        assert_eq!(clips(40), clips(12));
    }

    #[test]
    fn a_part_with_the_page_number_is_measured_at_a_few_sizes_not_each() {
        // text46b F46b-1: `{title} {page}` is a new text on every page, fitted again there, at
        // every half point from the template's size down: 44 measures of 2,000 characters a
        // page at 28 pt, on 18,000 pages.
        let file = crate::diag::SourceFile::new("mine.yaml", "styles: { running: { size: 28 } }\n");
        let mut theme = Theme::resolve(TemplateRef::File(&file)).unwrap();
        theme.footer.left = "{title} {page}".to_string();
        let b = briefing(&"Title ".repeat(60), "");
        super::super::flow::MEASURES.with(|c| c.set(0));
        let (doc, _) = decorated_in(&b, 20, theme);
        let measures = super::super::flow::MEASURES.with(std::cell::Cell::get);
        // (About a dozen a page: fitted at a few sizes, then cut in its title, which the
        // title cut to the line's width at 28 pt, printed with no warning, had skipped;
        // text47a F47a-17.)
        assert!(measures <= 20 * 15, "{measures} measures for 20 pages");
        // Set as small as the line needs, and no smaller: the floor, then cut.
        let line: String = texts(&doc.pages[19]).into_iter().map(|t| t.2).collect();
        assert!(line.contains("TITLE TITLE") && line.contains('…') && line.contains("20"), "{line}");
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

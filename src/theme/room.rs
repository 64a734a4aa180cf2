//! Whether a template's page leaves room for text: the margins are checked one by one, but
//! only together with the page size (and the body text's size) do they say how wide the text
//! column is. A column of a letter or two set a long briefing on hundreds of thousands of
//! pages (text43b F43b-17).

use super::{FontSize, RawRunning, RawStyles, RawTextStyle, RawTheme, Running, TextStyle, Theme};
use crate::diag::{Diagnostic, Span};

/// Characters of body text a line must have room for, at half an em each.
pub const MIN_CHARACTERS: f32 = 20.0;
/// Characters of body text a line must have room for two list indents in: a topic's list.
pub const MIN_INDENTED: f32 = 10.0;
/// Lines of body text a page must have room for.
pub const MIN_LINES: f32 = 5.0;

/// Where a user's template set the values the text area depends on, read before the raw
/// template is applied.
#[derive(Debug, Default)]
pub struct RoomSpans {
    size: Option<Span>,
    left: Option<Span>,
    right: Option<Span>,
    top: Option<Span>,
    bottom: Option<Span>,
    body_size: Option<Span>,
    body_line_height: Option<Span>,
    columns: Option<Span>,
    running_line_height: Option<Span>,
    header: Option<Span>,
    footer: Option<Span>,
    list_indent: Option<Span>,
    padding: Option<Span>,
    /// Each content style's name and where its size, line height, space before and space
    /// after were set.
    styles: Vec<(&'static str, [Option<Span>; 4])>,
    title_block_after: Option<Span>,
}

impl RoomSpans {
    pub fn of(raw: &RawTheme) -> RoomSpans {
        let page = raw.page.as_ref();
        let body = raw.styles.as_ref().and_then(|s| s.body.as_ref());
        RoomSpans {
            size: page.and_then(|p| p.size.as_ref()).map(|s| s.span),
            left: page.and_then(|p| p.margin_left.as_ref()).map(|s| s.span),
            right: page.and_then(|p| p.margin_right.as_ref()).map(|s| s.span),
            top: page.and_then(|p| p.margin_top.as_ref()).map(|s| s.span),
            bottom: page.and_then(|p| p.margin_bottom.as_ref()).map(|s| s.span),
            body_size: body.and_then(|b| b.size.as_ref()).map(|s| s.span),
            body_line_height: body.and_then(|b| b.line_height.as_ref()).map(|s| s.span),
            columns: raw.columns.as_ref().map(|s| s.span),
            running_line_height: raw
                .styles
                .as_ref()
                .and_then(|s| s.running.as_ref())
                .and_then(|r| r.line_height.as_ref())
                .map(|s| s.span),
            list_indent: raw.list_indent.as_ref().map(|s| s.span),
            padding: raw.contact.as_ref().and_then(|c| c.padding.as_ref()).map(|s| s.span),
            styles: STYLES
                .iter()
                .map(|&name| {
                    let style = raw.styles.as_ref().and_then(|s| raw_style(s, name));
                    let span = |f: fn(&RawTextStyle) -> Option<Span>| style.and_then(f);
                    (
                        name,
                        [
                            span(|s| s.size.as_ref().map(|v| v.span)),
                            span(|s| s.line_height.as_ref().map(|v| v.span)),
                            span(|s| s.space_before.as_ref().map(|v| v.span)),
                            span(|s| s.space_after.as_ref().map(|v| v.span)),
                        ],
                    )
                })
                .collect(),
            title_block_after: raw.title_block.as_ref().and_then(|t| t.space_after.as_ref()).map(|s| s.span),
            header: raw.header.as_ref().and_then(first_part),
            footer: raw.footer.as_ref().and_then(first_part),
        }
    }
}

/// The styles of the page's content, by name (see [`super::Styles::content_mut`]).
const STYLES: [&str; 11] =
    ["title", "meta", "summary", "heading", "subheading", "part", "body", "table", "contact", "contact_label", "toc"];

fn raw_style<'r>(raw: &'r RawStyles, name: &str) -> Option<&'r RawTextStyle> {
    match name {
        "title" => raw.title.as_ref(),
        "meta" => raw.meta.as_ref(),
        "summary" => raw.summary.as_ref(),
        "heading" => raw.heading.as_ref(),
        "subheading" => raw.subheading.as_ref(),
        "part" => raw.part.as_ref(),
        "body" => raw.body.as_ref(),
        "table" => raw.table.as_ref(),
        "contact" => raw.contact.as_ref(),
        "contact_label" => raw.contact_label.as_ref(),
        _ => raw.toc.as_ref(),
    }
}

/// Where the first of a running line's parts the user set was written.
fn first_part(r: &RawRunning) -> Option<Span> {
    [&r.left, &r.center, &r.right].into_iter().flatten().map(|s| s.span).next()
}

fn mm(pt: f32) -> String {
    shown_mm(pt * 25.4 / 72.0)
}

/// A length in mm as messages show it: whole, or to a tenth.
fn shown_mm(mm: f32) -> String {
    if (mm - mm.round()).abs() < 0.05 {
        format!("{}", mm.round())
    } else {
        format!("{mm:.1}")
    }
}

/// A length needed, in mm, rounded up to a tenth: rounded to the nearest, a need of 8.04 mm
/// read "needs 8 mm" beside a margin of 8 mm it refused (text45b F45b-19).
fn mm_up(pt: f32) -> String {
    shown_mm((pt * 254.0 / 72.0 - 1e-3).ceil() / 10.0)
}

/// The first of `candidates` the user set, with its field's path.
fn blame(candidates: &[(Option<Span>, &str)]) -> (Option<Span>, String) {
    candidates
        .iter()
        .find(|(span, _)| span.is_some())
        .map_or((None, "page".to_string()), |(span, path)| (*span, path.to_string()))
}

/// Problems of `theme`'s text area: a column narrower than [`MIN_CHARACTERS`] characters of
/// body text, or a page shorter than [`MIN_LINES`] lines of it. Each is told at the field
/// the user set that makes it so (a margin first, then the page size, then the body text).
pub fn check(theme: &Theme, spans: &RoomSpans, diags: &mut Vec<Diagnostic>) {
    let page = &theme.page;
    let body = &theme.styles.body;
    let columns = theme.columns.0.max(1) as f32;
    let width = page.size.width - page.margin_left.pt() - page.margin_right.pt();
    let column = (width - theme.gutter() * (columns - 1.0)) / columns;
    let min_width = MIN_CHARACTERS * 0.5 * body.size.0;
    if column < min_width {
        let (span, path) = blame(&[
            (spans.left, "page.margin_left"),
            (spans.right, "page.margin_right"),
            (spans.size, "page.size"),
            (spans.columns, "columns"),
            (spans.body_size, "styles.body.size"),
        ]);
        let across = format!(
            "the page is {} mm wide, less {} mm left and {} mm right margins",
            mm(page.size.width),
            mm(page.margin_left.pt()),
            mm(page.margin_right.pt())
        );
        let what = if columns > 1.0 {
            format!("{across}, leaves columns {} mm wide ({} columns)", mm(column.max(0.0)), columns)
        } else {
            format!("{across}, leaves a text column {} mm wide", mm(width.max(0.0)))
        };
        diags.push(
            Diagnostic::new(
                span,
                path,
                format!(
                    "{what}; it must be at least {} mm, room for about {MIN_CHARACTERS} characters of {}-point body text a line",
                    mm(min_width),
                    body.size.0
                ),
            )
            .with_help("make the left and right margins smaller, the page wider, or the body text smaller"),
        );
    } else {
        check_insets(theme, spans, (width, column), diags);
    }
    let height = page.size.height - page.margin_top.pt() - page.margin_bottom.pt();
    let min_height = MIN_LINES * body.size.0 * body.line_height.0;
    if height < min_height {
        let (span, path) = blame(&[
            (spans.top, "page.margin_top"),
            (spans.bottom, "page.margin_bottom"),
            (spans.size, "page.size"),
            (spans.body_size, "styles.body.size"),
            (spans.body_line_height, "styles.body.line_height"),
        ]);
        diags.push(
            Diagnostic::new(
                span,
                path,
                format!(
                    "the page is {} mm high, less {} mm top and {} mm bottom margins, leaves {} mm for text; it must be at least {} mm, room for about {MIN_LINES} lines of {}-point body text",
                    mm(page.size.height),
                    mm(page.margin_top.pt()),
                    mm(page.margin_bottom.pt()),
                    mm(height.max(0.0)),
                    mm(min_height),
                    body.size.0
                ),
            )
            .with_help("make the top and bottom margins smaller, the page taller, or the body text smaller"),
        );
    }
    if height >= min_height {
        let before = diags.len();
        check_heights(theme, spans, height, diags);
        if diags.len() == before {
            check_units(theme, spans, height, diags);
        }
    }
    check_running(theme, spans, diags);
}

/// Lines and gaps that take more than a [`MIN_LINES`]th of the page's text height: a line
/// of any style (body text is checked above), the space before or after one, and under the
/// title block (text44b F44b-5: a body `space_after` of 1,000 pt gave every paragraph a page,
/// 99,001 pages; F44b-11: a 144-pt title at 3 times its size one line a page, 60,002).
fn check_heights(theme: &Theme, spans: &RoomSpans, height: f32, diags: &mut Vec<Diagnostic>) {
    let most = height / MIN_LINES;
    let mut styles = theme.styles.clone();
    let page = [(spans.top, "page.margin_top"), (spans.bottom, "page.margin_bottom"), (spans.size, "page.size")];
    for ((name, [size, line_height, before, after]), style) in spans.styles.iter().zip(styles.content_mut()) {
        let line = style.size.0 * style.line_height.0;
        let mut gaps = vec![
            (style.space_before.0, format!("the space before {name} text"), *before, "space_before"),
            (style.space_after.0, format!("the space after {name} text"), *after, "space_after"),
        ];
        if *name != "body" {
            let what = format!("a line of {name} text, {} pt at {} times its size,", style.size.0, style.line_height.0);
            gaps.insert(
                0,
                (line, what, line_height.or(*size), if line_height.is_some() { "line_height" } else { "size" }),
            );
        }
        if *name == "title" {
            gaps.push((
                theme.title_block.space_after.0,
                "the space under the title block".into(),
                spans.title_block_after,
                "",
            ));
        }
        for (taken, what, span, field) in gaps {
            if taken <= most {
                continue;
            }
            let field =
                if field.is_empty() { "title_block.space_after".to_string() } else { format!("styles.{name}.{field}") };
            let (span, path) = match span {
                Some(span) => (Some(span), field.clone()),
                None => blame(&page),
            };
            diags.push(
                Diagnostic::new(
                    span,
                    path,
                    format!(
                        "{what} takes {} mm of the {} mm the page leaves for text, more than a fifth of it ({} mm), as a page holds about {MIN_LINES} lines",
                        mm(taken),
                        mm(height),
                        mm(most)
                    ),
                )
                .with_help(format!("make `{field}` smaller, or the page taller")),
            );
        }
    }
}

/// The most of the page's text height one unit of content may take: a page holds a few.
pub const MOST_UNIT_SHARE: f32 = 0.5;

/// Units of content, each a heading's line and the first line of body text under it with the
/// spaces before and after each, or a paragraph's, that take more than half the page's text
/// height: each value within its fifth (see [`check_heights`]), together they gave every topic
/// a page of its own (text45b F45b-11: 39,000 pages). Told at the largest value the user set.
fn check_units(theme: &Theme, spans: &RoomSpans, height: f32, diags: &mut Vec<Diagnostic>) {
    let most = height * MOST_UNIT_SHARE;
    let styles = &theme.styles;
    let spans_of = |name: &str| spans.styles.iter().find(|(n, _)| *n == name).map_or([None; 4], |(_, s)| *s);
    let terms = |name: &'static str, style: &TextStyle| {
        let [size, line_height, before, after] = spans_of(name);
        let line_span = if line_height.is_some() { (line_height, "line_height") } else { (size, "size") };
        [
            (style.space_before.0, before, name, "space_before"),
            (style.size.0 * style.line_height.0, line_span.0, name, line_span.1),
            (style.space_after.0, after, name, "space_after"),
        ]
    };
    let body = terms("body", &styles.body);
    for (what, unit) in [
        ("a topic's heading and the first line under it", [terms("subheading", &styles.subheading), body].concat()),
        ("a section's heading and the first line under it", [terms("heading", &styles.heading), body].concat()),
        ("a paragraph's line", body.to_vec()),
    ] {
        let taken: f32 = unit.iter().map(|t| t.0).sum();
        if taken <= most {
            continue;
        }
        let largest = unit.iter().filter(|t| t.1.is_some()).rev().max_by(|a, b| a.0.total_cmp(&b.0));
        let (span, path) = match largest {
            Some(&(_, span, name, field)) => (span, format!("styles.{name}.{field}")),
            None => blame(&[
                (spans.top, "page.margin_top"),
                (spans.bottom, "page.margin_bottom"),
                (spans.size, "page.size"),
            ]),
        };
        let named: Vec<String> =
            unit.iter().filter(|t| t.1.is_some()).map(|t| format!("`styles.{}.{}`", t.2, t.3)).collect();
        let help = match named.is_empty() {
            true => "make the page taller".to_string(),
            false => format!("make one or more of these smaller: {}", named.join(", ")),
        };
        diags.push(
            Diagnostic::new(
                span,
                path,
                format!(
                    "{what}, with the space before and after each, take {} mm of the {} mm the page leaves for text, more than half of it ({} mm), so that a page would hold one or two",
                    mm(taken),
                    mm(height),
                    mm(most)
                ),
            )
            .with_help(help),
        );
        return;
    }
}

/// Indents that leave too little of a column for text (text44b F44b-3: a `list_indent` of
/// 400 pt set every topic off the page, silently, and a `contact.padding` of 1,000 pt the
/// contact block): a topic's body is set one `list_indent` in, under its number, and a list
/// or a quote in it one more; the contact block, across the page, is framed `padding` in on
/// each side. (Deeper lists stop growing in, see `layout::body`.)
fn check_insets(theme: &Theme, spans: &RoomSpans, (width, column): (f32, f32), diags: &mut Vec<Diagnostic>) {
    let (body, contact) = (&theme.styles.body, &theme.styles.contact);
    let columns = if theme.columns.0 > 1 { format!(" ({} columns)", theme.columns.0) } else { String::new() };
    let indent = theme.list_indent.0;
    let padding = theme.contact.padding.0;
    for (left, across, (size, chars), (span, path), what) in [
        (column - 2.0 * indent, column, (body.size.0, MIN_INDENTED), (spans.list_indent, "list_indent"), format!("twice the list indent ({indent} pt: a topic's body under its number, and a list in it) leaves {{}} mm of the {} mm text column{columns}", mm(column))),
        (width - 2.0 * padding, width, (contact.size.0, MIN_CHARACTERS), (spans.padding, "contact.padding"), format!("the contact block's padding ({padding} pt) on each side leaves {{}} mm of the {} mm text column", mm(width))),
    ] {
        let min_width = chars * 0.5 * size;
        if left >= min_width || across < MIN_CHARACTERS * 0.5 * size {
            continue;
        }
        diags.push(
            Diagnostic::new(
                span,
                path,
                format!(
                    "{}; it must leave at least {} mm, room for about {chars} characters of {size}-point text a line",
                    what.replace("{}", &mm(left.max(0.0))),
                    mm(min_width)
                ),
            )
            .with_help(format!("make `{path}` smaller, or the margins")),
        );
    }
}

/// The smallest size the running lines are set at: to fit their margins, or a crowded line
/// before its title is cut short.
pub const RUNNING_FLOOR: f32 = 6.0;

/// How much of the top and the bottom margin the running lines take with the running style
/// at `size` points: the header a line and a half above the text, the footer a line below
/// it, and the marking, when a line prints it beside other parts, on a line of its own
/// (above the header, below the footer) at two points larger (see `layout::running`); and
/// at the paper's edge, the outer line's ascenders or descenders past its line (0.3 em).
fn running_heights(theme: &Theme, size: f32) -> (f32, f32) {
    let line_height = theme.styles.running.line_height.0;
    let (line, marking) = (size * line_height, (size + 2.0) * line_height);
    // The lines' height and the size of the outer one.
    let stack = |r: &Running| {
        let parts = [&r.left, &r.center, &r.right];
        let marked = parts.iter().position(|p| p.contains("{marking}"));
        let others = parts.iter().enumerate().any(|(k, p)| Some(k) != marked && !p.trim().is_empty());
        match (marked.is_some(), others) {
            (true, true) => Some((line + marking, size + 2.0)),
            (true, false) => Some((marking, size + 2.0)),
            (false, true) => Some((line, size)),
            (false, false) => None,
        }
    };
    let top = stack(&theme.header).map_or(0.0, |(h, outer)| h - line + 2.5 * line + 0.3 * outer);
    let bottom = stack(&theme.footer).map_or(0.0, |(h, outer)| line + h + 0.3 * outer);
    (top, bottom)
}

/// The size the running lines are set at: the running style's, or, where the header or the
/// footer (with the marking) would not fit its margin, the largest that fits, in half points
/// down to [`RUNNING_FLOOR`] (text44b F44b-18: a 10 mm bottom margin left the marking
/// under the footer off the paper). [`check`] refuses margins too small for the floor.
pub fn running_size(theme: &Theme) -> f32 {
    let (top, bottom) = (theme.page.margin_top.pt(), theme.page.margin_bottom.pt());
    let size = theme.styles.running.size.0;
    let fits = |s: f32| {
        let (t, b) = running_heights(theme, s);
        t <= top && b <= bottom
    };
    let mut s = size;
    while !fits(s) && s - 0.5 >= RUNNING_FLOOR {
        s -= 0.5;
    }
    s
}

/// The running style at [`running_size`].
pub fn running_style(theme: &Theme) -> TextStyle {
    TextStyle { size: FontSize(running_size(theme)), ..theme.styles.running.clone() }
}

/// Margins too small for the running lines even at [`RUNNING_FLOOR`] points.
fn check_running(theme: &Theme, spans: &RoomSpans, diags: &mut Vec<Diagnostic>) {
    let floor = theme.styles.running.size.0.min(RUNNING_FLOOR);
    let (top, bottom) = running_heights(theme, floor);
    let page = &theme.page;
    for (need, margin, (edge, line, span, path)) in [
        (top, page.margin_top.pt(), ("top", "header", spans.top, "page.margin_top")),
        (bottom, page.margin_bottom.pt(), ("bottom", "footer", spans.bottom, "page.margin_bottom")),
    ] {
        if need <= margin {
            continue;
        }
        let part = if edge == "top" { spans.header } else { spans.footer };
        let (span, path) = blame(&[
            (span, path),
            (spans.running_line_height, "styles.running.line_height"),
            (part, if edge == "top" { "header" } else { "footer" }),
        ]);
        let path = if span.is_none() { format!("page.margin_{edge}") } else { path };
        diags.push(
            Diagnostic::new(
                span,
                path,
                format!(
                    "the {edge} margin is {} mm; the running {line}, with the marking on a line of its own, needs {} mm even at {floor} pt, the smallest it is set at",
                    mm(margin),
                    mm_up(need)
                ),
            )
            .with_help(format!("make the {edge} margin larger, the running style's line height smaller, or leave the {line} empty")),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_need_is_rounded_up() {
        let pt = |mm: f32| mm * 72.0 / 25.4;
        assert_eq!(super::mm_up(pt(8.04)), "8.1");
        assert_eq!(super::mm_up(pt(8.0)), "8");
        assert_eq!(super::mm_up(pt(9.26)), "9.3");
        assert_eq!(super::mm(pt(8.04)), "8");
    }

    /// `path (line): message` of each problem of a user template.
    fn problems(text: &str) -> Vec<String> {
        let (file, problems) = crate::theme::user_problems(text);
        let line = |d: &crate::diag::Diagnostic| d.span.map_or(0, |s| file.line_col(s.start).0);
        problems.iter().map(|d| format!("{} ({}): {}", d.path, line(d), d.message)).collect()
    }

    #[test]
    fn a_page_whose_margins_leave_no_room_is_refused_at_the_field_that_takes_it() {
        // text43b F43b-17: a 50 mm page kept the default 32 + 32 mm margins, and a long
        // briefing came out a letter a line on 182,819 pages.
        let p = problems("page: { size: 50x50 }\n");
        assert_eq!(
            p,
            [
                "page.size (1): the page is 50 mm wide, less 32 mm left and 32 mm right margins, leaves a text column 0 mm wide; it must be at least 37 mm, room for about 20 characters of 10.5-point body text a line",
                "page.size (1): the page is 50 mm high, less 20 mm top and 18 mm bottom margins, leaves 12 mm for text; it must be at least 25 mm, room for about 5 lines of 10.5-point body text",
            ]
        );
        let p = problems("page:\n  margin_left: 110\n  margin_right: 110\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("page.margin_left (2): the page is 210 mm wide, less 110 mm left"), "{p:?}");
        let p = problems("page:\n  margin_top: 150\n  margin_bottom: 130\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("page.margin_top (2): the page is 297 mm high"), "{p:?}");
        let p = problems("page: { size: A5 }\ncolumns: 3\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("page.size (1): the page is 148 mm wide") && p[0].contains("(3 columns)"), "{p:?}");
    }

    #[test]
    fn margins_too_small_for_the_running_lines_at_their_smallest_are_refused() {
        // text44b F44b-18: the footer and the marking under it were left off the page.
        let p = problems("page: { margin_bottom: 5 }\n");
        assert_eq!(
            p,
            ["page.margin_bottom (1): the bottom margin is 5 mm; the running footer, with the marking on a line of its own, needs 9.4 mm even at 6 pt, the smallest it is set at"]
        );
        let p = problems("page: { margin_top: 6 }\nstyles:\n  running: { line_height: 2 }\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("page.margin_top (1): the top margin is 6 mm; the running header"), "{p:?}");
        // Empty lines need no room.
        let ok = "page: { margin_top: 2, margin_bottom: 2 }\nheader: { left: '', center: '', right: '' }\nfooter: { left: '', center: '', right: '' }\n";
        assert_eq!(problems(ok), Vec::<String>::new());
    }

    #[test]
    fn running_lines_are_set_smaller_to_fit_their_margins() {
        let theme = |text: &str| {
            let file = crate::diag::SourceFile::new("mine.yaml", text);
            crate::theme::Theme::resolve(crate::theme::TemplateRef::File(&file)).unwrap()
        };
        assert_eq!(super::running_size(&theme("extends: default\n")), 8.0);
        assert_eq!(super::running_size(&theme("page: { margin_bottom: 12 }\n")), 7.5);
        assert_eq!(super::running_size(&theme("page: { margin_bottom: 10 }\n")), 6.0);
        let big = theme("styles: { running: { size: 30 } }\n");
        let size = super::running_size(&big);
        let (top, bottom) = super::running_heights(&big, size);
        assert!(size < 30.0 && bottom <= big.page.margin_bottom.pt() && top <= big.page.margin_top.pt(), "{size}");
        assert!(super::running_heights(&big, size + 0.5).1 > big.page.margin_bottom.pt(), "{size}");
    }

    #[test]
    fn indents_that_leave_no_room_for_text_are_refused_at_their_field() {
        // text44b F44b-3: topics drawn off the page from a list indent of ~400 pt, a letter a
        // line at 390; the contact block gone with a padding of 1,000.
        let p = problems("list_indent: 400\n");
        assert_eq!(
            p,
            ["list_indent (1): twice the list indent (400 pt: a topic's body under its number, and a list in it) leaves 0 mm of the 146 mm text column; it must leave at least 18.5 mm, room for about 10 characters of 10.5-point text a line"]
        );
        let p = problems("columns: 2\nlist_indent: 80\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("list_indent (2): twice the list indent (80 pt")
                && p[0].contains("text column (2 columns)"),
            "{p:?}"
        );
        let p = problems("contact: { padding: 1000 }\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("contact.padding (1): the contact block's padding (1000 pt)"), "{p:?}");
        assert_eq!(problems("list_indent: 100\ncontact: { padding: 100 }\n"), Vec::<String>::new());
    }

    #[test]
    fn lines_and_gaps_taller_than_a_fifth_of_the_text_area_are_refused() {
        // text44b F44b-5: a body space_after of 1,000 pt gave each paragraph a page (99,001
        // pages); F44b-11: a 144-pt title at 3 times its size, one line a page (60,002).
        let p = problems("styles: { body: { space_after: 1000 } }\n");
        assert_eq!(
            p,
            ["styles.body.space_after (1): the space after body text takes 352.8 mm of the 259 mm the page leaves for text, more than a fifth of it (51.8 mm), as a page holds about 5 lines"]
        );
        let p = problems("styles: { title: { size: 144, line_height: 3 } }\n");
        assert_eq!(
            p,
            ["styles.title.line_height (1): a line of title text, 144 pt at 3 times its size, takes 152.4 mm of the 259 mm the page leaves for text, more than a fifth of it (51.8 mm), as a page holds about 5 lines"]
        );
        let p = problems(
            "styles:\n  toc: { size: 144 }\n  heading: { space_before: 200 }\ntitle_block: { space_after: 500 }\n",
        );
        let paths: Vec<&str> = p.iter().map(|p| p.split(' ').next().unwrap()).collect();
        assert_eq!(paths, ["title_block.space_after", "styles.heading.space_before", "styles.toc.size"], "{p:?}");
        // A small page: the title that is too tall for it is told at its size.
        let p = problems("page: { size: 100x60, margin_top: 12, margin_bottom: 12, margin_left: 10, margin_right: 10 }\nstyles: { title: { size: 30 } }\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("styles.title.size (2): a line of title text, 30 pt at 1.15 times"), "{p:?}");
    }

    #[test]
    fn a_topics_heading_and_first_line_taller_than_half_the_text_area_are_refused() {
        // text45b F45b-11: each value within its fifth, together six fifths: every topic a
        // page of its own, 39,000 pages.
        let p = problems("styles:\n  body: { space_before: 146, space_after: 146, size: 28, line_height: 3 }\n  subheading: { space_before: 146, space_after: 146, size: 28, line_height: 3 }\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("styles.subheading.space_before (3): a topic's heading and the first line under it, with the space before and after each, take 265.3 mm of the 259 mm the page leaves for text, more than half of it (129.5 mm)"),
            "{p:?}"
        );
        let p = problems("styles:\n  body: { space_before: 146, space_after: 146, size: 28, line_height: 3 }\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("styles.body.space_before (2): a topic's heading"), "{p:?}");
    }

    #[test]
    fn pages_with_room_for_text_are_accepted() {
        for ok in [
            "page: { size: A5 }\n",
            "page: { size: A5 }\ncolumns: 2\n",
            "page: { size: 80x80, margin_left: 10, margin_right: 10, margin_top: 10, margin_bottom: 10 }\n",
            "extends: one-pager\n",
            "page: { size: 1000x1000 }\nstyles:\n  body: { size: 144 }\n",
        ] {
            assert_eq!(problems(ok), Vec::<String>::new(), "{ok}");
        }
    }
}

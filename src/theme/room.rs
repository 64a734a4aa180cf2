//! Whether a template's page leaves room for text: the margins are checked one by one, but
//! only together with the page size (and the body text's size) do they say how wide the text
//! column is. A column of a letter or two set a long briefing on hundreds of thousands of
//! pages (text43b F43b-17).

use super::{RawTheme, Theme};
use crate::diag::{Diagnostic, Span};

/// Characters of body text a line must have room for, at half an em each.
pub const MIN_CHARACTERS: f32 = 20.0;
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
        }
    }
}

fn mm(pt: f32) -> String {
    let mm = pt * 25.4 / 72.0;
    if (mm - mm.round()).abs() < 0.05 {
        format!("{}", mm.round())
    } else {
        format!("{mm:.1}")
    }
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
}

#[cfg(test)]
mod tests {
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

//! Whether a template's text can be read on the white page: each text colour a user's
//! template sets, against white, by the contrast ratio of WCAG 2.1 (success criterion 1.4.3,
//! level AA: 4.5:1, or 3:1 for large text; 1.4.11: 3:1 for a mark that is not text). A white
//! body text printed every paragraph invisible, yet read out and copied (text44b F44b-15).

use super::{RawTheme, Rgb, Theme};
use crate::diag::{Diagnostic, Span};

/// The roles of `$styles` (a theme's or a template's), by name: every role but the DRAFT
/// watermark, which is drawn pale behind the text on purpose.
macro_rules! roles {
    ($styles:expr) => {
        [
            ("title", &$styles.title),
            ("meta", &$styles.meta),
            ("summary", &$styles.summary),
            ("heading", &$styles.heading),
            ("subheading", &$styles.subheading),
            ("part", &$styles.part),
            ("body", &$styles.body),
            ("table", &$styles.table),
            ("contact", &$styles.contact),
            ("contact_label", &$styles.contact_label),
            ("running", &$styles.running),
            ("toc", &$styles.toc),
        ]
    };
}

/// Where a user's template set its colours, read before the raw template is applied.
#[derive(Debug, Default)]
pub struct ColourSpans(Vec<(String, Span)>);

impl ColourSpans {
    pub fn of(raw: &RawTheme) -> ColourSpans {
        let mut spans = Vec::new();
        if let Some(styles) = &raw.styles {
            for (role, style) in roles!(styles) {
                if let Some(color) = style.as_ref().and_then(|s| s.color.as_ref()) {
                    spans.push((format!("styles.{role}.color"), color.span));
                }
            }
            if let Some(color) = styles.watermark.as_ref().and_then(|s| s.color.as_ref()) {
                spans.push((WATERMARK.to_string(), color.span));
            }
        }
        if let Some(colors) = &raw.colors {
            for (name, color) in [
                ("link", &colors.link),
                ("inserted", &colors.inserted),
                ("deleted", &colors.deleted),
                ("changed", &colors.changed),
            ] {
                if let Some(color) = color {
                    spans.push((format!("colors.{name}"), color.span));
                }
            }
        }
        ColourSpans(spans)
    }
}

/// The field of the DRAFT watermark's colour.
const WATERMARK: &str = "styles.watermark.color";

/// The contrast ratio of `colour` against the white page, from 1 (white) to 21 (black).
pub fn on_white(colour: Rgb) -> f32 {
    1.05 / (luminance(colour) + 0.05)
}

/// The contrast ratio of two colours, from 1 (alike) to 21 (black and white).
fn between(a: Rgb, b: Rgb) -> f32 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// WCAG's relative luminance of `colour`, from 0 (black) to 1 (white).
fn luminance(Rgb(r, g, b): Rgb) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// `colour` darkened just enough to reach `ratio` against white.
fn darkened(Rgb(r, g, b): Rgb, ratio: f32) -> Rgb {
    let scaled = |k: u16| {
        let s = |c: u8| (u16::from(c) * k / 100) as u8;
        Rgb(s(r), s(g), s(b))
    };
    (0..=100u16).rev().map(scaled).find(|&c| on_white(c) >= ratio).unwrap_or(Rgb(0, 0, 0))
}

/// Each text colour of `theme`, by its field, with the ratio it needs and what it colours.
fn needs(theme: &Theme) -> Vec<(String, Rgb, f32, String)> {
    let mut out = Vec::new();
    for (role, style) in roles!(theme.styles) {
        let size = style.size.0;
        // WCAG's large text: 18 pt, or 14 pt bold.
        let large = size >= 18.0 || (style.bold && size >= 14.0);
        let what = format!("{role} text at {size} pt{}", if style.bold { " bold" } else { "" });
        out.push((format!("styles.{role}.color"), style.color, if large { 3.0 } else { 4.5 }, what));
    }
    let colors = &theme.colors;
    for (name, colour, ratio, what) in [
        ("link", colors.link, 4.5, "a link's text"),
        ("inserted", colors.inserted, 4.5, "a redline's inserted text"),
        ("deleted", colors.deleted, 4.5, "a redline's deleted text"),
        ("changed", colors.changed, 3.0, "a redline's change bar, which is not text"),
    ] {
        out.push((format!("colors.{name}"), colour, ratio, what.to_string()));
    }
    out
}

/// The least contrast the DRAFT watermark has against the white page, to be seen at all (the
/// built-in `#e3e3e3` has 1.28:1; `#f8f8f8`, 1.06:1, is lost on paper and on most screens).
const SEEN: f32 = 1.2;

/// What is drawn over the DRAFT watermark, as [`needs`] gives it, body text first: every
/// colour but the running lines', which lie in the margins, beyond the watermark in the
/// middle of the page.
fn over_watermark(theme: &Theme) -> Vec<(String, Rgb, f32, String)> {
    let mut over: Vec<_> = needs(theme).into_iter().filter(|(path, ..)| path != "styles.running.color").collect();
    over.sort_by_key(|(path, ..)| path != "styles.body.color");
    over
}

/// The colour nearest `colour` in its hue (lightened towards white, or darkened towards
/// black, by as little as may be) that `fits`.
fn nearest(Rgb(r, g, b): Rgb, fits: &dyn Fn(Rgb) -> bool) -> Option<Rgb> {
    let lighter = |k: u16| {
        let m = |c: u8| (u16::from(c) + (255 - u16::from(c)) * k / 100) as u8;
        Rgb(m(r), m(g), m(b))
    };
    let darker = |k: u16| {
        let s = |c: u8| (u16::from(c) * (100 - k) / 100) as u8;
        Rgb(s(r), s(g), s(b))
    };
    (0..=100u16).flat_map(|k| [lighter(k), darker(k)]).find(|&c| fits(c))
}

/// A DRAFT watermark's problems: a watermark the user's template colours (`set`, where) that
/// is too faint to be seen, or too dark for a text over it to be read; else a text colour
/// the user's template sets that cannot be read over the watermark (text45b F45b-1: a black
/// DRAFT hid the words under it; text46b F46b-3: only body text was weighed, and only against
/// a dark watermark). Each help names a colour that
/// keeps every text readable and the watermark seen, worked out from the colours given.
fn check_watermark(theme: &Theme, set: &dyn Fn(&str) -> Option<Span>, diags: &mut Vec<Diagnostic>) {
    let watermark = theme.styles.watermark.color;
    let over = over_watermark(theme);
    let short = |w: Rgb, text: Rgb, ratio: f32| between(w, text) / ratio;
    let fits = |w: Rgb| on_white(w) >= SEEN && over.iter().all(|(_, t, ratio, _)| short(w, *t, *ratio) >= 1.0);
    let hex = |Rgb(r, g, b): Rgb| format!("#{r:02x}{g:02x}{b:02x}");
    if let Some(span) = set(WATERMARK) {
        let help = || match nearest(watermark, &fits) {
            Some(c) => {
                let way = if luminance(c) > luminance(watermark) { "lighter" } else { "darker" };
                format!("a {way} colour, such as \"{}\"", hex(c))
            }
            None => "no colour is both seen under the text and light enough for it: darken the text colours".into(),
        };
        let worst = over
            .iter()
            .filter(|(_, t, ratio, _)| on_white(*t) >= *ratio)
            .min_by(|a, b| short(watermark, a.1, a.2).total_cmp(&short(watermark, b.1, b.2)));
        let seen = on_white(watermark);
        let problem = if seen < SEEN {
            Some((
                format!(
                    "the DRAFT watermark in this colour has a contrast of {seen:.2}:1 against the white page; it needs at least {SEEN}:1 to be seen"
                ),
                help(),
            ))
        } else if let Some((_, text, ratio, what)) = worst.filter(|(_, t, r, _)| short(watermark, *t, *r) < 1.0) {
            let has = between(watermark, *text);
            Some((
                format!(
                    "the DRAFT watermark is drawn behind the text, and {what} over it in this colour has a contrast of {has:.2}:1; it needs at least {ratio}:1 to be read (WCAG 2.1 AA)"
                ),
                help(),
            ))
        } else {
            None
        };
        if let Some((message, help)) = problem {
            diags.push(Diagnostic::new(Some(span), WATERMARK, message).with_help(help));
        }
        return;
    }
    for (path, text, ratio, what) in &over {
        let Some(span) = set(path) else { continue };
        // (One that cannot be read on the white page is said so below.)
        let has = between(watermark, *text);
        if has >= *ratio || on_white(*text) < *ratio {
            continue;
        }
        let readable = |c: Rgb| between(watermark, c) >= *ratio;
        let help = match nearest(*text, &readable) {
            Some(c) => format!("a darker colour, such as \"{}\"", hex(c)),
            None => "a darker colour".into(),
        };
        diags.push(
            Diagnostic::new(
                Some(span),
                path.clone(),
                format!(
                    "{what} in this colour has a contrast of {has:.2}:1 over the DRAFT watermark ({}), which is drawn behind the text; it needs at least {ratio}:1 to be read (WCAG 2.1 AA)",
                    hex(watermark)
                ),
            )
            .with_help(help),
        );
    }
}

/// Each colour the user's template set (`spans`) that cannot be read on the white page, and
/// the DRAFT watermark's problems ([`check_watermark`]).
pub fn check(theme: &Theme, spans: &ColourSpans, diags: &mut Vec<Diagnostic>) {
    let set = |path: &str| spans.0.iter().find(|(p, _)| p == path).map(|(_, span)| *span);
    check_watermark(theme, &set, diags);
    for (path, colour, ratio, what) in needs(theme) {
        let Some((_, span)) = spans.0.iter().find(|(p, _)| *p == path) else { continue };
        let has = on_white(colour);
        if has >= ratio {
            continue;
        }
        let Rgb(r, g, b) = darkened(colour, ratio);
        diags.push(
            Diagnostic::new(
                Some(*span),
                path,
                format!(
                    "{what} in this colour has a contrast of {has:.2}:1 against the white page; it needs at least {ratio}:1 to be read (WCAG 2.1 AA)"
                ),
            )
            .with_help(format!("a darker colour, such as \"#{r:02x}{g:02x}{b:02x}\"")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::{TemplateRef, BUILTIN, LANGUAGES};

    /// `path (line): message | help` of each problem of a user template.
    fn problems(text: &str) -> Vec<String> {
        let (file, problems) = crate::theme::user_problems(text);
        let line = |d: &Diagnostic| d.span.map_or(0, |s| file.line_col(s.start).0);
        problems
            .iter()
            .map(|d| format!("{} ({}): {} | {}", d.path, line(d), d.message, d.help.as_deref().unwrap_or("")))
            .collect()
    }

    #[test]
    fn ratios_are_wcags() {
        assert!((on_white(Rgb(0, 0, 0)) - 21.0).abs() < 0.01);
        assert!((on_white(Rgb(255, 255, 255)) - 1.0).abs() < 0.01);
        // #767676 is the lightest grey that passes 4.5:1.
        assert!(on_white(Rgb(0x76, 0x76, 0x76)) >= 4.5 && on_white(Rgb(0x77, 0x77, 0x77)) < 4.5);
    }

    #[test]
    fn a_text_colour_that_cannot_be_read_on_the_page_is_refused_at_its_field() {
        // text44b F44b-15: white body text printed every paragraph invisible, and a redline's
        // changes could be made so; nothing said.
        let p = problems(
            "styles:\n  body: { color: \"#ffffff\" }\ncolors: { inserted: \"#fefefe\", deleted: \"#ffffff\", link: \"#ffffff\" }\n",
        );
        assert_eq!(
            p,
            [
                "styles.body.color (2): body text at 10.5 pt in this colour has a contrast of 1.00:1 against the white page; it needs at least 4.5:1 to be read (WCAG 2.1 AA) | a darker colour, such as \"#757575\"",
                "colors.link (3): a link's text in this colour has a contrast of 1.00:1 against the white page; it needs at least 4.5:1 to be read (WCAG 2.1 AA) | a darker colour, such as \"#757575\"",
                "colors.inserted (3): a redline's inserted text in this colour has a contrast of 1.01:1 against the white page; it needs at least 4.5:1 to be read (WCAG 2.1 AA) | a darker colour, such as \"#747474\"",
                "colors.deleted (3): a redline's deleted text in this colour has a contrast of 1.00:1 against the white page; it needs at least 4.5:1 to be read (WCAG 2.1 AA) | a darker colour, such as \"#757575\"",
            ]
        );
        // Large text (the 22-point title) needs 3:1 (#7a7a7a has 4.29:1, and 3.35:1 over the
        // watermark); a lighter grey in 10.5-point body text does not pass.
        assert_eq!(problems("styles:\n  title: { color: \"#7a7a7a\" }\n"), Vec::<String>::new());
        let p = problems("styles:\n  body: { color: \"#888888\" }\n");
        assert!(p.len() == 1 && p[0].contains("3.54:1"), "{p:?}");
        // Colours it does not set are not its problem; the watermark is pale on purpose.
        assert_eq!(problems("styles:\n  watermark: { color: \"#e8e8e8\" }\n"), Vec::<String>::new());
    }

    #[test]
    fn a_watermark_too_dark_for_the_text_over_it_is_refused_at_its_field() {
        // text45b F45b-1: a black DRAFT was drawn over the text, which could not be read.
        let p = problems("styles:\n  watermark: { color: \"#000000\" }\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("styles.watermark.color (2): the DRAFT watermark is drawn behind the text, and body text at 10.5 pt over it in this colour has a contrast of 1.21:1;"),
            "{p:?}"
        );
        let help = p[0].split("such as \"#").nth(1).unwrap();
        let hex = |k: usize| u8::from_str_radix(&help[k..k + 2], 16).unwrap();
        let lighter = Rgb(hex(0), hex(2), hex(4));
        let body = Theme::resolve(TemplateRef::Builtin("default")).unwrap().styles.body.color;
        assert!(between(lighter, body) >= 4.5, "{lighter:?}");
        // The built-in watermark passes.
        for b in BUILTIN {
            let theme = Theme::resolve(TemplateRef::Builtin(b.name)).unwrap();
            assert!(between(theme.styles.watermark.color, theme.styles.body.color) >= 4.5, "{}", b.name);
        }
    }

    #[test]
    fn the_built_in_colours_can_be_read() {
        for b in BUILTIN {
            for lang in std::iter::once("en").chain(LANGUAGES.iter().map(|l| l.name)) {
                let theme = Theme::resolve_for(TemplateRef::Builtin(b.name), lang).unwrap();
                for (path, colour, ratio, _) in needs(&theme) {
                    assert!(on_white(colour) >= ratio, "{} ({lang}): {path} {colour:?}", b.name);
                }
            }
        }
    }

    /// `#rrggbb` → its colour.
    fn rgb(hex: &str) -> Rgb {
        let c = |k: usize| u8::from_str_radix(&hex[k..k + 2], 16).unwrap();
        Rgb(c(1), c(3), c(5))
    }

    #[test]
    fn any_watermark_colour_gives_one_that_is_seen_and_keeps_the_text_over_it_readable() {
        // text46b F46b-3: a white or yellow DRAFT could not be seen, and one dark enough for
        // body text hid the grey date line, a link or a redline's colours over it.
        for b in BUILTIN {
            let theme = Theme::resolve(TemplateRef::Builtin(b.name)).unwrap();
            for colour in ["#ff0000", "#00008b", "#000000", "#ffff00", "#ffffff", "#f8f8f8", "#b0b0ff", "#e3e3e3"] {
                let p = problems(&format!("extends: {}\nstyles:\n  watermark: {{ color: \"{colour}\" }}\n", b.name));
                let drawn = match p.as_slice() {
                    [] => rgb(colour),
                    [one] => {
                        assert!(one.starts_with("styles.watermark.color (3): the DRAFT watermark "), "{one}");
                        rgb(&one[one.find("such as \"").unwrap() + 9..][..7])
                    }
                    _ => panic!("{}: {colour}: {p:?}", b.name),
                };
                assert!(on_white(drawn) >= SEEN, "{} {colour}: {drawn:?} is not seen", b.name);
                for (path, text, ratio, _) in over_watermark(&theme) {
                    assert!(between(drawn, text) >= ratio, "{} {colour}: {path} over {drawn:?}", b.name);
                }
            }
        }
        let p = problems("styles:\n  watermark: { color: \"#ffff00\" }\n");
        assert!(
            p[0].contains("a contrast of 1.07:1 against the white page; it needs at least 1.2:1 to be seen"),
            "{p:?}"
        );
        assert!(p[0].contains("| a darker colour, such as"), "{p:?}");
        let p = problems("styles:\n  watermark: { color: \"#ff0000\" }\n");
        assert!(p[0].contains("| a lighter colour, such as"), "{p:?}");
    }

    #[test]
    fn a_text_colour_that_cannot_be_read_over_the_watermark_is_refused_at_its_field() {
        // text46b F46b-3: #767676 passes on the white page (4.54:1), not over the built-in
        // DRAFT (#e3e3e3); nothing was said.
        let p = problems("styles:\n  meta: { color: \"#767676\" }\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("styles.meta.color (2): meta text at 10 pt in this colour has a contrast of 3.54:1 over the DRAFT watermark (#e3e3e3)"),
            "{p:?}"
        );
        let darker = rgb(&p[0][p[0].find("such as \"").unwrap() + 9..][..7]);
        assert!(between(darker, rgb("#e3e3e3")) >= 4.5, "{darker:?}");
        // The running lines are in the margins, clear of the watermark.
        assert_eq!(problems("styles:\n  running: { color: \"#767676\" }\n"), Vec::<String>::new());
    }
}

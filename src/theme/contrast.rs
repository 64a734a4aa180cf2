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

/// `colour` lightened (towards white) just enough to reach `ratio` against `text`.
fn lightened(Rgb(r, g, b): Rgb, text: Rgb, ratio: f32) -> Rgb {
    let mixed = |k: u16| {
        let m = |c: u8| (u16::from(c) + (255 - u16::from(c)) * k / 100) as u8;
        Rgb(m(r), m(g), m(b))
    };
    (0..=100u16).map(mixed).find(|&c| between(c, text) >= ratio).unwrap_or(Rgb(255, 255, 255))
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

/// Each colour the user's template set (`spans`) that cannot be read on the white page, and a
/// DRAFT watermark too dark for body text over it to be read (text45b F45b-1: a black DRAFT
/// hid the words under it, which were read out all the same).
pub fn check(theme: &Theme, spans: &ColourSpans, diags: &mut Vec<Diagnostic>) {
    if let Some((_, span)) = spans.0.iter().find(|(p, _)| p == WATERMARK) {
        let (watermark, body) = (theme.styles.watermark.color, theme.styles.body.color);
        let has = between(watermark, body);
        if has < 4.5 && on_white(body) >= 4.5 {
            let Rgb(r, g, b) = lightened(watermark, body, 4.5);
            diags.push(
                Diagnostic::new(
                    Some(*span),
                    WATERMARK,
                    format!(
                        "the DRAFT watermark is drawn behind the text, and body text over it in this colour has a contrast of {has:.2}:1; it needs at least 4.5:1 to be read (WCAG 2.1 AA)"
                    ),
                )
                .with_help(format!("a lighter colour, such as \"#{r:02x}{g:02x}{b:02x}\"")),
            );
        }
    }
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
        // Large text (the 22-point title) needs 3:1; the same grey in 10.5-point body text does not pass.
        assert_eq!(problems("styles:\n  title: { color: \"#888888\" }\n"), Vec::<String>::new());
        let p = problems("styles:\n  body: { color: \"#888888\" }\n");
        assert!(p.len() == 1 && p[0].contains("3.54:1"), "{p:?}");
        // Colours it does not set are not its problem; the watermark is pale on purpose.
        assert_eq!(problems("styles:\n  watermark: { color: \"#f0f0f0\" }\n"), Vec::<String>::new());
    }

    #[test]
    fn a_watermark_too_dark_for_the_text_over_it_is_refused_at_its_field() {
        // text45b F45b-1: a black DRAFT was drawn over the text, which could not be read.
        let p = problems("styles:\n  watermark: { color: \"#000000\" }\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("styles.watermark.color (2): the DRAFT watermark is drawn behind the text, and body text over it in this colour has a contrast of 1."),
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
}

//! Setting a paragraph into lines: Unicode line breaking (UAX #14, so Japanese breaks between
//! characters), a fallback face for every character the main face lacks, and words wider than
//! the line broken between characters instead of dropped.

use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_segmentation::UnicodeSegmentation;

use super::LinkTarget;
use crate::fonts::{is_invisible, FaceId, FontBook, FontStyle};
use crate::theme::Rgb;

/// How a stretch of text looks, and what it is part of.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub style: FontStyle,
    pub size: u8,
    pub color: Rgb,
    pub link: Option<LinkTarget>,
    /// Code (`inline code`).
    pub code: bool,
    /// Which inline element of its paragraph the text belongs to (a link, a code span), so
    /// that one link broken across lines stays one link; 0 for plain text.
    pub group: u32,
    /// Which stretch of Japanese text in text of another language this is; 0 for none.
    pub ja: u32,
}

/// Text in one look.
#[derive(Debug, Clone)]
pub struct Span {
    pub text: String,
    pub look: Look,
}

/// A run of text in one face and look, placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// From the line's left edge, in points.
    pub x: f32,
    pub width: f32,
    pub face: FaceId,
    pub text: String,
    pub look: Look,
}

/// One set line.
#[derive(Debug, Clone, Default)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
    /// The largest font size on the line, in points (sets the line's height).
    pub size: f32,
}

/// Width of `c` in `face` at `size` points.
fn width_of(fonts: &FontBook, face: FaceId, c: char, size: f32) -> f32 {
    fonts.metrics(face).map_or(0.0, |m| m.char_width(c) * size)
}

/// One character ready to be set: where it is in the text, which span, face and width.
#[derive(Clone, Copy)]
struct Glyph {
    at: usize,
    ch: char,
    span: usize,
    face: Option<FaceId>,
    width: f32,
}

/// Sets `spans` into lines at most `max_width` points wide. Nothing is dropped: a word wider
/// than the line is broken between grapheme clusters; a character no face has keeps zero
/// width here (validation reports those before layout runs). A `max_width` below zero (a
/// table column narrower than its padding) is zero: one grapheme cluster per line.
pub fn set(spans: &[Span], max_width: f32, fonts: &FontBook) -> Vec<Line> {
    // Below zero even an empty line would be too wide, and breaking could never stop.
    let max_width = max_width.max(0.0);
    let mut text = String::new();
    let mut glyphs: Vec<Glyph> = Vec::new();
    for (si, span) in spans.iter().enumerate() {
        let size = f32::from(span.look.size);
        for (i, ch) in span.text.char_indices() {
            let ch = if ch == '\t' { ' ' } else { ch };
            let (face, width) = if ch == '\n' || is_invisible(ch) {
                (None, 0.0)
            } else {
                match fonts.face_for(ch, span.look.style) {
                    Some(f) => (Some(f), width_of(fonts, f, ch, size)),
                    None => (None, 0.0),
                }
            };
            glyphs.push(Glyph { at: text.len() + i, ch, span: si, face, width });
        }
        text.push_str(&span.text);
    }
    if glyphs.is_empty() {
        return Vec::new();
    }
    // Byte offset → glyph index, for mapping break opportunities.
    let index_of = |byte: usize| glyphs.partition_point(|g| g.at < byte);
    let widths = Widths::new(&glyphs);

    let mut lines = Vec::new();
    let mut line_start = 0usize; // glyph index where the current line begins
    let mut last_fit: Option<usize> = None; // the latest break opportunity on this line
    for (byte, kind) in linebreaks(&text) {
        // A spaced dash (" – ", " — ") stays with the word before it: no line starts with one.
        if kind == BreakOpportunity::Allowed && text[..byte].ends_with(' ') && text[byte..].starts_with(['–', '—'])
        {
            continue;
        }
        let seg_end = index_of(byte);
        if widths.content(line_start, seg_end) > max_width + 0.01 {
            if let Some(brk) = last_fit.filter(|&b| b > line_start) {
                lines.push(make_line(&glyphs[line_start..brk], spans, fonts));
                line_start = brk;
            }
            // The segment may still be too wide for a line of its own: break inside it.
            while widths.content(line_start, seg_end) > max_width + 0.01 {
                let cut = split_point(&text, &glyphs, line_start, seg_end, max_width);
                lines.push(make_line(&glyphs[line_start..cut], spans, fonts));
                line_start = cut;
            }
        }
        last_fit = Some(seg_end);
        if kind == BreakOpportunity::Mandatory {
            lines.push(make_line(&glyphs[line_start..seg_end], spans, fonts));
            line_start = seg_end;
            last_fit = None;
        }
    }
    // The end of the text is a mandatory break; after a final hard break it leaves an empty
    // line, which is not content.
    while lines.len() > 1 && lines.last().is_some_and(|l: &Line| l.runs.is_empty()) {
        lines.pop();
    }
    lines
}

/// Spaces that vanish at the ends of a line. No-break spaces (kept for indentation, e.g. in
/// code) and the ideographic space (a full character in Japanese text) stay.
fn hangs(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{3000}')
}

/// The length in bytes of the longest prefix of `text` that is at most `max_width` points wide
/// on one line in `look`, found without measuring anything past it.
pub fn fitting_prefix(text: &str, look: &Look, max_width: f32, fonts: &FontBook) -> usize {
    let size = f32::from(look.size);
    let mut width = 0.0;
    for (i, ch) in text.char_indices() {
        let ch = if ch == '\t' { ' ' } else { ch };
        if ch != '\n' && !is_invisible(ch) {
            width += fonts.face_for(ch, look.style).map_or(0.0, |f| width_of(fonts, f, ch, size));
        }
        if width > max_width {
            return i;
        }
    }
    text.len()
}

/// Widths of stretches of glyphs in constant time, so that a 4 MB word costs no more per
/// line than a short one.
struct Widths {
    /// `sum[i]`: the width of glyphs `0..i` (f64: millions of glyphs add up).
    sum: Vec<f64>,
    /// `visible[i]`: one past the last glyph before `i` that is not a space.
    visible: Vec<usize>,
}

impl Widths {
    fn new(glyphs: &[Glyph]) -> Widths {
        let mut sum = Vec::with_capacity(glyphs.len() + 1);
        let mut visible = Vec::with_capacity(glyphs.len() + 1);
        let (mut s, mut v) = (0.0, 0);
        sum.push(s);
        visible.push(v);
        for (i, g) in glyphs.iter().enumerate() {
            s += f64::from(g.width);
            if !hangs(g.ch) {
                v = i + 1;
            }
            sum.push(s);
            visible.push(v);
        }
        Widths { sum, visible }
    }

    /// Width of glyphs `from..to` as they would sit on a line: trailing spaces hang in the
    /// margin.
    fn content(&self, from: usize, to: usize) -> f32 {
        let end = self.visible[to].max(from);
        (self.sum[end] - self.sum[from]) as f32
    }
}

/// The glyph index at which to cut an over-wide stretch `[from, to)`: as many whole grapheme
/// clusters as fit, and at least one so that every cut makes progress.
fn split_point(text: &str, glyphs: &[Glyph], from: usize, to: usize, max_width: f32) -> usize {
    let start_byte = glyphs[from].at;
    let end_byte = glyphs.get(to).map_or(text.len(), |g| g.at);
    let mut width = 0.0;
    let mut cut = from;
    for (off, cluster) in text[start_byte..end_byte].grapheme_indices(true) {
        let first = glyphs.partition_point(|g| g.at < start_byte + off);
        let next = glyphs.partition_point(|g| g.at < start_byte + off + cluster.len());
        let w: f32 = glyphs[first..next].iter().map(|g| g.width).sum();
        if width + w > max_width && cut > from {
            break;
        }
        width += w;
        cut = next;
    }
    cut.max(from + 1).min(to)
}

/// Groups glyphs into runs of one span and face, dropping what is never drawn (line breaks,
/// invisible characters, spaces at the line's ends). A line that ends at a soft hyphen shows
/// a hyphen there.
fn make_line(glyphs: &[Glyph], spans: &[Span], fonts: &FontBook) -> Line {
    let visible = |g: &&Glyph| !hangs(g.ch);
    let first = glyphs.iter().position(|g| visible(&g));
    let last = glyphs.iter().rposition(|g| visible(&g));
    let mut line = Line::default();
    let (Some(first), Some(last)) = (first, last) else {
        line.size = glyphs.first().map_or(0.0, |g| f32::from(spans[g.span].look.size));
        return line;
    };
    let mut x = 0.0;
    for g in &glyphs[first..=last] {
        let look = &spans[g.span].look;
        line.size = line.size.max(f32::from(look.size));
        let Some(face) = g.face else { continue };
        push_char(&mut line.runs, x, face, g.ch, g.width, look);
        x += g.width;
    }
    let look = &spans[glyphs[last].span].look;
    if glyphs[last].ch == '\u{00AD}' {
        if let Some(face) = fonts.face_for('-', look.style) {
            let w = width_of(fonts, face, '-', f32::from(look.size));
            push_char(&mut line.runs, x, face, '-', w, look);
            x += w;
        }
    } else if last + 1 < glyphs.len() {
        // The line ended at a space (or a hard break): one space stays at its end, past the
        // visible text, so that text read in order (by a screen reader, or copied) keeps
        // the last word of the line apart from the first of the next.
        if let Some(face) = fonts.face_for(' ', look.style) {
            let w = width_of(fonts, face, ' ', f32::from(look.size));
            push_char(&mut line.runs, x, face, ' ', w, look);
        }
    }
    line.width = x;
    line
}

/// Appends a character to the last run if it has the same face and look, else starts a run.
fn push_char(runs: &mut Vec<Run>, x: f32, face: FaceId, ch: char, width: f32, look: &Look) {
    match runs.last_mut() {
        Some(r) if r.face == face && r.look == *look => {
            r.text.push(ch);
            r.width += width;
        }
        _ => runs.push(Run { x, width, face, text: ch.to_string(), look: look.clone() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(size: u8) -> Look {
        Look { style: FontStyle::REGULAR, size, color: Rgb(0, 0, 0), link: None, code: false, group: 0, ja: 0 }
    }

    fn plain(text: &str) -> Vec<Span> {
        vec![Span { text: text.into(), look: look(10) }]
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.runs.iter().map(|r| r.text.as_str()).collect()).collect()
    }

    #[test]
    fn short_text_is_one_line() {
        let fonts = FontBook::builtin();
        let lines = set(&plain("Hello world"), 500.0, &fonts);
        assert_eq!(texts(&lines), ["Hello world"]);
    }

    #[test]
    fn wraps_at_spaces_and_keeps_every_word() {
        let fonts = FontBook::builtin();
        let text = "The quick brown fox jumps over the lazy dog and keeps running far away";
        let lines = set(&plain(text), 100.0, &fonts);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        // Each line but the last keeps the space it broke at, so the text reads back whole.
        assert_eq!(texts(&lines).concat(), text);
        assert!(texts(&lines).iter().rev().skip(1).all(|l| l.ends_with(' ')));
    }

    #[test]
    fn japanese_breaks_between_characters() {
        let fonts = FontBook::builtin();
        let text =
            "日本と欧州連合は、第五世代移動通信システムの国際標準化の重要性を確認し、研究開発での協力に合意した。";
        let lines = set(&plain(text), 120.0, &fonts);
        assert!(lines.len() > 2, "{:?}", texts(&lines));
        assert_eq!(texts(&lines).concat(), text);
        assert!(lines.iter().all(|l| l.width <= 120.01));
        let ipa = lines[0].runs[0].face;
        assert_eq!(fonts.source(ipa).name, "IPAexGothic");
    }

    #[test]
    fn overlong_words_and_urls_are_broken_not_dropped() {
        let fonts = FontBook::builtin();
        let word = "x".repeat(200);
        let url = format!("https://example.org/{}", "abcdefghij".repeat(28));
        let text = format!("Before {word} and {url} after");
        let lines = set(&plain(&text), 150.0, &fonts);
        assert!(lines.iter().all(|l| l.width <= 150.01));
        let joined: String = texts(&lines).concat().split_whitespace().collect();
        let expected: String = text.split_whitespace().collect();
        assert_eq!(joined, expected);
    }

    #[test]
    fn a_width_below_zero_sets_one_cluster_per_line() {
        let fonts = FontBook::builtin();
        for width in [-5.0, 0.0, f32::NAN] {
            let lines = set(&plain("ab\u{301}c"), width, &fonts);
            assert_eq!(texts(&lines), ["a", "b\u{301}", "c"], "width {width}");
        }
    }

    #[test]
    fn a_long_word_sets_whole() {
        // Measuring the rest of the word from scratch after every cut made this quadratic
        // (minutes); it stays fast, but what is asserted is only that nothing is lost.
        let fonts = FontBook::builtin();
        let word = "x".repeat(300_000);
        let lines = set(&plain(&word), 100.0, &fonts);
        let unlimited = set(&plain(&"word ".repeat(60_000)), f32::INFINITY, &fonts);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        assert_eq!(texts(&lines).concat(), word);
        assert_eq!(unlimited.len(), 1);
    }

    #[test]
    fn no_break_spaces_keep_their_width_at_the_start_of_a_line() {
        let fonts = FontBook::builtin();
        let lines = set(&plain("\u{A0}\u{A0}indented"), 500.0, &fonts);
        assert_eq!(texts(&lines), ["\u{A0}\u{A0}indented"]);
        assert!(lines[0].runs[0].width > 0.0);
    }

    #[test]
    fn no_line_starts_with_a_spaced_dash() {
        let fonts = FontBook::builtin();
        let text = "Japan and the EU agreed – after long talks — on closer cooperation in research";
        // (Narrower than "agreed –", a line is cut wherever it must.)
        for width in (60..300).step_by(3) {
            let lines = texts(&set(&plain(text), width as f32, &fonts));
            assert_eq!(lines.concat(), text);
            assert!(!lines.iter().any(|l| l.starts_with(['–', '—'])), "at {width} pt: {lines:?}");
        }
    }

    #[test]
    fn hard_breaks_end_lines() {
        let fonts = FontBook::builtin();
        let lines = set(&plain("one\ntwo"), 500.0, &fonts);
        assert_eq!(texts(&lines), ["one ", "two"]);
    }

    #[test]
    fn mixed_scripts_get_runs_per_face() {
        let fonts = FontBook::builtin();
        let lines = set(&plain("EU と日本 ≤ 5G"), 500.0, &fonts);
        let faces: Vec<&str> = lines[0].runs.iter().map(|r| fonts.source(r.face).name.as_str()).collect();
        assert_eq!(faces, ["NotoSans-Regular", "IPAexGothic", "NotoSans-Regular", "DejaVuSans", "NotoSans-Regular"]);
        assert_eq!(texts(&lines), ["EU と日本 ≤ 5G"]);
    }

    #[test]
    fn soft_hyphen_shows_as_hyphen_only_at_a_break() {
        let fonts = FontBook::builtin();
        let text = "tele\u{AD}communications tele\u{AD}communications tele\u{AD}communications";
        let lines = set(&plain(text), 90.0, &fonts);
        let t = texts(&lines);
        assert!(t.iter().any(|l| l.ends_with("tele-")), "{t:?}");
        assert!(!t.concat().contains('\u{AD}'));
    }
}

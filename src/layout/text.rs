//! Setting a paragraph into lines: Unicode line breaking (UAX #14, so Japanese breaks between
//! characters), a fallback face for every character the main face lacks, and words wider than
//! the line broken between characters instead of dropped.

use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_segmentation::UnicodeSegmentation;

use super::jlreq::{self, Yakumono};

mod japanese;
use super::LinkTarget;
use crate::fonts::{is_invisible, FaceId, FontBook, FontStyle};
use crate::script::is_kana_or_kanji;
use crate::theme::Rgb;

/// How a stretch of text looks, and what it is part of.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub style: FontStyle,
    pub size: f32,
    pub color: Rgb,
    pub link: Option<LinkTarget>,
    /// Code (`inline code`).
    pub code: bool,
    /// Which inline element of its paragraph the text belongs to (a link, a code span), so
    /// that one link broken across lines stays one link; 0 for plain text.
    pub group: u32,
    /// Which stretch of Japanese text in text of another language this is; 0 for none.
    pub ja: u32,
    /// Running text of a template with `japanese_body: mincho`: Japanese characters in the
    /// Mincho face, not the Gothic one.
    pub mincho: Mincho,
    /// Text a redline marks as inserted or deleted.
    pub change: Option<crate::markdown::Change>,
}

/// Where the Mincho face is used (see [`Look::mincho`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mincho {
    /// Not at all.
    #[default]
    Off,
    /// For Japanese characters, in text of another language.
    Japanese,
    /// For every character it has, in Japanese text.
    All,
}

impl Look {
    /// Plain text in `style`, `size` and `color`: no link, not code, in no inline element.
    pub fn new(style: FontStyle, size: f32, color: Rgb) -> Look {
        Look { style, size, color, link: None, code: false, group: 0, ja: 0, mincho: Mincho::Off, change: None }
    }

    /// Marks this look as text a redline shows as `change`: in the change's colour, as inline
    /// element `group` of its paragraph, and never a live link (a link annotation must belong
    /// to a link element, and changed text is a span).
    pub fn mark(&mut self, change: crate::markdown::Change, group: u32, colors: &crate::theme::Colors) {
        self.change = Some(change);
        self.link = None;
        self.group = group;
        self.color = colors.of(change);
    }

    /// The face that prints `c` in this look: the monospaced face for code, Mincho for
    /// Japanese running text that asks for it, else the fallback chain.
    pub fn face(&self, fonts: &FontBook, c: char) -> Option<crate::fonts::FaceId> {
        if self.code {
            fonts.face_for_code(c, self.style)
        } else if self.mincho != Mincho::Off {
            fonts.face_for_mincho(c, self.style, self.mincho == Mincho::All)
        } else {
            fonts.face_for(c, self.style)
        }
    }
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
    /// Extra space after the first `k` characters of `text`, for each `(k, points)`
    /// (see [`crate::layout::TextItem::gaps`]); `width` includes it.
    pub gaps: Vec<(u32, f32)>,
    /// The text as typed, when reading the run's glyphs back would not give it (see
    /// [`crate::layout::TextItem::actual`]).
    pub actual: Option<String>,
}

/// One set line.
#[derive(Debug, Clone, Default)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
    /// The largest font size on the line, in points (sets the line's height).
    pub size: f32,
    /// How many runs at the start of the line are the end of a word hyphenated on the line
    /// before (0 when the line before was not hyphenated).
    continued: usize,
    /// The run where the word fragment before the line's hyphen starts, when it ends with one.
    hyphenated: Option<usize>,
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
    /// Space added after it when the next character is on the same line, in points:
    /// punctuation compression (negative) and the quarter em beside Latin text.
    adj: f32,
    /// Blank that goes when the glyph starts a line (an opening bracket's first half). A
    /// closing bracket or stop ending a line keeps its full width, so that the line's last
    /// glyph ends at the margin (JLREQ 3.1.4 allows either).
    lead: f32,
    /// How far the space after it may shrink and stretch in a justified Japanese line before
    /// characters are spread, in points (see [`japanese::give`]).
    give: jlreq::Give,
}

/// How a paragraph is set.
#[derive(Clone, Copy, Default)]
pub struct Setting<'h> {
    /// Every line but the last (and those ending at a hard break) fills the width: space goes
    /// between Japanese characters, or into word spaces.
    pub justify: bool,
    /// Japanese text: a last line of one or two characters is avoided by setting the lines
    /// above a little tighter.
    pub japanese: bool,
    /// A heading: a break inside a unit of Japanese and Latin text such as `日EU` is taken
    /// only when there is no other break on the line.
    pub heading: bool,
    /// A centred title or heading: Japanese lines of similar length.
    pub balance: bool,
    /// Hyphenation for the paragraph's language.
    pub hyphens: Option<&'h crate::hyphenate::Hyphenator>,
}

/// How many break candidates before a candidate total fit considers as the start of its
/// line: more than a line of any width holds in real text (a word and its hyphenation points
/// take several letters each).
const LOOK_BACK: usize = 500;

/// How far a justified line's word spaces may shrink, as a share of their width.
const SHRINK: f32 = 0.75;

/// Where a line starts and ends in the glyphs, and how it ends.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Break {
    start: usize,
    end: usize,
    /// The paragraph's last line, or one ended by a hard break: never justified.
    last: bool,
    /// Ends inside a word, at a hyphenation point: a hyphen is shown.
    hyphen: bool,
}

/// Sets `spans` into lines at most `max_width` points wide, ragged right. See [`set_with`].
pub fn set(spans: &[Span], max_width: f32, fonts: &FontBook) -> Vec<Line> {
    set_with(spans, max_width, fonts, Setting::default())
}

/// Sets `spans` into lines at most `max_width` points wide. Nothing is dropped: a word wider
/// than the line is broken between grapheme clusters; a character no face has keeps zero
/// width here (validation reports those before layout runs). A `max_width` below zero (a
/// table column narrower than its padding) is zero: one grapheme cluster per line.
/// Japanese punctuation is compressed and Latin words inside Japanese text are spaced by a
/// quarter em, as JLREQ asks (see [`super::jlreq`]).
pub fn set_with(spans: &[Span], max_width: f32, fonts: &FontBook, setting: Setting<'_>) -> Vec<Line> {
    // Below zero even an empty line would be too wide, and breaking could never stop.
    let max_width = if max_width.is_nan() { 0.0 } else { max_width.max(0.0) };
    let mut text = String::new();
    let mut glyphs: Vec<Glyph> = Vec::new();
    for (si, span) in spans.iter().enumerate() {
        let size = span.look.size;
        for (i, ch) in span.text.char_indices() {
            let ch = if ch == '\t' { ' ' } else { ch };
            let (face, width) = if ch == '\n' || is_invisible(ch) {
                (None, 0.0)
            } else {
                match span.look.face(fonts, ch) {
                    Some(f) => (Some(f), width_of(fonts, f, ch, size)),
                    None => (None, 0.0),
                }
            };
            let give = jlreq::Give::default();
            glyphs.push(Glyph { at: text.len() + i, ch, span: si, face, width, adj: 0.0, lead: 0.0, give });
        }
        text.push_str(&span.text);
    }
    if glyphs.is_empty() {
        return Vec::new();
    }
    compose_japanese(&mut glyphs, spans);
    // Justified Japanese is adjusted in JLREQ's order, and broken for the whole paragraph.
    let adjusted = setting.justify && setting.japanese;
    if adjusted {
        japanese::give(&mut glyphs, spans);
    }
    let paragraph = Paragraph {
        spans,
        fonts,
        text: &text,
        glyphs: &glyphs,
        widths: Widths::new(&glyphs),
        setting,
        word: std::cell::RefCell::new(None),
    };
    // Justified Latin text is broken for the whole paragraph at once (fewer wide spaces);
    // Japanese stretches between every character and is set line by line.
    let total_fit = (setting.justify && !setting.japanese).then(|| paragraph.total_fit(max_width)).flatten();
    let japanese_fit = adjusted.then(|| paragraph.japanese_fit(max_width));
    let phrases = (setting.japanese && setting.heading).then(|| paragraph.phrase_fit(max_width, setting.balance));
    let mut breaks = total_fit.or(japanese_fit).or(phrases).unwrap_or_else(|| paragraph.breaks(max_width));
    if setting.japanese
        && !setting.justify
        && !setting.heading
        && breaks.len() > 1
        && paragraph.short_last_line(&breaks)
    {
        // Tighter lines above move characters down: a little narrower each time, for as long
        // as the last line is still short (the lines are then justified to the full width).
        let em = spans.iter().map(|s| s.look.size).fold(0.0, f32::max);
        for k in 1..=4 {
            let tighter = paragraph.breaks(max_width - k as f32 * em);
            if !paragraph.short_last_line(&tighter) {
                breaks = tighter;
                break;
            }
        }
    }
    let mut continues = false;
    let mut lines: Vec<Line> = breaks
        .iter()
        .map(|b| {
            let target = (setting.justify && !b.last).then_some(max_width);
            let line =
                make_line(&glyphs[b.start..b.end], spans, fonts, target.map(|t| (t, adjusted)), (continues, b.hyphen));
            continues = line.hyphenated.is_some();
            line
        })
        .collect();
    whole_words(&mut lines);
    // The end of the text is a mandatory break; after a final hard break it leaves an empty
    // line, which is not content.
    while lines.len() > 1 && lines.last().is_some_and(|l: &Line| l.runs.is_empty()) {
        lines.pop();
    }
    lines
}

/// Full-width punctuation next to full-width punctuation gives up the blank JLREQ 3.1.4 says
/// it does; kana or kanji next to a Latin letter or digit, with nothing typed between, get a
/// quarter em (3.2.2). An opening bracket starting a line gives up its blank half when the
/// line is made.
fn compose_japanese(glyphs: &mut [Glyph], spans: &[Span]) {
    let full_width = |g: &Glyph| g.face.is_some() && g.width >= 0.9 * spans[g.span].look.size;
    for i in 0..glyphs.len() {
        let g = glyphs[i];
        let size = spans[g.span].look.size;
        let yaku = Yakumono::of(g.ch).filter(|_| full_width(&g));
        if yaku == Some(Yakumono::Opening) {
            glyphs[i].lead = Yakumono::Opening.blanks().0 * size;
        }
        let Some(next) = glyphs.get(i + 1).copied() else { continue };
        if next.face.is_none() || g.face.is_none() {
            continue;
        }
        if let (Some(a), Some(b)) = (yaku, Yakumono::of(next.ch).filter(|_| full_width(&next))) {
            glyphs[i].adj -= jlreq::squeeze(a, b) * size;
        } else if jlreq::spaced(g.ch, next.ch) {
            let japanese_size = if is_kana_or_kanji(g.ch) { size } else { spans[next.span].look.size };
            glyphs[i].adj += 0.25 * japanese_size;
        }
    }
}

/// A paragraph's glyphs, ready to be broken into lines.
struct Paragraph<'a> {
    spans: &'a [Span],
    fonts: &'a FontBook,
    text: &'a str,
    glyphs: &'a [Glyph],
    widths: Widths,
    setting: Setting<'a>,
    /// The word hyphenated last, with its hyphenation points: a word many lines long is
    /// hyphenated once, not again for each of its lines.
    word: std::cell::RefCell<Option<Word>>,
}

/// A word's glyphs `[start, end)` and the glyph indices where it may take a hyphen, in
/// increasing order; `None` for code, which is never hyphenated, and for a stretch without
/// letters (`letters` false), remembered so that a long one is not searched again per line.
struct Word {
    start: usize,
    end: usize,
    letters: bool,
    cuts: Option<Vec<usize>>,
}

impl Paragraph<'_> {
    /// Greedy line breaking at Unicode break opportunities (UAX #14) for lines `max_width`
    /// wide: each line takes as much as fits. In a heading, a break inside a Japanese-and-Latin
    /// unit gives way to an earlier one; a word that does not fit is hyphenated when the setting has
    /// hyphenation, and a stretch wider than the line is cut between grapheme clusters.
    fn breaks(&self, max_width: f32) -> Vec<Break> {
        let (text, glyphs, widths) = (self.text, self.glyphs, &self.widths);
        let max_width = max_width.max(0.0);
        let fits = |from: usize, to: usize| widths.content(glyphs, from, to) <= max_width + 0.01;
        // Byte offset → glyph index, for mapping break opportunities.
        let index_of = |byte: usize| glyphs.partition_point(|g| g.at < byte);
        let mut out = Vec::new();
        let mut line_start = 0usize; // glyph index where the current line begins
        let mut last_fit: Option<usize> = None; // the latest break opportunity on this line
        let mut last_strong: Option<usize> = None; // the latest that splits no `日EU`
        let push = |out: &mut Vec<Break>, start: usize, end: usize, last: bool, hyphen: bool| {
            out.push(Break { start, end, last, hyphen });
        };
        for (byte, kind) in linebreaks(text) {
            // A spaced dash (" – ", " — ") stays with the word before it: no line starts with one.
            if kind == BreakOpportunity::Allowed && text[..byte].ends_with(' ') && text[byte..].starts_with(['–', '—'])
            {
                continue;
            }
            let seg_end = index_of(byte);
            if !fits(line_start, seg_end) {
                let mut brk = last_fit.filter(|&b| b > line_start);
                if self.setting.heading {
                    if let Some(strong) = last_strong.filter(|&s| s > line_start && brk.is_some()) {
                        brk = Some(strong);
                    }
                }
                // A word that does not fit may be hyphenated, the line taking what fits of it.
                let from = brk.unwrap_or(line_start);
                if let Some(cut) = self.hyphen_point(from, seg_end, line_start, max_width) {
                    push(&mut out, line_start, cut, false, true);
                    line_start = cut;
                } else if let Some(b) = brk {
                    push(&mut out, line_start, b, false, false);
                    line_start = b;
                }
                // The segment may still be too wide for a line of its own: break inside it.
                while !fits(line_start, seg_end) {
                    let cut = self
                        .hyphen_point(line_start, seg_end, line_start, max_width)
                        .map(|c| (c, true))
                        .unwrap_or_else(|| (split_point(text, glyphs, line_start, seg_end, max_width), false));
                    push(&mut out, line_start, cut.0, false, cut.1);
                    line_start = cut.0;
                }
                last_strong = None;
            }
            last_fit = Some(seg_end);
            let weak =
                seg_end > 0 && seg_end < glyphs.len() && jlreq::weak_break(glyphs[seg_end - 1].ch, glyphs[seg_end].ch);
            if !weak {
                last_strong = Some(seg_end);
            }
            if kind == BreakOpportunity::Mandatory {
                push(&mut out, line_start, seg_end, true, false);
                line_start = seg_end;
                last_fit = None;
                last_strong = None;
            }
        }
        out
    }

    /// Line breaks chosen for the paragraph as a whole (after Knuth and Plass): of all the
    /// ways to break it into lines that fit, the one whose word spaces stretch least, a
    /// hyphen costing as much as a line stretched to one and a half times. `None` when some
    /// stretch between two breaks is wider than the line (the line-by-line setting cuts it).
    fn total_fit(&self, max_width: f32) -> Option<Vec<Break>> {
        let (text, glyphs, widths) = (self.text, self.glyphs, &self.widths);
        // Candidates: (glyph index, hard break, hyphen), the paragraph's start first.
        let mut candidates: Vec<(usize, bool, bool)> = vec![(0, true, false)];
        let index_of = |byte: usize| glyphs.partition_point(|g| g.at < byte);
        let mut word_start = 0;
        for (byte, kind) in linebreaks(text) {
            if kind == BreakOpportunity::Allowed && text[..byte].ends_with(' ') && text[byte..].starts_with(['–', '—'])
            {
                continue;
            }
            let end = index_of(byte);
            if let Some(h) = self.setting.hyphens {
                let (from, to) = (glyphs[word_start].at, glyphs.get(end).map_or(text.len(), |g| g.at));
                let word = &text[from..to];
                let letters = word.trim_end_matches(|c: char| !c.is_alphabetic());
                let code = glyphs[word_start..end].iter().any(|g| self.spans[g.span].look.code);
                if !code && letters.chars().all(char::is_alphabetic) && letters.chars().count() >= 5 {
                    for point in h.points(letters) {
                        candidates.push((index_of(from + point), false, true));
                    }
                }
            }
            // Breaks with nothing of width between them (zero-width spaces after combining
            // marks) give the same lines: the last of them stands for all.
            if let Some(&(prev, false, false)) = candidates.last().filter(|_| candidates.len() > 1) {
                if widths.sum[prev] == widths.sum[end] {
                    candidates.pop();
                }
            }
            candidates.push((end, kind == BreakOpportunity::Mandatory, false));
            word_start = end.min(glyphs.len().saturating_sub(1));
        }
        let look = &self.spans[glyphs[0].span].look;
        let hyphen = self.fonts.face_for('-', look.style).map_or(0.0, |f| width_of(self.fonts, f, '-', look.size));
        let space =
            self.fonts.face_for(' ', look.style).map_or(1.0, |f| width_of(self.fonts, f, ' ', look.size)).max(0.1);
        // Spaces before each glyph, to count a line's word spaces in constant time.
        let mut spaces = Vec::with_capacity(glyphs.len() + 1);
        let mut n = 0u32;
        spaces.push(0);
        for g in glyphs {
            n += u32::from(hangs(g.ch));
            spaces.push(n);
        }
        let inf = f64::INFINITY;
        let mut cost = vec![inf; candidates.len()];
        let mut from = vec![0usize; candidates.len()];
        cost[0] = 0.0;
        for j in 1..candidates.len() {
            let (end, hard, hyph) = candidates[j];
            let last = hard || j == candidates.len() - 1;
            // A line holds a few hundred break candidates at most; more fall together only
            // where nothing has width (zero-width spaces after combining marks), and looking
            // back past them all would make the paragraph's cost quadratic.
            for i in (j.saturating_sub(LOOK_BACK)..j).rev() {
                let start = candidates[i].0;
                if start >= end {
                    if candidates[i].1 {
                        break;
                    }
                    continue;
                }
                let width = widths.content(glyphs, start, end) + if hyph { hyphen } else { 0.0 };
                let first = widths.first[start];
                let stretchable = spaces[widths.visible[end].max(first)] - spaces[first];
                // Word spaces may shrink to `SHRINK` of their width, as in TeX.
                let shrinkable = (1.0 - SHRINK) * space * stretchable as f32;
                // A last line is set at its natural width: it may not shrink.
                let shrinkable = if last { 0.0 } else { shrinkable };
                if width - shrinkable > max_width + 0.01 {
                    if width - shrinkable - max_width > max_width {
                        break;
                    }
                    continue;
                }
                if cost[i].is_finite() {
                    let slack = f64::from(max_width - width);
                    let badness = if last && slack >= 0.0 {
                        0.0
                    } else if stretchable == 0 {
                        if slack > 1.0 {
                            1e9
                        } else {
                            0.0
                        }
                    } else if slack < 0.0 {
                        100.0 * (-slack / f64::from(shrinkable)).powi(3)
                    } else {
                        let ratio = slack / (f64::from(stretchable) * f64::from(space));
                        100.0 * ratio.powi(3)
                    };
                    let c = cost[i] + badness + if hyph { 50.0 } else { 0.0 } + 1.0;
                    if c < cost[j] {
                        cost[j] = c;
                        from[j] = i;
                    }
                }
                if candidates[i].1 {
                    break;
                }
            }
            if hard && !cost[j].is_finite() {
                return None;
            }
        }
        let mut j = candidates.len() - 1;
        if !cost[j].is_finite() {
            return None;
        }
        let mut out = Vec::new();
        while j > 0 {
            let i = from[j];
            let (end, hard, hyph) = candidates[j];
            out.push(Break { start: candidates[i].0, end, last: hard || j == candidates.len() - 1, hyphen: hyph });
            j = i;
        }
        out.reverse();
        Some(out)
    }

    /// The latest hyphenation point in the word `[from, to)` at which the line from
    /// `line_start` fits `max_width` with a hyphen, if the setting hyphenates. A word is the
    /// letters from the first after `from`; when `from` is inside the word last hyphenated
    /// (a word longer than a line), that word's points are used again.
    fn hyphen_point(&self, from: usize, to: usize, line_start: usize, max_width: f32) -> Option<usize> {
        let hyphens = self.setting.hyphens?;
        let glyphs = self.glyphs;
        let mut cached = self.word.borrow_mut();
        let known = |w: &Word| w.start <= from && from < w.end && (w.letters || to <= w.end);
        if !cached.as_ref().is_some_and(known) {
            // The word: from the first letter after `from` to the last letter before `to`.
            let Some(start) = (from..to).find(|&i| glyphs[i].ch.is_alphabetic()) else {
                *cached = Some(Word { start: from, end: to, letters: false, cuts: None });
                return None;
            };
            let end = (start..to).find(|&i| !glyphs[i].ch.is_alphabetic()).unwrap_or(to);
            let cuts = (!glyphs[start..end].iter().any(|g| self.spans[g.span].look.code)).then(|| {
                let word_start = glyphs[start].at;
                let word_end = glyphs.get(end).map_or(self.text.len(), |g| g.at);
                let points = hyphens.points(&self.text[word_start..word_end]);
                points.into_iter().map(|byte| glyphs.partition_point(|g| g.at < word_start + byte)).collect()
            });
            *cached = Some(Word { start, end, letters: true, cuts });
        }
        let word = cached.as_ref()?;
        let cuts = word.cuts.as_ref()?;
        let look = &self.spans[glyphs[word.start.max(line_start).min(glyphs.len() - 1)].span].look;
        let hyphen = self.fonts.face_for('-', look.style).map_or(0.0, |f| width_of(self.fonts, f, '-', look.size));
        // A line grows with each glyph it takes: the cuts that fit come first.
        let fitting = cuts.partition_point(|&cut| {
            cut <= line_start || (cut < to && self.widths.content(glyphs, line_start, cut) + hyphen <= max_width + 0.01)
        });
        cuts[..fitting].last().copied().filter(|&cut| cut > line_start)
    }

    /// Whether the paragraph's last line has only one or two characters, after a line above.
    fn short_last_line(&self, breaks: &[Break]) -> bool {
        let Some(last) = breaks.iter().rev().find(|b| b.end > b.start) else { return false };
        let before = breaks.iter().rfind(|b| b.end <= last.start && b.end > b.start);
        let visible = self.glyphs[last.start..last.end].iter().filter(|g| g.face.is_some() && !hangs(g.ch)).count();
        visible <= 2 && before.is_some_and(|b| !b.last)
    }
}

/// Spaces that vanish at the ends of a line. No-break spaces (kept for indentation, e.g. in
/// code) and the ideographic space (a full character in Japanese text) stay.
fn hangs(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{3000}')
}

/// The length in bytes of the longest prefix of `text` that is at most `max_width` points wide
/// on one line in `look`, found without measuring anything past it.
pub fn fitting_prefix(text: &str, look: &Look, max_width: f32, fonts: &FontBook) -> usize {
    let size = look.size;
    let mut width = 0.0;
    for (i, ch) in text.char_indices() {
        let ch = if ch == '\t' { ' ' } else { ch };
        if ch != '\n' && !is_invisible(ch) {
            width += look.face(fonts, ch).map_or(0.0, |f| width_of(fonts, f, ch, size));
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
    /// `sum[i]`: the width of glyphs `0..i`, with the space after each (f64: millions of
    /// glyphs add up).
    sum: Vec<f64>,
    /// `visible[i]`: one past the last glyph before `i` that is not a space.
    visible: Vec<usize>,
    /// `first[i]`: the first glyph at or after `i` that is not a space.
    first: Vec<usize>,
}

impl Widths {
    fn new(glyphs: &[Glyph]) -> Widths {
        let mut sum = Vec::with_capacity(glyphs.len() + 1);
        let mut visible = Vec::with_capacity(glyphs.len() + 1);
        let (mut s, mut v) = (0.0, 0);
        sum.push(s);
        visible.push(v);
        for (i, g) in glyphs.iter().enumerate() {
            s += f64::from(g.width + g.adj);
            if !hangs(g.ch) {
                v = i + 1;
            }
            sum.push(s);
            visible.push(v);
        }
        let mut first = vec![glyphs.len(); glyphs.len() + 1];
        for i in (0..glyphs.len()).rev() {
            first[i] = if hangs(glyphs[i].ch) { first[i + 1] } else { i };
        }
        Widths { sum, visible, first }
    }

    /// Width of glyphs `from..to` as they would sit on a line: spaces at its ends hang in
    /// the margin, and so does the first half of an opening bracket that starts it.
    fn content(&self, glyphs: &[Glyph], from: usize, to: usize) -> f32 {
        let start = self.first[from];
        let end = self.visible[to];
        if end <= start {
            return 0.0;
        }
        let last = &glyphs[end - 1];
        (self.sum[end] - self.sum[start]) as f32 - last.adj - glyphs[start].lead
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
/// invisible characters, spaces at the line's ends). An opening bracket starting the line
/// gives up its blank half. With a `target` width
/// the line is justified: the space missing goes between Japanese characters where there
/// are any, else into word spaces. A line that ends at a hyphenation point or a soft hyphen
/// shows a hyphen, read back as a soft hyphen (U+00AD) so that the word extracts whole.
/// `continues` says the line before ended with a hyphen, so that the line's first word
/// fragment is a run of its own, and so is the fragment before the line's own hyphen (see
/// [`whole_words`]).
fn make_line(
    glyphs: &[Glyph],
    spans: &[Span],
    fonts: &FontBook,
    target: Option<(f32, bool)>,
    (continues, hyphen): (bool, bool),
) -> Line {
    let visible = |g: &&Glyph| !hangs(g.ch);
    let first = glyphs.iter().position(|g| visible(&g));
    let last = glyphs.iter().rposition(|g| visible(&g));
    let mut line = Line::default();
    let (Some(first), Some(last)) = (first, last) else {
        line.size = glyphs.first().map_or(0.0, |g| spans[g.span].look.size);
        return line;
    };
    let shown = &glyphs[first..=last];
    // The space after each glyph shown: its own, but none after the last (what followed it is
    // on the next line).
    let mut after: Vec<f32> = shown.iter().map(|g| g.adj).collect();
    after[shown.len() - 1] = 0.0;
    let lead = shown[0].lead;
    let ends_soft = shown[shown.len() - 1].ch == '\u{00AD}';
    let look_last = &spans[shown[shown.len() - 1].span].look;
    let hyphen_face = if hyphen || ends_soft { fonts.face_for('\u{00AD}', look_last.style) } else { None };
    let hyphen_width = hyphen_face.map_or(0.0, |f| width_of(fonts, f, '\u{00AD}', look_last.size));
    if let Some((target, adjusted)) = target {
        let natural: f32 = shown.iter().zip(&after).map(|(g, a)| g.width + a).sum::<f32>() - lead + hyphen_width;
        let em = adjusted.then(|| shown.iter().map(|g| spans[g.span].look.size).fold(0.0, f32::max));
        justify(shown, &mut after, target - natural, em);
    }
    // Word fragments either side of a hyphen are runs of their own.
    let first_word_end = continues.then(|| shown.iter().position(|g| hangs(g.ch))).flatten();
    let last_word_start = hyphen_face.is_some().then(|| shown.iter().rposition(|g| hangs(g.ch)).map_or(0, |p| p + 1));
    let mut x = -lead;
    for (k, (g, &extra)) in shown.iter().zip(&after).enumerate() {
        let look = &spans[g.span].look;
        line.size = line.size.max(look.size);
        if Some(k) == first_word_end {
            line.continued = line.runs.len();
        }
        if Some(k) == last_word_start {
            line.hyphenated = Some(line.runs.len());
        }
        let fresh = Some(k) == first_word_end || Some(k) == last_word_start;
        match g.face {
            Some(face) if fresh => line.runs.push(Run::new(x, face, g.ch, g.width, extra, look)),
            Some(face) => push_char(&mut line.runs, x, face, g.ch, g.width, extra, look),
            // Not drawn (a soft hyphen inside the line): the space after it goes after the
            // character before.
            None => {
                if let Some(run) = line.runs.last_mut() {
                    run.gap(extra);
                }
            }
        }
        x += g.width + extra;
    }
    if continues && first_word_end.is_none() {
        line.continued = line.runs.len();
    }
    if let Some(face) = hyphen_face {
        if line.hyphenated == Some(line.runs.len()) {
            // Only the hyphen after the break: a fragment of its own all the same.
            line.runs.push(Run::new(x, face, '\u{00AD}', hyphen_width, 0.0, look_last));
        } else {
            push_char(&mut line.runs, x, face, '\u{00AD}', hyphen_width, 0.0, look_last);
        }
        x += hyphen_width;
    } else if last + 1 < glyphs.len() {
        // The line ended at a space (or a hard break): one space stays at its end, past the
        // visible text, so that text read in order (by a screen reader, or copied) keeps
        // the last word of the line apart from the first of the next.
        if let Some(face) = fonts.face_for(' ', look_last.style) {
            let w = width_of(fonts, face, ' ', look_last.size);
            push_char(&mut line.runs, x, face, ' ', w, 0.0, look_last);
        }
    }
    line.width = x;
    // Japanese spaced by a quarter em beside Latin text, or stretched to the width, reads back
    // with spaces nobody typed: each run says what it holds.
    let spaced = shown.iter().zip(&after).any(|(g, &a)| a > 0.01 && !hangs(g.ch));
    if spaced && shown.iter().any(|g| is_kana_or_kanji(g.ch)) {
        for run in &mut line.runs {
            run.actual = Some(run.text.clone());
        }
    }
    line
}

/// A word hyphenated across lines reads back whole: the fragment before the hyphen carries the
/// word as typed (without the hyphen), and the fragments after it nothing, so that text
/// extraction, copying and screen readers get `Workshop`, not `Work-` and `shop`.
fn whole_words(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        let Some(start) = lines[i].hyphenated else {
            i += 1;
            continue;
        };
        let mut word: String = lines[i].runs[start..].iter().map(|r| r.text.as_str()).collect();
        let mut j = i + 1;
        while let Some(next) = lines.get_mut(j) {
            let end = next.continued.min(next.runs.len());
            for run in &mut next.runs[..end] {
                word.push_str(&run.text);
                run.actual = Some(String::new());
            }
            // A fragment that fills its line and is hyphenated again goes on to the next.
            if next.hyphenated != Some(0) || end < next.runs.len().saturating_sub(1) {
                break;
            }
            j += 1;
        }
        word.retain(|c| c != '\u{00AD}');
        for (k, run) in lines[i].runs[start..].iter_mut().enumerate() {
            run.actual = Some(if k == 0 { word.clone() } else { String::new() });
        }
        // The line the word ends on may hyphenate another after it.
        i = j.max(i + 1);
    }
}

/// Spreads `slack` points over the places a line may stretch: in Japanese, first what may
/// give (JLREQ 3.8: the spaces beside and inside Latin text; punctuation shrinks to half
/// width), then between Japanese characters where the line has any, else its word spaces.
/// Lines with neither, and lines already full, stay as they are. In a Japanese paragraph
/// (`em`, its size), a line with too few such places (an address) is spread between Latin
/// letters too, rather than by more than a sixteenth of an em in a few places.
fn justify(shown: &[Glyph], after: &mut [f32], mut slack: f32, em: Option<f32>) {
    let n = shown.len();
    let inner = &shown[..n.saturating_sub(1)];
    let room: f32 = inner.iter().map(|g| if slack < 0.0 { g.give.shrink } else { g.give.stretch }).sum();
    if room > 0.0 && slack.abs() > 0.01 {
        let share = (slack.abs() / room).min(1.0);
        for (i, g) in inner.iter().enumerate() {
            after[i] += if slack < 0.0 { -g.give.shrink * share } else { g.give.stretch * share };
        }
        slack -= slack.signum() * share * room;
    }
    if slack < -0.01 {
        // A line broken for the whole paragraph may be set a little tight: its word spaces
        // shrink (never below [`SHRINK`] of their width; the breaking made sure).
        let spaces: Vec<usize> = (1..n.saturating_sub(1)).filter(|&i| hangs(shown[i].ch)).collect();
        if !spaces.is_empty() {
            let each = slack / spaces.len() as f32;
            for i in spaces {
                after[i] += each.max(-(1.0 - SHRINK) * shown[i].width);
            }
        }
        return;
    }
    if slack <= 0.01 {
        return;
    }
    let japanese: Vec<usize> =
        (0..n.saturating_sub(1)).filter(|&i| jlreq::stretches(shown[i].ch, shown[i + 1].ch)).collect();
    let spaces: Vec<usize> = (1..n.saturating_sub(1)).filter(|&i| hangs(shown[i].ch)).collect();
    let mut places: Vec<usize> =
        if japanese.is_empty() { spaces } else { japanese.into_iter().chain(spaces).collect() };
    if em.is_some_and(|em| slack > places.len() as f32 * em * japanese::MOST_SPREAD) {
        places.extend((0..n.saturating_sub(1)).filter(|&i| japanese::between_letters(shown[i].ch, shown[i + 1].ch)));
    }
    if places.is_empty() {
        return;
    }
    let each = slack / places.len() as f32;
    for i in places {
        after[i] += each;
    }
}

/// Appends a character to the last run if it has the same face and look, else starts a run;
/// `extra` is the space after it.
fn push_char(runs: &mut Vec<Run>, x: f32, face: FaceId, ch: char, width: f32, extra: f32, look: &Look) {
    match runs.last_mut() {
        Some(r) if r.face == face && r.look == *look => {
            r.text.push(ch);
            r.width += width;
            r.gap(extra);
        }
        _ => runs.push(Run::new(x, face, ch, width, extra, look)),
    }
}

impl Run {
    /// A run of one character, with `extra` points after it.
    fn new(x: f32, face: FaceId, ch: char, width: f32, extra: f32, look: &Look) -> Run {
        let mut run = Run { x, width, face, text: ch.to_string(), look: look.clone(), gaps: Vec::new(), actual: None };
        run.gap(extra);
        run
    }

    /// Adds `extra` points after the run's text so far.
    fn gap(&mut self, extra: f32) {
        if extra == 0.0 {
            return;
        }
        let k = self.text.chars().count() as u32;
        match self.gaps.last_mut() {
            Some((at, e)) if *at == k => *e += extra,
            _ => self.gaps.push((k, extra)),
        }
        self.width += extra;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(size: f32) -> Look {
        Look::new(FontStyle::REGULAR, size, Rgb(0, 0, 0))
    }

    fn plain(text: &str) -> Vec<Span> {
        vec![Span { text: text.into(), look: look(10.0) }]
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
        // Shown as a hyphen, kept as a soft hyphen so the word extracts whole.
        assert!(t.iter().any(|l| l.ends_with("tele\u{AD}")), "{t:?}");
        assert_eq!(t.concat().matches('\u{AD}').count(), t.iter().filter(|l| l.ends_with('\u{AD}')).count());
        let last = lines.iter().find(|l| texts(&[(*l).clone()])[0].ends_with('\u{AD}')).unwrap().runs.last().unwrap();
        assert!(last.width > 2.0, "the hyphen has a width");
    }

    fn visible(line: &Line) -> usize {
        line.runs.iter().flat_map(|r| r.text.chars()).filter(|c| !c.is_whitespace()).count()
    }

    #[test]
    fn japanese_paragraphs_do_not_end_on_one_or_two_characters() {
        let fonts = FontBook::builtin();
        let text = "日本とEUは、開始された5Gサービスの状況及びBeyond 5Gの状況をそれぞれ紹介しました。\
                    双方は、共同研究の公募を来年度も継続することを確認しました。";
        let japanese = Setting { justify: true, japanese: true, ..Setting::default() };
        let mut short = 0;
        for width in 100..400 {
            let greedy = set(&plain(text), width as f32, &fonts);
            if greedy.len() > 1 && visible(greedy.last().unwrap()) <= 2 {
                short += 1;
            }
            let lines = set_with(&plain(text), width as f32, &fonts, japanese);
            assert!(lines.len() == 1 || visible(lines.last().unwrap()) > 2, "at {width} pt: {:?}", texts(&lines));
            assert_eq!(texts(&lines).concat(), text);
            for line in &lines[..lines.len() - 1] {
                assert!((line.width - width as f32).abs() < 0.01, "justified to {width}: {}", line.width);
            }
        }
        assert!(short > 5, "greedy setting leaves a short last line at some widths ({short})");
    }

    #[test]
    fn headings_keep_japanese_and_latin_units_together() {
        let fonts = FontBook::builtin();
        let text = "第31回日EU・ICT政策対話の結果";
        let heading = Setting { heading: true, ..Setting::default() };
        let mut split = 0;
        for width in 60..200 {
            let breaks_inside = |lines: &[Line]| texts(lines).iter().any(|l| l.ends_with('日'));
            split += usize::from(breaks_inside(&set(&plain(text), width as f32, &fonts)));
            let lines = set_with(&plain(text), width as f32, &fonts, heading);
            assert!(!breaks_inside(&lines), "at {width}: {:?}", texts(&lines));
        }
        assert!(split > 0, "body text may break inside 日EU");
    }

    /// Lines of `text` justified at `width` and the number of them (last lines aside) whose
    /// word spaces stretch beyond twice their width.
    fn wide_lines(text: &str, width: f32, hyphens: Option<&crate::hyphenate::Hyphenator>) -> (Vec<Line>, usize) {
        let fonts = FontBook::builtin();
        let space = width_of(&fonts, FaceId(0), ' ', 10.0);
        let lines = set_with(&plain(text), width, &fonts, Setting { justify: true, hyphens, ..Setting::default() });
        let wide = lines[..lines.len() - 1]
            .iter()
            .filter(|line| {
                assert!((line.width - width).abs() < 0.01, "justified to {width}: {} {:?}", line.width, texts(&lines));
                // (A hyphenated word's parts are runs of their own.)
                let text: String = line.runs.iter().map(|r| r.text.as_str()).collect();
                let spaces = text.trim_end().matches(' ').count().max(1);
                let gaps: f32 = line.runs.iter().flat_map(|r| &r.gaps).map(|g| g.1).sum();
                space + gaps / spaces as f32 > 2.0 * space + 0.01
            })
            .count();
        (lines, wide)
    }

    #[test]
    fn justified_latin_spaces_stay_under_twice_their_width_with_hyphenation() {
        let text = "The Ministry of Internal Affairs and Communications and the European Commission held \
                    the tenth Japan-EU ICT Strategy Workshop in the form of a web-conference. Japan and the \
                    European Commission pointed out the importance of international standardization, as well \
                    as research and development, and agreed on their cooperation toward the early realization \
                    of Beyond 5G. Furthermore, Japan and the EU confirmed discussions to promote the \
                    cooperation of information sharing organizations.";
        let en = crate::hyphenate::Hyphenator::for_language("en").unwrap();
        let (mut hyphenated, mut wide, mut wide_unhyphenated) = (0, 0, 0);
        for width in (150..460).step_by(10) {
            let (lines, n) = wide_lines(text, width as f32, Some(&en));
            assert_eq!(texts(&lines).concat().replace('\u{AD}', ""), text, "nothing lost or added");
            assert!(lines.iter().all(|l| l.width <= width as f32 + 0.01), "no line is wider than the column");
            // From a column of about 45 characters, hyphenation always keeps spaces in bound.
            assert!(width < 240 || n == 0, "at {width}: {n} lines with spaces over twice their width");
            hyphenated += texts(&lines).iter().filter(|l| l.ends_with('\u{AD}')).count();
            wide += n;
            wide_unhyphenated += wide_lines(text, width as f32, None).1;
        }
        assert!(hyphenated > 10, "words were hyphenated ({hyphenated})");
        assert!(wide * 3 < wide_unhyphenated, "hyphenation: {wide} wide lines, without: {wide_unhyphenated}");
    }

    #[test]
    fn a_word_many_lines_long_breaks_at_the_whole_words_points() {
        // The word is hyphenated once, whole; each line (ragged right, set line by line) takes
        // the last of its points that fits.
        let fonts = FontBook::builtin();
        let en = crate::hyphenate::Hyphenator::for_language("en").unwrap();
        let word = "telecommunication".repeat(40);
        let points = en.points(&word);
        let width_of = |s: &str| set(&plain(s), 1e9, &fonts)[0].width;
        let hyphen = width_of("-");
        for width in [80.0, 150.0, 300.0] {
            let setting = Setting { hyphens: Some(&en), ..Setting::default() };
            let lines = texts(&set_with(&plain(&word), width, &fonts, setting));
            assert_eq!(lines.concat().replace('\u{AD}', ""), word, "nothing lost");
            let (mut at, mut expected) = (0, Vec::new());
            while width_of(&word[at..]) > width {
                let cut =
                    *points.iter().filter(|&&p| p > at && width_of(&word[at..p]) + hyphen <= width).max().unwrap();
                expected.push(format!("{}\u{AD}", &word[at..cut]));
                at = cut;
            }
            expected.push(word[at..].to_string());
            assert_eq!(lines, expected, "at {width} pt");
        }
    }

    #[test]
    fn zero_width_breaks_lose_nothing_and_add_no_lines() {
        let fonts = FontBook::builtin();
        let text = format!("a{}", "\u{301}\u{200B}".repeat(5000));
        let setting = Setting { justify: true, ..Setting::default() };
        let lines = set_with(&plain(&text), 200.0, &fonts, setting);
        assert_eq!(lines.len(), 1);
        let visible: String = text.chars().filter(|c| !crate::fonts::is_invisible(*c)).collect();
        assert_eq!(texts(&lines).concat(), visible);
    }

    #[test]
    fn fractional_sizes_set_fractional_widths() {
        let fonts = FontBook::builtin();
        let spans = |size: f32| vec![Span { text: "Briefing".into(), look: look(size) }];
        let (ten, half) = (set(&spans(10.0), 500.0, &fonts), set(&spans(10.5), 500.0, &fonts));
        assert!((half[0].width / ten[0].width - 1.05).abs() < 1e-4);
        assert_eq!(half[0].size, 10.5);
    }
}
